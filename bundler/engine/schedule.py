"""Can these tasks be one job? Finds a weekly schedule or says which rule stands in the way.

Used by the constructive heuristic (thousands of small questions), by validation of
pinned jobs and by the plan writer. The CP-SAT model answers the same question for all
jobs at once; this module answers it for one set of tasks, fast.

How: days first. Each flexible slot gets a day (spreading, working days, day hours);
a day whose last chance has passed is judged at once, alone (`day_schedule`, which
remembers its answers); when every slot has a day, the days' placements are joined
under the rests between days. A failure on one day so never makes the search try
every start time on the others again.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from bundler.engine.day_schedule import DayAnswer, OutOfBudget, SlotKey, search_day
from bundler.engine.instance import Instance, Placement
from bundler.engine.rulebook import (
    Breach,
    Occurrence,
    clashes,
    day_breaches,
    schedule_breaches,
    static_breaches,
    week_breaches,
)
from bundler.rules import Rule

SEARCH_BUDGET = 20_000


def day_problems(instance: Instance, day: int, occurrences: list[Occurrence]) -> list[Breach]:
    """The day rules of the rule book for one day of one job (strict)."""
    return day_breaches(instance, day, occurrences)


def _pieces_to_bridge(lo: int, hi: int, options: list[Placement], max_gap: int) -> int | None:
    """Fewest placements that chain from lo to hi with gaps of at most max_gap (greedy
    interval covering), or None when no chain exists."""
    inside = sorted((p for p in options if lo <= p.start and p.end <= hi), key=lambda p: p.start)
    reach, pieces, i, best = lo, 0, 0, None
    while reach + max_gap < hi:
        while i < len(inside) and inside[i].start <= reach + max_gap:
            best = max(best or 0, inside[i].end)
            i += 1
        if best is None or best <= reach:
            return None
        reach, pieces = best, pieces + 1
    return pieces


def _enough_helpers(rules, by_day: dict[int, list[Occurrence]], flexible: list) -> bool:
    """A day whose fixed work is too short, or has too long a gap, needs flexible slots
    placed there, each slot on one day only: can the slots cover every such day?

    A flow from days (as many slots as their gaps need at least) to slots (one day each).
    """
    graph = nx.DiGraph()
    needed = 0
    for day, occurrences in by_day.items():
        ordered = sorted(p for p, _, _ in occurrences)
        gaps = [(a.end, b.start) for a, b in zip(ordered, ordered[1:]) if b.start - a.end > rules.max_gap_minutes]
        short = sum(p.minutes for p in ordered) < rules.min_day_minutes
        if not gaps and not short:
            continue
        helpers = [k for k, (_, _, options) in enumerate(flexible) if any(p.day == day for p in options)]
        day_options = [p for k in helpers for p in flexible[k][2] if p.day == day]
        pieces = 0
        for lo, hi in gaps:
            count = _pieces_to_bridge(lo, hi, day_options, rules.max_gap_minutes)
            if count is None:
                return False
            pieces += count
        pieces = max(pieces, 1)
        needed += pieces
        graph.add_edge("source", ("day", day), capacity=pieces)
        for k in helpers:
            graph.add_edge(("day", day), ("slot", k), capacity=1)
            graph.add_edge(("slot", k), "sink", capacity=1)
    if needed == 0:
        return True
    if needed > len(flexible) or "sink" not in graph:
        return False
    return nx.maximum_flow_value(graph, "source", "sink") >= needed


def find_schedule(
    instance: Instance, tasks: list[int], strict: bool = True, budget: int = SEARCH_BUDGET
) -> dict[SlotKey, Placement] | None:
    """A placement for every slot of the tasks that obeys the schedule rules, or None (see search_schedule)."""
    return search_schedule(instance, tasks, strict, budget)[0]


def search_schedule(
    instance: Instance, tasks: list[int], strict: bool = True, budget: int = SEARCH_BUDGET,
    effort: list[int] | None = None,
) -> tuple[dict[SlotKey, Placement] | None, bool]:
    """(schedule or None, whether the search was exhaustive).

    `effort[0]`, when given, grows by the placements tried: a measure of work that, unlike
    the clock, is the same on every run.

    A placement for every slot of the tasks that obeys every schedule rule of the rule
    book (`bundler.engine.rulebook`), or None.

    Exhaustive over the prepared candidate placements, within a search budget
    (placements tried); past the budget the answer is None, so None means "not found".
    `strict=False` checks only what adding tasks can never repair (pair rules, too many
    hours a day, the week rules); the minimum day hours, the maximum gap and the pause
    may still be repaired by more tasks, so a job under construction is judged that way.
    """
    rules = instance.rules
    by_day: dict[int, list[Occurrence]] = defaultdict(list)
    chosen: dict[SlotKey, Placement] = {}
    flexible: list[tuple[SlotKey, int, tuple[Placement, ...]]] = []
    for t in tasks:
        task = instance.tasks[t]
        for s, (options, flex) in enumerate(zip(task.slots, task.flexible)):
            if flex:
                flexible.append(((t, s), task.location, options))
                continue
            p = options[0]
            if clashes(instance, p, t, by_day):
                return None, True
            by_day[p.day].append((p, task.location, t))
            chosen[(t, s)] = p
    if any(sum(p.minutes for p, _, _ in occ) > rules.max_day_minutes for occ in by_day.values()):
        return None, True
    if week_breaches(instance, by_day):
        return None, True
    if not flexible:  # fixed work only: nothing to search, just the day rules to check
        if strict and any(day_problems(instance, d, occ) for d, occ in by_day.items()):
            return None, True
        return chosen, True
    remaining = [budget]
    try:
        found = _search_by_days(instance, by_day, flexible, strict, remaining)
        exhaustive = True
    except OutOfBudget:
        found, exhaustive = None, False
    if effort is not None:
        effort[0] += budget - max(remaining[0], 0)
    if found is None:
        return None, exhaustive
    return {**chosen, **found}, True


def _search_by_days(instance: Instance, fixed: dict[int, list[Occurrence]],
                    flexible: list[tuple[SlotKey, int, tuple[Placement, ...]]], strict: bool,
                    remaining: list[int]) -> dict[SlotKey, Placement] | None:
    """Days for the flexible slots first, then each day alone (`day_schedule`), then the
    rests between days: exhaustive, so None means no schedule exists (OutOfBudget when
    the budget ran out first)."""
    rules = instance.rules
    spread = rules.spread_flexible_slots
    slots = sorted(((key, location, _by_day(options)) for key, location, options in flexible),
                   key=lambda s: (len(s[2]), sum(len(o) for o in s[2].values()), s[0]))
    twin = [k > 0 and slots[k - 1][0][0] == slots[k][0][0] and slots[k - 1][2] == slots[k][2]
            for k in range(len(slots))]
    minutes = [next(iter(days.values()))[0].minutes for _, _, days in slots]
    last_reach = {d: k for k, (_, _, days) in enumerate(slots) for d in days}
    closing: list[set[int]] = [set() for _ in slots]
    for d, k in last_reach.items():
        closing[k].add(d)
    # extra[k][d]: the most minutes slots k.. can still add to day d.
    extra: list[dict[int, int]] = [defaultdict(int) for _ in range(len(slots) + 1)]
    for k in range(len(slots) - 1, -1, -1):
        extra[k] = defaultdict(int, extra[k + 1])
        for d in slots[k][2]:
            extra[k][d] += minutes[k]
    pieces: dict[int, list] = defaultdict(list)
    day_of: list[int] = [-1] * len(slots)
    own_days: dict[int, set[int]] = defaultdict(set)
    worked = defaultdict(int, {d: sum(p.minutes for p, _, _ in occ) for d, occ in fixed.items()})

    def fits(day: int, now_strict: bool) -> DayAnswer:
        return search_day(instance, day, fixed.get(day, []), pieces[day], now_strict, remaining)

    def short(day: int, k: int) -> bool:
        return strict and 0 < worked[day] and worked[day] + extra[k][day] < rules.min_day_minutes

    if any(d not in last_reach and not fits(d, strict).solutions for d in fixed):
        return None
    if any(short(d, 0) for d in fixed) or (strict and not _enough_helpers(rules, fixed, flexible)):
        return None

    def assign(k: int) -> dict[SlotKey, Placement] | None:
        if k == len(slots):
            return _join_days(instance, fixed, pieces, strict, remaining)
        key, location, days = slots[k]
        remaining[0] -= len(days)
        if remaining[0] < 0:
            raise OutOfBudget
        used = {d for d, w in worked.items() if w}
        for d in sorted(days, key=lambda d: (d not in used, d)):
            if twin[k] and (d < day_of[k - 1] or (spread and d == day_of[k - 1])):
                continue
            if (spread and d in own_days[key[0]]) or worked[d] + minutes[k] > rules.max_day_minutes:
                continue
            if d not in used and len(used) >= rules.max_work_days:
                continue
            pieces[d].append((key, location, days[d]))
            worked[d] += minutes[k]
            day_of[k] = d
            own_days[key[0]].add(d)
            now_strict = strict and d in closing[k]
            ok = not short(d, k + 1) and all(not short(e, k + 1) for e in closing[k] if e != d)
            if ok and (now_strict or len(pieces[d]) + len(fixed.get(d, ())) > 1):
                ok = bool(fits(d, now_strict).solutions)
            # The other days whose last chance was slot k are final as they are.
            ok = ok and all(fits(e, True).solutions for e in closing[k] if e != d and worked[e] and strict)
            found = assign(k + 1) if ok else None
            if found is not None:
                return found
            pieces[d].pop()
            worked[d] -= minutes[k]
            own_days[key[0]].discard(d)
        return None

    return assign(0)


def _by_day(options: tuple[Placement, ...]) -> dict[int, tuple[Placement, ...]]:
    days: dict[int, list[Placement]] = defaultdict(list)
    for p in options:
        days[p.day].append(p)
    return {d: tuple(ps) for d, ps in days.items()}


def _join_days(instance: Instance, fixed: dict[int, list[Occurrence]], pieces: dict[int, list],
               strict: bool, remaining: list[int]) -> dict[SlotKey, Placement] | None:
    """One placement per worked day that together keep the rests between days (rules 9
    and 10): the first fitting placement of each day, else a search over the unbeaten
    (first start, last end) of every day."""
    days = sorted({d for d, occ in fixed.items() if occ} | {d for d, ps in pieces.items() if ps})

    def occurrences(d: int, solution: dict[SlotKey, Placement]) -> list[Occurrence]:
        return [*fixed.get(d, []), *((solution[key], location, key[0]) for key, location, _ in pieces[d])]

    def answer(d: int, every: bool) -> tuple[dict[SlotKey, Placement], ...]:
        return search_day(instance, d, fixed.get(d, []), pieces[d], strict, remaining, every).solutions

    first = {d: answer(d, False) for d in days}
    if any(not solutions for solutions in first.values()):
        return None
    if not week_breaches(instance, {d: occurrences(d, first[d][0]) for d in days}):
        return {k: p for d in days for k, p in first[d][0].items()}
    choices = [answer(d, True) for d in days]
    by_day: dict[int, list[Occurrence]] = {}

    def choose(i: int) -> dict[SlotKey, Placement] | None:
        if i == len(days):
            return {} if not week_breaches(instance, by_day) else None
        for solution in choices[i]:
            remaining[0] -= 1
            if remaining[0] < 0:
                raise OutOfBudget
            by_day[days[i]] = occurrences(days[i], solution)
            rest = choose(i + 1)
            if rest is not None:
                return {**solution, **rest}
        return None

    return choose(0)


def static_violations(instance: Instance, tasks: list[int]) -> list[Breach]:
    """Rules 2, 3, 6, 7: everything except the weekly schedule (see the rule book)."""
    return static_breaches(instance, tasks)


def job_violations(instance: Instance, tasks: list[int]) -> list[Breach]:
    """Every reason why these tasks cannot form one job; empty when they can."""
    problems = static_violations(instance, tasks)
    if problems:
        return problems
    if find_schedule(instance, tasks) is not None:
        return []
    fixed_only: dict[int, list[Occurrence]] = defaultdict(list)
    for t in tasks:
        task = instance.tasks[t]
        for p in task.fixed_placements:
            fixed_only[p.day].append((p, task.location, t))
    problems = schedule_breaches(instance, fixed_only)
    if not problems:
        problems.append(Breach(Rule.SCHEDULE, "no placement of its flexible slots fits the time, travel and "
                                              "working-week rules"))
    return problems

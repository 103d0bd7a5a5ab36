"""Can these tasks be one job? Finds a weekly schedule or says which rule stands in the way.

Used by the constructive heuristic (thousands of small questions), by validation of
pinned jobs and by the plan writer. The CP-SAT model answers the same question for all
jobs at once; this module answers it for one set of tasks, fast.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

import networkx as nx

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

SlotKey = tuple[int, int]
"""(task index, slot number)"""

SEARCH_BUDGET = 20_000


def day_problems(instance: Instance, day: int, occurrences: list[Occurrence]) -> list[Breach]:
    """The day rules of the rule book for one day of one job (strict)."""
    return day_breaches(instance, day, occurrences)


def _option_order(options: Iterable[Placement], placed: dict[int, list[Occurrence]]) -> list[Placement]:
    """Try placements next to existing work first: they are the likeliest to obey the gap rule."""

    def distance(p: Placement) -> tuple[int, int]:
        same_day = placed.get(p.day, [])
        if not same_day:
            return (1, p.start)
        return (0, min(max(q.start - p.end, p.start - q.end, 0) for q, _, _ in same_day))

    return sorted(options, key=distance)


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
    spread = rules.spread_flexible_slots
    own_days: dict[int, set[int]] = defaultdict(set)
    """Days already used by a task's flexible slots (spreading)."""
    flexible.sort(key=lambda item: (len(item[2]), item[2], item[0]))
    # Identical slots of one task are interchangeable: place them in increasing order.
    twin_of_previous = [k > 0 and flexible[k - 1][2] == flexible[k][2] and flexible[k - 1][0][0] == flexible[k][0][0]
                        for k in range(len(flexible))]
    # later[k][d]: the placements on day d that slots k.. may still take (sorted), and
    # extra[k][d]: the most minutes those slots can still add to day d (each slot once).
    later: list[dict[int, list[Placement]]] = [defaultdict(list) for _ in range(len(flexible) + 1)]
    extra: list[dict[int, int]] = [defaultdict(int) for _ in range(len(flexible) + 1)]
    for k in range(len(flexible) - 1, -1, -1):
        later[k] = defaultdict(list, {d: list(ps) for d, ps in later[k + 1].items()})
        extra[k] = defaultdict(int, extra[k + 1])
        for p in flexible[k][2]:
            later[k][p.day].append(p)
        for day in {p.day for p in flexible[k][2]}:
            extra[k][day] += max(p.minutes for p in flexible[k][2] if p.day == day)
        for ps in later[k].values():
            ps.sort()
    remaining = [budget]

    def bridgeable(start: int, end: int, options: list[Placement]) -> bool:
        """Can a chain of placements, each gap at most max_gap, lead from start to end?"""
        reach = start
        for p in options:  # sorted by start
            if reach + rules.max_gap_minutes >= end:
                return True
            if p.start > reach + rules.max_gap_minutes:
                return False
            if p.start >= start and p.end <= end:
                reach = max(reach, p.end)
        return reach + rules.max_gap_minutes >= end

    def repairable(day: int, k: int) -> bool:
        """Can slots k.. still fix this day's minimum hours and long gaps? (strict mode)"""
        occurrences = by_day[day]
        if not strict or not occurrences:
            return True
        worked = sum(p.minutes for p, _, _ in occurrences)
        if worked + extra[k].get(day, 0) < rules.min_day_minutes:
            return False
        options = later[k].get(day, [])
        ordered = sorted(occurrences)
        for (a, _, _), (b, _, _) in zip(ordered, ordered[1:]):
            if b.start - a.end > rules.max_gap_minutes and not bridgeable(a.end, b.start, options):
                return False
        return True

    if not all(repairable(day, 0) for day in list(by_day)):
        return None, True
    if strict and not _enough_helpers(rules, by_day, flexible):
        return None, True

    def place(k: int) -> bool:
        if k == len(flexible):
            return not strict or all(not day_problems(instance, d, occ) for d, occ in by_day.items() if occ)
        key, location, options = flexible[k]
        closing = set(later[k]) - {d for d, ps in later[k + 1].items() if ps}
        remaining[0] -= len(options)
        if remaining[0] < 0:
            return False
        previous = chosen[flexible[k - 1][0]] if twin_of_previous[k] else None
        worked = {d: sum(q.minutes for q, _, _ in occ) for d, occ in by_day.items()}
        taken_days = own_days[key[0]] if spread else ()
        viable = [
            p for p in options
            if (previous is None or p > previous)
            and p.day not in taken_days
            and worked.get(p.day, 0) + p.minutes <= rules.max_day_minutes
            and not clashes(instance, p, key[0], by_day)
        ]
        for p in _option_order(viable, by_day):
            day = by_day[p.day]
            day.append((p, location, key[0]))
            chosen[key] = p
            if spread:
                own_days[key[0]].add(p.day)
            if (not week_breaches(instance, by_day) and all(repairable(d, k + 1) for d in closing | {p.day})
                    and place(k + 1)):
                return True
            day.pop()
            del chosen[key]
            if spread:
                own_days[key[0]].discard(p.day)
            if not day:
                del by_day[p.day]
        return False

    found = place(0)
    if effort is not None:
        effort[0] += budget - max(remaining[0], 0)
    if found:
        return dict(chosen), True
    return None, remaining[0] >= 0


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

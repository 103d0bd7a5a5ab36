"""The rule book: is this set of tasks, with this weekly schedule, a valid job?

Every solver route asks here (the scheduler, the constructive plan, the job pool,
column pricing, validation of pinned jobs); the CP-SAT model states the same rules as
constraints in `bundler.engine.model`, one module per rule group, and names them the same way.
Adding a rule is one entry here, one in the model and one in the checker.

Two parts:

- the **static** part needs no schedule: weekly hours (2), suppliers (3), skills (6),
  one region and no vetoed pair (7);
- the **schedule** part judges occurrences (placement, location, task):
  - pairs: overlap, travel (4), changeover between suppliers (12), the hygiene order
    (13) on one day, and the daily rest (9) between neighbouring days. Each of these
    is exact pair by pair: with travel times that are shortest paths, two occurrences
    that are not consecutive are at least as far apart as the rule asks whenever the
    consecutive ones are;
  - a day: hours (5), the longest wait (4) and the pause on a long day (11);
  - the week: working days (8) and the weekly rest (10).

Pair, week and "too many hours a day" breaches can never be repaired by adding work
(more work only shortens rests and adds days); a short day, a long wait or a missing
pause can. `strict=False` asks only for what cannot be repaired: a job under
construction is judged that way.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Iterable, NamedTuple

from bundler.domain import AFTER_DIRTY, DAYS
from bundler.rules import Rule

if TYPE_CHECKING:
    from bundler.engine.instance import Instance, Placement

DAY = 24 * 60
WEEK = 7 * DAY

Occurrence = tuple["Placement", int, int]
"""(placement, location, task index)"""


class Breach(NamedTuple):
    """One broken rule, in plain words."""

    rule: Rule
    message: str

    def __str__(self) -> str:
        return self.message


# --- static part ---------------------------------------------------------------------


def static_breaches(instance: Instance, tasks: Iterable[int], complete: bool = True) -> list[Breach]:
    """Rules 2, 3, 6, 7 for a set of tasks. `complete=False`: a job still growing, whose
    hours may yet reach the minimum."""
    rules, prepared = instance.rules, instance.tasks
    tasks = list(tasks)
    found = []
    for t in tasks:
        for reason in instance.own_problems.get(t, []):
            found.append(Breach(reason.rule, f"task {prepared[t].id}: {reason.message}"))
    minutes = sum(prepared[t].minutes for t in tasks)
    if minutes > rules.max_job_minutes or (complete and minutes < rules.min_job_minutes):
        found.append(Breach(Rule.JOB_HOURS, f"{minutes / 60:g} h a week, outside "
                                            f"{rules.min_job_hours:g}-{rules.max_job_hours:g} h"))
    suppliers = {instance.suppliers[prepared[t].supplier] for t in tasks}
    if len(suppliers) > rules.max_suppliers_per_job:
        found.append(Breach(Rule.SUPPLIERS, f"{len(suppliers)} suppliers ({', '.join(sorted(suppliers))}), "
                                            f"at most {rules.max_suppliers_per_job}"))
    if rules.max_skills_per_job is not None:
        skills = set().union(*(prepared[t].skills for t in tasks))
        if len(skills) > rules.max_skills_per_job:
            found.append(Breach(Rule.SKILLS, f"{len(skills)} skills, at most {rules.max_skills_per_job}"))
    if len({instance.region_of_task(t) for t in tasks}) > 1:
        found.append(Breach(Rule.REGION, "its places are not connected by travel routes (different regions)"))
    for i, t in enumerate(tasks):
        for u in tasks[i + 1:]:
            if frozenset((t, u)) in instance.incompatible:
                found.append(Breach(Rule.INCOMPATIBLE,
                                    f"tasks {prepared[t].id} and {prepared[u].id} are marked incompatible"))
    return found


def may_join(instance: Instance, tasks: Iterable[int], candidate: int) -> bool:
    """Can `candidate` join these tasks as far as the static rules and the prepared pair
    conflicts go? (The quick filter before a schedule search.)"""
    rules, prepared = instance.rules, instance.tasks
    tasks = list(tasks)
    if candidate in instance.own_problems or any(candidate in instance.conflicts[t] for t in tasks):
        return False
    if sum(prepared[t].minutes for t in tasks) + prepared[candidate].minutes > rules.max_job_minutes:
        return False
    if len({prepared[t].supplier for t in tasks} | {prepared[candidate].supplier}) > rules.max_suppliers_per_job:
        return False
    if rules.max_skills_per_job is not None:
        skills = set().union(*(prepared[t].skills for t in tasks), prepared[candidate].skills)
        if len(skills) > rules.max_skills_per_job:
            return False
    return True


# --- schedule part: pairs ------------------------------------------------------------


def pair_breach(instance: Instance, a: Placement, ta: int, b: Placement, tb: int) -> Rule | None:
    """The rule two occurrences of one job break together, or None.

    Same day: overlap, travel, changeover, hygiene order. Neighbouring days (Sunday
    before Monday): the daily rest."""
    if a.day != b.day:
        return rest_breach(instance, a, b)
    if a.start < b.end and b.start < a.end:
        return Rule.OVERLAP
    if b.start < a.start:
        a, ta, b, tb = b, tb, a, ta
    first, second = instance.tasks[ta], instance.tasks[tb]
    needed = instance.travel_gap(first.location, second.location)
    gap = b.start - a.end
    if needed is None or gap < needed:
        return Rule.TRAVEL
    rules = instance.rules
    if first.supplier != second.supplier and gap < needed + rules.changeover_minutes:
        return Rule.CHANGEOVER
    if rules.hygiene_order and first.hygiene == "dirty" and second.hygiene in AFTER_DIRTY:
        return Rule.HYGIENE
    return None


def rest_breach(instance: Instance, a: Placement, b: Placement) -> Rule | None:
    """Daily rest between work on neighbouring days (the week repeats).

    With at most 24 h of rest required, occurrences two or more days apart always rest
    long enough, so only neighbouring days can clash."""
    need = instance.rules.min_rest_minutes
    if need <= 0:
        return None
    ahead = (b.day - a.day) % 7
    if ahead == 1 and DAY + b.start - a.end < need:
        return Rule.DAILY_REST
    if ahead == 6 and DAY + a.start - b.end < need:
        return Rule.DAILY_REST
    return None


def clashes(instance: Instance, p: Placement, t: int, by_day: dict[int, list[Occurrence]]) -> bool:
    """Does an occurrence of task t at p break a pair rule with work already placed?"""
    for q, _, u in by_day.get(p.day, ()):
        if pair_breach(instance, p, t, q, u):
            return True
    if instance.rules.min_rest_minutes > 0:
        for day in ((p.day - 1) % 7, (p.day + 1) % 7):
            for q, _, u in by_day.get(day, ()):
                if rest_breach(instance, p, q):
                    return True
    return False


# --- schedule part: a day -------------------------------------------------------------


def day_breaches(instance: Instance, day: int, occurrences: list[Occurrence], strict: bool = True) -> list[Breach]:
    """Rules 4, 5, 11, 12 and 13 on one day of one job; occurrences need not be sorted."""
    rules = instance.rules
    names = instance.tasks
    ordered = sorted(occurrences)
    found = []
    worked = sum(p.minutes for p, _, _ in ordered)
    if worked > rules.max_day_minutes:
        found.append(Breach(Rule.DAY_HOURS, f"{DAYS[day]} works {worked / 60:g} h, more than {rules.max_day_hours:g} h"))
    elif strict and worked < rules.min_day_minutes:
        found.append(Breach(Rule.DAY_HOURS, f"{DAYS[day]} works {worked / 60:g} h, less than {rules.min_day_hours:g} h"))
    longest_pause = None
    for (a, loc_a, ta), (b, loc_b, tb) in zip(ordered, ordered[1:]):
        gap = b.start - a.end
        who = f"{DAYS[day]} {names[ta].id} -> {names[tb].id}"
        rule = pair_breach(instance, a, ta, b, tb)
        needed = instance.travel_gap(loc_a, loc_b)
        if rule is Rule.OVERLAP:
            found.append(Breach(rule, f"{who} overlap"))
        elif rule is Rule.TRAVEL:
            found.append(Breach(rule, f"{who}: the places are not connected" if needed is None
                                else f"{who}: {gap} min gap, {needed} min travel"))
        elif rule is Rule.CHANGEOVER:
            found.append(Breach(rule, f"{who}: {gap} min to switch supplier, {needed} min travel and "
                                      f"{rules.changeover_minutes} min changeover needed"))
        elif rule is Rule.HYGIENE:
            found.append(Breach(rule, f"{who}: {names[tb].hygiene} work after dirty work"))
        elif strict and gap > rules.max_gap_minutes:
            found.append(Breach(Rule.GAP, f"{who}: {gap} min gap, more than {rules.max_gap_minutes} min"))
        if needed is not None:
            longest_pause = max(longest_pause or 0, gap - needed)
    if rules.hygiene_order:  # rule 13 holds for any later occurrence, not only the next
        dirty_seen = False
        for p, _, t in ordered:
            if dirty_seen and names[t].hygiene in AFTER_DIRTY:
                if not any(b.rule is Rule.HYGIENE for b in found):
                    found.append(Breach(Rule.HYGIENE, f"{DAYS[day]} {names[t].id}: {names[t].hygiene} work "
                                                      f"after dirty work"))
            dirty_seen |= names[t].hygiene == "dirty"
    if strict and needs_break(instance, worked) and (longest_pause or 0) < rules.min_break_minutes:
        found.append(Breach(Rule.BREAK, f"{DAYS[day]} works {worked / 60:g} h without a "
                                        f"{rules.min_break_minutes}-minute pause"))
    return found


def needs_break(instance: Instance, worked_minutes: int) -> bool:
    rules = instance.rules
    return rules.min_break_minutes > 0 and worked_minutes > rules.break_after_minutes


# --- schedule part: the week ----------------------------------------------------------


def rests(by_day: dict[int, list[Occurrence]]) -> list[tuple[int, int, int]]:
    """(from day, to day, minutes) of every rest between consecutive working days of the
    repeating week; one working day rests a whole week minus its own span."""
    worked = sorted(d for d, occ in by_day.items() if occ)
    first = {d: min(p.start for p, _, _ in by_day[d]) for d in worked}
    last = {d: max(p.end for p, _, _ in by_day[d]) for d in worked}
    out = []
    for a, b in zip(worked, worked[1:] + worked[:1]):
        ahead = (b - a) % 7 or 7
        out.append((a, b, ahead * DAY + first[b] - last[a]))
    return out


def week_breaches(instance: Instance, by_day: dict[int, list[Occurrence]]) -> list[Breach]:
    """Rules 8, 9 and 10 for one job's week. None of them can be repaired by more work."""
    rules = instance.rules
    found = []
    days = sum(1 for occ in by_day.values() if occ)
    if days > rules.max_work_days:
        found.append(Breach(Rule.WORK_DAYS, f"works {days} days a week, at most {rules.max_work_days}"))
    periods = rests(by_day)
    if days > 1:
        for a, b, minutes in periods:
            if minutes < rules.min_rest_minutes:
                found.append(Breach(Rule.DAILY_REST, f"rests {minutes / 60:g} h between {DAYS[a]} and {DAYS[b]}, "
                                                     f"at least {rules.min_rest_hours:g} h required"))
    if periods and max(m for _, _, m in periods) < rules.min_weekly_rest_minutes:
        found.append(Breach(Rule.WEEKLY_REST, f"its longest rest is {max(m for _, _, m in periods) / 60:g} h, "
                                              f"at least {rules.min_weekly_rest_hours:g} h required"))
    return found


def schedule_breaches(instance: Instance, by_day: dict[int, list[Occurrence]], strict: bool = True) -> list[Breach]:
    """Every schedule rule for one job's placed work, grouped by day."""
    found = []
    for day in sorted(by_day):
        if by_day[day]:
            found += day_breaches(instance, day, by_day[day], strict)
    return found + week_breaches(instance, by_day)


def placement_breaches(instance: Instance, schedule: dict[tuple[int, int], Placement]) -> list[Breach]:
    """The start grid and spreading: where a task's flexible slots may go."""
    from bundler.domain import FixedSlot, to_minutes

    rules, found = instance.rules, []
    days_of: dict[int, list[int]] = defaultdict(list)
    for (t, s), p in sorted(schedule.items()):
        task = instance.tasks[t]
        if not task.flexible[s]:
            continue
        slot = instance.task_file.tasks[t].slots[s]
        if not isinstance(slot, FixedSlot) and (p.start - to_minutes(slot.earliest)) % rules.start_step_minutes:
            found.append(Breach(Rule.START_GRID, f"task {task.id}: starts at {p.start // 60:02d}:{p.start % 60:02d}, "
                                                 f"not {slot.earliest} plus whole steps of "
                                                 f"{rules.start_step_minutes} min"))
        days_of[t].append(p.day)
    if rules.spread_flexible_slots:
        for t, days in days_of.items():
            task = instance.tasks[t]
            if len(set(days)) < len(days) or set(days) & task.fixed_days:
                found.append(Breach(Rule.SPREAD, f"task {task.id}: two of its slots on one day"))
    return found


def job_breaches(instance: Instance, tasks: list[int], schedule: dict[tuple[int, int], Placement]) -> list[Breach]:
    """Is this set of tasks, with this weekly schedule, a valid job? Every rule, one list."""
    by_day = group_by_day((p, instance.tasks[t].location, t) for (t, _), p in schedule.items())
    return static_breaches(instance, tasks) + placement_breaches(instance, schedule) + \
        schedule_breaches(instance, by_day)


def group_by_day(occurrences: Iterable[Occurrence]) -> dict[int, list[Occurrence]]:
    by_day: dict[int, list[Occurrence]] = defaultdict(list)
    for occ in occurrences:
        by_day[occ[0].day].append(occ)
    return by_day

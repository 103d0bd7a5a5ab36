"""Can these tasks be one job? Finds a weekly schedule or says which rule stands in the way.

Used by the constructive heuristic (thousands of small questions), by validation of
pinned jobs and by the plan writer. The CP-SAT model answers the same question for all
jobs at once; this module answers it for one set of tasks, fast.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from bundler.domain import DAYS
from bundler.prepare import Instance, Placement, placements_clash

Occurrence = tuple[Placement, int, int]
"""(placement, location, task index)"""
SlotKey = tuple[int, int]
"""(task index, slot number)"""

SEARCH_BUDGET = 20_000


def day_problems(instance: Instance, day: int, occurrences: list[Occurrence]) -> list[str]:
    """Rules 4 and 5 for one day of one job; occurrences need not be sorted."""
    rules = instance.rules
    names = instance.tasks
    ordered = sorted(occurrences)
    problems = []
    worked = sum(p.minutes for p, _, _ in ordered)
    if worked > rules.max_day_minutes:
        problems.append(f"{DAYS[day]} works {worked / 60:g} h, more than {rules.max_day_hours:g} h")
    elif worked < rules.min_day_minutes:
        problems.append(f"{DAYS[day]} works {worked / 60:g} h, less than {rules.min_day_hours:g} h")
    for (a, loc_a, ta), (b, loc_b, tb) in zip(ordered, ordered[1:]):
        gap = b.start - a.end
        needed = instance.travel_gap(loc_a, loc_b)
        who = f"{DAYS[day]} {names[ta].id} -> {names[tb].id}"
        if gap < 0:
            problems.append(f"{who} overlap")
        elif needed is None:
            problems.append(f"{who}: the places are not connected")
        elif gap < needed:
            problems.append(f"{who}: {gap} min gap, {needed} min travel")
        elif gap > rules.max_gap_minutes:
            problems.append(f"{who}: {gap} min gap, more than {rules.max_gap_minutes} min")
    return problems


def _option_order(options: Iterable[Placement], placed: dict[int, list[Occurrence]]) -> list[Placement]:
    """Try placements next to existing work first: they are the likeliest to obey the gap rule."""

    def distance(p: Placement) -> tuple[int, int]:
        same_day = placed.get(p.day, [])
        if not same_day:
            return (1, p.start)
        return (0, min(max(q.start - p.end, p.start - q.end, 0) for q, _, _ in same_day))

    return sorted(options, key=distance)


def find_schedule(instance: Instance, tasks: list[int], strict: bool = True) -> dict[SlotKey, Placement] | None:
    """A placement for every slot of the tasks that obeys rules 4-5, or None.

    Exhaustive over the prepared candidate placements, within a search budget.
    `strict=False` checks only what adding tasks can never repair (overlap, travel,
    too many hours a day); the minimum day hours and the maximum gap may still be
    repaired by more tasks, so a job under construction is judged that way.
    """
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
            if any(placements_clash(instance, p, task.location, q, loc) for q, loc, _ in by_day[p.day]):
                return None
            by_day[p.day].append((p, task.location, t))
            chosen[(t, s)] = p
    if any(sum(p.minutes for p, _, _ in occ) > instance.rules.max_day_minutes for occ in by_day.values()):
        return None
    flexible.sort(key=lambda item: len(item[2]))
    budget = [SEARCH_BUDGET]

    def complete() -> bool:
        if not strict:
            return True
        return all(not day_problems(instance, day, occ) for day, occ in by_day.items() if occ)

    def place(k: int) -> bool:
        if k == len(flexible):
            return complete()
        key, location, options = flexible[k]
        for p in _option_order(options, by_day):
            budget[0] -= 1
            if budget[0] < 0:
                return False
            day = by_day[p.day]
            if any(placements_clash(instance, p, location, q, loc) for q, loc, _ in day):
                continue
            if sum(q.minutes for q, _, _ in day) + p.minutes > instance.rules.max_day_minutes:
                continue
            day.append((p, location, key[0]))
            chosen[key] = p
            if place(k + 1):
                return True
            day.pop()
            del chosen[key]
        return False

    return dict(chosen) if place(0) else None


def static_violations(instance: Instance, tasks: list[int]) -> list[str]:
    """Rules 2, 3, 6, 7: everything except the weekly schedule."""
    rules = instance.rules
    problems = []
    for t in tasks:
        for reason in instance.own_problems.get(t, []):
            problems.append(f"task {instance.tasks[t].id}: {reason}")
    minutes = sum(instance.tasks[t].minutes for t in tasks)
    if not rules.min_job_minutes <= minutes <= rules.max_job_minutes:
        problems.append(
            f"{minutes / 60:g} h a week, outside {rules.min_job_hours:g}-{rules.max_job_hours:g} h"
        )
    suppliers = {instance.suppliers[instance.tasks[t].supplier] for t in tasks}
    if len(suppliers) > rules.max_suppliers_per_job:
        problems.append(f"{len(suppliers)} suppliers ({', '.join(sorted(suppliers))}), at most {rules.max_suppliers_per_job}")
    if rules.max_skills_per_job is not None:
        skills = set().union(*(instance.tasks[t].skills for t in tasks))
        if len(skills) > rules.max_skills_per_job:
            problems.append(f"{len(skills)} skills, at most {rules.max_skills_per_job}")
    regions = {instance.region_of_task(t) for t in tasks}
    if len(regions) > 1:
        problems.append("its places are not connected by travel routes (different regions)")
    for i, t in enumerate(tasks):
        for u in tasks[i + 1:]:
            if frozenset((t, u)) in instance.incompatible:
                problems.append(f"tasks {instance.tasks[t].id} and {instance.tasks[u].id} are marked incompatible")
    return problems


def job_violations(instance: Instance, tasks: list[int]) -> list[str]:
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
    for day, occ in sorted(fixed_only.items()):
        problems += day_problems(instance, day, occ)
    if not problems:
        problems.append("no placement of its flexible slots fits the time, travel and working-day rules")
    return problems

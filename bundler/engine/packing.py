"""The column route through a region: bound, dive, pick, fill up.

1. Column generation over the region gives the LP bound (proven when pricing is
   exhaustive) and a first pool of good jobs (`bundler.engine.columns`).
2. A dive turns the fractional LP into a plan: keep the jobs the LP already takes
   whole (or else its largest fraction), drop their tasks, re-price what is left, and
   repeat. Each step adds the columns the smaller problem needs to the pool.
3. CP-SAT picks the best disjoint set from the whole pool, with the better of the
   dive and the heuristic as its hint.
4. Left-over tasks join jobs where every rule still holds: more hours, same jobs.

Used where deciding "can these tasks be one job" is cheap: regions whose tasks have no
weekly slots, such as the classic packing sets (`bundler.classic`).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from bundler.engine.columns import EPS, Column, Feasibility, generate_columns, pick_jobs
from bundler.engine.config import Clock, SolveConfig
from bundler.engine.construct import Job
from bundler.engine.fill import fill_left_over
from bundler.engine.instance import Instance

ROOT_SHARE, DIVE_SHARE = 0.35, 0.4
"""Parts of the region's time for the root LP and for the dive; the rest picks."""


@dataclass
class ColumnAnswer:
    jobs: list[Job]
    upper_bound: int | None
    """Proven most jobs (objective jobs/hours), or None."""
    lower_bound: int | None
    """Proven fewest jobs to cover every task (objective cover), or None."""
    optimal: bool


def _minutes(instance: Instance, column: Column) -> int:
    return sum(instance.tasks[t].minutes for t in column)


def dive(instance: Instance, tasks: list[int], pool: set[Column], deadline: float,
         feasibility: Feasibility) -> list[Column] | None:
    """A plan made by fixing the LP's (near-)whole jobs one step at a time; None if cut short."""
    cover = instance.rules.objective == "cover"
    remaining = {t for t in tasks if t not in instance.own_problems}
    chosen: list[Column] = []
    while remaining:
        left = deadline - time.perf_counter()
        if left <= 0:
            return None
        start = [c for c in pool if remaining.issuperset(c)]
        cg = generate_columns(instance, sorted(remaining), start, left, feasibility)
        pool.update(cg.columns)
        if not cover and cg.lp_value < 1 - EPS:
            break  # no job left to make
        ranked = sorted(cg.values.items(), key=lambda item: (-item[1], -_minutes(instance, item[0]), item[0]))
        if not ranked:
            return None
        taken: set[int] = set()
        step = [c for c, v in ranked if v > 1 - EPS] or [ranked[0][0]]
        for column in step:
            if taken.isdisjoint(column):
                chosen.append(column)
                taken.update(column)
        remaining -= taken
    return chosen


def fill_up(instance: Instance, jobs: list[Column], tasks: list[int], feasibility: Feasibility) -> list[Column]:
    """Add left-over tasks to jobs where every rule still holds (largest tasks first), uncapped."""
    filled = fill_left_over(instance, [Job(list(j), {}) for j in jobs], tasks, feasibility,
                            Clock(SolveConfig()), max_searches=math.inf)
    return [tuple(job.tasks) for job in filled]


def _better(instance: Instance, a: list[Column], b: list[Column] | None) -> bool:
    """Is plan a better than plan b for the region's objective?"""
    if b is None:
        return True
    hours_a, hours_b = sum(_minutes(instance, c) for c in a), sum(_minutes(instance, c) for c in b)
    objective = instance.rules.objective
    if objective == "cover":
        return len(a) < len(b)
    if objective == "hours":
        return (hours_a, len(a)) > (hours_b, len(b))
    return (len(a), hours_a) > (len(b), hours_b)


def _meets(plan: list[Column], bound: int | None, objective: str) -> bool:
    """Has the plan as many jobs as the proven bound allows (as few, for cover)?"""
    if bound is None:
        return False
    return len(plan) <= bound if objective == "cover" else len(plan) >= bound


def _covers(instance: Instance, plan: list[Column], tasks: list[int]) -> bool:
    covered = {t for c in plan for t in c}
    return all(t in covered for t in tasks if t not in instance.own_problems)


def simple_bound(instance: Instance, tasks: list[int], objective: str, upper: int) -> int:
    """The bound that needs no LP: `upper` (most jobs the hours allow) or, for cover,
    the fewest jobs whose capacity holds every minute."""
    if objective != "cover":
        return upper
    minutes = sum(instance.tasks[t].minutes for t in tasks)
    return -(-minutes // max(instance.rules.max_job_minutes, 1))


def solve_by_columns(instance: Instance, tasks: list[int], heuristic: list[Job], seconds: float,
                     workers: int, seed: int, upper: int) -> ColumnAnswer:
    """`upper`: a proven most jobs known before (the hours bound)."""
    started = time.perf_counter()
    objective = instance.rules.objective
    feasibility = Feasibility(instance)
    start = [tuple(sorted(j.tasks)) for j in heuristic]
    root = generate_columns(instance, tasks, start, ROOT_SHARE * seconds, feasibility)
    bound = root.job_bound(objective)
    simple = simple_bound(instance, tasks, objective, upper)
    if bound is None:
        bound = simple
    else:
        bound = max(bound, simple) if objective == "cover" else min(bound, simple)
    pool = set(root.columns) | set(start)
    candidates: list[list[Column]] = []
    if objective != "cover" or _covers(instance, start, tasks):
        candidates.append(start)
    dived = dive(instance, tasks, pool, started + (ROOT_SHARE + DIVE_SHARE) * seconds, feasibility)
    if dived is not None and (objective != "cover" or _covers(instance, dived, tasks)):
        candidates.append(dived)
    best: list[Column] | None = None
    for plan in candidates:
        if _better(instance, plan, best):
            best = plan
    if best is None or not _meets(best, bound, objective):
        left = max(seconds - (time.perf_counter() - started), 0.5)
        picked = pick_jobs(instance, tasks, sorted(pool), best or [], left, workers, seed)
        if picked is not None and _better(instance, picked, best):
            best = picked
    if best is None:
        return ColumnAnswer([], None, bound if objective == "cover" else None, False)
    best = fill_up(instance, best, tasks, feasibility)
    jobs = [Job(list(c), feasibility.schedule(c) or {}) for c in best]
    usable = sum(1 for t in tasks if t not in instance.own_problems)
    if objective == "cover":
        return ColumnAnswer(jobs, None, bound, bound is not None and len(jobs) <= bound)
    everything = sum(len(c) for c in best) == usable
    optimal = bound is not None and len(jobs) >= bound and (objective == "jobs" and everything)
    return ColumnAnswer(jobs, bound, None, optimal)

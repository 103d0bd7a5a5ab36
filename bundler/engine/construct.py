"""A fast constructive plan, always valid: the fallback answer and the solver's full hint.

Greedy "grow a job around a seed": take the hardest-to-place task left, add the partner
that brings the job closest to the minimum hours without breaking a rule, and stop as
soon as the job is complete (objective `jobs`, leaving tasks for other jobs) or when
nothing fits any more (objectives `hours` and `cover`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from bundler.engine.instance import Instance, Placement
from bundler.engine.rulebook import may_join
from bundler.engine.schedule import SlotKey, search_schedule, static_violations


@dataclass
class Job:
    tasks: list[int]
    schedule: dict[SlotKey, Placement]


SEARCH_EFFORT = 100
"""What starting one schedule search costs, in placements tried."""
HEURISTIC_SEARCH_BUDGET = 3_000
"""Placements tried per candidate job: a candidate that needs more is skipped."""


class _Schedules:
    """find_schedule with a small budget, memoised: the greedy asks the same sets again."""

    def __init__(self, instance: Instance):
        self.instance = instance
        self.known: dict[tuple[frozenset[int], bool], dict[SlotKey, Placement] | None] = {}
        self.effort = [0]
        """Placements tried so far, plus SEARCH_EFFORT per search."""

    def __call__(self, job: list[int], strict: bool = True) -> dict[SlotKey, Placement] | None:
        key = (frozenset(job), strict)
        if key not in self.known:
            self.effort[0] += SEARCH_EFFORT
            self.known[key] = search_schedule(self.instance, job, strict, HEURISTIC_SEARCH_BUDGET, self.effort)[0]
        return self.known[key]

    def valid(self, job: list[int]) -> dict[SlotKey, Placement] | None:
        if static_violations(self.instance, job):
            return None
        return self(job)


def _grow(instance: Instance, schedules: _Schedules, seed: int, pool: set[int], fill_up: bool) -> Job | None:
    """Grow one job from a seed; None when no valid job contains the seed."""
    rules = instance.rules
    job = [seed]
    minutes = instance.tasks[seed].minutes
    best: Job | None = None
    schedule = schedules.valid(job)
    if schedule is not None:
        best = Job(list(job), schedule)
        if not fill_up:
            return best
    while True:
        candidates = [c for c in pool if c not in job and may_join(instance, job, c)]
        if not candidates:
            break

        def priority(c: int) -> tuple:
            total = minutes + instance.tasks[c].minutes
            reaches = total >= rules.min_job_minutes
            same_supplier = any(instance.tasks[t].supplier == instance.tasks[c].supplier for t in job)
            return (not reaches, total - rules.min_job_minutes if reaches else -total, not same_supplier, c)

        added = False
        for c in sorted(candidates, key=priority)[:60]:
            trial = job + [c]
            total = minutes + instance.tasks[c].minutes
            # A job that reaches the minimum must be complete now; below it, only what
            # more tasks can never repair (overlap, travel, long days) must hold.
            schedule = schedules.valid(trial) if total >= rules.min_job_minutes else None
            if schedule is None and (total >= rules.min_job_minutes or schedules(trial, strict=False) is None):
                continue
            job, minutes, added = trial, total, True
            if schedule is not None:
                best = Job(list(job), schedule)
                if not fill_up:
                    return best
            break
        if not added:
            break
    return best


def construct(instance: Instance, tasks: list[int], max_effort: int | None = None,
              halted: Callable[[], bool] = lambda: False, spent: list[int] | None = None) -> list[Job]:
    """Jobs over the given tasks (one region), each valid on its own and disjoint.

    Past `max_effort` (placements tried by the schedule searches) no new job is started:
    the jobs so far are a valid plan, so a huge region still answers in time, and the
    same input always stops at the same point. `halted()` (the deadline or the stop
    button) ends it early the same way; `spent[0]` grows by the effort used.
    """
    objective = instance.rules.objective
    fill_up = objective in ("hours", "cover")
    pool = {t for t in tasks if t not in instance.own_problems}
    degree = {t: len(instance.conflicts[t]) for t in pool}
    seeds = sorted(pool, key=lambda t: (-degree[t], -instance.tasks[t].minutes, t))
    schedules = _Schedules(instance)
    jobs: list[Job] = []
    for seed in seeds:
        if (max_effort is not None and schedules.effort[0] > max_effort) or halted():
            break
        if seed not in pool:
            continue
        job = _grow(instance, schedules, seed, pool - {seed}, fill_up)
        if job is None:
            continue
        jobs.append(job)
        pool -= set(job.tasks)
    if spent is not None:
        spent[0] += schedules.effort[0]
    return jobs

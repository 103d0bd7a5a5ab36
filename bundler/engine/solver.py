"""solve(task_file) -> Plan: prepare, split into regions, solve each, write, check.

The flow, one module each: `instance` (travel, regions, placements, conflicts) ->
`parallel` (regions side by side) -> `region` (full model | pool + pick + neighbourhood
search | column route, all asking the `rulebook`) -> `plan` -> the independent checker.
Regions (connected places) never share a job, so each is solved on its own.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from typing import Callable

from bundler.check import check_plan
from bundler.domain import Plan, SolverInfo, TaskFile, Unassigned
from bundler.engine.config import Progress, SolveConfig
from bundler.engine.construct import Job
from bundler.engine.instance import Instance, prepare
from bundler.engine.parallel import region_budgets, solve_regions
from bundler.engine.plan import BANENAFSPRAAK_HOURS, build_plan
from bundler.engine.region import simple_job_bound
from bundler.engine.schedule import find_schedule

__all__ = ["Progress", "SolveConfig", "checked", "solve"]

FINISH_SECONDS_PER_TASK = 1e-3
"""Writing and checking the plan after the regions, per task (on a development machine):
the regions stop that much before the deadline."""
WORK_MARGIN_SHARE, WORK_MARGIN_SECONDS = 0.15, 1.0
"""Part of the time limit kept free of planned work: start-up, reading, writing, a busy machine."""
PREPARE_SECONDS_PER_TASK, PREPARE_SECONDS_PER_PAIR = 1e-3, 8e-7
"""Preparing time per task and per pair of tasks in one region, on a development machine
(measured 0.24 / 0.69 / 1.6 / 9.6 s on one-region campuses of 300 / 600 / 2,000 / 5,000
tasks; this estimates 0.34 / 0.74 / 3.6 / 15 s, on the safe side). The earlier 8e-6 per
pair took 16 s for 2,000 tasks and 100 s for 5,000 off the solving time."""


def solving_seconds(time_limit: float, regions: list[list[int]]) -> float:
    """The work the regions may do, in seconds of a development machine: the time limit
    less a margin for starting, reading and writing (WORK_MARGIN) and less what preparing
    costs (estimated from the number of pairs of tasks in a region, never measured). So
    the work usually ends before the deadline, and the plan is repeatable; at least half
    of the limit is always left for solving."""
    pairs = sum(len(r) * (len(r) - 1) // 2 for r in regions)
    tasks = sum(len(r) for r in regions)
    margin = WORK_MARGIN_SHARE * time_limit + WORK_MARGIN_SECONDS
    preparing = PREPARE_SECONDS_PER_TASK * tasks + PREPARE_SECONDS_PER_PAIR * pairs
    return max(time_limit - margin - preparing, 0.5 * time_limit)


def _pinned_jobs(instance: Instance) -> list[tuple[str, Job]]:
    pinned = []
    for job in instance.task_file.pinned:
        tasks = [instance.index[t] for t in job.tasks]
        schedule = find_schedule(instance, tasks)
        if schedule is None:  # validation rejects such files; be safe anyway
            raise ValueError(f"pinned job {job.id} has no valid schedule")
        pinned.append((job.id, Job(tasks, schedule)))
    return pinned


def _stopped_by(config: SolveConfig, results) -> str:
    if config.stop.is_set():
        return "user"
    return "time" if any(r.stopped_by == "time" for r in results) else "work"


def _combine(statuses: list[str]) -> str:
    for status in ("INFEASIBLE", "UNKNOWN", "FEASIBLE"):
        if status in statuses:
            return status
    return "OPTIMAL"


def solve(
    task_file: TaskFile,
    config: SolveConfig | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> Plan:
    """Solve a validated task file into a plan that obeys every rule."""
    config = config or SolveConfig()
    started = time.perf_counter()
    if config.deadline is None:
        wall = config.time_limit if config.wall_limit is None else config.wall_limit
        config = dataclasses.replace(config, deadline=time.monotonic() + wall)
    finishing = FINISH_SECONDS_PER_TASK * len(task_file.tasks)
    solving = dataclasses.replace(config, deadline=config.deadline - finishing)
    def preparing(step: str) -> None:
        if on_progress:
            on_progress(Progress(0, 0, time.perf_counter() - started, 0, 0, phase=step))

    instance = prepare(task_file, preparing)
    pinned = _pinned_jobs(instance)
    taken = {t for _, job in pinned for t in job.tasks}
    regions = [[t for t in region if t not in taken] for region in instance.regions]
    regions = [r for r in regions if r]
    found = [0] * len(regions)
    bounds = [simple_job_bound(instance, r) for r in regions]

    def report(i: int, jobs: int, bound: int) -> None:
        found[i], bounds[i] = jobs, bound
        if on_progress:
            on_progress(Progress(len(pinned) + sum(found), len(pinned) + sum(bounds),
                                 time.perf_counter() - started, i + 1, len(regions)))

    # Budgets are fixed before any region runs (not "the time left"), so a region's answer
    # never depends on how fast preparing or the other regions were: every backend gives
    # the same plan. Preparing's share comes off by estimate, not by the clock.
    budgets = region_budgets(regions, solving_seconds(config.time_limit, instance.regions))
    results = solve_regions(instance, regions, solving, budgets, report)
    status = _combine([r.status for r in results]) if results else "OPTIMAL"
    plan = build_plan(
        instance,
        pinned,
        [job for r in results for job in r.jobs],
        status,
        jobs_upper_bound=len(pinned) + sum(r.bound for r in results),
        solver=SolverInfo(seconds=round(time.perf_counter() - started, 3), workers=config.workers, seed=config.seed,
                          stopped_by=_stopped_by(config, results)),
        # Explaining left-over tasks may use half of the finishing share; the rest is
        # for the independent check and writing the plan.
        halted=lambda: time.monotonic() > config.deadline - finishing / 2,
    )
    return checked(task_file, plan)


def checked(task_file: TaskFile, plan: Plan) -> Plan:
    """The plan as the independent checker accepts it.

    A job the checker rejects is a bug of the engine: it is dropped (its tasks become
    unassigned with a plain reason), the plan's solver info lists what was wrong and
    stderr says so loudly. Tests make sure this never happens."""
    violations = check_plan(task_file, plan)
    if not violations:
        return plan
    broken = {v.job for v in violations if v.job}
    for v in violations:
        print(f"bundler: internal error, the plan broke a rule and was repaired: {v.message}", file=sys.stderr)
    dropped = [job for job in plan.jobs if job.id in broken]
    pinned = {p.id for p in task_file.pinned}
    kept = [job for job in plan.jobs if job.id not in broken or job.id in pinned]
    unassigned = list(plan.unassigned) + [
        Unassigned(task=t, reason=f"its job {job.id} broke a rule by an internal error and was withdrawn")
        for job in dropped if job.id not in pinned for t in job.tasks
    ]
    status = "FEASIBLE" if plan.status == "OPTIMAL" or (kept and plan.status == "FEASIBLE") else plan.status
    if task_file.rules.objective == "cover" and unassigned:
        status, kept = "UNKNOWN", []
        unassigned = list(plan.unassigned) + [
            Unassigned(task=t, reason="no valid plan found within the time limit")
            for job in plan.jobs for t in job.tasks]
    bundled = sum(job.hours for job in kept)
    kpis = plan.kpis.model_copy(update={"jobs": len(kept), "bundled_hours": round(bundled, 2),
                                        "banenafspraak_jobs": round(bundled / BANENAFSPRAAK_HOURS, 2)})
    solver = plan.solver.model_copy(update={"rule_violations": [v.message for v in violations]})
    return plan.model_copy(update={"jobs": kept, "unassigned": unassigned, "status": status, "kpis": kpis,
                                   "solver": solver})

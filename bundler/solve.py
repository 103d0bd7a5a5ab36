"""solve(task_file) -> Plan: prepare, split into regions, hint, solve, check, write.

Regions (connected places) never share a job, so each is solved on its own. Each
starts from the constructive heuristic, which is also its answer if nothing better is
found in time. A small region gets the full CP-SAT model (exact: OPTIMAL is a proof);
a larger one, whose full model would take minutes just to build, is improved by
large-neighbourhood search over exact sub-models (`bundler.lns`).
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from ortools.sat.python import cp_model

from bundler.domain import Plan, SolverInfo, TaskFile
from bundler.heuristics import Job, construct
from bundler.jobs import find_schedule
from bundler.lns import improve, score
from bundler.model import JobModel, build_model
from bundler.parallel import region_budgets, solve_regions
from bundler.plan import build_plan
from bundler.prepare import Instance, prepare


FULL_MODEL_MAX_TASKS = 40
"""Regions up to this many tasks get the full model; larger ones the neighbourhood search."""


@dataclass
class SolveConfig:
    time_limit: float = 30.0
    workers: int = 2
    seed: int = 0
    use_solver: bool = True
    """False: the constructive heuristic only (for comparison and for huge files)."""
    stop: threading.Event = field(default_factory=threading.Event)
    """Set it from another thread to stop and keep the best plan so far."""
    backend: str = "auto"
    """Where regions are solved: auto, serial, local or ray (see `bundler.parallel`)."""


@dataclass
class Progress:
    """One progress event: the whole plan's jobs so far and a proven upper bound."""

    jobs: int
    bound: int
    elapsed: float
    region: int
    regions: int


@dataclass
class RegionResult:
    jobs: list[Job]
    status: str
    bound: int


def simple_job_bound(instance: Instance, tasks: list[int]) -> int:
    """No region holds more jobs than its usable hours allow, nor more than its tasks.

    A task is usable only if it, plus every task that may share a job with it, reaches
    the minimum job hours; dropping unusable tasks can make others unusable, so repeat.
    """
    minimum = instance.rules.min_job_minutes
    usable = {t for t in tasks if t not in instance.own_problems}
    changed = minimum > 0
    while changed:
        changed = False
        for t in sorted(usable):
            reach = instance.tasks[t].minutes + sum(
                instance.tasks[u].minutes for u in usable if u != t and u not in instance.conflicts[t])
            if reach < minimum:
                usable.discard(t)
                changed = True
    if minimum <= 0:
        return len(usable)
    return min(len(usable), sum(instance.tasks[t].minutes for t in usable) // minimum)


class _Listener(cp_model.CpSolverSolutionCallback):
    """Forwards improving solutions; never raises into the solver."""

    def __init__(self, jm: JobModel, report: Callable[[int, int], None], stop: threading.Event):
        super().__init__()
        self._jm, self._report, self._stop = jm, report, stop

    def on_solution_callback(self) -> None:
        try:
            jobs = sum(self.boolean_value(self._jm.opened(r)) for r in self._jm.representatives)
            self._report(jobs, self.best_objective_bound)
            if self._stop.is_set():
                self.stop_search()
        except Exception:  # a broken listener must not break the solve
            pass


def _parameters(config: SolveConfig, seconds: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = max(1, config.workers)
    solver.parameters.random_seed = config.seed
    # Deterministic: interleaved workers and a deterministic time budget, so the same
    # input, seed and workers give the same plan; wall time is only a safety net.
    solver.parameters.interleave_search = config.workers > 1
    solver.parameters.max_deterministic_time = max(seconds, 0.05)
    solver.parameters.max_time_in_seconds = max(3 * seconds, 1.0)
    return solver


def _bound_in_jobs(jm: JobModel, objective_bound: float, fallback: int) -> int:
    if jm.instance.rules.objective != "jobs":
        return fallback
    return min(fallback, math.floor((objective_bound + 1e-6) / jm.objective_scale))


def solve_region(
    instance: Instance, tasks: list[int], config: SolveConfig, seconds: float, report: Callable[[int, int], None]
) -> RegionResult:
    cover = instance.rules.objective == "cover"
    heuristic = construct(instance, tasks)
    simple = simple_job_bound(instance, tasks)
    report(len(heuristic), simple)  # a first answer to show while the optimizer works
    covered = sum(len(j.tasks) for j in heuristic) == len(tasks)
    if cover and any(t in instance.own_problems for t in tasks):
        return RegionResult([], "INFEASIBLE", 0)
    if not config.use_solver or config.stop.is_set() or len(tasks) == 1:
        if len(tasks) == 1:
            status = "OPTIMAL" if (heuristic or not cover) else "INFEASIBLE"
            return RegionResult(heuristic, status, len(heuristic))
        if cover and not covered:
            return RegionResult([], "UNKNOWN", simple)
        return RegionResult(heuristic, "FEASIBLE", simple)
    usable = [t for t in tasks if t not in instance.own_problems]
    if len(usable) > FULL_MODEL_MAX_TASKS and (covered or not cover):
        jobs = improve(instance, tasks, heuristic, seconds, config.seed, config.workers,
                       report=lambda found: report(len(found), simple), stop=config.stop.is_set)
        return RegionResult(jobs, "FEASIBLE", max(simple, len(jobs)))
    jm = build_model(instance, tasks)
    jm.add_hint(heuristic)
    solver = _parameters(config, seconds)
    listener = _Listener(jm, lambda jobs, bound: report(jobs, _bound_in_jobs(jm, bound, simple)), config.stop)
    code = solver.solve(jm.model, listener)
    if code == cp_model.INFEASIBLE:
        return RegionResult([], "INFEASIBLE", 0)
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        jobs = jm.read_jobs(solver)
        better = score(instance, jobs) >= score(instance, heuristic) or (cover and not covered)
        chosen = jobs if better else heuristic
        status = "OPTIMAL" if code == cp_model.OPTIMAL and better else "FEASIBLE"
        bound = len(chosen) if status == "OPTIMAL" and instance.rules.objective == "jobs" else \
            _bound_in_jobs(jm, solver.best_objective_bound, simple)
        return RegionResult(chosen, status, max(bound, len(chosen)) if status == "OPTIMAL" else bound)
    if cover and not covered:
        return RegionResult([], "UNKNOWN", simple)
    return RegionResult(heuristic, "FEASIBLE", simple)


def _pinned_jobs(instance: Instance) -> list[tuple[str, Job]]:
    pinned = []
    for job in instance.task_file.pinned:
        tasks = [instance.index[t] for t in job.tasks]
        schedule = find_schedule(instance, tasks)
        if schedule is None:  # validation rejects such files; be safe anyway
            raise ValueError(f"pinned job {job.id} has no valid schedule")
        pinned.append((job.id, Job(tasks, schedule)))
    return pinned


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
    instance = prepare(task_file)
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
    # the same plan.
    budgets = region_budgets(regions, config.time_limit)
    results = solve_regions(instance, regions, config, budgets, report)
    status = _combine([r.status for r in results]) if results else "OPTIMAL"
    return build_plan(
        instance,
        pinned,
        [job for r in results for job in r.jobs],
        status,
        jobs_upper_bound=len(pinned) + sum(r.bound for r in results),
        solver=SolverInfo(seconds=round(time.perf_counter() - started, 3), workers=config.workers, seed=config.seed),
    )

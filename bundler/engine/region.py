"""One region, solved within its budget: the route is chosen by what the region is.

Every region starts from the constructive plan (`construct`), which is also its answer
if nothing better is found in time. A small region gets the full CP-SAT model (exact:
OPTIMAL is a proof); a larger one, whose full model would take minutes just to build,
gets a pool of small jobs to pick from (`pool`) and then neighbourhood search, each
neighbourhood repacked from a pool of its own (`pool_lns`); objective `cover` takes
the neighbourhood search over exact sub-models instead (`lns`). Tasks without weekly
slots (the classic packing sets) take the column route (`packing`): an LP bound, a
dive and a pick.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Callable

from ortools.sat.python import cp_model

from bundler.engine.columns import Feasibility
from bundler.engine.config import Clock, SolveConfig
from bundler.engine.construct import Job, construct
from bundler.engine.fill import fill_left_over
from bundler.engine.instance import Instance
from bundler.engine.lns import improve, score
from bundler.engine.model import JobModel, build_model, estimated_build_seconds
from bundler.engine.packing import solve_by_columns
from bundler.engine.polish import polish_rotas
from bundler.engine.pool_lns import improve_by_pools, pool_and_pick
from bundler.engine.pool import NODES_PER_TASK

HEURISTIC_SHARE = 0.6
"""At most about this part of a region's time goes to the constructive plan (huge regions)."""
EFFORT_PER_SECOND = 600_000
"""Schedule placements the constructive plan tries per second on a development machine:
its work is capped in placements, not seconds, so that a run is repeatable."""
POOL_SHARE, PICK_SHARE = 0.5, 0.2
"""Parts of a large region's time planned for the pool over the whole region (it sets
the pool's search nodes; the work it really counts comes off) and for picking from it;
the neighbourhood pools (`pool_lns`) get the rest."""
POOL_NODES_PER_SECOND = 5_500
"""Pool search nodes per second on a development machine (work is capped in nodes)."""
POOL_SEARCH_BUDGET = 3_000
REGION_POOL_MAX_TASKS = 1_000
"""Above this many tasks the region-wide pool is skipped and its work goes to the
neighbourhoods: on a 2,000-task campus the pool and its pick took 150 of 300 s and found
little the constructive plan had not (601 jobs with it, 658 without); at 600 tasks the
pool still paid at 300 s (214 with, 208 without)."""
POLISH_SHARE = 0.1
"""Part of a large region's time for placing each job's flexible work for the best rota."""
FULL_MODEL_MAX_TASKS = 40
"""Regions up to this many tasks get the full model; larger ones the neighbourhood search."""
FULL_MODEL_BUILD_SHARE = 0.25
"""...and only when building it takes at most this part of the region's time (estimated
from its size, so the choice is the same on every run): many flexible slots make a
small region's model large."""


@dataclass
class RegionResult:
    jobs: list[Job]
    status: str
    bound: int
    """A proven upper bound on the number of jobs."""
    lower_bound: int | None = None
    """Objective cover: a proven least number of jobs that covers every task, when known."""
    stopped_by: str = "work"
    """What ended the search: its work caps ("work"), the deadline ("time") or the user."""


def simple_job_bound(instance: Instance, tasks: list[int]) -> int:
    """No region holds more jobs than its usable hours allow, nor more than its tasks.

    A task is usable only if it, plus every task that may share a job with it, reaches
    the minimum job hours; dropping unusable tasks can make others unusable, so repeat.
    """
    minimum = instance.rules.min_job_minutes
    usable = {t for t in tasks if t not in instance.own_problems}
    minutes = {t: instance.tasks[t].minutes for t in usable}
    total = sum(minutes.values())
    changed = minimum > 0
    while changed:  # reach = all usable minutes less those of t's conflicts: O(conflicts), not O(tasks^2)
        changed = False
        for t in sorted(usable):
            reach = total - sum(minutes[u] for u in instance.conflicts[t] & usable if u != t)
            if reach < minimum:
                usable.discard(t)
                total -= minutes[t]
                changed = True
    if minimum <= 0:
        return len(usable)
    return min(len(usable), total // minimum)


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


def _parameters(config: SolveConfig, seconds: float, clock: Clock) -> tuple[cp_model.CpSolver, float]:
    """The solver and its wall-clock limit: the safety net, or less when the deadline is nearer."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = max(1, config.workers)
    solver.parameters.random_seed = config.seed
    # Deterministic: interleaved workers and a deterministic time budget, so the same
    # input, seed and workers give the same plan; wall time only cuts in at the deadline.
    solver.parameters.interleave_search = config.workers > 1
    solver.parameters.max_deterministic_time = max(seconds, 0.05)
    wall = clock.seconds(5 * seconds + 5)
    solver.parameters.max_time_in_seconds = wall
    return solver, wall


def _bound_in_jobs(jm: JobModel, objective_bound: float, fallback: int) -> int:
    if jm.instance.rules.objective != "jobs":
        return fallback
    return min(fallback, math.floor((objective_bound + jm.penalty_offset + 1e-6) / jm.objective_scale))


def solve_region(
    instance: Instance, tasks: list[int], config: SolveConfig, seconds: float, report: Callable[[int, int], None]
) -> RegionResult:
    """The region's best plan within its budget `seconds` (work) and the config's deadline."""
    clock = Clock(config)
    result = _solve_region(instance, tasks, config, seconds, report, clock)
    result.stopped_by = clock.stopped_by
    return result


def _solve_region(instance: Instance, tasks: list[int], config: SolveConfig, seconds: float,
                  report: Callable[[int, int], None], clock: Clock) -> RegionResult:
    cover = instance.rules.objective == "cover"
    effort = [0]
    heuristic = construct(instance, tasks, max_effort=round(HEURISTIC_SHARE * seconds * EFFORT_PER_SECOND)
                          if config.use_solver else None, halted=clock.halted, spent=effort)
    spent = effort[0] / EFFORT_PER_SECOND
    """Work done so far, in seconds of a development machine: counted, never clocked."""
    simple = simple_job_bound(instance, tasks)
    report(len(heuristic), simple)  # a first answer to show while the optimizer works
    covered = sum(len(j.tasks) for j in heuristic) == len(tasks)
    if cover and any(t in instance.own_problems for t in tasks):
        return RegionResult([], "INFEASIBLE", 0)
    if not config.use_solver or clock.halted() or len(tasks) == 1:
        if len(tasks) == 1:
            status = "OPTIMAL" if (heuristic or not cover) else "INFEASIBLE"
            return RegionResult(heuristic, status, len(heuristic))
        if cover and not covered:
            return RegionResult([], "UNKNOWN", simple)
        return RegionResult(heuristic, "FEASIBLE", simple)
    usable = [t for t in tasks if t not in instance.own_problems]
    if config.use_columns and not any(instance.tasks[t].slots for t in usable):
        return _solve_by_columns(instance, tasks, heuristic, config, seconds - spent, simple, clock)
    building = estimated_build_seconds(instance, tasks) if len(usable) <= FULL_MODEL_MAX_TASKS else math.inf
    too_big = building > FULL_MODEL_BUILD_SHARE * seconds
    if too_big and (covered or not cover):
        polish_work = POLISH_SHARE * seconds if config.job_quality else 0.0
        work = max(seconds - spent - polish_work, 0.0)
        if cover:  # every task in a job: repacking pools of small jobs cannot promise that
            jobs = improve(instance, tasks, heuristic, work, config.seed, config.workers,
                           report=lambda found: report(len(found), simple), stop=config.stop.is_set,
                           job_quality=config.job_quality, clock=clock)
        else:
            jobs = _repack_by_pools(instance, tasks, heuristic, config, seconds, work, report, simple, clock)
        if config.job_quality:
            jobs = polish_rotas(instance, jobs, polish_work, config.seed, clock)
        return RegionResult(jobs, "FEASIBLE", max(simple, len(jobs)))
    if building > clock.left():
        clock.cut = True  # no time left to build the model: the constructive plan it is
        if cover and not covered:
            return RegionResult([], "UNKNOWN", simple)
        return RegionResult(heuristic, "FEASIBLE", simple)
    jm = build_model(instance, tasks, config.job_quality)
    jm.add_hint(heuristic)
    solver, wall = _parameters(config, max(seconds - spent, 0.05), clock)
    listener = _Listener(jm, lambda jobs, bound: report(jobs, _bound_in_jobs(jm, bound, simple)), config.stop)
    code = solver.solve(jm.model, listener)
    clock.note(solver, wall)
    if code == cp_model.INFEASIBLE:
        return RegionResult([], "INFEASIBLE", 0)
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        jobs = jm.read_jobs(solver)
        better = score(instance, jobs, config.job_quality) >= score(instance, heuristic, config.job_quality) \
            or (cover and not covered)
        chosen = jobs if better else heuristic
        status = "OPTIMAL" if code == cp_model.OPTIMAL and better else "FEASIBLE"
        bound = len(chosen) if status == "OPTIMAL" and instance.rules.objective == "jobs" else \
            _bound_in_jobs(jm, solver.best_objective_bound, simple)
        return RegionResult(chosen, status, max(bound, len(chosen)) if status == "OPTIMAL" else bound)
    if cover and not covered:
        return RegionResult([], "UNKNOWN", simple)
    return RegionResult(heuristic, "FEASIBLE", simple)


def _repack_by_pools(instance: Instance, tasks: list[int], heuristic: list[Job], config: SolveConfig,
                     seconds: float, work: float, report: Callable[[int, int], None], simple: int,
                     clock: Clock) -> list[Job]:
    """One pool over the whole region picked from, then pools over neighbourhoods until
    the `work` is done, then left-over tasks added where they fit: one memo of which
    task sets make a job for all three."""
    feasibility = Feasibility(instance, budget=POOL_SEARCH_BUDGET)
    start, pool_work = heuristic, 0.0
    if len(tasks) <= REGION_POOL_MAX_TASKS:
        start, pool_work = _pick_from_pool(instance, tasks, heuristic, config, seconds, report, simple, clock,
                                           feasibility)
    jobs, _ = improve_by_pools(instance, tasks, start, max(work - pool_work, 0.0), config.seed,
                               feasibility, clock, report=lambda found: report(len(found), simple),
                               job_quality=config.job_quality)
    return fill_left_over(instance, jobs, tasks, feasibility, clock)


def _pick_from_pool(instance: Instance, tasks: list[int], heuristic: list[Job], config: SolveConfig, seconds: float,
                    report: Callable[[int, int], None], simple: int, clock: Clock,
                    feasibility: Feasibility) -> tuple[list[Job], float]:
    """Many small jobs proposed around every task, the best disjoint set of them picked
    by CP-SAT (the heuristic's jobs are in the pool, so never worse than the heuristic).
    Also returns the work it took, counted in seconds of a development machine."""
    usable = sum(1 for t in tasks if t not in instance.own_problems)
    nodes = min(NODES_PER_TASK, int(POOL_SHARE * seconds * POOL_NODES_PER_SECOND / max(usable, 1)))
    if nodes < 10 or clock.halted():
        return heuristic, 0.0
    known = {tuple(sorted(job.tasks)): job for job in heuristic}
    jobs, work = pool_and_pick(instance, tasks, known, nodes, PICK_SHARE * seconds, config.seed, feasibility,
                               clock, config.job_quality)
    if jobs is None:
        return heuristic, work
    if score(instance, jobs, config.job_quality) < score(instance, heuristic, config.job_quality):
        return heuristic, work
    report(len(jobs), simple)
    return jobs, work


def _solve_by_columns(instance: Instance, tasks: list[int], heuristic: list[Job], config: SolveConfig,
                      seconds: float, simple: int, clock: Clock) -> RegionResult:
    """Tasks without weekly slots (the classic packing sets): column generation and a dive,
    capped in counted work like every route."""
    answer = solve_by_columns(instance, tasks, heuristic, max(seconds, 0.5), config.workers, config.seed, simple,
                              clock)
    if instance.rules.objective == "cover" and not answer.jobs:
        return RegionResult([], "UNKNOWN", simple, answer.lower_bound)
    upper = min(simple, answer.upper_bound) if answer.upper_bound is not None else simple
    status = "OPTIMAL" if answer.optimal else "FEASIBLE"
    return RegionResult(answer.jobs, status, max(upper, len(answer.jobs)), answer.lower_bound)

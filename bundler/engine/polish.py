"""Each job's flexible work placed for the best rota, once the jobs are chosen.

The pool and the constructive plan take the first schedule the search finds for a set
of tasks; here the full model of one job (its tasks fixed, every rule in force) moves
its flexible slots to the placements with the least waiting, fewest buildings a day and
fewest weekend days. Same tasks, same hours: it can never cost a job. Work is capped in
CP-SAT's deterministic time, so the result is repeatable.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from bundler.engine.config import Clock
from bundler.engine.construct import Job
from bundler.engine.instance import Instance
from bundler.engine.lns import job_penalty
from bundler.engine.model import build_model, estimated_build_seconds

STEP_WORK = 0.2
"""Deterministic seconds for one job's rota."""


def polish_rotas(instance: Instance, jobs: list[Job], work_budget: float, seed: int, clock: Clock) -> list[Job]:
    """The jobs with their flexible slots re-placed where that lowers the quality penalty."""
    spent, out = 0.0, []
    for job in jobs:
        if spent >= work_budget or clock.halted() or not any(instance.tasks[t].is_flexible for t in job.tasks):
            out.append(job)
            continue
        building = estimated_build_seconds(instance, job.tasks)
        if spent + building > work_budget:
            out.append(job)
            continue
        better, work = _best_rota(instance, job, min(STEP_WORK, work_budget - spent - building), seed, clock)
        spent += work
        out.append(better)
    return out


def _best_rota(instance: Instance, job: Job, work: float, seed: int, clock: Clock) -> tuple[Job, float]:
    if estimated_build_seconds(instance, job.tasks) > clock.left():
        clock.cut = True
        return job, 0.0
    jm = build_model(instance, job.tasks, job_quality=True)
    r = min(job.tasks, key=jm.order.index) if jm.order else None
    if r is None or any((t, r) not in jm.x for t in job.tasks):
        return job, 0.0
    for (t, rep), var in jm.x.items():
        jm.model.add(var == int(rep == r))
    jm.model.minimize(sum(jm.penalty))
    jm.add_hint([job])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    solver.parameters.max_deterministic_time = max(work, 0.01)
    wall = clock.seconds(5 * work + 1)  # a safety net only: the work is capped
    solver.parameters.max_time_in_seconds = wall
    code = solver.solve(jm.model)
    clock.note(solver, wall)
    work = solver.deterministic_time + estimated_build_seconds(instance, job.tasks)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return job, work
    found = jm.read_jobs(solver)
    if len(found) != 1 or job_penalty(instance, found[0]) >= job_penalty(instance, job):
        return job, work
    return found[0], work

"""Large-neighbourhood search: improve a plan by re-solving small parts of it exactly.

The full model of a campus-sized region is too large to build and solve in seconds,
but the same model over 20-40 tasks solves to optimality in about a second. So we
free a neighbourhood (a few related jobs plus left-over tasks that could join them),
solve the model on just those tasks with the current jobs as a hint, and keep the
answer when it is better. Every other job stays as it is, so the plan stays valid.

Deterministic: neighbourhoods come from a seeded generator and the search stops on a
work budget (CP-SAT's deterministic time plus model size), not on the wall clock.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from ortools.sat.python import cp_model

from bundler.engine.config import Clock
from bundler.engine.construct import Job
from bundler.engine.instance import Instance
from bundler.engine.model import build_model, estimated_build_seconds
from bundler.engine.quality import schedule_penalty

START_SIZE = 24
MIN_SIZE, MAX_SIZE = 12, 60
STEP_WORK = 1.5
"""Deterministic seconds CP-SAT may spend on one neighbourhood."""


def score(instance: Instance, jobs: list[Job], job_quality: bool = False) -> tuple:
    """What the objective prefers, as a tuple to compare (bigger is better); with job
    quality, a lower quality penalty breaks ties of the contract's objective."""
    count = len(jobs)
    minutes = sum(instance.tasks[t].minutes for job in jobs for t in job.tasks)
    if instance.rules.objective == "hours":
        main: tuple = (minutes, count)
    elif instance.rules.objective == "cover":
        main = (-count,)
    else:
        main = (count, minutes)
    return (*main, -sum(job_penalty(instance, job) for job in jobs)) if job_quality else main


def job_penalty(instance: Instance, job: Job) -> int:
    return schedule_penalty(instance, ((p, instance.tasks[t].location, t) for (t, _), p in job.schedule.items()))


@dataclass
class PlanState:
    """The jobs of a plan and which job holds each task."""

    jobs: list[Job]
    job_of: dict[int, int]

    @classmethod
    def of(cls, jobs: list[Job]) -> "PlanState":
        return cls(jobs, {t: i for i, job in enumerate(jobs) for t in job.tasks})

    def split(self, part: list[int]) -> tuple[list[Job], list[Job]]:
        """(jobs kept, jobs freed) when the tasks of `part` are freed."""
        inside = set(part)
        kept = [job for job in self.jobs if not inside.intersection(job.tasks)]
        return kept, [job for job in self.jobs if inside.intersection(job.tasks)]


def neighbourhood(instance: Instance, tasks: list[int], state: PlanState, size: int, rng: random.Random) -> list[int]:
    """An anchor task, then tasks that may share a job with it, each with its whole job."""
    left_over = [t for t in tasks if t not in state.job_of]
    anchor = rng.choice(left_over if left_over and rng.random() < 0.6 else tasks)
    chosen: dict[int, None] = {}

    def take(t: int) -> None:
        if t in state.job_of:
            for u in state.jobs[state.job_of[t]].tasks:
                chosen[u] = None
        else:
            chosen[t] = None

    take(anchor)
    partners = [t for t in tasks if t not in instance.conflicts[anchor] and t not in chosen]
    rng.shuffle(partners)
    # Left-over partners first: they are where the extra jobs come from.
    partners.sort(key=lambda t: t in state.job_of)
    for t in partners:
        if len(chosen) >= size:
            break
        take(t)
    return list(chosen)


def improve(
    instance: Instance,
    tasks: list[int],
    jobs: list[Job],
    work_budget: float,
    seed: int,
    workers: int,
    report: Callable[[list[Job]], None],
    stop: Callable[[], bool],
    job_quality: bool = True,
    clock: Clock | None = None,
) -> list[Job]:
    """A plan at least as good as `jobs`, improved for about `work_budget` seconds of work."""
    usable = [t for t in tasks if t not in instance.own_problems]
    if len(usable) < 2:
        return jobs
    rng = random.Random(seed)
    state = PlanState.of(jobs)
    size, spent = START_SIZE, 0.0
    while spent < work_budget and not stop() and not (clock and clock.halted()):
        part = neighbourhood(instance, usable, state, min(size, len(usable)), rng)
        kept, freed = state.split(part)
        building = estimated_build_seconds(instance, part)
        if spent + building > work_budget:
            break  # the step would overrun the budget: the work is done
        if clock is not None and building > clock.left():
            clock.cut = True  # the next step would end after the deadline: stop with the plan so far
            break
        jm = build_model(instance, part, job_quality)
        jm.add_hint(freed)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = max(1, workers)
        solver.parameters.random_seed = rng.randrange(1 << 30)
        solver.parameters.interleave_search = workers > 1
        step = min(STEP_WORK, max(work_budget - spent, 0.05))
        solver.parameters.max_deterministic_time = step
        wall = 5 * step + 5  # a safety net only: the work is capped
        if clock is not None:
            wall = clock.seconds(wall)
        solver.parameters.max_time_in_seconds = wall
        code = solver.solve(jm.model)
        if clock is not None:
            clock.note(solver, wall)
        spent += solver.deterministic_time + building
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            found = jm.read_jobs(solver)
            if score(instance, found, job_quality) > score(instance, freed, job_quality):
                state = PlanState.of(kept + found)
        report(state.jobs)  # a heartbeat for progress displays, improved or not
        # Grow the neighbourhood while the solver proves optimality easily, shrink when it cannot.
        size = min(size + 4, MAX_SIZE) if code == cp_model.OPTIMAL else max(size - 4, MIN_SIZE)
    return state.jobs

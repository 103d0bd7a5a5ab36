"""Neighbourhood search over pools: free a few jobs, propose every small job among their
tasks, pick the best disjoint set.

The exact sub-model of `lns` needs seconds per neighbourhood of 30 tasks (its flexible
slots make tens of thousands of variables) and often ends without an answer. The
schedule search answers "can these tasks be one job" in well under a millisecond, so
here a neighbourhood (a few jobs plus left-over tasks, as in `lns`) gets a pool of
small jobs among its own tasks (`pool.job_pool`), and set packing (`columns.pick_jobs`)
picks the best disjoint set, the freed jobs included: never worse than before. With
a few hundred jobs per pool the pick takes milliseconds, so a step costs about a
third of a second and a 10-second run makes dozens of them.

Deterministic: neighbourhoods come from a seeded generator, the pool's work is counted
in schedule-search placements (`Feasibility.work`) and the pick's in CP-SAT's
deterministic time; the wall clock only cuts in at the deadline.
"""

from __future__ import annotations

import random
from typing import Callable

from bundler.engine.columns import Column, Feasibility, pick_jobs
from bundler.engine.config import Clock
from bundler.engine.construct import Job
from bundler.engine.instance import Instance
from bundler.engine.lns import PlanState, job_penalty, neighbourhood, score
from bundler.engine.pool import job_pool

NEIGHBOURHOOD_SIZE = 50
"""Tasks freed per step: large enough to hold a job more, small enough for a full pool.
With one-worker picks (`columns.PICK_WORKERS`), 45-60 beat 30 at 10 s on the development
campuses and the kick-off (seeds 0-2: 5-10 jobs more over four files, 3 at worst)."""
NODES_PER_TASK = 500
"""Search nodes of the pool per freed task."""
PICK_WORK = 0.5
"""Deterministic seconds CP-SAT may spend picking in one step."""
PENALTY_SECONDS = 1.2e-5
"""What weighing one job's rota costs, in seconds of a development machine."""


def pool_and_pick(instance: Instance, tasks: list[int], known: dict[Column, Job], nodes_per_task: int,
                  seconds: float, seed: int, feasibility: Feasibility, clock: Clock,
                  job_quality: bool) -> tuple[list[Job] | None, float]:
    """A pool of small jobs among `tasks`, and the best disjoint jobs of it and of `known`
    (the plan's own jobs, also the hint), best rotas among equals; None when CP-SAT found
    nothing. Also returns the work it all took, counted: the pool's schedule questions and
    ranking, weighing each job's rota, and CP-SAT's deterministic time."""
    before, counted = feasibility.work, [0.0]
    pool = job_pool(instance, tasks, feasibility, nodes_per_task, extend_complete=instance.rules.objective == "hours",
                    halted=clock.halted, spent=counted)
    penalties = None
    if job_quality:
        penalties = {c: job_penalty(instance, feasibility.as_job(c, known)) for c in {*pool, *known}}
        counted[0] += len(penalties) * PENALTY_SECONDS
    picked = pick_jobs(instance, tasks, pool, list(known), seconds, seed, penalties=penalties, clock=clock,
                       spent=counted)
    work = feasibility.work - before + counted[0]
    return (None if picked is None else [feasibility.as_job(c, known) for c in picked]), work


def improve_by_pools(
    instance: Instance,
    tasks: list[int],
    jobs: list[Job],
    work_budget: float,
    seed: int,
    feasibility: Feasibility,
    clock: Clock,
    report: Callable[[list[Job]], None] = lambda jobs: None,
    job_quality: bool = True,
) -> tuple[list[Job], float]:
    """A plan at least as good as `jobs` and the work it took (counted seconds of a
    development machine), improved for about `work_budget` seconds of work."""
    usable = [t for t in tasks if t not in instance.own_problems]
    if len(usable) < 2:
        return jobs, 0.0
    rng = random.Random(seed)
    state = PlanState.of(jobs)
    spent = 0.0
    while spent < work_budget and not clock.halted():
        part = neighbourhood(instance, usable, state, min(NEIGHBOURHOOD_SIZE, len(usable)), rng)
        kept, freed = state.split(part)
        known: dict[Column, Job] = {tuple(sorted(job.tasks)): job for job in freed}
        found, work = pool_and_pick(instance, part, known, NODES_PER_TASK, PICK_WORK, rng.randrange(1 << 30),
                                    feasibility, clock, job_quality)
        spent += work
        if found is not None and score(instance, found, job_quality) > score(instance, freed, job_quality):
            state = PlanState.of(kept + found)
        report(state.jobs)
    return state.jobs, spent

"""Left-over tasks added to the jobs they still fit in: more hours, never a job less.

The pool and the neighbourhood search pick whole jobs; a small task left over may still
fit beside one of them (the explanations find "past nog in J19"). Largest tasks first,
each into the first job where the rule book still holds. Capped in schedule searches, so
a campus with thousands of left-over tasks stays in time and the result is repeatable.
"""

from __future__ import annotations

from bundler.engine.columns import Feasibility
from bundler.engine.config import Clock
from bundler.engine.construct import Job
from bundler.engine.instance import Instance
from bundler.engine.rulebook import may_join

MAX_SEARCHES = 20_000
"""Schedule searches the fill may make (each on a handful of tasks)."""


def fill_left_over(instance: Instance, jobs: list[Job], tasks: list[int], feasibility: Feasibility,
                   clock: Clock, max_searches: float = MAX_SEARCHES) -> list[Job]:
    """The jobs with left-over tasks added where every rule still holds."""
    jobs = list(jobs)
    used = {t for job in jobs for t in job.tasks}
    left_over = sorted((t for t in tasks if t not in used and t not in instance.own_problems),
                       key=lambda t: (-instance.tasks[t].minutes, t))
    searches = 0
    for t in left_over:
        for i, job in enumerate(jobs):
            if searches >= max_searches or clock.halted():
                return jobs
            if not may_join(instance, job.tasks, t):
                continue
            searches += 1
            trial = tuple(sorted((*job.tasks, t)))
            schedule = feasibility.schedule(trial)
            if schedule is not None:
                jobs[i] = Job(list(trial), schedule)
                break
    return jobs

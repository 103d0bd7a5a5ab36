"""The full model of one region: the variables, then one module per rule group, then
the objective. Each module adds its constraints for a job and names its rules as the
rule book does (`bundler.engine.rulebook`)."""

from __future__ import annotations

from collections import defaultdict

from bundler.engine.instance import Instance
from bundler.engine.model import (
    assignment,
    capacity,
    day,
    objective,
    placement,
    quality,
    week,
)
from bundler.engine.model.variables import JobModel, Occurrence


def add_job_rules(jm: JobModel, r: int) -> None:
    """Every rule of the contract for the job represented by task r."""
    capacity.add_capacity(jm, r)
    by_day: dict[int, list[Occurrence]] = defaultdict(list)
    for occ in placement.job_occurrences(jm, r):
        by_day[occ.placement.day].append(occ)
    worked = day.add_day_rules(jm, r, by_day)
    week.add_week_rules(jm, r, by_day, worked)
    if jm.quality:
        quality.add_quality(jm, r, by_day, worked)


BUILD_SECONDS_PER_OCCURRENCE = 2.5e-4
"""Building costs about this much per (job, task, placement) it may hold, on a busy machine."""


def estimated_build_seconds(instance: Instance, tasks: list[int]) -> float:
    """What building the model of these tasks will take: it cannot be interrupted, so a
    step that would not finish before the deadline is not started."""
    usable = sorted((t for t in tasks if t not in instance.own_problems),
                    key=lambda t: (-instance.tasks[t].minutes, t))
    placements = {t: sum(len(options) for options in instance.tasks[t].slots) for t in usable}
    count = 0
    for pos, r in enumerate(usable):
        region, blocked = instance.region_of_task(r), instance.conflicts[r]
        count += placements[r] + sum(placements[t] for t in usable[pos + 1:]
                                     if t not in blocked and instance.region_of_task(t) == region)
    return BUILD_SECONDS_PER_OCCURRENCE * count


def build_model(instance: Instance, tasks: list[int], job_quality: bool = True) -> JobModel:
    """The full model of one region: every contract rule plus the objective."""
    jm = JobModel(instance=instance, tasks=[t for t in tasks if t not in instance.own_problems],
                  quality=job_quality)
    assignment.add_assignment(jm)
    placement.add_flexible_choices(jm)
    for r in jm.representatives:
        add_job_rules(jm, r)
    objective.set_objective(jm)
    return jm

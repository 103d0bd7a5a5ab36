"""From jobs found (task indices and placements) to a contract plan with KPIs."""

from __future__ import annotations

from collections import Counter
from typing import Callable

from bundler.domain import (
    DAYS,
    Kpis,
    Plan,
    PlanJob,
    ScheduleEntry,
    SolverInfo,
    Unassigned,
    to_hhmm,
)
from bundler.engine.construct import Job
from bundler.engine.explain import explain_all, status_reason
from bundler.engine.instance import Instance
from bundler.engine.quality import job_quality

BANENAFSPRAAK_HOURS = 25.5
"""The national count treats 25.5 paid hours a week as one job."""


def employer_of(instance: Instance, tasks: list[int]) -> str:
    """The supplier contributing most hours; ties go to the first supplier in the file."""
    hours: Counter[int] = Counter()
    for t in tasks:
        hours[instance.tasks[t].supplier] += instance.tasks[t].minutes
    best = max(hours.values())
    return instance.suppliers[min(s for s, m in hours.items() if m == best)]


def plan_job(instance: Instance, job_id: str, job: Job) -> PlanJob:
    """A job of the plan file, with its quality indicators."""
    tasks = sorted(job.tasks, key=lambda t: instance.tasks[t].id)
    entries = sorted(
        (placement, t) for (t, _), placement in job.schedule.items()
    )
    supplier_ids = sorted({instance.suppliers[instance.tasks[t].supplier] for t in tasks})
    skills = sorted({instance.skills[k] for t in tasks for k in instance.tasks[t].skills})
    return PlanJob(
        id=job_id,
        tasks=[instance.tasks[t].id for t in tasks],
        suppliers=supplier_ids,
        employer=employer_of(instance, tasks),
        hours=round(sum(instance.tasks[t].minutes for t in tasks) / 60, 4),
        skills=skills,
        quality=job_quality(instance, [(p, instance.tasks[t].location, t) for p, t in entries]),
        schedule=[
            ScheduleEntry(
                task=instance.tasks[t].id,
                day=DAYS[p.day],
                start=to_hhmm(p.start),
                end=to_hhmm(p.end),
                location=instance.locations[instance.tasks[t].location],
            )
            for p, t in entries
        ],
    )


def job_ids(pinned_ids: list[str], count: int) -> list[str]:
    """J01, J02, ... skipping ids already taken by pinned jobs."""
    taken, ids, n = set(pinned_ids), [], 1
    width = max(2, len(str(count + len(taken))))
    while len(ids) < count:
        candidate = f"J{n:0{width}d}"
        if candidate not in taken:
            ids.append(candidate)
        n += 1
    return ids


def build_plan(
    instance: Instance,
    pinned: list[tuple[str, Job]],
    jobs: list[Job],
    status: str,
    jobs_upper_bound: int,
    solver: SolverInfo,
    halted: Callable[[], bool] = lambda: False,
) -> Plan:
    """The plan file; `halted()` cuts explaining the left-over tasks short (the deadline)."""
    if status in ("INFEASIBLE", "UNKNOWN"):
        pinned, jobs = [], []
    jobs = sorted(jobs, key=lambda j: min(instance.tasks[t].id for t in j.tasks))
    ids = job_ids([pid for pid, _ in pinned], len(jobs))
    plan_jobs = [plan_job(instance, pid, job) for pid, job in pinned]
    plan_jobs += [plan_job(instance, jid, job) for jid, job in zip(ids, jobs)]
    assigned = {t for _, job in pinned for t in job.tasks} | {t for job in jobs for t in job.tasks}
    left_over = [task.index for task in instance.tasks if task.index not in assigned]
    whole = status_reason(status)
    reasons = {t: whole for t in left_over} if whole else explain_all(
        instance, left_over, [*pinned, *zip(ids, jobs)], proven_optimal=status == "OPTIMAL", halted=halted)
    unassigned = [
        Unassigned(task=instance.tasks[t].id, reason=reasons[t].en, reason_nl=reasons[t].nl,
                   rule=reasons[t].rule.key if reasons[t].rule else None)
        for t in left_over
    ]
    total = sum(task.minutes for task in instance.tasks) / 60
    bundled = sum(job.hours for job in plan_jobs)
    return Plan(
        name=instance.task_file.name,
        status=status,
        jobs=plan_jobs,
        unassigned=unassigned,
        kpis=Kpis(
            jobs=len(plan_jobs),
            bundled_hours=round(bundled, 2),
            total_hours=round(total, 2),
            jobs_upper_bound=jobs_upper_bound if status != "INFEASIBLE" else 0,
            banenafspraak_jobs=round(bundled / BANENAFSPRAAK_HOURS, 2),
        ),
        solver=solver,
    )


"""Keeping people out of what others see.

A carved plan names a person per job (`"candidate": "K01"`). Inside the workbench the plan
that every page shares (solve, schedules, supplier views, exports, the workspace) never
carries those labels: `strip_candidates` takes them off and keeps them apart, for the
*Kandidaten* page alone. Candidates live only in the manager's browser session, never in
the workspace database (that needs a schema change of its own).
"""

from __future__ import annotations

from bundler.domain import Plan, PlanJob

PERSON_FIELDS = ("candidate",)


def strip_candidates(plan: Plan) -> tuple[Plan, dict[str, str]]:
    """(the plan without any person on its jobs, job id -> candidate id)."""
    labels: dict[str, str] = {}
    jobs = []
    for job in plan.jobs:
        data = job.model_dump(mode="json", by_alias=True)
        for name in PERSON_FIELDS:
            value = data.pop(name, None)
            if name == "candidate" and value is not None:
                labels[job.id] = value
        jobs.append(PlanJob.model_validate(data))
    return plan.model_copy(update={"jobs": jobs}), labels


def with_candidates(plan: Plan, labels: dict[str, str]) -> Plan:
    """The plan with the people put back on their jobs (for a carved plan's own export)."""
    jobs = []
    for job in plan.jobs:
        data = job.model_dump(mode="json", by_alias=True)
        if job.id in labels:
            data["candidate"] = labels[job.id]
        jobs.append(PlanJob.model_validate(data))
    return plan.model_copy(update={"jobs": jobs})


def forget(labels: dict[str, str], candidate_id: str) -> dict[str, str]:
    """The labels without one person (right to erasure): their job stays, nameless."""
    return {job: who for job, who in labels.items() if who != candidate_id}

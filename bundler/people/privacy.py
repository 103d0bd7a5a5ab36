"""Keeping people out of what others see.

A carved plan names a person per job (`"candidate": "K01"`). Inside the workbench the plan
that every page shares (solve, schedules, supplier views, exports, the workspace) never
carries those labels: `strip_candidates` takes them off and keeps them apart, for the
*Kandidaten* page alone. The candidates themselves live in the manager's session and,
once saved, in the workspace's `candidates` table (HR reads them; a supplier's view has
no way to them); the plans stored there carry no person either.
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


def session_adjustments(state, task_file, job_id: str, lang: str = "nl") -> list[str]:
    """For the workbench's vacancy page: the adjustments of a job that *Kandidaten* carved
    around a person ("start na 09:00", ...), read from the session; [] for any other job.

    `state` is `st.session_state` (any mapping): the labels count only for the plan they
    were handed out with, and the person is never named."""
    from bundler.people.adjustments import adjustments
    from bundler.people.sheets import check_rows

    kept = state.get("people_labels")
    if not kept or kept.get("plan") is not state.get("plan"):
        return []
    who = kept["labels"].get(job_id)
    if who is None:
        return []
    people, _ = check_rows(state.get("people_rows") or [], None)
    person = people.by_id().get(who) if people is not None else None
    return adjustments(person, task_file, lang) if person is not None else []

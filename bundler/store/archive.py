"""A whole workspace as one JSON document, to archive a kick-off or move it elsewhere.

The archive holds every task version, plan, decision (the full log) and vacancy draft
with who and when. Access links are not in it: they are secrets of the live
workspace, and an import hands out fresh ones. Candidates (personal data) are not in it
either, unless asked for (`include_candidates=True`), and a plan's jobs then carry no
candidate id. Importing the export of an import gives
the same document again, apart from the workspace id.
"""

from __future__ import annotations

import secrets
from collections import Counter
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from bundler.domain import Plan
from bundler.people.candidates import parse_candidate_file
from bundler.store.repository import Repository, Workspace
from bundler.store.schema import (
    candidates,
    decisions,
    plans,
    task_versions,
    vacancy_drafts,
    workspaces,
)
from bundler.validation import InputError, parse_task_file

ARCHIVE_FORMAT = "bundler-workspace/1"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArchivedWorkspace(_Strict):
    id: str
    name: str
    created_by: str
    created_at: AwareDatetime


class ArchivedVersion(_Strict):
    number: int = Field(ge=1)
    saved_by: str
    saved_at: AwareDatetime
    note: str = ""
    content: dict[str, Any]


class ArchivedPlan(_Strict):
    number: int = Field(ge=1)
    task_version: int
    created_by: str
    created_at: AwareDatetime
    content: dict[str, Any]


class ArchivedDecision(_Strict):
    plan: int
    job: str
    supplier: str
    verdict: Literal["accept", "reject", "open"]
    reason: str
    decided_by: str
    decided_at: AwareDatetime


class ArchivedVacancy(_Strict):
    plan: int
    job: str
    language: str
    format: str
    content: str
    updated_by: str
    updated_at: AwareDatetime
    revision: int = Field(default=1, ge=1)


class ArchivedCandidate(_Strict):
    saved_by: str
    saved_at: AwareDatetime
    content: dict[str, Any]


class Archive(_Strict):
    format: Literal["bundler-workspace/1"]
    workspace: ArchivedWorkspace
    versions: list[ArchivedVersion] = Field(min_length=1)
    plans: list[ArchivedPlan] = Field(default_factory=list)
    decisions: list[ArchivedDecision] = Field(default_factory=list)
    vacancies: list[ArchivedVacancy] = Field(default_factory=list)
    candidates: list[ArchivedCandidate] | None = None
    """Only in an export that asked for them (personal data)."""


def _without_people(content: dict[str, Any]) -> dict[str, Any]:
    """A plan's content with no candidate id on its jobs."""
    jobs = content.get("jobs")
    if not isinstance(jobs, list):
        return content
    return {**content, "jobs": [{k: v for k, v in j.items() if k != "candidate"} if isinstance(j, dict) else j
                                for j in jobs]}


def export_workspace(repo: Repository, workspace_id: str, include_candidates: bool = False) -> dict[str, Any]:
    """The archive document of one workspace (plain JSON types).

    Without `include_candidates` it holds no candidate data at all: no candidates, and no
    candidate id on a plan's jobs."""
    workspace = repo.workspace(workspace_id)
    stored_plans = repo.plans(workspace_id)
    number = {p.id: n for n, p in enumerate(stored_plans, start=1)}
    archive = Archive(
        format=ARCHIVE_FORMAT,
        workspace=ArchivedWorkspace(**workspace.__dict__),
        versions=[ArchivedVersion(number=v.number, saved_by=v.saved_by, saved_at=v.saved_at, note=v.note,
                                  content=v.content) for v in repo.history(workspace_id)],
        plans=[ArchivedPlan(number=number[p.id], task_version=p.task_version, created_by=p.created_by,
                            created_at=p.created_at,
                            content=p.content if include_candidates else _without_people(p.content))
               for p in stored_plans],
        decisions=[ArchivedDecision(plan=number[d.plan_id], **{k: v for k, v in d.__dict__.items() if k != "plan_id"})
                   for p in stored_plans for d in repo.decision_log(p.id)],
        vacancies=[ArchivedVacancy(plan=number[v.plan_id], **{k: v for k, v in v.__dict__.items() if k != "plan_id"})
                   for p in stored_plans for v in repo.vacancy_history(p.id)],
        candidates=[ArchivedCandidate(saved_by=c.saved_by, saved_at=c.saved_at, content=c.content)
                    for c in repo.stored_candidates(workspace_id)] if include_candidates else None,
    )
    document = archive.model_dump(mode="json")
    if document["candidates"] is None:
        del document["candidates"]
    return document


def _problems(data: Any) -> tuple[Archive | None, list[str]]:
    if not isinstance(data, dict):
        return None, [f"a workspace archive is a JSON object, got {type(data).__name__}"]
    try:
        archive = Archive.model_validate(data)
    except ValidationError as error:
        return None, [f"{'.'.join(str(p) for p in e['loc']) or 'archive'}: {e['msg']}"
                      for e in error.errors(include_url=False)]
    problems = []
    numbers = [v.number for v in archive.versions]
    if sorted(numbers) != list(range(1, len(numbers) + 1)):
        problems.append(f"versions are numbered {numbers}, not 1..{len(numbers)}")
    for v in archive.versions:
        try:
            parse_task_file(v.content)
        except InputError as error:
            problems.extend(f"version {v.number}: {p}" for p in error.problems)
    plan_numbers = {p.number for p in archive.plans}
    for p in archive.plans:
        if p.task_version not in numbers:
            problems.append(f"plan {p.number}: task version {p.task_version} is not in the archive")
        try:
            Plan.model_validate(p.content)
        except ValidationError as error:
            problems.extend(f"plan {p.number}: {'.'.join(str(x) for x in e['loc'])}: {e['msg']}"
                            for e in error.errors(include_url=False))
    revisions = Counter((v.plan, v.job, v.language, v.format, v.revision) for v in archive.vacancies)
    problems.extend(f"vacancy draft of plan {plan}, job {job} ({language}, {fmt}): revision {revision} appears "
                    f"{n} times" for (plan, job, language, fmt, revision), n in revisions.items() if n > 1)
    if archive.candidates:
        try:
            parse_candidate_file({"candidates": [c.content for c in archive.candidates]})
        except InputError as error:
            problems.extend(f"candidates: {p}" for p in error.problems)
    for kind, items in (("decision", archive.decisions), ("vacancy draft", archive.vacancies)):
        problems.extend(f"{kind} {i}: plan {item.plan} is not in the archive"
                        for i, item in enumerate(items, start=1) if item.plan not in plan_numbers)
    return archive, problems


def import_workspace(repo: Repository, data: Any) -> Workspace:
    """A new workspace (new id) holding everything in the archive, in one transaction."""
    archive, problems = _problems(data)
    if problems:
        raise InputError(problems)
    workspace = Workspace(secrets.token_hex(6), archive.workspace.name, archive.workspace.created_by,
                          archive.workspace.created_at)
    with repo.engine.begin() as conn:
        conn.execute(workspaces.insert().values(**workspace.__dict__))
        version_ids = {}
        for v in sorted(archive.versions, key=lambda v: v.number):
            version_ids[v.number] = conn.execute(task_versions.insert().values(
                workspace_id=workspace.id, number=v.number, content=v.content, saved_by=v.saved_by,
                saved_at=v.saved_at, note=v.note).returning(task_versions.c.id)).scalar_one()
        plan_ids = {}
        for p in sorted(archive.plans, key=lambda p: p.number):
            plan = Plan.model_validate(p.content)
            plan_ids[p.number] = conn.execute(plans.insert().values(
                workspace_id=workspace.id, task_version_id=version_ids[p.task_version], status=plan.status,
                jobs=plan.kpis.jobs, jobs_upper_bound=plan.kpis.jobs_upper_bound,
                bundled_hours=plan.kpis.bundled_hours, total_hours=plan.kpis.total_hours,
                seconds=plan.solver.seconds, workers=plan.solver.workers, seed=plan.solver.seed, content=p.content,
                created_by=p.created_by, created_at=p.created_at).returning(plans.c.id)).scalar_one()
        for d in archive.decisions:
            conn.execute(decisions.insert().values(plan_id=plan_ids[d.plan], **d.model_dump(exclude={"plan"})))
        for v in archive.vacancies:
            conn.execute(vacancy_drafts.insert().values(plan_id=plan_ids[v.plan], **v.model_dump(exclude={"plan"})))
        for c in archive.candidates or []:
            content = parse_candidate_file({"candidates": [c.content]}).candidates[0].to_json_dict()
            conn.execute(candidates.insert().values(workspace_id=workspace.id, candidate_id=content["id"],
                                                    content=content, saved_by=c.saved_by, saved_at=c.saved_at))
    return workspace

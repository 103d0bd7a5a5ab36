"""Workspace operations: versions of the task file, plans, decisions, vacancy drafts.

Nothing is overwritten. A save adds a version numbered one past the one the saver
started from (`expected_version`); if someone else saved in between, the save is
refused with `StaleVersionError` rather than silently replacing their work. The
unique (workspace, number) key makes this hold even when two saves race. Decisions
are appended, one row each, and the latest per (plan, job, supplier) counts. Vacancy
drafts work like versions: each save is the next revision of its draft, refused when
it started from an older one.

Candidates are the exception: personal data keeps no history. A save replaces the
workspace's candidate file (one row per person), and `delete_candidate` erases one
person for good (right to erasure): a real DELETE, and their id taken off the jobs of
the workspace's stored plans. Messages about candidates name their id only, never an
alias or a note.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from bundler.domain import Plan, TaskFile
from bundler.people.candidates import CandidateFile, parse_candidate_file
from bundler.store.schema import (
    candidates,
    decisions,
    now,
    plans,
    task_versions,
    vacancy_drafts,
    workspaces,
)
from bundler.validation import parse_task_file

Verdict = Literal["accept", "reject", "open"]


class NotFoundError(LookupError):
    """An id that is not in this database (a workspace, version or plan)."""


class StaleVersionError(Exception):
    """A save started from an older version than the newest one: reload, then save again."""

    def __init__(self, expected: int, current: int, saved_by: str, saved_at: datetime):
        self.expected, self.current, self.saved_by, self.saved_at = expected, current, saved_by, saved_at
        super().__init__(f"this workspace is at version {current} (saved by {saved_by} at "
                         f"{saved_at:%Y-%m-%d %H:%M} UTC), not at version {expected} that you started from; "
                         f"reload the latest version and apply your changes again")


@dataclass(frozen=True)
class Workspace:
    id: str
    name: str
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class Version:
    workspace_id: str
    number: int
    saved_by: str
    saved_at: datetime
    note: str
    content: dict[str, Any]

    @property
    def task_file(self) -> TaskFile:
        return parse_task_file(self.content)


@dataclass(frozen=True)
class StoredPlan:
    id: int
    workspace_id: str
    task_version: int
    status: str
    jobs: int
    jobs_upper_bound: int
    bundled_hours: float
    total_hours: float
    seconds: float
    workers: int
    seed: int
    created_by: str
    created_at: datetime
    content: dict[str, Any]

    @property
    def plan(self) -> Plan:
        return Plan.model_validate(self.content)


@dataclass(frozen=True)
class StoredDecision:
    plan_id: int
    job: str
    supplier: str
    verdict: Verdict
    reason: str
    decided_by: str
    decided_at: datetime


@dataclass(frozen=True)
class VacancyDraft:
    plan_id: int
    job: str
    language: str
    format: str
    content: str
    updated_by: str
    updated_at: datetime
    revision: int = 1
    """1 for the first draft of its (plan, job, language, format), one more for each save after it."""


@dataclass(frozen=True)
class StoredCandidate:
    workspace_id: str
    candidate_id: str
    saved_by: str
    saved_at: datetime
    content: dict[str, Any]


class StaleDraftError(Exception):
    """A draft saved on top of an older revision than the newest: someone else saved in between."""

    def __init__(self, expected: int | None, current: VacancyDraft | None):
        self.expected, self.current = expected, current
        newest = (f"revision {current.revision} by {current.updated_by} at {current.updated_at:%Y-%m-%d %H:%M} UTC"
                  if current else "no draft")
        super().__init__(f"the newest draft is {newest}, not revision {expected or 'none'} that you started from; "
                         f"read it and save again")


LATEST = "latest"
"""`based_on` for a save meant to go on top of whatever is newest (still a new revision: nothing is lost)."""


def task_content(task_file: TaskFile | dict[str, Any]) -> dict[str, Any]:
    """The stored form of a task file; a dict is validated first (InputError if broken)."""
    if isinstance(task_file, dict):
        task_file = parse_task_file(task_file)
    return task_file.to_json_dict()


def _version(row) -> Version:
    return Version(row.workspace_id, row.number, row.saved_by, row.saved_at, row.note, row.content)


_PLAN_COLUMNS = [c for c in plans.c if c.name != "task_version_id"]


def _plan(row) -> StoredPlan:
    return StoredPlan(row.id, row.workspace_id, row.task_version, row.status, row.jobs, row.jobs_upper_bound,
                      row.bundled_hours, row.total_hours, row.seconds, row.workers, row.seed, row.created_by,
                      row.created_at, row.content)


class Repository:
    """All reads and writes of the shared workspace, each in its own transaction."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # --- workspaces -------------------------------------------------------------------

    def create_workspace(self, name: str, task_file: TaskFile | dict[str, Any], by: str) -> Workspace:
        """A new workspace whose version 1 is `task_file`."""
        content = task_content(task_file)
        workspace = Workspace(secrets.token_hex(6), name.strip() or content.get("name") or "kick-off", by, now())
        with self.engine.begin() as conn:
            conn.execute(workspaces.insert().values(id=workspace.id, name=workspace.name, created_by=by,
                                                    created_at=workspace.created_at))
            conn.execute(task_versions.insert().values(workspace_id=workspace.id, number=1, content=content,
                                                       saved_by=by, saved_at=workspace.created_at, note=""))
        return workspace

    def workspaces(self) -> list[Workspace]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(workspaces).order_by(workspaces.c.created_at, workspaces.c.id))
            return [Workspace(r.id, r.name, r.created_by, r.created_at) for r in rows]

    def workspace(self, workspace_id: str) -> Workspace:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(workspaces).where(workspaces.c.id == workspace_id)).first()
        if row is None:
            raise NotFoundError(f"no workspace with id {workspace_id!r}")
        return Workspace(row.id, row.name, row.created_by, row.created_at)

    # --- versions of the task file ----------------------------------------------------

    def _latest_row(self, conn, workspace_id: str):
        row = conn.execute(sa.select(task_versions).where(task_versions.c.workspace_id == workspace_id)
                           .order_by(task_versions.c.number.desc()).limit(1)).first()
        if row is None:
            raise NotFoundError(f"no workspace with id {workspace_id!r}")
        return row

    def save_version(self, workspace_id: str, task_file: TaskFile | dict[str, Any], by: str,
                     expected_version: int, note: str = "") -> Version:
        """Add version `expected_version + 1`, or raise StaleVersionError if that is not the next one."""
        content = task_content(task_file)
        try:
            with self.engine.begin() as conn:
                current = self._latest_row(conn, workspace_id)
                if current.number != expected_version:
                    raise StaleVersionError(expected_version, current.number, current.saved_by, current.saved_at)
                version = Version(workspace_id, expected_version + 1, by, now(), note, content)
                conn.execute(task_versions.insert().values(**version.__dict__))
        except IntegrityError:
            # Another save took the same number between our read and our insert.
            with self.engine.connect() as conn:
                current = self._latest_row(conn, workspace_id)
            raise StaleVersionError(expected_version, current.number, current.saved_by, current.saved_at) from None
        return version

    def latest_version(self, workspace_id: str) -> Version:
        with self.engine.connect() as conn:
            return _version(self._latest_row(conn, workspace_id))

    def version(self, workspace_id: str, number: int) -> Version:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(task_versions).where(task_versions.c.workspace_id == workspace_id,
                                                              task_versions.c.number == number)).first()
        if row is None:
            self.workspace(workspace_id)
            raise NotFoundError(f"workspace {workspace_id} has no version {number}")
        return _version(row)

    def history(self, workspace_id: str) -> list[Version]:
        """Every saved version, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(task_versions).where(task_versions.c.workspace_id == workspace_id)
                                .order_by(task_versions.c.number)).all()
        if not rows:
            raise NotFoundError(f"no workspace with id {workspace_id!r}")
        return [_version(r) for r in rows]

    def restore(self, workspace_id: str, number: int, by: str, expected_version: int) -> Version:
        """Undo: a new version whose content equals version `number`; nothing is removed."""
        old = self.version(workspace_id, number)
        return self.save_version(workspace_id, old.content, by, expected_version, note=f"restored version {number}")

    # --- plans ------------------------------------------------------------------------

    def _plan_query(self):
        return (sa.select(*_PLAN_COLUMNS, task_versions.c.number.label("task_version"))
                .join(task_versions, plans.c.task_version_id == task_versions.c.id))

    def save_plan(self, workspace_id: str, task_version: int, plan: Plan, by: str) -> StoredPlan:
        """Store a plan with its solver statistics, linked to the version it was solved from."""
        with self.engine.begin() as conn:
            version_id = conn.execute(sa.select(task_versions.c.id).where(
                task_versions.c.workspace_id == workspace_id, task_versions.c.number == task_version)).scalar()
            if version_id is None:
                raise NotFoundError(f"workspace {workspace_id} has no version {task_version}")
            k, s = plan.kpis, plan.solver
            plan_id = conn.execute(plans.insert().values(
                workspace_id=workspace_id, task_version_id=version_id, status=plan.status, jobs=k.jobs,
                jobs_upper_bound=k.jobs_upper_bound, bundled_hours=k.bundled_hours, total_hours=k.total_hours,
                seconds=s.seconds, workers=s.workers, seed=s.seed, content=plan.to_json_dict(), created_by=by,
                created_at=now()).returning(plans.c.id)).scalar_one()
        return self.plan(plan_id)

    def plan(self, plan_id: int) -> StoredPlan:
        with self.engine.connect() as conn:
            row = conn.execute(self._plan_query().where(plans.c.id == plan_id)).first()
        if row is None:
            raise NotFoundError(f"no plan with id {plan_id}")
        return _plan(row)

    def plans(self, workspace_id: str) -> list[StoredPlan]:
        """The workspace's plans, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(self._plan_query().where(plans.c.workspace_id == workspace_id)
                                .order_by(plans.c.id)).all()
        return [_plan(r) for r in rows]

    def latest_plan(self, workspace_id: str) -> StoredPlan | None:
        with self.engine.connect() as conn:
            row = conn.execute(self._plan_query().where(plans.c.workspace_id == workspace_id)
                               .order_by(plans.c.id.desc()).limit(1)).first()
        return _plan(row) if row else None

    # --- decisions --------------------------------------------------------------------

    def decide(self, plan_id: int, job: str, supplier: str, verdict: Verdict, reason: str, by: str) -> StoredDecision:
        """Record one supplier's verdict on one job of a plan (`open` withdraws an earlier one)."""
        if verdict not in ("accept", "reject", "open"):
            raise ValueError(f"verdict must be accept, reject or open, not {verdict!r}")
        stored = self.plan(plan_id).plan
        found = next((j for j in stored.jobs if j.id == job), None)
        if found is None:
            raise NotFoundError(f"plan {plan_id} has no job {job!r}")
        if supplier not in found.suppliers:
            raise ValueError(f"job {job} has no task of supplier {supplier!r}")
        decision = StoredDecision(plan_id, job, supplier, verdict, reason.strip(), by, now())
        with self.engine.begin() as conn:
            conn.execute(decisions.insert().values(**decision.__dict__))
        return decision

    def decisions(self, plan_id: int, supplier: str | None = None) -> list[StoredDecision]:
        """The latest verdict per (job, supplier), withdrawn ones left out."""
        query = sa.select(decisions).where(decisions.c.plan_id == plan_id)
        if supplier is not None:
            query = query.where(decisions.c.supplier == supplier)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(decisions.c.decided_at, decisions.c.id)).all()
        latest = {(r.job, r.supplier): _decision(r) for r in rows}
        return [d for d in latest.values() if d.verdict != "open"]

    def decision_log(self, plan_id: int) -> list[StoredDecision]:
        """Every verdict ever given on a plan, in order (for the archive)."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(decisions).where(decisions.c.plan_id == plan_id)
                                .order_by(decisions.c.decided_at, decisions.c.id)).all()
        return [_decision(r) for r in rows]

    # --- vacancy drafts ---------------------------------------------------------------

    def save_vacancy(self, plan_id: int, job: str, language: str, format: str, content: str, by: str,
                     based_on: int | None | Literal["latest"] = LATEST) -> VacancyDraft:
        """Add the next revision of the draft for (plan, job, language, format); earlier ones stay.

        `based_on` is the revision the writer started from (None: there was none yet); when
        someone saved since, the save is refused with StaleDraftError instead of silently
        winning. The unique (key, revision) holds this even when two saves race.
        """
        self.plan(plan_id)
        key = (vacancy_drafts.c.plan_id == plan_id, vacancy_drafts.c.job == job,
               vacancy_drafts.c.language == language, vacancy_drafts.c.format == format)
        try:
            with self.engine.begin() as conn:
                current = self._latest_draft(conn, key)
                if based_on != LATEST and (current.revision if current else None) != based_on:
                    raise StaleDraftError(based_on, current)
                draft = VacancyDraft(plan_id, job, language, format, content, by, now(),
                                     (current.revision if current else 0) + 1)
                conn.execute(vacancy_drafts.insert().values(**draft.__dict__))
        except IntegrityError:  # another save took the same revision between our read and our insert
            with self.engine.connect() as conn:
                raise StaleDraftError(based_on, self._latest_draft(conn, key)) from None
        return draft

    @staticmethod
    def _latest_draft(conn, key) -> VacancyDraft | None:
        row = conn.execute(sa.select(vacancy_drafts).where(*key).order_by(vacancy_drafts.c.revision.desc())
                           .limit(1)).first()
        return _draft(row) if row else None

    def vacancies(self, plan_id: int, job: str | None = None) -> list[VacancyDraft]:
        """The newest revision of each draft of a plan (or of one job)."""
        latest: dict[tuple, VacancyDraft] = {}
        for draft in self.vacancy_history(plan_id, job):
            latest[(draft.job, draft.language, draft.format)] = draft
        return sorted(latest.values(), key=lambda d: (d.job, d.language, d.format))

    def vacancy_history(self, plan_id: int, job: str | None = None) -> list[VacancyDraft]:
        """Every revision of every draft of a plan (or of one job), by key and then oldest first."""
        query = sa.select(vacancy_drafts).where(vacancy_drafts.c.plan_id == plan_id)
        if job is not None:
            query = query.where(vacancy_drafts.c.job == job)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(vacancy_drafts.c.job, vacancy_drafts.c.language,
                                               vacancy_drafts.c.format, vacancy_drafts.c.revision)).all()
        return [_draft(r) for r in rows]


    # --- candidates (personal data: no history) -----------------------------------------

    def save_candidates(self, workspace_id: str, people: CandidateFile | dict[str, Any], by: str) -> CandidateFile:
        """Make `people` the workspace's candidate file: new people added, changed ones replaced, people
        no longer in it deleted for good. A person whose data did not change keeps who saved it and when.

        A dict is validated first (InputError, naming ids and fields only). The skills and places are not
        checked against a task version: the task file may change after the people were saved."""
        if isinstance(people, dict):
            people = parse_candidate_file(people)
        else:
            people = parse_candidate_file(people.to_json_dict())
        wanted = {c.id: c.to_json_dict() for c in people.candidates}
        self.workspace(workspace_id)
        at = now()
        with self.engine.begin() as conn:
            stored = {r.candidate_id: r.content for r in conn.execute(
                sa.select(candidates.c.candidate_id, candidates.c.content)
                .where(candidates.c.workspace_id == workspace_id))}
            gone = [i for i in stored if i not in wanted]
            if gone:
                conn.execute(candidates.delete().where(candidates.c.workspace_id == workspace_id,
                                                       candidates.c.candidate_id.in_(gone)))
            for candidate_id, content in wanted.items():
                if candidate_id not in stored:
                    conn.execute(candidates.insert().values(workspace_id=workspace_id, candidate_id=candidate_id,
                                                            content=content, saved_by=by, saved_at=at))
                elif stored[candidate_id] != content:
                    conn.execute(candidates.update().where(candidates.c.workspace_id == workspace_id,
                                                           candidates.c.candidate_id == candidate_id)
                                 .values(content=content, saved_by=by, saved_at=at))
        return people

    def stored_candidates(self, workspace_id: str) -> list[StoredCandidate]:
        """The workspace's people with who saved each and when, by id."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(candidates).where(candidates.c.workspace_id == workspace_id)
                                .order_by(candidates.c.candidate_id)).all()
        return [StoredCandidate(r.workspace_id, r.candidate_id, r.saved_by, r.saved_at, r.content) for r in rows]

    def candidates(self, workspace_id: str) -> CandidateFile:
        """The workspace's candidate file (empty when nobody is stored)."""
        self.workspace(workspace_id)
        return CandidateFile.model_validate(
            {"candidates": [s.content for s in self.stored_candidates(workspace_id)]})

    def export_candidate(self, workspace_id: str, candidate_id: str) -> dict[str, Any]:
        """Everything stored about one person (right of access): a candidate file holding them alone
        (it imports again as it is)."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(candidates).where(candidates.c.workspace_id == workspace_id,
                                                           candidates.c.candidate_id == candidate_id)).first()
        if row is None:
            self.workspace(workspace_id)
            raise NotFoundError(f"workspace {workspace_id} has no candidate {candidate_id!r}")
        return CandidateFile.model_validate({"candidates": [row.content]}).to_json_dict()

    def delete_candidate(self, workspace_id: str, candidate_id: str) -> bool:
        """Erase one person for good: their row is deleted (no copy kept anywhere) and their id is taken
        off the jobs of the workspace's stored plans (the jobs stay, nameless). False if not stored."""
        with self.engine.begin() as conn:
            if conn.dialect.name == "sqlite":  # zero the freed bytes in the file too (some builds do by default)
                conn.exec_driver_sql("PRAGMA secure_delete=ON")
            deleted = conn.execute(candidates.delete().where(candidates.c.workspace_id == workspace_id,
                                                             candidates.c.candidate_id == candidate_id)).rowcount
            for row in conn.execute(sa.select(plans.c.id, plans.c.content)
                                    .where(plans.c.workspace_id == workspace_id)).all():
                content = row.content
                jobs = content.get("jobs") if isinstance(content, dict) else None
                if not isinstance(jobs, list) or not any(isinstance(j, dict) and j.get("candidate") == candidate_id
                                                         for j in jobs):
                    continue
                cleaned = {**content, "jobs": [{k: v for k, v in j.items() if k != "candidate"}
                                               if isinstance(j, dict) and j.get("candidate") == candidate_id else j
                                               for j in jobs]}
                conn.execute(plans.update().where(plans.c.id == row.id).values(content=cleaned))
        return bool(deleted)


def _draft(row) -> VacancyDraft:
    return VacancyDraft(row.plan_id, row.job, row.language, row.format, row.content, row.updated_by, row.updated_at,
                        row.revision)


def _decision(row) -> StoredDecision:
    return StoredDecision(row.plan_id, row.job, row.supplier, row.verdict, row.reason, row.decided_by, row.decided_at)

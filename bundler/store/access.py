"""Links and roles: a token in a URL becomes a view that can see and do only its part.

The facility manager hands out one link per supplier and one for HR. Only the token's
sha256 is stored, so the database alone cannot be turned back into working links;
a link can be revoked. A supplier's view holds the jobs that contain its own tasks
(with the partner's tasks in those jobs, which it needs to judge the job) and can
decide only on those; it has no way to reach the task file or other jobs, nor any
candidate. HR reads plans, the workspace's candidates and their matches to the newest
plan, and keeps vacancy drafts. Access rules live here, not in the pages.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import sqlalchemy as sa

from bundler.check import check_plan
from bundler.domain import ScheduleEntry, TaskFile
from bundler.people.candidates import CandidateFile
from bundler.store.repository import (
    LATEST,
    Repository,
    StoredDecision,
    StoredPlan,
    VacancyDraft,
    Verdict,
)
from bundler.store.schema import access_links, now

Role = Literal["supplier", "hr"]
NO_ACCESS = "This link is not valid (it may have been revoked). Ask the facility manager for a new one."


class AccessDenied(Exception):
    """A wrong or revoked token, or an action outside the token's role."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Link:
    id: int
    workspace_id: str
    role: Role
    supplier: str | None
    created_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class IssuedLink:
    """A link as handed out: the token is shown this once and never stored."""

    link: Link
    token: str

    def url(self, base: str) -> str:
        return f"{base.rstrip('/')}/?token={self.token}"


def _link(row) -> Link:
    return Link(row.id, row.workspace_id, row.role, row.supplier, row.created_at, row.revoked_at)


def issue_link(repo: Repository, workspace_id: str, role: Role, supplier: str | None = None) -> IssuedLink:
    if role not in ("supplier", "hr") or (role == "supplier") != bool(supplier):
        raise ValueError("a supplier link names its supplier; an HR link names none")
    repo.workspace(workspace_id)
    token = secrets.token_urlsafe(32)
    with repo.engine.begin() as conn:
        link_id = conn.execute(access_links.insert().values(
            workspace_id=workspace_id, role=role, supplier=supplier if role == "supplier" else None,
            token_hash=hash_token(token), created_at=now()).returning(access_links.c.id)).scalar_one()
        row = conn.execute(sa.select(access_links).where(access_links.c.id == link_id)).one()
    return IssuedLink(_link(row), token)


def issue_links(repo: Repository, workspace_id: str) -> list[IssuedLink]:
    """One link per supplier of the newest task version, and one for HR."""
    content = repo.latest_version(workspace_id).content
    issued = [issue_link(repo, workspace_id, "supplier", s["id"]) for s in content.get("suppliers", [])]
    return [*issued, issue_link(repo, workspace_id, "hr")]


def links(repo: Repository, workspace_id: str) -> list[Link]:
    with repo.engine.connect() as conn:
        rows = conn.execute(sa.select(access_links).where(access_links.c.workspace_id == workspace_id)
                            .order_by(access_links.c.id)).all()
    return [_link(r) for r in rows]


def revoke(repo: Repository, link_id: int) -> None:
    with repo.engine.begin() as conn:
        conn.execute(access_links.update().where(access_links.c.id == link_id, access_links.c.revoked_at.is_(None))
                     .values(revoked_at=now()))


def _active_link(repo: Repository, token: str | None) -> Link:
    if not token or not isinstance(token, str):
        raise AccessDenied(NO_ACCESS)
    with repo.engine.connect() as conn:
        row = conn.execute(sa.select(access_links).where(access_links.c.token_hash == hash_token(token))).first()
    if row is None or row.revoked_at is not None:
        raise AccessDenied(NO_ACCESS)
    return _link(row)


# --- what a supplier sees -----------------------------------------------------------

@dataclass(frozen=True)
class JobTask:
    id: str
    title: str
    supplier: str
    supplier_name: str
    location: str
    hours: float


@dataclass(frozen=True)
class SupplierJob:
    id: str
    hours: float
    employer: str
    suppliers: list[str]
    tasks: list[JobTask]
    schedule: list[ScheduleEntry]


class _View:
    def __init__(self, repo: Repository, token: str, link: Link):
        self._repo, self._token, self.link = repo, token, link
        self.workspace = repo.workspace(link.workspace_id)

    def _check(self) -> None:
        """Every call re-reads the link, so a revocation takes effect at once."""
        _active_link(self._repo, self._token)

    def _latest(self) -> StoredPlan | None:
        self._check()
        return self._repo.latest_plan(self.link.workspace_id)


class SupplierView(_View):
    """One supplier's window on the latest plan.

    Which jobs are the supplier's is read from the task version the plan was solved
    from (each task's `supplier`), never from the plan's own supplier lists: an imported
    or edited plan could name anyone there. And the plan must pass `bundler.check`
    against that version before any of it is shown: a plan that names unknown tasks or
    breaks a rule shows no jobs (`plan_is_sound()` is then False).
    """

    role: Role = "supplier"

    def __init__(self, repo: Repository, token: str, link: Link):
        super().__init__(repo, token, link)
        self._soundness: dict[int, bool] = {}

    @property
    def supplier(self) -> str:
        return self.link.supplier or ""

    def _task_file(self, stored: StoredPlan | None) -> TaskFile:
        """The task version the latest plan was solved from (or the newest, before any plan)."""
        workspace_id = self.link.workspace_id
        version = (self._repo.version(workspace_id, stored.task_version) if stored
                   else self._repo.latest_version(workspace_id))
        return TaskFile.model_validate(version.content)

    def _sound(self, stored: StoredPlan, task_file: TaskFile) -> bool:
        """Does the plan pass the checker against its task version? (Once per plan: plans never change.)"""
        if stored.id not in self._soundness:
            try:
                self._soundness[stored.id] = not check_plan(task_file, stored.plan)
            except ValueError:  # a stored plan that is no plan file at all
                self._soundness[stored.id] = False
        return self._soundness[stored.id]

    def _mine(self) -> tuple[StoredPlan | None, TaskFile, list]:
        """(latest plan, its task version, the jobs holding a task of this supplier in that version)."""
        stored = self._latest()
        task_file = self._task_file(stored)
        if stored is None or not self._sound(stored, task_file):
            return stored, task_file, []
        supplier_of = {t.id: t.supplier for t in task_file.tasks}
        return stored, task_file, [j for j in stored.plan.jobs
                                   if any(supplier_of.get(t) == self.supplier for t in j.tasks)]

    def plan_is_sound(self) -> bool:
        """False when the latest plan does not pass the checker against its task version (then no job is shown)."""
        stored = self._latest()
        return stored is None or self._sound(stored, self._task_file(stored))

    def supplier_name(self) -> str:
        supplier = self._task_file(self._latest()).supplier_by_id().get(self.supplier)
        return (supplier.name if supplier else "") or self.supplier

    def plan_id(self) -> int | None:
        stored = self._latest()
        return stored.id if stored else None

    def jobs(self) -> list[SupplierJob]:
        """The latest plan's jobs that hold a task of this supplier; nothing else."""
        _, task_file, mine = self._mine()
        names = {s.id: s.name or s.id for s in task_file.suppliers}
        tasks = task_file.task_by_id()
        return [SupplierJob(j.id, j.hours, j.employer, sorted({tasks[t].supplier for t in j.tasks}),
                            [JobTask(t, tasks[t].title, tasks[t].supplier, names.get(tasks[t].supplier, ""),
                                     tasks[t].location, tasks[t].hours) for t in j.tasks],
                            list(j.schedule)) for j in mine]

    def own_hours(self) -> float:
        """This supplier's weekly hours in the task version of the latest plan."""
        return sum(t.hours for t in self._task_file(self._latest()).tasks if t.supplier == self.supplier)

    def decide(self, job: str, verdict: Verdict, reason: str = "", by: str = "") -> StoredDecision:
        """Accept or reject one of this supplier's jobs in the latest plan; any other job is refused."""
        stored, _, mine = self._mine()
        if stored is None or job not in {j.id for j in mine}:
            raise AccessDenied(f"job {job!r} is not one of your jobs")
        return self._repo.decide(stored.id, job, self.supplier, verdict, reason, by or self.supplier)

    def decisions(self) -> dict[str, StoredDecision]:
        """This supplier's own current decisions on the latest plan, by job."""
        stored = self._latest()
        if stored is None:
            return {}
        return {d.job: d for d in self._repo.decisions(stored.id, supplier=self.supplier)}


class HRView(_View):
    """HR reads the plans and keeps the vacancy drafts of their jobs."""

    role: Role = "hr"

    def plans(self) -> list[StoredPlan]:
        self._check()
        return self._repo.plans(self.link.workspace_id)

    def latest_plan(self) -> StoredPlan | None:
        return self._latest()

    def supplier_names(self, stored: StoredPlan) -> dict[str, str]:
        """Supplier id -> name, for the employers and partners in a plan."""
        content = self._repo.version(self._own_plan(stored.id).workspace_id, stored.task_version).content
        return {s["id"]: s.get("name") or s["id"] for s in content.get("suppliers", [])}

    def _own_plan(self, plan_id: int) -> StoredPlan:
        self._check()
        stored = self._repo.plan(plan_id)
        if stored.workspace_id != self.link.workspace_id:
            raise AccessDenied("that plan belongs to another workspace")
        return stored

    def vacancies(self, plan_id: int) -> list[VacancyDraft]:
        return self._repo.vacancies(self._own_plan(plan_id).id)

    def save_vacancy(self, plan_id: int, job: str, language: str, format: str, content: str,
                     by: str = "HR", based_on: int | None | Literal["latest"] = LATEST) -> VacancyDraft:
        """The next revision of a draft; StaleDraftError when `based_on` is no longer the newest."""
        return self._repo.save_vacancy(self._own_plan(plan_id).id, job, language, format, content, by, based_on)

    def vacancy_history(self, plan_id: int, job: str | None = None) -> list[VacancyDraft]:
        return self._repo.vacancy_history(self._own_plan(plan_id).id, job)

    def candidates(self) -> CandidateFile:
        """The workspace's candidates (read only: the facility manager keeps them)."""
        self._check()
        return self._repo.candidates(self.link.workspace_id)

    def matches(self, stored: StoredPlan, people: CandidateFile):
        """The best assignment of `people` to the jobs of one of this workspace's plans (a MatchResult)."""
        from bundler.people.match import match

        own = self._own_plan(stored.id)
        task_file = TaskFile.model_validate(self._repo.version(own.workspace_id, own.task_version).content)
        return match(task_file, own.plan, people)


def open_link(repo: Repository, token: str | None) -> SupplierView | HRView:
    """The view a token gives, or AccessDenied with a plain message."""
    link = _active_link(repo, token)
    view = SupplierView if link.role == "supplier" else HRView
    return view(repo, token, link)

"""The workbench's link to the shared workspace: which one is open, at which version.

The tables a person edits stay in their own session; saving turns them into a new
version of the workspace, refused when someone saved in between (then: reload the
latest). A solve started from a workspace is linked to the version it solved, and
its plan is stored as soon as it is adopted, so a restart of the server loses nothing.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import streamlit as st

from bundler.background import BackgroundSolve
from bundler.continuity import after_stop, carry_decisions, carry_ids
from bundler.decisions import Decision, apply_decisions
from bundler.domain import Plan, TaskFile
from bundler.engine import SolveConfig
from bundler.store import Repository, StaleVersionError, database_url, open_store
from bundler.tables import to_tables
from bundler.ui.session import set_tables, tr
from bundler.ui.text import md

BASE_URL_ENV = "BUNDLER_BASE_URL"


@st.cache_resource(show_spinner=False)
def _repository(url: str) -> Repository:
    return open_store(url)


def repository() -> Repository:
    """One repository (engine and pool) per database for the whole server."""
    return _repository(database_url())


def who() -> str:
    return (st.session_state.get("who") or "").strip() or tr("facilitair manager", "facility manager")


def is_open() -> bool:
    return bool(st.session_state.get("workspace_id"))


def load_version(workspace_id: str, version) -> None:
    """Make `version` the tables being edited, and remember it as the base of the next save."""
    set_tables(to_tables(version.content))
    st.session_state["workspace_id"] = workspace_id
    st.session_state["workspace_version"] = version.number
    st.session_state.pop("stale", None)


def open_workspace(workspace_id: str) -> None:
    """The newest version into the tables and the newest plan onto the pages."""
    repo = repository()
    load_version(workspace_id, repo.latest_version(workspace_id))
    stored = repo.latest_plan(workspace_id)
    st.session_state["plan_id"] = stored.id if stored else None
    st.session_state["plan"] = stored.plan if stored else None
    st.session_state["plan_file"] = repo.version(workspace_id, stored.task_version).task_file if stored else None
    st.session_state["decisions"] = {}


def create_workspace(name: str, task_file: TaskFile) -> list:
    """A new workspace from the current tables (and their plan, if it was solved from them); its links."""
    from bundler.store.access import issue_links

    repo = repository()
    workspace = repo.create_workspace(name, task_file, by=who())
    plan, plan_file = st.session_state.get("plan"), st.session_state.get("plan_file")
    if plan is not None and plan_file is not None and plan_file.to_json_dict() == task_file.to_json_dict():
        repo.save_plan(workspace.id, 1, plan, by=who())
    issued = issue_links(repo, workspace.id)
    st.session_state.setdefault("fresh_links", {}).update({i.link.id: i.token for i in issued})
    open_workspace(workspace.id)
    return issued


def close_workspace() -> None:
    for key in ("workspace_id", "workspace_version", "plan_id", "stale", "solve_version"):
        st.session_state.pop(key, None)


def save(task_file: TaskFile, note: str = "", force: bool = False) -> int:
    """Save as the next version; StaleVersionError if someone saved since (unless `force`: on top of theirs)."""
    repo, workspace_id = repository(), st.session_state["workspace_id"]
    expected = repo.latest_version(workspace_id).number if force else st.session_state["workspace_version"]
    try:
        version = repo.save_version(workspace_id, task_file, by=who(), expected_version=expected, note=note)
    except StaleVersionError as error:
        st.session_state["stale"] = error
        raise
    st.session_state["workspace_version"] = version.number
    st.session_state.pop("stale", None)
    return version.number


def version_for(task_file: TaskFile) -> int:
    """The version holding exactly this task file: the current one, or a new save."""
    repo, workspace_id = repository(), st.session_state["workspace_id"]
    current = repo.version(workspace_id, st.session_state["workspace_version"])
    if current.content == task_file.to_json_dict():
        return current.number
    return save(task_file, note=tr("opgeslagen bij het oplossen", "saved when solving"))


def start_solve(task_file: TaskFile, replanned_from: tuple[Plan, list[Decision]] | None = None) -> None:
    """Start a background solve; inside a workspace, first make sure the tasks are a saved version.

    The plan on the pages until now is remembered with it: a stop keeps the better of the two,
    and a re-plan (`replanned_from`: the plan decided on and its decisions) keeps job ids and decisions."""
    solved_from = (st.session_state["workspace_id"], version_for(task_file)) if is_open() else None
    st.session_state["solve_version"] = solved_from
    job = BackgroundSolve(task_file, SolveConfig(time_limit=st.session_state["time_limit"], workers=2))
    job.previous = (st.session_state.get("plan"), st.session_state.get("plan_file"), current_plan_id())
    job.replanned_from = replanned_from
    st.session_state["solve"] = job


def replan(plan: Plan, plan_file: TaskFile, decisions: list[Decision]) -> None:
    """Pin the accepted jobs, forbid the rejected pairings, load that as the tables and solve it."""
    new_file = apply_decisions(plan_file, plan, decisions)
    set_tables(to_tables(new_file.to_json_dict()))
    start_solve(new_file, replanned_from=(plan, list(decisions)))


def adopt_finished_solve() -> bool:
    """Make a finished background solve's plan the current plan, whichever page is open.

    A stopped solve gives way to the previous plan of the same tasks when that was better
    (`adopt_note` says which stayed); after a re-plan, jobs that came back unchanged keep
    their ids and their decisions, and new jobs get ids no earlier job had."""
    job = st.session_state.get("solve")
    if job is None or not job.done or job.plan is None or st.session_state.get("adopted") is job:
        return False
    st.session_state["adopted"] = job
    previous, previous_file, previous_id = job.previous or (None, None, None)
    same_tasks = previous_file is not None and previous_file.to_json_dict() == job.task_file.to_json_dict()
    plan, note = job.plan, None
    if plan.solver.stopped_by == "user":
        choice = after_stop(previous if same_tasks else None, plan, job.task_file.rules.objective)
        note = ("kept" if choice.kept_previous else "stopped", previous, job.plan)
        if choice.kept_previous:
            st.session_state["adopt_note"] = note
            st.session_state["plan_id"] = previous_id
            return True
    carried: list[Decision] = []
    st.session_state.pop("earlier_decisions", None)
    if job.replanned_from is not None:
        decided_on, decisions = job.replanned_from
        plan = carry_ids(decided_on, plan, {p.id for p in job.task_file.pinned})
        carried = carry_decisions(decided_on, plan, decisions)
        st.session_state["earlier_decisions"] = (decided_on, decisions)
    st.session_state["adopt_note"] = note
    st.session_state["plan"] = plan
    st.session_state["plan_file"] = job.task_file
    st.session_state["decisions"] = {(d.job, d.supplier): d for d in carried}
    store_adopted_plan(plan, carried)
    return True


def store_adopted_plan(plan: Plan, carried: list[Decision] = ()) -> None:
    """Called once a finished solve becomes the current plan: keep it in the workspace, with the decisions
    that still stand."""
    solved_from = st.session_state.get("solve_version")
    if solved_from is None or plan is None:
        st.session_state["plan_id"] = None
        return
    workspace_id, version = solved_from
    repo = repository()
    stored = repo.save_plan(workspace_id, version, plan, by=who())
    for d in carried:
        repo.decide(stored.id, d.job, d.supplier, d.verdict, d.reason, by=tr(f"{who()} (uit het vorige plan)",
                                                                              f"{who()} (from the previous plan)"))
    # Shown as the workspace's plan only while that workspace is the open one.
    st.session_state["plan_id"] = stored.id if st.session_state.get("workspace_id") == workspace_id else None


def current_plan_id() -> int | None:
    return st.session_state.get("plan_id") if is_open() else None


def stored_decisions(plan_id: int) -> dict[tuple[str, str], Decision]:
    return {(d.job, d.supplier): Decision(d.job, d.supplier, d.verdict, d.reason)
            for d in repository().decisions(plan_id)}


def default_base_url() -> str:
    """The address people reach this workbench at: BUNDLER_BASE_URL, else the browser's address."""
    if os.environ.get(BASE_URL_ENV):
        return os.environ[BASE_URL_ENV]
    url = getattr(st.context, "url", None) or "http://localhost:8501"
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else "http://localhost:8501"


def stale_message(error: StaleVersionError) -> str:
    return tr(f"Niet opgeslagen: de werkruimte staat inmiddels op versie {error.current} (opgeslagen door "
              f"{md(error.saved_by)} om {error.saved_at:%H:%M} UTC), en jij begon bij versie {error.expected}. "
              f"Laad de laatste versie en breng je wijzigingen opnieuw aan, of sla toch op bovenop die versie.",
              f"Not saved: the workspace is at version {error.current} by now (saved by {md(error.saved_by)} at "
              f"{error.saved_at:%H:%M} UTC), and you started from version {error.expected}. Reload the latest "
              f"version and make your changes again, or save anyway on top of it.")


def sidebar() -> None:
    """Who is working, and which workspace and version the tables belong to."""
    st.text_input(tr("Je naam", "Your name"), key="who", placeholder=tr("bijv. Fatima (FSC)", "e.g. Fatima (FSC)"))
    if is_open():
        try:
            name = repository().workspace(st.session_state["workspace_id"]).name
        except Exception:  # a database that went away: the page itself reports it
            return
        st.caption(tr(f"Werkruimte **{md(name)}**, versie {st.session_state['workspace_version']}",
                      f"Workspace **{md(name)}**, version {st.session_state['workspace_version']}"))

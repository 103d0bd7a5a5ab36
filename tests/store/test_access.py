"""Links and roles: a supplier sees and decides only on its own jobs; bad or revoked tokens see nothing."""

from __future__ import annotations

import hashlib
import json

import pytest
import sqlalchemy as sa
from workspace_factory import tutorial

from bundler.engine import SolveConfig, solve
from bundler.store.access import (
    NO_ACCESS,
    AccessDenied,
    HRView,
    SupplierView,
    issue_links,
    links,
    open_link,
    revoke,
)
from bundler.validation import parse_task_file


@pytest.fixture(scope="module")
def tutorial_plan():
    return solve(parse_task_file(tutorial()), SolveConfig(time_limit=10, workers=1))


@pytest.fixture
def kickoff(repo, tutorial_plan):
    """A workspace with the tutorial solved, and its links by role/supplier."""
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    stored = repo.save_plan(ws.id, 1, tutorial_plan, by="Fatima")
    issued = {(i.link.supplier or "hr"): i for i in issue_links(repo, ws.id)}
    return ws, stored, issued


def test_one_link_per_supplier_and_one_for_hr_with_only_hashes_stored(repo, kickoff):
    """The manager gets a link per supplier and for HR; the database holds sha256 hashes, never a token."""
    ws, _, issued = kickoff
    assert set(issued) == {s["id"] for s in tutorial()["suppliers"]} | {"hr"}
    with repo.engine.connect() as conn:
        stored = {r.token_hash for r in conn.execute(sa.text("SELECT token_hash FROM access_links"))}
        dump = json.dumps([list(r) for r in conn.execute(sa.text("SELECT * FROM access_links"))], default=str)
    assert stored == {hashlib.sha256(i.token.encode()).hexdigest() for i in issued.values()}
    assert not any(i.token in dump for i in issued.values())
    assert issued["hr"].url("http://localhost:8501") == f"http://localhost:8501/?token={issued['hr'].token}"


def test_a_supplier_sees_only_jobs_with_its_tasks_and_never_another_suppliers_task_list(repo, kickoff, tutorial_plan):
    """Each supplier's view holds exactly its jobs; tasks of others appear only as partners in those jobs."""
    _, _, issued = kickoff
    task_file = parse_task_file(tutorial())
    for supplier in (s.id for s in task_file.suppliers):
        view = open_link(repo, issued[supplier].token)
        assert isinstance(view, SupplierView) and view.supplier == supplier
        jobs = view.jobs()
        assert [j.id for j in jobs] == [j.id for j in tutorial_plan.jobs if supplier in j.suppliers]
        visible = {t.id for j in jobs for t in j.tasks}
        partner_tasks = {t for j in tutorial_plan.jobs if supplier in j.suppliers for t in j.tasks}
        assert visible == partner_tasks
        hidden = [t for t in task_file.tasks if t.id not in partner_tasks]
        everything_shown = repr([jobs, view.decisions(), view.supplier_name(), view.own_hours()])
        for task in hidden:
            assert f"'{task.id}'" not in everything_shown and (not task.title or task.title not in everything_shown)
        assert not hasattr(view, "task_file") and not hasattr(view, "repo")


def test_a_supplier_can_decide_only_on_its_own_jobs(repo, kickoff, tutorial_plan):
    """Deciding on a job without the supplier's tasks is refused and stores nothing."""
    _, stored, issued = kickoff
    supplier = tutorial_plan.jobs[0].suppliers[0]
    other_job = next(j.id for j in tutorial_plan.jobs if supplier not in j.suppliers)
    view = open_link(repo, issued[supplier].token)
    view.decide(tutorial_plan.jobs[0].id, "reject", "travel too long", by="Jan")
    with pytest.raises(AccessDenied, match="not one of your jobs"):
        view.decide(other_job, "accept")
    assert [(d.job, d.verdict, d.decided_by) for d in repo.decisions(stored.id)] == \
        [(tutorial_plan.jobs[0].id, "reject", "Jan")]
    partner = next(s for s in tutorial_plan.jobs[0].suppliers if s != supplier) \
        if len(tutorial_plan.jobs[0].suppliers) > 1 else None
    if partner:
        assert open_link(repo, issued[partner].token).decisions() == {}  # a partner's verdicts stay its own


@pytest.mark.parametrize("token", [None, "", "not-a-token", "x" * 43])
def test_a_wrong_token_sees_nothing(repo, kickoff, token):
    """A missing or unknown token gets the plain message and no view."""
    with pytest.raises(AccessDenied) as denied:
        open_link(repo, token)
    assert str(denied.value) == NO_ACCESS


def test_a_revoked_link_stops_working_at_once(repo, kickoff, tutorial_plan):
    """Revoking a supplier's link refuses new opens and every call on an already opened view."""
    ws, _, issued = kickoff
    supplier = tutorial_plan.jobs[0].suppliers[0]
    view = open_link(repo, issued[supplier].token)
    link = next(k for k in links(repo, ws.id) if k.supplier == supplier)
    revoke(repo, link.id)
    assert not next(k for k in links(repo, ws.id) if k.id == link.id).active
    with pytest.raises(AccessDenied):
        open_link(repo, issued[supplier].token)
    with pytest.raises(AccessDenied):
        view.jobs()
    with pytest.raises(AccessDenied):
        view.decide(tutorial_plan.jobs[0].id, "accept")


def test_hr_reads_plans_and_keeps_vacancy_drafts_of_its_own_workspace_only(repo, kickoff):
    """HR sees the plans and drafts of its workspace; a plan of another workspace is refused."""
    _, stored, issued = kickoff
    hr = open_link(repo, issued["hr"].token)
    assert isinstance(hr, HRView)
    assert [p.id for p in hr.plans()] == [stored.id] and hr.latest_plan().id == stored.id
    hr.save_vacancy(stored.id, "J01", "nl", "markdown", "Wij zoeken ...")
    assert [v.content for v in hr.vacancies(stored.id)] == ["Wij zoeken ..."]
    other = repo.create_workspace("Elders", tutorial(), by="Piet")
    foreign = repo.save_plan(other.id, 1, stored.plan, by="Piet")
    with pytest.raises(AccessDenied):
        hr.vacancies(foreign.id)
    assert not hasattr(hr, "decide")


def _tampered(plan, change):
    data = plan.to_json_dict()
    change(data)
    return type(plan).model_validate(data)


def test_a_plan_that_names_another_supplier_shows_that_supplier_nothing(repo, kickoff, tutorial_plan):
    """Isolation comes from the task version: a stored plan listing a stranger as supplier of a job opens nothing."""
    ws, _, issued = kickoff
    job = tutorial_plan.jobs[0]
    stranger = next(s for s in issued if s not in ("hr", *job.suppliers))
    repo.save_plan(ws.id, 1, _tampered(tutorial_plan, lambda p: p["jobs"][0]["suppliers"].append(stranger)), by="X")
    view = open_link(repo, issued[stranger].token)
    assert job.id not in [j.id for j in view.jobs()]
    with pytest.raises(AccessDenied):
        view.decide(job.id, "accept")
    assert not view.plan_is_sound()


def test_a_plan_with_an_unknown_task_shows_no_jobs_and_raises_nothing(repo, kickoff, tutorial_plan):
    """A plan that does not pass the checker against its task version is not shown to any supplier."""
    ws, _, issued = kickoff
    repo.save_plan(ws.id, 1, _tampered(tutorial_plan, lambda p: p["jobs"][0]["tasks"].append("T99")), by="X")
    for supplier in {s for j in tutorial_plan.jobs for s in j.suppliers}:
        view = open_link(repo, issued[supplier].token)
        assert view.jobs() == [] and not view.plan_is_sound()

"""The shared workspace in the workbench: create, save, stale saves, history, links, and what a link shows."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import open_workbench
from workspace_factory import tutorial

from bundler.check import check_plan
from bundler.store import open_store
from bundler.store.access import links

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def repo():
    """The embedded database the app uses (under this test's BUNDLER_DATA_DIR)."""
    store = open_store()
    yield store
    store.engine.dispose()


def manager(name: str = "Fatima") -> AppTest:
    """A facility manager's session with the tutorial loaded and a name in the sidebar."""
    at = open_workbench()
    at.button[1].click().run()  # "Kleine oefenset laden"
    at.sidebar.text_input(key="who").set_value(name).run()
    return at


def guest(token: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["token"] = token
    return at.run()


def create(at: AppTest) -> str:
    at.switch_page("app_pages/workspace.py").run()
    at.button(key="create_workspace").click().run()
    assert not at.exception
    return at.session_state["workspace_id"]


def wait_for_solve(at: AppTest) -> None:
    deadline = time.monotonic() + 120
    while not at.session_state["solve"].done and time.monotonic() < deadline:
        time.sleep(0.3)
    at.run()


def solve(at: AppTest) -> None:
    at.session_state["time_limit"] = 5.0
    at.switch_page("app_pages/solve.py").run()
    at.button(key="start_solve").click().run()
    wait_for_solve(at)


def tokens(at: AppTest) -> dict[str, str]:
    """The links shown on the workspace page, by supplier id (and 'hr')."""
    repo = open_store()
    by_id = {link.id: (link.supplier or "hr") for link in links(repo, at.session_state["workspace_id"])}
    repo.engine.dispose()
    shown = [c.value for c in at.code]
    fresh = at.session_state["fresh_links"]
    result = {by_id[i]: token for i, token in fresh.items() if i in by_id}
    assert all(any(f"?token={t}" in s for s in shown) for t in result.values())
    return result


def test_manager_creates_a_workspace_saves_versions_and_restores_one(repo):
    """Create from the tables, save an edit as version 2, restore version 1 as version 3, all with who."""
    at = manager()
    workspace_id = create(at)
    assert len(tokens(at)) == len(tutorial()["suppliers"]) + 1
    at.session_state["tables"].rows["tasks"][0]["title"] = "Ramen lappen"
    at.switch_page("app_pages/workspace.py").run()
    at.text_input(key="save_note").set_value("titel T01").run()
    at.button(key="save_version").click().run()
    assert any("Opgeslagen als versie 2" in s.value for s in at.success)
    at.selectbox(key="restore_choice").set_value(1).run()
    at.button(key="restore_version").click().run()
    history = repo.history(workspace_id)
    assert [(v.number, v.saved_by, v.note) for v in history] == \
        [(1, "Fatima", ""), (2, "Fatima", "titel T01"), (3, "Fatima", "restored version 1")]
    assert history[2].content == history[0].content
    assert at.session_state["tables"].rows["tasks"][0]["title"] != "Ramen lappen"


def test_a_stale_save_in_the_app_is_refused_and_reload_latest_recovers(repo):
    """Two managers edit version 1; the later save is refused naming version 2 and its author; reload fixes it."""
    first = manager("Fatima")
    workspace_id = create(first)
    second = manager("Bas")
    second.switch_page("app_pages/workspace.py").run()
    second.selectbox(key="open_choice").set_value(workspace_id).run()
    second.button(key="open_workspace").click().run()
    first.session_state["tables"].rows["tasks"][0]["title"] = "door Fatima"
    first.switch_page("app_pages/workspace.py").run()
    first.button(key="save_version").click().run()
    second.session_state["tables"].rows["tasks"][1]["title"] = "door Bas"
    second.switch_page("app_pages/workspace.py").run()
    second.button(key="save_version").click().run()
    assert any("versie 2" in e.value and "Fatima" in e.value for e in second.error)
    assert [v.saved_by for v in repo.history(workspace_id)] == ["Fatima", "Fatima"]
    second.button(key="reload_latest").click().run()
    assert second.session_state["workspace_version"] == 2
    assert second.session_state["tables"].rows["tasks"][0]["title"] == "door Fatima"
    assert not second.error


def test_a_supplier_link_shows_only_its_jobs_and_stores_its_decisions(repo):
    """A supplier's link lists its jobs only, never another supplier's other tasks; a verdict lands in the store."""
    at = manager()
    create(at)
    solve(at)
    links_ = tokens(at.switch_page("app_pages/workspace.py").run())
    plan, task_file = at.session_state["plan"], at.session_state["plan_file"]
    plan_id = at.session_state["plan_id"]
    assert plan_id is not None
    supplier = next(s.id for s in task_file.suppliers if any(s.id in j.suppliers for j in plan.jobs))
    view = guest(links_[supplier])
    assert not view.exception
    page = " ".join(str(e.value) for e in [*view.title, *view.markdown, *view.caption] if hasattr(e, "value"))
    tables = " ".join(df.value.to_csv() for df in view.dataframe)
    mine = [j for j in plan.jobs if supplier in j.suppliers]
    visible = {t for j in mine for t in j.tasks}
    for task in task_file.tasks:
        shown = task.id in tables or (task.title and task.title in tables)
        assert shown == (task.id in visible), task.id
    assert "Taken van de leveranciers" not in page and len(view.dataframe) == 2 * len(mine)
    job = mine[0]
    view.radio(key=f"decide_{job.id}_{supplier}").set_value("reject").run()
    view.text_input(key=f"reason_{job.id}_{supplier}").set_value("te ver lopen").run()
    assert [(d.job, d.supplier, d.verdict, d.reason) for d in repo.decisions(plan_id)] == \
        [(job.id, supplier, "reject", "te ver lopen")]
    other = guest(links_[supplier])  # reopening the link shows the stored verdict
    assert other.radio(key=f"decide_{job.id}_{supplier}").value == "reject"


@pytest.mark.parametrize("token", ["wrong-token", ""])
def test_a_wrong_token_sees_only_a_plain_message(repo, token):
    """A wrong or empty token shows 'no access' and nothing of any workspace."""
    at = manager()
    create(at)
    view = guest(token)
    assert not view.exception
    assert [t.value for t in view.title] == ["Geen toegang"]
    assert "niet (meer) geldig" in view.error[0].value
    assert len(view.dataframe) == 0 and len(view.button) == 0


def test_a_revoked_link_and_a_forged_supplier_parameter_open_nothing_extra(repo):
    """After revocation the link gives 'no access'; adding ?supplier=other to a valid link changes nothing."""
    at = manager()
    create(at)
    solve(at)
    at.switch_page("app_pages/workspace.py").run()
    links_ = tokens(at)
    plan = at.session_state["plan"]
    a, b = plan.jobs[0].suppliers[0], next(s for s in links_ if s not in ("hr", plan.jobs[0].suppliers[0]))
    forged = AppTest.from_file(APP, default_timeout=120)
    forged.query_params["token"] = links_[a]
    forged.query_params["supplier"] = b
    forged.run()
    assert b not in [t.value for t in forged.title][0]
    assert len(forged.dataframe) == 2 * sum(a in j.suppliers for j in plan.jobs)
    link_id = next(k.id for k in links(repo, at.session_state["workspace_id"]) if k.supplier == a)
    at.button(key=f"revoke_{link_id}").click().run()
    assert [t.value for t in guest(links_[a]).title] == ["Geen toegang"]


def test_hr_link_reads_plans_and_keeps_a_vacancy_draft(repo):
    """HR's link shows the plan's jobs and stores a draft text per job."""
    at = manager()
    create(at)
    solve(at)
    links_ = tokens(at.switch_page("app_pages/workspace.py").run())
    hr = guest(links_["hr"])
    assert hr.title[0].value == "Plannen en vacatures"
    job = at.session_state["plan"].jobs[0].id
    hr.text_area(key=f"vacancy_text_{job}").set_value("Wij zoeken een collega").run()
    hr.button(key=f"vacancy_save_{job}").click().run()
    assert [(d.job, d.language, d.content) for d in repo.vacancies(at.session_state["plan_id"])] == \
        [(job, "nl", "Wij zoeken een collega")]


def test_kickoff_flow_decide_replan_and_restart_loses_nothing(repo):
    """Create, solve, a supplier rejects through its link, the manager re-plans; a fresh server session sees it all."""
    at = manager()
    workspace_id = create(at)
    solve(at)
    links_ = tokens(at.switch_page("app_pages/workspace.py").run())
    plan = at.session_state["plan"]
    job = next(j for j in plan.jobs if len(j.suppliers) == 2)
    supplier = job.suppliers[0]
    view = guest(links_[supplier])
    view.radio(key=f"decide_{job.id}_{supplier}").set_value("reject").run()
    at.switch_page("app_pages/workspace.py").run()
    at.button(key="replan_workspace").click().run()
    wait_for_solve(at)
    new_plan, new_file = at.session_state["plan"], at.session_state["plan_file"]
    assert check_plan(new_file, new_plan) == []
    supplier_of = {t.id: t.supplier for t in new_file.tasks}
    mine = [t for t in job.tasks if supplier_of[t] == supplier]
    others = [t for t in job.tasks if supplier_of[t] != supplier]
    assert not any(set(j.tasks) & set(mine) and set(j.tasks) & set(others) for j in new_plan.jobs)
    # A restart: a new session on a fresh cache finds everything in the database.
    import streamlit as st

    st.cache_resource.clear()
    again = open_workbench()
    again.switch_page("app_pages/workspace.py").run()
    again.selectbox(key="open_choice").set_value(workspace_id).run()
    again.button(key="open_workspace").click().run()
    assert again.session_state["plan"] == new_plan
    assert again.session_state["workspace_version"] == 2
    stored = repo.plans(workspace_id)
    assert [p.task_version for p in stored] == [1, 2]
    assert repo.version(workspace_id, 2).content["incompatible"]


def test_with_a_manager_key_the_workbench_asks_for_it_and_links_still_work(repo, monkeypatch):
    """BUNDLER_MANAGER_KEY set: no key or a wrong key shows no manager page; the right key opens it."""
    at = manager()
    create(at)
    links_ = tokens(at)
    monkeypatch.setenv("BUNDLER_MANAGER_KEY", "geheim-42")
    locked = AppTest.from_file(APP, default_timeout=120).run()
    assert locked.title[0].value == "Werkbank van de facilitair manager" and len(locked.dataframe) == 0
    locked.text_input(key="manager_key").set_value("fout").run()
    assert locked.error[0].value == "Onjuiste sleutel." and len(locked.tabs) == 0
    locked.text_input(key="manager_key").set_value("geheim-42").run()
    assert locked.title[0].value == "Taken van de leveranciers"
    assert guest(links_["hr"]).title[0].value == "Plannen en vacatures"


def test_a_verdict_given_through_a_link_is_not_overwritten_by_an_open_supplier_page(repo):
    """The manager has the supplier page open; the supplier rejects through its link; the manager's next rerun
    shows the rejection instead of writing its stale 'open' back, and a manager's change is stored as the latest."""
    at = manager()
    create(at)
    solve(at)
    links_ = tokens(at.switch_page("app_pages/workspace.py").run())
    plan_id, job = at.session_state["plan_id"], at.session_state["plan"].jobs[0]
    supplier = job.suppliers[0]
    at.switch_page("app_pages/supplier.py").run()
    at.selectbox(key="supplier_choice").set_value(supplier).run()
    assert at.radio(key=f"decide_{job.id}_{supplier}").value == "open"
    link = guest(links_[supplier])
    link.radio(key=f"decide_{job.id}_{supplier}").set_value("reject").run()
    at.run()
    assert at.radio(key=f"decide_{job.id}_{supplier}").value == "reject"
    name = at.session_state["plan_file"].supplier_by_id()[supplier].name
    assert [(d.verdict, d.decided_by) for d in repo.decisions(plan_id)] == [("reject", name)]
    at.radio(key=f"decide_{job.id}_{supplier}").set_value("accept").run()
    assert [(d.verdict, d.decided_by) for d in repo.decisions(plan_id)] == [("accept", "Fatima")]

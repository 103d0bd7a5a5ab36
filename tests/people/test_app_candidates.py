"""The Kandidaten page (AppTest) and privacy: a supplier never sees a candidate.

The page edits candidates in a table, matches them to the plan with each job's rota,
carves jobs around one person or everyone, and hands out partnership sheets. What it gives
the other pages (the shared plan) carries no person; a supplier's own link and the
manager's supplier view show no candidate id, alias or note, even for a carved plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bundler.engine import SolveConfig, solve
from bundler.io import read_task_file
from bundler.people.candidates import CandidateFile
from bundler.people.carve import CarveConfig, carve
from bundler.people.privacy import strip_candidates

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "app.py")
DATA = REPO / "data"
PEOPLE = CandidateFile.model_validate(json.loads((DATA / "candidates.json").read_text(encoding="utf-8")))
SECRETS = [c.alias for c in PEOPLE.candidates] + [c.note for c in PEOPLE.candidates if c.note]
KEY = "people-test-key"


@pytest.fixture(autouse=True)
def _manager_key(monkeypatch):
    monkeypatch.setenv("BUNDLER_MANAGER_KEY", KEY)


def workbench() -> AppTest:
    """The manager's workbench, opened with the key (in the address, or typed where asked)."""
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["key"] = KEY
    at.run()
    if any(t.key == "manager_key" for t in at.text_input):
        at.text_input(key="manager_key").set_value(KEY).run()
    assert not at.exception
    return at


@pytest.fixture(scope="module")
def kickoff():
    task_file = read_task_file(DATA / "uu_kickoff.json")
    plain = solve(task_file, SolveConfig(time_limit=3, backend="serial", workers=1))
    carved = carve(task_file, PEOPLE, config=CarveConfig(time_limit=8))
    return task_file, plain, carved


def open_page() -> AppTest:
    at = workbench()
    at.switch_page("app_pages/candidates.py").run()
    assert not at.exception
    return at


def shown_text(at: AppTest) -> str:
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "success", "info", "warning",
                                  "error", "metric") for e in getattr(at, kind)]
    parts += [df.value.to_csv() for df in at.dataframe]
    parts += [str(e.proto) for e in at.get("expandable")]
    return "\n".join(str(p) for p in parts)


def test_page_in_dutch_with_the_example_and_a_problem_per_row():
    at = open_page()
    assert at.title[0].value == "Kandidaten"
    at.button(key="people_example").click().run()
    assert not at.exception
    assert any("20 kandidaten, alles in orde" in s.value for s in at.success)
    at.session_state["people_rows"][2]["available"] = "ma-vr 9-15"
    at.session_state["people_rows"][4]["skills"] = "coffe-service"
    at.session_state["people_version"] += 1
    at.run()
    errors = [e.value for e in at.error]
    assert any(e.startswith("row 3 (candidate K03), field available:") for e in errors)
    assert any("row 5: candidate K05, field skills: unknown skill `coffe-service`" in e for e in errors)


def test_matches_next_to_the_rota_and_carving_around_one_person(kickoff):
    task_file, plain, _ = kickoff
    at = open_page()
    at.button(key="people_example").click().run()
    at.session_state["plan"], at.session_state["plan_file"] = plain, task_file
    at.run()
    assert not at.exception
    assert any(m.label == "Geplaatst" for m in at.metric)
    assert at.selectbox(key="people_rota") is not None  # the rota of a matched job
    assert len(at.get("arrow_vega_lite_chart")) + len(at.get("vega_lite_chart")) >= 1
    at.selectbox(key="people_carve_who").set_value("K02").run()
    at.number_input(key="people_carve_seconds").set_value(4.0).run()
    at.button(key="people_carve").click().run()
    assert not at.exception
    result = at.session_state["people_carved"]["result"]
    assert set(result.placed) <= {"K02"}
    assert result.placed, "the early bird gets a job carved around her"
    at.button(key="people_use_plan").click().run()
    shared = at.session_state["plan"]
    assert all("candidate" not in j.model_dump() for j in shared.jobs)
    assert list(at.session_state["people_labels"]["labels"].values()) == ["K02"]
    from bundler.people.privacy import session_adjustments

    state = {k: at.session_state[k] for k in ("plan", "people_labels", "people_rows")}
    job_id = next(iter(state["people_labels"]["labels"]))
    assert session_adjustments(state, task_file, job_id, "nl") == ["klaar vóór 12:00"]  # the early bird's
    assert session_adjustments({**state, "plan": plain}, task_file, job_id) == []  # another plan: no label
    assert any("Partnerschap" in m.value for m in at.markdown)


def test_erasing_a_person_removes_them_and_their_label():
    at = open_page()
    at.button(key="people_example").click().run()
    at.selectbox(key="people_one").set_value("K07").run()
    at.button(key="people_erase").click().run()
    assert not at.exception
    assert "K07" not in [r["id"] for r in at.session_state["people_rows"]]
    assert any("19 kandidaten" in s.value for s in at.success)


def test_the_managers_supplier_view_of_a_carved_plan_shows_no_candidate(kickoff):
    """After "use this plan", the Leverancier page (and the plan every page shares) holds no person."""
    task_file, _, carved = kickoff
    shared, labels = strip_candidates(carved.plan)
    assert labels and not any("candidate" in j.model_dump() for j in shared.jobs)
    at = workbench()
    at.session_state["plan"], at.session_state["plan_file"] = shared, task_file
    at.session_state["people_labels"] = {"plan": shared, "labels": labels}
    at.switch_page("app_pages/supplier.py").run()
    assert not at.exception
    for supplier in [s.id for s in task_file.suppliers]:
        at.selectbox(key="supplier_choice").set_value(supplier).run()
        text = shown_text(at)
        assert not any(secret in text for secret in SECRETS)
        assert not any(f"K{n:02d}" in text for n in range(1, 21))


def test_a_supplier_link_never_shows_a_candidate(kickoff, monkeypatch):
    """Even a plan stored WITH its people (the worst case) shows a supplier's link no candidate field."""
    from bundler.store import open_store
    from bundler.store.access import issue_link

    task_file, _, carved = kickoff
    store = open_store()
    try:
        space = store.create_workspace("Kick-off", task_file, by="Fatima")
        store.save_plan(space.id, store.latest_version(space.id).number, carved.plan, by="Fatima")
        owners = {t.id: t.supplier for t in task_file.tasks}
        suppliers = sorted({owners[t] for j in carved.plan.jobs if getattr(j, "candidate", None) for t in j.tasks})
        for supplier in suppliers[:3]:
            token = issue_link(store, space.id, "supplier", supplier).token
            at = AppTest.from_file(APP, default_timeout=180)
            at.query_params["token"] = token
            at.run()
            assert not at.exception
            text = shown_text(at)
            assert "Banen met taken van" in text
            assert not any(secret in text for secret in SECRETS)
            assert not any(f"K{n:02d}" in text for n in range(1, 21)), supplier
    finally:
        store.engine.dispose()

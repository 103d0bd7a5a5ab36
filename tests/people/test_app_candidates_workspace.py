"""Candidates in the shared workspace, in the workbench: who sees them through a link, and the
Kandidaten page storing, exporting and erasing them (AppTest).

A supplier's link never shows a candidate id, alias or note, while the workspace holds
candidates (and even when its plan names a person on a job); HR's link shows them read
only, with their matches to the newest plan."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bundler.engine import SolveConfig, solve
from bundler.io import read_task_file
from bundler.store import open_store
from bundler.store.access import issue_link

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "app.py")
DATA = REPO / "data"
PEOPLE = json.loads((DATA / "candidates.json").read_text(encoding="utf-8"))
SECRETS = [c["alias"] for c in PEOPLE["candidates"]] + [c["note"] for c in PEOPLE["candidates"] if c.get("note")]
CANDIDATE_ID = re.compile(r"(?<![A-Za-z])K(0[1-9]|1[0-9]|20)(?!\d)")
"""A candidate id, also inside a table's bytes (where an octal escape like \\000 precedes it)."""


@pytest.fixture(scope="module")
def kickoff():
    task_file = read_task_file(DATA / "uu_kickoff.json")
    return task_file, solve(task_file, SolveConfig(time_limit=3, backend="serial", workers=1))


@pytest.fixture
def store():
    repo = open_store()  # the app's own database, under this test's BUNDLER_DATA_DIR
    yield repo
    repo.engine.dispose()


def everything_shown(at: AppTest) -> str:
    """Every element of the page (main area and sidebar), with its full protobuf: table cells included."""
    parts = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(parts)


def workspace_with_people(store, kickoff, label_a_job: bool = False) -> str:
    task_file, plan = kickoff
    space = store.create_workspace("Kick-off", task_file, by="Fatima")
    content = plan.to_json_dict()
    if label_a_job:  # the worst case: a stored plan that names a person on a job
        content["jobs"][0]["candidate"] = "K01"
    from bundler.domain import Plan

    store.save_plan(space.id, 1, Plan.model_validate(content), by="Fatima")
    store.save_candidates(space.id, PEOPLE, by="Fatima")
    return space.id


def guest(token: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["token"] = token
    at.run()
    assert not at.exception
    return at


def test_a_supplier_link_shows_no_candidate_while_the_workspace_holds_candidates(store, kickoff):
    task_file, _ = kickoff
    workspace_id = workspace_with_people(store, kickoff, label_a_job=True)
    assert len(store.candidates(workspace_id).candidates) == 20
    for supplier in [s.id for s in task_file.suppliers]:
        at = guest(issue_link(store, workspace_id, "supplier", supplier).token)
        text = everything_shown(at)
        assert "Banen met taken van" in text
        assert not any(secret in text for secret in SECRETS), supplier
        assert not CANDIDATE_ID.search(text), supplier
        assert "Kandidaat" not in text and "andidate" not in text, supplier


def test_the_hr_link_shows_the_candidates_read_only_with_their_matches(store, kickoff):
    workspace_id = workspace_with_people(store, kickoff)
    at = guest(issue_link(store, workspace_id, "hr").token)
    assert any(h.value == "Kandidaten" for h in at.header)
    table = at.dataframe[-2].value
    assert list(table["id"]) == [c["id"] for c in PEOPLE["candidates"]]
    assert "Kandidaat 1" in set(table["schuilnaam"])
    assert any(s.value.startswith("Koppeling aan het nieuwste plan:") for s in at.subheader)
    matched = at.dataframe[-1].value["Kandidaat"]  # "K06 (Kandidaat 6)": whoever the plan matches
    assert len(matched) > 0
    shown = everything_shown(at)  # the same reading of the page that finds nothing on a supplier's link
    assert "Kandidaat 1" in shown and matched.iloc[0] in shown and CANDIDATE_ID.search(shown)
    assert not any(b.key == "people_erase" for b in at.button)  # read only


def test_an_hr_link_with_no_candidates_says_so(store, kickoff):
    task_file, _ = kickoff
    space = store.create_workspace("Kick-off", task_file, by="Fatima")
    at = guest(issue_link(store, space.id, "hr").token)
    assert any("nog geen kandidaten" in i.value for i in at.info)


# --- the Kandidaten page with a workspace open ------------------------------------------------


def manager_with_workspace() -> AppTest:
    """The manager's workbench with the tutorial turned into a workspace, on the Kandidaten page."""
    from conftest import MANAGER_KEY

    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["key"] = MANAGER_KEY
    at.run()
    at.sidebar.text_input(key="who").set_value("Fatima").run()
    at.switch_page("app_pages/workspace.py").run()
    at.button(key="create_workspace").click().run()
    assert not at.exception and at.session_state["workspace_id"]
    at.switch_page("app_pages/candidates.py").run()
    assert not at.exception
    return at


def test_the_page_saves_candidates_in_the_workspace_and_a_new_session_loads_them(store):
    at = manager_with_workspace()
    workspace_id = at.session_state["workspace_id"]
    at.button(key="people_example").click().run()
    assert store.candidates(workspace_id).candidates == []
    at.button(key="people_save").click().run()
    assert not at.exception
    assert any("20 kandidaten opgeslagen in de werkruimte" in s.value for s in at.success)
    assert [c.id for c in store.candidates(workspace_id).candidates] == [c["id"] for c in PEOPLE["candidates"]]
    assert {s.saved_by for s in store.stored_candidates(workspace_id)} == {"Fatima"}
    assert at.button(key="people_save").disabled  # nothing left to save

    from conftest import MANAGER_KEY

    other = AppTest.from_file(APP, default_timeout=180)  # another session opens the same workspace
    other.query_params["key"] = MANAGER_KEY
    other.run()
    other.switch_page("app_pages/candidates.py").run()
    other.button(key="people_example").click().run()  # its own unsaved rows give way to the stored ones
    other.session_state["people_rows"] = other.session_state["people_rows"][:3]
    other.switch_page("app_pages/workspace.py").run()
    other.selectbox(key="open_choice").set_value(workspace_id).run()
    other.button(key="open_workspace").click().run()
    other.switch_page("app_pages/candidates.py").run()
    assert not other.exception
    assert [r["id"] for r in other.session_state["people_rows"]] == [c["id"] for c in PEOPLE["candidates"]]


def test_delete_right_to_erasure_removes_the_person_from_the_database_too(store):
    at = manager_with_workspace()
    workspace_id = at.session_state["workspace_id"]
    at.button(key="people_example").click().run()
    at.button(key="people_save").click().run()
    at.selectbox(key="people_one").set_value("K07").run()
    assert any(b.proto.label == "Gegevens van K07 (JSON)" for b in at.get("download_button"))
    assert [c["id"] for c in store.export_candidate(workspace_id, "K07")["candidates"]] == ["K07"]
    erase = at.button(key="people_erase")
    assert erase.label == "Verwijderen (recht op vergetelheid)"
    erase.click().run()
    assert not at.exception
    assert any("K07 is verwijderd uit deze sessie en uit de werkruimte" in s.value for s in at.success)
    assert "K07" not in [r["id"] for r in at.session_state["people_rows"]]
    assert "K07" not in store.candidates(workspace_id).by_id()
    assert len(store.candidates(workspace_id).candidates) == 19
    note = next(c["note"] for c in PEOPLE["candidates"] if c["id"] == "K07")
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        for table in sa.inspect(store.engine).get_table_names():
            rows = repr(conn.execute(sa.text(f'SELECT * FROM "{table}"')).all())
            assert note not in rows and "'K07'" not in rows, table


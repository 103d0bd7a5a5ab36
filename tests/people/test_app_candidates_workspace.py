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
CANDIDATE_ID = re.compile(r"\bK(0[1-9]|1[0-9]|20)\b")


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
    shown = everything_shown(at)  # the same reading of the page that finds nothing on a supplier's link
    assert "Kandidaat 1" in shown and CANDIDATE_ID.search(shown)
    assert not any(b.key == "people_erase" for b in at.button)  # read only


def test_an_hr_link_with_no_candidates_says_so(store, kickoff):
    task_file, plan = kickoff
    space = store.create_workspace("Kick-off", task_file, by="Fatima")
    at = guest(issue_link(store, space.id, "hr").token)
    assert any("nog geen kandidaten" in i.value for i in at.info)

"""A workspace exported to one JSON document and imported again is the same workspace."""

from __future__ import annotations

import json

import pytest
from workspace_factory import synthetic_plan, tutorial

from bundler.store.archive import export_workspace, import_workspace
from bundler.validation import InputError


def filled_workspace(repo) -> str:
    ws = repo.create_workspace("Kick-off UU", tutorial(), by="Fatima")
    repo.save_version(ws.id, {**tutorial(), "name": "v2"}, by="Bas", expected_version=1)
    repo.restore(ws.id, 1, by="Fatima", expected_version=2)
    plan = repo.save_plan(ws.id, 2, synthetic_plan(["asito", "sodexo", "sight"]), by="Fatima")
    repo.decide(plan.id, "J01", "asito", "accept", "", by="Jan")
    repo.decide(plan.id, "J01", "asito", "reject", "te ver", by="Jan")
    repo.decide(plan.id, "J02", "sight", "accept", "prima", by="Els")
    repo.save_vacancy(plan.id, "J01", "nl", "markdown", "# Medewerker schoonmaak en catering", by="HR")
    repo.save_plan(ws.id, 3, synthetic_plan(["asito", "sight"]), by="Fatima")
    return ws.id


def test_export_then_import_gives_the_identical_workspace(repo):
    """Versions, plans, the decision log and drafts survive a round trip through JSON text unchanged."""
    original = export_workspace(repo, filled_workspace(repo))
    text = json.dumps(original)
    copy = import_workspace(repo, json.loads(text))
    again = export_workspace(repo, copy.id)
    assert copy.id != original["workspace"]["id"]
    assert again["workspace"].pop("id") != original["workspace"].pop("id")
    assert again == original
    assert len(original["versions"]) == 3 and len(original["decisions"]) == 3 and len(original["plans"]) == 2
    assert [(d.job, d.verdict) for d in repo.decisions(repo.plans(copy.id)[0].id, "asito")] == [("J01", "reject")]


@pytest.mark.parametrize("change, words", [
    (lambda a: a.pop("versions"), "versions: Field required"),
    (lambda a: a.update(format="something/9"), "format"),
    (lambda a: a["versions"][0]["content"]["tasks"][0].update(supplier="nobody"), "version 1: "),
    (lambda a: a["plans"][0].update(task_version=9), "plan 1: task version 9 is not in the archive"),
    (lambda a: a["decisions"][0].update(plan=5), "decision 1: plan 5 is not in the archive"),
    (lambda a: a["decisions"][0].update(decided_at="yesterday"), "decisions.0.decided_at"),
    (lambda a: a["versions"][1].update(number=7), "versions are numbered"),
])
def test_a_broken_archive_is_refused_with_a_plain_message_and_imports_nothing(repo, change, words):
    """Each kind of damage is named; the database is unchanged."""
    archive = export_workspace(repo, filled_workspace(repo))
    change(archive)
    before = len(repo.workspaces())
    with pytest.raises(InputError) as refused:
        import_workspace(repo, archive)
    assert any(words in p for p in refused.value.problems), refused.value.problems
    assert len(repo.workspaces()) == before


def test_an_archive_that_is_not_an_object_is_refused(repo):
    """A JSON list is not an archive."""
    with pytest.raises(InputError, match="JSON object"):
        import_workspace(repo, [1, 2])


def _with_people(repo) -> tuple[str, list[dict]]:
    """A filled workspace holding the example candidates and a plan whose first job was made for K07."""
    from pathlib import Path

    from bundler.domain import Plan

    workspace_id = filled_workspace(repo)
    people = json.loads((Path(__file__).resolve().parents[2] / "data" / "candidates.json").read_text("utf-8"))
    repo.save_candidates(workspace_id, people, by="Fatima")
    content = synthetic_plan(["asito", "sodexo", "sight"]).to_json_dict()
    content["jobs"][0]["candidate"] = "K07"
    repo.save_plan(workspace_id, 3, Plan.model_validate(content), by="Fatima")
    return workspace_id, people["candidates"]


def test_the_default_export_holds_no_candidate_data(repo):
    """Privacy: no candidates, and no candidate id on a plan's job, unless the export asks for them."""
    workspace_id, people = _with_people(repo)
    text = json.dumps(export_workspace(repo, workspace_id), ensure_ascii=False)
    assert "candidate" not in text
    for person in people:
        assert f'"{person["id"]}"' not in text
        assert person["alias"] not in text
        assert not person.get("note") or person["note"] not in text


def test_an_export_with_candidates_imports_them_again(repo):
    workspace_id, people = _with_people(repo)
    original = export_workspace(repo, workspace_id, include_candidates=True)
    assert len(original["candidates"]) == len(people)
    assert original["plans"][-1]["content"]["jobs"][0]["candidate"] == "K07"
    copy = import_workspace(repo, json.loads(json.dumps(original)))
    again = export_workspace(repo, copy.id, include_candidates=True)
    again["workspace"].pop("id"), original["workspace"].pop("id")
    assert again == original
    assert [c.id for c in repo.candidates(copy.id).candidates] == [p["id"] for p in people]
    broken = export_workspace(repo, workspace_id, include_candidates=True)
    broken["candidates"][1]["content"] = {**broken["candidates"][1]["content"], "name": "Jan Jansen"}
    with pytest.raises(InputError) as refused:
        import_workspace(repo, broken)
    assert any(p.startswith("candidates: ") for p in refused.value.problems)
    assert "Jan Jansen" not in " ".join(refused.value.problems)

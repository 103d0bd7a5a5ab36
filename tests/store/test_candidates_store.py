"""Candidates in the workspace: save, load, export and erase one person for good, on SQLite and PostgreSQL.

Personal data keeps no history: after an erasure no table holds the person's id, alias
or note, and (on SQLite) neither do the database file's bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from workspace_factory import synthetic_plan, tutorial

from bundler.domain import Plan
from bundler.people.candidates import CandidateFile, parse_candidate_file
from bundler.store import NotFoundError
from bundler.validation import InputError

DATA = Path(__file__).resolve().parents[2] / "data"
PEOPLE = json.loads((DATA / "candidates.json").read_text(encoding="utf-8"))


def people(*ids: str) -> dict:
    return {"format": PEOPLE["format"], "candidates": [c for c in PEOPLE["candidates"] if not ids or c["id"] in ids]}


def everything_stored(repo) -> str:
    """Every row of every table of the database, as text."""
    parts = []
    with repo.engine.connect() as conn:
        for table in sa.inspect(repo.engine).get_table_names():
            parts += [repr(tuple(row)) for row in conn.execute(sa.text(f'SELECT * FROM "{table}"'))]
    return "\n".join(parts)


def test_save_and_load_round_trip_with_who_and_when(repo):
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    assert repo.candidates(ws.id).candidates == []
    repo.save_candidates(ws.id, people(), by="Fatima")
    loaded = repo.candidates(ws.id)
    assert loaded.to_json_dict() == parse_candidate_file(people()).to_json_dict()
    stored = repo.stored_candidates(ws.id)
    assert len(stored) == 20 and {s.saved_by for s in stored} == {"Fatima"}
    assert all(s.saved_at.tzinfo is not None for s in stored)


def test_a_save_replaces_the_file_and_keeps_who_saved_an_unchanged_person(repo):
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    repo.save_candidates(ws.id, people("K01", "K02", "K03"), by="Fatima")
    changed = people("K01", "K02")
    changed["candidates"][1] = {**changed["candidates"][1], "note": "nieuw"}
    repo.save_candidates(ws.id, parse_candidate_file(changed), by="Bas")
    by = {s.candidate_id: s.saved_by for s in repo.stored_candidates(ws.id)}
    assert by == {"K01": "Fatima", "K02": "Bas"}  # K03 left the file, so it left the database
    assert repo.candidates(ws.id).by_id()["K02"].note == "nieuw"
    assert "K03" not in everything_stored(repo)


def test_workspaces_keep_their_own_candidates(repo):
    one = repo.create_workspace("een", tutorial(), by="Fatima")
    two = repo.create_workspace("twee", tutorial(), by="Fatima")
    repo.save_candidates(one.id, people("K01"), by="Fatima")
    repo.save_candidates(two.id, people("K02", "K03"), by="Fatima")
    assert [c.id for c in repo.candidates(one.id).candidates] == ["K01"]
    assert repo.delete_candidate(one.id, "K02") is False
    assert [c.id for c in repo.candidates(two.id).candidates] == ["K02", "K03"]


def test_export_of_one_person_is_a_candidate_file_of_them_alone(repo):
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    repo.save_candidates(ws.id, people(), by="Fatima")
    exported = repo.export_candidate(ws.id, "K07")
    assert [c["id"] for c in exported["candidates"]] == ["K07"]
    assert parse_candidate_file(exported).to_json_dict() == CandidateFile.model_validate(people("K07")).to_json_dict()
    with pytest.raises(NotFoundError, match="K99"):
        repo.export_candidate(ws.id, "K99")


def test_erasure_deletes_the_person_for_good_and_takes_their_id_off_stored_plans(repo):
    """Right to erasure: no row, no history, no label on a stored plan's job holds the person any more."""
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    repo.save_candidates(ws.id, people(), by="Fatima")
    suppliers = [s["id"] for s in tutorial()["suppliers"]]
    content = synthetic_plan(suppliers).to_json_dict()
    content["jobs"][0]["candidate"] = "K07"
    content["jobs"][1]["candidate"] = "K08"
    stored = repo.save_plan(ws.id, 1, Plan.model_validate(content), by="Fatima")
    k07 = next(c for c in PEOPLE["candidates"] if c["id"] == "K07")
    assert k07["note"] and k07["note"] in everything_stored(repo)

    assert repo.delete_candidate(ws.id, "K07") is True
    assert "K07" not in repo.candidates(ws.id).by_id()
    dump = everything_stored(repo)
    assert "K07" not in dump and k07["alias"] not in dump and k07["note"] not in dump
    jobs = repo.plan(stored.id).content["jobs"]
    assert "candidate" not in jobs[0] and jobs[1]["candidate"] == "K08"  # the job stays, nameless
    assert len(repo.candidates(ws.id).candidates) == 19
    assert repo.delete_candidate(ws.id, "K07") is False  # a second erasure finds nothing


def test_erasure_leaves_no_bytes_in_the_sqlite_file(repo):
    """The note is gone from the file on disk too, not just from the rows (deleted pages are zeroed)."""
    if repo.engine.dialect.name != "sqlite":
        pytest.skip("about SQLite's own file")
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    repo.save_candidates(ws.id, people(), by="Fatima")
    note = next(c["note"] for c in PEOPLE["candidates"] if c["id"] == "K01").encode("utf-8")
    path = Path(repo.engine.url.database)
    repo.delete_candidate(ws.id, "K01")
    repo.engine.dispose()
    on_disk = path.read_bytes() + b"".join(p.read_bytes() for p in path.parent.glob(path.name + "-*"))
    assert note not in on_disk


def test_broken_candidates_and_unknown_workspaces_are_plain_errors(repo):
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    with pytest.raises(InputError) as broken:
        repo.save_candidates(ws.id, {"candidates": [{"id": "K01", "name": "Jan Jansen", "note": "geheim"}]}, by="F")
    assert "geheim" not in str(broken.value.problems) and "Jan Jansen" not in str(broken.value.problems)
    assert repo.candidates(ws.id).candidates == []
    with pytest.raises(NotFoundError):
        repo.save_candidates("nope", people("K01"), by="F")
    with pytest.raises(NotFoundError):
        repo.candidates("nope")

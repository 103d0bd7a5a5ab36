"""bundler workspace create | list | export | import | history, on SQLite and PostgreSQL; bad input exits 2."""

from __future__ import annotations

import json

import pytest
from workspace_factory import TUTORIAL, tutorial

from bundler.cli import main
from bundler.store import open_store
from bundler.store.access import open_link


@pytest.fixture
def cli(db_url, monkeypatch, capsys):
    """Runs `bundler ...` on the test database; returns (exit code, stdout, stderr) and never a traceback."""
    monkeypatch.setenv("BUNDLER_DATABASE_URL", db_url)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    return run


def test_create_prints_working_links_and_the_id_last(cli, db_url):
    """`create` stores version 1, prints one link per supplier plus HR, and the id on the last line."""
    code, out, _ = cli("workspace", "create", "Kick-off UU", "--tasks", str(TUTORIAL), "--by", "Fatima",
                       "--base-url", "http://kickoff.local:8501")
    assert code == 0
    workspace_id = out.strip().splitlines()[-1]
    links = [line.split()[-1] for line in out.splitlines() if "?token=" in line]
    assert len(links) == len(tutorial()["suppliers"]) + 1
    assert all(link.startswith("http://kickoff.local:8501/?token=") for link in links)
    repo = open_store(db_url)
    try:
        assert repo.latest_version(workspace_id).saved_by == "Fatima"
        supplier_line = next(line for line in out.splitlines() if "supplier asito" in line)
        assert open_link(repo, supplier_line.split("token=")[1]).supplier == "asito"
    finally:
        repo.engine.dispose()
    code, out, _ = cli("workspace", "list")
    assert code == 0 and workspace_id in out and "Kick-off UU" in out


def test_export_import_round_trip_and_history(cli, tmp_path):
    """An exported workspace imports as a new id whose export equals the first; history lists the versions."""
    workspace_id = cli("workspace", "create", "Kick-off", "--tasks", str(TUTORIAL))[1].strip().splitlines()[-1]
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert cli("workspace", "export", workspace_id, "--out", str(first))[0] == 0
    code, out, _ = cli("workspace", "import", str(first))
    copy_id = out.strip().splitlines()[-1]
    assert code == 0 and copy_id != workspace_id and "?token=" in out
    assert cli("workspace", "export", copy_id, "--out", str(second))[0] == 0
    a, b = json.loads(first.read_text()), json.loads(second.read_text())
    a["workspace"].pop("id"), b["workspace"].pop("id")
    assert a == b
    code, out, _ = cli("workspace", "history", copy_id)
    assert code == 0 and out.startswith("v1 ") and "11 tasks" in out


@pytest.mark.parametrize("argv, words", [
    (["history", "nope"], "no workspace with id 'nope'"),
    (["export", "nope", "--out", "x.json"], "no workspace with id 'nope'"),
    (["import", "{tmp}/missing.json"], "not found"),
    (["import", "{tmp}/broken.json"], "invalid JSON"),
    (["import", "{tmp}/not-an-archive.json"], "versions: Field required"),
    (["create", "K", "--tasks", "{tmp}/bad-tasks.json"], "unknown supplier"),
])
def test_bad_input_exits_2_with_a_plain_message(cli, tmp_path, monkeypatch, argv, words):
    """Unknown ids, missing or broken files and invalid task files: exit 2, the problem named, no traceback."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.json").write_text("{")
    (tmp_path / "not-an-archive.json").write_text(json.dumps({"format": "bundler-workspace/1", "workspace": {}}))
    bad = tutorial()
    bad["tasks"][0]["supplier"] = "asitoo"
    (tmp_path / "bad-tasks.json").write_text(json.dumps(bad))
    code, out, err = cli("workspace", *[a.format(tmp=tmp_path) for a in argv])
    assert code == 2
    assert words in err
    assert not (tmp_path / "x.json").exists()


def test_an_unreachable_database_is_a_plain_message(monkeypatch, capsys):
    """A database URL that cannot be reached gives exit 2 naming it, password hidden."""
    monkeypatch.setenv("BUNDLER_DATABASE_URL", "postgresql+psycopg://someone:secret@127.0.0.1:1/none")
    code = main(["workspace", "list"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot open the database" in err and "secret" not in err and "Traceback" not in err


def test_export_leaves_candidates_out_unless_asked(cli, tmp_path):
    """Personal data: `--with-candidates` puts the workspace's candidates in; the default export has none."""
    from bundler.store import open_store

    workspace_id = cli("workspace", "create", "Kick-off", "--tasks", str(TUTORIAL))[1].strip().splitlines()[-1]
    repo = open_store()
    try:
        repo.save_candidates(workspace_id, {"candidates": [{"id": "K01", "alias": "Kandidaat 1", "note": "geheim"}]},
                             by="Fatima")
    finally:
        repo.engine.dispose()
    plain, full = tmp_path / "plain.json", tmp_path / "full.json"
    assert cli("workspace", "export", workspace_id, "--out", str(plain))[0] == 0
    assert "K01" not in plain.read_text() and "geheim" not in plain.read_text()
    code, out, _ = cli("workspace", "export", workspace_id, "--out", str(full), "--with-candidates")
    assert code == 0 and "1 candidates" in out
    assert json.loads(full.read_text())["candidates"][0]["content"]["note"] == "geheim"

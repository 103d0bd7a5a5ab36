"""Engine set-up, migrations from empty and from the first revision, and a save killed mid-way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from workspace_factory import synthetic_plan, tutorial

from bundler.store import Repository, database_url, open_engine
from bundler.store.db import MIGRATIONS, make_engine, migrate

HEAD = "0004"


def test_migrations_build_the_schema_on_an_empty_database(db_url):
    """Opening an empty database runs every migration: all tables exist and the revision is head."""
    engine = open_engine(db_url)
    try:
        tables = set(sa.inspect(engine).get_table_names())
        assert {"workspaces", "task_versions", "plans", "decisions", "access_links", "vacancy_drafts"} <= tables
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        open_engine(db_url).dispose()  # opening again is a no-op, not an error
    finally:
        engine.dispose()


def test_a_database_of_the_first_revision_upgrades_and_keeps_its_data(db_url):
    """A database made by revision 0001 with a workspace in it upgrades to head; its data stays usable."""
    engine = make_engine(db_url)
    migrate(engine, "0001")
    at = datetime(2026, 1, 5, 9, 30, tzinfo=timezone.utc)
    with engine.begin() as conn:
        assert "vacancy_drafts" not in sa.inspect(conn).get_table_names()
        conn.execute(sa.text("INSERT INTO workspaces (id, name, created_by, created_at) "
                             "VALUES ('old', 'Oud', 'Fatima', :at)"), {"at": at})
        conn.execute(sa.table("task_versions", sa.column("workspace_id"), sa.column("number"),
                              sa.column("content", sa.JSON), sa.column("saved_by"), sa.column("saved_at")).insert()
                     .values(workspace_id="old", number=1, content=tutorial(), saved_by="Fatima", saved_at=at))
    engine.dispose()
    engine = open_engine(db_url)
    try:
        repo = Repository(engine)
        old = repo.latest_version("old")
        assert (old.number, old.saved_by, old.note, old.content) == (1, "Fatima", "", tutorial())
        repo.save_version("old", tutorial(), by="Bas", expected_version=1)
        assert old.task_file.tasks
        plan = repo.save_plan("old", 2, synthetic_plan(["asito", "sodexo"]), by="Bas")
        repo.save_vacancy(plan.id, "J01", "nl", "markdown", "tekst", by="HR")
        assert [d.content for d in repo.vacancies(plan.id)] == ["tekst"]
    finally:
        engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(tmp_path):
    """The embedded database waits for locks, keeps readers apart from writers and enforces references."""
    engine = open_engine(f"sqlite:///{tmp_path / 'w.db'}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
        with pytest.raises(sa.exc.IntegrityError):
            with engine.begin() as conn:
                conn.execute(sa.text("INSERT INTO task_versions (workspace_id, number, content, saved_by, saved_at) "
                                     "VALUES ('missing', 1, '{}', 'x', '2026-01-01')"))
    finally:
        engine.dispose()


def test_the_default_database_is_a_file_in_the_data_directory(tmp_path, monkeypatch):
    """Without BUNDLER_DATABASE_URL the database is bundler.db under BUNDLER_DATA_DIR; the URL wins when set."""
    monkeypatch.setenv("BUNDLER_DATA_DIR", str(tmp_path / "data"))
    assert database_url() == f"sqlite:///{tmp_path / 'data' / 'bundler.db'}"
    open_engine(database_url()).dispose()
    assert (tmp_path / "data" / "bundler.db").exists()
    monkeypatch.setenv("BUNDLER_DATABASE_URL", "postgresql+psycopg://u:p@127.0.0.1/db")
    assert database_url() == "postgresql+psycopg://u:p@127.0.0.1/db"


KILLED_SAVE = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from sqlalchemy import event
    from bundler.store import open_store

    url, workspace, marker = sys.argv[1:4]
    repo = open_store(url)

    @event.listens_for(repo.engine, "commit")
    def hang_before_commit(conn):
        Path(marker).write_text("inside the transaction")
        time.sleep(600)

    latest = repo.latest_version(workspace)
    repo.save_version(workspace, {**latest.content, "name": "half saved"}, by="crash", expected_version=latest.number)
""")


def test_a_process_killed_in_the_middle_of_a_save_leaves_the_previous_version_intact(db_url, tmp_path):
    """SIGKILL between a save's insert and its commit: the database opens, is consistent, holds v2 and accepts v3."""
    repo = Repository(open_engine(db_url))
    try:
        ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
        repo.save_version(ws.id, {**tutorial(), "name": "second"}, by="Fatima", expected_version=1)
        marker = tmp_path / "inside"
        child = subprocess.Popen([sys.executable, "-c", KILLED_SAVE, db_url, ws.id, str(marker)])
        deadline = time.monotonic() + 120
        while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "the child never reached the middle of its save"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
        repo.engine.dispose()
        repo = Repository(open_engine(db_url))
        if repo.engine.dialect.name == "sqlite":
            with repo.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        latest = repo.latest_version(ws.id)
        assert (latest.number, latest.content["name"]) == (2, "second")
        assert repo.save_version(ws.id, tutorial(), by="Fatima", expected_version=2).number == 3
    finally:
        repo.engine.dispose()


def test_the_sqlite_file_and_its_journal_are_readable_by_their_owner_only(tmp_path):
    """The database holds every kick-off's tasks and decisions: created 0600, its WAL too, even under umask 022."""
    old = os.umask(0o022)
    try:
        path = tmp_path / "data" / "w.db"
        engine = open_engine(f"sqlite:///{path}")
        try:
            Repository(engine).create_workspace("Kick-off", tutorial(), by="Fatima")
            with engine.connect():
                journal = [p for p in path.parent.iterdir() if p.name.startswith("w.db-")]
                assert journal, "WAL mode keeps a -wal file while a connection is open"
                modes = {p.name: p.stat().st_mode & 0o777 for p in [path, *journal]}
        finally:
            engine.dispose()
    finally:
        os.umask(old)
    assert set(modes.values()) == {0o600}, modes
    path.chmod(0o644)
    open_engine(f"sqlite:///{path}").dispose()
    assert path.stat().st_mode & 0o777 == 0o600, "an existing world-readable file is closed on opening"


def _corrupt_file(tmp: Path) -> dict[str, str]:
    (tmp / "bundler.db").write_bytes(b"no database " * 500)
    return {"BUNDLER_DATA_DIR": str(tmp)}


@pytest.mark.parametrize("setup, words", [
    (_corrupt_file, ["bundler.db", "file is not a database"]),
    (lambda tmp: {"BUNDLER_DATABASE_URL": "::not a url:secret"}, ["cannot be read", "BUNDLER_DATABASE_URL"]),
    (lambda tmp: {"BUNDLER_DATABASE_URL": "postgresql+psycopg2://bundler:secret@127.0.0.1/x"},
     ["psycopg2", "not installed", "bundler:***@"]),
    (lambda tmp: {"BUNDLER_DATABASE_URL": "nosuchdb://bundler:secret@127.0.0.1/x"}, ["nosuchdb", "dialect"]),
], ids=["corrupt-file", "unparsable-url", "driver-missing", "unknown-dialect"])
def test_a_database_that_cannot_open_is_one_plain_line_and_exit_2(tmp_path, monkeypatch, capsys, setup, words):
    """A corrupt file, a URL that cannot be read or a missing driver: one line naming it, no password, no traceback."""
    from bundler.cli import main

    for name, value in setup(tmp_path).items():
        monkeypatch.setenv(name, value)
    code = main(["workspace", "list"])
    out, err = capsys.readouterr()
    assert code == 2 and not out
    assert len(err.strip().splitlines()) == 1, err
    assert all(word in err for word in words), err
    assert "secret" not in err and "Traceback" not in err


def test_drafts_of_revision_0002_upgrade_to_their_first_revision_and_downgrade_keeps_the_newest(db_url):
    """A draft stored before drafts had a history becomes revision 1; going back to 0002 keeps each newest draft."""
    engine = make_engine(db_url)
    try:
        migrate(engine, "0002")
        repo = Repository(engine)
        ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
        plan = repo.save_plan(ws.id, 1, synthetic_plan(["asito", "sodexo"]), by="Fatima")
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO vacancy_drafts (plan_id, job, language, format, content, updated_by, "
                                 "updated_at) VALUES (:p, 'J01', 'nl', 'text', 'oud', 'HR', :at)"),
                         {"p": plan.id, "at": datetime(2026, 1, 5, 9, 30)})
        migrate(engine, "head")
        assert [(d.content, d.revision) for d in repo.vacancy_history(plan.id)] == [("oud", 1)]
        repo.save_vacancy(plan.id, "J01", "nl", "text", "nieuw", by="HR", based_on=1)
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT job, content FROM vacancy_drafts")).all()
        assert [tuple(r) for r in rows] == [("J01", "nieuw")]
    finally:
        engine.dispose()

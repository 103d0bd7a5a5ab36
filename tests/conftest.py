"""Shared fixtures: a private data directory for every test, and databases to store workspaces in.

The storage tests run on SQLite and on PostgreSQL (BUNDLER_TEST_POSTGRES_URL, set by
.ci/run). Each PostgreSQL test gets a schema of its own (through the connection's
search_path), so it starts from an empty database and leaves nothing behind.
"""

from __future__ import annotations

import os
import secrets

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

POSTGRES_ENV = "BUNDLER_TEST_POSTGRES_URL"


MANAGER_KEY = "test-manager-key"
"""The workbench's key in every test; an AppTest opens the manager's view with `?key=` (see test_app.open_workbench)."""


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Nothing a test does touches a real workspace database; the workbench is closed without MANAGER_KEY."""
    monkeypatch.setenv("BUNDLER_DATA_DIR", str(tmp_path_factory.mktemp("bundler-data")))
    monkeypatch.delenv("BUNDLER_DATABASE_URL", raising=False)
    monkeypatch.setenv("BUNDLER_MANAGER_KEY", MANAGER_KEY)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty database: an SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'workspace.db'}"
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL not configured: set {POSTGRES_ENV} (.ci/run does)")
    schema = f"t_{secrets.token_hex(6)}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    yield make_url(base).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    with admin.begin() as conn:
        conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def repo(db_url):
    from bundler.store import Repository, open_engine

    engine = open_engine(db_url)
    yield Repository(engine)
    engine.dispose()

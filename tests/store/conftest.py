"""The storage tests run on SQLite and on PostgreSQL (BUNDLER_TEST_POSTGRES_URL, set by .ci/run).

Each PostgreSQL test gets a schema of its own (through the connection's search_path),
so it starts from an empty database and leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from bundler.domain import Plan
from bundler.store import Repository, open_engine

POSTGRES_ENV = "BUNDLER_TEST_POSTGRES_URL"
TUTORIAL = Path(__file__).resolve().parents[2] / "data" / "tutorial.json"


def tutorial() -> dict:
    return json.loads(TUTORIAL.read_text(encoding="utf-8"))


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
    engine = open_engine(db_url)
    yield Repository(engine)
    engine.dispose()


def synthetic_plan(suppliers: list[str]) -> Plan:
    """A plan with one two-supplier job per neighbouring pair (J01: s0+s1, J02: s1+s2, ...)."""
    jobs = [{"id": f"J{i + 1:02d}", "tasks": [f"{a}-task", f"{b}-task"], "suppliers": [a, b], "employer": a,
             "hours": 24} for i, (a, b) in enumerate(zip(suppliers, suppliers[1:] + suppliers[:1]))]
    return Plan.model_validate({"status": "FEASIBLE", "jobs": jobs, "kpis": {"jobs": len(jobs)}})

"""Every test gets its own data directory, so nothing touches a real workspace database."""

import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("BUNDLER_DATA_DIR", str(tmp_path_factory.mktemp("bundler-data")))
    monkeypatch.delenv("BUNDLER_DATABASE_URL", raising=False)

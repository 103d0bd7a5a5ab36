"""The shared, durable workspace of a kick-off: task versions, plans, decisions, links.

`open_store()` gives a `Repository` on the configured database, migrated to the
newest schema; `bundler.store.access` turns a link's token into a role-scoped view.
"""

from bundler.store.db import StoreUnavailable, database_url, open_engine
from bundler.store.repository import (
    NotFoundError,
    Repository,
    StaleDraftError,
    StaleVersionError,
    StoredCandidate,
    StoredDecision,
    StoredPlan,
    VacancyDraft,
    Version,
    Workspace,
)


def open_store(url: str | None = None) -> Repository:
    """A repository on `url` (default: BUNDLER_DATABASE_URL, else the embedded SQLite file)."""
    return Repository(open_engine(url or database_url()))


__all__ = [
    "NotFoundError", "Repository", "StaleDraftError", "StaleVersionError", "StoreUnavailable", "StoredCandidate", "StoredDecision",
    "StoredPlan", "VacancyDraft", "Version", "Workspace", "database_url", "open_engine", "open_store",
]

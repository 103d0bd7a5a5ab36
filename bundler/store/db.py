"""One SQLAlchemy engine per database, migrated to the newest schema when opened.

The default is an SQLite file under the data directory, so a workbench needs nothing
installed; a shared server (PostgreSQL) is any SQLAlchemy URL in BUNDLER_DATABASE_URL.
The SQLite file holds every workspace's tasks and decisions, so it is made readable
by its owner only. Whatever stops a database from opening (a URL that cannot be read,
a driver that is not installed, a file that is no database) becomes one plain
`StoreUnavailable` line, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

DATABASE_URL_ENV = "BUNDLER_DATABASE_URL"
DATA_DIR_ENV = "BUNDLER_DATA_DIR"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_MS = 30_000


def data_dir() -> Path:
    """BUNDLER_DATA_DIR, else the XDG data home (~/.local/share/bundler)."""
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "bundler"


class StoreUnavailable(Exception):
    """The database cannot be opened; the message is one plain line (the password never in it)."""


def database_url() -> str:
    return os.environ.get(DATABASE_URL_ENV) or f"sqlite:///{data_dir() / 'bundler.db'}"


def _sqlite_connect(dbapi_connection, _record) -> None:
    # The driver's own implicit transactions would start deferred and could not wait
    # for the write lock; `_sqlite_begin` starts every transaction itself instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(connection) -> None:
    """Take the write lock at the start, so concurrent writers queue instead of failing."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _private_file(path: Path) -> None:
    """Create the database file readable and writable by its owner only (SQLite gives its WAL the same mode)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    try:
        os.chmod(path, 0o600)
    except OSError:  # someone else's file: leave its mode to its owner
        pass


def make_engine(url: str) -> Engine:
    """An engine without migrating: SQLite gets WAL, a busy timeout and foreign keys."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
        _private_file(Path(parsed.database).expanduser())
    engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` with the migrations shipped in the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def shown_url(url: str) -> str:
    """The URL for a message, password hidden; one that cannot be read is not repeated (it may hold one)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return f"in {DATABASE_URL_ENV}"


def _reason(error: BaseException, url: URL | None) -> str:
    """Why a database did not open, in one line."""
    if isinstance(error, ArgumentError) and url is None:
        return ("the URL cannot be read; it looks like dialect+driver://user:password@host/database, "
                "e.g. postgresql+psycopg://bundler@127.0.0.1/bundler")
    if isinstance(error, NoSuchModuleError):
        return f"no database dialect {url.drivername if url else ''!r} is known to SQLAlchemy"
    if isinstance(error, ImportError):
        name = error.name or str(error)
        extra = " (pip install -e '.[postgres]')" if url is not None and url.get_backend_name() == "postgresql" else ""
        return f"its driver {name!r} is not installed{extra}"
    if isinstance(error, CommandError):
        return f"its schema is not one this version of bundler knows ({error}); is it a newer bundler's database?"
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return f"{type(original).__name__}: {lines[0] if lines else ''}".rstrip(": ")


def open_engine(url: str) -> Engine:
    """An engine on `url` with the schema migrated to the newest revision, or StoreUnavailable."""
    parsed, engine = None, None
    try:
        parsed = make_url(url)
        engine = make_engine(url)
        migrate(engine)
    except (SQLAlchemyError, ImportError, CommandError, OSError) as error:
        if engine is not None:
            engine.dispose()
        raise StoreUnavailable(f"cannot open the database {shown_url(url)}: {_reason(error, parsed)}") from None
    return engine

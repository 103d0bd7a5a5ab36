"""bundler workspace create | list | export | import | history: kick-offs from a script.

The database is the one BUNDLER_DATABASE_URL names, else the embedded SQLite file. An
unknown id, a broken archive or a task file that fails validation is bad input (exit
2 with a plain message), like everywhere else in the command line.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from bundler.io import read_task_file, write_json
from bundler.io.json_io import read_json
from bundler.validation import InputError

BASE_URL_ENV = "BUNDLER_BASE_URL"
DEFAULT_BASE_URL = "http://localhost:8501"


def add_workspace_commands(sub) -> None:
    workspace = sub.add_parser("workspace", help="shared kick-off workspaces in the database")
    commands = workspace.add_subparsers(dest="workspace_command", required=True)
    create = commands.add_parser("create", help="a new workspace from a task file; prints links and the id")
    create.add_argument("name")
    create.add_argument("--tasks", required=True, help="the task file (version 1)")
    create.add_argument("--by", default=None, help="who creates it (default: your user name)")
    create.add_argument("--base-url", default=None, help=f"the workbench address for the links "
                                                         f"(default ${BASE_URL_ENV} or {DEFAULT_BASE_URL})")
    create.set_defaults(run=_create)
    commands.add_parser("list", help="every workspace in the database").set_defaults(run=_list)
    export = commands.add_parser("export", help="the whole workspace as one JSON file")
    export.add_argument("id")
    export.add_argument("--out", required=True)
    export.add_argument("--with-candidates", action="store_true",
                        help="also the workspace's candidates (personal data: left out by default)")
    export.set_defaults(run=_export)
    imported = commands.add_parser("import", help="a new workspace from an exported file; prints links and the id")
    imported.add_argument("file")
    imported.add_argument("--base-url", default=None)
    imported.set_defaults(run=_import)
    history = commands.add_parser("history", help="every saved version, who and when, and the plans")
    history.add_argument("id")
    history.set_defaults(run=_history)


@contextmanager
def _store():
    """The repository, with lookup failures turned into plain input errors and database failures into one line."""
    from bundler.store import NotFoundError, open_store
    from bundler.store.db import StoreUnavailable, database_url, shown_url

    repo = open_store()
    try:
        yield repo
    except NotFoundError as error:
        raise InputError([str(error)]) from None
    except SQLAlchemyError as error:  # the database went away or broke after it opened
        original = getattr(error, "orig", None) or error
        first = (str(original).strip().splitlines() or [""])[0]
        raise StoreUnavailable(f"the database {shown_url(database_url())} failed: {type(original).__name__}: "
                               f"{first}") from None
    finally:
        repo.engine.dispose()


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in this environment
        return "facility manager"


def _print_links(repo, workspace_id: str, base_url: str | None) -> None:
    from bundler.store.access import issue_links

    base = base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    print("links (shown only now; hand each to its reader):")
    for issued in issue_links(repo, workspace_id):
        who = f"supplier {issued.link.supplier}" if issued.link.role == "supplier" else "hr"
        print(f"  {who:<24} {issued.url(base)}")


def _create(args) -> int:
    task_file = read_task_file(args.tasks)
    with _store() as repo:
        workspace = repo.create_workspace(args.name, task_file, by=args.by or _user())
        print(f"workspace {workspace.name!r}: version 1 with {len(task_file.tasks)} tasks")
        _print_links(repo, workspace.id, args.base_url)
        print(workspace.id)
    return 0


def _list(args) -> int:
    with _store() as repo:
        for ws in repo.workspaces():
            latest = repo.latest_version(ws.id)
            print(f"{ws.id}  {ws.name}  (version {latest.number}, {latest.saved_at:%Y-%m-%d %H:%M} UTC by "
                  f"{latest.saved_by}; {len(repo.plans(ws.id))} plans)")
    return 0


def _export(args) -> int:
    from bundler.store.archive import export_workspace

    with _store() as repo:
        archive = export_workspace(repo, args.id, include_candidates=args.with_candidates)
    write_json(archive, args.out)
    people = f", {len(archive['candidates'])} candidates" if args.with_candidates else ""
    print(f"workspace {args.id}: {len(archive['versions'])} versions, {len(archive['plans'])} plans, "
          f"{len(archive['decisions'])} decisions{people} written to {args.out}")
    return 0


def _import(args) -> int:
    from bundler.store.archive import import_workspace

    data = read_json(args.file, "workspace archive")
    with _store() as repo:
        workspace = import_workspace(repo, data)
        print(f"workspace {workspace.name!r} imported with {len(repo.history(workspace.id))} versions")
        _print_links(repo, workspace.id, args.base_url)
        print(workspace.id)
    return 0


def _history(args) -> int:
    with _store() as repo:
        plans_of = {}
        for plan in repo.plans(args.id):
            plans_of.setdefault(plan.task_version, []).append(plan)
        for version in repo.history(args.id):
            note = f"  ({version.note})" if version.note else ""
            print(f"v{version.number}  {version.saved_at:%Y-%m-%d %H:%M} UTC  {version.saved_by}  "
                  f"{len(version.content.get('tasks', []))} tasks{note}")
            for plan in plans_of.get(version.number, []):
                print(f"      plan {plan.id}: {plan.jobs} jobs, {plan.bundled_hours:g} h, {plan.status}, "
                      f"{plan.seconds:g} s, by {plan.created_by}")
    return 0


def run(args: argparse.Namespace) -> int:
    """Run a workspace command; a database that cannot be used is one plain line and exit 2."""
    from bundler.store.db import StoreUnavailable

    try:
        return args.run(args)
    except StoreUnavailable as error:
        print(error, file=sys.stderr)
        return 2

"""A task file as the flat tables people edit (one row per record), and back.

The workbench edits suppliers, locations, travel, skills and tasks as tables; a task's
slots are one text cell in the `bundler.slot_text` shorthand. Turning the tables back
into a task file reports problems by table and row, so a message can sit next to the
row that caused it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bundler.domain import DEMANDS
from bundler.slot_text import SlotTextError, format_slots, parse_slots

OPTIONAL_TASK_COLUMNS: tuple[str, ...] = (*DEMANDS, "hygiene")
"""A task's screening fields (`DEMANDS`) and its hygiene class: an empty cell means absent."""

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "suppliers": ("id", "name", "sector", "cao"),
    "locations": ("id", "name", "site", "lat", "lon"),
    "travel": ("from", "to", "minutes"),
    "skills": ("id", "label", "esco"),
    "tasks": ("id", "supplier", "title", "location", "slots", "skills", *OPTIONAL_TASK_COLUMNS),
}


@dataclass
class Tables:
    """The editable form of a task file; `name`, `rules`, `incompatible` and `pinned` ride along."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {k: [] for k in TABLE_COLUMNS})
    name: str = ""
    rules: dict[str, Any] = field(default_factory=dict)
    incompatible: list[list[str]] = field(default_factory=list)
    pinned: list[dict[str, Any]] = field(default_factory=list)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value.strip())


def to_tables(data: dict[str, Any]) -> Tables:
    """Tables from a task-file dict (e.g. `TaskFile.to_json_dict()`)."""
    tables = Tables(name=data.get("name", ""), rules=dict(data.get("rules") or {}),
                    incompatible=[list(p) for p in data.get("incompatible", [])],
                    pinned=[dict(p) for p in data.get("pinned", [])])
    for section in ("suppliers", "locations", "travel", "skills"):
        tables.rows[section] = [{**{c: r.get(c) for c in TABLE_COLUMNS[section]}, **r} for r in data.get(section, [])]
    tables.rows["tasks"] = [
        {**t, "id": t["id"], "supplier": t["supplier"], "title": t.get("title", ""), "location": t["location"],
         "skills": ", ".join(t.get("skills", [])), "slots": format_slots(t["slots"])}
        for t in data.get("tasks", [])
    ]
    return tables


def columns(tables: Tables, section: str) -> list[str]:
    """The standard columns of a table, then any extra fields its records carry."""
    extra = dict.fromkeys(k for row in tables.rows.get(section, []) for k in row if k not in TABLE_COLUMNS[section])
    return [*TABLE_COLUMNS[section], *extra]


def _clean(row: dict[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    return {c: (None if _blank(row.get(c)) else (row[c].strip() if isinstance(row.get(c), str) else row.get(c)))
            for c in columns}


def from_tables(tables: Tables) -> tuple[dict[str, Any], list[tuple[str, int, str]]]:
    """(task-file dict, problems as (table, row number from 1, message)) from the tables.

    Fully blank rows (a fresh line in an editor) are skipped. Slot texts that cannot be
    read are reported here; everything else is left to the engine's validation.
    """
    problems: list[tuple[str, int, str]] = []
    data: dict[str, Any] = {"format": "bundler-tasks/1", "name": tables.name, "rules": tables.rules}
    for section in ("suppliers", "locations", "travel", "skills"):
        records = []
        for row in tables.rows.get(section, []):
            record = _clean(row, tuple(columns(tables, section)))
            if all(v is None for v in record.values()):
                continue
            records.append({k: v for k, v in record.items() if v is not None or k in ("id", "from", "to", "minutes")})
        data[section] = records
    tasks = []
    for number, row in enumerate(tables.rows.get("tasks", []), start=1):
        record = _clean(row, tuple(columns(tables, "tasks")))
        if all(v is None for v in record.values()):
            continue
        try:
            slots = parse_slots(record["slots"])
        except SlotTextError as error:
            problems.append(("tasks", number, f"task {record['id'] or '#' + str(number)}, slots: {error}"))
            slots = []
        skills = [s.strip() for s in re.split(r"[,;]", record["skills"] or "") if s.strip()]
        extra = {k: v for k, v in record.items()
                 if (k not in TABLE_COLUMNS["tasks"] or k in OPTIONAL_TASK_COLUMNS) and v is not None}
        tasks.append({"id": record["id"], "supplier": record["supplier"], "title": record["title"] or "",
                      "location": record["location"], "skills": skills, "slots": slots, **extra})
    data["tasks"] = tasks
    data["incompatible"] = tables.incompatible
    data["pinned"] = tables.pinned
    return data, problems


_TASK_REF = re.compile(r"^task (?P<id>[^,:]+?)[,:]")
_RECORD_REF = re.compile(r"^(?P<noun>supplier|location|skill) (?P<id>[^,:]+?)[,:]")


def row_of_problem(tables: Tables, problem: str) -> tuple[str, int] | None:
    """(table, row number) that an engine problem line is about, when it names one."""
    for pattern, section in ((_TASK_REF, "tasks"), (_RECORD_REF, None)):
        match = pattern.match(problem)
        if not match:
            continue
        section = section or f"{match['noun']}s"
        key = match["id"].strip()
        for number, row in enumerate(tables.rows.get(section, []), start=1):
            if key == f"#{number}" or str(row.get("id") or "").strip() == key:
                return section, number
    return None


@dataclass
class TableCheck:
    """The outcome of checking edited tables: a task file when all is well, else the problems."""

    task_file: Any = None
    by_row: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)
    notes: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    """Not problems: tasks no job can hold under the rules (`validation.placement_notes`), by row."""

    @property
    def problems(self) -> list[str]:
        return [p for ps in self.by_row.values() for p in ps] + self.general


def check_tables(tables: Tables) -> TableCheck:
    """Slot texts first, then the engine's own validation; each problem tied to its row."""
    from bundler.validation import InputError, parse_task_file, placement_notes

    data, slot_problems = from_tables(tables)
    outcome = TableCheck()
    unreadable = set()
    for section, number, message in slot_problems:
        outcome.by_row.setdefault((section, number), []).append(message)
        unreadable.add(message.split(",")[0])
    try:
        task_file = parse_task_file(data)
    except InputError as error:
        for problem in error.problems:
            if problem.split(",")[0] in unreadable and "slots" in problem:
                continue  # already reported as an unreadable slot text
            where = row_of_problem(tables, problem)
            if where:
                outcome.by_row.setdefault(where, []).append(problem)
            else:
                outcome.general.append(problem)
        return outcome
    if not slot_problems:
        outcome.task_file = task_file
        for note in placement_notes(task_file):
            outcome.notes.setdefault(row_of_problem(tables, note) or ("", 0), []).append(note)
    return outcome

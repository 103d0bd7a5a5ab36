"""A JSON task file (`bundler-tasks/1`) as kick-off parts, record by record.

A valid file comes in whole. A file with a broken record (a task without an id, a slot
that cannot be read) still brings in every other record: the broken one is refused
with its place in the file, and what is left for validation (an unknown supplier,
say) shows next to its row on the Tasks page. Hostile files are refused whole, with
the same limits as the command line (`bundler.limits`).
"""

from __future__ import annotations

from typing import Any

from bundler.io.json_io import parse_json
from bundler.io.kickoff_parts import SECTIONS, Parts, typed_rules
from bundler.io.report import Refusal
from bundler.io.task_sheets import SheetError
from bundler.raw_input import depth_problem, size_problems
from bundler.tables import to_tables
from bundler.validation import InputError

MAX_JSON_BYTES = 50 * 1024 * 1024
_NL = {"suppliers": "leverancier", "locations": "locatie", "travel": "reistijd", "skills": "vaardigheid",
       "tasks": "taak"}


def read_kickoff_json(content: bytes, name: str = "JSON") -> Parts:
    """Parts from JSON bytes; SheetError (English) when the file as a whole cannot be read."""
    if not content.strip():
        raise SheetError([f"{name}: the file is empty"])
    if len(content) > MAX_JSON_BYTES:
        raise SheetError([f"{name}: {len(content) / 1e6:.0f} MB is more than the "
                          f"{MAX_JSON_BYTES / 1e6:.0f} MB a task file can be"])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SheetError([f"{name}: not UTF-8 text (byte {error.start}); save it as UTF-8 JSON"]) from None
    try:
        data = parse_json(text, name)
    except InputError as error:
        raise SheetError(error.problems) from None
    if not isinstance(data, dict):
        raise SheetError([f"{name}: a task file is a JSON object, got {type(data).__name__}"])
    problems = [p] if (p := depth_problem(data)) else size_problems(data)
    if problems:
        raise SheetError([f"{name}: {p}" for p in problems])
    if data.get("format") not in (None, "bundler-tasks/1"):
        raise SheetError([f"{name}: format {data['format']!r} is not 'bundler-tasks/1' (is it a plan file?)"])
    return parts_from_data(data, name)


def parts_from_data(data: dict[str, Any], name: str) -> Parts:
    parts = Parts(name=data["name"] if isinstance(data.get("name"), str) and data["name"].strip() else None)
    for section in SECTIONS:
        records = data.get(section)
        if records is None:
            continue
        if not isinstance(records, list):
            parts.refused.append(Refusal(f"{name}: {section} is geen lijst", f"{name}: {section} is not a list"))
            continue
        rows = []
        for number, record in enumerate(records, start=1):
            row = _row(section, record)
            if isinstance(row, Refusal):
                known = f" ({record['id']})" if isinstance(record, dict) and _id(record.get("id")) else ""
                parts.refused.append(Refusal(f"{name}, {_NL[section]} {number}{known}: {row.nl}",
                                             f"{name}, {section} record {number}{known}: {row.en}"))
            else:
                rows.append(row)
        parts.rows[section] = rows
    if isinstance(data.get("rules"), dict):
        parts.rules, refused = typed_rules({k: (k, v) for k, v in data["rules"].items()},
                                           f"{name}, rules,", f"{name}, regels,")
        parts.refused += refused
    parts.incompatible = _pairs(data.get("incompatible"), name, parts)
    parts.pinned = _pinned(data.get("pinned"), name, parts)
    return parts


def _id(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _row(section: str, record: Any) -> dict[str, Any] | Refusal:
    if not isinstance(record, dict):
        return Refusal("geen record (object)", "not a record (object)")
    keys = ("from", "to") if section == "travel" else ("id",)
    missing = [k for k in keys if not _id(record.get(k))]
    if missing:
        return Refusal(f"{missing[0]} ontbreekt of is geen tekst", f"{missing[0]} is missing or not text")
    if section != "tasks":
        return dict(record)
    for key in ("supplier", "location"):
        if not _id(record.get(key)):
            return Refusal(f"{key} ontbreekt", f"{key} is missing")
    if not isinstance(record.get("slots"), list) or not record["slots"]:
        return Refusal("geen tijden (slots)", "no slots")
    try:
        return to_tables({"tasks": [record]}).rows["tasks"][0]
    except (KeyError, TypeError, ValueError, AttributeError):
        return Refusal("de tijden (slots) zijn onleesbaar", "its slots cannot be read")


def _pairs(value: Any, name: str, parts: Parts) -> list[list[str]] | None:
    if value is None:
        return None
    out = []
    for number, pair in enumerate(value if isinstance(value, list) else [value], start=1):
        if isinstance(pair, list) and len(pair) == 2 and all(_id(t) for t in pair):
            out.append(list(pair))
        else:
            parts.refused.append(Refusal(f"{name}, niet-samen-paar {number}: twee taak-ids nodig",
                                         f"{name}, incompatible pair {number}: two task ids needed"))
    return out


def _pinned(value: Any, name: str, parts: Parts) -> list[dict[str, Any]] | None:
    if value is None:
        return None
    out = []
    for number, job in enumerate(value if isinstance(value, list) else [value], start=1):
        if isinstance(job, dict) and _id(job.get("id")) and isinstance(job.get("tasks"), list) and job["tasks"] \
                and all(_id(t) for t in job["tasks"]):
            out.append({"id": job["id"], "tasks": list(job["tasks"])})
        else:
            parts.refused.append(Refusal(f"{name}, afgesproken baan {number}: een id en een lijst taken nodig",
                                         f"{name}, pinned job {number}: an id and a list of tasks needed"))
    return out

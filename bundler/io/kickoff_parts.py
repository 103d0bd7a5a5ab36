"""A kick-off read from a file, part by part, and how those parts join the tables being edited.

A workbook or JSON file may hold every part of a kick-off (rules, suppliers, locations,
travel, skills, tasks, vetoed pairs, agreed jobs) or only some. What was read goes into
the tables the same way for every file type: a record with a known id replaces the
old one, a new id is added, a part the file does not hold stays as it was. Rows that
cannot become a record were refused while reading and are listed in the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from bundler.domain import Rules
from bundler.io.report import ImportReport, Refusal
from bundler.problems_nl import to_dutch
from bundler.tables import Tables

SECTIONS = ("suppliers", "locations", "travel", "skills", "tasks")
_TRUE, _FALSE = {"ja", "yes", "true", "waar", "1", "x"}, {"nee", "no", "false", "onwaar", "0", ""}


@dataclass
class Parts:
    """What one file held; None or absent means the file did not have that part."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rules: dict[str, Any] | None = None
    name: str | None = None
    incompatible: list[list[str]] | None = None
    pinned: list[dict[str, Any]] | None = None
    refused: list[Refusal] = field(default_factory=list)


def rule_value(name: str, value: Any) -> Any:
    """A rule's value from a cell or JSON, typed as the rule wants; ValueError(Dutch, English) when it cannot be.

    Spreadsheets hand numbers back as floats and yes/no as words; a Dutch sheet may
    write 5,5. Blank is the default (None for the skills limit)."""
    if name not in Rules.model_fields:
        raise ValueError(f"onbekende regel {name!r}", f"unknown rule {name!r}")
    default = Rules.model_fields[name].default
    text = value.strip().lower() if isinstance(value, str) else value
    if text is None or text == "":
        return default
    if isinstance(default, bool):
        if isinstance(text, bool):
            return text
        if str(text) in _TRUE | _FALSE:
            return str(text) in _TRUE
        raise ValueError(f"{value!r} is geen ja of nee", f"{value!r} is not yes or no")
    if name == "objective":
        value = text
    elif not isinstance(value, bool):
        try:
            number = float(text.replace(",", ".")) if isinstance(text, str) else float(text)
        except (TypeError, ValueError):
            raise ValueError(f"{value!r} is geen getal", f"{value!r} is not a number") from None
        value = int(number) if number.is_integer() and (isinstance(default, int) or default is None) else number
    try:
        Rules.model_validate({name: value})
    except ValidationError as error:
        detail = error.errors()[0]["msg"]
        raise ValueError(f"{value!r} kan niet ({to_dutch(detail.removeprefix('Value error, '))})",
                         f"{value!r} is not allowed ({detail})") from None
    return value


def typed_rules(raw: dict[str, Any], where: str, where_nl: str) -> tuple[dict[str, Any], list[Refusal]]:
    """The rules a file sets, each checked on its own and then together (min above max is refused)."""
    rules, refused = {}, []
    for key, (name, value) in raw.items():
        try:
            rules[name] = rule_value(name, value)
        except ValueError as error:
            nl, en = error.args
            refused.append(Refusal(f"{where_nl} {key}: {nl}", f"{where} {key}: {en}"))
    try:
        Rules.model_validate(rules)
    except ValidationError as error:
        detail = error.errors()[0]["msg"].removeprefix("Value error, ")
        refused.append(Refusal(f"{where_nl}: de regels passen niet bij elkaar ({to_dutch(detail)}); niet overgenomen",
                               f"{where}: the rules contradict each other ({detail}); not taken over"))
        return {}, refused
    return rules, refused


def _key(section: str, row: dict[str, Any]) -> Any:
    if section == "travel":
        return frozenset((str(row.get("from")), str(row.get("to"))))
    return str(row.get("id"))


def merge_parts(tables: Tables, parts: Parts, source: str) -> ImportReport:
    """Parts into the tables: same id (travel: same two places) replaces, a new one is added."""
    report = ImportReport(source=source, refused=list(parts.refused))
    for section in SECTIONS:
        rows = parts.rows.get(section)
        if not rows:
            continue
        table = tables.rows.setdefault(section, [])
        where = {_key(section, r): i for i, r in enumerate(table)}
        for row in rows:
            clean = {k: v for k, v in row.items() if not k.startswith("_")}
            key = _key(section, clean)
            report.count(section, key in where)
            if key in where:
                table[where[key]] = {**table[where[key]], **clean}
            else:
                where[key] = len(table)
                table.append(clean)
    if parts.rules:
        for name, value in parts.rules.items():
            report.count("rules", name in tables.rules)
            tables.rules[name] = value
    if parts.name:
        tables.name = parts.name
    if parts.incompatible:
        known = {frozenset(p) for p in tables.incompatible}
        for pair in parts.incompatible:
            report.count("incompatible", frozenset(pair) in known)
            if frozenset(pair) not in known:
                tables.incompatible.append(list(pair))
                known.add(frozenset(pair))
    if parts.pinned:
        ids = {str(p.get("id")): i for i, p in enumerate(tables.pinned)}
        for job in parts.pinned:
            report.count("pinned", job["id"] in ids)
            if job["id"] in ids:
                tables.pinned[ids[job["id"]]] = job
            else:
                ids[job["id"]] = len(tables.pinned)
                tables.pinned.append(job)
    return report

"""Candidates as table rows and as an Excel sheet, the way a job coach keeps them.

One row per person with the columns of `COLUMNS`. Availability is typed in the slot
shorthand of the task tables, e.g. `ma-vr 09:00-15:00; za 10:00-14:00`; skills, learnable
skills and reach are lists separated by commas; the screening limits are low / medium /
high; an empty cell means "no limit". Every problem names the row and the candidate, so a
sheet can be fixed in one pass. The workbook's second sheet explains the columns.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook, load_workbook

from bundler.domain import DEMANDS, TaskFile
from bundler.io.task_sheets import SheetError
from bundler.people.candidates import (
    CANDIDATES_FORMAT,
    CandidateFile,
    parse_candidate_file,
)
from bundler.slot_text import SlotTextError, format_slots, parse_slots
from bundler.validation import InputError

COLUMNS = ("id", "alias", "available", "min_week_hours", "max_week_hours", "max_day_hours", "max_work_days",
           "skills", "learnable", *DEMANDS, "reach", "note")
NUMBERS = ("min_week_hours", "max_week_hours", "max_day_hours")
LISTS = ("skills", "learnable", "reach")
SHEET = "kandidaten"
MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5_000

HELP_NL = {
    "id": "Korte code, uniek (K01). Geen naam: de kandidaat blijft anoniem.",
    "alias": "Schuilnaam voor het scherm (Kandidaat 1), optioneel.",
    "available": "Wanneer iemand kan werken, bijv. 'ma-vr 09:00-15:00; za 10:00-14:00'. Leeg = altijd.",
    "min_week_hours": "Minstens zoveel uur per week.", "max_week_hours": "Hoogstens zoveel uur per week.",
    "max_day_hours": "Hoogstens zoveel uur per dag.", "max_work_days": "Hoogstens zoveel dagen per week.",
    "skills": "Wat iemand al kan (vaardigheid-ids, met komma's). Leeg = geen eis.",
    "learnable": "Wat iemand wil en kan leren.",
    "physical_load": "Hoogste lichamelijke belasting: low, medium of high.", "pace": "Hoogste tempo.",
    "interruptions": "Hoogste mate van onderbrekingen.", "independence": "Hoogste zelfstandigheid.",
    "customer_contact": "Hoogste mate van klantcontact.",
    "reach": "Bereikbare locaties of terreinen (ids, met komma's). Leeg = overal.",
    "note": "Vrije notitie voor HR; nooit zichtbaar voor leveranciers. Geen medische gegevens.",
}
_EXAMPLE = [
    {"id": "K01", "alias": "Kandidaat 1", "available": "ma-vr 09:00-15:00", "min_week_hours": 20,
     "max_week_hours": 24, "max_day_hours": 5, "max_work_days": 4, "skills": "cleaning-basic",
     "learnable": "catering-support", "physical_load": "medium", "customer_contact": "low",
     "reach": "utrecht-science-park", "note": ""},
    {"id": "K02", "alias": "Kandidaat 2", "available": "ma/wo/vr 07:00-13:00", "min_week_hours": 20,
     "skills": "reception, key-management"},
]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def availability_text(windows: list | None) -> str:
    """'ma-vr 09:00-15:00; za 10:00-14:00' for a person's windows ('' when not given)."""
    if not windows:
        return ""
    slots = [{"day": d, "start": w.start, "end": w.end} for w in windows for d in w.days]
    return format_slots(slots)


def parse_availability(text: str) -> list[dict]:
    """Windows of the candidate file from the shorthand; SlotTextError when it cannot be read."""
    windows: dict[tuple[str, str], list[str]] = {}
    try:
        slots = parse_slots(text)
    except SlotTextError as error:
        message = str(error).split("; write e.g.")[0]
        raise SlotTextError(f"{message}; write e.g. 'ma-vr 09:00-15:00' or 'ma/wo 08:00-12:00; vr 13:00-17:00'") \
            from None
    for slot in slots:
        if "day" not in slot:
            raise SlotTextError(f"'{text}': availability is days and times (e.g. 'ma-vr 09:00-15:00'), "
                                f"not a duration")
        days = windows.setdefault((slot["start"], slot["end"]), [])
        if slot["day"] not in days:
            days.append(slot["day"])
    return [{"days": days, "from": start, "until": end} for (start, end), days in windows.items()]


def to_rows(candidates: CandidateFile) -> list[dict]:
    """Table rows of a candidate file, one per person."""
    rows = []
    for c in candidates.candidates:
        row = {"id": c.id, "alias": c.alias, "available": availability_text(c.available),
               "min_week_hours": c.min_week_hours, "max_week_hours": c.max_week_hours,
               "max_day_hours": c.max_day_hours, "max_work_days": c.max_work_days,
               "skills": "" if c.skills is None else ", ".join(c.skills), "learnable": ", ".join(c.learnable),
               "reach": "" if c.reach is None else ", ".join(c.reach), "note": c.note}
        row |= {d: getattr(c.limits, d) for d in DEMANDS}
        rows.append(row)
    return rows


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN from a table editor
        return True
    return isinstance(value, str) and not value.strip()


def rows_to_data(rows: list[dict]) -> tuple[dict, dict[int, list[str]]]:
    """A candidate-file dict from table rows, and the problems of cells that cannot be read
    (by row number, 1-based)."""
    people, problems = [], {}
    for number, row in enumerate(rows, start=1):
        if all(_blank(row.get(c)) for c in COLUMNS):
            continue
        person: dict[str, Any] = {}
        own: list[str] = []
        for column in COLUMNS:
            value = row.get(column)
            if _blank(value):
                continue
            if column == "available":
                try:
                    person["available"] = parse_availability(str(value))
                except SlotTextError as error:
                    own.append(f"field available: {error}")
            elif column in NUMBERS or column == "max_work_days":
                try:
                    number_value = float(str(value).replace(",", "."))
                    person[column] = int(number_value) if column == "max_work_days" and number_value.is_integer() \
                        else number_value
                except ValueError:
                    own.append(f"field {column}: '{_text(value)}' is not a number")
            elif column in LISTS:
                person[column] = [p.strip() for p in str(value).split(",") if p.strip()]
            elif column in DEMANDS:
                person.setdefault("limits", {})[column] = _text(value).lower()
            else:
                person[column] = _text(value) if column != "note" else str(value).strip()
        if own:
            problems[number] = own
        people.append(person)
    return {"format": CANDIDATES_FORMAT, "candidates": people}, problems


def check_rows(rows: list[dict], task_file: TaskFile | None) -> tuple[CandidateFile | None, list[str]]:
    """The candidate file of the table, or the problems, one line each with row and candidate."""
    data, cell_problems = rows_to_data(rows)
    lines = []
    kept = [r for r in rows if not all(_blank(r.get(c)) for c in COLUMNS)]
    for number, own in sorted(cell_problems.items()):
        who = _text(rows[number - 1].get("id")) or "?"
        lines += [f"row {number} (candidate {who}), {p}" for p in own]
    try:
        parsed = parse_candidate_file(data, task_file)
    except InputError as error:
        numbers = {}
        for i, row in enumerate(rows, start=1):
            numbers.setdefault(_text(row.get("id")), i)
        for problem in error.problems:
            who = problem.split(",")[0].split(":")[0].removeprefix("candidate ").strip()
            if who.startswith("#") and who[1:].isdigit() and int(who[1:]) <= len(kept):
                row = rows.index(kept[int(who[1:]) - 1]) + 1
            else:
                row = numbers.get(who)
            lines.append(f"row {row}: {problem}" if row else problem)
        return None, lines
    return (None, lines) if lines else (parsed, [])


def candidates_xlsx(candidates: CandidateFile | list[dict]) -> bytes:
    """One sheet of people (`kandidaten`) and one that explains the columns (`uitleg`)."""
    rows = to_rows(candidates) if isinstance(candidates, CandidateFile) else candidates
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row.get(c) if not _blank(row.get(c)) else None for c in COLUMNS])
    for letter, width in zip("ABCDEFGHIJKLMNOP", (7, 14, 30, 9, 9, 9, 9, 28, 28, 10, 10, 10, 10, 10, 26, 40),
                             strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "B2"
    explained = workbook.create_sheet("uitleg")
    explained.append(["kolom", "uitleg"])
    for column in COLUMNS:
        explained.append([column, HELP_NL[column]])
    explained.column_dimensions["A"].width = 18
    explained.column_dimensions["B"].width = 90
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def template_xlsx() -> bytes:
    return candidates_xlsx(_EXAMPLE)


def read_candidates_xlsx(content: bytes, name: str = "XLSX") -> list[dict]:
    """Table rows from a workbook whose first sheet (or the sheet `kandidaten`) holds people."""
    if not content:
        raise SheetError([f"{name}: the file is empty"])
    if len(content) > MAX_IMPORT_BYTES:
        raise SheetError([f"{name}: {len(content) / 1e6:.0f} MB is more than the "
                          f"{MAX_IMPORT_BYTES / 1e6:.0f} MB a candidate sheet can be"])
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a file that is not a workbook
        raise SheetError([f"{name}: not an Excel workbook (.xlsx) ({type(error).__name__})"]) from None
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    where = f"{name}, sheet {sheet.title}"
    if not values or not any(_text(v) for v in values[0]):
        raise SheetError([f"{where}: no header row (columns {', '.join(COLUMNS)})"])
    header = [_text(v).lower() for v in values[0]]
    if "id" not in header:
        raise SheetError([f"{where}, row 1: missing column id (columns {', '.join(COLUMNS)})"])
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise SheetError([f"{where}, row 1: column(s) {', '.join(unknown)} are not candidate fields; a candidate "
                          f"sheet holds only what the fit rules need and a note (privacy)"])
    if len(values) - 1 > MAX_ROWS:
        raise SheetError([f"{where}: {len(values) - 1} rows, more than the {MAX_ROWS} a sheet can hold"])
    rows, problems = [], []
    for number, raw in enumerate(values[1:], start=2):
        row = {h: raw[i] if i < len(raw) else None for i, h in enumerate(header) if h}
        if all(_blank(v) for v in row.values()):
            continue
        if _blank(row.get("id")):
            problems.append(f"{where}, row {number}: column id is empty")
        rows.append({c: row.get(c) for c in COLUMNS})
    if problems:
        raise SheetError(problems)
    return rows


def merge_rows(existing: list[dict], imported: list[dict]) -> tuple[list[dict], int, int]:
    """Imported rows into the table: same id replaces, new id is added. (rows, replaced, added)"""
    out = [dict(r) for r in existing]
    where = {_text(r.get("id")): i for i, r in enumerate(out)}
    replaced = added = 0
    for row in imported:
        key = _text(row.get("id"))
        if key in where:
            out[where[key]] = dict(row)
            replaced += 1
        else:
            where[key] = len(out)
            out.append(dict(row))
            added += 1
    return out, replaced, added

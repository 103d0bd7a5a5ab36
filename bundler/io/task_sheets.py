"""Tasks in and out of CSV and XLSX, the way suppliers send them.

CSV: one row per task with the columns id, supplier, title, location, skills, slots
(slots in the `bundler.slot_text` shorthand), then the optional screening columns
physical_load, pace, interruptions, independence, customer_contact (low / medium /
high) and hygiene (dirty / clean / food / patient); an empty cell or a missing column
means the field is absent. XLSX: one sheet per supplier, named after the supplier id,
with the same columns except `supplier` (present only when the id cannot be a sheet
name). Every problem names the file, sheet and row, so a supplier can fix the row it
sent. Text that a spreadsheet would run as a formula is written as text (see
`bundler.io.cells`).
"""

from __future__ import annotations

import csv
import io
import zipfile
from itertools import islice
from typing import Any

from openpyxl import Workbook, load_workbook

from bundler.file_names import sheet_title
from bundler.io.cells import append_row, csv_text, from_csv_text
from bundler.io.report import Refusal
from bundler.tables import OPTIONAL_TASK_COLUMNS, Tables

REQUIRED_COLUMNS = ("id", "supplier", "title", "location", "skills", "slots")
TASK_COLUMNS = (*REQUIRED_COLUMNS, *OPTIONAL_TASK_COLUMNS)
SHEET_COLUMNS = tuple(c for c in TASK_COLUMNS if c != "supplier")
MAX_IMPORT_BYTES = 10 * 1024 * 1024
MAX_IMPORT_ROWS = 20_000
MAX_IMPORT_COLUMNS = 64
MAX_UNPACKED_BYTES = 200 * 1024 * 1024

_EXAMPLE = [
    {"id": "T001", "supplier": "asito", "title": "Toiletten begane grond", "location": "educatorium",
     "skills": "cleaning-basic", "slots": "ma-vr 07:00-09:00", "hygiene": "dirty"},
    {"id": "T002", "supplier": "sodexo", "title": "Lunchuitgifte", "location": "educatorium",
     "skills": "catering-support", "slots": "ma/wo/vr 11:30-13:30; di/do 11:30-14:00 2u flexibel", "hygiene": "food"},
]


class SheetError(ValueError):
    """Problems of an imported sheet, one line each, every line naming its row."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return from_csv_text(str(value).strip()).strip()


def _check_size(content: bytes, name: str) -> None:
    if not content:
        raise SheetError([f"{name}: the file is empty"])
    if len(content) > MAX_IMPORT_BYTES:
        raise SheetError([f"{name}: {len(content) / 1e6:.0f} MB is more than the "
                          f"{MAX_IMPORT_BYTES / 1e6:.0f} MB a task sheet can be"])


def _check_unpacked_size(content: bytes, name: str) -> None:
    """An .xlsx is a zip: refuse one that unpacks far beyond a task sheet (a zip bomb) before opening it."""
    try:
        unpacked = sum(member.file_size for member in zipfile.ZipFile(io.BytesIO(content)).infolist())
    except (zipfile.BadZipFile, ValueError):
        return  # not a zip: load_workbook says so in its own words
    if unpacked > MAX_UNPACKED_BYTES:
        raise SheetError([f"{name}: unpacks to {unpacked / 1e6:,.0f} MB, more than the "
                          f"{MAX_UNPACKED_BYTES / 1e6:.0f} MB a task workbook can hold"])


def _rows_from(header: list[str], rows: list[tuple[int, list[Any]]], where: str, supplier: str | None) -> list[dict]:
    """Task rows from a header and numbered data rows; problems name `where`, row (all refused: SheetError)."""
    out, refused = sheet_rows(header, rows, where, supplier)
    if refused:
        raise SheetError([r.en for r in refused])
    return out


def sheet_rows(header: list[str], rows: list[tuple[int, list[Any]]], where: str,
               supplier: str | None) -> tuple[list[dict], list[Refusal]]:
    """(the good task rows, one refusal per bad row): a bad row never keeps the good ones out.

    A header without the needed columns refuses the whole sheet."""
    names = [h.strip().lower() for h in header]
    needed = tuple(c for c in (SHEET_COLUMNS if supplier else TASK_COLUMNS) if c not in OPTIONAL_TASK_COLUMNS)
    missing = [c for c in needed if c not in names and c != "skills"]
    if missing:
        return [], [Refusal(f"{_nl(where)}, rij 1: kolom(men) {', '.join(missing)} ontbreken "
                            f"(nodig: {', '.join(needed)})",
                            f"{where}, row 1: missing column(s) {', '.join(missing)} "
                            f"(expected {', '.join(needed)})")]
    if len(rows) > MAX_IMPORT_ROWS:
        return [], [Refusal(f"{_nl(where)}: {len(rows)} rijen, meer dan de {MAX_IMPORT_ROWS} die een blad mag hebben",
                            f"{where}: {len(rows)} rows, more than the {MAX_IMPORT_ROWS} a sheet can hold")]
    out, refused = [], []
    for number, values in rows:
        record = {name: _text(values[i]) if i < len(values) else "" for i, name in enumerate(names) if name}
        if not any(record.values()):
            continue
        if supplier and not record.get("supplier"):  # a supplier column wins: its id may not fit a sheet name
            record["supplier"] = supplier
        empty = [c for c in ("id", "supplier", "location", "slots") if not record.get(c)]
        if empty:
            refused += [Refusal(f"{_nl(where)}, rij {number}: kolom {c} is leeg",
                                f"{where}, row {number}: column {c} is empty") for c in empty]
            continue
        optional = {c: record[c] for c in OPTIONAL_TASK_COLUMNS if c in record}  # a missing column keeps the table's
        out.append({c: record.get(c, "") for c in REQUIRED_COLUMNS} | optional | {"_source": f"{where}, row {number}"})
    return out, refused


def _nl(where: str) -> str:
    """'file.xlsx, sheet asito' in Dutch."""
    return where.replace(", sheet ", ", blad ")


def read_tasks_csv(content: bytes, name: str = "CSV") -> list[dict]:
    """Task rows from CSV bytes (comma or semicolon separated, UTF-8 or Excel's UTF-8 with BOM)."""
    table = csv_table(content, name)
    return _rows_from(table[0], list(enumerate(table[1:], start=2)), name, None)


def read_csv_parts(content: bytes, name: str = "CSV") -> tuple[list[dict], list[Refusal]]:
    """(good task rows, refused rows) of a CSV: a bad row does not keep the others out."""
    table = csv_table(content, name)
    return sheet_rows(table[0], list(enumerate(table[1:], start=2)), name, None)


def csv_table(content: bytes, name: str) -> list[list[str]]:
    """The cells of a CSV file; SheetError when it is empty, too big, not UTF-8 or not CSV."""
    _check_size(content, name)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SheetError([f"{name}: not UTF-8 text (byte {error.start}); save it as 'CSV UTF-8'"]) from None
    if not text.strip():
        raise SheetError([f"{name}: the file is empty"])
    try:  # only the delimiter is sniffed: a header has no quotes to learn quoting from
        delimiter = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    try:
        return list(csv.reader(io.StringIO(text), csv.excel, delimiter=delimiter))
    except csv.Error as error:
        raise SheetError([f"{name}: cannot read the CSV ({error})"]) from None


def open_workbook(content: bytes, name: str = "XLSX"):
    """A workbook to read, after its packed and unpacked size are checked; SheetError when it is none."""
    _check_size(content, name)
    _check_unpacked_size(content, name)
    try:
        return load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a file that is not a workbook
        raise SheetError([f"{name}: not an Excel workbook (.xlsx) ({type(error).__name__})"]) from None


def read_tasks_xlsx(content: bytes, name: str = "XLSX") -> list[dict]:
    """Task rows from a workbook with one sheet per supplier (the sheet name is its id)."""
    workbook = open_workbook(content, name)
    rows, problems = [], []
    for sheet in workbook.worksheets:  # read no further than the limits: a sheet can claim a million rows
        values = [list(r) for r in islice(sheet.iter_rows(values_only=True, max_col=MAX_IMPORT_COLUMNS),
                                          MAX_IMPORT_ROWS + 2)]
        if not values or not any(_text(v) for v in values[0]):
            continue
        try:
            rows += _rows_from([_text(v) for v in values[0]], list(enumerate(values[1:], start=2)),
                               f"{name}, sheet {sheet.title}", sheet.title.strip())
        except SheetError as error:
            problems += error.problems
    workbook.close()
    if problems:
        raise SheetError(problems)
    if not rows:
        raise SheetError([f"{name}: no sheet holds tasks (one sheet per supplier, columns "
                          f"{', '.join(c for c in SHEET_COLUMNS if c not in OPTIONAL_TASK_COLUMNS)})"])
    return rows


def merge_rows(tables: Tables, rows: list[dict]) -> tuple[int, int]:
    """Imported rows into the task table: same id replaces, new id is added. (replaced, added)"""
    existing = {str(r.get("id")): i for i, r in enumerate(tables.rows["tasks"])}
    replaced = added = 0
    for row in rows:
        clean = {c: row[c] for c in TASK_COLUMNS if c in row}
        if row["id"] in existing:
            tables.rows["tasks"][existing[row["id"]]] = {**tables.rows["tasks"][existing[row["id"]]], **clean}
            replaced += 1
        else:
            existing[row["id"]] = len(tables.rows["tasks"])
            tables.rows["tasks"].append(clean)
            added += 1
    return replaced, added


def tasks_csv(rows: list[dict]) -> bytes:
    """The task table as CSV; text that a spreadsheet would run as a formula is marked as text."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=TASK_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({c: csv_text(v) for c, v in row.items()} for row in rows)
    return out.getvalue().encode("utf-8-sig")


def tasks_xlsx(rows: list[dict]) -> bytes:
    """One sheet per supplier, in the order suppliers first appear.

    A sheet is named after its supplier's id; when the id cannot be a sheet name (too
    long, or `/`, `:`, `[`...), the sheet gets a cleaned name and a `supplier` column.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    add_task_sheets(workbook, rows, taken)
    if not workbook.worksheets:  # no tasks yet (an empty start): one empty sheet with the columns
        append_row(workbook.create_sheet(sheet_title("leverancier", taken)), ["supplier", *SHEET_COLUMNS])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def add_task_sheets(workbook: Workbook, rows: list[dict], taken: set[str]) -> None:
    """One sheet per supplier (in order of first appearance), named after its id when the id can be a name."""
    for supplier in dict.fromkeys(str(r["supplier"]) for r in rows):
        sheet = workbook.create_sheet(sheet_title(supplier, taken))
        columns = SHEET_COLUMNS if sheet.title == supplier else ("supplier", *SHEET_COLUMNS)
        append_row(sheet, list(columns))
        for row in rows:
            if str(row["supplier"]) == supplier:
                append_row(sheet, [row.get(c, "") for c in columns])
        for letter, width in zip("ABCDEFGHIJK", (8, 36, 22, 24, 48, 14, 14, 14, 14, 16, 10)):
            sheet.column_dimensions[letter].width = width


def template_csv() -> bytes:
    return tasks_csv(_EXAMPLE)


def template_xlsx() -> bytes:
    return tasks_xlsx(_EXAMPLE)

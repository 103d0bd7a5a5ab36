"""Opening a kick-off file on the Tasks page: JSON, the Excel workbook or a CSV of tasks.

The page hands over the uploaded bytes; this reads them by type, merges them into the
tables (or into empty tables, to open the file as the whole kick-off) and returns
what happened, so the page only shows the report.
"""

from __future__ import annotations

from bundler.io.kickoff_book import read_kickoff_xlsx
from bundler.io.kickoff_json import read_kickoff_json
from bundler.io.kickoff_parts import Parts, merge_parts
from bundler.io.report import ImportReport, Refusal
from bundler.io.task_sheets import SheetError, read_csv_parts
from bundler.problems_nl import to_dutch
from bundler.tables import Tables

KINDS = ("json", "xlsx", "csv")


def read_parts(content: bytes, name: str) -> Parts:
    """The parts of an uploaded file, by its extension; SheetError when the file as a whole is unreadable."""
    kind = name.lower().rsplit(".", 1)[-1]
    if kind == "json":
        return read_kickoff_json(content, name)
    if kind == "xlsx":
        return read_kickoff_xlsx(content, name)
    if kind == "csv":
        rows, refused = read_csv_parts(content, name)
        return Parts(rows={"tasks": rows}, refused=refused)
    raise SheetError([f"{name}: not a JSON, Excel (.xlsx) or CSV file"])


def import_file(tables: Tables, content: bytes, name: str, replace: bool) -> tuple[Tables, ImportReport]:
    """(the tables after the import, its report). `replace`: the file is the whole kick-off, nothing else stays.

    A file that cannot be read at all changes nothing; the report then holds only refusals."""
    try:
        parts = read_parts(content, name)
    except SheetError as error:
        return tables, ImportReport(source=name, refused=[Refusal(to_dutch(p), p) for p in error.problems])
    target = Tables(name=tables.name) if replace else tables
    report = merge_parts(target, parts, name)
    return target, report

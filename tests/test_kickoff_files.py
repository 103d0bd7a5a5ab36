"""The whole kick-off in and out: the Excel workbook (template and export) and the JSON task file.

A kick-off made in Excel opens complete on an empty start; an import says what it
added, replaced and refused, row by row.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bundler.io.kickoff_book import PART_SHEETS, kickoff_xlsx, read_kickoff_xlsx, template_kickoff_xlsx
from bundler.io.kickoff_json import read_kickoff_json
from bundler.io.task_sheets import SheetError, tasks_xlsx
from bundler.tables import Tables, check_tables, to_tables
from bundler.ui.importing import import_file

DATA = Path(__file__).resolve().parents[1] / "data"


def _canonical(task_file) -> dict:
    data = task_file.to_json_dict()
    data["tasks"] = sorted(data["tasks"], key=lambda t: t["id"])
    return data


@pytest.mark.parametrize("example", ["tutorial", "uu_kickoff"])
def test_workbook_export_opens_as_the_same_kick_off_on_an_empty_start(example):
    """Every part survives the round trip: rules, suppliers, locations, travel, skills, tasks, vetoes, name."""
    raw = json.loads((DATA / f"{example}.json").read_text())
    original = check_tables(to_tables(raw)).task_file
    opened, report = import_file(Tables(name="Nieuwe kick-off"), kickoff_xlsx(to_tables(raw)), "k.xlsx", replace=True)
    again = check_tables(opened)
    assert again.problems == [] and not report.refused
    assert _canonical(again.task_file) == _canonical(original)
    assert report.added["tasks"] == len(raw["tasks"]) and report.added["suppliers"] == len(raw["suppliers"])


def test_workbook_has_every_part_and_a_task_sheet_per_supplier():
    """The sheets a facility manager fills in: instructions, rules and the parts, then one sheet per supplier."""
    raw = json.loads((DATA / "tutorial.json").read_text())
    book = load_workbook(io.BytesIO(kickoff_xlsx(to_tables(raw))))
    assert PART_SHEETS <= set(book.sheetnames)
    assert {s["supplier"] for s in raw["tasks"]} <= set(book.sheetnames)
    rules = {r[0]: r[1] for r in book["Regels"].iter_rows(min_row=2, values_only=True)}
    assert rules["name"] == raw["name"] and rules["hygiene_order"] == "ja" and rules["min_job_hours"] == 20


def test_template_opens_without_a_problem_on_an_empty_start():
    """The template is a small but complete kick-off: nothing is unknown, nothing to fix."""
    opened, report = import_file(Tables(), template_kickoff_xlsx(), "sjabloon.xlsx", replace=True)
    assert check_tables(opened).task_file is not None, check_tables(opened).problems
    assert report.added == {"tasks": 2, "suppliers": 2, "locations": 2, "travel": 1, "skills": 2, "rules": 17}


def test_an_empty_kick_off_exports_without_an_error():
    """'Leeg beginnen' used to crash the Excel download (a workbook needs a sheet)."""
    assert load_workbook(io.BytesIO(kickoff_xlsx(Tables()))).sheetnames[:2] == ["Uitleg", "Regels"]
    assert load_workbook(io.BytesIO(tasks_xlsx([]))).sheetnames


def _book_with(edit) -> bytes:
    raw = json.loads((DATA / "tutorial.json").read_text())
    book = load_workbook(io.BytesIO(kickoff_xlsx(to_tables(raw))))
    edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_bad_rows_are_refused_one_by_one_with_sheet_and_row_and_the_rest_comes_in():
    """A task without slots, a location without id and an unknown rule are refused by row; all else is read."""
    def spoil(book):
        book["asito"].cell(row=2, column=5).value = None  # slots of the first asito task
        book["Locaties"].cell(row=3, column=1).value = None
        book["Regels"].append(["max_uren", 7, ""])
        book["Regels"].cell(row=3, column=2).value = "twintig"  # min_job_hours

    parts = read_kickoff_xlsx(_book_with(spoil), "k.xlsx")
    refused = [r.nl for r in parts.refused]
    assert "k.xlsx, blad asito, rij 2: kolom slots is leeg" in refused
    assert "k.xlsx, blad Locaties, rij 3: kolom id is leeg" in refused
    assert any("blad Regels, rij 20" in r and "onbekende regel 'max_uren'" in r for r in refused)
    assert any("blad Regels, rij 3" in r and "geen getal" in r for r in refused)
    assert len(parts.rows["tasks"]) == 10 and len(parts.rows["locations"]) == 2
    assert "min_job_hours" not in parts.rules and parts.rules["max_work_days"] == 5


def test_merging_replaces_same_ids_and_adds_new_ones_per_part():
    """On top of the tutorial, its own workbook replaces everything it holds and adds nothing."""
    raw = json.loads((DATA / "tutorial.json").read_text())
    tables = to_tables(raw)
    merged, report = import_file(tables, kickoff_xlsx(to_tables(raw)), "k.xlsx", replace=False)
    assert report.replaced["tasks"] == 11 and "tasks" not in report.added
    assert report.replaced["travel"] == len(raw["travel"])
    assert len(merged.rows["tasks"]) == 11 and len(merged.incompatible) == len(raw["incompatible"])
    assert "11 taken vervangen" in report.summary("nl") and "11 tasks replaced" in report.summary("en")


def test_json_with_a_broken_record_brings_in_the_rest_and_names_the_record():
    """A task without slots and a supplier that is no object are refused; the others open."""
    raw = json.loads((DATA / "tutorial.json").read_text())
    raw["tasks"][3]["slots"] = []
    raw["suppliers"].append("hago")
    parts = read_kickoff_json(json.dumps(raw).encode(), "k.json")
    assert [r.nl for r in parts.refused] == ["k.json, leverancier 5: geen record (object)",
                                             "k.json, taak 4 (T04): geen tijden (slots)"]
    assert len(parts.rows["tasks"]) == 10 and len(parts.rows["suppliers"]) == 4


@pytest.mark.parametrize("content, words", [
    (b"", "empty"), (b"[1, 2]", "JSON object"), (b"{\"tasks\": [", "invalid JSON"),
    (json.dumps({"format": "bundler-plan/1"}).encode(), "plan file"),
])
def test_a_json_file_that_is_no_task_file_is_refused_whole(content, words):
    with pytest.raises(SheetError) as refused:
        read_kickoff_json(content, "x.json")
    assert words in refused.value.problems[0]


def test_an_unreadable_file_changes_nothing_and_says_why():
    tables = to_tables(json.loads((DATA / "tutorial.json").read_text()))
    same, report = import_file(tables, b"not a workbook", "k.xlsx", replace=True)
    assert same is tables and not report.changed and "not an Excel workbook" in report.refused[0].en

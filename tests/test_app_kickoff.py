"""Opening and saving the whole kick-off on the Tasks page, as a facility manager does on an empty start."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook
from test_app import open_workbench

from bundler.io.kickoff_book import template_kickoff_xlsx

DATA = Path(__file__).resolve().parents[1] / "data"


def _empty_start():
    at = open_workbench()
    at.button[2].click().run()  # "Leeg beginnen"
    assert not at.exception, at.exception
    return at


def test_start_empty_shows_no_traceback_and_offers_the_workbook():
    """'Leeg beginnen' used to end in IndexError from the Excel download; now the empty kick-off saves."""
    at = _empty_start()
    assert at.session_state["tables"].rows["tasks"] == []
    labels = [b.label for b in at.get("download_button")]
    assert "Kick-off opslaan (Excel)" in labels and "Sjabloon kick-off (Excel)" in labels


def test_the_json_task_file_opens_complete_on_an_empty_start():
    """The uploader takes the JSON file; all 131 tasks with their suppliers and places open without a problem."""
    at = _empty_start()
    at.radio(key="import_mode").set_value("replace").run()
    at.file_uploader(key="task_upload").upload("uu_kickoff.json", (DATA / "uu_kickoff.json").read_bytes()).run()
    assert not at.exception
    assert any("131 taken" in s.value for s in at.success)
    assert any("kickoff.json: 131 taken toegevoegd" in s.value and "9 leveranciers toegevoegd" in s.value
               for s in at.success)
    assert at.session_state["check"][2].task_file is not None
    assert at.session_state["tables"].name.startswith("Universiteit Utrecht")


def test_the_excel_template_opens_complete_on_an_empty_start_and_saves_back():
    """The template made in Excel gives a kick-off with no problems; its export holds every part again."""
    at = _empty_start()
    at.file_uploader(key="task_upload").upload("sjabloon.xlsx", template_kickoff_xlsx()).run()
    assert not at.exception
    check = at.session_state["check"][2]
    assert check.task_file is not None and len(check.task_file.suppliers) == 2
    assert any("2 taken toegevoegd" in s.value for s in at.success)


def test_refused_rows_are_listed_by_sheet_and_row():
    """A workbook with a broken row: the others come in, the broken one is named by sheet and row."""
    book = load_workbook(io.BytesIO(template_kickoff_xlsx()))
    book["asito"].cell(row=2, column=5).value = None
    out = io.BytesIO()
    book.save(out)
    at = _empty_start()
    at.file_uploader(key="task_upload").upload("fout.xlsx", out.getvalue()).run()
    assert any("1 taken toegevoegd" in s.value and "1 rij geweigerd" in s.value for s in at.success)
    assert any("fout.xlsx, blad asito, rij 2: kolom slots is leeg" in e.value for e in at.error)

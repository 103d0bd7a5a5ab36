"""Editable tables: a task file round-trips, and problems land on the right row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bundler.tables import check_tables, from_tables, row_of_problem, to_tables
from bundler.validation import parse_task_file

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("name", ["tutorial.json", "uu_kickoff.json"])
def test_tables_round_trip_the_example_files(name):
    """File -> tables -> file gives the same task file, extra fields (e.g. label_nl) included."""
    original = json.loads((DATA / name).read_text())
    data, problems = from_tables(to_tables(original))
    assert problems == []
    assert parse_task_file(data).to_json_dict() == parse_task_file(original).to_json_dict()


def test_problems_are_tied_to_their_rows():
    """An unreadable slot text and an unknown supplier each sit on their own row; nothing else is reported."""
    tables = to_tables(json.loads((DATA / "tutorial.json").read_text()))
    tables.rows["tasks"][3]["slots"] = "mo 07:00-09:00"
    tables.rows["tasks"][5]["supplier"] = "asitoo"
    check = check_tables(tables)
    assert check.task_file is None
    assert set(check.by_row) == {("tasks", 4), ("tasks", 6)}
    assert "unknown day 'mo'" in check.by_row[("tasks", 4)][0]
    assert "did you mean `asito`" in check.by_row[("tasks", 6)][0]
    assert check.general == []


def test_blank_rows_from_an_editor_are_ignored():
    """A fresh empty line in the editor is not a task with missing fields."""
    tables = to_tables(json.loads((DATA / "tutorial.json").read_text()))
    tables.rows["tasks"].append({c: None for c in tables.rows["tasks"][0]})
    assert check_tables(tables).task_file is not None


def test_row_of_problem_finds_records_by_id_or_number():
    """'task T03: ...' and 'supplier #2, field id' point at their rows."""
    tables = to_tables(json.loads((DATA / "tutorial.json").read_text()))
    assert row_of_problem(tables, "task T03, slot 1: end 05:00 is not after start 07:00") == ("tasks", 3)
    assert row_of_problem(tables, "supplier #2, field id: is missing") == ("suppliers", 2)
    assert row_of_problem(tables, "file: there are no tasks") is None


def test_hygiene_and_the_new_rules_round_trip_through_the_tables():
    """A task's hygiene class is a column (empty = none) and rules 8-13 ride along unchanged."""
    original = json.loads((DATA / "tutorial.json").read_text())
    original["tasks"][0]["hygiene"] = "dirty"
    original["rules"].update(max_work_days=4, min_rest_hours=12.5, start_step_minutes=30, hygiene_order=False,
                             spread_flexible_slots=False, changeover_minutes=0)
    tables = to_tables(original)
    assert tables.rows["tasks"][0]["hygiene"] == "dirty"
    tables.rows["tasks"][1]["hygiene"] = "food"
    tables.rows["tasks"][2]["hygiene"] = ""
    again = check_tables(tables).task_file
    assert [t.hygiene for t in again.tasks[:3]] == ["dirty", "food", None]
    rules = again.rules
    assert (rules.max_work_days, rules.min_rest_hours, rules.start_step_minutes, rules.hygiene_order,
            rules.spread_flexible_slots, rules.changeover_minutes) == (4, 12.5, 30, False, False, 0)


def test_a_wrong_hygiene_class_and_a_crowded_task_land_on_their_rows():
    """Rule problems name the task, so they sit next to its row like any other problem."""
    tables = to_tables(json.loads((DATA / "tutorial.json").read_text()))
    tables.rows["tasks"][1]["hygiene"] = "vies"
    tables.rows["tasks"][8]["slots"] = "ma 12:00-17:00 4u flexibel; ma 12:00-17:00 4u flexibel"
    check = check_tables(tables)
    assert "field hygiene" in check.by_row[("tasks", 2)][0]
    assert "spread_flexible_slots" in check.by_row[("tasks", 9)][0]


def test_notes_on_tasks_no_job_can_hold_sit_on_their_row_and_do_not_block():
    """The kick-off's 8-hour guard shift gives a note on its own row; the file is still valid."""
    tables = to_tables(json.loads((DATA / "uu_kickoff.json").read_text()))
    check = check_tables(tables)
    assert check.task_file is not None and check.problems == []
    row = next(n for n, r in enumerate(tables.rows["tasks"], start=1) if r["id"] == "T053")
    assert list(check.notes) == [("tasks", row)] and "rule 11" in check.notes[("tasks", row)][0]

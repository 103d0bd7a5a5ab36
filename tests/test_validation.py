"""Validation of task files: every problem at once, each named by task, slot and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bundler.io import read_task_file
from bundler.validation import InputError, parse_task_file
from tasks_factory import WEEKDAYS, fixed, flexible, task, task_data

DATA = Path(__file__).resolve().parents[1] / "data"


def good() -> dict:
    """Two tasks that form a valid 20-hour job; each test breaks one thing."""
    return task_data([
        task("T001", "asito", "edu", fixed(WEEKDAYS, "07:00", "09:00"), skills=["clean"]),
        task("T002", "sodexo", "edu", fixed(WEEKDAYS, "09:00", "11:00")),
    ], travel=[("edu", "lib", 5)])


def problems_of(data: dict) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_task_file(data)
    return caught.value.problems


def test_the_good_file_and_the_example_files_parse():
    """No problems in well-formed files, including both example files."""
    assert len(parse_task_file(good()).tasks) == 2
    for name in ("tutorial.json", "uu_kickoff.json"):
        assert read_task_file(DATA / name).tasks


def slot(data: dict, task_index: int, slot_index: int) -> dict:
    return data["tasks"][task_index]["slots"][slot_index]


CASES = [
    ("end-before-start", lambda d: slot(d, 1, 1).update(start="10:00", end="09:00"),
     ["task T002, slot 2", "end", "09:00", "10:00"]),
    ("time-without-leading-zero", lambda d: slot(d, 0, 0).update(start="7:00"), ["task T001, slot 1", "start", "7:00"]),
    ("hour-25", lambda d: slot(d, 0, 2).update(end="25:00"), ["task T001, slot 3", "end", "25:00"]),
    ("minute-60", lambda d: slot(d, 0, 0).update(start="06:60"), ["task T001, slot 1", "06:60"]),
    ("unknown-day", lambda d: slot(d, 0, 0).update(day="mo"), ["task T001, slot 1", "day"]),
    ("unknown-supplier", lambda d: d["tasks"][0].update(supplier="asitoo"), ["task T001", "asitoo", "did you mean `asito`"]),
    ("unknown-location", lambda d: d["tasks"][0].update(location="edux"), ["task T001", "edux", "`edu`"]),
    ("unknown-skill", lambda d: d["tasks"][0].update(skills=["cleen"]), ["task T001", "cleen", "`clean`"]),
    ("travel-to-unknown-place", lambda d: d["travel"].append({"from": "edu", "to": "nowhere", "minutes": 3}),
     ["travel edge 2", "nowhere"]),
    ("negative-travel", lambda d: d["travel"][0].update(minutes=-5), ["travel", "minutes"]),
    ("duplicate-task-id", lambda d: d["tasks"][1].update(id="T001"), ["task id `T001`", "unique"]),
    ("duplicate-supplier-id", lambda d: d["suppliers"].append({"id": "asito"}), ["supplier id `asito`"]),
    ("duplicate-location-id", lambda d: d["locations"].append({"id": "edu"}), ["location id `edu`"]),
    ("flexible-window-too-short", lambda d: d["tasks"][0]["slots"].append(flexible(["sat"], "08:00", "09:00", 90)),
     ["task T001, slot 6", "window 08:00-09:00", "90 minutes"]),
    ("flexible-zero-minutes", lambda d: d["tasks"][0]["slots"].append(flexible(["sat"], "08:00", "09:00", 0)),
     ["task T001, slot 6", "minutes"]),
    ("neither-fixed-nor-flexible", lambda d: d["tasks"][0]["slots"].append({"start": "08:00"}),
     ["task T001, slot 6", "fixed", "flexible"]),
    ("min-above-max-job-hours", lambda d: d["rules"].update(min_job_hours=30, max_job_hours=24),
     ["min_job_hours 30", "max_job_hours 24"]),
    ("min-above-max-day-hours", lambda d: d["rules"].update(min_day_hours=9, max_day_hours=8), ["min_day_hours 9"]),
    ("unknown-objective", lambda d: d["rules"].update(objective="fastest"), ["objective"]),
    ("incompatible-unknown-task", lambda d: d["incompatible"].append(["T001", "T00X"]), ["incompatible pair 1", "T00X"]),
    ("incompatible-with-itself", lambda d: d["incompatible"].append(["T001", "T001"]), ["incompatible pair 1", "itself"]),
    ("pinned-unknown-task", lambda d: d["pinned"].append({"id": "J01", "tasks": ["T001", "T009"]}),
     ["pinned job J01", "T009"]),
    ("pinned-twice", lambda d: d["pinned"].extend([{"id": "J01", "tasks": ["T001", "T002"]},
                                                   {"id": "J02", "tasks": ["T002"]}]), ["pinned job J02", "T002", "J01"]),
    ("pinned-breaks-a-rule", lambda d: d["pinned"].append({"id": "J01", "tasks": ["T001"]}),
     ["pinned job J01", "10 h a week", "20"]),
    ("no-tasks", lambda d: d.update(tasks=[]), ["no tasks"]),
    ("wrong-format", lambda d: d.update(format="bundler-tasks/9"), ["format", "bundler-tasks/9"]),
    ("task-without-slots", lambda d: d["tasks"][1].update(slots=[]), ["task T002", "slots"]),
    ("task-without-id", lambda d: d["tasks"][1].pop("id"), ["task #2", "id", "missing"]),
]


@pytest.mark.parametrize("breaks, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_problem_is_named(breaks, expected):
    """One broken thing gives a problem line that names where it is and what is wrong."""
    data = good()
    breaks(data)
    problems = problems_of(data)
    assert any(all(part in line for part in expected) for line in problems), problems


def test_all_problems_are_reported_at_once():
    """Three different problems in three places: three lines, shape and reference problems alike."""
    data = good()
    slot(data, 1, 1).update(start="10:00", end="09:00")
    data["tasks"][0]["supplier"] = "asitoo"
    data["travel"].append({"from": "edu", "to": "nowhere", "minutes": 3})
    problems = problems_of(data)
    assert len(problems) == 3, problems
    assert any("task T002, slot 2" in p for p in problems)
    assert any("asitoo" in p for p in problems)
    assert any("nowhere" in p for p in problems)


def test_references_to_a_broken_record_are_not_reported_twice():
    """A task with a bad time is set aside, but the pinned job naming it is not called unknown."""
    data = good()
    slot(data, 1, 0).update(end="06:00")
    data["pinned"].append({"id": "J01", "tasks": ["T001", "T002"]})
    problems = problems_of(data)
    assert problems == [p for p in problems if "unknown task" not in p]
    assert any("task T002, slot 1" in p for p in problems)


def test_null_rules_mean_defaults_except_the_skill_limit():
    """`null` for a rule means its default; for max_skills_per_job it means no limit."""
    data = good()
    data["rules"] = {"min_job_hours": None, "max_skills_per_job": None}
    rules = parse_task_file(data).rules
    assert rules.min_job_hours == 20 and rules.max_skills_per_job is None


def test_screening_fields_are_optional_and_checked():
    """A task may leave out the screening levels; a level outside low/medium/high is named; absent ones stay out of the JSON."""
    data = json.loads((Path(__file__).resolve().parents[1] / "data" / "tutorial.json").read_text())
    del data["tasks"][1]["pace"]
    data["tasks"][0]["pace"] = "hoog"
    with pytest.raises(InputError) as caught:
        parse_task_file(data)
    assert caught.value.problems == ["task T01, field pace: Input should be 'low', 'medium' or 'high' (got 'hoog')"]
    data["tasks"][0]["pace"] = "high"
    written = parse_task_file(data).to_json_dict()
    assert written["tasks"][0]["pace"] == "high" and "pace" not in written["tasks"][1]

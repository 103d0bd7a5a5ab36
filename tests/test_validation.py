"""Validation of task files: every problem at once, each named by task, slot and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tasks_factory import WEEKDAYS, fixed, flexible, task, task_data

from bundler.io import read_task_file
from bundler.rules import RELAXED_RULES
from bundler.validation import InputError, parse_task_file, placement_notes

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
    # rules 8-13, the start grid and spreading: each bad value names its field and says what is allowed
    ("work-days-above-7", lambda d: d["rules"].update(max_work_days=8),
     ["rules, field max_work_days", "less than or equal to 7", "got 8"]),
    ("work-days-zero", lambda d: d["rules"].update(max_work_days=0), ["rules, field max_work_days", "1", "got 0"]),
    ("work-days-fraction", lambda d: d["rules"].update(max_work_days=4.5), ["rules, field max_work_days", "4.5"]),
    ("rest-above-a-day", lambda d: d["rules"].update(min_rest_hours=25), ["rules, field min_rest_hours", "24", "got 25"]),
    ("negative-weekly-rest", lambda d: d["rules"].update(min_weekly_rest_hours=-1),
     ["rules, field min_weekly_rest_hours", "got -1"]),
    ("zero-start-step", lambda d: d["rules"].update(start_step_minutes=0), ["rules, field start_step_minutes", "got 0"]),
    ("break-after-zero-hours", lambda d: d["rules"].update(break_after_hours=0),
     ["rules, field break_after_hours", "greater than 0"]),
    ("break-in-words", lambda d: d["rules"].update(min_break_minutes="dertig"),
     ["rules, field min_break_minutes", "dertig"]),
    ("negative-changeover", lambda d: d["rules"].update(changeover_minutes=-10),
     ["rules, field changeover_minutes", "got -10"]),
    ("hygiene-order-not-a-boolean", lambda d: d["rules"].update(hygiene_order="ja"),
     ["rules, field hygiene_order", "boolean", "'ja'"]),
    ("spread-not-a-boolean", lambda d: d["rules"].update(spread_flexible_slots="misschien"),
     ["rules, field spread_flexible_slots", "boolean"]),
    ("unknown-hygiene-class", lambda d: d["tasks"][1].update(hygiene="vies"),
     ["task T002, field hygiene", "'dirty', 'clean', 'food' or 'patient'", "got 'vies'"]),
    ("two-flexible-slots-one-day", lambda d: d["tasks"][0]["slots"].extend([flexible(["sat"], "08:00", "12:00", 60)] * 2),
     ["task T001, slots 6, 7", "2 flexible slots must go to different days", "only use sat",
      "set spread_flexible_slots to false"]),
    ("flexible-slot-on-a-fixed-day", lambda d: d["tasks"][0]["slots"].append(flexible(["mon"], "12:00", "16:00", 60)),
     ["task T001, slot 6", "only day (mon) has a fixed slot", "add another day"]),
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


def test_null_means_not_given_everywhere():
    """`null` for an optional field is its default: file name, rules, a supplier's cao, a task's hygiene, a rule."""
    data = good()
    data["name"] = None
    data["suppliers"][0]["cao"] = None
    data["tasks"][0]["hygiene"] = None
    parsed = parse_task_file(data)
    assert parsed.name == "" and parsed.suppliers[0].cao == "" and parsed.tasks[0].hygiene is None
    assert "hygiene" not in parsed.to_json_dict()["tasks"][0]
    data["rules"] = None
    assert parse_task_file(data).rules.max_work_days == 5
    data["rules"] = {"max_work_days": None, "hygiene_order": None, "min_rest_hours": None}
    rules = parse_task_file(data).rules
    assert (rules.max_work_days, rules.hygiene_order, rules.min_rest_hours) == (5, True, 11)


def _flexible_only(*slots: dict, rules: dict | None = None) -> dict:
    """A 20-hour task whose last slots are the flexible ones under test."""
    return task_data([task("T5", "asito", "edu", fixed(["mon", "tue"], "07:00", "15:00") + list(slots))],
                     rules=rules)


def test_spreading_names_only_the_slots_that_compete_for_too_few_days():
    """Slots 3 and 5 both need tue (mon has fixed work); slot 4 can take wed, so it is not named."""
    data = _flexible_only(flexible(["mon", "tue"], "08:00", "12:00", 60), flexible(["tue", "wed"], "08:00", "12:00", 60),
                          flexible(["tue"], "08:00", "12:00", 60), flexible(["thu", "fri"], "08:00", "12:00", 60))
    data["tasks"][0]["slots"] = [data["tasks"][0]["slots"][0]] + data["tasks"][0]["slots"][2:]  # fixed on mon only
    assert problems_of(data) == [
        "task T5, slots 2, 4: these 2 flexible slots must go to different days (spread_flexible_slots) but can only "
        "use tue (mon is taken by a fixed slot); add days to these slots or set spread_flexible_slots to false"]


def test_slots_that_can_be_spread_parse_and_without_spreading_anything_goes():
    """Enough distinct free days is no problem; with spread_flexible_slots false two slots may share a fixed day."""
    crowded = [flexible(["mon"], "16:00", "18:00", 60), flexible(["mon"], "16:00", "18:00", 60)]
    assert problems_of(_flexible_only(*crowded))
    assert parse_task_file(_flexible_only(*crowded, rules={"spread_flexible_slots": False}))
    spread = [flexible(["wed", "fri"], "08:00", "12:00", 60), flexible(["wed", "thu"], "08:00", "12:00", 60),
              flexible(["tue", "wed"], "08:00", "12:00", 60)]  # wed goes to the last one: a reshuffle
    assert parse_task_file(_flexible_only(*spread))


def test_the_start_grid_never_leaves_a_window_without_a_start():
    """A window as long as its minutes has one start on any grid (earliest itself); a shorter one keeps its message."""
    exact = _flexible_only(flexible(["wed"], "08:07", "09:12", 65), rules={"start_step_minutes": 240})
    assert parse_task_file(exact).tasks[0].slots[2].earliest == "08:07"
    short = _flexible_only(flexible(["wed"], "08:00", "09:00", 65), rules={"start_step_minutes": 15})
    assert problems_of(short) == ["task T5, slot 3: window 08:00-09:00 (60 min) is shorter than its 65 minutes"]


def test_spreading_problems_come_with_the_shape_problems_but_not_under_broken_rules():
    """One run reports a bad time and a crowded task together; with broken rules spreading is not judged."""
    data = good()
    slot(data, 1, 0).update(end="06:00")
    data["tasks"][0]["slots"].extend([flexible(["sat"], "08:00", "12:00", 60)] * 2)
    problems = problems_of(data)
    assert any(p.startswith("task T002, slot 1") for p in problems)
    assert any(p.startswith("task T001, slots 6, 7") for p in problems)
    data["rules"]["max_work_days"] = 9
    problems = problems_of(data)
    assert any("max_work_days" in p for p in problems) and not any("spread" in p for p in problems)


def _notes(slots: list[dict], **rules) -> list[str]:
    return placement_notes(parse_task_file(task_data([task("T9", "asito", "edu", slots)], rules=rules)))


def test_placement_notes_explain_a_task_no_job_can_hold():
    """Rules 8-11 broken by a task's own slots: one note each, naming the task, the rule and what to change."""
    assert _notes(fixed(WEEKDAYS, "07:00", "11:00")) == []
    long = _notes(fixed("mon", "07:00", "15:00") + fixed("wed", "07:00", "10:00"))
    assert long == ["task T9, slot 1: 8 h of work in one go, but a day with more than 5.5 h of work needs a pause "
                    "of 30 min (rule 11), so no job can hold this task; split the slot around a pause, or change "
                    "break_after_hours or min_break_minutes"]
    assert _notes(fixed("mon", "07:00", "15:00"), min_break_minutes=0) == []
    six_days = _notes(fixed([*WEEKDAYS, "sat"], "07:00", "10:00"))
    assert len(six_days) == 1 and "at least 6 days a week, more than max_work_days 5 (rule 8)" in six_days[0]
    flexible_days = _notes(fixed(["mon", "tue", "wed"], "07:00", "10:00")
                           + [flexible(["thu", "fri", "sat"], "08:00", "12:00", 60)] * 3)
    assert "at least 6 days" in flexible_days[0]
    night_then_morning = _notes(fixed("mon", "18:00", "22:00") + fixed("tue", "06:00", "09:00"))
    assert night_then_morning == ["task T9: only 8 h of rest from mon to tue, less than min_rest_hours 11 (rule 9), "
                                  "so no job can hold this task; move its slots apart or lower min_rest_hours"]
    every_day = _notes(fixed([*WEEKDAYS, "sat", "sun"], "07:00", "10:00"), max_work_days=7)
    assert len(every_day) == 1 and "longest rest in the week is 21 h" in every_day[0] and "rule 10" in every_day[0]


def test_placement_notes_are_no_errors_and_vanish_under_the_old_rules():
    """The kick-off's 8-hour guard shift parses (it simply stays unassigned); under the old rules nothing is noted."""
    kickoff = read_task_file(DATA / "uu_kickoff.json")
    notes = placement_notes(kickoff)
    assert len(notes) == 1 and notes[0].startswith("task T053, slots 1, 2, 3, 4, 5: 8 h of work in one go")
    assert placement_notes(read_task_file(DATA / "tutorial.json")) == []
    data = json.loads((DATA / "uu_kickoff.json").read_text())
    data["rules"].update(RELAXED_RULES)
    assert placement_notes(parse_task_file(data)) == []

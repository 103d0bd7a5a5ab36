"""A carved job's vacancy says what is adjusted, in every format, and never for whom."""

from __future__ import annotations

import json

from vacancy_plans import tutorial_plan

from bundler.cli import main
from bundler.people.adjustments import adjustment_text
from bundler.people.candidates import parse_candidate_file
from bundler.vacancies import plan_files

PERSON = {"id": "K77", "alias": "Kandidaat Zevenenzeventig", "note": "graag rustige collega's",
          "available": [{"days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "until": "15:00"}],
          "max_day_hours": 5, "limits": {"customer_contact": "low"}}


def _carved(plan):
    """The tutorial plan with its first job made for K77."""
    data = plan.to_json_dict()
    data["jobs"][0]["candidate"] = "K77"
    return data


def test_the_carved_jobs_drafts_carry_its_adjustments_and_no_person(tmp_path, capsys):
    task_file, plan = tutorial_plan()
    tasks, plan_path, people = tmp_path / "tasks.json", tmp_path / "plan.json", tmp_path / "people.json"
    tasks.write_text(json.dumps(task_file.to_json_dict()))
    carved = _carved(plan)
    plan_path.write_text(json.dumps(carved))
    people.write_text(json.dumps({"format": "bundler-candidates/1", "candidates": [PERSON]}))
    assert main(["vacancies", str(tasks), str(plan_path), "--out", str(tmp_path / "out"),
                 "--candidates", str(people)]) == 0
    first, other = carved["jobs"][0]["id"], carved["jobs"][1]["id"]
    nl = (tmp_path / "out" / f"{first}.nl.md").read_text()
    en = (tmp_path / "out" / f"{first}.en.md").read_text()
    assert "Deze baan is op maat gemaakt: start na 09:00, klaar vóór 15:00, max 5 uur per dag" in nl
    assert "This job is made to measure: starts after 09:00" in en
    assert "op maat" not in (tmp_path / "out" / f"{other}.nl.md").read_text()  # made for nobody
    for path in (tmp_path / "out").iterdir():
        text = path.read_bytes().decode("utf-8", "replace")
        for private in ("K77", "Zevenenzeventig", "rustige collega"):
            assert private not in text, (path.name, private)


def test_without_the_candidate_file_the_drafts_say_nothing_of_adjustments():
    task_file, plan = tutorial_plan()
    from bundler.domain import Plan

    carved = Plan.model_validate(_carved(plan))
    files = plan_files(task_file, carved, ("nl",))
    assert not any("op maat" in content.decode("utf-8", "replace") for content in files.values())
    people = parse_candidate_file({"candidates": [PERSON]}, task_file)
    said = adjustment_text(task_file, carved.jobs[0], people, "nl")
    files = plan_files(task_file, carved, ("nl",), adjustments=lambda job, lang: (
        adjustment_text(task_file, job, people, lang)))
    docx = next(name for name in files if name.endswith(".docx") and name.startswith(carved.jobs[0].id))
    assert said and said.split(",")[0].encode() in files[docx.replace(".docx", ".md")]

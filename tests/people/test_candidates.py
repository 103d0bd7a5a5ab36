"""The candidate file: every problem at once, one line each naming the candidate and the
field; exit code 2 on the command line, no traceback; and never the content of a note or
an alias in a message (no candidate data in logs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from people_factory import two_site_file, write

from bundler.cli import main
from bundler.people.candidates import (
    CandidateFile,
    parse_candidate_file,
    read_candidate_file,
)
from bundler.validation import InputError

DATA = Path(__file__).resolve().parents[2] / "data"
SECRET = "heeft last van zijn rug na een ongeluk"


def problems(data, task_file=None) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_candidate_file(data, task_file)
    return caught.value.problems


def test_the_example_file_is_valid_against_the_kickoff():
    """data/candidates.json: 20 people, every skill and place known to the example kick-off."""
    from bundler.io import read_task_file

    people = read_candidate_file(DATA / "candidates.json", read_task_file(DATA / "uu_kickoff.json"))
    assert len(people.candidates) == 20


def test_every_problem_at_once_names_candidate_and_field():
    """Shape problems (times, days, levels, ranges) and references (skills, places, ids) in one run."""
    found = problems({"candidates": [
        {"id": "K01", "available": [{"days": ["mon"], "from": "9:00", "until": "15:00"}]},
        {"id": "K02", "available": [{"days": ["mo"], "from": "09:00", "until": "15:00"}]},
        {"id": "K03", "available": [{"days": ["tue"], "from": "15:00", "until": "09:00"}]},
        {"id": "K04", "limits": {"pace": "slow"}},
        {"id": "K05", "min_week_hours": 30, "max_week_hours": 20},
        {"id": "K06", "skills": ["cleaning-basc"], "reach": ["uithoff"]},
        {"id": "K06"},
        {"alias": "no id"},
    ]}, two_site_file())
    expected = [
        "candidate K01, window 1, field from: time '9:00' is not HH:MM",
        "candidate K02, window 1, days item 1:",
        "candidate K03, window 1: until 09:00 is not after from 15:00",
        "candidate K04, limits, field pace:",
        "candidate K05: min_week_hours 30 is more than max_week_hours 20",
        "candidate #8, field id: is missing",
        "candidate id `K06` is used 2 times",
        "candidate K06, field skills: unknown skill `cleaning-basc`",
        "candidate K06, field reach: `uithoff` is no location or site of the task file - did you mean `uithof`?",
    ]
    for line in expected:
        assert any(p.startswith(line) for p in found), (line, found)


def test_only_what_the_fit_rules_need_plus_a_note():
    """A field beyond the contract (a name, a diagnosis) is refused as a privacy problem, and the
    message never repeats what was in it, nor what is in a note or an alias that is too long."""
    found = problems({"candidates": [
        {"id": "K01", "diagnosis": SECRET},
        {"id": "K02", "note": SECRET * 40, "alias": SECRET * 3},
    ]})
    assert any(p.startswith("candidate K01, field diagnosis: is not a field of a candidate file") for p in found)
    assert any(p == "candidate K02, field note: is longer than 1000 characters" for p in found)
    assert any(p == "candidate K02, field alias: is longer than 60 characters" for p in found)
    assert not any("rug" in p for p in found)


def test_not_an_object_and_wrong_format():
    assert problems([]) == ["file: a candidate file is a JSON object, got list"]
    assert problems({"format": "bundler-tasks/1"}) == \
        ["file, field format: 'bundler-tasks/1' is not 'bundler-candidates/1'"]
    assert problems({"candidates": {"K01": {}}}) == ["file, field candidates: must be a list of candidates"]


def test_null_means_not_given_and_round_trips():
    """`null` is "no limit", as for task files; the file writes back what it read."""
    data = {"format": "bundler-candidates/1", "candidates": [
        {"id": "K01", "alias": "Kandidaat 1", "available": None, "skills": None, "max_day_hours": 5,
         "limits": {"pace": "low", "customer_contact": None}, "note": "ok"}]}
    people = parse_candidate_file(data)
    person = people.candidates[0]
    assert person.available is None and person.skills is None and person.limits.given() == {"pace": "low"}
    again = parse_candidate_file(people.to_json_dict())
    assert again == people


def test_export_and_erase_one_person():
    people = CandidateFile.model_validate({"candidates": [{"id": "K01"}, {"id": "K02", "note": "x"}]})
    assert [c.id for c in people.only("K02").candidates] == ["K02"]
    assert [c.id for c in people.without("K02").candidates] == ["K01"]


def test_command_line_exits_2_with_one_line_per_problem(tmp_path, capsys):
    """`bundler match` and `bundler carve` with a broken candidate file: exit 2, every problem on
    its own line with the file name, the candidate and the field, no traceback, no note content."""
    tasks = write(tmp_path / "tasks.json", two_site_file())
    plan = write(tmp_path / "plan.json", {"format": "bundler-plan/1", "status": "FEASIBLE", "jobs": []})
    bad = write(tmp_path / "people.json", {"candidates": [
        {"id": "K01", "max_work_days": 9, "note": SECRET},
        {"id": "K02", "skills": ["coffe"], "secret_field": SECRET}]})
    assert main(["match", str(tasks), str(plan), str(bad), "--out", str(tmp_path / "m.json")]) == 2
    err = capsys.readouterr().err
    assert "people.json: candidate K01, field max_work_days:" in err
    assert "people.json: candidate K02, field secret_field: is not a field of a candidate file" in err
    assert "Traceback" not in err and "rug" not in err
    assert main(["carve", str(tasks), str(bad), "--out", str(tmp_path / "p.json")]) == 2
    assert "candidate K01, field max_work_days" in capsys.readouterr().err
    empty = tmp_path / "empty.json"
    empty.write_text("")
    assert main(["carve", str(tasks), str(empty), "--out", str(tmp_path / "p.json")]) == 2
    assert "the candidate file is empty" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text('{"candidates": [')
    assert main(["carve", str(tasks), str(broken), "--out", str(tmp_path / "p.json")]) == 2
    assert "invalid JSON" in capsys.readouterr().err
    assert not (tmp_path / "p.json").exists()


def test_the_example_script_makes_the_same_file():
    """data/make_candidates.py reproduces data/candidates.json exactly."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_candidates", DATA / "make_candidates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.candidates() == json.loads((DATA / "candidates.json").read_text(encoding="utf-8"))

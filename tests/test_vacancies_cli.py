"""`bundler vacancies TASKS PLAN --out DIR`: every file written; bad input exits 2 with a plain message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from vacancy_plans import DATA, tutorial_plan

from bundler.cli import main
from bundler.io import write_json

TUTORIAL = DATA / "tutorial.json"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def plan_path(tmp_path) -> Path:
    path = tmp_path / "plan.json"
    write_json(tutorial_plan()[1], path)
    return path


def test_writes_every_job_in_both_languages_and_all_formats(capsys, tmp_path, plan_path):
    """Six files per job (nl/en x md/docx/jsonld), each printed, each readable in its own format."""
    out = tmp_path / "vacatures"
    code, stdout, _ = run(capsys, "vacancies", TUTORIAL, plan_path, "--out", out)
    assert code == 0
    jobs = [j.id for j in tutorial_plan()[1].jobs]
    expected = {f"{j}.{lang}.{fmt}" for j in jobs for lang in ("nl", "en") for fmt in ("md", "docx", "jsonld")}
    assert {p.name for p in out.iterdir()} == expected
    assert all(str(out / name) in stdout for name in expected)
    assert f"24 files for {len(jobs)} jobs" in stdout
    for j in jobs:
        assert (out / f"{j}.nl.md").read_text(encoding="utf-8").startswith("# Medewerker ")
        assert json.loads((out / f"{j}.en.jsonld").read_text(encoding="utf-8"))["@type"] == "JobPosting"
        assert Document(str(out / f"{j}.nl.docx")).tables


def test_one_language_only(capsys, tmp_path, plan_path):
    """--lang en writes only the English drafts."""
    code, _, _ = run(capsys, "vacancies", TUTORIAL, plan_path, "--out", tmp_path / "en", "--lang", "en")
    assert code == 0 and {p.name.split(".")[1] for p in (tmp_path / "en").iterdir()} == {"en"}


def _plan_with(tmp_path: Path, change) -> Path:
    data = tutorial_plan()[1].to_json_dict()
    change(data)
    path = tmp_path / "changed-plan.json"
    path.write_text(json.dumps(data))
    return path


BAD_INPUT = [
    ("unknown-task", lambda tmp, plan: (TUTORIAL, _plan_with(tmp, lambda d: d["jobs"][0]["tasks"].append("T99"))),
     ["changed-plan.json", "job J01", "task T99", "not in the task file"]),
    ("unknown-supplier", lambda tmp, plan: (TUTORIAL, _plan_with(tmp, lambda d: d["jobs"][1].update(employer="asitoo"))),
     ["job J02", "supplier asitoo"]),
    ("unknown-location", lambda tmp, plan: (TUTORIAL, _plan_with(tmp, lambda d: d["jobs"][0]["schedule"][0].update(location="mars"))),
     ["job J01", "schedule entry 1", "location mars"]),
    ("no-jobs", lambda tmp, plan: (TUTORIAL, _plan_with(tmp, lambda d: d.update(jobs=[], status="UNKNOWN"))),
     ["no jobs", "UNKNOWN"]),
    ("missing-plan", lambda tmp, plan: (TUTORIAL, tmp / "nope.json"), ["nope.json", "not found"]),
    ("missing-tasks", lambda tmp, plan: (tmp / "geen.json", plan), ["geen.json", "not found"]),
    ("broken-plan-json", lambda tmp, plan: (TUTORIAL, _write(tmp / "kapot.json", '{"jobs": [')),
     ["kapot.json", "invalid JSON"]),
    ("plan-field-wrong", lambda tmp, plan: (TUTORIAL, _plan_with(tmp, lambda d: d["jobs"][0].update(hours="veel"))),
     ["job J01", "hours"]),
]


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


@pytest.mark.parametrize("make, words", [(m, w) for _, m, w in BAD_INPUT], ids=[i for i, _, _ in BAD_INPUT])
def test_bad_input_exits_2_naming_the_file_field_or_job(capsys, tmp_path, plan_path, make, words):
    """Each broken input gives exit code 2, no traceback, and a message with the file, job or field at fault."""
    tasks, plan = make(tmp_path, plan_path)
    code, out, err = run(capsys, "vacancies", tasks, plan, "--out", tmp_path / "out")
    assert code == 2
    assert all(w in err for w in words), err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_missing_catalogue_exits_2_with_one_plain_line(capsys, tmp_path, plan_path, monkeypatch):
    """An installation without its skills catalogue writes nothing and says so on stderr (exit 2, no traceback)."""
    from bundler.vacancies import catalogue

    monkeypatch.setattr(catalogue, "PACKAGE_PATH", ("data", "missing_skills.json"))
    catalogue._packaged.cache_clear()
    try:
        code, _, err = run(capsys, "vacancies", TUTORIAL, plan_path, "--out", tmp_path / "out")
    finally:
        catalogue._packaged.cache_clear()
    assert code == 2
    assert "skills catalogue not found" in err and "missing_skills.json" in err and "reinstall bundler" in err
    assert not (tmp_path / "out").exists()


def test_notes_for_hr_are_printed_as_warnings(caplog, capsys, tmp_path):
    """Tasks without a Dutch title and screening gaps are named on the command line, once per draft."""
    from vacancy_plans import hospital

    task_file, plan = hospital(reception_contact=None)
    tasks, plan_file = tmp_path / "tasks.json", tmp_path / "plan.json"
    write_json(task_file, tasks)
    write_json(plan, plan_file)
    with caplog.at_level("WARNING", logger="bundler.vacancies"):
        code, _, _ = run(capsys, "vacancies", tasks, plan_file, "--out", tmp_path / "out", "--lang", "nl")
    assert code == 0
    lines = [r.getMessage() for r in caplog.records]
    assert "J01 (nl): task H1 (12 h) has no customer_contact; so the draft says nothing about customer contact; " \
           "ask the supplier" in lines
    assert any(line.startswith("J01 (nl): task H2: no Dutch title ('Discharge cleaning patient rooms')")
               for line in lines)

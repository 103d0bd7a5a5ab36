"""The command line: exit codes, plain messages on bad input, good paths, determinism."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bundler.cli import main
from bundler.io.json_io import MAX_FILE_BYTES

TUTORIAL = Path(__file__).resolve().parents[1] / "data" / "tutorial.json"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def tutorial() -> dict:
    return json.loads(TUTORIAL.read_text())


def write(tmp_path: Path, name: str, content: str | bytes | dict) -> Path:
    path = tmp_path / name
    if isinstance(content, dict):
        content = json.dumps(content)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    return path


def broken(change) -> dict:
    data = tutorial()
    change(data)
    return data


def _huge(tmp_path: Path) -> Path:
    path = tmp_path / "huge.json"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no real disk use
    return path


# (case id, how to make the input file, words the message must contain)
BAD_TASK_FILES = [
    ("missing-file", lambda tmp: tmp / "nope.json", ["nope.json", "not found"]),
    ("a-folder", lambda tmp: tmp, ["folder"]),
    ("empty-file", lambda tmp: write(tmp, "empty.json", ""), ["empty"]),
    ("only-whitespace", lambda tmp: write(tmp, "blank.json", "  \n\t\n"), ["empty"]),
    ("invalid-json", lambda tmp: write(tmp, "bad.json", '{"tasks": [\n  {"id": "T1",,}\n]}'), ["line 2", "column"]),
    ("json-list", lambda tmp: write(tmp, "list.json", "[1, 2]"), ["JSON object", "list"]),
    ("not-utf8", lambda tmp: write(tmp, "latin.json", '{"name": "caf\xe9"}'.encode("latin-1")), ["UTF-8"]),
    ("huge-file", _huge, ["MB"]),
    ("wrong-time", lambda tmp: write(tmp, "t.json", broken(lambda d: d["tasks"][2]["slots"][0].update(end="7:3"))),
     ["task T03, slot 1", "end"]),
    ("unknown-supplier", lambda tmp: write(tmp, "t.json", broken(lambda d: d["tasks"][0].update(supplier="asitoo"))),
     ["task T01", "asitoo", "did you mean"]),
    ("duplicate-ids", lambda tmp: write(tmp, "t.json", broken(lambda d: d["tasks"][1].update(id="T01"))),
     ["T01", "unique"]),
    ("min-above-max", lambda tmp: write(tmp, "t.json", broken(lambda d: d["rules"].update(min_job_hours=40))),
     ["min_job_hours 40"]),
    ("no-tasks", lambda tmp: write(tmp, "t.json", broken(lambda d: d.update(tasks=[]))), ["no tasks"]),
    ("slot-is-a-string", lambda tmp: write(tmp, "t.json", broken(lambda d: d["tasks"][0].update(slots=["mon 7-9"]))),
     ["task T01, slot 1"]),
    ("rule-out-of-range", lambda tmp: write(tmp, "t.json", broken(lambda d: d["rules"].update(max_work_days=8))),
     ["rules, field max_work_days", "8"]),
    ("flexible-slots-on-one-day", lambda tmp: write(tmp, "t.json", broken(
        lambda d: [s.update(days=["mon"]) for s in d["tasks"][8]["slots"]])),
     ["task T09, slots 1, 2, 3", "spread_flexible_slots"]),
]


@pytest.mark.parametrize("make, words", [c[1:] for c in BAD_TASK_FILES], ids=[c[0] for c in BAD_TASK_FILES])
@pytest.mark.parametrize("command", ["validate", "solve", "check"])
def test_bad_task_file_exit_2_with_a_plain_message(capsys, tmp_path, make, words, command):
    """Every command refuses a bad task file with exit 2 and a message that says where."""
    path = make(tmp_path)
    plan = write(tmp_path, "plan.json", {"status": "OPTIMAL"})
    argv = {"validate": ["validate", str(path)], "solve": ["solve", str(path), "--out", str(tmp_path / "out.json")],
            "check": ["check", str(path), str(plan)]}[command]
    code, out, err = run(capsys, *argv)
    assert code == 2
    message = out if command == "validate" else err
    assert all(word in message for word in words), message
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("plan_text, words", [
    ('{"format": "bundler-plan/1", "jobs": [}', ["line 1", "invalid JSON"]),
    ('{"format": "bundler-plan/1", "jobs": []}', ["status", "missing"]),
    ('{"status": "OPTIMAL", "jobs": [{"id": "J01"}]}', ["job", "tasks"]),
    ("", ["empty"]),
], ids=["broken-json", "no-status", "job-without-tasks", "empty"])
def test_bad_plan_file_exit_2(capsys, tmp_path, plan_text, words):
    """`check` refuses a malformed plan with exit 2 and names the field."""
    code, _, err = run(capsys, "check", str(TUTORIAL), str(write(tmp_path, "plan.json", plan_text)))
    assert code == 2
    assert all(word in err for word in words), err


def test_validate_notes_a_task_no_job_can_hold_but_exits_0(capsys, tmp_path):
    """A 7-hour slot without a pause is a note after the ok line, not bad input; the old rules silence it."""
    data = tutorial()
    data["tasks"][0]["slots"][0].update(start="07:00", end="14:00")
    code, out, _ = run(capsys, "validate", str(write(tmp_path, "t.json", data)))
    assert code == 0 and out.startswith("ok: 11 tasks")
    assert out.splitlines()[1:] == ["note: task T01, slot 1: 7 h of work in one go, but a day with more than 5.5 h "
                                    "of work needs a pause of 30 min (rule 11), so no job can hold this task; split "
                                    "the slot around a pause, or change break_after_hours or min_break_minutes"]
    data["rules"]["min_break_minutes"] = 0
    code, out, _ = run(capsys, "validate", str(write(tmp_path, "t.json", data)))
    assert code == 0 and "note:" not in out


@pytest.mark.parametrize("option", [["--time-limit", "0"], ["--workers", "0"], ["--time-limit", "-3"]])
def test_solve_refuses_nonsense_options(capsys, tmp_path, option):
    """A zero or negative time limit or worker count is bad input, not a crash."""
    code, _, err = run(capsys, "solve", str(TUTORIAL), "--out", str(tmp_path / "p.json"), *option)
    assert code == 2 and "--" in err
    assert not (tmp_path / "p.json").exists()


def test_unwritable_output_is_exit_2(capsys, tmp_path):
    """An --out path that cannot be written (a file stands where a folder should) is a plain error."""
    blocker = write(tmp_path, "blocker", "x")
    code, _, err = run(capsys, "solve", str(TUTORIAL), "--out", str(blocker / "plan.json"))
    assert code == 2 and "cannot write" in err


def test_solve_then_check_then_tamper(capsys, tmp_path):
    """Solve writes a plan check accepts; moving one schedule entry makes check exit 1 naming the job."""
    plan_path = tmp_path / "sub" / "plan.json"
    code, out, _ = run(capsys, "solve", str(TUTORIAL), "--out", str(plan_path), "--time-limit", "5", "--workers", "1")
    assert code == 0 and "status" in out and "OPTIMAL" in out
    code, out, _ = run(capsys, "check", str(TUTORIAL), str(plan_path))
    assert code == 0 and out.strip().endswith("0 violations")
    plan = json.loads(plan_path.read_text())
    entry = plan["jobs"][0]["schedule"][0]
    hours, minutes = map(int, entry["start"].split(":"))
    entry["start"] = f"{hours:02d}:{minutes + 15 if minutes < 45 else minutes - 15:02d}"
    plan_path.write_text(json.dumps(plan))
    code, out, _ = run(capsys, "check", str(TUTORIAL), str(plan_path))
    assert code == 1 and f"job {plan['jobs'][0]['id']}" in out and "INVALID" in out


def test_same_seed_same_plan(capsys, tmp_path):
    """Two solves with the same input, seed and workers write the same plan (apart from the run time)."""
    plans = []
    for name in ("a.json", "b.json"):
        assert run(capsys, "solve", str(TUTORIAL), "--out", str(tmp_path / name), "--seed", "3", "--workers", "2",
                   "--time-limit", "5")[0] == 0
        plan = json.loads((tmp_path / name).read_text())
        plan["solver"].pop("seconds")
        plans.append(plan)
    assert plans[0] == plans[1]


def test_commands_never_touch_the_input(capsys, tmp_path):
    """validate, solve and check leave the task file byte for byte as it was."""
    tasks = tmp_path / "tasks.json"
    shutil.copy(TUTORIAL, tasks)
    before = hashlib.sha256(tasks.read_bytes()).hexdigest()
    run(capsys, "validate", str(tasks))
    run(capsys, "solve", str(tasks), "--out", str(tmp_path / "plan.json"), "--heuristic-only")
    run(capsys, "check", str(tasks), str(tmp_path / "plan.json"))
    assert hashlib.sha256(tasks.read_bytes()).hexdigest() == before


def test_the_console_script_runs(tmp_path):
    """The installed `bundler` entry point works end to end as a separate process."""
    script = Path(sys.executable).with_name("bundler")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bundler.cli"]
    bad = write(tmp_path, "bad.json", "{")
    result = subprocess.run([*command, "validate", str(bad)], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 2 and "invalid JSON" in result.stdout and "Traceback" not in result.stderr
    result = subprocess.run([*command, "validate", str(TUTORIAL)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("ok: 11 tasks")

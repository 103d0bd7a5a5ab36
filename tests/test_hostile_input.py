"""Input an attacker or a careless tool would send: refused with exit 2 and one line naming the field.

Each case once slipped through (`validate` said ok, then `solve` crashed or hung) or
crashed with a traceback. The file is the tutorial with one thing changed; the JSON is
written as text, so the cases JSON allows but Python would not write (NaN, Infinity, a
5,000-digit number, a lone surrogate escape) are exactly what a file would hold.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bundler.limits import MAX_DEPTH, MAX_SLOTS, MAX_TASKS

TUTORIAL = Path(__file__).resolve().parents[1] / "data" / "tutorial.json"


from test_cli import run  # noqa: E402  (one way to run the command line in tests)


def tutorial() -> dict:
    return json.loads(TUTORIAL.read_text(encoding="utf-8"))


def changed(path: tuple, value) -> str:
    """The tutorial as JSON text with the value at `path` replaced by the JSON text `value`."""
    data = tutorial()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = "@@VALUE@@"
    return json.dumps(data).replace('"@@VALUE@@"', value)


def nested(levels: int) -> str:
    return "[" * levels + "]" * levels


# (case id, JSON text of the file, words the message must contain)
HOSTILE_TASK_FILES = [
    ("minutes-as-text", changed(("tasks", 8, "slots", 0, "minutes"), '"240"'),
     ["task T09, slot 1, field minutes", "not text '240'"]),
    ("minutes-as-boolean", changed(("tasks", 8, "slots", 0, "minutes"), "true"),
     ["task T09, slot 1, field minutes", "boolean"]),
    ("hours-as-text", changed(("rules", "max_job_hours"), '"36"'), ["rules, field max_job_hours", "number"]),
    ("flag-as-text", changed(("rules", "hygiene_order"), '"yes"'), ["rules, field hygiene_order", "boolean"]),
    ("infinity", changed(("travel", 0, "minutes"), "Infinity"), ["travel edge 1 (edu - minnaert)", "finite"]),
    ("nan", changed(("rules", "min_day_hours"), "NaN"), ["rules, field min_day_hours", "finite"]),
    ("1e400", changed(("travel", 1, "minutes"), "1e400"), ["travel edge 2", "finite"]),
    ("5000-digit-integer", changed(("tasks", 8, "slots", 0, "minutes"), "9" * 5000), ["5,000 digits", "at most 18"]),
    ("huge-but-short-number", changed(("rules", "max_gap_minutes"), "1e300"), ["rules, field max_gap_minutes"]),
    ("latitude-off-the-globe", changed(("locations", 0, "lat"), "520868"), ["location edu, field lat", "90"]),
    ("rule-beyond-a-week", changed(("rules", "max_job_hours"), "1000"), ["rules, field max_job_hours", "168"]),
    ("blank-id", changed(("tasks", 0, "id"), '"   "'), ["task #1, field id", "blank"]),
    ("id-with-ansi-escape", changed(("tasks", 0, "id"), '"T01\\u001b[2J"'), ["task #1, field id", "control"]),
    ("id-with-newline", changed(("suppliers", 0, "id"), '"asito\\nx"'), ["supplier #1, field id", "control"]),
    ("id-with-direction-control", changed(("locations", 0, "id"), '"edu\\u202e"'), ["location #1, field id"]),
    ("name-with-ansi-escape", changed(("suppliers", 0, "name"), '"\\u001b]0;pwned\\u0007Asito"'),
     ["supplier asito, field name", "control character"]),
    ("arabic-indic-digits", changed(("tasks", 0, "slots", 0, "start"), '"\\u0660\\u0667:\\u0660\\u0660"'),
     ["task T01, slot 1, field start", "HH:MM"]),
    ("full-width-digits", changed(("tasks", 0, "slots", 0, "end"), '"\\uff11\\uff10:00"'),
     ["task T01, slot 1, field end", "HH:MM"]),
    ("lone-surrogate-in-a-title", changed(("tasks", 0, "title"), '"Toiletten \\ud800"'),
     ["task T01, field title", "surrogate"]),
    ("lone-surrogate-in-an-unknown-field", changed(("tasks", 3, "note"), '"\\udfff"'),
     ["task T04, field note", "surrogate"]),
    ("1000-levels-deep", changed(("tasks", 0, "note"), nested(1000)), ["nested deeper than"]),
    ("just-too-deep", changed(("tasks", 0, "note"), nested(MAX_DEPTH)), [f"nested deeper than {MAX_DEPTH} levels"]),
    ("60000-tasks", changed(("tasks",), json.dumps([{}] * 60_000)), ["60,000 tasks", f"{MAX_TASKS:,}"]),
    ("too-many-slots", changed(("tasks",), json.dumps([{"slots": [{}] * 64}] * (MAX_SLOTS // 64 + 1))),
     [f"{MAX_SLOTS:,} a file can hold"]),
    ("a-task-with-65-slots", changed(("tasks", 0, "slots"), json.dumps([{"day": "mon", "start": "07:00",
                                                                        "end": "08:00"}] * 65)),
     ["task T01, field slots", "64"]),
]


@pytest.mark.parametrize("text, words", [c[1:] for c in HOSTILE_TASK_FILES], ids=[c[0] for c in HOSTILE_TASK_FILES])
@pytest.mark.parametrize("command", ["validate", "solve"])
def test_a_hostile_task_file_is_refused_naming_the_field(capsys, tmp_path, text, words, command):
    """validate and solve exit 2 with a line that names where the problem is; nothing is written."""
    path = tmp_path / "tasks.json"
    path.write_text(text, encoding="utf-8")
    argv = ["validate", str(path)] if command == "validate" else \
        ["solve", str(path), "--out", str(tmp_path / "plan.json"), "--time-limit", "1"]
    code, out, err = run(capsys, *argv)
    message = out if command == "validate" else err
    assert code == 2, message
    assert all(word in message for word in words), message
    assert "\x1b" not in message and "\u202e" not in message
    assert not (tmp_path / "plan.json").exists()


@pytest.mark.parametrize("option, words", [
    (["--time-limit", "nan"], ["--time-limit", "not nan"]),
    (["--time-limit", "inf"], ["--time-limit", "not inf"]),
    (["--time-limit", "1e400"], ["--time-limit"]),
    (["--time-limit", "-1"], ["--time-limit", "above 0"]),
    (["--seed", "2147483648"], ["--seed", "2147483647"]),
    (["--seed", "-1"], ["--seed"]),
    (["--workers", "0"], ["--workers", "at least 1"]),
], ids=["nan", "inf", "1e400", "negative", "seed-beyond-int32", "negative-seed", "no-workers"])
def test_solve_options_out_of_range_are_refused(capsys, tmp_path, option, words):
    """Options the solver cannot take exit 2 with a message naming the option, before any work."""
    code, _, err = run(capsys, "solve", str(TUTORIAL), "--out", str(tmp_path / "p.json"), *option)
    assert code == 2 and all(word in err for word in words), err
    assert not (tmp_path / "p.json").exists()


@pytest.fixture(scope="module")
def plan_text() -> str:
    """The tutorial's plan as JSON text (solved through the library: these tests are about check, not solve)."""
    from bundler.engine import SolveConfig, solve
    from bundler.io import read_task_file

    plan = solve(read_task_file(TUTORIAL), SolveConfig(time_limit=10, workers=1))
    assert plan.jobs
    return json.dumps(plan.to_json_dict())


def _arabic(time: str) -> str:
    """The same time in Arabic-Indic digits: int() reads them, a clock time must not."""
    return time.translate({ord(d): chr(0x660 + int(d)) for d in "0123456789"})


def _plan_with(plan_text: str, change) -> str:
    plan = json.loads(plan_text)
    change(plan)
    return json.dumps(plan)


@pytest.mark.parametrize("change, code, words", [
    (lambda p: p["jobs"][0]["schedule"][0].update(start="abc"), 1, ["job J01", "no matching schedule entry"]),
    (lambda p: p["jobs"][0]["schedule"][0].update(start=_arabic(p["jobs"][0]["schedule"][0]["start"])), 1,
     ["job J01", "no matching schedule entry"]),
    (lambda p: p["jobs"][0].update(hours=float("nan")), 1, ["job J01: reports nan h"]),
    (lambda p: p["kpis"].update(bundled_hours=float("inf")), 1, ["kpis.bundled_hours is inf"]),
    (lambda p: p["jobs"][0]["tasks"].append("T99"), 1, ["job J01: unknown task T99"]),
    (lambda p: p["jobs"][0]["tasks"].append("T99\x1b[2J"), 1, ["job J01: unknown task T99\\x1b[2J"]),
    (lambda p: p["jobs"][0].update(id="J01\x1b[2J"), 2, ["plan job #1, field id", "control character"]),
    (lambda p: p["jobs"][0].update(id="J01\ud800"), 2, ["plan job #1, field id", "surrogate"]),
    (lambda p: p.update(extra=json.loads(nested(100))), 2, ["nested deeper than"]),
], ids=["start-abc", "arabic-digits", "hours-nan", "kpi-inf", "unknown-task", "ansi-in-a-task-id", "ansi-in-job-id",
        "surrogate-in-job-id", "deep"])
def test_check_on_an_odd_plan_names_the_violation_never_a_traceback(capsys, tmp_path, plan_text, change, code, words):
    """check exits 1 naming the violation (2 for a plan it cannot read), and escapes control characters."""
    path = tmp_path / "odd.json"
    path.write_text(_plan_with(plan_text, change), encoding="utf-8")
    got, out, err = run(capsys, "check", str(TUTORIAL), str(path))
    assert got == code, out + err
    assert all(word in out + err for word in words), out + err
    assert "\x1b" not in out + err

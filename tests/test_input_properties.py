"""The tutorial mutated thousands of ways: every outcome is a task file or a clean list of problems, never a crash.

A mutant deletes a key or a record, puts an odd value somewhere (text for a number, a
boolean, NaN, a huge number, a control character, a lone surrogate, a path, a formula,
Markdown, a nested list), duplicates a record (duplicate ids) or adds an odd field. It
is written as JSON text and read the way `bundler validate` reads a file. Then:

- `validate` either accepts it or raises InputError whose problems are plain lines
  (no control characters, no broken Unicode: they go to terminals and web pages);
- an accepted mutant is writable again as UTF-8 JSON, and a sample of them solves
  (`bundler solve`, 1 s) to a plan `bundler check` accepts, or exits 2 with a message.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bundler.cli import main
from bundler.field_types import bad_character
from bundler.io.json_io import parse_json
from bundler.validation import InputError, parse_task_file, placement_notes

TUTORIAL = json.loads((Path(__file__).resolve().parents[1] / "data" / "tutorial.json").read_text(encoding="utf-8"))


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in the data: dict keys and list positions, at every depth."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _paths(child, (*prefix, i))
    return found


PATHS = _paths(TUTORIAL)
ODD_VALUES = [
    None, True, False, 0, -1, 1, 240, 2**31, 10**18, -(10**18), 1e308, 1e-308, float("nan"), float("inf"),
    float("-inf"), 0.5, -0.0, "", " ", "240", "true", "07:00", "7:00", "24:00", "23:59", "00:00", "mon", "sun",
    "T01", "T11", "asito", "sodexo", "edu", "minnaert", "\u0660\u0667:\u0660\u0660", "\uff10\uff17:00", "T01\x1b[2J",
    "\x00", "\r", "\ud800", "a\udfffb", "\u202eevil", "../../etc/passwd", "/tmp/x", "=HYPERLINK(\"http://x\")",
    "+1", "@SUM(A1)", "![x](http://example.invalid/x.png)", "x" * 3000, [], {}, [[[[[]]]]], ["mon", "mon"],
    ["T01", "T01"], {"day": "mon", "start": "07:00", "end": "08:00"},
    {"days": ["mon"], "earliest": "07:00", "latest": "08:00", "minutes": 60},
]
odd_values = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.text(max_size=12),
    st.text(st.characters(codec=None, categories=["Cc", "Cs", "Cf", "Zs", "Nd"]), max_size=6),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
)


def _parent(data: Any, path: tuple) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def _mutate(data: dict, kind: str, path: tuple, value: Any) -> None:
    """One change at `path` (the path may have gone stale after an earlier change: then nothing happens)."""
    try:
        parent = _parent(data, path)
        key = path[-1]
        target = parent[key]
    except (KeyError, IndexError, TypeError):
        return
    if kind == "delete":
        del parent[key]
    elif kind == "replace":
        parent[key] = value
    elif kind == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(target))
    elif kind == "add-field" and isinstance(target, dict):
        target[value if isinstance(value, str) else "extra"] = value
    elif kind == "rename" and isinstance(parent, dict) and isinstance(value, str):
        parent[value] = parent.pop(key)


mutations = st.lists(st.tuples(st.sampled_from(["delete", "replace", "replace", "duplicate", "add-field", "rename"]),
                               st.sampled_from(PATHS), odd_values), min_size=1, max_size=3)


def mutant_text(changes: list[tuple[str, tuple, Any]]) -> str:
    data = copy.deepcopy(TUTORIAL)
    for kind, path, value in changes:
        _mutate(data, kind, path, value)
    return json.dumps(data)  # ASCII escapes: NaN, Infinity and lone surrogates as a file would hold them


def read(text: str):
    """What `bundler validate` does with the file's text: the task file, or InputError."""
    return parse_task_file(parse_json(text, "mutant.json"))


@settings(max_examples=1000, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(mutations)
def test_every_mutant_validates_or_gives_plain_problems(changes):
    """validate never raises anything but InputError; its lines are printable; an accepted file writes as UTF-8."""
    text = mutant_text(changes)
    try:
        task_file = read(text)
    except InputError as error:
        assert error.problems
        for problem in error.problems:
            assert isinstance(problem, str) and problem.strip()
            assert bad_character(problem) is None, repr(problem)
        return
    placement_notes(task_file)
    json.dumps(task_file.to_json_dict(), ensure_ascii=False).encode("utf-8")


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(argv))
    return code, out.getvalue()


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(mutations)
def test_an_accepted_mutant_solves_to_a_plan_check_accepts(tmp_path_factory, changes):
    """solve on an accepted mutant exits 0 with a plan check passes, or 2 with a message; never a traceback."""
    text = mutant_text(changes)
    try:
        read(text)
    except InputError:
        assume(False)
    folder = tmp_path_factory.mktemp("mutant")
    tasks, plan = folder / "tasks.json", folder / "plan.json"
    tasks.write_text(text, encoding="utf-8")
    code, output = _cli("solve", str(tasks), "--out", str(plan), "--time-limit", "1", "--workers", "1", "--quiet")
    assert "Traceback" not in output
    assert code in (0, 2), output
    if code == 2:
        assert output.strip() and not plan.exists()
        return
    code, output = _cli("check", str(tasks), str(plan))
    assert code == 0, output

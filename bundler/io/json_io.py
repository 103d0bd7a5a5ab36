"""JSON files in and out, with a plain message for every way a file can be wrong."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bundler.domain import Plan, TaskFile
from bundler.limits import MAX_DEPTH, MAX_DIGITS
from bundler.raw_input import depth_problem, size_problems, unicode_problems
from bundler.validation import InputError, describe_location, parse_task_file, shape_problems

MAX_FILE_BYTES = 50 * 1024 * 1024
"""A kick-off file is kilobytes; a file this big is a mistake, not a task list."""


def read_json(path: str | os.PathLike[str], what: str = "file") -> Any:
    """Parse a JSON file or raise InputError saying what is wrong and where."""
    path = Path(path)
    if not path.exists():
        raise InputError([f"{path}: {what} not found"])
    if path.is_dir():
        raise InputError([f"{path}: is a folder, not a {what}"])
    size = path.stat().st_size
    if size == 0:
        raise InputError([f"{path}: the {what} is empty"])
    if size > MAX_FILE_BYTES:
        raise InputError([f"{path}: the {what} is {size / 1e6:.0f} MB, more than the "
                          f"{MAX_FILE_BYTES / 1e6:.0f} MB a task or plan file can be"])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError([f"{path}: not UTF-8 text (byte {error.start}); save it as UTF-8 JSON"]) from None
    if not text.strip():
        raise InputError([f"{path}: the {what} is empty"])
    return parse_json(text, str(path))


class _LongNumber(ValueError):
    def __init__(self, digits: str):
        self.digits = digits


def _whole_number(digits: str) -> int:
    """Python refuses to convert more than 4300 digits (and slowly converts fewer): stop far earlier."""
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _LongNumber(digits)
    return int(digits)


def parse_json(text: str, where: str) -> Any:
    """JSON text to data, or InputError: broken JSON, numbers with absurdly many digits, deep nesting.

    `NaN`, `Infinity` and `1e400` (which Python reads as infinity) are let through on
    purpose: the task file's fields refuse them by name, and `check` reports them in a plan.
    """
    try:
        return json.loads(text, parse_int=_whole_number)
    except json.JSONDecodeError as error:
        raise InputError([f"{where}: line {error.lineno}, column {error.colno}: invalid JSON ({error.msg})"]) from None
    except _LongNumber as error:
        shown = error.digits[:12] + "..."
        raise InputError([f"{where}: the number {shown} has {len(error.digits.lstrip('-')):,} digits; a number in "
                          f"a task or plan file has at most {MAX_DIGITS}"]) from None
    except RecursionError:
        raise InputError([f"{where}: nested deeper than {MAX_DEPTH} levels; a task or plan file needs about six"]) \
            from None


def read_task_file(path: str | os.PathLike[str]) -> TaskFile:
    data = read_json(path, "task file")
    try:
        return parse_task_file(data)
    except InputError as error:
        raise InputError([f"{Path(path).name}: {p}" if p.startswith("file") else p for p in error.problems]) from None


def read_plan(path: str | os.PathLike[str]) -> Plan:
    data = read_json(path, "plan file")
    if not isinstance(data, dict):
        raise InputError([f"{path}: a plan file is a JSON object, got {type(data).__name__}"])
    problem = depth_problem(data)
    problems = [problem] if problem else size_problems(data) or unicode_problems(
        data, lambda loc: describe_location(data, loc))
    if problems:
        raise InputError([f"plan {p}" for p in problems])
    try:
        return Plan.model_validate(data)
    except ValidationError as error:
        raise InputError([f"plan {p}" for p in shape_problems(data, error)]) from None


def write_json(data: TaskFile | Plan | dict[str, Any], path: str | os.PathLike[str]) -> None:
    """Write atomically: a crash mid-write never leaves half a file behind."""
    if not isinstance(data, dict):
        data = data.to_json_dict()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)

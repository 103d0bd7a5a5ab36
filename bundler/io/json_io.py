"""JSON files in and out, with a plain message for every way a file can be wrong."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bundler.domain import Plan, TaskFile
from bundler.validation import InputError, parse_task_file, shape_problems

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
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError([f"{path}: line {error.lineno}, column {error.colno}: invalid JSON ({error.msg})"]) from None


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

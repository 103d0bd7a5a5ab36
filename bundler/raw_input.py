"""Checks on parsed JSON before any model reads it: how deep, how big, and whether its text is valid Unicode.

These run first because the models cannot: a structure nested a thousand levels deep
overflows the stack of whatever walks it recursively, 60,000 tasks validate and then
never get an answer, and a lone surrogate in any string (unknown fields included)
crashes the first writer that encodes it. The walk here is iterative, so it is safe
on any depth.
"""

from __future__ import annotations

from typing import Any, Callable

from bundler.limits import MAX_DEPTH, MAX_RECORDS, MAX_SLOTS, MAX_TASKS

Describe = Callable[[tuple[Any, ...]], str]
"""Names a location in the data for a message, e.g. ('tasks', 3, 'title') -> 'task T04, field title'."""


def depth_problem(data: Any) -> str | None:
    """A message when arrays and objects nest deeper than MAX_DEPTH levels."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                return f"file: nested deeper than {MAX_DEPTH} levels; a task or plan file needs about six"
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return None


def unicode_problems(data: Any, describe: Describe, limit: int = 20) -> list[str]:
    """Strings (keys too) holding broken Unicode, each named by where it sits; at most `limit` of them."""
    problems: list[str] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack and len(problems) < limit:
        value, loc = stack.pop()
        if isinstance(value, str):
            problem = _broken(value)
            if problem:
                problems.append(f"{describe(loc)}: {problem}")
        elif isinstance(value, dict):
            for key, child in value.items():
                problem = _broken(key) if isinstance(key, str) else None
                if problem:
                    problems.append(f"{describe(loc)}: a field name {problem}")
                stack.append((child, (*loc, key)))
        elif isinstance(value, list):
            stack.extend((child, (*loc, i)) for i, child in enumerate(value))
    return sorted(problems)


def _broken(text: str) -> str | None:
    """Only broken Unicode: control characters are for the fields to judge (allowed in some, not in ids)."""
    for position, char in enumerate(text, start=1):
        if "\ud800" <= char <= "\udfff":
            return f"holds broken Unicode (a lone surrogate U+{ord(char):04X}) at character {position}"
    return None


def size_problems(data: dict[str, Any]) -> list[str]:
    """Lists beyond the documented limits (bundler.limits), counted before anything is validated."""
    problems = []
    for section, records in data.items():
        if not isinstance(records, list):
            continue
        limit = MAX_TASKS if section == "tasks" else MAX_RECORDS
        if len(records) > limit:
            problems.append(f"file: {len(records):,} {section}, more than the {limit:,} a file can hold; "
                            f"split it into regions or sites")
    tasks = data.get("tasks")
    if isinstance(tasks, list) and len(tasks) <= MAX_TASKS:
        slots = [len(t["slots"]) if isinstance(t, dict) and isinstance(t.get("slots"), list) else 0 for t in tasks]
        if sum(slots) > MAX_SLOTS:
            problems.append(f"file: {sum(slots):,} slots, more than the {MAX_SLOTS:,} a file can hold; "
                            f"split it into regions or sites")
    return problems

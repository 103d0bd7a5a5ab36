"""Turn raw task-file data into a `TaskFile`, or into ALL its problems at once.

Every problem is one line that names the record (task id, slot number, field), so a
facility manager can fix a whole file in one pass instead of one error per run.
"""

from __future__ import annotations

import difflib
from collections import Counter
from typing import Any, Iterable

from pydantic import ValidationError

from bundler.domain import TaskFile


class InputError(Exception):
    """Bad input: carries one plain-language line per problem."""

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


_LIST_NOUNS = {
    "suppliers": "supplier",
    "locations": "location",
    "skills": "skill",
    "tasks": "task",
    "pinned": "pinned job",
    "travel": "travel edge",
    "incompatible": "incompatible pair",
    # sections of a plan file
    "jobs": "job",
    "unassigned": "unassigned task",
    "schedule": "schedule entry",
}
_TAGS = {"fixed", "flexible"}


def _record_name(data: Any, section: str, index: int) -> str:
    """'task T017' when the record has a usable id, else 'task #17' (1-based)."""
    noun = _LIST_NOUNS.get(section, section)
    record = None
    if isinstance(data, dict) and isinstance(data.get(section), list) and index < len(data[section]):
        record = data[section][index]
    if section == "travel" and isinstance(record, dict):
        return f"{noun} {index + 1} ({record.get('from')} - {record.get('to')})"
    if isinstance(record, dict) and isinstance(record.get("id"), str) and record["id"].strip():
        return f"{noun} {record['id']}"
    return f"{noun} #{index + 1}"


def _clean_message(error: dict[str, Any]) -> str:
    message = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix):]
    if error["type"] == "missing":
        return "is missing"
    if error["type"] == "extra_forbidden":
        return "is not a known field"
    if error["type"] not in ("value_error", "slot_kind", "assertion_error") and "input" in error:
        shown = repr(error["input"])
        if len(shown) > 60:
            shown = shown[:57] + "..."
        message = f"{message} (got {shown})"
    return message


def describe_location(data: Any, loc: tuple[Any, ...]) -> str:
    """Human path for a pydantic error location, e.g. 'task T017, slot 2, field end'."""
    parts: list[str] = []
    rest = [p for p in loc if p not in _TAGS]
    if len(rest) >= 2 and rest[0] in _LIST_NOUNS and isinstance(rest[1], int):
        parts.append(_record_name(data, rest[0], rest[1]))
        rest = rest[2:]
        if len(rest) >= 2 and rest[0] == "slots" and isinstance(rest[1], int):
            parts.append(f"slot {rest[1] + 1}")
            rest = rest[2:]
        if len(rest) >= 2 and rest[0] == "schedule" and isinstance(rest[1], int):
            parts.append(f"schedule entry {rest[1] + 1}")
            rest = rest[2:]
        if len(rest) >= 2 and rest[0] in ("skills", "days", "tasks") and isinstance(rest[1], int):
            parts.append(f"{rest[0]} item {rest[1] + 1}")
            rest = rest[2:]
    elif rest:
        parts.append(str(rest[0]))
        rest = rest[1:]
    if rest:
        field = {"source": "from", "target": "to"}.get(str(rest[0]), str(rest[0]))
        parts.append(f"field {field}")
    return ", ".join(parts) if parts else "file"


def shape_problems(data: Any, error: ValidationError) -> list[str]:
    return [f"{describe_location(data, tuple(e['loc']))}: {_clean_message(e)}" for e in error.errors()]


def _suggest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f" - did you mean `{close[0]}`?" if close else ""


def _duplicates(kind: str, ids: list[str]) -> list[str]:
    return [f"{kind} id `{i}` is used {n} times; ids must be unique" for i, n in Counter(ids).items() if n > 1]


def reference_problems(task_file: TaskFile) -> list[str]:
    """Unique ids and resolvable references across the whole file."""
    problems: list[str] = []
    suppliers = [s.id for s in task_file.suppliers]
    locations = [loc.id for loc in task_file.locations]
    skills = [s.id for s in task_file.skills]
    tasks = [t.id for t in task_file.tasks]
    for kind, ids in (("supplier", suppliers), ("location", locations), ("skill", skills),
                      ("task", tasks), ("pinned job", [p.id for p in task_file.pinned])):
        problems += _duplicates(kind, ids)
    known_suppliers, known_locations, known_skills, known_tasks = map(set, (suppliers, locations, skills, tasks))
    for task in task_file.tasks:
        if task.supplier not in known_suppliers:
            problems.append(f"task {task.id}: unknown supplier `{task.supplier}`{_suggest(task.supplier, known_suppliers)}")
        if task.location not in known_locations:
            problems.append(f"task {task.id}: unknown location `{task.location}`{_suggest(task.location, known_locations)}")
        for skill in task.skills:
            if skill not in known_skills:
                problems.append(f"task {task.id}: unknown skill `{skill}`{_suggest(skill, known_skills)}")
    for n, edge in enumerate(task_file.travel, start=1):
        for end in (edge.source, edge.target):
            if end not in known_locations:
                problems.append(f"travel edge {n} ({edge.source} - {edge.target}): unknown location `{end}`"
                                f"{_suggest(end, known_locations)}")
    for n, pair in enumerate(task_file.incompatible, start=1):
        for tid in pair:
            if tid not in known_tasks:
                problems.append(f"incompatible pair {n}: unknown task `{tid}`{_suggest(tid, known_tasks)}")
        if pair[0] == pair[1]:
            problems.append(f"incompatible pair {n}: a task cannot be incompatible with itself ({pair[0]})")
    pinned_in: dict[str, str] = {}
    for job in task_file.pinned:
        for tid in job.tasks:
            if tid not in known_tasks:
                problems.append(f"pinned job {job.id}: unknown task `{tid}`{_suggest(tid, known_tasks)}")
            elif tid in pinned_in:
                problems.append(f"pinned job {job.id}: task {tid} is already pinned in job {pinned_in[tid]}")
            else:
                pinned_in[tid] = job.id
    return problems


def pinned_problems(task_file: TaskFile) -> list[str]:
    """A pinned job must itself obey every rule; say which rule it breaks."""
    from bundler.jobs import job_violations  # local: needs the prepared instance
    from bundler.prepare import prepare

    if not task_file.pinned:
        return []
    instance = prepare(task_file)
    problems = []
    for job in task_file.pinned:
        for reason in job_violations(instance, [instance.index[t] for t in job.tasks]):
            problems.append(f"pinned job {job.id}: {reason}")
    return problems


_RECORD_LISTS = ("suppliers", "locations", "travel", "skills", "tasks", "incompatible", "pinned")


def _references_beside_broken_records(data: dict, error: ValidationError) -> list[str]:
    """Reference problems of the records that are well-formed, so one run reports both kinds.

    The broken records are set aside; problems that only arise because they are missing
    (a reference to a set-aside id) are not reported.
    """
    broken: dict[str, set[int]] = {}
    for e in error.errors():
        loc = tuple(e["loc"])
        if len(loc) >= 2 and loc[0] in _RECORD_LISTS and isinstance(loc[1], int):
            broken.setdefault(loc[0], set()).add(loc[1])
        elif loc and loc[0] != "rules":
            return []  # the file's own shape is broken: nothing sound to compare against
    pruned = {k: v for k, v in data.items() if k != "rules"}
    set_aside: set[str] = set()
    for section, indices in broken.items():
        records = data.get(section)
        if not isinstance(records, list):
            return []
        set_aside |= {str(r["id"]) for i, r in enumerate(records) if i in indices and isinstance(r, dict) and "id" in r}
        pruned[section] = [r for i, r in enumerate(records) if i not in indices]
    try:
        salvaged = TaskFile.model_validate(pruned)
    except ValidationError:
        return []
    return [p for p in reference_problems(salvaged) if not any(f"`{i}`" in p for i in set_aside)]


def parse_task_file(data: Any) -> TaskFile:
    """Validate raw data (e.g. parsed JSON); raise InputError listing every problem."""
    if not isinstance(data, dict):
        raise InputError([f"file: a task file is a JSON object, got {type(data).__name__}"])
    if "format" in data and data["format"] != "bundler-tasks/1":
        raise InputError([f"file, field format: {data['format']!r} is not 'bundler-tasks/1'"])
    try:
        task_file = TaskFile.model_validate(data)
    except ValidationError as error:
        raise InputError(shape_problems(data, error) + _references_beside_broken_records(data, error)) from None
    problems = reference_problems(task_file)
    if not task_file.tasks:
        problems.append("file: there are no tasks")
    if problems:
        raise InputError(problems)
    problems = pinned_problems(task_file)
    if problems:
        raise InputError(problems)
    return task_file

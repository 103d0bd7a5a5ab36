"""Turn raw task-file data into a `TaskFile`, or into ALL its problems at once.

Every problem is one line that names the record (task id, slot number, field), so a
facility manager can fix a whole file in one pass instead of one error per run.
"""

from __future__ import annotations

import difflib
from collections import Counter
from typing import Any, Iterable

from pydantic import ValidationError

from bundler.domain import (
    DAYS,
    FixedSlot,
    FlexibleSlot,
    Rules,
    Task,
    TaskFile,
    to_minutes,
)
from bundler.field_types import bad_character
from bundler.limits import MAX_ID_LENGTH
from bundler.raw_input import depth_problem, size_problems, unicode_problems


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
        ends = [record.get(end) if _printable_id(record.get(end)) else "?" for end in ("from", "to")]
        return f"{noun} {index + 1} ({ends[0]} - {ends[1]})"
    if isinstance(record, dict) and _printable_id(record.get("id")):
        return f"{noun} {record['id']}"
    return f"{noun} #{index + 1}"


def _printable_id(value: Any) -> bool:
    """An id fit to name its record in a message: a broken one is named by its number instead."""
    return (isinstance(value, str) and bool(value.strip()) and len(value) <= MAX_ID_LENGTH
            and value.isprintable() and bad_character(value) is None)


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


def _numbers(numbers: list[int]) -> str:
    """'slot 3' or 'slots 2, 3'."""
    return f"slot {numbers[0]}" if len(numbers) == 1 else f"slots {', '.join(map(str, numbers))}"


def _day_list(days: Iterable[str]) -> str:
    days = sorted(set(days), key=DAYS.index)
    return " and ".join([", ".join(days[:-1]), days[-1]]) if len(days) > 1 else "".join(days)


def _spread_matching(allowed: list[set[str]]) -> list[int | None]:
    """The day of each flexible slot in a maximum matching slots -> allowed days (None: left without a day)."""
    owner: dict[str, int] = {}

    def place(slot: int, seen: set[str]) -> bool:
        for day in sorted(allowed[slot], key=DAYS.index):
            if day not in seen:
                seen.add(day)
                if day not in owner or place(owner[day], seen):
                    owner[day] = slot
                    return True
        return False

    for slot in range(len(allowed)):
        place(slot, set())
    day_of: list[int | None] = [None] * len(allowed)
    for day, slot in owner.items():
        day_of[slot] = day
    return day_of


def spread_problems(task: Task) -> list[str]:
    """With `spread_flexible_slots`: a task whose flexible slots cannot all get their own day.

    Each flexible slot needs a day of its own that is none of the days of the task's fixed
    slots. When no such choice exists (a maximum matching slots -> days leaves a slot
    out), the slots that compete for too few days are named: those reachable from a left-out
    slot along alternating paths, split into groups that share days (Hall's condition fails
    on each group: it has more slots than days).
    """
    fixed_days = {s.day for s in task.slots if isinstance(s, FixedSlot)}
    flexible = [(n, s) for n, s in enumerate(task.slots, start=1) if isinstance(s, FlexibleSlot)]
    allowed = [set(s.days) - fixed_days for _, s in flexible]
    day_of = _spread_matching(allowed)
    slot_of = {day: i for i, day in enumerate(day_of) if day is not None}
    unmatched = [i for i, day in enumerate(day_of) if day is None]
    reached, frontier = set(unmatched), list(unmatched)
    while frontier:  # alternating paths: any allowed day, then the slot that holds it
        for day in allowed[frontier.pop()]:
            holder = slot_of.get(day)
            if holder is not None and holder not in reached:
                reached.add(holder)
                frontier.append(holder)
    groups: list[tuple[set[int], set[str]]] = []  # slots that compete for the same days
    for i in sorted(reached):
        touching = [g for g in groups if g[1] & allowed[i]]
        merged = ({i, *(s for g in touching for s in g[0])}, set(allowed[i]).union(*(g[1] for g in touching)))
        groups = [g for g in groups if g not in touching] + [merged]
    problems = []
    for group, free in sorted(groups, key=lambda g: min(g[0])):
        members = sorted(group)
        numbers = [flexible[i][0] for i in members]
        blocked = set().union(*(flexible[i][1].days for i in members)) & fixed_days
        if len(members) == 1 and not free:
            days = (f"its only day ({_day_list(blocked)}) has" if len(blocked) == 1
                    else f"its days ({_day_list(blocked)}) all have")
            problems.append(
                f"task {task.id}, {_numbers(numbers)}: with spread_flexible_slots a flexible slot goes to a day on "
                f"which the task has no fixed slot, but {days} a fixed slot; add another day to the slot or set "
                f"spread_flexible_slots to false")
            continue
        verb = "is" if len(blocked) == 1 else "are"
        taken = f" ({_day_list(blocked)} {verb} taken by a fixed slot)" if blocked else ""
        problems.append(
            f"task {task.id}, {_numbers(numbers)}: these {len(members)} flexible slots must go to different days "
            f"(spread_flexible_slots) but can only use {_day_list(free)}{taken}; add days to these slots or set "
            f"spread_flexible_slots to false")
    return problems


def rule_problems(task_file: TaskFile) -> list[str]:
    """Tasks whose slots cannot be placed at all under the file's rules: the file cannot be solved as written.

    Only the spreading of flexible slots can do that. The start grid cannot: a window's
    `earliest` is always a start on the grid, so a slot whose window holds its minutes
    (checked with the slot itself) always has a start.
    """
    if not task_file.rules.spread_flexible_slots:
        return []
    return [p for task in task_file.tasks for p in spread_problems(task)]


def _fmt_hours(minutes: float) -> str:
    return f"{round(minutes / 60, 2):g} h"


def placement_notes(task_file: TaskFile) -> list[str]:
    """Tasks that no job can hold under rules 8-11, judged from their own slots alone.

    Not input errors: the file solves and such a task stays unassigned (an 8-hour guard
    shift without a pause is a real task), but the facility manager should know before
    solving, and what to change. Each note is a necessary condition only: its slots alone
    already break the rule, so any job holding the task would too.
    """
    rules = task_file.rules
    notes = []
    for task in task_file.tasks:
        fixed = [s for s in task.slots if isinstance(s, FixedSlot)]
        flexible = [s for s in task.slots if isinstance(s, FlexibleSlot)]
        if rules.min_break_minutes > 0:
            long = [n for n, s in enumerate(task.slots, start=1) if s.minutes > rules.break_after_minutes]
            if long:
                notes.append(
                    f"task {task.id}, {_numbers(long)}: {_fmt_hours(task.slots[long[0] - 1].minutes)} of work in one "
                    f"go, but a day with more than {rules.break_after_hours:g} h of work needs a pause of "
                    f"{rules.min_break_minutes} min (rule 11), so no job can hold this task; split the slot around "
                    f"a pause, or change break_after_hours or min_break_minutes")
        fixed_days = {s.day for s in fixed}
        if rules.spread_flexible_slots:
            days_needed = len(fixed_days) + len(flexible)
        else:
            days_needed = len(fixed_days) + any(not set(s.days) & fixed_days for s in flexible)
        if days_needed > rules.max_work_days:
            notes.append(f"task {task.id}: works on at least {days_needed} days a week, more than max_work_days "
                         f"{rules.max_work_days} (rule 8), so no job can hold this task; move slots to fewer days "
                         f"or raise max_work_days")
        notes += _rest_notes(task, fixed, rules)
    return notes


def _rest_notes(task: Task, fixed: list[FixedSlot], rules: Rules) -> list[str]:
    """Rules 9 and 10 over the task's fixed slots: more work (flexible slots, other tasks) only shortens rests."""
    if not fixed:
        return []
    spans: dict[int, tuple[int, int]] = {}
    for s in fixed:
        d = DAYS.index(s.day)
        start, end = spans.get(d, (24 * 60, 0))
        spans[d] = (min(start, to_minutes(s.start)), max(end, to_minutes(s.end)))
    worked = sorted(spans)
    rests = []  # (minutes, from day, to day) over the repeating week
    for i, d in enumerate(worked):
        nxt = worked[(i + 1) % len(worked)]
        days_between = (nxt - d) % 7 or 7
        rests.append((days_between * 24 * 60 + spans[nxt][0] - spans[d][1], DAYS[d], DAYS[nxt]))
    notes = []
    shortest = min(rests)
    if shortest[0] < rules.min_rest_minutes:
        notes.append(f"task {task.id}: only {_fmt_hours(shortest[0])} of rest from {shortest[1]} to {shortest[2]}, "
                     f"less than min_rest_hours {rules.min_rest_hours:g} (rule 9), so no job can hold this task; "
                     f"move its slots apart or lower min_rest_hours")
    longest = max(rests)
    if longest[0] < rules.min_weekly_rest_minutes:
        notes.append(f"task {task.id}: its longest rest in the week is {_fmt_hours(longest[0])}, less than "
                     f"min_weekly_rest_hours {rules.min_weekly_rest_hours:g} (rule 10), so no job can hold this "
                     f"task; free a longer stretch of the week or lower min_weekly_rest_hours")
    return notes


def pinned_problems(task_file: TaskFile) -> list[str]:
    """A pinned job must itself obey every rule; say which rule it breaks."""
    from bundler.engine.instance import prepare
    from bundler.engine.schedule import (
        job_violations,  # local: needs the prepared instance
    )

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
    """Reference and rule problems of the records that are well-formed, so one run reports all kinds.

    The broken records are set aside (and the rules, when they are broken themselves);
    problems that only arise because they are missing (a reference to a set-aside id) are
    not reported.
    """
    broken: dict[str, set[int]] = {}
    rules_broken = False
    for e in error.errors():
        loc = tuple(e["loc"])
        if len(loc) >= 2 and loc[0] in _RECORD_LISTS and isinstance(loc[1], int):
            broken.setdefault(loc[0], set()).add(loc[1])
        elif loc and loc[0] == "rules":
            rules_broken = True
        else:
            return []  # the file's own shape is broken: nothing sound to compare against
    pruned = {k: v for k, v in data.items() if k != "rules" or not rules_broken}
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
    problems = [p for p in reference_problems(salvaged) if not any(f"`{i}`" in p for i in set_aside)]
    return problems + (rule_problems(salvaged) if not rules_broken else [])


def parse_task_file(data: Any) -> TaskFile:
    """Validate raw data (e.g. parsed JSON); raise InputError listing every problem."""
    if not isinstance(data, dict):
        raise InputError([f"file: a task file is a JSON object, got {type(data).__name__}"])
    problem = depth_problem(data)
    problems = [problem] if problem else size_problems(data) or unicode_problems(
        data, lambda loc: describe_location(data, loc))
    if problems:
        raise InputError(problems)
    if "format" in data and data["format"] != "bundler-tasks/1":
        raise InputError([f"file, field format: {data['format']!r} is not 'bundler-tasks/1'"])
    try:
        task_file = TaskFile.model_validate(data)
    except ValidationError as error:
        raise InputError(shape_problems(data, error) + _references_beside_broken_records(data, error)) from None
    problems = reference_problems(task_file) + rule_problems(task_file)
    if not task_file.tasks:
        problems.append("file: there are no tasks")
    if problems:
        raise InputError(problems)
    problems = pinned_problems(task_file)
    if problems:
        raise InputError(problems)
    return task_file

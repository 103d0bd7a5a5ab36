"""The candidate file (`bundler-candidates/1`): people described by what they can do and need.

Privacy by design: a candidate holds only what the seven fit rules need (availability,
hours, days, skills, screening limits, reach), a pseudonymous `alias` and an optional
`note` for HR. Any other field (a name, a diagnosis, a birth date) is refused, so it can
never travel further. Messages name the candidate id and the field, never the content of
`alias` or `note`, so an error line in a log holds no personal data.

    candidates = parse_candidate_file(data, task_file)   # or read_candidate_file(path, task_file)

Every problem of a file is reported at once, one line each, as for task files.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from bundler.domain import DAYS, DEMANDS, Day, Level, TaskFile, to_minutes, without_null_options
from bundler.domain import _check_time as check_time
from bundler.validation import InputError

CANDIDATES_FORMAT = "bundler-candidates/1"
MAX_NOTE_CHARS = 1000
MAX_ALIAS_CHARS = 60
PRIVATE_FIELDS = ("alias", "note")
"""Free text about a person: never repeated in a message, never shown to a supplier."""
LEVELS = {"low": 0, "medium": 1, "high": 2}


class _Strict(BaseModel):
    """Unknown keys are refused (privacy by design); `null` means "not given"."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _null_means_not_given(cls, data: Any) -> Any:
        return without_null_options(cls, data)


class Window(_Strict):
    """Weekly hours a person can work: on each of `days`, from `from` until `until`."""

    days: list[Day] = Field(min_length=1)
    start: str = Field(alias="from")
    end: str = Field(alias="until")

    @field_validator("start", "end", mode="before")
    @classmethod
    def _time(cls, value: Any) -> str:
        return check_time(value)

    @field_validator("days")
    @classmethod
    def _days(cls, days: list[str]) -> list[str]:
        if len(set(days)) != len(days):
            raise ValueError(f"days {days} repeat a day")
        return sorted(days, key=DAYS.index)

    @model_validator(mode="after")
    def _order(self) -> Window:
        if to_minutes(self.end) <= to_minutes(self.start):
            raise ValueError(f"until {self.end} is not after from {self.start}")
        return self

    def holds(self, day: str, start: int, end: int) -> bool:
        return day in self.days and to_minutes(self.start) <= start and end <= to_minutes(self.end)


class Limits(_Strict):
    """The most a person can take, per screening dimension of a task (absent: no limit)."""

    physical_load: Level | None = None
    pace: Level | None = None
    interruptions: Level | None = None
    independence: Level | None = None
    customer_contact: Level | None = None

    def given(self) -> dict[str, str]:
        return {d: getattr(self, d) for d in DEMANDS if getattr(self, d) is not None}


class Candidate(_Strict):
    id: str = Field(min_length=1, max_length=40)
    alias: str = Field(default="", max_length=MAX_ALIAS_CHARS)
    available: list[Window] | None = None
    min_week_hours: float | None = Field(default=None, ge=0, le=168)
    max_week_hours: float | None = Field(default=None, gt=0, le=168)
    max_day_hours: float | None = Field(default=None, gt=0, le=24)
    max_work_days: int | None = Field(default=None, ge=1, le=7)
    skills: list[str] | None = None
    learnable: list[str] = Field(default_factory=list)
    limits: Limits = Field(default_factory=Limits)
    reach: list[str] | None = None
    note: str = Field(default="", max_length=MAX_NOTE_CHARS)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("id is blank")
        return value.strip()

    @field_validator("skills", "learnable", "reach")
    @classmethod
    def _no_blank(cls, values: list[str] | None) -> list[str] | None:
        if values is None:
            return None
        if any(not str(v).strip() for v in values):
            raise ValueError("holds an empty entry")
        return list(dict.fromkeys(v.strip() for v in values))

    @model_validator(mode="after")
    def _ranges(self) -> Candidate:
        problems = []
        if self.available is not None and not self.available:
            problems.append("available is an empty list, so no work can ever fit; leave it out for no limit")
        if self.min_week_hours is not None and self.max_week_hours is not None \
                and self.min_week_hours > self.max_week_hours:
            problems.append(f"min_week_hours {self.min_week_hours:g} is more than max_week_hours "
                            f"{self.max_week_hours:g}")
        if self.reach is not None and not self.reach:
            problems.append("reach is an empty list, so no place can ever fit; leave it out for no limit")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    # --- what the fit rules and the explanations read --------------------------------

    @property
    def label(self) -> str:
        """What a manager's screen shows: the id with the alias (never the note)."""
        return f"{self.id} ({self.alias})" if self.alias else self.id

    def known_skills(self) -> set[str] | None:
        """Skills held or learnable; None when `skills` is not given (no limit)."""
        return None if self.skills is None else set(self.skills) | set(self.learnable)

    def to_json_dict(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        data["id"] = self.id
        if "limits" in data and not data["limits"]:
            data.pop("limits")
        return data


class CandidateFile(_Strict):
    format: str = CANDIDATES_FORMAT
    candidates: list[Candidate] = Field(default_factory=list)

    @field_validator("format")
    @classmethod
    def _format(cls, value: str) -> str:
        if value != CANDIDATES_FORMAT:
            raise ValueError(f"{value!r} is not {CANDIDATES_FORMAT!r}")
        return value

    def by_id(self) -> dict[str, Candidate]:
        return {c.id: c for c in self.candidates}

    def to_json_dict(self) -> dict[str, Any]:
        return {"format": CANDIDATES_FORMAT, "candidates": [c.to_json_dict() for c in self.candidates]}

    def without(self, candidate_id: str) -> CandidateFile:
        """The file with one person erased (right to erasure)."""
        return CandidateFile(candidates=[c for c in self.candidates if c.id != candidate_id])

    def only(self, candidate_id: str) -> CandidateFile:
        """The file with one person only (export of one person's data)."""
        return CandidateFile(candidates=[c for c in self.candidates if c.id == candidate_id])


# --- problems, one line each ------------------------------------------------------------


def _record_name(data: Any, index: int) -> str:
    records = data.get("candidates") if isinstance(data, dict) else None
    record = records[index] if isinstance(records, list) and index < len(records) else None
    if isinstance(record, dict) and isinstance(record.get("id"), str) and record["id"].strip():
        return f"candidate {record['id'].strip()}"
    return f"candidate #{index + 1}"


def _message(error: dict[str, Any], private: bool) -> str:
    message = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if error["type"] == "missing":
        return "is missing"
    if error["type"] == "extra_forbidden":
        return ("is not a field of a candidate file: it holds only what the fit rules need and a note "
                "(privacy); remove it")
    if private and error["type"] == "string_too_long":
        limit = MAX_NOTE_CHARS if "note" in error["loc"] else MAX_ALIAS_CHARS
        return f"is longer than {limit} characters"
    if not private and error["type"] not in ("value_error", "assertion_error") and "input" in error:
        shown = repr(error["input"])
        if len(shown) > 60:
            shown = shown[:57] + "..."
        message = f"{message} (got {shown})"
    return message


def describe(data: Any, loc: tuple[Any, ...]) -> str:
    """'candidate K01, window 2, field from' for a pydantic error location."""
    parts: list[str] = []
    rest = list(loc)
    if len(rest) >= 2 and rest[0] == "candidates" and isinstance(rest[1], int):
        parts.append(_record_name(data, rest[1]))
        rest = rest[2:]
        if len(rest) >= 2 and rest[0] == "available" and isinstance(rest[1], int):
            parts.append(f"window {rest[1] + 1}")
            rest = rest[2:]
        elif rest and rest[0] == "limits":
            parts.append("limits")
            rest = rest[1:]
        if len(rest) >= 2 and rest[0] in ("skills", "learnable", "reach", "days") and isinstance(rest[1], int):
            parts.append(f"{rest[0]} item {rest[1] + 1}")
            rest = rest[2:]
    elif rest:
        parts.append("file")
    if rest:
        parts.append(f"field {rest[0]}")
    return ", ".join(parts) if parts else "file"


def shape_problems(data: Any, error: ValidationError) -> list[str]:
    out = []
    for e in error.errors():
        loc = tuple(e["loc"])
        private = any(p in loc for p in PRIVATE_FIELDS)
        out.append(f"{describe(data, loc)}: {_message(e, private)}")
    return out


def _suggest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f" - did you mean `{close[0]}`?" if close else ""


def reference_problems(candidates: CandidateFile, task_file: TaskFile | None) -> list[str]:
    """Unique ids; skills and places that the task file knows."""
    problems = [f"candidate id `{i}` is used {n} times; ids must be unique"
                for i, n in Counter(c.id for c in candidates.candidates).items() if n > 1]
    if task_file is None:
        return problems
    skills = {s.id for s in task_file.skills}
    places = {loc.id for loc in task_file.locations} | {loc.site for loc in task_file.locations if loc.site}
    for c in candidates.candidates:
        for field in ("skills", "learnable"):
            for skill in getattr(c, field) or []:
                if skill not in skills:
                    problems.append(f"candidate {c.id}, field {field}: unknown skill `{skill}`{_suggest(skill, skills)}")
        for place in c.reach or []:
            if place not in places:
                problems.append(f"candidate {c.id}, field reach: `{place}` is no location or site of the task file"
                                f"{_suggest(place, places)}")
    return problems


def parse_candidate_file(data: Any, task_file: TaskFile | None = None) -> CandidateFile:
    """Validate raw data (parsed JSON); raise InputError with every problem, one line each."""
    if not isinstance(data, dict):
        raise InputError([f"file: a candidate file is a JSON object, got {type(data).__name__}"])
    if "format" in data and data["format"] != CANDIDATES_FORMAT:
        raise InputError([f"file, field format: {data['format']!r} is not {CANDIDATES_FORMAT!r}"])
    if not isinstance(data.get("candidates", []), list):
        raise InputError(["file, field candidates: must be a list of candidates"])
    try:
        parsed = CandidateFile.model_validate(data)
    except ValidationError as error:
        problems = shape_problems(data, error)
        good = [r for i, r in enumerate(data.get("candidates", []))
                if not any(tuple(e["loc"])[:2] == ("candidates", i) for e in error.errors())]
        try:  # references of the well-formed records too, so one run reports every kind
            problems += reference_problems(CandidateFile.model_validate({"candidates": good}), task_file)
        except ValidationError:
            pass
        raise InputError(problems) from None
    problems = reference_problems(parsed, task_file)
    if problems:
        raise InputError(problems)
    return parsed


def read_candidate_file(path: str | Path, task_file: TaskFile | None = None) -> CandidateFile:
    from bundler.io.json_io import read_json

    data = read_json(path, "candidate file")
    try:
        return parse_candidate_file(data, task_file)
    except InputError as error:
        name = Path(path).name
        raise InputError([f"{name}: {p}" for p in error.problems]) from None


def level_at_most(level: str | None, limit: str | None) -> bool:
    """Does a task's screening level stay within a person's limit? (absent: yes)"""
    return level is None or limit is None or LEVELS[level] <= LEVELS[limit]

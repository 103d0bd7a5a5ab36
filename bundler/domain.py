"""Pydantic models of the interchange contract (`bundler-tasks/1`, `bundler-plan/1`).

These models check the *shape* of one record at a time (types, time format, a slot's
own consistency). Checks that need the whole file (unique ids, references, pinned
jobs) live in `bundler.validation`, so that every problem can be reported at once.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from bundler.field_types import Flag, Id, Number, Text, Whole
from bundler.limits import MAX_SLOTS_PER_TASK

TASKS_FORMAT = "bundler-tasks/1"
PLAN_FORMAT = "bundler-plan/1"

DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Objective = Literal["jobs", "hours", "cover"]
WEEK_HOURS = 7 * 24

_TIME = re.compile(r"^([0-9]{2}):([0-9]{2})$")
"""ASCII digits only: `\\d` would also read Arabic-Indic or full-width digits as a time."""


def to_minutes(hhmm: str) -> int:
    """Minutes since midnight of a valid `HH:MM` string."""
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def to_hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _check_time(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"time must be a string 'HH:MM', got {value!r}")
    match = _TIME.match(value.strip())
    if not match:
        raise ValueError(f"time {value!r} is not HH:MM (24-hour, e.g. 07:30)")
    hours, minutes = int(match[1]), int(match[2])
    if minutes > 59 or hours > 24 or (hours == 24 and minutes > 0):
        raise ValueError(f"time {value!r} is not between 00:00 and 24:00")
    return value.strip()


Time = Annotated[str, Field(description="HH:MM, 24-hour, 00:00..24:00")]


def without_null_options(model: type[BaseModel], data: Any) -> Any:
    """Raw record data without the optional fields given as `null` (so they take their default)."""
    if not isinstance(data, dict):
        return data
    optional = set()
    for name, info in model.model_fields.items():
        if not info.is_required():
            optional |= {name, info.alias or name}
    return {k: v for k, v in data.items() if v is not None or k not in optional}


class _Record(BaseModel):
    """Unknown keys are kept (the contract allows optional additions).

    An optional field given as `null` means "not given": other tools write JSON that way.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _null_means_not_given(cls, data: Any) -> Any:
        return without_null_options(cls, data)


class Supplier(_Record):
    id: Id
    name: Text = ""
    sector: Text = ""
    cao: Text = ""


class Location(_Record):
    id: Id
    name: Text = ""
    site: Text = ""
    lat: Number | None = Field(default=None, ge=-90, le=90)
    lon: Number | None = Field(default=None, ge=-180, le=180)


class TravelEdge(_Record):
    source: Id = Field(alias="from")
    target: Id = Field(alias="to")
    minutes: Number = Field(ge=0, le=24 * 60)


class Skill(_Record):
    id: Id
    label: Text = ""
    esco: Text | None = None


class FixedSlot(_Record):
    """One weekly occurrence at a given day and time."""

    day: Day
    start: Time
    end: Time

    @field_validator("start", "end", mode="before")
    @classmethod
    def _time(cls, value: Any) -> str:
        return _check_time(value)

    @model_validator(mode="after")
    def _end_after_start(self) -> "FixedSlot":
        if to_minutes(self.end) <= to_minutes(self.start):
            raise ValueError(f"end {self.end} is not after start {self.start}")
        return self

    @property
    def minutes(self) -> int:
        return to_minutes(self.end) - to_minutes(self.start)


class FlexibleSlot(_Record):
    """One weekly occurrence of `minutes` that the optimizer places on one of `days`."""

    days: list[Day] = Field(min_length=1)
    earliest: Time
    latest: Time
    minutes: Whole = Field(gt=0, le=24 * 60)

    @field_validator("earliest", "latest", mode="before")
    @classmethod
    def _time(cls, value: Any) -> str:
        return _check_time(value)

    @field_validator("days")
    @classmethod
    def _unique_days(cls, days: list[str]) -> list[str]:
        if len(set(days)) != len(days):
            raise ValueError(f"days {days} repeat a day")
        return sorted(days, key=DAYS.index)

    @model_validator(mode="after")
    def _window_fits(self) -> "FlexibleSlot":
        window = to_minutes(self.latest) - to_minutes(self.earliest)
        if window < self.minutes:
            raise ValueError(
                f"window {self.earliest}-{self.latest} ({max(window, 0)} min) is shorter than "
                f"its {self.minutes} minutes"
            )
        return self


def _slot_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        if "day" in value:
            return "fixed"
        if "days" in value:
            return "flexible"
        return None
    if isinstance(value, FixedSlot):
        return "fixed"
    if isinstance(value, FlexibleSlot):
        return "flexible"
    return None


Slot = Annotated[
    Union[Annotated[FixedSlot, Tag("fixed")], Annotated[FlexibleSlot, Tag("flexible")]],
    Discriminator(
        _slot_kind,
        custom_error_type="slot_kind",
        custom_error_message="a slot needs either 'day', 'start', 'end' (fixed) or "
        "'days', 'earliest', 'latest', 'minutes' (flexible)",
    ),
]


Level = Literal["low", "medium", "high"]
Hygiene = Literal["dirty", "clean", "food", "patient"]
AFTER_DIRTY: tuple[str, ...] = ("clean", "food", "patient")
"""Hygiene classes that may not follow `dirty` work on the same day."""
DEMANDS = ("physical_load", "pace", "interruptions", "independence", "customer_contact")
"""Optional task-screening fields (IHW-style): what the work asks of a person."""


class Task(_Record):
    id: Id
    supplier: Id
    title: Text = ""
    location: Id
    skills: list[Id] = Field(default_factory=list)
    slots: list[Slot] = Field(min_length=1, max_length=MAX_SLOTS_PER_TASK)
    physical_load: Level | None = None
    pace: Level | None = None
    interruptions: Level | None = None
    independence: Level | None = None
    customer_contact: Level | None = None
    hygiene: Hygiene | None = None
    """`dirty` work never comes before `clean`, `food` or `patient` work on one day (rule 13)."""

    @property
    def minutes(self) -> int:
        """Weekly working minutes: the sum of its slots' durations."""
        return sum(slot.minutes for slot in self.slots)

    @property
    def hours(self) -> float:
        return self.minutes / 60


class Rules(_Record):
    min_job_hours: Number = Field(default=20, ge=0, le=WEEK_HOURS)
    max_job_hours: Number = Field(default=36, gt=0, le=WEEK_HOURS)
    max_suppliers_per_job: Whole = Field(default=2, ge=1, le=1000)
    min_day_hours: Number = Field(default=3, ge=0, le=24)
    max_day_hours: Number = Field(default=8, gt=0, le=24)
    max_gap_minutes: Whole = Field(default=60, ge=0, le=24 * 60)
    max_skills_per_job: Whole | None = Field(default=None, ge=0, le=1000)
    max_work_days: Whole = Field(default=5, ge=1, le=7)
    min_rest_hours: Number = Field(default=11, ge=0, le=24)
    start_step_minutes: Whole = Field(default=15, ge=1, le=240)
    min_weekly_rest_hours: Number = Field(default=36, ge=0, le=144)
    break_after_hours: Number = Field(default=5.5, gt=0, le=24)
    min_break_minutes: Whole = Field(default=30, ge=0, le=24 * 60)
    changeover_minutes: Whole = Field(default=10, ge=0, le=24 * 60)
    hygiene_order: Flag = True
    spread_flexible_slots: Flag = True
    objective: Objective = "jobs"

    @model_validator(mode="after")
    def _ranges(self) -> "Rules":
        problems = []
        if self.min_job_hours > self.max_job_hours:
            problems.append(f"min_job_hours {self.min_job_hours:g} is more than max_job_hours {self.max_job_hours:g}")
        if self.min_day_hours > self.max_day_hours:
            problems.append(f"min_day_hours {self.min_day_hours:g} is more than max_day_hours {self.max_day_hours:g}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def min_job_minutes(self) -> int:
        return round(self.min_job_hours * 60)

    @property
    def max_job_minutes(self) -> int:
        return round(self.max_job_hours * 60)

    @property
    def min_day_minutes(self) -> int:
        return round(self.min_day_hours * 60)

    @property
    def max_day_minutes(self) -> int:
        return round(self.max_day_hours * 60)

    @property
    def min_rest_minutes(self) -> int:
        return round(self.min_rest_hours * 60)

    @property
    def min_weekly_rest_minutes(self) -> int:
        return round(self.min_weekly_rest_hours * 60)

    @property
    def break_after_minutes(self) -> int:
        return round(self.break_after_hours * 60)


class PinnedJob(_Record):
    id: Id
    tasks: list[Id] = Field(min_length=1)


class TaskFile(_Record):
    format: Literal["bundler-tasks/1"] = TASKS_FORMAT
    name: Text = ""
    rules: Rules = Field(default_factory=Rules)
    suppliers: list[Supplier] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    travel: list[TravelEdge] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    incompatible: list[Annotated[list[Id], Field(min_length=2, max_length=2)]] = Field(default_factory=list)
    pinned: list[PinnedJob] = Field(default_factory=list)

    def task_by_id(self) -> dict[str, Task]:
        return {task.id: task for task in self.tasks}

    def supplier_by_id(self) -> dict[str, Supplier]:
        return {supplier.id: supplier for supplier in self.suppliers}

    def to_json_dict(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", by_alias=True, exclude_none=False)
        for task in data["tasks"]:  # optional screening fields appear only when filled in
            for name in (*DEMANDS, "hygiene"):
                if task.get(name) is None:
                    task.pop(name, None)
        return data


# --- plan -------------------------------------------------------------------------

Status = Literal["OPTIMAL", "FEASIBLE", "INFEASIBLE", "UNKNOWN"]


class ScheduleEntry(_Record):
    task: str
    day: Day
    start: Time
    end: Time
    location: str


class JobQuality(_Record):
    """A job coach's indicators of one job (an optional addition to the plan file)."""

    longest_day_hours: float = 0.0
    longest_wait_minutes: int = 0
    """The longest wait between two pieces of work on one day, travel not counted."""
    idle_minutes: int = 0
    """All waiting in a week, travel not counted."""
    max_buildings_per_day: int = 0
    max_suppliers_per_day: int = 0
    max_tasks_per_day: int = 0
    weekend_days: int = 0
    uneven_hours: float = 0.0
    """Hours of the longest working day less those of the shortest."""
    early_late_switches: int = 0
    """Consecutive working days (the week repeats) that switch between early and late."""
    warnings_nl: list[str] = Field(default_factory=list)
    warnings_en: list[str] = Field(default_factory=list)


class PlanJob(_Record):
    id: Id
    """Printable: job ids become file names, sheet names and labels (the other ids are the checker's to judge)."""
    tasks: list[str]
    suppliers: list[str]
    employer: str
    hours: float
    skills: list[str] = Field(default_factory=list)
    schedule: list[ScheduleEntry] = Field(default_factory=list)
    quality: JobQuality | None = None


class Unassigned(_Record):
    task: str
    reason: str = ""
    """In English (the contract's field)."""
    reason_nl: str | None = None
    """The same reason in Dutch (an optional addition)."""
    rule: str | None = None
    """The key of the rule that blocks the task (`bundler.rules.Rule.key`), when one does."""


class Kpis(_Record):
    jobs: int = 0
    bundled_hours: float = 0.0
    total_hours: float = 0.0
    jobs_upper_bound: int = 0
    banenafspraak_jobs: float = 0.0


class SolverInfo(_Record):
    seconds: float = 0.0
    workers: int = 1
    seed: int = 0
    stopped_by: Literal["work", "time", "user"] = "work"
    """What ended the search: its work caps (the plan is repeatable), the deadline, or a stop."""


class Plan(_Record):
    format: Literal["bundler-plan/1"] = PLAN_FORMAT
    name: str = ""
    status: Status
    jobs: list[PlanJob] = Field(default_factory=list)
    unassigned: list[Unassigned] = Field(default_factory=list)
    kpis: Kpis = Field(default_factory=Kpis)
    solver: SolverInfo = Field(default_factory=SolverInfo)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)

"""A person's limits as a task file: the same rule book, tightened to one person.

`tailor(task_file, candidate, tasks)` gives the task file of the jobs this person can
hold: only the tasks whose skills, screening levels and places fit them; each fixed slot
kept only when it lies inside their hours, each flexible slot narrowed to their days and
hours (its window start rounded up onto the task's own start grid, so a start chosen
there is a valid start in the original file); and the rules tightened by their limits
(weekly hours, hours a day, working days). Every engine route and the plan checker then
apply unchanged, and a valid job of the tailored file is a valid job of the original
file that fits the person by all seven fit rules.

Tasks left out are kept with their reasons, for the explanation of a person not placed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from bundler.domain import FixedSlot, FlexibleSlot, Task, TaskFile, to_hhmm, to_minutes
from bundler.people.candidates import Candidate, level_at_most


@dataclass(frozen=True)
class Exclusion:
    """Why a task cannot be part of this person's job (a fit rule, with its detail)."""

    kind: str
    """'skills', 'limit', 'reach', 'days' (no slot day in their days), 'before' / 'after' (work
    outside their hours, detail: their edge), 'window' (a flexible window too narrow)."""
    detail: str = ""


@dataclass
class Tailored:
    candidate: Candidate
    task_file: TaskFile | None
    """None when the person's limits and the rules leave no job at all (see `impossible`)."""
    excluded: dict[str, list[Exclusion]] = field(default_factory=dict)
    impossible: list[tuple[str, str]] = field(default_factory=list)
    """(en, nl) reasons why no job can fit this person whatever the tasks."""

    @property
    def task_ids(self) -> list[str]:
        return [t.id for t in self.task_file.tasks] if self.task_file else []


def _windows_by_day(candidate: Candidate) -> dict[str, list[tuple[int, int]]]:
    by_day: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for w in candidate.available or []:
        for d in w.days:
            by_day[d].append((to_minutes(w.start), to_minutes(w.end)))
    return by_day


def _inside(by_day: dict[str, list[tuple[int, int]]], day: str, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in by_day.get(day, ()))


def _fixed_cause(by_day: dict[str, list[tuple[int, int]]], slot: FixedSlot) -> Exclusion:
    windows = by_day.get(slot.day)
    if not windows:
        return Exclusion("days", slot.day)
    start, end = to_minutes(slot.start), to_minutes(slot.end)
    first, last = min(a for a, _ in windows), max(b for _, b in windows)
    if start < first:
        return Exclusion("before", to_hhmm(first))
    if end > last:
        return Exclusion("after", to_hhmm(last))
    return Exclusion("window", f"{slot.day} {slot.start}-{slot.end}")


def narrow_flexible(slot: FlexibleSlot, by_day: dict[str, list[tuple[int, int]]], step: int) -> FlexibleSlot | None:
    """The flexible slot within the person's hours, or None when it cannot be placed there.

    A slot has one window for all its days; when the person's hours differ per day, the
    narrowed window that keeps the most room (days times possible starts) wins. The new
    `earliest` is the old one plus whole start steps, so every start stays on the grid."""
    earliest, latest = to_minutes(slot.earliest), to_minutes(slot.latest)
    best, best_room = None, 0
    edges = sorted({edge for d in slot.days for edge in by_day.get(d, ())})
    for a, b in edges:
        lo = earliest + max(0, math.ceil((a - earliest) / step)) * step
        hi = min(latest, b)
        if hi - lo < slot.minutes:
            continue
        days = [d for d in slot.days if _inside(by_day, d, lo, hi)]
        if not days:
            continue
        room = len(days) * ((hi - lo - slot.minutes) // step + 1)
        if room > best_room:
            best_room = room
            best = FlexibleSlot(days=days, earliest=to_hhmm(lo), latest=to_hhmm(hi), minutes=slot.minutes)
    return best


def _flexible_cause(slot: FlexibleSlot, by_day: dict[str, list[tuple[int, int]]]) -> Exclusion:
    days = [d for d in slot.days if by_day.get(d)]
    if not days:
        return Exclusion("days", slot.days[0])
    first = min(a for d in days for a, _ in by_day[d])
    last = max(b for d in days for _, b in by_day[d])
    if to_minutes(slot.latest) - slot.minutes < first:
        return Exclusion("before", to_hhmm(first))
    if to_minutes(slot.earliest) + slot.minutes > last:
        return Exclusion("after", to_hhmm(last))
    return Exclusion("window", f"{slot.minutes} min")


def task_exclusions(task: Task, candidate: Candidate, sites: dict[str, str]) -> list[Exclusion]:
    """Why this task can never be in a job of this person, apart from their hours."""
    out = []
    known = candidate.known_skills()
    if known is not None:
        missing = sorted(set(task.skills) - known)
        if missing:
            out.append(Exclusion("skills", missing[0]))
    for dim, limit in candidate.limits.given().items():
        if not level_at_most(getattr(task, dim), limit):
            out.append(Exclusion("limit", dim))
    if candidate.reach is not None and task.location not in candidate.reach \
            and sites.get(task.location) not in candidate.reach:
        out.append(Exclusion("reach", task.location))
    return out


def tailored_slots(task: Task, candidate: Candidate, step: int) -> tuple[list | None, Exclusion | None]:
    """The task's slots within the person's hours, or (None, why not)."""
    if candidate.available is None:
        return list(task.slots), None
    by_day = _windows_by_day(candidate)
    slots = []
    for slot in task.slots:
        if isinstance(slot, FixedSlot):
            if not _inside(by_day, slot.day, to_minutes(slot.start), to_minutes(slot.end)):
                return None, _fixed_cause(by_day, slot)
            slots.append(slot)
        else:
            narrowed = narrow_flexible(slot, by_day, step)
            if narrowed is None:
                return None, _flexible_cause(slot, by_day)
            slots.append(narrowed)
    return slots, None


def _floor_hours(hours: float) -> float:
    return math.floor(hours * 60 + 1e-6) / 60


def _ceil_hours(hours: float) -> float:
    return math.ceil(hours * 60 - 1e-6) / 60


def tightened_rules(task_file: TaskFile, candidate: Candidate) -> tuple[dict | None, list[tuple[str, str]]]:
    """The rules with the person's limits, or (None, why no job can ever fit them)."""
    rules = task_file.rules
    values = rules.model_dump()
    values["objective"] = "jobs"
    impossible: list[tuple[str, str]] = []
    if candidate.min_week_hours is not None:
        values["min_job_hours"] = max(rules.min_job_hours, _ceil_hours(candidate.min_week_hours))
    if candidate.max_week_hours is not None:
        values["max_job_hours"] = min(rules.max_job_hours, _floor_hours(candidate.max_week_hours))
        if candidate.max_week_hours < rules.min_job_hours:
            impossible.append((f"you work at most {candidate.max_week_hours:g} h a week, and every job here has at "
                               f"least {rules.min_job_hours:g} h (min_job_hours)",
                               f"je werkt hoogstens {candidate.max_week_hours:g} uur per week, en elke baan hier heeft "
                               f"minstens {rules.min_job_hours:g} uur (min_job_hours)"))
    if candidate.min_week_hours is not None and candidate.min_week_hours > rules.max_job_hours:
        impossible.append((f"you want at least {candidate.min_week_hours:g} h a week, and a job here has at most "
                           f"{rules.max_job_hours:g} h (max_job_hours)",
                           f"je wilt minstens {candidate.min_week_hours:g} uur per week, en een baan hier heeft "
                           f"hoogstens {rules.max_job_hours:g} uur (max_job_hours)"))
    if candidate.max_day_hours is not None:
        values["max_day_hours"] = min(rules.max_day_hours, _floor_hours(candidate.max_day_hours))
        if candidate.max_day_hours < rules.min_day_hours:
            impossible.append((f"you work at most {candidate.max_day_hours:g} h a day, and a working day here has at "
                               f"least {rules.min_day_hours:g} h (min_day_hours)",
                               f"je werkt hoogstens {candidate.max_day_hours:g} uur per dag, en een werkdag hier heeft "
                               f"minstens {rules.min_day_hours:g} uur (min_day_hours)"))
    if candidate.max_work_days is not None:
        values["max_work_days"] = min(rules.max_work_days, candidate.max_work_days)
    if candidate.max_day_hours is not None and candidate.max_work_days is not None:
        most = min(candidate.max_day_hours, rules.max_day_hours) * min(candidate.max_work_days, rules.max_work_days)
        if most < values["min_job_hours"] - 1e-6:
            impossible.append((f"{min(candidate.max_work_days, rules.max_work_days)} days of at most "
                               f"{min(candidate.max_day_hours, rules.max_day_hours):g} h make {most:g} h, less than "
                               f"the {values['min_job_hours']:g} h a job needs",
                               f"{min(candidate.max_work_days, rules.max_work_days)} dagen van hoogstens "
                               f"{min(candidate.max_day_hours, rules.max_day_hours):g} uur is {most:g} uur, minder dan "
                               f"de {values['min_job_hours']:g} uur die een baan nodig heeft"))
    if values["min_job_hours"] > values["max_job_hours"] and not impossible:
        impossible.append((f"your weekly hours and the job rules ({rules.min_job_hours:g}-{rules.max_job_hours:g} h) "
                           f"do not overlap", f"jouw weekuren en de regels voor een baan "
                           f"({rules.min_job_hours:g}-{rules.max_job_hours:g} uur) overlappen niet"))
    return (None if impossible else values), impossible


def tailor(task_file: TaskFile, candidate: Candidate, task_ids: set[str] | None = None) -> Tailored:
    """The task file of the jobs this person can hold, over the given tasks (default: all)."""
    rules, impossible = tightened_rules(task_file, candidate)
    sites = {loc.id: loc.site for loc in task_file.locations}
    step = task_file.rules.start_step_minutes
    kept: list[Task] = []
    excluded: dict[str, list[Exclusion]] = {}
    for task in task_file.tasks:
        if task_ids is not None and task.id not in task_ids:
            continue
        reasons = task_exclusions(task, candidate, sites)
        slots, why = tailored_slots(task, candidate, step)
        if why is not None:
            reasons.append(why)
        if reasons:
            excluded[task.id] = reasons
            continue
        kept.append(task.model_copy(update={"slots": slots}))
    if rules is None:
        return Tailored(candidate, None, excluded, impossible)
    ids = {t.id for t in kept}
    data = task_file.model_copy(update={
        "rules": task_file.rules.model_validate(rules),
        "tasks": kept,
        "incompatible": [pair for pair in task_file.incompatible if pair[0] in ids and pair[1] in ids],
        "pinned": [],
    })
    return Tailored(candidate, data, excluded, [])


"""The independent plan checker behind `bundler check`.

It re-derives every rule of the contract from the task file alone and compares the
plan against it. On purpose it shares no code with the optimizer (no import of the
model, the preparation, the rule book or the job scheduler): a bug there must not hide
here. It imports only `bundler.domain` (the file format) and `bundler.rules` (the names
of the rules).

Each rule is one method of `_JobChecker`, named after the rule, so a reader finds a rule
by its name. The schedule rules look at *occurrences*: the schedule entries matched to
the slots of the job's tasks, sorted per day by start (then end, location, task), as
the shared reference checker does. The checker is total: odd input gives a violation,
never an exception.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

import networkx as nx

from bundler.domain import (
    AFTER_DIRTY,
    DAYS,
    PLAN_FORMAT,
    FixedSlot,
    FlexibleSlot,
    Plan,
    PlanJob,
    ScheduleEntry,
    Task,
    TaskFile,
    to_minutes,
)
from bundler.rules import Rule

_EPS = 1e-6
_DAY = 24 * 60


@dataclass(frozen=True)
class Violation:
    """One broken rule: which job (or "" for the plan as a whole), which rule, in plain words."""

    job: str
    rule: Rule
    message: str


class _Travel:
    """Shortest travel minutes over the undirected travel graph; None when unreachable."""

    def __init__(self, task_file: TaskFile):
        self.graph = nx.Graph()
        self.graph.add_nodes_from(location.id for location in task_file.locations)
        for edge in task_file.travel:
            old = self.graph.get_edge_data(edge.source, edge.target)
            if old is None or edge.minutes < old["minutes"]:
                self.graph.add_edge(edge.source, edge.target, minutes=edge.minutes)
        self._memo: dict[str, dict[str, float]] = {}

    def minutes(self, a: str, b: str) -> float | None:
        if a == b:
            return 0.0
        if a not in self.graph:
            return None
        if a not in self._memo:
            self._memo[a] = nx.single_source_dijkstra_path_length(self.graph, a, weight="minutes")
        return self._memo[a].get(b)


_CLOCK = re.compile(r"\s*([0-9]+):([0-9]+)\s*")
"""ASCII digits only: int() would also read Arabic-Indic or full-width digits."""


def _time(text: str) -> int | None:
    """Minutes since midnight of an entry's `HH:MM`; None when it cannot be read.

    As lenient as the reference checker (`7:00` reads as 07:00): the plan model does not
    check the format of an entry's times, and a time that cannot be read matches no slot.
    """
    match = _CLOCK.fullmatch(str(text))
    return int(match[1]) * 60 + int(match[2]) if match else None


def _hours(minutes: float) -> str:
    """Minutes as hours for a message: 630 -> '10.5', 560 -> '9.33'."""
    return f"{round(minutes / 60, 2):g}"


def _fits(slot, entry: ScheduleEntry, location: str, step: int | None) -> bool:
    """Could this schedule entry be the placement of this slot?

    A flexible slot's entry starts at `earliest` plus a whole number of `step` minutes
    (the start grid); `step=None` leaves the grid out.
    """
    start, end = _time(entry.start), _time(entry.end)
    if start is None or end is None or entry.location != location:
        return False
    if isinstance(slot, FixedSlot):
        return entry.day == slot.day and start == to_minutes(slot.start) and end == to_minutes(slot.end)
    earliest = to_minutes(slot.earliest)
    return (entry.day in slot.days and start >= earliest and end <= to_minutes(slot.latest)
            and end - start == slot.minutes and (step is None or (start - earliest) % step == 0))


def _slot_text(slot) -> str:
    if isinstance(slot, FixedSlot):
        return f"{slot.day} {slot.start}-{slot.end}"
    return f"{slot.minutes} min on {'/'.join(slot.days)} between {slot.earliest} and {slot.latest}"


@dataclass(frozen=True, order=True)
class _Occurrence:
    """One matched schedule entry; the field order is the order of a day (as the reference sorts)."""

    start: int
    end: int
    location: str
    task_id: str
    day: str = field(compare=False)
    task: Task = field(compare=False)

    @property
    def text(self) -> str:
        return f"{self.task_id} {_clock(self.start)}-{_clock(self.end)}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class _Pair:
    """Two consecutive occurrences of one day, with the gap and travel time between them."""

    first: _Occurrence
    second: _Occurrence
    gap: int
    travel: float | None

    @property
    def names(self) -> str:
        return f"{self.first.task_id} and {self.second.task_id}"


class _JobChecker:
    def __init__(self, task_file: TaskFile, travel: _Travel, job: PlanJob):
        self.task_file, self.travel, self.job = task_file, travel, job
        self.rules = task_file.rules
        tasks = task_file.task_by_id()
        self.tasks: list[Task] = [tasks[t] for t in dict.fromkeys(job.tasks) if t in tasks]
        self.violations: list[Violation] = []
        self.entries: dict[str, list[ScheduleEntry]] = defaultdict(list)
        for entry in job.schedule:
            self.entries[entry.task].append(entry)
        self.unmatched: list[tuple[Task, int, object, list[ScheduleEntry]]] = []
        """(task, slot index, slot, the task's unmatched entries) per slot without an entry."""
        self.occurrences: list[_Occurrence] = []
        """Every schedule entry matched to a slot, in day order."""
        self.placed: dict[str, list[tuple[object, ScheduleEntry]]] = {}
        """(slot, entry) per task whose every slot has its entry."""
        self.by_day: dict[str, list[_Occurrence]] = {}

    def add(self, rule: Rule, message: str) -> None:
        self.violations.append(Violation(self.job.id, rule, f"job {self.job.id}: {message}"))

    def run(self) -> list[Violation]:
        if not self.tasks:
            self.add(Rule.PLAN_FILE, "has no known tasks")
            return self.violations
        for check in (self.job_hours, self.reported_hours, self.suppliers, self.listed_suppliers,
                      self.employer, self.skills, self.region, self.incompatible):
            check()
        self.match_entries()
        for check in (self.schedule, self.start_grid, self.spread, self.work_days, self.daily_rest,
                      self.weekly_rest):
            check()
        for day in DAYS:
            occurrences = self.by_day.get(day, [])
            if not occurrences:
                continue
            pairs = [_Pair(a, b, b.start - a.end, self.travel.minutes(a.location, b.location))
                     for a, b in pairwise(occurrences)]
            self.day_hours(day, occurrences)
            for check in (self.overlap, self.travel_time, self.gap, self.changeover):
                check(day, pairs)
            self.pause(day, occurrences, pairs)
            self.hygiene(day, occurrences)
        return self.violations

    # --- rules 2, 3, 6, 7 and the plan file's own figures ---------------------------

    def job_hours(self) -> None:
        """Rule 2: weekly hours within [min_job_hours, max_job_hours]."""
        minutes = sum(t.minutes for t in self.tasks)
        low, high = self.rules.min_job_hours, self.rules.max_job_hours
        if minutes / 60 < low - _EPS or minutes / 60 > high + _EPS:
            self.add(Rule.JOB_HOURS, f"{_hours(minutes)} h a week is outside {low:g}-{high:g} h")

    def reported_hours(self) -> None:
        """The job's `hours` is the sum of its tasks' hours (the plan file agrees with itself)."""
        minutes = sum(t.minutes for t in self.tasks)
        if not abs(self.job.hours - minutes / 60) <= 0.01:
            self.add(Rule.PLAN_FILE, f"reports {self.job.hours:g} h but its tasks add up to {_hours(minutes)} h")

    def _minutes_by_supplier(self) -> Counter[str]:
        by_supplier: Counter[str] = Counter()
        for task in self.tasks:
            by_supplier[task.supplier] += task.minutes
        return by_supplier

    def suppliers(self) -> None:
        """Rule 3: at most max_suppliers_per_job distinct suppliers."""
        by_supplier = self._minutes_by_supplier()
        if len(by_supplier) > self.rules.max_suppliers_per_job:
            self.add(Rule.SUPPLIERS, f"has {len(by_supplier)} suppliers ({', '.join(sorted(by_supplier))}), "
                                     f"at most {self.rules.max_suppliers_per_job} allowed")

    def listed_suppliers(self) -> None:
        """The job's `suppliers` are the suppliers of its tasks (the plan file agrees with itself)."""
        by_supplier = self._minutes_by_supplier()
        if set(self.job.suppliers) != set(by_supplier):
            self.add(Rule.PLAN_FILE, f"lists suppliers {sorted(self.job.suppliers)} but its tasks come from "
                                     f"{sorted(by_supplier)}")

    def employer(self) -> None:
        """The employer is the supplier contributing most hours."""
        by_supplier = self._minutes_by_supplier()
        most = max(by_supplier.values())
        if self.job.employer not in by_supplier:
            self.add(Rule.EMPLOYER, f"employer {self.job.employer} contributes no task")
        elif by_supplier[self.job.employer] < most:
            self.add(Rule.EMPLOYER, f"employer {self.job.employer} gives {_hours(by_supplier[self.job.employer])} h, "
                                    f"less than another supplier's {_hours(most)} h")

    def skills(self) -> None:
        """Rule 6: at most max_skills_per_job skills, when set."""
        limit = self.rules.max_skills_per_job
        union = {skill for task in self.tasks for skill in task.skills}
        if limit is not None and len(union) > limit:
            self.add(Rule.SKILLS, f"needs {len(union)} skills, at most {limit} allowed")

    def region(self) -> None:
        """Rule 7: all locations connected by travel edges."""
        locations = sorted({task.location for task in self.tasks})
        for other in locations[1:]:
            if self.travel.minutes(locations[0], other) is None:
                self.add(Rule.REGION, f"{locations[0]} and {other} are not connected by travel")

    def incompatible(self) -> None:
        """Rule 7: no incompatible pair shares the job."""
        ids = {task.id for task in self.tasks}
        for a, b in self.task_file.incompatible:
            if a in ids and b in ids:
                self.add(Rule.INCOMPATIBLE, f"incompatible tasks {a} and {b} share the job")

    # --- the schedule: entries matched to slots, the start grid, spreading ------------

    def match_entries(self) -> None:
        """Pair each slot with its own schedule entry (a bipartite matching per task).

        The matching respects the start grid, as the reference does: a flexible slot whose
        only candidate entry is off the grid stays unmatched (see `start_grid`). The matched
        entries become the occurrences every schedule rule looks at.
        """
        step = max(1, int(self.rules.start_step_minutes))
        for task in self.tasks:
            own = self.entries.get(task.id, [])
            if len(own) != len(task.slots):
                continue  # `schedule` reports it
            matching = _match(task, own, step)
            unused = [entry for k, entry in enumerate(own) if k not in matching.values()]
            self.unmatched += [(task, i, slot, unused) for i, slot in enumerate(task.slots) if i not in matching]
            for k in matching.values():
                entry = own[k]
                self.occurrences.append(_Occurrence(_time(entry.start), _time(entry.end), task.location,
                                                    task.id, entry.day, task))
            if len(matching) == len(task.slots):
                self.placed[task.id] = [(task.slots[i], own[k]) for i, k in sorted(matching.items())]
        self.occurrences.sort()
        by_day: dict[str, list[_Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            by_day[occurrence.day].append(occurrence)
        self.by_day = dict(by_day)

    @staticmethod
    def _off_grid(task: Task, slot, unused: list[ScheduleEntry]) -> ScheduleEntry | None:
        """An unmatched entry that would fit this slot but for the start grid."""
        return next((entry for entry in unused if _fits(slot, entry, task.location, None)), None)

    def schedule(self) -> None:
        """One schedule entry per slot of each task in the job, each fitting its slot; no other entries."""
        strangers = sorted(set(self.entries) - {task.id for task in self.tasks})
        if strangers:
            self.add(Rule.SCHEDULE, f"schedule names tasks that are not in the job: {', '.join(strangers)}")
        for task in self.tasks:
            own = self.entries.get(task.id, [])
            if len(own) != len(task.slots):
                self.add(Rule.SCHEDULE, f"task {task.id} has {len(task.slots)} slot(s) but {len(own)} "
                                        f"schedule entries")
        for task, i, slot, unused in self.unmatched:
            if self._off_grid(task, slot, unused) is None:
                self.add(Rule.SCHEDULE, f"task {task.id}, slot {i + 1} ({_slot_text(slot)}) has no matching "
                                        f"schedule entry at {task.location}")

    def start_grid(self) -> None:
        """A flexible slot's entry starts at `earliest` plus a whole number of start_step_minutes."""
        step = max(1, int(self.rules.start_step_minutes))
        for task, i, slot, unused in self.unmatched:
            entry = self._off_grid(task, slot, unused)
            if entry is not None:
                self.add(Rule.START_GRID, f"task {task.id}, slot {i + 1} ({_slot_text(slot)}) starts at "
                                          f"{entry.start} on {entry.day}, not {slot.earliest} plus a whole "
                                          f"number of {step} min")

    def spread(self) -> None:
        """With spread_flexible_slots: a task's flexible slots on different days, none on a fixed slot's day."""
        if not self.rules.spread_flexible_slots:
            return
        for task in self.tasks:
            placed = self.placed.get(task.id)
            if not placed:
                continue
            fixed_days = {slot.day for slot in task.slots if isinstance(slot, FixedSlot)}
            flexible_days = Counter(entry.day for slot, entry in placed if isinstance(slot, FlexibleSlot))
            for day in DAYS:
                if flexible_days[day] > 1:
                    self.add(Rule.SPREAD, f"task {task.id} has {flexible_days[day]} of its flexible slots on {day}, "
                                          f"they belong on different days")
                if flexible_days[day] and day in fixed_days:
                    self.add(Rule.SPREAD, f"task {task.id} has a flexible slot on {day}, a day it already works "
                                          f"a fixed slot")

    # --- the week: rules 8, 9, 10 ---------------------------------------------------------

    def _worked_days(self) -> list[int]:
        return [DAYS.index(day) for day in DAYS if self.by_day.get(day)]

    def _rests(self) -> list[tuple[int, _Occurrence, _Occurrence]]:
        """(minutes, last occurrence of a working day, first of the next) over the repeating week."""
        worked = self._worked_days()
        rests = []
        for a, b in zip(worked, worked[1:] + worked[:1]):
            last = max(self.by_day[DAYS[a]], key=lambda o: o.end)
            first = self.by_day[DAYS[b]][0]
            days_between = (b - a) % 7 or 7
            rests.append((days_between * _DAY + first.start - last.end, last, first))
        return rests

    def work_days(self) -> None:
        """Rule 8: at most max_work_days distinct days a week."""
        worked = self._worked_days()
        if len(worked) > self.rules.max_work_days:
            self.add(Rule.WORK_DAYS, f"works {len(worked)} days a week ({', '.join(DAYS[d] for d in worked)}), "
                                     f"at most {self.rules.max_work_days} allowed")

    def daily_rest(self) -> None:
        """Rule 9: at least min_rest_hours from the end of one working day to the start of the next (cyclic)."""
        required = self.rules.min_rest_hours
        if len(self._worked_days()) < 2 or not required:
            return
        for minutes, last, first in self._rests():
            if minutes < required * 60 - _EPS:
                self.add(Rule.DAILY_REST, f"rests {_hours(minutes)} h between {last.day} and {first.day} "
                                          f"({last.task_id} ends {_clock(last.end)} on {last.day}, {first.task_id} "
                                          f"starts {_clock(first.start)} on {first.day}), at least {required:g} h "
                                          f"required")

    def weekly_rest(self) -> None:
        """Rule 10: the longest rest of the repeating week is at least min_weekly_rest_hours."""
        required = self.rules.min_weekly_rest_hours
        rests = self._rests()
        if not rests or not required:
            return
        minutes, last, first = max(rests, key=lambda rest: rest[0])
        if minutes < required * 60 - _EPS:
            self.add(Rule.WEEKLY_REST, f"its longest rest of the week is {_hours(minutes)} h ({last.task_id} ends "
                                       f"{_clock(last.end)} on {last.day}, {first.task_id} starts "
                                       f"{_clock(first.start)} on {first.day}), at least {required:g} h required")

    # --- one day: rules 4, 5, 11, 12, 13 --------------------------------------------------

    def day_hours(self, day: str, occurrences: list[_Occurrence]) -> None:
        """Rule 5: working minutes of a day within [min_day_hours, max_day_hours]."""
        worked = sum(o.end - o.start for o in occurrences)
        low, high = self.rules.min_day_hours, self.rules.max_day_hours
        if worked < low * 60 - _EPS or worked > high * 60 + _EPS:
            self.add(Rule.DAY_HOURS, f"works {_hours(worked)} h on {day}, outside {low:g}-{high:g} h")

    def overlap(self, day: str, pairs: list[_Pair]) -> None:
        """Rule 4: no two occurrences at once."""
        for pair in pairs:
            if pair.gap < 0:
                self.add(Rule.OVERLAP, f"{pair.names} overlap on {day} ({pair.first.text}, {pair.second.text})")

    def travel_time(self, day: str, pairs: list[_Pair]) -> None:
        """Rule 4: the gap between consecutive occurrences is at least the travel time."""
        for pair in pairs:
            if pair.gap < 0:
                continue
            if pair.travel is None:
                self.add(Rule.TRAVEL, f"on {day} cannot get from {pair.first.location} ({pair.first.task_id}) "
                                      f"to {pair.second.location} ({pair.second.task_id})")
            elif pair.gap < pair.travel - _EPS:
                self.add(Rule.TRAVEL, f"on {day} only {pair.gap} min between {pair.names}, "
                                      f"travel takes {pair.travel:g} min")

    def gap(self, day: str, pairs: list[_Pair]) -> None:
        """Rule 4: the gap between consecutive occurrences is at most max_gap_minutes."""
        max_gap = self.rules.max_gap_minutes
        for pair in pairs:
            if pair.gap > max_gap + _EPS:
                self.add(Rule.GAP, f"on {day} waits {pair.gap} min between {pair.names}, at most {max_gap} allowed")

    def changeover(self, day: str, pairs: list[_Pair]) -> None:
        """Rule 12: between consecutive occurrences of different suppliers, travel plus changeover_minutes."""
        changeover = self.rules.changeover_minutes
        for pair in pairs:
            a, b = pair.first.task, pair.second.task
            if a.supplier == b.supplier or pair.travel is None or pair.gap < pair.travel - _EPS:
                continue  # same supplier, or rule 4's travel already fails
            if pair.gap < pair.travel + changeover - _EPS:
                self.add(Rule.CHANGEOVER, f"on {day} only {pair.gap} min between {pair.names} ({a.supplier} to "
                                          f"{b.supplier}), {pair.travel:g} min travel plus {changeover} min "
                                          f"changeover needed")

    def pause(self, day: str, occurrences: list[_Occurrence], pairs: list[_Pair]) -> None:
        """Rule 11: a day of more than break_after_hours has a pause (gap less travel) of min_break_minutes."""
        worked = sum(o.end - o.start for o in occurrences)
        needed = self.rules.min_break_minutes
        if worked <= self.rules.break_after_hours * 60 + _EPS or not needed:
            return
        pauses = [(pair.gap - (pair.travel or 0), pair) for pair in pairs]  # unreachable counts as no travel
        longest = max(pauses, key=lambda p: p[0], default=None)
        if longest is None:
            self.add(Rule.BREAK, f"works {_hours(worked)} h on {day} without a pause of {needed} min "
                                 f"({occurrences[0].text} in one stretch)")
        elif longest[0] < needed - _EPS:
            self.add(Rule.BREAK, f"works {_hours(worked)} h on {day} without a pause of {needed} min (the longest, "
                                 f"between {longest[1].names}, is {longest[0]:g} min)")

    def hygiene(self, day: str, occurrences: list[_Occurrence]) -> None:
        """Rule 13: with hygiene_order, no clean, food or patient work after dirty work the same day."""
        if not self.rules.hygiene_order:
            return
        dirty: _Occurrence | None = None
        for occurrence in occurrences:
            kind = occurrence.task.hygiene
            if dirty is not None and kind in AFTER_DIRTY:
                self.add(Rule.HYGIENE, f"on {day} {occurrence.task_id} ({kind}, {_clock(occurrence.start)}) comes "
                                       f"after dirty work ({dirty.text}) the same day")
            if kind == "dirty":
                dirty = occurrence


def _match(task: Task, entries: list[ScheduleEntry], step: int) -> dict[int, int]:
    """A maximum matching slot index -> entry index, entries fitting their slot (start grid included)."""
    graph = nx.Graph()
    slots = [("slot", i) for i in range(len(task.slots))]
    graph.add_nodes_from(slots)
    graph.add_nodes_from(("entry", k) for k in range(len(entries)))
    graph.add_edges_from((("slot", i), ("entry", k)) for i, slot in enumerate(task.slots)
                         for k, entry in enumerate(entries) if _fits(slot, entry, task.location, step))
    matching = nx.bipartite.hopcroft_karp_matching(graph, top_nodes=slots)
    return {i: matching[("slot", i)][1] for i in range(len(task.slots)) if ("slot", i) in matching}


def _plan_level(task_file: TaskFile, plan: Plan) -> list[Violation]:
    """Rules about the plan as a whole: every task once, pinned jobs, status, KPIs."""
    found: list[Violation] = []

    def add(rule: Rule, message: str) -> None:
        found.append(Violation("", rule, message))

    if plan.format != PLAN_FORMAT:
        add(Rule.PLAN_FILE, f"plan format is {plan.format!r}, not {PLAN_FORMAT!r}")
    tasks = task_file.task_by_id()
    place: dict[str, str] = {}
    for job in plan.jobs:
        for task_id in job.tasks:
            if task_id not in tasks:
                add(Rule.PLAN_FILE, f"job {job.id}: unknown task {task_id}")
            elif task_id in place:
                add(Rule.ONE_JOB_PER_TASK, f"task {task_id} is in {place[task_id]} and in job {job.id}")
            place.setdefault(task_id, f"job {job.id}")
    for item in plan.unassigned:
        if item.task not in tasks:
            add(Rule.PLAN_FILE, f"unassigned task {item.task} is not in the task file")
        elif item.task in place:
            add(Rule.ONE_JOB_PER_TASK, f"task {item.task} is in {place[item.task]} and also unassigned")
        place.setdefault(item.task, "unassigned")
    missing = [task_id for task_id in tasks if task_id not in place]
    if missing:
        add(Rule.PLAN_FILE, f"{len(missing)} task(s) appear nowhere in the plan: {', '.join(missing[:5])}"
                            f"{' ...' if len(missing) > 5 else ''}")
    duplicate_ids = [job_id for job_id, n in Counter(job.id for job in plan.jobs).items() if n > 1]
    for job_id in duplicate_ids:
        add(Rule.PLAN_FILE, f"job id {job_id} is used more than once")

    jobs_by_id = {job.id: job for job in plan.jobs}
    for pinned in task_file.pinned:
        job = jobs_by_id.get(pinned.id)
        if job is None or sorted(job.tasks) != sorted(pinned.tasks):
            add(Rule.PINNED, f"pinned job {pinned.id} is not in the plan with exactly tasks {', '.join(pinned.tasks)}")

    if plan.status in ("INFEASIBLE", "UNKNOWN") and plan.jobs:
        add(Rule.PLAN_FILE, f"status {plan.status} but the plan has {len(plan.jobs)} jobs")
    if task_file.rules.objective == "cover" and plan.status in ("OPTIMAL", "FEASIBLE") and plan.unassigned:
        add(Rule.COVER, f"objective 'cover' but {len(plan.unassigned)} task(s) are unassigned")

    kpis = plan.kpis
    if kpis.jobs != len(plan.jobs):
        add(Rule.PLAN_FILE, f"kpis.jobs is {kpis.jobs} but the plan has {len(plan.jobs)} jobs")
    bundled = sum(tasks[t].minutes for job in plan.jobs for t in set(job.tasks) if t in tasks) / 60
    if not abs(kpis.bundled_hours - bundled) <= 0.01:
        add(Rule.PLAN_FILE, f"kpis.bundled_hours is {kpis.bundled_hours:g} but the jobs hold {bundled:g} h")
    total = sum(task.minutes for task in task_file.tasks) / 60
    if not abs(kpis.total_hours - total) <= 0.01:
        add(Rule.PLAN_FILE, f"kpis.total_hours is {kpis.total_hours:g} but the tasks add up to {total:g} h")
    if kpis.jobs_upper_bound < len(plan.jobs):
        add(Rule.PLAN_FILE, f"kpis.jobs_upper_bound {kpis.jobs_upper_bound} is below the {len(plan.jobs)} jobs found")
    return found


def check_plan(task_file: TaskFile, plan: Plan) -> list[Violation]:
    """Every violation of the contract's rules by this plan; empty when the plan is valid."""
    travel = _Travel(task_file)
    violations = _plan_level(task_file, plan)
    for job in plan.jobs:
        violations.extend(_JobChecker(task_file, travel, job).run())
    return violations

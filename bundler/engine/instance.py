"""Everything the solver needs, computed once: travel times, regions, placements, conflicts.

The model builder only translates this into constraints; it never looks at the task
file again. Flexible slots become a short list of candidate placements (day, start):
the window's edges, a time grid, and the moments right after or before fixed work at
another building (travel included), so the model can treat every occurrence alike.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, NamedTuple

import networkx as nx

from bundler.domain import DAYS, FixedSlot, TaskFile, to_minutes
from bundler.engine.conflicts import pairwise_conflicts
from bundler.engine.rulebook import (
    Breach,
    Occurrence,
    group_by_day,
    rest_breach,
    schedule_breaches,
)
from bundler.rules import Rule

MAX_GRID_PLACEMENTS_PER_DAY = 10
MAX_ADJACENT_PLACEMENTS_PER_DAY = 6
GRID_STEPS = (15, 30, 60, 120, 240)


class Placement(NamedTuple):
    """One weekly occurrence: day index (0 = Monday), start and end in minutes.

    A named tuple: the scheduler compares and sorts millions of these, and tuples do
    that at C speed.
    """

    day: int
    start: int
    end: int

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass
class PreparedTask:
    index: int
    id: str
    supplier: int
    location: int
    minutes: int
    skills: frozenset[int]
    slots: tuple[tuple[Placement, ...], ...]
    """Per slot its candidate placements; a fixed slot has exactly one."""
    flexible: tuple[bool, ...]
    hygiene: str | None = None

    @property
    def is_flexible(self) -> bool:
        return any(self.flexible)

    @cached_property
    def fixed_placements(self) -> tuple[Placement, ...]:
        return tuple(opts[0] for opts, flex in zip(self.slots, self.flexible) if not flex)

    @cached_property
    def fixed_by_day(self) -> dict[int, list[Placement]]:
        by_day: dict[int, list[Placement]] = defaultdict(list)
        for p in self.fixed_placements:
            by_day[p.day].append(p)
        return dict(by_day)

    @cached_property
    def fixed_days(self) -> frozenset[int]:
        return frozenset(p.day for p in self.fixed_placements)


@dataclass
class Instance:
    task_file: TaskFile
    tasks: list[PreparedTask]
    index: dict[str, int]
    suppliers: list[str]
    locations: list[str]
    skills: list[str]
    travel: dict[int, dict[int, float]]
    """Shortest travel minutes between locations of one region."""
    region_of_location: list[int]
    incompatible: set[frozenset[int]]
    conflicts: list[set[int]] = field(default_factory=list)
    """conflicts[t]: tasks that can never share a job with t (veto, time, size, ...), same region only."""
    separations: list[set[int]] = field(default_factory=list)
    """The conflicts a job model must forbid pair by pair: vetoes and clashes that are
    not a plain overlap of fixed work (those are cut by time-point cliques) nor a
    capacity limit (those are cut by the hours, supplier and skill constraints)."""
    own_problems: dict[int, list[Breach]] = field(default_factory=dict)
    """Tasks that break a rule on their own, with the reasons."""

    @property
    def rules(self):
        return self.task_file.rules

    def travel_minutes(self, a: int, b: int) -> float | None:
        """Minutes from location a to b; None when they are in different regions."""
        if a == b:
            return 0.0
        return self.travel.get(a, {}).get(b)

    def travel_gap(self, a: int, b: int) -> int | None:
        """Whole minutes of gap needed between work at a and work at b."""
        minutes = self.travel_minutes(a, b)
        return None if minutes is None else math.ceil(minutes - 1e-9)

    def region_of_task(self, t: int) -> int:
        return self.region_of_location[self.tasks[t].location]

    @cached_property
    def day_answers(self) -> dict:
        """Answers of the one-day search (`day_schedule`), kept for the next question."""
        return {}

    @cached_property
    def regions(self) -> list[list[int]]:
        """Task indices per region, regions in order of their first task."""
        groups: dict[int, list[int]] = defaultdict(list)
        for task in self.tasks:
            groups[self.region_of_task(task.index)].append(task.index)
        return list(groups.values())


def _travel_tables(task_file: TaskFile, locations: list[str]) -> tuple[dict[int, dict[int, float]], list[int]]:
    graph = nx.Graph()
    graph.add_nodes_from(range(len(locations)))
    pos = {loc: i for i, loc in enumerate(locations)}
    for edge in task_file.travel:
        a, b = pos[edge.source], pos[edge.target]
        if a == b:
            continue
        if graph.has_edge(a, b):
            graph[a][b]["minutes"] = min(graph[a][b]["minutes"], edge.minutes)
        else:
            graph.add_edge(a, b, minutes=edge.minutes)
    region_of_location = [0] * len(locations)
    travel: dict[int, dict[int, float]] = {}
    components = sorted(nx.connected_components(graph), key=min)
    for region, component in enumerate(components):
        for loc in component:
            region_of_location[loc] = region
        if len(component) > 1:
            sub = graph.subgraph(component)
            for source, lengths in nx.all_pairs_dijkstra_path_length(sub, weight="minutes"):
                travel[source] = dict(lengths)
    return travel, region_of_location


def _on_grid(earliest: int, start: int, step: int, up: bool) -> int:
    """The grid start (earliest + a whole number of steps) nearest to `start`, upwards or down."""
    steps, rest = divmod(start - earliest, step)
    return earliest + (steps + (1 if up and rest else 0)) * step


def _grid(earliest: int, last_start: int, step: int) -> list[int]:
    """Evenly spaced starts on the start grid, coarse enough to stay few: whole quarters,
    halves or hours when the window starts on one, else multiples of the start step."""
    for spacing in GRID_STEPS:
        spacing = max(step, -(-spacing // step) * step)
        points = list(range(earliest, last_start + 1, spacing))
        if len(points) <= MAX_GRID_PLACEMENTS_PER_DAY:
            return points
    return []


class _FixedWork:
    """A region's fixed work of one day, sorted by start: only the pieces around a window
    are looked at when placing a flexible slot (not the whole day, at a big site)."""

    def __init__(self):
        self.pieces: list[tuple[Placement, int]] = []
        self.starts: list[int] = []
        self.longest = 0

    def add(self, p: Placement, location: int) -> None:
        self.pieces.append((p, location))

    def sort(self) -> None:
        self.pieces.sort()
        self.starts = [p.start for p, _ in self.pieces]
        self.longest = max((p.minutes for p, _ in self.pieces), default=0)

    def around(self, low: int, high: int) -> list[tuple[Placement, int]]:
        """Pieces that end at or after `low` and start at or before `high` (and a few more)."""
        return self.pieces[bisect_left(self.starts, low - self.longest):bisect_right(self.starts, high)]


NEARBY_LOCATIONS = 8
"""Flexible work is placed next to fixed work at the closest buildings only (a big site
has hundreds of pieces an hour; the next building over is where a partner task is)."""


def _nearby_work(work: dict[int, _FixedWork], location: int, instance: Instance, low: int, high: int):
    """Fixed work of one day within [low, high] at the buildings closest to `location`."""
    closest = sorted(work, key=lambda loc: (instance.travel_minutes(location, loc) or 0, loc))
    for loc in closest[:NEARBY_LOCATIONS]:
        yield from work[loc].around(low, high)


def _flexible_placements(slot, task_location: int, day: int, fixed: dict[int, dict[int, _FixedWork]],
                         instance: Instance, reach: int) -> list[Placement]:
    """Candidate placements of a flexible slot on one day, all on the start grid."""
    step = instance.rules.start_step_minutes
    earliest, latest, minutes = to_minutes(slot.earliest), to_minutes(slot.latest), slot.minutes
    last_start = _on_grid(earliest, latest - minutes, step, up=False)
    if last_start < earliest:
        return []
    starts = {earliest, last_start, *_grid(earliest, last_start, step)}
    adjacent: Counter[int] = Counter()
    for occ, location in _nearby_work(fixed.get(day, {}), task_location, instance,
                                      earliest - step - reach, latest + step + reach):
        gap = instance.travel_gap(location, task_location)
        if gap is None or location == task_location:
            continue
        adjacent[_on_grid(earliest, occ.end + gap, step, up=True)] += 1
        adjacent[_on_grid(earliest, occ.start - gap - minutes, step, up=False)] += 1
    fitting = [s for s, _ in adjacent.most_common() if earliest <= s <= last_start and s not in starts]
    starts.update(fitting[:MAX_ADJACENT_PLACEMENTS_PER_DAY])
    return [Placement(day, s, s + minutes) for s in sorted(starts)]


def _overlap(a: Placement, b: Placement) -> bool:
    return a.day == b.day and a.start < b.end and b.start < a.end


def _clashes_with_own(instance: Instance, p: Placement, own_fixed: dict[int, list[Occurrence]]) -> bool:
    """A placement of a task's flexible slot that overlaps its own fixed work, or leaves
    too little rest before or after it (the pair rules that hold within one task)."""
    for day in (p.day, (p.day - 1) % 7, (p.day + 1) % 7):
        for q, _, _ in own_fixed.get(day, ()):
            if _overlap(p, q) or rest_breach(instance, p, q):
                return True
    return False


def _own_problems(instance: Instance, task: PreparedTask) -> list[Breach]:
    """Reasons a task cannot be in any job, whatever its partners."""
    rules = instance.rules
    problems = []
    if task.minutes > rules.max_job_minutes:
        problems.append(Breach(Rule.JOB_HOURS, f"it is {task.minutes / 60:g} h a week, more than the "
                                               f"{rules.max_job_hours:g} h a job may have"))
    if rules.max_skills_per_job is not None and len(task.skills) > rules.max_skills_per_job:
        problems.append(Breach(Rule.SKILLS, f"it needs {len(task.skills)} skills, more than the "
                                            f"{rules.max_skills_per_job} a job may ask"))
    fixed = [(p, task.location, task.index) for p in task.fixed_placements]
    by_day = group_by_day(fixed)
    problems += [b for b in schedule_breaches(instance, by_day, strict=False)]
    flexible_days = 0
    for slot_no, (options, flex) in enumerate(zip(task.slots, task.flexible), start=1):
        if flex and not options:
            problems.append(Breach(Rule.SPREAD if rules.spread_flexible_slots else Rule.OVERLAP,
                                   f"its flexible slot {slot_no} cannot be placed beside its own other slots"))
        flexible_days += flex
    days = len(by_day) + (flexible_days if rules.spread_flexible_slots else 0)
    if days > rules.max_work_days and not any(b.rule is Rule.WORK_DAYS for b in problems):
        problems.append(Breach(Rule.WORK_DAYS, f"its slots need {days} different days, more than the "
                                               f"{rules.max_work_days} working days a job may have"))
    return problems


def own_problems_of(instance: Instance) -> dict[int, list[str]]:
    """Tasks that break a rule on their own, with the reasons."""
    return {t.index: p for t in instance.tasks if (p := _own_problems(instance, t))}


def prepare(task_file: TaskFile, on_step: Callable[[str], None] = lambda step: None) -> Instance:
    """Build the prepared instance of a validated task file; `on_step(name)` as each step
    starts (preparing a big file takes seconds, and the room sees it move)."""
    on_step("travel times and regions")
    suppliers = [s.id for s in task_file.suppliers]
    locations = [loc.id for loc in task_file.locations]
    skills = [s.id for s in task_file.skills]
    sup_pos = {s: i for i, s in enumerate(suppliers)}
    loc_pos = {s: i for i, s in enumerate(locations)}
    skill_pos = {s: i for i, s in enumerate(skills)}
    travel, region_of_location = _travel_tables(task_file, locations)
    index = {t.id: i for i, t in enumerate(task_file.tasks)}
    instance = Instance(
        task_file=task_file,
        tasks=[],
        index=index,
        suppliers=suppliers,
        locations=locations,
        skills=skills,
        travel=travel,
        region_of_location=region_of_location,
        incompatible={frozenset((index[a], index[b])) for a, b in task_file.incompatible if a != b},
    )
    fixed_by_region_day: dict[int, dict[int, dict[int, _FixedWork]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(_FixedWork)))
    """Fixed work by region, day and location."""
    for task in task_file.tasks:
        loc = loc_pos[task.location]
        for slot in task.slots:
            if isinstance(slot, FixedSlot):
                p = Placement(DAYS.index(slot.day), to_minutes(slot.start), to_minutes(slot.end))
                fixed_by_region_day[region_of_location[loc]][p.day][loc].add(p, loc)
    for by_day in fixed_by_region_day.values():
        for by_location in by_day.values():
            for work in by_location.values():
                work.sort()
    longest_travel = max((m for row in travel.values() for m in row.values()), default=0)
    reach = math.ceil(longest_travel) + task_file.rules.changeover_minutes + task_file.rules.max_gap_minutes
    spread = task_file.rules.spread_flexible_slots
    on_step("placements of flexible work")
    for i, task in enumerate(task_file.tasks):
        loc = loc_pos[task.location]
        own_fixed = group_by_day(
            (Placement(DAYS.index(s.day), to_minutes(s.start), to_minutes(s.end)), loc, i)
            for s in task.slots if isinstance(s, FixedSlot)
        )
        slots, flexible = [], []
        for slot in task.slots:
            if isinstance(slot, FixedSlot):
                slots.append((Placement(DAYS.index(slot.day), to_minutes(slot.start), to_minutes(slot.end)),))
                flexible.append(False)
                continue
            options = [
                p
                for day in slot.days
                if not (spread and own_fixed.get(DAYS.index(day)))
                for p in _flexible_placements(slot, loc, DAYS.index(day), fixed_by_region_day[region_of_location[loc]],
                                              instance, reach)
                if not _clashes_with_own(instance, p, own_fixed)
            ]
            slots.append(tuple(options))
            flexible.append(True)
        instance.tasks.append(
            PreparedTask(
                index=i,
                id=task.id,
                supplier=sup_pos[task.supplier],
                location=loc,
                minutes=task.minutes,
                skills=frozenset(skill_pos[s] for s in task.skills),
                slots=tuple(slots),
                flexible=tuple(flexible),
                hygiene=task.hygiene,
            )
        )
    on_step("tasks that can never share a job")
    instance.own_problems = own_problems_of(instance)
    instance.conflicts, instance.separations = pairwise_conflicts(instance)
    return instance

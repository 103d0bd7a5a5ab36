"""Everything the solver needs, computed once: travel times, regions, placements, conflicts.

The model builder only translates this into constraints; it never looks at the task
file again. Flexible slots become a short list of candidate placements (day, start):
the window's edges, a time grid, and the moments right after or before fixed work at
another building (travel included), so the model can treat every occurrence alike.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import networkx as nx

from bundler.domain import DAYS, FixedSlot, TaskFile, to_minutes

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
    own_problems: dict[int, list[str]] = field(default_factory=dict)
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


def _grid(earliest: int, last_start: int) -> list[int]:
    """Evenly spaced starts on whole quarters/halves/hours, coarse enough to stay few."""
    for step in GRID_STEPS:
        first = -(-earliest // step) * step
        points = list(range(first, last_start + 1, step))
        if len(points) <= MAX_GRID_PLACEMENTS_PER_DAY:
            return points
    return []


def _flexible_placements(
    slot, task_location: int, day: int, fixed_by_day: dict[int, list[tuple[Placement, int]]], instance: Instance
) -> list[Placement]:
    earliest, latest, minutes = to_minutes(slot.earliest), to_minutes(slot.latest), slot.minutes
    last_start = latest - minutes
    starts = {earliest, last_start, *_grid(earliest, last_start)}
    adjacent: Counter[int] = Counter()
    for occ, location in fixed_by_day.get(day, []):
        gap = instance.travel_gap(location, task_location)
        if gap is None or location == task_location:
            continue
        adjacent[occ.end + gap] += 1
        adjacent[occ.start - gap - minutes] += 1
    fitting = [s for s, _ in adjacent.most_common() if earliest <= s <= last_start and s not in starts]
    starts.update(fitting[:MAX_ADJACENT_PLACEMENTS_PER_DAY])
    return [Placement(day, s, s + minutes) for s in sorted(starts)]


def _overlap(a: Placement, b: Placement) -> bool:
    return a.day == b.day and a.start < b.end and b.start < a.end


def placements_clash(instance: Instance, a: Placement, loc_a: int, b: Placement, loc_b: int) -> bool:
    """True when one person cannot work both: overlap, or too little time to travel."""
    if a.day != b.day:
        return False
    if _overlap(a, b):
        return True
    gap = b.start - a.end if a.end <= b.start else a.start - b.end
    needed = instance.travel_gap(loc_a, loc_b)
    return needed is None or gap < needed


def _own_problems(instance: Instance, task: PreparedTask) -> list[str]:
    """Reasons a task cannot be in any job, whatever its partners."""
    rules = instance.rules
    problems = []
    if task.minutes > rules.max_job_minutes:
        problems.append(f"it is {task.minutes / 60:g} h a week, more than the {rules.max_job_hours:g} h a job may have")
    if rules.max_skills_per_job is not None and len(task.skills) > rules.max_skills_per_job:
        problems.append(f"it needs {len(task.skills)} skills, more than the {rules.max_skills_per_job} a job may ask")
    fixed = task.fixed_placements
    per_day: Counter[int] = Counter()
    for p in fixed:
        per_day[p.day] += p.minutes
    for day, minutes in sorted(per_day.items()):
        if minutes > rules.max_day_minutes:
            problems.append(f"on {DAYS[day]} it alone is {minutes / 60:g} h, more than {rules.max_day_hours:g} h a day")
    for i, a in enumerate(fixed):
        for b in fixed[i + 1:]:
            if _overlap(a, b):
                problems.append(f"two of its own slots overlap on {DAYS[a.day]}")
    for slot_no, (options, flex) in enumerate(zip(task.slots, task.flexible), start=1):
        if flex and not options:
            problems.append(f"its flexible slot {slot_no} cannot be placed beside its own fixed slots")
    return problems


def _time_clash(instance: Instance, a: PreparedTask, b: PreparedTask) -> str | None:
    """'overlap' or 'travel' when fixed work collides; 'flexible' when some flexible
    slot has no placement left beside the other's fixed work; None when they can meet."""
    kind = None
    theirs = b.fixed_by_day
    for day, mine in a.fixed_by_day.items():  # only work on the same day can collide
        for pa in mine:
            for pb in theirs.get(day, ()):
                if _overlap(pa, pb):
                    return "overlap"
                if placements_clash(instance, pa, a.location, pb, b.location):
                    kind = "travel"
    if kind:
        return kind
    for mine, other in ((a, b), (b, a)):
        same_day = other.fixed_by_day
        for options, flex in zip(mine.slots, mine.flexible):
            if flex and all(
                any(placements_clash(instance, p, mine.location, q, other.location) for q in same_day.get(p.day, ()))
                for p in options
            ):
                return "flexible"
    return None


def pairwise_conflicts(instance: Instance) -> tuple[list[set[int]], list[set[int]]]:
    """(conflicts, separations) of every pair of tasks in one region."""
    rules = instance.rules
    conflicts: list[set[int]] = [set() for _ in instance.tasks]
    separations: list[set[int]] = [set() for _ in instance.tasks]
    for region in instance.regions:
        for i, t in enumerate(region):
            a = instance.tasks[t]
            for u in region[i + 1:]:
                b = instance.tasks[u]
                vetoed = frozenset((t, u)) in instance.incompatible
                capacity = (
                    a.minutes + b.minutes > rules.max_job_minutes
                    or (rules.max_suppliers_per_job < 2 and a.supplier != b.supplier)
                    or (rules.max_skills_per_job is not None and len(a.skills | b.skills) > rules.max_skills_per_job)
                )
                time = None if (vetoed or capacity) else _time_clash(instance, a, b)
                if vetoed or capacity or time:
                    conflicts[t].add(u)
                    conflicts[u].add(t)
                if vetoed or time in ("travel", "flexible"):
                    separations[t].add(u)
                    separations[u].add(t)
    # Different regions never share a job; kept implicit (regions are solved apart).
    return conflicts, separations


def own_problems_of(instance: Instance) -> dict[int, list[str]]:
    """Tasks that break a rule on their own, with the reasons."""
    return {t.index: p for t in instance.tasks if (p := _own_problems(instance, t))}


def prepare(task_file: TaskFile) -> Instance:
    """Build the prepared instance of a validated task file."""
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
    fixed_by_region_day: dict[int, dict[int, list[tuple[Placement, int]]]] = defaultdict(lambda: defaultdict(list))
    for task in task_file.tasks:
        loc = loc_pos[task.location]
        for slot in task.slots:
            if isinstance(slot, FixedSlot):
                p = Placement(DAYS.index(slot.day), to_minutes(slot.start), to_minutes(slot.end))
                fixed_by_region_day[region_of_location[loc]][p.day].append((p, loc))
    for i, task in enumerate(task_file.tasks):
        loc = loc_pos[task.location]
        own_fixed = [
            Placement(DAYS.index(s.day), to_minutes(s.start), to_minutes(s.end))
            for s in task.slots if isinstance(s, FixedSlot)
        ]
        slots, flexible = [], []
        for slot in task.slots:
            if isinstance(slot, FixedSlot):
                slots.append((Placement(DAYS.index(slot.day), to_minutes(slot.start), to_minutes(slot.end)),))
                flexible.append(False)
                continue
            options = [
                p
                for day in slot.days
                for p in _flexible_placements(slot, loc, DAYS.index(day), fixed_by_region_day[region_of_location[loc]], instance)
                if not any(_overlap(p, q) for q in own_fixed)
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
            )
        )
    instance.own_problems = own_problems_of(instance)
    instance.conflicts, instance.separations = pairwise_conflicts(instance)
    return instance

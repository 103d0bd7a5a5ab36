"""The independent plan checker behind `bundler check`.

It re-derives every rule of the contract from the task file alone and compares the
plan against it. On purpose it shares no code with the optimizer (no import of the
model, the preparation or the job scheduler): a bug there must not hide here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise

import networkx as nx

from bundler.domain import DAYS, PLAN_FORMAT, FixedSlot, Plan, PlanJob, ScheduleEntry, Task, TaskFile, to_minutes

_EPS = 1e-6


@dataclass(frozen=True)
class Violation:
    """One broken rule: which job (or "" for the plan as a whole), which rule, in plain words."""

    job: str
    rule: str
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


def _fits(slot, entry: ScheduleEntry, location: str) -> bool:
    """Could this schedule entry be the placement of this slot?"""
    if entry.location != location:
        return False
    start, end = to_minutes(entry.start), to_minutes(entry.end)
    if isinstance(slot, FixedSlot):
        return entry.day == slot.day and start == to_minutes(slot.start) and end == to_minutes(slot.end)
    return (entry.day in slot.days and start >= to_minutes(slot.earliest) and end <= to_minutes(slot.latest)
            and end - start == slot.minutes)


def _slot_text(slot) -> str:
    if isinstance(slot, FixedSlot):
        return f"{slot.day} {slot.start}-{slot.end}"
    return f"{slot.minutes} min on {'/'.join(slot.days)} between {slot.earliest} and {slot.latest}"


class _JobChecker:
    def __init__(self, task_file: TaskFile, travel: _Travel, job: PlanJob):
        self.task_file, self.travel, self.job = task_file, travel, job
        self.rules = task_file.rules
        tasks = task_file.task_by_id()
        self.tasks: list[Task] = [tasks[t] for t in dict.fromkeys(job.tasks) if t in tasks]
        self.violations: list[Violation] = []

    def add(self, rule: str, message: str) -> None:
        self.violations.append(Violation(self.job.id, rule, f"job {self.job.id}: {message}"))

    def run(self) -> list[Violation]:
        if not self.tasks:
            self.add("tasks", "has no known tasks")
            return self.violations
        self.hours()
        self.suppliers()
        self.skills()
        self.region_and_vetoes()
        self.timetable(self.matched_schedule())
        return self.violations

    def hours(self) -> None:
        minutes = sum(t.minutes for t in self.tasks)
        low, high = self.rules.min_job_hours, self.rules.max_job_hours
        if minutes / 60 < low - _EPS or minutes / 60 > high + _EPS:
            self.add("job hours", f"{minutes / 60:g} h a week is outside {low:g}-{high:g} h")
        if abs(self.job.hours - minutes / 60) > 0.01:
            self.add("job hours", f"reports {self.job.hours:g} h but its tasks add up to {minutes / 60:g} h")

    def suppliers(self) -> None:
        by_supplier: Counter[str] = Counter()
        for task in self.tasks:
            by_supplier[task.supplier] += task.minutes
        if len(by_supplier) > self.rules.max_suppliers_per_job:
            self.add("suppliers", f"has {len(by_supplier)} suppliers ({', '.join(sorted(by_supplier))}), "
                                  f"at most {self.rules.max_suppliers_per_job} allowed")
        if set(self.job.suppliers) != set(by_supplier):
            self.add("suppliers", f"lists suppliers {sorted(self.job.suppliers)} but its tasks come from "
                                  f"{sorted(by_supplier)}")
        most = max(by_supplier.values())
        if self.job.employer not in by_supplier:
            self.add("employer", f"employer {self.job.employer} contributes no task")
        elif by_supplier[self.job.employer] < most:
            self.add("employer", f"employer {self.job.employer} gives {by_supplier[self.job.employer] / 60:g} h, "
                                 f"less than another supplier's {most / 60:g} h")

    def skills(self) -> None:
        limit = self.rules.max_skills_per_job
        union = {skill for task in self.tasks for skill in task.skills}
        if limit is not None and len(union) > limit:
            self.add("skills", f"needs {len(union)} skills, at most {limit} allowed")

    def region_and_vetoes(self) -> None:
        locations = sorted({task.location for task in self.tasks})
        for other in locations[1:]:
            if self.travel.minutes(locations[0], other) is None:
                self.add("region", f"{locations[0]} and {other} are not connected by travel")
        ids = {task.id for task in self.tasks}
        for a, b in self.task_file.incompatible:
            if a in ids and b in ids:
                self.add("incompatible", f"incompatible tasks {a} and {b} share the job")

    def matched_schedule(self) -> list[tuple[ScheduleEntry, Task]]:
        """Pair each slot with its own schedule entry (a bipartite matching per task)."""
        entries: dict[str, list[ScheduleEntry]] = defaultdict(list)
        for entry in self.job.schedule:
            entries[entry.task].append(entry)
        strangers = sorted(set(entries) - {task.id for task in self.tasks})
        if strangers:
            self.add("schedule", f"schedule names tasks that are not in the job: {', '.join(strangers)}")
        matched = []
        for task in self.tasks:
            own = entries.get(task.id, [])
            if len(own) != len(task.slots):
                self.add("schedule", f"task {task.id} has {len(task.slots)} slot(s) but {len(own)} schedule entries")
                continue
            graph = nx.Graph()
            slots = [("slot", i) for i in range(len(task.slots))]
            graph.add_nodes_from(slots)
            graph.add_nodes_from(("entry", i) for i in range(len(own)))
            graph.add_edges_from((("slot", i), ("entry", k)) for i, slot in enumerate(task.slots)
                                 for k, entry in enumerate(own) if _fits(slot, entry, task.location))
            matching = nx.bipartite.hopcroft_karp_matching(graph, top_nodes=slots)
            for i, slot in enumerate(task.slots):
                if ("slot", i) in matching:
                    matched.append((own[matching[("slot", i)][1]], task))
                else:
                    self.add("schedule", f"task {task.id}, slot {i + 1} ({_slot_text(slot)}) has no matching "
                                         f"schedule entry at {task.location}")
        return matched

    def timetable(self, matched: list[tuple[ScheduleEntry, Task]]) -> None:
        by_day: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
        for entry, task in matched:
            by_day[entry.day].append((to_minutes(entry.start), to_minutes(entry.end), task.location, task.id))
        low, high, max_gap = self.rules.min_day_minutes, self.rules.max_day_minutes, self.rules.max_gap_minutes
        for day in DAYS:
            occurrences = sorted(by_day.get(day, []))
            if not occurrences:
                continue
            worked = sum(end - start for start, end, _, _ in occurrences)
            if worked < low - _EPS or worked > high + _EPS:
                self.add("day hours", f"works {worked / 60:g} h on {day}, outside "
                                      f"{self.rules.min_day_hours:g}-{self.rules.max_day_hours:g} h")
            for (_, end_a, where_a, a), (start_b, _, where_b, b) in pairwise(occurrences):
                gap = start_b - end_a
                travel = self.travel.minutes(where_a, where_b)
                if gap < 0:
                    self.add("overlap", f"{a} and {b} overlap on {day}")
                elif travel is None:
                    self.add("travel", f"on {day} cannot get from {where_a} ({a}) to {where_b} ({b})")
                elif gap < travel - _EPS:
                    self.add("travel", f"on {day} only {gap} min between {a} and {b}, travel takes {travel:g} min")
                elif gap > max_gap + _EPS:
                    self.add("gap", f"on {day} waits {gap} min between {a} and {b}, at most {max_gap} allowed")


def _plan_level(task_file: TaskFile, plan: Plan) -> list[Violation]:
    """Rules about the plan as a whole: every task once, pinned jobs, status, KPIs."""
    found: list[Violation] = []

    def add(rule: str, message: str) -> None:
        found.append(Violation("", rule, message))

    if plan.format != PLAN_FORMAT:
        add("format", f"plan format is {plan.format!r}, not {PLAN_FORMAT!r}")
    tasks = task_file.task_by_id()
    place: dict[str, str] = {}
    for job in plan.jobs:
        for task_id in job.tasks:
            if task_id not in tasks:
                add("tasks", f"job {job.id}: unknown task {task_id}")
            elif task_id in place:
                add("one job per task", f"task {task_id} is in {place[task_id]} and in job {job.id}")
            place.setdefault(task_id, f"job {job.id}")
    for item in plan.unassigned:
        if item.task not in tasks:
            add("tasks", f"unassigned task {item.task} is not in the task file")
        elif item.task in place:
            add("one job per task", f"task {item.task} is in {place[item.task]} and also unassigned")
        place.setdefault(item.task, "unassigned")
    missing = [task_id for task_id in tasks if task_id not in place]
    if missing:
        add("tasks", f"{len(missing)} task(s) appear nowhere in the plan: {', '.join(missing[:5])}"
                     f"{' ...' if len(missing) > 5 else ''}")
    duplicate_ids = [job_id for job_id, n in Counter(job.id for job in plan.jobs).items() if n > 1]
    for job_id in duplicate_ids:
        add("job ids", f"job id {job_id} is used more than once")

    jobs_by_id = {job.id: job for job in plan.jobs}
    for pinned in task_file.pinned:
        job = jobs_by_id.get(pinned.id)
        if job is None or sorted(job.tasks) != sorted(pinned.tasks):
            add("pinned", f"pinned job {pinned.id} is not in the plan with exactly tasks {', '.join(pinned.tasks)}")

    if plan.status in ("INFEASIBLE", "UNKNOWN") and plan.jobs:
        add("status", f"status {plan.status} but the plan has {len(plan.jobs)} jobs")
    if task_file.rules.objective == "cover" and plan.status in ("OPTIMAL", "FEASIBLE") and plan.unassigned:
        add("cover", f"objective 'cover' but {len(plan.unassigned)} task(s) are unassigned")

    kpis = plan.kpis
    if kpis.jobs != len(plan.jobs):
        add("kpis", f"kpis.jobs is {kpis.jobs} but the plan has {len(plan.jobs)} jobs")
    bundled = sum(tasks[t].minutes for job in plan.jobs for t in set(job.tasks) if t in tasks) / 60
    if abs(kpis.bundled_hours - bundled) > 0.01:
        add("kpis", f"kpis.bundled_hours is {kpis.bundled_hours:g} but the jobs hold {bundled:g} h")
    total = sum(task.minutes for task in task_file.tasks) / 60
    if abs(kpis.total_hours - total) > 0.01:
        add("kpis", f"kpis.total_hours is {kpis.total_hours:g} but the tasks add up to {total:g} h")
    if kpis.jobs_upper_bound < len(plan.jobs):
        add("kpis", f"kpis.jobs_upper_bound {kpis.jobs_upper_bound} is below the {len(plan.jobs)} jobs found")
    return found


def check_plan(task_file: TaskFile, plan: Plan) -> list[Violation]:
    """Every violation of the contract's rules by this plan; empty when the plan is valid."""
    travel = _Travel(task_file)
    violations = _plan_level(task_file, plan)
    for job in plan.jobs:
        violations.extend(_JobChecker(task_file, travel, job).run())
    return violations

"""A plan's jobs as timetable blocks: what a weekly rota chart or sheet draws."""

from __future__ import annotations

from dataclasses import dataclass

from bundler.domain import DAYS, Plan, TaskFile, to_minutes


@dataclass(frozen=True)
class Block:
    job: str
    day: str
    start: str
    end: str
    task: str
    title: str
    supplier: str
    location: str
    location_name: str
    travel_before: float | None
    """Minutes of travel from the previous block's building that day (None: first block)."""

    @property
    def hours(self) -> float:
        return (to_minutes(self.end) - to_minutes(self.start)) / 60


def _travel(task_file: TaskFile):
    import networkx as nx

    graph = nx.Graph()
    for edge in task_file.travel:
        graph.add_edge(edge.source, edge.target, weight=edge.minutes)

    def minutes(a: str, b: str) -> float | None:
        if a == b:
            return 0.0
        try:
            return nx.shortest_path_length(graph, a, b, weight="weight")
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            return None

    return minutes


def blocks(task_file: TaskFile, plan: Plan, job_id: str | None = None) -> list[Block]:
    """Blocks in day and time order, per job; only `job_id` when given."""
    tasks = task_file.task_by_id()
    names = {loc.id: loc.name or loc.id for loc in task_file.locations}
    travel = _travel(task_file)
    out = []
    for job in plan.jobs:
        if job_id is not None and job.id != job_id:
            continue
        previous: dict[str, str] = {}
        for entry in sorted(job.schedule, key=lambda e: (DAYS.index(e.day), e.start)):
            task = tasks.get(entry.task)
            before = previous.get(entry.day)
            out.append(Block(job.id, entry.day, entry.start, entry.end, entry.task,
                             task.title if task else "", task.supplier if task else "",
                             entry.location, names.get(entry.location, entry.location),
                             None if before is None else travel(before, entry.location)))
            previous[entry.day] = entry.location
    return out


def supplier_hours(task_file: TaskFile, plan: Plan) -> list[dict]:
    """Per supplier: hours brought, hours bundled into jobs, jobs it takes part in and employs."""
    tasks = task_file.task_by_id()
    rows = {s.id: {"supplier": s.id, "name": s.name or s.id, "hours": 0.0, "bundled": 0.0, "jobs": 0, "employer": 0}
            for s in task_file.suppliers}
    for task in task_file.tasks:
        rows[task.supplier]["hours"] += task.hours
    for job in plan.jobs:  # by the task file: a plan naming unknown tasks or suppliers counts only what is known
        known = [tasks[t] for t in job.tasks if t in tasks]
        for task in known:
            rows[task.supplier]["bundled"] += task.hours
        for s in {task.supplier for task in known}:
            rows[s]["jobs"] += 1
        if job.employer in rows:
            rows[job.employer]["employer"] += 1
    return [r for r in rows.values() if r["hours"]]

"""A plan's jobs as timetable blocks: what a weekly rota chart or sheet draws."""

from __future__ import annotations

from dataclasses import dataclass

from bundler.domain import DAYS, Plan, TaskFile, to_minutes


PALETTE = ("#1f5fbf", "#c2410c", "#2e7d4f", "#a16207", "#7e3fa0", "#0e7490", "#8b5a2b", "#be185d", "#4f5fd6")
"""Dark enough for white text on a projector; one colour per supplier, in the task file's order."""
TRAVEL_COLOUR = "#c8c8c8"


def supplier_colours(task_file: TaskFile) -> dict[str, str]:
    """The same colour for a supplier in the chart, the Excel rota and the print view."""
    return {s.id: PALETTE[i % len(PALETTE)] for i, s in enumerate(task_file.suppliers)}


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


def rota_rows(task_file: TaskFile, plan: Plan, job_id: str, lang: str = "nl") -> list[dict]:
    """A job's week as rows people read: day name, from, until, the work, whose, where (no codes)."""
    from bundler.words import day_name

    names = {s.id: s.name or s.id for s in task_file.suppliers}
    return [{"day": day_name(b.day, lang), "start": b.start, "end": b.end, "work": b.title or b.task,
             "supplier": names.get(b.supplier, b.supplier), "place": b.location_name}
            for b in blocks(task_file, plan, job_id)]


def week_overview(task_file: TaskFile, plan: Plan, lang: str = "nl") -> list[dict]:
    """Per job: hours and, for all seven days, its working times ('07:00-15:30', blank when free)."""
    from bundler.words import DAY_SHORT

    rows = []
    for job in plan.jobs:
        row: dict = {"job": job.id, "hours": job.hours}
        for d, day in enumerate(DAYS):
            times = sorted((e.start, e.end) for e in job.schedule if e.day == day)
            row[DAY_SHORT[lang][d]] = f"{times[0][0]}-{max(e for _, e in times)}" if times else ""
        rows.append(row)
    return rows


def quality_rows(task_file: TaskFile, plan: Plan, lang: str = "nl") -> list[dict]:
    """Per job the job coach's indicators and warnings (what the plan file's `quality` holds)."""
    names = {s.id: s.name or s.id for s in task_file.suppliers}
    rows = []
    for job in plan.jobs:
        q = job.quality
        rows.append({"job": job.id, "suppliers": " + ".join(names.get(s, s) for s in job.suppliers),
                     "longest_day": q.longest_day_hours if q else None,
                     "longest_wait": q.longest_wait_minutes if q else None,
                     "buildings": q.max_buildings_per_day if q else None,
                     "weekend": q.weekend_days if q else None,
                     "warnings": "; ".join((q.warnings_nl if lang == "nl" else q.warnings_en) if q else [])})
    return rows

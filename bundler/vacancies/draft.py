"""A job of a plan as a vacancy draft: the facts a vacancy is written from.

The draft is built from what the job IS (its tasks, their skills, the rota, the places,
the suppliers) so a recruiter never has to start from a job title. It holds facts and
the catalogue's wording in one language; the sentences around them live in the
templates (`render.py`), so the Markdown, DOCX and JSON-LD outputs say the same thing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bundler.domain import DAYS, DEMANDS, Plan, PlanJob, Rules, TaskFile, to_minutes
from bundler.vacancies.catalogue import SkillEntry, load_catalogue, skill_entries
from bundler.validation import InputError

LANGUAGES = ("nl", "en")
MAX_COMPETENCIES = 6
"""A short list is read; a long one is skipped."""
LEVELS = ("low", "medium", "high")
MAIN_SHARE = 0.4
"""A job has a demand level when at least this share of its hours is at that level or higher."""


@dataclass(frozen=True)
class Activity:
    """One line of 'what you will do': an activity at a place, on some days, at a time."""

    text: str
    place: str
    day_runs: tuple[tuple[str, str], ...]
    """Days as runs (first, last), e.g. (("mon", "fri"),) or (("mon", "mon"), ("wed", "wed"))."""
    start: str
    end: str


@dataclass(frozen=True)
class DayPart:
    key: str
    """morning, afternoon or evening (by the middle of the work)."""
    activities: tuple[Activity, ...]


@dataclass(frozen=True)
class Competency:
    skill_id: str
    label: str
    esco_uri: str | None
    esco_label: str | None
    label_from_esco: bool
    """The label is ESCO's own Dutch wording (else ours, or the English plain wording)."""
    hours: float
    """Weekly hours of the tasks that need it: the ranking."""


@dataclass(frozen=True)
class RotaRow:
    day: str
    start: str
    end: str
    task_id: str
    title: str
    activity: str
    place: str
    supplier: str


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    site: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    cao: str
    hours: float


@dataclass(frozen=True)
class Demand:
    name: str
    """One of `bundler.domain.DEMANDS`."""
    level: str
    peak: str | None
    """A higher level that holds for a smaller part of the work, else None."""


@dataclass(frozen=True)
class WorkingTime:
    """The rest and break rules the job keeps, for the vacancy to say plainly; None where a rule does not apply."""

    max_work_days: int | None
    """At most this many working days a week; None without a limit (7)."""
    min_rest_hours: float | None
    """Rest between two working days (Working Hours Act: 11); None when 0."""
    min_weekly_rest_hours: float | None
    """The longest rest of the week (Working Hours Act: 36); None when 0."""
    break_after_hours: float | None
    """Days with more work than this have a pause; None when no day of this job is that long or no pause is asked."""
    min_break_minutes: int | None

    @property
    def applies(self) -> bool:
        return any(v is not None for v in (self.max_work_days, self.min_rest_hours, self.min_weekly_rest_hours,
                                           self.break_after_hours))


def working_time(rules: Rules, schedule: list) -> WorkingTime:
    """The rules on days, rest and breaks that say something about this job's week."""
    day_minutes: dict[str, int] = defaultdict(int)
    for entry in schedule:
        day_minutes[entry.day] += to_minutes(entry.end) - to_minutes(entry.start)
    long_day = any(m > rules.break_after_minutes for m in day_minutes.values())
    with_break = long_day and rules.min_break_minutes > 0
    return WorkingTime(
        max_work_days=rules.max_work_days if rules.max_work_days < len(DAYS) else None,
        min_rest_hours=rules.min_rest_hours or None,
        min_weekly_rest_hours=rules.min_weekly_rest_hours or None,
        break_after_hours=rules.break_after_hours if with_break else None,
        min_break_minutes=rules.min_break_minutes if with_break else None)


@dataclass(frozen=True)
class Draft:
    job_id: str
    lang: str
    areas: tuple[str, ...]
    """Areas of work, most hours first: the working title is made from the first two."""
    hours: float
    days: tuple[str, ...]
    day_parts: tuple[DayPart, ...]
    competencies: tuple[Competency, ...]
    rota: tuple[RotaRow, ...]
    places: tuple[Place, ...]
    employer: Party
    partners: tuple[Party, ...]
    """The other suppliers whose work is in the job, most hours first (one, under the usual rules)."""
    caos: tuple[tuple[str, tuple[str, ...]], ...]
    """(CAO, the parties it belongs to), the employer's first."""
    demands: tuple[Demand, ...]
    working_time: WorkingTime

    @property
    def parties(self) -> tuple[Party, ...]:
        return (self.employer, *self.partners)

    @property
    def rota_grid(self) -> tuple[tuple[RotaRow, tuple[bool, ...]], ...]:
        """The weekly rota as days x times: one row per piece of work and time, a mark per worked day."""
        rows: dict[tuple[str, str, str, str], tuple[RotaRow, set[str]]] = {}
        for r in self.rota:
            rows.setdefault((r.start, r.end, r.task_id, r.place), (r, set()))[1].add(r.day)
        return tuple((row, tuple(d in days for d in self.days)) for row, days in
                     sorted(rows.values(), key=lambda item: (item[0].start, item[0].end, item[0].task_id)))

    @property
    def day_spans(self) -> tuple[tuple[tuple[tuple[str, str], ...], str, str], ...]:
        """(day runs, first start, last end): days with the same working hours together."""
        spans: dict[tuple[str, str], list[str]] = {}
        for day in self.days:
            rows = [r for r in self.rota if r.day == day]
            spans.setdefault((rows[0].start, rows[-1].end), []).append(day)
        return tuple((day_runs(days), start, end) for (start, end), days in spans.items())


def day_runs(days: list[str]) -> tuple[tuple[str, str], ...]:
    """Consecutive days as (first, last) runs: mon tue wed fri -> (mon, wed), (fri, fri)."""
    idx = sorted({DAYS.index(d) for d in days})
    runs: list[list[int]] = []
    for i in idx:
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return tuple((DAYS[a], DAYS[b]) for a, b in runs)


def day_part(start: str, end: str) -> str:
    middle = (to_minutes(start) + to_minutes(end)) / 2
    return "morning" if middle < 12 * 60 else "afternoon" if middle < 17 * 60 else "evening"


def job_demands(tasks: list, hours: dict[str, float]) -> tuple[Demand, ...]:
    """Per screening field, the level of the job: the highest one that holds for a real share of its hours.

    The level is the highest one that at least `MAIN_SHARE` of the hours reach (that
    level or above).

    A short, heavy task does not make the whole job heavy, but it is not hidden either:
    it shows as the `peak` ("part of the work is heavy"). Fields no task fills in are left out.
    """
    out = []
    for name in DEMANDS:
        by_level: dict[str, float] = defaultdict(float)
        for task in tasks:
            level = getattr(task, name)
            if level is not None:
                by_level[level] += hours[task.id]
        if not by_level:
            continue
        total = sum(by_level.values())
        present = [lvl for lvl in LEVELS if by_level.get(lvl)]
        main = next(lvl for lvl in reversed(LEVELS)
                    if sum(by_level.get(x, 0.0) for x in LEVELS[LEVELS.index(lvl):]) >= MAIN_SHARE * total - 1e-9)
        peak = max(present, key=LEVELS.index)
        out.append(Demand(name, main, peak if LEVELS.index(peak) > LEVELS.index(main) else None))
    return tuple(out)


def find_job(plan: Plan, job_id: str) -> PlanJob:
    for job in plan.jobs:
        if job.id == job_id:
            return job
    raise InputError([f"plan: no job {job_id} (jobs: {', '.join(j.id for j in plan.jobs) or 'none'})"])


def check_plan_matches(task_file: TaskFile, plan: Plan) -> None:
    """Every task, supplier and place a job names is in the task file; else InputError naming the job."""
    tasks, suppliers = task_file.task_by_id(), task_file.supplier_by_id()
    places = {loc.id for loc in task_file.locations}
    problems = []
    for job in plan.jobs:
        for tid in job.tasks:
            if tid not in tasks:
                problems.append(f"job {job.id}: task {tid} is not in the task file")
        for sid in {*job.suppliers, job.employer}:
            if sid not in suppliers:
                problems.append(f"job {job.id}: supplier {sid} is not in the task file")
        for n, entry in enumerate(job.schedule, start=1):
            if entry.task not in job.tasks:
                problems.append(f"job {job.id}, schedule entry {n}: task {entry.task} is not one of the job's tasks")
            if entry.location not in places:
                problems.append(f"job {job.id}, schedule entry {n}: location {entry.location} is not in the task file")
        if not job.schedule:
            problems.append(f"job {job.id}: has no schedule")
    if problems:
        raise InputError(problems)


def _areas(tasks: list, hours: dict[str, float], skills: dict[str, SkillEntry], lang: str,
           first_seen: dict[str, int]) -> tuple[str, ...]:
    """Areas of work, most hours first (ties: earliest in the week): the working title."""
    area_hours: dict[str, float] = defaultdict(float)
    area_order: dict[str, int] = {}
    for task in tasks:
        area = next((skills[k].area(lang) for k in task.skills if k in skills and skills[k].area(lang)), None)
        if area:
            area_hours[area] += hours[task.id]
            area_order[area] = min(area_order.get(area, len(first_seen)), first_seen[task.id])
    return tuple(sorted(area_hours, key=lambda a: (-area_hours[a], area_order[a], a)))


def _day_parts(schedule: list, activity, place_name) -> tuple[DayPart, ...]:
    """One line per activity, place and time, its days gathered; lines grouped by day part."""
    grouped: dict[tuple, list[str]] = defaultdict(list)
    for entry in schedule:
        key = (day_part(entry.start, entry.end), activity(entry.task), place_name(entry.location),
               entry.start, entry.end)
        grouped[key].append(entry.day)
    parts = []
    for part in ("morning", "afternoon", "evening"):
        lines = [Activity(text, place, day_runs(days), start, end)
                 for (p, text, place, start, end), days in grouped.items() if p == part]
        lines.sort(key=lambda a: (a.start, DAYS.index(a.day_runs[0][0]), a.text))
        if lines:
            parts.append(DayPart(part, tuple(lines)))
    return tuple(parts)


def _competencies(tasks: list, hours: dict[str, float], skills: dict[str, SkillEntry], lang: str,
                  first_seen: dict[str, int]) -> tuple[Competency, ...]:
    """The skills most hours depend on; ties: a task's core (first) skill, then the earliest in the week."""
    skill_hours: dict[str, float] = defaultdict(float)
    core_hours: dict[str, float] = defaultdict(float)
    skill_order: dict[str, int] = {}
    for task in sorted(tasks, key=lambda t: first_seen[t.id]):
        for n, k in enumerate(task.skills):
            skill_hours[k] += hours[task.id]
            core_hours[k] += hours[task.id] if n == 0 else 0.0
            skill_order.setdefault(k, len(skill_order))
    ranked = sorted((k for k in skill_hours if k in skills),
                    key=lambda k: (-skill_hours[k], -core_hours[k], skill_order[k]))
    return tuple(
        Competency(k, skills[k].label(lang), skills[k].esco_uri, skills[k].esco_label_en,
                   lang == "nl" and skills[k].label_nl_from_esco, round(skill_hours[k], 2))
        for k in ranked[:MAX_COMPETENCIES])


def build_draft(task_file: TaskFile, plan: Plan, job_id: str, lang: str = "nl",
                catalogue: dict[str, SkillEntry] | None = None) -> Draft:
    """The draft of one job in `lang` ('nl' or 'en')."""
    if lang not in LANGUAGES:
        raise InputError([f"language {lang!r}: use one of {', '.join(LANGUAGES)}"])
    check_plan_matches(task_file, plan)
    job = find_job(plan, job_id)
    skills = skill_entries(task_file, load_catalogue() if catalogue is None else catalogue)
    task_of = task_file.task_by_id()
    tasks = [task_of[t] for t in job.tasks]
    hours = {t.id: t.hours for t in tasks}
    suppliers = task_file.supplier_by_id()
    places = {loc.id: loc for loc in task_file.locations}
    schedule = sorted(job.schedule, key=lambda e: (DAYS.index(e.day), e.start))
    first_seen: dict[str, int] = {}
    for i, entry in enumerate(schedule):
        first_seen.setdefault(entry.task, i)
    for task in tasks:
        first_seen.setdefault(task.id, len(schedule))

    def activity(task_id: str) -> str:
        """What the task is about, from its first skill with wording; else its own title."""
        task = task_of[task_id]
        entry = next((skills[k] for k in task.skills if k in skills and skills[k].activity(lang)), None)
        return entry.activity(lang) if entry else (task.title or task.id)

    def place_name(location_id: str) -> str:
        return places[location_id].name or location_id

    rota = tuple(RotaRow(e.day, e.start, e.end, e.task, task_of[e.task].title or e.task, activity(e.task),
                         place_name(e.location), suppliers[task_of[e.task].supplier].name or task_of[e.task].supplier)
                 for e in schedule)
    job_places = tuple(Place(p, place_name(p), places[p].site, places[p].lat, places[p].lon)
                       for p in dict.fromkeys(e.location for e in schedule))

    supplier_hours: dict[str, float] = defaultdict(float)
    for task in tasks:
        supplier_hours[task.supplier] += hours[task.id]

    def party(sid: str) -> Party:
        s = suppliers[sid]
        return Party(sid, s.name or sid, s.cao, round(supplier_hours[sid], 2))

    employer = party(job.employer)
    partners = tuple(party(s) for s in sorted((s for s in job.suppliers if s != job.employer),
                                              key=lambda s: (-supplier_hours[s], s)))
    caos: dict[str, list[str]] = {}
    for p in (employer, *partners):
        if p.cao:
            caos.setdefault(p.cao, []).append(p.name)

    return Draft(
        job_id=job.id, lang=lang, areas=_areas(tasks, hours, skills, lang, first_seen),
        hours=round(sum(hours.values()), 2), days=tuple(d for d in DAYS if any(e.day == d for e in schedule)),
        day_parts=_day_parts(schedule, activity, place_name),
        competencies=_competencies(tasks, hours, skills, lang, first_seen), rota=rota, places=job_places,
        employer=employer, partners=partners, caos=tuple((c, tuple(n)) for c, n in caos.items()),
        demands=job_demands(tasks, hours), working_time=working_time(task_file.rules, schedule))

"""A job of a plan as a vacancy draft: the facts a vacancy is written from.

The draft is built from what the job IS (its tasks, their skills, the rota, the places,
the suppliers) so a recruiter never has to start from a job title. It holds facts and
the catalogue's wording in one language; the sentences around them live in the
templates (`render.py`), so the Markdown, DOCX and JSON-LD outputs say the same thing.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from bundler.domain import DAYS, Plan, PlanJob, Rules, TaskFile, to_minutes
from bundler.vacancies import notes
from bundler.vacancies.catalogue import SkillEntry, load_catalogue, skill_entries
from bundler.vacancies.notes import Note
from bundler.vacancies.screening import Demand, job_screening
from bundler.vacancies.settings import VacancySettings
from bundler.vacancies.task_words import TaskWords, task_words
from bundler.validation import InputError

LANGUAGES = ("nl", "en")
MAX_COMPETENCIES = 6
"""A short list is read; a long one is skipped."""
QUARTER = 15
"""Rota times are on the quarter hour (the default start grid); others get a note."""
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Activity:
    """One line of 'what you will do': an activity at a place, on some days, at a time."""

    task_id: str
    text: str | None
    """None: nothing in the draft's language is known (the draft shows a placeholder)."""
    place: str
    """With its preposition: 'in het Educatorium', 'bij het Androclusgebouw'."""
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
    label: str | None
    """None: no label in the draft's language (the draft shows a placeholder)."""
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
    work: str | None
    """The task's words in the draft's language (as in 'what you will do'), None when unknown."""
    place: str
    """The location's name."""
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
    long_days: tuple[str, ...] = ()
    """The days of this job with more than `break_after_hours` of work (the days with a pause)."""

    @property
    def long_day_runs(self) -> tuple[tuple[str, str], ...]:
        return day_runs(list(self.long_days))

    @property
    def applies(self) -> bool:
        return any(v is not None for v in (self.max_work_days, self.min_rest_hours, self.min_weekly_rest_hours,
                                           self.break_after_hours))


def working_time(rules: Rules, schedule: list) -> WorkingTime:
    """The rules on days, rest and breaks that say something about this job's week."""
    day_minutes: dict[str, int] = defaultdict(int)
    for entry in schedule:
        day_minutes[entry.day] += to_minutes(entry.end) - to_minutes(entry.start)
    long_days = tuple(d for d in DAYS if day_minutes.get(d, 0) > rules.break_after_minutes)
    with_break = bool(long_days) and rules.min_break_minutes > 0
    return WorkingTime(
        max_work_days=rules.max_work_days if rules.max_work_days < len(DAYS) else None,
        min_rest_hours=rules.min_rest_hours or None,
        min_weekly_rest_hours=rules.min_weekly_rest_hours or None,
        break_after_hours=rules.break_after_hours if with_break else None,
        min_break_minutes=rules.min_break_minutes if with_break else None,
        long_days=long_days if with_break else ())


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
    """Only what the screening fields prove (see `screening`)."""
    working_time: WorkingTime
    settings: VacancySettings
    """What HR filled in for the whole kick-off; empty fields show as placeholders."""
    notes: tuple[Note, ...] = ()
    """For HR, not for the candidate: what the draft could not say and why."""
    adjustments: str = ""
    """A job carved around a person: what is adjusted ("start na 09:00, max 5 uur per dag"),
    never who it is for (`bundler.people.adjustments.adjustment_text`)."""

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


def _day_parts(schedule: list, words) -> tuple[DayPart, ...]:
    """One line per activity, place and time, its days gathered; lines grouped by day part."""
    grouped: dict[tuple, list[str]] = defaultdict(list)
    first_task: dict[tuple, str] = {}
    for entry in schedule:
        w = words(entry.task, entry.location)
        key = (day_part(entry.start, entry.end), w.text if w.text is not None else f"#{entry.task}", w.place,
               entry.start, entry.end)
        grouped[key].append(entry.day)
        first_task.setdefault(key, entry.task)
    parts = []
    for part in ("morning", "afternoon", "evening"):
        lines = [Activity(first_task[key], None if key[1].startswith("#") else key[1], key[2], day_runs(days),
                          key[3], key[4])
                 for key, days in grouped.items() if key[0] == part]
        lines.sort(key=lambda a: (a.start, DAYS.index(a.day_runs[0][0]), a.text or "", a.task_id))
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


def _notes(task_file: TaskFile, job: PlanJob, lang: str, words: dict, competencies, gaps) -> tuple[Note, ...]:
    """What the task file and plan leave the draft unable to say, for HR to fix before publishing."""
    tasks = task_file.task_by_id()
    out = []
    for (task_id, _), w in words.items():
        if w.source.startswith("title") or (lang == "en" and w.source.startswith("skill")):
            continue
        out.append(notes.task_wording(task_id, tasks[task_id].title, lang, w.text, w.source))
    out += [notes.skill_label(c.skill_id, lang) for c in competencies if c.label is None]
    out += notes.screening_gaps(gaps)
    out += [notes.off_grid(e.day, e.start, e.end) for e in job.schedule
            if to_minutes(e.start) % QUARTER or to_minutes(e.end) % QUARTER]
    return tuple(dict.fromkeys(out))


def build_draft(task_file: TaskFile, plan: Plan, job_id: str, lang: str = "nl",
                catalogue: dict[str, SkillEntry] | None = None, settings: VacancySettings | None = None,
                adjustments: str = "") -> Draft:
    """The draft of one job in `lang` ('nl' or 'en').

    Its notes on the task file are also logged as warnings: without logging set up,
    Python prints them on stderr, so `bundler vacancies` shows them.
    """
    if lang not in LANGUAGES:
        raise InputError([f"language {lang!r}: use one of {', '.join(LANGUAGES)}"])
    check_plan_matches(task_file, plan)
    job = find_job(plan, job_id)
    settings = settings or VacancySettings()
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

    said: dict[tuple[str, str], TaskWords] = {}

    def words(task_id: str, location_id: str) -> TaskWords:
        key = (task_id, location_id)
        if key not in said:
            said[key] = task_words(task_of[task_id], places[location_id], skills, lang)
        return said[key]

    def place_name(location_id: str) -> str:
        return places[location_id].name or location_id

    rota = tuple(RotaRow(e.day, e.start, e.end, e.task, words(e.task, e.location).text, place_name(e.location),
                         suppliers[task_of[e.task].supplier].name or task_of[e.task].supplier)
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
    screening = job_screening(tasks, hours)
    competencies = _competencies(tasks, hours, skills, lang, first_seen)
    day_parts = _day_parts(schedule, words)
    draft_notes = _notes(task_file, job, lang, said, competencies, screening.gaps)
    for note in draft_notes:
        log.warning("%s (%s): %s", job.id, lang, note.en)
    missing = settings.missing([employer.cao] if employer.cao else [], lang)
    if missing:  # the same for every draft: shown in the workbench, not repeated per file on the command line
        draft_notes += (notes.settings_missing(missing),)

    return Draft(
        job_id=job.id, lang=lang, areas=_areas(tasks, hours, skills, lang, first_seen),
        hours=round(sum(hours.values()), 2), days=tuple(d for d in DAYS if any(e.day == d for e in schedule)),
        day_parts=day_parts, competencies=competencies, rota=rota, places=job_places,
        employer=employer, partners=partners, caos=tuple((c, tuple(n)) for c, n in caos.items()),
        demands=screening.demands, working_time=working_time(task_file.rules, schedule), settings=settings,
        notes=draft_notes, adjustments=adjustments)


def plan_drafts(task_file: TaskFile, plan: Plan, languages: tuple[str, ...] = LANGUAGES,
                catalogue: dict[str, SkillEntry] | None = None,
                settings: VacancySettings | None = None,
                adjustments: Callable[[PlanJob, str], str] | None = None) -> list[Draft]:
    """Every job in every language, in job order, all with the kick-off's settings;
    `adjustments(job, lang)`: what a job carved around a person adjusts ("" for none)."""
    check_plan_matches(task_file, plan)
    catalogue = load_catalogue() if catalogue is None else catalogue
    return [build_draft(task_file, plan, job.id, lang, catalogue, settings,
                        adjustments(job, lang) if adjustments else "")
            for job in plan.jobs for lang in languages]

"""Does a person fit a job? The seven fit rules of the contract, one function each.

Each rule function takes a candidate and the facts of a job (`JobFacts`: what the rules
read, worked out once per job) and returns the reasons it is broken, in plain Dutch and
English; an empty list means the rule holds. `misfits` runs all seven. The rules read
exactly what the shared reference checker (`verify_match.py`) reads: the schedule
entries for times, hours and days, the task file for skills, screening levels and
places.

1. every schedule entry lies inside one of the candidate's `available` windows on its day;
2. the job's weekly hours lie in `[min_week_hours, max_week_hours]`;
3. each worked day has at most `max_day_hours` hours of work;
4. the job works on at most `max_work_days` days;
5. every skill of the job is in `skills` or `learnable` (when `skills` is given);
6. per screening dimension the candidate limits, every task's level is at or below it;
7. every location of the job is in `reach` (location ids or sites).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bundler.domain import DAYS, DEMANDS, PlanJob, TaskFile, to_hhmm, to_minutes
from bundler.people.candidates import LEVELS, Candidate

EPS = 1e-6

DAY_NL = {"mon": "maandag", "tue": "dinsdag", "wed": "woensdag", "thu": "donderdag", "fri": "vrijdag",
          "sat": "zaterdag", "sun": "zondag"}
DAY_EN = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday",
          "sat": "Saturday", "sun": "Sunday"}
DEMAND_NL = {"physical_load": "lichamelijke belasting", "pace": "tempo", "interruptions": "onderbrekingen",
             "independence": "zelfstandigheid", "customer_contact": "klantcontact"}
DEMAND_EN = {"physical_load": "physical load", "pace": "pace", "interruptions": "interruptions",
             "independence": "independence", "customer_contact": "customer contact"}
LEVEL_NL = {"low": "laag", "medium": "gemiddeld", "high": "hoog"}


@dataclass(frozen=True)
class Reason:
    """One plain reason, about one fit rule (1-7), in both languages."""

    rule: int
    en: str
    nl: str

    def text(self, lang: str = "en") -> str:
        return self.nl if lang == "nl" else self.en


def hours_text(hours: float) -> str:
    return f"{round(hours, 2):g}"


@dataclass
class JobFacts:
    """What the fit rules read of one job, worked out once."""

    id: str
    entries: list[tuple[str, int, int, str]]
    """(day, start, end, task) per schedule entry, in day and time order."""
    minutes: int
    per_day: dict[str, int]
    skills: set[str]
    levels: dict[str, list[tuple[str, str]]]
    """Per screening dimension: (task, level) of every task that states one."""
    places: list[tuple[str, str, str]]
    """(task, location, site) of every task."""
    travel_minutes: float = 0.0
    """Weekly minutes of travel between consecutive pieces of work (for the score)."""
    suppliers: list[str] = field(default_factory=list)
    memo: dict = field(default_factory=dict, repr=False, compare=False)
    """Answers worked out for this job before (e.g. per set of windows), for explaining many people."""

    @property
    def hours(self) -> float:
        return self.minutes / 60

    @property
    def day_spans(self) -> dict[str, tuple[int, int]]:
        spans: dict[str, tuple[int, int]] = {}
        for day, start, end, _ in self.entries:
            lo, hi = spans.get(day, (start, end))
            spans[day] = (min(lo, start), max(hi, end))
        return spans


def job_facts(job: PlanJob | dict[str, Any], task_file: TaskFile, travel: Callable[[str, str], float | None]
              | None = None) -> JobFacts:
    """The facts of a plan job (a `PlanJob` or its JSON dict)."""
    data = job if isinstance(job, dict) else job.model_dump(mode="json", by_alias=True)
    tasks = task_file.task_by_id()
    sites = {loc.id: loc.site for loc in task_file.locations}
    entries = sorted(((e["day"], to_minutes(e["start"]), to_minutes(e["end"]), e["task"])
                      for e in data.get("schedule", [])), key=lambda e: (DAYS.index(e[0]), e[1], e[2]))
    per_day: dict[str, int] = defaultdict(int)
    for day, start, end, _ in entries:
        per_day[day] += end - start
    known = [tasks[t] for t in data.get("tasks", []) if t in tasks]
    levels = {d: [(t.id, getattr(t, d)) for t in known if getattr(t, d) is not None] for d in DEMANDS}
    travelled = 0.0
    if travel is not None:
        location = {t.id: t.location for t in known}
        for (d1, _, _, t1), (d2, _, _, t2) in zip(entries, entries[1:]):
            if d1 == d2 and t1 in location and t2 in location:
                travelled += travel(location[t1], location[t2]) or 0.0
    return JobFacts(
        id=data.get("id", ""),
        entries=entries,
        minutes=sum(end - start for _, start, end, _ in entries),
        per_day=dict(per_day),
        skills=set().union(*(set(t.skills) for t in known)) if known else set(),
        levels=levels,
        places=[(t.id, t.location, sites.get(t.location, "")) for t in known],
        travel_minutes=travelled,
        suppliers=sorted({t.supplier for t in known}),
    )


# --- the seven rules ---------------------------------------------------------------------


def within_available(candidate: Candidate, job: JobFacts) -> list[Reason]:
    """Rule 1: every piece of work lies inside one of the person's windows on its day.

    One reason per task and time, naming all the days it falls outside."""
    if candidate.available is None:
        return []
    outside: dict[tuple[str, int, int], list[str]] = {}
    for day, start, end, task in job.entries:
        if not any(w.holds(day, start, end) for w in candidate.available):
            outside.setdefault((task, start, end), []).append(day)
    out = []
    for (task, start, end), days in outside.items():
        when = f"{to_hhmm(start)}-{to_hhmm(end)}"
        hours = "; ".join(dict.fromkeys(f"{w.start}-{w.end}" for w in candidate.available
                                        if any(d in w.days for d in days)))
        on_en = ", ".join(DAY_EN[d] for d in days)
        on_nl = ", ".join(DAY_NL[d] for d in days)
        if not hours:
            out.append(Reason(1, f"{task} on {on_en} {when}: you do not work then",
                              f"{task} op {on_nl} {when}: dan werk je niet"))
        else:
            out.append(Reason(1, f"{task} on {on_en} {when} is outside your hours ({hours})",
                              f"{task} op {on_nl} {when} valt buiten je uren ({hours})"))
    return out


def week_hours(candidate: Candidate, job: JobFacts) -> list[Reason]:
    """Rule 2: the job's weekly hours lie within the person's minimum and maximum."""
    hours = job.minutes / 60
    if candidate.min_week_hours is not None and hours < candidate.min_week_hours - EPS:
        return [Reason(2, f"{hours_text(hours)} h a week, less than the {candidate.min_week_hours:g} h you want",
                       f"{hours_text(hours)} uur per week, minder dan de {candidate.min_week_hours:g} uur die je wilt")]
    if candidate.max_week_hours is not None and hours > candidate.max_week_hours + EPS:
        return [Reason(2, f"{hours_text(hours)} h a week, more than your {candidate.max_week_hours:g} h",
                       f"{hours_text(hours)} uur per week, meer dan jouw {candidate.max_week_hours:g} uur")]
    return []


def day_hours(candidate: Candidate, job: JobFacts) -> list[Reason]:
    """Rule 3: no working day is longer than the person's maximum hours a day."""
    if candidate.max_day_hours is None:
        return []
    return [Reason(3, f"{DAY_EN[d]}: {hours_text(m / 60)} h of work, more than your {candidate.max_day_hours:g} h a day",
                   f"{DAY_NL[d]}: {hours_text(m / 60)} uur werk, meer dan jouw {candidate.max_day_hours:g} uur per dag")
            for d, m in sorted(job.per_day.items(), key=lambda kv: DAYS.index(kv[0]))
            if m > candidate.max_day_hours * 60 + EPS]


def work_days(candidate: Candidate, job: JobFacts) -> list[Reason]:
    """Rule 4: the job works on no more days than the person can."""
    if candidate.max_work_days is None or len(job.per_day) <= candidate.max_work_days:
        return []
    n = len(job.per_day)
    return [Reason(4, f"works {n} days a week, more than your {candidate.max_work_days}",
                   f"werkt {n} dagen per week, meer dan jouw {candidate.max_work_days}")]


def skills_known(candidate: Candidate, job: JobFacts) -> list[Reason]:
    """Rule 5: every skill of the job is one the person has or wants to learn."""
    known = candidate.known_skills()
    if known is None:
        return []
    missing = sorted(job.skills - known)
    if not missing:
        return []
    return [Reason(5, f"needs {', '.join(missing)}, which you neither have nor want to learn",
                   f"vraagt {', '.join(missing)}, wat je niet kunt en niet wilt leren")]


def within_limits(candidate: Candidate, job: JobFacts) -> list[Reason]:
    """Rule 6: no task asks more than the person's limit on a screening dimension."""
    out = []
    for dim, limit in candidate.limits.given().items():
        over = [(t, level) for t, level in job.levels.get(dim, []) if LEVELS[level] > LEVELS[limit]]
        for task, level in over:
            out.append(Reason(6, f"{task}: {DEMAND_EN[dim]} {level}, above your {limit}",
                              f"{task}: {DEMAND_NL[dim]} {LEVEL_NL[level]}, boven jouw {LEVEL_NL[limit]}"))
    return out


def within_reach(candidate: Candidate, job: JobFacts) -> list[Reason]:
    """Rule 7: every place of the job is one the person can reach (a location or its site)."""
    if candidate.reach is None:
        return []
    reach = set(candidate.reach)
    return [Reason(7, f"{task}: {location} is out of your reach", f"{task}: {location} is voor jou niet bereikbaar")
            for task, location, site in job.places if location not in reach and site not in reach]


FIT_RULES: tuple[Callable[[Candidate, JobFacts], list[Reason]], ...] = (
    within_available, week_hours, day_hours, work_days, skills_known, within_limits, within_reach)
"""The seven fit rules in contract order."""

# Cheap rules first: matching many people against many jobs stops at the first break.
_QUICK_ORDER = (work_days, week_hours, skills_known, within_limits, within_reach, day_hours, within_available)


def misfits(candidate: Candidate, job: JobFacts) -> list[Reason]:
    """Every reason the person does not fit the job; empty when they fit."""
    return [r for rule in FIT_RULES for r in rule(candidate, job)]


def fits(candidate: Candidate, job: JobFacts) -> bool:
    """True when all seven rules hold (stops at the first broken rule)."""
    return not any(rule(candidate, job) for rule in _QUICK_ORDER)


class Screen:
    """One person's limits, prepared for screening many jobs at once (`broken`)."""

    def __init__(self, candidate: Candidate):
        self.candidate = candidate
        self.windows: dict[str, list[tuple[int, int]]] | None = None
        if candidate.available is not None:
            self.windows = {}
            for w in candidate.available:
                for d in w.days:
                    self.windows.setdefault(d, []).append((to_minutes(w.start), to_minutes(w.end)))
        self.window_key = None if self.windows is None else tuple(sorted((d, tuple(sorted(ws)))
                                                                          for d, ws in self.windows.items()))
        self.spans: dict[str, tuple[int, int]] = {
            d: (min(a for a, _ in ws), max(b for _, b in ws)) for d, ws in (self.windows or {}).items()}
        """Per day the earliest start and latest end of the person's windows."""
        self.known = candidate.known_skills()
        self.limits = [(d, LEVELS[v]) for d, v in candidate.limits.given().items()]
        self.reach = None if candidate.reach is None else set(candidate.reach)

    def broken(self, job: JobFacts) -> int:
        """The fit rules the person breaks for the job, as bits (1 << rule); 0 when they fit.

        The same seven rules as `misfits`, without the words: for screening many pairs."""
        c, out = self.candidate, 0
        if self.windows is not None:
            for day, start, end, _ in job.entries:
                if not any(a <= start and end <= b for a, b in self.windows.get(day, ())):
                    out |= 1 << 1
                    break
        hours = job.minutes / 60
        if (c.min_week_hours is not None and hours < c.min_week_hours - EPS) or \
                (c.max_week_hours is not None and hours > c.max_week_hours + EPS):
            out |= 1 << 2
        if c.max_day_hours is not None and any(m > c.max_day_hours * 60 + EPS for m in job.per_day.values()):
            out |= 1 << 3
        if c.max_work_days is not None and len(job.per_day) > c.max_work_days:
            out |= 1 << 4
        if self.known is not None and not job.skills <= self.known:
            out |= 1 << 5
        for dim, limit in self.limits:
            if any(LEVELS[level] > limit for _, level in job.levels.get(dim, ())):
                out |= 1 << 6
                break
        if self.reach is not None and any(loc not in self.reach and site not in self.reach
                                          for _, loc, site in job.places):
            out |= 1 << 7
        return out


def rules_of(mask: int) -> set[int]:
    """The rule numbers in a `Screen.broken` mask."""
    return {rule for rule in range(1, 8) if mask >> rule & 1}


def plan_job_misfits(candidate: Candidate, job: PlanJob | dict, task_file: TaskFile) -> list[Reason]:
    return misfits(candidate, job_facts(job, task_file))


# --- what holds, for the reasons of a match ---------------------------------------------


def to_learn(candidate: Candidate, job: JobFacts) -> list[str]:
    """The job's skills the person does not have yet (but wants to learn)."""
    if candidate.skills is None:
        return []
    return sorted(job.skills - set(candidate.skills))


def fit_reasons(candidate: Candidate, job: JobFacts) -> list[Reason]:
    """Why a person fits a job, one line per rule that the person limits."""
    out = []
    spans = job.day_spans
    if candidate.available is not None and spans:
        first = min(s for s, _ in spans.values())
        last = max(e for _, e in spans.values())
        windows = "; ".join(dict.fromkeys(f"{w.start}-{w.end}" for w in candidate.available))
        out.append(Reason(1, f"works {to_hhmm(first)}-{to_hhmm(last)}, inside {windows}",
                          f"werkt {to_hhmm(first)}-{to_hhmm(last)}, binnen {windows}"))
    hours = job.minutes / 60
    if candidate.min_week_hours is not None or candidate.max_week_hours is not None:
        lo = "0" if candidate.min_week_hours is None else f"{candidate.min_week_hours:g}"
        hi = "..." if candidate.max_week_hours is None else f"{candidate.max_week_hours:g}"
        out.append(Reason(2, f"{hours_text(hours)} h a week, within {lo}-{hi} h",
                          f"{hours_text(hours)} uur per week, binnen {lo}-{hi} uur"))
    if candidate.max_day_hours is not None and job.per_day:
        longest = max(job.per_day.values()) / 60
        out.append(Reason(3, f"at most {hours_text(longest)} h a day (you: {candidate.max_day_hours:g})",
                          f"hoogstens {hours_text(longest)} uur per dag (jij: {candidate.max_day_hours:g})"))
    if candidate.max_work_days is not None:
        out.append(Reason(4, f"{len(job.per_day)} days a week (you: at most {candidate.max_work_days})",
                          f"{len(job.per_day)} dagen per week (jij: hoogstens {candidate.max_work_days})"))
    learn = to_learn(candidate, job)
    if candidate.skills is not None:
        out.append(Reason(5, f"learns {', '.join(learn)}" if learn else "needs only skills you have",
                          f"leert {', '.join(learn)}" if learn else "vraagt alleen wat je al kunt"))
    if candidate.limits.given():
        out.append(Reason(6, "no task asks more than your limits", "geen taak vraagt meer dan je aankunt"))
    if candidate.reach is not None:
        out.append(Reason(7, "every place is in your reach", "alle plekken zijn voor jou bereikbaar"))
    if not out:
        out.append(Reason(0, f"you set no limits; {hours_text(hours)} h a week on {len(job.per_day)} days",
                          f"je gaf geen grenzen op; {hours_text(hours)} uur per week op {len(job.per_day)} dagen"))
    return out

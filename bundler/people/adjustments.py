"""The adjustments a carved job has, in words for a vacancy: "start na 09:00, max 5 uur per dag".

A job carved around a person keeps that person's limits; its vacancy says so, without
naming the person (no id, alias, note, places or skills of theirs). Only limits that are
tighter than the kick-off's own rules, or than a usual facility day, count as an adjustment.

    job_adjustments(task_file, plan_job, candidates, "nl")   # [] for a job made for nobody
    adjustment_text(task_file, plan_job, candidates, "en")   # "starts after 09:00, at most 5 hours a day"
"""

from __future__ import annotations

from bundler.domain import DAYS, PlanJob, TaskFile, to_minutes
from bundler.people.candidates import Candidate, CandidateFile
from bundler.people.fit import DAY_EN, DAY_NL

_LIMIT_WORDS = {
    ("physical_load", "low"): ("licht lichamelijk werk", "light physical work"),
    ("physical_load", "medium"): ("geen zwaar lichamelijk werk", "no heavy physical work"),
    ("pace", "low"): ("werken in een rustig tempo", "work at a calm pace"),
    ("pace", "medium"): ("geen hoge werkdruk", "no high work pressure"),
    ("interruptions", "low"): ("weinig onderbrekingen", "few interruptions"),
    ("interruptions", "medium"): ("niet te veel onderbrekingen", "not too many interruptions"),
    ("independence", "low"): ("een vaste collega in de buurt", "a regular colleague nearby"),
    ("independence", "medium"): ("begeleiding bij nieuwe taken", "guidance with new tasks"),
    ("customer_contact", "low"): ("weinig klantcontact", "little customer contact"),
    ("customer_contact", "medium"): ("beperkt klantcontact", "limited customer contact"),
}


def _days(days: list[str], lang: str) -> str:
    names = DAY_NL if lang == "nl" else DAY_EN
    return ", ".join(names[d] for d in sorted(days, key=DAYS.index))


USUAL_START, USUAL_END = 7 * 60, 17 * 60
"""A facility day: a start later than 07:00 or an end before 17:00 is an adjustment."""


def adjustments(candidate: Candidate, task_file: TaskFile, lang: str = "nl") -> list[str]:
    """The person's limits that are tighter than the rules, as job adjustments (no personal detail).

    Hours count when they cut into a usual facility day (07:00-17:00); weekly hours are not
    repeated (the vacancy states the job's own hours)."""
    nl = lang == "nl"
    rules = task_file.rules
    out: list[str] = []
    if candidate.available:
        earliest = min(to_minutes(w.start) for w in candidate.available)
        latest = max(to_minutes(w.end) for w in candidate.available)
        if earliest > USUAL_START:
            hhmm = f"{earliest // 60:02d}:{earliest % 60:02d}"
            out.append(f"start na {hhmm}" if nl else f"starts after {hhmm}")
        if latest < USUAL_END:
            hhmm = f"{latest // 60:02d}:{latest % 60:02d}"
            out.append(f"klaar vóór {hhmm}" if nl else f"done by {hhmm}")
        weekdays = {d for w in candidate.available for d in w.days}
        off = [d for d in DAYS[:5] if d not in weekdays]
        if off:
            out.append(f"vrij op {_days(off, lang)}" if nl else f"free on {_days(off, lang)}")
    if candidate.max_day_hours is not None and candidate.max_day_hours < rules.max_day_hours:
        out.append(f"max {candidate.max_day_hours:g} uur per dag" if nl else
                   f"at most {candidate.max_day_hours:g} hours a day")
    if candidate.max_work_days is not None and candidate.max_work_days < rules.max_work_days:
        out.append(f"max {candidate.max_work_days} dagen per week" if nl else
                   f"at most {candidate.max_work_days} days a week")
    for dim, limit in candidate.limits.given().items():
        words = _LIMIT_WORDS.get((dim, limit))
        if words:
            out.append(words[0] if nl else words[1])
    return out


def person_of(job: PlanJob, candidates: CandidateFile | None) -> Candidate | None:
    who = getattr(job, "candidate", None)
    if who is None or candidates is None:
        return None
    return candidates.by_id().get(who)


def job_adjustments(task_file: TaskFile, job: PlanJob, candidates: CandidateFile | None,
                    lang: str = "nl") -> list[str]:
    """The adjustments of a carved job (its `candidate`'s limits); [] for any other job."""
    person = person_of(job, candidates)
    return adjustments(person, task_file, lang) if person is not None else []


def adjustment_text(task_file: TaskFile, job: PlanJob, candidates: CandidateFile | None, lang: str = "nl") -> str:
    """The same as one phrase for a vacancy: "start na 09:00, max 5 uur per dag" ("" when none)."""
    return ", ".join(job_adjustments(task_file, job, candidates, lang))

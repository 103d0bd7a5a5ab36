"""The example plans the vacancy tests draft from: solved once, checked by both checkers."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tasks_factory import assert_plan_valid

from bundler.domain import Plan, TaskFile
from bundler.io import read_task_file

DATA = Path(__file__).resolve().parents[1] / "data"
ESCO_SKILLS = Path(__file__).resolve().parents[2] / "shared" / "esco" / "facility_skills.csv"


@lru_cache(maxsize=None)
def tutorial_plan() -> tuple[TaskFile, Plan]:
    """The tutorial solved to optimality with one worker and seed 0: the same plan every run."""
    from bundler.engine import SolveConfig, solve

    task_file = read_task_file(DATA / "tutorial.json")
    plan = solve(task_file, SolveConfig(time_limit=30, workers=1, seed=0))
    assert plan.status == "OPTIMAL"
    assert_plan_valid(task_file, plan)
    return task_file, plan


@lru_cache(maxsize=None)
def kickoff_plan() -> tuple[TaskFile, Plan]:
    """The kick-off's constructive plan: every kind of job the example holds, in seconds, deterministic."""
    from bundler.engine import SolveConfig, solve

    task_file = read_task_file(DATA / "uu_kickoff.json")
    plan = solve(task_file, SolveConfig(workers=1, seed=0, use_solver=False))
    assert plan.jobs
    assert_plan_valid(task_file, plan)
    return task_file, plan


def hospital(reception_contact: str | None = "high", escort: bool = False, title_nl: str | None = None
             ) -> tuple[TaskFile, Plan]:
    """A hospital job like the one a job coach reviewed: English titles, 12 of 22.5 h evening reception.

    H1 evening reception (Mon-Thu 17:00-20:00, 12 h, customer contact `reception_contact`, None: left out)
    and H2 discharge cleaning (Mon-Wed 13:00-16:30, 10.5 h, little contact); with `escort`, also H3 patient
    escort (Fri 09:00-12:00), whose skill has no Dutch label and no catalogue entry. The plan is written by
    hand and checked by both checkers.
    """
    from bundler.validation import parse_task_file

    screened = {"physical_load": "low", "pace": "medium", "interruptions": "high", "independence": "medium"}
    reception = {"id": "H1", "supplier": "hospital", "title": "Evening reception main entrance", "location": "main",
                 "skills": ["reception"], "slots": [{"day": d, "start": "17:00", "end": "20:00"}
                                                    for d in ("mon", "tue", "wed", "thu")], **screened}
    if reception_contact is not None:
        reception["customer_contact"] = reception_contact
    cleaning = {"id": "H2", "supplier": "hago", "title": "Discharge cleaning patient rooms", "location": "main",
                "skills": ["cleaning-basic"], "slots": [{"day": d, "start": "13:00", "end": "16:30"}
                                                        for d in ("mon", "tue", "wed")],
                "physical_load": "high", "pace": "high", "interruptions": "low", "independence": "high",
                "customer_contact": "low"}
    if title_nl:
        cleaning["title_nl"] = title_nl
    tasks = [reception, cleaning]
    if escort:
        tasks.append({"id": "H3", "supplier": "hospital", "title": "Patient escort to radiology", "location": "poli",
                      "skills": ["patient-escort"], "slots": [{"day": "fri", "start": "09:00", "end": "12:00"}],
                      **screened, "customer_contact": "high"})
    task_file = parse_task_file({
        "format": "bundler-tasks/1", "name": "Ziekenhuis Noord",
        "suppliers": [{"id": "hospital", "name": "Ziekenhuis Noord", "sector": "facility", "cao": "Cao Ziekenhuizen"},
                      {"id": "hago", "name": "Hago Zorg", "sector": "cleaning",
                       "cao": "CAO Schoonmaak- en glazenwassersbedrijf"}],
        "locations": [{"id": "main", "name": "Hoofdgebouw", "site": "noord", "lat": 52.1234, "lon": 5.0987},
                      {"id": "poli", "name": "Poliklinieken", "site": "noord", "lat": 52.1241, "lon": 5.0999}],
        "travel": [{"from": "main", "to": "poli", "minutes": 5}],
        "skills": [{"id": "reception", "label": "Greeting guests"}, {"id": "cleaning-basic", "label": "Basic cleaning"},
                   {"id": "patient-escort", "label": "Patient escort"}],
        "tasks": tasks,
    })
    schedule = [{"task": t["id"], "day": s["day"], "start": s["start"], "end": s["end"], "location": t["location"]}
                for t in tasks for s in t["slots"]]
    hours = sum(task_file.task_by_id()[t["id"]].hours for t in tasks)
    plan = Plan.model_validate({"format": "bundler-plan/1", "status": "FEASIBLE", "jobs": [
        {"id": "J01", "tasks": [t["id"] for t in tasks], "suppliers": ["hago", "hospital"], "employer": "hospital",
         "hours": hours, "skills": sorted({k for t in tasks for k in t["skills"]}), "schedule": schedule}],
        "kpis": {"jobs": 1, "bundled_hours": hours, "total_hours": hours, "jobs_upper_bound": 1}})
    assert_plan_valid(task_file, plan)
    return task_file, plan

"""Tiny task files for tests, written the way a person would describe them."""

from __future__ import annotations

from typing import Any, Iterable

from bundler.bench.campus import reference_verdict  # noqa: F401  (the tests take it from here)
from bundler.domain import Plan, TaskFile
from bundler.validation import parse_task_file

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


def fixed(days: Iterable[str] | str, start: str, end: str) -> list[dict[str, str]]:
    """One fixed slot per day, e.g. fixed(WEEKDAYS, "07:00", "10:00")."""
    days = [days] if isinstance(days, str) else list(days)
    return [{"day": d, "start": start, "end": end} for d in days]


def flexible(days: Iterable[str], earliest: str, latest: str, minutes: int) -> dict[str, Any]:
    return {"days": list(days), "earliest": earliest, "latest": latest, "minutes": minutes}


def task(tid: str, supplier: str, location: str, slots: list[dict], skills: Iterable[str] = ()) -> dict[str, Any]:
    return {"id": tid, "supplier": supplier, "location": location, "skills": list(skills), "slots": slots}


def task_data(tasks: list[dict], rules: dict | None = None, travel: list[tuple[str, str, float]] = (),
              incompatible: list[list[str]] = (), pinned: list[dict] = (), locations: Iterable[str] = ()) -> dict:
    """A task-file dict; suppliers, locations and skills are derived from the tasks."""
    location_ids = dict.fromkeys([*locations, *(t["location"] for t in tasks),
                                  *(a for a, _, _ in travel), *(b for _, b, _ in travel)])
    return {
        "format": "bundler-tasks/1",
        "name": "test",
        "rules": rules or {},
        "suppliers": [{"id": s, "name": s.title()} for s in dict.fromkeys(t["supplier"] for t in tasks)],
        "locations": [{"id": loc} for loc in location_ids],
        "travel": [{"from": a, "to": b, "minutes": m} for a, b, m in travel],
        "skills": [{"id": k} for k in dict.fromkeys(k for t in tasks for k in t["skills"])],
        "tasks": tasks,
        "incompatible": [list(p) for p in incompatible],
        "pinned": list(pinned),
    }


def task_file(*args, **kwargs) -> TaskFile:
    return parse_task_file(task_data(*args, **kwargs))


def assert_plan_valid(task_file: TaskFile, plan: Plan) -> None:
    """Both our checker and the shared reference checker accept the plan."""
    from bundler.check import check_plan

    violations = check_plan(task_file, plan)
    assert not violations, [v.message for v in violations]
    repaired = (plan.solver.model_extra or {}).get("rule_violations")
    assert not repaired, f"solve() had to withdraw jobs that broke a rule: {repaired}"
    verdict = reference_verdict(task_file, plan)
    if verdict is not None:
        assert not verdict[0], verdict[0]
    assert plan.kpis.jobs_upper_bound >= plan.kpis.jobs

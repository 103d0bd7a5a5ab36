"""Properties over random valid task files: every plan passes both checkers, and the
same input, seed and workers give the same plan."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tasks_factory import assert_plan_valid, task_data

from bundler.engine import SolveConfig, solve
from bundler.validation import parse_task_file

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat")
LOCATIONS = ("edu", "min", "bbg", "centre")


def _time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@st.composite
def slots(draw):
    start = draw(st.integers(6 * 4, 20 * 4)) * 15
    length = draw(st.sampled_from((45, 60, 90, 120, 180, 240)))
    if draw(st.booleans()) and draw(st.booleans()):
        days = draw(st.lists(st.sampled_from(DAYS), min_size=1, max_size=3, unique=True))
        slack = draw(st.sampled_from((0, 30, 120, 240)))
        return {"days": days, "earliest": _time(start), "latest": _time(min(start + length + slack, 1440)),
                "minutes": min(length, 1440 - start)}
    return {"day": draw(st.sampled_from(DAYS)), "start": _time(start), "end": _time(min(start + length, 1440))}


@st.composite
def task_files(draw):
    n = draw(st.integers(1, 14))
    tasks = [
        {"id": f"T{i:02d}", "supplier": draw(st.sampled_from(("asito", "sodexo", "maas", "verheij"))),
         "location": draw(st.sampled_from(LOCATIONS)), "skills": draw(st.lists(st.sampled_from("abcde"), max_size=2, unique=True)),
         "slots": draw(st.lists(slots(), min_size=1, max_size=5))}
        for i in range(n)
    ]
    travel = [(a, b, m) for a, b, m in (("edu", "min", 6), ("min", "bbg", 4), ("bbg", "centre", 18))
              if draw(st.booleans())]
    rules = {
        "min_job_hours": draw(st.sampled_from((4, 8, 12, 20))),
        "max_job_hours": draw(st.sampled_from((20, 28, 36))),
        "max_suppliers_per_job": draw(st.sampled_from((1, 2, 3))),
        "min_day_hours": draw(st.sampled_from((0, 1, 3))),
        "max_day_hours": draw(st.sampled_from((6, 8, 10))),
        "max_gap_minutes": draw(st.sampled_from((0, 30, 60, 120))),
        "max_skills_per_job": draw(st.sampled_from((None, 2, 4))),
        "objective": draw(st.sampled_from(("jobs", "hours", "cover"))),
    }
    incompatible = [["T00", "T01"]] if n >= 2 and draw(st.booleans()) else []
    data = task_data(tasks, rules=rules, travel=travel, incompatible=incompatible, locations=LOCATIONS)
    return data


def _parse_or_none(data):
    from bundler.validation import InputError

    try:
        return parse_task_file(data)
    except InputError:
        return None  # e.g. a flexible window clipped at midnight: not a valid file


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(task_files())
def test_every_plan_passes_both_checkers(data):
    """Whatever the valid input, the plan obeys every rule and lists every task once."""
    tf = _parse_or_none(data)
    if tf is None:
        return
    plan = solve(tf, SolveConfig(time_limit=2, workers=1))
    assert_plan_valid(tf, plan)
    listed = [t for j in plan.jobs for t in j.tasks] + [u.task for u in plan.unassigned]
    assert sorted(listed) == sorted(t.id for t in tf.tasks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(task_files())
def test_heuristic_plans_are_valid_too(data):
    """The constructive fallback alone (no optimizer) never breaks a rule either."""
    tf = _parse_or_none(data)
    if tf is None:
        return
    plan = solve(tf, SolveConfig(time_limit=2, workers=1, use_solver=False))
    assert_plan_valid(tf, plan)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(task_files())
def test_same_seed_and_workers_give_the_same_plan(data):
    """Two solves with the same seed and two workers give identical jobs and schedules."""
    tf = _parse_or_none(data)
    if tf is None:
        return
    config = SolveConfig(time_limit=3, workers=2, seed=7, wall_limit=120)  # the work ends first
    first, second = solve(tf, config), solve(tf, config)
    assert first.model_dump(exclude={"solver"}) == second.model_dump(exclude={"solver"})

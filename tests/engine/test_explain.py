"""Reasons to act on: every left-over task gets the rule that blocks it and the nearest miss, in Dutch and English."""

from __future__ import annotations

from pathlib import Path

from tasks_factory import WEEKDAYS, assert_plan_valid, fixed, task, task_file

from bundler.engine import SolveConfig, solve
from bundler.engine.instance import prepare
from bundler.engine.schedule import find_schedule
from bundler.io import read_task_file
from bundler.rules import Rule

DATA = Path(__file__).resolve().parents[2] / "data"


def _reasons(tf) -> dict:
    plan = solve(tf, SolveConfig(time_limit=5, workers=1))
    assert_plan_valid(tf, plan)
    return {u.task: u for u in plan.unassigned}


def test_a_task_that_would_make_a_day_too_long_names_the_job_the_day_and_the_hours():
    """C fits J01 in time, but Thursday would become 8.5 h: the reason says so, with the numbers."""
    tf = task_file([
        task("A", "asito", "edu", fixed(WEEKDAYS, "08:00", "12:00")),
        task("B", "asito", "edu", fixed("thu", "12:30", "16:30")),
        task("C", "asito", "edu", fixed("thu", "16:30", "17:00")),
    ])
    c = _reasons(tf)["C"]
    assert c.rule == Rule.DAY_HOURS.key
    assert c.reason_nl == "past in J01, maar dan wordt donderdag 8,5 u (max 8)"
    assert c.reason == "would fit J01, but then Thursday becomes 8.5 h (max 8)"


def test_a_short_lonely_sunday_says_nothing_else_works_that_day():
    """The tutorial's Sunday round: 2 h alone on Sunday, nothing within the longest wait."""
    reasons = _reasons(read_task_file(DATA / "tutorial.json"))
    assert reasons["T11"].rule == Rule.DAY_HOURS.key
    assert reasons["T11"].reason_nl.startswith("geen andere taak op zondag binnen 60 minuten")
    assert reasons["T11"].reason.startswith("no other task on Sunday within 60 minutes")


def test_too_few_hours_around_it_is_said_with_the_hours():
    """3 h a week at a site with only 2 more hours of work: never a 20-hour job."""
    tf = task_file([
        task("A", "asito", "edu", fixed(WEEKDAYS, "08:00", "12:00")),
        task("B", "sodexo", "edu", fixed(WEEKDAYS, "12:30", "13:30")),
        task("D", "asito", "farm", fixed("mon", "09:00", "12:00")),
        task("E", "asito", "barn", fixed("mon", "12:15", "14:15")),
    ], travel=[("farm", "barn", 5)])
    d = _reasons(tf)["D"]
    assert d.rule == Rule.JOB_HOURS.key
    assert d.reason_nl == "3 u per week; samen met de taken die ernaast passen nooit 20 u (hoogstens 5 u)"


def test_a_task_too_long_on_its_own_says_so():
    """A 40-hour task is no part of any job whatever its partners."""
    tf = task_file([task("A", "asito", "edu", fixed(WEEKDAYS, "08:00", "16:00")),
                    task("B", "asito", "edu", fixed(WEEKDAYS, "16:30", "20:30"))],
                   rules={"min_break_minutes": 0})
    a = _reasons(tf)["A"]
    assert a.rule == Rule.JOB_HOURS.key and a.reason_nl == "kan in geen enkele baan: is zelf al 40 u per week (max 36)"


def test_every_left_over_task_of_the_kick_off_has_a_reason_in_both_languages_and_the_claims_hold():
    """On the example: a Dutch and an English reason for each; 'still fits Jxx' is true (a schedule exists)."""
    tf = read_task_file(DATA / "uu_kickoff.json")
    plan = solve(tf, SolveConfig(time_limit=5, workers=2))
    assert_plan_valid(tf, plan)
    instance = prepare(tf)
    jobs = {j.id: j for j in plan.jobs}
    keys = {r.key for r in Rule}
    for left in plan.unassigned:
        assert left.reason and left.reason_nl and left.reason != left.reason_nl
        assert left.rule is None or left.rule in keys
        if left.reason_nl.startswith("past nog in "):
            job = jobs[left.reason_nl.split()[3]]
            tasks = [instance.index[t] for t in [*job.tasks, left.task]]
            assert find_schedule(instance, tasks) is not None
    assert len({u.reason_nl for u in plan.unassigned}) > len(plan.unassigned) // 2  # not one reason for all
    data = plan.to_json_dict()["unassigned"][0]
    assert {"task", "reason", "reason_nl", "rule"} <= set(data)


def test_explaining_stops_at_the_deadline_with_plain_reasons():
    """Past the deadline no nearest-miss search runs: every left-over task still gets a
    reason, the one that needs no search (explaining must not break the time promise)."""
    from bundler.engine.explain import explain_all

    task_file = read_task_file(Path(__file__).resolve().parents[2] / "data" / "uu_kickoff.json")
    instance = prepare(task_file)
    left_over = [task.index for task in instance.tasks]
    reasons = explain_all(instance, left_over, [], proven_optimal=False, halted=lambda: True)
    assert set(reasons) == set(left_over)
    plain = [r for r in reasons.values() if r.rule is None]
    assert plain and all("no time was left" in r.en and "geen tijd meer" in r.nl for r in plain)
    in_time = explain_all(instance, left_over[:5], [], proven_optimal=False)
    assert not any("no time was left" in r.en for r in in_time.values())

"""Each contract rule, on the optimizer: a tiny case where it holds and one where it breaks.

Every plan is checked by both checkers; the assertion is on the number of jobs the
solver proves possible (OPTIMAL), so a rule that the model forgets shows up as a job
that should not exist, and a rule that is too strict as a job that goes missing.

Rules 1-7 are tested here in isolation: rules 8-13 and the start grid are relaxed
(`RELAXED_RULES`) unless a test sets them; tests/test_model_rules.py has theirs.
"""

from __future__ import annotations

import pytest
import tasks_factory
from tasks_factory import WEEKDAYS, assert_plan_valid, fixed, flexible, task

from bundler.engine import SolveConfig, solve
from bundler.rules import RELAXED_RULES


def task_file(tasks, rules=None, **kwargs):
    """A task file under rules 1-7 only."""
    return tasks_factory.task_file(tasks, rules={**RELAXED_RULES, **(rules or {})}, **kwargs)


def solved(tf):
    plan = solve(tf, SolveConfig(time_limit=10, workers=1))
    assert_plan_valid(tf, plan)
    return plan


def jobs_of(tf) -> int:
    plan = solved(tf)
    assert plan.status == "OPTIMAL"
    return plan.kpis.jobs


def pair(second_start: str, second_end: str, second_location: str = "edu", travel=(("edu", "min", 6),), **rules):
    """Cleaning mon-fri 07:00-10:00 at edu plus catering mon-fri at a given time: 15 h + x h."""
    return task_file(
        [task("A", "asito", "edu", fixed(WEEKDAYS, "07:00", "10:00")),
         task("B", "sodexo", second_location, fixed(WEEKDAYS, second_start, second_end))],
        rules=rules, travel=list(travel))


def test_rule1_a_task_is_in_at_most_one_job():
    """Three 10 h tasks and a 20 h minimum make one job, not two that share a task."""
    tf = task_file([task(t, "asito", "edu", fixed(WEEKDAYS, s, e)) for t, s, e in
                    (("A", "07:00", "09:00"), ("B", "09:00", "11:00"), ("C", "11:00", "13:00"))])
    plan = solved(tf)
    assert plan.kpis.jobs == 1
    used = [t for job in plan.jobs for t in job.tasks]
    assert len(used) == len(set(used))


@pytest.mark.parametrize("end, jobs", [("11:00", 1), ("10:59", 0)], ids=["20h-holds", "19h55-too-few"])
def test_rule2_minimum_weekly_hours(end, jobs):
    """15 h + 5 h reaches the 20 h minimum; 15 h + 4h55 does not."""
    assert jobs_of(pair("10:00", end)) == jobs


@pytest.mark.parametrize("max_hours, jobs", [(30, 1), (29.5, 0)], ids=["30h-holds", "max-29.5-breaks"])
def test_rule2_maximum_weekly_hours(max_hours, jobs):
    """15 h + 15 h fits a 30 h maximum, not a 29.5 h one."""
    assert jobs_of(pair("11:00", "14:00", max_job_hours=max_hours)) == jobs


@pytest.mark.parametrize("limit, jobs", [(3, 1), (2, 0)], ids=["3-allowed", "2-allowed"])
def test_rule3_suppliers_per_job(limit, jobs):
    """Three suppliers with 7 h each form a job only when three suppliers are allowed."""
    tf = task_file([task(t, s, "edu", fixed(d, "08:00", "15:00")) for t, s, d in
                    (("A", "asito", "mon"), ("B", "sodexo", "tue"), ("C", "verheij", "wed"))],
                   rules={"max_suppliers_per_job": limit})
    assert jobs_of(tf) == jobs


@pytest.mark.parametrize("start, end, jobs", [("10:00", "13:00", 1), ("09:30", "12:30", 0)],
                         ids=["back-to-back", "overlap"])
def test_rule4_no_overlap(start, end, jobs):
    """Work that starts when the other ends combines; work that overlaps does not."""
    assert jobs_of(pair(start, end)) == jobs


@pytest.mark.parametrize("start, end, jobs", [("10:06", "13:06", 1), ("10:05", "13:05", 0)],
                         ids=["travel-fits", "travel-too-short"])
def test_rule4_travel_time(start, end, jobs):
    """A 6-minute ride needs a gap of at least 6 minutes between buildings."""
    assert jobs_of(pair(start, end, "min")) == jobs


@pytest.mark.parametrize("start, end, jobs", [("11:00", "14:00", 1), ("11:01", "14:01", 0)],
                         ids=["gap-60", "gap-61"])
def test_rule4_maximum_gap(start, end, jobs):
    """A 60-minute break is allowed, a 61-minute one is not."""
    assert jobs_of(pair(start, end)) == jobs


@pytest.mark.parametrize("bridge_start, jobs", [("10:30", 1), ("15:00", 0)], ids=["bridged", "not-bridged"])
def test_rule4_gap_is_between_consecutive_blocks(bridge_start, jobs):
    """Two blocks 2 h apart are fine when a third task fills the hole in between."""
    hour_later = f"{int(bridge_start[:2]) + 1:02d}{bridge_start[2:]}"
    tf = task_file([task("A", "asito", "edu", fixed(WEEKDAYS, "08:00", "10:00")),
                    task("B", "asito", "edu", fixed(WEEKDAYS, bridge_start, hour_later)),
                    task("C", "sodexo", "edu", fixed(WEEKDAYS, "12:00", "14:00"))],
                   rules={"min_job_hours": 25})
    assert jobs_of(tf) == jobs


@pytest.mark.parametrize("hours, jobs", [(3, 1), (3.5, 0)], ids=["3h-days", "3.5h-minimum"])
def test_rule5_minimum_hours_per_worked_day(hours, jobs):
    """Days of 1.5 h + 1.5 h meet a 3 h daily minimum, not a 3.5 h one."""
    tf = task_file([task("A", "asito", "edu", fixed(WEEKDAYS, "07:00", "08:30")),
                    task("B", "sodexo", "edu", fixed(WEEKDAYS, "08:30", "10:00"))],
                   rules={"min_day_hours": hours, "min_job_hours": 15})
    assert jobs_of(tf) == jobs


@pytest.mark.parametrize("end, jobs", [("15:00", 1), ("15:30", 0)], ids=["8h-day", "8.5h-day"])
def test_rule5_maximum_hours_per_worked_day(end, jobs):
    """07:00-10:00 plus 10:00-15:00 is an 8 h day; until 15:30 is too long."""
    assert jobs_of(pair("10:00", end, min_job_hours=30, max_job_hours=45)) == jobs


@pytest.mark.parametrize("skills_b, jobs", [(["cleaning"], 1), (["dishwashing"], 0)], ids=["2-skills", "3-skills"])
def test_rule6_skills_per_job(skills_b, jobs):
    """With at most two skills per job, a third distinct skill breaks the job."""
    tf = task_file([task("A", "asito", "edu", fixed(WEEKDAYS, "07:00", "10:00"), ["cleaning", "toilets"]),
                    task("B", "sodexo", "edu", fixed(WEEKDAYS, "10:00", "13:00"), skills_b)],
                   rules={"max_skills_per_job": 2})
    assert jobs_of(tf) == jobs


@pytest.mark.parametrize("travel, jobs", [([("edu", "far", 15)], 1), ([], 0)], ids=["connected", "other-region"])
def test_rule7_one_region(travel, jobs):
    """Places without a travel route between them never share a job."""
    assert jobs_of(pair("10:30", "13:30", "far", travel=travel)) == jobs


@pytest.mark.parametrize("vetoed, jobs", [(False, 1), (True, 0)], ids=["allowed", "incompatible"])
def test_rule7_incompatible_pairs(vetoed, jobs):
    """An incompatible pair never shares a job, however well it fits."""
    tf = pair("10:00", "13:00")
    tf = task_file([t.model_dump(mode="json", exclude_none=True) for t in tf.tasks],
                   incompatible=[["A", "B"]] if vetoed else [])
    assert jobs_of(tf) == jobs


@pytest.mark.parametrize("earliest, jobs", [("10:30", 1), ("11:30", 0)], ids=["placeable", "window-too-late"])
def test_flexible_slots_are_placed_by_the_optimizer(earliest, jobs):
    """A flexible 2 h grounds block a day joins 07:00-10:00 cleaning only if it can start within the max gap."""
    tf = task_file([task("A", "asito", "edu", fixed(WEEKDAYS, "07:00", "10:00")),
                    task("B", "verheij", "edu", [flexible([d], earliest, "16:00", 120) for d in WEEKDAYS])])
    plan = solved(tf)
    assert plan.status == "OPTIMAL" and plan.kpis.jobs == jobs
    if jobs:
        days = sorted(e.day for e in plan.jobs[0].schedule if e.task == "B")
        assert days == sorted(WEEKDAYS), "each flexible occurrence lands on its own weekday beside the cleaning"


def test_flexible_slot_chooses_a_day_with_other_work():
    """A flexible slot offered on any weekday is placed on the one day the partner works."""
    tf = task_file([task("A", "asito", "edu", fixed("wed", "07:00", "10:00") + fixed("thu", "07:00", "14:00")),
                    task("B", "verheij", "edu", fixed("thu", "14:00", "15:00") + [flexible(WEEKDAYS, "08:00", "18:00", 300)])],
                   rules={"min_job_hours": 16, "min_day_hours": 6})
    plan = solved(tf)
    assert plan.kpis.jobs == 1
    b_days = sorted(e.day for e in plan.jobs[0].schedule if e.task == "B")
    assert b_days == ["thu", "wed"]


def test_pinned_job_is_kept_exactly():
    """A pinned job appears with its id and tasks even when a better pairing exists."""
    data = pair("10:00", "13:00").to_json_dict()
    data["tasks"].append(task("C", "sodexo", "edu", fixed(WEEKDAYS, "10:00", "13:00")))
    data["pinned"] = [{"id": "AGREED", "tasks": ["A", "C"]}]
    from bundler.validation import parse_task_file

    tf = parse_task_file(data)
    plan = solved(tf)
    assert [(j.id, sorted(j.tasks)) for j in plan.jobs] == [("AGREED", ["A", "C"])]


def test_objectives_jobs_and_hours_each_win_on_their_own_measure():
    """The 'jobs' plan has at least as many jobs, the 'hours' plan at least as many hours."""
    tasks = [task("A", "asito", "edu", fixed(WEEKDAYS, "07:00", "11:00")),
             task("B", "asito", "edu", fixed(WEEKDAYS, "11:00", "14:12")),
             task("C", "sodexo", "edu", fixed(WEEKDAYS, "07:00", "10:00")),
             task("D", "sodexo", "edu", fixed(WEEKDAYS, "10:00", "11:00"))]
    by_jobs = solved(task_file(tasks, rules={"objective": "jobs"}))
    by_hours = solved(task_file(tasks, rules={"objective": "hours"}))
    assert by_jobs.status == by_hours.status == "OPTIMAL"
    assert by_jobs.kpis.jobs >= by_hours.kpis.jobs
    assert by_hours.kpis.bundled_hours >= by_jobs.kpis.bundled_hours


@pytest.mark.parametrize("extra_end, status", [("14:00", "OPTIMAL"), ("20:00", "INFEASIBLE")],
                         ids=["coverable", "cannot-cover"])
def test_objective_cover_covers_every_task_or_says_infeasible(extra_end, status):
    """'cover' puts every task in a job, or reports INFEASIBLE with no jobs."""
    tf = task_file([task("A", "asito", "edu", fixed(WEEKDAYS, "07:00", "10:00")),
                    task("B", "sodexo", "edu", fixed(WEEKDAYS, "10:00", "13:00")),
                    task("C", "sodexo", "edu", fixed(WEEKDAYS, "11:00", extra_end))],
                   rules={"objective": "cover", "min_job_hours": 15})
    plan = solved(tf)
    assert plan.status == status
    if status == "OPTIMAL":
        assert not plan.unassigned and plan.kpis.jobs == 2
    else:
        assert plan.jobs == []

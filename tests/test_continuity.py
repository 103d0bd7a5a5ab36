"""Re-planning keeps the thread: ids of unchanged jobs, fresh ids for new ones, decisions that still stand,
and a stop that never throws away a better plan."""

from __future__ import annotations

from pathlib import Path

from tasks_factory import assert_plan_valid

from bundler.continuity import after_stop, carry_decisions, carry_ids, score
from bundler.decisions import Decision, apply_decisions
from bundler.engine import SolveConfig, solve
from bundler.io import read_task_file

TUTORIAL = Path(__file__).resolve().parents[1] / "data" / "tutorial.json"


def _replanned():
    task_file = read_task_file(TUTORIAL)
    first = solve(task_file, SolveConfig(time_limit=5, workers=1))
    two = [j for j in first.jobs if len(j.suppliers) == 2]
    accepted, rejected = first.jobs[0], two[-1]
    decisions = [Decision(accepted.id, accepted.suppliers[0], "accept"),
                 Decision(rejected.id, rejected.suppliers[0], "reject", "te ver lopen")]
    new_file = apply_decisions(task_file, first, decisions)
    second = solve(new_file, SolveConfig(time_limit=5, workers=1))
    return task_file, first, new_file, second, decisions, accepted, rejected


def test_unchanged_jobs_keep_their_id_and_new_jobs_never_take_an_old_one():
    _, first, new_file, second, _, accepted, rejected = _replanned()
    carried = carry_ids(first, second, {p.id for p in new_file.pinned})
    assert_plan_valid(new_file, carried)
    before = {frozenset(j.tasks): j.id for j in first.jobs}
    for job in carried.jobs:
        if frozenset(job.tasks) in before:
            assert job.id == before[frozenset(job.tasks)]
        else:
            assert job.id not in {j.id for j in first.jobs}
    assert accepted.id in {j.id for j in carried.jobs}
    assert not any(j.id == rejected.id and set(j.tasks) != set(rejected.tasks) for j in carried.jobs)


def test_reasons_that_name_a_job_follow_its_new_id():
    """A reason 'past in J02, maar ...' says the id the job has after renumbering."""
    from bundler.domain import Plan

    first = Plan(status="FEASIBLE", jobs=[{"id": "J01", "tasks": ["A"], "suppliers": ["s"], "employer": "s",
                                           "hours": 20}])
    second = Plan(status="FEASIBLE", jobs=[{"id": "J01", "tasks": ["B"], "suppliers": ["s"], "employer": "s",
                                            "hours": 20},
                                           {"id": "J02", "tasks": ["A"], "suppliers": ["s"], "employer": "s",
                                            "hours": 20}],
                  unassigned=[{"task": "C", "reason": "would fit J02, but then", "reason_nl": "past in J02, maar"}])
    carried = carry_ids(first, second)
    assert {j.id: j.tasks for j in carried.jobs} == {"J01": ["A"], "J02": ["B"]}
    assert carried.unassigned[0].reason_nl == "past in J01, maar" and carried.unassigned[0].reason.startswith(
        "would fit J01")


def test_decisions_stand_for_jobs_that_came_back_unchanged_only():
    _, first, new_file, second, decisions, accepted, rejected = _replanned()
    carried = carry_ids(first, second, {p.id for p in new_file.pinned})
    kept = carry_decisions(first, carried, decisions)
    assert [d.job for d in kept] == [accepted.id]


def test_a_stop_keeps_the_better_plan():
    task_file = read_task_file(TUTORIAL)
    good = solve(task_file, SolveConfig(time_limit=5, workers=1))
    worse = good.model_copy(update={"jobs": good.jobs[:-1], "kpis": good.kpis.model_copy(
        update={"jobs": good.kpis.jobs - 1, "bundled_hours": good.kpis.bundled_hours - good.jobs[-1].hours})})
    assert score(good, "jobs") > score(worse, "jobs")
    kept = after_stop(good, worse, "jobs")
    assert kept.kept_previous and kept.plan is good
    taken = after_stop(worse, good, "jobs")
    assert not taken.kept_previous and taken.plan is good
    assert not after_stop(None, worse, "jobs").kept_previous

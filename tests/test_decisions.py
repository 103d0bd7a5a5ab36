"""Supplier decisions become pins and vetoes, and re-planning honours them."""

from __future__ import annotations

from pathlib import Path

from tasks_factory import assert_plan_valid

from bundler.decisions import (
    Decision,
    apply_decisions,
    jobs_of_supplier,
    rejected_pairs,
)
from bundler.engine import SolveConfig, solve
from bundler.io import read_task_file

TUTORIAL = Path(__file__).resolve().parents[1] / "data" / "tutorial.json"


def solved():
    task_file = read_task_file(TUTORIAL)
    return task_file, solve(task_file, SolveConfig(time_limit=5, workers=1))


def two_supplier_job(plan):
    return next(j for j in plan.jobs if len(j.suppliers) == 2)


def test_a_supplier_sees_only_its_jobs():
    """jobs_of_supplier lists exactly the jobs with a task of that supplier."""
    task_file, plan = solved()
    supplier_of = {t.id: t.supplier for t in task_file.tasks}
    for supplier in {t.supplier for t in task_file.tasks}:
        listed = {j.id for j in jobs_of_supplier(task_file, plan, supplier)}
        assert listed == {j.id for j in plan.jobs if any(supplier_of[t] == supplier for t in j.tasks)}


def test_reject_then_replan_never_pairs_them_again():
    """After a rejection the re-planned jobs never hold the rejected pairing; the plan is valid."""
    task_file, plan = solved()
    job = two_supplier_job(plan)
    decision = Decision(job.id, job.suppliers[0], "reject", "te ver lopen")
    pairs = rejected_pairs(task_file, plan, decision)
    assert pairs
    new_file = apply_decisions(task_file, plan, [decision])
    assert all(sorted(p) in [sorted(q) for q in new_file.incompatible] for p in pairs)
    new_plan = solve(new_file, SolveConfig(time_limit=5, workers=1))
    assert_plan_valid(new_file, new_plan)
    for j in new_plan.jobs:
        assert not any(a in j.tasks and b in j.tasks for a, b in pairs)


def test_accept_pins_the_job_exactly():
    """An accepted job comes back with the same id and tasks after re-planning."""
    task_file, plan = solved()
    job = plan.jobs[-1]
    new_file = apply_decisions(task_file, plan, [Decision(job.id, job.employer, "accept")])
    assert [(p.id, p.tasks) for p in new_file.pinned] == [(job.id, job.tasks)]
    new_plan = solve(new_file, SolveConfig(time_limit=5, workers=1))
    assert_plan_valid(new_file, new_plan)
    assert next(j for j in new_plan.jobs if j.id == job.id).tasks == job.tasks


def test_accepted_by_one_rejected_by_the_other_is_not_pinned():
    """A job needs both suppliers: one rejection outweighs the other's acceptance."""
    task_file, plan = solved()
    job = two_supplier_job(plan)
    new_file = apply_decisions(task_file, plan, [Decision(job.id, job.suppliers[0], "accept"),
                                                 Decision(job.id, job.suppliers[1], "reject")])
    assert new_file.pinned == [] and new_file.incompatible

"""Background solve and what-if variants."""

from __future__ import annotations

from pathlib import Path

from bundler.background import BackgroundSolve
from bundler.check import check_plan
from bundler.engine import SolveConfig
from bundler.generate import generate_campus
from bundler.io import read_task_file
from bundler.validation import parse_task_file
from bundler.whatif import Variant, run_variants

TUTORIAL = Path(__file__).resolve().parents[1] / "data" / "tutorial.json"


def test_background_solve_finishes_with_a_valid_plan():
    """The thread delivers the same kind of plan as a direct solve, with progress."""
    task_file = read_task_file(TUTORIAL)
    job = BackgroundSolve(task_file, SolveConfig(time_limit=5, workers=1))
    assert job.wait(60)
    assert job.error is None and check_plan(task_file, job.plan) == []
    assert job.snapshot().running is False and job.snapshot().jobs == job.plan.kpis.jobs


def test_stop_keeps_the_best_plan_so_far():
    """Stopping a long solve at once still gives a valid plan, well before the time limit."""
    task_file = parse_task_file(generate_campus(80, seed=1))
    job = BackgroundSolve(task_file, SolveConfig(time_limit=600, workers=1))
    job.stop()
    assert job.wait(120)
    assert job.plan is not None and check_plan(task_file, job.plan) == []


def test_whatif_variants_differ_as_the_rules_do():
    """A lower minimum never gives fewer jobs here; an impossible variant is reported, not raised."""
    task_file = read_task_file(TUTORIAL)
    low, high, broken = run_variants(task_file, [Variant("16", {"min_job_hours": 16}),
                                                 Variant("30", {"min_job_hours": 30}),
                                                 Variant("bad", {"min_job_hours": 50})], seconds_each=3, workers=1)
    assert low.plan.kpis.jobs >= high.plan.kpis.jobs
    assert low.plan.status == high.plan.status == "OPTIMAL"
    assert broken.plan is None and "min_job_hours" in broken.problem

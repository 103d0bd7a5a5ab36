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

"""The neighbourhood search on regions too large for the full model."""

from __future__ import annotations

import pytest
from tasks_factory import assert_plan_valid

from bundler.engine import SolveConfig, solve
from bundler.engine.construct import construct
from bundler.engine.instance import prepare
from bundler.engine.lns import improve, score
from bundler.engine.region import FULL_MODEL_MAX_TASKS
from bundler.generate import generate_campus
from bundler.validation import parse_task_file


@pytest.fixture(scope="module")
def campus():
    task_file = parse_task_file(generate_campus(70, seed=3))
    assert len(task_file.tasks) > FULL_MODEL_MAX_TASKS  # so solve() takes the search path
    return task_file


def test_search_never_worsens_the_heuristic_and_keeps_jobs_disjoint(campus):
    """improve() returns at least the heuristic's score, every task in at most one job."""
    instance = prepare(campus)
    region = max(instance.regions, key=len)
    start = construct(instance, region)
    reported: list[int] = []
    better = improve(instance, region, start, work_budget=4, seed=0, workers=1,
                     report=lambda jobs: reported.append(len(jobs)), stop=lambda: False)
    assert score(instance, better) >= score(instance, start)
    members = [t for job in better for t in job.tasks]
    assert len(members) == len(set(members))
    assert reported == sorted(reported)  # the reported plan never gets worse


def test_search_plan_passes_both_checkers_and_is_reproducible(campus):
    """A solve through the search path is valid and the same for the same seed."""
    config = SolveConfig(time_limit=4, workers=1, seed=7, wall_limit=120)  # the work ends first
    first, second = solve(campus, config), solve(campus, SolveConfig(time_limit=4, workers=1, seed=7, wall_limit=120))
    assert_plan_valid(campus, first)
    assert first.status == "FEASIBLE"
    assert first.solver.stopped_by == second.solver.stopped_by == "work"
    assert [j.tasks for j in first.jobs] == [j.tasks for j in second.jobs]
    assert [j.schedule for j in first.jobs] == [j.schedule for j in second.jobs]


def test_stop_request_returns_the_plan_so_far(campus):
    """A stop before the first step keeps the starting plan untouched."""
    instance = prepare(campus)
    region = max(instance.regions, key=len)
    start = construct(instance, region)
    kept = improve(instance, region, start, work_budget=60, seed=0, workers=1,
                   report=lambda jobs: None, stop=lambda: True)
    assert kept == start

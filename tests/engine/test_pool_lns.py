"""Neighbourhood search over pools: freed jobs repacked from a pool of their own tasks."""

from __future__ import annotations

import threading

import pytest

from bundler.engine.columns import Feasibility
from bundler.engine.config import Clock, SolveConfig
from bundler.engine.construct import construct
from bundler.engine.instance import prepare
from bundler.engine.lns import score
from bundler.engine.pool_lns import improve_by_pools
from bundler.engine.rulebook import job_breaches
from bundler.generate import generate_campus
from bundler.validation import parse_task_file


@pytest.fixture(scope="module")
def region():
    instance = prepare(parse_task_file(generate_campus(80, seed=11)))
    return instance, max(instance.regions, key=len)


def _search(instance, tasks, start, budget=3.0, seed=0, config=None):
    clock = Clock(config or SolveConfig(time_limit=600))
    return improve_by_pools(instance, tasks, start, budget, seed, Feasibility(instance, budget=3000), clock)


def test_every_job_obeys_every_rule_and_no_task_is_in_two(region):
    """Repacked jobs are real jobs: the rule book finds nothing wrong with their schedules."""
    instance, tasks = region
    jobs, _ = _search(instance, tasks, [])
    assert jobs, "a campus of 80 tasks has jobs to find"
    members = [t for job in jobs for t in job.tasks]
    assert len(members) == len(set(members))
    assert set(members) <= set(tasks)
    for job in jobs:
        assert job_breaches(instance, job.tasks, job.schedule) == [], job.tasks


def test_search_finds_jobs_the_constructive_plan_missed(region):
    """From the constructive plan, a few seconds of repacking end with more jobs (the
    reason this search exists), never fewer."""
    instance, tasks = region
    start = construct(instance, tasks)
    jobs, work = _search(instance, tasks, start, budget=4.0)
    assert score(instance, jobs) > score(instance, start)
    assert len(jobs) > len(start)
    assert 4.0 <= work < 4.0 + 2.0  # the work ends after the step that crossed the budget


def test_same_seed_same_plan_other_seed_other_search(region):
    """Work is counted, not clocked: the same seed gives the same plan."""
    instance, tasks = region
    start = construct(instance, tasks)
    first, work_a = _search(instance, tasks, start, seed=3)
    again, work_b = _search(prepare(instance.task_file), tasks, start, seed=3)
    assert [sorted(j.tasks) for j in first] == [sorted(j.tasks) for j in again]
    assert [j.schedule for j in first] == [j.schedule for j in again]
    assert work_a == pytest.approx(work_b)


def test_a_stop_before_the_first_step_keeps_the_plan(region):
    """The stop button (or a passed deadline) returns the starting plan untouched."""
    instance, tasks = region
    start = construct(instance, tasks)
    stop = threading.Event()
    stop.set()
    jobs, work = _search(instance, tasks, start, config=SolveConfig(time_limit=600, stop=stop))
    assert jobs == start
    assert work == 0.0

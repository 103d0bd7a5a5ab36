"""Solving one region: which route a large region takes."""

from __future__ import annotations

import bundler.engine.region as region
from bundler.engine.config import SolveConfig
from bundler.engine.construct import construct
from bundler.engine.instance import prepare
from bundler.engine.pool_lns import NEIGHBOURHOOD_SIZE
from bundler.engine.rulebook import job_breaches
from bundler.generate import generate_campus
from bundler.validation import parse_task_file


def _solve(instance, tasks, seconds=4.0):
    config = SolveConfig(time_limit=600, workers=1, seed=0)
    return region.solve_region(instance, tasks, config, seconds, lambda jobs, bound: None)


def _pool_sizes(monkeypatch):
    sizes = []
    real = region.job_pool

    def recording(instance, tasks, *args, **kwargs):
        sizes.append(len(tasks))
        return real(instance, tasks, *args, **kwargs)

    monkeypatch.setattr(region, "job_pool", recording)
    return sizes


def test_a_region_above_the_limit_skips_the_region_wide_pool(monkeypatch):
    """Above REGION_POOL_MAX_TASKS the work goes to the neighbourhoods at once: no pool
    over the whole region is built, and the plan still beats the constructive one with
    jobs the rule book accepts."""
    instance = prepare(parse_task_file(generate_campus(80, seed=11)))
    tasks = max(instance.regions, key=len)
    monkeypatch.setattr(region, "REGION_POOL_MAX_TASKS", len(tasks) - 1)
    sizes = _pool_sizes(monkeypatch)
    result = _solve(instance, tasks)
    assert sizes == []  # the region pool is the only caller of region.job_pool
    assert len(result.jobs) > len(construct(instance, tasks))
    for job in result.jobs:
        assert job_breaches(instance, job.tasks, job.schedule) == [], job.tasks


def test_a_region_up_to_the_limit_starts_from_the_region_wide_pool(monkeypatch):
    instance = prepare(parse_task_file(generate_campus(80, seed=11)))
    tasks = max(instance.regions, key=len)
    assert len(tasks) <= region.REGION_POOL_MAX_TASKS and len(tasks) > NEIGHBOURHOOD_SIZE
    sizes = _pool_sizes(monkeypatch)
    _solve(instance, tasks)
    assert sizes == [len(tasks)]

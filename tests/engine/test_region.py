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
    real = region.pool_and_pick

    def recording(instance, tasks, *args, **kwargs):
        sizes.append(len(tasks))
        return real(instance, tasks, *args, **kwargs)

    monkeypatch.setattr(region, "pool_and_pick", recording)
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
    assert sizes == []  # the region pool is the only caller of region.pool_and_pick
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


def _bound_by_definition(instance, tasks):
    """simple_job_bound as its docstring states it, pair by pair (slow, for comparison)."""
    minimum = instance.rules.min_job_minutes
    usable = {t for t in tasks if t not in instance.own_problems}
    changed = minimum > 0
    while changed:
        changed = False
        for t in sorted(usable):
            reach = instance.tasks[t].minutes + sum(
                instance.tasks[u].minutes for u in usable if u != t and u not in instance.conflicts[t])
            if reach < minimum:
                usable.discard(t)
                changed = True
    if minimum <= 0:
        return len(usable)
    return min(len(usable), sum(instance.tasks[t].minutes for t in usable) // minimum)


def test_the_hours_bound_counts_by_conflicts_as_its_definition_does():
    """The bound is computed from each task's conflicts, not from every pair; it must
    give what the definition gives, on plain campuses and on a chain that drops out in
    turn: task 0 may share a job only with task 1, task 1 only with tasks 0 and 2, and
    the minimum is the three together, so 0 drops first and then 1 (2 has the others)."""
    for seed in (3, 5, 8):
        instance = prepare(parse_task_file(generate_campus(40, seed=seed)))
        for tasks in instance.regions:
            assert region.simple_job_bound(instance, tasks) == _bound_by_definition(instance, tasks)
    raw = generate_campus(40, seed=5)
    ids = [task["id"] for task in raw["tasks"]]
    plain = prepare(parse_task_file(raw))
    raw["rules"]["min_job_hours"] = sum(plain.tasks[t].minutes for t in range(3)) / 60
    raw["incompatible"] = [[ids[0], b] for b in ids[2:]] + [[ids[1], b] for b in ids[3:]]
    chain = prepare(parse_task_file(raw))
    tasks = list(range(len(ids)))
    assert len(chain.regions) == 1
    assert region.simple_job_bound(chain, tasks) == _bound_by_definition(chain, tasks)
    rest = sum(chain.tasks[t].minutes for t in tasks[2:]) // chain.rules.min_job_minutes
    assert region.simple_job_bound(chain, tasks) == min(len(ids) - 2, rest)  # 0 and 1 both dropped


def test_a_large_covering_region_takes_the_exact_neighbourhood_search(monkeypatch):
    """Objective `cover` on a region too large for the full model: once the constructive
    plan covers every task, the neighbourhood search over exact sub-models (`lns.improve`)
    takes over, and its plan still covers every task with no more jobs, each one valid."""
    task_file = generate_campus(80, seed=11)
    task_file["rules"].update(objective="cover", min_job_hours=0, min_day_hours=0)
    instance = prepare(parse_task_file(task_file))
    tasks = max(instance.regions, key=len)
    heuristic = construct(instance, tasks)
    assert sorted(t for job in heuristic for t in job.tasks) == sorted(tasks)
    calls = []
    real = region.improve
    monkeypatch.setattr(region, "improve", lambda *a, **k: calls.append(1) or real(*a, **k))
    result = _solve(instance, tasks, seconds=2.0)
    assert calls == [1]
    assert sorted(t for job in result.jobs for t in job.tasks) == sorted(tasks)
    assert len(result.jobs) <= len(heuristic)
    for job in result.jobs:
        assert job_breaches(instance, job.tasks, job.schedule) == [], job.tasks

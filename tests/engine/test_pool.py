"""The pool of small jobs around every task, and picking the best disjoint set of them."""

from __future__ import annotations

import pytest

from bundler.engine.columns import Feasibility, pick_jobs
from bundler.engine.construct import Job, construct
from bundler.engine.instance import prepare
from bundler.engine.lns import score
from bundler.engine.pool import job_pool
from bundler.engine.schedule import job_violations
from bundler.generate import generate_campus
from bundler.validation import parse_task_file


@pytest.fixture(scope="module")
def region():
    instance = prepare(parse_task_file(generate_campus(60, seed=5)))
    return instance, max(instance.regions, key=len)


def test_every_pooled_job_obeys_every_rule(region):
    """Each proposal is a real job: the rule-by-rule check finds nothing wrong with it."""
    instance, tasks = region
    pool = job_pool(instance, tasks, Feasibility(instance, budget=3000), nodes_per_task=60)
    assert pool, "a campus of 60 tasks has some jobs"
    assert len(pool) == len(set(pool))
    for job in pool:
        assert job_violations(instance, list(job)) == [], job


def test_more_search_finds_a_superset_of_jobs(region):
    """A larger node budget never loses proposals that a smaller one found."""
    instance, tasks = region
    small = job_pool(instance, tasks, Feasibility(instance, budget=3000), nodes_per_task=20)
    large = job_pool(instance, tasks, Feasibility(instance, budget=3000), nodes_per_task=80)
    assert set(small) <= set(large)


def test_picking_from_the_pool_never_loses_to_the_heuristic(region):
    """With the heuristic's jobs as hint and in the pool, the pick is disjoint and at least as good."""
    instance, tasks = region
    feasibility = Feasibility(instance, budget=3000)
    pool = job_pool(instance, tasks, feasibility, nodes_per_task=60)
    heuristic = [tuple(sorted(job.tasks)) for job in construct(instance, tasks)]
    picked = pick_jobs(instance, tasks, pool, heuristic, seconds=2, seed=0)
    members = [t for job in picked for t in job]
    assert len(members) == len(set(members))
    as_jobs = lambda columns: [Job(list(c), {}) for c in columns]  # noqa: E731  (score reads the tasks only)
    assert score(instance, as_jobs(picked)) >= score(instance, as_jobs(heuristic))



def test_quality_moves_the_pick_to_another_best_one_and_never_costs_the_objective(region):
    """Penalising every job of the plain pick moves the pick to other jobs of the same
    number and hours; penalising the largest jobs heavily still keeps their number."""
    instance, tasks = region
    pool = job_pool(instance, tasks, Feasibility(instance, budget=3000), nodes_per_task=60)
    main = lambda columns: (len(columns), sum(instance.tasks[t].minutes for c in columns for t in c))  # noqa: E731
    plain = pick_jobs(instance, tasks, pool, [], seconds=2, seed=0)
    avoid = {column: int(column in plain) for column in pool}
    other = pick_jobs(instance, tasks, pool, [], seconds=2, seed=0, penalties=avoid)
    assert main(other) == main(plain)
    assert sum(avoid[c] for c in other) < len(plain), "another pick as good exists and quality finds it"
    heavy = {column: 1000 * len(column) for column in pool}
    assert main(pick_jobs(instance, tasks, pool, [], seconds=2, seed=0, penalties=heavy)) == main(plain)

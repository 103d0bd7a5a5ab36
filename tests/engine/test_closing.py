"""Closing the last job exactly: the enumeration misses no job a plan of B jobs could
hold, the exact cover finds such a plan or proves there is none, and the column route
uses it (a plan that meets the bound, or a bound moved by a proof)."""

from __future__ import annotations

import itertools
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from bundler.classic import ClassicInstance, to_instance
from bundler.engine.closing import candidate_jobs, close_the_gap, exact_partition, feasible_prices, luby
from bundler.engine.columns import ColumnGenerator
from bundler.engine.config import Clock, SolveConfig
from bundler.engine.construct import construct
from bundler.engine import packing
from bundler.engine.packing import solve_by_columns
from bundler.engine.schedule import static_violations


def _instance(sizes, capacity=100, conflicts=(), classes=None, max_classes=1, threshold=None):
    classes = classes or [0] * len(sizes)
    if threshold is None:
        classic = ClassicInstance("t", "bppc", list(sizes), classes, capacity, 0, max_classes, list(conflicts))
    else:
        classic = ClassicInstance("t", "bincover", list(sizes), classes, None, threshold, max_classes,
                                  list(conflicts))
    return to_instance(classic)


def _is_job(instance, job) -> bool:
    return not static_violations(instance, list(job))


def _assignment(instance, bins: int):
    """Task t in bin b (x), bin b in use, and no two clashing tasks in one bin: the part
    both oracles share."""
    tasks = instance.regions[0]
    model = cp_model.CpModel()
    x = {(t, b): model.new_bool_var("") for t in tasks for b in range(bins)}
    used = [model.new_bool_var("") for _ in range(bins)]
    for b in range(bins):
        for t in tasks:
            for u in instance.conflicts[t]:
                if t < u:
                    model.add_bool_or([x[t, b].Not(), x[u, b].Not()])
    return model, x, used


def _optimum(model) -> int:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    assert solver.solve(model) == cp_model.OPTIMAL
    return round(solver.objective_value)


def _fewest_bins(instance) -> int:
    """The optimum by a plain assignment model: the oracle the tests trust."""
    tasks = instance.regions[0]
    bins = len(tasks)
    model, x, used = _assignment(instance, bins)
    for t in tasks:
        model.add_exactly_one(x[t, b] for b in range(bins))
    for b in range(bins):
        model.add(sum(instance.tasks[t].minutes * x[t, b] for t in tasks) <= instance.rules.max_job_minutes)
        for t in tasks:
            model.add_implication(x[t, b], used[b])
        classes = {}
        for t in tasks:
            classes.setdefault(instance.tasks[t].supplier, []).append(t)
        flags = []
        for members in classes.values():
            flag = model.new_bool_var("")
            for t in members:
                model.add_implication(x[t, b], flag)
            flags.append(flag)
        model.add(sum(flags) <= instance.rules.max_suppliers_per_job)
    model.minimize(sum(used))
    return _optimum(model)


def test_luby_sequence_starts_as_published():
    assert [luby(i) for i in range(1, 16)] == [1, 1, 2, 1, 1, 2, 4, 1, 1, 2, 1, 1, 2, 4, 8]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(10, 70), min_size=3, max_size=9), st.integers(0, 6), st.integers(0, 10**6))
def test_every_job_a_plan_of_b_jobs_could_hold_is_enumerated(sizes, extra, seed):
    """Against all subsets: with no price filter the enumeration is exactly the valid jobs
    no emptier than the slack allows."""
    rng = random.Random(seed)
    pairs = [(a, b) for a, b in itertools.combinations(range(len(sizes)), 2) if rng.random() < 0.2]
    classes = [rng.randrange(3) for _ in sizes]
    instance = _instance(sizes, 100, pairs, classes, max_classes=2)
    tasks = instance.regions[0]
    target = -(-sum(sizes) // 100) + extra % 3
    found, _ = candidate_jobs(instance, tasks, target, {}, 0.0, 10**7)
    slack = target * 100 - sum(sizes)
    expected = {subset for k in range(1, len(tasks) + 1) for subset in itertools.combinations(tasks, k)
                if 100 - slack <= sum(sizes[t] for t in subset) <= 100 and _is_job(instance, subset)}
    assert found is not None
    assert set(found) == expected
    assert len(found) == len(set(found))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(10, 60), min_size=3, max_size=9), st.integers(0, 10**6))
def test_covering_jobs_are_the_minimal_ones_within_the_slack(sizes, seed):
    """Objective jobs (covering): every job that reaches the minimum, passes it by at
    most the slack, and needs each of its tasks (none could be dropped)."""
    rng = random.Random(seed)
    pairs = [(a, b) for a, b in itertools.combinations(range(len(sizes)), 2) if rng.random() < 0.2]
    instance = _instance(sizes, conflicts=pairs, threshold=80)
    tasks = instance.regions[0]
    target = max(sum(sizes) // 80, 1)
    found, _ = candidate_jobs(instance, tasks, target, {}, float(target), 10**7)
    slack = sum(sizes) - target * 80
    expected = set()
    for k in range(1, len(tasks) + 1):
        for subset in itertools.combinations(tasks, k):
            load = sum(sizes[t] for t in subset)
            smallest = min(sizes[t] for t in subset)
            if 80 <= load <= 80 + slack and load - smallest < 80 and _is_job(instance, subset):
                expected.add(subset)
    assert found is not None
    assert set(found) == expected


def _triplets(count: int, seed: int) -> tuple[list[int], list[int]]:
    """Sizes that fill `count` bins of 1000 exactly, three to a bin, shuffled; and the
    planted bin of each task."""
    rng = random.Random(seed)
    planted = []
    for b in range(count):
        x, y = rng.randint(250, 499), rng.randint(250, 499)
        while not 250 <= 1000 - x - y <= 499:
            x, y = rng.randint(250, 499), rng.randint(250, 499)
        planted += [(x, b), (y, b), (1000 - x - y, b)]
    rng.shuffle(planted)
    return [size for size, _ in planted], [b for _, b in planted]


def test_a_perfect_triplet_packing_is_found():
    sizes, _ = _triplets(20, 3)
    instance = _instance(sizes, capacity=1000)
    tasks = instance.regions[0]
    closing = close_the_gap(instance, tasks, 20, {}, 5.0, 1, 0, Clock(SolveConfig()))
    assert closing.jobs is not None and len(closing.jobs) == 20
    assert sorted(t for job in closing.jobs for t in job) == tasks
    assert all(_is_job(instance, job) and sum(sizes[t] for t in job) == 1000 for job in closing.jobs)


def test_exact_partition_proves_there_is_none():
    """Six tasks, jobs of two: each task is in some job, yet no three jobs hold them all."""
    columns = [(0, 2), (1, 2), (0, 5), (1, 5), (0, 3), (1, 4)]  # 3 needs 0, 4 needs 1: 2 and 5 have none
    minutes = {t: 50 for t in range(6)}
    jobs, impossible, _ = exact_partition(columns, list(range(6)), minutes, 100, 3, 10**6, 0)
    assert jobs is None and impossible
    jobs, impossible, _ = exact_partition([*columns, (2, 5)], list(range(6)), minutes, 100, 3, 10**6, 0)
    assert jobs is not None and not impossible and sorted(t for j in jobs for t in j) == list(range(6))


def _converged_duals(instance):
    tasks = instance.regions[0]
    generator = ColumnGenerator(instance, tasks, [tuple(sorted(j.tasks)) for j in construct(instance, tasks)])
    generator.fixed = [()]  # keep pricing past an early rounded bound, to the LP optimum
    generator.run(float("inf"), max_work=60.0)
    generator.fixed = []
    return generator.duals


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(15, 60), min_size=4, max_size=10), st.integers(0, 10**6))
def test_the_closing_agrees_with_the_optimum(sizes, seed):
    """At the true optimum a plan is found; one job fewer is proven impossible; with the
    LP's own prices as the filter, so a price filter that cut a needed job would fail."""
    rng = random.Random(seed)
    pairs = [(a, b) for a, b in itertools.combinations(range(len(sizes)), 2) if rng.random() < 0.3]
    instance = _instance(sizes, 100, pairs)
    tasks = instance.regions[0]
    best = _fewest_bins(instance)
    duals = _converged_duals(instance)
    clock = Clock(SolveConfig())
    at_best = close_the_gap(instance, tasks, best, duals, 30.0, 1, seed, clock)
    assert at_best.jobs is not None and len(at_best.jobs) <= best
    assert sorted(t for job in at_best.jobs for t in job) == tasks
    assert all(_is_job(instance, job) for job in at_best.jobs)
    if best > -(-sum(sizes) // 100):
        below = close_the_gap(instance, tasks, best - 1, duals, 30.0, 1, seed, clock)
        assert below.jobs is None and below.impossible


def test_prices_are_scaled_until_no_job_beats_them():
    instance = _instance([60, 50, 40, 30])
    prices, value, _ = feasible_prices(instance, instance.regions[0], {0: 0.9, 1: 0.9, 2: 0.9, 3: 0.9})
    # the best job (60 + 40, or 50 + 30 ... at most two tasks) is worth 1.8: halved, almost
    assert abs(max(prices[a] + prices[b] for a, b in itertools.combinations(range(4), 2)
                   if [60, 50, 40, 30][a] + [60, 50, 40, 30][b] <= 100) - 1.0) < 1e-9
    assert abs(value - sum(prices.values())) < 1e-9


def test_the_column_route_reaches_the_triplet_optimum_and_proves_it(monkeypatch):
    """Sixty perfect triplets, with conflicts that keep the planted bins possible: the
    route ends at 60 bins, OPTIMAL; without the closing it does not within the same work."""
    sizes, planted = _triplets(60, 11)
    rng = random.Random(5)
    pairs = [(a, b) for a, b in itertools.combinations(range(len(sizes)), 2)
             if planted[a] != planted[b] and rng.random() < 0.05]
    instance = _instance(sizes, 1000, pairs)
    tasks = instance.regions[0]
    answer = solve_by_columns(instance, tasks, construct(instance, tasks), 4.0, 1, 0, 10**9)
    assert sorted(t for job in answer.jobs for t in job.tasks) == tasks
    assert all(_is_job(instance, job.tasks) for job in answer.jobs)
    assert len(answer.jobs) == 60 and answer.optimal and answer.lower_bound == 60
    monkeypatch.setattr(packing, "CLOSING_SHARE", 0.0)
    without = solve_by_columns(instance, tasks, construct(instance, tasks), 4.0, 1, 0, 10**9)
    assert len(without.jobs) > 60


def test_the_same_input_gives_the_same_closing():
    """Restarts are randomised from the seed, and the work is counted: repeatable."""
    sizes, _ = _triplets(30, 8)
    instance = _instance(sizes, capacity=1000)
    tasks = instance.regions[0]
    first = close_the_gap(instance, tasks, 30, {}, 5.0, 1, 4, Clock(SolveConfig()))
    second = close_the_gap(instance, tasks, 30, {}, 5.0, 1, 4, Clock(SolveConfig()))
    assert first.jobs is not None
    assert first.jobs == second.jobs and first.work == second.work


def _most_covering_bins(instance) -> int:
    """The covering optimum by a plain assignment model: the oracle the tests trust."""
    tasks = instance.regions[0]
    threshold = instance.rules.min_job_minutes
    bins = max(sum(instance.tasks[t].minutes for t in tasks) // threshold, 1)
    model, x, used = _assignment(instance, bins)
    for t in tasks:
        model.add_at_most_one(x[t, b] for b in range(bins))
    for b in range(bins):
        model.add(sum(instance.tasks[t].minutes * x[t, b] for t in tasks) >= threshold).only_enforce_if(used[b])
    model.maximize(sum(used))
    return _optimum(model)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(15, 60), min_size=4, max_size=10), st.integers(0, 10**6),
       st.lists(st.sampled_from([0.0, 0.1, 0.5, 1.0]), min_size=10, max_size=10))
def test_covering_closing_agrees_with_the_optimum_whatever_the_prices(sizes, seed, raw):
    """Objective jobs: any prices (zeros too, as after a dive) only filter once scaled to
    a feasible dual; at the optimum a plan is found, one job more is proven impossible."""
    rng = random.Random(seed)
    pairs = [(a, b) for a, b in itertools.combinations(range(len(sizes)), 2) if rng.random() < 0.3]
    instance = _instance(sizes, conflicts=pairs, threshold=70)
    tasks = instance.regions[0]
    best = _most_covering_bins(instance)
    duals = {t: raw[t] for t in tasks}
    clock = Clock(SolveConfig())
    if best > 0:
        at_best = close_the_gap(instance, tasks, best, duals, 30.0, 1, seed, clock)
        assert at_best.jobs is not None and len(at_best.jobs) == best
        placed = [t for job in at_best.jobs for t in job]
        assert len(placed) == len(set(placed))
        assert all(_is_job(instance, job) and sum(sizes[t] for t in job) >= 70 for job in at_best.jobs)
    above = close_the_gap(instance, tasks, best + 1, duals, 30.0, 1, seed, clock)
    assert above.jobs is None and above.impossible

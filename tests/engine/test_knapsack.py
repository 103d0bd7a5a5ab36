"""Pricing by dynamic programme: the best job at given prices, and the bound it proves.

Tiny random regions are priced by brute force over every feasible bin; the programme
must find a job as good (exactly, without conflicts; never better than exists, with
them), and Farley's bound from any prices must never cut off the LP optimum's side.
"""

from __future__ import annotations

import random

import pytest

from bundler.classic import ClassicInstance, to_instance
from bundler.engine.columns import generate_columns
from bundler.engine.knapsack import KnapsackPricer, farley_bound, is_plain
from bundler.engine.schedule import static_violations
from engine.test_packing import brute_force, random_classic


def feasible_bins(instance, n: int) -> list[tuple[int, ...]]:
    bins = []
    for mask in range(1, 1 << n):
        members = [i for i in range(n) if mask >> i & 1]
        if not static_violations(instance, members):
            bins.append(tuple(members))
    return bins


def brute_best_price(instance, bins, prices, cover: bool) -> float:
    values = [sum(prices[t] for t in b) for b in bins]
    return max(values) if cover else min(values)


@pytest.mark.parametrize("seed", range(30))
def test_the_programme_prices_like_brute_force(seed):
    classic = random_classic(seed)
    instance = to_instance(classic)
    tasks = instance.regions[0]
    assert is_plain(instance, tasks)
    rng = random.Random(seed)
    prices = {t: rng.choice([0.0, rng.random()]) for t in tasks}
    cover = classic.objective == "cover"
    bins = feasible_bins(instance, len(tasks))
    priced = KnapsackPricer(instance, tasks).price(prices, 50)
    truth = brute_best_price(instance, bins, prices, cover)
    if classic.conflicts:  # a relaxation: at least as good as any real bin
        assert (priced.best_price >= truth - 1e-9) if cover else (priced.best_price <= truth + 1e-9)
    else:
        assert priced.best_price == pytest.approx(truth)
    for gain, column in priced.columns:  # every proposed job is real and improves
        assert column in bins
        value = sum(prices[t] for t in column)
        assert gain == pytest.approx(value - 1 if cover else 1 - value)
        assert gain > 0


@pytest.mark.parametrize("seed", range(30, 45))
def test_farley_bound_holds_for_any_prices(seed):
    """Scaled so no bin is worth more (cover) or less (jobs) than 1, any prices bound the optimum."""
    classic = random_classic(seed)
    instance = to_instance(classic)
    tasks = instance.regions[0]
    cover = classic.objective == "cover"
    best_count, _ = brute_force(classic)
    rng = random.Random(seed)
    for _ in range(20):
        prices = {t: rng.random() for t in tasks}
        priced = KnapsackPricer(instance, tasks).price(prices, 5)
        bound = farley_bound(sum(prices.values()), priced.best_price, cover)
        if bound is None:
            continue
        assert (bound <= best_count + 1e-9) if cover else (bound >= best_count - 1e-9)


def test_a_job_with_conflicting_tasks_is_repaired_not_proposed():
    """The relaxation would take items 0 and 1 together; they may not share a bin."""
    classic = ClassicInstance("clash", "bppc", [50, 50, 40, 10], [0] * 4, 100, 0, 1, [(0, 1)])
    instance = to_instance(classic)
    tasks = instance.regions[0]
    priced = KnapsackPricer(instance, tasks).price({0: 0.9, 1: 0.9, 2: 0.3, 3: 0.1}, 10)
    assert priced.best_price == pytest.approx(1.8)
    assert priced.columns, "the repaired bin 0+2+3 still improves"
    for _, column in priced.columns:
        assert not {0, 1} <= set(column)
    assert max(priced.columns)[1] == (0, 2, 3)


def test_column_generation_proves_the_root_bound_early_on_a_packing():
    """Sixty items of 30 in bins of 100: three a bin, the LP is 20 and so is the bound."""
    classic = ClassicInstance("even", "ccbpp", [30] * 60, [0] * 60, 100, 0, 2)
    instance = to_instance(classic)
    cg = generate_columns(instance, instance.regions[0], [], 30)
    assert cg.job_bound("cover") == 20

"""The column route (LP bound, dive, pick) on slot-less packing instances.

Tiny random instances of the three classic kinds are solved by brute force (every
feasible bin, then the best packing by dynamic programming over item subsets). The
engine must reach the optimum, its bounds must hold, and OPTIMAL must be true.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache

import pytest

from bundler.classic import ClassicInstance, to_instance
from bundler.engine import SolveConfig
from bundler.engine.columns import ColumnGenerator, Feasibility, generate_columns
from bundler.engine.packing import dive, dives, fill_up
from bundler.engine.region import solve_region
from bundler.engine.schedule import static_violations


def random_classic(seed: int) -> ClassicInstance:
    rng = random.Random(seed)
    kind = rng.choice(("ccbpp", "bincover", "bppc"))
    n = rng.randint(4, 9)
    sizes = [rng.randint(10, 60) for _ in range(n)]
    if kind == "bincover":
        return ClassicInstance(f"cover{seed}", kind, sizes, [0] * n, None, rng.randint(50, 90), 1)
    if kind == "ccbpp":
        return ClassicInstance(f"ccbpp{seed}", kind, sizes, [rng.randrange(3) for _ in range(n)], 100, 0, 2)
    pairs = sorted({tuple(sorted(rng.sample(range(n), 2))) for _ in range(rng.randint(0, n))})
    return ClassicInstance(f"bppc{seed}", kind, sizes, [0] * n, 100, 0, 1, pairs)


def brute_force(classic: ClassicInstance) -> tuple[int, int]:
    """(best number of bins, hours in them): fewest bins covering all (packing) or most bins
    reaching the threshold (covering, with the most items placed as tie-break)."""
    instance = to_instance(classic)
    n = len(classic.sizes)
    feasible = [mask for mask in range(1, 1 << n)
                if not static_violations(instance, [i for i in range(n) if mask >> i & 1])]
    size_of = [sum(classic.sizes[i] for i in range(n) if mask >> i & 1) for mask in range(1 << n)]

    @lru_cache(maxsize=None)
    def fewest(mask: int) -> float:
        if mask == 0:
            return 0
        low = mask & -mask
        return min((1 + fewest(mask & ~b) for b in feasible if b & low and b & mask == b), default=float("inf"))

    @lru_cache(maxsize=None)
    def most(mask: int) -> tuple[int, int]:
        if mask == 0:
            return (0, 0)
        low = mask & -mask
        best = most(mask & ~low)  # the lowest item stays out
        for b in feasible:
            if b & low and b & mask == b:
                count, load = most(mask & ~b)
                best = max(best, (count + 1, load + size_of[b]))
        return best

    full = (1 << n) - 1
    if classic.objective == "cover":
        return int(fewest(full)), sum(classic.sizes)
    return most(full)


def bins_valid(classic: ClassicInstance, instance, jobs) -> None:
    seen = [t for job in jobs for t in job.tasks]
    assert len(seen) == len(set(seen)), "an item in two bins"
    if classic.objective == "cover":
        assert sorted(seen) == list(range(len(classic.sizes))), "an item in no bin"
    for job in jobs:
        assert not static_violations(instance, job.tasks), job.tasks


@pytest.mark.parametrize("seed", range(40))
def test_column_route_reaches_the_brute_force_optimum(seed):
    """Every bin obeys the rules, the count equals the brute-force optimum, bounds hold."""
    classic = random_classic(seed)
    instance = to_instance(classic)
    best_count, best_load = brute_force(classic)
    result = solve_region(instance, instance.regions[0], SolveConfig(time_limit=5, workers=1), 5, lambda *_: None)
    bins_valid(classic, instance, result.jobs)
    if classic.objective == "cover":
        assert len(result.jobs) == best_count
        assert result.lower_bound is None or result.lower_bound <= best_count
    else:
        assert len(result.jobs) == best_count
        assert result.bound >= best_count
        if result.status == "OPTIMAL":
            assert sum(instance.tasks[t].minutes for j in result.jobs for t in j.tasks) == best_load
    if result.status == "OPTIMAL" and classic.objective == "cover":
        assert result.lower_bound == best_count


@pytest.mark.parametrize("seed", range(40, 60))
def test_lp_bound_is_on_the_right_side_of_the_optimum(seed):
    """The proven LP bound never cuts off the optimum: above it (most bins), below it (fewest)."""
    classic = random_classic(seed)
    instance = to_instance(classic)
    best_count, _ = brute_force(classic)
    cg = generate_columns(instance, instance.regions[0], [], 5)
    bound = cg.job_bound(classic.objective)
    assert bound is not None, "slot-less bins: the LP or Farley's bound is always proven"
    if classic.objective == "cover":
        assert bound <= best_count
    else:
        assert bound >= best_count
    feasibility = Feasibility(instance)
    for column in cg.columns:  # every generated column is a real bin
        assert not static_violations(instance, list(column))
        assert feasibility.schedule(column) == {}


def test_dive_gives_disjoint_rule_abiding_bins():
    """A dive fixes whole bins step by step: disjoint, each one valid, every item placed (cover)."""
    classic = ClassicInstance("dive", "ccbpp", [30, 40, 50, 60, 20, 70, 10, 45], [0, 1, 2, 0, 1, 2, 0, 1], 100, 0, 2)
    instance = to_instance(classic)
    tasks = instance.regions[0]
    bins, _ = dive(ColumnGenerator(instance, tasks, []), float("inf"))
    assert bins is not None
    assert sorted(t for b in bins for t in b) == tasks
    for b in bins:
        assert not static_violations(instance, list(b))
        assert sum(classic.sizes[t] for t in b) <= 100


def test_fill_up_adds_left_over_items_only_where_rules_hold():
    """Left-over items join a covered bin (more load, same count) but never break a rule."""
    classic = ClassicInstance("fill", "bincover", [60, 50, 40, 5, 200], [0] * 5, None, 100, 1, [(2, 3)])
    instance = to_instance(classic)
    filled = fill_up(instance, [(0, 2)], instance.regions[0], Feasibility(instance))
    assert len(filled) == 1
    assert 3 not in filled[0], "item 3 conflicts with item 2"
    assert {1, 4} <= set(filled[0])


def medium_classic(seed: int, kind: str) -> ClassicInstance:
    rng = random.Random(seed)
    n = 90
    sizes = [rng.randint(20, 100) for _ in range(n)]
    if kind == "bincover":
        return ClassicInstance(f"cover{seed}", kind, sizes, [0] * n, None, 150, 1)
    if kind == "ccbpp":
        return ClassicInstance(f"ccbpp{seed}", kind, sizes, [rng.randrange(6) for _ in range(n)], 150, 0, 2)
    pairs = sorted({tuple(sorted(rng.sample(range(n), 2))) for _ in range(3 * n)})
    return ClassicInstance(f"bppc{seed}", kind, sizes, [0] * n, 150, 0, 1, pairs)


@pytest.mark.parametrize("kind", ["ccbpp", "bincover", "bppc"])
def test_a_medium_packing_is_valid_and_repeatable(kind):
    """Ninety items: every bin valid, each item in one bin at most (packing: exactly one),
    and the same answer twice, since the route counts its work instead of clocking it."""
    classic = medium_classic(7, kind)
    answers = []
    for _ in range(2):
        instance = to_instance(classic)
        config = SolveConfig(time_limit=2, workers=1, wall_limit=120)
        result = solve_region(instance, instance.regions[0], config, 2, lambda *_: None)
        bins_valid(classic, instance, result.jobs)
        placed = sorted(t for job in result.jobs for t in job.tasks)
        assert len(placed) == len(set(placed))
        if classic.objective == "cover":
            assert placed == list(range(len(classic.sizes)))
        answers.append(sorted(sorted(job.tasks) for job in result.jobs))
    assert answers[0] == answers[1]


def test_every_dive_from_the_root_gives_valid_bins_and_the_root_lp_returns():
    """Dives one after another: each plan covers every item with valid bins, and after a
    dive the LP is back at its root value."""
    classic = medium_classic(3, "ccbpp")
    instance = to_instance(classic)
    tasks = instance.regions[0]
    generator = ColumnGenerator(instance, tasks, [])
    root, _ = generator.run(float("inf"))
    plans = dives(generator, float("inf"), 60.0, bound=0)  # a bound no plan meets: every dive runs
    assert len(plans) >= 2
    for plan in plans:
        assert sorted(t for job in plan for t in job) == tasks
        for job in plan:
            assert not static_violations(instance, list(job))
    assert generator.fixed == []
    value, _ = generator.run(float("inf"))
    # No job stays fixed (a fixed job would raise this minimum); the dives only added columns.
    assert value <= root + 1e-6
    assert math.ceil(value - 1e-6) == math.ceil(root - 1e-6)

"""Fit-decreasing and brim-filling packings: valid bins, every item placed, and the
brim fill finds the perfect packing that first fit misses."""

from __future__ import annotations

import pytest

from bundler.classic import ClassicInstance, to_instance
from bundler.engine.first_fit import best_packing, cover_to_the_threshold, fill_to_the_brim, fit_decreasing
from bundler.engine.schedule import static_violations
from engine.test_packing import random_classic


@pytest.mark.parametrize("seed", range(40))
def test_every_packing_places_each_item_once_in_a_valid_bin(seed):
    classic = random_classic(seed)
    if classic.objective != "cover":
        return
    instance = to_instance(classic)
    tasks = instance.regions[0]
    packings = [best_packing(instance, tasks), fit_decreasing(instance, tasks, True)]
    brim = fill_to_the_brim(instance, tasks)
    packings += [brim] if brim is not None else []
    for packing in packings:
        assert sorted(t for job in packing for t in job) == tasks
        for job in packing:
            assert not static_violations(instance, job)


def test_the_brim_fill_finds_exact_triplets():
    """Triplets that fill a bin exactly: first fit decreasing needs 3 bins, the optimum is 2."""
    classic = ClassicInstance("triplets", "bppc", [45, 40, 35, 30, 25, 25], [0] * 6, 100, 0, 1)
    instance = to_instance(classic)
    tasks = instance.regions[0]
    assert len(fit_decreasing(instance, sorted(tasks, key=lambda t: -classic.sizes[t]), False)) == 3
    brim = fill_to_the_brim(instance, tasks)
    assert brim is not None and len(brim) == 2
    assert len(best_packing(instance, tasks)) == 2


def test_the_brim_fill_keeps_two_suppliers_at_most():
    classic = ClassicInstance("classes", "ccbpp", [50, 30, 20, 50, 30, 20], [0, 1, 2, 0, 1, 2], 100, 0, 2)
    instance = to_instance(classic)
    brim = fill_to_the_brim(instance, instance.regions[0])
    assert brim is not None
    for job in brim:
        assert len({classic.classes[t] for t in job}) <= 2


def test_covering_reaches_the_threshold_with_the_least_to_spare():
    """Threshold 100: 60+40 and 70+30 are exact; a greedy pairing 60 with 70 covers only one."""
    classic = ClassicInstance("cover", "bincover", [70, 60, 40, 30], [0] * 4, None, 100, 1)
    instance = to_instance(classic)
    jobs = cover_to_the_threshold(instance, instance.regions[0])
    assert sorted(sorted(classic.sizes[t] for t in job) for job in jobs) == [[30, 70], [40, 60]]


def test_covering_leaves_out_what_cannot_reach_the_threshold():
    classic = ClassicInstance("short", "bincover", [90, 20, 15, 5], [0] * 4, None, 100, 1)
    instance = to_instance(classic)
    jobs = cover_to_the_threshold(instance, instance.regions[0])
    assert len(jobs) == 1 and sum(classic.sizes[t] for t in jobs[0]) >= 100
    assert sum(classic.sizes[t] for t in jobs[0]) == 105, "90 with 15: the least to spare"

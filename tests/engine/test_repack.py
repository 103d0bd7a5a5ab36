"""Repacking the last jobs: one job fewer (packing) or one more (covering), valid."""

from __future__ import annotations

from bundler.classic import ClassicInstance, to_instance
from bundler.engine.repack import repack
from bundler.engine.schedule import static_violations


def test_the_emptiest_jobs_are_repacked_into_one_fewer():
    """Bins of 100: 60+40, 70+30 and 50+50 fit in three, the plan given uses four."""
    sizes = [60, 40, 70, 30, 50, 50]
    classic = ClassicInstance("fewer", "bppc", sizes, [0] * 6, 100, 0, 1)
    instance = to_instance(classic)
    plan = [(0, 3), (2,), (1, 4), (5,)]
    better = repack(instance, instance.regions[0], plan, 3, 5.0, 0)
    assert len(better) == 3
    assert sorted(t for job in better for t in job) == list(range(6))
    for job in better:
        assert not static_violations(instance, list(job))


def test_left_over_tasks_and_full_jobs_make_one_more():
    """Threshold 100: 90+30 and 80+20 is two; 90+10, 80+20 and 30+70... one more with the rest."""
    sizes = [90, 30, 80, 20, 10, 70]
    classic = ClassicInstance("more", "bincover", sizes, [0] * 6, None, 100, 1)
    instance = to_instance(classic)
    plan = [(0, 1), (2, 3)]
    better = repack(instance, instance.regions[0], plan, 3, 5.0, 0)
    assert len(better) == 3
    for job in better:
        assert sum(sizes[t] for t in job) >= 100
    placed = [t for job in better for t in job]
    assert len(placed) == len(set(placed))


def test_conflicts_and_suppliers_hold_in_a_repacked_plan():
    sizes = [50, 50, 50, 50]
    classic = ClassicInstance("clash", "bppc", sizes, [0] * 4, 100, 0, 1, [(0, 1)])
    instance = to_instance(classic)
    better = repack(instance, instance.regions[0], [(0,), (1,), (2,), (3,)], 2, 5.0, 0)
    assert len(better) == 2
    for job in better:
        assert not {0, 1} <= set(job)

"""One day searched alone: exact, its unbeaten spans complete, its memory repeatable.

The weekly scheduler trusts three things of `search_day`: "no solutions" means the
day cannot be worked so; with `every`, no (first start, last end) that some valid
placement reaches is beaten by none of the answers (else a rest between days could be
missed); and a remembered answer costs the budget it cost the first time, so a search
runs out at the same point whatever was asked before.
"""

from __future__ import annotations

import itertools
import random

import pytest
from tasks_factory import flexible, task, task_file

from bundler.domain import to_hhmm
from bundler.engine.day_schedule import OutOfBudget, search_day
from bundler.engine.instance import prepare
from bundler.engine.rulebook import day_breaches



def random_day(seed: int):
    """A few flexible pieces and maybe a fixed one on Monday, with random day rules."""
    rng = random.Random(seed)
    tasks = []
    for n in range(rng.randint(2, 4)):
        start = rng.randrange(7 * 60, 15 * 60, 30)
        length = rng.choice((60, 90, 120))
        if n == 0 and rng.random() < 0.5:
            slot = {"day": "mon", "start": to_hhmm(start), "end": to_hhmm(start + length)}
        else:
            slot = flexible(["mon"], to_hhmm(start), to_hhmm(start + length + rng.choice((60, 120, 180))), length)
        record = task(f"T{n}", rng.choice(("asito", "sodexo")), rng.choice(("edu", "min")), [slot])
        if rng.random() < 0.4:
            record["hygiene"] = rng.choice(("dirty", "food", "clean"))
        tasks.append(record)
    rules = {"min_job_hours": 0, "max_job_hours": 60, "min_day_hours": rng.choice((1, 2, 4)),
             "max_day_hours": rng.choice((6, 8)), "max_gap_minutes": rng.choice((30, 60)),
             "break_after_hours": rng.choice((2, 5.5)), "min_break_minutes": rng.choice((0, 30)),
             "changeover_minutes": rng.choice((0, 15)), "hygiene_order": rng.random() < 0.7,
             "start_step_minutes": rng.choice((15, 30))}
    instance = prepare(task_file(tasks, rules=rules, travel=[("edu", "min", rng.choice((5, 20)))]))
    fixed, pieces = [], []
    for t, prepared in enumerate(instance.tasks):
        for s, (options, flex) in enumerate(zip(prepared.slots, prepared.flexible)):
            if flex:
                pieces.append(((t, s), prepared.location, options))
            else:
                fixed.append((options[0], prepared.location, t))
    return instance, fixed, pieces


def valid_spans(instance, fixed, pieces, strict: bool) -> set[tuple[int, int]]:
    """(first start, last end) of every valid placement, by trying them all."""
    spans = set()
    for combo in itertools.product(*(options for _, _, options in pieces)):
        day = [*fixed, *((p, location, key[0]) for (key, location, _), p in zip(pieces, combo))]
        if not day_breaches(instance, 0, day, strict):
            spans.add((min(p.start for p, _, _ in day), max(p.end for p, _, _ in day)))
    return spans


@pytest.mark.parametrize("seed", range(120))
@pytest.mark.parametrize("strict", [True, False])
def test_day_search_is_exact_and_its_spans_complete(seed, strict):
    instance, fixed, pieces = random_day(seed)
    if instance.own_problems:
        pytest.skip("a task breaks a rule on its own")
    spans = valid_spans(instance, fixed, pieces, strict)
    first = search_day(instance, 0, fixed, pieces, strict, [10**7]).solutions
    every = search_day(instance, 0, fixed, pieces, strict, [10**7], every=True).solutions
    assert bool(first) == bool(spans) == bool(every)
    for solution in (*first, *every):
        day = [*fixed, *((solution[key], location, key[0]) for key, location, _ in pieces)]
        assert not day_breaches(instance, 0, day, strict)
    answered = {(min(p.start for p, _, _ in day), max(p.end for p, _, _ in day)) for day in (
        [*fixed, *((s[key], location, key[0]) for key, location, _ in pieces)] for s in every)}
    for first_start, last_end in spans:  # every reachable span is matched or beaten
        assert any(f >= first_start and e <= last_end for f, e in answered)


def test_a_remembered_answer_costs_what_it_cost():
    instance, fixed, pieces = random_day(3)
    budget = [10**6]
    search_day(instance, 0, fixed, pieces, True, budget, every=True)
    cost = 10**6 - budget[0]
    assert cost > 0
    again = [10**6]
    search_day(instance, 0, fixed, pieces, True, again, every=True)
    assert 10**6 - again[0] == cost


def test_running_out_is_not_remembered_as_an_answer():
    instance, fixed, pieces = random_day(3)
    with pytest.raises(OutOfBudget):
        search_day(instance, 0, fixed, pieces, True, [1], every=True)
    fresh, _, _ = random_day(3)
    expected = search_day(fresh, 0, fixed, pieces, True, [10**7], every=True).solutions
    assert search_day(instance, 0, fixed, pieces, True, [10**7], every=True).solutions == expected

"""The single-job scheduler is exact: it finds a schedule exactly when one exists.

Its pruning (days chosen before start times, each day judged alone once its last slot
has passed, the day minimum, enough flexible slots for the days that need them, the
rests between days joined last) must never throw away a valid schedule. A naive search tries every combination of candidate placements
and judges it by the rule book's definition of a valid schedule.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict

import pytest
from tasks_factory import task, task_file

from bundler.domain import to_hhmm
from bundler.engine.instance import prepare
from bundler.engine.rulebook import schedule_breaches
from bundler.engine.schedule import search_schedule
from bundler.validation import InputError

DAYS = ("sun", "mon", "tue")
"""Sunday and Monday are neighbours in the repeating week: the daily rest wraps around."""



def random_job(seed: int):
    rng = random.Random(seed)
    tasks = []
    for n in range(rng.randint(2, 4)):
        slots = []
        for _ in range(rng.randint(1, 2)):
            start = rng.randrange(7 * 60, 16 * 60, 30)
            length = rng.choice((60, 90, 120, 180))
            if rng.random() < 0.45:
                days = sorted(set(rng.sample(DAYS, rng.randint(1, 2))), key=DAYS.index)
                slots.append({"days": days, "earliest": to_hhmm(start),
                              "latest": to_hhmm(min(start + length + rng.choice((60, 120, 240)), 23 * 60)),
                              "minutes": length})
            else:
                slots.append({"day": rng.choice(DAYS), "start": to_hhmm(start), "end": to_hhmm(start + length)})
        record = task(f"T{n}", rng.choice(("asito", "sodexo")), rng.choice(("edu", "min")), slots)
        hygiene = rng.choice((None, None, "dirty", "food", "clean"))
        if hygiene:
            record["hygiene"] = hygiene
        tasks.append(record)
    rules = {"min_job_hours": 0, "max_job_hours": 60, "min_day_hours": rng.choice((1, 2, 3)),
             "max_day_hours": rng.choice((4, 6, 8)), "max_gap_minutes": rng.choice((30, 60, 90)),
             "max_suppliers_per_job": 2, "max_work_days": rng.choice((2, 3)),
             "min_rest_hours": rng.choice((0, 11, 16)), "min_weekly_rest_hours": rng.choice((0, 36, 60)),
             "break_after_hours": rng.choice((2, 5.5)), "min_break_minutes": rng.choice((0, 30)),
             "changeover_minutes": rng.choice((0, 10, 30)), "hygiene_order": rng.random() < 0.7,
             "spread_flexible_slots": rng.random() < 0.7, "start_step_minutes": rng.choice((1, 15, 30))}
    try:
        return prepare(task_file(tasks, rules=rules, travel=[("edu", "min", rng.choice((5, 15, 30)))]))
    except InputError:
        pytest.skip("validation refuses the file (e.g. slots that cannot be spread)")


def spread_ok(instance, slots, combo) -> bool:
    """The flexible slots of one task on different days (rule of spreading)."""
    if not instance.rules.spread_flexible_slots:
        return True
    seen = set()
    for (t, s, _), p in zip(slots, combo):
        if instance.tasks[t].flexible[s]:
            if (t, p.day) in seen:
                return False
            seen.add((t, p.day))
    return True


def naive_feasible(instance, tasks: list[int], strict: bool = True) -> bool:
    slots = [(t, s, options) for t in tasks for s, options in enumerate(instance.tasks[t].slots)]
    for combo in itertools.product(*(options for _, _, options in slots)):
        by_day = defaultdict(list)
        for (t, _, _), p in zip(slots, combo):
            by_day[p.day].append((p, instance.tasks[t].location, t))
        if spread_ok(instance, slots, combo) and not schedule_breaches(instance, by_day, strict):
            return True
    return False


@pytest.mark.parametrize("seed", range(300))
@pytest.mark.parametrize("strict", [True, False])
def test_scheduler_agrees_with_naive_search(seed, strict):
    """Found (and valid) exactly when some combination of placements obeys every schedule
    rule; `strict=False` (a job still growing) leaves out only what more work can repair."""
    instance = random_job(seed)
    tasks = list(range(len(instance.tasks)))
    if any(instance.own_problems.get(t) for t in tasks):
        pytest.skip("a task breaks a rule on its own")
    if sum(len(o) for t in tasks for o in instance.tasks[t].slots) > 60:
        pytest.skip("too many placements for the naive search")
    schedule, exhaustive = search_schedule(instance, tasks, strict=strict, budget=10**7)
    assert exhaustive
    assert (schedule is not None) == naive_feasible(instance, tasks, strict)
    if schedule is not None:
        by_day = defaultdict(list)
        for (t, _), p in schedule.items():
            by_day[p.day].append((p, instance.tasks[t].location, t))
        assert not schedule_breaches(instance, by_day, strict)
        slots = [(t, s, None) for (t, s) in schedule]
        assert spread_ok(instance, slots, list(schedule.values()))

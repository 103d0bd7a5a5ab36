"""The solver's OPTIMAL is really optimal: exhaustive search on tiny random instances.

Brute force: every subset of tasks that can be one job (asked of the single-job
scheduler, not of the CP-SAT model), then the best packing of such subsets by dynamic
programming over task subsets. The solver must reach exactly that value and prove it.
"""

from __future__ import annotations

import random
from functools import lru_cache

import pytest
from tasks_factory import assert_plan_valid, task, task_file

from bundler.domain import to_hhmm
from bundler.engine import SolveConfig, solve
from bundler.engine.instance import prepare
from bundler.engine.schedule import job_violations

DAYS = ("mon", "tue", "wed")



def random_instance(seed: int):
    rng = random.Random(seed)
    tasks = []
    for n in range(rng.randint(5, 8)):
        slots = []
        for day in rng.sample(DAYS, rng.randint(1, 3)):
            start = rng.randrange(7 * 60, 15 * 60, 30)
            length = rng.choice((60, 90, 120, 180))
            if rng.random() < 0.2:
                slots.append({"days": [day, rng.choice(DAYS)] if rng.random() < 0.5 else [day],
                              "earliest": to_hhmm(start), "latest": to_hhmm(start + length + rng.choice((0, 60, 120))),
                              "minutes": length})
            else:
                slots.append({"day": day, "start": to_hhmm(start), "end": to_hhmm(start + length)})
        for s in slots:
            if "days" in s:
                s["days"] = sorted(set(s["days"]), key=DAYS.index)
        tasks.append(task(f"T{n}", rng.choice(("asito", "sodexo", "verheij")), rng.choice(("edu", "min")),
                          slots, rng.sample(("a", "b", "c", "d"), rng.randint(0, 2))))
    rules = {
        "min_job_hours": rng.choice((4, 6, 8)),
        "max_job_hours": rng.choice((10, 14, 20)),
        "min_day_hours": rng.choice((1, 2, 3)),
        "max_day_hours": rng.choice((4, 6, 8)),
        "max_gap_minutes": rng.choice((30, 60, 90)),
        "max_suppliers_per_job": rng.choice((1, 2, 2)),
        "max_skills_per_job": rng.choice((None, None, 3)),
        "objective": rng.choice(("jobs", "jobs", "hours", "cover")),
    }
    if rules["objective"] == "cover":  # looser rules, so that covering everything is often possible
        rules.update(min_job_hours=1, min_day_hours=1, max_day_hours=8, max_job_hours=20, max_suppliers_per_job=2)
    incompatible = [["T0", "T1"]] if rng.random() < 0.3 else []
    return task_file(tasks, rules=rules, travel=[("edu", "min", rng.choice((5, 15, 30)))], incompatible=incompatible)


def brute_force(tf):
    """Best (jobs, minutes) for 'jobs'/'hours', fewest jobs for 'cover' (None: impossible)."""
    inst = prepare(tf)
    n = len(inst.tasks)
    minutes = [t.minutes for t in inst.tasks]
    valid = {mask for mask in range(1, 1 << n)
             if not job_violations(inst, [i for i in range(n) if mask >> i & 1])}
    objective = tf.rules.objective

    @lru_cache(maxsize=None)
    def best(mask: int):
        if mask == 0:
            return (0, 0) if objective != "cover" else 0
        low = mask & -mask
        options = []
        if objective != "cover":
            options.append(best(mask ^ low))
        sub = mask
        while sub:
            if sub & low and sub in valid:
                rest = best(mask ^ sub)
                if rest is not None:
                    if objective == "cover":
                        options.append(rest + 1)
                    else:
                        options.append((rest[0] + 1, rest[1] + sum(minutes[i] for i in range(n) if sub >> i & 1)))
            sub = (sub - 1) & mask
        if not options:
            return None
        if objective == "cover":
            return min(options)
        if objective == "hours":
            return max(options, key=lambda v: (v[1], v[0]))
        return max(options)

    return best((1 << n) - 1)


@pytest.mark.parametrize("seed", range(60))
def test_optimal_matches_exhaustive_search(seed):
    """On a random instance of at most 8 tasks the solver proves the true optimum."""
    tf = random_instance(seed)
    expected = brute_force(tf)
    plan = solve(tf, SolveConfig(time_limit=20, workers=1, seed=seed))
    assert_plan_valid(tf, plan)
    if tf.rules.objective == "cover":
        if expected is None:
            assert plan.status == "INFEASIBLE"
        else:
            assert plan.status == "OPTIMAL" and plan.kpis.jobs == expected
        return
    assert plan.status == "OPTIMAL"
    got = (plan.kpis.jobs, round(plan.kpis.bundled_hours * 60))
    assert got == expected, f"solver {got}, exhaustive {expected}"

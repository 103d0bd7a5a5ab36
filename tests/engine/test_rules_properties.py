"""Regions larger than the full model (60-200 tasks) with one rule made tight at a time.

These take the job pool and the neighbourhood search, the routes that once let a skill
limit slip through. Whatever the campus and the tight rule, both checkers accept the
plan and `solve()` had nothing to withdraw (`assert_plan_valid` checks all three).
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tasks_factory import assert_plan_valid

from bundler.engine import SolveConfig, solve
from bundler.engine.region import FULL_MODEL_MAX_TASKS
from bundler.generate import generate_campus
from bundler.validation import parse_task_file


def _many_vetoes(data: dict, rng: random.Random) -> None:
    ids = [t["id"] for t in data["tasks"]]
    data["incompatible"] = [sorted(rng.sample(ids, 2)) for _ in range(len(ids))]


TIGHT = {
    "skill limit 2": {"max_skills_per_job": 2},
    "one supplier per job": {"max_suppliers_per_job": 1},
    "4 work days": {"max_work_days": 4},
    "12 h rest": {"min_rest_hours": 12},
    "30-minute start step": {"start_step_minutes": 30},
    "60 h weekly rest": {"min_weekly_rest_hours": 60},
    "long changeover": {"changeover_minutes": 30},
    "early pause": {"break_after_hours": 4, "min_break_minutes": 45},
    "many vetoes": _many_vetoes,
    "pinned jobs": "pinned",
}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(60, 200), seed=st.integers(0, 10_000), tight=st.sampled_from(sorted(TIGHT)))
def test_large_regions_obey_every_rule_when_one_is_tight(n, seed, tight):
    data = generate_campus(n, seed=seed)
    change = TIGHT[tight]
    if isinstance(change, dict):
        data["rules"].update(change)
    elif callable(change):
        _many_vetoes(data, random.Random(seed))
    tf = parse_task_file(data)
    assert len(tf.tasks) > FULL_MODEL_MAX_TASKS
    config = SolveConfig(time_limit=2, workers=1, seed=seed % 7)
    plan = solve(tf, config)
    assert_plan_valid(tf, plan)
    if change == "pinned" and plan.jobs:
        data["pinned"] = [{"id": f"P{k}", "tasks": job.tasks} for k, job in enumerate(plan.jobs[:3])]
        tf = parse_task_file(data)
        again = solve(tf, config)
        assert_plan_valid(tf, again)
        assert {j.id for j in again.jobs} >= {p["id"] for p in data["pinned"]}

"""What-if variants: typed rules from the table, presets, bad variants reported, agreed jobs that break a
variant's rules skipped with a note, and a looser variant never worse than a stricter one."""

from __future__ import annotations

import math
from pathlib import Path

from bundler.check import check_plan
from bundler.domain import Rules, Unassigned
from bundler.engine import SolveConfig, solve
from bundler.io import read_task_file
from bundler.rules import RELAXED_RULES
from bundler.whatif import (
    PRESETS,
    RULE_COLUMNS,
    Variant,
    run_variants,
    variant_from_row,
)

TUTORIAL = Path(__file__).resolve().parents[1] / "data" / "tutorial.json"


def test_a_table_row_becomes_typed_rules_and_blank_cells_keep_the_files_rule():
    """Editor floats become whole days, yes/no words become booleans; None, NaN and '' are left out."""
    row = {"label": " 4 dagen ", "max_work_days": 4.0, "min_rest_hours": 12, "hygiene_order": "nee",
           "spread_flexible_slots": "yes", "changeover_minutes": math.nan, "min_job_hours": None, "min_break_minutes": ""}
    variant = variant_from_row(row, 3)
    assert variant == Variant("4 dagen", {"max_work_days": 4, "min_rest_hours": 12.0, "hygiene_order": False,
                                          "spread_flexible_slots": True})
    assert type(variant.rules["max_work_days"]) is int and type(variant.rules["min_rest_hours"]) is float
    assert variant_from_row({"label": None}, 2).label == "variant 2"


def test_every_preset_is_valid_rules_and_old_rules_is_the_contracts_relaxed_set():
    """A preset never fails validation; 'oude regels' turns rules 8-13 off exactly as the contract says."""
    for rules in PRESETS.values():
        Rules.model_validate(rules)
        assert set(rules) <= set(RULE_COLUMNS), "every preset rule must have a column in the table"
    assert PRESETS["oude regels"] == RELAXED_RULES
    assert PRESETS["4 werkdagen"] == {"max_work_days": 4}


def test_a_bad_value_of_a_new_rule_is_reported_by_field_not_solved():
    """Nine working days or a 'misschien' switch: the variant carries the problem, the others are not affected."""
    task_file = read_task_file(TUTORIAL)
    days, switch = run_variants(task_file, [variant_from_row({"label": "9 dagen", "max_work_days": 9.0}, 1),
                                            variant_from_row({"label": "?", "hygiene_order": "misschien"}, 2)],
                                seconds_each=1)
    assert days.plan is None and "rules, field max_work_days" in days.problem
    assert switch.plan is None and "rules, field hygiene_order" in switch.problem
    assert days.row()["status"] == days.problem


def _tutorial_with_a_pinned_job_under(hours: float):
    from bundler.decisions import Decision, apply_decisions

    task_file = read_task_file(TUTORIAL)
    plan = solve(task_file, SolveConfig(time_limit=5, workers=1))
    small = next(j for j in plan.jobs if j.hours < hours)
    return apply_decisions(task_file, plan, [Decision(small.id, small.employer, "accept")]), small


def test_a_variant_skips_an_agreed_job_that_breaks_its_rules_and_says_so():
    """'min 24 u' with an accepted job of under 24 h: the job is left out with a note, the variant still solves."""
    pinned_file, small = _tutorial_with_a_pinned_job_under(24)
    [outcome] = run_variants(pinned_file, [Variant("min 24 u", {"min_job_hours": 24.0})], seconds_each=3)
    assert outcome.plan is not None and outcome.task_file.pinned == []
    assert any(f"afgesproken baan {small.id} overgeslagen" in nl for nl, _ in outcome.notes)
    assert check_plan(outcome.task_file, outcome.plan) == []
    [kept] = run_variants(pinned_file, [Variant("min 16 u", {"min_job_hours": 16.0})], seconds_each=3)
    assert [p.id for p in kept.task_file.pinned] == [small.id]
    assert any("houdt 1 afgesproken baan" in nl for nl, _ in kept.notes)


def test_a_looser_variant_takes_over_a_better_plan_of_a_stricter_one():
    """A plan of '2 suppliers' holds under '3 suppliers'; if the looser solve found less, it takes that plan."""
    from bundler.validation import parse_task_file
    from bundler.whatif import Outcome, take_over_better_plans

    task_file = read_task_file(TUTORIAL)
    strict = solve(task_file, SolveConfig(time_limit=5, workers=1))
    data = task_file.to_json_dict()
    data["rules"]["max_suppliers_per_job"] = 3
    loose_file = parse_task_file(data)
    dropped = strict.jobs[-1]
    worse = strict.model_copy(update={
        "status": "FEASIBLE", "jobs": strict.jobs[:-1],
        "unassigned": [*strict.unassigned, *(Unassigned(task=t, reason="x") for t in dropped.tasks)],
        "kpis": strict.kpis.model_copy(update={"jobs": strict.kpis.jobs - 1,
                                               "bundled_hours": strict.kpis.bundled_hours - dropped.hours})})
    outcomes = [Outcome(Variant("2 leveranciers", {}), strict, task_file=task_file),
                Outcome(Variant("3 leveranciers", {"max_suppliers_per_job": 3}), worse, task_file=loose_file)]
    take_over_better_plans(outcomes)
    assert outcomes[1].plan.kpis.jobs == strict.kpis.jobs and outcomes[1].taken_from == "2 leveranciers"
    assert check_plan(loose_file, outcomes[1].plan) == []
    assert any("overgenomen van '2 leveranciers'" in nl for nl, _ in outcomes[1].notes)
    assert outcomes[0].taken_from is None  # the stricter one never takes a plan that breaks its rules

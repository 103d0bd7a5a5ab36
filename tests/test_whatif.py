"""What-if variants from the editable table: typed rules, presets, bad variants reported (no solving here)."""

from __future__ import annotations

import math
from pathlib import Path

from bundler.domain import Rules
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

"""What-if: the same tasks under a few variants of the rules, side by side."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from bundler.domain import Plan, Rules, TaskFile
from bundler.engine import SolveConfig, solve
from bundler.rules import RELAXED_RULES
from bundler.validation import InputError, parse_task_file


@dataclass
class Variant:
    label: str
    rules: dict[str, Any]


PRESETS: dict[str, dict[str, Any]] = {
    "min 16 u": {"min_job_hours": 16.0, "max_suppliers_per_job": 2},
    "min 20 u": {"min_job_hours": 20.0, "max_suppliers_per_job": 2},
    "min 24 u": {"min_job_hours": 24.0, "max_suppliers_per_job": 2},
    "min 20 u, 3 leveranciers": {"min_job_hours": 20.0, "max_suppliers_per_job": 3},
    "4 werkdagen": {"max_work_days": 4},
    "6 werkdagen": {"max_work_days": 6},
    "geen wisseltijd": {"changeover_minutes": 0},
    "hele minuten": {"start_step_minutes": 1},
    "zonder hygiënevolgorde": {"hygiene_order": False},
    "oude regels": dict(RELAXED_RULES),
}
"""Ready-made variants, by their (Dutch) label: the first four are the page's starting table."""

RULE_COLUMNS: tuple[str, ...] = (
    "min_job_hours", "max_suppliers_per_job", "max_gap_minutes", "max_work_days", "min_rest_hours",
    "min_weekly_rest_hours", "min_break_minutes", "changeover_minutes", "start_step_minutes", "hygiene_order",
    "spread_flexible_slots")
"""The rules a variant can set in the what-if table, in column order."""

_TRUE, _FALSE = {"ja", "yes", "true", "waar", "1"}, {"nee", "no", "false", "onwaar", "0"}


def _blank(value: Any) -> bool:
    return value is None or value != value or (isinstance(value, str) and not value.strip())


def variant_from_row(row: dict[str, Any], number: int) -> Variant:
    """A variant from one row of the what-if table: blank cells keep the file's rule.

    Numbers come back from the editor as floats; each is given the type of its rule
    (a whole number of days stays an int, 5.5 hours a float). Yes/no cells may hold a
    bool or the words ja/nee/yes/no. A value of the wrong kind is passed on unchanged,
    so the variant is reported with validation's message instead of breaking the page.
    """
    rules: dict[str, Any] = {}
    for name, value in row.items():
        if name == "label" or name not in Rules.model_fields or _blank(value):
            continue
        kind = Rules.model_fields[name].annotation
        if kind is bool:
            text = str(value).strip().lower()
            value = True if text in _TRUE else False if text in _FALSE else value
        elif kind is int or int in get_args(kind):
            try:
                value = int(value) if float(value).is_integer() else value
            except (TypeError, ValueError):
                pass
        elif kind is float:
            try:
                value = float(value)
            except (TypeError, ValueError):
                pass
        rules[name] = value
    label = row.get("label")
    return Variant(str(label).strip() if not _blank(label) else f"variant {number}", rules)


@dataclass
class Outcome:
    variant: Variant
    plan: Plan | None
    problem: str = ""

    def row(self) -> dict[str, Any]:
        if self.plan is None:
            return {"variant": self.variant.label, "jobs": None, "bound": None, "hours": None,
                    "status": self.problem}
        k = self.plan.kpis
        return {"variant": self.variant.label, "jobs": k.jobs, "bound": k.jobs_upper_bound,
                "hours": k.bundled_hours, "status": self.plan.status}


def run_variants(task_file: TaskFile, variants: list[Variant], seconds_each: float, workers: int = 2,
                 seed: int = 0) -> list[Outcome]:
    """Solve each variant (its rules override the file's); a bad variant is reported, not raised."""
    outcomes = []
    for variant in variants:
        data = task_file.to_json_dict()
        data["rules"] = {**data["rules"], **variant.rules}
        try:
            variant_file = parse_task_file(data)
        except InputError as error:
            outcomes.append(Outcome(variant, None, "; ".join(error.problems)))
            continue
        plan = solve(variant_file, SolveConfig(time_limit=seconds_each, workers=workers, seed=seed))
        outcomes.append(Outcome(variant, plan))
    return outcomes

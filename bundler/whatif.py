"""What-if: the same tasks under a few variants of the rules, side by side."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bundler.domain import Plan, TaskFile
from bundler.solve import SolveConfig, solve
from bundler.validation import InputError, parse_task_file


@dataclass
class Variant:
    label: str
    rules: dict[str, Any]


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

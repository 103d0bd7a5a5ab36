"""What-if: the same tasks under a few variants of the rules, side by side."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable, get_args

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
    notes: list[tuple[str, str]] = field(default_factory=list)
    """What the reader should know, (Dutch, English): decisions kept, agreed jobs skipped, a plan taken over."""
    task_file: TaskFile | None = None
    """The variant's own task file (its rules, the agreed jobs it could keep)."""
    taken_from: str | None = None
    """The label of the variant whose plan this one took over (valid here too, and better)."""

    def row(self) -> dict[str, Any]:
        if self.plan is None:
            return {"variant": self.variant.label, "jobs": None, "bound": None, "hours": None,
                    "status": self.problem}
        k = self.plan.kpis
        return {"variant": self.variant.label, "jobs": k.jobs, "bound": k.jobs_upper_bound,
                "hours": k.bundled_hours, "status": self.plan.status}


def variant_file(task_file: TaskFile, variant: Variant) -> tuple[TaskFile, list[tuple[str, str]]]:
    """The task file under the variant's rules, with every agreed (pinned) job that still obeys them.

    An agreed job of 21 h under 'min 24 u' would make the whole variant an input error;
    it is left out instead, with a note saying so. InputError when the variant's rules
    themselves are wrong."""
    data = task_file.to_json_dict()
    data["rules"] = {**data["rules"], **variant.rules}
    pinned, data["pinned"] = data.get("pinned") or [], []
    loose = parse_task_file(data)
    notes = []
    if pinned or data.get("incompatible"):
        notes.append((f"houdt {len(pinned)} afgesproken baan/banen en {len(data.get('incompatible') or [])} "
                      f"afgewezen combinatie(s) aan",
                      f"keeps {len(pinned)} agreed job(s) and {len(data.get('incompatible') or [])} rejected "
                      f"pairing(s)"))
    if not pinned:
        return loose, notes
    from bundler.engine.instance import prepare
    from bundler.engine.schedule import job_violations

    instance = prepare(loose)
    kept = []
    for job in pinned:
        broken = job_violations(instance, [instance.index[t] for t in job["tasks"]])
        if broken:
            rule = broken[0].rule
            notes.append((f"afgesproken baan {job['id']} overgeslagen: past niet onder deze regels "
                          f"({rule.label_nl.lower()})",
                          f"agreed job {job['id']} skipped: it breaks these rules ({rule.label_en.lower()})"))
        else:
            kept.append(job)
    data["pinned"] = kept
    return parse_task_file(data), notes


def take_over_better_plans(outcomes: list[Outcome]) -> None:
    """Give each variant the best plan found for any variant that also obeys its rules.

    A looser variant (3 suppliers instead of 2) admits every plan of the stricter one,
    so it is never worse than it: the warm start, done after the fact. The plan taken
    over is checked against the variant's own task file first."""
    from bundler.check import check_plan
    from bundler.continuity import score

    found = [(o, o.plan) for o in outcomes if o.plan is not None]
    for outcome in outcomes:
        if outcome.plan is None or outcome.plan.status == "OPTIMAL":
            continue
        objective = outcome.task_file.rules.objective
        best, source = outcome.plan, None
        for other, plan in found:
            if other is outcome or score(plan, objective) <= score(best, objective):
                continue
            if not check_plan(outcome.task_file, plan):
                best, source = plan, other
        if source is not None:
            bound = max(outcome.plan.kpis.jobs_upper_bound, best.kpis.jobs)
            outcome.plan = best.model_copy(update={"status": "FEASIBLE", "kpis": best.kpis.model_copy(
                update={"jobs_upper_bound": bound})})
            outcome.taken_from = source.variant.label
            outcome.notes.append((f"plan overgenomen van '{source.variant.label}': dat geldt ook onder deze "
                                  f"regels en is beter", f"plan taken over from '{source.variant.label}': it holds "
                                  f"under these rules too and is better"))


def run_variants(task_file: TaskFile, variants: list[Variant], seconds_each: float, workers: int = 2,
                 seed: int = 0, on_variant: Callable[[int, int, str], None] | None = None,
                 stop: threading.Event | None = None) -> list[Outcome]:
    """Solve each variant (its rules override the file's); a bad variant is reported, not raised.

    `on_variant(number, total, label)` is called as each variant starts (progress); a set
    `stop` ends the current variant with its best plan so far and skips the rest."""
    outcomes = []
    for number, variant in enumerate(variants, start=1):
        if stop is not None and stop.is_set():
            outcomes.append(Outcome(variant, None, "stopped"))
            continue
        if on_variant:
            on_variant(number, len(variants), variant.label)
        try:
            own_file, notes = variant_file(task_file, variant)
        except InputError as error:
            outcomes.append(Outcome(variant, None, "; ".join(error.problems)))
            continue
        config = SolveConfig(time_limit=seconds_each, workers=workers, seed=seed)
        if stop is not None:
            config.stop = stop
        outcomes.append(Outcome(variant, solve(own_file, config), notes=notes, task_file=own_file))
    take_over_better_plans(outcomes)
    return outcomes

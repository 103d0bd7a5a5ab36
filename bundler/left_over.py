"""The tasks a plan leaves over, as rows people read: what, whose, how long, which rule, why.

One place for the Schedules page, the supplier view and the Excel export, so all three
say the same, in the reader's language (plans from before the Dutch reasons fall back
to the English one).
"""

from __future__ import annotations

from bundler.domain import Plan, TaskFile
from bundler.rules import rule_by_key


def left_over_rows(task_file: TaskFile, plan: Plan, lang: str = "nl", supplier: str | None = None) -> list[dict]:
    """One row per left-over task the task file knows (only `supplier`'s when given)."""
    tasks = task_file.task_by_id()
    names = {s.id: s.name or s.id for s in task_file.suppliers}
    rows = []
    for left in plan.unassigned:
        task = tasks.get(left.task)
        if task is None or (supplier is not None and task.supplier != supplier):
            continue
        rule = rule_by_key(left.rule)
        rows.append({"task": task.id, "title": task.title, "supplier": names.get(task.supplier, task.supplier),
                     "hours": task.hours, "rule": rule.label(lang) if rule else "",
                     "reason": (left.reason_nl or left.reason) if lang == "nl" else left.reason})
    return rows


def own_reasons(task_file: TaskFile, task_ids: list[str], lang: str = "nl") -> dict[str, str]:
    """Why each of these tasks fits no job whatever its partners (its own slots), where that can be said."""
    from bundler.engine.explain import own_reason
    from bundler.engine.instance import prepare

    if not task_ids:
        return {}
    instance = prepare(task_file)
    out = {}
    for task_id in task_ids:
        reason = own_reason(instance, instance.index[task_id]) if task_id in instance.index else None
        if reason:
            out[task_id] = reason.nl if lang == "nl" else reason.en
    return out

"""Suppliers' decisions on proposed jobs, turned into task-file constraints.

Accepting a job pins it: the next solve keeps it exactly. Rejecting a job forbids its
pairings: every task of the deciding supplier becomes incompatible with every task of
the other supplier(s) in that job (for a single-supplier job, its tasks with each
other), so re-planning never proposes that combination again.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from bundler.domain import Plan, TaskFile


@dataclass(frozen=True)
class Decision:
    job: str
    supplier: str
    verdict: Literal["accept", "reject"]
    reason: str = ""


def jobs_of_supplier(task_file: TaskFile, plan: Plan, supplier: str) -> list:
    """The plan's jobs holding at least one task of this supplier, by the task file (not the plan's own lists)."""
    supplier_of = {t.id: t.supplier for t in task_file.tasks}
    return [job for job in plan.jobs if any(supplier_of.get(t) == supplier for t in job.tasks)]


def rejected_pairs(task_file: TaskFile, plan: Plan, decision: Decision) -> list[list[str]]:
    """The pairings a rejection forbids; tasks the task file does not know are left out."""
    job = next(j for j in plan.jobs if j.id == decision.job)
    supplier_of = {t.id: t.supplier for t in task_file.tasks}
    known = [t for t in job.tasks if t in supplier_of]
    mine = [t for t in known if supplier_of[t] == decision.supplier]
    others = [t for t in known if supplier_of[t] != decision.supplier]
    if not others:
        return [sorted(p) for p in combinations(sorted(mine), 2)]
    return [sorted((a, b)) for a in mine for b in others]


def apply_decisions(task_file: TaskFile, plan: Plan, decisions: list[Decision]) -> TaskFile:
    """A new task file with accepted jobs pinned and rejected pairings incompatible.

    A job both accepted and rejected (by its two suppliers) counts as rejected: it
    needs both to agree.
    """
    data = task_file.to_json_dict()
    rejected = {d.job for d in decisions if d.verdict == "reject"}
    pinned_ids = {p["id"] for p in data["pinned"]}
    pinned_tasks = {t for p in data["pinned"] for t in p["tasks"]}
    jobs = {j.id: j for j in plan.jobs}
    known_tasks = {t.id for t in task_file.tasks}
    for d in decisions:
        job = jobs.get(d.job)
        if job is None:
            continue
        if d.verdict == "accept" and d.job not in rejected and d.job not in pinned_ids \
                and not pinned_tasks.intersection(job.tasks) and all(t in known_tasks for t in job.tasks):
            data["pinned"].append({"id": job.id, "tasks": list(job.tasks)})
            pinned_ids.add(job.id)
            pinned_tasks.update(job.tasks)
    known = {tuple(sorted(p)) for p in data["incompatible"]}
    for d in decisions:
        if d.verdict == "reject" and d.job in jobs:
            for pair in rejected_pairs(task_file, plan, d):
                if tuple(pair) not in known:
                    data["incompatible"].append(pair)
                    known.add(tuple(pair))
    return TaskFile.model_validate(data)

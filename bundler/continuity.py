"""Re-planning without losing the thread: job numbers, decisions and the better of two plans.

After suppliers decide, the manager re-plans. People have been talking about "J04" for
an hour, so a job that comes back unchanged keeps its number and its decisions; a new
job gets a number no earlier job had, so a rejected J05 never returns as another
job. And a solve stopped early never silently replaces a better plan of the same tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bundler.decisions import Decision
from bundler.domain import Plan

_JOB_NUMBER = re.compile(r"^J(\d+)$")


def _number(job_id: str) -> int:
    match = _JOB_NUMBER.match(job_id)
    return int(match[1]) if match else 0


def carry_ids(previous: Plan, new: Plan, pinned: set[str] = frozenset()) -> Plan:
    """`new` with the ids of `previous` for jobs with the same tasks; other jobs numbered after every earlier id.

    Pinned jobs (ids fixed by the task file) keep theirs. Reasons that name a job are
    renamed with it."""
    earlier = {frozenset(j.tasks): j.id for j in previous.jobs}
    used = {j.id for j in previous.jobs} | {j.id for j in new.jobs if j.id in pinned}
    mapping: dict[str, str] = {}
    for job in new.jobs:
        if job.id in pinned:
            mapping[job.id] = job.id
            continue
        same = earlier.get(frozenset(job.tasks))
        if same is not None and same not in mapping.values():
            mapping[job.id] = same
    taken = used | set(mapping.values())
    width = max([2] + [len(m[1]) for j in taken if (m := _JOB_NUMBER.match(j))])
    following = max([0] + [_number(j) for j in taken])
    for job in new.jobs:
        if job.id not in mapping:
            following += 1
            while f"J{following:0{width}d}" in taken:
                following += 1
            mapping[job.id] = f"J{following:0{width}d}"
            taken.add(mapping[job.id])
    if all(old == fresh for old, fresh in mapping.items()):
        return new
    jobs = sorted((j.model_copy(update={"id": mapping[j.id]}) for j in new.jobs), key=lambda j: (_number(j.id), j.id))
    pattern = re.compile(r"\b(" + "|".join(re.escape(j) for j in mapping) + r")\b") if mapping else None

    def rename(text: str | None) -> str | None:
        return pattern.sub(lambda m: mapping[m[1]], text) if text and pattern else text

    unassigned = [u.model_copy(update={"reason": rename(u.reason), "reason_nl": rename(u.reason_nl)})
                  for u in new.unassigned]
    return new.model_copy(update={"jobs": jobs, "unassigned": unassigned})


def carry_decisions(previous: Plan, new: Plan, decisions: list[Decision]) -> list[Decision]:
    """The decisions on jobs that came back unchanged (same id, same tasks): they still stand."""
    before = {j.id: frozenset(j.tasks) for j in previous.jobs}
    after = {j.id: frozenset(j.tasks) for j in new.jobs}
    return [d for d in decisions if d.job in after and before.get(d.job) == after[d.job]]


def score(plan: Plan, objective: str) -> tuple:
    """Bigger is better, by the task file's objective (`cover`: every task covered, then fewer jobs)."""
    k = plan.kpis
    if plan.status in ("INFEASIBLE", "UNKNOWN"):
        return (-1,)
    if objective == "hours":
        return (round(k.bundled_hours, 2), k.jobs)
    if objective == "cover":
        return (-len(plan.unassigned), -k.jobs)
    return (k.jobs, round(k.bundled_hours, 2))


@dataclass(frozen=True)
class Choice:
    plan: Plan
    kept_previous: bool
    """True when the previous plan was better than the stopped solve's and stays."""


def after_stop(previous: Plan | None, stopped: Plan, objective: str) -> Choice:
    """A stopped solve's plan, unless the previous plan of the same tasks was better."""
    if previous is not None and score(previous, objective) > score(stopped, objective):
        return Choice(previous, True)
    return Choice(stopped, False)

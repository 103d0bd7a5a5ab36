"""A pool of feasible jobs around every task, for CP-SAT to choose the best disjoint set.

The constructive plan commits to one job at a time; a task used early is gone for
jobs that needed it more. Here each task instead proposes several small jobs with the
partners that work right before or after it on the same days (the likeliest to obey
the gap and day rules), and set packing over all proposals picks the combination.
Work is capped in search nodes, never in seconds, so a run is repeatable.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from bundler.engine.columns import Column, Feasibility
from bundler.engine.instance import Instance

PARTNERS_PER_TASK = 24
NEARBY_PARTNERS = 150
"""Partners looked at per task, from the closest buildings outwards (huge regions)."""
NODES_PER_TASK = 400
MAX_TASKS_PER_JOB = 6
PARTNER_SECONDS = 1.8e-5
"""What ranking one partner costs, in seconds of a development machine: counted, so a
run's work is repeatable. The rest of the pool's work is its schedule questions, counted
in `Feasibility.work` (a fit over 440 pools of 50-600 tasks found nothing left per node)."""


def _nearness(instance: Instance, t: int, partners: list[int]) -> dict[int, int]:
    """How well each partner's work sits next to t's: same-day occurrences within the gap rule."""
    gap = instance.rules.max_gap_minutes
    mine: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for options in instance.tasks[t].slots:
        for p in options:
            mine[p.day].append((p.start, p.end))

    def near(p) -> bool:
        return any(end <= p.start <= end + gap or p.end <= start <= p.end + gap for start, end in mine.get(p.day, ()))

    scores = {}
    for u in partners:
        score = 0
        for options in instance.tasks[u].slots:
            days = {p.day for p in options if p.day in mine and near(p)}
            score += len(days) if len(options) == 1 else min(len(days), 1)
        scores[u] = score
    return scores


def job_pool(instance: Instance, tasks: list[int], feasibility: Feasibility,
             nodes_per_task: int = NODES_PER_TASK, extend_complete: bool = False,
             halted: Callable[[], bool] = lambda: False, spent: list[float] | None = None) -> list[Column]:
    """Feasible jobs found by a small bounded search rooted at each task.

    `extend_complete`: keep adding tasks to complete jobs too (objective `hours`, where a
    fuller job is worth more than an extra one). `spent` gets the ranking's work added."""
    rules = instance.rules
    usable = [t for t in tasks if t not in instance.own_problems]
    in_region = set(usable)
    minutes = {t: instance.tasks[t].minutes for t in usable}
    pool: dict[Column, None] = {}
    at_location: dict[int, list[int]] = defaultdict(list)
    for t in usable:
        at_location[instance.tasks[t].location].append(t)
    ranked_partners = 0
    for root in usable:
        if halted():  # the deadline: the jobs proposed so far still make a pool
            break
        here = instance.tasks[root].location
        nearby = sorted(at_location, key=lambda loc: (instance.travel_minutes(here, loc) or 0, loc))
        partners: list[int] = []
        for loc in nearby:  # the closest buildings first, enough to choose from
            partners += [u for u in at_location[loc] if u != root and u not in instance.conflicts[root]]
            if len(partners) >= NEARBY_PARTNERS:
                break
        nearness = _nearness(instance, root, partners)
        ranked = sorted(partners, key=lambda u: (-nearness[u], -minutes[u], u))
        ranked_partners += len(partners)
        ranked = [u for u in ranked[:PARTNERS_PER_TASK] if u in in_region]
        budget = [nodes_per_task]

        def grow(members: tuple[int, ...], load: int, suppliers: frozenset[int], candidates: list[int]) -> None:
            for k, c in enumerate(candidates):
                if budget[0] <= 0:
                    return
                budget[0] -= 1
                new_load = load + minutes[c]
                new_suppliers = suppliers | {instance.tasks[c].supplier}
                if new_load > rules.max_job_minutes or len(new_suppliers) > rules.max_suppliers_per_job:
                    continue
                if any(c in instance.conflicts[m] for m in members):
                    continue
                job = tuple(sorted((*members, c)))
                if job in pool:
                    continue
                if new_load >= rules.min_job_minutes and feasibility.schedule(job) is not None:
                    pool[job] = None
                    if not extend_complete:
                        continue  # a complete job: more tasks would only cost the plan a job
                if len(job) >= MAX_TASKS_PER_JOB or feasibility.schedule(job, strict=False) is None:
                    continue
                grow(job, new_load, new_suppliers, candidates[k + 1:])

        grow((root,), minutes[root], frozenset({instance.tasks[root].supplier}), ranked)
        if minutes[root] >= rules.min_job_minutes and feasibility.schedule((root,)) is not None:
            pool[(root,)] = None
    if spent is not None:
        spent[0] += ranked_partners * PARTNER_SECONDS
    return list(pool)

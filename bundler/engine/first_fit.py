"""Fit-decreasing packings for regions without weekly slots: a strong, quick first plan.

For objective `cover` (every task placed, fewest jobs) the classic packing heuristics
are hard to beat as a start: take the tasks largest first and put each into the first
job it fits (first fit) or the fullest one (best fit). Conflicts change what is
"hard to place": a task that may share a job with few others should go early, so the
orders also rank by conflict degree (as DSatur does for colouring) and by a mix of
size and degree. Fit-decreasing leaves room scattered over many jobs, so one more
packing fills each job to the brim instead (`fill_to_the_brim`, after Gupta and Ho's
minimal bin slack): the largest task left starts a job, and a subset-sum over the tasks
that may join it fills the rest as fully as possible. The plan with the fewest jobs is
kept; every job is then checked against the rule book's static part by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bundler.engine.instance import Instance


@dataclass
class _Bin:
    members: set[int] = field(default_factory=set)
    load: int = 0
    suppliers: set[int] = field(default_factory=set)
    skills: set[int] = field(default_factory=set)


def _orders(instance: Instance, tasks: list[int]) -> list[list[int]]:
    """Task orders to try: by size, by conflict degree, and by both together."""
    minutes = {t: instance.tasks[t].minutes for t in tasks}
    inside = set(tasks)
    degree = {t: len(instance.conflicts[t] & inside) for t in tasks}
    capacity = max(instance.rules.max_job_minutes, 1)
    most = max(degree.values(), default=0) or 1
    orders = [sorted(tasks, key=lambda t: (-minutes[t], -degree[t], t))]
    if most > 1:
        orders.append(sorted(tasks, key=lambda t: (-degree[t], -minutes[t], t)))
        orders.append(sorted(tasks, key=lambda t: (-(minutes[t] / capacity + degree[t] / most), t)))
    return orders


def _fits(instance: Instance, bin_: _Bin, t: int) -> bool:
    rules, task = instance.rules, instance.tasks[t]
    if bin_.load + task.minutes > rules.max_job_minutes:
        return False
    if task.supplier not in bin_.suppliers and len(bin_.suppliers) >= rules.max_suppliers_per_job:
        return False
    if rules.max_skills_per_job is not None and len(bin_.skills | task.skills) > rules.max_skills_per_job:
        return False
    return not (instance.conflicts[t] & bin_.members)


def fit_decreasing(instance: Instance, order: list[int], best_fit: bool) -> list[list[int]]:
    """Each task, in order, into the first (or the fullest) job it fits; a new job if none."""
    bins: list[_Bin] = []
    for t in order:
        fitting = (b for b in bins if _fits(instance, b, t))
        target = max(fitting, key=lambda b: b.load, default=None) if best_fit else next(fitting, None)
        if target is None:
            target = _Bin()
            bins.append(target)
        task = instance.tasks[t]
        target.members.add(t)
        target.load += task.minutes
        target.suppliers.add(task.supplier)
        target.skills |= task.skills
    return [sorted(b.members) for b in bins]


def _subset_sums(candidates: list[int], minutes: dict[int, int], top: int) -> tuple[int, list[int]]:
    """Every load up to `top` some subset of the candidates reaches (a bit set), and the
    bit set before each candidate was added (to rebuild a subset)."""
    mask = (1 << (top + 1)) - 1
    reach, before = 1, []
    for t in candidates:
        before.append(reach)
        reach = (reach | (reach << minutes[t])) & mask
    return reach, before


def _subset_of(candidates: list[int], before: list[int], minutes: dict[int, int], load: int) -> list[int]:
    """A subset with exactly this load, preferring the earlier (larger) candidates."""
    chosen = []
    for i in range(len(candidates) - 1, -1, -1):
        if load and not (before[i] >> load) & 1:
            chosen.append(candidates[i])
            load -= minutes[candidates[i]]
    return chosen


def _fullest_subset(candidates: list[int], minutes: dict[int, int], room: int) -> list[int]:
    """The subset of candidates (largest first) with the most minutes within `room`;
    among equal sums it keeps the larger tasks."""
    reach, before = _subset_sums(candidates, minutes, room)
    return _subset_of(candidates, before, minutes, reach.bit_length() - 1)


def drop_clashes(members: set[int], conflicts, worth: dict[int, float]) -> set[int]:
    """`members` made clash-free in place: the task in most clashes leaves first, of equal
    ones the least worth. `conflicts[t]`: the tasks t may not share a job with."""
    while True:
        clashing = [t for t in members if conflicts[t] & members]
        if not clashing:
            return members
        members.discard(max(clashing, key=lambda t: (len(conflicts[t] & members), -worth[t], t)))


def fill_to_the_brim(instance: Instance, tasks: list[int]) -> list[list[int]] | None:
    """Jobs filled one at a time as fully as the rules allow, each started by the largest
    task left. None where suppliers limits other than 1, 2 or none would need more than
    pairs of suppliers to be tried."""
    rules = instance.rules
    minutes = {t: instance.tasks[t].minutes for t in tasks}
    supplier = {t: instance.tasks[t].supplier for t in tasks}
    suppliers = sorted(set(supplier.values()))
    limit = rules.max_suppliers_per_job
    if limit >= len(suppliers):
        groups: list[tuple[int, ...] | None] = [None]
    elif limit in (1, 2):
        groups = []
    else:
        return None
    if rules.max_skills_per_job is not None and any(instance.tasks[t].skills for t in tasks):
        return None
    remaining = sorted(tasks, key=lambda t: (-minutes[t], t))
    jobs: list[list[int]] = []
    while remaining:
        seed, rest = remaining[0], remaining[1:]
        room = rules.max_job_minutes - minutes[seed]
        partners = [t for t in rest if t not in instance.conflicts[seed] and minutes[t] <= room]
        options = groups or [(supplier[seed],)] + ([(supplier[seed], s) for s in suppliers if s != supplier[seed]]
                                                   if limit == 2 else [])
        best: list[int] = []
        for group in options:
            allowed = partners if group is None else [t for t in partners if supplier[t] in group]
            chosen = _without_conflicts(instance, _fullest_subset(allowed, minutes, room), allowed, minutes, room)
            if sum(minutes[t] for t in chosen) > sum(minutes[t] for t in best):
                best = chosen
        job = [seed, *best]
        jobs.append(sorted(job))
        taken = set(job)
        remaining = [t for t in remaining if t not in taken]
    return jobs


def _without_conflicts(instance: Instance, chosen: list[int], allowed: list[int], minutes: dict[int, int],
                       room: int) -> list[int]:
    """The subset made conflict-free (the task in most conflicts leaves first), its room
    then refilled largest first by tasks that clash with nothing in it."""
    members = drop_clashes(set(chosen), instance.conflicts, minutes)
    load = sum(minutes[t] for t in members)
    for t in allowed:
        if t not in members and load + minutes[t] <= room and not instance.conflicts[t] & members:
            members.add(t)
            load += minutes[t]
    return sorted(members)


def _least_cover(candidates: list[int], minutes: dict[int, int], need: int, most: int) -> list[int] | None:
    """The subset of candidates (largest first) whose minutes reach `need` with the least
    excess, within `most`; None when even all of them fall short."""
    top = min(most, need + max((minutes[t] for t in candidates), default=0))
    reach, before = _subset_sums(candidates, minutes, top)
    above = reach >> need
    if not above:
        return None
    return _subset_of(candidates, before, minutes, need + ((above & -above).bit_length() - 1))


def cover_to_the_threshold(instance: Instance, tasks: list[int], small_partners: bool = False) -> list[list[int]]:
    """Objective `jobs` (most jobs that reach the minimum hours): each job started by the
    largest task left and completed by the subset that reaches the minimum with the least
    to spare, so little work is spent above the minimum. Only where no pair conflicts,
    suppliers or skills limit the jobs (else an empty plan: the caller's heuristic stays)."""
    rules = instance.rules
    inside = set(tasks)
    if any(instance.conflicts[t] & inside for t in tasks) or \
            len({instance.tasks[t].supplier for t in tasks}) > rules.max_suppliers_per_job or \
            (rules.max_skills_per_job is not None and any(instance.tasks[t].skills for t in tasks)):
        return []
    minutes = {t: instance.tasks[t].minutes for t in tasks}
    remaining = sorted(tasks, key=lambda t: (-minutes[t], t))
    jobs: list[list[int]] = []
    while remaining:
        seed, rest = remaining[0], remaining[1:]
        need = rules.min_job_minutes - minutes[seed]
        partners = rest[::-1] if small_partners else rest
        chosen = [] if need <= 0 else _least_cover(partners, minutes, need, rules.max_job_minutes - minutes[seed])
        if chosen is None:
            break  # the largest task left and all the others together fall short
        job = sorted([seed, *chosen])
        jobs.append(job)
        taken = set(job)
        remaining = [t for t in remaining if t not in taken]
    return jobs


def best_packing(instance: Instance, tasks: list[int]) -> list[list[int]]:
    """The packing with the fewest jobs over the orders, both fit rules and the brim
    fill (ties: the first found)."""
    usable = [t for t in tasks if t not in instance.own_problems]
    best: list[list[int]] | None = None
    packings = (fit_decreasing(instance, order, best_fit) for order in _orders(instance, usable)
                for best_fit in (False, True))
    for packing in [*packings, fill_to_the_brim(instance, usable)]:
        if packing is not None and (best is None or len(packing) < len(best)):
            best = packing
    return best or []

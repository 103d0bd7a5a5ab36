"""The column route through a region: first plan, bound, dives, repack, pick, fill up.

1. The best of the fit-decreasing, brim and threshold fills is the first plan
   (`bundler.engine.first_fit`).
2. Column generation over the region gives the LP bound (proven when pricing is
   exhaustive, or early by Farley's bound) and a first pool of good jobs
   (`bundler.engine.columns`).
3. Dives turn the fractional LP into plans: fix the jobs the LP takes (nearly) whole,
   or else its largest fraction, price a few rounds in the same LP, and repeat; more
   dives from the same root while work is left, each avoiding where the last began.
   When the quick first dive misses the bound and the slack and the prices leave few
   jobs a plan meeting it could hold, they are all enumerated and searched exactly
   before the deeper dives (`bundler.engine.closing`): a plan that meets the bound, or
   a proof that none does (the bound moves by one).
4. The emptiest jobs are repacked exactly into one fewer (`bundler.engine.repack`).
5. CP-SAT picks the best covering set from the whole pool, the best plan as its hint.
6. Left-over tasks join jobs where every rule still holds: more hours, same jobs.

Used where deciding "can these tasks be one job" is cheap: regions whose tasks have no
weekly slots, such as the classic packing sets (`bundler.classic`).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from bundler.engine.closing import close_the_gap, enumerate_candidates
from bundler.engine.columns import EPS, Column, ColumnGenerator, Feasibility, pick_jobs
from bundler.engine.config import Clock, SolveConfig
from bundler.engine.construct import Job
from bundler.engine.fill import fill_left_over
from bundler.engine.first_fit import best_packing, cover_to_the_threshold
from bundler.engine.instance import Instance
from bundler.engine.repack import repack

ROOT_SHARE, DIVE_SHARE, REPACK_SHARE = 0.3, 0.5, 0.15
CLOSING_SHARE, QUICK_DIVE_SHARE = 0.3, 0.15
"""At most these parts of the work, taken from the dives', for closing the last job
exactly (`closing`) and for the quick first dive before it: on the large triplet
files a first dive takes half the work and misses, while the closing finds the
optimum in a third of it; where the first dive meets the bound it does so quickly."""
"""Parts of the region's work for the root LP, for the dive and for repacking its last
jobs (`repack`); the pick from the pool gets the rest."""
DIVE_ROUNDS = (8, 25, 8, 25)
"""Pricing rounds between two steps of each dive in turn: the first is quick, the next
ones go deeper; each only while work is left and no dive met the bound."""
DIVE_STEP_WIDTH, DIVE_STEP_VALUE = 3, 0.6
"""A dive step fixes up to this many jobs with at least this value: fewer, cheaper steps."""
"""Pricing rounds between two dive steps: enough to mend the LP, not to converge it."""


@dataclass
class ColumnAnswer:
    jobs: list[Job]
    upper_bound: int | None
    """Proven most jobs (objective jobs/hours), or None."""
    lower_bound: int | None
    """Proven fewest jobs to cover every task (objective cover), or None."""
    optimal: bool


def _minutes(instance: Instance, column: Column) -> int:
    return sum(instance.tasks[t].minutes for t in column)


def dive(generator: ColumnGenerator, deadline: float, max_work: float = math.inf, rounds: int = 8,
         tabu: frozenset[Column] = frozenset()) -> tuple[list[Column] | None, Column | None]:
    """A plan made by fixing the LP's (near-)whole jobs one step at a time, pricing
    `rounds` rounds in between on the same LP, and the first job it chose by its
    fraction; the plan is None if it ran into a dead end. Cut short (work in seconds or
    the wall-clock deadline), it completes the plan with the first heuristics. Jobs in
    `tabu` are never chosen by their fraction (so a second dive goes another way)."""
    instance = generator.instance
    first: Column | None = None
    while True:
        _, optimal = generator.run(deadline, max_rounds=rounds, max_work=max_work)
        if generator.cut or generator.spent > max_work:
            return _completed(generator), first
        fixed = set(generator.fixed)
        values = generator.values()
        free = [c for c, v in values.items() if c not in fixed]
        whole = [c for c in free if values[c] > 1 - EPS]
        fractional = sorted((c for c in free if values[c] <= 1 - EPS and c not in tabu),
                            key=lambda c: (-values[c], -_minutes(instance, c), c))
        if not fractional:
            if not optimal and whole:
                for column in whole:
                    generator.fix(column)
                continue
            if generator.leans_on_slack() or any(values[c] <= 1 - EPS for c in free):
                return None, first  # a task in no job, or only forbidden fractions left
            return _disjoint(instance, [c for c, v in values.items() if v > 1 - EPS], generator.feasibility), first
        first = first or fractional[0]
        taken: set[int] = {t for column in whole for t in column}
        step = [fractional[0]] + [c for c in fractional[1:DIVE_STEP_WIDTH] if values[c] >= DIVE_STEP_VALUE]
        for column in step:  # the largest fraction, and the next ones if nearly whole and disjoint
            if taken.isdisjoint(column):
                whole.append(column)
                taken.update(column)
        for column in whole:
            generator.fix(column)


def dives(generator: ColumnGenerator, deadline: float, max_work: float, bound: int | None,
          schedule: tuple[int, ...] = DIVE_ROUNDS, tabu: set[Column] | None = None) -> list[list[Column]]:
    """Dives one after another while work is left and none meets the bound: a quick one
    first, then deeper ones (more pricing between steps; `schedule`), each starting where
    the ones before did not (its first choice forbidden, kept in `tabu`), all from the
    same root LP."""
    plans: list[list[Column]] = []
    tabu = set() if tabu is None else tabu
    objective = generator.instance.rules.objective
    for rounds in schedule:
        if generator.spent >= max_work or generator.cut:
            break
        plan, first = dive(generator, deadline, max_work, rounds, frozenset(tabu))
        generator.unfix_all()
        if plan is not None:
            plans.append(plan)
            if _meets(plan, bound, objective):
                break
        if first is None:
            break
        tabu.add(first)
    return plans


def _completed(generator: ColumnGenerator) -> list[Column] | None:
    """A dive cut short: the jobs fixed so far, the tasks left packed by the first
    heuristics (fit-decreasing and brim fill, or the threshold fill when covering)."""
    instance = generator.instance
    fixed = _disjoint(instance, list(generator.fixed), generator.feasibility)
    if fixed is None:
        return None
    placed = {t for column in fixed for t in column}
    rest = [t for t in generator.usable if t not in placed]
    if instance.rules.objective == "cover":
        more = best_packing(instance, rest)
    else:
        more = cover_to_the_threshold(instance, rest)
    more = [tuple(job) for job in more]
    if any(generator.feasibility.schedule(job) is None for job in more):
        return None
    return fixed + more


def _disjoint(instance: Instance, plan: list[Column], feasibility: Feasibility) -> list[Column] | None:
    """Each task in the first of its jobs only (covering may take a task twice); None
    when a job so shrunk breaks a rule."""
    seen: set[int] = set()
    jobs = []
    for column in sorted(plan, key=lambda c: (-_minutes(instance, c), c)):
        kept = tuple(t for t in column if t not in seen)
        if not kept:
            continue
        if feasibility.schedule(kept) is None:
            return None
        seen.update(kept)
        jobs.append(kept)
    return jobs


def fill_up(instance: Instance, jobs: list[Column], tasks: list[int], feasibility: Feasibility) -> list[Column]:
    """Add left-over tasks to jobs where every rule still holds (largest tasks first), uncapped."""
    filled = fill_left_over(instance, [Job(list(j), {}) for j in jobs], tasks, feasibility,
                            Clock(SolveConfig()), max_searches=math.inf)
    return [tuple(job.tasks) for job in filled]


def _better(instance: Instance, a: list[Column], b: list[Column] | None) -> bool:
    """Is plan a better than plan b for the region's objective?"""
    if b is None:
        return True
    hours_a, hours_b = sum(_minutes(instance, c) for c in a), sum(_minutes(instance, c) for c in b)
    objective = instance.rules.objective
    if objective == "cover":
        return len(a) < len(b)
    if objective == "hours":
        return (hours_a, len(a)) > (hours_b, len(b))
    return (len(a), hours_a) > (len(b), hours_b)


def _meets(plan: list[Column], bound: int | None, objective: str) -> bool:
    """Has the plan as many jobs as the proven bound allows (as few, for cover)?"""
    if bound is None:
        return False
    return len(plan) <= bound if objective == "cover" else len(plan) >= bound


def _covers(instance: Instance, plan: list[Column], tasks: list[int]) -> bool:
    covered = {t for c in plan for t in c}
    return all(t in covered for t in tasks if t not in instance.own_problems)


def simple_bound(instance: Instance, tasks: list[int], objective: str, upper: int) -> int:
    """The bound that needs no LP: `upper` (most jobs the hours allow) or, for cover,
    the fewest jobs whose capacity holds every minute."""
    if objective != "cover":
        return upper
    minutes = sum(instance.tasks[t].minutes for t in tasks)
    return -(-minutes // max(instance.rules.max_job_minutes, 1))


def _close(generator: ColumnGenerator, bound: int, start: list[Column], prices: dict[int, float], work: float,
           workers: int, seed: int, clock: Clock,
           enumerated: tuple[list[Column] | None, float] | None) -> tuple[list[Column] | None, int]:
    """A plan that meets the bound, found exactly (`closing`), or none; and the bound,
    moved by one each time the closing proves it cannot be met, while work is left.
    `enumerated`: the candidates for the first bound, enumerated already."""
    instance, feasibility = generator.instance, generator.feasibility
    objective = instance.rules.objective
    tasks = generator.usable
    begun = generator.spent
    while generator.spent - begun < work and not clock.halted():
        closing = close_the_gap(instance, tasks, bound, prices, work - (generator.spent - begun), workers, seed,
                                clock, enumerated)
        enumerated = None  # a moved bound needs its own candidates
        generator.spent += closing.work
        if closing.jobs is not None and all(feasibility.schedule(job) is not None for job in closing.jobs):
            return closing.jobs, bound
        if not closing.impossible:
            break
        bound += 1 if objective == "cover" else -1  # proven: no plan has `bound` jobs
        if _meets(start, bound, objective):
            break
    return None, bound


def solve_by_columns(instance: Instance, tasks: list[int], heuristic: list[Job], seconds: float,
                     workers: int, seed: int, upper: int, clock: Clock | None = None) -> ColumnAnswer:
    """The region's plan for about `seconds` of work (counted, so repeatable); the
    clock's deadline cuts a step short only when it comes first (then `clock.cut`).
    `upper`: a proven most jobs known before (the hours bound)."""
    clock = clock or Clock(SolveConfig())
    started = time.perf_counter()
    deadline = started + min(clock.left(), 5 * seconds + 5)
    objective = instance.rules.objective
    feasibility = Feasibility(instance)
    start = [tuple(sorted(j.tasks)) for j in heuristic]
    if objective == "cover":
        packed = [tuple(job) for job in best_packing(instance, tasks)]
        if all(feasibility.schedule(job) is not None for job in packed) and _covers(instance, packed, tasks) \
                and (not _covers(instance, start, tasks) or len(packed) < len(start)):
            start = packed
    elif objective == "jobs":
        covered = [tuple(job) for job in cover_to_the_threshold(instance, [t for t in tasks
                                                                          if t not in instance.own_problems])]
        if all(feasibility.schedule(job) is not None for job in covered) and _better(instance, covered, start):
            start = covered
    generator = ColumnGenerator(instance, tasks, start, feasibility)
    value, optimal = generator.run(deadline, max_work=ROOT_SHARE * seconds)
    root = generator.summary(value, optimal, time.perf_counter() - started)
    bound = root.job_bound(objective)
    simple = simple_bound(instance, tasks, objective, upper)
    if bound is None:
        bound = simple
    else:
        bound = max(bound, simple) if objective == "cover" else min(bound, simple)
    candidates: list[list[Column]] = []
    if objective != "cover" or _covers(instance, start, tasks):
        candidates.append(start)
    tabu: set[Column] = set()
    root_prices = dict(generator.duals)  # the dive changes the LP's prices; the closing wants the root's
    enumerated = None
    if generator.exact is not None and objective in ("cover", "jobs") and not _meets(start, bound, objective):
        enumerated = enumerate_candidates(instance, generator.usable, bound, root_prices, CLOSING_SHARE * seconds)
        generator.spent += enumerated[1]
    closable = enumerated is not None and enumerated[0] is not None
    # A closing that cannot be had (too many candidates) costs the pick its work, not the dives:
    # on the CCBPP W3 files a third of a second less diving costs a bin.
    diving = (ROOT_SHARE + DIVE_SHARE) * seconds + (enumerated[1] if enumerated and not closable else 0.0)
    for step in ("quick dive", "closing", "deeper dives"):
        if any(_meets(plan, bound, objective) for plan in candidates):
            break
        if step == "closing":
            if closable:
                closed, bound = _close(generator, bound, start, root_prices, CLOSING_SHARE * seconds, workers,
                                       seed, clock, (enumerated[0], 0.0))
                candidates += [closed] if closed is not None else []
            continue
        schedule, cap = DIVE_ROUNDS[1:], diving
        if step == "quick dive":
            schedule = DIVE_ROUNDS[:1]
            if closable:  # the closing comes next: leave it time
                cap = min(cap, generator.spent + QUICK_DIVE_SHARE * seconds)
        for dived in dives(generator, deadline, cap, bound, schedule, tabu):
            if objective != "cover" or _covers(instance, dived, tasks):
                candidates.append(dived)
    pool = set(generator.master.columns) | set(start)
    best: list[Column] | None = None
    for plan in candidates:
        if _better(instance, plan, best):
            best = plan
    if best is not None and not _meets(best, bound, objective) and generator.exact is not None \
            and objective in ("cover", "jobs"):
        work = REPACK_SHARE * seconds
        repacked = repack(instance, tasks, best, bound, work, seed, clock)
        generator.spent += work
        if all(feasibility.schedule(job) is not None for job in repacked) and _better(instance, repacked, best) \
                and (objective != "cover" or _covers(instance, repacked, tasks)):
            best = repacked
    if best is None or not _meets(best, bound, objective):
        left = max(seconds - generator.spent, 0.5)
        picked = pick_jobs(instance, tasks, sorted(pool), best or [], left, seed, clock=clock)
        if picked is not None and objective == "cover":
            picked = _disjoint(instance, picked, feasibility)
        if picked is not None and _better(instance, picked, best):
            best = picked
    clock.cut |= generator.cut
    if best is None:
        return ColumnAnswer([], None, bound if objective == "cover" else None, False)
    best = fill_up(instance, best, tasks, feasibility)
    jobs = [Job(list(c), feasibility.schedule(c) or {}) for c in best]
    usable = sum(1 for t in tasks if t not in instance.own_problems)
    if objective == "cover":
        return ColumnAnswer(jobs, None, bound, bound is not None and len(jobs) <= bound)
    everything = sum(len(c) for c in best) == usable
    optimal = bound is not None and len(jobs) >= bound and (objective == "jobs" and everything)
    return ColumnAnswer(jobs, bound, None, optimal)

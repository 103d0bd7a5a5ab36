"""The last job, closed exactly: every job a plan of B jobs could hold, then one pick.

A dive and the repacking usually end one job from the LP bound B, and then nothing
says whether that job exists. Two facts make the question small enough to answer:

- Slack: a plan of B jobs that packs every task (objective `cover`) leaves exactly
  S = B x capacity - all minutes unused, so none of its jobs is emptier than S; a plan
  of B disjoint jobs that each reach the minimum (objective `jobs`) has S = all
  minutes - B x minimum to spare, so none of its jobs passes the minimum by more (and
  none needs a task it could drop: jobs that are minimal suffice).
- Prices: with task prices that are a feasible dual of value L (the LP's, scaled so no
  job beats them), the jobs of such a plan lose at most |B - L| against the prices
  together, so each one loses at most that.

So the jobs that pass both tests are enumerated (a search over the tasks, largest
first), and B of them are sought that partition the tasks (an exact cover, by
Algorithm X with restarts) or, when covering with minutes to spare, that are disjoint
(CP-SAT). When the enumeration is complete, "no such B" is a proof that B jobs cannot
be had: the bound moves by one. Used only where a job is its load, suppliers
and conflicts (`knapsack.is_plain`), so "is this a job" needs no schedule.
"""

from __future__ import annotations

import bisect
import math
import random
from dataclasses import dataclass
from itertools import chain

from ortools.sat.python import cp_model

from bundler.engine.columns import CELL_SECONDS, Column, capped_solver, pick_variables
from bundler.engine.config import Clock
from bundler.engine.instance import Instance
from bundler.engine.knapsack import KnapsackPricer

MAX_COLUMNS = 100_000
"""More candidate jobs than this and the search would cost more than it can bring: give up."""
NODE_SECONDS = 3e-6
"""What one node of the enumeration costs, in seconds of a development machine."""
EPS = 1e-7


@dataclass
class Closing:
    jobs: list[Column] | None
    """B jobs (cover: partitioning the tasks; jobs: disjoint), or None if none was found."""
    impossible: bool
    """True when the enumeration was complete and the search over it (exact cover or
    CP-SAT) proved that no B jobs exist."""
    candidates: int
    """Jobs enumerated (0 when the enumeration gave up)."""
    work: float
    """Counted work, in seconds of a development machine."""


def feasible_prices(instance: Instance, tasks: list[int], duals: dict[int, float]) \
        -> tuple[dict[int, float], float, int]:
    """Task prices no job beats (cover: no job worth more than 1; jobs: none costing less
    than 1), from any prices, by scaling with the exact best job (Farley); their sum, a
    bound on the LP (infinite when no scaling helps: then they filter nothing); and the
    programme cells it took. The knapsack ignores conflicts, so its best is at least the
    real one."""
    pricer = KnapsackPricer(instance, tasks)
    prices = {t: max(duals.get(t, 0.0), 0.0) for t in tasks}
    priced = pricer.price(prices, 1)
    best = priced.best_price
    cover = instance.rules.objective == "cover"
    if cover and best > 1:
        prices = {t: p / best for t, p in prices.items()}
    elif not cover and best < 1:
        if best <= 1e-9:  # a job costs nothing at these prices: no scaling makes them feasible
            return {t: 0.0 for t in tasks}, math.inf, priced.cells
        prices = {t: p / best for t, p in prices.items()}
    return prices, sum(prices.values()), priced.cells


def candidate_jobs(instance: Instance, tasks: list[int], target: int, prices: dict[int, float], value: float,
                   max_nodes: int) -> tuple[list[Column] | None, int]:
    """Every job that can be in a plan of `target` jobs (by slack and by prices), or None
    when there are more than MAX_COLUMNS or the search needs more than `max_nodes`; and
    the nodes it visited. Candidate sets are bit masks over the tasks, largest first, so
    a node looks only at the tasks that can end a job or leave room for one more."""
    rules = instance.rules
    cover = rules.objective == "cover"
    minutes = {t: instance.tasks[t].minutes for t in tasks}
    total = sum(minutes.values())
    if cover:
        slack = target * rules.max_job_minutes - total
        low, high = rules.max_job_minutes - slack, rules.max_job_minutes
        floor_price = 1 - (target - value) - EPS  # a job must be worth at least this
    else:
        minimum = max(rules.min_job_minutes, 1)
        slack = total - target * minimum
        low, high = minimum, min(rules.max_job_minutes, minimum + slack)
        ceiling_price = 1 + (value - target) + EPS  # a job may cost at most this
    if slack < 0 or not tasks:
        return [], 0
    order = sorted(tasks, key=lambda t: (-minutes[t], t))
    size = [minutes[t] for t in order]
    price = [prices.get(t, 0.0) for t in order]
    supplier = [instance.tasks[t].supplier for t in order]
    position = {t: i for i, t in enumerate(order)}
    clear = [~sum(1 << position[u] for u in instance.conflicts[t] if u in position) for t in order]
    of_supplier: dict[int, int] = {}
    for i, s in enumerate(supplier):
        of_supplier[s] = of_supplier.get(s, 0) | 1 << i
    smallest = size[-1]
    descending = [-m for m in size]
    # the best (cover) or cheapest (jobs) price per minute among the tasks from each position on
    ratio = [p / max(m, 1) for p, m in zip(price, size)]
    best_ratio = ratio[:] + [0.0]
    for i in range(len(order) - 2, -1, -1):
        best_ratio[i] = max(ratio[i], best_ratio[i + 1]) if cover else min(ratio[i], best_ratio[i + 1])
    max_suppliers = rules.max_suppliers_per_job
    found: list[Column] = []
    nodes = 0

    def first_at_most(m: int) -> int:
        """The first position whose task has at most `m` minutes."""
        return bisect.bisect_left(descending, -m)

    def bits(mask: int, begin: int, end: int):
        part = (mask >> begin) & ((1 << max(end - begin, 0)) - 1)
        while part:
            low_bit = part & -part
            yield begin + low_bit.bit_length() - 1
            part ^= low_bit

    def visit(members: list[int], load: int, paid: float, suppliers: frozenset[int], candidates: int) -> bool:
        """False once a cap is reached."""
        nonlocal nodes
        room = high - load
        ending = range(first_at_most(room), first_at_most(low - load - 1) if low - load > 0 else len(order))
        extending_from = first_at_most(room - smallest) if room >= smallest else len(order)
        if not cover:  # a job that reaches the minimum needs no more tasks: only those below it extend
            extending_from = max(extending_from, ending.stop)
        if extending_from <= ending.stop:
            looked_at = bits(candidates, min(ending.start, extending_from), len(order))
        else:  # the tasks in between neither end the job nor leave room for another
            looked_at = chain(bits(candidates, ending.start, ending.stop), bits(candidates, extending_from, len(order)))
        for c in looked_at:
            nodes += 1
            if nodes > max_nodes or len(found) > MAX_COLUMNS:
                return False
            new_suppliers = suppliers | {supplier[c]}
            if len(new_suppliers) > max_suppliers:
                continue
            new_load, new_paid = load + size[c], paid + price[c]
            if cover and new_paid + (high - new_load) * best_ratio[c + 1] < floor_price:
                continue  # nothing that still fits makes this job worth enough
            if not cover and (new_paid > ceiling_price
                              or new_load < low and new_paid + (low - new_load) * best_ratio[c + 1] > ceiling_price):
                continue  # reaching the minimum would cost too much
            if c in ending and (new_paid >= floor_price if cover else new_paid <= ceiling_price):
                found.append(tuple(sorted(order[i] for i in [*members, c])))
            if c < extending_from:
                continue
            rest = candidates & clear[c] & ~((2 << c) - 1)
            if len(new_suppliers) == max_suppliers:
                rest &= sum(of_supplier[s] for s in new_suppliers)
            if rest and not visit([*members, c], new_load, new_paid, new_suppliers, rest):
                return False
        return True

    complete = visit([], 0, 0.0, frozenset(), (1 << len(order)) - 1)
    return (found if complete else None), nodes


def pick_exactly(instance: Instance, tasks: list[int], columns: list[Column], target: int, seconds: float,
                 workers: int, seed: int, clock: Clock) -> tuple[list[Column] | None, bool, float]:
    """`target` of the columns that partition the tasks (cover) or are disjoint (jobs);
    whether CP-SAT proved there are none; and the work it took (deterministic seconds)."""
    cover = instance.rules.objective == "cover"
    model = cp_model.CpModel()
    pick, holders = pick_variables(model, tasks, columns)
    for vars_ in holders.values():
        if cover:
            model.add_exactly_one(vars_)
        else:
            model.add_at_most_one(vars_)
    model.add(sum(pick) == target)
    solver, wall = capped_solver(workers, seed, seconds, clock)
    code = solver.solve(model)
    clock.note(solver, wall)
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return [column for var, column in zip(pick, columns) if solver.boolean_value(var)], False, \
            solver.deterministic_time
    return None, code == cp_model.INFEASIBLE, solver.deterministic_time


def luby(i: int) -> int:
    """The i-th term (from 1) of Luby's restart sequence: 1 1 2 1 1 2 4 1 1 2 ..."""
    k = 1
    while (1 << k) - 1 < i:
        k += 1
    while i != (1 << k) - 1:
        i -= (1 << (k - 1)) - 1
        k = 1
        while (1 << k) - 1 < i:
            k += 1
    return 1 << (k - 1)


RESTART_NODES = 100
"""Search nodes of the shortest exact-cover run; run i may take Luby(i) times as many."""


def exact_partition(columns: list[Column], tasks: list[int], minutes: dict[int, int], capacity: int, most: int,
                    max_updates: int, seed: int, halted=lambda: False) -> tuple[list[Column] | None, bool, int]:
    """At most `most` columns that hold every task exactly once, by Knuth's Algorithm X
    (the task with the fewest columns left first) with randomised short runs restarted
    in Luby's sequence: one unlucky early choice can cost a run millions of nodes, while
    a fresh order finds the plan in a few hundred. Libraries of Algorithm X have neither
    restarts nor a cap on the work, which a time promise needs. Also whether it proved
    that there is none (a run that finished without its cap), and the updates it made."""
    rng = random.Random(seed)
    holders: dict[int, set[int]] = {t: set() for t in tasks}
    for i, column in enumerate(columns):
        for t in column:
            holders[t].add(i)
    chosen: list[int] = []
    state = {"updates": sum(len(c) for c in columns), "nodes": 0, "cap": 0, "capped": False,
             "left": sum(minutes[t] for t in tasks)}

    def select(i: int) -> list[set[int]]:
        removed = []
        for t in columns[i]:
            for j in holders[t]:
                for u in columns[j]:
                    if u != t:
                        holders[u].discard(j)
                state["updates"] += len(columns[j])
            removed.append(holders.pop(t))
        state["left"] -= sum(minutes[t] for t in columns[i])
        return removed

    def deselect(i: int, removed: list[set[int]]) -> None:
        for t in reversed(columns[i]):
            holders[t] = removed.pop()
            for j in holders[t]:
                for u in columns[j]:
                    if u != t:
                        holders[u].add(j)
                state["updates"] += len(columns[j])
        state["left"] += sum(minutes[t] for t in columns[i])

    def search() -> bool:
        """True when a partition is found (kept in `chosen`); every other way back
        leaves `holders` as it found them, so the next run needs no rebuilding."""
        if not holders:
            return True
        state["nodes"] += 1
        if state["nodes"] > state["cap"] or state["updates"] > max_updates or \
                state["nodes"] & 255 == 0 and halted():
            state["capped"] = True
            return False
        if len(chosen) + -(-state["left"] // capacity) > most:
            return False  # the tasks left need more jobs than remain
        fewest = min(len(v) for v in holders.values())
        if fewest == 0:
            return False
        task = rng.choice(sorted(t for t, v in holders.items() if len(v) == fewest))
        options = sorted(holders[task])
        rng.shuffle(options)
        for i in options:
            removed = select(i)
            chosen.append(i)
            if search():
                return True
            chosen.pop()
            deselect(i, removed)
            if state["capped"]:
                return False
        return False

    run = 0
    while state["updates"] < max_updates and not halted():
        run += 1
        state.update(nodes=0, cap=RESTART_NODES * luby(run), capped=False)
        if search():
            return [columns[i] for i in chosen], False, state["updates"]
        if not state["capped"]:
            return None, True, state["updates"]  # a whole search, to the end: there is none
    return None, False, state["updates"]


UPDATE_SECONDS = 2e-7
"""What one set update of the exact-cover search costs, in seconds of a development
machine (about 20% under its wall time on the 501-item triplet files)."""
ENUMERATION_SHARE = 0.3
"""At most this part of the work goes to enumerating the candidate jobs."""


def enumerate_candidates(instance: Instance, tasks: list[int], target: int, duals: dict[int, float],
                         seconds: float) -> tuple[list[Column] | None, float]:
    """The jobs a plan of `target` jobs could hold (`candidate_jobs`), with at most
    ENUMERATION_SHARE of `seconds` of work, or None when there are too many; and the
    work it took. Cheap to ask before deciding how to spend the rest."""
    prices, value, cells = feasible_prices(instance, tasks, duals)
    columns, nodes = candidate_jobs(instance, tasks, target, prices, value,
                                    max_nodes=max(int(ENUMERATION_SHARE * seconds / NODE_SECONDS), 1))
    return columns, nodes * NODE_SECONDS + cells * CELL_SECONDS


def close_the_gap(instance: Instance, tasks: list[int], target: int, duals: dict[int, float], seconds: float,
                  workers: int, seed: int, clock: Clock,
                  enumerated: tuple[list[Column] | None, float] | None = None) -> Closing:
    """A plan of exactly `target` jobs, or a proof that there is none, within `seconds` of
    work. `enumerated`: the candidates already enumerated for this target, and their work."""
    usable = [t for t in tasks if t not in instance.own_problems]
    if target <= 0 or not usable:
        return Closing(None, False, 0, 0.0)
    rules = instance.rules
    columns, work = enumerated or enumerate_candidates(instance, usable, target, duals, seconds)
    if columns is None:
        return Closing(None, False, 0, work)
    if not columns:
        return Closing(None, True, 0, work)
    if work >= seconds or clock.halted():
        return Closing(None, False, len(columns), work)
    minutes = {t: instance.tasks[t].minutes for t in usable}
    everything = rules.objective == "cover" or sum(minutes.values()) == target * rules.min_job_minutes
    if everything:  # a partition of all the tasks: an exact cover
        capacity = max(rules.max_job_minutes, 1)
        jobs, impossible, updates = exact_partition(columns, usable, minutes, capacity, target,
                                                    int((seconds - work) / UPDATE_SECONDS), seed,
                                                    clock.halted)
        return Closing(jobs, impossible, len(columns), work + updates * UPDATE_SECONDS)
    jobs, impossible, spent = pick_exactly(instance, usable, columns, target, seconds - work, workers, seed, clock)
    return Closing(jobs, impossible, len(columns), work + spent)

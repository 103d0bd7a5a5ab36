"""Column generation: a proven bound on the number of jobs, and a pool of good jobs.

Every plan is a choice of disjoint feasible jobs ("columns"). The linear relaxation
over all columns (each task in at most one job, fractions allowed) bounds the number
of jobs far more tightly than counting hours. It has too many columns to write down,
so they are found a round at a time: the LP prices each task (its dual value) and a
pricing search looks for a feasible job worth more than the prices of its tasks. When
that search proves no such job exists, the LP value is a proven bound. The jobs met
along the way, with the heuristic's, form the pool from which CP-SAT then picks the
best disjoint set (`pick_jobs`): very often a plan that meets the bound.

Objective `jobs`: max sum(y) with each task in at most one job; pricing looks for a
job whose tasks cost less than 1. Objective `cover`: min sum(y) with each task in at
least one job; pricing looks for a job whose tasks are worth more than 1 (a knapsack).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ortools.sat.python import cp_model

from bundler.engine.config import Clock
from bundler.engine.construct import Job
from bundler.engine.instance import Instance, Placement
from bundler.engine.knapsack import KnapsackPricer, StabilisedPricing, is_plain
from bundler.engine.master import MasterLP
from bundler.engine.rulebook import static_breaches
from bundler.engine.schedule import SlotKey, search_schedule

EPS = 1e-6
SCHEDULE_BUDGET = 20_000
"""Placements the schedule search may try per candidate job during pricing."""
PICK_WORKERS = 1
"""CP-SAT workers for a pick, whatever `--workers` says: one worker's presolve and LP
solve set packing far faster than repeatable (interleaved) workers. Measured on the pool
of a 200-task campus (1,417 jobs): proven best in 0.25 s with one worker, 2.1 s with two,
which at 0.5 s had one to two jobs fewer."""
QUALITY_PICK_SHARE = 0.25
"""Least part of a pick's work for its second solve (quality with the objective held),
even when the first used it all."""
COLUMNS_PER_ROUND = 60
NODES_PER_ROUND = 50000
LP_SECONDS_PER_SOLVE, LP_SECONDS_PER_PIVOT_COLUMN = 2e-3, 1.3e-8
"""What the LP costs per solve and per simplex pivot and column, in seconds of a
development machine; with the pricing's costs below, the column route counts its work
instead of clocking it (fitted on the classic sets, within about half either way)."""
CELL_SECONDS, ROW_SECONDS, NODE_SECONDS = 1.2e-8, 1e-5, 1e-6
PLACEMENT_SECONDS, LOOKUP_SECONDS, SEARCH_SECONDS = 8.5e-7, 6.4e-6, 8e-5
"""What a schedule search costs per placement tried, per question asked and per search
started, in seconds of a development machine: `Feasibility.work` counts, never clocks.
Fitted on the pools of campuses of 100-600 tasks and the kick-off, with the pool's
ranking (`pool.PARTNER_SECONDS`): their sum is within 5% of the wall time over 440
pools, half of the pools within 0.9-1.6x. Placements were 6e-7 until the ranking was
counted too; both together ran 1.3-2.2x under the wall clock."""


Column = tuple[int, ...]


class Feasibility:
    """Can these tasks be one job (time rules), memoised; knows when it is not sure."""

    def __init__(self, instance: Instance, budget: int = SCHEDULE_BUDGET):
        self.instance, self.budget = instance, budget
        self.timed = any(task.slots for task in instance.tasks)
        self.known: dict[tuple[Column, bool], dict[SlotKey, Placement] | None] = {}
        self.exact = True
        """False once a schedule search ran out of budget: 'infeasible' then means 'not found'."""
        self.effort = [0]
        """Placements the schedule searches tried: counted work, the same on every run."""
        self.questions = self.searches = 0

    @property
    def work(self) -> float:
        """The work done so far, counted in seconds of a development machine."""
        return (self.effort[0] * PLACEMENT_SECONDS + self.questions * LOOKUP_SECONDS
                + self.searches * SEARCH_SECONDS)

    def schedule(self, tasks: Column, strict: bool = True) -> dict[SlotKey, Placement] | None:
        """A schedule when these tasks form a valid job by the rule book, else None.
        `strict=False`: a job still growing (its hours, short days and waits may be repaired)."""
        key = (tasks, strict)
        self.questions += 1
        if key not in self.known:
            if static_breaches(self.instance, tasks, complete=strict):
                self.known[key] = None
            elif not self.timed:
                self.known[key] = {}
            else:
                self.searches += 1
                found, exhaustive = search_schedule(self.instance, list(tasks), strict, self.budget, self.effort)
                self.exact &= exhaustive or found is not None
                self.known[key] = found
        return self.known[key]

    def as_job(self, column: Column, known: dict[Column, Job]) -> Job:
        """The column as a job: the known one where there is one (its schedule kept),
        else with the schedule the search found."""
        return known.get(column) or Job(list(column), self.schedule(column))


@dataclass
class ColumnGeneration:
    columns: list[Column]
    lp_value: float
    proven: bool
    """True when the pricing search proved the LP optimal over ALL feasible jobs."""
    rounds: int
    seconds: float
    feasibility: Feasibility = field(repr=False)
    values: dict[Column, float] = field(default_factory=dict, repr=False)
    """Each column's value in the last LP solution (fractions show where to dive)."""
    farley: float | None = None
    """With exact pricing, a bound proven before the LP converged: the LP value divided
    by the best job's price (the prices so scaled are a feasible dual)."""
    work: int = 0
    """Pricing work done (search nodes or programme cells), for the work budget."""

    def job_bound(self, objective: str) -> int | None:
        """The proven bound in whole jobs: an upper bound (`jobs`) or lower bound (`cover`)."""
        # The search pricing ignores improvements below 1e-5 per job: allow for them in
        # the bound. The exact programme ignores nothing, so only rounding remains.
        slack = 1e-6 if self.farley is not None else 1e-5 * len(self.columns) + 1e-6
        value = self.lp_value if self.proven else self.farley
        if value is None:
            return None
        return _rounded_bound(value, slack, objective)


def _rounded_bound(value: float, slack: float, objective: str) -> int:
    return math.ceil(value - slack) if objective == "cover" else math.floor(value + slack)


class _Pricer:
    """Depth-first search for feasible jobs with a positive reduced cost."""

    def __init__(self, instance: Instance, tasks: list[int], feasibility: Feasibility):
        self.instance, self.tasks, self.feasibility = instance, tasks, feasibility
        rules = instance.rules
        self.minutes = {t: instance.tasks[t].minutes for t in tasks}
        self.min_job, self.max_job = rules.min_job_minutes, rules.max_job_minutes
        self.max_suppliers, self.max_skills = rules.max_suppliers_per_job, rules.max_skills_per_job
        self.cover = rules.objective == "cover"
        self.nodes = 0
        """Search nodes visited so far, for the work budget."""

    def price(self, duals: dict[int, float], deadline: float) -> tuple[list[tuple[float, Column]], bool]:
        """Up to COLUMNS_PER_ROUND improving columns, and whether the search was complete."""
        inst, minutes = self.instance, self.minutes
        if self.cover:  # most value per minute first
            order = sorted(self.tasks, key=lambda t: (-duals[t] / minutes[t], -minutes[t], t))
        else:  # cheapest minutes first
            order = sorted(self.tasks, key=lambda t: (duals[t] / minutes[t], -minutes[t], t))
        found: list[tuple[float, Column]] = []
        state = {"nodes": 0, "complete": True}

        def fill_cost(need: int, candidates: list[int]) -> float:
            """Least price to add `need` more minutes (fractional: a valid lower bound)."""
            cost = 0.0
            for c in candidates:
                m = minutes[c]
                if m >= need:
                    return cost + duals[c] * need / m
                cost, need = cost + duals[c], need - m
            return math.inf

        def best_value(room: int, candidates: list[int]) -> float:
            """Most value that fits in `room` minutes (fractional knapsack: an upper bound)."""
            value = 0.0
            for c in candidates:
                if duals[c] <= 0:
                    break
                m = minutes[c]
                if m >= room:
                    return value + duals[c] * room / m
                value, room = value + duals[c], room - m
            return value

        def visit(members: Column, price: float, load: int, suppliers: frozenset[int], skills: frozenset[int],
                  candidates: list[int]) -> None:
            for k, c in enumerate(candidates):
                if len(found) >= COLUMNS_PER_ROUND or state["nodes"] >= NODES_PER_ROUND or \
                        (state["nodes"] & 255 == 0 and time.perf_counter() > deadline):
                    state["complete"] = False
                    return
                state["nodes"] += 1
                task = inst.tasks[c]
                new_load = load + minutes[c]
                if new_load > self.max_job:
                    continue
                new_suppliers = suppliers | {task.supplier}
                if len(new_suppliers) > self.max_suppliers:
                    continue
                new_skills = skills | task.skills
                if self.max_skills is not None and len(new_skills) > self.max_skills:
                    continue
                new_price = price + duals[c]
                if not self.cover and new_price >= 1 - EPS:
                    continue
                rest = [d for d in candidates[k + 1:] if d not in inst.conflicts[c]]
                if self.cover and new_price + best_value(self.max_job - new_load, rest) <= 1 + EPS:
                    continue
                new_members = members + (c,)
                column = tuple(sorted(new_members))
                if new_load >= self.min_job and (not self.cover or new_price > 1 + EPS) \
                        and self.feasibility.schedule(column) is not None:
                    found.append((1 - new_price if not self.cover else new_price - 1, column))
                    if not self.cover:
                        continue  # a superset only costs more
                elif not self.cover and new_price + fill_cost(self.min_job - new_load, rest) >= 1 - EPS:
                    continue
                if self.feasibility.timed and self.feasibility.schedule(column, strict=False) is None:
                    continue
                visit(new_members, new_price, new_load, new_suppliers, new_skills, rest)

        visit((), 0.0, 0, frozenset(), frozenset(), order)
        self.nodes += state["nodes"]
        return found, state["complete"]


class ColumnGenerator:
    """Column generation over one region that can go on after fixing jobs (a dive)."""

    def __init__(self, instance: Instance, tasks: list[int], start: Iterable[Column],
                 feasibility: Feasibility | None = None):
        self.instance = instance
        self.feasibility = feasibility or Feasibility(instance)
        self.usable = [t for t in tasks if t not in instance.own_problems]
        self.cover = instance.rules.objective == "cover"
        self.master = MasterLP(self.usable, self.cover)
        for column in start:
            self.master.add(tuple(sorted(column)))
        self.exact = StabilisedPricing(KnapsackPricer(instance, self.usable)) if is_plain(instance, self.usable) \
            else None
        self.pricer = _Pricer(instance, self.usable, self.feasibility)
        self.rounds, self.nodes = 0, 0
        self.fixed: list[Column] = []
        self.spent = 0.0
        """Work so far in seconds of a development machine, counted from the LP's size and
        the pricing's cells and nodes, never clocked: so a run is repeatable."""
        self.cut = False
        """True once the wall-clock deadline, not the work, ended a run."""
        self.duals: dict[int, float] = {}
        """The task prices of the last LP solved."""

    @property
    def work(self) -> int:
        """Pricing work so far: programme cells and search nodes."""
        return self.nodes + (self.exact.cells if self.exact else 0)

    def fix(self, column: Column) -> None:
        """From now on the LP must take this job whole (a dive step)."""
        self.master.fix(column)
        self.fixed.append(column)

    def unfix_all(self) -> None:
        """Back to the root LP (with every column found so far), for another dive."""
        for column in self.fixed:
            self.master.unfix(column)
        self.fixed = []

    def run(self, deadline: float, max_rounds: float = math.inf, max_work: float = math.inf,
            on_round: Callable[[float], None] | None = None) -> tuple[float, bool]:
        """Price until the LP is optimal (True) or a cap is reached (`max_work` in seconds
        of work, `deadline` on the wall clock as the safety net); the LP value. With no
        job fixed, a rounded bound proven early also ends it (then False)."""
        objective = "cover" if self.cover else "jobs"
        rounds, value = 0, 0.0
        while True:
            value, duals = self.master.solve()
            self.duals = duals
            rounds += 1
            self.rounds += 1
            self.spent += LP_SECONDS_PER_SOLVE + self.master.pivots * (len(self.usable) + len(self.master.columns)) \
                * LP_SECONDS_PER_PIVOT_COLUMN
            if on_round:
                on_round(value)
            if time.perf_counter() > deadline:
                self.cut = True
                return value, False
            if rounds > max_rounds or self.spent > max_work:
                return value, False
            before = self.work
            found: list[tuple[float, Column]] = []
            complete = False
            if self.exact is not None:
                found, optimal = self.exact.columns(duals, COLUMNS_PER_ROUND)
                if optimal:
                    return value, True
                if not self.fixed and self.exact.bound is not None and \
                        _rounded_bound(self.exact.bound, 1e-6, objective) == _rounded_bound(value, 1e-6, objective):
                    return value, False  # the rounded bound is proven, the LP not yet optimal
                complete = True
            if not found:  # no pricing by programme here, or its repaired jobs do not improve
                searched = self.pricer.nodes
                found, complete = self.pricer.price(duals, deadline)
                self.nodes += self.pricer.nodes - searched
                self.spent += (self.pricer.nodes - searched) * (NODE_SECONDS - CELL_SECONDS)
            self.spent += (self.work - before) * CELL_SECONDS + len(self.usable) * ROW_SECONDS
            added = sum(self.master.add(column) for _, column in sorted(found, reverse=True))
            if not added:
                return value, complete and self.feasibility.exact

    def values(self) -> dict[Column, float]:
        """Each column's value in the last LP solution (fractions show where to dive)."""
        return self.master.values()

    def leans_on_slack(self) -> bool:
        return self.master.leans_on_slack()

    def summary(self, value: float, optimal: bool, seconds: float) -> ColumnGeneration:
        """What the LP proved so far (before any job is fixed), and its columns."""
        proven = optimal and not self.leans_on_slack()  # an LP leaning on its way out bounds no real plan
        bound = self.exact.bound if self.exact else None
        return ColumnGeneration(list(self.master.columns), value, proven, self.rounds, seconds, self.feasibility,
                                self.values(), bound, self.work)


def generate_columns(
    instance: Instance,
    tasks: list[int],
    start: Iterable[Column],
    seconds: float,
    feasibility: Feasibility | None = None,
    on_round: Callable[[float], None] | None = None,
) -> ColumnGeneration:
    """Column generation over one region, starting from known feasible jobs, for about
    `seconds` of work (the wall clock cuts in only at five times that, plus 5 s)."""
    started = time.perf_counter()
    generator = ColumnGenerator(instance, tasks, start, feasibility)
    value, proven = generator.run(started + 5 * seconds + 5, max_work=seconds, on_round=on_round)
    return generator.summary(value, proven, time.perf_counter() - started)


def pick_variables(model: cp_model.CpModel, tasks: list[int], columns: list[Column]) \
        -> tuple[list[cp_model.IntVar], dict[int, list[cp_model.IntVar]]]:
    """One yes/no per column (is this job in the plan), and the columns holding each task."""
    pick = [model.new_bool_var(f"y{i}") for i in range(len(columns))]
    holders: dict[int, list[cp_model.IntVar]] = {t: [] for t in tasks}
    for var, column in zip(pick, columns):
        for t in column:
            holders[t].append(var)
    return pick, holders


def capped_solver(workers: int, seed: int, seconds: float, clock: Clock | None) -> tuple[cp_model.CpSolver, float]:
    """A repeatable CP-SAT solver capped at `seconds` of deterministic work, and its
    wall-clock limit: a safety net only, or less when the clock's deadline is nearer."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    solver.parameters.interleave_search = workers > 1
    solver.parameters.max_deterministic_time = max(seconds, 0.05)
    wall = 3 * seconds + 5
    if clock is not None:
        wall = clock.seconds(wall)
    solver.parameters.max_time_in_seconds = wall
    return solver, wall


def pick_jobs(
    instance: Instance,
    tasks: list[int],
    columns: list[Column],
    hint: list[Column],
    seconds: float,
    seed: int,
    bound: int | None = None,
    penalties: dict[Column, int] | None = None,
    clock: Clock | None = None,
    spent: list[float] | None = None,
) -> list[Column] | None:
    """The best set of disjoint jobs from the pool (CP-SAT), or None if none was found.

    Objective `cover` picks jobs that cover every task, possibly twice: pools of maximal
    jobs seldom partition the tasks exactly, and a task taken twice is then left in one
    of its jobs by the caller. `penalties`: each job's quality penalty, minimised
    strictly after the objective."""
    usable = [t for t in tasks if t not in instance.own_problems]
    objective = instance.rules.objective
    pool = list(dict.fromkeys(tuple(sorted(c)) for c in [*hint, *columns]))
    minutes = {t: instance.tasks[t].minutes for t in usable}
    model = cp_model.CpModel()
    pick, holders = pick_variables(model, usable, pool)
    for t, vars_ in holders.items():
        if objective == "cover":  # covering, not partitioning: the caller drops a task's second job
            model.add_bool_or(vars_)
        else:
            model.add_at_most_one(vars_)
    weight = sum(minutes.values()) + 1

    def main_value(jobs: int, hours: int) -> int:
        """The objective before quality, of a pick with these jobs and minutes."""
        return {"cover": jobs, "jobs": weight * jobs + hours}.get(objective, (len(pool) + 1) * hours + jobs)

    count = sum(pick)
    main = main_value(count, sum(sum(minutes[t] for t in column) * var for var, column in zip(pick, pool)))
    if objective == "cover":
        model.minimize(main)
        if bound is not None:
            model.add(count >= bound)
    else:
        model.maximize(main)
        if bound is not None:
            model.add(count <= bound)
    position = {column: i for i, column in enumerate(pool)}
    chosen = {position[tuple(sorted(c))] for c in hint}
    for i, var in enumerate(pick):
        model.add_hint(var, int(i in chosen))
    used = [0.0]
    picked = _solve_pick(model, pick, pool, seed, seconds, clock, used)
    if picked is not None and penalties and any(penalties.values()):
        # Quality strictly after the objective, as a second solve with the objective held:
        # one objective weighing both needs huge coefficients, and its LP then proves
        # nothing (a 600-task pool: 4.2 s unproven against 0.4 s proven without quality).
        value = main_value(len(picked), sum(minutes[t] for column in picked for t in column))
        model.add(main <= value if objective == "cover" else main >= value)
        model.clear_objective()
        model.minimize(sum(penalties.get(column, 0) * var for var, column in zip(pick, pool)))
        model.clear_hints()
        taken = set(picked)
        for var, column in zip(pick, pool):
            model.add_hint(var, int(column in taken))
        better = _solve_pick(model, pick, pool, seed, max(seconds - used[0], QUALITY_PICK_SHARE * seconds),
                             clock, used)
        picked = better if better is not None else picked
    if spent is not None:
        spent[0] += used[0]
    return picked


def _solve_pick(model: cp_model.CpModel, pick: list[cp_model.IntVar], pool: list[Column], seed: int,
                seconds: float, clock: Clock | None, used: list[float]) -> list[Column] | None:
    """The picked columns of the best solution found, or None; `used` gets the work."""
    solver, wall = capped_solver(PICK_WORKERS, seed, seconds, clock)
    code = solver.solve(model)
    if clock is not None:
        clock.note(solver, wall)
    used[0] += solver.deterministic_time
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return [column for var, column in zip(pick, pool) if solver.boolean_value(var)]

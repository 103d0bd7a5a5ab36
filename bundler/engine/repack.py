"""The last job: repack a few jobs exactly so that one fewer (or one more) comes out.

A dive usually ends one job from the LP bound. When that job exists, it hides in the
slack: the emptiest jobs (objective `cover`), or the left-over tasks and the jobs that
pass the minimum by the most (objective `jobs`). So the tasks of a few such jobs are
repacked by an exact assignment model (CP-SAT) into one job fewer, or with the
left-over tasks into one job more; when it works the plan improves by a job, else the
next few jobs are tried. Only for regions the knapsack pricing handles (no weekly slots
or skill limit), where a job is its load, its suppliers and its conflicts.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from bundler.engine.columns import Column
from bundler.engine.config import Clock, SolveConfig
from bundler.engine.instance import Instance

STEP_WORK = 0.4
"""CP-SAT deterministic seconds per attempt."""
GROUP_SIZES = (4, 8, 12, 16)


def _load(instance: Instance, job: Column) -> int:
    return sum(instance.tasks[t].minutes for t in job)


def _assign(instance: Instance, items: list[int], bins: int, cover: bool, hint: list[Column], seed: int,
            work: float, clock: Clock) -> tuple[list[Column] | None, float]:
    """Every item (cover) into `bins` valid jobs, or `bins` jobs that reach the minimum
    from these items (jobs); None if not found. Also the work it took."""
    rules = instance.rules
    model = cp_model.CpModel()
    x = {(i, b): model.new_bool_var(f"x{i}_{b}") for i in items for b in range(bins)}
    for i in items:
        placed = [x[i, b] for b in range(bins)]
        model.add_exactly_one(placed) if cover else model.add_at_most_one(placed)
    classes: dict[int, list[int]] = {}
    for i in items:
        classes.setdefault(instance.tasks[i].supplier, []).append(i)
    inside = set(items)
    for b in range(bins):
        load = sum(instance.tasks[i].minutes * x[i, b] for i in items)
        model.add(load <= rules.max_job_minutes)
        if not cover:
            model.add(load >= max(rules.min_job_minutes, 1))
        if len(classes) > rules.max_suppliers_per_job:
            used = []
            for members in classes.values():
                flag = model.new_bool_var("")
                for i in members:
                    model.add_implication(x[i, b], flag)
                used.append(flag)
            model.add(sum(used) <= rules.max_suppliers_per_job)
        for i in items:
            for j in instance.conflicts[i] & inside:
                if i < j:
                    model.add_bool_or([x[i, b].Not(), x[j, b].Not()])
    for b, job in enumerate(hint[:bins]):
        for i in job:
            model.add_hint(x[i, b], True)
    solver = cp_model.CpSolver()
    # One worker: repeatable without interleaving, which CP-SAT cannot combine with a
    # model that has no objective (it aborts the process).
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    solver.parameters.max_deterministic_time = work
    wall = clock.seconds(5 * work + 5)  # a safety net only, or the deadline: the work is capped
    solver.parameters.max_time_in_seconds = wall
    code = solver.solve(model)
    clock.note(solver, wall)
    spent = solver.deterministic_time
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, spent
    jobs = [tuple(sorted(i for i in items if solver.boolean_value(x[i, b]))) for b in range(bins)]
    return [job for job in jobs if job], spent


def repack(instance: Instance, tasks: list[int], plan: list[Column], target: int, seconds: float, seed: int,
           clock: Clock | None = None) -> list[Column]:
    """The plan improved a job at a time while `seconds` of work last or until it has
    `target` jobs (the proven bound)."""
    clock = clock or Clock(SolveConfig())
    halted = clock.halted
    cover = instance.rules.objective == "cover"
    plan = [tuple(sorted(job)) for job in plan]
    spent = 0.0
    usable = [t for t in tasks if t not in instance.own_problems]
    while (len(plan) > target if cover else len(plan) < target) and spent < seconds and not halted():
        improved = False
        for size in sorted({min(size, len(plan)) for size in GROUP_SIZES}):
            if spent >= seconds or halted() or (cover and size < 2):
                break
            if cover:  # the emptiest jobs: their tasks into one job fewer
                group = sorted(plan, key=lambda job: (_load(instance, job), job))[:size]
                items = sorted(t for job in group for t in job)
                found, work = _assign(instance, items, size - 1, True, group[1:], seed,
                                      min(STEP_WORK, seconds - spent), clock)
            else:  # the left-over tasks and the fullest jobs: one job more
                placed = {t for job in plan for t in job}
                left = [t for t in usable if t not in placed]
                group = sorted(plan, key=lambda job: (-_load(instance, job), job))[:size]
                items = sorted([*left, *(t for job in group for t in job)])
                found, work = _assign(instance, items, size + 1, False, group, seed,
                                      min(STEP_WORK, seconds - spent), clock)
            spent += work
            if found is not None and (len(found) < len(group) if cover else len(found) > len(group)):
                plan = [job for job in plan if job not in group] + found
                improved = True
                break
        if not improved:
            break
    return plan

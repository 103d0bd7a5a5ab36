"""Variables of the job model and the glue: hint, read back.

Jobs are indexed by a *representative*: the first of its tasks in a fixed order.
Task t may join job r only if r comes before t and the two can share a job, so each
set of tasks has exactly one encoding (no symmetric copies) and far fewer variables
than a "K interchangeable jobs" model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ortools.sat.python import cp_model

from bundler.engine.construct import Job
from bundler.engine.instance import Instance, Placement
from bundler.engine.schedule import SlotKey


@dataclass
class Occurrence:
    """A placement that job `job` works when `literal` is true."""

    literal: cp_model.IntVar
    placement: Placement
    location: int
    task: int
    fixed: bool = False


@dataclass
class JobModel:
    instance: Instance
    tasks: list[int]
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    order: list[int] = field(default_factory=list)
    candidates: dict[int, list[int]] = field(default_factory=dict)
    x: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)
    choice: dict[tuple[int, int, int], cp_model.IntVar] = field(default_factory=dict)
    occurrences: dict[int, list[Occurrence]] = field(default_factory=dict)
    derived: list[tuple[cp_model.IntVar, Callable[[dict], int]]] = field(default_factory=list)
    """Auxiliary variables with how to compute them from a plan, for complete hints."""
    objective_scale: int = 1
    """Objective = objective_scale * jobs + tie-break (objective `jobs`)."""
    quality: bool = True
    """Minimise the job-quality penalty after the main objective."""
    penalty: list = field(default_factory=list)
    """Terms of the job-quality penalty (minute-equivalents)."""
    penalty_offset: int = 0
    """A bound on the total penalty: the objective may be that much below scale * jobs."""

    def opened(self, r: int) -> cp_model.IntVar:
        return self.x[(r, r)]

    @property
    def representatives(self) -> list[int]:
        return list(self.candidates)

    def slot_literal(self, t: int, s: int, option: int):
        """Literal 'slot s of task t is at its option-th placement' (true for a fixed slot)."""
        return self.choice.get((t, s, option), True)

    def derive(self, var: cp_model.IntVar, how: Callable[[dict], int]) -> cp_model.IntVar:
        self.derived.append((var, how))
        return var

    # --- hints and solutions --------------------------------------------------------

    def values_of(self, jobs: list[Job]) -> dict:
        """Values of x and choice variables that encode these jobs."""
        position = {t: i for i, t in enumerate(self.order)}
        values: dict = {var: 0 for var in self.x.values()}
        for job in jobs:
            r = min(job.tasks, key=position.__getitem__)
            for t in job.tasks:
                values[self.x[(t, r)]] = 1
        placed = {key: p for job in jobs for key, p in job.schedule.items()}
        in_jobs = {t for job in jobs for t in job.tasks}
        for t in self.tasks:
            if t not in in_jobs:
                placed.update(_spread_placements(self.instance, t))
        for (t, s, option), var in self.choice.items():
            chosen = placed.get((t, s))
            if chosen is None:
                chosen = self.instance.tasks[t].slots[s][0]
            values[var] = int(self.instance.tasks[t].slots[s][option] == chosen)
        for var, how in self.derived:
            values[var] = how(values)
        return values

    def add_hint(self, jobs: list[Job]) -> None:
        self.model.clear_hints()
        for var, value in self.values_of(jobs).items():
            self.model.add_hint(var, value)

    def read_jobs(self, solver: cp_model.CpSolver) -> list[Job]:
        jobs = []
        for r, members in self.candidates.items():
            if not solver.boolean_value(self.opened(r)):
                continue
            tasks = [t for t in members if solver.boolean_value(self.x[(t, r)])]
            schedule: dict[SlotKey, Placement] = {}
            for t in tasks:
                for s, options in enumerate(self.instance.tasks[t].slots):
                    if len(options) == 1:
                        schedule[(t, s)] = options[0]
                    else:
                        schedule[(t, s)] = next(
                            p for o, p in enumerate(options) if solver.boolean_value(self.choice[(t, s, o)])
                        )
            jobs.append(Job(tasks, schedule))
        return jobs


def _spread_placements(instance: Instance, t: int) -> dict[SlotKey, Placement]:
    """Placements for a task outside every job that keep its flexible slots on different
    days (the model spreads them whether or not the task is in a job): a hint that puts
    two slots on one day is infeasible, and CP-SAT then starts from nothing."""
    task = instance.tasks[t]
    taken: set[int] = set()
    chosen: dict[SlotKey, Placement] = {}
    order = sorted(range(len(task.slots)), key=lambda s: (len({p.day for p in task.slots[s]}), s))
    for s in order:
        options = task.slots[s]
        free = [p for p in options if p.day not in taken] if task.flexible[s] else []
        chosen[(t, s)] = (free or options)[0]
        if task.flexible[s]:
            taken.add(chosen[(t, s)].day)
    return chosen

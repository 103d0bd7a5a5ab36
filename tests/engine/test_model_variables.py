"""The job model's glue: a plan's hint must be a solution of the model, or CP-SAT
starts every neighbourhood from nothing."""

from __future__ import annotations

import random

import pytest
from ortools.sat.python import cp_model

from bundler.engine.construct import construct
from bundler.engine.instance import prepare
from bundler.engine.lns import PlanState, neighbourhood
from bundler.engine.model import build_model
from bundler.generate import generate_campus
from bundler.validation import parse_task_file


@pytest.fixture(scope="module")
def planned():
    instance = prepare(parse_task_file(generate_campus(60, seed=11)))
    region = max(instance.regions, key=len)
    return instance, region, construct(instance, region)


def _hint_is_a_solution(jm) -> bool:
    solver = cp_model.CpSolver()
    solver.parameters.fix_variables_to_their_hinted_value = True
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 30
    return solver.solve(jm.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def _first_options_share_a_day(task) -> bool:
    days = [options[0].day for options, flex in zip(task.slots, task.flexible) if flex]
    return len(set(days)) < len(days)


def test_left_over_tasks_with_twin_flexible_slots_get_a_feasible_hint(planned):
    """A task in no job still has its flexible slots spread over days by the model; the
    hint must put them on different days too (it once put all on the first option)."""
    instance, region, _ = planned
    twins = [t for t in region if t not in instance.own_problems and _first_options_share_a_day(instance.tasks[t])]
    assert twins, "the campus has tasks whose flexible slots all start on the same day"
    for t in twins:
        jm = build_model(instance, [t], True)
        jm.add_hint([])
        assert _hint_is_a_solution(jm), instance.tasks[t].id


def test_hint_of_the_freed_jobs_is_a_solution_of_every_neighbourhood(planned):
    """What the neighbourhood search hints (the freed jobs, the rest left over) is feasible."""
    instance, region, jobs = planned
    usable = [t for t in region if t not in instance.own_problems]
    state, rng = PlanState.of(jobs), random.Random(5)
    for _ in range(4):
        part = neighbourhood(instance, usable, state, 16, rng)
        freed = [job for job in jobs if set(job.tasks) & set(part)]
        jm = build_model(instance, part, True)
        jm.add_hint(freed)
        assert _hint_is_a_solution(jm), sorted(instance.tasks[t].id for t in part)

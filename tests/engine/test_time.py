"""Time is a promise, repeatability the rule: what ends a solve, and what that means for its plan.

The work of every step is capped in work units, the wall clock only cuts in at the
deadline. So a machine slowed down on purpose gives the same plan as long as the clock
does not cut in, and says `stopped_by: "time"` (with a valid plan) when it does. No test
here asserts a wall-clock duration: the benchmarks measure those.
"""

from __future__ import annotations

import time

import pytest
from tasks_factory import assert_plan_valid

import bundler.engine.schedule as schedule
from bundler.engine import SolveConfig, solve
from bundler.engine.config import Clock
from bundler.generate import generate_campus
from bundler.validation import parse_task_file


@pytest.fixture(scope="module")
def campus():
    """One region of 70 tasks: the job pool and the neighbourhood search, the timed routes."""
    return parse_task_file(generate_campus(70, seed=3))


def _slowed(monkeypatch, seconds: float) -> None:
    """Every schedule search takes `seconds` longer: a slow or busy machine, on purpose."""
    real = schedule.search_schedule

    def slow(*args, **kwargs):
        time.sleep(seconds)
        return real(*args, **kwargs)

    monkeypatch.setattr(schedule, "search_schedule", slow)
    for module in ("bundler.engine.construct", "bundler.engine.columns"):
        monkeypatch.setattr(f"{module}.search_schedule", slow)


def test_a_slow_machine_gives_the_same_plan_when_the_clock_does_not_cut_in(campus, monkeypatch):
    config = dict(time_limit=2, workers=1, seed=3, wall_limit=300)
    normal = solve(campus, SolveConfig(**config))
    _slowed(monkeypatch, 0.0005)
    slow = solve(campus, SolveConfig(**config))
    assert normal.solver.stopped_by == slow.solver.stopped_by == "work"
    assert slow.solver.seconds > normal.solver.seconds  # it really was slowed down
    assert_plan_valid(campus, slow)
    assert slow.model_dump(exclude={"solver"}) == normal.model_dump(exclude={"solver"})


def test_when_the_clock_cuts_in_the_plan_is_valid_and_says_so(campus, monkeypatch):
    _slowed(monkeypatch, 0.002)
    plan = solve(campus, SolveConfig(time_limit=30, workers=1, seed=3, wall_limit=1.0))
    assert plan.solver.stopped_by == "time"
    assert_plan_valid(campus, plan)


def test_a_deadline_already_gone_still_gives_a_valid_plan(campus):
    plan = solve(campus, SolveConfig(time_limit=5, workers=1, deadline=time.monotonic() - 1))
    assert plan.solver.stopped_by == "time"
    assert_plan_valid(campus, plan)
    listed = [t for j in plan.jobs for t in j.tasks] + [u.task for u in plan.unassigned]
    assert sorted(listed) == sorted(t.id for t in campus.tasks)


def test_a_stop_says_user(campus):
    config = SolveConfig(time_limit=5, workers=1)
    config.stop.set()
    plan = solve(campus, config)
    assert plan.solver.stopped_by == "user"
    assert_plan_valid(campus, plan)


def test_the_clock_halts_at_its_deadline_and_remembers_it():
    config = SolveConfig(deadline=time.monotonic() + 60)
    clock = Clock(config)
    assert not clock.halted() and clock.stopped_by == "work"
    assert clock.seconds(5) == 5 and clock.seconds(1e9) <= 60
    clock.deadline = time.monotonic() - 0.01
    assert clock.halted() and clock.stopped_by == "time"
    assert clock.seconds(5) == 0.01


def test_preparing_reports_its_steps_before_the_solve_reports_jobs(campus):
    events = []
    solve(campus, SolveConfig(time_limit=1, workers=1), on_progress=events.append)
    phases = [e.phase for e in events]
    assert phases[:3] == ["travel times and regions", "placements of flexible work",
                          "tasks that can never share a job"]
    assert set(phases[3:]) == {"solving"} and all(e.jobs == 0 for e in events[:3])

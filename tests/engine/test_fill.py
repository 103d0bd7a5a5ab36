"""Left-over tasks join the jobs they still fit in; the ones that do not fit stay out."""

from __future__ import annotations

from tasks_factory import WEEKDAYS, fixed, task, task_file

from bundler.engine import SolveConfig
from bundler.engine.columns import Feasibility
from bundler.engine.config import Clock
from bundler.engine.construct import Job
from bundler.engine.fill import fill_left_over
from bundler.engine.instance import prepare
from bundler.engine.rulebook import job_breaches
from bundler.engine.schedule import find_schedule


def test_a_fitting_task_joins_and_a_clashing_one_stays_out():
    tf = task_file([task("A", "asito", "edu", fixed(WEEKDAYS, "07:00", "10:00")),
                    task("B", "asito", "edu", fixed(WEEKDAYS, "10:00", "11:00")),
                    task("C", "asito", "edu", fixed(["mon", "wed"], "11:00", "12:00")),
                    task("D", "asito", "edu", fixed(["mon"], "09:00", "12:00"))])
    inst = prepare(tf)
    a, b, c, d = (inst.index[t] for t in "ABCD")
    start = [Job([a, b], find_schedule(inst, [a, b]))]
    filled = fill_left_over(inst, start, [a, b, c, d], Feasibility(inst), Clock(SolveConfig()))
    assert sorted(filled[0].tasks) == [a, b, c]
    assert job_breaches(inst, filled[0].tasks, filled[0].schedule) == []


def test_the_fill_stops_at_its_search_cap():
    tf = task_file([task("A", "asito", "edu", fixed(WEEKDAYS, "07:00", "10:00")),
                    task("B", "asito", "edu", fixed(WEEKDAYS, "10:00", "11:00")),
                    task("C", "asito", "edu", fixed(["mon", "wed"], "11:00", "12:00"))])
    inst = prepare(tf)
    a, b, c = (inst.index[t] for t in "ABC")
    start = [Job([a, b], find_schedule(inst, [a, b]))]
    kept = fill_left_over(inst, start, [a, b, c], Feasibility(inst), Clock(SolveConfig()), max_searches=0)
    assert sorted(kept[0].tasks) == [a, b]

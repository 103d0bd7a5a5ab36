"""Every rule of a job, on the CP-SAT model and on the rule book: one case that holds, one that breaks.

The model is built as the solver builds it, then every variable that says which task
is in which job and where a flexible slot goes is fixed to one job and one schedule;
CP-SAT then only says whether the model allows it. No call to `solve()`: a rule the
model forgets shows up as a broken job it accepts, a rule it gets too strict as a
valid job it refuses. The rule book judges the same job and schedule and must name
the same rule. Everything not under test is relaxed (`RELAXED_RULES`, no minimum hours).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from ortools.sat.python import cp_model
from tasks_factory import WEEKDAYS, fixed, flexible, task, task_file

from bundler.domain import DAYS, to_minutes
from bundler.engine.instance import Placement, prepare
from bundler.engine.model import build_model
from bundler.engine.rulebook import job_breaches
from bundler.rules import RELAXED_RULES, Rule

BASE = {**RELAXED_RULES, "min_job_hours": 0, "min_day_hours": 0, "max_day_hours": 16}


@dataclass
class Case:
    tasks: list[dict]
    rules: dict
    at: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Where each flexible slot goes: task id -> (day, start) for its first flexible slot,
    or 'id#n' for its n-th slot (1-based)."""
    travel: list = field(default_factory=list)
    incompatible: list = field(default_factory=list)


def model_accepts(case: Case) -> tuple[bool, list]:
    """(does the model allow one job of all the case's tasks on this schedule, the rule book's breaches)."""
    tf = task_file(case.tasks, rules={**BASE, **case.rules}, travel=case.travel, incompatible=case.incompatible)
    inst = prepare(tf)
    members = list(range(len(inst.tasks)))
    schedule = {}
    for t in members:
        flex_no = 0
        for s, (options, flex) in enumerate(zip(inst.tasks[t].slots, inst.tasks[t].flexible)):
            if not flex:
                schedule[(t, s)] = options[0]
                continue
            flex_no += 1
            day, start = case.at.get(f"{inst.tasks[t].id}#{flex_no}") or case.at[inst.tasks[t].id]
            minutes = tf.tasks[t].slots[s].minutes
            schedule[(t, s)] = Placement(DAYS.index(day), to_minutes(start), to_minutes(start) + minutes)
    breaches = job_breaches(inst, members, schedule)
    jm = build_model(inst, members)
    if set(members) - set(jm.tasks):
        return False, breaches  # a task breaks a rule on its own: the model leaves it out
    r = min(members, key=jm.order.index)
    if any((t, r) not in jm.x for t in members):
        return False, breaches  # preparing found the pair can never share a job
    for (t, rep), var in jm.x.items():
        jm.model.add(var == int(rep == r))
    for (t, s), p in schedule.items():
        options = inst.tasks[t].slots[s]
        if len(options) > 1:
            if p not in options:
                return False, breaches  # not a candidate placement: the model cannot express it
            jm.model.add(jm.choice[(t, s, options.index(p))] == 1)
        elif p != options[0]:
            return False, breaches
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    return solver.solve(jm.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE), breaches


A_MORNING = task("A", "asito", "edu", fixed(WEEKDAYS, "07:00", "10:00"))


def second(start: str, end: str, supplier: str = "asito", location: str = "edu", skills=(), **extra) -> dict:
    record = task("B", supplier, location, fixed(WEEKDAYS, start, end), skills)
    return {**record, **extra}


CASES: dict[Rule, tuple[Case, Case]] = {
    Rule.JOB_HOURS: (Case([A_MORNING, second("10:00", "11:00")], {"min_job_hours": 20}),
                     Case([A_MORNING, second("10:00", "11:00")], {"min_job_hours": 21})),
    Rule.SUPPLIERS: (Case([A_MORNING, second("10:00", "11:00", "sodexo")], {"max_suppliers_per_job": 2}),
                     Case([A_MORNING, second("10:00", "11:00", "sodexo")], {"max_suppliers_per_job": 1})),
    Rule.OVERLAP: (Case([A_MORNING, second("10:00", "11:00")], {}),
                   Case([A_MORNING, second("09:30", "10:30")], {})),
    Rule.TRAVEL: (Case([A_MORNING, second("10:06", "11:00", location="min")], {}, travel=[("edu", "min", 6)]),
                  Case([A_MORNING, second("10:05", "11:00", location="min")], {}, travel=[("edu", "min", 6)])),
    Rule.GAP: (Case([A_MORNING, second("11:00", "12:00")], {"max_gap_minutes": 60}),
               Case([A_MORNING, second("11:01", "12:00")], {"max_gap_minutes": 60})),
    Rule.DAY_HOURS: (Case([A_MORNING, second("10:00", "11:00")], {"min_day_hours": 4}),
                     Case([A_MORNING, second("10:00", "11:00")], {"min_day_hours": 4.5})),
    Rule.SKILLS: (Case([{**A_MORNING, "skills": ["x", "y"]}, second("10:00", "11:00", skills=["z"])],
                       {"max_skills_per_job": 3}),
                  Case([{**A_MORNING, "skills": ["x", "y"]}, second("10:00", "11:00", skills=["z"])],
                       {"max_skills_per_job": 2})),
    Rule.REGION: (Case([A_MORNING, second("10:30", "11:00", location="far")], {}, travel=[("edu", "far", 15)]),
                  Case([A_MORNING, second("10:30", "11:00", location="far")], {})),
    Rule.INCOMPATIBLE: (Case([A_MORNING, second("10:00", "11:00")], {}),
                        Case([A_MORNING, second("10:00", "11:00")], {}, incompatible=[["A", "B"]])),
    # 8: a flexible 4 h block on Thursday keeps the week at 4 days, on Friday makes it 5.
    Rule.WORK_DAYS: tuple(
        Case([task("A", "asito", "edu", fixed(("mon", "tue", "wed", "thu"), "08:00", "12:00")),
              task("B", "asito", "edu", [flexible(["thu", "fri"], "12:00", "17:00", 240)])],
             {"max_work_days": 4}, at={"B": (day, "12:00")}) for day in ("thu", "fri")),
    # 9: evenings until 22:00, then Tuesday from 09:00 (11 h rest) or from 07:00 (9 h).
    Rule.DAILY_REST: tuple(
        Case([task("A", "asito", "edu", fixed(("mon", "wed"), "14:00", "22:00")),
              task("B", "asito", "edu", [flexible(["tue"], "07:00", "12:00", 180)])],
             {"min_rest_hours": 11}, at={"B": ("tue", start)}) for start in ("09:00", "07:00")),
    # 10: long days on Mon-Wed and Fri; 2 h on Thursday evening leaves the weekend free
    # (58 h), on Saturday evening it leaves no rest of 36 h (at most 34 h).
    Rule.WEEKLY_REST: tuple(
        Case([task("A", "asito", "edu", fixed(("mon", "tue", "wed", "fri"), "06:00", "20:00")),
              task("B", "asito", "edu", [flexible(["thu", "sat"], "18:00", "20:00", 120)])],
             {"min_weekly_rest_hours": 36, "max_job_hours": 60}, at={"B": (day, "18:00")})
        for day in ("thu", "sat")),
    # 11: 4 h + 2 h is 6 h: a pause of 30 minutes is needed somewhere in the day.
    Rule.BREAK: tuple(
        Case([task("A", "asito", "edu", fixed("mon", "08:00", "12:00")),
              task("B", "asito", "edu", [flexible(["mon"], "12:00", "15:00", 120)])],
             {"break_after_hours": 5.5, "min_break_minutes": 30}, at={"B": ("mon", start)})
        for start in ("12:30", "12:00")),
    # 12: from one supplier to another takes 10 minutes, even in one building.
    Rule.CHANGEOVER: tuple(
        Case([task("A", "asito", "edu", fixed("mon", "08:00", "11:00")),
              task("B", "sodexo", "edu", [flexible(["mon"], "11:00", "14:00", 120)])],
             {"changeover_minutes": 10}, at={"B": ("mon", start)}) for start in ("11:15", "11:00")),
    # 13: food before the toilets is fine; after them it is not, whatever the gap.
    Rule.HYGIENE: tuple(
        Case([{**task("A", "asito", "edu", fixed("mon", "08:00", "10:00")), "hygiene": "dirty"},
              {**task("B", "asito", "edu", [flexible(["mon"], "06:00", "12:00", 120)]), "hygiene": "food"}],
             {"hygiene_order": True, "max_gap_minutes": 240}, at={"B": ("mon", start)})
        for start in ("06:00", "11:00")),
    Rule.SPREAD: tuple(
        Case([task("C", "verheij", "edu", [flexible(["mon", "tue"], "08:00", "12:00", 120)] * 2)],
             {"spread_flexible_slots": True}, at={"C#1": ("mon", "08:00"), "C#2": (day, start)})
        for day, start in (("tue", "08:00"), ("mon", "10:00"))),
    Rule.START_GRID: tuple(
        Case([A_MORNING, task("B", "asito", "edu", [flexible(["mon"], "10:05", "12:00", 60)])],
             {"start_step_minutes": 15}, at={"B": ("mon", start)}) for start in ("10:20", "10:10")),
}


@pytest.mark.parametrize("rule", list(CASES), ids=lambda r: r.key.replace(" ", "-"))
def test_rule_holds_on_the_model_and_the_rule_book(rule):
    accepted, breaches = model_accepts(CASES[rule][0])
    assert breaches == [], breaches
    assert accepted, f"the model refuses a job that obeys {rule.key}"


@pytest.mark.parametrize("rule", list(CASES), ids=lambda r: r.key.replace(" ", "-"))
def test_rule_broken_on_the_model_and_the_rule_book(rule):
    accepted, breaches = model_accepts(CASES[rule][1])
    assert rule in {b.rule for b in breaches}, breaches
    assert not accepted, f"the model accepts a job that breaks {rule.key}"


def test_every_job_rule_has_a_case():
    """A rule added to the enum without its holds/broken pair here fails this test."""
    from bundler.rules import JOB_RULES

    assert set(JOB_RULES) <= set(CASES)


def test_daily_rest_wraps_from_sunday_to_monday():
    """The week repeats: Sunday evening work and Monday morning work need 11 h between them."""
    case = Case([task("A", "asito", "edu", fixed("sun", "14:00", "22:00")),
                 task("B", "asito", "edu", [flexible(["mon"], "07:00", "12:00", 180)])],
                {"min_rest_hours": 11}, at={"B": ("mon", "07:00")})
    accepted, breaches = model_accepts(case)
    assert Rule.DAILY_REST in {b.rule for b in breaches} and not accepted
    case.at = {"B": ("mon", "09:00")}
    accepted, breaches = model_accepts(case)
    assert breaches == [] and accepted


@pytest.mark.parametrize("step", [1, 15, 30, 60])
def test_flexible_placements_lie_on_the_start_grid(step):
    """Every candidate start is `earliest` plus whole steps and the block ends by `latest`."""
    tf = task_file([task("B", "asito", "edu", [flexible(WEEKDAYS, "07:10", "16:50", 95)])],
                   rules={"start_step_minutes": step})
    options = prepare(tf).tasks[0].slots[0]
    assert options
    assert all((p.start - to_minutes("07:10")) % step == 0 and p.end <= to_minutes("16:50") for p in options)

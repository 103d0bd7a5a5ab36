"""The independent checker: for every rule a plan that holds and one that breaks it.

Each broken plan differs from a valid one in one thing. The shared reference checker
must agree on every verdict, except for the few things only ours checks (listed).
"""

from __future__ import annotations

import ast
import copy
from pathlib import Path

import pytest

from bundler.check import check_plan
from bundler.domain import DAYS, Plan
from bundler.io import read_task_file
from bundler.solve import SolveConfig, solve
from bundler.validation import parse_task_file
from tasks_factory import WEEKDAYS, fixed, flexible, reference_verdict, task, task_data

# Travel a-b 10, b-c 10, a-c 30: the shortest way from a to c takes 20 minutes.
TRAVEL = [("a", "b", 10), ("b", "c", 10), ("a", "c", 30)]


def base_data(**changes) -> dict:
    """Job J01 = A (asito, 10 h) + B (sodexo, 10 h) + E (sodexo, 1 h flexible); D, D2 left over."""
    tasks = [
        task("A", "asito", "a", fixed(WEEKDAYS, "07:00", "09:00"), skills=["clean"]),
        task("B", "sodexo", "c", fixed(WEEKDAYS, "09:20", "11:20"), skills=["cater"]),
        task("E", "sodexo", "c", [flexible(["mon"], "11:20", "13:00", 60)], skills=["cater"]),
        task("D", "verheij", "a", fixed(["sat", "sun"], "07:00", "15:00")),
        task("D2", "verheij", "a", fixed("fri", "16:00", "20:00")),
    ]
    data = task_data(tasks, travel=TRAVEL)
    for key, value in changes.items():
        if key in ("min_job_hours", "max_job_hours", "max_suppliers_per_job", "min_day_hours",
                   "max_day_hours", "max_gap_minutes", "max_skills_per_job", "objective"):
            data["rules"][key] = value
        else:
            data[key] = value
    return data


def entries_of(data: dict, task_id: str, flexible_at: tuple[str, str, str] | None = None) -> list[dict]:
    """Schedule entries of a task: its fixed slots as given, a flexible one at `flexible_at`."""
    record = next(t for t in data["tasks"] if t["id"] == task_id)
    out = []
    for slot in record["slots"]:
        day, start, end = (slot["day"], slot["start"], slot["end"]) if "day" in slot else flexible_at
        out.append({"task": task_id, "day": day, "start": start, "end": end, "location": record["location"]})
    return out


def plan_of(data: dict, jobs: dict[str, list[str]], status: str = "FEASIBLE") -> dict:
    """A consistent plan dict: hours, suppliers, employer, schedule and KPIs computed."""
    by_id = {t["id"]: t for t in data["tasks"]}

    def minutes(t: dict) -> int:
        return sum(s["minutes"] if "days" in s else _m(s["end"]) - _m(s["start"]) for s in t["slots"])

    plan_jobs, used = [], set()
    for job_id, ids in jobs.items():
        by_supplier: dict[str, int] = {}
        schedule = []
        for tid in ids:
            by_supplier[by_id[tid]["supplier"]] = by_supplier.get(by_id[tid]["supplier"], 0) + minutes(by_id[tid])
            schedule += entries_of(data, tid, ("mon", "11:30", "12:30"))
        plan_jobs.append({"id": job_id, "tasks": list(ids), "suppliers": sorted(by_supplier),
                          "employer": max(sorted(by_supplier), key=by_supplier.get),
                          "hours": sum(by_supplier.values()) / 60, "skills": [], "schedule": schedule})
        used |= set(ids)
    bundled = sum(j["hours"] for j in plan_jobs)
    return {"format": "bundler-plan/1", "name": "test", "status": status, "jobs": plan_jobs,
            "unassigned": [{"task": t, "reason": "x"} for t in by_id if t not in used],
            "kpis": {"jobs": len(plan_jobs), "bundled_hours": bundled,
                     "total_hours": sum(minutes(t) for t in data["tasks"]) / 60, "jobs_upper_bound": len(plan_jobs)},
            "solver": {"seconds": 0, "workers": 1, "seed": 0}}


def _m(hhmm: str) -> int:
    return int(hhmm[:2]) * 60 + int(hhmm[3:])


def verdicts(data: dict, plan: dict) -> tuple[set[str], bool | None]:
    """(rules our checker says are broken, whether the reference says the plan is valid)."""
    parsed, model = parse_task_file(data), Plan.model_validate(plan)
    ours = {v.rule for v in check_plan(parsed, model)}
    reference = reference_verdict(parsed, model)
    return ours, None if reference is None else not reference[0]


JOB = {"J01": ["A", "B", "E"]}


def job_entry(plan: dict, task_id: str, n: int = 0) -> dict:
    return [e for e in plan["jobs"][0]["schedule"] if e["task"] == task_id][n]


def test_the_base_plan_holds():
    """The hand-built plan obeys every rule, for both checkers."""
    data = base_data()
    ours, reference_valid = verdicts(data, plan_of(data, JOB))
    assert ours == set()
    assert reference_valid in (True, None)


# (case id, task-file changes, plan mutation, rule our checker must name, reference also rejects)
PLAN_CASES = [
    ("task-in-two-jobs", {}, lambda p: p["jobs"].append({**copy.deepcopy(p["jobs"][0]), "id": "J02"}),
     "one job per task", True),
    ("task-in-job-and-unassigned", {}, lambda p: p["unassigned"].append({"task": "A", "reason": ""}),
     "one job per task", True),
    ("task-missing", {}, lambda p: p["unassigned"].pop(0), "tasks", True),
    ("unknown-task", {}, lambda p: p["jobs"][0]["tasks"].append("ZZ"), "tasks", True),
    ("reported-hours", {}, lambda p: p["jobs"][0].update(hours=30), "job hours", True),
    ("employer-gives-nothing", {}, lambda p: p["jobs"][0].update(employer="verheij"), "employer", True),
    ("employer-not-most-hours", {}, lambda p: p["jobs"][0].update(employer="asito"), "employer", True),
    ("entry-missing", {}, lambda p: p["jobs"][0]["schedule"].pop(0), "schedule", True),
    ("fixed-wrong-day", {}, lambda p: job_entry(p, "A").update(day="sat"), "schedule", True),
    ("fixed-wrong-time", {}, lambda p: job_entry(p, "A").update(start="07:15", end="09:15"), "schedule", True),
    ("wrong-location", {}, lambda p: job_entry(p, "A").update(location="c"), "schedule", True),
    ("flexible-outside-window", {}, lambda p: job_entry(p, "E").update(start="12:30", end="13:30"), "schedule", True),
    ("flexible-wrong-length", {}, lambda p: job_entry(p, "E").update(end="12:00"), "schedule", True),
    ("flexible-day-not-allowed", {}, lambda p: job_entry(p, "E").update(day="tue"), "schedule", True),
    ("stranger-in-schedule", {}, lambda p: p["jobs"][0]["schedule"].append(
        {"task": "D2", "day": "fri", "start": "16:00", "end": "20:00", "location": "a"}), "schedule", True),
    ("pinned-job-renamed", {"pinned": [{"id": "J01", "tasks": ["A", "B", "E"]}]},
     lambda p: p["jobs"][0].update(id="J07"), "pinned", True),
    ("cover-with-left-overs", {"objective": "cover"}, lambda p: None, "cover", True),
    # Only our checker looks at these:
    ("suppliers-list-wrong", {}, lambda p: p["jobs"][0].update(suppliers=["asito"]), "suppliers", False),
    ("infeasible-with-jobs", {}, lambda p: p.update(status="INFEASIBLE"), "status", False),
    ("kpi-jobs", {}, lambda p: p["kpis"].update(jobs=2), "kpis", False),
    ("kpi-bound-below-jobs", {}, lambda p: p["kpis"].update(jobs_upper_bound=0), "kpis", False),
    ("kpi-bundled-hours", {}, lambda p: p["kpis"].update(bundled_hours=1), "kpis", False),
    ("kpi-total-hours", {}, lambda p: p["kpis"].update(total_hours=1), "kpis", False),
]


@pytest.mark.parametrize("changes, mutate, rule, reference_rejects",
                         [c[1:] for c in PLAN_CASES], ids=[c[0] for c in PLAN_CASES])
def test_a_plan_that_breaks_one_thing_is_rejected(changes, mutate, rule, reference_rejects):
    """One change to a valid plan: our checker names the rule; the reference agrees where it checks it."""
    data = base_data(**changes)
    plan = plan_of(data, JOB)
    mutate(plan)
    ours, reference_valid = verdicts(data, plan)
    assert rule in ours
    if reference_valid is not None:
        assert reference_valid is (not reference_rejects)


# Task-file rules that the same plan breaks once they are tightened (holds at the default).
RULE_CASES = [
    ("min-job-hours", {"min_job_hours": 21.5}, "job hours"),
    ("max-job-hours", {"max_job_hours": 20.5}, "job hours"),
    ("max-suppliers", {"max_suppliers_per_job": 1}, "suppliers"),
    ("max-skills", {"max_skills_per_job": 1}, "skills"),
    ("not-connected", {"travel": []}, "region"),
    ("incompatible", {"incompatible": [["A", "E"]]}, "incompatible"),
    ("min-day-hours", {"min_day_hours": 4.5}, "day hours"),
    ("max-day-hours", {"max_day_hours": 4.5}, "day hours"),
    ("travel-needs-more", {"travel": [("a", "c", 25)]}, "travel"),
    ("max-gap", {"max_gap_minutes": 15}, "gap"),
]


@pytest.mark.parametrize("changes, rule", [c[1:] for c in RULE_CASES], ids=[c[0] for c in RULE_CASES])
def test_a_tightened_rule_is_caught(changes, rule):
    """The base plan holds under the default rules and breaks the tightened one, for both checkers."""
    if "travel" in changes:
        changes = {"travel": [{"from": a, "to": b, "minutes": m} for a, b, m in changes["travel"]],
                   "locations": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}
    data = base_data(**changes)
    ours, reference_valid = verdicts(data, plan_of(data, JOB))
    assert rule in ours
    assert reference_valid in (False, None)


@pytest.mark.parametrize("b_start, b_end, rule", [("08:30", "10:30", "overlap"), ("09:10", "11:10", "travel")],
                         ids=["overlap", "gap-shorter-than-shortest-path"])
def test_time_clashes_in_the_schedule(b_start, b_end, rule):
    """Overlapping work, and a gap shorter than the 20 min shortest path a-b-c, are caught."""
    data = base_data()
    data["tasks"][1]["slots"] = fixed(WEEKDAYS, b_start, b_end)
    ours, reference_valid = verdicts(data, plan_of(data, JOB))
    assert rule in ours
    assert reference_valid in (False, None)


def test_duplicate_job_ids_are_caught():
    """Two jobs with one id (only our checker looks at ids)."""
    data = base_data()
    plan = plan_of(data, {"J01": ["A", "B", "E"], "J02": ["D", "D2"]})
    assert verdicts(data, plan)[0] == set()
    plan["jobs"][1]["id"] = "J01"
    assert "job ids" in verdicts(data, plan)[0]


def test_messages_name_the_job_and_the_tasks():
    """A violation says which job and which tasks, in plain words."""
    data = base_data()
    data["tasks"][1]["slots"] = fixed(WEEKDAYS, "08:30", "10:30")
    violations = check_plan(parse_task_file(data), Plan.model_validate(plan_of(data, JOB)))
    overlap = next(v for v in violations if v.rule == "overlap")
    assert overlap.job == "J01" and "job J01" in overlap.message and "A" in overlap.message and "B" in overlap.message


def test_a_solved_tutorial_plan_holds_and_a_moved_entry_breaks_it():
    """The solver's plan passes both checkers; moving one entry 15 minutes fails both."""
    tf = read_task_file(Path(__file__).resolve().parents[1] / "data" / "tutorial.json")
    plan = solve(tf, SolveConfig(time_limit=5, workers=1, seed=0))
    assert check_plan(tf, plan) == []
    reference = reference_verdict(tf, plan)
    assert reference is None or reference[0] == []
    moved = plan.to_json_dict()
    entry = moved["jobs"][0]["schedule"][0]
    entry["start"] = f"{_m(entry['start']) // 60 - 1:02d}:{_m(entry['start']) % 60:02d}"
    moved_plan = Plan.model_validate(moved)
    assert any(v.rule == "schedule" for v in check_plan(tf, moved_plan))
    reference = reference_verdict(tf, moved_plan)
    assert reference is None or reference[0]


def test_the_checker_shares_no_code_with_the_optimizer():
    """bundler.check imports none of the modules that build or solve the model."""
    source = (Path(__file__).resolve().parents[1] / "bundler" / "check.py").read_text()
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
    forbidden = {"bundler.model", "bundler.solve", "bundler.heuristics", "bundler.prepare", "bundler.jobs", "bundler.lns"}
    assert not {m for m in imported if any(m == f or m.startswith(f + ".") for f in forbidden)}
    assert "bundler.domain" in imported and DAYS

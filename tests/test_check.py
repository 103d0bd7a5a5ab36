"""The independent checker: for every rule a plan that holds and one that breaks it.

Each broken plan differs from a valid one in one thing. The shared reference checker
must agree on every verdict, except for the few things only ours checks (listed).
"""

from __future__ import annotations

import ast
import copy
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from tasks_factory import WEEKDAYS, fixed, flexible, reference_verdict, task, task_data

from bundler.check import check_plan
from bundler.domain import AFTER_DIRTY, DAYS, Plan
from bundler.engine import SolveConfig, solve
from bundler.io import read_task_file
from bundler.rules import JOB_RULES, RELAXED_RULES, Rule
from bundler.validation import parse_task_file

# Travel a-b 10, b-c 10, a-c 30: the shortest way from a to c takes 20 minutes.
TRAVEL = [("a", "b", 10), ("b", "c", 10), ("a", "c", 30)]


def base_data(**changes) -> dict:
    """Job J01 = A (asito, 10 h) + B (sodexo, 10 h) + E (sodexo, 1 h flexible); D, D2 left over.

    It holds under the default rules, several of them exactly at their limit: A -> B is
    20 min travel plus 10 min changeover (rule 12), E is placed at 11:30, one 15-minute
    step from its earliest 11:15 (start grid). D + D2 (job J02 in one test) is 20 h, rests
    exactly 11 h from Friday 20:00 to Saturday 07:00 (rule 9) and pauses exactly 30 min on
    its 8-hour weekend days (rule 11).
    """
    tasks = [
        task("A", "asito", "a", fixed(WEEKDAYS, "07:00", "09:00"), skills=["clean"]),
        task("B", "sodexo", "c", fixed(WEEKDAYS, "09:30", "11:30"), skills=["cater"]),
        task("E", "sodexo", "c", [flexible(["mon"], "11:15", "13:00", 60)], skills=["cater"]),
        task("D", "verheij", "a", fixed(["sat", "sun"], "07:00", "11:00") + fixed(["sat", "sun"], "11:30", "15:30")),
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


def entries_of(data: dict, task_id: str, flexible_at: tuple[str, str, str] | list | None = None) -> list[dict]:
    """Schedule entries of a task: its fixed slots as given, a flexible one at `flexible_at`.

    `flexible_at` is one (day, start, end) for every flexible slot, or a list with one per
    flexible slot in the order of the slots.
    """
    record = next(t for t in data["tasks"] if t["id"] == task_id)
    places = list(flexible_at) if isinstance(flexible_at, list) else None
    out = []
    for slot in record["slots"]:
        if "day" in slot:
            day, start, end = slot["day"], slot["start"], slot["end"]
        else:
            day, start, end = places.pop(0) if places is not None else flexible_at
        out.append({"task": task_id, "day": day, "start": start, "end": end, "location": record["location"]})
    return out


def plan_of(data: dict, jobs: dict[str, list[str]], status: str = "FEASIBLE",
            placed: dict[str, list[tuple[str, str, str]]] | None = None) -> dict:
    """A consistent plan dict: hours, suppliers, employer, schedule and KPIs computed.

    Flexible slots go to Monday 11:30-12:30 unless `placed` gives a task's placements.
    """
    by_id = {t["id"]: t for t in data["tasks"]}

    def minutes(t: dict) -> int:
        return sum(s["minutes"] if "days" in s else _m(s["end"]) - _m(s["start"]) for s in t["slots"])

    plan_jobs, used = [], set()
    for job_id, ids in jobs.items():
        by_supplier: dict[str, int] = {}
        schedule = []
        for tid in ids:
            by_supplier[by_id[tid]["supplier"]] = by_supplier.get(by_id[tid]["supplier"], 0) + minutes(by_id[tid])
            schedule += entries_of(data, tid, (placed or {}).get(tid, ("mon", "11:30", "12:30")))
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


def verdicts(data: dict, plan: dict) -> tuple[set[Rule], bool | None]:
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
     Rule.ONE_JOB_PER_TASK, True),
    ("task-in-job-and-unassigned", {}, lambda p: p["unassigned"].append({"task": "A", "reason": ""}),
     Rule.ONE_JOB_PER_TASK, True),
    ("task-missing", {}, lambda p: p["unassigned"].pop(0), Rule.PLAN_FILE, True),
    ("unknown-task", {}, lambda p: p["jobs"][0]["tasks"].append("ZZ"), Rule.PLAN_FILE, True),
    ("reported-hours", {}, lambda p: p["jobs"][0].update(hours=30), Rule.PLAN_FILE, True),
    ("employer-gives-nothing", {}, lambda p: p["jobs"][0].update(employer="verheij"), Rule.EMPLOYER, True),
    ("employer-not-most-hours", {}, lambda p: p["jobs"][0].update(employer="asito"), Rule.EMPLOYER, True),
    ("entry-missing", {}, lambda p: p["jobs"][0]["schedule"].pop(0), Rule.SCHEDULE, True),
    ("fixed-wrong-day", {}, lambda p: job_entry(p, "A").update(day="sat"), Rule.SCHEDULE, True),
    ("fixed-wrong-time", {}, lambda p: job_entry(p, "A").update(start="07:15", end="09:15"), Rule.SCHEDULE, True),
    ("wrong-location", {}, lambda p: job_entry(p, "A").update(location="c"), Rule.SCHEDULE, True),
    ("flexible-outside-window", {}, lambda p: job_entry(p, "E").update(start="12:30", end="13:30"),
     Rule.SCHEDULE, True),
    ("flexible-wrong-length", {}, lambda p: job_entry(p, "E").update(end="12:00"), Rule.SCHEDULE, True),
    ("flexible-day-not-allowed", {}, lambda p: job_entry(p, "E").update(day="tue"), Rule.SCHEDULE, True),
    ("stranger-in-schedule", {}, lambda p: p["jobs"][0]["schedule"].append(
        {"task": "D2", "day": "fri", "start": "16:00", "end": "20:00", "location": "a"}), Rule.SCHEDULE, True),
    ("pinned-job-renamed", {"pinned": [{"id": "J01", "tasks": ["A", "B", "E"]}]},
     lambda p: p["jobs"][0].update(id="J07"), Rule.PINNED, True),
    ("cover-with-left-overs", {"objective": "cover"}, lambda p: None, Rule.COVER, True),
    # Only our checker looks at these:
    ("suppliers-list-wrong", {}, lambda p: p["jobs"][0].update(suppliers=["asito"]), Rule.PLAN_FILE, False),
    ("infeasible-with-jobs", {}, lambda p: p.update(status="INFEASIBLE"), Rule.PLAN_FILE, False),
    ("kpi-jobs", {}, lambda p: p["kpis"].update(jobs=2), Rule.PLAN_FILE, False),
    ("kpi-bound-below-jobs", {}, lambda p: p["kpis"].update(jobs_upper_bound=0), Rule.PLAN_FILE, False),
    ("kpi-bundled-hours", {}, lambda p: p["kpis"].update(bundled_hours=1), Rule.PLAN_FILE, False),
    ("kpi-total-hours", {}, lambda p: p["kpis"].update(total_hours=1), Rule.PLAN_FILE, False),
]


# Rule.PLAN_FILE covers several checks of the plan file itself: which one, the message says.
PLAN_FILE_WORDS = {
    "task-missing": "appear nowhere in the plan", "unknown-task": "unknown task ZZ",
    "reported-hours": "reports 30 h", "suppliers-list-wrong": "lists suppliers",
    "infeasible-with-jobs": "status INFEASIBLE", "kpi-jobs": "kpis.jobs is 2",
    "kpi-bound-below-jobs": "kpis.jobs_upper_bound 0", "kpi-bundled-hours": "kpis.bundled_hours is 1",
    "kpi-total-hours": "kpis.total_hours is 1",
}


@pytest.mark.parametrize("case_id, changes, mutate, rule, reference_rejects", PLAN_CASES,
                         ids=[c[0] for c in PLAN_CASES])
def test_a_plan_that_breaks_one_thing_is_rejected(case_id, changes, mutate, rule, reference_rejects):
    """One change to a valid plan: our checker names the rule; the reference agrees where it checks it."""
    data = base_data(**changes)
    plan = plan_of(data, JOB)
    mutate(plan)
    ours, reference_valid = verdicts(data, plan)
    assert rule in ours
    if case_id in PLAN_FILE_WORDS:
        messages = [v.message for v in check_plan(parse_task_file(data), Plan.model_validate(plan))
                    if v.rule is Rule.PLAN_FILE]
        assert any(PLAN_FILE_WORDS[case_id] in m for m in messages), messages
    if reference_valid is not None:
        assert reference_valid is (not reference_rejects)


# Task-file rules that the same plan breaks once they are tightened (holds at the default).
RULE_CASES = [
    ("min-job-hours", {"min_job_hours": 21.5}, Rule.JOB_HOURS),
    ("max-job-hours", {"max_job_hours": 20.5}, Rule.JOB_HOURS),
    ("max-suppliers", {"max_suppliers_per_job": 1}, Rule.SUPPLIERS),
    ("max-skills", {"max_skills_per_job": 1}, Rule.SKILLS),
    ("not-connected", {"travel": []}, Rule.REGION),
    ("incompatible", {"incompatible": [["A", "E"]]}, Rule.INCOMPATIBLE),
    ("min-day-hours", {"min_day_hours": 4.5}, Rule.DAY_HOURS),
    ("max-day-hours", {"max_day_hours": 4.5}, Rule.DAY_HOURS),
    ("travel-needs-more", {"travel": [("a", "c", 35)]}, Rule.TRAVEL),  # A -> B leaves 30 min
    ("max-gap", {"max_gap_minutes": 15}, Rule.GAP),
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


@pytest.mark.parametrize("b_start, b_end, rule", [("08:30", "10:30", Rule.OVERLAP), ("09:10", "11:10", Rule.TRAVEL)],
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
    assert Rule.PLAN_FILE in verdicts(data, plan)[0]
    violations = check_plan(parse_task_file(data), Plan.model_validate(plan))
    assert any("job id J01 is used more than once" in v.message for v in violations)


def test_messages_name_the_job_and_the_tasks():
    """A violation says which job and which tasks, in plain words."""
    data = base_data()
    data["tasks"][1]["slots"] = fixed(WEEKDAYS, "08:30", "10:30")
    violations = check_plan(parse_task_file(data), Plan.model_validate(plan_of(data, JOB)))
    overlap = next(v for v in violations if v.rule is Rule.OVERLAP)
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
    assert any(v.rule is Rule.SCHEDULE for v in check_plan(tf, moved_plan))
    reference = reference_verdict(tf, moved_plan)
    assert reference is None or reference[0]


BUNDLER = Path(__file__).resolve().parents[1] / "bundler"
CHECKER_CLOSURE = {"bundler", "bundler.domain", "bundler.rules", "bundler.check", "bundler.field_types",
                   "bundler.limits"}
"""The only `bundler` modules the checker may reach through its imports (the domain's field types and limits
are plain data rules, no optimizer)."""
ENGINE = {"bundler.engine"}
"""The package that builds, solves and schedules: the optimizer the checker must not trust."""


def _module_path(name: str) -> Path | None:
    """The source file of a `bundler` module or package; None when there is none."""
    rel = Path(*name.split(".")[1:])
    for candidate in (BUNDLER / rel / "__init__.py", (BUNDLER / rel).with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _bundler_imports(name: str, source: str) -> set[str]:
    """Every `bundler` module one module's source imports (relative and local imports included).

    `from bundler.x import y` names bundler.x, and bundler.x.y too when y is a module;
    a module also brings in the packages above it.
    """
    is_package = _module_path(name) is not None and _module_path(name).name == "__init__.py"
    package = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1]) if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names
                      if module.startswith("bundler") and _module_path(f"{module}.{alias.name}")}
    found = {m for m in found if m == "bundler" or m.startswith("bundler.")}
    return found | {".".join(m.split(".")[:i]) for m in found for i in range(1, m.count(".") + 1)}


def _closure(root: str, source: str | None = None) -> tuple[set[str], set[str]]:
    """(modules reached from `root`, those outside CHECKER_CLOSURE); the latter are never parsed.

    The package `bundler` itself counts as a name, not as code: its `__init__` (the public
    API facade) is not followed, because `from bundler.domain import ...` uses none of it.
    """
    reached, outside, todo = {root}, set(), [(root, source)]
    while todo:
        name, text = todo.pop()
        if text is None:
            text = _module_path(name).read_text()
        for module in _bundler_imports(name, text) - reached:
            reached.add(module)
            if module not in CHECKER_CLOSURE:
                outside.add(module)
            elif module != "bundler":
                todo.append((module, None))
    return reached, outside


def test_the_checker_shares_no_code_with_the_optimizer():
    """bundler.check imports none of the modules that build or solve the model."""
    source = (BUNDLER / "check.py").read_text()
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
    forbidden = ENGINE
    assert not {m for m in imported if any(m == f or m.startswith(f + ".") for f in forbidden)}
    assert "bundler.domain" in imported and DAYS
    outside_bundler = {m.split(".")[0] for m in imported} - {"bundler"}
    assert outside_bundler <= set(sys.stdlib_module_names) | {"networkx"}, outside_bundler


def test_the_checkers_import_closure_holds_no_engine_module():
    """Walked transitively, check.py reaches only bundler, bundler.domain, bundler.rules and itself.

    Only modules inside that closure are parsed, so the engine modules (being rewritten
    while this runs) are never read: reaching one is already the failure.
    """
    reached, outside = _closure("bundler.check")
    assert not outside, f"bundler.check reaches {sorted(outside)}"
    assert {"bundler.domain", "bundler.rules"} <= reached <= CHECKER_CLOSURE


@pytest.mark.parametrize("source, culprit", [
    ("from bundler.engine.solver import solve\n", "bundler.engine.solver"),
    ("from .engine import instance\n", "bundler.engine.instance"),
    ("from .engine.model.builder import build_model\n", "bundler.engine.model.builder"),
    ("def late():\n    import bundler.engine.lns\n", "bundler.engine.lns"),
    ("from bundler.engine import schedule\n", "bundler.engine.schedule"),
], ids=["absolute", "relative", "relative-submodule", "local", "from-package"])
def test_the_closure_walk_sees_every_kind_of_import(source, culprit):
    """The walk itself catches an engine import however it is written (here in a made-up module)."""
    _, outside = _closure("bundler.made_up", source)
    assert culprit in outside
    reached, _ = _closure("bundler.made_up", "from bundler.domain import DAYS\nfrom bundler import rules\n")
    assert reached == {"bundler.made_up", "bundler", "bundler.domain", "bundler.rules", "bundler.field_types",
                       "bundler.limits"}


def test_importing_the_checker_loads_no_engine_module():
    """At run time too (a fresh interpreter): `import bundler.check` loads nothing of the optimizer."""
    code = "import sys, bundler.check; print('\\n'.join(sorted(m for m in sys.modules if m.startswith('bundler'))))"
    loaded = set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                                cwd=BUNDLER.parent).stdout.split())
    assert "bundler.check" in loaded
    assert not {m for m in loaded if any(m == e or m.startswith(e + ".") for e in ENGINE)}, loaded


# --- rules 8-13, the start grid and spreading: for each, a plan that holds and one that breaks it ---

def one_job(tasks: list[dict], rules: dict | None = None, travel=(), placed=None) -> tuple[dict, dict]:
    """A task file of these tasks and a plan with all of them in job J01."""
    data = task_data(tasks, rules=dict(rules or {}), travel=travel)
    return data, plan_of(data, {"J01": [t["id"] for t in tasks]}, placed=placed)


def hygienic(record: dict, hygiene: str | None) -> dict:
    """A task record with a hygiene class (absent for None)."""
    return {**record, "hygiene": hygiene} if hygiene else record


MON_THU = ("mon", "tue", "wed", "thu")


def work_days_case(broken: bool, rules: dict) -> tuple[dict, dict]:
    """Mornings of 4 h: Monday to Friday (20 h), or Saturday too (24 h, six days)."""
    days = [*WEEKDAYS, "sat"] if broken else list(WEEKDAYS)
    return one_job([task("X", "asito", "a", fixed(days, "08:00", "12:00"))], rules)


def daily_rest_case(broken: bool, rules: dict) -> tuple[dict, dict]:
    """Monday until 20:00 then Tuesday from 07:00 rests 11 h; until 20:30 only 10.5 h."""
    monday = fixed("mon", "15:30", "20:30") if broken else fixed("mon", "15:00", "20:00")
    return one_job([task("X", "asito", "a", monday + fixed(["tue", "wed", "thu"], "07:00", "12:00"))], rules)


def weekly_rest_case(broken: bool, rules: dict) -> tuple[dict, dict]:
    """Five days of 5 h, Thursday and Sunday off. Late on Wednesday, no rest of the week reaches 36 h:
    the longest is 33 h (Wednesday 21:00 to Friday 06:00, Saturday 21:00 to Monday 06:00)."""
    wednesday = fixed("wed", "16:00", "21:00") if broken else fixed("wed", "10:00", "15:00")
    slots = (fixed("mon", "06:00", "11:00") + fixed("tue", "10:00", "15:00") + wednesday
             + fixed("fri", "06:00", "11:00") + fixed("sat", "16:00", "21:00"))
    return one_job([task("X", "asito", "a", slots)], rules)


def break_case(broken: bool, rules: dict) -> tuple[dict, dict]:
    """6-hour days, X at a then Y at b (10 min away): a 40-min gap is a 30-min pause; 30 min is only 20."""
    y = fixed(MON_THU, "11:30", "14:30") if broken else fixed(MON_THU, "11:40", "14:40")
    return one_job([task("X", "asito", "a", fixed(MON_THU, "08:00", "11:00")), task("Y", "asito", "b", y)],
                   rules, travel=[("a", "b", 10)])


def changeover_case(broken: bool, rules: dict, second_supplier: str = "sodexo") -> tuple[dict, dict]:
    """X (asito, a) then Y (sodexo, b, 10 min away): 20 min is travel plus changeover; 15 min is not."""
    y = fixed(MON_THU, "11:15", "13:15") if broken else fixed(MON_THU, "11:20", "13:20")
    return one_job([task("X", "asito", "a", fixed(MON_THU, "08:00", "11:00")), task("Y", second_supplier, "b", y)],
                   rules, travel=[("a", "b", 10)])


def hygiene_case(broken: bool, rules: dict, after: str = "food") -> tuple[dict, dict]:
    """Dirty work X, then Y the same mornings: Y without a hygiene class, or `after` (clean/food/patient)."""
    x = hygienic(task("X", "asito", "a", fixed(MON_THU, "08:00", "10:30")), "dirty")
    y = hygienic(task("Y", "asito", "a", fixed(MON_THU, "11:00", "13:30")), after if broken else None)
    return one_job([x, y], rules)


def start_grid_case(broken: bool, rules: dict) -> tuple[dict, dict]:
    """F may start on Friday from 08:05 in steps of 15 min: 08:20 is on the grid, 08:10 is not."""
    start, end = ("08:10", "12:10") if broken else ("08:20", "12:20")
    return one_job([task("X", "asito", "a", fixed(MON_THU, "08:00", "12:00")),
                    task("F", "asito", "a", [flexible(["fri"], "08:05", "14:00", 240)])],
                   rules, placed={"F": [("fri", start, end)]})


def spread_case(broken: bool, rules: dict) -> tuple[dict, dict]:
    """H's two flexible 4-hour blocks on Thursday and Friday, or both on Thursday (with a 30-min pause)."""
    second = ("thu", "12:30", "16:30") if broken else ("fri", "08:00", "12:00")
    block = flexible(["thu", "fri"], "08:00", "17:00", 240)
    return one_job([task("X", "asito", "a", fixed(["mon", "tue", "wed"], "08:00", "12:00")),
                    task("H", "asito", "a", [block, dict(block)])],
                   rules, placed={"H": [("thu", "08:00", "12:00"), second]})


def spread_on_fixed_day_case(broken: bool, rules: dict) -> tuple[dict, dict]:
    """H works Thursday morning (fixed) and a flexible block on Thursday or Friday: Friday, not Thursday."""
    second = ("thu", "12:30", "16:30") if broken else ("fri", "08:00", "12:00")
    return one_job([task("X", "asito", "a", fixed(["mon", "tue", "wed"], "08:00", "12:00")),
                    task("H", "asito", "a", fixed("thu", "08:00", "12:00")
                         + [flexible(["thu", "fri"], "08:00", "17:00", 240)])],
                   rules, placed={"H": [second]})


@dataclass(frozen=True)
class NewRuleCase:
    id: str
    rule: Rule
    relax: str
    """The key of RELAXED_RULES whose old value lets the broken plan through."""
    make: Callable[[bool, dict], tuple[dict, dict]]
    """make(broken, rules) -> (task data, plan)."""
    says: tuple[str, ...]
    """Words the broken plan's message holds (besides the job)."""


NEW_RULE_CASES = [
    NewRuleCase("work-days", Rule.WORK_DAYS, "max_work_days", work_days_case,
                ("works 6 days a week", "at most 5 allowed")),
    NewRuleCase("daily-rest", Rule.DAILY_REST, "min_rest_hours", daily_rest_case,
                ("rests 10.5 h between mon and tue", "X ends 20:30", "at least 11 h required")),
    NewRuleCase("weekly-rest", Rule.WEEKLY_REST, "min_weekly_rest_hours", weekly_rest_case,
                ("longest rest of the week is 33 h", "at least 36 h required")),
    NewRuleCase("break", Rule.BREAK, "min_break_minutes", break_case,
                ("works 6 h on mon", "pause of 30 min", "X and Y", "20 min")),
    NewRuleCase("changeover", Rule.CHANGEOVER, "changeover_minutes", changeover_case,
                ("on mon only 15 min between X and Y", "asito to sodexo", "10 min changeover")),
    NewRuleCase("hygiene", Rule.HYGIENE, "hygiene_order", hygiene_case,
                ("on mon Y (food", "after dirty work (X")),
    NewRuleCase("start-grid", Rule.START_GRID, "start_step_minutes", start_grid_case,
                ("task F", "starts at 08:10 on fri", "08:05 plus a whole number of 15 min")),
    NewRuleCase("spread", Rule.SPREAD, "spread_flexible_slots", spread_case,
                ("task H", "2 of its flexible slots on thu")),
    NewRuleCase("spread-on-fixed-day", Rule.SPREAD, "spread_flexible_slots", spread_on_fixed_day_case,
                ("task H", "flexible slot on thu", "fixed slot")),
]
NEW_IDS = [c.id for c in NEW_RULE_CASES]


def test_every_new_rule_and_relaxed_setting_has_a_case():
    """Rules 8-13, the start grid and spreading each have a case, and so does every relaxed setting."""
    assert {c.rule for c in NEW_RULE_CASES} == {r for r in JOB_RULES if r.number is None or r.number >= 8}
    assert {c.relax for c in NEW_RULE_CASES} == set(RELAXED_RULES)


@pytest.mark.parametrize("case", NEW_RULE_CASES, ids=NEW_IDS)
def test_a_new_rule_holds_and_breaks(case):
    """Two plans that differ in one thing: ours finds nothing in one, exactly this rule in the other;
    the reference agrees on both verdicts."""
    ours, reference_valid = verdicts(*case.make(False, {}))
    assert ours == set()
    assert reference_valid in (True, None)
    ours, reference_valid = verdicts(*case.make(True, {}))
    assert ours == {case.rule}
    assert reference_valid in (False, None)


@pytest.mark.parametrize("case", NEW_RULE_CASES, ids=NEW_IDS)
def test_the_relaxed_setting_lets_the_broken_plan_through(case):
    """The same broken plan under the rule's setting from before rules 8-13: valid for both checkers."""
    ours, reference_valid = verdicts(*case.make(True, {}))
    assert ours == {case.rule} and reference_valid in (False, None)
    ours, reference_valid = verdicts(*case.make(True, {case.relax: RELAXED_RULES[case.relax]}))
    assert ours == set()
    assert reference_valid in (True, None)


@pytest.mark.parametrize("case", NEW_RULE_CASES, ids=NEW_IDS)
def test_a_new_rules_message_names_the_job_day_and_tasks(case):
    """The broken plan's violations (one, or one per day it happens) are plain words about job J01."""
    data, plan = case.make(True, {})
    violations = check_plan(parse_task_file(data), Plan.model_validate(plan))
    assert violations and all(v.rule is case.rule and v.job == "J01" for v in violations)
    violation = violations[0]
    assert violation.message.startswith("job J01: ")
    for words in case.says:
        assert words in violation.message


def test_changeover_is_only_between_different_suppliers():
    """The 15-minute gap that breaks rule 12 between asito and sodexo is fine within asito."""
    assert verdicts(*changeover_case(True, {}))[0] == {Rule.CHANGEOVER}
    ours, reference_valid = verdicts(*changeover_case(True, {}, second_supplier="asito"))
    assert ours == set() and reference_valid in (True, None)


@pytest.mark.parametrize("after", AFTER_DIRTY)
def test_dirty_work_before_any_clean_class_is_caught(after):
    """Clean, food and patient work may not follow dirty work the same day; dirty after them may."""
    ours, reference_valid = verdicts(*hygiene_case(True, {}, after=after))
    assert ours == {Rule.HYGIENE} and reference_valid in (False, None)
    x = hygienic(task("X", "asito", "a", fixed(MON_THU, "08:00", "10:30")), after)
    y = hygienic(task("Y", "asito", "a", fixed(MON_THU, "11:00", "13:30")), "dirty")
    ours, reference_valid = verdicts(*one_job([x, y]))
    assert ours == set() and reference_valid in (True, None)


def test_hygiene_looks_at_the_whole_day_not_only_the_next_piece():
    """Dirty work at 07:00, other work, then patient work at 11:30: still after dirty work that day.
    Dirty work on Monday only, patient work on Tuesday only: different days, fine."""
    x = hygienic(task("X", "asito", "a", fixed(MON_THU, "07:00", "09:00")), "dirty")
    z = task("Z", "asito", "a", fixed(MON_THU, "09:30", "11:00"))
    y = hygienic(task("Y", "asito", "a", fixed(MON_THU, "11:30", "13:00")), "patient")
    ours, reference_valid = verdicts(*one_job([x, z, y]))
    assert ours == {Rule.HYGIENE} and reference_valid in (False, None)
    x = hygienic(task("X", "asito", "a", fixed(["mon", "wed"], "07:00", "12:00")), "dirty")
    y = hygienic(task("Y", "asito", "a", fixed(["tue", "thu"], "07:00", "12:00")), "patient")
    ours, reference_valid = verdicts(*one_job([x, y]))
    assert ours == set() and reference_valid in (True, None)


def test_the_week_repeats_sunday_is_followed_by_monday():
    """Sunday until 22:00 and Monday from 07:00 rests 9 h: rule 9 counts over the repeating week."""
    slots = fixed("sun", "17:00", "22:00") + fixed(["mon", "tue", "wed"], "07:00", "12:00")
    data, plan = one_job([task("X", "asito", "a", slots)])
    ours, reference_valid = verdicts(data, plan)
    assert ours == {Rule.DAILY_REST} and reference_valid in (False, None)
    (violation,) = check_plan(parse_task_file(data), Plan.model_validate(plan))
    assert "between sun and mon" in violation.message


def test_daily_rest_needs_two_working_days_and_weekly_rest_counts_one_day_as_a_week():
    """One 5-hour working day a week breaks neither rest rule (its rest is 163 h); rule 8 ignores it."""
    data, plan = one_job([task("X", "asito", "a", fixed("mon", "07:00", "12:00"))],
                         {"min_job_hours": 5, "min_rest_hours": 24, "min_weekly_rest_hours": 144})
    ours, reference_valid = verdicts(data, plan)
    assert ours == set() and reference_valid in (True, None)


def test_a_grid_start_is_matched_even_when_another_entry_of_the_task_is_off_the_grid():
    """Two flexible slots with overlapping windows: the matching pairs each with an entry on its own grid."""
    first = flexible(["thu"], "08:00", "12:00", 240)
    second = flexible(["fri"], "08:10", "14:00", 240)
    placed = {"H": [("fri", "08:25", "12:25"), ("thu", "08:00", "12:00")]}  # listed in the other order
    data, plan = one_job([task("X", "asito", "a", fixed(["mon", "tue", "wed"], "08:00", "12:00")),
                          task("H", "asito", "a", [first, second])], placed=placed)
    ours, reference_valid = verdicts(data, plan)
    assert ours == set() and reference_valid in (True, None)
    job_entry(plan, "H", 0).update(start="08:20", end="12:20")  # Friday 08:20 is 10 min from 08:10
    ours, reference_valid = verdicts(data, plan)
    assert ours == {Rule.START_GRID} and reference_valid in (False, None)


ODD_ENTRIES = [
    {"start": "7:00"}, {"start": "ab:cd"}, {"start": ""}, {"start": "07:00:00"}, {"end": "25:99"},
    {"start": "-1:00"}, {"location": "nowhere"}, {"task": "ZZ"}, {"task": ""},
]


@pytest.mark.parametrize("odd", ODD_ENTRIES, ids=[str(o) for o in ODD_ENTRIES])
def test_the_checker_is_total_on_odd_entries(odd):
    """An entry with an unreadable time, unknown place or stranger task gives violations, never an exception."""
    data = base_data()
    plan = plan_of(data, JOB)
    job_entry(plan, "A").update(odd)
    violations = check_plan(parse_task_file(data), Plan.model_validate(plan))
    assert all(isinstance(v.rule, Rule) and v.message.startswith("job J01: ") for v in violations)
    if odd != {"start": "7:00"}:  # read as 07:00, like the reference does
        assert violations


def test_the_checker_is_total_on_odd_jobs():
    """Empty jobs, repeated tasks, a job of unknown tasks, a duplicate entry: violations, never an exception."""
    data = base_data()
    plan = plan_of(data, JOB)
    plan["jobs"] += [{"id": "J02", "tasks": [], "suppliers": [], "employer": "", "hours": 0},
                     {"id": "J03", "tasks": ["ZZ", "ZZ"], "suppliers": [], "employer": "", "hours": float("nan")},
                     {"id": "J04", "tasks": ["D", "D"], "suppliers": ["verheij"], "employer": "verheij", "hours": 16,
                      "schedule": entries_of(data, "D") * 2}]
    plan["unassigned"] = [u for u in plan["unassigned"] if u["task"] != "D"]
    violations = check_plan(parse_task_file(data), Plan.model_validate(plan))
    assert {v.job for v in violations} >= {"J02", "J03", "J04"}
    assert all(isinstance(v.rule, Rule) for v in violations)

"""Small task files, candidates and the shared reference checkers for the people tests."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from bundler.domain import Plan, TaskFile
from bundler.people.candidates import Candidate, CandidateFile
from bundler.validation import parse_task_file

REPO = Path(__file__).resolve().parents[2]
TOOLS = REPO.parent / "shared" / "tools"
VERIFY_MATCH = TOOLS / "verify_match.py"
VERIFY_PLAN = TOOLS / "verify_plan.py"


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference_misfits(candidate: Candidate, job: dict, task_file: TaskFile) -> list[str]:
    """verify_match.py's misfits for one person and one job (skipped when the tool is not there)."""
    import pytest

    if not VERIFY_MATCH.exists():
        pytest.skip("the shared reference checker verify_match.py is not there")
    module = _module(VERIFY_MATCH, "verify_match")
    data = json.loads(json.dumps(task_file.to_json_dict()))
    tasks = {t["id"]: t for t in data["tasks"]}
    locations = {loc["id"]: loc for loc in data["locations"]}
    return module.misfits(json.loads(json.dumps(candidate.to_json_dict())), job, tasks, locations)


def run_tool(tool: Path, *args: str | Path) -> tuple[int, str]:
    """Run a shared checker as its users do; (exit code, output)."""
    import pytest

    if not tool.exists():
        pytest.skip(f"the shared reference checker {tool.name} is not there")
    done = subprocess.run([sys.executable, str(tool), *map(str, args)], capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout + done.stderr


def write(path: Path, data) -> Path:
    if hasattr(data, "to_json_dict"):
        data = data.to_json_dict()
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def assert_carved_plan_valid(task_file: TaskFile, candidates: CandidateFile, plan: Plan, tmp_path: Path) -> None:
    """bundler check, verify_plan.py and verify_match.py carve all accept the plan."""
    from bundler.check import check_plan

    violations = check_plan(task_file, plan)
    assert not violations, [v.message for v in violations]
    assert not (plan.solver.model_extra or {}).get("rule_violations")
    tasks, people, out = (write(tmp_path / n, d) for n, d in
                          (("tasks.json", task_file), ("candidates.json", candidates), ("plan.json", plan)))
    code, output = run_tool(VERIFY_PLAN, tasks, out)
    assert code == 0, output
    code, output = run_tool(VERIFY_MATCH, "carve", tasks, people, out)
    assert code == 0, output


def two_site_file(**rules) -> TaskFile:
    """Four tasks at two places of one campus and one in the city centre."""
    return parse_task_file({
        "rules": rules,
        "suppliers": [{"id": "asito", "cao": "CAO Schoonmaak"}, {"id": "sodexo", "cao": "CAO Contractcatering"}],
        "locations": [{"id": "edu", "site": "uithof"}, {"id": "lib", "site": "uithof"},
                      {"id": "centre", "site": "binnenstad"}],
        "travel": [{"from": "edu", "to": "lib", "minutes": 5}, {"from": "lib", "to": "centre", "minutes": 20}],
        "skills": [{"id": "cleaning"}, {"id": "lunch"}, {"id": "coffee"}],
        "tasks": [
            {"id": "T1", "supplier": "asito", "location": "edu", "skills": ["cleaning"], "physical_load": "high",
             "slots": [{"day": d, "start": "09:00", "end": "13:00"} for d in ("mon", "tue", "wed", "thu")]},
            {"id": "T2", "supplier": "sodexo", "location": "lib", "skills": ["lunch"], "customer_contact": "medium",
             "slots": [{"day": d, "start": "13:15", "end": "15:15"} for d in ("mon", "tue", "wed", "thu")]},
            {"id": "T3", "supplier": "asito", "location": "edu", "skills": ["cleaning"], "physical_load": "low",
             "slots": [{"day": d, "start": "06:00", "end": "09:00"} for d in ("mon", "tue", "wed", "thu", "fri")]},
            {"id": "T4", "supplier": "sodexo", "location": "centre", "skills": ["coffee"], "pace": "high",
             "slots": [{"day": d, "start": "10:00", "end": "15:00"} for d in ("mon", "tue", "wed", "thu")]},
        ],
    })

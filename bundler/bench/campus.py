"""One kick-off measured end to end: the heuristic plan, the optimized plan and both checks.

Generated campuses grow from 100 to 10,000 tasks; large ones are spread over regions
the way real multi-campus kick-offs are (about 167 tasks a region), since tasks of
different regions never share a job. The example files are measured the same way.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from bundler.bench.memory import TreeMemory, peak_mb
from bundler.bench.paths import VERIFY_PLAN

SIZES = (100, 300, 1000, 3000, 10000)
TASKS_PER_REGION = 500 / 3
"""3000 tasks in 18 regions, 10,000 in 60."""


def default_regions(n_tasks: int) -> int:
    """One region up to 1000 tasks, beyond that about 167 tasks a region."""
    return 1 if n_tasks <= 1000 else max(1, round(n_tasks / TASKS_PER_REGION))


def campus_time_limit(n_tasks: int) -> float:
    """Seconds per campus size: 60 up to 300 tasks, 120 up to 1000, 300 beyond."""
    return 60.0 if n_tasks <= 300 else 120.0 if n_tasks <= 1000 else 300.0


def reference_verdict(task_file, plan) -> tuple[list[str], int, float] | None:
    """The shared reference checker's (violations, jobs, hours); None when it is not there."""
    if not VERIFY_PLAN.exists():
        return None
    spec = importlib.util.spec_from_file_location("verify_plan", VERIFY_PLAN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    as_json = json.loads(json.dumps(task_file.to_json_dict()))
    return module.verify(as_json, json.loads(json.dumps(plan.to_json_dict())))


def reference_problems(task_file, plan) -> list[str] | None:
    """The shared reference checker's violations; None when the checker is not there."""
    verdict = reference_verdict(task_file, plan)
    return None if verdict is None else list(verdict[0])


def measure_task_file(name: str, task_file, seconds: float, workers: int, seed: int) -> dict:
    """Solve a task file twice (heuristic only, then the optimizer) and check the optimized plan."""
    from bundler.check import check_plan
    from bundler.engine import SolveConfig, solve  # late: OR-Tools is slow to load
    from bundler.engine.instance import prepare

    regions = len(prepare(task_file).regions)
    heuristic = solve(task_file, SolveConfig(time_limit=seconds, workers=workers, seed=seed, use_solver=False))
    with TreeMemory() as tree:
        plan = solve(task_file, SolveConfig(time_limit=seconds, workers=workers, seed=seed))
    ours = [v.message for v in check_plan(task_file, plan)]
    reference = reference_problems(task_file, plan)
    k = plan.kpis
    return {
        "instance": name,
        "tasks": len(task_file.tasks),
        "regions": regions,
        "heuristic_jobs": len(heuristic.jobs),
        "heuristic_seconds": round(heuristic.solver.seconds, 2),
        "jobs": k.jobs,
        "bound": k.jobs_upper_bound,
        "gap_pct": round(100 * (k.jobs_upper_bound - k.jobs) / k.jobs_upper_bound, 1) if k.jobs_upper_bound else 0.0,
        "status": plan.status,
        "seconds": round(plan.solver.seconds, 2),
        "time_limit": seconds,
        "peak_mb": peak_mb(),
        "peak_tree_mb": tree.peak_mb,
        "bundled_hours": k.bundled_hours,
        "total_hours": k.total_hours,
        "valid": not ours and not reference,
        "reference_checked": reference is not None,
        "problems": (ours + (reference or []))[:10],
    }


def run_campus(n_tasks: int, seed: int, seconds: float, workers: int, n_regions: int | None = None) -> dict:
    """A generated campus of `n_tasks` tasks (regions by `default_regions` unless given), measured."""
    from bundler.generate import generate_campus
    from bundler.validation import parse_task_file

    regions = n_regions or default_regions(n_tasks)
    task_file = parse_task_file(generate_campus(n_tasks, seed=seed, n_regions=regions))
    return {**measure_task_file(f"campus-{n_tasks}", task_file, seconds, workers, seed), "kind": "generated"}


def run_example(path: str | Path, seconds: float, workers: int, seed: int) -> dict:
    """A task file from disk (the example kick-offs), measured under its file stem."""
    from bundler.io import read_task_file

    return {**measure_task_file(Path(path).stem, read_task_file(path), seconds, workers, seed), "kind": "example"}

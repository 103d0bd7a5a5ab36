"""What each step of the optimizer buys on timed instances (fixed seed, 2 workers).

Steps: the constructive plan alone; the neighbourhood search from it (no pool); the
pool of small jobs with set packing, then the neighbourhood search (the default).
Writes benchmarks/results/kickoff_steps.md.
Run: python benchmarks/ablation/kickoff_steps.py
"""

from __future__ import annotations

import time
from pathlib import Path

import bundler.engine.region as solve_module
from bundler.check import check_plan
from bundler.domain import TaskFile
from bundler.engine import SolveConfig, solve
from bundler.generate import generate_campus
from bundler.io import read_task_file

ROOT = Path(__file__).resolve().parents[2]
CASES = [("uu_kickoff", lambda: read_task_file(ROOT / "data" / "uu_kickoff.json"), (10, 60)),
         ("campus-300 (seed 0)", lambda: TaskFile.model_validate(generate_campus(300, seed=0)), (60,))]


def measure(task_file: TaskFile, config: SolveConfig) -> tuple[int, float, float]:
    started = time.perf_counter()
    plan = solve(task_file, config)
    assert not check_plan(task_file, plan), "every measured plan must be valid"
    return plan.kpis.jobs, plan.kpis.bundled_hours, time.perf_counter() - started


def main() -> None:
    lines = ["# What each step buys on timed instances (2 workers, seed 0)", "",
             "| instance | limit s | heuristic jobs | search only: jobs / h | pool + pick + search: jobs / h |",
             "| --- | ---: | ---: | --- | --- |"]
    for name, load, limits in CASES:
        task_file = load()
        heuristic, _, _ = measure(task_file, SolveConfig(use_solver=False))
        for limit in limits:
            real_pick = solve_module._pick_from_pool
            solve_module._pick_from_pool = lambda instance, tasks, heuristic, *rest: heuristic
            try:
                lns_jobs, lns_hours, _ = measure(task_file, SolveConfig(time_limit=limit))
            finally:
                solve_module._pick_from_pool = real_pick
            jobs, hours, _ = measure(task_file, SolveConfig(time_limit=limit))
            lines.append(f"| {name} | {limit} | {heuristic} | {lns_jobs} / {lns_hours:g} | {jobs} / {hours:g} |")
            print(lines[-1], flush=True)
    (ROOT / "benchmarks" / "results" / "kickoff_steps.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

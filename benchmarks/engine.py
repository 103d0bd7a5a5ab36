"""Engine benchmark: constructive heuristic vs the optimizer on the example files and
generated campuses. Fixed seeds; writes benchmarks/results/engine.md.

    python benchmarks/engine.py [--time-limit 60] [--workers 2]
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import time
from pathlib import Path

from bundler.check import check_plan
from bundler.generate import generate_campus
from bundler.io import read_task_file
from bundler.solve import SolveConfig, solve
from bundler.validation import parse_task_file

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "engine.md"


def instances():
    yield "tutorial", read_task_file(ROOT / "data" / "tutorial.json")
    yield "uu_kickoff", read_task_file(ROOT / "data" / "uu_kickoff.json")
    for n in (100, 300, 1000):
        yield f"campus-{n} (seed 0)", parse_task_file(generate_campus(n, seed=0))


def measure(name, task_file, time_limit, workers):
    started = time.perf_counter()
    heuristic = solve(task_file, SolveConfig(time_limit=time_limit, workers=workers, use_solver=False))
    heuristic_seconds = time.perf_counter() - started
    plan = solve(task_file, SolveConfig(time_limit=time_limit, workers=workers, seed=0))
    violations = check_plan(task_file, plan) + check_plan(task_file, heuristic)
    k = plan.kpis
    return (f"| {name} | {len(task_file.tasks)} | {len(heuristic.jobs)} | {heuristic_seconds:.1f} | {k.jobs} | "
            f"{k.jobs_upper_bound} | {plan.status} | {plan.solver.seconds:.1f} | {k.bundled_hours:g} / {k.total_hours:g} | "
            f"{'yes' if not violations else f'NO ({len(violations)})'} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--time-limit", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rows = []
    for name, task_file in instances():
        row = measure(name, task_file, args.time_limit, args.workers)
        print(row, flush=True)
        rows.append(row)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join([
        "# Engine benchmark",
        "",
        f"`python benchmarks/engine.py --time-limit {args.time_limit:g} --workers {args.workers}` on "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}; "
        f"peak memory of the whole run {peak_mb:.0f} MB.",
        "",
        "| instance | tasks | heuristic jobs | heuristic s | optimizer jobs | proven bound | status | seconds | hours bundled | valid |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |",
        *rows,
        "",
    ]))
    print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

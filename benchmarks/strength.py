"""Strength: this engine at 60 s and 300 s against the engine before the optimizer work
at 300 s, and against the constructive plan alone, on larger generated campuses.

Issue 12's target 3: at 60 s and at 300 s more jobs than the engine before at 300 s on
campuses of 200, 600 and 2,000 tasks, and at 2,000 tasks at least 1.25 times the
constructive heuristic's jobs. The campus seeds (401-403) were not used while tuning.
`--before` is a checkout of the engine before the work, e.g.
`git worktree add /tmp/before f30bfbd`. Every plan is checked by `bundler check` and by
the shared reference checker.

    python benchmarks/strength.py --before /tmp/before [--sizes 200 600 2000]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from timed_runs import ROOT, solve_checked, task_file, write_results

SEEDS = {200: 401, 600: 402, 2000: 403}
RATIO_AT_2000 = 1.25


def _verdict(size: int, row: dict) -> str:
    beats = row["now_60"] > row["before_300"] and row["now_300"] > row["before_300"]
    ratio = size < 2000 or row["now_300"] >= RATIO_AT_2000 * row["constructive"]
    return "yes" if beats and ratio else "NO"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, default=ROOT, help="checkout of the engine before the work")
    parser.add_argument("--sizes", type=int, nargs="+", default=sorted(SEEDS))
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--reuse", type=Path, help="an earlier strength.jsonl: take its constructive and before "
                        "rows for the same campus instead of solving them again (the engine before does not change)")
    args = parser.parse_args()
    reused = {}
    if args.reuse:
        reused = {(r["tasks"], r["seed"]): r for r in map(json.loads, args.reuse.read_text().splitlines())}
    rows = ["| campus | seed | constructive | before, 300 s | now, 60 s | now, 300 s | now 300 s / constructive | "
            "bound | met |", "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for size in args.sizes:
            seed = SEEDS.get(size, 400 + size)
            tasks = task_file(work, size, seed)
            earlier = reused.get((size, seed))
            plans = {"now_60": solve_checked(tasks, 60, work / "n60.json"),
                     "now_300": solve_checked(tasks, 300, work / "n300.json")}
            if earlier is None:
                plans["constructive"] = solve_checked(tasks, 60, work / "c.json", extra=("--heuristic-only",))
                plans["before_300"] = solve_checked(tasks, 300, work / "b.json", engine=args.before)
            row = {key: len(plan["jobs"]) for key, (plan, _) in plans.items()}
            walls = {f"wall_{key}": round(wall, 1) for key, (_, wall) in plans.items()}
            stopped = {f"stopped_{key}": plan["solver"]["stopped_by"] for key, (plan, _) in plans.items()}
            if earlier is not None:
                for key in ("constructive", "before_300"):
                    row[key], walls[f"wall_{key}"] = earlier[key], earlier[f"wall_{key}"]
                    stopped[f"stopped_{key}"] = earlier[f"stopped_{key}"]
            bound = plans["now_300"][0]["kpis"].get("jobs_upper_bound")
            lines.append({"tasks": size, "seed": seed, **row, **walls, **stopped, "bound": bound})
            rows.append(f"| {size} | {seed} | {row['constructive']} | {row['before_300']} | {row['now_60']} | "
                        f"{row['now_300']} | {row['now_300'] / max(row['constructive'], 1):.3f} | {bound} | "
                        f"{_verdict(size, row)} |")
            print(rows[-1], json.dumps(lines[-1]), flush=True)
    write_results(args.out, "strength", lines,
                  "# Strength: this engine against the engine before the optimizer work\n\n"
                  f"`python benchmarks/strength.py --before CHECKOUT --sizes {' '.join(map(str, args.sizes))}`: whole "
                  "`bundler solve` commands, seed 0, 2 workers; every plan accepted by `bundler check` and the shared "
                  "`verify_plan.py`. Constructive: `--heuristic-only`. Met: now at 60 s and at 300 s more jobs than "
                  f"before at 300 s, and at 2,000 tasks at least {RATIO_AT_2000}x the constructive plan.", rows)

if __name__ == "__main__":
    main()

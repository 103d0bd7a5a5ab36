"""Two tables of the engine's promises, each run in fresh `bundler solve` processes.

- time: the whole command's wall time next to its `--time-limit` on the example
  kick-off, alone and with another solve running beside it, and what stopped it;
- quality: job-quality indicators with `--quality on` and `off` (same limit, seed and
  workers): idle minutes and buildings per day should drop with no fewer jobs.

    python benchmarks/time_and_quality.py [--out benchmarks/results]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLER = [sys.executable, "-m", "bundler.cli"]
KICKOFF = ROOT / "data" / "uu_kickoff.json"


def _solve(tasks: Path, limit: float, out: Path, *extra: str) -> tuple[dict, float]:
    started = time.monotonic()
    subprocess.run([*BUNDLER, "solve", str(tasks), "--out", str(out), "--time-limit", str(limit), "--seed", "0",
                    "--workers", "2", "--quiet", *extra], check=True, capture_output=True)
    wall = time.monotonic() - started
    checked = subprocess.run([*BUNDLER, "check", str(tasks), str(out)], capture_output=True)
    assert checked.returncode == 0, checked.stdout
    return json.loads(out.read_text()), wall


def time_table(work: Path) -> str:
    rows = ["| limit s | beside | wall s | promise s | within | jobs | stopped by |", "| ---: | --- | ---: | ---: | --- | ---: | --- |"]
    for limit in (1, 10, 60):
        for beside in (False, True):
            neighbour = None
            if beside:  # another solve of the same file, started just before
                neighbour = subprocess.Popen([*BUNDLER, "solve", str(KICKOFF), "--out", str(work / "other.json"),
                                              "--time-limit", str(limit + 5), "--quiet"],
                                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(1.0)
            plan, wall = _solve(KICKOFF, limit, work / "plan.json")
            if neighbour is not None:
                neighbour.wait()
            promise = limit + max(2.0, 0.05 * limit)
            rows.append(f"| {limit} | {'another solve' if beside else 'alone'} | {wall:.2f} | {promise:g} | "
                        f"{'yes' if wall <= promise else 'NO'} | {len(plan['jobs'])} | {plan['solver']['stopped_by']} |")
    return "\n".join(rows)


def _quality(plan: dict) -> dict:
    q = [job["quality"] for job in plan["jobs"]]
    n = max(len(q), 1)
    return {"jobs": len(plan["jobs"]), "hours": plan["kpis"]["bundled_hours"],
            "idle": sum(x["idle_minutes"] for x in q),
            "buildings": sum(x["max_buildings_per_day"] for x in q) / n,
            "weekend": sum(x["weekend_days"] for x in q),
            "warnings": sum(len(x["warnings_en"]) for x in q)}


def quality_table(work: Path) -> str:
    from bundler.generate import generate_campus

    campus = work / "campus300.json"
    campus.write_text(json.dumps(generate_campus(300, seed=0)))
    rows = ["| instance | limit s | quality | jobs | hours bundled | idle min | buildings/day (max per job, mean) "
            "| weekend days | warnings |", "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, tasks, limit in (("uu_kickoff", KICKOFF, 10), ("uu_kickoff", KICKOFF, 60), ("campus-300", campus, 60)):
        for setting in ("off", "on"):
            plan, _ = _solve(tasks, limit, work / "plan.json", "--quality", setting)
            s = _quality(plan)
            rows.append(f"| {name} | {limit} | {setting} | {s['jobs']} | {s['hours']:g} | {s['idle']} | "
                        f"{s['buildings']:.2f} | {s['weekend']} | {s['warnings']} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    parser.add_argument("--only", choices=["time", "quality"])
    args = parser.parse_args()
    out = Path(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.only in (None, "time"):
            (out / "time_promise.md").write_text(
                "# Time as a promise\n\nThe whole `bundler solve` command (start, read, prepare, solve, write) on "
                "the example kick-off, in a fresh process, `--workers 2 --seed 0`; the promise is the limit plus "
                "max(2 s, 5%). 'another solve' runs a second solve of the same file beside it (2 cores).\n\n"
                + time_table(work) + "\n")
        if args.only in (None, "quality"):
            (out / "quality.md").write_text(
                "# Job quality on and off\n\n`bundler solve --quality on|off`, `--workers 2 --seed 0`, each plan "
                "checked by `bundler check`. Quality comes strictly after the contract's objective (jobs, then "
                "hours), so it may only pick among plans as good on those.\n\n" + quality_table(work) + "\n")


if __name__ == "__main__":
    main()

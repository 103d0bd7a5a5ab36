"""Whole `bundler solve` commands in fresh processes, each plan checked twice.

Shared by the anytime and strength benchmarks: a task file (the example kick-off or a
generated campus), one timed solve by the engine of this checkout or of another one
(`engine`: a checkout of an older commit, to measure against the engine before a
change), then `bundler check` and the shared reference checker on the plan.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERIFY = ROOT.parent / "shared" / "tools" / "verify_plan.py"


def task_file(work: Path, size: int | None, seed: int | None) -> Path:
    """The example kick-off (size None) or a generated campus written into `work`."""
    if size is None:
        return ROOT / "data" / "uu_kickoff.json"
    from bundler.generate import generate_campus

    path = work / f"campus_{size}_{seed}.json"
    path.write_text(json.dumps(generate_campus(size, seed=seed)))
    return path


def solve_checked(tasks: Path, limit: float, out: Path, engine: Path = ROOT,
                  extra: tuple[str, ...] = ()) -> tuple[dict, float]:
    """The plan of one `bundler solve` (seed 0, 2 workers) by the checkout `engine` and
    its wall time; raises when either checker rejects the plan."""
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "bundler.cli", "solve", str(tasks), "--out", str(out), "--time-limit",
                    str(limit), "--seed", "0", "--workers", "2", "--quiet", *extra],
                   check=True, capture_output=True, cwd=engine)
    wall = time.monotonic() - started
    checked = subprocess.run([sys.executable, "-m", "bundler.cli", "check", str(tasks), str(out)],
                             capture_output=True, text=True, cwd=ROOT)
    if checked.returncode != 0:
        raise AssertionError(f"bundler check rejects {out}: {checked.stdout}")
    if VERIFY.exists():
        verified = subprocess.run([sys.executable, str(VERIFY), str(tasks), str(out)], capture_output=True,
                                  text=True)
        if verified.returncode != 0:
            raise AssertionError(f"verify_plan rejects {out}: {verified.stdout}")
    return json.loads(out.read_text()), wall


def write_results(out: Path, name: str, lines: list[dict], text: str, rows: list[str]) -> None:
    """`name`.jsonl (one line a measurement) and `name`.md (`text`, then the table) in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    (out / f"{name}.md").write_text(text + "\n\n" + "\n".join(rows) + "\n")

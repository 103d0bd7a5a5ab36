"""Run one measurement in a fresh Python process and get its row back.

A process's peak memory (`ru_maxrss`) only ever grows, so measuring ten instances in
one process would credit each with the largest before it. A child per instance gives
each its own peak, and a crash or a runaway solve costs one row, not the whole run:
the row then says ERROR and why.
"""

from __future__ import annotations

import json
import subprocess
import sys

GRACE_SECONDS = 600
"""Allowed on top of four times the time limit (model building, the heuristic run, imports)."""


def run_isolated(kind: str, seconds: float, **args) -> dict:
    """The row of `bundler.bench.worker` for this job, or an ERROR row when the child fails."""
    job = json.dumps({"kind": kind, "args": {"seconds": seconds, **args}})
    try:
        done = subprocess.run([sys.executable, "-m", "bundler.bench.worker"], input=job, capture_output=True,
                              text=True, timeout=4 * seconds + GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        return {"status": "ERROR", "valid": False, "error": f"no answer within {4 * seconds + GRACE_SECONDS:g} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode == 0 and lines:
        try:
            return json.loads(lines[-1])
        except json.JSONDecodeError:
            pass
    last = (done.stderr.strip().splitlines() or ["no output"])[-1]
    return {"status": "ERROR", "valid": False, "error": f"exit {done.returncode}: {last}"}

"""Small workspaces for tests: the tutorial task file and a synthetic plan."""

from __future__ import annotations

import json
from pathlib import Path

from bundler.domain import Plan

TUTORIAL = Path(__file__).resolve().parents[1] / "data" / "tutorial.json"


def tutorial() -> dict:
    return json.loads(TUTORIAL.read_text(encoding="utf-8"))


def synthetic_plan(suppliers: list[str]) -> Plan:
    """A plan with one two-supplier job per neighbouring pair (J01: s0+s1, J02: s1+s2, ...)."""
    jobs = [{"id": f"J{i + 1:02d}", "tasks": [f"{a}-task", f"{b}-task"], "suppliers": [a, b], "employer": a,
             "hours": 24} for i, (a, b) in enumerate(zip(suppliers, suppliers[1:] + suppliers[:1]))]
    return Plan.model_validate({"status": "FEASIBLE", "jobs": jobs, "kpis": {"jobs": len(jobs)}})

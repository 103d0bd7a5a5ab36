"""Golden files: the tutorial's first job drafted in all three formats and both languages.

Regenerate after an intended change of wording or layout, then read the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_vacancies_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from vacancy_plans import tutorial_plan

from bundler.vacancies import build_draft, docx_bytes, jobposting, markdown
from bundler.vacancies.docx import docx_text

GOLDEN = Path(__file__).resolve().parent / "golden" / "vacancies"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
JOB = "J01"


def _compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1 to write it"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)"


def _draft(lang: str):
    task_file, plan = tutorial_plan()
    job = next(j for j in plan.jobs if j.id == JOB)
    assert job.tasks == ["T02", "T06"], "the tutorial's optimum changed: look at the plan before rewriting goldens"
    return build_draft(task_file, plan, JOB, lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_markdown_matches_golden(lang):
    """The Markdown draft of J01 (cleaning + lunch service) is exactly the reviewed text."""
    _compare(f"{JOB}.{lang}.md", markdown(_draft(lang)))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_jsonld_matches_golden(lang):
    """The JobPosting JSON-LD of J01 is exactly the reviewed structure."""
    _compare(f"{JOB}.{lang}.jsonld", json.dumps(jobposting(_draft(lang)), indent=2, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_docx_text_matches_golden(lang):
    """The DOCX of J01 holds the reviewed paragraphs and rota table (compared as text, not bytes)."""
    paragraphs, tables = docx_text(docx_bytes(_draft(lang)))
    _compare(f"{JOB}.{lang}.docx.json",
             json.dumps({"paragraphs": paragraphs, "tables": tables}, indent=1, ensure_ascii=False) + "\n")

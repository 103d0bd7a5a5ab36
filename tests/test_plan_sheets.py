"""Plan exports: the workbook holds every job's rota; a supplier extract holds only its jobs."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook

from bundler.engine import SolveConfig, solve
from bundler.io import read_task_file
from bundler.io.plan_sheets import plan_xlsx, supplier_extract
from bundler.timetable import blocks

TUTORIAL = Path(__file__).resolve().parents[1] / "data" / "tutorial.json"


def test_workbook_has_overview_and_one_rota_per_job():
    """One overview sheet plus one sheet per job with a row per schedule entry."""
    task_file = read_task_file(TUTORIAL)
    plan = solve(task_file, SolveConfig(time_limit=5, workers=1))
    book = load_workbook(io.BytesIO(plan_xlsx(task_file, plan)))
    assert book.sheetnames == ["Overzicht"] + [f"Rooster {j.id}" for j in plan.jobs]
    for job in plan.jobs:
        rows = list(book[f"Rooster {job.id}"].iter_rows(min_row=3, values_only=True))
        assert len(rows) == len(job.schedule)
        assert {r[3] for r in rows} == set(job.tasks)


def test_supplier_extract_holds_only_what_the_supplier_may_see():
    """Only jobs with the supplier's tasks, and only the tasks of those jobs."""
    task_file = read_task_file(TUTORIAL)
    plan = solve(task_file, SolveConfig(time_limit=5, workers=1))
    supplier = plan.jobs[0].employer
    extract = supplier_extract(task_file, plan, supplier)
    assert {j["id"] for j in extract["jobs"]} == {j.id for j in plan.jobs if supplier in j.suppliers}
    visible = {t["id"] for t in extract["tasks"]}
    assert visible == {t for j in plan.jobs if supplier in j.suppliers for t in j.tasks}
    assert all(task_file.task_by_id()[u["task"]].supplier == supplier for u in extract["unassigned"])


def test_timetable_blocks_show_travel_between_buildings():
    """A block after work in another building carries the travel minutes; the first of a day has none."""
    task_file = read_task_file(TUTORIAL)
    plan = solve(task_file, SolveConfig(time_limit=5, workers=1))
    all_blocks = blocks(task_file, plan)
    assert len(all_blocks) == sum(len(j.schedule) for j in plan.jobs)
    for b in all_blocks:
        previous = [x for x in all_blocks if x.job == b.job and x.day == b.day and x.start < b.start]
        assert (b.travel_before is None) == (not previous)

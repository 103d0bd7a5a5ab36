"""Plan exports: the workbook holds every job's rota; a supplier extract holds only its jobs."""

from __future__ import annotations

import io
import json
from pathlib import Path

from openpyxl import load_workbook

from bundler.domain import Plan, TaskFile
from bundler.engine import SolveConfig, solve
from bundler.io import read_task_file
from bundler.io.plan_sheets import plan_xlsx, supplier_extract
from bundler.timetable import blocks
from bundler.words import status_text

TUTORIAL = Path(__file__).resolve().parents[1] / "data" / "tutorial.json"


def test_workbook_has_overview_and_one_rota_per_job():
    """One overview sheet plus one sheet per job with a row per schedule entry."""
    task_file = read_task_file(TUTORIAL)
    plan = solve(task_file, SolveConfig(time_limit=5, workers=1))
    book = load_workbook(io.BytesIO(plan_xlsx(task_file, plan)))
    assert book.sheetnames == ["Overzicht"] + [f"Rooster {j.id}" for j in plan.jobs]
    for job in plan.jobs:
        rows = list(book[f"Rooster {job.id}"].iter_rows(values_only=True))
        header = next(i for i, r in enumerate(rows) if r[:2] == ("Dag", "Van"))
        listed = [r for r in rows[header + 1:] if r[0]]
        assert len(listed) == len(job.schedule)
        assert {r[3] for r in listed} == set(job.tasks)


def test_each_rota_sheet_is_a_week_grid_coloured_by_supplier_with_what_and_where():
    """Seven day columns, quarter-hour rows; a block's first cell names the work, the place and the times,
    its cells carry the supplier's colour; names, not codes."""
    from bundler.timetable import supplier_colours

    task_file = read_task_file(TUTORIAL)
    plan = solve(task_file, SolveConfig(time_limit=5, workers=1))
    book = load_workbook(io.BytesIO(plan_xlsx(task_file, plan)))
    colours = supplier_colours(task_file)
    tasks = task_file.task_by_id()
    for job in plan.jobs:
        sheet = book[f"Rooster {job.id}"]
        assert [c.value for c in sheet[4]][:8] == ["Tijd", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                                                   "zaterdag", "zondag"]
        assert "werkgever " + task_file.supplier_by_id()[job.employer].name in sheet["A1"].value
        labels = [c for row in sheet.iter_rows(min_row=5, max_col=8) for c in row
                  if isinstance(c.value, str) and " · " in c.value]
        assert len(labels) == len(job.schedule)
        for entry in job.schedule:
            title = tasks[entry.task].title
            column = 2 + ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(entry.day)
            cell = next(c for c in labels if c.value.startswith(title) and entry.start in c.value and c.column == column)
            assert cell.fill.fgColor.rgb.endswith(colours[tasks[entry.task].supplier].lstrip("#").upper())
    overview = [r for r in book["Overzicht"].iter_rows(values_only=True)]
    assert overview[1][:2] == ("Hoe goed", status_text(plan)) and not any("OPTIMAL" in str(v) for v in overview[1])
    assert not any(r[1] in {s.id for s in task_file.suppliers} for r in overview if r[0] in {j.id for j in plan.jobs})



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


def test_formula_titles_are_text_and_job_ids_make_clean_sheet_titles():
    """A task title `=1+1` is a text cell; a job id with `/`, `:` or 40 characters still names its own sheet."""
    task_file = read_task_file(TUTORIAL)
    plan = solve(task_file, SolveConfig(time_limit=5, workers=1))
    data = task_file.to_json_dict()
    scheduled = next(t for t in data["tasks"] if t["id"] == plan.jobs[0].tasks[0])
    scheduled["title"] = "=HYPERLINK(\"https://evil.example\",\"klik\")"
    task_file = type(task_file).model_validate(data)
    odd = ["../J:1", "J/2" + "x" * 40, "'J3'"]
    plan = plan.model_copy(update={"jobs": [j.model_copy(update={"id": i}) for j, i in zip(plan.jobs, odd)]
                                   + plan.jobs[len(odd):]})
    book = load_workbook(io.BytesIO(plan_xlsx(task_file, plan)))
    assert len(set(book.sheetnames)) == len(plan.jobs) + 1
    assert all(len(name) <= 31 and not set(name) & set("[]:*?/\\") for name in book.sheetnames)
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(c.value == scheduled["title"] for c in cells)


def test_an_unknown_task_in_a_plan_does_not_break_the_extract():
    """A plan naming a task the file lacks gives an extract of what is known, not a KeyError."""
    task_file = read_task_file(TUTORIAL)
    plan = solve(task_file, SolveConfig(time_limit=5, workers=1))
    job = plan.jobs[0].model_copy(update={"tasks": [*plan.jobs[0].tasks, "T99"]})
    plan = plan.model_copy(update={"jobs": [job, *plan.jobs[1:]]})
    extract = supplier_extract(task_file, plan, job.employer)
    assert "T99" not in {t["id"] for t in extract["tasks"]} and job.id in {j["id"] for j in extract["jobs"]}


def test_overview_says_why_each_task_is_left_over_in_dutch_with_the_rule():
    """The left-over rows carry title, supplier name, the rule in words and the Dutch reason."""
    task_file = read_task_file(TUTORIAL)
    plan = solve(task_file, SolveConfig(time_limit=5, workers=1))
    rows = list(load_workbook(io.BytesIO(plan_xlsx(task_file, plan)))["Overzicht"].iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "Niet ingedeeld")
    assert rows[start][:6] == ("Niet ingedeeld", "Omschrijving", "Leverancier", "Uren", "Regel", "Waarom")
    sunday = next(r for r in rows[start + 1:] if r[0] == "T11")
    assert sunday[2] == "Securitas" and sunday[4] == "Uren per werkdag binnen de grenzen"
    assert sunday[5].startswith("geen andere taak op zondag binnen 60 minuten")


def test_supplier_extract_leaves_out_keys_outside_the_contract():
    """A carved plan labels a job with its candidate, a task file may carry notes: neither
    is the supplier's to see (plans and task files keep unknown keys)."""
    task_file = read_task_file(TUTORIAL)
    plan = solve(task_file, SolveConfig(time_limit=5, workers=1))
    data = plan.to_json_dict()
    data["jobs"][0]["candidate"] = "C-17"
    data["jobs"][0]["schedule"][0]["note"] = "for C-17"
    data["unassigned"] = [{"task": plan.jobs[0].tasks[0], "reason": "x", "coach_note": "private"}]
    labelled = Plan.model_validate(data)
    tasks = task_file.model_dump(mode="json")
    tasks["tasks"][0]["internal_note"] = "private"
    annotated = TaskFile.model_validate(tasks)
    supplier = annotated.task_by_id()[plan.jobs[0].tasks[0]].supplier
    extract = supplier_extract(annotated, labelled, supplier)
    text = json.dumps(extract)
    assert "C-17" not in text and "private" not in text
    assert extract["jobs"] and all("candidate" not in job for job in extract["jobs"])

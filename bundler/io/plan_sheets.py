"""A plan as a workbook people open in Excel: an overview sheet and one rota per job.

Also the per-supplier extract: only the jobs holding that supplier's tasks (by the task
file, not the plan's own lists), with the partner's tasks in those jobs (what the
supplier needs to decide), nothing else. Text cells are stored as text, never as
formulas; sheet titles made from job ids are cleaned (`bundler.file_names`).
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from pydantic import BaseModel
from openpyxl.styles import Font

from bundler.domain import DAYS, Plan, TaskFile
from bundler.file_names import sheet_title
from bundler.io.cells import append_row
from bundler.left_over import left_over_rows
from bundler.io.rota_grid import week_grid
from bundler.timetable import blocks, supplier_hours
from bundler.words import DAY_NAMES, number, status_text

_BOLD = Font(bold=True)


def plan_xlsx(task_file: TaskFile, plan: Plan) -> bytes:
    """An overview (status in words, names not codes, job quality, the left-over tasks and why) and a week grid
    per job."""
    workbook = Workbook()
    overview = workbook.active
    overview.title = "Overzicht"
    names = {s.id: s.name or s.id for s in task_file.suppliers}
    k = plan.kpis
    for row in (("Plan", plan.name), ("Hoe goed", status_text(plan)), ("Banen", k.jobs),
                ("Hoogstens mogelijk (banen)", k.jobs_upper_bound), ("Uren gebundeld", k.bundled_hours),
                ("Uren totaal", k.total_hours), ("Banenafspraak (25,5 u)", k.banenafspraak_jobs), ()):
        append_row(overview, list(row))
    append_row(overview, ["Baan", "Werkgever", "Leveranciers", "Uren per week", "Taken", "Langste dag (u)",
                          "Langste wachttijd (min)", "Gebouwen per dag", "Weekenddagen", "Let op"])
    for cell in overview[overview.max_row]:
        cell.font = _BOLD
    for job in plan.jobs:
        q = job.quality
        append_row(overview, [job.id, names.get(job.employer, job.employer),
                              " + ".join(names.get(s, s) for s in job.suppliers), job.hours, ", ".join(job.tasks),
                              *((q.longest_day_hours, q.longest_wait_minutes, q.max_buildings_per_day,
                                 q.weekend_days, "; ".join(q.warnings_nl)) if q else ("", "", "", "", ""))])
    append_row(overview, [])
    append_row(overview, ["Leverancier", "Uren ingebracht", "Uren in banen", "Banen", "Werkgever van"])
    for cell in overview[overview.max_row]:
        cell.font = _BOLD
    for r in supplier_hours(task_file, plan):
        append_row(overview, [r["name"], r["hours"], r["bundled"], r["jobs"], r["employer"]])
    left_over = left_over_rows(task_file, plan, "nl")
    if left_over:
        append_row(overview, [])
        append_row(overview, ["Niet ingedeeld", "Omschrijving", "Leverancier", "Uren", "Regel", "Waarom"])
        for cell in overview[overview.max_row]:
            cell.font = _BOLD
        for r in left_over:
            append_row(overview, [r["task"], r["title"], r["supplier"], r["hours"], r["rule"], r["reason"]])
    for letter, width in zip("ABCDEFGHIJ", (24, 16, 24, 12, 30, 12, 12, 12, 12, 50)):
        overview.column_dimensions[letter].width = width
    taken = {overview.title}
    for job in plan.jobs:
        sheet = workbook.create_sheet(sheet_title(f"Rooster {job.id}", taken))
        append_row(sheet, [f"Baan {job.id} · werkgever {names.get(job.employer, job.employer)} · "
                           f"{number(job.hours)} uur per week"])
        sheet["A1"].font = Font(bold=True, size=13)
        warnings = job.quality.warnings_nl if job.quality else []
        append_row(sheet, ["Let op: " + "; ".join(warnings) if warnings else ""])
        job_blocks = blocks(task_file, plan, job.id)
        row = week_grid(sheet, job_blocks, task_file, top=4, day_names=DAY_NAMES["nl"])
        sheet.cell(row=row, column=1, value="Alle blokken op een rij").font = _BOLD
        header = ["Dag", "Van", "Tot", "Taak", "Omschrijving", "Leverancier", "Locatie", "Reistijd vooraf (min)"]
        for column, text in enumerate(header, start=1):
            sheet.cell(row=row + 1, column=column, value=text).font = _BOLD
        for offset, b in enumerate(job_blocks, start=row + 2):
            values = [DAY_NAMES["nl"][DAYS.index(b.day)], b.start, b.end, b.task, b.title,
                      names.get(b.supplier, b.supplier), b.location_name,
                      "" if b.travel_before is None else round(b.travel_before)]
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=offset, column=column, value=value)
                if cell.data_type == "f":
                    cell.data_type = "s"
        sheet.freeze_panes = "B5"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _declared(record: BaseModel) -> dict[str, Any]:
    """A record as JSON with its declared fields only, nested records likewise."""
    data = record.model_dump(mode="json", include=set(type(record).model_fields))
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, BaseModel):
            data[name] = _declared(value)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            data[name] = [_declared(item) for item in value]
    return data


def supplier_extract(task_file: TaskFile, plan: Plan, supplier: str) -> dict[str, Any]:
    """The jobs with this supplier's tasks, and only the task details those jobs need.

    Only the contract's own fields go out: plans and task files keep unknown keys (the
    contract allows additions), and such a key, a carved job's candidate for one, is not
    the supplier's to see."""
    tasks = task_file.task_by_id()
    jobs = [job for job in plan.jobs if any(t in tasks and tasks[t].supplier == supplier for t in job.tasks)]
    involved = {t for job in jobs for t in job.tasks if t in tasks}
    own_left = [_declared(u) for u in plan.unassigned if u.task in tasks and tasks[u.task].supplier == supplier]
    return {
        "format": "bundler-supplier-extract/1",
        "plan": plan.name,
        "supplier": supplier,
        "jobs": [_declared(job) for job in jobs],
        "tasks": [_declared(tasks[t]) for t in sorted(involved)],
        "unassigned": own_left,
        "hours_contributed": sum(tasks[t].hours for t in involved if tasks[t].supplier == supplier),
        "employer_of": [job.id for job in jobs if job.employer == supplier],
    }

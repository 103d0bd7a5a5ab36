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
from openpyxl.styles import Font, PatternFill

from bundler.domain import DAYS, Plan, TaskFile
from bundler.file_names import sheet_title
from bundler.io.cells import append_row
from bundler.left_over import left_over_rows
from bundler.timetable import blocks, supplier_hours

DAY_NAMES_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_BOLD = Font(bold=True)


def plan_xlsx(task_file: TaskFile, plan: Plan) -> bytes:
    workbook = Workbook()
    overview = workbook.active
    overview.title = "Overzicht"
    k = plan.kpis
    for row in (("Plan", plan.name), ("Status", plan.status), ("Banen", k.jobs),
                ("Bovengrens banen", k.jobs_upper_bound), ("Uren gebundeld", k.bundled_hours),
                ("Uren totaal", k.total_hours), ("Banenafspraak (25,5 u)", k.banenafspraak_jobs), ()):
        append_row(overview, list(row))
    append_row(overview, ["Baan", "Werkgever", "Leveranciers", "Uren per week", "Taken"])
    for cell in overview[overview.max_row]:
        cell.font = _BOLD
    for job in plan.jobs:
        append_row(overview, [job.id, job.employer, ", ".join(job.suppliers), job.hours, ", ".join(job.tasks)])
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
    overview.column_dimensions["A"].width = 24
    overview.column_dimensions["E"].width = 40
    taken = {overview.title}
    for job in plan.jobs:
        sheet = workbook.create_sheet(sheet_title(f"Rooster {job.id}", taken))
        append_row(sheet, [f"Baan {job.id}", f"werkgever {job.employer}", f"{job.hours:g} uur per week"])
        sheet["A1"].font = _BOLD
        append_row(sheet, ["Dag", "Van", "Tot", "Taak", "Omschrijving", "Leverancier", "Locatie",
                           "Reistijd vooraf (min)"])
        for cell in sheet[2]:
            cell.font = _BOLD
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
        for b in blocks(task_file, plan, job.id):
            append_row(sheet, [DAY_NAMES_NL[DAYS.index(b.day)], b.start, b.end, b.task, b.title, b.supplier,
                          b.location_name, "" if b.travel_before is None else round(b.travel_before)])
        for letter, width in zip("ABCDEFGH", (12, 7, 7, 8, 36, 14, 26, 12)):
            sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def supplier_extract(task_file: TaskFile, plan: Plan, supplier: str) -> dict[str, Any]:
    """The jobs with this supplier's tasks, and only the task details those jobs need."""
    tasks = task_file.task_by_id()
    jobs = [job for job in plan.jobs if any(t in tasks and tasks[t].supplier == supplier for t in job.tasks)]
    involved = {t for job in jobs for t in job.tasks if t in tasks}
    own_left = [u.model_dump() for u in plan.unassigned if u.task in tasks and tasks[u.task].supplier == supplier]
    return {
        "format": "bundler-supplier-extract/1",
        "plan": plan.name,
        "supplier": supplier,
        "jobs": [job.model_dump(mode="json") for job in jobs],
        "tasks": [tasks[t].model_dump(mode="json") for t in sorted(involved)],
        "unassigned": own_left,
        "hours_contributed": sum(tasks[t].hours for t in involved if tasks[t].supplier == supplier),
        "employer_of": [job.id for job in jobs if job.employer == supplier],
    }

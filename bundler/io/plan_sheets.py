"""A plan as a workbook people open in Excel: an overview sheet and one rota per job.

Also the per-supplier extract: only the jobs holding that supplier's tasks, with the
partner's tasks in those jobs (what the supplier needs to decide), nothing else.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from bundler.domain import DAYS, Plan, TaskFile
from bundler.timetable import blocks, supplier_hours

DAY_NAMES_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_BOLD = Font(bold=True)


def _sheet_title(text: str, taken: set[str]) -> str:
    title = "".join(c for c in text if c not in "[]:*?/\\")[:31] or "blad"
    base, n = title, 2
    while title in taken:
        title = f"{base[:28]}-{n}"
        n += 1
    taken.add(title)
    return title


def plan_xlsx(task_file: TaskFile, plan: Plan) -> bytes:
    workbook = Workbook()
    overview = workbook.active
    overview.title = "Overzicht"
    k = plan.kpis
    for row in (("Plan", plan.name), ("Status", plan.status), ("Banen", k.jobs),
                ("Bovengrens banen", k.jobs_upper_bound), ("Uren gebundeld", k.bundled_hours),
                ("Uren totaal", k.total_hours), ("Banenafspraak (25,5 u)", k.banenafspraak_jobs), ()):
        overview.append(list(row))
    overview.append(["Baan", "Werkgever", "Leveranciers", "Uren per week", "Taken"])
    for cell in overview[overview.max_row]:
        cell.font = _BOLD
    for job in plan.jobs:
        overview.append([job.id, job.employer, ", ".join(job.suppliers), job.hours, ", ".join(job.tasks)])
    overview.append([])
    overview.append(["Leverancier", "Uren ingebracht", "Uren in banen", "Banen", "Werkgever van"])
    for cell in overview[overview.max_row]:
        cell.font = _BOLD
    for r in supplier_hours(task_file, plan):
        overview.append([r["name"], r["hours"], r["bundled"], r["jobs"], r["employer"]])
    if plan.unassigned:
        overview.append([])
        overview.append(["Niet ingedeeld", "Reden"])
        for u in plan.unassigned:
            overview.append([u.task, u.reason])
    overview.column_dimensions["A"].width = 24
    overview.column_dimensions["E"].width = 40
    taken = {overview.title}
    for job in plan.jobs:
        sheet = workbook.create_sheet(_sheet_title(f"Rooster {job.id}", taken))
        sheet.append([f"Baan {job.id}", f"werkgever {job.employer}", f"{job.hours:g} uur per week"])
        sheet["A1"].font = _BOLD
        sheet.append(["Dag", "Van", "Tot", "Taak", "Omschrijving", "Leverancier", "Locatie", "Reistijd vooraf (min)"])
        for cell in sheet[2]:
            cell.font = _BOLD
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
        for b in blocks(task_file, plan, job.id):
            sheet.append([DAY_NAMES_NL[DAYS.index(b.day)], b.start, b.end, b.task, b.title, b.supplier,
                          b.location_name, "" if b.travel_before is None else round(b.travel_before)])
        for letter, width in zip("ABCDEFGH", (12, 7, 7, 8, 36, 14, 26, 12)):
            sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def supplier_extract(task_file: TaskFile, plan: Plan, supplier: str) -> dict[str, Any]:
    """The jobs with this supplier's tasks, and only the task details those jobs need."""
    tasks = task_file.task_by_id()
    jobs = [job for job in plan.jobs if supplier in job.suppliers]
    involved = {t for job in jobs for t in job.tasks}
    own_left = [u.model_dump() for u in plan.unassigned if tasks[u.task].supplier == supplier]
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

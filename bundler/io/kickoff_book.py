"""The whole kick-off as one Excel workbook: the template people fill in, and the export.

Sheets: *Uitleg* (how to fill it in), *Regels* (rule, value, meaning), *Leveranciers*,
*Locaties*, *Reistijden*, *Vaardigheden*, *Niet samen* (vetoed pairs), *Afgesproken
banen* (pinned jobs), then one task sheet per supplier named after its id (as in
`bundler.io.task_sheets`). Column headers are the contract's field names, so a row maps
one to one onto the JSON task file. A workbook holding only task sheets (the older
template) still reads: its other parts are simply absent.

Reading never stops at a bad row: each one is refused with file, sheet and row, and
the rest comes in. Text cells stay text (`bundler.io.cells`).
"""

from __future__ import annotations

import io
from itertools import islice
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from bundler.domain import Rules
from bundler.io.cells import append_row
from bundler.io.kickoff_parts import Parts, typed_rules
from bundler.io.report import Refusal
from bundler.io.task_sheets import (
    MAX_IMPORT_COLUMNS,
    MAX_IMPORT_ROWS,
    _text,
    add_task_sheets,
    open_workbook,
    sheet_rows,
)
from bundler.tables import TABLE_COLUMNS, Tables, columns

SHEETS = {"suppliers": "Leveranciers", "locations": "Locaties", "travel": "Reistijden", "skills": "Vaardigheden"}
RULES_SHEET, INCOMPATIBLE_SHEET, PINNED_SHEET, README_SHEET = "Regels", "Niet samen", "Afgesproken banen", "Uitleg"
PART_SHEETS = {*SHEETS.values(), RULES_SHEET, INCOMPATIBLE_SHEET, PINNED_SHEET, README_SHEET}
NUMBER_COLUMNS = {"lat", "lon", "minutes"}

RULE_MEANING = {
    "min_job_hours": "minimaal uren per week in een baan",
    "max_job_hours": "maximaal uren per week in een baan",
    "max_suppliers_per_job": "maximaal leveranciers per baan",
    "min_day_hours": "minimaal uren op een werkdag",
    "max_day_hours": "maximaal uren op een werkdag",
    "max_gap_minutes": "langste wachttijd tussen twee stukken werk (minuten)",
    "max_skills_per_job": "maximaal vaardigheden per baan (leeg = geen grens)",
    "max_work_days": "maximaal werkdagen per week",
    "min_rest_hours": "minimale rust tussen twee werkdagen (uren)",
    "start_step_minutes": "flexibel werk begint op dit raster (minuten)",
    "min_weekly_rest_hours": "langste rust in de week minimaal (uren)",
    "break_after_hours": "pauze nodig na zoveel uur werk op een dag",
    "min_break_minutes": "lengte van die pauze (minuten)",
    "changeover_minutes": "wisseltijd tussen twee leveranciers (minuten)",
    "hygiene_order": "geen vuil werk vóór schoon werk, eten of patiënten (ja/nee)",
    "spread_flexible_slots": "flexibele blokken van één taak op verschillende dagen (ja/nee)",
    "objective": "doel: jobs (zoveel mogelijk banen), hours (zoveel mogelijk uren) of cover (alles dekken)",
}
README = [
    ["Kick-off combinatiebanen: zo vul je dit bestand in"],
    [],
    ["Regels", "De regels voor een baan. Laat een waarde leeg voor de standaard. De eerste rij is de naam van "
               "de kick-off."],
    ["Leveranciers", "Eén rij per leverancier: id (kort, zonder spaties, bijv. asito), naam, sector, cao."],
    ["Locaties", "Eén rij per gebouw: id, naam, terrein (site), lat en lon (coördinaten, voor de plattegrond)."],
    ["Reistijden", "Loop- of fietstijd in minuten tussen twee locaties (from, to, minutes); één richting is "
                   "genoeg."],
    ["Vaardigheden", "Wat het werk vraagt: id, label (omschrijving), esco (mag leeg)."],
    ["Niet samen", "Twee taken die nooit in één baan mogen (task_a, task_b). Mag leeg."],
    ["Afgesproken banen", "Banen die al vastliggen: id en de taken, gescheiden door komma's. Mag leeg."],
    ["Taken", "Elk ander blad is van één leverancier: de bladnaam is het id van de leverancier. Kolom slots: "
              "bijv. 'ma-vr 07:00-10:00' of 'di/do 08:00-16:00 2u flexibel'; meerdere met ;. Kolom skills: ids "
              "van vaardigheden, met komma's."],
    [],
    ["Een rij met dezelfde id vervangt de oude bij het inlezen; een nieuwe id wordt toegevoegd. Een rij die niet "
     "gelezen kan worden, wordt geweigerd en met blad en rijnummer gemeld."],
]
_BOLD = Font(bold=True)


def kickoff_xlsx(tables: Tables) -> bytes:
    """Every part of the kick-off as it stands in the tables (blank rows left out), problems and all."""
    workbook = Workbook()
    readme = workbook.active
    readme.title = README_SHEET
    for row in README:
        append_row(readme, row)
    readme["A1"].font = _BOLD
    readme.column_dimensions["A"].width = 20
    readme.column_dimensions["B"].width = 110
    rules = workbook.create_sheet(RULES_SHEET)
    _header(rules, ["rule", "value", "toelichting"])
    append_row(rules, ["name", tables.name, "naam van de kick-off"])
    current = {**Rules().model_dump(), **tables.rules}
    for name, meaning in RULE_MEANING.items():
        value = current.get(name)
        append_row(rules, [name, ("ja" if value else "nee") if isinstance(value, bool) else value, meaning])
    for letter, width in zip("ABC", (24, 10, 80)):
        rules.column_dimensions[letter].width = width
    for section, title in SHEETS.items():
        sheet = workbook.create_sheet(title)
        names = columns(tables, section)
        _header(sheet, names)
        for row in tables.rows.get(section, []):
            if any(_text(row.get(c)) for c in names):
                append_row(sheet, [row.get(c) for c in names])
        for n in range(len(names)):
            sheet.column_dimensions[chr(ord("A") + n)].width = 16 if n else 14
    pairs = workbook.create_sheet(INCOMPATIBLE_SHEET)
    _header(pairs, ["task_a", "task_b"])
    for a, b in tables.incompatible:
        append_row(pairs, [a, b])
    pinned = workbook.create_sheet(PINNED_SHEET)
    _header(pinned, ["id", "tasks"])
    for job in tables.pinned:
        append_row(pinned, [job.get("id"), ", ".join(job.get("tasks", []))])
    tasks = [r for r in tables.rows.get("tasks", []) if any(_text(v) for v in r.values())]
    taken = set(workbook.sheetnames)
    add_task_sheets(workbook, [dict(r, supplier=r.get("supplier") or "") for r in tasks], taken)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _header(sheet, names: list[str]) -> None:
    append_row(sheet, names)
    for cell in sheet[1]:
        cell.font = _BOLD


TEMPLATE = Tables(
    name="Kick-off combinatiebanen",
    rows={
        "suppliers": [{"id": "asito", "name": "Asito", "sector": "schoonmaak", "cao": "CAO Schoonmaak"},
                      {"id": "sodexo", "name": "Sodexo", "sector": "catering", "cao": "CAO Contractcatering"}],
        "locations": [{"id": "educatorium", "name": "Educatorium", "site": "science-park", "lat": 52.0868,
                       "lon": 5.1687},
                      {"id": "minnaert", "name": "Minnaertgebouw", "site": "science-park", "lat": 52.0875,
                       "lon": 5.1697}],
        "travel": [{"from": "educatorium", "to": "minnaert", "minutes": 3}],
        "skills": [{"id": "cleaning-basic", "label": "Schoonmaken", "esco": None},
                   {"id": "catering-support", "label": "Helpen in de catering", "esco": None}],
        "tasks": [
            {"id": "T001", "supplier": "asito", "title": "Toiletten begane grond", "location": "educatorium",
             "skills": "cleaning-basic", "slots": "ma-vr 07:00-09:00", "hygiene": "dirty"},
            {"id": "T002", "supplier": "sodexo", "title": "Lunchuitgifte", "location": "minnaert",
             "skills": "catering-support", "slots": "ma/wo/vr 11:30-13:30; di/do 11:30-14:00 2u flexibel",
             "hygiene": "food"},
        ],
    },
)
"""A small kick-off that is complete: it opens without a problem on an empty start."""


def template_kickoff_xlsx() -> bytes:
    return kickoff_xlsx(TEMPLATE)


def read_kickoff_xlsx(content: bytes, name: str = "XLSX") -> Parts:
    """The parts a workbook holds; bad rows refused one by one. SheetError only when it is no workbook at all."""
    workbook = open_workbook(content, name)
    parts = Parts()
    tasks: list[dict] = []
    try:
        for sheet in workbook.worksheets:  # read no further than the limits: a sheet can claim a million rows
            values = [list(r) for r in islice(sheet.iter_rows(values_only=True, max_col=MAX_IMPORT_COLUMNS),
                                              MAX_IMPORT_ROWS + 2)]
            title = sheet.title.strip()
            if title == README_SHEET or not values or not any(_text(v) for v in values[0]):
                continue
            header = [_text(v).lower() for v in values[0]]
            numbered = list(enumerate(values[1:], start=2))
            where, where_nl = f"{name}, sheet {title}", f"{name}, blad {title}"
            if title == RULES_SHEET:
                _read_rules(parts, header, numbered, where, where_nl)
            elif title in SHEETS.values():
                section = next(s for s, t in SHEETS.items() if t == title)
                parts.rows[section] = _records(parts, section, header, numbered, where, where_nl)
            elif title == INCOMPATIBLE_SHEET:
                parts.incompatible = _pairs(parts, header, numbered, where, where_nl)
            elif title == PINNED_SHEET:
                parts.pinned = _pinned(parts, header, numbered, where, where_nl)
            else:
                rows, refused = sheet_rows(header, numbered, where, title)
                tasks += rows
                parts.refused += refused
    finally:
        workbook.close()
    if tasks:
        parts.rows["tasks"] = tasks
    return parts


def _cells(header: list[str], values: list[Any]) -> dict[str, Any]:
    return {h: values[i] if i < len(values) else None for i, h in enumerate(header) if h}


def _read_rules(parts: Parts, header: list[str], rows, where: str, where_nl: str) -> None:
    if "rule" not in header or "value" not in header:
        parts.refused.append(Refusal(f"{where_nl}, rij 1: kolommen rule en value nodig",
                                     f"{where}, row 1: columns rule and value needed"))
        return
    raw = {}
    for number, values in rows:
        cells = _cells(header, values)
        rule = _text(cells.get("rule"))
        if rule == "name":
            parts.name = _text(cells.get("value")) or None
        elif rule:
            raw[f"row {number}"] = (rule, cells.get("value"))
    rules, refused = typed_rules({k.replace("row ", ""): v for k, v in raw.items()}, f"{where}, row",
                                 f"{where_nl}, rij")
    parts.rules = rules
    parts.refused += refused


def _records(parts: Parts, section: str, header: list[str], rows, where: str, where_nl: str) -> list[dict]:
    key_columns = ("from", "to") if section == "travel" else ("id",)
    missing = [c for c in key_columns if c not in header]
    if missing:
        parts.refused.append(Refusal(f"{where_nl}, rij 1: kolom {', '.join(missing)} ontbreekt "
                                     f"(verwacht: {', '.join(TABLE_COLUMNS[section])})",
                                     f"{where}, row 1: missing column {', '.join(missing)} "
                                     f"(expected {', '.join(TABLE_COLUMNS[section])})"))
        return []
    out = []
    for number, values in rows:
        cells = _cells(header, values)
        if not any(_text(v) for v in cells.values()):
            continue
        empty = [c for c in key_columns if not _text(cells.get(c))]
        if empty:
            parts.refused.append(Refusal(f"{where_nl}, rij {number}: kolom {empty[0]} is leeg",
                                         f"{where}, row {number}: column {empty[0]} is empty"))
            continue
        record = {}
        for column, value in cells.items():
            if column in NUMBER_COLUMNS and isinstance(value, str) and value.strip():
                try:
                    value = float(value.strip().replace(",", "."))
                except ValueError:
                    pass  # validation names it next to its row
            record[column] = value if column in NUMBER_COLUMNS and not isinstance(value, str) else (
                _text(value) or None)
        out.append(record)
    return out


def _pairs(parts: Parts, header: list[str], rows, where: str, where_nl: str) -> list[list[str]]:
    out = []
    for number, values in rows:
        a, b = (_text(values[i]) if i < len(values) else "" for i in (0, 1))
        if not a and not b:
            continue
        if not a or not b:
            parts.refused.append(Refusal(f"{where_nl}, rij {number}: twee taken nodig",
                                         f"{where}, row {number}: two tasks needed"))
            continue
        out.append([a, b])
    return out


def _pinned(parts: Parts, header: list[str], rows, where: str, where_nl: str) -> list[dict]:
    out = []
    for number, values in rows:
        job, tasks = (_text(values[i]) if i < len(values) else "" for i in (0, 1))
        if not job and not tasks:
            continue
        ids = [t.strip() for t in tasks.replace(";", ",").split(",") if t.strip()]
        if not job or not ids:
            parts.refused.append(Refusal(f"{where_nl}, rij {number}: een baan-id en minstens één taak nodig",
                                         f"{where}, row {number}: a job id and at least one task needed"))
            continue
        out.append({"id": job, "tasks": ids})
    return out

"""A job's rota as a week grid in Excel: days across, quarter hours down, work coloured by supplier.

What people pin on a wall: each block of work is one merged cell in its supplier's
colour that says what the work is, where and when; travel between buildings is a grey
cell above the block. Every day of the week has its column, worked or not.
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from bundler.domain import DAYS, to_minutes
from bundler.timetable import TRAVEL_COLOUR, Block, supplier_colours

QUARTER = 15
_THIN = Side(style="thin", color="BFBFBF")
_WHITE = Font(color="FFFFFF", bold=True, size=9)
_GREY = Font(color="404040", italic=True, size=8)


def week_grid(sheet: Worksheet, job_blocks: list[Block], task_file, top: int, day_names: tuple[str, ...],
              travel_word: str = "reizen") -> int:
    """Draw the grid from row `top`; returns the first free row below it (and its legend)."""
    colours = supplier_colours(task_file)
    names = {s.id: s.name or s.id for s in task_file.suppliers}
    starts = [to_minutes(b.start) - (b.travel_before or 0) for b in job_blocks]
    first = (min(starts, default=7 * 60) // 60) * 60
    last = -(-max((to_minutes(b.end) for b in job_blocks), default=17 * 60) // 60) * 60
    rows = (last - first) // QUARTER
    sheet.cell(row=top, column=1, value="Tijd").font = Font(bold=True)
    for d, name in enumerate(day_names):
        cell = sheet.cell(row=top, column=2 + d, value=name)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for r in range(rows):
        minute = first + r * QUARTER
        row = top + 1 + r
        if minute % 60 == 0:
            sheet.cell(row=row, column=1, value=f"{minute // 60:02d}:00").font = Font(size=9)
        for d in range(len(day_names)):
            sheet.cell(row=row, column=2 + d).border = Border(top=_THIN if minute % 60 == 0 else None,
                                                              left=_THIN, right=_THIN)
    taken: set[tuple[int, int]] = set()
    """(row, column) cells already part of a block: quarter rows are coarse, blocks must not share one."""
    for b in job_blocks:
        column = 2 + DAYS.index(b.day)
        start, end = to_minutes(b.start), to_minutes(b.end)
        if b.travel_before:
            _block(sheet, top, first, column, start - int(b.travel_before), start, TRAVEL_COLOUR,
                   f"{travel_word} {b.travel_before:g} min", _GREY, taken, optional=True)
        label = f"{b.title or b.task} · {b.location_name} · {b.start}-{b.end}"
        _block(sheet, top, first, column, start, end, colours.get(b.supplier, "#666666"), label, _WHITE, taken)
    sheet.column_dimensions["A"].width = 7
    for d in range(len(day_names)):
        sheet.column_dimensions[chr(ord("B") + d)].width = 24
    row = top + rows + 2
    for supplier in dict.fromkeys(b.supplier for b in job_blocks):
        cell = sheet.cell(row=row, column=2, value=names.get(supplier, supplier))
        cell.fill = PatternFill("solid", fgColor=colours.get(supplier, "#666666").lstrip("#").upper())
        cell.font = _WHITE
        row += 1
    return row + 1


def _block(sheet: Worksheet, top: int, first: int, column: int, start: int, end: int, colour: str, label: str,
           font: Font, taken: set[tuple[int, int]], optional: bool = False) -> None:
    """Colour the quarter rows from start to end and write the label in the first; merged when longer.

    A row already taken by the block before (work ending 10:05 shares the 10:00 row with
    work starting 10:05) moves this block down a row; an optional block (travel) is
    left out instead."""
    begin = top + 1 + max(start - first, 0) // QUARTER
    finish = top + 1 + (max(end - first, 1) - 1) // QUARTER
    if optional and any((row, column) in taken for row in range(begin, finish + 1)):
        return
    while (begin, column) in taken:
        begin += 1
    finish = max(finish, begin)
    taken.update((row, column) for row in range(begin, finish + 1))
    fill = PatternFill("solid", fgColor=colour.lstrip("#").upper())
    for row in range(begin, finish + 1):
        sheet.cell(row=row, column=column).fill = fill
    cell = sheet.cell(row=begin, column=column, value=label)
    if cell.data_type == "f":  # a title like '=...' stays text
        cell.data_type = "s"
    cell.font = font
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if finish > begin:
        sheet.merge_cells(start_row=begin, start_column=column, end_row=finish, end_column=column)

"""Rotas to print: one self-contained HTML page per job (or all jobs), A4 landscape, one job a page.

The browser's print dialog makes the PDF, so nothing needs installing. Each page holds
the job's week as a grid (days across, hours down, blocks in the supplier's colour
saying what the work is, where and when), the job coach's warnings and the blocks as a
list. Every name and title is escaped: a title is text, never markup.
"""

from __future__ import annotations

import math
from html import escape

from bundler.domain import DAYS, Plan, TaskFile, to_minutes
from bundler.timetable import TRAVEL_COLOUR, blocks, supplier_colours
from bundler.words import DAY_NAMES, number

PIXELS_PER_HOUR = 34
_CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: Arial, Helvetica, sans-serif; color: #111; margin: 0; }
.job { page-break-after: always; break-after: page; padding: 4px; }
.job:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 18pt; margin: 0 0 2px; } .sub { font-size: 11pt; margin: 0 0 6px; }
.warn { background: #fff4d6; border-left: 4px solid #c27c00; padding: 4px 8px; font-size: 10pt; margin: 4px 0; }
.week { display: grid; grid-template-columns: 42px repeat(7, 1fr); gap: 2px; }
.head { font-weight: bold; text-align: center; font-size: 11pt; }
.hours, .day { position: relative; border-top: 1px solid #ccc; }
.day { background: repeating-linear-gradient(#fff 0, #fff %(h)spx, #eee %(h)spx, #eee %(h1)spx); }
.tick { position: absolute; right: 4px; font-size: 8pt; color: #555; }
.block { position: absolute; left: 1px; right: 1px; color: #fff; font-size: 8.5pt; line-height: 1.15;
         padding: 2px 3px; overflow: hidden; border-radius: 3px; box-sizing: border-box;
         -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.travel { background: %(travel)s; color: #333; font-style: italic; }
table { border-collapse: collapse; margin-top: 8px; font-size: 9pt; width: 100%%; }
th, td { border: 1px solid #bbb; padding: 2px 5px; text-align: left; }
"""


def print_html(task_file: TaskFile, plan: Plan, job_ids: list[str] | None = None, lang: str = "nl") -> str:
    """The rota pages of these jobs (all when None) as one HTML document."""
    chosen = [j for j in plan.jobs if job_ids is None or j.id in job_ids]
    title = escape(plan.name or "Roosters")
    css = _CSS % {"h": PIXELS_PER_HOUR - 1, "h1": PIXELS_PER_HOUR, "travel": TRAVEL_COLOUR}
    pages = "\n".join(_job_page(task_file, plan, job, lang) for job in chosen)
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<style>{css}</style></head><body>\n{pages}\n</body></html>\n")


def _job_page(task_file: TaskFile, plan: Plan, job, lang: str) -> str:
    nl = lang == "nl"
    names = {s.id: s.name or s.id for s in task_file.suppliers}
    colours = supplier_colours(task_file)
    job_blocks = blocks(task_file, plan, job.id)
    starts = [to_minutes(b.start) - (b.travel_before or 0) for b in job_blocks]
    first = min(starts, default=7 * 60) // 60
    last = math.ceil(max((to_minutes(b.end) for b in job_blocks), default=17 * 60) / 60)
    height = (last - first) * PIXELS_PER_HOUR
    employer = escape(names.get(job.employer, job.employer))
    partners = escape(" + ".join(names.get(s, s) for s in job.suppliers))
    head = (f"<h1>{'Baan' if nl else 'Job'} {escape(job.id)}</h1><p class=\"sub\">"
            f"{'werkgever' if nl else 'employer'} {employer} · {partners} · {number(job.hours, lang)} "
            f"{'uur per week' if nl else 'hours a week'}</p>")
    warnings = (job.quality.warnings_nl if nl else job.quality.warnings_en) if job.quality else []
    if warnings:
        head += f"<div class=\"warn\">{'Let op' if nl else 'Note'}: {escape('; '.join(warnings))}</div>"
    cells = ["<div></div>"] + [f"<div class=\"head\">{DAY_NAMES[lang][d]}</div>" for d in range(7)]
    ticks = "".join(f"<div class=\"tick\" style=\"top:{(h - first) * PIXELS_PER_HOUR}px\">{h:02d}:00</div>"
                    for h in range(first, last))
    cells.append(f"<div class=\"hours\" style=\"height:{height}px\">{ticks}</div>")
    for d, day in enumerate(DAYS):
        inner = []
        for b in (b for b in job_blocks if b.day == day):
            start, end = to_minutes(b.start), to_minutes(b.end)
            if b.travel_before:
                top = (start - b.travel_before - first * 60) * PIXELS_PER_HOUR / 60
                inner.append(f"<div class=\"block travel\" style=\"top:{top:.0f}px;height:"
                             f"{b.travel_before * PIXELS_PER_HOUR / 60:.0f}px\"></div>")
            top = (start - first * 60) * PIXELS_PER_HOUR / 60
            tall = (end - start) * PIXELS_PER_HOUR / 60
            inner.append(f"<div class=\"block\" style=\"top:{top:.0f}px;height:{tall:.0f}px;background:"
                         f"{colours.get(b.supplier, '#555')}\"><b>{escape(b.title or b.task)}</b><br>"
                         f"{escape(b.location_name)}<br>{b.start}-{b.end}</div>")
        cells.append(f"<div class=\"day\" style=\"height:{height}px\">{''.join(inner)}</div>")
    grid = f"<div class=\"week\">{''.join(cells)}</div>"
    header = ("<tr><th>Dag</th><th>Van</th><th>Tot</th><th>Werk</th><th>Leverancier</th><th>Waar</th></tr>" if nl
              else "<tr><th>Day</th><th>From</th><th>Until</th><th>Work</th><th>Supplier</th><th>Where</th></tr>")
    rows = "".join(f"<tr><td>{DAY_NAMES[lang][DAYS.index(b.day)]}</td><td>{b.start}</td><td>{b.end}</td>"
                   f"<td>{escape(b.title or b.task)}</td><td>{escape(names.get(b.supplier, b.supplier))}</td>"
                   f"<td>{escape(b.location_name)}</td></tr>" for b in job_blocks)
    return f"<section class=\"job\">{head}{grid}<table>{header}{rows}</table></section>"

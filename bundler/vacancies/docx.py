"""The vacancy as a Word document (python-docx), for HR to edit before publishing.

The same wording as the Markdown (from `render.wording`), laid out with Word's own
heading, list and table styles so the document stays easy to restyle. Like the
Markdown it names places by building and skills by their plain label: coordinates and
ESCO references are for machines and live in the JSON-LD.
"""

from __future__ import annotations

import io

from docx import Document

from bundler.vacancies.draft import Draft
from bundler.vacancies.render import say, wording


def document(draft: Draft):
    """A python-docx Document of the draft."""
    w = wording(draft.lang)
    doc = Document()
    doc.core_properties.title = say(draft, "title", draft)
    doc.core_properties.language = draft.lang
    doc.add_heading(say(draft, "title", draft), level=0)
    doc.add_paragraph(say(draft, "intro", draft))

    doc.add_heading(w.headings["activities"], level=1)
    for part in draft.day_parts:
        doc.add_paragraph().add_run(w.part_names[part.key]).bold = True
        for activity in part.activities:
            doc.add_paragraph(say(draft, "activity", activity), style="List Bullet")

    doc.add_heading(w.headings["competencies"], level=1)
    doc.add_paragraph(say(draft, "competencies_intro", draft))
    for c in draft.competencies:
        doc.add_paragraph(say(draft, "competency", c), style="List Bullet")

    if draft.demands:
        doc.add_heading(w.headings["demands"], level=1)
        for demand in draft.demands:
            doc.add_paragraph(say(draft, "demand", demand), style="List Bullet")

    doc.add_heading(w.headings["hours"], level=1)
    doc.add_paragraph(say(draft, "hours_text", draft))
    header = [*w.rota_header, *(w.day_short[d] for d in draft.days)]
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row, marks in draft.rota_grid:
        cells = table.add_row().cells
        values = [f"{row.start}-{row.end}", say(draft, "rota_work", row), row.place,
                  *("✓" if on else "" for on in marks)]
        for cell, text in zip(cells, values):
            cell.text = text
    if draft.working_time.applies:
        doc.add_paragraph(say(draft, "working_time_text", draft))
    if draft.adjustments:
        doc.add_paragraph(say(draft, "adjustments_text", draft))

    doc.add_heading(w.headings["places"], level=1)
    for place in draft.places:
        doc.add_paragraph(place.name, style="List Bullet")
    doc.add_paragraph(say(draft, "accessibility", draft))

    doc.add_heading(w.headings["employer"], level=1)
    doc.add_paragraph(say(draft, "contract_paragraph", draft))
    doc.add_paragraph(say(draft, "pay_paragraph", draft))

    doc.add_heading(w.headings["good_to_know"], level=1)
    for part in ("training_text", "clothes_text", "vog_text"):
        doc.add_paragraph(say(draft, part, draft), style="List Bullet")

    doc.add_heading(w.headings["support"], level=1)
    doc.add_paragraph(say(draft, "support_coach", draft), style="List Bullet")
    doc.add_paragraph(say(draft, "support_contact", draft), style="List Bullet")

    doc.add_heading(w.headings["apply"], level=1)
    doc.add_paragraph(say(draft, "apply_paragraph", draft))
    return doc


def docx_bytes(draft: Draft) -> bytes:
    out = io.BytesIO()
    document(draft).save(out)
    return out.getvalue()


def docx_text(content: bytes) -> tuple[list[str], list[list[list[str]]]]:
    """(paragraph texts, tables as rows of cell texts) of a .docx: what a reader sees, for comparing."""
    doc = Document(io.BytesIO(content))
    paragraphs = [p.text for p in doc.paragraphs if p.text.strip()]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables]
    return paragraphs, tables

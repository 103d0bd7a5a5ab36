"""Column headers and words the pages share, in the reader's language."""

from __future__ import annotations

from bundler.ui.session import tr


def left_over_headers() -> dict[str, str]:
    return {"task": tr("Taak", "Task"), "title": tr("Omschrijving", "Title"), "supplier": tr("Leverancier", "Supplier"),
            "hours": tr("Uren", "Hours"), "rule": tr("Regel", "Rule"), "reason": tr("Waarom", "Why")}


def rota_headers() -> dict[str, str]:
    return {"day": tr("Dag", "Day"), "start": tr("Van", "From"), "end": tr("Tot", "Until"), "work": tr("Werk", "Work"),
            "supplier": tr("Leverancier", "Supplier"), "place": tr("Waar", "Where")}


def schedule_rows(entries, titles: dict[str, str] | None = None) -> list[dict]:
    """Plan schedule entries as a table in the reader's language: day names, the work by its title."""
    from bundler.words import day_name

    lang = "en" if tr("nl", "en") == "en" else "nl"
    titles = titles or {}
    headers = rota_headers()
    return [{headers["day"]: day_name(e.day, lang), headers["start"]: e.start, headers["end"]: e.end,
             headers["work"]: titles.get(e.task) or e.task, headers["place"]: e.location} for e in entries]

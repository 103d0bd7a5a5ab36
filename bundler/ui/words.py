"""Column headers and words the pages share, in the reader's language."""

from __future__ import annotations

from bundler.ui.session import tr


def left_over_headers() -> dict[str, str]:
    return {"task": tr("Taak", "Task"), "title": tr("Omschrijving", "Title"), "supplier": tr("Leverancier", "Supplier"),
            "hours": tr("Uren", "Hours"), "rule": tr("Regel", "Rule"), "reason": tr("Waarom", "Why")}

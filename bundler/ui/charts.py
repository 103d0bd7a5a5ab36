"""The weekly timetable as an Altair chart: days across, hours down, blocks per supplier."""

from __future__ import annotations

import altair as alt
import pandas as pd

from bundler.domain import DAYS, to_minutes
from bundler.timetable import Block

DAY_LABELS = {"nl": ("ma", "di", "wo", "do", "vr", "za", "zo"), "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}


def _frame(blocks: list[Block], lang: str) -> pd.DataFrame:
    labels = DAY_LABELS[lang]
    travel = "reizen" if lang == "nl" else "travel"
    rows = []
    for b in blocks:
        start, end = to_minutes(b.start) / 60, to_minutes(b.end) / 60
        day = labels[DAYS.index(b.day)]
        rows.append({"day": day, "start": start, "end": end, "supplier": b.supplier, "label": f"{b.task} · {b.location_name}",
                     "detail": f"{b.title} ({b.start}-{b.end})", "kind": "work"})
        if b.travel_before:
            rows.append({"day": day, "start": start - b.travel_before / 60, "end": start, "supplier": travel,
                         "label": f"🚲 {b.travel_before:g} min", "detail": travel, "kind": "travel"})
    return pd.DataFrame(rows)


def week_chart(blocks: list[Block], lang: str = "nl", height: int = 520) -> alt.Chart:
    frame = _frame(blocks, lang)
    days = list(DAY_LABELS[lang][:5]) + [d for d in DAY_LABELS[lang][5:] if d in set(frame["day"])]
    first = max(0, int(frame["start"].min()) - 1) if len(frame) else 6
    last = min(24, int(frame["end"].max()) + 1) if len(frame) else 20
    hour = "uur" if lang == "nl" else "hour"
    base = alt.Chart(frame).encode(
        x=alt.X("day:N", sort=days, scale=alt.Scale(domain=days), axis=alt.Axis(title=None, orient="top", labelAngle=0, labelFontSize=16)),
        y=alt.Y("start:Q", scale=alt.Scale(domain=[last, first]), axis=alt.Axis(title=hour, tickCount=last - first, labelFontSize=13)),
    )
    bars = base.mark_bar(cornerRadius=4, stroke="white").encode(
        y2="end:Q",
        color=alt.Color("supplier:N", legend=alt.Legend(title=None, orient="bottom", labelFontSize=14)),
        tooltip=["detail:N", "label:N"],
    )
    text = base.mark_text(align="center", baseline="top", dy=4, fontSize=12, color="black").encode(
        text="label:N")
    return (bars + text).properties(height=height)

"""The weekly timetable as an Altair chart: days across, hours down, blocks per supplier."""

from __future__ import annotations

import altair as alt
import pandas as pd

from bundler.domain import DAYS, to_minutes
from bundler.timetable import Block

DAY_LABELS = {"nl": ("ma", "di", "wo", "do", "vr", "za", "zo"), "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}


TRAVEL = {"nl": "reizen", "en": "travel"}
TRAVEL_COLOUR = "#c8c8c8"
PALETTE = ("#1f5fbf", "#e4572e", "#2e9e5b", "#f2a541", "#8e44ad", "#17a2b8", "#b5651d", "#d6336c", "#5c7cfa")


def _frame(blocks: list[Block], lang: str, names: dict[str, str]) -> pd.DataFrame:
    labels = DAY_LABELS[lang]
    travel = TRAVEL[lang]
    rows = []
    for b in blocks:
        start, end = to_minutes(b.start) / 60, to_minutes(b.end) / 60
        day = labels[DAYS.index(b.day)]
        rows.append({"day": day, "start": start, "end": end, "supplier": names.get(b.supplier, b.supplier), "label": f"{b.task} · {b.location_name}",
                     "detail": f"{b.title} ({b.start}-{b.end})", "kind": "work"})
        if b.travel_before:
            rows.append({"day": day, "start": start - b.travel_before / 60, "end": start, "supplier": travel,
                         "label": f"{travel} {b.travel_before:g} min", "detail": travel, "kind": "travel"})
    return pd.DataFrame(rows)


def week_chart(blocks: list[Block], names: dict[str, str], lang: str = "nl", height: int = 520) -> alt.Chart:
    """Blocks coloured by supplier (by name), travel in grey, labelled with task and place."""
    frame = _frame(blocks, lang, names)
    suppliers = sorted(set(frame["supplier"]) - {TRAVEL[lang]})
    colours = alt.Scale(domain=[*suppliers, TRAVEL[lang]],
                        range=[*(PALETTE[i % len(PALETTE)] for i in range(len(suppliers))), TRAVEL_COLOUR])
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
        color=alt.Color("supplier:N", scale=colours, legend=alt.Legend(title=None, orient="bottom", labelFontSize=14)),
        tooltip=["detail:N", "label:N"],
    )
    text = base.mark_text(align="center", baseline="top", dy=3, fontSize=12, color="white").encode(
        text="label:N")
    return (bars + text).properties(height=height)

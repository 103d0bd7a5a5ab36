"""Charts for the room: a job's week, the site plan with the day's route, the what-if variants.

Made for a 1024x768 projector: a day column is about 95 pixels wide there, so block
labels are wrapped to that width and cut to the lines a block has room for, never
drawn over the next block. Travel is a grey band without text (its minutes are in the
tooltip and in the route list). The site plan is drawn from the locations' own
coordinates: no map tiles, so it works without internet.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from bundler.domain import DAYS, TaskFile, to_minutes
from bundler.timetable import PALETTE, TRAVEL_COLOUR, Block, supplier_colours
from bundler.words import DAY_SHORT

DAY_LABELS = DAY_SHORT
TRAVEL = {"nl": "reizen", "en": "travel"}
FONT = 11
LINE = FONT + 2
CHARS_PER_LINE = 14
"""What fits a day column at 1024 pixels wide with seven columns of the week chart; five columns take 18."""


def _wrap(text: str, width: int, lines: int) -> list[str]:
    """Words into at most `lines` lines of `width` characters; what does not fit ends in '…'."""
    out: list[str] = []
    for word in text.split():
        word = word if len(word) <= width else word[:width - 1] + "…"
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = (out[-1] if len(out[-1]) < width else out[-1][:width - 1]) + "…"
    return out


def _label_lines(block: Block, pixels: float, width: int = CHARS_PER_LINE) -> str:
    """What the work is, where (unless the title says so already) and when, wrapped to a day column of `width`
    characters and cut to the lines the block is tall enough for."""
    room = max(int((pixels - 4) // LINE), 0)
    if room == 0:
        return ""
    title = block.title or block.task
    stem = block.location_name.lower().removesuffix("gebouw").strip()
    extra = [] if stem and stem in title.lower() else _wrap(block.location_name, width, 1)
    extra.append(f"{block.start}-{block.end}")
    lines = _wrap(title, width, max(room - len(extra), min(room, 2)))
    return "\n".join((lines + extra)[:room])


def week_chart(blocks: list[Block], suppliers: TaskFile | dict[str, str], lang: str = "nl",
               height: int = 480) -> alt.Chart:
    """One job's week: a column per day (weekend days when worked), blocks coloured by supplier name.

    `suppliers`: the task file (colours as everywhere else), or just id -> name."""
    if isinstance(suppliers, dict):
        names, colour_of = suppliers, {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(suppliers)}
    else:
        names = {s.id: s.name or s.id for s in suppliers.suppliers}
        colour_of = supplier_colours(suppliers)
    labels, travel = DAY_LABELS[lang], TRAVEL[lang]
    starts = [to_minutes(b.start) - (b.travel_before or 0) for b in blocks]
    first = max(0, min(starts, default=7 * 60) // 60)
    last = min(24, math.ceil(max((to_minutes(b.end) for b in blocks), default=17 * 60) / 60))
    pixels_per_hour = height / max(last - first, 1)
    weekend = {b.day for b in blocks} & {"sat", "sun"}
    width = {0: 18, 1: 16}.get(len(weekend), CHARS_PER_LINE)
    rows = []
    for b in blocks:
        start, end = to_minutes(b.start) / 60, to_minutes(b.end) / 60
        day = labels[DAYS.index(b.day)]
        supplier = names.get(b.supplier, b.supplier)
        rows.append({"day": day, "start": start, "end": end, "supplier": supplier,
                     "label": _label_lines(b, (end - start) * pixels_per_hour, width),
                     "detail": f"{b.title} · {b.location_name} · {b.start}-{b.end}"})
        if b.travel_before:
            rows.append({"day": day, "start": start - b.travel_before / 60, "end": start, "supplier": travel,
                         "label": "", "detail": f"{travel} {b.travel_before:g} min"})
    frame = pd.DataFrame(rows, columns=["day", "start", "end", "supplier", "label", "detail"])
    shown = list(dict.fromkeys(names.get(b.supplier, b.supplier) for b in blocks))
    by_name = {names.get(s, s): c for s, c in colour_of.items()}
    colours = alt.Scale(domain=[*shown, travel], range=[*(by_name.get(s, PALETTE[0]) for s in shown), TRAVEL_COLOUR])
    days = list(labels[:5]) + [d for d in labels[5:] if d in set(frame["day"])]
    base = alt.Chart(frame).encode(
        x=alt.X("day:N", sort=days, scale=alt.Scale(domain=days, paddingInner=0.06),
                axis=alt.Axis(title=None, orient="top", labelAngle=0, labelFontSize=15, labelFontWeight="bold")),
        y=alt.Y("start:Q", scale=alt.Scale(domain=[last, first], nice=False),
                axis=alt.Axis(title=None, tickCount=last - first, labelFontSize=13,
                              labelExpr="datum.value + ':00'", grid=True)),
    )
    bars = base.mark_bar(cornerRadius=3, stroke="white", strokeWidth=1).encode(
        y2="end:Q",
        color=alt.Color("supplier:N", scale=colours,
                        legend=alt.Legend(title=None, orient="bottom", labelFontSize=14, columns=4, labelLimit=220)),
        tooltip=[alt.Tooltip("detail:N", title=None)],
    )
    text = base.mark_text(align="center", baseline="top", dy=3, fontSize=FONT, color="white", lineBreak="\n",
                          lineHeight=LINE).encode(text="label:N")
    return (bars + text).properties(height=height)


def site_plan(task_file: TaskFile, route: list[str], job_places: set[str], height: int = 280) -> alt.Chart:
    """The job's sites drawn from the locations' own lat/lon: its buildings by name, the other buildings of those
    sites as grey dots, and the day's route (location ids in visiting order) as numbered lines."""
    by_id = {loc.id: loc for loc in task_file.locations}
    sites = {by_id[p].site for p in job_places if p in by_id}
    places = [loc for loc in task_file.locations if loc.lat is not None and loc.lon is not None
              and (loc.id in job_places or (loc.site and loc.site in sites))]
    # Longitude shrinks with latitude: scale it so distances look right without a map projection.
    middle = sum(p.lat for p in places) / len(places) if places else 52
    squeeze = math.cos(math.radians(middle))
    order = {loc: n for n, loc in enumerate(dict.fromkeys(route))}
    frame = pd.DataFrame([{"x": p.lon * squeeze, "y": p.lat, "kind": "route" if p.id in order else
                           "job" if p.id in job_places else "other",
                           "name": (p.name or p.id) if p.id in job_places else "",
                           "dy": -9 if order.get(p.id, 0) % 2 == 0 else 12} for p in places],
                         columns=["x", "y", "kind", "name", "dy"])
    where = {p.id: (p.lon * squeeze, p.lat) for p in places}
    steps = [(where[a], where[b], n) for n, (a, b) in enumerate(zip(route, route[1:]), start=1)
             if a in where and b in where and a != b]
    lines = pd.DataFrame([{"x": a[0], "y": a[1], "x2": b[0], "y2": b[1], "step": n,
                           "mx": (a[0] + b[0]) / 2, "my": (a[1] + b[1]) / 2} for a, b, n in steps],
                         columns=["x", "y", "x2", "y2", "step", "mx", "my"])
    x = alt.X("x:Q", axis=None, scale=alt.Scale(zero=False, padding=50))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(zero=False, padding=30))
    colour = alt.Color("kind:N", legend=None, scale=alt.Scale(domain=["route", "job", "other"],
                                                              range=[PALETTE[1], PALETTE[0], "#b8c0c8"]))
    dots = alt.Chart(frame).mark_circle(size=110, opacity=1).encode(x=x, y=y, color=colour,
                                                                    tooltip=[alt.Tooltip("name:N", title=None)])
    layers = [alt.Chart(lines).mark_rule(strokeWidth=3, color=PALETTE[1]).encode(x=x, y=y, x2="x2:Q", y2="y2:Q"),
              dots]
    for dy in (-9, 12):  # alternate labels above and below, so two buildings side by side stay readable
        layers.append(alt.Chart(frame[frame.dy == dy]).mark_text(align="left", dx=8, dy=dy, fontSize=13,
                                                                 fontWeight="bold", color="#222").encode(
            x=x, y=y, text="name:N"))
    layers.append(alt.Chart(lines).mark_text(fontSize=13, fontWeight="bold", color=PALETTE[1], dy=-9).encode(
        x="mx:Q", y="my:Q", text="step:Q"))
    return alt.layer(*layers).properties(height=height)


def variants_chart(outcomes, lang: str = "nl") -> alt.Chart:
    """Jobs per what-if variant, with the most jobs that could be as a tick: labels in the reader's language."""
    jobs, most = ("banen", "hoogstens mogelijk") if lang == "nl" else ("jobs", "at most possible")
    frame = pd.DataFrame([{"variant": o.variant.label, jobs: o.plan.kpis.jobs, most: o.plan.kpis.jobs_upper_bound}
                          for o in outcomes if o.plan is not None])
    if frame.empty:
        return alt.Chart(pd.DataFrame({"x": []})).mark_point()
    order = list(frame["variant"])
    bars = alt.Chart(frame).mark_bar(color=PALETTE[0]).encode(
        x=alt.X("variant:N", sort=order, title=None, axis=alt.Axis(labelAngle=0, labelLimit=160)),
        y=alt.Y(f"{jobs}:Q", title=jobs), tooltip=["variant:N", f"{jobs}:Q", f"{most}:Q"])
    ticks = alt.Chart(frame).mark_tick(color=PALETTE[1], thickness=3, size=40).encode(
        x=alt.X("variant:N", sort=order), y=alt.Y(f"{most}:Q"))
    return (bars + ticks).properties(height=260)

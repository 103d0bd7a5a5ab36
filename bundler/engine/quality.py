"""How good a job is to work, as a job coach reads a rota: indicators, warnings, a penalty.

All rules hold for every job; these measure what the rules allow but people dislike:
waiting around, many buildings a day, weekends, uneven days, switching between early
and late shifts. The penalty (in minute-equivalents: one idle minute is 1) is what the
optimizer minimises after its main objective, never at the cost of a job.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from bundler.domain import DAYS, JobQuality
from bundler.engine.instance import Instance, Placement

BUILDING_PENALTY = 15
"""Minute-equivalents of each building beyond the first on one day."""
WEEKEND_PENALTY = 60
"""Minute-equivalents of each weekend day worked."""
WEEKEND = (5, 6)
EARLY_BEFORE, LATE_AFTER = 9 * 60, 19 * 60
"""A day that starts before 09:00 is an early day; one that ends after 19:00 a late day."""
WARN_WAIT, WARN_BUILDINGS, WARN_UNEVEN_HOURS, WARN_SWITCHES = 30, 3, 3, 2


Occurrence = tuple[Placement, int, int]


def job_quality(instance: Instance, occurrences: Iterable[Occurrence]) -> JobQuality:
    """Indicators and warnings of one job from its placed work (placement, location, task)."""
    by_day: dict[int, list[Occurrence]] = defaultdict(list)
    for occ in occurrences:
        by_day[occ[0].day].append(occ)
    day_hours, waits, buildings, suppliers, tasks, kinds = {}, {}, {}, {}, {}, {}
    idle = 0
    for day, occ in by_day.items():
        occ.sort()
        day_hours[day] = sum(p.minutes for p, _, _ in occ) / 60
        gaps = [b.start - a.end - (instance.travel_gap(la, lb) or 0)
                for (a, la, _), (b, lb, _) in zip(occ, occ[1:])]
        waits[day] = max([0, *gaps])
        idle += sum(max(g, 0) for g in gaps)
        buildings[day] = len({loc for _, loc, _ in occ})
        suppliers[day] = len({instance.tasks[t].supplier for _, _, t in occ})
        tasks[day] = len({t for _, _, t in occ})
        first, last = occ[0][0].start, max(p.end for p, _, _ in occ)
        kinds[day] = "early" if first < EARLY_BEFORE else "late" if last > LATE_AFTER else "day"
    worked = sorted(by_day)
    shifts = [kinds[d] for d in worked]
    switches = sum(1 for a, b in zip(shifts, shifts[1:] + shifts[:1]) if {a, b} == {"early", "late"}) \
        if len(worked) > 1 else 0
    quality = JobQuality(
        longest_day_hours=round(max(day_hours.values(), default=0), 2),
        longest_wait_minutes=max(waits.values(), default=0),
        idle_minutes=idle,
        max_buildings_per_day=max(buildings.values(), default=0),
        max_suppliers_per_day=max(suppliers.values(), default=0),
        max_tasks_per_day=max(tasks.values(), default=0),
        weekend_days=sum(1 for d in worked if d in WEEKEND),
        uneven_hours=round(max(day_hours.values(), default=0) - min(day_hours.values(), default=0), 2),
        early_late_switches=switches,
    )
    nl, en = _warnings(quality, waits, buildings, worked)
    return quality.model_copy(update={"warnings_nl": nl, "warnings_en": en})


DAY_NL = {"mon": "maandag", "tue": "dinsdag", "wed": "woensdag", "thu": "donderdag", "fri": "vrijdag",
          "sat": "zaterdag", "sun": "zondag"}
DAY_EN = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday",
          "sat": "Saturday", "sun": "Sunday"}


def _warnings(q: JobQuality, waits: dict, buildings: dict, worked: list[int]) -> tuple[list[str], list[str]]:
    """Plain warnings a job coach would raise, in Dutch and English."""
    nl, en = [], []
    for day in worked:
        name = DAYS[day]
        if buildings[day] >= WARN_BUILDINGS:
            nl.append(f"{buildings[day]} gebouwen op {DAY_NL[name]}")
            en.append(f"{buildings[day]} buildings on {DAY_EN[name]}")
        if waits[day] >= WARN_WAIT:
            nl.append(f"{waits[day]} min wachten op {DAY_NL[name]}")
            en.append(f"{waits[day]} min waiting on {DAY_EN[name]}")
    weekend = [DAYS[d] for d in worked if d in WEEKEND]
    if weekend:
        nl.append("werkt in het weekend (" + ", ".join(DAY_NL[d] for d in weekend) + ")")
        en.append("works at the weekend (" + ", ".join(DAY_EN[d] for d in weekend) + ")")
    if q.uneven_hours >= WARN_UNEVEN_HOURS:
        nl.append(f"ongelijke dagen: {q.uneven_hours:g} uur verschil")
        en.append(f"uneven days: {q.uneven_hours:g} hours apart")
    if q.early_late_switches >= WARN_SWITCHES:
        nl.append(f"{q.early_late_switches} keer wisselen tussen vroege en late dagen")
        en.append(f"{q.early_late_switches} switches between early and late days")
    return nl, en


def schedule_penalty(instance: Instance, occurrences: Iterable[Occurrence]) -> int:
    """The penalty of one job's placed work, as the CP-SAT model counts it: idle minutes
    (travel included: the model sees the span of each day less its work), extra buildings
    per day and weekend days."""
    by_day: dict[int, list[Occurrence]] = defaultdict(list)
    for occ in occurrences:
        by_day[occ[0].day].append(occ)
    total = 0
    for day, occ in by_day.items():
        span = max(p.end for p, _, _ in occ) - min(p.start for p, _, _ in occ)
        total += span - sum(p.minutes for p, _, _ in occ)
        total += BUILDING_PENALTY * (len({loc for _, loc, _ in occ}) - 1)
        total += WEEKEND_PENALTY * (day in WEEKEND)
    return total

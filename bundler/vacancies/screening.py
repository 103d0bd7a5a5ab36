"""What the work asks of a person, per screening field, weighted by hours, and only where the fields say so.

Each task may state `physical_load`, `pace`, `interruptions`, `independence` and
`customer_contact` as low / medium / high. A job's level for a field is the highest one
that at least `MAIN_SHARE` of its hours reach. A short, heavy task does not make the
whole job heavy, but it is not hidden either: it shows as the `peak` with its hours.

A draft only claims what the fields prove. When some tasks leave a field out, the
claim is made only if no level for those hours could change it; otherwise the draft
says nothing about that field (a job with 12 of 22.5 h evening reception whose
reception task has no `customer_contact` must not read "weinig contact met klanten").
Either way the gap is reported, so HR can ask the supplier.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bundler.domain import DEMANDS

LEVELS = ("low", "medium", "high")
MAIN_SHARE = 0.4
"""A job has a demand level when at least this share of its hours is at that level or higher."""
EPSILON = 1e-9


@dataclass(frozen=True)
class Demand:
    """A claim the draft makes about one screening field."""

    name: str
    """One of `bundler.domain.DEMANDS`."""
    level: str
    peak: str | None
    """A higher level that holds for a smaller part of the work, else None."""
    peak_hours: float
    """Weekly hours above `level` (0 without a peak)."""
    hours: float
    """The job's weekly hours."""


@dataclass(frozen=True)
class Gap:
    """A screening field some tasks of the job leave out."""

    name: str
    tasks: tuple[str, ...]
    hours: float
    """Weekly hours of those tasks."""
    said: bool
    """True: the claim holds whatever those tasks would say; False: the draft leaves the field out."""


@dataclass(frozen=True)
class Screening:
    demands: tuple[Demand, ...]
    gaps: tuple[Gap, ...]


def _at_least(by_level: dict[str, float], level: str) -> float:
    return sum(by_level.get(x, 0.0) for x in LEVELS[LEVELS.index(level):])


def job_screening(tasks: list, hours: dict[str, float]) -> Screening:
    """The claims a draft may make about the job, and the fields some tasks leave out."""
    total = sum(hours[t.id] for t in tasks)
    demands, gaps = [], []
    for name in DEMANDS:
        by_level: dict[str, float] = defaultdict(float)
        missing = [t for t in tasks if getattr(t, name) is None]
        for task in tasks:
            level = getattr(task, name)
            if level is not None:
                by_level[level] += hours[task.id]
        unknown = sum(hours[t.id] for t in missing)
        need = MAIN_SHARE * total - EPSILON
        level = next((lvl for lvl in reversed(LEVELS) if _at_least(by_level, lvl) >= need), None)
        higher = LEVELS[LEVELS.index(level) + 1] if level is not None and level != LEVELS[-1] else None
        certain = level is not None and (higher is None or _at_least(by_level, higher) + unknown < need)
        if certain:
            present = [lvl for lvl in LEVELS if by_level.get(lvl)]
            peak = max(present, key=LEVELS.index)
            peak = peak if LEVELS.index(peak) > LEVELS.index(level) else None
            peak_hours = _at_least(by_level, higher) if peak else 0.0
            demands.append(Demand(name, level, peak, round(peak_hours, 2), round(total, 2)))
        if missing:
            gaps.append(Gap(name, tuple(t.id for t in missing), round(unknown, 2), certain))
    return Screening(tuple(demands), tuple(gaps))

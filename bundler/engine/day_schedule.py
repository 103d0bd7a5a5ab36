"""One day of one job, searched on its own and remembered.

Once each flexible slot of a job has a day, the days are independent except for the
rests between them (rules 9 and 10), and those depend only on when each day starts and
ends. So the weekly scheduler (`schedule`) picks days and asks here whether a day's
pieces fit: exactly, by an exhaustive search over the day's candidate starts. The same
day question comes back many times (the pool and the constructive plan try thousands
of overlapping sets of tasks), so answers are kept on the instance.

An answer is either the first fitting placement of the day, or (when the rests between
days need a choice) every fitting (first start, last end) that no other beats: a later
start and an earlier end only lengthen the rests, so the others never help.

Repeatable: a remembered answer costs the work it cost when it was found, so a search
runs out of budget at the same point whatever was asked before.
"""

from __future__ import annotations

from typing import NamedTuple

from bundler.engine.instance import Instance, Placement
from bundler.engine.rulebook import Occurrence, clashes, day_breaches

SlotKey = tuple[int, int]
"""(task index, slot number)"""
Piece = tuple[SlotKey, int, tuple[Placement, ...]]
"""A flexible slot on one day: (slot, location, its candidate placements on that day)."""
DaySolution = dict[SlotKey, Placement]

REMEMBERED_DAYS = 400_000
"""Day answers kept per instance; past this the store starts afresh (memory stays bounded)."""


class OutOfBudget(Exception):
    """The search budget (placements tried) ran out before the answer was known."""


class DayAnswer(NamedTuple):
    solutions: tuple[DaySolution, ...]
    """The first fitting placement, or the unbeaten ones by (first start, last end)."""
    cost: int
    """Placements tried to find it."""


def _key(day: int, fixed: list[Occurrence], pieces: list[Piece], strict: bool, every: bool) -> tuple:
    return (day, strict, every, tuple(sorted((t, p) for p, _, t in fixed)), tuple(sorted(k for k, _, _ in pieces)))


def _bridgeable(rules, placed: list[Occurrence], rest: list[Piece]) -> bool:
    """Can the pieces not yet placed still close every wait longer than the gap rule?
    (A necessary condition: some remaining candidate lies inside each such wait.)"""
    ordered = sorted(p for p, _, _ in placed)
    for a, b in zip(ordered, ordered[1:]):
        if b.start - a.end > rules.max_gap_minutes and not any(
                a.end <= p.start and p.end <= b.start for _, _, options in rest for p in options):
            return False
    return True


def _near_first(options: tuple[Placement, ...], placed: list[Occurrence]) -> list[Placement]:
    """Placements next to the day's work first: the likeliest to obey the gap rule."""
    if not placed:
        return list(options)
    return sorted(options, key=lambda p: min(max(q.start - p.end, p.start - q.end, 0) for q, _, _ in placed))


def search_day(instance: Instance, day: int, fixed: list[Occurrence], pieces: list[Piece], strict: bool,
               budget: list[int], every: bool = False) -> DayAnswer:
    """Placements of the pieces on this day that obey the day rules with the fixed work.

    `strict=False`: only what more work can never repair (pairs, too many hours).
    `every`: all unbeaten (first start, last end) placements, not just the first.
    `budget[0]` shrinks by the placements tried (a remembered answer costs the same);
    OutOfBudget when it runs out. No solutions: the day cannot be worked so."""
    store = instance.day_answers
    key = _key(day, fixed, pieces, strict, every)
    answer = store.get(key)
    if answer is None:
        try:
            answer = _search(instance, day, fixed, pieces, strict, every, budget[0])
        except OutOfBudget:
            budget[0] = -1
            raise
        if len(store) >= REMEMBERED_DAYS:
            store.clear()
        store[key] = answer
    budget[0] -= answer.cost
    if budget[0] < 0:
        raise OutOfBudget
    return answer


def _search(instance: Instance, day: int, fixed: list[Occurrence], pieces: list[Piece], strict: bool,
            every: bool, budget: int) -> DayAnswer:
    rules = instance.rules
    minutes = sum(p.minutes for p, _, _ in fixed) + sum(options[0].minutes for _, _, options in pieces)
    if minutes > rules.max_day_minutes or (strict and minutes < rules.min_day_minutes):
        return DayAnswer((), 0)
    pieces = sorted(pieces, key=lambda piece: (len(piece[2]), piece[2], piece[0]))
    twin = [i > 0 and pieces[i - 1][2] == pieces[i][2] and pieces[i - 1][0][0] == pieces[i][0][0]
            for i in range(len(pieces))]
    placed: list[Occurrence] = list(fixed)
    chosen: list[Placement] = []
    by_day = {day: placed}
    found: dict[tuple[int, int], DaySolution] = {}
    spent = [0]

    def place(i: int) -> bool:
        if i == len(pieces):
            if day_breaches(instance, day, placed, strict):
                return False
            span = (min(p.start for p, _, _ in placed), max(p.end for p, _, _ in placed))
            found.setdefault(span, {k: p for (k, _, _), p in zip(pieces, chosen)})
            return not every
        (slot, location, options) = pieces[i]
        spent[0] += len(options)
        if spent[0] > budget:
            raise OutOfBudget
        previous = chosen[i - 1] if twin[i] else None
        for p in _near_first(options, placed):
            if (previous is not None and p <= previous) or clashes(instance, p, slot[0], by_day):
                continue
            placed.append((p, location, slot[0]))
            chosen.append(p)
            if (not strict or _bridgeable(rules, placed, pieces[i + 1:])) and place(i + 1):
                return True
            placed.pop()
            chosen.pop()
        return False

    place(0)
    return DayAnswer(tuple(solution for span, solution in found.items() if not _beaten(span, found)), spent[0])


def _beaten(span: tuple[int, int], found: dict[tuple[int, int], DaySolution]) -> bool:
    """Does another placement start no earlier and end no later (and differ)?"""
    first, last = span
    return any(f >= first and e <= last and (f, e) != span for f, e in found)

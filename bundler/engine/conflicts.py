"""Which pairs of tasks can never share a job, found without comparing every pair.

Comparing all pairs of a region costs n^2 (5,000 tasks: 12.5 million pairs). But two
tasks' fixed work only clashes when it lies close together: on one day overlapping or
nearer than travel plus changeover, dirty work before clean work on one day (the
hygiene order), or late work before early work on the next day (the daily rest). So
each day's fixed work is sorted once and each piece compared only with the pieces that
can clash with it: the cost follows the number of clashing pairs, not of all pairs.

What is found:
- `conflicts[t]`: tasks that can never share a job with t (a veto, too many hours
  together, fixed work that clashes, a flexible slot with no placement left beside the
  other's fixed work). Used to prune; a pair missing here is still judged by the rule
  book, so leaving a cheap-to-check kind out (suppliers, skills, working days: the
  static rules and the model count those) costs speed, never correctness;
- `separations[t]`: the conflicts a job model must forbid pair by pair (vetoes and
  clashing fixed work other than a plain overlap, which the time-point cliques cut).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import TYPE_CHECKING

from bundler.domain import AFTER_DIRTY
from bundler.engine.rulebook import DAY, pair_breach, rest_breach
from bundler.rules import Rule

if TYPE_CHECKING:
    from bundler.engine.instance import Instance, Placement


LONG_PIECE = 180
"""Pieces longer than this (minutes) are kept apart, so the look-up window stays narrow."""


CROWDED_REGION = 1500
"""From this many tasks in a region (one big site), plain overlaps of fixed work and
flexible slots that fit nowhere are not listed: every piece of work overlaps hundreds of
others there, and listing them costs minutes and gigabytes. The rule book and the
model's time-point cliques still forbid them; only the pruning is lost."""


class _DayIndex:
    """One region's fixed work of one day, sorted by start, for range look-ups."""

    def __init__(self, pieces: list[tuple[Placement, int]]):
        self.pieces = sorted(pieces)
        self.starts = [p.start for p, _ in self.pieces]
        self.short = [(p, t) for p, t in self.pieces if p.minutes <= LONG_PIECE]
        self.short_starts = [p.start for p, _ in self.short]
        self.long = [(p, t) for p, t in self.pieces if p.minutes > LONG_PIECE]

    def starting_between(self, low: int, high: int) -> list[tuple[Placement, int]]:
        """Pieces with low <= start < high."""
        return self.pieces[bisect_left(self.starts, low):bisect_left(self.starts, high)]

    def near(self, p: Placement, reach: int) -> list[tuple[Placement, int]]:
        """Pieces that overlap p or start or end within `reach` of it (and a few more)."""
        low, high = p.start - LONG_PIECE - reach, p.end + reach
        short = self.short[bisect_left(self.short_starts, low):bisect_left(self.short_starts, high)]
        return short + [(q, u) for q, u in self.long if q.start < high and q.end > p.start - reach]

    def ending_after(self, moment: int) -> list[tuple[Placement, int]]:
        """Pieces that end after `moment` (and a few more)."""
        low = moment - LONG_PIECE
        short = self.short[bisect_left(self.short_starts, low):]
        return short + [(q, u) for q, u in self.long if q.end > moment]

    def starting_before(self, moment: int) -> list[tuple[Placement, int]]:
        return self.pieces[:bisect_right(self.starts, moment - 1)]


def pairwise_conflicts(instance: Instance) -> tuple[list[set[int]], list[set[int]]]:
    """(conflicts, separations) of the pairs of tasks in one region."""
    conflicts: list[set[int]] = [set() for _ in instance.tasks]
    separations: list[set[int]] = [set() for _ in instance.tasks]

    def mark(t: int, u: int, separate: bool) -> None:
        if t == u:
            return
        conflicts[t].add(u)
        conflicts[u].add(t)
        if separate:
            separations[t].add(u)
            separations[u].add(t)

    for pair in instance.incompatible:
        t, u = sorted(pair)
        if instance.region_of_task(t) == instance.region_of_task(u):
            mark(t, u, separate=True)
    for region in instance.regions:
        _too_many_hours(instance, region, mark)
        days = _day_indices(instance, region)
        crowded = len(region) >= CROWDED_REGION
        _fixed_clashes(instance, days, mark, overlaps=not crowded)
        if not crowded:
            _flexible_clashes(instance, region, days, mark)
    return conflicts, separations


def _too_many_hours(instance: Instance, region: list[int], mark) -> None:
    """Pairs whose hours together exceed a job's maximum (sorted by hours, then bisected)."""
    limit = instance.rules.max_job_minutes
    by_minutes = sorted(region, key=lambda t: instance.tasks[t].minutes)
    minutes = [instance.tasks[t].minutes for t in by_minutes]
    for t in region:
        for u in by_minutes[bisect_right(minutes, limit - instance.tasks[t].minutes):]:
            if u > t:
                mark(t, u, separate=False)


def _day_indices(instance: Instance, region: list[int]) -> dict[int, _DayIndex]:
    by_day: dict[int, list[tuple[Placement, int]]] = defaultdict(list)
    for t in region:
        for p in instance.tasks[t].fixed_placements:
            by_day[p.day].append((p, t))
    return {day: _DayIndex(pieces) for day, pieces in by_day.items()}


def _reach(instance: Instance) -> int:
    """How far apart two pieces of one day may be and still break a pair rule (not hygiene)."""
    longest_travel = max((m for row in instance.travel.values() for m in row.values()), default=0)
    return int(longest_travel) + 1 + instance.rules.changeover_minutes


def _fixed_clashes(instance: Instance, days: dict[int, _DayIndex], mark, overlaps: bool = True) -> None:
    """Pairs whose fixed work breaks a pair rule: nearby pieces, hygiene order, daily rest
    (plain overlaps only when `overlaps`)."""
    reach = _reach(instance)
    rules = instance.rules
    for day, index in days.items():
        pieces = index.pieces
        for i, (a, t) in enumerate(pieces):
            low = a.start if overlaps else a.end
            for b, u in index.starting_between(low, a.end + reach):
                if u != t and (b, u) > (a, t):
                    rule = pair_breach(instance, a, t, b, u)
                    if rule:
                        mark(t, u, separate=rule is not Rule.OVERLAP)
        if rules.hygiene_order:
            dirty = [(p, t) for p, t in pieces if instance.tasks[t].hygiene == "dirty"]
            after = [(p, t) for p, t in pieces if instance.tasks[t].hygiene in AFTER_DIRTY]
            for a, t in dirty:
                for b, u in after:
                    if b.start > a.start and u != t:
                        mark(t, u, separate=True)
        following = days.get((day + 1) % 7)
        if rules.min_rest_minutes > 0 and following is not None:
            for a, t in pieces:
                for b, u in following.starting_before(a.end + rules.min_rest_minutes - DAY):
                    if u != t and rest_breach(instance, a, b):
                        mark(t, u, separate=True)


def _clashers(instance: Instance, p: Placement, t: int, days: dict[int, _DayIndex], reach: int) -> set[int]:
    """Tasks whose fixed work breaks a pair rule with task t working at p."""
    found: set[int] = set()
    rules = instance.rules
    index = days.get(p.day)
    if index is not None:
        for q, u in index.near(p, reach):
            if u != t and pair_breach(instance, p, t, q, u):
                found.add(u)
        mine = instance.tasks[t].hygiene
        if rules.hygiene_order and (mine == "dirty" or mine in AFTER_DIRTY):
            for q, u in index.pieces:
                theirs = instance.tasks[u].hygiene
                if u != t and ((mine == "dirty" and theirs in AFTER_DIRTY and q.start > p.start)
                               or (theirs == "dirty" and mine in AFTER_DIRTY and p.start > q.start)):
                    found.add(u)
    need = rules.min_rest_minutes
    if need > 0:
        before, after = days.get((p.day - 1) % 7), days.get((p.day + 1) % 7)
        late = before.ending_after(DAY + p.start - need) if before else []
        early = after.starting_before(p.end + need - DAY) if after else []
        for q, u in late + early:
            if u != t and rest_breach(instance, p, q):
                found.add(u)
    return found


def _flexible_clashes(instance: Instance, region: list[int], days: dict[int, _DayIndex], mark) -> None:
    """A task with a flexible slot none of whose placements fits beside the other's fixed work."""
    reach = _reach(instance)
    for t in region:
        task = instance.tasks[t]
        for options, flex in zip(task.slots, task.flexible):
            if not flex or not options:
                continue
            # One full look-up for the placement with the least work around it; every other
            # placement only re-tests the tasks still in the running (a handful of pieces each).
            first = min(options, key=lambda p: len(days[p.day].near(p, reach)) if p.day in days else 0)
            common = _clashers(instance, first, t, days, reach)
            # The placements furthest from the first share the fewest clashing tasks with it.
            for p in sorted(options, key=lambda p: (-abs(p.start - first.start), p.day != first.day, p)):
                if not common:
                    break
                if p != first:
                    common = {u for u in common if _task_clashes(instance, p, t, u)}
            for u in common:
                mark(t, u, separate=True)


def _task_clashes(instance: Instance, p: Placement, t: int, u: int) -> bool:
    """Does task u's fixed work break a pair rule with task t working at p?"""
    theirs = instance.tasks[u].fixed_by_day
    if any(pair_breach(instance, p, t, q, u) for q in theirs.get(p.day, ())):
        return True
    if instance.rules.min_rest_minutes > 0:
        return any(rest_breach(instance, p, q) for day in ((p.day - 1) % 7, (p.day + 1) % 7)
                   for q in theirs.get(day, ()))
    return False

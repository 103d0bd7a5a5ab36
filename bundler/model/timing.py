"""Rules 4 and 5: no overlap, travel time, the gap rule and hours per working day.

Every occurrence a job may work is a placement with a presence literal: x[t, r] for
a fixed slot, x[t, r] AND "slot at this placement" for a flexible one. The rules are
then stated on presence literals alone:

- overlap: one at-most-one per time point where an occurrence starts (interval-graph
  cliques, much tighter than pairwise clauses);
- travel: pairs closer in time than the travel between their buildings exclude each
  other (pairs of fixed work are already separated per task pair);
- gap: with End = the day's last end, every present occurrence a is either last
  (End <= end(a)) or some present occurrence starts within [end(a), end(a) + max_gap].
  Given no overlap this is exactly "consecutive gaps are at most max_gap".
"""

from __future__ import annotations

from collections import defaultdict

from bundler.model.builder import JobModel, Occurrence

DAY_END = 24 * 60


def add_flexible_choices(jm: JobModel) -> None:
    """Each flexible slot with several candidate placements takes exactly one."""
    for t in jm.tasks:
        task = jm.instance.tasks[t]
        for s, (options, flex) in enumerate(zip(task.slots, task.flexible)):
            if flex and len(options) > 1:
                literals = []
                for o, p in enumerate(options):
                    var = jm.model.new_bool_var(f"at_{task.id}_{s}_{p.day}_{p.start}")
                    jm.choice[(t, s, o)] = var
                    literals.append(var)
                jm.model.add_exactly_one(literals)


def job_occurrences(jm: JobModel, r: int) -> list[Occurrence]:
    model, occurrences = jm.model, []
    for t in jm.candidates[r]:
        task, x = jm.instance.tasks[t], jm.x[(t, r)]
        for s, options in enumerate(task.slots):
            if len(options) == 1:
                occurrences.append(Occurrence(x, options[0], task.location, t, fixed=not task.flexible[s]))
                continue
            for o, p in enumerate(options):
                at = jm.choice[(t, s, o)]
                present = model.new_bool_var(f"in_{task.id}_{s}_{o}_{r}")
                model.add_implication(present, x)
                model.add_implication(present, at)
                model.add_bool_or([x.Not(), at.Not(), present])
                jm.derive(present, lambda v, a=x, b=at: v[a] * v[b])
                occurrences.append(Occurrence(present, p, task.location, t))
    jm.occurrences[r] = occurrences
    return occurrences


def add_time_rules(jm: JobModel, r: int) -> None:
    by_day: dict[int, list[Occurrence]] = defaultdict(list)
    for occ in job_occurrences(jm, r):
        by_day[occ.placement.day].append(occ)
    for day, occurrences in by_day.items():
        occurrences.sort(key=lambda o: (o.placement.start, o.placement.end))
        _no_overlap(jm, occurrences)
        _travel(jm, occurrences)
        _day_hours(jm, r, day, occurrences)
        _gap(jm, r, day, occurrences)


def _no_overlap(jm: JobModel, occurrences: list[Occurrence]) -> None:
    previous: set[int] = set()
    for start in sorted({o.placement.start for o in occurrences}):
        covering = [o for o in occurrences if o.placement.start <= start < o.placement.end]
        keys = {id(o) for o in covering}
        if len(covering) >= 2 and not keys <= previous:
            jm.model.add_at_most_one([o.literal for o in covering])
        previous = keys


def _travel(jm: JobModel, occurrences: list[Occurrence]) -> None:
    inst = jm.instance
    max_travel = max((m for row in inst.travel.values() for m in row.values()), default=0)
    for i, a in enumerate(occurrences):
        for b in occurrences[i + 1:]:
            if b.placement.start - a.placement.end >= max_travel:
                break
            if a.location == b.location or a.task == b.task:
                continue
            if a.fixed and b.fixed:
                continue  # both fixed: separated per task pair already
            pa, pb = a.placement, b.placement
            if pa.start < pb.end and pb.start < pa.end:
                continue  # overlap: cut by the time-point cliques
            gap = pb.start - pa.end if pa.end <= pb.start else pa.start - pb.end
            if gap < inst.travel_gap(a.location, b.location):
                jm.model.add_bool_or([a.literal.Not(), b.literal.Not()])


def _day_hours(jm: JobModel, r: int, day: int, occurrences: list[Occurrence]) -> None:
    rules, model = jm.instance.rules, jm.model
    literals = [o.literal for o in occurrences]
    work = sum(o.placement.minutes * o.literal for o in occurrences)
    worked = model.new_bool_var(f"works_{r}_{day}")
    for lit in literals:
        model.add_implication(lit, worked)
    model.add_bool_or(literals + [worked.Not()])
    jm.derive(worked, lambda v, lits=literals: int(any(v[lit] for lit in lits)))
    model.add(work >= rules.min_day_minutes * worked)
    if sum(o.placement.minutes for o in occurrences) > rules.max_day_minutes:
        model.add(work <= rules.max_day_minutes)


def _gap(jm: JobModel, r: int, day: int, occurrences: list[Occurrence]) -> None:
    model, max_gap = jm.model, jm.instance.rules.max_gap_minutes
    first_end = min(o.placement.end for o in occurrences)
    last_start = max(o.placement.start for o in occurrences)
    if last_start - first_end <= max_gap:
        return  # no two occurrences of this day can be further apart than allowed
    end = model.new_int_var(0, DAY_END, f"end_{r}_{day}")
    pairs = [(o.literal, o.placement.end) for o in occurrences]
    jm.derive(end, lambda v, pairs=pairs: max((e for lit, e in pairs if v[lit]), default=0))
    last_by: dict[int, object] = {}
    for o in occurrences:
        model.add(end >= o.placement.end).only_enforce_if(o.literal)
    for o in occurrences:
        e = o.placement.end
        if e not in last_by:
            is_last = model.new_bool_var(f"last_{r}_{day}_{e}")
            model.add(end <= e).only_enforce_if(is_last)
            jm.derive(is_last, lambda v, var=end, e=e: int(v[var] <= e))
            last_by[e] = is_last
        bridges = [b.literal for b in occurrences if e <= b.placement.start <= e + max_gap]
        model.add_bool_or([o.literal.Not(), last_by[e], *bridges])

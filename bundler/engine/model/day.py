"""One day of one job: rules 4, 5, 11, 12 and 13 on presence literals alone.

- overlap: one at-most-one per time point where an occurrence starts (interval-graph
  cliques, much tighter than pairwise clauses);
- pairs (`bundler.engine.rulebook.pair_breach`: travel, changeover, hygiene order)
  exclude each other (pairs of fixed work of two tasks are already separated per task
  pair when preparing);
- gap: with End = the day's last end, every present occurrence a is either last
  (End <= end(a)) or some present occurrence starts within [end(a), end(a) + max_gap].
  Given no overlap this is exactly "consecutive gaps are at most max_gap";
- hours: a worked-day literal, the day's minutes between the limits;
- pause (rule 11): a long day has an occurrence after which nothing starts until
  travel plus the pause has passed, and something does start later.
"""

from __future__ import annotations

from bundler.domain import AFTER_DIRTY
from bundler.engine.model.variables import JobModel, Occurrence
from bundler.engine.rulebook import pair_breach

DAY_END = 24 * 60


def add_day_rules(jm: JobModel, r: int, by_day: dict[int, list[Occurrence]]) -> dict:
    """The day rules for every day job r may work; returns its worked-day literals."""
    worked = {}
    for day, occurrences in sorted(by_day.items()):
        occurrences.sort(key=lambda o: (o.placement.start, o.placement.end))
        _no_overlap(jm, occurrences)
        _pairs(jm, occurrences)
        worked[day] = _day_hours(jm, r, day, occurrences)
        _gap(jm, r, day, occurrences)
        _pause(jm, r, day, occurrences)
    return worked


def _no_overlap(jm: JobModel, occurrences: list[Occurrence]) -> None:
    previous: set[int] = set()
    for start in sorted({o.placement.start for o in occurrences}):
        covering = [o for o in occurrences if o.placement.start <= start < o.placement.end]
        keys = {id(o) for o in covering}
        if len(covering) >= 2 and not keys <= previous:
            jm.model.add_at_most_one([o.literal for o in covering])
        previous = keys


def separate(jm: JobModel, a: Occurrence, others: list[Occurrence]) -> None:
    """a excludes every one of `others` it breaks a pair rule with (one constraint)."""
    clashing = [b.literal.Not() for b in others
                if pair_breach(jm.instance, a.placement, a.task, b.placement, b.task)]
    if clashing:
        jm.model.add_bool_and(clashing).only_enforce_if(a.literal)


def _pairs(jm: JobModel, occurrences: list[Occurrence]) -> None:
    """Same-day pairs that break travel, changeover or hygiene order exclude each other."""
    inst = jm.instance
    max_travel = max((m for row in inst.travel.values() for m in row.values()), default=0)
    reach = max_travel + inst.rules.changeover_minutes
    for i, a in enumerate(occurrences):
        others = []
        # Beyond travel and changeover only the hygiene order can still bite: dirty work first.
        dirty = inst.rules.hygiene_order and inst.tasks[a.task].hygiene == "dirty"
        for b in occurrences[i + 1:]:
            if b.placement.start - a.placement.end >= reach:
                if not dirty:
                    break
                if inst.tasks[b.task].hygiene not in AFTER_DIRTY:
                    continue
            if a.fixed and b.fixed:
                continue  # both fixed: separated per task pair already (or one task's own slots)
            pa, pb = a.placement, b.placement
            if pa.start < pb.end and pb.start < pa.end:
                continue  # overlap: cut by the time-point cliques
            others.append(b)
        separate(jm, a, others)


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
    return worked


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


def _pause(jm: JobModel, r: int, day: int, occurrences: list[Occurrence]) -> None:
    """Rule 11: more than `break_after` hours of work only with a pause of `min_break`.

    pause[a]: a is present, every present occurrence that starts after a ends starts at
    least travel + pause later, and one does (so the pause lies between two pieces of
    work). With shortest-path travel, checking the next occurrence or all later ones is
    the same."""
    inst, model, rules = jm.instance, jm.model, jm.instance.rules
    if rules.min_break_minutes <= 0:
        return
    limit = rules.break_after_minutes
    if min(sum(o.placement.minutes for o in occurrences), rules.max_day_minutes) <= limit:
        return
    pauses = []
    for a in occurrences:
        end = a.placement.end
        after = [o for o in occurrences if o.placement.start >= end and o is not a]
        need = {id(o): (inst.travel_gap(a.location, o.location) or 0) + rules.min_break_minutes for o in after}
        too_soon = [o for o in after if o.placement.start < end + need[id(o)]]
        later = [o for o in after if o.placement.start >= end + need[id(o)]]
        if not later:
            continue
        pause = model.new_bool_var(f"pause_{r}_{day}_{len(pauses)}")
        model.add_bool_and([a.literal, *(o.literal.Not() for o in too_soon)]).only_enforce_if(pause)
        model.add_bool_or([pause.Not(), *(o.literal for o in later)])
        jm.derive(pause, lambda v, a=a, soon=too_soon, later=later: int(
            bool(v[a.literal]) and not any(v[o.literal] for o in soon) and any(v[o.literal] for o in later)))
        pauses.append(pause)
    work = sum(o.placement.minutes * o.literal for o in occurrences)
    short = model.new_bool_var(f"short_{r}_{day}")
    model.add(work <= limit).only_enforce_if(short)
    jm.derive(short, lambda v, occ=occurrences: int(sum(o.placement.minutes * v[o.literal] for o in occ) <= limit))
    model.add_bool_or([short, *pauses])

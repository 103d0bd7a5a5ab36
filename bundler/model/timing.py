"""The schedule rules of the rule book as constraints: rules 4, 5 and 8-13, spreading.

Every occurrence a job may work is a placement with a presence literal: x[t, r] for
a fixed slot, x[t, r] AND "slot at this placement" for a flexible one. The rules are
then stated on presence literals alone:

- overlap: one at-most-one per time point where an occurrence starts (interval-graph
  cliques, much tighter than pairwise clauses);
- pairs (`bundler.rulebook.pair_breach`: travel, changeover, hygiene order, daily
  rest between neighbouring days) exclude each other (pairs of fixed work of two
  tasks are already separated per task pair);
- gap: with End = the day's last end, every present occurrence a is either last
  (End <= end(a)) or some present occurrence starts within [end(a), end(a) + max_gap].
  Given no overlap this is exactly "consecutive gaps are at most max_gap".
- pause (rule 11): a long day has an occurrence after which nothing starts until
  travel plus the pause has passed, and something does start later;
- week (rules 8 and 10): a count of working days, and one rest between consecutive
  working days of at least the weekly rest.
"""

from __future__ import annotations

from collections import defaultdict

from bundler.model.builder import JobModel, Occurrence
from bundler.rulebook import pair_breach

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
        if jm.instance.rules.spread_flexible_slots:
            _spread(jm, t)


def _spread(jm: JobModel, t: int) -> None:
    """The flexible slots of one task go to different days (their own fixed days are
    left out when preparing)."""
    task = jm.instance.tasks[t]
    by_day: dict[int, list] = defaultdict(list)
    for s, (options, flex) in enumerate(zip(task.slots, task.flexible)):
        if flex:
            for o, p in enumerate(options):
                by_day[p.day].append(jm.slot_literal(t, s, o))
    for literals in by_day.values():
        if len(literals) < 2:
            continue
        if any(lit is True for lit in literals):  # a slot with one placement takes that day
            for lit in literals:
                if lit is not True:
                    jm.model.add(lit == 0)
        else:
            jm.model.add_at_most_one(literals)


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
    worked = {}
    for day, occurrences in sorted(by_day.items()):
        occurrences.sort(key=lambda o: (o.placement.start, o.placement.end))
        _no_overlap(jm, occurrences)
        _pairs(jm, occurrences)
        worked[day] = _day_hours(jm, r, day, occurrences)
        _gap(jm, r, day, occurrences)
        _pause(jm, r, day, occurrences)
    _daily_rest(jm, by_day)
    _work_days(jm, worked)
    _weekly_rest(jm, r, by_day, worked)


def _no_overlap(jm: JobModel, occurrences: list[Occurrence]) -> None:
    previous: set[int] = set()
    for start in sorted({o.placement.start for o in occurrences}):
        covering = [o for o in occurrences if o.placement.start <= start < o.placement.end]
        keys = {id(o) for o in covering}
        if len(covering) >= 2 and not keys <= previous:
            jm.model.add_at_most_one([o.literal for o in covering])
        previous = keys


def _separate(jm: JobModel, a: Occurrence, b: Occurrence) -> None:
    if pair_breach(jm.instance, a.placement, a.task, b.placement, b.task):
        jm.model.add_bool_or([a.literal.Not(), b.literal.Not()])


def _pairs(jm: JobModel, occurrences: list[Occurrence]) -> None:
    """Same-day pairs that break travel, changeover or hygiene order exclude each other."""
    inst = jm.instance
    max_travel = max((m for row in inst.travel.values() for m in row.values()), default=0)
    reach = max_travel + inst.rules.changeover_minutes
    hygiene = inst.rules.hygiene_order and any(inst.tasks[o.task].hygiene for o in occurrences)
    for i, a in enumerate(occurrences):
        for b in occurrences[i + 1:]:
            if not hygiene and b.placement.start - a.placement.end >= reach:
                break
            if a.fixed and b.fixed:
                continue  # both fixed: separated per task pair already (or one task's own slots)
            pa, pb = a.placement, b.placement
            if pa.start < pb.end and pb.start < pa.end:
                continue  # overlap: cut by the time-point cliques
            _separate(jm, a, b)


def _daily_rest(jm: JobModel, by_day: dict[int, list[Occurrence]]) -> None:
    """Work late on one day and early on the next exclude each other (rule 9)."""
    need = jm.instance.rules.min_rest_minutes
    if need <= 0:
        return
    for day, late in by_day.items():
        early = by_day.get((day + 1) % 7, [])
        for a in late:
            if DAY_END + min((o.placement.start for o in early), default=DAY_END) - a.placement.end >= need:
                continue
            for b in early:
                if not (a.fixed and b.fixed):
                    _separate(jm, a, b)


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
        model.add_implication(pause, a.literal)
        for o in too_soon:
            model.add_implication(pause, o.literal.Not())
        model.add_bool_or([pause.Not(), *(o.literal for o in later)])
        jm.derive(pause, lambda v, a=a, soon=too_soon, later=later: int(
            bool(v[a.literal]) and not any(v[o.literal] for o in soon) and any(v[o.literal] for o in later)))
        pauses.append(pause)
    work = sum(o.placement.minutes * o.literal for o in occurrences)
    short = model.new_bool_var(f"short_{r}_{day}")
    model.add(work <= limit).only_enforce_if(short)
    jm.derive(short, lambda v, occ=occurrences: int(sum(o.placement.minutes * v[o.literal] for o in occ) <= limit))
    model.add_bool_or([short, *pauses])


def _work_days(jm: JobModel, worked: dict) -> None:
    """Rule 8: at most `max_work_days` working days."""
    limit = jm.instance.rules.max_work_days
    if len(worked) > limit:
        jm.model.add(sum(worked.values()) <= limit)


def _weekly_rest(jm: JobModel, r: int, by_day: dict[int, list[Occurrence]], worked: dict) -> None:
    """Rule 10: some rest between consecutive working days (the week repeats) lasts at
    least `min_weekly_rest`. first/last bound each day's work from outside (first <= every
    start, last >= every end): the rest they give is never more than the real one."""
    model, need = jm.model, jm.instance.rules.min_weekly_rest_minutes
    if need <= 0 or not worked:
        return
    earliest = min(o.placement.start for occ in by_day.values() for o in occ)
    latest = max(o.placement.end for occ in by_day.values() for o in occ)
    if jm.instance.rules.max_work_days <= 5 and 2 * DAY_END + earliest - latest >= need:
        return  # two days off in a week always leave a gap of a day off, long enough here
    first, last = {}, {}
    for day, occ in by_day.items():
        first[day] = model.new_int_var(0, DAY_END, f"first_{r}_{day}")
        last[day] = model.new_int_var(0, DAY_END, f"last_{r}_{day}")
        for o in occ:
            model.add(first[day] <= o.placement.start).only_enforce_if(o.literal)
            model.add(last[day] >= o.placement.end).only_enforce_if(o.literal)
        jm.derive(first[day], lambda v, occ=occ: min((o.placement.start for o in occ if v[o.literal]), default=0))
        jm.derive(last[day], lambda v, occ=occ: max((o.placement.end for o in occ if v[o.literal]), default=0))
    options = []
    days = sorted(worked)
    for a in days:
        for ahead in range(1, 8):
            b = (a + ahead) % 7
            if b not in worked:
                continue
            between = [(a + k) % 7 for k in range(1, ahead)]
            rest = model.new_bool_var(f"rest_{r}_{a}_{ahead}")
            model.add_implication(rest, worked[a])
            model.add_implication(rest, worked[b])
            for d in between:
                if d in worked:
                    model.add_implication(rest, worked[d].Not())
            if ahead * DAY_END - DAY_END < need:  # otherwise any times leave enough rest
                model.add(ahead * DAY_END + first[b] - last[a] >= need).only_enforce_if(rest)
            jm.derive(rest, lambda v, a=a, b=b, ahead=ahead, between=between: int(
                bool(v[worked[a]]) and bool(v[worked[b]]) and not any(v[worked[d]] for d in between if d in worked)
                and ahead * DAY_END + v[first[b]] - v[last[a]] >= need))
            options.append(rest)
    model.add_bool_or([jm.opened(r).Not(), *options])

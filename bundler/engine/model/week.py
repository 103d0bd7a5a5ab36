"""The week of one job: rules 8 (working days), 9 (daily rest) and 10 (weekly rest)."""

from __future__ import annotations

from bundler.engine.model.day import DAY_END, separate
from bundler.engine.model.variables import JobModel, Occurrence


def add_week_rules(jm: JobModel, r: int, by_day: dict[int, list[Occurrence]], worked: dict) -> None:
    _daily_rest(jm, by_day)
    _work_days(jm, worked)
    _weekly_rest(jm, r, by_day, worked)


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
            separate(jm, a, [b for b in early if not (a.fixed and b.fixed)])


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

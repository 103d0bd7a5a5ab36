"""Job quality as a penalty the model minimises after its main objective.

The same penalty as `bundler.engine.quality.schedule_penalty`, in minute-equivalents:
each day's span less its work (idle time, travel included), each building beyond the
first on a day, each weekend day. first/last bound a day's work from outside; minimising
the span pulls them onto the real first start and last end.
"""

from __future__ import annotations

from collections import defaultdict

from bundler.engine.model.day import DAY_END
from bundler.engine.model.variables import JobModel, Occurrence
from bundler.engine.quality import BUILDING_PENALTY, WEEKEND, WEEKEND_PENALTY


def add_quality(jm: JobModel, r: int, by_day: dict[int, list[Occurrence]], worked: dict) -> None:
    model = jm.model
    for day, occurrences in by_day.items():
        if day in WEEKEND:
            jm.penalty.append(WEEKEND_PENALTY * worked[day])
        at: dict[int, list] = defaultdict(list)
        for o in occurrences:
            at[o.location].append(o.literal)
        if len(at) > 1:
            for location, literals in at.items():
                here = model.new_bool_var(f"at_{r}_{day}_{location}")
                for lit in literals:
                    model.add_implication(lit, here)
                jm.derive(here, lambda v, lits=literals: int(any(v[lit] for lit in lits)))
                jm.penalty.append(BUILDING_PENALTY * here)
            jm.penalty.append(-BUILDING_PENALTY * worked[day])
        if len(occurrences) < 2:
            continue
        first = model.new_int_var(0, DAY_END, f"qfirst_{r}_{day}")
        last = model.new_int_var(0, DAY_END, f"qlast_{r}_{day}")
        for o in occurrences:
            model.add(first <= o.placement.start).only_enforce_if(o.literal)
            model.add(last >= o.placement.end).only_enforce_if(o.literal)
        model.add(last >= first)
        jm.derive(first, lambda v, occ=occurrences: min((o.placement.start for o in occ if v[o.literal]), default=0))
        jm.derive(last, lambda v, occ=occurrences: max((o.placement.end for o in occ if v[o.literal]), default=0))
        work = sum(o.placement.minutes * o.literal for o in occurrences)
        jm.penalty.append(last - first - work)

"""Where flexible slots go: exactly one candidate placement each, spread over days,
and every occurrence a job may work as a placement with a presence literal (x[t, r] for
a fixed slot, x[t, r] AND "slot at this placement" for a flexible one)."""

from __future__ import annotations

from collections import defaultdict

from bundler.engine.model.variables import JobModel, Occurrence


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

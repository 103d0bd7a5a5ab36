"""Which task goes to which job (rule 1), and pairs that may never meet (rule 7:
other regions, vetoes; and the pair clashes found when preparing)."""

from __future__ import annotations

from bundler.engine.model.variables import JobModel


def representative_order(jm: JobModel) -> list[int]:
    """Long tasks first: a job is represented by its longest task, which keeps
    candidate lists short for the jobs that have many small partners."""
    tasks = jm.instance.tasks
    return sorted(jm.tasks, key=lambda t: (-tasks[t].minutes, t))


def add_assignment(jm: JobModel) -> None:
    model, inst = jm.model, jm.instance
    jm.order = representative_order(jm)
    for pos, r in enumerate(jm.order):
        blocked, region = inst.conflicts[r], inst.region_of_task(r)
        jm.candidates[r] = [r] + [t for t in jm.order[pos + 1:]
                                  if t not in blocked and inst.region_of_task(t) == region]
        for t in jm.candidates[r]:
            jm.x[(t, r)] = model.new_bool_var(f"x_{inst.tasks[t].id}_{inst.tasks[r].id}")
        opened = jm.opened(r)
        for t in jm.candidates[r][1:]:
            model.add_implication(jm.x[(t, r)], opened)
        separate_pairs(jm, r)
    must_cover = inst.rules.objective == "cover"
    for t in jm.order:
        uses = [jm.x[(t, r)] for r in jm.order if (t, r) in jm.x]
        if must_cover:
            model.add_exactly_one(uses)
        else:
            model.add_at_most_one(uses)


def separate_pairs(jm: JobModel, r: int) -> None:
    """Vetoed pairs and travel clashes of fixed work: never both in job r."""
    members = jm.candidates[r]
    in_job = set(members)
    for i, t in enumerate(members):
        for u in jm.instance.separations[t] & in_job:
            if members.index(u) > i:
                jm.model.add_bool_or([jm.x[(t, r)].Not(), jm.x[(u, r)].Not()])

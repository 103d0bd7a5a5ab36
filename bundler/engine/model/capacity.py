"""Rules 2, 3 and 6: weekly hours, suppliers per job, skills per job."""

from __future__ import annotations

from collections import defaultdict

from bundler.engine.model.variables import JobModel


def add_capacity(jm: JobModel, r: int) -> None:
    add_hours(jm, r)
    add_distinct_limit(jm, r, lambda t: [jm.instance.tasks[t].supplier], jm.instance.rules.max_suppliers_per_job, "sup")
    if jm.instance.rules.max_skills_per_job is not None:
        add_distinct_limit(jm, r, lambda t: sorted(jm.instance.tasks[t].skills), jm.instance.rules.max_skills_per_job, "skill")


def add_hours(jm: JobModel, r: int) -> None:
    rules, tasks = jm.instance.rules, jm.instance.tasks
    load = sum(tasks[t].minutes * jm.x[(t, r)] for t in jm.candidates[r])
    jm.model.add(load >= rules.min_job_minutes * jm.opened(r))
    if sum(tasks[t].minutes for t in jm.candidates[r]) > rules.max_job_minutes:
        jm.model.add(load <= rules.max_job_minutes)


def add_distinct_limit(jm: JobModel, r: int, labels, limit: int, name: str) -> None:
    """At most `limit` distinct labels (suppliers, skills) among the job's tasks."""
    holders: dict[int, list[int]] = defaultdict(list)
    for t in jm.candidates[r]:
        for label in labels(t):
            holders[label].append(t)
    if len(holders) <= limit:
        return
    used = []
    for label, members in holders.items():
        var = jm.model.new_bool_var(f"{name}{label}_{r}")
        literals = [jm.x[(t, r)] for t in members]
        for lit in literals:
            jm.model.add_implication(lit, var)
        jm.derive(var, lambda v, lits=literals: int(any(v[lit] for lit in lits)))
        used.append(var)
    jm.model.add(sum(used) <= limit)

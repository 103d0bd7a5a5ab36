"""The three objectives of the contract, each as one exact weighted sum."""

from __future__ import annotations

from bundler.engine.model.variables import JobModel


def set_objective(jm: JobModel) -> None:
    tasks, objective = jm.instance.tasks, jm.instance.rules.objective
    jobs = sum(jm.opened(r) for r in jm.representatives)
    bundled = sum(tasks[t].minutes * var for (t, _), var in jm.x.items())
    total_minutes = sum(tasks[t].minutes for t in jm.tasks)
    if objective == "jobs":
        # One more job always beats any number of extra minutes.
        jm.objective_scale = total_minutes + 1
        jm.model.maximize(jm.objective_scale * jobs + bundled)
    elif objective == "hours":
        jm.objective_scale = 1
        jm.model.maximize((len(jm.tasks) + 1) * bundled + jobs)
    else:
        jm.objective_scale = 1
        jm.model.minimize(jobs)

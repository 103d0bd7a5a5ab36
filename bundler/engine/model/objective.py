"""The three objectives of the contract, each as one exact weighted sum, with the
job-quality penalty (when on) strictly after the contract's objective: never at the
cost of a job or of an hour bundled, so OPTIMAL keeps the contract's meaning."""

from __future__ import annotations

from bundler.engine.model.variables import JobModel


def most_penalty(jm: JobModel) -> int:
    """A bound on the total penalty: every task's occurrence adds at most one wait of the
    longest allowed gap, one extra building and one weekend day."""
    from bundler.engine.quality import BUILDING_PENALTY, WEEKEND_PENALTY

    if not jm.penalty:
        return 0
    slots = sum(len(jm.instance.tasks[t].slots) for t in jm.tasks)
    return slots * (jm.instance.rules.max_gap_minutes + BUILDING_PENALTY + WEEKEND_PENALTY)


def set_objective(jm: JobModel) -> None:
    tasks, objective = jm.instance.tasks, jm.instance.rules.objective
    jobs = sum(jm.opened(r) for r in jm.representatives)
    bundled = sum(tasks[t].minutes * var for (t, _), var in jm.x.items())
    total_minutes = sum(tasks[t].minutes for t in jm.tasks)
    penalty = sum(jm.penalty) if jm.penalty else 0
    most = most_penalty(jm)
    jm.penalty_offset = most
    tier = most + 1  # one step of the contract's objective beats any better rota
    if objective == "jobs":
        # One more job always beats any number of extra minutes; a minute beats any rota.
        jm.objective_scale = tier * (total_minutes + 1)
        jm.model.maximize(jm.objective_scale * jobs + tier * bundled - penalty)
    elif objective == "hours":
        jm.objective_scale = 1
        jm.model.maximize(tier * ((len(jm.tasks) + 1) * bundled + jobs) - penalty)
    else:
        jm.objective_scale = 1
        jm.model.minimize(tier * jobs + penalty)

"""Why is a task left over? Plain reasons a facility manager can act on."""

from __future__ import annotations

from bundler.engine.instance import Instance


def unassigned_reason(instance: Instance, t: int, proven_optimal: bool) -> str:
    """The most specific reason we can prove, falling back to 'left over by the optimum'."""
    rules = instance.rules
    own = instance.own_problems.get(t)
    if own:
        return "cannot be in any job: " + "; ".join(b.message for b in own)
    region = next(r for r in instance.regions if t in r)
    partners = [u for u in region if u != t and u not in instance.conflicts[t] and u not in instance.own_problems]
    if not partners:
        if len(region) == 1:
            return "no partner task in reach: no other task is at a connected place"
        return "no partner task in reach: every task nearby clashes in time, is vetoed or is too long to combine"
    reachable = instance.tasks[t].minutes + sum(instance.tasks[u].minutes for u in partners)
    if reachable < rules.min_job_minutes:
        return (
            f"its hours or days cannot be combined: with every task that fits beside it, "
            f"it reaches {reachable / 60:g} h, less than the {rules.min_job_hours:g} h a job needs"
        )
    if proven_optimal:
        return "left over by the optimum: the proven best plan has no room for it"
    return "left over by the best plan found in the time limit"

"""Why is a task left over? The rule that blocks it and the nearest miss, in Dutch and English.

A facility manager has to tell a supplier why its task is not used, and what would
change that. So each reason names one rule and, where we can, the numbers: "past in
J04, maar dan wordt donderdag 8,5 u (max 8)", "geen andere taak op zondag binnen 60
minuten", "3 u per week; samen met de taken die ernaast passen nooit 20 u". In order:

1. the task breaks a rule on its own (its own slots; proven);
2. no task in reach can share a job with it (proven);
3. with every task that can share a job with it, the week stays too short (proven);
4. a short working day with nothing to add within the longest wait (proven);
5. the nearest miss: the job of the plan it comes closest to joining, and what would
   break if it did (with that job's rota as planned);
6. else: the best plan has no room for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from bundler.engine.construct import Job
from bundler.engine.instance import Instance, Placement
from bundler.engine.rulebook import (
    Occurrence,
    day_breaches,
    group_by_day,
    pair_breach,
    rests,
    static_breaches,
    week_breaches,
)
from bundler.rules import Rule

DAY_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
DAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HYGIENE_NL = {"clean": "schoon werk", "food": "werk met eten", "patient": "werk bij patiënten"}
HYGIENE_EN = {"clean": "clean work", "food": "work with food", "patient": "work with patients"}
MAX_PHRASES = 2
"""A nearest miss names at most this many broken rules; more would not be read."""
NEAREST_JOBS = 8
"""Jobs tried per left-over task, closest first: enough to find the near miss, few enough to stay fast."""


@dataclass(frozen=True)
class Reason:
    rule: Rule | None
    en: str
    nl: str


def _n(value: float, lang: str) -> str:
    text = f"{round(value, 2):g}"
    return text.replace(".", ",") if lang == "nl" else text


def _h(minutes: float, lang: str) -> str:
    return f"{_n(minutes / 60, lang)} {'u' if lang == 'nl' else 'h'}"


def _minutes(gap: int, lang: str) -> str:
    """'5 min', or 'geen tijd' for work back to back."""
    return f"{gap} min" if gap > 0 else ("geen tijd" if lang == "nl" else "no time")


def _task_name(instance: Instance, t: int) -> str:
    """A task as people know it: its title ('Koffiebar Minnaert'), else its id."""
    title = instance.task_file.tasks[t].title.strip()
    return f"'{title}'" if title else instance.tasks[t].id


def _place(instance: Instance, location: int) -> str:
    record = instance.task_file.locations[location]
    return record.name or record.id


def _wait(minutes: int, lang: str) -> str:
    """Minutes up to two hours, hours beyond: '45 min', '7 u'."""
    return f"{minutes} min" if minutes < 120 else _h(minutes, lang)


def _pair(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


# --- what a broken rule means, with its numbers ------------------------------------------


def _day_phrase(instance: Instance, rule: Rule, day: int, occurrences: list[Occurrence],
                subject: int | None = None) -> dict[str, str]:
    """'donderdag wordt 8,5 u (max 8)': one day rule broken on one day, in words and numbers."""
    rules, tasks = instance.rules, instance.tasks
    ordered = sorted(occurrences)
    worked = sum(p.minutes for p, _, _ in ordered)
    dn, de = DAY_NL[day], DAY_EN[day]
    if rule is Rule.DAY_HOURS:
        if worked > rules.max_day_minutes:
            return _pair(f"wordt {dn} {_h(worked, 'nl')} (max {_n(rules.max_day_hours, 'nl')})",
                         f"{de} becomes {_h(worked, 'en')} (max {_n(rules.max_day_hours, 'en')})")
        return _pair(f"is {dn} maar {_h(worked, 'nl')} werk (minstens {_n(rules.min_day_hours, 'nl')})",
                     f"{de} is only {_h(worked, 'en')} of work (at least {_n(rules.min_day_hours, 'en')})")
    if rule is Rule.BREAK:
        return _pair(f"wordt {dn} {_h(worked, 'nl')} werk zonder pauze van {rules.min_break_minutes} min",
                     f"{de} becomes {_h(worked, 'en')} of work without a {rules.min_break_minutes}-minute break")
    if rule is Rule.GAP:
        gap = max((b.start - a.end for (a, _, _), (b, _, _) in zip(ordered, ordered[1:])), default=0)
        return _pair(f"is het op {dn} {_wait(gap, 'nl')} wachten (max {rules.max_gap_minutes} min)",
                     f"there is a wait of {_wait(gap, 'en')} on {de} (max {rules.max_gap_minutes} min)")
    for (a, la, ta), (b, lb, tb) in zip(ordered, ordered[1:]):
        if pair_breach(instance, a, ta, b, tb) is not rule:
            continue
        other = _task_name(instance, ta if tb == subject else tb)
        gap, needed = b.start - a.end, instance.travel_gap(la, lb) or 0
        if rule is Rule.OVERLAP:
            return _pair(f"overlapt het op {dn} met {other}", f"on {de} it overlaps {other}")
        there = f"{_place(instance, la)} naar {_place(instance, lb)}"
        if rule is Rule.TRAVEL:
            return _pair(f"is er op {dn} {_minutes(gap, 'nl')} om van {there} te gaan ({needed} min nodig)",
                         f"on {de} there is {_minutes(gap, 'en')} to get from {there.replace(' naar ', ' to ')} "
                         f"({needed} min needed)")
        if rule is Rule.CHANGEOVER:
            return _pair(f"is er op {dn} {_minutes(gap, 'nl')} om van leverancier te wisselen "
                         f"({needed + rules.changeover_minutes} min nodig)",
                         f"on {de} there is {_minutes(gap, 'en')} to switch supplier "
                         f"({needed + rules.changeover_minutes} min needed)")
    if rule is Rule.HYGIENE:
        after = next((tasks[t].hygiene for _, _, t in ordered if tasks[t].hygiene in HYGIENE_NL), "clean")
        return _pair(f"komt op {dn} {HYGIENE_NL[after]} na vuil werk", f"on {de} {HYGIENE_EN[after]} follows dirty work")
    return _pair(f"breekt het op {dn} de regel '{rule.label_nl.lower()}'", f"on {de} it breaks the rule '{rule.label_en.lower()}'")


def _week_phrase(instance: Instance, rule: Rule, by_day: dict[int, list[Occurrence]]) -> dict[str, str]:
    rules = instance.rules
    days = sum(1 for occ in by_day.values() if occ)
    periods = rests(by_day)
    if rule is Rule.WORK_DAYS:
        return _pair(f"zijn het {days} werkdagen (max {rules.max_work_days})",
                     f"then it is {days} working days (max {rules.max_work_days})")
    if rule is Rule.DAILY_REST and periods:
        a, b, minutes = min(periods, key=lambda p: p[2])
        return _pair(f"is er tussen {DAY_NL[a]} en {DAY_NL[b]} maar {_h(minutes, 'nl')} rust "
                     f"(minstens {_n(rules.min_rest_hours, 'nl')})",
                     f"only {_h(minutes, 'en')} of rest between {DAY_EN[a]} and {DAY_EN[b]} "
                     f"(at least {_n(rules.min_rest_hours, 'en')})")
    if rule is Rule.WEEKLY_REST and periods:
        longest = max(m for _, _, m in periods)
        return _pair(f"wordt de langste rust van de week {_h(longest, 'nl')} "
                     f"(minstens {_n(rules.min_weekly_rest_hours, 'nl')})",
                     f"the longest rest of the week becomes {_h(longest, 'en')} "
                     f"(at least {_n(rules.min_weekly_rest_hours, 'en')})")
    return _pair(f"breekt het de regel '{rule.label_nl.lower()}'", f"it breaks the rule '{rule.label_en.lower()}'")


def _static_phrase(instance: Instance, rule: Rule, tasks: list[int]) -> dict[str, str]:
    rules, prepared = instance.rules, instance.tasks
    if rule is Rule.JOB_HOURS:
        minutes = sum(prepared[t].minutes for t in tasks)
        return _pair(f"wordt de baan {_h(minutes, 'nl')} per week (max {_n(rules.max_job_hours, 'nl')})",
                     f"the job becomes {_h(minutes, 'en')} a week (max {_n(rules.max_job_hours, 'en')})")
    if rule is Rule.SUPPLIERS:
        count = len({prepared[t].supplier for t in tasks})
        return _pair(f"komen er {count} leveranciers in (max {rules.max_suppliers_per_job})",
                     f"it gets {count} suppliers (max {rules.max_suppliers_per_job})")
    if rule is Rule.SKILLS:
        count = len(set().union(*(prepared[t].skills for t in tasks)))
        return _pair(f"vraagt de baan {count} vaardigheden (max {rules.max_skills_per_job})",
                     f"the job asks {count} skills (max {rules.max_skills_per_job})")
    if rule is Rule.INCOMPATIBLE:
        pair = next(((a, b) for i, a in enumerate(tasks) for b in tasks[i + 1:]
                     if frozenset((a, b)) in instance.incompatible), None)
        if pair:
            a, b = (prepared[x].id for x in pair)
            return _pair(f"zitten {a} en {b} samen, en die mogen niet samen", f"{a} and {b} share it, which is not allowed")
    return _pair(f"breekt het de regel '{rule.label_nl.lower()}'", f"it breaks the rule '{rule.label_en.lower()}'")


def _schedule_phrases(instance: Instance, by_day: dict[int, list[Occurrence]],
                      subject: int | None = None) -> list[tuple[Rule, dict, int]]:
    """(rule, words, excess minutes) per schedule rule these placements break: the first day in words,
    the other days named after it ('..., ook op woensdag')."""
    rules = instance.rules
    first: dict[Rule, tuple[dict, int]] = {}
    also: dict[Rule, list[int]] = {}
    for day in sorted(by_day):
        occurrences = by_day[day]
        if not occurrences:
            continue
        for rule in dict.fromkeys(b.rule for b in day_breaches(instance, day, occurrences)):
            if rule in first:
                also[rule].append(day)
                continue
            worked = sum(p.minutes for p, _, _ in occurrences)
            excess = max(worked - rules.max_day_minutes, rules.min_day_minutes - worked, 15) \
                if rule is Rule.DAY_HOURS else 60
            first[rule], also[rule] = (_day_phrase(instance, rule, day, occurrences, subject), excess), []
    found = []
    for rule, (words, excess) in first.items():
        days = also[rule]
        if days:
            words = _pair(f"{words['nl']}, ook op {_and([DAY_NL[d] for d in days], 'en')}",
                          f"{words['en']}, also on {_and([DAY_EN[d] for d in days], 'and')}")
        found.append((rule, words, excess * (1 + len(days))))
    for breach in week_breaches(instance, by_day):
        if breach.rule not in first:
            found.append((breach.rule, _week_phrase(instance, breach.rule, by_day), 120))
    return found


def _and(items: list[str], word: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


# --- the reasons, strongest first ----------------------------------------------------------


def own_reason(instance: Instance, t: int) -> Reason | None:
    """The task on its own already breaks a rule (its fixed slots, its size)."""
    task, rules = instance.tasks[t], instance.rules
    own = instance.own_problems.get(t, [])
    by_day = group_by_day((p, task.location, t) for p in task.fixed_placements)
    long_piece = next((p for p in task.fixed_placements
                       if rules.min_break_minutes > 0 and p.minutes > rules.break_after_minutes), None)
    if not own and long_piece is None:
        return None
    rule = own[0].rule if own else Rule.BREAK
    if rule is Rule.JOB_HOURS:
        words = _pair(f"is zelf al {_h(task.minutes, 'nl')} per week (max {_n(rules.max_job_hours, 'nl')})",
                      f"is {_h(task.minutes, 'en')} a week on its own (max {_n(rules.max_job_hours, 'en')})")
    elif rule is Rule.SKILLS:
        words = _pair(f"vraagt zelf al {len(task.skills)} vaardigheden (max {rules.max_skills_per_job})",
                      f"asks {len(task.skills)} skills on its own (max {rules.max_skills_per_job})")
    elif rule is Rule.BREAK and long_piece is not None:
        words = _pair(f"{_h(long_piece.minutes, 'nl')} aan één stuk op {DAY_NL[long_piece.day]}; na "
                      f"{_n(rules.break_after_hours, 'nl')} u werk is een pauze van {rules.min_break_minutes} min nodig",
                      f"{_h(long_piece.minutes, 'en')} in one go on {DAY_EN[long_piece.day]}; after "
                      f"{_n(rules.break_after_hours, 'en')} h of work a {rules.min_break_minutes}-minute break is due")
    elif rule is Rule.SPREAD:
        words = _pair("zijn flexibele blokken passen niet op aparte dagen naast zijn vaste tijden",
                      "its flexible blocks do not fit on separate days beside its fixed times")
    elif rule is Rule.WORK_DAYS:
        days = len(task.fixed_days) + (sum(task.flexible) if rules.spread_flexible_slots else 0)
        words = _pair(f"werkt zelf al op {days} dagen (max {rules.max_work_days})",
                      f"works on {days} days on its own (max {rules.max_work_days})")
    else:
        phrases = _schedule_phrases(instance, by_day, t)
        chosen = next((w for r, w, _ in phrases if r is rule), None) or (phrases[0][1] if phrases else
                                                                       _pair(rule.label_nl, rule.label_en))
        words = _pair(f"met alleen zijn eigen tijden {chosen['nl']}", f"with its own times alone {chosen['en']}")
    return Reason(rule, f"cannot be in any job: {words['en']}", f"kan in geen enkele baan: {words['nl']}")


def _partners(instance: Instance, t: int, region: list[int]) -> list[int]:
    return [u for u in region if u != t and u not in instance.conflicts[t] and u not in instance.own_problems]


def _lonely_day(instance: Instance, t: int, partners: list[int]) -> Reason | None:
    """A fixed working day too short on its own, and no partner work within the longest wait of it."""
    rules, task = instance.rules, instance.tasks[t]
    if rules.min_day_minutes <= 0:
        return None
    for day, pieces in sorted(task.fixed_by_day.items()):
        worked = sum(p.minutes for p in pieces)
        if worked >= rules.min_day_minutes:
            continue
        if not any(_fits_beside(instance, t, pieces, u, q) for u in partners for q in _on_day(instance, u, day)):
            return Reason(
                Rule.DAY_HOURS,
                f"no other task on {DAY_EN[day]} within {rules.max_gap_minutes} minutes; alone, {DAY_EN[day]} is "
                f"{_h(worked, 'en')} and a working day needs at least {_n(rules.min_day_hours, 'en')} h",
                f"geen andere taak op {DAY_NL[day]} binnen {rules.max_gap_minutes} minuten; alleen is {DAY_NL[day]} "
                f"{_h(worked, 'nl')} en een werkdag is minstens {_n(rules.min_day_hours, 'nl')} u")
    return None


def _on_day(instance: Instance, u: int, day: int) -> list[Placement]:
    return [p for options in instance.tasks[u].slots for p in options if p.day == day]


def _fits_beside(instance: Instance, t: int, pieces: list[Placement], u: int, q: Placement) -> bool:
    gaps = [max(q.start - p.end, p.start - q.end) for p in pieces]
    return min(gaps) <= instance.rules.max_gap_minutes and not any(
        pair_breach(instance, p, t, q, u) for p in pieces)


def _closest_jobs(instance: Instance, t: int, jobs: Sequence[tuple[str, Job]]) -> list[tuple[str, Job]]:
    """The region's jobs nearest to t: shortest travel to one of its buildings, then most days shared."""
    task, region = instance.tasks[t], instance.region_of_task(t)
    days = {p.day for options in task.slots for p in options}

    def distance(item: tuple[str, Job]) -> tuple:
        _, job = item
        travel = min(instance.travel_minutes(task.location, instance.tasks[u].location) or 0 for u in job.tasks)
        return travel, -len(days & {p.day for p in job.schedule.values()}), item[0]

    near = [(i, j) for i, j in jobs if j.tasks and instance.region_of_task(j.tasks[0]) == region]
    return sorted(near, key=distance)[:NEAREST_JOBS]


def _nearest_miss(instance: Instance, t: int, jobs: Sequence[tuple[str, Job]]) -> Reason | None:
    """The job of the plan the task comes closest to joining (fewest rules broken, smallest excess)."""
    best = None
    for job_id, job in _closest_jobs(instance, t, jobs):
        phrases = _misses(instance, t, job)
        score = (len(phrases), sum(e for _, _, e in phrases), job_id)
        if best is None or score < best[0]:
            best = (score, job_id, phrases)
    if best is None:
        return None
    _, job_id, phrases = best
    if not phrases:
        return Reason(None, f"would still fit {job_id} as planned; the plan is not proven best",
                      f"past nog in {job_id} zoals die nu gepland is; het plan is niet bewezen het beste")
    shown = phrases[:MAX_PHRASES]
    more = len(phrases) - len(shown)
    nl = " en ".join(w["nl"] for _, w, _ in shown) + (f" (en nog {more} regel{'s' if more > 1 else ''})" if more else "")
    en = " and ".join(w["en"] for _, w, _ in shown) + (f" (and {more} more rule{'s' if more > 1 else ''})"
                                                       if more else "")
    if len(phrases) <= MAX_PHRASES:
        return Reason(shown[0][0], f"would fit {job_id}, but then {en}", f"past in {job_id}, maar dan {nl}")
    return Reason(shown[0][0], f"comes closest to {job_id}, but then {en}",
                  f"komt het dichtst bij {job_id}, maar dan {nl}")


def _misses(instance: Instance, t: int, job: Job) -> list[tuple[Rule, dict, int]]:
    """What breaks when t joins this job with the job's rota kept: static rules, then the schedule."""
    tasks = [*job.tasks, t]
    found = []
    for breach in static_breaches(instance, tasks):
        if breach.rule not in {r for r, _, _ in found}:
            excess = sum(instance.tasks[u].minutes for u in tasks) - instance.rules.max_job_minutes \
                if breach.rule is Rule.JOB_HOURS else 240
            found.append((breach.rule, _static_phrase(instance, breach.rule, tasks), max(excess, 15)))
    task = instance.tasks[t]
    occurrences = [(p, instance.tasks[u].location, u) for (u, _), p in job.schedule.items()]
    occurrences += [(p, task.location, t) for p in task.fixed_placements]
    by_day = group_by_day(occurrences)
    used = set(task.fixed_days)
    for options, flexible in zip(task.slots, task.flexible):
        if not flexible or not options:
            continue
        allowed = [p for p in options if not (instance.rules.spread_flexible_slots and p.day in used)] or list(options)
        choice = min(allowed, key=lambda p: _cost(instance, by_day, (p, task.location, t)))
        by_day[choice.day].append((choice, task.location, t))
        used.add(choice.day)
    return found + _schedule_phrases(instance, by_day, t)


def _cost(instance: Instance, by_day: dict[int, list[Occurrence]], occurrence: Occurrence) -> tuple[int, int]:
    trial = {d: list(o) for d, o in by_day.items()}
    trial.setdefault(occurrence[0].day, []).append(occurrence)
    phrases = _schedule_phrases(instance, trial, occurrence[2])
    return len(phrases), sum(e for _, _, e in phrases)


EXPLAIN_WORK = 1_000_000
"""How much explaining a plan may cost (tasks of the region plus jobs of the plan, per
left-over task): a campus of thousands of left-over tasks would otherwise take a minute.
Counted, not clocked, so the same plan gets the same reasons."""


def explain_all(instance: Instance, left_over: list[int], jobs: Sequence[tuple[str, Job]],
                proven_optimal: bool, halted: Callable[[], bool] = lambda: False) -> dict[int, Reason]:
    """A reason for every left-over task, with the plan's jobs as (id, job); past
    EXPLAIN_WORK, or once `halted()` (the command's deadline: explaining comes after the
    solve and must not break the time promise), the remaining tasks get the reasons that
    need no search."""
    members: dict[int, list[int]] = {}
    for task in instance.tasks:
        members.setdefault(instance.region_of_task(task.index), []).append(task.index)
    reasons, work, late = {}, 0, False
    for t in left_over:
        region = members[instance.region_of_task(t)]
        work += len(region) + len(jobs)
        late = late or halted()
        reasons[t] = explain_left_over(instance, t, jobs, proven_optimal, region) \
            if work <= EXPLAIN_WORK and not late else own_reason(instance, t) or _without_search(proven_optimal, late)
    return reasons


def _without_search(proven_optimal: bool, late: bool = False) -> Reason:
    if proven_optimal:
        return Reason(None, "left over by the optimum: the proven best plan has no room for it",
                      "het beste plan (bewezen) heeft er geen plek voor")
    if late:
        return Reason(None, "left over by the best plan found in the time limit (no time was left to explain "
                            "each task)",
                      "het beste plan dat binnen de rekentijd gevonden is, heeft er geen plek voor (er was geen "
                      "tijd meer om elke taak apart uit te leggen)")
    return Reason(None, "left over by the best plan found in the time limit (too many tasks left over to "
                        "explain each one)",
                  "het beste plan dat binnen de rekentijd gevonden is, heeft er geen plek voor (te veel "
                  "overgebleven taken om elk apart uit te leggen)")


def explain_left_over(instance: Instance, t: int, jobs: Sequence[tuple[str, Job]], proven_optimal: bool,
                      region: list[int] | None = None) -> Reason:
    """The most specific reason we can give for task t; `region`: the tasks of its region (found when None)."""
    own = own_reason(instance, t)
    if own:
        return own
    rules, task = instance.rules, instance.tasks[t]
    if region is None:
        region = [u.index for u in instance.tasks if instance.region_of_task(u.index) == instance.region_of_task(t)]
    partners = _partners(instance, t, region)
    if not partners:
        if len(region) == 1:
            return Reason(Rule.REGION, "no partner task in reach: no other task is at a connected place",
                          "geen andere taak in de buurt: er is geen taak op een plek met een reistijd ernaartoe")
        return Reason(Rule.OVERLAP, "no partner task in reach: every task nearby clashes in time, travel or rest, "
                                    "is vetoed or is too long to combine",
                      "geen taak in de buurt past ernaast: elke andere taak botst in tijd, reistijd of rust, mag er "
                      "niet mee samen of is te lang om te combineren")
    reachable = task.minutes + sum(instance.tasks[u].minutes for u in partners)
    if reachable < rules.min_job_minutes:
        return Reason(Rule.JOB_HOURS,
                      f"{_h(task.minutes, 'en')} a week; with the tasks that fit beside it never "
                      f"{_n(rules.min_job_hours, 'en')} h (at most {_h(reachable, 'en')})",
                      f"{_h(task.minutes, 'nl')} per week; samen met de taken die ernaast passen nooit "
                      f"{_n(rules.min_job_hours, 'nl')} u (hoogstens {_h(reachable, 'nl')})")
    lonely = _lonely_day(instance, t, partners)
    if lonely:
        return lonely
    miss = _nearest_miss(instance, t, jobs)
    if miss:
        return miss
    if proven_optimal:
        return Reason(None, "left over by the optimum: the proven best plan has no room for it",
                      "het beste plan (bewezen) heeft er geen plek voor")
    return Reason(None, "left over by the best plan found in the time limit",
                  "het beste plan dat binnen de rekentijd gevonden is, heeft er geen plek voor")


def status_reason(status: str) -> Reason | None:
    """Every task's reason when the plan as a whole has no jobs."""
    if status == "INFEASIBLE":
        return Reason(Rule.COVER, "the rules cannot hold for every task together (objective 'cover')",
                      "de regels kunnen niet voor alle taken tegelijk gelden (doel: alles dekken)")
    if status == "UNKNOWN":
        return Reason(None, "no valid plan found within the time limit",
                      "binnen de rekentijd is geen geldig plan gevonden")
    return None


def unassigned_reason(instance: Instance, t: int, proven_optimal: bool) -> str:
    """The English reason without the plan's jobs (no nearest miss)."""
    return explain_left_over(instance, t, [], proven_optimal).en

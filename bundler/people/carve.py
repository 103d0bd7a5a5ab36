"""Jobs carved around people: every contract rule AND a named person's fit.

    result = carve(task_file, candidates, keep=plan, config=CarveConfig(time_limit=30))
    result.plan      # bundler-plan/1; jobs made for a person carry "candidate": "K01"
    result.unplaced  # per person not placed: what blocks them, what would place them

The flow:

1. Jobs kept: those of an agreed plan (`keep`) and the task file's pinned jobs, as they are.
2. Per person, their own task file (`tailor`): the tasks that can fit them, slots within
   their hours, the rules tightened by their limits. On it the engine's own routes propose
   jobs (the constructive plan and the job pool): each is a valid job that fits the person.
3. The ordinary jobs the engine's job pool proposes on all loose tasks.
4. CP-SAT picks a disjoint set in three steps: most people placed; then most jobs in
   all (a person's job that leaves room for other jobs wins); then the best fit scores.
5. The tasks not in a person's job are solved by `bundler.engine.solve`; its plan
   replaces the picked ordinary jobs when it has at least as many.
6. The plan is checked (`bundler.check`) and every person's job against the fit rules.
7. Each person not placed gets the reasons (what blocks them) and a nearest miss: the one
   limit whose relaxation would give them a job.

Proposing and picking are capped in search nodes and CP-SAT deterministic time; the fill
gets the time the steps before left over, so on a busy machine a run may differ.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from bundler.check import check_plan
from bundler.domain import (
    DAYS,
    Kpis,
    Plan,
    PlanJob,
    SolverInfo,
    TaskFile,
    Unassigned,
    to_hhmm,
    to_minutes,
)
from bundler.engine import SolveConfig, solve
from bundler.engine.columns import Feasibility
from bundler.engine.construct import Job, construct
from bundler.engine.instance import Instance, prepare
from bundler.engine.plan import BANENAFSPRAAK_HOURS, job_ids, plan_job
from bundler.engine.pool import job_pool
from bundler.engine.region import simple_job_bound
from bundler.engine.schedule import find_schedule
from bundler.engine.solver import checked
from bundler.people.candidates import Candidate, CandidateFile
from bundler.people.explain import Text
from bundler.people.fit import (
    DAY_EN,
    DAY_NL,
    DEMAND_EN,
    DEMAND_NL,
    LEVEL_NL,
    job_facts,
    misfits,
)
from bundler.people.match import score_points, travel_function
from bundler.people.tailor import Tailored, tailor
from bundler.validation import InputError

POOL_SHARE, PERSON_SHARE, ORDINARY_SHARE, PICK_SHARE, FILL_SHARE = 0.05, 0.3, 0.08, 0.07, 0.3
"""Parts of the time limit: the job pools of the people, the engine's plan per person,
the pool of ordinary jobs, the pick and filling up the rest; the explanations take what
is left (a quarter, and at least a tenth of the limit after the plan is made)."""
EXPLAIN_SHARE = 0.15
FIRST_ROUND_SECONDS = 0.25
"""The engine's time per person in the first round; people it neither placed nor proved
impossible share the rest of PERSON_SHARE in a second round."""
POOL_NODES_PER_SECOND = 1_000
"""Pool search nodes per second on a development machine (work is capped in nodes)."""
MAX_NODES_PER_TASK = 400
MIN_NODES_PER_TASK = 5
SCHEDULE_BUDGET = 3_000
MAX_COLUMNS_PER_PERSON = 1_500
NEAREST_NODES_PER_TASK = 40
NEAREST_SECONDS = 0.3
NEAREST_TRIALS = 6


@dataclass
class CarveConfig:
    time_limit: float = 30.0
    workers: int = 2
    seed: int = 0


@dataclass
class Column:
    """One job proposed for a person (or for nobody): its tasks and its plan job."""

    tasks: frozenset[str]
    job: PlanJob
    minutes: int
    points: int = 0


@dataclass
class Unplaced:
    candidate: str
    blockers: Text
    nearest: Text | None

    def to_json_dict(self) -> dict:
        out = {"candidate": self.candidate, "reason": self.blockers.en, "reason_nl": self.blockers.nl}
        if self.nearest is not None:
            out |= {"would_place": self.nearest.en, "would_place_nl": self.nearest.nl}
        return out


@dataclass
class CarveResult:
    plan: Plan
    placed: dict[str, str]
    """candidate id -> job id"""
    unplaced: list[Unplaced]
    notes: list[str] = field(default_factory=list)
    stats: dict = field(default_factory=dict)

    def explanation_json(self) -> dict:
        return {"placed": [{"candidate": c, "job": j} for c, j in sorted(self.placed.items())],
                "unplaced": [u.to_json_dict() for u in self.unplaced]}


# --- step 1: what is kept -----------------------------------------------------------------


def _kept_jobs(task_file: TaskFile, keep: Plan | None, candidates: CandidateFile, notes: list[str]) -> list[PlanJob]:
    kept: list[PlanJob] = []
    if keep is not None:
        known = {t.id for t in task_file.tasks}
        problems = []
        for job in keep.jobs:
            unknown = [t for t in job.tasks if t not in known]
            if unknown:
                problems.append(f"plan to keep, job {job.id}: unknown task(s) {', '.join(unknown)}")
        if not problems:
            ids = {j.id for j in keep.jobs}
            problems = [f"plan to keep, job {v.job}: {v.message.removeprefix(f'job {v.job}: ')}"
                        for v in check_plan(task_file, keep) if v.job in ids]
        if problems:
            raise InputError(problems)
        people = candidates.by_id()
        for job in keep.jobs:
            who = getattr(job, "candidate", None)
            data = job.model_dump(mode="json", by_alias=True)
            if who is not None:
                person = people.get(who)
                if person is None:
                    data.pop("candidate", None)
                    notes.append(f"job {job.id}: its person is not in the candidate file; kept without a person")
                elif misfits(person, job_facts(job, task_file)):
                    data.pop("candidate", None)
                    notes.append(f"job {job.id}: no longer fits its person; kept without a person")
            kept.append(PlanJob.model_validate(data))
    taken = {t for job in kept for t in job.tasks}
    ids = {job.id for job in kept}
    pinned = [p for p in task_file.pinned if p.id not in ids and not taken & set(p.tasks)]
    if pinned:
        instance = prepare(task_file)
        for p in pinned:
            tasks = [instance.index[t] for t in p.tasks]
            schedule = find_schedule(instance, tasks)
            if schedule is None:  # validation refuses such files; be safe anyway
                raise InputError([f"pinned job {p.id} has no valid schedule"])
            kept.append(plan_job(instance, p.id, Job(tasks, schedule)))
    return kept


def _sub_file(task_file: TaskFile, task_ids: set[str]) -> TaskFile:
    """The task file with only these tasks, no pinned jobs."""
    return task_file.model_copy(update={
        "tasks": [t for t in task_file.tasks if t.id in task_ids],
        "incompatible": [p for p in task_file.incompatible if p[0] in task_ids and p[1] in task_ids],
        "pinned": [],
    })


# --- steps 2 and 3: proposals ----------------------------------------------------------------


def _nodes_per_task(seconds: float, tasks: int) -> int:
    return max(MIN_NODES_PER_TASK, min(MAX_NODES_PER_TASK, int(seconds * POOL_NODES_PER_SECOND / max(tasks, 1))))


def propose(instance: Instance, nodes_per_task: int, effort: int | None = None) -> list[Job]:
    """Valid jobs of a (tailored) instance: the constructive plan's and the job pool's."""
    feasibility = Feasibility(instance, budget=SCHEDULE_BUDGET)
    found: dict[tuple[int, ...], Job] = {}
    for region in instance.regions:
        usable = [t for t in region if t not in instance.own_problems]
        if not usable:
            continue
        for job in construct(instance, region, max_effort=effort):
            found.setdefault(tuple(sorted(job.tasks)), job)
        for column in job_pool(instance, region, feasibility, nodes_per_task):
            if column not in found:
                schedule = feasibility.schedule(column)
                if schedule is not None:
                    found[column] = Job(list(column), schedule)
    return [found[k] for k in sorted(found)]


def _columns(jobs: list[PlanJob], person: Candidate | None, task_file: TaskFile, travel) -> list[Column]:
    """Proposals as columns of the pick; a person's only when they fit (never trusted blindly)."""
    out: dict[frozenset[str], Column] = {}
    for job in jobs:
        key = frozenset(job.tasks)
        if key in out:
            continue
        facts = job_facts(job, task_file, travel)
        if person is not None and misfits(person, facts):
            continue  # cannot happen: the tailored file holds only what fits
        out[key] = Column(key, job, facts.minutes, score_points(person, facts) if person is not None else 0)
    columns = sorted(out.values(), key=lambda c: (-c.points, c.minutes, sorted(c.tasks)))
    return columns[:MAX_COLUMNS_PER_PERSON]  # the best fits first, then the fewest hours used


def proposals(task_file: TaskFile, nodes_per_task: int, seconds: float, config: CarveConfig,
              effort: int | None = None) -> tuple[list[PlanJob], bool]:
    """Valid jobs of a (tailored) task file: its constructive plan, its job pool and the
    engine's own plan of it (exact on small regions); and whether the engine proved that
    the file holds no job at all."""
    instance = prepare(task_file)
    jobs = [plan_job(instance, "C", job) for job in propose(instance, nodes_per_task, effort)]
    proven_none = False
    if seconds > 0:
        plan = solve(task_file, SolveConfig(time_limit=seconds, workers=config.workers, seed=config.seed,
                                            backend="serial"))
        jobs += plan.jobs
        proven_none = plan.status == "OPTIMAL" and not plan.jobs and not jobs
    return jobs, proven_none


# --- step 4: the pick ----------------------------------------------------------------------


def pick(person_columns: dict[str, list[Column]], ordinary: list[Column], seconds: float, workers: int,
         seed: int) -> tuple[dict[str, Column], list[Column], str]:
    """Most people placed, then most jobs, then the best fit: three CP-SAT solves."""
    model = cp_model.CpModel()
    x: list[tuple[str, Column, cp_model.IntVar]] = []
    by_task: dict[str, list[cp_model.IntVar]] = {}
    for person, columns in person_columns.items():
        own = []
        for k, column in enumerate(columns):
            var = model.new_bool_var(f"x_{person}_{k}")
            own.append(var)
            x.append((person, column, var))
            for t in column.tasks:
                by_task.setdefault(t, []).append(var)
        if own:
            model.add_at_most_one(own)
    y: list[tuple[Column, cp_model.IntVar]] = []
    for k, column in enumerate(ordinary):
        var = model.new_bool_var(f"y_{k}")
        y.append((column, var))
        for t in column.tasks:
            by_task.setdefault(t, []).append(var)
    for t in sorted(by_task):
        if len(by_task[t]) > 1:
            model.add_at_most_one(by_task[t])
    if not x and not y:
        return {}, [], "OPTIMAL"
    people = sum(var for _, _, var in x)
    jobs = people + sum(var for _, var in y)
    fit = sum(column.points * var for _, column, var in x)
    hours = sum(column.minutes * var for _, column, var in x) + sum(column.minutes * var for column, var in y)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    solver.parameters.interleave_search = workers > 1
    statuses = []
    everything = [var for _, _, var in x] + [var for _, var in y]
    stages = [(people, 0.4), (jobs, 0.3), (fit * (sum(c.minutes for _, c, _ in x) + sum(c.minutes for c, _ in y) + 1)
                                            + hours, 0.3)]
    for objective, share in stages:
        model.maximize(objective)
        solver.parameters.max_deterministic_time = max(seconds * share, 0.05)
        solver.parameters.max_time_in_seconds = 3 * seconds * share + 5  # a safety net: work is capped above
        code = solver.solve(model)
        if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            break
        statuses.append(code)
        value = round(solver.objective_value)
        model.clear_hints()
        for var in everything:
            model.add_hint(var, solver.boolean_value(var))
        model.add(objective >= value)
        chosen = ([(p, c) for p, c, var in x if solver.boolean_value(var)],
                  [c for c, var in y if solver.boolean_value(var)])
    if not statuses:
        return {}, [], "UNKNOWN"
    status = "OPTIMAL" if statuses[0] == cp_model.OPTIMAL else "FEASIBLE"
    return {p: c for p, c in chosen[0]}, chosen[1], status


# --- step 7: explanations -------------------------------------------------------------------


def blockers(tailored: Tailored, free: set[str], task_file: TaskFile) -> list[Text]:
    """What keeps the tasks from this person, most common first, in plain words."""
    person = tailored.candidate
    if tailored.impossible:
        return [Text(en, nl) for en, nl in tailored.impossible]
    excluded = {t: r for t, r in tailored.excluded.items() if t in free}
    total = len(free)
    out: list[Text] = []
    reach = [t for t, r in excluded.items() if any(e.kind == "reach" for e in r)]
    at_sites = total - len(reach)
    where_en = "at your places" if person.reach is not None else ""
    where_nl = "op je plekken" if person.reach is not None else ""
    if reach:
        out.append(Text(f"{len(reach)} of the {total} loose tasks are at places out of your reach",
                        f"{len(reach)} van de {total} losse taken zijn op plekken die je niet bereikt"))
    if at_sites == 0:
        return out
    kinds: Counter = Counter()
    for t, reasons in excluded.items():
        if t in reach:
            continue
        for e in reasons:
            kinds[(e.kind, e.detail)] += 1
    for (kind, detail), n in kinds.most_common(3):
        of_en = f"{n} of the {at_sites} tasks{' ' + where_en if where_en else ''}"
        of_nl = f"{n} van de {at_sites} taken{' ' + where_nl if where_nl else ''}"
        if kind == "before":
            out.append(Text(f"{of_en} start before {detail}", f"{of_nl} beginnen vóór {detail}"))
        elif kind == "after":
            out.append(Text(f"{of_en} end after {detail}", f"{of_nl} eindigen na {detail}"))
        elif kind == "days":
            out.append(Text(f"{of_en} work on {DAY_EN[detail]}, when you do not work",
                            f"{of_nl} werken op {DAY_NL[detail]}, als jij niet werkt"))
        elif kind == "window":
            out.append(Text(f"{of_en} fall in a break between your hours", f"{of_nl} vallen in een gat tussen je uren"))
        elif kind == "skills":
            out.append(Text(f"{of_en} need {detail}, which you neither have nor want to learn",
                            f"{of_nl} vragen {detail}, wat je niet kunt en niet wilt leren"))
        elif kind == "limit":
            limit = person.limits.given()[detail]
            out.append(Text(f"{of_en} ask more {DEMAND_EN[detail]} than {limit}",
                            f"{of_nl} vragen meer {DEMAND_NL[detail]} dan {LEVEL_NL[limit]}"))
    return out


def _fitting_summary(tailored: Tailored, free: set[str], task_file: TaskFile) -> Text | None:
    if tailored.task_file is None:
        return None
    tasks = [t for t in tailored.task_file.tasks if t.id in free]
    hours = sum(t.hours for t in tasks)
    if not tasks:
        if tailored.candidate.available is not None:
            edges = sorted({w.start for w in tailored.candidate.available})
            return Text(f"no task fits from {edges[0]} at your places" if tailored.candidate.reach is not None
                        else f"no task fits from {edges[0]}",
                        f"geen taak past vanaf {edges[0]} op je plekken" if tailored.candidate.reach is not None
                        else f"geen taak past vanaf {edges[0]}")
        return Text("no task fits you", "geen taak past bij je")
    rules = tailored.task_file.rules
    if hours < rules.min_job_hours - 1e-6:
        one = len(tasks) == 1
        return Text(f"the {'task' if one else f'{len(tasks)} tasks'} that fit{'s' if one else ''} you "
                    f"make{'s' if one else ''} {hours:g} h a week, less than the {rules.min_job_hours:g} h a job needs",
                    f"{'de taak die bij je past is' if one else f'de {len(tasks)} taken die bij je passen zijn samen'} "
                    f"{hours:g} uur per week, minder dan de {rules.min_job_hours:g} uur die een baan nodig heeft")
    return Text(f"the {len(tasks)} tasks that fit you ({hours:g} h a week) do not combine into one job within "
                f"your limits and the job rules (times, travel, rest, days)",
                f"de {len(tasks)} taken die bij je passen ({hours:g} uur per week) zijn niet samen te voegen tot één "
                f"baan binnen je grenzen en de regels (tijden, reistijd, rust, dagen)")


def _relaxations(person: Candidate, tailored: Tailored, free: set[str], task_file: TaskFile
                 ) -> list[tuple[Candidate, Text]]:
    """Single changes to a person's limits, smallest first, each with its plain wording."""
    out: list[tuple[Candidate, Text]] = []

    def shifted(delta_from: int, delta_until: int) -> Candidate:
        windows = []
        for w in person.available:
            start = max(0, to_minutes(w.start) + delta_from)
            end = min(24 * 60, to_minutes(w.end) + delta_until)
            windows.append(w.model_copy(update={"start": to_hhmm(start), "end": to_hhmm(end)}))
        return person.model_copy(update={"available": windows})

    def add(candidate: Candidate, en: str, nl: str) -> None:
        out.append((candidate, Text(en, nl)))

    if person.available is not None:
        first = min(w.start for w in person.available)
        last = max(w.end for w in person.available)
        for hours in (1, 2):
            earlier = to_hhmm(max(0, to_minutes(first) - 60 * hours))
            later = to_hhmm(min(24 * 60, to_minutes(last) + 60 * hours))
            add(shifted(-60 * hours, 0), f"starting at {earlier} instead of {first}",
                f"beginnen om {earlier} in plaats van {first}")
            add(shifted(0, 60 * hours), f"working until {later} instead of {last}",
                f"werken tot {later} in plaats van {last}")
        open_days = [d for d in DAYS[:5] if not any(d in w.days for w in person.available)]
        for d in open_days:
            widest = max(person.available, key=lambda w: to_minutes(w.end) - to_minutes(w.start))
            extra = widest.model_copy(update={"days": [d]})
            add(person.model_copy(update={"available": [*person.available, extra]}),
                f"also working on {DAY_EN[d]} ({widest.start}-{widest.end})",
                f"ook werken op {DAY_NL[d]} ({widest.start}-{widest.end})")
    if person.max_work_days is not None and person.max_work_days < 7:
        n = person.max_work_days + 1
        add(person.model_copy(update={"max_work_days": n}), f"working {n} days a week instead of {n - 1}",
            f"{n} dagen per week werken in plaats van {n - 1}")
    if person.max_day_hours is not None:
        for extra in (1, 2):
            n = person.max_day_hours + extra
            add(person.model_copy(update={"max_day_hours": n}), f"working up to {n:g} h a day instead of "
                f"{person.max_day_hours:g}", f"tot {n:g} uur per dag werken in plaats van {person.max_day_hours:g}")
    missing = Counter(e.detail for t, reasons in tailored.excluded.items() if t in free for e in reasons
                      if e.kind == "skills")
    for skill, _ in missing.most_common(3):
        add(person.model_copy(update={"learnable": [*person.learnable, skill]}), f"learning {skill}",
            f"{skill} leren")
    for dim, limit in person.limits.given().items():
        if limit != "high":
            up = "medium" if limit == "low" else "high"
            limits = person.limits.model_copy(update={dim: up})
            add(person.model_copy(update={"limits": limits}), f"taking {DEMAND_EN[dim]} up to {up} instead of {limit}",
                f"{DEMAND_NL[dim]} tot {LEVEL_NL[up]} aankunnen in plaats van {LEVEL_NL[limit]}")
    if person.max_week_hours is not None:
        n = person.max_week_hours + 4
        add(person.model_copy(update={"max_week_hours": n}), f"working up to {n:g} h a week instead of "
            f"{person.max_week_hours:g}", f"tot {n:g} uur per week werken in plaats van {person.max_week_hours:g}")
    if person.min_week_hours is not None and person.min_week_hours > 0:
        n = max(0.0, person.min_week_hours - 4)
        add(person.model_copy(update={"min_week_hours": n}), f"accepting {n:g} h a week instead of at least "
            f"{person.min_week_hours:g}", f"ook {n:g} uur per week accepteren in plaats van minstens "
            f"{person.min_week_hours:g}")
    sites = {loc.id: loc.site or loc.id for loc in task_file.locations}
    places = Counter(sites.get(e.detail, e.detail) for t, reasons in tailored.excluded.items() if t in free
                     for e in reasons if e.kind == "reach")
    for place, _ in places.most_common(2):
        add(person.model_copy(update={"reach": [*(person.reach or []), place]}), f"also reaching {place}",
            f"ook {place} kunnen bereiken")
    return out


def nearest_miss(task_file: TaskFile, tailored: Tailored, tasks: set[str], free: set[str],
                 deadline: float, config: CarveConfig | None = None) -> Text | None:
    """The first single relaxation (smallest first) under which a job for this person exists
    among `tasks` (the loose tasks not in another person's job)."""
    person = tailored.candidate
    config = config or CarveConfig()
    now = set(tailored.task_ids) & tasks
    now_hours = sum(t.hours for t in tailored.task_file.tasks if t.id in tasks) if tailored.task_file else 0.0
    trials = []
    for order, (relaxed, wording) in enumerate(_relaxations(person, tailored, free, task_file)):
        trial = tailor(task_file, relaxed, tasks)
        if trial.task_file is None or not trial.task_file.tasks:
            continue
        hours = sum(t.hours for t in trial.task_file.tasks)
        if hours < trial.task_file.rules.min_job_hours - 1e-6:
            continue
        added = sum(t.hours for t in trial.task_file.tasks if t.id not in now)
        if not added and (set(trial.task_ids) == now and trial.task_file.rules == tailored_rules(tailored)):
            continue  # changes nothing for these tasks
        trials.append((-(added or now_hours), order, relaxed, wording, trial))
    for _, _, relaxed, wording, trial in sorted(trials, key=lambda t: t[:2])[:NEAREST_TRIALS]:
        if time.perf_counter() > deadline:
            return None
        jobs = _columns(proposals(trial.task_file, NEAREST_NODES_PER_TASK, NEAREST_SECONDS, config)[0], relaxed,
                        task_file, travel_function(task_file))
        if not jobs:
            continue
        found = jobs[0].job
        return Text(f"{wording.en} would give you a job, e.g. {' + '.join(found.tasks)} ({found.hours:g} h a week)",
                    f"{wording.nl} geeft je een baan, bijvoorbeeld {' + '.join(found.tasks)} "
                    f"({found.hours:g} uur per week)")
    return None


def tailored_rules(tailored: Tailored):
    return tailored.task_file.rules if tailored.task_file is not None else None


# --- the whole flow ---------------------------------------------------------------------------


def carve(task_file: TaskFile, candidates: CandidateFile, keep: Plan | None = None,
          config: CarveConfig | None = None, only: list[str] | None = None) -> CarveResult:
    """A plan of jobs that obey every rule, as many of them fitting a named person as possible.

    `only`: carve for these people only (the others are not placed, e.g. "carve around
    this person" in the workbench)."""
    config = config or CarveConfig()
    started = time.perf_counter()
    seconds = config.time_limit
    notes: list[str] = []
    kept = _kept_jobs(task_file, keep, candidates, notes)
    kept_people = {j.candidate for j in kept if getattr(j, "candidate", None) is not None}
    free = {t.id for t in task_file.tasks} - {t for j in kept for t in j.tasks}
    people = [c for c in candidates.candidates if c.id not in kept_people and (only is None or c.id in only)]
    travel = travel_function(task_file)

    # Step 2: per person, the jobs that fit them.
    tailored: dict[str, Tailored] = {}
    person_columns: dict[str, list[Column]] = {}
    sizes = {}
    for person in people:
        tailored[person.id] = t = tailor(task_file, person, free)
        sizes[person.id] = len(t.task_ids) if t.task_file is not None else 0
    nodes = _nodes_per_task(POOL_SHARE * seconds, sum(sizes.values()))
    workable = [p for p in people if sizes[p.id] and sum(task.minutes for task in tailored[p.id].task_file.tasks)
                >= tailored[p.id].task_file.rules.min_job_minutes]
    budget = PERSON_SHARE * seconds
    first = min(FIRST_ROUND_SECONDS, budget / max(len(workable), 1))
    proven_none: set[str] = set()
    for person in people:
        found, proven = proposals(tailored[person.id].task_file, nodes, first, config) if person in workable \
            else ([], True)
        person_columns[person.id] = _columns(found, person, task_file, travel)
        if proven:
            proven_none.add(person.id)
    # Second round: the people neither placed nor proved impossible share what is left.
    open_ = [p for p in workable if not person_columns[p.id] and p.id not in proven_none]
    second = (budget - first * len(workable)) / max(len(open_), 1)
    # Safety net: when the first round ran long (a slow machine), the second round only gets what is left.
    second = min(second, (started + (POOL_SHARE + PERSON_SHARE) * seconds - time.perf_counter()) / max(len(open_), 1))
    if second > first:
        for person in open_:
            found, proven = proposals(tailored[person.id].task_file, 0, second, config)
            person_columns[person.id] = _columns(found, person, task_file, travel)
            if proven:
                proven_none.add(person.id)
    pool_done = time.perf_counter()

    # Step 3: ordinary jobs on the loose tasks.
    rest_file = _sub_file(task_file, free)
    rest_instance = prepare(rest_file) if free else None
    ordinary_nodes = _nodes_per_task(ORDINARY_SHARE * seconds, len(free))
    ordinary = _columns([plan_job(rest_instance, "C", job) for job in propose(rest_instance, ordinary_nodes)],
                        None, task_file, travel) if free else []
    ordinary_done = time.perf_counter()

    # Step 4: the pick.
    chosen, picked_ordinary, pick_status = pick(person_columns, ordinary, PICK_SHARE * seconds, config.workers,
                                                config.seed)
    pick_done = time.perf_counter()

    # Step 5: fill the rest with the engine.
    in_person_jobs = {t for c in chosen.values() for t in c.tasks}
    rest = free - in_person_jobs
    fill_jobs: list[PlanJob] = list(c.job for c in picked_ordinary)
    reasons: dict[str, str] = {}
    if rest:
        # What is left before the explanations: at least the fill's share, less any overrun of
        # the steps before (a slow machine), more when they finished early.
        fill_seconds = started + (1 - EXPLAIN_SHARE) * seconds - time.perf_counter()
        fill = solve(_sub_file(task_file, rest), SolveConfig(time_limit=max(fill_seconds, 0.5),
                                                             workers=config.workers, seed=config.seed,
                                                             backend="serial"))
        mine = (len(fill.jobs), sum(j.hours for j in fill.jobs))
        theirs = (len(picked_ordinary), sum(c.minutes for c in picked_ordinary) / 60)
        if mine >= theirs:
            fill_jobs = list(fill.jobs)
            reasons = {u.task: u.reason for u in fill.unassigned}
    fill_done = time.perf_counter()

    # Step 6: the plan, checked.
    plan = _compose(task_file, kept, chosen, fill_jobs, reasons, rest_instance, config,
                    round(time.perf_counter() - started, 3))
    plan = checked(task_file, plan)
    plan, placed = _fitting(task_file, plan, candidates)

    # Step 7: explanations for the people not placed.
    unplaced = []
    deadline = max(started + seconds, time.perf_counter() + 0.5 * EXPLAIN_SHARE * seconds)
    taken_by_people = {t for j in plan.jobs if getattr(j, "candidate", None) for t in j.tasks}
    for person in people:
        if person.id in placed:
            continue
        t = tailored[person.id]
        parts = blockers(t, free, task_file)
        summary = _fitting_summary(t, free, task_file) if not t.impossible else None
        columns = person_columns.get(person.id, [])
        if columns:
            others = sorted({p for p, c in chosen.items() if any(c.tasks & col.tasks for col in columns)})
            example = min(columns, key=lambda c: (-c.points, sorted(c.tasks)))
            parts.append(Text(f"jobs for you exist (e.g. {' + '.join(sorted(example.tasks))}), but their tasks are "
                              f"in the jobs of {', '.join(others) or 'others'}: no choice places more people",
                              f"er zijn banen voor je (bijvoorbeeld {' + '.join(sorted(example.tasks))}), maar hun "
                              f"taken zitten in de banen van {', '.join(others) or 'anderen'}: geen keuze plaatst "
                              f"meer mensen"))
        elif person.id in proven_none and summary is not None:
            parts.append(Text(f"{summary.en} (certain: every combination was checked)",
                              f"{summary.nl} (zeker: elke combinatie is bekeken)"))
        elif summary is not None:
            parts.append(Text(f"no job for you was found within the time limit (a longer --time-limit may find one); "
                              f"{summary.en}",
                              f"binnen de tijdslimiet is geen baan voor je gevonden (met meer tijd misschien wel); "
                              f"{summary.nl}"))
        near = None
        if not columns:
            near = nearest_miss(task_file, t, free - taken_by_people, free, deadline, config)
            if near is None and time.perf_counter() < deadline:
                near = Text("no change of one single limit gives you a job from the tasks that are not in another "
                            "person's job", "geen verandering van één enkele grens geeft je een baan met de taken die "
                            "niet in de baan van een ander zitten")
        unplaced.append(Unplaced(person.id, Text.join(parts) if parts else Text("no job found", "geen baan gevonden"),
                                 near))
    stats = {"seconds": round(time.perf_counter() - started, 3), "pool": round(pool_done - started, 3),
             "ordinary_pool": round(ordinary_done - pool_done, 3), "pick": round(pick_done - ordinary_done, 3),
             "fill": round(fill_done - pick_done, 3), "pick_status": pick_status,
             "person_columns": sum(len(c) for c in person_columns.values()), "ordinary_columns": len(ordinary),
             "proven_impossible": len(proven_none & {p.id for p in people if p.id not in placed})}
    solver = plan.solver.model_copy(update={"seconds": stats["seconds"]})
    plan = plan.model_copy(update={"solver": solver})
    return CarveResult(plan, placed, unplaced, notes, stats)


def _compose(task_file: TaskFile, kept: list[PlanJob], chosen: dict[str, Column], fill: list[PlanJob],
             reasons: dict[str, str], rest_instance: Instance | None, config: CarveConfig, seconds: float) -> Plan:
    new: list[tuple[PlanJob, str | None]] = [(c.job, person) for person, c in chosen.items()]
    new += [(job, None) for job in fill]
    new.sort(key=lambda pair: min(pair[0].tasks))
    ids = job_ids([j.id for j in kept], len(new))
    jobs = list(kept)
    for new_id, (job, person) in zip(ids, new):
        data = job.model_dump(mode="json", by_alias=True)
        data["id"] = new_id
        data.pop("candidate", None)
        if person is not None:
            data["candidate"] = person
        jobs.append(PlanJob.model_validate(data))
    assigned = {t for j in jobs for t in j.tasks}
    unassigned = [Unassigned(task=t.id, reason=reasons.get(t.id, "left over by the best plan found in the time limit"))
                  for t in task_file.tasks if t.id not in assigned]
    bundled = sum(j.hours for j in jobs)
    bound = len(kept)
    if rest_instance is not None:
        bound += sum(simple_job_bound(rest_instance, region) for region in rest_instance.regions)
    return Plan(
        name=task_file.name,
        status="FEASIBLE",
        jobs=jobs,
        unassigned=unassigned,
        kpis=Kpis(jobs=len(jobs), bundled_hours=round(bundled, 2),
                  total_hours=round(sum(t.hours for t in task_file.tasks), 2),
                  jobs_upper_bound=max(bound, len(jobs)), banenafspraak_jobs=round(bundled / BANENAFSPRAAK_HOURS, 2)),
        solver=SolverInfo(seconds=seconds, workers=config.workers, seed=config.seed),
    )


def _fitting(task_file: TaskFile, plan: Plan, candidates: CandidateFile) -> tuple[Plan, dict[str, str]]:
    """Every person's job fits them (a job that does not loses its person: an internal error)."""
    people = candidates.by_id()
    jobs, placed = [], {}
    for job in plan.jobs:
        who = getattr(job, "candidate", None)
        if who is not None and (who not in people or who in placed or misfits(people[who], job_facts(job, task_file))):
            print(f"bundler: internal error, job {job.id} did not fit its person and lost the label", file=sys.stderr)
            data = job.model_dump(mode="json", by_alias=True)
            data.pop("candidate", None)
            job = PlanJob.model_validate(data)
        elif who is not None:
            placed[who] = job.id
        jobs.append(job)
    return plan.model_copy(update={"jobs": jobs}), placed


def people_summary(result: CarveResult, candidates: CandidateFile) -> str:
    n = len(candidates.candidates)
    return f"{len(result.placed)} of {n} people placed"


__all__ = ["CarveConfig", "CarveResult", "Column", "Unplaced", "blockers", "carve", "nearest_miss", "pick", "propose"]

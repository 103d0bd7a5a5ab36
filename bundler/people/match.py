"""The best one-to-one assignment of people to the jobs of a plan (`bundler-match/1`).

Most people placed, then the best total score. Exact: a min-cost flow (OR-tools) from
the people through every pair that fits (all seven fit rules) to the jobs, each pair
costing -(BIG + its score points), with a free way round for people left over. BIG is
more than any total of score points, so the flow first places as many people as any
assignment can, then takes the best total score among those.

A pair's score (0-1, higher is better) weighs three things a job coach looks at:

- skills to learn (half of the weight): none is best, three or more is worst;
- travel between buildings within the job's days (a fifth): none is best, two hours a week or more worst;
- hours away from what the person wants (three tenths): the middle of their
  `min_week_hours`-`max_week_hours`, or the one of them given; ten hours off is worst.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from bundler.domain import Plan, TaskFile
from bundler.people.candidates import Candidate, CandidateFile
from bundler.people.explain import Text, job_blockers, nearest_job, person_blockers
from bundler.people.fit import JobFacts, Screen, fit_reasons, job_facts, to_learn

MATCH_FORMAT = "bundler-match/1"
POINTS = 1000
"""Score points of a perfect pair; scores are kept as whole points so the optimum is exact."""
WEIGHT_LEARN, WEIGHT_TRAVEL, WEIGHT_HOURS = 0.5, 0.2, 0.3
LEARN_WORST, TRAVEL_WORST, HOURS_WORST = 3, 120.0, 10.0


def travel_function(task_file: TaskFile) -> Callable[[str, str], float | None]:
    """Shortest travel minutes between two locations (None when not connected), memoised."""
    graph = nx.Graph()
    for edge in task_file.travel:
        old = graph.get_edge_data(edge.source, edge.target)
        if old is None or edge.minutes < old["minutes"]:
            graph.add_edge(edge.source, edge.target, minutes=edge.minutes)
    table: dict[str, dict[str, float]] = {}

    def minutes(a: str, b: str) -> float | None:
        if a == b:
            return 0.0
        if a not in table:
            table[a] = nx.single_source_dijkstra_path_length(graph, a, weight="minutes") if a in graph else {}
        return table[a].get(b)

    return minutes


def wanted_hours(candidate: Candidate) -> float | None:
    lo, hi = candidate.min_week_hours, candidate.max_week_hours
    if lo is not None and hi is not None:
        return (lo + hi) / 2
    return hi if hi is not None else lo


def score_points(candidate: Candidate, job: JobFacts) -> int:
    """The pair's score in whole points (0..POINTS), higher is better."""
    learn = min(len(to_learn(candidate, job)) / LEARN_WORST, 1.0)
    travel = min(job.travel_minutes / TRAVEL_WORST, 1.0)
    want = wanted_hours(candidate)
    hours = 0.0 if want is None else min(abs(job.minutes / 60 - want) / HOURS_WORST, 1.0)
    return round(POINTS * (1 - WEIGHT_LEARN * learn - WEIGHT_TRAVEL * travel - WEIGHT_HOURS * hours))


def best_assignment(n_people: int, n_jobs: int, pairs: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    """The assignment with most pairs, then most points: exact, by min-cost flow.

    `pairs[(person, job)]` is the points of each pair that fits (0..POINTS)."""
    from ortools.graph.python import min_cost_flow

    if not pairs:
        return []
    big = POINTS * (min(n_people, n_jobs) + 1)
    flow = min_cost_flow.SimpleMinCostFlow()
    source, sink = n_people + n_jobs, n_people + n_jobs + 1
    for p in range(n_people):
        flow.add_arc_with_capacity_and_unit_cost(source, p, 1, 0)
    for j in range(n_jobs):
        flow.add_arc_with_capacity_and_unit_cost(n_people + j, sink, 1, 0)
    arcs = []
    for (p, j), points in sorted(pairs.items()):
        arcs.append((flow.add_arc_with_capacity_and_unit_cost(p, n_people + j, 1, -(big + points)), p, j))
    flow.add_arc_with_capacity_and_unit_cost(source, sink, n_people, 0)  # people left over
    flow.set_node_supply(source, n_people)
    flow.set_node_supply(sink, -n_people)
    status = flow.solve()
    if status != flow.OPTIMAL:  # cannot happen: the way round always carries the whole supply
        raise RuntimeError(f"min-cost flow ended with status {status}")
    return [(p, j) for arc, p, j in arcs if flow.flow(arc) > 0]


@dataclass
class Match:
    candidate: str
    job: str
    to_learn: list[str]
    score: float
    reasons: list[Text]

    def to_json_dict(self) -> dict[str, Any]:
        return {"candidate": self.candidate, "job": self.job, "to_learn": self.to_learn, "score": self.score,
                "reasons": [r.en for r in self.reasons], "reasons_nl": [r.nl for r in self.reasons]}


@dataclass
class MatchResult:
    matches: list[Match]
    unmatched_candidates: list[tuple[str, Text]]
    unmatched_jobs: list[tuple[str, Text]]
    fitting_pairs: int = 0
    seconds: float = 0.0
    stats: dict[str, float] = field(default_factory=dict)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "format": MATCH_FORMAT,
            "matches": [m.to_json_dict() for m in self.matches],
            "unmatched_candidates": [{"candidate": c, "reason": t.en, "reason_nl": t.nl}
                                     for c, t in self.unmatched_candidates],
            "unmatched_jobs": [{"job": j, "reason": t.en, "reason_nl": t.nl} for j, t in self.unmatched_jobs],
        }

    @property
    def total_score(self) -> float:
        return round(sum(m.score for m in self.matches), 3)


def plan_facts(task_file: TaskFile, plan: Plan) -> list[JobFacts]:
    travel = travel_function(task_file)
    return [job_facts(job, task_file, travel) for job in plan.jobs]


def screen(people: list[Candidate] | list[Screen], jobs: list[JobFacts]) -> list[list[int]]:
    """masks[person][job]: the fit rules broken, as bits (0: the person fits the job)."""
    screens = [p if isinstance(p, Screen) else Screen(p) for p in people]
    return [[s.broken(job) for job in jobs] for s in screens]


def fitting_pairs(people: list[Candidate], jobs: list[JobFacts],
                  masks: list[list[int]] | None = None) -> dict[tuple[int, int], int]:
    """Points of every (person, job) pair that fits."""
    masks = masks if masks is not None else screen(people, jobs)
    return {(p, j): score_points(c, jobs[j]) for p, c in enumerate(people) for j in range(len(jobs))
            if not masks[p][j]}


def match(task_file: TaskFile, plan: Plan, candidates: CandidateFile, explain: bool = True) -> MatchResult:
    """The best assignment, with plain reasons per match and per person and job left over."""
    started = time.perf_counter()
    people = candidates.candidates
    jobs = plan_facts(task_file, plan)
    facts_done = time.perf_counter()
    screens = [Screen(p) for p in people]
    masks = screen(screens, jobs)
    pairs = fitting_pairs(people, jobs, masks)
    fit_done = time.perf_counter()
    chosen = best_assignment(len(people), len(jobs), pairs)
    flow_done = time.perf_counter()
    matches = [Match(people[p].id, jobs[j].id, to_learn(people[p], jobs[j]), pairs[(p, j)] / POINTS,
                     [Text(r.en, r.nl) for r in fit_reasons(people[p], jobs[j])]) for p, j in chosen]
    matches.sort(key=lambda m: m.candidate)
    placed = {p: j for p, j in chosen}
    taken = {j: p for p, j in chosen}
    unmatched_people, unmatched_jobs = [], []
    if explain:
        fitting_jobs: dict[int, list[int]] = {}
        fitting_people: dict[int, list[int]] = {}
        for p, j in pairs:
            fitting_jobs.setdefault(p, []).append(j)
            fitting_people.setdefault(j, []).append(p)
        for p, person in enumerate(people):
            if p not in placed:
                unmatched_people.append((person.id, _why_person(person, jobs, fitting_jobs.get(p, []), taken, people,
                                                                masks[p])))
        for j, job in enumerate(jobs):
            if j not in taken:
                unmatched_jobs.append((job.id, _why_job(job, people, fitting_people.get(j, []), placed, jobs,
                                                        [masks[p][j] for p in range(len(people))], screens)))
    return MatchResult(matches, unmatched_people, unmatched_jobs, len(pairs), round(time.perf_counter() - started, 3),
                       {"facts": facts_done - started, "fit": fit_done - facts_done, "flow": flow_done - fit_done,
                        "explain": time.perf_counter() - flow_done})


def _names(ids: list[str], limit: int = 4) -> str:
    return ", ".join(ids[:limit]) + (f" (+{len(ids) - limit})" if len(ids) > limit else "")


def _why_person(person: Candidate, jobs: list[JobFacts], fitting: list[int], taken: dict[int, int],
                people: list[Candidate], masks: list[int]) -> Text:
    if fitting:
        job_ids = [jobs[j].id for j in sorted(fitting)]
        others = sorted({people[taken[j]].id for j in fitting if j in taken})
        one = len(job_ids) == 1
        return Text(f"{len(job_ids)} {'job fits' if one else 'jobs fit'} you ({_names(job_ids)}), but "
                    f"{'it went' if one else 'they went'} to others ({_names(others)}): every other choice places "
                    f"fewer people or fits less well",
                    f"{len(job_ids)} {'baan past' if one else 'banen passen'} bij je ({_names(job_ids)}), maar "
                    f"{'die ging' if one else 'die gingen'} naar anderen ({_names(others)}): elke andere keuze "
                    f"plaatst minder mensen of past minder goed")
    blockers = person_blockers(person, jobs, masks)
    near = nearest_job(person, jobs, masks)
    text = Text.join([Text("no job fits: " + "; ".join(b.en for b in blockers),
                           "geen baan past: " + "; ".join(b.nl for b in blockers))])
    if near is not None:
        job, reasons = near
        shown = reasons[:2]
        more_en = f" and {len(reasons) - 2} more" if len(reasons) > 2 else ""
        more_nl = f" en nog {len(reasons) - 2}" if len(reasons) > 2 else ""
        text = Text(f"{text.en}. Closest: {job.id}, which breaks only: {'; '.join(r.en for r in shown)}{more_en}",
                    f"{text.nl}. Het dichtstbij: {job.id}, waar alleen dit niet klopt: "
                    f"{'; '.join(r.nl for r in shown)}{more_nl}")
    return text


def _why_job(job: JobFacts, people: list[Candidate], fitting: list[int], placed: dict[int, int],
             jobs: list[JobFacts], masks: list[int], screens: list[Screen]) -> Text:
    if fitting:
        ids = [people[p].id for p in sorted(fitting)]
        return Text(f"the candidates who fit it ({_names(ids)}) have another job: "
                    f"every other choice places fewer people or fits less well",
                    f"de kandidaten die passen ({_names(ids)}) hebben al een andere baan: "
                    f"elke andere keuze plaatst minder mensen of past minder goed")
    blockers = job_blockers(job, people, masks, screens)
    return Text("no candidate fits: " + "; ".join(b.en for b in blockers),
                "geen kandidaat past: " + "; ".join(b.nl for b in blockers))

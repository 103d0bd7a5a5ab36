"""Matching: the assignment is optimal (checked by brute force on small cases), every
match is a fit, the reasons are there in both languages, and the command line works."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest
from people_factory import VERIFY_MATCH, run_tool, two_site_file, write

from bundler.cli import main
from bundler.domain import Plan
from bundler.engine import SolveConfig, solve
from bundler.io import read_task_file
from bundler.people.candidates import CandidateFile
from bundler.people.fit import fits
from bundler.people.match import (
    POINTS,
    best_assignment,
    match,
    plan_facts,
    score_points,
)

DATA = Path(__file__).resolve().parents[2] / "data"


def brute_force(n_people: int, n_jobs: int, pairs: dict[tuple[int, int], int]) -> tuple[int, int]:
    """(most pairs, most points) over every one-to-one assignment."""
    best = (0, 0)
    for k in range(min(n_people, n_jobs), 0, -1):
        for people in itertools.combinations(range(n_people), k):
            for jobs in itertools.permutations(range(n_jobs), k):
                chosen = list(zip(people, jobs, strict=True))
                if all(p in pairs for p in chosen):
                    best = max(best, (k, sum(pairs[p] for p in chosen)))
        if best[0] == k:
            return best
    return best


def value(chosen, pairs) -> tuple[int, int]:
    return len(chosen), sum(pairs[p] for p in chosen)


def test_best_assignment_is_optimal_on_random_small_cases():
    """400 random fit tables of up to 6 people and 5 jobs: the flow finds the brute-force optimum
    (most people placed, then the most points) and a valid one-to-one assignment."""
    rng = random.Random(7)
    for _ in range(400):
        n, m = rng.randint(1, 6), rng.randint(1, 5)
        density = rng.choice([0.2, 0.4, 0.7])
        pairs = {(p, j): rng.randint(0, POINTS) for p in range(n) for j in range(m) if rng.random() < density}
        chosen = best_assignment(n, m, pairs)
        assert len({p for p, _ in chosen}) == len(chosen) == len({j for _, j in chosen})
        assert all(pair in pairs for pair in chosen)
        assert value(chosen, pairs) == brute_force(n, m, pairs)


def test_more_people_beats_a_better_score():
    """One great pair that would block two good ones is not taken: people placed come first."""
    pairs = {(0, 0): POINTS, (0, 1): 1, (1, 0): 1}
    assert sorted(best_assignment(2, 2, pairs)) == [(0, 1), (1, 0)]


@pytest.fixture(scope="module")
def tutorial():
    task_file = read_task_file(DATA / "tutorial.json")
    return task_file, solve(task_file, SolveConfig(time_limit=5, backend="serial"))


def _people(rng: random.Random, n: int, task_file) -> CandidateFile:
    skills = [s.id for s in task_file.skills]
    sites = sorted({loc.site for loc in task_file.locations if loc.site} | {loc.id for loc in task_file.locations})
    people = []
    for k in range(n):
        person: dict = {"id": f"K{k + 1:02d}"}
        if rng.random() < 0.6:
            person["available"] = [{"days": ["mon", "tue", "wed", "thu", "fri"],
                                    "from": rng.choice(["06:00", "07:00", "08:00", "09:00"]),
                                    "until": rng.choice(["14:00", "16:00", "18:00", "20:00"])}]
        if rng.random() < 0.5:
            person["min_week_hours"], person["max_week_hours"] = rng.choice([(16, 24), (20, 30), (24, 36)])
        if rng.random() < 0.5:
            person["skills"] = rng.sample(skills, rng.randint(0, len(skills)))
            person["learnable"] = rng.sample(skills, rng.randint(0, 2))
        if rng.random() < 0.3:
            person["reach"] = rng.sample(sites, 1)
        people.append(person)
    return CandidateFile.model_validate({"candidates": people})


def test_match_on_a_real_plan_is_optimal_and_every_match_fits(tutorial):
    """Random groups of people against the tutorial's jobs: the brute-force optimum, every match a
    fit by our rules, and each person and job left over has a reason in Dutch and English."""
    task_file, plan = tutorial
    jobs = plan_facts(task_file, plan)
    rng = random.Random(3)
    placed_any = False
    for _ in range(25):
        people = _people(rng, rng.randint(1, 6), task_file)
        result = match(task_file, plan, people)
        pairs = {(p, j): score_points(c, job) for p, c in enumerate(people.candidates)
                 for j, job in enumerate(jobs) if fits(c, job)}
        index = {c.id: p for p, c in enumerate(people.candidates)}
        jindex = {job.id: j for j, job in enumerate(jobs)}
        chosen = [(index[m.candidate], jindex[m.job]) for m in result.matches]
        assert value(chosen, pairs) == brute_force(len(people.candidates), len(jobs), pairs)
        placed_any |= bool(chosen)
        for m in result.matches:
            assert m.reasons and 0 <= m.score <= 1
        assert {c for c, _ in result.unmatched_candidates} | {m.candidate for m in result.matches} == set(index)
        assert {j for j, _ in result.unmatched_jobs} | {m.job for m in result.matches} == set(jindex)
        for _, text in result.unmatched_candidates + result.unmatched_jobs:
            assert text.en and text.nl and text.en != text.nl
    assert placed_any


def test_unmatched_reasons_say_what_blocks():
    """A person who starts too late hears so; a job nobody can reach says why."""
    task_file = two_site_file()
    plan = Plan.model_validate({"status": "FEASIBLE", "jobs": [
        {"id": "J01", "tasks": ["T1", "T2"], "suppliers": ["asito", "sodexo"], "employer": "asito", "hours": 24,
         "schedule": [{"task": t, "day": d, "start": s, "end": e, "location": loc}
                      for d in ("mon", "tue", "wed", "thu")
                      for t, s, e, loc in (("T1", "09:00", "13:00", "edu"), ("T2", "13:15", "15:15", "lib"))]}]})
    late = CandidateFile.model_validate({"candidates": [
        {"id": "K01", "available": [{"days": ["mon", "tue", "wed", "thu"], "from": "10:00", "until": "16:00"}]}]})
    result = match(task_file, plan, late)
    assert not result.matches
    (who, why), = result.unmatched_candidates
    assert who == "K01" and "start before 10:00" in why.en and "beginnen vóór 10:00" in why.nl
    (job, why_job), = result.unmatched_jobs
    assert job == "J01" and "do not work from 09:00" in why_job.en


def test_match_command_writes_a_file_the_reference_checker_accepts(tutorial, tmp_path, capsys):
    """`bundler match` on the tutorial with random people: exit 0, a bundler-match/1 file,
    and verify_match.py finds every match a fit."""
    task_file, plan = tutorial
    people = _people(random.Random(11), 8, task_file)
    paths = [write(tmp_path / n, d) for n, d in (("tasks.json", task_file), ("plan.json", plan),
                                                   ("people.json", people))]
    out = tmp_path / "match.json"
    assert main(["match", *map(str, paths), "--out", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["format"] == "bundler-match/1"
    assert "matched" in capsys.readouterr().out
    if VERIFY_MATCH.exists():
        code, output = run_tool(VERIFY_MATCH, "match", *paths, out)
        assert code == 0, output


def test_match_finds_the_most_people_on_the_example(tmp_path):
    """The example kick-off: as many people as an exhaustive check over the fitting pairs allows."""
    task_file = read_task_file(DATA / "uu_kickoff.json")
    plan = solve(task_file, SolveConfig(time_limit=3, backend="serial", workers=1))
    people = CandidateFile.model_validate(json.loads((DATA / "candidates.json").read_text()))
    result = match(task_file, plan, people)
    jobs = plan_facts(task_file, plan)
    pairs = {(p, j): score_points(c, job) for p, c in enumerate(people.candidates)
             for j, job in enumerate(jobs) if fits(c, job)}
    # Exhaustive over the people who fit anything (the others cannot be placed at all).
    active = sorted({p for p, _ in pairs})
    active_jobs = sorted({j for _, j in pairs})
    sub = {(active.index(p), active_jobs.index(j)): v for (p, j), v in pairs.items()}
    assert (len(result.matches), round(result.total_score * POINTS)) == \
        brute_force(len(active), len(active_jobs), sub)

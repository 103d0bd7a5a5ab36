"""People benchmarks: matching at scale, and carving against matching on the example kick-off.

    .venv/bin/python benchmarks/people.py            # writes benchmarks/results/people.md
    .venv/bin/python benchmarks/people.py --quick    # matching only

Matching: the example kick-off's optimized plan, copied as often as needed (tasks renamed
per copy, places shared: real jobs without a long solve), the first J jobs kept, and P
seeded random people (windows, hours, skills, screening limits, reach by site) matched to
them, reasons included. Each size runs in this process, one after the other.

Carving: the example kick-off (data/uu_kickoff.json) with its 20 example people
(data/candidates.json): people placed by `match` on the plain plan of `bundler solve`,
and by `bundler carve` at two time limits; every plan checked.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bundler.check import check_plan  # noqa: E402
from bundler.domain import DEMANDS, Plan  # noqa: E402
from bundler.engine import SolveConfig, solve  # noqa: E402
from bundler.io import read_task_file  # noqa: E402
from bundler.people.candidates import CandidateFile, read_candidate_file  # noqa: E402
from bundler.people.carve import CarveConfig, carve  # noqa: E402
from bundler.people.fit import job_facts, misfits  # noqa: E402
from bundler.people.match import match  # noqa: E402
from bundler.validation import parse_task_file  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "people.md"
SIZES = [(100, 60), (250, 150), (500, 300), (1000, 600)]
WEEK = ["mon", "tue", "wed", "thu", "fri"]


def random_people(task_file, count: int, seed: int) -> CandidateFile:
    rng = random.Random(seed)
    skills = [s.id for s in task_file.skills]
    sites = sorted({loc.site for loc in task_file.locations if loc.site})
    people = []
    for n in range(count):
        person: dict = {"id": f"K{n + 1:04d}"}
        if rng.random() < 0.85:
            start = rng.choice(["06:00", "07:00", "08:00", "09:00", "10:00", "12:00", "16:00"])
            end = {"06:00": "13:00", "07:00": "15:00", "08:00": "16:00", "09:00": "15:00", "10:00": "17:00",
                   "12:00": "19:00", "16:00": "23:00"}[start]
            days = WEEK if rng.random() < 0.7 else sorted(rng.sample(WEEK, 4), key=WEEK.index)
            person["available"] = [{"days": days, "from": start, "until": end}]
        lo = rng.choice([16, 20, 24])
        person["min_week_hours"], person["max_week_hours"] = lo, lo + rng.choice([4, 8, 12])
        if rng.random() < 0.4:
            person["max_day_hours"] = rng.choice([4, 5, 6])
        if rng.random() < 0.3:
            person["max_work_days"] = rng.choice([3, 4])
        if rng.random() < 0.6:
            person["skills"] = rng.sample(skills, rng.randint(2, 8))
            person["learnable"] = rng.sample(skills, rng.randint(0, 6))
        if rng.random() < 0.4:
            person["limits"] = {d: rng.choice(["medium", "high"]) for d in rng.sample(list(DEMANDS), rng.randint(1, 2))}
        if sites and rng.random() < 0.7:
            person["reach"] = rng.sample(sites, 1)
        people.append(person)
    return CandidateFile.model_validate({"candidates": people})


def replicated_kickoff(copies: int) -> tuple:
    """The example kick-off copied `copies` times (tasks renamed per copy, places shared) with
    its optimized plan copied alike: many real jobs without a long solve."""
    data = json.loads((REPO / "data" / "uu_kickoff.json").read_text(encoding="utf-8"))
    task_file = parse_task_file(data)
    plan = solve(task_file, SolveConfig(time_limit=10, backend="serial")).model_dump(mode="json", by_alias=True)
    tasks, jobs = [], []
    for c in range(copies):
        tasks += [{**t, "id": f"{t['id']}-{c:02d}"} for t in data["tasks"]]
        for job in plan["jobs"]:
            jobs.append({**job, "id": f"{job['id']}-{c:02d}", "tasks": [f"{t}-{c:02d}" for t in job["tasks"]],
                         "schedule": [{**e, "task": f"{e['task']}-{c:02d}"} for e in job["schedule"]]})
    big = parse_task_file({**data, "tasks": tasks, "incompatible": [], "pinned": []})
    return big, Plan.model_validate({**plan, "jobs": jobs, "unassigned": []})


def matching_rows(quick: bool) -> list[dict]:
    largest = max(j for _, j in SIZES)
    started = time.perf_counter()
    task_file, full = replicated_kickoff(-(-largest // 30))
    print(f"{len(task_file.tasks)} tasks, {len(full.jobs)} jobs in {time.perf_counter() - started:.1f}s",
          file=sys.stderr)
    rows = []
    for people_count, job_count in SIZES:
        if job_count > len(full.jobs):
            continue
        plan = Plan.model_validate({**full.model_dump(mode="json", by_alias=True), "jobs":
                                    full.model_dump(mode="json", by_alias=True)["jobs"][:job_count]})
        people = random_people(task_file, people_count, seed=people_count)
        started = time.perf_counter()
        result = match(task_file, plan, people)
        seconds = time.perf_counter() - started
        by_id = people.by_id()
        jobs = {j.id: j for j in plan.jobs}
        bad = sum(bool(misfits(by_id[m.candidate], job_facts(jobs[m.job], task_file))) for m in result.matches)
        rows.append({"people": people_count, "jobs": job_count, "pairs": result.fitting_pairs,
                     "matched": len(result.matches), "score": result.total_score, "seconds": round(seconds, 2),
                     "fit": round(result.stats["fit"], 2), "flow": round(result.stats["flow"], 2),
                     "explain": round(result.stats["explain"], 2), "misfits": bad})
        print(rows[-1], file=sys.stderr)
        if quick and people_count >= 500:
            break
    return rows


def carving_rows() -> list[dict]:
    task_file = read_task_file(REPO / "data" / "uu_kickoff.json")
    people = read_candidate_file(REPO / "data" / "candidates.json", task_file)
    rows = []
    plain = solve(task_file, SolveConfig(time_limit=30, backend="serial"))
    matched = match(task_file, plain, people)
    rows.append({"how": "`bundler solve` 30 s, then `bundler match`", "placed": len(matched.matches),
                 "jobs": plain.kpis.jobs, "hours": plain.kpis.bundled_hours, "seconds": plain.solver.seconds,
                 "violations": len(check_plan(task_file, plain))})
    for limit in (30, 60):
        started = time.perf_counter()
        result = carve(task_file, people, config=CarveConfig(time_limit=limit))
        seconds = round(time.perf_counter() - started, 1)
        jobs = {j.id: j for j in result.plan.jobs}
        bad = sum(bool(misfits(people.by_id()[c], job_facts(jobs[j], task_file))) for c, j in result.placed.items())
        rows.append({"how": f"`bundler carve --time-limit {limit}`", "placed": len(result.placed),
                     "jobs": result.plan.kpis.jobs, "hours": result.plan.kpis.bundled_hours, "seconds": seconds,
                     "violations": len(check_plan(task_file, result.plan)) + bad})
        print(rows[-1], file=sys.stderr)
    return rows


def write(match_rows: list[dict], carve_rows: list[dict]) -> str:
    lines = ["# People: matching and carving", "",
             f"Measured with `python benchmarks/people.py` on {platform.processor() or platform.machine()}, "
             f"Python {platform.python_version()}, two shared cores, {time.strftime('%Y-%m-%d')}.", "",
             "## Matching (`bundler match`)", "",
             "The example kick-off's plan copied until there are enough jobs; the first J jobs and P seeded random people "
             "(windows, hours, skills, limits, reach by site). Seconds are the whole `match()` call: the job facts, "
             "the fit of every pair, the exact min-cost flow and the reasons for everyone left over. *Misfits* "
             "re-checks every match with the seven fit rules.", "",
             "| people | jobs | fitting pairs | matched | total score | seconds | of which fit | flow | reasons "
             "| misfits |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in match_rows:
        lines.append(f"| {r['people']} | {r['jobs']} | {r['pairs']} | {r['matched']} | {r['score']:g} | "
                     f"{r['seconds']:g} | {r['fit']:g} | {r['flow']:g} | {r['explain']:g} | {r['misfits']} |")
    if carve_rows:
        lines += ["", "## Carving against matching (example kick-off, 20 example people)", "",
                  "| how | people placed | jobs | hours bundled | seconds | rule or fit violations |",
                  "|---|---:|---:|---:|---:|---:|"]
        for r in carve_rows:
            lines.append(f"| {r['how']} | {r['placed']} of 20 | {r['jobs']} | {r['hours']:g} | {r['seconds']:g} | "
                         f"{r['violations']} |")
    lines += ["", "Notes:", "",
              "- 500 people x 300 jobs, the issue's target, is well inside 10 s; most of it is the reasons for the "
              "people and jobs left over, the optimal assignment itself (min-cost flow) takes hundredths.",
              "- Matching is exact: `tests/people/test_match.py` compares it with a brute force over every assignment "
              "on 400 random small tables and on the tutorial plan, and on the example kick-off over the people who "
              "fit any job.",
              "- Carving gives a person a job made for them: on the example it places several times as many people as "
              "matching on the plain plan, and with 60 s it keeps as many jobs in all. The engine's steps run on "
              "the clock on a busy machine, so a run can place a person more or fewer than the table "
              "(one person, K11, needs an unusual mix of flexible blocks that the engine finds in about ten seconds)."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="matching only, up to 500 x 300")
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args()
    match_rows = matching_rows(args.quick)
    carve_rows = [] if args.quick else carving_rows()
    text = write(match_rows, carve_rows)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    print(json.dumps({"match": match_rows, "carve": carve_rows}), file=sys.stderr)


if __name__ == "__main__":
    main()

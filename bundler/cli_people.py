"""bundler match | carve: people and jobs, a thin shell over `bundler.people`.

    bundler match TASKS.json PLAN.json CANDIDATES.json --out MATCH.json
    bundler carve TASKS.json CANDIDATES.json --out PLAN.json [--keep PLAN.json] [--time-limit S]

Bad input exits 2 with one line per problem (naming the candidate and field). The terminal
shows people by id only, never an alias, a note or a limit of theirs (terminals end up in
logs); why a person is not placed goes to the `--explain` file.
"""

from __future__ import annotations

import argparse

from bundler.io import read_plan, read_task_file, write_json
from bundler.validation import InputError

EXIT_OK = 0
DEFAULT_CARVE_SECONDS = 60.0


def add_people_commands(sub: argparse._SubParsersAction) -> None:
    match = sub.add_parser("match", help="assign people to the jobs of a plan (best one-to-one fit)")
    match.add_argument("tasks")
    match.add_argument("plan")
    match.add_argument("candidates")
    match.add_argument("--out", required=True, help="where to write the match file (JSON)")
    carve = sub.add_parser("carve", help="make jobs around people: every rule, and a fit for as many people as possible")
    carve.add_argument("tasks")
    carve.add_argument("candidates")
    carve.add_argument("--out", required=True, help="where to write the plan (JSON)")
    carve.add_argument("--keep", help="a plan whose jobs stay as they are (e.g. the jobs agreed so far)")
    carve.add_argument("--time-limit", type=float, default=DEFAULT_CARVE_SECONDS,
                       help=f"seconds (default {DEFAULT_CARVE_SECONDS:g})")
    carve.add_argument("--workers", type=int, default=2, help="solver threads (default 2)")
    carve.add_argument("--seed", type=int, default=0)
    carve.add_argument("--explain", help="also write why each person is or is not placed (JSON)")


def _match(args) -> int:
    from bundler.people.candidates import read_candidate_file
    from bundler.people.match import match

    task_file = read_task_file(args.tasks)
    plan = read_plan(args.plan)
    candidates = read_candidate_file(args.candidates, task_file)
    known = {t.id for t in task_file.tasks}
    stray = sorted({t for job in plan.jobs for t in job.tasks if t not in known})
    if stray:
        raise InputError([f"{args.plan}: job task(s) {', '.join(stray[:5])} are not in {args.tasks}"])
    result = match(task_file, plan, candidates)
    write_json(result.to_json_dict(), args.out)
    print(f"matched          {len(result.matches)} of {len(candidates.candidates)} people, "
          f"{len(plan.jobs)} jobs")
    print(f"total score      {result.total_score:g}")
    print(f"fitting pairs    {result.fitting_pairs}")
    print(f"seconds          {result.seconds:g}")
    print(f"match written to {args.out}")
    return EXIT_OK


def _carve(args) -> int:
    from bundler.people.candidates import read_candidate_file
    from bundler.people.carve import CarveConfig, carve

    if args.time_limit <= 0 or args.workers < 1:
        raise InputError(["--time-limit must be above 0 and --workers at least 1"])
    task_file = read_task_file(args.tasks)
    candidates = read_candidate_file(args.candidates, task_file)
    keep = read_plan(args.keep) if args.keep else None
    result = carve(task_file, candidates, keep, CarveConfig(args.time_limit, args.workers, args.seed))
    write_json(result.plan, args.out)
    if args.explain:
        write_json(result.explanation_json(), args.explain)
    k = result.plan.kpis
    print(f"people placed       {len(result.placed)} of {len(candidates.candidates)}")
    print(f"jobs                {k.jobs} ({len(result.placed)} for a person, upper bound {k.jobs_upper_bound})")
    print(f"hours bundled       {k.bundled_hours:g} of {k.total_hours:g} h")
    print(f"banenafspraak jobs  {k.banenafspraak_jobs:g} (25.5 h each)")
    print(f"seconds             {result.stats['seconds']:g}")
    for note in result.notes:
        print(f"note: {note}")
    if result.unplaced:  # ids only: what blocks a person (their limits) goes to the --explain file, not a log
        print(f"not placed          {', '.join(u.candidate for u in result.unplaced)}"
              + ("" if args.explain else " (why, and what would place them: --explain FILE)"))
    print(f"plan written to {args.out}" + (f", explanations to {args.explain}" if args.explain else ""))
    return EXIT_OK


def run(args) -> int:
    return {"match": _match, "carve": _carve}[args.command](args)

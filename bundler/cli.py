"""bundler validate | solve | check | vacancies | workspace | bench: a thin shell over the library.

Exit codes: 0 fine, 1 the plan breaks a rule (check), 2 bad input; never a traceback.
"""

from __future__ import annotations

import time


def _process_started() -> float:
    """When this process started, on the `time.monotonic()` clock (Linux: from /proc; else now)."""
    try:
        import os

        with open("/proc/self/stat") as stat, open("/proc/uptime") as uptime:
            ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
            since_boot = float(uptime.read().split()[0])
        return time.monotonic() - max(0.0, since_boot - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return time.monotonic()


STARTED = _process_started()
"""When this process started."""


def command_started(argv: Sequence[str] | None) -> float:
    """When this command started: `--time-limit` counts the whole command from here. Run
    from the shell (no `argv` given: `sys.argv`), that is the process's start; called with
    its arguments from inside a longer-lived program (a test, a script), it is the call."""
    return STARTED if argv is None else time.monotonic()

import argparse  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
from typing import Sequence  # noqa: E402

from bundler.bench.cli import add_bench_commands
from bundler.bench.cli import run as run_bench
from bundler.cli_people import add_people_commands
from bundler.cli_people import run as run_people
from bundler.cli_workspace import add_workspace_commands
from bundler.cli_workspace import run as run_workspace
from bundler.domain import Plan
from bundler.engine.parallel import BACKENDS, BackendUnavailable
from bundler.io import read_plan, read_task_file, write_json
from bundler.limits import INT32_MAX, MAX_TIME_LIMIT, MAX_WORKERS
from bundler.terminal import safe_output
from bundler.validation import InputError, placement_notes

EXIT_OK, EXIT_RULES, EXIT_INPUT = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bundler", description="Bundle loose facility tasks into combination jobs.")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check a task file; one line per problem")
    validate.add_argument("tasks")
    solve = sub.add_parser("solve", help="bundle the tasks into jobs and write a plan")
    solve.add_argument("tasks")
    solve.add_argument("--out", required=True, help="where to write the plan (JSON)")
    solve.add_argument("--time-limit", type=float, default=30.0, help="seconds (default 30)")
    solve.add_argument("--workers", type=int, default=2, help="solver threads (default 2)")
    solve.add_argument("--seed", type=int, default=0)
    solve.add_argument("--heuristic-only", action="store_true", help="skip the optimizer: constructive plan only")
    solve.add_argument("--quality", choices=["on", "off"], default="on",
                       help="after the objective, prefer rotas with less waiting, fewer buildings a day and "
                            "fewer weekend days (default on)")
    solve.add_argument("--backend", choices=BACKENDS, default="auto",
                       help="where regions are solved: serial, local (a process pool) or ray; auto (default) "
                            "uses local when several regions have optimizer work")
    solve.add_argument("--quiet", action="store_true", help="no progress lines")
    check = sub.add_parser("check", help="check a plan against every rule")
    check.add_argument("tasks")
    check.add_argument("plan")
    vacancies = sub.add_parser("vacancies", help="write a vacancy draft per job (Markdown, DOCX, JSON-LD; nl and en)")
    vacancies.add_argument("tasks")
    vacancies.add_argument("plan")
    vacancies.add_argument("--out", required=True, help="folder for the drafts (made when missing)")
    vacancies.add_argument("--lang", choices=["nl", "en"], action="append",
                           help="only this language (repeat for both; default both)")
    vacancies.add_argument("--candidates", help="the candidate file of a carved plan: each carved job's draft "
                                                "says what is adjusted (never for whom)")
    add_people_commands(sub)
    add_workspace_commands(sub)
    add_bench_commands(sub)
    return parser


def _validate(args) -> int:
    task_file = read_task_file(args.tasks)
    print(f"ok: {len(task_file.tasks)} tasks, {len(task_file.suppliers)} suppliers, "
          f"{len(task_file.locations)} locations, {sum(t.minutes for t in task_file.tasks) / 60:g} h a week")
    for note in placement_notes(task_file):
        print(f"note: {note}")
    return EXIT_OK


class _ProgressPrinter:
    """Progress on stderr, only once a solve has run for a second, at most once a second."""

    def __init__(self, quiet: bool):
        self.quiet, self.last = quiet, 0.0

    def __call__(self, event) -> None:
        if self.quiet or event.elapsed < 1.0 or event.elapsed - self.last < 1.0:
            return
        self.last = event.elapsed
        if event.phase != "solving":
            print(f"  {event.elapsed:6.1f}s  preparing: {event.phase}", file=sys.stderr, flush=True)
            return
        print(f"  {event.elapsed:6.1f}s  region {event.region}/{event.regions}  jobs {event.jobs}  "
              f"bound {event.bound}", file=sys.stderr, flush=True)


def grace_seconds(time_limit: float) -> float:
    """What the command may take beyond `--time-limit`: max(2 s, 5%)."""
    return max(2.0, 0.05 * time_limit)


def _summary(plan: Plan) -> str:
    k = plan.kpis
    share = 100 * k.bundled_hours / k.total_hours if k.total_hours else 0.0
    rows = [
        ("status", plan.status),
        ("jobs", f"{k.jobs} (upper bound {k.jobs_upper_bound})"),
        ("hours bundled", f"{k.bundled_hours:g} of {k.total_hours:g} h ({share:.0f}%)"),
        ("banenafspraak jobs", f"{k.banenafspraak_jobs:g} (25.5 h each)"),
        ("tasks left over", str(len(plan.unassigned))),
        ("seconds", f"{plan.solver.seconds:g}"),
        ("stopped by", {"work": "work done (repeatable)", "time": "the time limit (the clock cut in)",
                        "user": "a stop"}[plan.solver.stopped_by]),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def solve_option_problems(time_limit: float, workers: int, seed: int) -> list[str]:
    """What is wrong with the solve options: `nan`, `inf`, a seed CP-SAT cannot take, no workers."""
    problems = []
    if not (math.isfinite(time_limit) and 0 < time_limit <= MAX_TIME_LIMIT):
        problems.append(f"--time-limit must be a number of seconds above 0 and at most {MAX_TIME_LIMIT:g}, "
                        f"not {time_limit:g}")
    if not 1 <= workers <= MAX_WORKERS:
        problems.append(f"--workers must be at least 1 and at most {MAX_WORKERS}, not {workers}")
    if not 0 <= seed <= INT32_MAX:
        problems.append(f"--seed must be between 0 and {INT32_MAX} (the solver's 32-bit seed), not {seed}")
    return problems


def _solve(args) -> int:
    from bundler.engine import (  # imported late: ortools is slow to load
        SolveConfig,
        solve,
    )

    problems = solve_option_problems(args.time_limit, args.workers, args.seed)
    if problems:
        raise InputError(problems)
    task_file = read_task_file(args.tasks)
    # The command answers within the limit plus its grace; the engine hands its plan back
    # half-way through the grace, and writing it takes the rest.
    config = SolveConfig(time_limit=args.time_limit, workers=args.workers, seed=args.seed,
                         deadline=args.started + args.time_limit + grace_seconds(args.time_limit) / 2,
                         use_solver=not args.heuristic_only, backend=args.backend, job_quality=args.quality == "on")
    try:
        plan = solve(task_file, config, on_progress=_ProgressPrinter(args.quiet))
    except BackendUnavailable as error:
        raise InputError([str(error)]) from None
    write_json(plan, args.out)
    print(_summary(plan))
    print(f"plan written to {args.out}")
    return EXIT_OK


def _check(args) -> int:
    from bundler.check import check_plan

    task_file = read_task_file(args.tasks)
    plan = read_plan(args.plan)
    violations = check_plan(task_file, plan)
    for v in violations:
        print(v.message)
    hours = sum(j.hours for j in plan.jobs)
    print(f"{'INVALID' if violations else 'valid'}: {len(plan.jobs)} jobs, {hours:g} h bundled, "
          f"{len(violations)} violations")
    return EXIT_RULES if violations else EXIT_OK


def _vacancies(args) -> int:
    from bundler.vacancies import plan_files, write_files

    task_file = read_task_file(args.tasks)
    plan = read_plan(args.plan)
    if not plan.jobs:
        raise InputError([f"{args.plan}: the plan has no jobs (status {plan.status}), so there is nothing to draft"])
    adjustments = None
    if args.candidates:  # a carved plan: each person's job says what is adjusted, never who
        from bundler.people.adjustments import adjustment_text
        from bundler.people.candidates import read_candidate_file

        candidates = read_candidate_file(args.candidates, task_file)
        adjustments = lambda job, lang: adjustment_text(task_file, job, candidates, lang)  # noqa: E731
    try:
        files = plan_files(task_file, plan, tuple(dict.fromkeys(args.lang or ["nl", "en"])), adjustments=adjustments)
    except InputError as error:
        raise InputError([f"{args.plan}: {p} ({args.tasks})" for p in error.problems]) from None
    for path in write_files(files, args.out):
        print(path)
    print(f"{len(files)} files for {len(plan.jobs)} jobs written to {args.out}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; names and ids from files never reach the terminal as control characters."""
    started = command_started(argv)
    with safe_output():
        return _run(argv, started)


def _run(argv: Sequence[str] | None, started: float) -> int:
    args = _parser().parse_args(argv)
    args.started = started
    command = {"validate": _validate, "solve": _solve, "check": _check, "vacancies": _vacancies,
               "match": run_people, "carve": run_people, "workspace": run_workspace, "bench": run_bench}[args.command]
    started = time.perf_counter()
    try:
        return command(args)
    except InputError as error:
        out = sys.stdout if args.command == "validate" else sys.stderr
        for problem in error.problems:
            print(problem, file=out)
        print(f"{len(error.problems)} problem(s) in the input", file=out)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print(f"stopped after {time.perf_counter() - started:.1f}s", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"cannot write or read a file: {error}", file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())

"""bundler bench classic | campus | all: the benchmark runner from the command line.

`classic` prints one JSON line per file, so a new instance is measured without code
changes; a bad file is reported on standard error as one line naming the file and line,
the other files are still measured, and the exit code is 2 at the end. `all` is the one
command that writes every table and the plot. Exit 1 when a measured answer breaks a
rule of its instance.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import groupby
from pathlib import Path

from bundler.bench import paths
from bundler.bench.campus import SIZES, campus_time_limit, default_regions
from bundler.bench.isolate import run_isolated
from bundler.classic import FORMATS, ClassicFormatError, read_classic

EXIT_OK, EXIT_RULES, EXIT_INPUT = 0, 1, 2
CLASSIC_SECONDS = 10.0
EXAMPLE_SECONDS = 10.0
QUICK_SECONDS = 1.0
QUICK_SIZES = (100, 300)
ONE_REGION_TASKS = 3000
QUICK_FILES_PER_FORMAT = 2
PRINTED = ("instance", "format", "family", "half", "items", "tasks", "regions", "heuristic_bins", "heuristic_jobs",
           "bins", "jobs", "bound", "status", "stopped_by", "seconds", "time_limit", "peak_mb", "opt", "gap", "gap_pct", "valid",
           "reference_checked", "problems", "error", "packing")
"""The fields of a printed JSON line, in this order (the JSON-lines files keep every field)."""


def add_bench_commands(sub) -> None:
    bench = sub.add_parser("bench", help="measure the optimizer on classic sets, examples and generated campuses")
    commands = bench.add_subparsers(dest="bench_command", required=True)

    classic = commands.add_parser("classic", help="one JSON line per classic instance file")
    classic.add_argument("files", nargs="+", metavar="FILE")
    classic.add_argument("--format", required=True, choices=FORMATS, dest="fmt")
    classic.add_argument("--opt", type=int, default=None, help="the known optimum (default: the folder's optimal.csv)")
    _solver_options(classic, CLASSIC_SECONDS)
    classic.set_defaults(run=_classic)

    campus = commands.add_parser("campus", help="generated campuses: one JSON line each")
    campus.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), metavar="N")
    campus.add_argument("--regions", type=int, default=None, help="regions per campus (default: by size)")
    _solver_options(campus, None)
    campus.add_argument("--out", type=Path, default=None, help="also write campus.md, campus.jsonl and scale.png here")
    campus.set_defaults(run=_campus)

    everything = commands.add_parser("all", help="every table and the plot: classic sets, examples, campuses")
    everything.add_argument("--out", type=Path, default=paths.RESULTS, help=f"default {paths.RESULTS}")
    everything.add_argument("--bench-dir", type=Path, default=paths.BENCH_DIR,
                            help=f"the classic instances, one folder per format (default {paths.BENCH_DIR})")
    everything.add_argument("--quick", action="store_true",
                            help=f"smoke run: {QUICK_SECONDS:g} s limits, campuses up to {QUICK_SIZES[-1]} tasks, "
                                 f"{QUICK_FILES_PER_FORMAT} classic files per format")
    everything.add_argument("--only", choices=["classic", "campus"],
                            help="one half: the classic sets, or the examples and campuses")
    everything.add_argument("--workers", type=int, default=2)
    everything.add_argument("--seed", type=int, default=0)
    everything.set_defaults(run=_all)


def _solver_options(parser: argparse.ArgumentParser, seconds: float | None) -> None:
    default = f"{seconds:g}" if seconds else "60 up to 300 tasks, 120 up to 1000, 300 beyond"
    parser.add_argument("--time-limit", type=float, default=seconds, help=f"seconds per instance (default {default})")
    parser.add_argument("--workers", type=int, default=2, help="solver threads (default 2)")
    parser.add_argument("--seed", type=int, default=0)


def _check_options(args) -> None:
    from bundler.validation import InputError

    limit = getattr(args, "time_limit", None)
    if (limit is not None and limit <= 0) or args.workers < 1:
        raise InputError(["--time-limit must be above 0 and --workers at least 1"])


def _emit(row: dict) -> None:
    print(json.dumps({key: row[key] for key in PRINTED if key in row}), flush=True)


def _measure_classic(path: Path, fmt: str, args, seconds: float, opt: int | None = None) -> dict | str:
    """The row for one file, or the one-line message when the file is not a valid instance."""
    try:
        read_classic(path, fmt)  # fail fast, in this process, with the file and line
    except ClassicFormatError as error:
        return str(error)
    row = run_isolated("classic", seconds, path=str(path), fmt=fmt, workers=args.workers, seed=args.seed, opt=opt)
    if row.get("bad_input"):
        return row["error"]
    return {"instance": path.name, "format": fmt, **row}


def _classic(args) -> int:
    _check_options(args)
    bad = invalid = 0
    for file in args.files:
        row = _measure_classic(Path(file), args.fmt, args, args.time_limit, args.opt)
        if isinstance(row, str):
            print(row, file=sys.stderr, flush=True)
            bad += 1
            continue
        _emit(row)
        invalid += not row.get("valid")
    return EXIT_INPUT if bad else EXIT_RULES if invalid else EXIT_OK


def _campus_rows(sizes, args, seconds: float | None, regions: int | None = None) -> list[dict]:
    rows = []
    for n in sizes:
        limit = seconds or campus_time_limit(n)
        row = run_isolated("campus", limit, n_tasks=n, seed=args.seed, workers=args.workers,
                           n_regions=regions or default_regions(n))
        rows.append({"instance": f"campus-{n}", "tasks": n, "time_limit": limit, "kind": "generated", **row})
        _emit(rows[-1])
    return rows


def _write_campus(rows: list[dict], out: Path, command: str) -> None:
    from bundler.bench.report import plot_scale, write_campus

    for path in [*write_campus(rows, out, command),
                 plot_scale([r for r in rows if r.get("kind") == "generated"], out / "scale.png",
                            single_region=[r for r in rows if r.get("kind") == "one-region"])]:
        print(f"written {path}", file=sys.stderr)


def _campus(args) -> int:
    _check_options(args)
    rows = _campus_rows(args.sizes, args, args.time_limit, args.regions)
    if args.out:
        _write_campus(rows, args.out, "bundler bench campus " + " ".join(sys.argv[3:]))
    return EXIT_RULES if any(not r.get("valid") for r in rows) else EXIT_OK


def _all(args) -> int:
    from bundler.bench.report import write_classic
    from bundler.validation import InputError

    _check_options(args)
    files = paths.classic_files(args.bench_dir)
    if not files:
        raise InputError([f"{args.bench_dir}: no classic instances found (folders {', '.join(paths.FOLDERS)})"])
    if args.quick:
        files = [item for _, group in groupby(files, key=lambda item: item[1])
                 for item in list(group)[:QUICK_FILES_PER_FORMAT]]
    command = "bundler bench all" + (" --quick" if args.quick else "") + f" --workers {args.workers} --seed {args.seed}"
    classic_rows, bad = [], 0
    for path, fmt in files if args.only != "campus" else []:
        row = _measure_classic(path, fmt, args, QUICK_SECONDS if args.quick else CLASSIC_SECONDS)
        if isinstance(row, str):
            print(row, file=sys.stderr, flush=True)
            bad += 1
            continue
        classic_rows.append(row)
        _emit({k: v for k, v in row.items() if k != "packing"})
    if args.only != "campus":
        for path in write_classic(classic_rows, args.out, command):
            print(f"written {path}", file=sys.stderr)
    campus_rows: list[dict] = []
    if args.only == "classic":
        return EXIT_INPUT if bad else EXIT_RULES if any(not r.get("valid") for r in classic_rows) else EXIT_OK
    for example in paths.EXAMPLES:
        limit = QUICK_SECONDS if args.quick else EXAMPLE_SECONDS
        row = run_isolated("example", limit, path=str(example), workers=args.workers, seed=args.seed)
        campus_rows.append({"instance": example.stem, "time_limit": limit, "kind": "example", **row})
        _emit(campus_rows[-1])
    quick_seconds = QUICK_SECONDS if args.quick else None
    campus_rows += _campus_rows(QUICK_SIZES if args.quick else SIZES, args, quick_seconds)
    if not args.quick:  # the hard case for one region: a whole city's tasks on one campus
        limit = campus_time_limit(ONE_REGION_TASKS)
        row = run_isolated("campus", limit, n_tasks=ONE_REGION_TASKS, seed=args.seed, workers=args.workers, n_regions=1)
        campus_rows.append({"tasks": ONE_REGION_TASKS, "time_limit": limit, **row, "kind": "one-region",
                            "instance": f"campus-{ONE_REGION_TASKS} (one region)"})
        _emit(campus_rows[-1])
    _write_campus(campus_rows, args.out, command)
    invalid = any(not r.get("valid") for r in classic_rows + campus_rows)
    return EXIT_INPUT if bad else EXIT_RULES if invalid else EXIT_OK


def run(args: argparse.Namespace) -> int:
    return args.run(args)

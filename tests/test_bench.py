"""The benchmark runner: readers, the classic checker, the command line, reports and a campus run.

Benchmarks measure; these tests only check that what is measured is read, checked and
written correctly. No test asserts on time.
"""

from __future__ import annotations

import json

import pytest

from bundler.bench import paths
from bundler.bench.campus import default_regions, run_campus
from bundler.bench.check import check_classic
from bundler.bench.classic import gap_to_optimum
from bundler.bench.isolate import run_isolated
from bundler.bench.optimum import published_optimum
from bundler.bench.report import (
    classic_summary,
    markdown_table,
    plot_scale,
    write_campus,
    write_classic,
)
from bundler.classic import ClassicFormatError, ClassicInstance, read_classic
from bundler.cli import main

SHARED_FILES = paths.classic_files()
needs_shared = pytest.mark.skipif(not SHARED_FILES, reason="shared classic instances not available")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# --- readers -----------------------------------------------------------------------------

@needs_shared
@pytest.mark.parametrize("path,fmt", SHARED_FILES, ids=[p.name for p, _ in SHARED_FILES])
def test_shared_file_reads_with_announced_items_and_an_optimum(path, fmt):
    """Every shared file parses in its format, holds the item count its first line announces,
    and has a published optimum in its folder's optimal.csv."""
    classic = read_classic(path, fmt)
    announced = int(path.read_text().split()[0])
    assert len(classic.sizes) == len(classic.classes) == announced
    assert published_optimum(path, fmt) is not None


@needs_shared
def test_every_shared_format_is_found():
    """The runner finds instances of all three formats in the shared folder."""
    assert {fmt for _, fmt in SHARED_FILES} == {"ccbpp", "bincover", "bppc"}


@needs_shared
@pytest.mark.parametrize("folder,name,fmt,opt", [
    ("ccbpp", "Q1C1N3B1W1_0_BPP.txt", "ccbpp", 102),
    ("bin_covering", "A1-100_100_1-1", "bincover", 47),
    ("bin_covering", "Falkenauer_u120_00.txt", "bincover", 47),
    ("bppc", "BPPC_5_0_1.txt", "bppc", 20),
])
def test_published_optimum_uses_each_sets_key_and_column(folder, name, fmt, opt):
    """Each set's optimal.csv is read with its own key (file name or stem) and optimum column."""
    assert published_optimum(paths.BENCH_DIR / folder / name, fmt) == opt


BAD_FILES = [
    ("empty", "ccbpp", "", None),
    ("wrong header", "ccbpp", "3 2 10\n1 0\n2 1\n3 0\n", 1),
    ("bad number", "bincover", "2\n10\n4\nfive\n", 4),
    ("class out of range", "ccbpp", "2 2 10 1\n3 0\n4 2\n", 3),
    ("conflict with an unknown item", "bppc", "2 10\n1 3 2\n2 4 7\n", 3),
]


@pytest.mark.parametrize("case,fmt,text,line", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_classic_file_names_file_and_line(tmp_path, case, fmt, text, line):
    """A file that breaks its format raises ClassicFormatError naming the file (and the line)."""
    path = tmp_path / "bad.txt"
    path.write_text(text)
    with pytest.raises(ClassicFormatError) as error:
        read_classic(path, fmt)
    assert str(path) in str(error.value)
    if line is not None:
        assert f"line {line}" in str(error.value)


def test_missing_classic_file_is_a_format_error(tmp_path):
    """A file that is not there is a ClassicFormatError naming it, not an OSError."""
    path = tmp_path / "nowhere.txt"
    with pytest.raises(ClassicFormatError, match="nowhere.txt"):
        read_classic(path, "bppc")


# --- classic checker ---------------------------------------------------------------------

PACKING = ClassicInstance("p", "ccbpp", sizes=[4, 5, 6, 3], classes=[0, 1, 2, 0], capacity=10, threshold=0,
                          max_classes=2, conflicts=[(0, 1)])
COVERING = ClassicInstance("c", "bincover", sizes=[6, 5, 4, 3], classes=[0] * 4, capacity=None, threshold=9,
                           max_classes=1)


def test_checker_accepts_a_valid_packing_and_covering():
    """Correct answers give no problems, so the broken cases below fail for their own reason."""
    assert check_classic(PACKING, [[0, 2], [1, 3]]) == []
    assert check_classic(COVERING, [[0, 3], [1, 2]]) == []
    assert check_classic(COVERING, [[0, 3]]) == []  # covering: an item may stay out


@pytest.mark.parametrize("classic,bins,expected", [
    (PACKING, [[1, 2], [0, 3]], "over capacity"),
    (PACKING, [[0, 2], [1], [3]], None),
    (ClassicInstance("q", "ccbpp", [1, 1, 1], [0, 1, 2], 10, 0, 2), [[0, 1, 2]], "3 classes"),
    (PACKING, [[0, 1], [2], [3]], "conflicting items 0 and 1"),
    (PACKING, [[0, 2], [1, 3], [3]], "item 3 in 2 bins"),
    (PACKING, [[0, 2], [1]], "items in no bin"),
    (COVERING, [[0, 3], [1]], "under threshold 9"),
    (PACKING, [[0, 9]], "unknown items"),
])
def test_checker_catches_each_broken_rule(classic, bins, expected):
    """Overweight bin, too many classes, a conflicting pair, an item twice, an unpacked item,
    a covering bin under its threshold and an unknown item are each reported by name."""
    problems = check_classic(classic, bins)
    if expected is None:
        assert problems == []
    else:
        assert any(expected in p for p in problems), problems


def test_gap_counts_bins_short_of_the_optimum_for_both_objectives():
    """Packing: extra bins are the gap; covering: missing bins are; unknown optimum gives no gap."""
    assert gap_to_optimum(22, 20, "cover") == 2
    assert gap_to_optimum(44, 47, "jobs") == 3
    assert gap_to_optimum(20, None, "cover") is None


# --- command line ------------------------------------------------------------------------

def test_cli_bad_files_exit_2_after_measuring_the_good_one(tmp_path, capsys):
    """Bad and missing files are one stderr line each naming the file; the good file is still
    measured (one JSON line whose packing passes the checker) and the exit code is 2."""
    good = tmp_path / "good.txt"
    good.write_text("4 2 10 2\n4 0\n5 1\n6 0\n3 1\n")
    bad = tmp_path / "bad.txt"
    bad.write_text("4 2 10 2\n4 0\nx 1\n")
    code, out, err = run(capsys, "bench", "classic", "--format", "ccbpp", "--time-limit", "1", "--workers", "1",
                         str(bad), str(good), str(tmp_path / "missing.txt"))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2 and str(bad) in lines[0] and "line 3" in lines[0] and "missing.txt" in lines[1]
    rows = [json.loads(line) for line in out.strip().splitlines()]
    assert [r["instance"] for r in rows] == ["good.txt"]
    assert rows[0]["valid"] and check_classic(read_classic(good, "ccbpp"), rows[0]["packing"]) == []
    assert rows[0]["bins"] == 2 and rows[0]["opt"] is None


@needs_shared
def test_cli_classic_on_a_shared_instance_prints_one_checked_line(capsys):
    """`bundler bench classic` on one shared BPPC file prints one JSON line: its bins pass the
    independent checker, the count matches them, and the published optimum and gap are filled in."""
    path = paths.BENCH_DIR / "bppc" / "BPPC_5_0_1.txt"
    code, out, _ = run(capsys, "bench", "classic", "--format", "bppc", "--time-limit", "1", str(path))
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 1
    row = json.loads(lines[0])
    assert check_classic(read_classic(path, "bppc"), row["packing"]) == []
    assert row["valid"] and row["bins"] == len(row["packing"]) and row["items"] == 60
    assert row["opt"] == 20 and row["gap"] == row["bins"] - 20 >= 0
    assert row["peak_mb"] > 0 and row["status"] in ("OPTIMAL", "FEASIBLE")


@needs_shared
def test_a_bound_that_contradicts_the_optimum_makes_the_row_invalid(capsys):
    """A wrong proof must not pass for a result: with `--opt` one bin below what is
    provable (BPPC_5_0_1 needs 20 bins), the row is invalid and says why."""
    path = paths.BENCH_DIR / "bppc" / "BPPC_5_0_1.txt"
    code, out, _ = run(capsys, "bench", "classic", "--format", "bppc", "--time-limit", "2", "--opt", "19", str(path))
    row = json.loads(out.strip().splitlines()[0])
    assert row["bound"] == 20 and not row["valid"]
    assert any("contradicts the published optimum 19" in p for p in row["problems"])


def test_cli_rejects_bad_limits_without_traceback(capsys):
    """A non-positive time limit is bad input: exit 2 with a plain message."""
    code, _, err = run(capsys, "bench", "classic", "--format", "bppc", "--time-limit", "0", "x.txt")
    assert code == 2 and "--time-limit" in err


# --- isolation ---------------------------------------------------------------------------

def test_a_crashing_child_gives_an_error_row_not_a_crash():
    """A measurement that fails in its process comes back as an ERROR row with the reason."""
    row = run_isolated("campus", 1, n_tasks=0, seed=0, workers=1)
    assert row["status"] == "ERROR" and not row["valid"] and "n_tasks" in row["error"]


# --- reports -----------------------------------------------------------------------------

CLASSIC_ROWS = [
    {"instance": "a.txt", "format": "bppc", "items": 10, "heuristic_bins": 5, "bins": 4, "bound": 4, "opt": 4,
     "gap": 0, "status": "OPTIMAL", "seconds": 1.0, "peak_mb": 150.0, "valid": True},
    {"instance": "b.txt", "format": "bppc", "items": 10, "heuristic_bins": None, "bins": 5, "bound": 3, "opt": 4,
     "gap": 1, "status": "FEASIBLE", "seconds": 3.0, "peak_mb": 160.0, "valid": True},
    {"instance": "c.txt", "format": "bppc", "items": 10, "heuristic_bins": 7, "bins": 7, "bound": 3, "opt": 4,
     "gap": 3, "status": "FEASIBLE", "seconds": 2.0, "peak_mb": 170.0, "valid": False, "problems": ["bin 1: x"]},
]
CAMPUS_ROWS = [
    {"instance": f"campus-{n}", "kind": "generated", "tasks": n, "regions": 1, "heuristic_jobs": n // 5,
     "jobs": n // 4, "bound": n // 3, "gap_pct": 25.0, "status": "FEASIBLE", "seconds": s, "heuristic_seconds": s / 4,
     "time_limit": 60.0, "peak_mb": m, "bundled_hours": 10.0 * n, "total_hours": 12.0 * n, "valid": True}
    for n, s, m in [(100, 10.0, 200.0), (300, 30.0, 260.0), (1000, 80.0, 500.0)]
]


def test_classic_summary_counts_optimal_and_near_optimal_valid_rows():
    """Optimum reached counts gap 0, within 1 bin counts gap <= 1, both only for valid answers."""
    assert classic_summary(CLASSIC_ROWS).startswith("Optimum reached on 1 of 3, within 1 bin on 2 of 3, mean 2.0 s")


def test_markdown_table_has_a_row_per_instance_and_dashes_for_missing():
    """One header, one separator and one line per row; a missing value shows as a dash, an invalid
    answer shows NO with its first problem."""
    table = markdown_table(CLASSIC_ROWS, [("instance", "instance"), ("heuristic_bins", "h"), ("valid", "valid")])
    lines = table.splitlines()
    assert len(lines) == 2 + len(CLASSIC_ROWS)
    assert lines[3] == "| b.txt | — | yes |" and lines[4] == "| c.txt | 7 | NO (bin 1: x) |"


def test_report_writer_produces_markdown_jsonl_and_a_png(tmp_path):
    """The writers produce classic.md with its summary, campus.md, both JSON-lines files that read
    back to the rows, and scale.png that is a real PNG."""
    write_classic(CLASSIC_ROWS, tmp_path, "bundler bench all")
    write_campus(CAMPUS_ROWS, tmp_path, "bundler bench all")
    png = plot_scale(CAMPUS_ROWS, tmp_path / "scale.png")
    assert "Optimum reached on 1 of 3" in (tmp_path / "classic.md").read_text()
    assert "| campus-300 | 300 |" in (tmp_path / "campus.md").read_text()
    assert [json.loads(line) for line in (tmp_path / "campus.jsonl").read_text().splitlines()] == CAMPUS_ROWS
    assert len((tmp_path / "classic.jsonl").read_text().splitlines()) == 3
    assert png.read_bytes()[:8] == PNG_MAGIC


# --- campus ------------------------------------------------------------------------------

def test_default_regions_follow_the_issue():
    """One region up to 1000 tasks, 18 regions at 3000 and 60 at 10,000."""
    assert [default_regions(n) for n in (100, 1000, 3000, 10000)] == [1, 1, 18, 60]


def test_quick_campus_row_passes_both_checkers():
    """A 30-task campus with a 1 s limit: the optimized plan passes `bundler check` and (when
    present) the shared reference checker, and the row is consistent with itself."""
    row = run_campus(30, seed=0, seconds=1, workers=1)
    assert row["valid"] and row["problems"] == [], row["problems"]
    assert row["reference_checked"] == paths.VERIFY_PLAN.exists()
    assert row["tasks"] == 30 and row["regions"] == 1
    assert 0 <= row["jobs"] <= row["bound"] and row["bundled_hours"] <= row["total_hours"]


def test_campus_row_is_invalid_when_the_plan_breaks_a_rule(monkeypatch):
    """The checkers are really applied: a plan with a job given twice makes the row invalid."""
    import bundler.engine

    real_solve = bundler.engine.solve

    def broken_solve(task_file, config, *args, **kwargs):
        plan = real_solve(task_file, config, *args, **kwargs)
        if config.use_solver and plan.jobs:
            plan.jobs.append(plan.jobs[0])
        return plan

    monkeypatch.setattr(bundler.engine, "solve", broken_solve)
    row = run_campus(30, seed=0, seconds=1, workers=1)
    assert not row["valid"] and row["problems"]


def test_bench_all_without_classic_instances_is_bad_input(tmp_path, capsys):
    """`bench all` pointed at a folder with no classic instances stops with exit 2 and says where it looked."""
    code, _, err = run(capsys, "bench", "all", "--quick", "--bench-dir", str(tmp_path), "--out", str(tmp_path / "out"))
    assert code == 2 and str(tmp_path) in err
    assert not (tmp_path / "out").exists()

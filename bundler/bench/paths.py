"""Where the runner finds its inputs, in one place so tests and the command line agree.

The shared folder sits beside the repository (`../shared`), as in a source checkout;
the example kick-offs live in the repository's `data/` folder.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
BENCH_DIR = SHARED / "bench"
"""The classic instances with published optima, one folder per format."""
VERIFY_PLAN = SHARED / "tools" / "verify_plan.py"
"""The shared reference checker of plans (stdlib only)."""
EXAMPLES = (REPO / "data" / "tutorial.json", REPO / "data" / "uu_kickoff.json")
RESULTS = REPO / "benchmarks" / "results"

FOLDERS = {"ccbpp": ("ccbpp", "*.txt"), "bin_covering": ("bincover", "*"), "bppc": ("bppc", "*.txt")}
"""Folder name -> (format, file pattern); `optimal.csv` and notes are never instances."""


def classic_files(bench_dir: Path = BENCH_DIR) -> list[tuple[Path, str]]:
    """Every classic instance under `bench_dir` with its format, folders and files in name order."""
    found = []
    for folder, (fmt, pattern) in FOLDERS.items():
        directory = bench_dir / folder
        if directory.is_dir():
            found += [(path, fmt) for path in sorted(directory.glob(pattern))
                      if path.is_file() and path.suffix not in (".csv", ".md")]
    return found

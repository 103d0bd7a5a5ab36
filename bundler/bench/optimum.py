"""Published optima, looked up in the `optimal.csv` beside an instance file.

Each set names its key and value columns differently (see the shared bench README), and
some keys keep the file extension while others use the stem, so both are tried.
"""

from __future__ import annotations

import csv
from pathlib import Path

COLUMNS = {"ccbpp": ("instance", "OPT"), "bincover": ("file", "OPT_bins_covered"), "bppc": ("instance", "BKS")}
"""Format -> (key column, optimum column) of its `optimal.csv`."""


def published_optimum(path: str | Path, fmt: str) -> int | None:
    """The optimum published for this file, or None when the folder has no entry for it."""
    path = Path(path)
    table = path.parent / "optimal.csv"
    if fmt not in COLUMNS or not table.is_file():
        return None
    key, value = COLUMNS[fmt]
    with table.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row.get(key) in (path.name, path.stem) and row.get(value, "").strip():
                return int(float(row[value]))
    return None

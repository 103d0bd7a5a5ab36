"""Two runs of the classic sets side by side: bins and gap before and after, by family and half.

    python benchmarks/compare_classic.py BEFORE.jsonl AFTER.jsonl [--out benchmarks/results/classic_before_after.md]

Each file holds the JSON lines of `bundler bench classic` (or `classic.jsonl` of
`bundler bench all`). A row that failed (status ERROR) counts as not reached.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bundler.bench.classic import DEVELOPMENT, family


def _rows(path: Path) -> dict[str, dict]:
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows[row["instance"]] = row
    return rows


def _reached(row: dict | None) -> bool:
    return bool(row) and row.get("gap") is not None and row["gap"] <= 0 and bool(row.get("valid"))


def _within_one(row: dict | None) -> bool:
    return bool(row) and row.get("gap") is not None and row["gap"] <= 1 and bool(row.get("valid"))


def _cell(row: dict | None, key: str) -> str:
    if not row or row.get("status") == "ERROR":
        return "error"
    value = row.get(key)
    return "—" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def compare(before: dict[str, dict], after: dict[str, dict]) -> str:
    names = list(after)
    groups: dict[str, list[str]] = {}
    for name in names:
        fmt = after[name]["format"]
        half = "development" if name in DEVELOPMENT else "held out"
        for key in ("all", fmt, family(name, fmt), half):
            groups.setdefault(key, []).append(name)
    summary = ["| group | files | optimum before | optimum after | within 1 bin before | within 1 bin after |",
               "| --- | ---: | ---: | ---: | ---: | ---: |"]
    halves = [key for key in ("development", "held out") if key in groups]
    formats = sorted({after[n]["format"] for n in names})
    families = sorted(key for key in groups if key not in ("all", *halves, *formats))
    for key in ["all", *halves, *formats, *families]:
        members = groups[key]
        summary.append(f"| {key} | {len(members)} | {sum(_reached(before.get(n)) for n in members)} | "
                       f"{sum(_reached(after[n]) for n in members)} | "
                       f"{sum(_within_one(before.get(n)) for n in members)} | "
                       f"{sum(_within_one(after[n]) for n in members)} |")
    table = ["| instance | family | half | published opt | bins before | gap before | seconds before | "
             "bins after | gap after | seconds after | stopped by | valid |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for name in names:
        row, old = after[name], before.get(name)
        table.append(f"| {name} | {family(name, row['format'])} | "
                     f"{'development' if name in DEVELOPMENT else 'held out'} | {_cell(row, 'opt')} | "
                     f"{_cell(old, 'bins')} | {_cell(old, 'gap')} | {_cell(old, 'seconds')} | {_cell(row, 'bins')} | "
                     f"{_cell(row, 'gap')} | {_cell(row, 'seconds')} | {_cell(row, 'stopped_by')} | "
                     f"{'yes' if row.get('valid') else 'NO'} |")
    return "\n".join(summary) + "\n\n" + "\n".join(table) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "classic_before_after.md")
    args = parser.parse_args()
    text = ("# Classic sets before and after the stronger column route\n\n"
            f"Before: `{args.before.name}`; after: `{args.after.name}`. Both `bundler bench classic` at 10 s, "
            "2 workers, seed 0, on the same folder; gap = bins short of the published optimum (covering: bins "
            "missing). 'error': the run failed (before this work the reader refused covering files whose "
            "total passes a week's hours). Half: `bundler.bench.classic.DEVELOPMENT` lists the files the "
            "optimizer was developed on; every other file is held out.\n\n"
            + compare(_rows(args.before), _rows(args.after)))
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

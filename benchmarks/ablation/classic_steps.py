"""What each step of the optimizer buys on the classic sets (fixed seed, 2 workers, 10 s).

Steps: the constructive heuristic; the full model / neighbourhood search without the
column route; the column route without its dive (root LP + pick from the pool); the
whole column route. Writes benchmarks/results/classic_steps.md.
Run: python benchmarks/ablation/classic_steps.py [SECONDS]
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

import bundler.engine.packing as packing
from bundler.classic import read_classic, to_instance
from bundler.engine import SolveConfig
from bundler.engine.construct import construct
from bundler.engine.region import solve_region

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT.parent / "shared" / "bench"
SETS = {"ccbpp": ("ccbpp", "*_BPP.txt", "OPT", "instance"),
        "bppc": ("bppc", "BPPC*.txt", "BKS", "instance"),
        "bincover": ("bin_covering", "[AF]*", "OPT_bins_covered", "file")}


def optimum(folder: Path, column: str, key: str, path: Path) -> int:
    rows = {r[key]: int(r[column]) for r in csv.DictReader((folder / "optimal.csv").open())}
    return rows.get(path.name, rows.get(path.stem))


def run(instance, config: SolveConfig, seconds: float) -> tuple[int, float]:
    started = time.perf_counter()
    result = solve_region(instance, instance.regions[0], config, seconds, lambda *_: None)
    return len(result.jobs), time.perf_counter() - started


def main(seconds: float) -> None:
    rows = []
    no_dive = lambda *args, **kwargs: None  # noqa: E731
    for fmt, (folder, pattern, column, key) in SETS.items():
        for path in sorted((BENCH / folder).glob(pattern)):
            instance = to_instance(read_classic(path, fmt))
            opt = optimum(BENCH / folder, column, key, path)
            heuristic = len(construct(instance, instance.regions[0]))
            model, model_s = run(instance, SolveConfig(time_limit=seconds, use_columns=False), seconds)
            real_dive, packing.dive = packing.dive, no_dive
            try:
                root, root_s = run(instance, SolveConfig(time_limit=seconds), seconds)
            finally:
                packing.dive = real_dive
            full, full_s = run(instance, SolveConfig(time_limit=seconds), seconds)
            rows.append((path.name, opt, heuristic, model, root, full, model_s, root_s, full_s))
            print(*rows[-1], flush=True)
    out = ROOT / "benchmarks" / "results" / "classic_steps.md"
    lines = [f"# What each step buys on the classic sets ({seconds:g} s, 2 workers, seed 0)", "",
             "| instance | optimum | heuristic | model / LNS | columns, no dive | columns + dive | s model | s no dive | s dive |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]:.1f} | {r[7]:.1f} | {r[8]:.1f} |" for r in rows]
    hits = [sum(r[i] == r[1] for r in rows) for i in (2, 3, 4, 5)]
    lines += ["", f"Optimum reached: heuristic {hits[0]}, model/LNS {hits[1]}, columns without dive {hits[2]}, "
              f"columns with dive {hits[3]} of {len(rows)} instances."]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(lines[-1])


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0)

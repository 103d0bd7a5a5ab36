"""One classic instance measured: the heuristic, the optimizer, the check and the gap.

The instance goes through the same path as any region of a kick-off (`to_instance`,
then `solve_region`), so the numbers say how the real engine does on the packing core,
not how a special-purpose model would. The answer is checked against the file itself.
"""

from __future__ import annotations

import time
from pathlib import Path

from bundler.bench.check import check_classic
from bundler.bench.memory import peak_mb
from bundler.bench.optimum import published_optimum
from bundler.classic import read_classic, to_instance


DEVELOPMENT = frozenset({
    # The development folder the column route was first built on (36 files) ...
    *(f"Q{q}C1N3B{b}W{w}_0_BPP.txt" for q in (1, 2, 3) for b in (1, 2, 3) for w in (1, 2)),
    *(f"A1-100_100_1-{i}" for i in range(1, 6)),
    *(f"Falkenauer_{s}.txt" for s in ("t60_00", "t60_01", "t60_02", "u120_00", "u120_01", "u120_02")),
    *(f"BPPC_{s}.txt" for s in ("1_0_2", "1_6_8", "2_2_2", "5_0_1", "5_3_1", "5_9_1", "6_5_8")),
    # ... and the files of the newer classes the pricing, dive and repacking were tried on.
    "Q1C1N3B2W3_1_BPP.txt", "Q2C1N3B3W3_1_BPP.txt", "Q3C1N3B2W3_1_BPP.txt", "Q3C1N3B3W3_1_BPP.txt",
    "Falkenauer_t120_01.txt", "Falkenauer_u250_01.txt",
    "BPPC_3_1_5.txt", "BPPC_4_1_2.txt", "BPPC_7_1_1.txt", "BPPC_7_5_3.txt", "BPPC_8_1_7.txt",
})
"""Files the optimizer was developed on; every other file is held out (the issue asks for
both halves). A new file dropped into the folder counts as held out."""


FINISH_SECONDS = 0.3
"""Kept free before the limit for what follows the deadline (filling up, the answer)."""


def family(name: str, fmt: str) -> str:
    """The instance's family within its format: CCBPP capacity class (W1-W4), BPPC class
    (1-8), covering set (A1, Falkenauer T or U)."""
    if fmt == "ccbpp" and "W" in name:
        return "ccbpp " + name[name.index("W"):name.index("W") + 2]
    if fmt == "bppc" and name.startswith("BPPC_"):
        return "bppc class " + name.split("_")[1]
    if fmt == "bincover":
        return "A1" if name.startswith("A1") else "Falkenauer " + name.split("_")[1][0].upper()
    return fmt


def gap_to_optimum(bins: int | None, opt: int | None, objective: str) -> int | None:
    """Bins short of the optimum (0 = optimal): extra bins when packing, missing bins when covering."""
    if bins is None or opt is None:
        return None
    return bins - opt if objective == "cover" else opt - bins


def run_classic(path: str | Path, fmt: str, seconds: float, workers: int, seed: int,
                opt: int | None = None) -> dict:
    """Read, build, solve and check one classic file; one row of the classic table.

    `opt` overrides the published optimum, which is otherwise taken from the folder's
    `optimal.csv`. `bins` is None when the optimizer returned no answer that packs every
    item (packing objective), so an empty answer never passes for a good one.
    Raises `ClassicFormatError` for a file that does not follow its format.
    """
    from bundler.engine.config import SolveConfig
    from bundler.engine.construct import construct  # late: OR-Tools is slow to load
    from bundler.engine.region import solve_region
    from bundler.engine.solver import FINISH_SECONDS_PER_TASK, solving_seconds

    path = Path(path)
    classic = read_classic(path, fmt)
    instance = to_instance(classic)
    tasks = instance.regions[0] if instance.regions else []
    cover = classic.objective == "cover"

    started = time.perf_counter()
    heuristic = [job.tasks for job in construct(instance, tasks)]
    heuristic_seconds = time.perf_counter() - started
    heuristic_complete = not cover or sum(len(b) for b in heuristic) == len(classic.sizes)

    # As `bundler solve` does: the work planned to end inside the limit with a margin,
    # the deadline guarding the limit itself (so `seconds` is a promise here too).
    finishing = FINISH_SECONDS + FINISH_SECONDS_PER_TASK * len(tasks)  # checking and filling up after the deadline
    config = SolveConfig(time_limit=seconds, workers=workers, seed=seed,
                         deadline=time.monotonic() + seconds - finishing)
    started = time.perf_counter()
    result = solve_region(instance, tasks, config, solving_seconds(seconds, [tasks]),
                          report=lambda jobs, bound: None)
    solve_seconds = time.perf_counter() - started
    packing = [sorted(job.tasks) for job in result.jobs]
    answered = bool(packing) or not cover or not classic.sizes
    problems = check_classic(classic, packing) if answered else ["no packing of every item was found"]

    opt = opt if opt is not None else published_optimum(path, fmt)
    bins = len(packing) if answered else None
    bound = result.lower_bound if cover else result.bound  # fewest bins proven (packing), most (covering)
    if opt is not None and bound is not None and (bound > opt if cover else bound < opt):
        problems.append(f"the proven bound {bound} contradicts the published optimum {opt}")
    return {
        "instance": path.name,
        "format": fmt,
        "family": family(path.name, fmt),
        "half": "development" if path.name in DEVELOPMENT else "held out",
        "items": len(classic.sizes),
        "heuristic_bins": len(heuristic) if heuristic_complete else None,
        "heuristic_seconds": round(heuristic_seconds, 2),
        "bins": bins,
        "bound": bound,
        "status": result.status,
        "stopped_by": result.stopped_by,
        "seconds": round(solve_seconds, 2),
        "time_limit": seconds,
        "peak_mb": peak_mb(),
        "opt": opt,
        "gap": gap_to_optimum(bins, opt, classic.objective),
        "valid": not problems,
        "problems": problems[:10],
        "packing": packing,
    }

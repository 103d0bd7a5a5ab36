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
    from bundler.engine.solver import solving_seconds

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
    config = SolveConfig(time_limit=seconds, workers=workers, seed=seed, deadline=time.monotonic() + seconds)
    started = time.perf_counter()
    result = solve_region(instance, tasks, config, solving_seconds(seconds, [tasks]),
                          report=lambda jobs, bound: None)
    solve_seconds = time.perf_counter() - started
    packing = [sorted(job.tasks) for job in result.jobs]
    answered = bool(packing) or not cover or not classic.sizes
    problems = check_classic(classic, packing) if answered else ["no packing of every item was found"]

    opt = opt if opt is not None else published_optimum(path, fmt)
    bins = len(packing) if answered else None
    return {
        "instance": path.name,
        "format": fmt,
        "items": len(classic.sizes),
        "heuristic_bins": len(heuristic) if heuristic_complete else None,
        "heuristic_seconds": round(heuristic_seconds, 2),
        "bins": bins,
        "bound": result.lower_bound if cover else result.bound,  # fewest bins proven (packing), most (covering)
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

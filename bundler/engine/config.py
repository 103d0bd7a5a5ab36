"""How a solve is run (time, threads, seed, stop) and what it reports while it runs.

Time is a promise: `deadline` is the moment (`time.monotonic()`, shared by every
process of the machine) by which the engine hands back its plan. Each step's work is
capped in work units fixed up front, so the same input, seed and workers give the same
plan whenever the work ends first; the `Clock` cuts a step short only when the deadline
comes first, and remembers that it did (`stopped_by: "time"`).
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class SolveConfig:
    time_limit: float = 30.0
    workers: int = 2
    seed: int = 0
    use_solver: bool = True
    """False: the constructive heuristic only (for comparison and for huge files)."""
    use_columns: bool = True
    """False: no column route even where it applies (to measure what it buys)."""
    stop: threading.Event = field(default_factory=threading.Event)
    """Set it from another thread to stop and keep the best plan so far."""
    job_quality: bool = True
    """After the main objective, prefer rotas with less waiting, fewer buildings a day and
    fewer weekend days (`bundler solve --quality off` to compare)."""
    backend: str = "auto"
    """Where regions are solved: auto, serial, local or ray (see `bundler.engine.parallel`)."""
    deadline: float | None = None
    """`time.monotonic()` by which the plan must be handed back; `solve()` sets it to its
    start plus `wall_limit` when the caller (the command line, the app) did not."""
    wall_limit: float | None = None
    """Seconds on the wall clock for the whole solve (default: `time_limit`). Larger only
    where the clock must never cut in (a benchmark of work, a test of repeatability)."""


class Clock:
    """The deadline and the stop button as every step sees them.

    `halted()` says whether to stop now; `seconds(net)` is how long a CP-SAT call may
    run on the wall clock (its safety net, or less when the deadline is nearer);
    `note(solver, seconds)` records that a call was cut by the wall clock. A step cut
    short keeps its best answer so far, so the plan stays valid."""

    def __init__(self, config: SolveConfig):
        self.deadline = config.deadline
        self.stop = config.stop
        self.cut = False

    def left(self) -> float:
        return math.inf if self.deadline is None else self.deadline - time.monotonic()

    def halted(self) -> bool:
        if self.stop.is_set():
            return True
        if self.left() <= 0:
            self.cut = True
            return True
        return False

    def seconds(self, net: float) -> float:
        return max(0.01, min(net, self.left()))

    def note(self, solver: Any, seconds: float) -> None:
        if solver.wall_time >= 0.98 * seconds:
            self.cut = True

    @property
    def stopped_by(self) -> str:
        return "user" if self.stop.is_set() else "time" if self.cut else "work"


@dataclass
class Progress:
    """One progress event: the whole plan's jobs so far and a proven upper bound; while
    preparing (`phase` names the step), no jobs yet."""

    jobs: int
    bound: int
    elapsed: float
    region: int
    regions: int
    phase: str = "solving"

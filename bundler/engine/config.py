"""How a solve is run (time, threads, seed, stop) and what it reports while it runs."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


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


@dataclass
class Progress:
    """One progress event: the whole plan's jobs so far and a proven upper bound."""

    jobs: int
    bound: int
    elapsed: float
    region: int
    regions: int

"""A solve that runs off the caller's thread, so an app page never freezes.

The page starts it, polls `snapshot()` for progress, may call `stop()` (the best plan
so far is kept), and reads `plan` or `error` once `done`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from bundler.domain import Plan, TaskFile
from bundler.engine import Progress, SolveConfig, solve


@dataclass(frozen=True)
class Snapshot:
    running: bool
    elapsed: float
    jobs: int | None
    bound: int | None
    time_limit: float


class BackgroundSolve:
    def __init__(self, task_file: TaskFile, config: SolveConfig):
        self.task_file, self.config = task_file, config
        self.plan: Plan | None = None
        self.error: str | None = None
        self._progress: Progress | None = None
        self._started = time.perf_counter()
        self._finished: float | None = None
        self.previous: tuple | None = None
        """What the pages showed when this solve started (plan, its task file, stored plan id): a stop may keep it."""
        self.replanned_from: tuple | None = None
        """For a re-plan: the plan decided on and its decisions (ids and decisions carry over)."""
        self._thread = threading.Thread(target=self._run, name="bundler-solve", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.plan = solve(self.task_file, self.config, on_progress=self._on_progress)
        except Exception as error:  # shown on the page; the thread must not die silently
            self.error = f"{type(error).__name__}: {error}"
        finally:
            self._finished = time.perf_counter()

    def _on_progress(self, progress: Progress) -> None:
        self._progress = progress

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def stop(self) -> None:
        self.config.stop.set()

    def wait(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return self.done

    def snapshot(self) -> Snapshot:
        end = self._finished or time.perf_counter()
        progress = self._progress if self._progress and self._progress.phase == "solving" else None
        return Snapshot(running=not self.done, elapsed=end - self._started,
                        jobs=progress.jobs if progress else None, bound=progress.bound if progress else None,
                        time_limit=self.config.time_limit)


class BackgroundVariants:
    """What-if variants solved one after the other off the page's thread, with progress and a stop."""

    def __init__(self, task_file: TaskFile, variants: list, seconds_each: float, workers: int = 2):
        from bundler.whatif import run_variants

        self.total, self.number, self.label = len(variants), 0, ""
        self.outcomes: list | None = None
        self.error: str | None = None
        self.seconds_each = seconds_each
        self._stop = threading.Event()
        self._started = time.perf_counter()

        def run() -> None:
            try:
                self.outcomes = run_variants(task_file, variants, seconds_each, workers,
                                             on_variant=self._on_variant, stop=self._stop)
            except Exception as error:  # shown on the page; the thread must not die silently
                self.error = f"{type(error).__name__}: {error}"

        self._thread = threading.Thread(target=run, name="bundler-whatif", daemon=True)
        self._thread.start()

    def _on_variant(self, number: int, total: int, label: str) -> None:
        self.number, self.total, self.label = number, total, label

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self._started

    def stop(self) -> None:
        self._stop.set()

    def wait(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return self.done

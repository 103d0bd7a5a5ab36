"""Peak memory of the current process, in MB.

`ru_maxrss` is the peak resident set of the whole process (kilobytes on Linux), never
lowered. A figure is only the instance's own when the instance ran in a fresh process,
which is why the runner starts one per instance (see `isolate`); the figure then
includes the interpreter and OR-Tools themselves (a baseline of roughly 100-150 MB).
"""

from __future__ import annotations

import resource
import sys
import threading


def peak_mb() -> float:
    """The process's peak resident memory so far (ru_maxrss of RUSAGE_SELF), in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


class TreeMemory:
    """Peak resident memory of this process and all its children together, sampled.

    A solve on the local process pool or Ray runs in other processes, which the
    process's own `ru_maxrss` never sees. While active, a thread adds up the resident
    memory of the whole process tree every `interval` seconds (psutil) and keeps the
    highest sum: a sampled peak, so a spike shorter than the interval can be missed.
    """

    def __init__(self, interval: float = 0.2):
        self.interval, self.peak_mb = interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        import psutil

        me = psutil.Process()
        while True:
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:  # a child that just ended
                    pass
            self.peak_mb = max(self.peak_mb, round(total / 2**20, 1))
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

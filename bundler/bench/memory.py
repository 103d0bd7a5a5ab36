"""Peak memory of the current process, in MB.

`ru_maxrss` is the peak resident set of the whole process (kilobytes on Linux), never
lowered. A figure is only the instance's own when the instance ran in a fresh process,
which is why the runner starts one per instance (see `isolate`); the figure then
includes the interpreter and OR-Tools themselves (a baseline of roughly 100-150 MB).
"""

from __future__ import annotations

import resource
import sys


def peak_mb() -> float:
    """The process's peak resident memory so far (ru_maxrss of RUSAGE_SELF), in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)

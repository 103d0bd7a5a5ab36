"""Entry point of the fresh process that measures one instance: `python -m bundler.bench.worker`.

It reads one job as JSON on standard input, `{"kind": "classic" | "campus" | "example",
"args": {...}}`, runs it and prints the row as JSON on its last line of output. Keeping
this tiny means the child's peak memory is the instance's, not the parent's.
"""

from __future__ import annotations

import json
import sys

from bundler.bench.campus import run_campus, run_example
from bundler.bench.classic import run_classic
from bundler.classic import ClassicFormatError

KINDS = {"classic": run_classic, "campus": run_campus, "example": run_example}


def main() -> int:
    job = json.loads(sys.stdin.read())
    try:
        row = KINDS[job["kind"]](**job["args"])
    except ClassicFormatError as error:
        row = {"error": str(error), "bad_input": True}
    print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

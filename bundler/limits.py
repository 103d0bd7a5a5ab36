"""How big, deep and long an input may be: one place, so the checks, the messages and the README agree.

A kick-off has a hundred tasks and a city a few thousand. The limits sit far above
that and well below what would exhaust memory, or the time a meeting was promised,
before the solver even starts: a file beyond them is refused up front, with the limit
in the message, instead of being accepted and then never answered.
"""

from __future__ import annotations

MAX_TASKS = 20_000
"""Tasks in one file (the same as the rows one imported sheet may hold)."""
MAX_SLOTS_PER_TASK = 64
"""Weekly slots of one task: nine a day, every day."""
MAX_SLOTS = 120_000
"""Slots of all tasks together."""
MAX_RECORDS = 100_000
"""Records in each other list of a task or plan file (locations, travel edges, jobs, ...)."""
MAX_DEPTH = 32
"""Nesting of JSON arrays and objects; the formats need six levels."""
MAX_ID_LENGTH = 100
"""Characters of an id (the database keeps job and supplier ids in 100)."""
MAX_TEXT_LENGTH = 2_000
"""Characters of a name, title or label."""
MAX_DIGITS = 18
"""Digits of a whole number in JSON: beyond this it is no count, time or number of minutes."""
MAX_TIME_LIMIT = 24 * 3600.0
"""Seconds a solve may be given on the command line."""
INT32_MAX = 2**31 - 1
"""CP-SAT takes its random seed as a 32-bit integer."""
MAX_WORKERS = 256

"""bundler: loose facility tasks of several suppliers, bundled into combination jobs.

The public API in one place; see README.md for a tour.
"""

from bundler.domain import Plan, Rules, Task, TaskFile
from bundler.io import read_plan, read_task_file, write_json
from bundler.validation import InputError, parse_task_file

__all__ = [
    "InputError",
    "Plan",
    "Rules",
    "Task",
    "TaskFile",
    "parse_task_file",
    "read_plan",
    "read_task_file",
    "write_json",
]

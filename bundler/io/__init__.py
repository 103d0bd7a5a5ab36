"""Reading and writing task and plan files."""

from bundler.io.json_io import read_json, read_plan, read_task_file, write_json

__all__ = ["read_json", "read_plan", "read_task_file", "write_json"]

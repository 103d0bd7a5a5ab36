"""Task file -> plan. The flow, one module each:

instance (prepared once) -> regions -> (full model | pool + pick + neighbourhood search |
column route) -> plan, every route asking the one rule book (`rulebook`), every plan
checked by the independent checker before it leaves (`solver.checked`).

`solve` is loaded on first use: OR-Tools takes a second to import, and a command that
only reads or checks files should not wait for it.
"""

from bundler.engine.config import Progress, SolveConfig

__all__ = ["Progress", "SolveConfig", "solve"]


def __getattr__(name: str):
    if name == "solve":
        from bundler.engine.solver import solve

        return solve
    raise AttributeError(f"module 'bundler.engine' has no attribute {name!r}")

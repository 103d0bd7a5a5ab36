"""Task file -> plan. The flow, one module each:

instance (prepared once) -> regions -> (full model | pool + pick + neighbourhood search |
column route) -> plan, every route asking the one rule book (`rulebook`), every plan
checked by the independent checker before it leaves (`solver.checked`).
"""

from bundler.engine.config import Progress, SolveConfig
from bundler.engine.solver import solve

__all__ = ["Progress", "SolveConfig", "solve"]

"""The restricted master LP of column generation, kept warm between rounds (HiGHS).

Column generation re-solves one LP hundreds of times, each time with a few more
columns or one more job fixed. HiGHS keeps its basis when columns are added or bounds
change, so a round costs a few pivots instead of a solve from scratch (about a third
of the time GLOP through MPSolver took on the classic sets).

Objective `cover`: min sum(y), each task in at least one job; every task also has an
expensive way out (a slack costing more than all jobs together), so the LP is feasible
from the first round. Objective `jobs`: max sum(y), each task in at most one job.
"""

from __future__ import annotations

import os
import sys
import threading

import highspy
import numpy as np

Column = tuple[int, ...]
EPS = 1e-6
SIMPLEX_DUAL, SIMPLEX_PRIMAL = 1, 4


_first = threading.Lock()
_greeted = False


def _quiet_highs() -> highspy.Highs:
    """A HiGHS instance; the first one in a process prints a banner on standard output
    from C++ before any option can be set, which would end up in a plan written to
    standard output, so that one is made with the output sent to the null device."""
    global _greeted
    with _first:
        if _greeted:
            return highspy.Highs()
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "w") as null:
                os.dup2(null.fileno(), 1)
                highs = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _greeted = True
        return highs


class MasterLP:
    def __init__(self, tasks: list[int], cover: bool):
        self.cover = cover
        self.tasks = list(tasks)
        self.row_of = {t: i for i, t in enumerate(self.tasks)}
        self.highs = _quiet_highs()
        self.highs.setOptionValue("output_flag", False)
        self.highs.setOptionValue("random_seed", 0)
        self.highs.setOptionValue("presolve", "off")  # presolve would drop the basis every round
        self.highs.setOptionValue("solver", "simplex")
        inf = highspy.kHighsInf
        self.highs.changeObjectiveSense(highspy.ObjSense.kMinimize if cover else highspy.ObjSense.kMaximize)
        for _ in self.tasks:
            self.highs.addRow(1.0, inf, 0, np.array([], dtype=np.int32), np.array([])) if cover else \
                self.highs.addRow(-inf, 1.0, 0, np.array([], dtype=np.int32), np.array([]))
        self.slacks = 0
        if cover:
            for i in range(len(self.tasks)):
                self.highs.addCol(len(self.tasks) + 1.0, 0.0, 1.0, 1, np.array([i], dtype=np.int32), np.array([1.0]))
            self.slacks = len(self.tasks)
        self.columns: dict[Column, int] = {}
        self._values: np.ndarray = np.zeros(0)
        self._fixed_since_solve = False
        self.pivots = 0
        """Simplex iterations of the last solve: the LP's share of the counted work."""

    def add(self, column: Column) -> bool:
        if column in self.columns:
            return False
        rows = np.array([self.row_of[t] for t in column], dtype=np.int32)
        self.highs.addCol(1.0, 0.0, highspy.kHighsInf, len(rows), rows, np.ones(len(rows)))
        self.columns[column] = self.slacks + len(self.columns)
        return True

    def fix(self, column: Column) -> None:
        """The LP must take this job whole from now on."""
        self.highs.changeColBounds(self.columns[column], 1.0, highspy.kHighsInf)
        self._fixed_since_solve = True

    def unfix(self, column: Column) -> None:
        self.highs.changeColBounds(self.columns[column], 0.0, highspy.kHighsInf)

    def solve(self) -> tuple[float, dict[int, float]]:
        """The LP value and each task's price (dual value, never negative)."""
        # New columns keep the last basis primal feasible (primal simplex goes on from
        # it); a job fixed keeps it dual feasible (dual simplex does).
        self.highs.setOptionValue("simplex_strategy", SIMPLEX_DUAL if self._fixed_since_solve else SIMPLEX_PRIMAL)
        self._fixed_since_solve = False
        self.highs.run()
        self.pivots = self.highs.getInfo().simplex_iteration_count
        solution = self.highs.getSolution()
        self._values = np.asarray(solution.col_value)
        duals = np.abs(np.asarray(solution.row_dual))
        return self.highs.getInfo().objective_function_value, dict(zip(self.tasks, duals.tolist()))

    def values(self) -> dict[Column, float]:
        """Each job's value in the last solution, where above zero."""
        if not len(self._values):
            return {}
        return {column: float(self._values[i]) for column, i in self.columns.items() if self._values[i] > EPS}

    def leans_on_slack(self) -> bool:
        """Does the last solution leave some task to its way out (cover)?"""
        return bool(self.slacks) and bool(len(self._values)) and bool((self._values[: self.slacks] > EPS).any())

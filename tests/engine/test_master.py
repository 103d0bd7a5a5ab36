"""The master LP: values and prices as the LP says, jobs fixed, and no banner on
standard output (a plan may be written there)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bundler.engine.master import MasterLP


def test_cover_lp_values_prices_and_its_way_out():
    lp = MasterLP([0, 1, 2], cover=True)
    assert lp.add((0, 1)) and lp.add((1, 2)) and not lp.add((0, 1))
    value, prices = lp.solve()
    assert value == pytest.approx(2.0)
    assert sum(prices.values()) == pytest.approx(2.0), "strong duality"
    assert not lp.leans_on_slack()
    lp2 = MasterLP([0, 1], cover=True)
    lp2.add((0,))
    lp2.solve()
    assert lp2.leans_on_slack(), "task 1 is in no job: only its way out covers it"


def test_jobs_lp_takes_disjoint_jobs_and_keeps_a_fixed_one():
    lp = MasterLP([0, 1, 2, 3], cover=False)
    for column in [(0, 1), (2, 3), (1, 2)]:
        lp.add(column)
    value, _ = lp.solve()
    assert value == pytest.approx(2.0)
    lp.fix((1, 2))
    value, _ = lp.solve()
    assert value == pytest.approx(1.0)
    assert lp.values() == {(1, 2): pytest.approx(1.0)}


def test_nothing_reaches_standard_output():
    code = "from bundler.engine.master import MasterLP\nlp = MasterLP([0], True)\nlp.add((0,))\nlp.solve()\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""

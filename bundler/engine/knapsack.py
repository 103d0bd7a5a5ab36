"""Pricing for packing regions by a dynamic programme over load and suppliers.

When a region's tasks have no weekly slots and no skill limit (the classic packing sets
are such regions), "which job is worth most at the current task prices" is a knapsack
with at most C suppliers. A search over task sets can only sample that space; the
programme below answers it exactly in O(tasks x minutes) per round, so column
generation ends with a proof, and each round's best value gives a valid bound before
the end (Farley's bound, `farley_bound`).

Pairs that may not share a job (conflicts) are left out of the programme: it then
solves a relaxation, whose best value still bounds every real job's, and each job it
proposes is repaired (conflicting tasks dropped, the room refilled greedily). So the
bound stays valid and the columns feasible; only the proof of the LP's optimum needs
the relaxation to find nothing either.

States are job loads in minutes. Objective `cover` (fewest jobs, every task placed)
maximises the prices of a job's tasks within the job hours; objective `jobs` (most jobs)
minimises them among jobs that reach the minimum hours, whose loads never need to pass
the minimum by a task's size or more (such a job has a task to spare).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bundler.engine.first_fit import drop_clashes
from bundler.engine.instance import Instance

NEG = -np.inf
EPS = 1e-9


def is_plain(instance: Instance, tasks: list[int]) -> bool:
    """Does the knapsack with conflicts decide 'can these tasks be one job' here?"""
    rules = instance.rules
    if any(instance.tasks[t].slots for t in tasks):
        return False
    if rules.max_skills_per_job is not None and any(instance.tasks[t].skills for t in tasks):
        return False
    return len({instance.region_of_task(t) for t in tasks}) <= 1


@dataclass
class PricingRound:
    columns: list[tuple[float, tuple[int, ...]]]
    """Improving jobs (reduced gain, tasks), best first."""
    best_price: float
    """The most (cover) or least (jobs) price of any job of the relaxation: at least as
    good as any real job's, so Farley's bound holds with it."""
    improving: bool
    """Does the relaxation have an improving job? If not, the LP is optimal."""
    cells: int
    """Work done, in programme cells (for the work budget)."""


class KnapsackPricer:
    """Exact pricing by dynamic programming; one table per supplier, combined over C."""

    def __init__(self, instance: Instance, tasks: list[int]):
        rules = instance.rules
        self.cover = rules.objective == "cover"
        self.minutes = {t: instance.tasks[t].minutes for t in tasks}
        self.low = max(rules.min_job_minutes, 1)
        largest = max(self.minutes.values(), default=1)
        total = sum(self.minutes.values())
        top = total if self.cover else self.low + largest - 1
        self.high = min(rules.max_job_minutes, top)
        self.max_classes = rules.max_suppliers_per_job
        self.supplier = {t: instance.tasks[t].supplier for t in tasks}
        inside = set(tasks)
        self.conflicts = {t: instance.conflicts[t] & inside for t in tasks}
        self.has_conflicts = any(self.conflicts.values())
        by_class: dict[int, list[int]] = {}
        for t in sorted(tasks):
            by_class.setdefault(instance.tasks[t].supplier, []).append(t)
        self.classes = list(by_class.values())

    def _class_table(self, items: list[int], value: dict[int, float]) -> tuple[np.ndarray, list[tuple[int, np.ndarray]]]:
        """Best value per exact load from one supplier's tasks, and what each task did."""
        size = self.high + 1
        best = np.full(size, NEG)
        best[0] = 0.0
        taken = []
        for t in items:
            w = self.minutes[t]
            if w >= size:
                continue
            candidate = np.full(size, NEG)
            candidate[w:] = best[:size - w] + value[t]
            better = candidate > best + EPS
            if better.any():
                best = np.where(better, candidate, best)
                taken.append((t, better))
        return best, taken

    @staticmethod
    def _back(taken: list[tuple[int, np.ndarray]], load: int, minutes: dict[int, int]) -> list[int]:
        chosen = []
        for t, better in reversed(taken):
            if load > 0 and better[load]:
                chosen.append(t)
                load -= minutes[t]
        return chosen

    def price(self, duals: dict[int, float], limit: int) -> PricingRound:
        """Up to `limit` improving jobs, one per final load, and the exact best price."""
        sign = 1.0 if self.cover else -1.0
        value = {t: sign * duals.get(t, 0.0) for t in self.minutes}
        size = self.high + 1
        cells = 0
        tables = []
        for items in self.classes:
            table, taken = self._class_table(items, value)
            cells += len(items) * size
            tables.append((table, taken))
        # layers[k][w]: best value with exactly k suppliers and load w; choice remembers
        # which load each supplier added (0: not used) to rebuild the job.
        layers = [np.full(size, NEG) for _ in range(min(self.max_classes, len(tables)) + 1)]
        layers[0][0] = 0.0
        everywhere = np.arange(size)
        choices: list[list[np.ndarray]] = []
        for table, _ in tables:
            new = [layer.copy() for layer in layers]
            picked = [np.zeros(size, dtype=np.int32) for _ in layers]
            loads = np.flatnonzero(table[1:] > NEG) + 1
            if loads.size and len(layers) > 1:
                # One supplier more: its best load w on top of the layer below, at every load.
                better = table > new[1] + EPS
                better[0] = False
                new[1] = np.where(better, table, new[1])
                picked[1] = np.where(better, everywhere, 0)
                shifted = everywhere[None, :] - loads[:, None]
                inside = shifted >= 0
                shifted = np.clip(shifted, 0, None)
                for k in range(2, len(layers)):
                    candidates = np.where(inside, layers[k - 1][shifted], NEG) + table[loads][:, None]
                    row = candidates.argmax(axis=0)
                    best = candidates[row, everywhere]
                    better = best > new[k] + EPS
                    new[k] = np.where(better, best, new[k])
                    picked[k] = np.where(better, loads[row], 0)
                cells += loads.size * size * (len(layers) - 2) + size
            layers = new
            choices.append(picked)
        finals = np.full(size, NEG)
        layer_of = np.zeros(size, dtype=np.int32)
        for k, layer in enumerate(layers):
            better = layer > finals + EPS
            finals = np.where(better, layer, finals)
            layer_of = np.where(better, k, layer_of)
        finals[: self.low] = NEG
        if not np.isfinite(finals).any():
            return PricingRound([], 0.0 if self.cover else np.inf, False, cells)
        best_price = sign * float(finals.max())
        columns: dict[tuple[int, ...], float] = {}
        improving = False
        for load in np.argsort(-finals, kind="stable"):
            if len(columns) >= limit or not np.isfinite(finals[load]):
                break
            gain = finals[load] - 1.0 if self.cover else 1.0 + finals[load]
            if gain <= 1e-6:
                break
            improving = True
            job = self._rebuild(int(load), int(layer_of[load]), tables, choices)
            if self.has_conflicts:
                job = self._repair(job, value)
                if job is None:
                    continue
                gain = sum(value[t] for t in job) - 1.0 if self.cover else 1.0 + sum(value[t] for t in job)
                if gain <= 1e-6:
                    continue
            columns.setdefault(tuple(sorted(job)), float(gain))
        ranked = sorted(((g, c) for c, g in columns.items()), reverse=True)
        return PricingRound(ranked, best_price, improving, cells)

    def _repair(self, job: list[int], value: dict[int, float]) -> list[int] | None:
        """The relaxation's job made conflict-free: drop the task in most conflicts (the
        least valuable first), then refill the room by value per minute; None if the
        job no longer reaches the minimum."""
        members = drop_clashes(set(job), self.conflicts, value)
        load = sum(self.minutes[t] for t in members)
        suppliers = {self.supplier[t] for t in members}
        ranked = sorted((t for t in self.minutes if t not in members and (value[t] > 0 or not self.cover)),
                        key=lambda t: (-value[t] / self.minutes[t], t))
        for t in ranked:
            if self.cover and load >= self.high:
                break
            if not self.cover and load >= self.low:
                break
            if load + self.minutes[t] > self.high or self.conflicts[t] & members:
                continue
            if self.supplier[t] not in suppliers and len(suppliers) >= self.max_classes:
                continue
            members.add(t)
            load += self.minutes[t]
            suppliers.add(self.supplier[t])
        return sorted(members) if load >= self.low else None

    def _rebuild(self, load: int, k: int, tables, choices) -> list[int]:
        job: list[int] = []
        for index in range(len(tables) - 1, -1, -1):
            if k == 0:
                break
            w = int(choices[index][k][load])
            if w:
                job += self._back(tables[index][1], w, self.minutes)
                load -= w
                k -= 1
        return job


SMOOTHING = 0.7
"""Weight of the best prices so far when pricing (Wentges smoothing): column generation
for packing tails off, its prices swinging between extremes; pricing near the prices
with the best bound so far cuts the rounds by about half."""


def farley_bound(price_sum: float, best_price: float, cover: bool) -> float | None:
    """A bound on the full LP from any non-negative task prices and the exact best job
    at those prices, scaled so that no job is worth more than 1 (cover: fewest jobs) or
    less than 1 (jobs: most jobs): the scaled prices are then a feasible dual."""
    if cover:
        return price_sum / best_price if best_price > 1 else price_sum
    if best_price <= 1e-9:
        return None
    return price_sum / best_price if best_price < 1 else price_sum


class StabilisedPricing:
    """Exact pricing with smoothing towards the prices of the best bound, and that bound."""

    def __init__(self, pricer: KnapsackPricer):
        self.pricer = pricer
        self.cover = pricer.cover
        self.center: dict[int, float] | None = None
        self.bound: float | None = None
        self.cells = 0

    def _price(self, duals: dict[int, float], limit: int) -> PricingRound:
        priced = self.pricer.price(duals, limit)
        self.cells += priced.cells
        bound = farley_bound(sum(duals.values()), priced.best_price, self.cover)
        if bound is not None and (self.bound is None or (bound > self.bound if self.cover else bound < self.bound)):
            self.bound, self.center = bound, dict(duals)
        return priced

    def columns(self, duals: dict[int, float], limit: int) -> tuple[list[tuple[float, tuple[int, ...]]], bool]:
        """Jobs that improve the LP at `duals`, and whether the LP is proven optimal
        (nothing improves it, not even in the relaxation)."""
        if self.center is not None:
            mixed = {t: SMOOTHING * self.center.get(t, 0.0) + (1 - SMOOTHING) * d for t, d in duals.items()}
            found = [(self._gain(duals, column), column) for _, column in self._price(mixed, limit).columns]
            found = [(gain, column) for gain, column in found if gain > 1e-6]
            if found:
                return sorted(found, reverse=True), False
        priced = self._price(duals, limit)  # a mispricing: price at the LP's own prices
        return priced.columns, not priced.improving

    def _gain(self, duals: dict[int, float], column: tuple[int, ...]) -> float:
        price = sum(duals.get(t, 0.0) for t in column)
        return price - 1.0 if self.cover else 1.0 - price

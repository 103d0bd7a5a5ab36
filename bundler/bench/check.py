"""An independent checker of classic packings, written from the problem statement alone.

The optimizer's own checks run on bundling jobs; this one looks only at the classic
instance as read from its file and a list of bins (item index lists), so a mistake in
turning the file into a bundling instance cannot hide a wrong answer.
"""

from __future__ import annotations

from collections import Counter

from bundler.classic import ClassicInstance


def check_classic(classic: ClassicInstance, bins: list[list[int]]) -> list[str]:
    """Every rule a packing breaks, one message each; empty when the packing is valid.

    Every item in at most one bin (exactly one when all items must be packed), each bin
    within the capacity and, for covering, at or above the threshold, at most
    `max_classes` classes in a bin, and no conflicting pair sharing a bin.
    """
    n = len(classic.sizes)
    problems = []
    seen: Counter[int] = Counter()
    conflicts = {frozenset(pair) for pair in classic.conflicts}
    for b, items in enumerate(bins, start=1):
        unknown = [i for i in items if not 0 <= i < n]
        if unknown:
            problems.append(f"bin {b}: unknown items {unknown}")
            continue
        seen.update(items)
        load = sum(classic.sizes[i] for i in items)
        if classic.capacity is not None and load > classic.capacity:
            problems.append(f"bin {b}: load {load} over capacity {classic.capacity}")
        if load < classic.threshold:
            problems.append(f"bin {b}: load {load} under threshold {classic.threshold}")
        classes = {classic.classes[i] for i in items}
        if len(classes) > classic.max_classes:
            problems.append(f"bin {b}: {len(classes)} classes, at most {classic.max_classes}")
        clashing = [tuple(sorted(pair)) for pair in conflicts if pair <= set(items)]
        problems += [f"bin {b}: conflicting items {i} and {j} together" for i, j in sorted(clashing)]
    problems += [f"item {i} in {count} bins" for i, count in sorted(seen.items()) if count > 1]
    if classic.objective == "cover":
        missing = [i for i in range(n) if i not in seen]
        if missing:
            problems.append(f"{len(missing)} items in no bin (first: {missing[:5]})")
    return problems

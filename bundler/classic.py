"""Classic packing instances (CCBPP, bin covering, BPPC) as bundling instances.

The heart of bundling is a packing problem: items (tasks) with a size (minutes) and a
class (supplier) go into bins (jobs) with at most C classes, conflicting items never
share a bin, and a bin counts when it reaches a threshold without passing a capacity.
The literature's sets with proven optima test exactly that core, so each is read in
its own format and turned into a prepared `Instance` whose tasks have no time slots:
the engine then solves it like any region of a kick-off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bundler.domain import Rules, TaskFile
from bundler.engine.instance import (
    Instance,
    PreparedTask,
    own_problems_of,
    pairwise_conflicts,
)

FORMATS = ("ccbpp", "bincover", "bppc")


class ClassicFormatError(ValueError):
    """A classic instance file that does not follow its format; the message names the line."""


@dataclass
class ClassicInstance:
    name: str
    format: str
    sizes: list[int]
    classes: list[int]
    capacity: int | None
    """Largest bin load (packing); None for covering."""
    threshold: int
    """Smallest load for a bin to count (covering); 0 for packing."""
    max_classes: int
    conflicts: list[tuple[int, int]] = field(default_factory=list)

    @property
    def objective(self) -> str:
        return "jobs" if self.format == "bincover" else "cover"


def _numbers(path: Path) -> list[list[int]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ClassicFormatError(f"{path}: cannot read the file ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ClassicFormatError(f"{path}: not a text file") from None
    rows = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append([int(value) for value in line.split()])
        except ValueError:
            raise ClassicFormatError(f"{path}, line {line_no}: expected whole numbers, got {line.strip()[:40]!r}") from None
    if not rows:
        raise ClassicFormatError(f"{path}: the file is empty")
    return rows


def _expect(condition: bool, path: Path, message: str) -> None:
    if not condition:
        raise ClassicFormatError(f"{path}: {message}")


def read_ccbpp(path: Path) -> ClassicInstance:
    """`N Q W C`, then `weight class` per item."""
    rows = _numbers(path)
    _expect(len(rows[0]) == 4, path, "line 1 must be `N Q W C`")
    n, q, capacity, max_classes = rows[0]
    _expect(len(rows) - 1 == n, path, f"line 1 announces {n} items, the file has {len(rows) - 1}")
    for line_no, row in enumerate(rows[1:], start=2):
        _expect(len(row) == 2 and row[0] > 0 and 0 <= row[1] < q, path,
                f"line {line_no}: expected `weight class` with weight > 0 and class 0..{q - 1}")
    return ClassicInstance(path.name, "ccbpp", [r[0] for r in rows[1:]], [r[1] for r in rows[1:]],
                           capacity, 0, max_classes)


def read_bincover(path: Path) -> ClassicInstance:
    """`N`, `W`, then one item size a line."""
    rows = _numbers(path)
    _expect(len(rows) >= 2 and len(rows[0]) == 1 and len(rows[1]) == 1, path, "lines 1-2 must be `N` and `W`")
    n, threshold = rows[0][0], rows[1][0]
    sizes = [value for row in rows[2:] for value in row]
    _expect(len(sizes) == n, path, f"line 1 announces {n} items, the file has {len(sizes)}")
    _expect(all(s > 0 for s in sizes), path, "item sizes must be above 0")
    return ClassicInstance(path.name, "bincover", sizes, [0] * n, None, threshold, 1)


def read_bppc(path: Path) -> ClassicInstance:
    """`n C`, then `id weight j1 j2 ...` (1-based ids; conflicts made symmetric)."""
    rows = _numbers(path)
    _expect(len(rows[0]) == 2, path, "line 1 must be `n C`")
    n, capacity = rows[0]
    _expect(len(rows) - 1 == n, path, f"line 1 announces {n} items, the file has {len(rows) - 1}")
    sizes, conflicts = [], set()
    for line_no, row in enumerate(rows[1:], start=2):
        _expect(len(row) >= 2 and row[0] == line_no - 1 and row[1] > 0, path,
                f"line {line_no}: expected `{line_no - 1} weight conflicts...`")
        sizes.append(row[1])
        for other in row[2:]:
            _expect(1 <= other <= n and other != row[0], path, f"line {line_no}: conflict with unknown item {other}")
            conflicts.add(tuple(sorted((row[0] - 1, other - 1))))
    return ClassicInstance(path.name, "bppc", sizes, [0] * n, capacity, 0, 1, sorted(conflicts))


READERS = {"ccbpp": read_ccbpp, "bincover": read_bincover, "bppc": read_bppc}


def read_classic(path: str | Path, fmt: str) -> ClassicInstance:
    if fmt not in READERS:
        raise ClassicFormatError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return READERS[fmt](Path(path))


def to_instance(classic: ClassicInstance) -> Instance:
    """The bundling instance: items are slot-less tasks at one place, bins are jobs."""
    total = sum(classic.sizes)
    capacity = classic.capacity if classic.capacity is not None else total + 1
    # Sizes are abstract units read as minutes; a bin may hold more than a real week
    # (covering has no capacity), so the hours are set past the week limit of task files.
    rules = Rules(max_suppliers_per_job=classic.max_classes, min_day_hours=0, objective=classic.objective) \
        .model_copy(update={"min_job_hours": classic.threshold / 60, "max_job_hours": capacity / 60})
    task_file = TaskFile.model_construct(name=classic.name, rules=rules, tasks=[], pinned=[], incompatible=[])
    ids = [f"I{i + 1}" for i in range(len(classic.sizes))]
    instance = Instance(
        task_file=task_file,
        tasks=[PreparedTask(index=i, id=ids[i], supplier=classic.classes[i], location=0, minutes=size,
                            skills=frozenset(), slots=(), flexible=())
               for i, size in enumerate(classic.sizes)],
        index={task_id: i for i, task_id in enumerate(ids)},
        suppliers=[str(c) for c in range(max(classic.classes, default=0) + 1)],
        locations=["bin"],
        skills=[],
        travel={},
        region_of_location=[0],
        incompatible={frozenset(pair) for pair in classic.conflicts},
    )
    instance.own_problems = own_problems_of(instance)
    instance.conflicts, instance.separations = pairwise_conflicts(instance)
    return instance

"""Rows to files: Markdown tables for people, JSON lines for scripts, one plot of scale.

matplotlib is an optional extra (`pip install -e '.[bench]'`) imported only when a
plot is drawn, so the core package never needs it.
"""

from __future__ import annotations

import json
import platform
from pathlib import Path
from statistics import mean

CLASSIC_COLUMNS = [("instance", "instance"), ("format", "format"), ("family", "family"), ("half", "half"),
                   ("items", "items"),
                   ("heuristic_bins", "heuristic bins"), ("bins", "optimizer bins"), ("bound", "bound"),
                   ("opt", "published opt"), ("gap", "gap (bins)"), ("status", "status"),
                   ("stopped_by", "stopped by"), ("seconds", "seconds"),
                   ("time_limit", "limit s"), ("peak_mb", "peak MB"), ("valid", "valid")]
CAMPUS_COLUMNS = [("instance", "instance"), ("tasks", "tasks"), ("regions", "regions"),
                  ("heuristic_jobs", "heuristic jobs"), ("jobs", "optimizer jobs"), ("bound", "proven bound"),
                  ("gap_pct", "gap %"), ("status", "status"), ("seconds", "seconds"), ("time_limit", "limit s"),
                  ("peak_mb", "peak MB"), ("peak_tree_mb", "peak MB, all processes"), ("hours", "hours bundled"),
                  ("valid", "valid")]
NUMERIC = {"items", "heuristic_bins", "bins", "bound", "opt", "gap", "seconds", "peak_mb", "peak_tree_mb", "tasks",
           "regions",
           "heuristic_jobs", "jobs", "gap_pct", "time_limit"}
MEMORY_NOTE = ("Peak MB is the peak resident memory (`ru_maxrss`) of the fresh process that measured the "
               "instance, so it includes Python and OR-Tools themselves. Campuses: 'all processes' is the "
               "peak of that process and its children together (the local process pool), sampled every 0.2 s.")


def _cell(row: dict, key: str) -> str:
    if key == "hours":
        return f"{row['bundled_hours']:g} / {row['total_hours']:g}" if "bundled_hours" in row else "—"
    value = row.get(key)
    if key == "valid":
        return "yes" if value else f"NO ({row.get('error') or '; '.join(row.get('problems', [])[:2])})"
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def markdown_table(rows: list[dict], columns: list[tuple[str, str]]) -> str:
    """A Markdown table of `rows`, one line per row; numbers right-aligned, missing values as a dash."""
    lines = ["| " + " | ".join(title for _, title in columns) + " |",
             "| " + " | ".join("---:" if key in NUMERIC else "---" for key, _ in columns) + " |"]
    lines += ["| " + " | ".join(_cell(row, key).replace("|", "/") for key, _ in columns) + " |" for row in rows]
    return "\n".join(lines)


def classic_summary(rows: list[dict]) -> str:
    """`optimum reached on X of Y, within 1 bin on Z of Y, mean N s`, over rows with a published optimum."""
    known = [r for r in rows if r.get("opt") is not None]
    if not known:
        return "No instance with a published optimum."
    reached = sum(1 for r in known if r.get("gap") is not None and r["gap"] <= 0 and r.get("valid"))
    within = sum(1 for r in known if r.get("gap") is not None and r["gap"] <= 1 and r.get("valid"))
    seconds = [r["seconds"] for r in rows if r.get("seconds") is not None]
    return (f"Optimum reached on {reached} of {len(known)}, within 1 bin on {within} of {len(known)}, "
            f"mean {mean(seconds) if seconds else 0:.1f} s per instance.")


def classic_summary_by_group(rows: list[dict]) -> str:
    """One summary line per format, per family within it, and per half (development / held out)."""
    lines = [f"- all: {classic_summary(rows)}"]
    for key, label in (("format", "format"), ("family", "family"), ("half", "half")):
        for value in sorted({r.get(key) for r in rows if r.get(key)}):
            lines.append(f"- {label} {value}: {classic_summary([r for r in rows if r.get(key) == value])}")
    return "\n".join(lines)


def _machine() -> str:
    return f"{platform.machine()}, Python {platform.python_version()}"


def write_jsonl(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def write_classic(rows: list[dict], out: Path, command: str) -> list[Path]:
    """`classic.md` (table and summary) and `classic.jsonl` in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    text = "\n".join([
        "# Classic packing instances", "",
        f"`{command}` on {_machine()}. Bins are checked against the instance file itself "
        "(`bundler.bench.check`); gap = bins short of the published optimum (0 = optimal). "
        "For covering sets (`bincover`) more bins is better. " + MEMORY_NOTE, "",
        classic_summary_by_group(rows), "",
        markdown_table(rows, CLASSIC_COLUMNS), ""])
    md = out / "classic.md"
    md.write_text(text, encoding="utf-8")
    return [md, write_jsonl(rows, out / "classic.jsonl")]


def write_campus(rows: list[dict], out: Path, command: str) -> list[Path]:
    """`campus.md` and `campus.jsonl` in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    text = "\n".join([
        "# Example kick-offs and generated campuses", "",
        f"`{command}` on {_machine()}. Every optimized plan is checked by `bundler check` and the shared "
        "reference checker; gap % = (proven bound - jobs) / bound. " + MEMORY_NOTE, "",
        markdown_table(rows, CAMPUS_COLUMNS), ""])
    md = out / "campus.md"
    md.write_text(text, encoding="utf-8")
    return [md, write_jsonl(rows, out / "campus.jsonl")]


def plot_scale(rows: list[dict], path: Path, single_region: list[dict] = ()) -> Path:
    """Two panels against the number of tasks (log x): seconds, and peak memory in MB.

    `single_region`: campuses that are one big region, drawn as separate stars."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    points = sorted((r for r in rows if r.get("tasks") and r.get("seconds") is not None),
                    key=lambda r: r["tasks"])
    tasks = [r["tasks"] for r in points]
    figure, (time_axis, memory_axis) = plt.subplots(1, 2, figsize=(11, 4.2))
    time_axis.plot(tasks, [r["seconds"] for r in points], "o-", label="optimizer")
    time_axis.plot(tasks, [r.get("heuristic_seconds", 0) for r in points], "s--", label="heuristic only")
    if any(r.get("time_limit") for r in points):
        time_axis.plot(tasks, [r.get("time_limit") for r in points], ":", color="grey", label="time limit")
    time_axis.set(xscale="log", xlabel="tasks", ylabel="seconds", title="Solve time")
    memory_axis.plot(tasks, [r.get("peak_mb") for r in points], "o-", color="tab:red", label="measuring process")
    if any(r.get("peak_tree_mb") for r in points):
        memory_axis.plot(tasks, [r.get("peak_tree_mb") for r in points], "s--", color="tab:purple",
                         label="all processes (sampled)")
    memory_axis.set(xscale="log", xlabel="tasks", ylabel="MB", title="Peak resident memory")
    for r in single_region:
        time_axis.plot([r["tasks"]], [r["seconds"]], "*", markersize=13, color="tab:green", label="one region")
        memory_axis.plot([r["tasks"]], [r.get("peak_tree_mb") or r.get("peak_mb")], "*", markersize=13,
                         color="tab:green", label="one region")
    from matplotlib.ticker import NullFormatter, ScalarFormatter

    for axis in (time_axis, memory_axis):
        axis.set_xticks(tasks)  # the measured sizes, written out in full
        axis.xaxis.set_major_formatter(ScalarFormatter())
        axis.xaxis.set_minor_formatter(NullFormatter())
        axis.set_ylim(0, axis.get_ylim()[1] * 1.15)  # from zero, so small differences stay small
        axis.grid(True, which="both", alpha=0.3)
        axis.legend()
    figure.suptitle("bundler: time and memory against the number of tasks")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path

"""Where regions are solved: in this process, on a local process pool, or on Ray.

Regions (places not linked by travel) never share a job, so they can be solved apart
and at the same time. Every backend gives the same plan for the same input, seed and
workers, because each region's work is fixed up front and depends only on its own
inputs:

- its **budget**: the time limit split by task share (`region_budgets`), never "the
  time left" after other regions, which would depend on how fast they ran;
- its **seed**: `config.seed`, as before;
- its **solver threads**: `--workers` is the number of solver threads for the whole
  solve. The regions with real work share them: up to `workers` at once, each with
  `workers // that many` threads (`region_threads`); the serial backend gives each
  region the same thread count, so its answer is the same. How many processes really
  run at once (the machine's cores, the Ray cluster) changes only the wall time.

What is sent to a worker: the task file, once per worker process, which prepares its
own `Instance` from it. Pickling the prepared `Instance` would be cheaper (on 10,000
tasks in 60 regions: 17 MB and about 1.5 s to load, against about 13 s to prepare),
but it is not faithful: an unpickled set holds the same numbers in another iteration
order (a fifth of the conflict sets on 2,000 tasks), the model builder adds
constraints in set order, and CP-SAT's answer may depend on the order of its
constraints, so a plan could differ from the serial one. Preparing is
deterministic (the same instance whatever the process's hash seed), so every worker
solves exactly what the caller would. On Ray the task file is `ray.put` once, and
each Ray worker process prepares it once and keeps it for its next regions.

Progress: workers cannot call the caller's `on_progress`, so a region reports its
jobs and bound when it finishes. Stop: the caller's `config.stop` is passed on to the
pool's workers as a process-shared event (each region then keeps its best plan so
far, as in this process); Ray tasks are cancelled and the unfinished regions get the
constructive plan.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import threading
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import TYPE_CHECKING, Any, Callable

from bundler.engine.config import Clock

if TYPE_CHECKING:
    from bundler.domain import TaskFile
    from bundler.engine.config import SolveConfig
    from bundler.engine.instance import Instance
    from bundler.engine.region import RegionResult

BACKENDS = ("auto", "serial", "local", "ray")
RAY_MISSING = "the ray backend needs Ray: install the ray extra: pip install -e '.[ray]'"
POOL_MIN_TASKS = 10
"""`auto` counts a region as real work from this many tasks: smaller ones are solved in
well under a second, less than a pool of spawned workers takes to start (1-3 s)."""
POOL_MIN_SECONDS = 20.0
"""`auto` starts a pool only for a time limit of this many seconds or more: spawning its
workers, each importing OR-Tools and preparing the task file, takes seconds of its own."""
POLL_SECONDS = 0.2
"""How often a waiting caller looks at its stop event."""

Report = Callable[[int, int, int], None]
"""report(region index, jobs, bound), always called on the caller's thread."""


def region_budgets(regions: list[list[int]], time_limit: float) -> list[float]:
    """Each region's share of the time limit, by its number of tasks, fixed up front."""
    total = sum(len(r) for r in regions)
    return [time_limit * len(r) / max(total, 1) for r in regions]


def region_threads(regions: list[list[int]], workers: int) -> int:
    """Solver threads per region: up to `workers` regions with real work share `workers` threads.

    Small regions (fewer than POOL_MIN_TASKS tasks) are not counted: they are solved at
    once, so a big region beside a few stray ones keeps all the threads.
    """
    workers = max(1, workers)
    busy = sum(len(r) >= POOL_MIN_TASKS for r in regions)
    return max(1, workers // max(1, min(busy, workers)))


def choose_backend(config: SolveConfig, regions: list[list[int]]) -> str:
    """`auto`: a process pool when at least two regions have real optimizer work, there
    are threads to share (`workers` > 1) and the caller is a program's main thread; else
    serial: a pool would only add start-up time, or run an app's page again."""
    if config.backend not in BACKENDS:
        raise ValueError(f"unknown backend {config.backend!r}; choose one of {', '.join(BACKENDS)}")
    if config.backend != "auto":
        return config.backend
    busy = [r for r in regions if len(r) >= POOL_MIN_TASKS]
    worth_it = config.use_solver and config.workers > 1 and not config.stop.is_set() \
        and config.time_limit >= POOL_MIN_SECONDS
    return "local" if worth_it and len(busy) > 1 and _in_main_thread() else "serial"


def _in_main_thread() -> bool:
    """`auto` starts a pool only from a program's main thread (the command line, a script).

    A spawned worker first runs the caller's `__main__` again. In a Streamlit app that
    is the page script itself (Streamlit runs pages as `__main__`, on a thread of its
    own, and the app solves on yet another thread), so every worker would run the
    whole page again. Off the main thread, `auto` therefore stays serial; an explicit
    `local` is still honoured.
    """
    return threading.current_thread() is threading.main_thread()


def solve_regions(
    instance: Instance, regions: list[list[int]], config: SolveConfig, budgets: list[float], report: Report
) -> list[RegionResult]:
    """Solve every region with its budget; results in the order of `regions`."""
    backend = choose_backend(config, regions)
    threads = region_threads(regions, config.workers)
    if config.stop.is_set():  # stopped already: every region gets its constructive plan, here
        return _solve_here(instance, regions, config, budgets, threads, report)
    if backend == "ray":
        return _solve_on_ray(instance, regions, config, budgets, threads, report)
    if backend == "local" and len(regions) > 1:
        return _solve_on_pool(instance, regions, config, budgets, threads, report)
    return _solve_here(instance, regions, config, budgets, threads, report)


def _solve_here(instance, regions, config, budgets, threads, report) -> list[RegionResult]:
    """The serial backend: one region after the other in this process, with live progress."""
    from bundler.engine.region import solve_region

    here = dataclasses.replace(config, workers=threads)
    results = []
    for i, (tasks, budget) in enumerate(zip(regions, budgets)):
        result = solve_region(instance, tasks, here, budget, lambda jobs, bound, i=i: report(i, jobs, bound))
        report(i, len(result.jobs), result.bound)
        results.append(result)
    return results


def _portable(config: SolveConfig, threads: int) -> dict[str, Any]:
    """The config's fields a worker needs, without the stop event (a thread lock cannot travel)."""
    fields = {f.name: getattr(config, f.name) for f in dataclasses.fields(config) if f.name != "stop"}
    fields["workers"] = threads
    return fields


def _largest_first(budgets: list[float]) -> list[int]:
    """Submission order: the longest regions first balance the workers best (results don't depend on it)."""
    return sorted(range(len(budgets)), key=lambda i: (-budgets[i], i))


# --- local process pool -------------------------------------------------------------

_worker_instance: Instance | None = None
_worker_stop: Any = None


def _start_worker(task_file: TaskFile, stop: Any) -> None:
    """Pool initializer: prepare the instance once and keep it, with the shared stop event."""
    from bundler.engine.instance import prepare

    global _worker_instance, _worker_stop
    _worker_instance, _worker_stop = prepare(task_file), stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's: it sets the stop event


def _solve_in_worker(tasks: list[int], fields: dict[str, Any], budget: float) -> RegionResult:
    from bundler.engine.config import SolveConfig
    from bundler.engine.region import solve_region

    config = SolveConfig(**fields, stop=_worker_stop)
    return solve_region(_worker_instance, tasks, config, budget, lambda jobs, bound: None)


def _solve_on_pool(instance, regions, config, budgets, threads, report) -> list[RegionResult]:
    """The local backend: a spawned process pool, sized by the cores and the regions that run at once.

    `spawn` (not `fork`): the caller may be a thread of a multi-threaded program (the
    app's background solve), and forking one is unsafe.
    """
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    at_once = max(1, config.workers // threads)
    processes = max(1, min(len(regions), at_once, os.cpu_count() or 1))
    fields = _portable(config, threads)
    results: list[RegionResult | None] = [None] * len(regions)
    pool = ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker,
                               initargs=(instance.task_file, stop))
    try:
        futures = {pool.submit(_solve_in_worker, regions[i], fields, budgets[i]): i for i in _largest_first(budgets)}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            if config.stop.is_set() or Clock(config).left() <= 0:
                stop.set()  # a stop, or the deadline: every region hands back its best so far
            for future in sorted(done, key=futures.get):
                i = futures[future]
                results[i] = future.result()
                report(i, len(results[i].jobs), results[i].bound)
    except BaseException:
        stop.set()  # running regions end with their best so far; waiting ones are dropped
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return results


# --- Ray ----------------------------------------------------------------------------

_ray_cache: dict[str, Instance] = {}
"""The instance prepared by this Ray worker process, by the task file's object id."""


class BackendUnavailable(RuntimeError):
    """The chosen backend cannot run here (Ray is not installed)."""


def _import_ray():
    try:
        import ray
    except ImportError:
        raise BackendUnavailable(RAY_MISSING) from None
    return ray


def _start_ray(ray) -> None:
    """Join the cluster in RAY_ADDRESS, or start a private local one: no dashboard, no usage stats."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if ray.is_initialized():
        return
    if os.environ.get("RAY_ADDRESS"):
        ray.init()
    else:
        ray.init(include_dashboard=False, configure_logging=False, log_to_driver=False)


def _solve_on_ray_worker(boxed_task_file: list, tasks: list[int], fields: dict[str, Any], budget: float):
    """One region on a Ray worker; the instance is prepared once per worker process and kept."""
    import ray

    from bundler.engine.config import SolveConfig
    from bundler.engine.instance import prepare
    from bundler.engine.region import solve_region

    ref = boxed_task_file[0]
    key = ref.hex()
    if key not in _ray_cache:
        _ray_cache.clear()
        _ray_cache[key] = prepare(ray.get(ref))
    config = SolveConfig(**fields, stop=threading.Event())
    return solve_region(_ray_cache[key], tasks, config, budget, lambda jobs, bound: None)


def _solve_on_ray(instance, regions, config, budgets, threads, report) -> list[RegionResult]:
    """The ray backend: one remote task per region, each asking for its solver threads as CPUs."""
    from bundler.engine.region import solve_region

    ray = _import_ray()
    _start_ray(ray)
    results: list[RegionResult | None] = [None] * len(regions)
    remote = ray.remote(_solve_on_ray_worker).options(num_cpus=threads)
    boxed = [ray.put(instance.task_file)]  # boxed: a nested reference reaches the worker unresolved
    fields = _portable(config, threads)
    refs = {remote.remote(boxed, regions[i], fields, budgets[i]): i for i in _largest_first(budgets)}
    pending = list(refs)
    try:
        while pending and not config.stop.is_set() and Clock(config).left() > 0:
            done, pending = ray.wait(pending, num_returns=1, timeout=POLL_SECONDS)
            for ref in done:
                i = refs[ref]
                results[i] = ray.get(ref)
                report(i, len(results[i].jobs), results[i].bound)
    finally:
        for ref in pending:
            ray.cancel(ref, force=True)  # a stop is a stop: no region keeps the cluster busy
    stopped = dataclasses.replace(config, workers=threads)
    for i, result in enumerate(results):
        if result is None:  # stopped before this region came back: the constructive plan
            results[i] = solve_region(instance, regions[i], stopped, 0.0, lambda jobs, bound: None)
            report(i, len(results[i].jobs), results[i].bound)
    return results

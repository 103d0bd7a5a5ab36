"""Regions solved apart: every backend gives the same valid plan; stop and bad options behave."""

from __future__ import annotations

import json
import os
import sys
import threading

import pytest
from tasks_factory import assert_plan_valid

from bundler.background import BackgroundSolve
from bundler.cli import main
from bundler.engine import SolveConfig, solve
from bundler.engine.parallel import choose_backend, region_budgets, region_threads
from bundler.generate import generate_campus
from bundler.validation import parse_task_file

SECONDS = 2.0
WALL = 120.0
"""Plans are compared where the work ends first: the clock never cuts in."""


@pytest.fixture(scope="module")
def campus():
    """120 tasks on six campuses that share no travel, so six independent regions."""
    return parse_task_file(generate_campus(120, seed=3, n_regions=6))


@pytest.fixture(scope="module")
def serial_plan(campus):
    plan = solve(campus, SolveConfig(time_limit=SECONDS, workers=2, seed=5, backend="serial", wall_limit=WALL))
    assert_plan_valid(campus, plan)
    return plan


def comparable(plan) -> str:
    """The plan's JSON without the one field that may differ between equal solves: the run time."""
    data = plan.to_json_dict()
    data["solver"].pop("seconds")
    return json.dumps(data, sort_keys=True)


def test_budgets_are_fixed_by_task_share():
    """Each region's budget is its task share of the limit, whatever order the regions run in."""
    assert region_budgets([[1, 2, 3], [4]], 8.0) == [6.0, 2.0]
    assert region_budgets([[4], [1, 2, 3]], 8.0) == [2.0, 6.0]
    assert region_budgets([], 8.0) == []


def test_threads_split_the_workers_over_the_regions_that_run_at_once():
    """--workers is the solve's thread count: a lone big region gets them all, many regions one each."""
    big = list(range(10))
    assert region_threads([big], 4) == 4
    assert region_threads([big, [11], [12, 13]], 4) == 4  # stray small regions take no threads away
    assert region_threads([big, big], 4) == 2
    assert region_threads([big, big, big], 8) == 2
    assert region_threads([big] * 6, 2) == 1
    assert region_threads([big, big], 1) == 1


def test_auto_uses_a_pool_only_when_several_regions_need_the_optimizer():
    """auto: local for several regions with work; serial for one region, one thread, heuristic-only, a stop,
    a short time limit (spawning the workers would eat it) or a call from another thread than the main one."""
    several, one = [list(range(10)), list(range(10, 30))], [list(range(30))]
    assert choose_backend(SolveConfig(), several) == "local"
    assert choose_backend(SolveConfig(time_limit=5), several) == "serial"
    assert choose_backend(SolveConfig(), one) == "serial"
    assert choose_backend(SolveConfig(), [list(range(30)), [30, 31]]) == "serial"  # the small one is done at once
    assert choose_backend(SolveConfig(use_solver=False), several) == "serial"
    assert choose_backend(SolveConfig(workers=1), several) == "serial"
    stopped = SolveConfig()
    stopped.stop.set()
    assert choose_backend(stopped, several) == "serial"
    assert choose_backend(SolveConfig(backend="ray"), one) == "ray"
    on_a_thread = []
    thread = threading.Thread(target=lambda: on_a_thread.append(choose_backend(SolveConfig(), several)))
    thread.start()
    thread.join()
    assert on_a_thread == ["serial"]  # an app's page or background solve: no pool re-running the page
    with pytest.raises(ValueError, match="unknown backend"):
        choose_backend(SolveConfig(backend="cluster"), several)


def test_local_pool_gives_the_serial_plan(campus, serial_plan):
    """A process pool gives byte for byte the serial plan (apart from the run time), and it is valid."""
    plan = solve(campus, SolveConfig(time_limit=SECONDS, workers=2, seed=5, backend="local", wall_limit=WALL))
    assert_plan_valid(campus, plan)
    assert comparable(plan) == comparable(serial_plan)


def test_progress_from_a_pool_keeps_its_shape(campus):
    """A pool reports each region as it finishes (after the steps of preparing); the last
    event counts the plan's jobs."""
    reported = []
    plan = solve(campus, SolveConfig(time_limit=1.0, workers=2, seed=5, backend="local"),
                 on_progress=reported.append)
    events = [e for e in reported if e.phase == "solving"]
    assert [e.phase for e in reported[:len(reported) - len(events)]] == [
        "travel times and regions", "placements of flexible work", "tasks that can never share a job"]
    assert len(events) == 6
    assert sorted(e.region for e in events) == [1, 2, 3, 4, 5, 6]
    assert all(e.regions == 6 and e.bound >= e.jobs for e in events)
    assert events[-1].jobs == plan.kpis.jobs


@pytest.fixture(scope="module")
def ray_cluster():
    """A private local Ray: two CPUs, no dashboard, no usage stats, nothing reached outside."""
    ray = pytest.importorskip("ray", reason="Ray is not installed: pip install -e '.[ray]'")
    saved = {k: os.environ.get(k) for k in ("RAY_USAGE_STATS_ENABLED", "RAY_ADDRESS")}
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    os.environ.pop("RAY_ADDRESS", None)
    ray.init(num_cpus=2, include_dashboard=False, configure_logging=False, log_to_driver=False)
    yield ray
    ray.shutdown()
    for key, value in saved.items():
        if value is not None:
            os.environ[key] = value


def test_ray_gives_the_serial_plan(campus, serial_plan, ray_cluster):
    """One Ray task per region gives byte for byte the serial plan (apart from the run time)."""
    plan = solve(campus, SolveConfig(time_limit=SECONDS, workers=2, seed=5, backend="ray", wall_limit=WALL))
    assert_plan_valid(campus, plan)
    assert comparable(plan) == comparable(serial_plan)


@pytest.mark.parametrize("backend", ["local", "ray"])
def test_stop_during_a_parallel_solve_keeps_a_valid_plan(campus, backend, request):
    """Stop pressed when the first region comes back: the others end early, the plan is still valid."""
    if backend == "ray":
        request.getfixturevalue("ray_cluster")
    config = SolveConfig(time_limit=20, workers=2, seed=5, backend=backend)
    plan = solve(campus, config, on_progress=lambda event: config.stop.set())
    assert_plan_valid(campus, plan)
    assert len({t for job in plan.jobs for t in job.tasks}) + len(plan.unassigned) == len(campus.tasks)


def test_stop_before_the_solve_gives_the_constructive_plan(campus):
    """A stop set before the solve starts still gives a valid plan, the same on every backend."""
    plans = []
    for backend in ("serial", "local"):
        config = SolveConfig(time_limit=60, workers=2, seed=5, backend=backend)
        config.stop.set()
        plans.append(solve(campus, config))
        assert_plan_valid(campus, plans[-1])
    assert comparable(plans[0]) == comparable(plans[1])


def test_a_pool_started_from_a_background_thread_works():
    """A background solve asked for a pool (explicit `local`) gets one, and the serial plan."""
    task_file = parse_task_file(generate_campus(60, seed=4, n_regions=3))
    serial = solve(task_file, SolveConfig(time_limit=1.0, workers=2, seed=1, backend="serial", wall_limit=WALL))
    job = BackgroundSolve(task_file, SolveConfig(time_limit=1.0, workers=2, seed=1, backend="local", wall_limit=WALL))
    assert job.wait(120) and job.error is None
    assert comparable(job.plan) == comparable(serial)


@pytest.mark.parametrize("backend", ["auto", "serial", "local"])
def test_cli_accepts_every_backend(capsys, tmp_path, backend):
    """`--backend` takes auto, serial and local and writes a valid plan with each."""
    out = tmp_path / "plan.json"
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(generate_campus(24, seed=2, n_regions=2)))
    assert main(["solve", str(path), "--out", str(out), "--time-limit", "1", "--backend", backend, "--quiet"]) == 0
    assert main(["check", str(path), str(out)]) == 0
    assert "Traceback" not in "".join(capsys.readouterr())


def test_cli_refuses_an_unknown_backend(capsys, tmp_path):
    """A backend that does not exist is bad input: exit 2, naming the choices."""
    with pytest.raises(SystemExit) as exit_:
        main(["solve", "tasks.json", "--out", str(tmp_path / "p.json"), "--backend", "cluster"])
    assert exit_.value.code == 2
    assert "auto" in capsys.readouterr().err


def test_cli_without_ray_says_how_to_install_it(capsys, tmp_path, monkeypatch):
    """`--backend ray` where Ray is missing: exit 2 and the install line, never a traceback."""
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` fail as if not installed
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(generate_campus(12, seed=2, n_regions=2)))
    assert main(["solve", str(path), "--out", str(tmp_path / "p.json"), "--backend", "ray"]) == 2
    err = capsys.readouterr().err
    assert "pip install -e '.[ray]'" in err and "Traceback" not in err
    assert not (tmp_path / "p.json").exists()


def test_preparing_share_comes_off_the_limit_by_estimate():
    """Big regions leave less of the limit for solving (never under half); small ones all but the margin."""
    from bundler.engine.solver import WORK_MARGIN_SECONDS, WORK_MARGIN_SHARE, solving_seconds

    margin = WORK_MARGIN_SHARE * 10 + WORK_MARGIN_SECONDS
    small = solving_seconds(10, [list(range(130))])
    big = solving_seconds(300, [list(range(3000))])
    assert 10 - margin - 0.2 < small < 10 - margin
    assert 150 <= big < 300 - (WORK_MARGIN_SHARE * 300 + WORK_MARGIN_SECONDS) - 5
    assert solving_seconds(10, [list(range(100_000))]) == 5


def test_preparing_estimate_grows_with_the_pairs_in_one_region():
    """Preparing costs by the pairs within a region: one region of 2,000 tasks takes more
    off the limit than twenty of 100, and both more than no tasks at all."""
    from bundler.engine.solver import solving_seconds

    one = solving_seconds(60, [list(range(2000))])
    split = solving_seconds(60, [list(range(i * 100, i * 100 + 100)) for i in range(20)])
    empty = solving_seconds(60, [])
    assert 30 <= one < split < empty

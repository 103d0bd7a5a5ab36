"""The instance generator and the example kick-off files in data/."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import networkx as nx
import pytest

from bundler.generate import ACTIVITIES, generate_campus
from bundler.rules import Rule
from bundler.validation import parse_task_file

DATA = Path(__file__).resolve().parents[1] / "data"
ESCO_SKILLS = Path(__file__).resolve().parents[2] / "shared" / "esco" / "facility_skills.csv"


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def flexible_share(data: dict) -> float:
    flexible = sum(any("days" in slot for slot in task["slots"]) for task in data["tasks"])
    return flexible / len(data["tasks"])


def travel_graph(data: dict) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(loc["id"] for loc in data["locations"])
    graph.add_edges_from((edge["from"], edge["to"]) for edge in data["travel"])
    return graph


def test_same_seed_gives_identical_output():
    """A seed names an instance: benchmarks and bug reports can refer to it."""
    first = generate_campus(300, seed=7, n_regions=2)
    second = generate_campus(300, seed=7, n_regions=2)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def test_different_seeds_give_different_instances():
    """The seed really drives the draw, so a benchmark over seeds covers different cases."""
    assert generate_campus(100, seed=1)["tasks"] != generate_campus(100, seed=2)["tasks"]


@pytest.mark.parametrize("n_tasks, n_regions, share", [(1, 1, 0.18), (12, 1, 0.0), (120, 1, 0.18),
                                                       (400, 5, 0.3), (2000, 12, 1.0)])
def test_output_is_a_valid_task_file_with_exactly_the_requested_tasks(n_tasks, n_regions, share):
    """Every generated file passes full validation and has exactly n_tasks tasks, from tiny to national."""
    task_file = parse_task_file(generate_campus(n_tasks, seed=3, n_regions=n_regions, flexible_share=share))
    assert len(task_file.tasks) == n_tasks
    assert len({task.id for task in task_file.tasks}) == n_tasks


def test_tasks_look_like_loose_tasks():
    """Loose tasks are 3-15 h a week, have 1-3 skills and a Dutch title naming their building."""
    data = generate_campus(500, seed=11)
    names = {loc["id"]: loc["name"] for loc in data["locations"]}
    task_file = parse_task_file(data)
    for raw, task in zip(data["tasks"], task_file.tasks):
        assert 3 <= task.hours <= 15, task.id
        assert 1 <= len(task.skills) <= 3, task.id
        assert raw["title"].split()[-1] in names[task.location], task.id


@pytest.mark.parametrize("share", [0.0, 0.1, 0.18, 0.5, 1.0])
def test_flexible_share_is_met(share):
    """The requested share of tasks with flexible slots is met (to within one task in fifty)."""
    assert flexible_share(generate_campus(500, seed=5, flexible_share=share)) == pytest.approx(share, abs=0.02)


def test_every_sector_can_produce_fixed_and_flexible_tasks():
    """Any flexible share can be honoured whatever the mix of suppliers drawn."""
    sectors = {activity.sector for activity in ACTIVITIES}
    for sector in sectors:
        assert any(a.window for a in ACTIVITIES if a.sector == sector), sector
        assert any(a.blocks for a in ACTIVITIES if a.sector == sector), sector


@pytest.mark.parametrize("n_regions", [1, 3, 11])
def test_each_region_is_one_connected_campus(n_regions):
    """n_regions campuses give exactly n_regions connected components of the travel graph."""
    data = generate_campus(40 * n_regions, seed=2, n_regions=n_regions)
    graph = travel_graph(data)
    assert nx.number_connected_components(graph) == n_regions
    if n_regions > 1:
        for component in nx.connected_components(graph):
            assert len({loc.split("-")[0] for loc in component}) == 1  # one `rNN-` prefix each


def test_campus_travel_times_are_walking_or_cycling_minutes():
    """Within a campus every edge is 2-10 minutes: short enough to combine tasks across buildings."""
    assert all(2 <= edge["minutes"] <= 10 for edge in generate_campus(300, seed=4)["travel"])


def test_larger_instances_carry_incompatible_pairs_within_one_region():
    """From 50 tasks on, a few vetoes exist, and each pair could otherwise share a job (same region)."""
    assert generate_campus(49, seed=1)["incompatible"] == []
    data = generate_campus(600, seed=1, n_regions=3)
    region = {loc["id"]: loc["id"][:3] for loc in data["locations"]}
    location = {task["id"]: task["location"] for task in data["tasks"]}
    assert len(data["incompatible"]) >= 5
    for a, b in data["incompatible"]:
        assert region[location[a]] == region[location[b]]


@pytest.mark.skipif(not ESCO_SKILLS.exists(), reason="shared ESCO subset not available")
def test_skill_references_are_real_esco_concepts():
    """Every ESCO URI the generator writes exists in the shared ESCO subset: none is made up."""
    with ESCO_SKILLS.open(encoding="utf-8") as handle:
        known = {row["conceptUri"] for row in csv.DictReader(handle)}
    for skill in generate_campus(10)["skills"]:
        assert skill["esco"] in known, skill["id"]


def test_uu_kickoff_parses_with_the_expected_size_and_flexibility():
    """The Utrecht example is a valid kick-off of 100-150 tasks, 15-20 % of them flexible."""
    data = load("uu_kickoff.json")
    task_file = parse_task_file(data)
    assert data["name"] == "Universiteit Utrecht - kick-off combinatiebanen"
    assert 100 <= len(task_file.tasks) <= 150
    assert 0.15 <= flexible_share(data) <= 0.20
    assert {task.supplier for task in task_file.tasks} == {s.id for s in task_file.suppliers}
    assert len(task_file.suppliers) == 9  # eight suppliers and the facility centre


def test_uu_kickoff_contains_its_deliberate_leftovers():
    """The Utrecht example shows tasks that cannot be combined: too long, unreachable, Sunday night."""
    data = load("uu_kickoff.json")
    task_file = parse_task_file(data)
    graph = travel_graph(data)
    assert any(task.hours > task_file.rules.max_job_hours for task in task_file.tasks)
    isolated = {loc for loc in graph if graph.degree(loc) == 0}
    assert any(task.location in isolated for task in task_file.tasks)
    assert any({getattr(slot, "day", None) for slot in task.slots} == {"sun"} for task in task_file.tasks)
    city = [edge["minutes"] for edge in data["travel"] if edge["minutes"] >= 15]
    assert 1 <= len(city) <= 2 and all(m <= 20 for m in city)  # the bike ride to the city centre


def test_tutorial_parses_and_stays_small():
    """The README tutorial has 10-15 tasks, 3-4 suppliers, 3 locations and one incompatible pair."""
    data = load("tutorial.json")
    task_file = parse_task_file(data)
    assert data["name"] == "Tutorial - kleine kick-off"
    assert 10 <= len(task_file.tasks) <= 15
    assert 3 <= len(task_file.suppliers) <= 4
    assert len(task_file.locations) == 3
    assert len(task_file.incompatible) == 1
    assert 0 < flexible_share(data) < 0.5


def test_tutorial_combinations_hold_as_the_readme_tells_them():
    """The tutorial's story: lunch + dishwashing is a job, toilets + lunch is not (hygiene order);
    the vetoed pair and the 3-supplier trio are not jobs."""
    jobs = pytest.importorskip("bundler.engine.schedule")
    prepare = pytest.importorskip("bundler.engine.instance")
    instance = prepare.prepare(parse_task_file(load("tutorial.json")))

    def violations(*ids: str) -> list[str]:
        return jobs.job_violations(instance, [instance.index[i] for i in ids])

    for job in (("T02", "T06"), ("T03", "T04", "T05"), ("T07", "T08"), ("T09", "T10")):
        assert violations(*job) == [], job
    assert {b.rule for b in violations("T01", "T02")} == {Rule.HYGIENE}
    assert violations("T06", "T07")  # incompatible: waste collection next to the dishwashing
    assert violations("T06", "T07", "T08")  # three suppliers
    assert all(violations("T11", other) for other in ("T03", "T04", "T08"))  # alone on Sunday


def test_example_files_are_reproduced_by_their_script():
    """data/make_examples.py rebuilds exactly the committed example files."""
    spec = importlib.util.spec_from_file_location("make_examples", DATA / "make_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.uu_kickoff() == load("uu_kickoff.json")
    assert module.tutorial() == load("tutorial.json")

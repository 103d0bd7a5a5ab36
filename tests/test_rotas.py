"""Rotas for a room: chart labels that fit their blocks, a site plan without map tiles, a print view per job."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from bundler.domain import to_minutes
from bundler.engine import SolveConfig, solve
from bundler.io import read_task_file
from bundler.print_view import print_html
from bundler.timetable import blocks, week_overview
from bundler.ui.charts import LINE, _label_lines, site_plan, week_chart

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def kickoff():
    task_file = read_task_file(DATA / "uu_kickoff.json")
    return task_file, solve(task_file, SolveConfig(time_limit=5, workers=2))


def test_block_labels_fit_their_block_and_a_day_column(kickoff):
    """No label line is wider than a column at 1024 px; no label has more lines than its block is tall."""
    task_file, plan = kickoff
    for job in plan.jobs:
        chart = week_chart(blocks(task_file, plan, job.id), task_file, "nl", height=480)
        frame = chart.data
        per_hour = 480 / (math.ceil(frame["end"].max()) - math.floor(frame["start"].min()))
        for row in frame.itertuples():
            if not row.label:
                continue
            lines = row.label.split("\n")
            assert max(len(line) for line in lines) <= 18
            assert len(lines) * LINE <= (row.end - row.start) * per_hour, row


def test_a_label_says_what_where_and_when_and_leaves_out_a_place_the_title_names():
    from bundler.timetable import Block

    lunch = Block("J1", "mon", "11:00", "14:00", "T1", "Lunchuitgifte Educatorium", "s", "edu", "Educatorium", None)
    assert _label_lines(lunch, 100) == "Lunchuitgifte\nEducatorium\n11:00-14:00"
    coffee = Block("J1", "mon", "11:00", "12:00", "T2", "Koffiebar", "s", "mi", "Minnaertgebouw", None)
    assert _label_lines(coffee, 60) == "Koffiebar\nMinnaertgebouw\n11:00-12:00"
    assert _label_lines(coffee, 20) == "Koffiebar"


def test_the_site_plan_uses_the_locations_own_coordinates_and_no_map_tiles(kickoff):
    """Building names of the job, the day's route as numbered lines; nothing fetched from the internet."""
    task_file, plan = kickoff
    job = next(j for j in plan.jobs if len({e.location for e in j.schedule if e.day == "mon"}) >= 2)
    route = [e.location for e in sorted(job.schedule, key=lambda e: e.start) if e.day == "mon"]
    spec = json.dumps(site_plan(task_file, route, {e.location for e in job.schedule}).to_dict())
    names = {loc.id: loc.name for loc in task_file.locations}
    assert all(names[r] in spec for r in route)
    assert "http" not in spec.replace("https://vega.github.io/schema", "") and "tile" not in spec


def test_the_overview_has_all_seven_days(kickoff):
    task_file, plan = kickoff
    rows = week_overview(task_file, plan, "nl")
    assert list(rows[0])[2:] == ["ma", "di", "wo", "do", "vr", "za", "zo"]
    weekend = [r for r in rows if r["za"] or r["zo"]]
    assert all(any(e.day in ("sat", "sun") for e in next(j for j in plan.jobs if j.id == r["job"]).schedule)
               for r in weekend)


def test_print_view_has_a_page_per_job_with_the_week_the_warnings_and_escaped_titles(kickoff):
    task_file, plan = kickoff
    data = task_file.to_json_dict()
    first = plan.jobs[0].tasks[0]
    for task in data["tasks"]:
        if task["id"] == first:
            task["title"] = "<script>alert(1)</script> Ramen"
    from bundler.validation import parse_task_file

    hostile = parse_task_file(data)
    page = print_html(hostile, plan, None, "nl")
    assert page.count('<section class="job">') == len(plan.jobs)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Ramen" in page
    for day in ("maandag", "zaterdag", "zondag"):
        assert day in page
    warned = next((j for j in plan.jobs if j.quality and j.quality.warnings_nl), None)
    if warned:
        one = print_html(task_file, plan, [warned.id], "nl")
        assert one.count('<section class="job">') == 1 and warned.quality.warnings_nl[0] in one
    entry = plan.jobs[0].schedule[0]
    assert f"{entry.start}-{entry.end}" in page
    assert to_minutes(entry.end) > to_minutes(entry.start)

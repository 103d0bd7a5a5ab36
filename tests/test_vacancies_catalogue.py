"""The skills catalogue: every example skill tied to a real ESCO row, Dutch labels marked by origin."""

from __future__ import annotations

import csv
import json

import pytest
from vacancy_plans import DATA, ESCO_SKILLS

from bundler.io import read_task_file
from bundler.vacancies.catalogue import (
    CatalogueError,
    load_catalogue,
    package_catalogue,
    skill_entries,
)

EXAMPLES = [DATA / "tutorial.json", DATA / "uu_kickoff.json"]


def _esco_rows() -> dict[str, dict]:
    with ESCO_SKILLS.open(encoding="utf-8", newline="") as f:
        return {row["conceptUri"]: row for row in csv.DictReader(f)}


def test_every_example_skill_is_in_the_catalogue_with_the_same_uri():
    """Each skill id the example files use has a catalogue entry, and the task file's `esco` URI is the catalogue's."""
    catalogue = load_catalogue()
    for path in EXAMPLES:
        for skill in read_task_file(path).skills:
            assert skill.id in catalogue, f"{path.name}: skill {skill.id} is not in the catalogue"
            assert skill.esco == catalogue[skill.id].esco_uri, skill.id


@pytest.mark.skipif(not ESCO_SKILLS.exists(), reason="shared ESCO subset not available")
def test_catalogue_rows_are_real_esco_rows():
    """URI, English label and (when marked as ESCO's) Dutch label are copied exactly from the shared ESCO file."""
    rows = _esco_rows()
    records = json.loads(package_catalogue().read_text(encoding="utf-8"))["skills"]
    for record in records:
        esco = record["esco"]
        if esco is None:
            assert record["no_esco_match"], f"{record['id']}: no ESCO URI and no reason given"
            continue
        row = rows.get(esco["uri"])
        assert row is not None, f"{record['id']}: {esco['uri']} is not in facility_skills.csv"
        assert esco["label_en"] == row["preferredLabel_en"].strip()
        assert esco["version"] == row["esco_version"]
        assert record["esco_match"] == "exact" or (record["esco_match"] == "closest" and record["esco_note"])
        if record["label_nl_source"] == "esco":
            assert record["label_nl"] == row["preferredLabel_nl"] == esco["label_nl"]
        else:
            assert record["label_nl_source"] == "own" and not row["preferredLabel_nl"] and record["label_nl"]
    assert any(r["label_nl_source"] == "esco" for r in records) and any(r["label_nl_source"] == "own" for r in records)


def test_a_skill_outside_the_catalogue_says_it_has_no_esco_match():
    """A task-file skill the catalogue does not know keeps its own label and is marked as having no ESCO reference."""
    task_file = read_task_file(DATA / "tutorial.json")
    task_file.skills.append(task_file.skills[0].model_copy(update={"id": "sorting-returns", "label": "Sorting returns",
                                                                   "esco": None}))
    entry = skill_entries(task_file, load_catalogue())["sorting-returns"]
    assert entry.esco_uri is None and entry.no_esco_match and entry.label_en == "Sorting returns"


def test_a_broken_catalogue_file_is_named(tmp_path):
    """A catalogue that is not one gives an input error naming the file, not a traceback."""
    path = tmp_path / "skills.json"
    path.write_text('{"skills": [{"label": "no id"}]}')
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert "skills.json" in str(caught.value)


def test_the_catalogue_is_package_data_read_through_importlib_resources():
    """The catalogue is a file of the installed package (found via importlib.resources, not a path from the
    source tree), it is listed as package data, and the default load is exactly that file."""
    import importlib.resources
    import tomllib
    from pathlib import Path

    import bundler.vacancies

    source = importlib.resources.files("bundler.vacancies").joinpath("data").joinpath("esco_skills.json")
    assert source.is_file()
    assert Path(str(package_catalogue())) == Path(bundler.vacancies.__file__).parent / "data" / "esco_skills.json"
    records = json.loads(source.read_text(encoding="utf-8"))["skills"]
    assert sorted(load_catalogue()) == sorted(r["id"] for r in records)
    pyproject = tomllib.loads((DATA.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert "data/*.json" in pyproject["tool"]["setuptools"]["package-data"]["bundler.vacancies"]


@pytest.fixture
def no_catalogue(monkeypatch):
    """The package as an installation without its catalogue file."""
    from bundler.vacancies import catalogue

    monkeypatch.setattr(catalogue, "PACKAGE_PATH", ("data", "missing_skills.json"))
    catalogue._packaged.cache_clear()
    yield
    catalogue._packaged.cache_clear()


def test_a_missing_catalogue_is_a_loud_error_never_an_empty_list(no_catalogue):
    """Without the file, loading and drafting raise CatalogueError naming the file, instead of drafting
    'Medewerker facilitaire dienst' with no skills."""
    from vacancy_plans import tutorial_plan

    from bundler.vacancies import build_draft

    task_file, plan = tutorial_plan()
    with pytest.raises(CatalogueError, match="skills catalogue not found: .*missing_skills.json"):
        load_catalogue()
    with pytest.raises(CatalogueError):
        build_draft(task_file, plan, plan.jobs[0].id, "nl")


def test_an_empty_catalogue_is_an_error(tmp_path):
    """A catalogue file that lists no skills is refused too."""
    path = tmp_path / "skills.json"
    path.write_text('{"skills": []}')
    with pytest.raises(CatalogueError, match="lists no skills"):
        load_catalogue(path)


def _wheel(tmp_path):
    """A wheel of this source tree, built in a copy of it; None when no build is possible here."""
    import shutil
    import subprocess
    import sys

    src, dist = tmp_path / "src", tmp_path / "dist"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(DATA.parent / name, src / name)
    shutil.copytree(DATA.parent / "bundler", src / "bundler", ignore=shutil.ignore_patterns("__pycache__"))
    for isolation in (["--no-build-isolation"], []):  # the venv's setuptools, else a fresh one from the index
        done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", *isolation, "-w", str(dist),
                               str(src)], capture_output=True, text=True, timeout=600, check=False)
        wheels = list(dist.glob("bundler-*.whl"))
        if done.returncode == 0 and wheels:
            return wheels[0]
    return None


def test_an_installed_wheel_writes_vacancies_with_real_titles_and_skills(tmp_path):
    """Built as a wheel and installed non-editable into an empty folder, `bundler vacancies` (run from elsewhere,
    so the source tree is not on the path) finds its catalogue: real titles and ESCO skills, not the fallback."""
    import os
    import subprocess
    import sys

    from vacancy_plans import tutorial_plan

    from bundler.io import write_json

    wheel = _wheel(tmp_path)
    if wheel is None:
        pytest.skip("cannot build a wheel here (no 'wheel' package and no package index)")
    site, work = tmp_path / "site", tmp_path / "work"
    work.mkdir()
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run([sys.executable, "-c", "import bundler; print(bundler.__file__)"], cwd=work, env=env,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert where.startswith(str(site)), f"the test ran the source tree, not the wheel: {where}"
    plan = work / "plan.json"
    write_json(tutorial_plan()[1], plan)
    done = subprocess.run([sys.executable, "-m", "bundler.cli", "vacancies", str(DATA / "tutorial.json"), str(plan),
                           "--out", str(work / "out")], cwd=work, env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    for job in tutorial_plan()[1].jobs:
        title = (work / "out" / f"{job.id}.nl.md").read_text(encoding="utf-8").splitlines()[0]
        assert title.startswith("# Medewerker ") and title != "# Medewerker facilitaire dienst", title
        posting = json.loads((work / "out" / f"{job.id}.nl.jsonld").read_text(encoding="utf-8"))
        assert posting["skills"] and all(s["@id"].startswith("http://data.europa.eu/esco/skill/")
                                         for s in posting["skills"])

"""The skills catalogue: every example skill tied to a real ESCO row, Dutch labels marked by origin."""

from __future__ import annotations

import csv
import json

import pytest
from vacancy_plans import DATA, ESCO_SKILLS

from bundler.io import read_task_file
from bundler.vacancies.catalogue import load_catalogue, package_catalogue, skill_entries
from bundler.vacancies.catalogue import CatalogueError

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

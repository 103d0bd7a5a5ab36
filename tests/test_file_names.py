"""File, zip-entry and sheet names made from ids stay plain names inside their folder."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from bundler.cli import main
from bundler.file_names import inside, safe_file_stem, sheet_title
from bundler.vacancies.files import file_name, write_files, zip_bytes

TUTORIAL = Path(__file__).resolve().parents[1] / "data" / "tutorial.json"
HOSTILE_IDS = ["../../evil", "/etc/cron.d/job", "..", ".", "", "C:\\Windows\\x", "CON", "nul.txt", "a/b", "J01\x00",
               "x" * 300, ".hidden", "J01."]


def test_a_plain_id_is_kept_as_it_is():
    """Readable names stay: J01, asito, sight-landscaping, T_01.v2."""
    assert [safe_file_stem(i) for i in ("J01", "asito", "sight-landscaping", "T_01.v2")] == \
        ["J01", "asito", "sight-landscaping", "T_01.v2"]


@pytest.mark.parametrize("identifier", HOSTILE_IDS)
def test_any_other_id_becomes_one_plain_name_that_no_other_id_shares(identifier):
    """No separator, no leading dot, no reserved device name, bounded length; the hash keeps ids apart."""
    stem = safe_file_stem(identifier)
    assert "/" not in stem and "\\" not in stem and not stem.startswith(".") and 0 < len(stem) <= 80
    assert stem.split(".")[0].lower() not in {"con", "nul"}
    assert stem != safe_file_stem(identifier + "x")


def test_writing_refuses_a_name_that_leaves_the_folder(tmp_path):
    """The last line of defence: a name with a path in it is refused, even if a caller forgot to clean it."""
    with pytest.raises(ValueError):
        inside(tmp_path, "../x.md")
    with pytest.raises(ValueError):
        write_files({"/tmp/x.md": b""}, tmp_path)


def test_vacancy_files_and_zip_entries_of_hostile_job_ids_stay_inside_out(tmp_path, capsys):
    """`bundler vacancies` on a plan whose job ids are paths writes every file inside --out, and the zip too."""
    from bundler.engine import SolveConfig, solve
    from bundler.io import read_task_file

    plan_path = tmp_path / "plan.json"
    plan = solve(read_task_file(TUTORIAL), SolveConfig(time_limit=10, workers=1)).to_json_dict()
    for job, evil in zip(plan["jobs"], ["../../escaped", str(tmp_path / "absolute"), "..", "sub/dir"]):
        job["id"] = evil
    plan_path.write_text(json.dumps(plan))
    out = tmp_path / "deep" / "out"
    assert main(["vacancies", str(TUTORIAL), str(plan_path), "--out", str(out)]) == 0
    capsys.readouterr()
    written = {p for p in tmp_path.rglob("*") if p.is_file()} - {plan_path}
    assert written and all(p.parent == out for p in written), sorted(map(str, written))
    names = [file_name(job["id"], "nl", "md") for job in plan["jobs"]]
    entries = zipfile.ZipFile(io.BytesIO(zip_bytes(dict.fromkeys(names, b"x")))).namelist()
    assert len(set(entries)) == len(names) and not any("/" in e or "\\" in e or e.startswith(".") for e in entries)


def test_sheet_titles_are_valid_and_distinct():
    """Excel's rules: at most 31 characters, none of []:*?/\\, no apostrophe at the ends, unique ignoring case."""
    taken = {"Overzicht"}
    titles = [sheet_title(t, taken) for t in ("Rooster ../J:1", "overzicht", "'x'", "[]:*?/\\", "y" * 40, "y" * 40,
                                              "History")]
    assert len({t.lower() for t in titles} | {"overzicht"}) == len(titles) + 1
    assert all(0 < len(t) <= 31 and not set(t) & set("[]:*?/\\") and not t.startswith("'") for t in titles)

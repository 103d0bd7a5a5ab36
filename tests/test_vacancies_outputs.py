"""What the drafts contain, over every job of the kick-off: real ESCO URIs, B1 Dutch, the DOCX rota, JSON-LD."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile

import pytest
from docx import Document
from vacancy_plans import ESCO_SKILLS, kickoff_plan, tutorial_plan

from bundler.vacancies import (
    build_draft,
    docx_bytes,
    jobposting,
    markdown,
    plan_files,
    zip_bytes,
)

ESCO_URI = re.compile(r"http://data\.europa\.eu/esco/skill/[0-9a-f-]+")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[:,.]\d+)*")


def _text_of(name: str, content: bytes) -> str:
    if name.endswith(".docx"):
        doc = Document(io.BytesIO(content))
        cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)
    return content.decode("utf-8")


@pytest.mark.skipif(not ESCO_SKILLS.exists(), reason="shared ESCO subset not available")
def test_esco_uris_are_real_and_only_in_the_jsonld():
    """Every kick-off JSON-LD names real ESCO skills (from facility_skills.csv); the text a candidate reads
    (Markdown, DOCX) names none and never says 'ESCO'."""
    with ESCO_SKILLS.open(encoding="utf-8", newline="") as f:
        known = {row["conceptUri"] for row in csv.DictReader(f)}
    task_file, plan = kickoff_plan()
    seen = set()
    for name, content in plan_files(task_file, plan).items():
        text = _text_of(name, content)
        uris = set(ESCO_URI.findall(text))
        if name.endswith(".jsonld"):
            assert uris, f"{name} names no ESCO skill"
            assert uris <= known, f"{name}: {sorted(uris - known)} not in facility_skills.csv"
            seen |= uris
        else:
            assert not uris and "ESCO" not in text, name
    assert len(seen) > 10


def sentences(markdown_text: str) -> list[list[str]]:
    """The sentences of a Markdown draft as word lists: prose and list items, not headings, tables or links."""
    out = []
    for line in markdown_text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "|")):
            continue
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line).lstrip("-* ").replace("**", "")
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            words = WORD.findall(sentence)
            if words:
                out.append(words)
    return out


def test_dutch_drafts_stay_at_b1_by_sentence_length():
    """Over all Dutch drafts of the kick-off: average sentence at most 15 words, none over 25."""
    task_file, plan = kickoff_plan()
    lengths = [len(s) for job in plan.jobs for s in sentences(markdown(build_draft(task_file, plan, job.id, "nl")))]
    assert len(lengths) > 20 * len(plan.jobs)
    average = sum(lengths) / len(lengths)
    assert average <= 15, f"average sentence is {average:.1f} words"
    assert max(lengths) <= 25, f"longest sentence is {max(lengths)} words"


def test_sentence_measure_counts_words_and_splits_sentences():
    """The B1 measure itself: two sentences of 4 and 3 words; a link counts by its text; tables are skipped."""
    text = "# Kop\n\nJe werkt 30 uur. Dat is fijn!\n\n- Schoonmaken · ESCO: [clean](http://x)\n| a | b |\n"
    assert [len(s) for s in sentences(text)] == [4, 3, 3]


def test_docx_opens_and_holds_the_rota_as_days_by_times():
    """The DOCX reads back with python-docx; its table has a column per worked day and a row per time, marks matching the schedule."""
    task_file, plan = tutorial_plan()
    day_short = {"mon": "ma", "tue": "di", "wed": "wo", "thu": "do", "fri": "vr", "sat": "za", "sun": "zo"}
    for job in plan.jobs:
        doc = Document(io.BytesIO(docx_bytes(build_draft(task_file, plan, job.id, "nl"))))
        assert len(doc.tables) == 1
        rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
        days = [d for d in day_short if any(e.day == d for e in job.schedule)]
        assert rows[0] == ["Tijd", "Werk", "Plaats", *(day_short[d] for d in days)]
        marked = {(days[i], row[0]) for row in rows[1:] for i, cell in enumerate(row[3:]) if cell == "✓"}
        assert marked == {(e.day, f"{e.start}-{e.end}") for e in job.schedule}
        assert doc.paragraphs[0].text == markdown(build_draft(task_file, plan, job.id, "nl")).splitlines()[0][2:]


def test_jsonld_is_a_jobposting_with_esco_terms_hours_employer_and_places():
    """Skills are DefinedTerms with their ESCO URI; employer, hours and places come from the job and the task file."""
    task_file, plan = tutorial_plan()
    locations = {loc.name: loc for loc in task_file.locations}
    suppliers = task_file.supplier_by_id()
    for job in plan.jobs:
        draft = build_draft(task_file, plan, job.id, "en")
        posting = json.loads(json.dumps(jobposting(draft)))
        assert posting["@context"] == "https://schema.org" and posting["@type"] == "JobPosting"
        assert posting["hiringOrganization"]["name"] == suppliers[job.employer].name
        assert posting["workHours"].startswith(f"{job.hours:g} hours a week")
        assert posting["inLanguage"] == "en" and posting["identifier"]["value"] == job.id
        assert all(t["@type"] == "DefinedTerm" and t["@id"] == t["url"] and t["@id"].startswith("http://data.europa.eu/esco/")
                   for t in posting["skills"])
        for place in posting["jobLocation"]:
            loc = locations[place["name"]]
            assert (place["geo"]["latitude"], place["geo"]["longitude"]) == (loc.lat, loc.lon)
        assert {p["name"] for p in posting["jobLocation"]} == {
            loc.name for loc in task_file.locations if any(e.location == loc.id for e in job.schedule)}


def test_zip_holds_every_job_in_both_languages_and_three_formats():
    """The zip of all drafts has J..{nl,en}.{md,docx,jsonld} for every job and nothing else."""
    task_file, plan = tutorial_plan()
    names = set(zipfile.ZipFile(io.BytesIO(zip_bytes(plan_files(task_file, plan)))).namelist())
    assert names == {f"{j.id}.{lang}.{fmt}" for j in plan.jobs for lang in ("nl", "en") for fmt in ("md", "docx", "jsonld")}

"""Candidate sheets (Excel template, import, table rows), the adjustments a carved job's vacancy
states, and the partnership sheet per job (Markdown, DOCX, zip)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

from bundler.domain import Plan
from bundler.io import read_task_file
from bundler.io.task_sheets import SheetError
from bundler.people.adjustments import adjustment_text, adjustments, job_adjustments
from bundler.people.candidates import Candidate, CandidateFile
from bundler.people.partnership import docx_bytes, markdown, partnership, plan_zip
from bundler.people.privacy import forget, strip_candidates, with_candidates
from bundler.people.sheets import (
    COLUMNS,
    candidates_xlsx,
    check_rows,
    read_candidates_xlsx,
    template_xlsx,
    to_rows,
)

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def kickoff():
    task_file = read_task_file(DATA / "uu_kickoff.json")
    people = CandidateFile.model_validate(json.loads((DATA / "candidates.json").read_text(encoding="utf-8")))
    return task_file, people


def xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "kandidaten"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_excel_round_trip_of_the_example(kickoff):
    """The example people through the workbook and back: the same file."""
    task_file, people = kickoff
    rows = read_candidates_xlsx(candidates_xlsx(people), "kandidaten.xlsx")
    again, problems = check_rows(rows, task_file)
    assert problems == [] and again == people
    book = load_workbook(io.BytesIO(candidates_xlsx(people)))
    assert book.sheetnames == ["kandidaten", "uitleg"]
    assert [c.value for c in book["kandidaten"][1]] == list(COLUMNS)


def test_the_template_reads_back_and_validates(kickoff):
    task_file, _ = kickoff
    people, problems = check_rows(read_candidates_xlsx(template_xlsx(), "sjabloon.xlsx"), task_file)
    assert problems == [] and [c.id for c in people.candidates] == ["K01", "K02"]
    assert people.candidates[1].available[0].days == ["mon", "wed", "fri"]


def test_sheet_problems_name_file_sheet_row_and_candidate(kickoff):
    task_file, _ = kickoff
    with pytest.raises(SheetError) as caught:
        read_candidates_xlsx(xlsx([["id", "alias", "bsn"], ["K01", "x", "123456789"]]), "k.xlsx")
    assert caught.value.problems == ["k.xlsx, sheet kandidaten, row 1: column(s) bsn are not candidate fields; a "
                                     "candidate sheet holds only what the fit rules need and a note (privacy)"]
    with pytest.raises(SheetError) as caught:
        read_candidates_xlsx(xlsx([["id", "available"], [None, "ma-vr 09:00-15:00"]]), "k.xlsx")
    assert caught.value.problems == ["k.xlsx, sheet kandidaten, row 2: column id is empty"]
    with pytest.raises(SheetError):
        read_candidates_xlsx(b"not a workbook", "k.xlsx")
    rows = read_candidates_xlsx(xlsx([["id", "available", "max_day_hours", "physical_load", "skills"],
                                      ["K01", "ma-vr 9-15", "vijf", "zwaar", "cleaning-basic"],
                                      ["K02", "ma-vr 09:00-15:00 2u flexibel", 5, "low", "poetsen"]]), "k.xlsx")
    people, problems = check_rows(rows, task_file)
    assert people is None
    assert any(p.startswith("row 1 (candidate K01), field available: 'ma-vr 9-15': not understood") for p in problems)
    assert "row 1 (candidate K01), field max_day_hours: 'vijf' is not a number" in problems
    assert any(p.startswith("row 2 (candidate K02), field available:") and "not a duration" in p for p in problems)
    assert any(p.startswith("row 2: candidate K02, field skills: unknown skill `poetsen`") for p in problems)


def test_rows_write_availability_in_the_shorthand(kickoff):
    _, people = kickoff
    rows = {r["id"]: r for r in to_rows(people)}
    assert rows["K01"]["available"] == "ma-vr 09:00-15:00"
    assert rows["K04"]["available"] == "ma-do 08:00-16:00"


def test_adjustments_name_the_limits_not_the_person(kickoff):
    """What the vacancy of a carved job says: hours cut into a usual day, day and week limits,
    screening limits; nothing of the alias, the note, the places or the skills."""
    task_file, people = kickoff
    k01 = people.by_id()["K01"]
    assert adjustments(k01, task_file, "nl") == ["start na 09:00", "klaar vóór 15:00", "max 5 uur per dag",
                                                 "geen zwaar lichamelijk werk", "beperkt klantcontact"]
    assert adjustments(k01, task_file, "en")[:2] == ["starts after 09:00", "done by 15:00"]
    early = Candidate.model_validate({"id": "X", "available": [{"days": ["mon", "tue", "wed", "thu"],
                                                                "from": "06:00", "until": "20:00"}]})
    assert adjustments(early, task_file, "nl") == ["vrij op vrijdag"]
    job = Plan.model_validate({"status": "FEASIBLE", "jobs": [
        {"id": "J01", "tasks": [], "suppliers": [], "employer": "asito", "hours": 0, "candidate": "K01"},
        {"id": "J02", "tasks": [], "suppliers": [], "employer": "asito", "hours": 0}]}).jobs
    assert adjustment_text(task_file, job[0], people, "nl").startswith("start na 09:00, klaar vóór 15:00")
    assert job_adjustments(task_file, job[1], people) == []
    assert job_adjustments(task_file, job[0], None) == []
    for text in adjustments(k01, task_file, "nl") + adjustments(k01, task_file, "en"):
        assert "K01" not in text and "Kandidaat" not in text and "keuken" not in text


@pytest.fixture(scope="module")
def carved_plan():
    """A two-supplier job with a person, and a one-supplier job without."""
    entries = [{"task": t, "day": d, "start": s, "end": e, "location": loc}
               for d in ("mon", "tue", "wed", "thu", "fri")
               for t, s, e, loc in (("T074", "09:00", "12:00", "bestuursgebouw"),
                                    ("T042", "13:30", "15:00", "buys-ballot"))]
    return Plan.model_validate({"status": "FEASIBLE", "jobs": [
        {"id": "J01", "tasks": ["T042", "T074"], "suppliers": ["sodexo", "verheij"], "employer": "verheij",
         "hours": 22.5, "schedule": entries, "candidate": "K01"},
        {"id": "J02", "tasks": ["T045"], "suppliers": ["sodexo"], "employer": "sodexo", "hours": 15,
         "schedule": [{"task": "T045", "day": d, "start": "10:30", "end": "13:30", "location": "koningsberger"}
                      for d in ("mon", "tue", "wed", "thu", "fri")]}]})


def test_partnership_sheet_of_a_two_supplier_job(kickoff, carved_plan):
    task_file, people = kickoff
    sheet = partnership(task_file, carved_plan, "J01", people)
    assert sheet.employer.supplier == "verheij" and sheet.employer.hours == 15
    assert [p.supplier for p in sheet.partners] == ["sodexo"] and sheet.partners[0].hours == 7.5
    assert round(sheet.banenafspraak, 2) == 0.88
    nl = markdown(sheet, "nl")
    assert "Verheij is werkgever: levert de meeste uren (15 van 22,5, 67%)." in nl
    assert "Cao: CAO Hoveniers." in nl
    assert "Verheij detacheert de medewerker deze uren bij Sodexo." in nl
    assert "welke bepalingen van de CAO Contractcateringbranche gelden" in nl
    assert "22,5 / 25,5 uur = 0,88 baan" in nl
    assert "Social return Verheij: 15 uur = 67% van de baan, 0,59 banenafspraakbaan." in nl
    assert "Social return Sodexo: 7,5 uur = 33% van de baan, 0,29 banenafspraakbaan." in nl
    assert "Aanpassingen" in nl and "start na 09:00" in nl
    assert "K01" not in nl and "Kandidaat 1" not in nl and "keuken" not in nl
    en = markdown(sheet, "en")
    assert "Verheij employs" in en and "0.88 job" in en
    doc = Document(io.BytesIO(docx_bytes(sheet, "nl")))
    assert any("Verheij is werkgever" in p.text for p in doc.paragraphs)


def test_partnership_of_a_one_supplier_job_and_the_zip(kickoff, carved_plan):
    task_file, people = kickoff
    nl = markdown(partnership(task_file, carved_plan, "J02", people), "nl")
    assert "Geen partner: alle uren bij de werkgever, geen detachering." in nl and "Aanpassingen" not in nl
    with zipfile.ZipFile(io.BytesIO(plan_zip(task_file, carved_plan, people))) as archive:
        assert sorted(archive.namelist()) == sorted(
            f"{j}.{kind}.{lang}.{ext}" for j in ("J01", "J02") for kind, lang in (("partnerschap", "nl"),
                                                                                    ("partnership", "en"))
            for ext in ("md", "docx"))


def test_people_come_off_a_plan_and_go_back_on(carved_plan):
    shared, labels = strip_candidates(carved_plan)
    assert labels == {"J01": "K01"} and "K01" not in json.dumps(shared.to_json_dict())
    assert with_candidates(shared, labels) == carved_plan
    assert forget(labels, "K01") == {}

"""Vacancies a candidate can act on: Dutch words, places by name, claims the screening proves, the essentials.

The cases come from a job coach's review of a hospital plan (English titles in the Dutch
text, "weinig contact met klanten" for a job with 12 of 22.5 h evening reception, places
as coordinates, no start date, pay, VOG or way to apply, a job coach promised).
"""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest
from docx import Document
from vacancy_plans import DATA, hospital, kickoff_plan

from bundler.domain import DAYS, DEMANDS, Plan, to_minutes
from bundler.io import read_task_file
from bundler.vacancies import (
    LocalText,
    VacancySettings,
    build_draft,
    docx_bytes,
    jobposting,
    markdown,
)
from bundler.vacancies.catalogue import load_catalogue, skill_entries
from bundler.vacancies.places import article_nl, place_phrase, strip_place
from bundler.vacancies.render import wording
from bundler.vacancies.screening import LEVELS, MAIN_SHARE
from bundler.vacancies.settings import (
    parse_settings,
    settings_json,
    store_settings,
    stored_settings,
)
from bundler.vacancies.task_words import task_words

COORDINATE = re.compile(r"-?\b\d{1,3}[.,]\d{3,}\b")
"""A latitude or longitude as text (52.0868, 5,1687); times (08:30) and hours (27,5) do not match."""
PLACEHOLDER = re.compile(r"\[(?:in te vullen|to fill in): [^\]]*\]")


def docx_text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])


def posting_text(posting: dict) -> str:
    """The JSON-LD's texts for people, one per line (not its ids, codes or language-tagged ESCO labels)."""
    lines = []

    def walk(value):
        if isinstance(value, dict):
            if "@language" not in value:
                for key, item in value.items():
                    if key not in ("@context", "@type", "@id", "url", "termCode", "inLanguage", "identifier",
                                   "inDefinedTermSet"):
                        walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            lines.extend(value.splitlines())
        elif isinstance(value, (int, float)):
            lines.append(str(value))
    walk(posting)
    return "\n".join(lines)


def outputs(draft) -> dict[str, str]:
    """The three outputs of a draft as text a person reads."""
    return {"md": markdown(draft), "docx": docx_text(docx_bytes(draft)), "jsonld": posting_text(jobposting(draft))}


def text_sentences(text: str, names: set[str]) -> set[str]:
    """Sentences, list items and table cells of a text: at least three words besides placeholders and `names`
    (suppliers, places, CAOs are the same in both languages)."""
    out = set()
    for line in text.splitlines():
        line = PLACEHOLDER.sub(" ", line).strip().lstrip("#-|* ").replace("**", "")
        for part in re.split(r"(?<=[.!?:])\s+|\s\|\s", line):
            part = part.strip(" |")
            words = part
            for name in names:
                words = words.replace(name, " ")
            if len(words.split()) >= 3:
                out.add(part)
    return out


def proper_names(task_file) -> set[str]:
    return {*(s.name for s in task_file.suppliers), *(s.cao for s in task_file.suppliers),
            *(loc.name for loc in task_file.locations)} - {""}


FULL = VacancySettings(
    start_date=date(2026, 3, 1), contract_type="fixed_term", contract_months=12,
    pay_scales={"CAO Contractcateringbranche": "functiegroep II (€ 14,40 per uur)",
                "Cao Ziekenhuizen": "FWG 15"},
    vog_required=True, work_clothes=True,
    training=LocalText(nl="De eerste twee weken werk je samen met een collega.",
                       en="For the first two weeks you work together with a colleague."),
    accessibility=LocalText(nl="Alle gebouwen hebben een lift en een invalidentoilet.",
                            en="All buildings have a lift and an accessible toilet."),
    job_coach="partnership",
    how_to_apply=LocalText(nl="Stuur een kort bericht of bel ons. Een cv is niet nodig.",
                           en="Send a short message or call us. You do not need a CV."),
    contact_name="Anna de Vries", contact_phone="030 123 45 67", contact_email="werk@example.org")


# --- language ---------------------------------------------------------------------------------------------------


def test_a_dutch_draft_holds_no_sentence_of_the_english_one():
    """Over every kick-off job and the hospital job: no sentence of the English draft (its wording lines)
    appears in the Dutch draft, in any format; the English titles of the hospital tasks appear nowhere in Dutch."""
    cases = [(kickoff_plan(), [j.id for j in kickoff_plan()[1].jobs]), (hospital(escort=True), ["J01"])]
    checked = 0
    for (task_file, plan), jobs in cases:
        for job in jobs:
            english = set().union(*(text_sentences(t, proper_names(task_file))
                                    for t in outputs(build_draft(task_file, plan, job, "en")).values()))
            for fmt, text in outputs(build_draft(task_file, plan, job, "nl")).items():
                shared = {s for s in english if s in text}
                assert not shared, f"{job} nl.{fmt} holds English: {sorted(shared)[:3]}"
                checked += 1
    task_file, plan = hospital(escort=True)
    dutch = " ".join(outputs(build_draft(task_file, plan, "J01", "nl")).values())
    for title in ("Evening reception main entrance", "Discharge cleaning patient rooms", "Patient escort",
                  "radiology", "Greeting guests", "Basic cleaning"):
        assert title not in dutch
    assert checked > 90


def test_the_english_wording_itself_never_leaks_into_dutch():
    """Fixed English wording (headings, day and part names) is not in any Dutch kick-off draft."""
    en = wording("en")
    fixed = [*en.headings.values(), *en.part_names.values(), *en.day_names.values(), "hours a week", "to fill in"]
    task_file, plan = kickoff_plan()
    for job in plan.jobs:
        text = markdown(build_draft(task_file, plan, job.id, "nl"))
        assert not [w for w in fixed if w in text], job.id


def test_dutch_words_come_from_the_dutch_title_with_the_place_cut_off():
    """Kick-off: each activity line is the task's Dutch title without its building, then the place with article."""
    task_file, plan = kickoff_plan()
    tasks, places = task_file.task_by_id(), {loc.id: loc for loc in task_file.locations}
    draft = build_draft(task_file, plan, plan.jobs[0].id, "nl")
    for part in draft.day_parts:
        for a in part.activities:
            task = tasks[a.task_id]
            assert task.title.startswith(a.text), (task.title, a.text)
            assert a.place.endswith(places[task.location].name)
    assert not [n for n in draft.notes if "titel" in n.nl]


def test_an_english_title_is_not_used_in_dutch_and_each_such_task_is_noted():
    """Hospital: English titles give way to the skill's Dutch wording; with no Dutch wording at all, a placeholder.
    Each such task, and the skill without a Dutch label, gets a note naming it; `title_nl` wins and silences it."""
    task_file, plan = hospital(escort=True)
    draft = build_draft(task_file, plan, "J01", "nl")
    said = {a.task_id: a.text for part in draft.day_parts for a in part.activities}
    assert said == {"H1": "bezoekers ontvangen", "H2": "kantoren en ruimtes schoonmaken", "H3": None}
    text = markdown(draft)
    assert "[in te vullen: wat je doet bij taak H3]" in text
    assert "[in te vullen: naam van vaardigheid patient-escort]" in text
    noted = [n.en for n in draft.notes]
    assert [n for n in noted if n.startswith("task H1: no Dutch title")]
    assert [n for n in noted if n.startswith("task H2: no Dutch title")]
    assert [n for n in noted if n.startswith("task H3: no Dutch title") and "placeholder" in n]
    assert [n for n in noted if n.startswith("skill patient-escort: no Dutch label")]
    english = build_draft(task_file, plan, "J01", "en")
    assert {a.text for part in english.day_parts for a in part.activities} == {
        "Evening reception main entrance", "Discharge cleaning patient rooms", "Patient escort to radiology"}
    assert not [n for n in english.notes if n.en.startswith("task")]

    task_file, plan = hospital(title_nl="Kamers schoonmaken na ontslag")
    draft = build_draft(task_file, plan, "J01", "nl")
    assert "Kamers schoonmaken na ontslag in het Hoofdgebouw: maandag tot en met woensdag" in markdown(draft)
    assert not [n for n in draft.notes if n.en.startswith("task H2")]


# --- places -----------------------------------------------------------------------------------------------------


def test_places_read_as_dutch_with_article_and_preposition():
    """'Hagen en struiken snoeien bij het Androclusgebouw', never 'in Androclusgebouw'; titles lose their building."""
    task_file = read_task_file(DATA / "uu_kickoff.json")
    places = {loc.id: loc for loc in task_file.locations}
    skills = skill_entries(task_file, load_catalogue())
    hedge = task_file.task_by_id()["T077"].model_copy(update={"title": ""})
    words = task_words(hedge, places["androclus"], skills, "nl")
    assert f"{words.text} {words.place}" == "hagen en struiken snoeien bij het Androclusgebouw"
    assert strip_place("Hagen en heesters snoeien bij Buys Ballot", places["buys-ballot"]) == (
        "Hagen en heesters snoeien", "bij")
    assert strip_place("Nachtronde Sportcentrum Olympos (zaterdagnacht)", places["olympos"]) == (
        "Nachtronde (zaterdagnacht)", None)
    assert strip_place("Toiletten schoonmaken Bibliotheek Uithof", places["bibliotheek-uithof"])[0] == \
        "Toiletten schoonmaken"
    assert [place_phrase(places[p], "nl", False) for p in ("edu", "botanische-tuinen", "janskerkhof")] == [
        "in het Educatorium", "in de Botanische Tuinen", "op Janskerkhof 2-3"]
    assert article_nl(places["olympos"].model_copy(update={"article_nl": "de"})) == "de"
    numbered = places["edu"].model_copy(update={"name": "Paviljoen 21"})
    assert place_phrase(numbered, "nl", False) == "in Paviljoen 21", "a numbered building is no address"
    task_file, plan = kickoff_plan()
    for job in plan.jobs:
        text = markdown(build_draft(task_file, plan, job.id, "nl"))
        assert not re.search(r" in [A-Z][a-z]+gebouw", text), job.id


def test_no_coordinates_in_markdown_or_docx_only_in_the_jsonld():
    """No latitude or longitude appears as text in any Markdown or DOCX draft; the JSON-LD keeps them as geo."""
    task_file, plan = kickoff_plan()
    for job in plan.jobs:
        for lang in ("nl", "en"):
            out = outputs(build_draft(task_file, plan, job.id, lang))
            for fmt in ("md", "docx"):
                assert not COORDINATE.findall(out[fmt]), (job.id, lang, fmt, COORDINATE.findall(out[fmt]))
                assert "openstreetmap" not in out[fmt]
            assert COORDINATE.findall(json.dumps(jobposting(build_draft(task_file, plan, job.id, lang))))
    assert not COORDINATE.findall("08:30-10:00 uur, 27,5 uur, 20.5 hours, Janskerkhof 2-3")
    assert COORDINATE.findall("Educatorium (52.0868, 5.1687)") == ["52.0868", "5.1687"]


# --- screening --------------------------------------------------------------------------------------------------


def test_twelve_of_22_5_hours_evening_reception_is_not_little_contact():
    """High contact for 12 of 22.5 h: the job says 'veel contact'. Reception's field left out: the job says nothing
    about contact (the 12 h could be anything) and a note names the task and field."""
    task_file, plan = hospital(reception_contact="high")
    text = markdown(build_draft(task_file, plan, "J01", "nl"))
    assert "Je hebt veel contact met mensen." in text and "weinig contact" not in text
    task_file, plan = hospital(reception_contact=None)
    draft = build_draft(task_file, plan, "J01", "nl")
    assert "customer_contact" not in {d.name for d in draft.demands}
    assert "contact met klanten" not in markdown(draft) and "contact met mensen" not in markdown(draft)
    assert [n for n in draft.notes if n.en.startswith("task H1 (12 h) has no customer_contact")
            and "says nothing about customer contact" in n.en]
    assert "Je werkt vaak alleen." in markdown(draft), "fields all tasks give are still said"


def test_every_claim_about_screening_follows_the_fields():
    """For every kick-off job and field: a claimed level is reached by at least 40 % of the hours, and no higher
    level could be, even if every unscreened task were 'high'; an unclaimed field has such a doubt or no data."""
    task_file, plan = kickoff_plan()
    tasks = task_file.task_by_id()
    for job in plan.jobs:
        draft = build_draft(task_file, plan, job.id, "nl")
        claims = {d.name: d for d in draft.demands}
        total = sum(tasks[t].hours for t in job.tasks)
        for name in DEMANDS:
            levels = [(getattr(tasks[t], name), tasks[t].hours) for t in job.tasks]
            unknown = sum(h for lvl, h in levels if lvl is None)

            def at_least(level, levels=levels):
                return sum(h for lvl, h in levels if lvl is not None and LEVELS.index(lvl) >= LEVELS.index(level))
            if name in claims:
                level = claims[name].level
                assert at_least(level) >= MAIN_SHARE * total - 1e-9, (job.id, name)
                if level != "high":
                    above = LEVELS[LEVELS.index(level) + 1]
                    assert at_least(above) + unknown < MAIN_SHARE * total, (job.id, name)
                peak = max((lvl for lvl, _ in levels if lvl), key=LEVELS.index)
                assert claims[name].peak == (peak if peak != level else None), (job.id, name)
            else:
                assert unknown > 0, (job.id, name)
        gaps = {g for t in job.tasks for g in DEMANDS if getattr(tasks[t], g) is None}
        noted = " ".join(n.en for n in draft.notes)
        assert all(g in noted for g in gaps), (job.id, gaps)


# --- rota -------------------------------------------------------------------------------------------------------


def test_times_are_those_of_the_plan_and_off_grid_times_are_noted():
    """Kick-off rotas are on the quarter hour and say so without notes; a plan at 10:17 is shown as it is, with
    a note for HR (the draft never rounds the rota)."""
    task_file, plan = kickoff_plan()
    for job in plan.jobs:
        draft = build_draft(task_file, plan, job.id, "nl")
        assert all(to_minutes(r.start) % 15 == 0 and to_minutes(r.end) % 15 == 0 for r in draft.rota)
        assert not [n for n in draft.notes if "quarter" in n.en]
    task_file, plan = hospital()
    data = plan.to_json_dict()
    for entry in data["jobs"][0]["schedule"]:
        if entry["task"] == "H2":
            entry.update(start="13:17", end="16:47")
    draft = build_draft(task_file, Plan.model_validate(data), "J01", "nl")
    assert "| 13:17-16:47 |" in markdown(draft)
    assert [n for n in draft.notes if n.en == "mon 13:17-16:47 is not on the quarter hour; check the plan's "
                                                 "start_step_minutes"]


# --- the essentials ---------------------------------------------------------------------------------------------


def test_filled_in_settings_appear_in_all_three_outputs_in_both_languages():
    """Start date, contract, pay scale, VOG, clothes, training, accessibility, job coach, how to apply and contact
    are in the Markdown, the DOCX and the JSON-LD; nothing is left to fill in."""
    task_file, plan = hospital()
    expected = {
        "nl": ["1 maart 2026", "tijdelijk contract van 12 maanden, voor 22,5 uur per week", "FWG 15", "Cao Ziekenhuizen",
               "heb je een VOG nodig", "Je krijgt werkkleding van Ziekenhuis Noord en Hago Zorg",
               "De eerste twee weken werk je samen met een collega.",
               "Alle gebouwen hebben een lift en een invalidentoilet.",
               "Ziekenhuis Noord en Hago Zorg regelen samen een jobcoach voor je.",
               "Stuur een kort bericht of bel ons.", "Anna de Vries", "030 123 45 67", "werk@example.org"],
        "en": ["1 March 2026", "fixed-term contract of 12 months, for 22.5 hours a week", "FWG 15", "you need a certificate of conduct",
               "You get work clothes from Ziekenhuis Noord and Hago Zorg", "For the first two weeks",
               "All buildings have a lift", "Ziekenhuis Noord and Hago Zorg arrange a job coach for you together.",
               "Send a short message or call us.", "Anna de Vries", "werk@example.org"],
    }
    for lang, phrases in expected.items():
        draft = build_draft(task_file, plan, "J01", lang, settings=FULL)
        for fmt, text in outputs(draft).items():
            missing = [p for p in phrases if p not in text]
            assert not missing, (lang, fmt, missing)
            assert not PLACEHOLDER.findall(text), (lang, fmt, PLACEHOLDER.findall(text))
        posting = jobposting(draft)
        assert posting["jobStartDate"] == "2026-03-01" and posting["employmentType"] == ["PART_TIME", "TEMPORARY"]
        assert posting["applicationContact"] == {"@type": "ContactPoint", "name": "Anna de Vries",
                                                 "telephone": "030 123 45 67", "email": "werk@example.org"}
        assert not [n for n in draft.notes if "fill in for all" in n.en]


def test_empty_settings_are_placeholders_in_all_three_outputs_and_nothing_is_promised():
    """Without settings every essential shows as a placeholder in every output; the job coach is 'in overleg',
    never promised; a note lists what HR still has to fill in."""
    task_file, plan = hospital()
    draft = build_draft(task_file, plan, "J01", "nl")
    wanted = ["startdatum", "tijdelijk of vast", "loonschaal", "nodig of niet", "krijg je werkkleding?",
              "hoe je wordt ingewerkt", "hoe toegankelijk de gebouwen zijn", "hoe je solliciteert", "naam",
              "telefoon of e-mail"]
    for fmt, text in outputs(draft).items():
        holes = " ".join(PLACEHOLDER.findall(text))
        assert all(w in holes for w in wanted), (fmt, [w for w in wanted if w not in holes])
        assert "Je krijgt een jobcoach" not in text and "in overleg met Ziekenhuis Noord" in text, fmt
    assert [n for n in draft.notes if n.en.startswith("still to fill in for all vacancies: start date")]
    english = markdown(build_draft(task_file, plan, "J01", "en"))
    assert "[to fill in: start date]" in english and "You get a job coach" not in english


@pytest.mark.parametrize("coach, sentence", [
    ("employer", "Ziekenhuis Noord regelt een jobcoach voor je."),
    ("partnership", "Ziekenhuis Noord en Hago Zorg regelen samen een jobcoach voor je."),
    ("public", "Een jobcoach kun je aanvragen bij UWV of bij je gemeente."),
    ("none", "Bij deze baan hoort geen jobcoach."),
    (None, "Een jobcoach is mogelijk. Dat gaat in overleg met Ziekenhuis Noord."),
])
def test_the_job_coach_is_said_as_arranged(coach, sentence):
    """Each arrangement HR can choose gives its own sentence; none is the unconditional promise of old."""
    task_file, plan = hospital()
    text = markdown(build_draft(task_file, plan, "J01", "nl", settings=VacancySettings(job_coach=coach)))
    assert sentence in text


def test_a_half_filled_free_text_shows_a_placeholder_only_in_the_missing_language():
    """Training typed only in Dutch: the Dutch draft has it, the English one a placeholder, not the Dutch text."""
    task_file, plan = hospital()
    settings = VacancySettings(training=LocalText(nl="Je krijgt een HACCP-cursus."))
    assert "Je krijgt een HACCP-cursus." in markdown(build_draft(task_file, plan, "J01", "nl", settings=settings))
    english = markdown(build_draft(task_file, plan, "J01", "en", settings=settings))
    assert "HACCP-cursus" not in english and "[to fill in: how you are shown the work" in english


def test_settings_are_kept_with_the_workspace_and_carry_over_to_a_new_plan(tmp_path):
    """Stored as the reserved vacancy row of a plan; a newer plan without its own finds the older plan's."""
    from workspace_factory import tutorial

    from bundler.engine import SolveConfig, solve
    from bundler.store import open_store

    repo = open_store(f"sqlite:///{tmp_path / 'bundler.db'}")
    ws = repo.create_workspace("Kick-off", tutorial(), by="HR")
    plan = solve(read_task_file(DATA / "tutorial.json"), SolveConfig(workers=1, seed=0, use_solver=False))
    first = repo.save_plan(ws.id, 1, plan, by="HR")
    second = repo.save_plan(ws.id, 1, plan, by="HR")
    assert stored_settings(repo, [second.id, first.id]) is None
    store_settings(repo, first.id, FULL, by="HR")
    assert stored_settings(repo, [second.id, first.id]) == FULL
    assert [d.job for d in repo.vacancies(first.id)] == [""], "one reserved row; no job id is empty"
    assert parse_settings(settings_json(FULL)) == FULL
    with pytest.raises(ValueError, match="contract_months"):
        parse_settings('{"contract_months": 0}')


def test_the_plan_rota_days_are_the_drafts_days():
    """A guard on the fixture: the hospital job works Monday to Thursday, with a pause on the long days."""
    task_file, plan = hospital()
    draft = build_draft(task_file, plan, "J01", "nl")
    assert draft.days == DAYS[:4] and draft.working_time.long_days == ("mon", "tue", "wed")
    assert "Op maandag tot en met woensdag werk je meer dan 5,5 uur. Dan heb je een pauze van minstens 30 minuten." \
        in markdown(draft)

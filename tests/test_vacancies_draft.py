"""From a job to a vacancy draft: title, activities per day part, competencies, parties, demands."""

from __future__ import annotations

import pytest
from tasks_factory import WEEKDAYS, assert_plan_valid, fixed, task, task_file
from vacancy_plans import DATA, kickoff_plan, tutorial_plan

from bundler.domain import DAYS, Plan
from bundler.engine import SolveConfig, solve
from bundler.io import read_task_file
from bundler.rules import RELAXED_RULES
from bundler.vacancies import build_draft, docx_bytes, jobposting, markdown
from bundler.vacancies.docx import docx_text
from bundler.vacancies.draft import MAX_COMPETENCIES, day_part, day_runs
from bundler.vacancies.render import wording
from bundler.vacancies.screening import job_screening
from bundler.validation import InputError


def _screened(tid: str, start: str, end: str, days=WEEKDAYS, **levels) -> dict:
    return {**task(tid, "asito", "edu", fixed(days, start, end)), **levels}


def test_a_short_heavy_task_shows_as_part_of_the_work_not_as_the_whole_job():
    """4 of 24 hours heavy: the job is light with a heavier part; 12 of 24 heavy: the job is heavy."""
    tf = task_file([_screened("A", "07:00", "11:00", ["mon"], physical_load="high"),
                    _screened("B", "07:00", "11:00", ["tue", "wed", "thu", "fri", "sat"], physical_load="low"),
                    _screened("C", "12:00", "16:00", ["mon"], physical_load="low")])
    tasks = tf.task_by_id()
    hours = {t: tasks[t].hours for t in tasks}
    light = job_screening([tasks["A"], tasks["B"], tasks["C"]], hours).demands
    assert [(d.name, d.level, d.peak, d.peak_hours) for d in light] == [("physical_load", "low", "high", 4)]
    heavy = job_screening([tasks["A"], tasks["C"]], hours).demands
    assert [(d.name, d.level, d.peak) for d in heavy] == [("physical_load", "high", None)]
    assert wording("nl").demand(light[0]) == "Het werk is lichamelijk licht. Bij 4 van de 28 uur is het werk zwaarder."
    assert wording("en").demand(heavy[0]).startswith("The work is physically hard.")


def test_fields_no_task_fills_in_are_left_out():
    """Only screening fields some task has appear, and only when the unscreened hours cannot change them;
    with none at all, the section is not in the text."""
    tf = task_file([_screened("A", "07:00", "11:00", pace="high", customer_contact="low"),
                    task("B", "sodexo", "edu", fixed(WEEKDAYS, "11:00", "14:00"))])
    tasks = tf.task_by_id()
    screening = job_screening(list(tasks.values()), {t: tasks[t].hours for t in tasks})
    # 20 of 35 h fast pace holds whatever B is; 'little contact' would not hold if B's 15 h were busy.
    assert [d.name for d in screening.demands] == ["pace"]
    assert [(g.name, g.tasks, g.said) for g in screening.gaps if g.name in ("pace", "customer_contact")] == [
        ("pace", ("B",), True), ("customer_contact", ("B",), False)]
    bare = task_file([task("A", "asito", "edu", fixed(WEEKDAYS, "07:00", "11:00")),
                      task("B", "sodexo", "edu", fixed(WEEKDAYS, "11:00", "14:00"))])
    plan = solve(bare, SolveConfig(workers=1, time_limit=10))
    assert_plan_valid(bare, plan)
    text = markdown(build_draft(bare, plan, plan.jobs[0].id, "nl"))
    assert "Wat dit werk van je vraagt" not in text and "None" not in text


def test_title_names_the_main_activities_by_hours():
    """The security-and-waste job of the tutorial is titled after its two areas, most hours first."""
    task_file, plan = tutorial_plan()
    job = next(j for j in plan.jobs if set(j.tasks) == {"T07", "T08"})  # waste 7.5 h, closing round 15 h
    assert build_draft(task_file, plan, job.id, "nl").areas == ("beveiliging", "afvalinzameling")
    assert markdown(build_draft(task_file, plan, job.id, "nl")).startswith("# Medewerker beveiliging en afvalinzameling\n")
    assert markdown(build_draft(task_file, plan, job.id, "en")).startswith("# Security and waste collection assistant\n")


def test_every_shift_is_in_one_activity_line_of_its_day_part():
    """Each schedule entry of every kick-off job is covered by exactly one activity (day, time), in the right day part."""
    task_file, plan = kickoff_plan()
    for job in plan.jobs:
        draft = build_draft(task_file, plan, job.id, "nl")
        assert [p.key for p in draft.day_parts] == sorted((p.key for p in draft.day_parts),
                                                           key=["morning", "afternoon", "evening"].index)
        covered = []
        for part in draft.day_parts:
            for a in part.activities:
                assert day_part(a.start, a.end) == part.key
                for first, last in a.day_runs:
                    covered += [(d, a.start, a.end) for d in DAYS[DAYS.index(first):DAYS.index(last) + 1]]
        assert sorted(covered) == sorted((e.day, e.start, e.end) for e in job.schedule), job.id


def test_competencies_are_few_ranked_by_hours_and_carry_esco():
    """At most six competencies per job, most-needed first, each with its ESCO URI."""
    task_file, plan = kickoff_plan()
    for job in plan.jobs:
        comps = build_draft(task_file, plan, job.id, "en").competencies
        assert 1 <= len(comps) <= MAX_COMPETENCIES
        assert [c.hours for c in comps] == sorted((c.hours for c in comps), reverse=True)
        assert {c.skill_id for c in comps} <= set(job.skills)
        assert all(c.esco_uri for c in comps)


def test_employer_partner_and_their_collective_agreements():
    """The plan's employer is the employer; the other supplier is the partner; each one's CAO is named."""
    task_file, plan = kickoff_plan()
    suppliers = task_file.supplier_by_id()
    for job in plan.jobs:
        draft = build_draft(task_file, plan, job.id, "nl")
        assert draft.employer.id == job.employer
        assert {p.id for p in draft.partners} == set(job.suppliers) - {job.employer}
        assert draft.caos[0][0] == suppliers[job.employer].cao
        assert {c for c, _ in draft.caos} == {suppliers[s].cao for s in job.suppliers}
        text = markdown(draft)
        assert all(suppliers[s].cao in text and suppliers[s].name in text for s in job.suppliers)


def test_day_runs_group_consecutive_days():
    """mon tue wed fri -> mon..wed and fri; the Dutch text says 'tot en met' only for three days or more."""
    assert day_runs(["fri", "mon", "wed", "tue"]) == (("mon", "wed"), ("fri", "fri"))


def test_a_plan_that_does_not_fit_the_task_file_is_refused_by_job():
    """A job naming a task the task file lacks, or an unknown job id, is an input error naming the job."""
    task_file, plan = tutorial_plan()
    broken = plan.model_copy(deep=True)
    broken.jobs[1].tasks.append("T99")
    with pytest.raises(InputError) as caught:
        build_draft(task_file, broken, broken.jobs[0].id, "nl")
    assert caught.value.problems == [f"job {broken.jobs[1].id}: task T99 is not in the task file"]
    with pytest.raises(InputError, match="no job J77"):
        build_draft(task_file, plan, "J77", "nl")


def _cleaning_and_lunch(rules: dict | None = None, tasks: tuple[str, ...] = ("T01", "T02")):
    """The tutorial's cleaning (07-10) and lunch (11-14) job written by hand: no solver, any rules."""
    task_file = read_task_file(DATA / "tutorial.json")
    task_file = task_file.model_copy(update={"rules": task_file.rules.model_copy(update=rules or {})})
    times = {"T01": ("07:00", "10:00"), "T02": ("11:00", "14:00")}
    schedule = [{"task": t, "day": d, "start": times[t][0], "end": times[t][1], "location": "edu"}
                for d in WEEKDAYS for t in tasks]
    plan = Plan.model_validate({"status": "FEASIBLE", "jobs": [
        {"id": "J01", "tasks": list(tasks), "suppliers": sorted({"T01": "asito", "T02": "sodexo"}[t] for t in tasks),
         "employer": "asito", "hours": 15.0 * len(tasks), "schedule": schedule}]})
    return task_file, plan


def test_the_rota_says_the_rest_and_break_rules_in_plain_words():
    """Six hours a day: days, daily and weekly rest and the pause are all said, in every format and language."""
    task_file, plan = _cleaning_and_lunch()
    nl = build_draft(task_file, plan, "J01", "nl")
    sentence = ("Je werkt hoogstens 5 dagen per week. Tussen twee werkdagen heb je minstens 11 uur rust. "
                "Eén keer per week ben je minstens 36 uur achter elkaar vrij. "
                "Op maandag tot en met vrijdag werk je meer dan 5,5 uur. "
                "Dan heb je een pauze van minstens 30 minuten.")
    assert f"\n\n{sentence}\n\n## Waar werk je?" in markdown(nl)
    assert sentence in docx_text(docx_bytes(nl))[0]
    assert jobposting(nl)["workHours"].endswith(sentence)
    en = markdown(build_draft(task_file, plan, "J01", "en"))
    assert "You work at most 5 days a week." in en and "a break of at least 30 minutes" in en


def test_only_the_rules_that_apply_are_said():
    """Three-hour days need no pause; other limits are said with their own numbers; the old rules say nothing."""
    task_file, plan = _cleaning_and_lunch(tasks=("T01",))
    text = markdown(build_draft(task_file, plan, "J01", "nl"))
    assert "11 uur rust" in text and "pauze" not in text
    task_file, plan = _cleaning_and_lunch({"max_work_days": 4, "min_rest_hours": 12.5, "min_weekly_rest_hours": 0})
    text = markdown(build_draft(task_file, plan, "J01", "nl"))
    assert "hoogstens 4 dagen per week" in text and "minstens 12,5 uur rust" in text and "achter elkaar" not in text
    task_file, plan = _cleaning_and_lunch(RELAXED_RULES)
    draft = build_draft(task_file, plan, "J01", "nl")
    assert not draft.working_time.applies
    assert "hoogstens" not in markdown(draft) and "uur rust" not in markdown(draft)
    assert jobposting(draft)["workHours"] == "30 uur per week: maandag tot en met vrijdag van 07:00 tot 14:00"

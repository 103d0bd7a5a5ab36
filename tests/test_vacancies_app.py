"""The Vacancies page of the workbench, driven in-process with AppTest."""

from __future__ import annotations

from test_app import solve_now, start


def _downloads(at) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


def test_without_a_plan_the_page_says_what_to_do():
    """Before any solve the page shows a plain hint to solve first, and no drafts or downloads."""
    at = start()
    at.switch_page("app_pages/vacancies.py").run()
    assert not at.exception
    assert at.title[0].value == "Vacatures"
    assert "ga naar Oplossen" in at.info[0].value
    assert not _downloads(at)


def test_with_a_plan_it_shows_a_draft_switches_language_and_offers_downloads():
    """After a solve: a Dutch draft of the chosen job, English after the switch, another job on picking it, four downloads."""
    at = start()
    solve_now(at)
    at.switch_page("app_pages/vacancies.py").run()
    assert not at.exception
    plan = at.session_state["plan"]
    dutch = at.markdown[-1].value
    assert dutch.startswith("### Medewerker ") and "#### Wat ga je doen?" in dutch
    assert _downloads(at) == ["Markdown", "Word (DOCX)", "JSON-LD", "Alle vacatures (zip)"]
    at.radio(key="vacancy_lang").set_value("en").run()
    english = at.markdown[-1].value
    assert english != dutch and "#### What will you do?" in english
    at.selectbox(key="vacancy_job").set_value(plan.jobs[-1].id).run()
    assert at.markdown[-1].value != english and "#### What will you do?" in at.markdown[-1].value


def test_english_workbench_names_the_page_in_english():
    """With the workbench in English the page title and the draft language default to English."""
    at = start()
    solve_now(at)
    at.sidebar.radio[0].set_value("en").run()
    at.switch_page("app_pages/vacancies.py").run()
    assert at.title[0].value == "Vacancies"
    assert "#### What will you do?" in at.markdown[-1].value

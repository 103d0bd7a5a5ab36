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


def _fill_in_settings(at) -> None:
    from datetime import date

    at.date_input(key="vs_start").set_value(date(2026, 3, 1))
    at.selectbox(key="vs_contract").set_value("permanent")
    at.radio(key="vs_vog").set_value(True)
    at.radio(key="vs_coach").set_value("employer")
    at.text_input(key="vs_name").set_value("Anna de Vries")
    at.text_input(key="vs_email").set_value("werk@example.org")
    at.button(key="vs_save").click().run()


def test_settings_filled_in_once_are_in_every_draft_and_empty_ones_are_placeholders():
    """Before the form: placeholders and a note for HR. After one save: start date, contract, VOG, job coach and
    contact are in the draft of every job, and the page says they are kept for this session only."""
    at = start()
    solve_now(at)
    at.switch_page("app_pages/vacancies.py").run()
    assert "[in te vullen: startdatum]" in at.markdown[-1].value
    assert any("nog in te vullen voor alle vacatures" in w.value for w in at.warning)
    _fill_in_settings(at)
    assert not at.exception
    assert "Bewaard voor deze sessie" in at.success[0].value
    for job in at.session_state["plan"].jobs:
        at.selectbox(key="vacancy_job").set_value(job.id).run()
        text = at.markdown[-1].value
        assert "Je begint op 1 maart 2026." in text and "vast contract" in text, job.id
        assert "Voor deze baan heb je een VOG nodig." in text and "regelt een jobcoach voor je" in text
        assert "Neem contact op met Anna de Vries: werk@example.org." in text
        assert "[in te vullen: startdatum]" not in text


def test_settings_are_kept_with_the_open_workspace():
    """With a workspace open, saved settings go into the workspace; a new session that opens it finds them."""
    import streamlit as st
    from test_app_workspace import create, manager, solve

    from bundler.store import open_store
    from bundler.vacancies.settings import stored_settings

    at = manager()
    workspace_id = create(at)
    solve(at)
    at.switch_page("app_pages/vacancies.py").run()
    _fill_in_settings(at)
    assert "Bewaard in de werkruimte" in at.success[0].value
    repo = open_store()
    try:
        kept = stored_settings(repo, [at.session_state["plan_id"]])
    finally:
        repo.engine.dispose()
    assert kept is not None and kept.contact_name == "Anna de Vries"

    st.cache_resource.clear()
    again = manager("Bas")
    again.switch_page("app_pages/workspace.py").run()
    again.selectbox(key="open_choice").set_value(workspace_id).run()
    again.button(key="open_workspace").click().run()
    again.switch_page("app_pages/vacancies.py").run()
    assert not again.exception
    assert "Neem contact op met Anna de Vries" in again.markdown[-1].value

"""Reasons people can act on, in the workbench: the Schedules page and the supplier's own view."""

from __future__ import annotations

from test_app import solve_now, start


def _table_with(at, header: str):
    return next(d.value for d in at.dataframe if header in d.value.columns)


def test_schedules_say_why_each_task_is_left_over_in_dutch_and_english():
    at = start()
    solve_now(at)
    at.switch_page("app_pages/schedules.py").run()
    left = _table_with(at, "Waarom").set_index("Taak")
    assert left.loc["T11", "Waarom"].startswith("geen andere taak op zondag binnen 60 minuten")
    assert left.loc["T11", "Regel"] == "Uren per werkdag binnen de grenzen"
    at.sidebar.radio[0].set_value("en").run()
    left = _table_with(at, "Why").set_index("Task")
    assert left.loc["T11", "Why"].startswith("no other task on Sunday within 60 minutes")


def test_a_supplier_sees_why_its_own_tasks_are_left_over():
    """The manager can tell Securitas why its Sunday round is not used; Asito's table has none of it."""
    at = start()
    solve_now(at)
    at.switch_page("app_pages/supplier.py").run()
    at.selectbox(key="supplier_choice").set_value("securitas").run()
    own = _table_with(at, "Waarom")
    assert list(own["Taak"]) == ["T11"] and "zondag" in own["Waarom"][0]
    at.selectbox(key="supplier_choice").set_value("asito").run()
    assert all("T11" not in list(d.value.get("Taak", [])) for d in at.dataframe)

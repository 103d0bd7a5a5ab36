"""Every page of the workbench, driven in-process with AppTest."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

from conftest import MANAGER_KEY
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from bundler.check import check_plan
from bundler.io.task_sheets import tasks_csv
from bundler.rules import RELAXED_RULES
from bundler.whatif import PRESETS, variant_from_row

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def open_workbench() -> AppTest:
    """The manager's workbench as the README's first start opens it: the URL carries the key."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["key"] = MANAGER_KEY
    return at.run()


def start(example: str = "tutorial") -> AppTest:
    at = open_workbench()
    assert not at.exception
    if example == "tutorial":
        at.button[1].click().run()  # "Kleine oefenset laden"
    return at


def solve_now(at: AppTest, seconds: float = 5) -> None:
    at.session_state["time_limit"] = seconds
    at.switch_page("app_pages/solve.py").run()
    at.button(key="start_solve").click().run()
    deadline = time.monotonic() + 120
    while not at.session_state["solve"].done and time.monotonic() < deadline:
        time.sleep(0.3)
    at.run()
    assert at.session_state["plan"] is not None


def run_whatif(at: AppTest) -> list:
    """Click 'Varianten doorrekenen' and wait, as a person would, until the results are on the page."""
    at.button(key="run_whatif").click().run()
    run = at.session_state["whatif_run"]
    assert run.wait(300)
    at.run()
    at.run()  # the progress fragment hands the outcomes over and reruns the page
    return at.session_state["whatif"]


def test_tasks_page_loads_the_example_in_dutch():
    """The example kick-off is there on first open, validated, in Dutch."""
    at = open_workbench()
    assert at.title[0].value == "Taken van de leveranciers"
    assert "131 taken" in at.success[0].value


def test_language_switch_to_english():
    """The sidebar switch turns the page English."""
    at = start()
    at.sidebar.radio[0].set_value("en").run()
    assert at.title[0].value == "The suppliers' tasks"


def test_editing_a_task_shows_the_problem_next_to_its_row_and_survives_a_page_switch():
    """A broken slot text gives an error naming the row; after switching pages the edit is still there."""
    at = start()
    at.session_state["tables"].rows["tasks"][2]["slots"] = "mo 07:00-09:00"
    at.session_state["tables_version"] += 1
    at.run()
    assert any("Rij 3 (T03)" in e.value and "onbekende dag 'mo'" in e.value for e in at.error)
    at.switch_page("app_pages/rules.py").run()
    at.switch_page("app_pages/tasks.py").run()
    assert at.session_state["tables"].rows["tasks"][2]["slots"] == "mo 07:00-09:00"
    assert any("Rij 3 (T03)" in e.value for e in at.error)


def _upload(at: AppTest, name: str, content: bytes) -> None:
    at.file_uploader(key="task_upload").upload(name, content).run()


def test_csv_import_adds_tasks_and_a_broken_csv_names_the_row():
    """A good CSV through the uploader adds a task; a broken one is refused with its row number."""
    at = start()
    rows = [dict(at.session_state["tables"].rows["tasks"][0], id="T77")]
    _upload(at, "nieuw.csv", tasks_csv(rows))
    assert any(r["id"] == "T77" for r in at.session_state["tables"].rows["tasks"])
    assert "12 taken" in at.success[0].value
    at = start()
    _upload(at, "kapot.csv", b"id,supplier,title,location,skills,slots\nT1,asito,x,edu,,\n")
    assert any("kapot.csv, rij 2: kolom slots is leeg" in e.value for e in at.error)
    assert len(at.session_state["tables"].rows["tasks"]) == 11


def _workbook(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "asito"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_import_with_one_sheet_per_supplier():
    """A workbook sheet named after a supplier imports its rows as that supplier's tasks; a bad row is named."""
    at = start()
    location = at.session_state["tables"].rows["tasks"][0]["location"]
    _upload(at, "asito.xlsx", _workbook([["id", "title", "location", "skills", "slots"],
                                         ["T88", "Ramen wassen", location, "", "za 09:00-12:00"]]))
    row = next(r for r in at.session_state["tables"].rows["tasks"] if r["id"] == "T88")
    assert row["supplier"] == "asito"
    assert at.session_state["check"][2].task_file is not None
    at = start()
    _upload(at, "fout.xlsx", _workbook([["id", "title", "location", "skills", "slots"],
                                        ["T89", "Ramen", location, "", "zaterdag 9-12"]]))
    assert any("Rij 12 (T89)" in e.value and "'zaterdag 9-12': niet begrepen" in e.value for e in at.error)


def test_rules_page_changes_the_rules():
    """Setting the minimum hours on the Rules page changes the rules the next solve uses."""
    at = start()
    at.switch_page("app_pages/rules.py").run()
    at.number_input(key="rule_min_job_hours").set_value(16.0).run()
    assert at.session_state["tables"].rules["min_job_hours"] == 16.0
    assert any("wachttijd" in n.label for n in at.number_input)
    at.number_input(key="rule_max_work_days").set_value(4).run()
    at.checkbox(key="rule_hygiene_order").uncheck().run()
    rules = at.session_state["tables"].rules
    assert (rules["max_work_days"], rules["hygiene_order"], rules["min_job_hours"]) == (4, False, 16.0)
    assert "Arbeidstijdenwet" in at.number_input(key="rule_min_rest_hours").help


def test_old_rules_button_turns_rules_8_to_13_off_and_the_page_shows_it():
    """The button applies the contract's relaxed settings; after a page switch the widgets show them."""
    at = start()
    at.switch_page("app_pages/rules.py").run()
    at.button(key="relaxed_rules").click().run()
    assert not at.exception
    rules = at.session_state["tables"].rules
    assert {k: rules[k] for k in RELAXED_RULES} == RELAXED_RULES and rules["min_job_hours"] == 20.0
    at.switch_page("app_pages/tasks.py").run()
    at.switch_page("app_pages/rules.py").run()
    assert at.number_input(key="rule_max_work_days").value == 7
    assert at.checkbox(key="rule_spread_flexible_slots").value is False


def test_tasks_page_notes_a_task_no_job_can_hold_and_has_a_hygiene_column():
    """The kick-off's 8-hour guard shift is a warning on its row, the file still counts as fine; hygiene is a choice."""
    at = open_workbench()
    assert "131 taken" in at.success[0].value
    assert any(w.value.startswith("Rij 53 (T053): deze taak past in geen enkele baan") and "40 u per week" in w.value
               for w in at.warning)
    hygiene = json.loads(at.dataframe[0].proto.columns)["hygiene"]
    assert hygiene["label"] == "hygiëne"
    assert hygiene["type_config"]["options"] == [{"value": "dirty", "label": "vuil"}, {"value": "clean", "label": "schoon"},
                                                 {"value": "food", "label": "eten"},
                                                 {"value": "patient", "label": "patiënt"}]


def test_solve_then_schedules_show_kpis_and_a_timetable():
    """Solving the tutorial gives a valid plan; the Schedules page shows KPIs, a chart and the left-overs."""
    at = start()
    solve_now(at)
    plan, task_file = at.session_state["plan"], at.session_state["plan_file"]
    assert check_plan(task_file, plan) == []
    assert any("Klaar: 4 banen" in s.value for s in at.success)
    at.switch_page("app_pages/schedules.py").run()
    assert not at.exception
    assert [m.value for m in at.metric][:1] == ["4"]
    assert at.selectbox(key="job_choice").options
    assert len(at.get("vega_lite_chart")) == 2  # the weekly timetable and the site plan (no map tiles)
    assert not at.get("deck_gl_json_chart")
    assert "Niet ingedeeld (2)" in [h.value for h in at.subheader]


def test_reject_a_job_and_replan_drops_the_pairing():
    """A supplier rejects its job; after re-planning no job pairs those tasks again."""
    at = start()
    solve_now(at)
    plan = at.session_state["plan"]
    job = next(j for j in plan.jobs if len(j.suppliers) == 2)
    supplier = job.suppliers[0]
    at.switch_page("app_pages/supplier.py").run()
    at.selectbox(key="supplier_choice").set_value(supplier).run()
    at.radio(key=f"decide_{job.id}_{supplier}").set_value("reject").run()
    at.button(key="replan").click().run()
    deadline = time.monotonic() + 120
    while not at.session_state["solve"].done and time.monotonic() < deadline:
        time.sleep(0.3)
    at.run()
    new_plan, new_file = at.session_state["plan"], at.session_state["plan_file"]
    assert new_plan is not plan and check_plan(new_file, new_plan) == []
    supplier_of = {t.id: t.supplier for t in new_file.tasks}
    mine = [t for t in job.tasks if supplier_of[t] == supplier]
    others = [t for t in job.tasks if supplier_of[t] != supplier]
    assert not any(set(j.tasks) & set(mine) and set(j.tasks) & set(others) for j in new_plan.jobs)


def test_whatif_runs_variants_side_by_side():
    """Four default variants give a row each with jobs and bound."""
    at = start()
    at.switch_page("app_pages/whatif.py").run()
    at.slider(key="whatif_seconds").set_value(2).run()
    outcomes = run_whatif(at)
    assert [o.variant.label for o in outcomes][:3] == ["min 16 u", "min 20 u", "min 24 u"]
    assert outcomes[0].plan.kpis.jobs >= outcomes[2].plan.kpis.jobs
    assert len(at.dataframe) == 2  # the variants editor and the results table


def test_whatif_preset_adds_a_row_that_becomes_the_old_rules():
    """Adding the 'oude regels' preset keeps the edited rows and gives a variant with the contract's relaxed rules."""
    at = start()
    at.switch_page("app_pages/whatif.py").run()
    at.selectbox(key="whatif_preset").set_value("oude regels").run()
    at.button(key="whatif_add").click().run()
    rows = at.session_state["whatif_table"].to_dict("records")
    assert [r["label"] for r in rows] == [*list(PRESETS)[:4], "oude regels"]
    assert variant_from_row(rows[-1], 5).rules == RELAXED_RULES
    headers = json.loads(at.dataframe[0].proto.columns)
    assert headers["max_work_days"]["label"] == "Max. werkdagen" and headers["hygiene_order"]["label"] == "Hygiënevolgorde"


def test_exports_page_offers_plan_and_supplier_downloads():
    """After a solve the Exports page renders without error (downloads are built from the plan)."""
    at = start()
    solve_now(at)
    at.switch_page("app_pages/exports.py").run()
    assert not at.exception
    assert at.title[0].value == "Exporteren"

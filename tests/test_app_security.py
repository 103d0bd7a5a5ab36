"""Secure by default: the manager's view needs a key, links show no internals, user text stays text."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest
from test_app import open_workbench, solve_now, start
from workspace_factory import tutorial

from bundler.store import open_store
from bundler.store.access import issue_links
from bundler.store.db import data_dir
from bundler.ui import manager_key

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
LOCKED = "Werkbank van de facilitair manager"


def visitor(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def shown_text(at: AppTest) -> str:
    """Everything a person reads on the page, in one string."""
    parts = [e.value for kind in ("title", "markdown", "caption", "error", "warning", "info", "success")
             for e in getattr(at, kind)]
    return "\n".join([*map(str, parts), *(str(e.value) for e in at.exception)])


def test_first_start_without_a_key_makes_one_prints_it_once_and_opens_nothing(monkeypatch, capsys):
    """No BUNDLER_MANAGER_KEY: a visitor gets the key page; the key is made 0600 and printed once with its URL."""
    monkeypatch.delenv("BUNDLER_MANAGER_KEY")
    at = visitor()
    assert at.title[0].value == LOCKED and not at.dataframe and not at.exception
    key_file = data_dir() / "manager.key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    key = key_file.read_text().strip()
    assert len(key) >= 32
    assert f"http://127.0.0.1:8501/?key={key}" in capsys.readouterr().out
    opened = visitor(key=key)
    assert opened.title[0].value == "Taken van de leveranciers"
    assert "key" not in opened.query_params, "the key leaves the address bar"
    assert key not in capsys.readouterr().out, "shown only at its first start"
    assert visitor(key="not-the-key").title[0].value == LOCKED


def test_a_wrong_key_waits_and_the_right_one_does_not(monkeypatch):
    """Each wrong key costs WRONG_KEY_DELAY before it is refused; the right key then opens the workbench."""
    monkeypatch.setattr(manager_key, "WRONG_KEY_DELAY", 0.5)
    at = visitor()
    began = time.monotonic()
    at.text_input(key="manager_key").set_value("raden-1").run()
    assert time.monotonic() - began >= 0.5
    assert at.error[0].value == "Onjuiste sleutel." and at.title[0].value == LOCKED
    at.text_input(key="manager_key").set_value("test-manager-key").run()
    assert at.title[0].value == "Taken van de leveranciers"


def test_the_server_listens_on_this_machine_only_by_default():
    """The shipped Streamlit config binds 127.0.0.1 and opens no browser (the printed URL carries the key)."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1" and config["server"]["headless"] is True


@pytest.fixture
def workspace_with_links():
    """A workspace with the tutorial solved, its links by supplier id (and 'hr'), and its repository."""
    from bundler.engine import SolveConfig, solve
    from bundler.validation import parse_task_file

    repo = open_store()
    data = tutorial()
    data["suppliers"][0]["name"] = "![pixel](https://tracker.example/p.png) [Inloggen](https://phish.example)"
    workspace = repo.create_workspace("Kick-off", data, by="Fatima")
    plan = repo.save_plan(workspace.id, 1, solve(parse_task_file(data), SolveConfig(time_limit=5, workers=1)),
                          by="Fatima")
    tokens = {(i.link.supplier or "hr"): i.token for i in issue_links(repo, workspace.id)}
    yield repo, plan, tokens
    repo.engine.dispose()


def test_a_supplier_name_with_markdown_shows_as_text(workspace_with_links):
    """The supplier's own page title holds the name with every image and link opener escaped."""
    _, _, tokens = workspace_with_links
    page = visitor(token=tokens["asito"])
    title = page.title[0].value
    assert "![" not in title and "](" not in title.replace("\\](", "") and "\\!\\[pixel\\]" in title


def test_a_broken_plan_gives_links_a_plain_message_and_no_traceback(workspace_with_links):
    """A stored plan that is no plan any more: HR and suppliers see a plain sentence, never the error or a path."""
    repo, plan, tokens = workspace_with_links
    with repo.engine.begin() as conn:
        conn.execute(sa.text("UPDATE plans SET content = :c WHERE id = :i"),
                     {"c": '{"status": "OPTIMAL", "jobs": [{"id": 5}]}', "i": plan.id})
    for who in ("hr", "asito"):
        page = visitor(token=tokens[who])
        text = shown_text(page)
        assert not page.exception, text
        assert "Traceback" not in text and "validation error" not in text and "/" not in "".join(
            e.value for e in page.error)
        assert page.error or page.warning


def test_hr_drafts_keep_their_history_and_a_stale_save_is_refused(workspace_with_links):
    """Two HR people edit one draft: the later save, started before the other's, is refused; nothing is lost."""
    repo, plan, tokens = workspace_with_links
    job = plan.plan.jobs[0].id
    anna, bas = visitor(token=tokens["hr"]), visitor(token=tokens["hr"])
    anna.text_area(key=f"vacancy_text_{job}").set_value("Tekst van Anna").run()
    bas.text_area(key=f"vacancy_text_{job}").set_value("Tekst van Bas").run()
    anna.button(key=f"vacancy_save_{job}").click().run()
    bas.button(key=f"vacancy_save_{job}").click().run()
    assert any("Niet bewaard" in e.value for e in bas.error)
    assert [d.content for d in repo.vacancy_history(plan.id, job)] == ["Tekst van Anna"]
    bas.button(key=f"vacancy_save_{job}").click().run()
    assert [d.content for d in repo.vacancy_history(plan.id, job)] == ["Tekst van Anna", "Tekst van Bas"]


def test_an_unknown_task_in_the_plan_does_not_crash_the_supplier_page():
    """The manager's supplier page with a plan naming a task the file lacks warns and shows the rest."""
    at = start()
    solve_now(at)
    plan = at.session_state["plan"]
    job = plan.jobs[0].model_copy(update={"tasks": [*plan.jobs[0].tasks, "T99"]})
    at.session_state["plan"] = plan.model_copy(update={"jobs": [job, *plan.jobs[1:]]})
    at.switch_page("app_pages/supplier.py").run()
    assert not at.exception
    assert any("T99" in w.value for w in at.warning)
    assert at.expander


def test_the_workbench_opens_with_the_key_in_the_url():
    """The helper every app test uses: the README's URL with ?key= opens the manager's view."""
    assert open_workbench().title[0].value == "Taken van de leveranciers"

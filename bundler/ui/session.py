"""What the workbench keeps per browser session, in one place.

Everything a person typed lives in `Tables` under one key, outside any widget, so a
rerun or a page switch (which drops widget state) never loses it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import streamlit as st

from bundler.problems_nl import problem_text
from bundler.tables import Tables, check_tables, to_tables

DATA = Path(__file__).resolve().parents[2] / "data"
EXAMPLES = {"uu_kickoff": DATA / "uu_kickoff.json", "tutorial": DATA / "tutorial.json"}
DEFAULTS: dict[str, Any] = {
    "lang": "nl", "time_limit": 20.0, "plan": None, "plan_file": None, "solve": None, "decisions": {},
    "whatif": None, "tables_version": 0,
}


def init() -> None:
    for key, value in DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = value.copy() if isinstance(value, dict) else value
    if "tables" not in st.session_state:
        load_example("uu_kickoff")


def tr(nl: str, en: str) -> str:
    """The Dutch text by default, the English one after the language switch."""
    return en if st.session_state.get("lang") == "en" else nl


def problem(message: str) -> str:
    """A validation or import problem line in the reader's language (`bundler.problems_nl`)."""
    return problem_text(message, st.session_state.get("lang", "nl"))


def tables() -> Tables:
    return st.session_state["tables"]


def set_tables(new: Tables) -> None:
    """Replace the whole data set (load, import, re-plan): editors start afresh from it."""
    st.session_state["tables"] = new
    st.session_state["tables_version"] += 1
    st.session_state.pop("check", None)


def load_example(name: str) -> None:
    set_tables(to_tables(json.loads(EXAMPLES[name].read_text(encoding="utf-8"))))


def start_empty() -> None:
    set_tables(Tables(name="Nieuwe kick-off"))


def current_check():
    """The validation of the current tables, cached until they change."""
    cached = st.session_state.get("check")
    if cached is None or cached[0] is not tables() or cached[1] != _fingerprint():
        st.session_state["check"] = (tables(), _fingerprint(), check_tables(tables()))
    return st.session_state["check"][2]


def _fingerprint() -> str:
    t = tables()
    return json.dumps([t.rows, t.rules, t.incompatible, t.pinned, t.name], sort_keys=True, default=str)

"""Plain Dutch in the Dutch view: no English word, code or status word on any page a facility manager opens.

The text a person sees is gathered from every element AppTest knows (titles, messages,
labels, options, metrics, table headers and cells). Names and titles from the task
file are the kick-off's own words and are left out; everything else must be Dutch.
"""

from __future__ import annotations

import json
import re

from test_app import run_whatif, solve_now, start

ENGLISH = {
    "the", "and", "with", "without", "to", "from", "job", "jobs", "task", "tasks", "hours", "hour", "day",
    "days", "supplier", "suppliers", "left", "reason", "title", "employer", "found", "best", "bound", "upper",
    "proven", "limit", "time", "travel", "location", "schedule", "skills", "skill", "rule", "rules", "break",
    "none", "feasible", "optimal", "infeasible", "unknown", "yes", "no", "not", "than", "more", "less", "cannot",
    "every", "each", "only", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "low", "medium", "high", "dirty",
    "clean", "food", "patient", "variant", "done", "solve", "solved", "workers", "seed", "at", "most", "least",
    "wait", "minutes", "fits", "fit", "would", "but", "then", "becomes", "its", "it", "is", "a", "an",
    "objective", "cover", "hygiene", "changeover", "weekly", "daily", "rest", "overlap", "unassigned", "accept",
    "reject", "decision", "decisions", "open", "plan", "status", "min", "max", "week",
}
"""English words that are no Dutch words as well are what the test looks for; the rest of the list are
Dutch too (in, plan, week, status, min, max, open, rest, variant...) and are taken out below."""
DUTCH_TOO = {"in", "plan", "week", "status", "min", "max", "open", "rest", "variant", "is", "a", "cover", "at", "best",
             "fit"}
WORD = re.compile(r"[A-Za-z]+")


def _user_words(at) -> set[str]:
    """Words of the kick-off's own names and titles: the file's language, not the workbench's."""
    tables = at.session_state["tables"]
    text = [tables.name]
    for section, rows in tables.rows.items():
        for row in rows:
            text += [str(row.get(k) or "") for k in ("id", "name", "title", "label", "site", "sector", "cao",
                                                      "location", "supplier", "skills")]
    return {w.lower() for t in text for w in WORD.findall(t)}


def visible_text(at) -> list[str]:
    """Everything on the page a person reads, one string per element."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "success", "info", "warning", "error",
                 "text"):
        out += [str(e.value) for e in getattr(at, kind)]
    for kind in ("button", "checkbox", "toggle", "text_input", "number_input", "slider", "text_area",
                 "file_uploader", "download_button", "page_link"):
        try:
            out += [str(e.label) for e in at.get(kind) if getattr(e, "label", None)]
        except Exception:
            continue
    for kind in ("selectbox", "radio", "multiselect"):
        for e in getattr(at, kind):
            out += [str(e.label), *[str(o) for o in e.options]]
    for metric in at.metric:
        out += [str(metric.label), str(metric.value)]
    for expander in at.expander:
        out.append(str(expander.label))
    for tab in at.tabs:
        out.append(str(tab.label))
    for frame in at.dataframe:
        value = frame.value
        config = json.loads(frame.proto.columns or "{}")  # headers as shown: a column's label, when it has one
        out += [str((config.get(str(c)) or {}).get("label") or c) for c in value.columns]
        for column in value.columns:
            if value[column].dtype == object:
                out += [str(v) for v in value[column].dropna()]
    return out


def english_words(at) -> dict[str, str]:
    """English words on the page (word: the text it stands in), names and titles from the file aside."""
    own = _user_words(at)
    found = {}
    for text in visible_text(at):
        for word in WORD.findall(text):
            low = word.lower()
            if low in ENGLISH and low not in DUTCH_TOO and low not in own:
                found.setdefault(low, text[:120])
    return found


PAGES = ["tasks", "rules", "solve", "schedules", "supplier", "whatif", "exports", "workspace"]


def test_every_page_of_the_dutch_view_is_in_dutch():
    """After a solve, each page and the what-if results: no English word visible anywhere."""
    at = start()
    solve_now(at)
    at.switch_page("app_pages/whatif.py").run()
    at.slider(key="whatif_seconds").set_value(2).run()
    run_whatif(at)
    problems = {}
    for page in PAGES:
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, (page, at.exception)
        found = english_words(at)
        if found:
            problems[page] = found
    assert not problems, "\n".join(f"{p}: {w!r} in {t!r}" for p, f in problems.items() for w, t in f.items())


def test_the_check_finds_english_when_there_is_some():
    """The test itself: the English view is caught by the same word list."""
    at = start()
    at.sidebar.radio[0].set_value("en").run()
    assert {"tasks", "the"} & set(english_words(at))

"""Problem messages in plain Dutch for the workbench (`bundler.problems_nl`), English unchanged for the CLI.

The messages are real ones: bad task files through `parse_task_file`, bad tables through
`check_tables`, bad uploads through the import, made the way the validation, table,
task-sheet and hostile-input tests make them. Each must come out Dutch, naming the same
task, slot and field, without a word from the English list of test_app_dutch. Text in
quotes or backticks is left out of that check: it is what the file holds or a person
typed (`asitoo`, 'mo'); so are the column names a sheet must use (location, slots).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from test_app import start
from test_app_dutch import DUTCH_TOO, ENGLISH, WORD

from bundler.io.task_sheets import TASK_COLUMNS
from bundler.problems_nl import problem_text, to_dutch
from bundler.tables import check_tables, to_tables
from bundler.ui.importing import import_file
from bundler.validation import InputError, parse_task_file, placement_notes

DATA = Path(__file__).resolve().parents[1] / "data"
TUTORIAL = json.loads((DATA / "tutorial.json").read_text(encoding="utf-8"))
QUOTED = re.compile(r"`[^`]*`|'[^']*'")


def _file_problems(change) -> list[str]:
    data = copy.deepcopy(TUTORIAL)
    change(data)
    with pytest.raises(InputError) as caught:
        parse_task_file(data)
    return caught.value.problems


def _set(path: str, value):
    """A change that sets data[a][b]... = value, e.g. _set('tasks.0.slots.1.end', '06:00')."""
    def change(data):
        *keys, last = [int(k) if k.isdigit() else k for k in path.split(".")]
        target = data
        for key in keys:
            target = target[key]
        target[last] = value
    return change


FILE_CHANGES = {
    "unknown supplier": _set("tasks.3.supplier", "asitoo"),
    "unknown location": _set("tasks.0.location", "edux"),
    "unknown skill": _set("tasks.0.skills", ["cleaning-basik"]),
    "unknown task in a pair": _set("incompatible", [["T06", "T0X"]]),
    "pair with itself": _set("incompatible", [["T06", "T06"]]),
    "duplicate id": lambda d: d["suppliers"].append(dict(d["suppliers"][0])),
    "end before start": _set("tasks.0.slots.1.end", "06:00"),
    "time out of range": _set("tasks.0.slots.0.start", "06:60"),
    "time not HH:MM": _set("tasks.0.slots.0.start", "7:00"),
    "unknown day": _set("tasks.0.slots.0.day", "mo"),
    "slot of neither kind": _set("tasks.0.slots.0", {"day": "mon"}),
    "short window": _set("tasks.0.slots.0", {"days": ["sat"], "earliest": "08:00", "latest": "09:00", "minutes": 90}),
    "spread on a fixed day": _set("tasks.0.slots.4", {"days": ["mon"], "earliest": "12:00", "latest": "16:00",
                                                      "minutes": 60}),
    "spread over too few days": lambda d: d["tasks"][0]["slots"].extend(
        [{"days": ["sat"], "earliest": "08:00", "latest": "16:00", "minutes": 60}] * 2),
    "hygiene value": _set("tasks.1.hygiene", "vies"),
    "screening value": _set("tasks.1.pace", "hoog"),
    "no slots": _set("tasks.1.slots", []),
    "missing id": lambda d: d["tasks"][1].pop("id"),
    "blank id": _set("tasks.1.id", " "),
    "control character in an id": _set("suppliers.0.id", "asi\x1bto"),
    "text-direction control": _set("locations.0.id", "edu\u202e"),
    "control character in a name": _set("suppliers.0.name", "\x1bAsito"),
    "number as text": _set("tasks.0.slots.0", {"days": ["sat"], "earliest": "08:00", "latest": "16:00",
                                               "minutes": "240"}),
    "boolean as a number": _set("tasks.0.slots.0", {"days": ["sat"], "earliest": "08:00", "latest": "16:00",
                                                    "minutes": True}),
    "infinite travel": _set("travel.0.minutes", float("inf")),
    "negative travel": _set("travel.0.minutes", -5),
    "latitude": _set("locations.0.lat", 520868),
    "rule above its maximum": _set("rules.max_work_days", 8),
    "rule below its minimum": _set("rules.start_step_minutes", 0),
    "rule not above zero": _set("rules.break_after_hours", 0),
    "rule as text": _set("rules.max_job_hours", "36"),
    "rule not finite": _set("rules.min_day_hours", float("nan")),
    "rule with a fraction": _set("rules.max_work_days", 4.5),
    "yes as a boolean": _set("rules.hygiene_order", "yes"),
    "unknown objective": _set("rules.objective", "fastest"),
    "minimum above maximum": lambda d: d["rules"].update(min_job_hours=30, max_job_hours=24),
    "wrong format": _set("format", "bundler-tasks/9"),
    "no tasks": _set("tasks", []),
    "unknown pinned task": _set("pinned", [{"id": "J01", "tasks": ["T01", "T0X"]}]),
    "task pinned twice": _set("pinned", [{"id": "J01", "tasks": ["T01"]}, {"id": "J02", "tasks": ["T01"]}]),
    "pinned job too short": _set("pinned", [{"id": "J01", "tasks": ["T01"]}]),
    "a task that is no record": _set("tasks.1", "T02"),
    "a format that is null": _set("format", None),
    "nested too deep": _set("name", [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]),
}

TABLE_CHANGES = {
    "unknown day in a slot text": ("tasks", 3, "slots", "mo 07:00-09:00"),
    "unreadable slot text": ("tasks", 3, "slots", "ma 7-10"),
    "backwards day range": ("tasks", 3, "slots", "vr-ma 10:00-12:00"),
    "time past 24:00": ("tasks", 3, "slots", "ma 10:00-25:00"),
    "unreadable duration": ("tasks", 3, "slots", "ma 07:00-09:00 1.2.3u flexibel"),
    "zero duration": ("tasks", 3, "slots", "ma 08:00-10:00 0u flex"),
    "empty slot text": ("tasks", 3, "slots", None),
    "unknown supplier in the table": ("tasks", 5, "supplier", "asitoo"),
    "hygiene typed in Dutch": ("tasks", 0, "hygiene", "vies"),
}

UPLOADS = {
    "empty CSV": (b"", "taken.csv"),
    "CSV without columns": (b"id,title\nT1,x\n", "taken.csv"),
    "CSV with an empty cell": (b"id,supplier,title,location,skills,slots\nT1,asito,x,,,ma 07:00-09:00\n", "taken.csv"),
    "CSV not UTF-8": (b"id,supplier\n\xff\xfe", "taken.csv"),
    "not a workbook": (b"not a zip", "kick-off.xlsx"),
    "broken JSON": (b'{"tasks": }', "kick-off.json"),
    "JSON list": (b"[]", "kick-off.json"),
    "plan file": (b'{"format": "bundler-plan/1"}', "kick-off.json"),
    "other file type": (b"x", "kick-off.pdf"),
}


def _slots(days, start, end):
    return [{"day": d, "start": start, "end": end} for d in days]


NOTE_CHANGES = {  # tasks no job can hold: notes beside the row, not errors
    "no pause": _set("tasks.0.slots", _slots(["mon"], "07:00", "14:00")),
    "too many days": _set("tasks.0.slots", _slots(["mon", "tue", "wed", "thu", "fri", "sat"], "07:00", "10:00")),
    "short rest": _set("tasks.0.slots", _slots(["mon"], "20:00", "23:00") + _slots(["tue"], "05:00", "08:00")),
    "no weekly rest": lambda d: d.update(rules={**d["rules"], "max_work_days": 7}) or _set(
        "tasks.0.slots", _slots(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "03:00", "06:00"))(d),
}


def _notes(change) -> list[str]:
    data = copy.deepcopy(TUTORIAL)
    change(data)
    return placement_notes(parse_task_file(data))


def _table_problems(section, row, column, value) -> list[str]:
    tables = to_tables(copy.deepcopy(TUTORIAL))
    tables.rows[section][row][column] = value
    return check_tables(tables).problems


def _upload_refusals(content, name):
    _, report = import_file(to_tables(copy.deepcopy(TUTORIAL)), content, name, replace=False)
    return [(r.nl, r.en) for r in report.refused]


def _english(text: str) -> set[str]:
    unquoted = QUOTED.sub(" ", text)
    found = {w.lower() for w in WORD.findall(unquoted)} & ENGLISH - DUTCH_TOO
    return found - set(TASK_COLUMNS) if "kolom" in text else found  # a sheet's column names are its headers


MESSAGES = sorted({m for change in FILE_CHANGES.values() for m in _file_problems(change)}
                  | {m for args in TABLE_CHANGES.values() for m in _table_problems(*args)}
                  | {en for args in UPLOADS.values() for _, en in _upload_refusals(*args)}
                  | {m for change in NOTE_CHANGES.values() for m in _notes(change)})


def test_the_bad_inputs_give_many_kinds_of_problem():
    """The corpus itself: each bad input gives a problem of its own, so the test below sees them all."""
    assert len(MESSAGES) >= len(FILE_CHANGES) + len(TABLE_CHANGES)
    for change in NOTE_CHANGES.values():
        assert _notes(change)


@pytest.mark.parametrize("message", MESSAGES)
def test_every_problem_has_a_dutch_form(message):
    dutch = to_dutch(message)
    assert dutch != message, f"no Dutch pattern for: {message}"
    assert not _english(dutch), (_english(dutch), dutch)
    typed = [m[1] or m[0] for m in re.finditer(r"`[^`]*`|\(got ([^\[].*)\)$", message)]  # names, typed values
    for quoted in typed:
        assert quoted in dutch


@pytest.mark.parametrize("name", sorted(UPLOADS))
def test_a_refused_upload_is_reported_in_dutch(name):
    """The import report's Dutch line of a whole-file refusal, English unchanged."""
    refusals = _upload_refusals(*UPLOADS[name])
    assert refusals
    for nl, en in refusals:
        assert nl != en and not _english(nl), nl


@pytest.mark.parametrize(("english", "dutch"), [
    ("task T017, slot 2: end 09:00 is not after start 10:00", "taak T017, tijdvak 2: eind 09:00 ligt niet na begin 10:00"),
    ("task T004: unknown supplier `asitoo` - did you mean `asito`?",
     "taak T004: onbekende leverancier `asitoo` - bedoel je `asito`?"),
    ("task T04, slots: 'mo 07:00-09:00': unknown day 'mo' (use ma di wo do vr za zo)",
     "taak T04, tijden: 'mo 07:00-09:00': onbekende dag 'mo' (gebruik ma di wo do vr za zo)"),
    ("task T001, slot 1, field start: time '7:00' is not HH:MM (24-hour, e.g. 07:30)",
     "taak T001, tijdvak 1, veld begin: tijd '7:00' is geen tijd als UU:MM (24 uur, bijvoorbeeld 07:30)"),
    ("travel edge 2 (edu - nowhere): unknown location `nowhere`", "reistijd 2 (edu - nowhere): onbekende locatie `nowhere`"),
    ("rules: min_job_hours 30 is more than max_job_hours 24",
     "regels: minimaal uren per week (30) is meer dan maximaal uren per week (24)"),
    ("taken.xlsx, sheet asito, row 2: column slots is empty", "taken.xlsx, blad asito, rij 2: kolom slots is leeg"),
    ("file: 60,000 tasks, more than the 20,000 a file can hold; split it into regions or sites",
     "bestand: 60.000 taken, meer dan de 20.000 die in een bestand passen; verdeel het over regio's of terreinen"),
])
def test_the_dutch_names_the_same_place(english, dutch):
    assert to_dutch(english) == dutch


def test_an_unknown_message_stays_english_as_a_whole():
    """Never half Dutch: a line no pattern knows is shown as the code wrote it."""
    for message in ("task T01: something new went wrong", "something new", "task T01, slot 2: end is odd",
                    "nobody knows: this"):
        assert to_dutch(message) == message


def test_the_english_view_and_the_cli_keep_the_english():
    message = "task T002, slot 2: end 09:00 is not after start 10:00"
    assert problem_text(message, "en") == message
    assert _file_problems(FILE_CHANGES["end before start"]) == ["task T01, slot 2: end 06:00 is not after start 07:00"]


def test_a_bad_row_on_the_tasks_page_speaks_the_readers_language():
    """AppTest: an unknown supplier on a task row is Dutch in the Dutch view and English after the switch."""
    at = start()
    at.session_state["tables"].rows["tasks"][3]["supplier"] = "asitoo"
    at.session_state["tables_version"] += 1  # the editors start afresh from the tables, as after an import
    at.run()
    shown = [str(e.value) for e in at.error]
    assert any("onbekende leverancier" in s and "bedoel je" in s and s.startswith("Rij 4") for s in shown), shown
    assert not any("unknown" in s for s in shown), shown
    at.sidebar.radio[0].set_value("en").run()
    shown = [str(e.value) for e in at.error]
    assert any("unknown supplier" in s and "did you mean" in s and s.startswith("Row 4") for s in shown), shown


def test_contradicting_rules_on_the_rules_page_say_which_in_dutch():
    """The Rules page names both rules in words, not pydantic's help link."""
    at = start()
    at.switch_page("app_pages/rules.py").run()
    at.number_input(key="rule_max_job_hours").set_value(24.0).run()
    at.number_input(key="rule_min_job_hours").set_value(30.0).run()
    shown = [str(e.value) for e in at.error]
    assert any("minimaal uren per week (30) is meer dan maximaal uren per week (24)" in s for s in shown), shown
    assert not any("pydantic" in s for s in shown)

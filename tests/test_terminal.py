"""Names from files and the database reach the terminal as visible escapes, never as control characters."""

from __future__ import annotations

from workspace_factory import tutorial

from bundler.cli import main
from bundler.store import open_store
from bundler.terminal import terminal_safe


def test_control_and_direction_characters_become_visible_escapes():
    """ANSI escapes, a carriage return, a bell, a right-to-left override and a lone surrogate are written out."""
    assert terminal_safe("Asito\x1b[2J\r\x07 \u202eevil \ud800") == "Asito\\x1b[2J\\x0d\\x07 \\u202eevil \\ud800"
    assert terminal_safe("Caf\u00e9 · 07:00\tT01\n") == "Caf\u00e9 · 07:00\tT01\n"


def test_a_name_stored_in_the_database_is_printed_escaped(capsys):
    """Someone typed an escape sequence as their name in the workbench; `workspace history` shows it inert."""
    repo = open_store()
    try:
        workspace = repo.create_workspace("Kick-off \x1b]0;pwned\x07", tutorial(), by="Eve\x1b[2J\x1b[H")
    finally:
        repo.engine.dispose()
    assert main(["workspace", "history", workspace.id]) == 0
    assert main(["workspace", "list"]) == 0
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "Eve\\x1b[2J\\x1b[H" in out and "Kick-off \\x1b]0;pwned\\x07" in out

"""User text shown in Markdown renders literally: no image is fetched, no link, heading or formula appears.

CommonMark shows a backslash-escaped ASCII punctuation character as that character and
never as markup. So the proof needs no renderer: every character that could open a
construct comes out escaped, and taking the escapes away gives the name back.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bundler.ui.text import md

OPENERS = set("\\`*_[]<>!~$|@")
"""Images and links ([, !), HTML and autolinks (<), code, emphasis, strikethrough, Streamlit's LaTeX ($), tables,
e-mail autolinks (@)."""


def unescaped(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def bare(text: str) -> str:
    """The characters not escaped by a backslash."""
    return re.sub(r"\\[!-/:-@\[-`{-~]", "", text)


@pytest.mark.parametrize("name", [
    "![pixel](https://tracker.example/p.png)", "[Inloggen](https://phish.example)", "<img src=https://x.example/a>",
    "https://phish.example/login", "WWW.phish.example", "mail@phish.example", "**vet** _schuin_ ~~weg~~ `code`",
    "$x^2$", "| a | b |", ":red[rood]",
])
def test_markup_in_a_name_is_escaped_character_by_character(name):
    """No opener, `://` or `www.` is left bare; unescaping gives the name back exactly."""
    shown = md(name)
    assert not OPENERS & set(bare(shown))
    assert "://" not in bare(shown) and "www." not in bare(shown).lower()
    assert unescaped(shown) == name


@pytest.mark.parametrize("name, start", [("# Kop", "\\#"), ("- lijst", "\\-"), ("+ lijst", "\\+"), ("1. lijst", "1\\."),
                                         ("> citaat", "\\>"), ("=== ", "\\=")])
def test_a_name_never_starts_a_block(name, start):
    """A heading, list, quote or rule marker at the start is escaped."""
    assert md(name).startswith(start) and unescaped(md(name)) == name


@given(st.text())
def test_any_text_comes_back_unchanged_on_one_line(text):
    """Escaping loses nothing but line breaks (shown as spaces), and leaves no opener bare."""
    shown = md(text)
    assert "\n" not in shown and "\r" not in shown
    assert not OPENERS & set(bare(shown))
    assert unescaped(shown) == " ".join(text.splitlines())


def test_ordinary_names_are_left_readable():
    """Names without markup come out as they went in."""
    assert [md(n) for n in ("Asito", "Sodexo / Eurest (B.V.)", "Kick-off UU", "Café 't Hoekje")] == \
        ["Asito", "Sodexo / Eurest (B.V.)", "Kick-off UU", "Café 't Hoekje"]

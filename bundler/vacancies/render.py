"""Vacancy text from jinja2 templates: the Markdown document and the wording of each part.

All sentences live in `templates/<lang>/wording.j2` (one file per language, plain
text, B1 for Dutch) so that a recruiter or translator edits words in one place and the
Markdown, DOCX and JSON-LD outputs stay the same. `templates/vacancy.md.j2` only lays
the parts out as Markdown.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from bundler.domain import DAYS
from bundler.vacancies.draft import Draft


def _capitalize_first(text: Any) -> str:
    """'toiletten schoonmaken' -> 'Toiletten schoonmaken'; unlike `capitalize`, keeps 'HACCP'."""
    text = str(text).strip()
    return text[:1].upper() + text[1:]


def _oneline(text: Any) -> str:
    """A macro's text on one line: templates may wrap, a paragraph may not."""
    return " ".join(str(text).split())


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("bundler.vacancies", "templates"), autoescape=False,
                      undefined=StrictUndefined, extensions=["jinja2.ext.do"], keep_trailing_newline=True)
    env.filters["capitalize_first"] = _capitalize_first
    env.filters["oneline"] = _oneline
    env.globals["day_count"] = lambda first, last: DAYS.index(last) - DAYS.index(first) + 1
    return env


def wording(lang: str):
    """The wording module of a language: its macros (title, intro, ...) and labels (headings, day_names)."""
    return environment().get_template(f"{lang}/wording.j2").module


def say(draft: Draft, part: str, *args: Any) -> str:
    """One part of the draft's wording as plain one-line text, e.g. say(d, "intro", d)."""
    return _oneline(getattr(wording(draft.lang), part)(*args))


def markdown(draft: Draft) -> str:
    """The vacancy as a Markdown document."""
    text = environment().get_template("vacancy.md.j2").render(d=draft, w=wording(draft.lang))
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"

"""Field types that refuse what JSON lets through but no task file means.

Pydantic on its own reads `"240"` and `true` as numbers, `Infinity` and `1e400` as
floats, and takes any string as an id. Each of those later crashes the solver, slips
past the checker or reaches a terminal or a file name, so the contract's fields use
these types instead: a number is a JSON number (not text, not a boolean) and finite,
an id is printable text, free text holds no control characters or broken Unicode.
"""

from __future__ import annotations

import numbers
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, Strict

from bundler.limits import MAX_ID_LENGTH, MAX_TEXT_LENGTH

_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Characters that reorder the text around them: they make one id look like another."""


def _shown(value: Any) -> str:
    text = "true" if value is True else "false" if value is False else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _number(value: Any) -> Any:
    """A JSON number only: text such as '240' and the booleans true/false are refused, not converted."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        kind = "text" if isinstance(value, str) else "a boolean" if isinstance(value, bool) else type(value).__name__
        raise ValueError(f"must be a number, not {kind} {_shown(value)}")
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"must be a finite number, not {_shown(value)}")
    return value


def bad_character(text: str) -> str | None:
    """The first character a text field must not hold, described; None when the text is clean.

    Control characters (ANSI escapes, NUL, line breaks), lone surrogates (no valid
    Unicode: they crash every writer) and bidirectional controls are refused.
    """
    for position, char in enumerate(text, start=1):
        category = unicodedata.category(char)
        if category == "Cs":
            return f"broken Unicode (a lone surrogate U+{ord(char):04X}) at character {position}"
        if category == "Cc":
            return f"a control character (U+{ord(char):04X}) at character {position}"
        if char in _BIDI_CONTROLS:
            return f"a text-direction control (U+{ord(char):04X}) at character {position}"
    return None


def _id(value: Any) -> Any:
    if not isinstance(value, str):
        return value  # the str type says what is wrong
    if not value.strip():
        raise ValueError("an id cannot be blank")
    if value != value.strip():
        raise ValueError(f"id {value.strip()!r} has spaces at its start or end")
    if len(value) > MAX_ID_LENGTH:
        raise ValueError(f"an id has at most {MAX_ID_LENGTH} characters, this one {len(value)}")
    problem = bad_character(value) or next((f"an unprintable character (U+{ord(c):04X})"
                                            for c in value if not c.isprintable()), None)
    if problem:
        raise ValueError(f"an id holds {problem}; use letters, digits and punctuation")
    return value


def _text(value: str) -> str:
    if len(value) > MAX_TEXT_LENGTH:
        raise ValueError(f"a text has at most {MAX_TEXT_LENGTH} characters, this one {len(value)}")
    problem = bad_character(value)
    if problem:
        raise ValueError(f"holds {problem}")
    return value


Id = Annotated[str, Strict(), BeforeValidator(_id)]
"""A printable, non-blank id without surrounding spaces."""
Text = Annotated[str, Strict(), AfterValidator(_text)]
"""Free text (names, titles): any language, no control characters, valid Unicode, bounded length."""
Number = Annotated[float, BeforeValidator(_number), Field(allow_inf_nan=False)]
"""A finite JSON number."""
Whole = Annotated[int, BeforeValidator(_number)]
"""A whole JSON number (240 or 240.0, not 240.5, '240' or true)."""
Flag = Annotated[bool, Strict()]
"""true or false, not 1, 'yes' or 'on'."""

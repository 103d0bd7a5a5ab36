"""Where a task is, in words: the building by its name, with the article and preposition Dutch needs.

"Hagen snoeien in Androclusgebouw" reads wrong: Dutch wants "bij het Androclusgebouw"
for work around a building and "in het Educatorium" for work inside one. Task titles
often end in the building's short name ("Toiletten schoonmaken Buys Ballot"); a draft
names the place itself, so that tail is cut off the title instead of said twice.
Coordinates never appear here: a candidate looks for a building, not a number.

A location may set `article_nl` ("de", "het" or "" for none) when the guess from its
name is wrong.
"""

from __future__ import annotations

import re

from bundler.domain import Location

HET = ("gebouw", "centrum", "um", "huis", "depot", "paviljoen", "lab", "laboratorium", "complex", "terrein",
       "park", "instituut", "archief", "kantoor", "restaurant", "station", "magazijn", "hotel", "theater")
DE = ("bibliotheek", "tuin", "tuinen", "hal", "zaal", "kerk", "school", "toren", "kantine", "campus", "polikliniek",
      "faculteit", "mensa", "academie", "kliniek", "afdeling", "poort", "vleugel", "loods", "keuken", "straat",
      "laan", "weg", "werkplaats", "sporthal")
"""Head nouns by article; the first word of a name that ends in one decides ("Sportcentrum Olympos": het)."""
PLURALS = ("en", "s", "'s")

AROUND = ("bij", "rond", "om", "buiten", "naast")
"""Prepositions of work around a place; a title that ends in one before the place keeps it."""
TRAILING_PREPOSITIONS = (*AROUND, "in", "op", "aan")
PARENTHESIS = re.compile(r"\s*(\([^)]*\))\s*$")


def _head_article(name: str) -> str | None:
    """The article of the name's head noun, or None when no word of it is a known noun."""
    for word in name.lower().replace("-", " ").split():
        if word.endswith(DE):
            return "de"
        if word.endswith(HET):
            return "het"
        if any(word.endswith(noun + plural) for noun in (*DE, *HET) for plural in PLURALS):
            return "de"  # every Dutch plural takes "de": de Poliklinieken, de Botanische Tuinen
    return None


def _numbered(name: str) -> bool:
    return any(ch.isdigit() for ch in name)


def article_nl(location: Location) -> str:
    """'de', 'het' or '' (a proper name, an address or a numbered building: 'Paviljoen 21' takes none)."""
    given = (location.model_extra or {}).get("article_nl")
    if isinstance(given, str) and given.strip().lower() in ("de", "het", ""):
        return given.strip().lower()
    name = location.name or location.id
    if _numbered(name):
        return ""
    return _head_article(name) or ""


def place_phrase(location: Location, lang: str, around: bool, preposition: str | None = None) -> str:
    """'in het Educatorium', 'bij het Androclusgebouw', 'in Paviljoen 21', 'op Janskerkhof 2-3'; English: 'at X'."""
    name = location.name or location.id
    if lang != "nl":
        return f"{'around' if around and preposition in ('rond', 'om') else 'at'} {name}"
    if preposition is None:
        address = _numbered(name) and _head_article(name) is None  # a street and number, not 'Gebouw 5'
        preposition = "bij" if around else ("op" if address else "in")
    return " ".join(part for part in (preposition, article_nl(location), name) if part)


def _names(location: Location) -> list[str]:
    """Ways a title may name the place: its short name, its name, its site."""
    extra = location.model_extra or {}
    names = [extra.get("short"), location.name, location.site.replace("-", " ") if location.site else None]
    return [n.lower() for n in names if isinstance(n, str) and n.strip()]


def strip_place(title: str, location: Location) -> tuple[str, str | None]:
    """(the title without the place at its end, the preposition that stood before it, if any).

    'Hagen en heesters snoeien bij Buys Ballot' -> ('Hagen en heesters snoeien', 'bij');
    'Nachtronde Sportcentrum Olympos (zaterdagnacht)' -> ('Nachtronde (zaterdagnacht)', None).
    A title that is only a place name, or does not end in one, comes back whole.
    """
    note = ""
    match = PARENTHESIS.search(title)
    if match:
        title, note = title[:match.start()], " " + match.group(1)
    words = title.split()
    names = _names(location)
    for k in range(len(words) - 1, 0, -1):
        tail = " ".join(words[-k:]).lower()
        if len(tail) >= 4 and any(tail in name for name in names):
            head = words[:-k]
            preposition = None
            if len(head) > 1 and head[-1].lower() in TRAILING_PREPOSITIONS:
                preposition = head.pop().lower()
            return " ".join(head) + note, preposition
    return title + note, None

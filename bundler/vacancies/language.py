"""Is a task title English or Dutch? A small, explainable guess from marker words.

Task files have one `title` per task, in whatever language the facility manager typed
(Dutch at a Dutch kick-off, English in the hospital file a job coach reviewed). A Dutch
draft must not carry English titles, and an English one not Dutch titles, so a title
is only used where it looks like the draft's language. Explicit `title_nl` / `title_en`
fields on a task always win over this guess.

The guess counts marker words: function words and common facility words of each
language, plus Dutch spelling (infinitives and plurals on -en, "ij", compound heads). It is meant for
short titles, not for prose.
"""

from __future__ import annotations

import re

ENGLISH = frozenset("""
a an the and or of to for with at on from by into after before per
clean cleaning cleaner cleans wash washing mop mopping sweep sweeping vacuum vacuuming dust dusting
toilet toilets washroom washrooms bathroom bathrooms room rooms floor floors ground first second
office offices building buildings desk entrance main hall ward wards bed beds mattress mattresses
patient patients escort escorting visitor visitors guest guests reception evening morning night
afternoon weekend daily breakfast lunch dinner meal meals counter serve serving service kitchen
dishes dishwashing coffee tea till cash restock restocking stock vending machine machines
waste bins collect collection collecting delivery deliver delivering mail post sorting sort
linen laundry sterile goods transport moving furniture setup set up check checks checking round
rounds patrol patrolling security key keys pass passes mowing mow lawn lawns hedge hedges pruning
weeding weeds litter picking garden gardens grounds support assistant help helping discharge
disinfection disinfecting radiology pharmacy wards theatre outpatient clinic
""".split())  # noqa: SIM905 (a word list reads best as words)

DUTCH = frozenset("""
de het een en of van voor met bij rond naar op aan uit in na om tot door per
schoonmaak schoonmaken reinigen dweilen stofzuigen vegen wassen afwassen opruimen bijvullen
toiletten sanitair kantoor kantoren vloer vloeren gebouw zalen zaal gang gangen keuken spoelkeuken
receptie avondreceptie ontvangst balie kassa koffiebar lunch lunchuitgifte broodjes beleggen
afval inzamelen post sorteren postkamer postronde sleutels pasjes ronde sluitronde openingsronde
automaten voorraad controleren maaien snoeien hagen heesters onkruid wieden zwerfafval prikken
bladruimen paden tuin tuinonderhoud verhuizingen inrichten goederenontvangst bewassing glasbewassing
patiënt patiënten bedden linnen beddengoed vervoer begeleiden afdeling afdelingen maaltijden
""".split())  # noqa: SIM905 (a word list reads best as words)

DUTCH_TAILS = ("schoonmaak", "ronde", "controle", "ondersteuning", "tie", "gebouw", "dienst")
"""Dutch compounds end in their head noun: kantoorschoonmaak, nachtronde, toegangscontrole."""

NOT_DUTCH_EN = frozenset(("kitchen", "garden", "gardens", "linen", "open", "oven", "between", "often", "screen", "green",
                          "seven", "eleven", "when", "then", "even"))
"""English words ending in -en that are no Dutch infinitive or plural."""

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _scores(text: str) -> tuple[int, int]:
    """(Dutch markers, English markers) in `text`."""
    dutch = english = 0
    for word in (w.lower() for w in WORD.findall(text)):
        if word in ENGLISH:
            english += 1
        infinitive_or_plural = len(word) > 4 and word.endswith("en") and word not in NOT_DUTCH_EN
        if word in DUTCH or infinitive_or_plural or "ij" in word or word.endswith(DUTCH_TAILS):
            dutch += 1
    return dutch, english


def guess_language(text: str) -> str | None:
    """'nl', 'en', or None when the markers do not tell."""
    dutch, english = _scores(text)
    if dutch > english:
        return "nl"
    if english > dutch:
        return "en"
    return None

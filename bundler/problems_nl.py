"""Problem messages in plain Dutch for the workbench's Dutch view.

Validation, the slot shorthand and the importers speak English: the command line
prints those lines and they are part of the fixed contract. The workbench shows the
same lines in Dutch by reading them back: a message is "<where>: <what>", where the
place ("task T017, slot 2, field end", "taken.csv, sheet asito, row 4") is a short
path and the problem is one of a known set of sentences. Both are translated by
pattern, naming the same task, row, slot and field:

    task T017, slot 2: end 09:00 is not after start 10:00
    taak T017, tijdvak 2: eind 09:00 ligt niet na begin 10:00

A message no pattern knows stays English as a whole (never half Dutch, half English),
so a new message in the code is never lost, only untranslated.
"""

from __future__ import annotations

import re
from collections.abc import Callable

DAYS_NL = {"mon": "maandag", "tue": "dinsdag", "wed": "woensdag", "thu": "donderdag", "fri": "vrijdag",
           "sat": "zaterdag", "sun": "zondag"}

RULES_NL = {
    "min_job_hours": "minimaal uren per week", "max_job_hours": "maximaal uren per week",
    "max_suppliers_per_job": "maximaal leveranciers per baan", "min_day_hours": "minimaal uren per werkdag",
    "max_day_hours": "maximaal uren per werkdag", "max_gap_minutes": "maximale wachttijd (minuten)",
    "max_skills_per_job": "maximaal vaardigheden per baan", "max_work_days": "maximaal werkdagen per week",
    "min_rest_hours": "minimale rust tussen twee werkdagen (uren)",
    "min_weekly_rest_hours": "minimale weekrust aan één stuk (uren)",
    "break_after_hours": "pauze nodig na (uren werk op een dag)", "min_break_minutes": "minimale pauze (minuten)",
    "changeover_minutes": "wisseltijd tussen leveranciers (minuten)",
    "start_step_minutes": "flexibel werk begint om de (minuten)",
    "hygiene_order": "vuil werk niet vóór schoon werk, eten of patiënten",
    "spread_flexible_slots": "flexibele blokken van één taak op verschillende dagen", "objective": "doel",
}
"""A rule's name as the Rules page says it (lower case)."""

FIELDS_NL = {
    "id": "id", "name": "naam", "title": "omschrijving", "supplier": "leverancier", "location": "locatie",
    "skills": "vaardigheden", "slots": "tijden", "day": "dag", "days": "dagen", "start": "begin", "end": "eind",
    "earliest": "vroegste begin", "latest": "laatste eind", "minutes": "minuten", "from": "van", "to": "naar",
    "lat": "breedtegraad", "lon": "lengtegraad", "site": "terrein", "sector": "sector", "cao": "cao",
    "label": "omschrijving", "esco": "ESCO", "hygiene": "hygiëne", "physical_load": "lichamelijk zwaar",
    "pace": "tempo", "interruptions": "onderbrekingen", "independence": "zelfstandigheid",
    "customer_contact": "klantcontact", "format": "formaat", "rules": "regels", "tasks": "taken",
    "suppliers": "leveranciers", "locations": "locaties", "travel": "reistijden", "incompatible": "niet-samen-paren",
    "pinned": "afgesproken banen", "jobs": "banen", "unassigned": "overgebleven taken", "schedule": "rooster",
    "task": "taak", "job": "baan", "hours": "uren", **RULES_NL,
}
"""The task file's fields in Dutch; a field not listed keeps its own name."""

_RECORDS_NL = {
    "task": "taak", "supplier": "leverancier", "location": "locatie", "skill": "vaardigheid",
    "pinned job": "afgesproken baan", "plan job": "baan in het plan", "job": "baan",
    "unassigned task": "overgebleven taak", "schedule entry": "roosterregel", "incompatible pair": "niet-samen-paar",
    "travel edge": "reistijd",
}
VALUES_NL = {
    "dirty": "vuil", "clean": "schoon", "food": "eten", "patient": "patiënt", "low": "laag", "medium": "gemiddeld",
    "high": "hoog", "jobs": "zoveel mogelijk banen", "hours": "zoveel mogelijk uren", "cover": "alles afdekken",
    **DAYS_NL,
}
"""Choices of an enumerated field ('dirty', 'mon', 'jobs') in words."""
_TYPES_NL = {"list": "een lijst", "dict": "een record", "str": "tekst", "int": "een getal", "float": "een getal",
             "bool": "ja of nee", "NoneType": "leeg", "text": "tekst", "a boolean": "ja of nee"}


def _num(text: str) -> str:
    """'120,064' as '120.064', '1.5' as '1,5': Dutch digits."""
    return text.translate(str.maketrans(",.", ".,"))


def _days(text: str) -> str:
    """'mon, tue and wed' as 'maandag, dinsdag en woensdag'."""
    words = re.split(r", | and ", text)
    if not all(w in DAYS_NL for w in words):
        raise _Unknown
    names = [DAYS_NL[w] for w in words]
    return " en ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


class _Unknown(Exception):
    """A part no pattern knows: the message stays English."""


# --- where ---------------------------------------------------------------------------

_RECORD = "|".join(sorted(map(re.escape, _RECORDS_NL), key=len, reverse=True))
_PLACE: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"plan file|file"), lambda m: {"file": "bestand", "plan file": "planbestand"}[m[0]]),
    (re.compile(rf"(?P<noun>{_RECORD}) (?P<id>[^,]+?)(?= \(|, |$)(?: \((?P<ends>[^)]*)\))?"),
     lambda m: f"{_RECORDS_NL[m['noun']]} {m['id']}" + (f" ({m['ends']})" if m["ends"] else "")),
    (re.compile(r"slots (?P<n>\d+(?:, \d+)+)"), lambda m: f"tijdvakken {m['n']}"),
    (re.compile(r"slot (?P<n>\d+)"), lambda m: f"tijdvak {m['n']}"),
    (re.compile(r"schedule entry (?P<n>\d+)"), lambda m: f"roosterregel {m['n']}"),
    (re.compile(r"(?P<list>skills|days|tasks) item (?P<n>\d+)"),
     lambda m: f"{ {'skills': 'vaardigheid', 'days': 'dag', 'tasks': 'taak'}[m['list']]} {m['n']}"),
    (re.compile(r"field (?P<f>\S+)"), lambda m: f"veld {_field(m['f'])}"),
    (re.compile(r"(?P<what>row|line|column|sheet) (?P<n>[^,]+)"),
     lambda m: f"{ {'row': 'rij', 'line': 'regel', 'column': 'kolom', 'sheet': 'blad'}[m['what']]} {m['n']}"),
    (re.compile(r"'[^']*'"), lambda m: m[0]),  # a slot text as typed: 'mo 07:00-09:00'
    (re.compile(r"(?P<f>rules|slots|name|format|tasks|suppliers|locations|travel|skills|incompatible|pinned)"),
     lambda m: FIELDS_NL[m["f"]]),
]
_FILE_NAME = re.compile(r"[^\s,]+|[^,]+\.(?:json|xlsx|csv)", re.IGNORECASE)


def _field(name: str) -> str:
    """A field in Dutch; a rule by its name on the Rules page, in quotes (it is several words)."""
    return f"'{RULES_NL[name]}'" if name in RULES_NL else FIELDS_NL.get(name, name)


def _where(segment: str, first: bool) -> str:
    """A place such as 'task T017, slot 2, field end' in Dutch; _Unknown when it is not one."""
    out, pos = [], 0
    while pos < len(segment):
        for pattern, dutch in _PLACE:
            match = pattern.match(segment, pos)
            if match and (match.end() == len(segment) or segment.startswith(", ", match.end())):
                out.append(dutch(match))
                pos = match.end()
                break
        else:
            match = _FILE_NAME.match(segment, pos) if first and pos == 0 else None
            if not match or not (match.end() == len(segment) or segment.startswith(", ", match.end())):
                raise _Unknown
            out.append(match[0])  # a file's own name
            pos = match.end()
        if segment.startswith(", ", pos):
            pos += 2
    return ", ".join(out)


# --- what ----------------------------------------------------------------------------

def _got(text: str | None) -> str:
    return f" (ingevuld: {text})" if text else ""


def _choices(text: str) -> str:
    """"'dirty', 'clean', 'food' or 'patient'" as 'vuil, schoon, eten of patiënt'."""
    words = [w.strip("'") for w in re.split(r", | or ", text)]
    named = [VALUES_NL.get(w, f"'{w}'") for w in words]
    return " of ".join([", ".join(named[:-1]), named[-1]]) if len(named) > 1 else named[0]


def _holds(text: str) -> str:
    """What a text must not hold, e.g. 'a control character (U+001B) at character 4'."""
    match = re.fullmatch(r"(?P<what>a control character|broken Unicode|a text-direction control|"
                         r"an unprintable character) \((?P<code>[^)]*)\)(?: at character (?P<n>\d+))?", text)
    if not match:
        raise _Unknown
    what = {"a control character": "een stuurteken", "broken Unicode": "kapotte Unicode",
            "a text-direction control": "een teken dat de leesrichting omdraait",
            "an unprintable character": "een onzichtbaar teken"}[match["what"]]
    code = match["code"].replace("a lone surrogate", "een los surrogaat")
    return f"{what} ({code})" + (f" op teken {match['n']}" if match["n"] else "")


def _rule_pair(text: str) -> str:
    parts = []
    for piece in text.split("; "):
        match = re.fullmatch(r"(\w+) ([\d.]+) is more than (\w+) ([\d.]+)", piece)
        if not match or match[1] not in RULES_NL or match[3] not in RULES_NL:
            raise _Unknown
        parts.append(f"{RULES_NL[match[1]]} ({_num(match[2])}) is meer dan {RULES_NL[match[3]]} ({_num(match[4])})")
    return "; ".join(parts)


_SECTION_NL = {"tasks": "taken", "suppliers": "leveranciers", "locations": "locaties", "skills": "vaardigheden",
               "travel": "reistijden", "slots": "tijdvakken", "incompatible": "niet-samen-paren",
               "pinned": "afgesproken banen", "jobs": "banen"}
_KIND_NL = {"supplier": "leverancier", "location": "locatie", "skill": "vaardigheid", "task": "taak",
            "pinned job": "afgesproken baan"}
_SPREAD_OFF = "of zet 'flexibele blokken van één taak op verschillende dagen' uit"

_WHAT: list[tuple[str, Callable[[re.Match[str]], str]]] = [
    # references and ids (validation.reference_problems)
    (r"unknown (?P<kind>supplier|location|skill|task) (?P<x>`[^`]*`)(?: - did you mean (?P<y>`[^`]*`)\?)?",
     lambda m: f"onbekende {_KIND_NL[m['kind']]} {m['x']}" + (f" - bedoel je {m['y']}?" if m["y"] else "")),
    ((r"(?P<kind>supplier|location|skill|task|pinned job) id (?P<x>`[^`]*`) is used (?P<n>\d+) times; "
     r"ids must be unique"),
     lambda m: f"id {m['x']} van een {_KIND_NL[m['kind']]} komt {m['n']} keer voor; elke id mag maar één keer "
               "voorkomen"),
    (r"a task cannot be incompatible with itself \((?P<x>.*)\)",
     lambda m: f"een taak kan geen niet-samen-paar met zichzelf zijn ({m['x']})"),
    (r"task (?P<t>.+) is already pinned in job (?P<j>.+)", lambda m: f"taak {m['t']} zit al in afgesproken baan {m['j']}"),
    (r"there are no tasks", lambda m: "er zijn geen taken"),
    # slots (domain.py)
    (r"end (?P<e>\S+) is not after start (?P<s>\S+)", lambda m: f"eind {m['e']} ligt niet na begin {m['s']}"),
    (r"time (?P<t>.+) is not between 00:00 and 24:00", lambda m: f"tijd {m['t']} ligt niet tussen 00:00 en 24:00"),
    (r"time (?P<t>.+) is not HH:MM \(24-hour, e\.g\. 07:30\)",
     lambda m: f"tijd {m['t']} is geen tijd als UU:MM (24 uur, bijvoorbeeld 07:30)"),
    (r"time must be a string 'HH:MM', got (?P<t>.+)", lambda m: f"een tijd is tekst als 'UU:MM'{_got(m['t'])}"),
    (r"days (?P<d>.+) repeat a day", lambda m: f"in de dagen {m['d']} staat een dag twee keer"),
    (r"window (?P<w>\S+) \((?P<n>\d+) min\) is shorter than its (?P<m>\d+) minutes",
     lambda m: f"het venster {m['w']} ({m['n']} min) is korter dan de {m['m']} minuten werk"),
    ((r"a slot needs either 'day', 'start', 'end' \(fixed\) or 'days', 'earliest', 'latest', 'minutes' "
     r"\(flexible\)"),
     lambda m: "een tijdvak heeft een dag, begin en eind (vast) of dagen, vroegste begin, laatste eind en minuten "
               "(flexibel)"),
    ((r"with spread_flexible_slots a flexible slot goes to a day on which the task has no fixed slot, but "
     r"(?:its only day \((?P<one>[^)]*)\) has|its days \((?P<all>[^)]*)\) all have) a fixed slot; add another "
     r"day to the slot or set spread_flexible_slots to false"),
     lambda m: "een flexibel blok komt op een dag zonder vast tijdvak van deze taak, maar "
               + (f"de enige dag ({_days(m['one'])}) heeft al" if m["one"]
                  else f"alle dagen ({_days(m['all'])}) hebben al")
               + f" een vast tijdvak; geef het blok een dag erbij {_SPREAD_OFF}"),
    ((r"these (?P<n>\d+) flexible slots must go to different days \(spread_flexible_slots\) but can only use "
     r"(?P<free>.*?)(?: \((?P<taken>.+) (?:is|are) taken by a fixed slot\))?; add days to these slots or set "
     r"spread_flexible_slots to false"),
     lambda m: f"deze {m['n']} flexibele blokken moeten op verschillende dagen, maar kunnen alleen op "
               + (_days(m["free"]) if m["free"] else "geen enkele dag")
               + (f" ({_days(m['taken'])} heeft al een vast tijdvak)" if m["taken"] else "")
               + f"; geef deze blokken meer dagen {_SPREAD_OFF}"),
    # rules (domain.Rules)
    (r"\w+ [\d.]+ is more than \w+ [\d.]+(?:; \w+ [\d.]+ is more than \w+ [\d.]+)*", lambda m: _rule_pair(m[0])),
    # field types (field_types.py) and pydantic's own words
    (r"is missing", lambda m: "ontbreekt"),
    (r"is not a known field", lambda m: "is geen bekend veld"),
    (r"must be a number, not (?P<kind>text|a boolean|\w+) (?P<v>.+)",
     lambda m: f"moet een getal zijn, geen {_TYPES_NL.get(m['kind'], m['kind'])}{_got(m['v'])}"),
    (r"must be a finite number, not (?P<v>.+)", lambda m: f"moet een gewoon getal zijn{_got(m['v'])}"),
    (r"an id cannot be blank", lambda m: "een id mag niet leeg zijn"),
    (r"id (?P<x>.+) has spaces at its start or end", lambda m: f"id {m['x']} heeft spaties aan het begin of eind"),
    (r"an id has at most (?P<n>\d+) characters, this one (?P<m>\d+)",
     lambda m: f"een id heeft hoogstens {m['n']} tekens, deze heeft er {m['m']}"),
    (r"a text has at most (?P<n>\d+) characters, this one (?P<m>\d+)",
     lambda m: f"een tekst heeft hoogstens {m['n']} tekens, deze heeft er {m['m']}"),
    (r"an id holds (?P<h>.+); use letters, digits and punctuation",
     lambda m: f"een id bevat {_holds(m['h'])}; gebruik letters, cijfers en leestekens"),
    (r"a field name holds (?P<h>.+)", lambda m: f"een veldnaam bevat {_holds(m['h'])}"),
    (r"holds (?P<h>.+)", lambda m: f"bevat {_holds(m['h'])}"),
    (r"Input should be (?P<c>'[^']*'(?:, '[^']*')* or '[^']*')(?: \(got (?P<v>.*)\))?",
     lambda m: f"moet {_choices(m['c'])} zijn{_got(m['v'])}"),
    (r"Input should be greater than or equal to (?P<n>\S+)(?: \(got (?P<v>.*)\))?",
     lambda m: f"moet minstens {_num(m['n'])} zijn{_got(m['v'])}"),
    (r"Input should be greater than (?P<n>\S+)(?: \(got (?P<v>.*)\))?",
     lambda m: f"moet meer dan {_num(m['n'])} zijn{_got(m['v'])}"),
    (r"Input should be less than or equal to (?P<n>\S+)(?: \(got (?P<v>.*)\))?",
     lambda m: f"mag hoogstens {_num(m['n'])} zijn{_got(m['v'])}"),
    (r"Input should be less than (?P<n>\S+)(?: \(got (?P<v>.*)\))?",
     lambda m: f"moet minder dan {_num(m['n'])} zijn{_got(m['v'])}"),
    (r"Input should be a valid boolean(?:, unable to interpret input)?(?: \(got (?P<v>.*)\))?",
     lambda m: f"moet true (ja) of false (nee) zijn{_got(m['v'])}"),
    (r"Input should be a valid integer(?:, got a number with a fractional part)?(?: \(got (?P<v>.*)\))?",
     lambda m: f"moet een heel getal zijn{_got(m['v'])}"),
    (r"Unable to parse input string as an integer, exceeded maximum size(?: \(got (?P<v>.*)\))?",
     lambda m: f"is te groot voor een heel getal{_got(m['v'])}"),
    ((r"Input should be a valid (?P<kind>string|number|list|dictionary|array)(?:, unable to parse string as a number"
     r"| or instance of \w+)?(?: \(got (?P<v>.*)\))?"),
     lambda m: "moet " + {"string": "tekst", "number": "een getal", "list": "een lijst", "array": "een lijst",
                         "dictionary": "een record ({...})"}[m["kind"]] + f" zijn{_got(m['v'])}"),
    (r"List should have at least (?P<n>\d+) items? after validation, not (?P<k>\d+)(?: \(got .*\))?",
     lambda m: f"de lijst moet minstens {m['n']} {'onderdeel' if m['n'] == '1' else 'onderdelen'} hebben, nu {m['k']}"),
    (r"List should have at most (?P<n>\d+) items? after validation, not (?P<k>\d+)(?: \(got .*\))?",
     lambda m: f"de lijst mag hoogstens {m['n']} onderdelen hebben, nu {m['k']}"),
    (r"String should have at least (?P<n>\d+) characters?(?: \(got (?P<v>.*)\))?",
     lambda m: f"moet minstens {m['n']} teken(s) hebben{_got(m['v'])}"),
    # whole files (raw_input, json_io, the importers)
    (r"nested deeper than (?P<n>\d+) levels; a task or plan file needs about six",
     lambda m: f"zit meer dan {m['n']} lagen diep; een taken- of planbestand heeft er ongeveer zes"),
    (r"the number (?P<x>\S+) has (?P<d>[\d,]+) digits; a number in a task or plan file has at most (?P<n>\d+)",
     lambda m: f"het getal {m['x']} heeft {_num(m['d'])} cijfers; een getal in een taken- of planbestand heeft er "
               f"hoogstens {m['n']}"),
    (r"(?P<n>[\d,]+) (?P<s>\w+), more than the (?P<max>[\d,]+) a file can hold; split it into regions or sites",
     lambda m: f"{_num(m['n'])} {_SECTION_NL[m['s']]}, meer dan de {_num(m['max'])} die in een bestand passen; "
               f"verdeel het over regio's of terreinen"),
    (r"(?P<x>'[^']*'|None) is not 'bundler-tasks/1'",
     lambda m: f"{'leeg' if m['x'] == 'None' else m['x']} is niet 'bundler-tasks/1'"),
    (r"format (?P<x>.+) is not 'bundler-tasks/1' \(is it a plan file\?\)",
     lambda m: f"formaat {m['x']} is niet 'bundler-tasks/1' (is het een planbestand?)"),
    (r"a (?:task|plan) file is a JSON object, got (?P<t>\w+)",
     lambda m: f"een taken- of planbestand is een JSON-object, dit is {_TYPES_NL.get(m['t'], m['t'])}"),
    (r"invalid JSON \((?P<why>.*)\)", lambda m: f"geen geldige JSON ({m['why']})"),
    (r"the file is empty", lambda m: "het bestand is leeg"),
    (r"the (?:task|plan) file is empty", lambda m: "het bestand is leeg"),
    (r"(?P<n>\d+) MB is more than the (?P<max>\d+) MB a (?P<kind>task sheet|task file) can be",
     lambda m: f"{m['n']} MB is meer dan de {m['max']} MB die een "
               f"{'takenblad' if m['kind'] == 'task sheet' else 'takenbestand'} mag zijn"),
    (r"unpacks to (?P<n>[\d,]+) MB, more than the (?P<max>\d+) MB a task workbook can hold",
     lambda m: f"is uitgepakt {_num(m['n'])} MB, meer dan de {m['max']} MB die een werkmap mag zijn"),
    (r"not UTF-8 text \(byte (?P<n>\d+)\); save it as (?P<as>'CSV UTF-8'|UTF-8 JSON)",
     lambda m: f"geen UTF-8-tekst (byte {m['n']}); sla het op als "
               + ("'CSV UTF-8'" if m["as"].startswith("'") else "UTF-8-JSON")),
    (r"cannot read the CSV \((?P<why>.*)\)", lambda m: f"de CSV is niet te lezen ({m['why']})"),
    (r"not an Excel workbook \(\.xlsx\) \((?P<why>\w+)\)", lambda m: f"geen Excel-werkmap (.xlsx) ({m['why']})"),
    (r"not a JSON, Excel \(\.xlsx\) or CSV file", lambda m: "geen JSON-, Excel- (.xlsx) of CSV-bestand"),
    (r"no sheet holds tasks \(one sheet per supplier, columns (?P<c>.*)\)",
     lambda m: f"geen blad met taken (één blad per leverancier, met de kolommen {_columns(m['c'])})"),
    (r"missing column\(s\) (?P<c>.*) \(expected (?P<e>.*)\)",
     lambda m: f"kolom(men) {_columns(m['c'])} ontbreken (nodig: {_columns(m['e'])})"),
    (r"column (?P<c>\S+) is empty", lambda m: f"kolom {_columns(m['c'])} is leeg"),
    (r"(?P<n>\d+) rows, more than the (?P<max>\d+) a sheet can hold",
     lambda m: f"{m['n']} rijen, meer dan de {m['max']} die een blad mag hebben"),
    # the slot shorthand (slot_text.py)
    (r"unknown day '(?P<d>[^']*)' \(use ma di wo do vr za zo\)",
     lambda m: f"onbekende dag '{m['d']}' (gebruik ma di wo do vr za zo)"),
    (r"day range (?P<r>\S+) runs backwards", lambda m: f"de dagen {m['r']} lopen achteruit"),
    (r"no day given \(e\.g\. ma, di, ma-vr\)", lambda m: "geen dag (bijvoorbeeld ma, di, ma-vr)"),
    (r"(?P<t>\S+) is not a time between 00:00 and 24:00", lambda m: f"{m['t']} is geen tijd tussen 00:00 en 24:00"),
    (r"cannot read the duration (?P<d>'[^']*') \(e\.g\. 2u, 1,5u, 90m\)",
     lambda m: f"de duur {m['d']} is niet te lezen (bijvoorbeeld 2u, 1,5u, 90m)"),
    (r"the duration (?P<d>'[^']*') must be a whole number of minutes above 0",
     lambda m: f"de duur {m['d']} moet een heel aantal minuten boven 0 zijn"),
    (r"no slots given \(e\.g\. 'ma-vr 07:00-10:00'\)", lambda m: "geen tijden ingevuld (bijvoorbeeld 'ma-vr 07:00-10:00')"),
    (r"not understood; write e\.g\. 'ma-vr 07:00-10:00' or 'di/do 08:00-16:00 2u flexibel'",
     lambda m: "niet begrepen; schrijf bijvoorbeeld 'ma-vr 07:00-10:00' of 'di/do 08:00-16:00 2u flexibel'"),
    # tasks no job can hold (validation.placement_notes): notes, not errors
    ((r"(?P<h>[\d.]+) h of work in one go, but a day with more than (?P<x>[\d.]+) h of work needs a pause of "
     r"(?P<p>\d+) min \(rule 11\), so no job can hold this task; split the slot around a pause, or change "
     r"break_after_hours or min_break_minutes"),
     lambda m: f"{_num(m['h'])} uur werk aan één stuk, maar wie op een dag meer dan {_num(m['x'])} uur werkt, krijgt "
               f"een pauze van {m['p']} minuten (regel 11); daarom past deze taak in geen enkele baan. Splits het "
               f"tijdvak rond een pauze, of verander '{RULES_NL['break_after_hours']}' of "
               f"'{RULES_NL['min_break_minutes']}'"),
    ((r"works on at least (?P<n>\d+) days a week, more than max_work_days (?P<x>\d+) \(rule 8\), so no job can "
     r"hold this task; move slots to fewer days or raise max_work_days"),
     lambda m: f"werkt op minstens {m['n']} dagen per week, meer dan de {m['x']} werkdagen die een baan mag "
               f"hebben (regel 8); "
               f"daarom past deze taak in geen enkele baan. Zet de tijdvakken op minder dagen of verhoog "
               f"'{RULES_NL['max_work_days']}'"),
    ((r"only (?P<h>[\d.]+) h of rest from (?P<a>\w+) to (?P<b>\w+), less than min_rest_hours (?P<x>[\d.]+) "
     r"\(rule 9\), so no job can hold this task; move its slots apart or lower min_rest_hours"),
     lambda m: f"maar {_num(m['h'])} uur rust van {_days(m['a'])} tot {_days(m['b'])}, minder dan de "
               f"{_num(m['x'])} uur rust die nodig is tussen twee werkdagen (regel 9); daarom past deze taak in geen enkele baan. "
               f"Zet de tijdvakken verder uit elkaar of verlaag '{RULES_NL['min_rest_hours']}'"),
    ((r"its longest rest in the week is (?P<h>[\d.]+) h, less than min_weekly_rest_hours (?P<x>[\d.]+) "
     r"\(rule 10\), so no job can hold this task; free a longer stretch of the week or lower min_weekly_rest_hours"),
     lambda m: f"de langste rust in de week is {_num(m['h'])} uur, minder dan de {_num(m['x'])} uur "
               f"weekrust aan één stuk die nodig is (regel 10); daarom past deze taak in geen enkele baan. Maak een langer stuk van de "
               f"week vrij of verlaag '{RULES_NL['min_weekly_rest_hours']}'"),
    # a pinned job that breaks a rule (engine.rulebook)
    (r"(?P<h>[\d.]+) h a week, outside (?P<lo>[\d.]+)-(?P<hi>[\d.]+) h",
     lambda m: f"{_num(m['h'])} uur per week, niet tussen {_num(m['lo'])} en {_num(m['hi'])} uur"),
    (r"(?P<n>\d+) suppliers \((?P<s>[^)]*)\), at most (?P<max>\d+)",
     lambda m: f"{m['n']} leveranciers ({m['s']}), hoogstens {m['max']}"),
    (r"(?P<n>\d+) skills, at most (?P<max>\d+)", lambda m: f"{m['n']} vaardigheden, hoogstens {m['max']}"),
    (r"its places are not connected by travel routes \(different regions\)",
     lambda m: "de plekken zijn niet met reistijden verbonden (verschillende regio's)"),
    (r"tasks (?P<a>.+) and (?P<b>.+) are marked incompatible",
     lambda m: f"taken {m['a']} en {m['b']} mogen niet samen in een baan"),
    (r"(?P<d>mon|tue|wed|thu|fri|sat|sun) works (?P<h>[\d.]+) h, (?P<cmp>more|less) than (?P<x>[\d.]+) h",
     lambda m: f"op {DAYS_NL[m['d']]} {_num(m['h'])} uur werk, {'meer' if m['cmp'] == 'more' else 'minder'} "
               f"dan {_num(m['x'])} uur"),
    (r"(?P<d>mon|tue|wed|thu|fri|sat|sun) works (?P<h>[\d.]+) h without a (?P<p>\d+)-minute pause",
     lambda m: f"op {DAYS_NL[m['d']]} {_num(m['h'])} uur werk zonder pauze van {m['p']} minuten"),
    (r"works (?P<n>\d+) days a week, at most (?P<max>\d+)",
     lambda m: f"werkt {m['n']} dagen per week, hoogstens {m['max']}"),
    (r"rests (?P<h>[\d.]+) h between (?P<a>\w+) and (?P<b>\w+), at least (?P<x>[\d.]+) h required",
     lambda m: f"{_num(m['h'])} uur rust tussen {_days(m['a'])} en {_days(m['b'])}, minstens {_num(m['x'])} uur nodig"),
    (r"its longest rest is (?P<h>[\d.]+) h, at least (?P<x>[\d.]+) h required",
     lambda m: f"de langste rust in de week is {_num(m['h'])} uur, minstens {_num(m['x'])} uur nodig"),
    (r"no placement of its flexible slots fits the time, travel and working-week rules",
     lambda m: "de flexibele blokken passen nergens binnen de tijden, reistijden en regels voor de werkweek"),
]
_WHAT_COMPILED = [(re.compile(pattern), dutch) for pattern, dutch in _WHAT]


def _columns(text: str) -> str:
    """Column names stay as the sheet spells them (the import's own Dutch lines do the same)."""
    return text


def _what(text: str) -> str:
    for pattern, dutch in _WHAT_COMPILED:
        match = pattern.fullmatch(text)
        if match:
            return dutch(match)
    raise _Unknown


def to_dutch(message: str) -> str:
    """The Dutch form of an English problem line; the line itself when no pattern knows it."""
    try:
        return _translate(message)
    except (_Unknown, KeyError):
        return message


def _translate(message: str) -> str:
    segments = message.split(": ")
    places = []
    for i in range(len(segments)):
        rest = ": ".join(segments[i:])
        try:
            return ": ".join([*places, _what(rest)])
        except _Unknown:
            pass
        if i == len(segments) - 1:
            break
        places.append(_where(segments[i], first=i == 0))
    raise _Unknown


def problem_text(message: str, lang: str = "nl") -> str:
    """A problem line in the reader's language: Dutch by pattern, English as the code wrote it."""
    return message if lang == "en" else to_dutch(message)

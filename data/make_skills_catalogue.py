"""Rebuild the skills catalogue `bundler/vacancies/data/esco_skills.json` (package data, so an
installed bundler finds it): every skill id of the example data, tied to a real ESCO skill.

    python data/make_skills_catalogue.py [path/to/facility_skills.csv]

The ESCO side (URI, English and Dutch preferred label, version) is copied from the
shared ESCO subset (`../shared/esco/facility_skills.csv` by default), never typed by
hand. The shared subset has Dutch labels for only part of the skills; where it has
none, the Dutch label below is our own plain wording and is marked `"label_nl_source":
"own"`. A skill without a fitting ESCO concept gets `"esco": null` and a `"no_esco_match"`
reason; a skill ESCO only approximates says `"esco_match": "closest"`. The wording a vacancy uses (what you do, the area of work) is ours as well.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bundler.generate import _ESCO, SKILLS

DEFAULT_CSV = HERE.parents[1] / "shared" / "esco" / "facility_skills.csv"
OUT = HERE.parent / "bundler" / "vacancies" / "data" / "esco_skills.json"
OUTDOOR = {"mowing", "hedge-pruning", "weeding", "litter-picking"}
"""Work around a building, not in it: a vacancy says "bij het ...gebouw"."""

# id: (activity in Dutch, activity in English, area of work in Dutch, in English).
# Activities are short B1 phrases for "Wat ga je doen"; the areas name a job title.
WORDING = {
    "cleaning-basic": ("kantoren en ruimtes schoonmaken", "cleaning offices and rooms", "schoonmaak", "cleaning"),
    "toilet-cleaning": ("toiletten en wasruimtes schoonmaken", "cleaning toilets and washrooms", "schoonmaak",
                        "cleaning"),
    "floor-machine": ("vloeren schoonmaken met een machine", "cleaning floors with a machine", "schoonmaak",
                      "cleaning"),
    "window-cleaning": ("ramen en glas wassen", "washing windows and glass", "glasbewassing", "window cleaning"),
    "waste-collection": ("afval ophalen en sorteren", "collecting and sorting waste", "afvalinzameling", "waste collection"),
    "food-hygiene": ("eten klaarmaken volgens de regels voor hygiëne", "preparing food by the hygiene rules",
                     "keuken", "kitchen"),
    "catering-support": ("helpen bij de lunch en de bediening", "helping with lunch and serving", "lunchservice",
                         "lunch service"),
    "dishwashing": ("afwassen met de vaatwasmachine", "washing up with the dishwasher", "spoelkeuken",
                    "dish room"),
    "coffee-service": ("koffie en thee maken", "making coffee and tea", "koffiebar", "coffee bar"),
    "cash-register": ("afrekenen bij de kassa", "working the till", "kassa", "till"),
    "vending-restock": ("automaten bijvullen en schoonhouden", "refilling and cleaning vending machines",
                        "automaten", "vending"),
    "stock-control": ("de voorraad controleren", "checking the stock", "voorraad", "stock"),
    "mowing": ("gras maaien", "mowing the lawns", "groenonderhoud", "grounds maintenance"),
    "hedge-pruning": ("hagen en struiken snoeien", "pruning hedges and shrubs", "groenonderhoud",
                      "grounds maintenance"),
    "weeding": ("onkruid weghalen", "removing weeds", "groenonderhoud", "grounds maintenance"),
    "litter-picking": ("zwerfafval prikken en paden vegen", "picking up litter and sweeping paths",
                       "buitenruimte", "outdoor cleaning"),
    "reception": ("bezoekers ontvangen", "welcoming visitors", "receptie", "reception"),
    "key-management": ("sleutels en pasjes uitgeven", "handing out keys and passes", "sleutelbeheer",
                       "key desk"),
    "patrolling": ("rondes lopen door het gebouw", "walking rounds through the building", "beveiliging",
                   "security"),
    "alarm-response": ("in actie komen bij een alarm", "acting on alarms", "beveiliging", "security"),
    "mail-sorting": ("post sorteren", "sorting mail", "postkamer", "mail room"),
    "mail-delivery": ("post rondbrengen", "delivering mail", "postkamer", "mail room"),
    "moving-furniture": ("meubels verplaatsen en zalen inrichten", "moving furniture and setting up rooms",
                         "logistiek", "logistics"),
    "customer-contact": ("mensen helpen met hun vragen", "helping people with their questions", None, None),
    "working-independently": ("zelfstandig werken", "working on your own", None, None),
}

# Where ESCO has no concept for the work itself, the closest real one is used and the
# catalogue says so (`"esco_match": "closest"`); see shared/esco/README.md.
CLOSEST = {
    "litter-picking": "ESCO has no 'litter picking'; the closest concept is outdoor cleaning",
    "mowing": "ESCO has no 'mowing'; the closest concept is lawn care",
    "key-management": "ESCO has no 'key management'; the closest concept is allocating keys",
    "mail-sorting": "ESCO has no 'sort mail'; the closest concept is handling mail",
    "catering-support": "lunch service support; the closest concept is working in a hospitality team",
}


def catalogue(csv_path: Path = DEFAULT_CSV) -> list[dict]:
    with csv_path.open(encoding="utf-8", newline="") as f:
        esco = {row["conceptUri"]: row for row in csv.DictReader(f)}
    records = []
    for sid, label_en, own_nl, uuid in SKILLS:
        row = esco.get(_ESCO + uuid) if uuid else None
        esco_nl = (row or {}).get("preferredLabel_nl") or ""
        activity_nl, activity_en, area_nl, area_en = WORDING[sid]
        records.append({
            "id": sid,
            "label": label_en,
            "label_nl": esco_nl or own_nl,
            "label_nl_source": "esco" if esco_nl else "own",
            "esco": None if row is None else {
                "uri": row["conceptUri"], "label_en": row["preferredLabel_en"].strip(),
                "label_nl": esco_nl or None, "version": row["esco_version"]},
            **({"no_esco_match": "no ESCO skill in the shared subset fits this work"} if row is None else
               {"esco_match": "closest", "esco_note": CLOSEST[sid]} if sid in CLOSEST else {"esco_match": "exact"}),
            "activity_nl": activity_nl, "activity_en": activity_en, "area_nl": area_nl, "area_en": area_en,
            **({"outdoor": True} if sid in OUTDOOR else {}),
        })
    return records


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CSV
    skills = catalogue(source)
    body = ",\n".join("    " + json.dumps(s, ensure_ascii=False) for s in skills)
    OUT.write_text(
        '{\n  "format": "bundler-skills/1",\n  "source": "ESCO v1.1.1 via shared/esco/facility_skills.csv",\n'
        f'  "skills": [\n{body}\n  ]\n}}\n', encoding="utf-8")
    print(f"{len(skills)} skills written to {OUT}")

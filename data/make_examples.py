"""Rebuild the two example kick-off files in this folder.

    python data/make_examples.py

- `uu_kickoff.json`: a kick-off at the Utrecht Science Park with a city-centre site,
  modelled on the Utrecht University proeftuin: generated loose tasks (fixed seed) plus
  hand-made ones, including a few that cannot be combined, each for a plain reason.
- `tutorial.json`: eleven tasks to explain the tool by hand (see the README).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bundler.generate import DEFAULT_RULES, SUPPLIERS, generate_campus, skill_records, task_demands  # noqa: E402

UU_NAME = "Universiteit Utrecht - kick-off combinatiebanen"
UU_SEED = 2037
UU_GENERATED_TASKS = 118

CITY_CENTRE = [
    {"id": "academiegebouw", "name": "Academiegebouw", "site": "binnenstad", "lat": 52.0907, "lon": 5.1218},
    {"id": "ub-binnenstad", "name": "Universiteitsbibliotheek Binnenstad", "site": "binnenstad",
     "lat": 52.0930, "lon": 5.1236},
    {"id": "janskerkhof", "name": "Janskerkhof 2-3", "site": "binnenstad", "lat": 52.0934, "lon": 5.1211},
]
CITY_TRAVEL = [
    {"from": "academiegebouw", "to": "ub-binnenstad", "minutes": 4},
    {"from": "ub-binnenstad", "to": "janskerkhof", "minutes": 3},
    {"from": "academiegebouw", "to": "janskerkhof", "minutes": 4},
    # by bike to the Science Park
    {"from": "academiegebouw", "to": "edu", "minutes": 17},
    {"from": "ub-binnenstad", "to": "bestuursgebouw", "minutes": 19},
]
DEPOT = {"id": "depot-nieuwegein", "name": "Archief- en meubeldepot Nieuwegein", "site": "nieuwegein",
         "lat": 52.0290, "lon": 5.0830}
"""Reached by van only: no travel edge, so its task can never share a job."""


def weekdays(start: str, end: str, days=("mon", "tue", "wed", "thu", "fri")) -> list[dict]:
    return [{"day": d, "start": start, "end": end} for d in days]


def task(supplier: str, title: str, location: str, skills: list[str], slots: list[dict]) -> dict:
    return {"id": "", "supplier": supplier, "title": title, "location": location, "skills": skills, "slots": slots}


CITY_TASKS = [
    task("asito", "Schoonmaak Academiegebouw en Senaatszaal", "academiegebouw",
         ["cleaning-basic", "toilet-cleaning"], weekdays("07:00", "09:30")),
    task("eurest", "Koffie en lunch bij promoties Academiegebouw", "academiegebouw",
         ["catering-support", "food-hygiene", "customer-contact"], weekdays("10:00", "13:00")),
    task("asito", "Toiletten schoonmaken Universiteitsbibliotheek Binnenstad", "ub-binnenstad",
         ["toilet-cleaning"], weekdays("07:30", "09:30", ("mon", "wed", "fri"))),
    task("sodexo", "Koffiebar Universiteitsbibliotheek Binnenstad", "ub-binnenstad",
         ["coffee-service", "cash-register"], weekdays("10:00", "13:00")),
    task("fsc", "Postronde binnenstad", "janskerkhof",
         ["mail-delivery", "mail-sorting"], weekdays("13:30", "15:30")),
    task("fsc", "Zalen inrichten voor oraties Academiegebouw", "academiegebouw", ["moving-furniture"],
         [{"days": ["mon", "tue", "wed", "thu", "fri"], "earliest": "13:00", "latest": "17:00", "minutes": 150},
          {"days": ["mon", "tue", "wed", "thu", "fri"], "earliest": "13:00", "latest": "17:00", "minutes": 150}]),
    task("securitas", "Sluitronde Academiegebouw", "academiegebouw",
         ["patrolling", "key-management"], weekdays("17:30", "20:00")),
    task("securitas", "Avondreceptie Universiteitsbibliotheek Binnenstad", "ub-binnenstad",
         ["reception", "customer-contact"], weekdays("20:00", "23:00", ("mon", "tue", "wed", "thu"))),
    task("sight", "Tuinonderhoud Pandhof en binnentuinen", "academiegebouw", ["hedge-pruning", "weeding"],
         [{"days": ["tue", "wed", "thu"], "earliest": "08:00", "latest": "16:00", "minutes": 240}]),
    task("maas", "Automaten bijvullen binnenstad", "janskerkhof",
         ["vending-restock"], weekdays("13:30", "15:00", ("tue", "thu"))
         + [{"days": ["mon", "wed", "fri"], "earliest": "08:00", "latest": "12:00", "minutes": 90}]),
]

# Tasks that cannot be combined, each for one plain reason.
LEFTOVER_TASKS = [
    # Sunday only, 2 hours in the night, and no other work near it: a day needs 3 hours.
    task("securitas", "Nachtronde Sportcentrum Olympos (zaterdagnacht)", "olympos",
         ["patrolling", "key-management", "alarm-response"],
         [{"day": "sun", "start": "00:30", "end": "02:30"}]),
    # 40 hours a week: more than a job may have.
    task("sodexo", "Volledige bediening bedrijfsrestaurant Bestuursgebouw", "bestuursgebouw",
         ["catering-support", "food-hygiene", "cash-register"], weekdays("07:30", "15:30")),
    # The depot has no travel edge: nothing else is within reach.
    task("fsc", "Meubeldepot sorteren en inpakken", DEPOT["id"],
         ["moving-furniture", "stock-control"], weekdays("09:00", "12:00", ("mon", "wed", "fri"))),
]


def uu_kickoff() -> dict:
    data = generate_campus(UU_GENERATED_TASKS, seed=UU_SEED, flexible_share=0.17, name=UU_NAME)
    data["locations"] += CITY_CENTRE + [DEPOT]
    data["travel"] += CITY_TRAVEL
    tasks = data["tasks"] + CITY_TASKS + LEFTOVER_TASKS
    # A kick-off list is written supplier by supplier; number the tasks in that order.
    order = {s["id"]: i for i, s in enumerate(SUPPLIERS)}
    tasks = sorted(tasks, key=lambda t: order[t["supplier"]])  # stable: keeps each supplier's order
    new_id = {}
    for n, t in enumerate(tasks, start=1):
        if t["id"]:
            new_id[t["id"]] = f"T{n:03d}"
        t["id"] = f"T{n:03d}"
    data["tasks"] = tasks
    data["incompatible"] = [sorted(new_id[a] for a in pair) for pair in data["incompatible"]]
    return data


def tutorial() -> dict:
    """Small enough to solve by hand: four obvious jobs, one competition, one leftover, one veto."""
    # Mowing waits until the grass is dry: afternoons only.
    flexible_mowing = {"days": ["mon", "tue", "wed", "thu", "fri"], "earliest": "12:00", "latest": "17:00",
                       "minutes": 240}
    suppliers = {s["id"]: s for s in SUPPLIERS}
    data = {
        "format": "bundler-tasks/1",
        "name": "Tutorial - kleine kick-off",
        "rules": dict(DEFAULT_RULES),
        "suppliers": [suppliers[s] for s in ("asito", "sodexo", "sight", "securitas")],
        "locations": [
            {"id": "edu", "name": "Educatorium", "site": "science-park", "lat": 52.0868, "lon": 5.1687},
            {"id": "minnaert", "name": "Minnaertgebouw", "site": "science-park", "lat": 52.0875, "lon": 5.1697},
            {"id": "botanische-tuinen", "name": "Botanische Tuinen", "site": "science-park",
             "lat": 52.0893, "lon": 5.1762},
        ],
        "travel": [
            {"from": "edu", "to": "minnaert", "minutes": 4},
            {"from": "minnaert", "to": "botanische-tuinen", "minutes": 8},
        ],
        "skills": [
            {"id": "cleaning-basic", "label": "Basic cleaning", "esco": None},
            {"id": "toilet-cleaning", "label": "Cleaning toilet facilities", "esco": None},
            {"id": "waste-collection", "label": "Handling waste", "esco": None},
            {"id": "food-hygiene", "label": "Food safety and hygiene", "esco": None},
            {"id": "catering-support", "label": "Working in a hospitality team", "esco": None},
            {"id": "dishwashing", "label": "Operating a dishwashing machine", "esco": None},
            {"id": "coffee-service", "label": "Preparing hot drinks", "esco": None},
            {"id": "mowing", "label": "Lawn care", "esco": None},
            {"id": "hedge-pruning", "label": "Pruning hedges and trees", "esco": None},
            {"id": "patrolling", "label": "Patrolling areas", "esco": None},
            {"id": "key-management", "label": "Allocating keys", "esco": None},
        ],
        "tasks": [
            {"id": "T01", "supplier": "asito", "title": "Toiletten schoonmaken Educatorium", "location": "edu",
             "skills": ["toilet-cleaning", "cleaning-basic"], "slots": weekdays("07:00", "10:00"),
             "hygiene": "dirty"},
            {"id": "T02", "supplier": "sodexo", "title": "Lunchuitgifte Educatorium", "location": "edu",
             "skills": ["catering-support", "food-hygiene"], "slots": weekdays("11:00", "14:00"),
             "hygiene": "food"},
            {"id": "T03", "supplier": "asito", "title": "Kantoorschoonmaak Minnaert", "location": "minnaert",
             "skills": ["cleaning-basic"], "slots": weekdays("07:00", "09:00")},
            {"id": "T04", "supplier": "sodexo", "title": "Koffiebar Minnaert", "location": "minnaert",
             "skills": ["coffee-service"], "slots": weekdays("09:30", "12:00")},
            {"id": "T05", "supplier": "sodexo", "title": "Vergaderlunches klaarzetten Minnaert",
             "location": "minnaert", "skills": ["catering-support", "food-hygiene"],
             "slots": weekdays("12:30", "14:30", ("tue", "thu")), "hygiene": "food"},
            {"id": "T06", "supplier": "sodexo", "title": "Afwassen spoelkeuken Educatorium", "location": "edu",
             "skills": ["dishwashing", "food-hygiene"], "slots": weekdays("14:00", "16:30")},
            {"id": "T07", "supplier": "asito", "title": "Afval inzamelen Educatorium", "location": "edu",
             "skills": ["waste-collection"], "slots": weekdays("17:00", "18:30"), "hygiene": "dirty"},
            {"id": "T08", "supplier": "securitas", "title": "Sluitronde Educatorium", "location": "edu",
             "skills": ["patrolling", "key-management"], "slots": weekdays("18:45", "21:30")},
            {"id": "T09", "supplier": "sight", "title": "Gazons maaien Botanische Tuinen",
             "location": "botanische-tuinen", "skills": ["mowing"], "slots": [dict(flexible_mowing)] * 3},
            {"id": "T10", "supplier": "sight", "title": "Hagen snoeien Botanische Tuinen",
             "location": "botanische-tuinen", "skills": ["hedge-pruning"],
             "slots": weekdays("08:00", "11:00", ("mon", "wed", "fri"))},
            {"id": "T11", "supplier": "securitas", "title": "Openingsronde Minnaert (zondag)",
             "location": "minnaert", "skills": ["key-management", "patrolling"],
             "slots": [{"day": "sun", "start": "08:00", "end": "10:00"}]},
        ],
        # Hygiene rule: whoever collects the waste does not also wash the dishes.
        "incompatible": [["T06", "T07"]],
    }
    # Skills carry their ESCO reference and Dutch label, as in the kick-off.
    used = [k["id"] for k in data["skills"]]
    by_id = {k["id"]: k for k in skill_records()}
    data["skills"] = [by_id[k] for k in used]
    sector = {s["id"]: s["sector"] for s in SUPPLIERS}
    for task in data["tasks"]:
        task.update(task_demands(sector[task["supplier"]], task["title"]))
    return data


def readable_json(data: dict) -> str:
    """One record per line: easy to read, edit and diff by hand."""
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in value)
            lines.append(f'  {json.dumps(key)}: [\n{items}\n  ]')
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def write(path: Path, data: dict) -> None:
    path.write_text(readable_json(data), encoding="utf-8")


if __name__ == "__main__":
    write(HERE / "uu_kickoff.json", uu_kickoff())
    write(HERE / "tutorial.json", tutorial())

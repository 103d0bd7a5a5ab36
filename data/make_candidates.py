"""Write data/candidates.json: 20 example people for the example kick-off (data/uu_kickoff.json).

    python data/make_candidates.py

The people are made up, varied the way a job coach's caseload is: early birds and people
who cannot start before ten, four short days or five full mornings, people who can only
reach the city centre by tram, who want little customer contact or no heavy work, who
have a skill and want to learn one more, and two for whom the kick-off has nothing yet
(too few hours, a place without enough work). Only what the fit rules need, a
pseudonymous alias and a short note; no names, no diagnoses. The file is written the same
way every run and validated against the kick-off before it is written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bundler.io import read_task_file  # noqa: E402
from bundler.people.candidates import CANDIDATES_FORMAT, parse_candidate_file  # noqa: E402

USP, CITY, DEPOT = "utrecht-science-park", "binnenstad", "nieuwegein"
WEEK = ["mon", "tue", "wed", "thu", "fri"]


def window(days, start, end):
    return {"days": days, "from": start, "until": end}


PEOPLE = [
    # Mornings only, not before nine: the classic "start after the school run".
    dict(available=[window(WEEK, "09:00", "15:00")], min_week_hours=20, max_week_hours=24, max_day_hours=5,
         skills=["cleaning-basic"], learnable=["catering-support", "food-hygiene", "dishwashing"],
         limits={"physical_load": "medium", "customer_contact": "medium"}, reach=[USP],
         note="Wil graag in een keuken werken; begint pas na 9 uur."),
    # Early bird, experienced cleaner.
    dict(available=[window(WEEK, "06:00", "12:00")], min_week_hours=20, max_week_hours=28,
         skills=["cleaning-basic", "floor-machine", "window-cleaning", "toilet-cleaning"],
         learnable=["waste-collection", "working-independently"], reach=[USP],
         note="Ervaren schoonmaker, vroeg beginnen is prima."),
    # Afternoons and evenings.
    dict(available=[window(WEEK, "13:00", "21:00")], min_week_hours=20, max_week_hours=30,
         skills=["cleaning-basic", "toilet-cleaning"], learnable=["floor-machine", "patrolling", "key-management"],
         limits={"customer_contact": "low"}, reach=[USP], note="Liever weinig contact met mensen."),
    # Green work, four days.
    dict(available=[window(WEEK[:4], "08:00", "16:00")], min_week_hours=20, max_week_hours=28, max_work_days=4,
         skills=["weeding", "litter-picking", "mowing"], learnable=["hedge-pruning"],
         limits={"customer_contact": "low", "interruptions": "low"}, reach=[USP],
         note="Werkt graag buiten; vrijdag vrij."),
    # Only the city centre, by tram.
    dict(available=[window(WEEK, "09:00", "17:00")], min_week_hours=20, max_week_hours=25,
         skills=["coffee-service", "cleaning-basic"],
         learnable=["catering-support", "food-hygiene", "cash-register", "customer-contact", "mail-delivery",
                    "mail-sorting", "toilet-cleaning"],
         reach=[CITY], note="Reist met de tram; alleen binnenstad."),
    # Reception and security, nothing heavy.
    dict(available=[window(WEEK, "07:00", "14:00")], min_week_hours=20, max_week_hours=26,
         skills=["reception", "key-management", "patrolling", "customer-contact"],
         learnable=["mail-sorting", "mail-delivery", "working-independently"], limits={"physical_load": "low"},
         reach=[USP], note="Geen zwaar tilwerk."),
    # Four short days.
    dict(available=[window(WEEK, "09:00", "15:00")], min_week_hours=20, max_week_hours=20, max_day_hours=5,
         max_work_days=4, skills=["mail-sorting", "mail-delivery"],
         learnable=["stock-control", "vending-restock", "key-management", "reception"],
         limits={"pace": "medium", "physical_load": "medium"}, reach=[USP], note="Vier dagen van vijf uur."),
    # Too few hours for any job under the kick-off's 20-hour minimum.
    dict(available=[window(WEEK, "09:00", "13:00")], min_week_hours=12, max_week_hours=16, max_day_hours=4,
         skills=["cleaning-basic"], learnable=["dishwashing"], reach=[USP], note="Bouwt uren langzaam op."),
    # Evenings, security.
    dict(available=[window(WEEK, "16:00", "23:00")], min_week_hours=20, max_week_hours=30,
         skills=["patrolling", "key-management", "alarm-response"], learnable=["cleaning-basic", "reception"],
         reach=[USP, CITY], note="Avondmens."),
    # Dishwashing, quiet work.
    dict(available=[window(WEEK, "10:00", "17:00")], min_week_hours=20, max_week_hours=28,
         skills=["dishwashing", "food-hygiene"], learnable=["cleaning-basic", "catering-support"],
         limits={"customer_contact": "low", "interruptions": "low"}, reach=[USP],
         note="Rustige werkplek, vaste taken."),
    # Vending and stock.
    dict(available=[window(WEEK, "07:00", "15:00")], min_week_hours=20, max_week_hours=28,
         skills=["vending-restock", "stock-control"], learnable=["cleaning-basic", "mail-sorting"],
         limits={"customer_contact": "low"}, reach=[USP], note="Heeft een rijbewijs niet nodig."),
    # Low pace, no customer contact, litter picking.
    dict(available=[window(WEEK, "08:00", "16:00")], min_week_hours=20, max_week_hours=25, max_day_hours=6,
         skills=["litter-picking"], learnable=["weeding", "cleaning-basic", "stock-control"],
         limits={"pace": "low", "customer_contact": "low"}, reach=[USP], note="Eigen tempo is belangrijk."),
    # Catering front of house.
    dict(available=[window(WEEK, "08:00", "15:00")], min_week_hours=20, max_week_hours=30,
         skills=["coffee-service", "cash-register", "customer-contact", "catering-support", "food-hygiene"],
         learnable=["dishwashing"], reach=[USP, CITY], note="Werkt graag met gasten."),
    # Three days.
    dict(available=[window(["mon", "tue", "thu"], "07:00", "17:00")], min_week_hours=20, max_week_hours=24,
         max_work_days=3, skills=["moving-furniture", "stock-control"],
         learnable=["mail-sorting", "working-independently"], reach=[USP, CITY], note="Drie dagen per week."),
    # Not before ten.
    dict(available=[window(WEEK, "10:00", "16:00")], min_week_hours=20, max_week_hours=26,
         skills=["cleaning-basic", "toilet-cleaning"], learnable=["dishwashing", "food-hygiene"],
         limits={"physical_load": "medium"}, reach=[USP], note="Ochtend is lastig."),
    # Only the depot in Nieuwegein.
    dict(available=[window(WEEK, "08:00", "16:00")], min_week_hours=20, max_week_hours=30,
         skills=["moving-furniture"], learnable=["stock-control"], reach=[DEPOT], note="Woont in Nieuwegein."),
    # Anything light, mornings.
    dict(available=[window(WEEK, "07:00", "13:00")], min_week_hours=20, max_week_hours=28,
         limits={"physical_load": "low"}, reach=[USP], note="Breed inzetbaar, niets zwaars."),
    # Needs supervision.
    dict(available=[window(WEEK, "08:00", "15:00")], min_week_hours=20, max_week_hours=25,
         skills=["catering-support", "food-hygiene"], learnable=["dishwashing", "coffee-service", "cleaning-basic"],
         limits={"independence": "low"}, reach=[USP], note="Werkt het best met een vaste collega in de buurt."),
    # Four mornings of five hours.
    dict(available=[window(WEEK[:4], "07:00", "12:00")], min_week_hours=20, max_week_hours=20, max_day_hours=5,
         max_work_days=4, skills=["window-cleaning", "cleaning-basic", "toilet-cleaning"],
         learnable=["floor-machine"], reach=[USP], note="Vrijdag vrij."),
    # Afternoons, kitchen or moving.
    dict(available=[window(WEEK, "12:00", "18:00")], min_week_hours=20, max_week_hours=28,
         skills=["dishwashing", "cleaning-basic"], learnable=["food-hygiene", "moving-furniture"],
         limits={"customer_contact": "medium"}, reach=[USP], note="Middagen."),
]


def candidates() -> dict:
    people = []
    for n, person in enumerate(PEOPLE, start=1):
        people.append({"id": f"K{n:02d}", "alias": f"Kandidaat {n}", **person})
    return {"format": CANDIDATES_FORMAT, "candidates": people}


def main() -> None:
    data = candidates()
    parse_candidate_file(data, read_task_file(HERE / "uu_kickoff.json"))  # never write a file that does not validate
    out = HERE / "candidates.json"
    out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(data['candidates'])} candidates written to {out}")


if __name__ == "__main__":
    main()

"""Seeded generator of realistic kick-off task files (`bundler-tasks/1`).

Real kick-off files are small and private, yet the solver, the app and the benchmarks
need instances of every size that look like the real thing: the eight parties of a
university kick-off, their typical working hours per sector (cleaning early and late,
catering around lunch, security at opening and closing, grounds in flexible daytime
windows), buildings with coordinates and walking times, and Dutch task titles.

Everything is drawn from one `random.Random(seed)`, so a seed names an instance.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from bundler.domain import TASKS_FORMAT, to_hhmm

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")

DEFAULT_RULES = {
    "min_job_hours": 20, "max_job_hours": 36, "max_suppliers_per_job": 2,
    "min_day_hours": 3, "max_day_hours": 8, "max_gap_minutes": 60,
    "max_skills_per_job": None, "max_work_days": 5, "min_rest_hours": 11, "start_step_minutes": 15,
    "min_weekly_rest_hours": 36, "break_after_hours": 5.5, "min_break_minutes": 30, "changeover_minutes": 10,
    "hygiene_order": True, "spread_flexible_slots": True, "objective": "jobs",
}

# The parties at the table, with the collective labour agreement each one employs under
# (it decides who can be the formal employer of a combined job) and how many of the
# loose tasks each typically brings.
SUPPLIERS = [
    {"id": "asito", "name": "Asito", "sector": "cleaning", "cao": "CAO Schoonmaak- en glazenwassersbedrijf"},
    {"id": "westerveld", "name": "Westerveld", "sector": "cleaning", "cao": "CAO Schoonmaak- en glazenwassersbedrijf"},
    {"id": "sodexo", "name": "Sodexo", "sector": "catering", "cao": "CAO Contractcateringbranche"},
    {"id": "eurest", "name": "Eurest", "sector": "catering", "cao": "CAO Contractcateringbranche"},
    {"id": "maas", "name": "Maas", "sector": "vending", "cao": "CAO Vending"},
    {"id": "verheij", "name": "Verheij", "sector": "grounds", "cao": "CAO Hoveniers"},
    {"id": "sight", "name": "SIGHT Landscaping", "sector": "grounds", "cao": "CAO Hoveniers"},
    {"id": "securitas", "name": "Securitas", "sector": "security", "cao": "CAO Particuliere Beveiliging"},
    {"id": "fsc", "name": "Facilitair Service Centrum", "sector": "facility", "cao": "CAO Nederlandse Universiteiten"},
]
SUPPLIER_WEIGHTS = {"asito": 17, "westerveld": 12, "sodexo": 13, "eurest": 9, "maas": 7,
                    "verheij": 7, "sight": 5, "securitas": 12, "fsc": 18}

# How readily a sector's work can float within a window: grounds work waits for the
# weather, furniture moves for a free room; a lunch service cannot move at all.
FLEXIBLE_AFFINITY = {"grounds": 6.0, "facility": 1.5, "cleaning": 0.6, "vending": 0.6,
                     "security": 0.4, "catering": 0.3}

_ESCO = "http://data.europa.eu/esco/skill/"
# (id, English label, Dutch label, closest ESCO v1.1.1 skill), so vacancies can name
# competences instead of job titles.
SKILLS = [
    ("cleaning-basic", "Basic cleaning", "Schoonmaken", "4f1b6304-f54a-42f0-9604-5427a28d240f"),
    ("toilet-cleaning", "Cleaning toilet facilities", "Sanitair schoonmaken", "58a15a33-2b41-4a7e-bb8a-777328b5d82a"),
    ("floor-machine", "Operating floor cleaning machines", "Werken met een schrobmachine", "2ed98048-bf2f-47e5-a0de-fd23d6abe2f6"),
    ("window-cleaning", "Cleaning glass surfaces", "Glas wassen", "d05ae693-dc7d-4073-8806-2782f117c24a"),
    ("waste-collection", "Handling waste", "Afval inzamelen", "b09df20a-51b9-438d-9745-696b02156470"),
    ("food-hygiene", "Food safety and hygiene", "Voedselveiligheid en hygiëne (HACCP)", "0ff99f51-40d9-42f1-a1ec-377b2bb5e15f"),
    ("catering-support", "Working in a hospitality team", "Meewerken in de bediening", "8c8da904-cdb3-47d9-bfbf-15ade747d9ec"),
    ("dishwashing", "Operating a dishwashing machine", "Afwassen met een vaatwasmachine", "f20aedf0-6543-498d-b88e-0a32e604acbb"),
    ("coffee-service", "Preparing hot drinks", "Koffie en thee zetten", "e4fb4f26-1c0c-45e4-9250-5be32cee2a48"),
    ("cash-register", "Operating a cash register", "Kassa bedienen", "0cb013af-6dd9-4fb2-b34e-63dda1a5cf82"),
    ("vending-restock", "Maintaining vending machines", "Automaten bijvullen en onderhouden", "a74acf0f-f0ac-4d39-a098-cb38ffcc9657"),
    ("stock-control", "Monitoring stock levels", "Voorraad bijhouden", "44f6a65f-6be7-4818-9a66-73908797283f"),
    ("mowing", "Lawn care", "Gazons maaien en onderhouden", "fdff4747-70f6-4f1a-8285-8d31eb3c11e1"),
    ("hedge-pruning", "Pruning hedges and trees", "Hagen en bomen snoeien", "51097602-8e4e-4830-8f35-d77afc713fc0"),
    ("weeding", "Weed control", "Onkruid bestrijden", "94a1b3c5-2a95-4703-8559-973bc6d14747"),
    ("litter-picking", "Outdoor cleaning", "Zwerfafval prikken en buitenruimte schoonhouden", "f17846ea-7278-4b92-808e-bddeb6122cbe"),
    ("reception", "Greeting guests", "Gasten ontvangen", "26a6e6d2-1c9a-4d7e-8c04-5ba16d1f53da"),
    ("key-management", "Allocating keys", "Sleutelbeheer", "9b42768d-c4e8-40bb-ad70-712afbdf1f78"),
    ("patrolling", "Patrolling areas", "Surveillancerondes lopen", "e95dc989-ae49-49c6-bfc4-9aef35e92f35"),
    ("alarm-response", "Following alarm procedures", "Alarmopvolging", "fdfc0bfb-180d-4295-b747-1f5569358a7e"),
    ("mail-sorting", "Handling mail", "Post sorteren", "76f22707-8d30-453f-9eb7-3376e2960311"),
    ("mail-delivery", "Delivering correspondence", "Post rondbrengen", "df1265b9-81fd-4a40-a746-f0442ffbf7ef"),
    ("moving-furniture", "Moving objects", "Meubilair verplaatsen", "b6bdf202-524f-475d-b813-2aa9af005c37"),
    ("customer-contact", "Communicating with customers", "Klantcontact", "0da516ee-e70e-4384-be13-f5ff80be8127"),
    ("working-independently", "Working independently", "Zelfstandig werken", "c29aa9d2-4da8-4bdd-831c-8d4a2fb51730"),
]


def skill_records() -> list[dict]:
    """The skill list of a task file; `label_nl` is an optional addition for Dutch vacancies."""
    return [{"id": sid, "label": label, "label_nl": label_nl, "esco": _ESCO + uri}
            for sid, label, label_nl, uri in SKILLS]


# --- when work happens ------------------------------------------------------------


def _t(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


@dataclass(frozen=True)
class Block:
    """A fixed daily block: starts at or after `first`, ends by `last`, lasts one of `durations`."""

    first: str
    last: str
    durations: tuple[int, ...]


@dataclass(frozen=True)
class Window:
    """Work that may float: `minutes` somewhere between `earliest` and `latest`."""

    earliest: str
    latest: str
    durations: tuple[int, ...]


@dataclass(frozen=True)
class Activity:
    sector: str
    title: str
    """Dutch title; `{place}` becomes the building's short name."""
    skills: tuple[str, ...]
    """Core skill first; a task takes the first one to three."""
    blocks: tuple[Block, ...] = ()
    window: Window | None = None
    weekend: bool = False
    hygiene: str | None = None
    """`dirty` (toilets, waste) or `food`: the order rule 13 keeps within a day."""


SHORT = (90, 120, 150, 180)
MEDIUM = (120, 150, 180, 210, 240)
CLEAN_EARLY = Block("06:00", "10:30", SHORT)
CLEAN_LATE = Block("16:00", "20:00", SHORT)
LUNCH = Block("10:30", "14:30", MEDIUM)
OPENING = Block("06:30", "09:00", (60, 90, 120, 150))
CLOSING = Block("17:00", "22:00", (120, 150, 180))
DAYTIME = Window("08:00", "16:00", MEDIUM)

ACTIVITIES = [
    Activity("cleaning", "Toiletten schoonmaken {place}", ("toilet-cleaning", "cleaning-basic"),
             (CLEAN_EARLY, CLEAN_LATE), weekend=True, hygiene="dirty"),
    Activity("cleaning", "Kantoorschoonmaak {place}", ("cleaning-basic", "working-independently"),
             (CLEAN_EARLY, CLEAN_LATE), weekend=True),
    Activity("cleaning", "Collegezalen opruimen {place}", ("cleaning-basic", "waste-collection"),
             (CLEAN_EARLY, CLEAN_LATE)),
    Activity("cleaning", "Vloeren machinaal reinigen {place}", ("floor-machine", "cleaning-basic"),
             (CLEAN_EARLY, CLEAN_LATE), Window("07:00", "17:00", SHORT)),
    Activity("cleaning", "Glasbewassing {place}", ("window-cleaning", "working-independently"),
             (CLEAN_EARLY,), DAYTIME),
    Activity("cleaning", "Afval inzamelen {place}", ("waste-collection", "working-independently"),
             (CLEAN_EARLY, CLEAN_LATE), weekend=True, hygiene="dirty"),
    Activity("cleaning", "Dagschoonmaak en sanitair bijvullen {place}", ("toilet-cleaning", "customer-contact"),
             (Block("10:00", "15:00", SHORT),), hygiene="dirty"),
    Activity("catering", "Lunchuitgifte {place}", ("catering-support", "food-hygiene", "customer-contact"), (LUNCH,), hygiene="food"),
    Activity("catering", "Kassa restaurant {place}", ("cash-register", "customer-contact"), (LUNCH,)),
    Activity("catering", "Afwassen spoelkeuken {place}", ("dishwashing", "food-hygiene"),
             (Block("12:30", "16:30", MEDIUM),)),
    Activity("catering", "Koffiebar {place}", ("coffee-service", "cash-register", "customer-contact"),
             (Block("08:00", "12:00", MEDIUM),), hygiene="food"),
    Activity("catering", "Vergaderlunches klaarzetten {place}", ("catering-support", "food-hygiene"),
             (Block("10:30", "14:00", SHORT),), hygiene="food"),
    Activity("catering", "Broodjes beleggen {place}", ("food-hygiene", "catering-support"),
             (Block("08:30", "11:30", SHORT),), hygiene="food"),
    Activity("catering", "Keukenapparatuur reinigen {place}", ("dishwashing", "food-hygiene", "cleaning-basic"),
             (Block("13:30", "17:00", SHORT),), Window("13:30", "17:00", SHORT)),
    Activity("vending", "Automaten bijvullen {place}", ("vending-restock", "stock-control"),
             (Block("07:00", "12:00", (60, 90, 120, 150, 180)),), Window("07:00", "12:00", (90, 120, 150))),
    Activity("vending", "Koffieautomaten reinigen {place}", ("vending-restock", "cleaning-basic"),
             (Block("07:00", "11:00", (60, 90, 120)),), Window("08:00", "16:00", (90, 120))),
    Activity("vending", "Voorraad automaten controleren {place}", ("stock-control", "working-independently"),
             (Block("12:00", "16:00", (60, 90, 120)),)),
    Activity("grounds", "Gazons maaien rond {place}", ("mowing", "working-independently"),
             (Block("07:30", "16:00", MEDIUM),), DAYTIME),
    Activity("grounds", "Hagen en heesters snoeien bij {place}", ("hedge-pruning", "working-independently"),
             (Block("07:30", "16:00", MEDIUM),), DAYTIME),
    Activity("grounds", "Zwerfafval prikken rond {place}", ("litter-picking",),
             (Block("07:30", "12:00", SHORT),), DAYTIME),
    Activity("grounds", "Onkruid wieden borders {place}", ("weeding", "litter-picking"),
             (Block("07:30", "16:00", MEDIUM),), DAYTIME),
    Activity("grounds", "Bladruimen en paden vegen {place}", ("litter-picking", "working-independently"),
             (Block("07:30", "16:00", MEDIUM),), DAYTIME),
    Activity("security", "Openingsronde {place}", ("key-management", "patrolling"), (OPENING,), weekend=True),
    Activity("security", "Sluitronde {place}", ("patrolling", "key-management", "alarm-response"),
             (CLOSING,), weekend=True),
    Activity("security", "Avondreceptie {place}", ("reception", "customer-contact", "alarm-response"),
             (Block("17:00", "22:00", MEDIUM),), weekend=True),
    Activity("security", "Toegangscontrole tentamens {place}", ("reception", "patrolling"),
             (Block("08:30", "12:30", SHORT),), Window("08:30", "17:00", SHORT)),
    Activity("security", "Brandblusmiddelen en nooduitgangen controleren {place}", ("patrolling", "working-independently"),
             (Block("09:00", "17:00", SHORT),), Window("09:00", "17:00", SHORT)),
    Activity("facility", "Postronde {place}", ("mail-delivery", "mail-sorting"),
             (Block("08:30", "12:00", SHORT), Block("13:00", "16:30", SHORT))),
    Activity("facility", "Post sorteren postkamer {place}", ("mail-sorting", "working-independently"),
             (Block("07:30", "10:30", SHORT),)),
    Activity("facility", "Interne verhuizingen {place}", ("moving-furniture", "working-independently"),
             (Block("08:00", "17:00", MEDIUM),), Window("08:00", "17:00", MEDIUM)),
    Activity("facility", "Zalen inrichten {place}", ("moving-furniture", "customer-contact"),
             (Block("07:30", "10:00", SHORT), Block("16:00", "19:00", SHORT)), Window("07:30", "19:00", SHORT)),
    Activity("facility", "Receptieondersteuning {place}", ("reception", "customer-contact"),
             (Block("08:00", "12:30", MEDIUM), Block("12:30", "17:00", MEDIUM))),
    Activity("facility", "Sleutelbeheer en pasjesuitgifte {place}", ("key-management", "customer-contact"),
             (Block("08:30", "12:30", SHORT),)),
    Activity("facility", "Goederenontvangst {place}", ("stock-control", "moving-furniture"),
             (Block("07:00", "11:00", SHORT),), Window("07:00", "12:00", SHORT)),
]

WEEKDAY_PATTERNS = [
    (WEEKDAYS, 40), (("mon", "tue", "wed", "thu"), 8), (("tue", "wed", "thu", "fri"), 5),
    (("mon", "wed", "fri"), 14), (("tue", "thu"), 12), (("mon", "tue", "wed"), 5), (("wed", "thu", "fri"), 5),
    (("mon",), 2), (("tue",), 2), (("wed",), 2), (("thu",), 2), (("fri",), 2),
]
WEEKEND_PATTERNS = [(("sat",), 4), (("sun",), 3), (("sat", "sun"), 5)]
WEEKEND_SHARE = 0.15
"""Share of weekend-capable activities (security, some cleaning) done on sat/sun."""
FLEXIBLE_DAY_SPLITS = {1: [WEEKDAYS, ("mon", "tue", "wed"), ("wed", "thu", "fri"), ("tue", "thu")],
                       2: [(WEEKDAYS, WEEKDAYS), (("mon", "tue", "wed"), ("wed", "thu", "fri"))],
                       3: [(WEEKDAYS,) * 3, (("mon", "tue"), ("wed",), ("thu", "fri"))]}
MIN_TASK_MINUTES, MAX_TASK_MINUTES = 180, 900
"""Loose tasks are 3-15 hours a week: less is not worth a slot, more is nearly a job."""


# --- where work happens -----------------------------------------------------------


@dataclass(frozen=True)
class Campus:
    name: str
    lat: float
    lon: float
    buildings: tuple[tuple, ...]
    """(id, full name, short name, lat, lon) with real coordinates, or just short names."""


UTRECHT_SCIENCE_PARK = Campus("Utrecht Science Park", 52.0866, 5.1745, (
    ("edu", "Educatorium", "Educatorium", 52.0868, 5.1687),
    ("minnaert", "Minnaertgebouw", "Minnaert", 52.0875, 5.1697),
    ("buys-ballot", "Buys Ballotgebouw", "Buys Ballot", 52.0873, 5.1658),
    ("ruppert", "Ruppertgebouw", "Ruppert", 52.0843, 5.1710),
    ("koningsberger", "Victor J. Koningsbergergebouw", "Koningsberger", 52.0866, 5.1745),
    ("kruyt", "Kruytgebouw", "Kruyt", 52.0860, 5.1733),
    ("freudenthal", "Hans Freudenthalgebouw", "Freudenthal", 52.0879, 5.1736),
    ("bibliotheek-uithof", "Universiteitsbibliotheek Uithof", "Bibliotheek Uithof", 52.0873, 5.1776),
    ("bestuursgebouw", "Bestuursgebouw", "Bestuursgebouw", 52.0858, 5.1764),
    ("van-unnik", "Van Unnikgebouw", "Van Unnik", 52.0852, 5.1738),
    ("langeveld", "Langeveldgebouw", "Langeveld", 52.0851, 5.1772),
    ("david-de-wied", "David de Wiedgebouw", "David de Wied", 52.0862, 5.1792),
    ("androclus", "Androclusgebouw", "Androclus", 52.0880, 5.1801),
    ("botanische-tuinen", "Botanische Tuinen", "Botanische Tuinen", 52.0893, 5.1762),
    ("olympos", "Sportcentrum Olympos", "Olympos", 52.0825, 5.1790),
))
OTHER_CAMPUSES = [
    Campus("Amsterdam Science Park", 52.3546, 4.9555, ("Science Park 904", "Lab42", "Amsterdam University College",
                                                        "Nikhef", "Matrix One", "Sportcentrum Science Park")),
    Campus("Leiden Bio Science Park", 52.1670, 4.4780, ("Gorlaeus", "Huygens", "Snellius", "Sylvius", "Oort",
                                                         "Van Steenis")),
    Campus("Wageningen Campus", 51.9860, 5.6650, ("Forum", "Orion", "Atlas", "Radix", "Helix", "Lumen", "Aurora",
                                                  "Omnia", "Zodiac", "Axis")),
    Campus("Campus Heyendaal", 51.8190, 5.8660, ("Huygensgebouw", "Grotius", "Elinor Ostrom", "Spinozagebouw",
                                                 "Erasmusgebouw", "Gymnasion", "Linnaeusgebouw", "Mercator")),
    Campus("Zernike Campus", 53.2410, 6.5340, ("Linnaeusborg", "Nijenborgh 4", "Bernoulliborg", "Duisenberg",
                                               "Feringa Building", "Energy Academy", "ACLO Sportcentrum")),
    Campus("TU/e Campus", 51.4480, 5.4900, ("Atlas", "Auditorium", "MetaForum", "Flux", "Gemini", "Helix",
                                            "Matrix", "Vertigo", "Neuron")),
    Campus("TU Delft Campus", 51.9990, 4.3730, ("Aula", "EWI", "Bouwkunde", "TNW", "3mE", "TU Delft Library",
                                                "Pulse", "Echo")),
    Campus("Campus Universiteit Twente", 52.2430, 6.8520, ("Vrijhof", "Ravelijn", "Carré", "Zilverling", "Horst",
                                                           "Spiegel", "Waaier", "Sportcentrum")),
]
TASKS_PER_BUILDING = 8
MAX_BUILDINGS = 40


def slug(text: str) -> str:
    """`Nijenborgh 4` -> `nijenborgh-4`: a readable id."""
    text = text.lower().replace("é", "e").replace("ë", "e").replace("/", "-")
    return "-".join("".join(c if c.isalnum() else " " for c in text).split())


def distance_m(a: dict, b: dict) -> float:
    """Equirectangular distance in metres: exact enough within a campus."""
    dlat = math.radians(b["lat"] - a["lat"])
    dlon = math.radians(b["lon"] - a["lon"]) * math.cos(math.radians((a["lat"] + b["lat"]) / 2))
    return 6_371_000 * math.hypot(dlat, dlon)


def walking_minutes(a: dict, b: dict) -> int:
    """Walking between buildings, cycling for the far ones: 2-10 minutes on a campus."""
    return max(2, min(10, round(1 + distance_m(a, b) / 100)))


def campus_travel(locations: list[dict], neighbours: int = 2) -> list[dict]:
    """A connected path network: a minimum spanning tree plus each building's nearest neighbours."""
    n = len(locations)
    edges: dict[tuple[int, int], int] = {}

    def add(i: int, j: int) -> None:
        edges.setdefault((min(i, j), max(i, j)), walking_minutes(locations[i], locations[j]))

    in_tree, best = {0}, {j: (distance_m(locations[0], locations[j]), 0) for j in range(1, n)}
    while best:  # Prim
        j = min(best, key=lambda k: (best[k][0], k))
        add(j, best.pop(j)[1])
        in_tree.add(j)
        for k in best:
            d = distance_m(locations[j], locations[k])
            if d < best[k][0]:
                best[k] = (d, j)
    for i in range(n):
        nearest = sorted((distance_m(locations[i], locations[j]), j) for j in range(n) if j != i)
        for _, j in nearest[:neighbours]:
            add(i, j)
    return [{"from": locations[i]["id"], "to": locations[j]["id"], "minutes": m}
            for (i, j), m in sorted(edges.items())]


def _campus(rng: random.Random, index: int) -> Campus:
    if index == 0:
        return UTRECHT_SCIENCE_PARK
    if index <= len(OTHER_CAMPUSES):
        return OTHER_CAMPUSES[index - 1]
    return Campus(f"Campus {index + 1}", round(rng.uniform(51.5, 53.2), 4), round(rng.uniform(4.5, 6.8), 4), ())


def campus_locations(rng: random.Random, campus: Campus, count: int, prefix: str = "") -> list[dict]:
    """`count` buildings of a campus; campuses without known buildings get numbered pavilions."""
    site = slug(campus.name)
    locations = []
    for i in range(count):
        known = campus.buildings[i] if i < len(campus.buildings) else None
        if isinstance(known, tuple):
            lid, name, short, lat, lon = known
        else:
            short = known or f"Paviljoen {i + 1 - len(campus.buildings)}"
            lid, name = slug(short), short
            lat = campus.lat + rng.uniform(-0.004, 0.004)
            lon = campus.lon + rng.uniform(-0.007, 0.007)
        locations.append({"id": prefix + lid, "name": name, "short": short, "site": site,
                          "lat": round(lat, 5), "lon": round(lon, 5)})
    return locations


# --- tasks ------------------------------------------------------------------------


def _weighted(rng: random.Random, options: list[tuple]) -> tuple:
    """One value of (value, weight) pairs."""
    return rng.choices([value for value, _ in options], weights=[w for _, w in options])[0]


def fixed_slots(rng: random.Random, activity: Activity) -> list[dict]:
    """The same block on several days: how most loose tasks are written down."""
    block = rng.choice(activity.blocks)
    minutes = rng.choice(block.durations)
    first, last_start = _t(block.first), _t(block.last) - minutes
    start = first + 30 * rng.randint(0, max(0, last_start - first) // 30)
    weekend = activity.weekend and rng.random() < WEEKEND_SHARE
    patterns = []
    for options in ((WEEKEND_PATTERNS, WEEKDAY_PATTERNS) if weekend else (WEEKDAY_PATTERNS,)):
        patterns = patterns or [(days, w) for days, w in options
                                if MIN_TASK_MINUTES <= minutes * len(days) <= MAX_TASK_MINUTES]
    days = _weighted(rng, patterns)
    return [{"day": day, "start": to_hhmm(start), "end": to_hhmm(start + minutes)} for day in days]


def flexible_slots(rng: random.Random, activity: Activity) -> list[dict]:
    """One to three occurrences a week that may float within the activity's window."""
    window = activity.window
    minutes = rng.choice(window.durations)
    counts = [(n, w) for n, w in ((1, 3), (2, 4), (3, 3)) if MIN_TASK_MINUTES <= n * minutes <= MAX_TASK_MINUTES]
    count = _weighted(rng, counts)
    day_sets = rng.choice(FLEXIBLE_DAY_SPLITS[count])
    if count == 1:
        day_sets = (day_sets,)
    return [{"days": list(days), "earliest": window.earliest, "latest": window.latest, "minutes": minutes}
            for days in day_sets]


# What the work of a sector typically asks (IHW-style task screening); no random draw,
# so adding these fields leaves every generated instance otherwise unchanged.
DEMANDS_BY_SECTOR = {
    "cleaning": {"physical_load": "high", "pace": "medium", "interruptions": "low", "independence": "high",
                 "customer_contact": "low"},
    "catering": {"physical_load": "medium", "pace": "high", "interruptions": "high", "independence": "low",
                 "customer_contact": "high"},
    "vending": {"physical_load": "medium", "pace": "low", "interruptions": "low", "independence": "high",
                "customer_contact": "low"},
    "grounds": {"physical_load": "high", "pace": "low", "interruptions": "low", "independence": "medium",
                "customer_contact": "low"},
    "security": {"physical_load": "low", "pace": "low", "interruptions": "medium", "independence": "high",
                 "customer_contact": "medium"},
    "facility": {"physical_load": "medium", "pace": "medium", "interruptions": "medium", "independence": "medium",
                 "customer_contact": "medium"},
}
# Where an activity differs from its sector, keyed by the first word of its title: a
# dish room has no customers, an evening reception has little else.
DEMANDS_BY_ACTIVITY = {
    "Dagschoonmaak": {"interruptions": "medium", "customer_contact": "medium"},
    "Afwassen": {"physical_load": "high", "interruptions": "low", "customer_contact": "low"},
    "Keukenapparatuur": {"pace": "medium", "interruptions": "low", "customer_contact": "low"},
    "Broodjes": {"interruptions": "low", "customer_contact": "low"},
    "Vergaderlunches": {"pace": "medium", "interruptions": "medium", "customer_contact": "medium"},
    "Kassa": {"physical_load": "low"},
    "Voorraad": {"physical_load": "low"},
    "Zwerfafval": {"physical_load": "medium"},
    "Avondreceptie": {"interruptions": "high", "independence": "medium", "customer_contact": "high"},
    "Toegangscontrole": {"pace": "medium", "customer_contact": "high"},
    "Openingsronde": {"customer_contact": "low"},
    "Sluitronde": {"customer_contact": "low"},
    "Postronde": {"independence": "high"},
    "Post": {"interruptions": "low", "independence": "high", "customer_contact": "low"},
    "Interne": {"physical_load": "high", "independence": "low", "customer_contact": "low"},
    "Zalen": {"physical_load": "high", "independence": "low"},
    "Receptieondersteuning": {"physical_load": "low", "interruptions": "high", "customer_contact": "high"},
    "Sleutelbeheer": {"physical_load": "low", "customer_contact": "high"},
    "Goederenontvangst": {"physical_load": "high", "customer_contact": "low"},
}


def task_demands(sector: str, title: str) -> dict[str, str]:
    """Screening levels of a task: its sector's, corrected for the activity its title names."""
    first = title.split()[0] if title.split() else ""
    return {**DEMANDS_BY_SECTOR.get(sector, {}), **DEMANDS_BY_ACTIVITY.get(first, {})}


def make_task(rng: random.Random, task_id: str, supplier: str, sector: str, location: dict,
              flexible: bool) -> dict:
    """One loose task of a supplier's sector at a building, fixed or flexible."""
    fitting = [a for a in ACTIVITIES if a.sector == sector and (a.window if flexible else a.blocks)]
    activity = rng.choice(fitting)
    slots = flexible_slots(rng, activity) if flexible else fixed_slots(rng, activity)
    skills = list(activity.skills[:rng.randint(1, len(activity.skills))])
    return {"id": task_id, "supplier": supplier, "title": activity.title.format(place=location["short"]),
            "location": location["id"], "skills": skills, "slots": slots,
            **task_demands(sector, activity.title), **({"hygiene": activity.hygiene} if activity.hygiene else {})}


def pick_flexible(rng: random.Random, sectors: list[str], share: float) -> set[int]:
    """Exactly round(share * n) task indices, drawn with sector weights (Efraimidis-Spirakis keys)."""
    count = round(max(0.0, min(1.0, share)) * len(sectors))
    keys = [(rng.random() ** (1 / FLEXIBLE_AFFINITY[s]), i) for i, s in enumerate(sectors)]
    return {i for _, i in sorted(keys, reverse=True)[:count]}


def incompatible_pairs(rng: random.Random, tasks: list[dict], region_of: dict[str, int], count: int) -> list[list[str]]:
    """Hygiene rules first (waste collection never next to food service), then supplier vetoes."""
    pairs: list[list[str]] = []
    seen: set[tuple[str, str]] = set()

    def add(a: dict, b: dict) -> None:
        key = tuple(sorted((a["id"], b["id"])))
        if key not in seen:
            seen.add(key)
            pairs.append(list(key))

    waste = [t for t in tasks if "waste-collection" in t["skills"]]
    food = [t for t in tasks if {"food-hygiene", "catering-support"} & set(t["skills"])]
    for _ in range(count * 10):
        if len(pairs) >= count or not waste or not food:
            break
        w = rng.choice(waste)
        near = [f for f in food if region_of[f["location"]] == region_of[w["location"]]]
        same_place = [f for f in near if f["location"] == w["location"]]
        if near:
            add(w, rng.choice(same_place or near))
    for _ in range(count * 10):
        if len(pairs) >= count:
            break
        a, b = rng.sample(tasks, 2)
        if a["supplier"] != b["supplier"] and region_of[a["location"]] == region_of[b["location"]]:
            add(a, b)
    return pairs


def generate_campus(n_tasks: int, seed: int = 0, n_regions: int = 1, flexible_share: float = 0.18,
                    name: str | None = None) -> dict:
    """A realistic kick-off task file with exactly `n_tasks` loose tasks.

    Region 1 is the Utrecht Science Park, further regions are other Dutch campuses
    (location ids `r02-...`); regions share no travel edges, so their tasks never share
    a job. About `flexible_share` of the tasks (exactly, after rounding) get flexible slots.
    """
    if n_tasks < 1 or n_regions < 1:
        raise ValueError("n_tasks and n_regions must be at least 1")
    rng = random.Random(seed)
    width = max(2, len(str(n_regions)))
    locations: list[dict] = []
    travel: list[dict] = []
    region_locations: list[list[dict]] = []
    region_of: dict[str, int] = {}
    for r in range(n_regions):
        in_region = n_tasks * (r + 1) // n_regions - n_tasks * r // n_regions
        count = max(3, min(MAX_BUILDINGS, math.ceil(in_region / TASKS_PER_BUILDING)))
        prefix = f"r{r + 1:0{width}d}-" if n_regions > 1 else ""
        region = campus_locations(rng, _campus(rng, r), count, prefix)
        region_locations.append(region)
        travel += campus_travel(region)
        locations += region
        region_of.update((loc["id"], r) for loc in region)

    supplier_ids = list(SUPPLIER_WEIGHTS)
    sector_of = {s["id"]: s["sector"] for s in SUPPLIERS}
    chosen = rng.choices(supplier_ids, weights=list(SUPPLIER_WEIGHTS.values()), k=n_tasks)
    flexible = pick_flexible(rng, [sector_of[s] for s in chosen], flexible_share)
    digits = max(4, len(str(n_tasks)))
    tasks = []
    for i, supplier in enumerate(chosen):
        region = region_locations[i * n_regions // n_tasks]
        weights = [1 / math.sqrt(k + 1) for k in range(len(region))]  # big buildings host more work
        location = rng.choices(region, weights=weights)[0]
        tasks.append(make_task(rng, f"T{i + 1:0{digits}d}", supplier, sector_of[supplier], location, i in flexible))

    pairs = incompatible_pairs(rng, tasks, region_of, n_tasks // 50) if n_tasks >= 50 else []
    return {
        "format": TASKS_FORMAT,
        "name": name or f"Campus kick-off - {n_tasks} taken (seed {seed})",
        "rules": dict(DEFAULT_RULES),
        "suppliers": [dict(s) for s in SUPPLIERS],
        "locations": [{k: v for k, v in loc.items() if k != "short"} for loc in locations],
        "travel": travel,
        "skills": skill_records(),
        "tasks": tasks,
        "incompatible": pairs,
    }

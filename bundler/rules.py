"""The rules of the contract by one name each: engine, checker, explanations and tests agree.

A `Rule` carries the contract's number (None for the checks on the plan file itself,
which are no rule of a job), a short key for messages and plain labels in Dutch and
English for the workbench. Nothing here knows how a rule is enforced: the engine's rule
book and the independent checker each do that in their own way, under this name.
"""

from __future__ import annotations

from enum import Enum


class Rule(Enum):
    ONE_JOB_PER_TASK = (1, "one job per task", "Elke taak zit in hoogstens één baan",
                        "Every task is in at most one job")
    JOB_HOURS = (2, "job hours", "Uren per week binnen de grenzen van een baan",
                 "Weekly hours within the limits of a job")
    SUPPLIERS = (3, "suppliers", "Hoogstens zoveel leveranciers per baan",
                 "At most so many suppliers per job")
    OVERLAP = (4, "overlap", "Geen twee stukken werk tegelijk", "No two pieces of work at once")
    TRAVEL = (4, "travel", "Genoeg tijd om naar het volgende gebouw te gaan",
              "Enough time to get to the next building")
    GAP = (4, "gap", "Niet te lang wachten tussen twee stukken werk", "No long wait between two pieces of work")
    DAY_HOURS = (5, "day hours", "Uren per werkdag binnen de grenzen", "Hours per working day within the limits")
    SKILLS = (6, "skills", "Hoogstens zoveel vaardigheden per baan", "At most so many skills per job")
    REGION = (7, "region", "Alle plekken zijn met elkaar verbonden", "All places are connected")
    INCOMPATIBLE = (7, "incompatible", "Geen taken samen die niet samen mogen", "No vetoed pair of tasks together")
    WORK_DAYS = (8, "work days", "Hoogstens zoveel werkdagen per week", "At most so many working days a week")
    DAILY_REST = (9, "daily rest", "Genoeg rust tussen twee werkdagen (Arbeidstijdenwet)",
                  "Enough rest between two working days (Working Hours Act)")
    WEEKLY_REST = (10, "weekly rest", "Eén lange rustperiode per week (Arbeidstijdenwet)",
                   "One long rest each week (Working Hours Act)")
    BREAK = (11, "break", "Een pauze op een lange werkdag", "A break on a long working day")
    CHANGEOVER = (12, "changeover", "Tijd om te wisselen tussen leveranciers",
                  "Time to switch between suppliers")
    HYGIENE = (13, "hygiene", "Geen vuil werk vóór schoon werk, eten of patiënten op één dag",
               "No dirty work before clean work, food or patients on one day")
    START_GRID = (None, "start grid", "Flexibel werk begint op een vast tijdraster",
                  "Flexible work starts on a fixed time grid")
    SPREAD = (None, "spread", "Flexibele blokken van één taak op verschillende dagen",
              "Flexible blocks of one task on different days")
    PINNED = (None, "pinned", "Afgesproken banen blijven zoals ze zijn", "Agreed jobs stay as they are")
    COVER = (None, "cover", "Elke taak in een baan (doel: alles dekken)", "Every task in a job (objective: cover)")
    SCHEDULE = (None, "schedule", "Het rooster past bij de tijdvakken van de taken",
                "The rota matches the tasks' slots")
    EMPLOYER = (None, "employer", "De werkgever levert de meeste uren", "The employer gives the most hours")
    PLAN_FILE = (None, "plan file", "Het planbestand klopt met zichzelf", "The plan file is consistent")

    def __init__(self, number: int | None, key: str, label_nl: str, label_en: str):
        self.number, self.key, self.label_nl, self.label_en = number, key, label_nl, label_en

    def label(self, lang: str = "nl") -> str:
        return self.label_nl if lang == "nl" else self.label_en

    def __str__(self) -> str:
        return self.key


JOB_RULES: tuple[Rule, ...] = tuple(r for r in Rule if r.number is not None and r.number >= 2) + (
    Rule.START_GRID, Rule.SPREAD)
"""The rules one job must obey on its own (rule 1 is about the plan as a whole)."""

RELAXED_RULES: dict[str, object] = {
    "max_work_days": 7, "min_rest_hours": 0, "start_step_minutes": 1, "min_weekly_rest_hours": 0,
    "min_break_minutes": 0, "changeover_minutes": 0, "hygiene_order": False, "spread_flexible_slots": False,
}
"""The rule settings that restore the behaviour from before rules 8-13 (see the contract)."""


def rule_by_key(key: str | None) -> Rule | None:
    """The rule a plan file names by its key (`Unassigned.rule`), or None."""
    return next((r for r in Rule if r.key == key), None) if key else None

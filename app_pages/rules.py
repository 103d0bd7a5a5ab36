"""Rules page: the contract's job rules in plain words, the objective, the time limit."""

import streamlit as st
from pydantic import ValidationError

from bundler.domain import Rules
from bundler.rules import RELAXED_RULES
from bundler.ui.session import problem, tables, tr
from bundler.ui.text import md

st.title(tr("Regels voor een baan", "Rules for a job"))
data = tables()
current = Rules.model_validate(data.rules or {})

RULES = [
    ("min_job_hours", tr("Minimaal uren per week", "Minimum hours a week"), 0.0, 40.0, 0.5,
     tr("Een baan telt pas als hij zoveel uur per week heeft. 20 uur is vaak de ondergrens voor een echte baan.",
        "A job only counts with this many hours a week. 20 hours is a common floor for a real job.")),
    ("max_job_hours", tr("Maximaal uren per week", "Maximum hours a week"), 1.0, 48.0, 0.5,
     tr("Meer uur dan dit past niet bij één persoon.", "More hours than this do not fit one person.")),
    ("max_suppliers_per_job", tr("Maximaal leveranciers per baan", "Maximum suppliers per job"), 1, 8, 1,
     tr("Met hoeveel werkgevers de medewerker te maken krijgt. Twee is werkbaar; meer maakt het ingewikkeld.",
        "How many employers the worker deals with. Two is workable; more gets complicated.")),
    ("min_day_hours", tr("Minimaal uren per werkdag", "Minimum hours per working day"), 0.0, 12.0, 0.5,
     tr("Een dag heen en weer reizen voor één uur werk is niet redelijk.",
        "Travelling in for one hour of work is not reasonable.")),
    ("max_day_hours", tr("Maximaal uren per werkdag", "Maximum hours per working day"), 1.0, 12.0, 0.5,
     tr("Niet langer werken dan dit op één dag.", "No longer than this on one day.")),
    ("max_gap_minutes", tr("Maximale wachttijd (minuten)", "Maximum wait (minutes)"), 0, 240, 5,
     tr("De langste pauze tussen twee taken op dezelfde dag. Lang wachten zonder werk is onbetaald en zwaar: "
        "bij 60 minuten heeft de medewerker hooguit een uur tussen het ene en het volgende werk.",
        "The longest break between two tasks on the same day. Long unpaid waits are hard: at 60 minutes "
        "the worker waits at most an hour between one piece of work and the next.")),
]
WORKING_TIME = [
    ("max_work_days", tr("Maximaal werkdagen per week", "Maximum working days a week"), 1, 7, 1,
     tr("Op hoeveel verschillende dagen iemand werkt. Vijf dagen laat twee vrije dagen per week over; "
        "minder dagen met meer uren is vaak prettiger dan elke dag een paar uur.",
        "On how many different days someone works. Five days leave two days off a week; fewer days with "
        "more hours are often nicer than a few hours every day.")),
    ("min_rest_hours", tr("Minimale rust tussen twee werkdagen (uren)",
                          "Minimum rest between two working days (hours)"), 0.0, 24.0, 0.5,
     tr("Tijd tussen het einde van de ene werkdag en het begin van de volgende. De Arbeidstijdenwet vraagt "
        "11 uur: wie tot 22:00 werkt, begint de volgende dag niet vóór 09:00. Ook van zondag naar maandag.",
        "Time from the end of one working day to the start of the next. The Dutch Working Hours Act asks "
        "for 11 hours: who works until 22:00 does not start before 09:00 the next day. Sunday to Monday too.")),
    ("min_weekly_rest_hours", tr("Minimale weekrust aan één stuk (uren)", "Minimum weekly rest in one go (hours)"),
     0.0, 144.0, 1.0,
     tr("Eén keer per week een lange rustperiode aan één stuk. De Arbeidstijdenwet vraagt 36 uur, "
        "bijvoorbeeld van vrijdagavond tot zondagochtend.",
        "Once a week a long rest in one go. The Dutch Working Hours Act asks for 36 hours, for example "
        "from Friday evening to Sunday morning.")),
    ("break_after_hours", tr("Pauze nodig na (uren werk op een dag)", "Break needed after (hours of work a day)"),
     0.5, 24.0, 0.5,
     tr("Wie op een dag langer werkt dan dit, krijgt een pauze. De Arbeidstijdenwet zegt: na 5,5 uur werk "
        "minstens 30 minuten pauze.",
        "Who works longer than this on a day gets a break. The Dutch Working Hours Act says: after 5.5 hours "
        "of work at least 30 minutes.")),
    ("min_break_minutes", tr("Minimale pauze (minuten)", "Minimum break (minutes)"), 0, 24 * 60, 5,
     tr("Zo lang is die pauze minstens. De pauze valt tussen twee stukken werk; reistijd telt niet als pauze.",
        "How long that break is at least. The break falls between two pieces of work; travel time is not "
        "a break.")),
    ("changeover_minutes", tr("Wisseltijd tussen leveranciers (minuten)", "Changeover between suppliers (minutes)"),
     0, 24 * 60, 5,
     tr("Extra tijd als iemand na werk voor de ene leverancier begint voor de andere: omkleden, een andere "
        "leidinggevende, aanmelden. 10 minuten bovenop de reistijd is gebruikelijk.",
        "Extra time when someone goes from work for one supplier to the other: changing clothes, another "
        "supervisor, signing in. 10 minutes on top of the travel time is usual.")),
    ("start_step_minutes", tr("Flexibel werk begint om de (minuten)", "Flexible work starts every (minutes)"),
     1, 240, 5,
     tr("Flexibel werk begint op een vast raster vanaf het vroegste begin: bij 15 minuten om 08:00, 08:15, "
        "08:30 enzovoort, nooit om 14:11. Kwartieren geven een rooster dat iedereen kan lezen.",
        "Flexible work starts on a fixed grid from the earliest start: at 15 minutes at 08:00, 08:15, 08:30 "
        "and so on, never at 14:11. Quarter hours make a rota everyone can read.")),
]
SWITCHES = [
    ("hygiene_order", tr("Vuil werk niet vóór schoon werk, eten of patiënten", "No dirty work before clean work, "
                         "food or patients"),
     tr("Wie afval ophaalt, vuil linnen sorteert of toiletten schoonmaakt, gaat dezelfde dag daarna niet met eten, "
        "schoon linnen of patiënten werken: dat is een risico voor de hygiëne. Andersom mag wel. Geef op de pagina "
        "Taken bij een taak aan of het vuil (dirty), schoon (clean), eten (food) of bij patiënten (patient) is.",
        "Who collects waste, sorts soiled linen or cleans toilets does not work with food, clean linen or patients "
        "later that day: that is a hygiene risk. The other way round is fine. On the Tasks page, mark a task as "
        "dirty, clean, food or patient.")),
    ("spread_flexible_slots", tr("Flexibele blokken van één taak op verschillende dagen",
                                 "Flexible blocks of one task on different days"),
     tr("Heeft een taak meer flexibele blokken, dan vallen die op verschillende dagen, en niet op een dag waarop "
        "de taak al vaste uren heeft. Twee blokken van 3,5 uur snoeien worden zo twee ochtenden, geen dag van 7 uur.",
        "When a task has several flexible blocks, they fall on different days, and not on a day on which the task "
        "already has fixed hours. Two 3.5-hour blocks of pruning become two mornings, not one 7-hour day.")),
]

WIDGET_TYPES = {**{name: type(low) for name, _, low, *_ in WORKING_TIME}, **{name: bool for name, *_ in SWITCHES}}
# The value type each widget of rules 8-13 holds: a number input keeps to the type of its bounds.
# (A comment, not a string: Streamlit would show a bare string on the page.)


def _widget_state(name: str, value) -> str:
    """The key of a rule's widget, seeded from the rules when the widget has no state yet (first show)."""
    key = f"rule_{name}"
    if key not in st.session_state:
        st.session_state[key] = value
    return key


def _apply_relaxed() -> None:
    """Rules 8-13 off: the settings from before they were added (runs before the page draws its widgets)."""
    for name, value in RELAXED_RULES.items():
        st.session_state[f"rule_{name}"] = WIDGET_TYPES[name](value)


values = {}
cols = st.columns(2)
for i, (name, label, low, high, step, help_text) in enumerate(RULES):
    value = getattr(current, name)
    values[name] = cols[i % 2].number_input(label, min_value=low, max_value=high, step=step,
                                            value=type(low)(value), help=help_text, key=f"rule_{name}")
limit_skills = st.checkbox(tr("Aantal vaardigheden per baan beperken", "Limit skills per job"),
                           value=current.max_skills_per_job is not None,
                           help=tr("Zo blijft een baan te leren.", "Keeps a job learnable."))
values["max_skills_per_job"] = st.number_input(
    tr("Maximaal vaardigheden per baan", "Maximum skills per job"), min_value=1, max_value=20,
    value=current.max_skills_per_job or 4, disabled=not limit_skills) if limit_skills else None

st.subheader(tr("Werktijden, pauzes en volgorde", "Working time, breaks and order"))
st.caption(tr("Regels 8 tot en met 13 en het tijdraster. De standaardwaarden volgen de Arbeidstijdenwet.",
              "Rules 8 to 13 and the time grid. The defaults follow the Dutch Working Hours Act."))
st.button(tr("Oude regels (vóór regels 8-13)", "Rules as before 8-13"), key="relaxed_rules", on_click=_apply_relaxed,
          help=tr("Zet de regels 8-13 uit, zoals het programma eerst rekende: 7 werkdagen, geen rusttijden, "
                  "pauzes of wisseltijd, elke minuut als begintijd, geen hygiënevolgorde, flexibele blokken mogen "
                  "op één dag.",
                  "Turns rules 8-13 off, as the program first worked: 7 working days, no rest, breaks or "
                  "changeover, any minute as a start, no hygiene order, flexible blocks may share a day."))
cols = st.columns(2)
for i, (name, label, low, high, step, help_text) in enumerate(WORKING_TIME):
    key = _widget_state(name, type(low)(getattr(current, name)))
    values[name] = cols[i % 2].number_input(label, min_value=low, max_value=high, step=step, help=help_text, key=key)
for name, label, help_text in SWITCHES:
    values[name] = st.checkbox(label, help=help_text, key=_widget_state(name, bool(getattr(current, name))))

objectives = {
    "jobs": tr("Zoveel mogelijk banen (daarna zoveel mogelijk uren)", "As many jobs as possible (then hours)"),
    "hours": tr("Zoveel mogelijk uren in banen (daarna banen)", "As many hours in jobs as possible (then jobs)"),
    "cover": tr("Alle taken afdekken met zo min mogelijk mensen", "Cover every task with as few people as possible"),
}
values["objective"] = st.radio(tr("Doel", "Objective"), list(objectives), format_func=objectives.get,
                               index=list(objectives).index(current.objective))
st.session_state["time_limit"] = float(st.slider(
    tr("Rekentijd (seconden)", "Time limit (seconds)"), 5, 300, int(st.session_state["time_limit"]),
    help=tr("Na deze tijd krijg je het beste plan tot dan toe.", "After this you get the best plan so far.")))

try:
    Rules.model_validate(values)
except ValidationError as error:  # e.g. a minimum above its maximum: say which, not pydantic's help link
    for e in error.errors():
        where = f"rules, field {e['loc'][0]}" if e["loc"] else "rules"
        st.error(md(problem(f"{where}: {e['msg'].removeprefix('Value error, ')}")))
else:
    data.rules = values
    st.caption(tr("De regels gelden bij de volgende keer oplossen.", "The rules apply from the next solve."))

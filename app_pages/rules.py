"""Rules page: the contract's job rules in plain words, the objective, the time limit."""

import streamlit as st

from bundler.domain import Rules
from bundler.ui.session import tables, tr

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
except ValueError as error:
    st.error(str(error).splitlines()[-1])
else:
    data.rules = values
    st.caption(tr("De regels gelden bij de volgende keer oplossen.", "The rules apply from the next solve."))

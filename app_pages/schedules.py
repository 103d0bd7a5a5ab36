"""Schedules page: the plan's KPIs, each job's weekly timetable, the tasks left over."""

import pandas as pd
import streamlit as st

from bundler.domain import DAYS
from bundler.left_over import left_over_rows
from bundler.timetable import blocks, supplier_hours
from bundler.ui.charts import DAY_LABELS, week_chart
from bundler.ui.session import tr
from bundler.ui.words import left_over_headers
from bundler.ui.text import md

st.title(tr("Roosters", "Schedules"))
plan, task_file = st.session_state.get("plan"), st.session_state.get("plan_file")
if plan is None:
    st.info(tr("Nog geen plan: ga naar Oplossen.", "No plan yet: go to Solve."))
    st.stop()

lang = st.session_state["lang"]
k = plan.kpis
share = 100 * k.bundled_hours / k.total_hours if k.total_hours else 0
c = st.columns(5)
c[0].metric(tr("Banen", "Jobs"), k.jobs, help=tr(f"Bewezen bovengrens {k.jobs_upper_bound}", f"Proven bound {k.jobs_upper_bound}"))
c[1].metric(tr("Uren gebundeld", "Hours bundled"), f"{k.bundled_hours:g}")
c[2].metric(tr("% van de uren", "% of hours"), f"{share:.0f}%")
c[3].metric(tr("Banenafspraak", "Banenafspraak"), f"{k.banenafspraak_jobs:g}", help="25,5 uur = 1 baan")
c[4].metric(tr("Status", "Status"), plan.status)

per_supplier = pd.DataFrame(supplier_hours(task_file, plan)).rename(columns={
    "name": tr("Leverancier", "Supplier"), "hours": tr("Uren ingebracht", "Hours brought"),
    "bundled": tr("Uren in banen", "Hours in jobs"), "jobs": tr("Banen", "Jobs"),
    "employer": tr("Werkgever van", "Employer of")}).drop(columns=["supplier"])
st.dataframe(per_supplier, hide_index=True, width="stretch")

tasks = task_file.task_by_id()
names = {s.id: s.name or s.id for s in task_file.suppliers}
options = [j.id for j in plan.jobs]
if options:
    def describe(job_id: str) -> str:
        job = next(j for j in plan.jobs if j.id == job_id)
        return f"{job.id}: {job.hours:g} u, {' + '.join(names.get(s, s) for s in job.suppliers)}"

    chosen = st.selectbox(tr("Baan", "Job"), options, format_func=describe, key="job_choice")
    job = next(j for j in plan.jobs if j.id == chosen)
    employer = md(names.get(job.employer, job.employer))
    st.subheader(tr(f"Weekrooster {md(job.id)} · werkgever {employer} · {job.hours:g} uur per week",
                    f"Weekly rota {md(job.id)} · employer {employer} · {job.hours:g} hours a week"))
    job_blocks = blocks(task_file, plan, job.id)
    st.altair_chart(week_chart(job_blocks, names, lang), width="stretch")
    route = {}
    for b in job_blocks:
        if b.travel_before == 0:
            continue  # same building as the block before
        route.setdefault(b.day, []).append(md(b.location_name) if b.travel_before is None else
                                           f"({b.travel_before:g} min) {md(b.location_name)}")
    st.markdown("\n".join(f"- **{DAY_LABELS[lang][DAYS.index(d)]}**: {' → '.join(stops)}"
                          for d, stops in route.items()))
    places = [loc for loc in task_file.locations if loc.id in {b.location for b in job_blocks} and loc.lat is not None]
    if places:
        st.map(pd.DataFrame({"lat": [p.lat for p in places], "lon": [p.lon for p in places]}), zoom=13, height=260)

st.subheader(tr("Alle banen in één oogopslag", "All jobs at a glance"))
labels = DAY_LABELS[lang]
worked_days = [d for d, day in enumerate(DAYS) if d < 5 or any(e.day == day for j in plan.jobs for e in j.schedule)]
overview = []
for job in plan.jobs:
    row = {tr("Baan", "Job"): job.id, tr("Uren", "Hours"): job.hours,
           tr("Leveranciers", "Suppliers"): " + ".join(names.get(s, s) for s in job.suppliers)}
    for d in worked_days:
        entries = sorted((e.start, e.end) for e in job.schedule if e.day == DAYS[d])
        row[labels[d]] = f"{entries[0][0]}-{entries[-1][1]}" if entries else ""
    overview.append(row)
st.dataframe(pd.DataFrame(overview), hide_index=True, width="stretch")

left_over = left_over_rows(task_file, plan, lang)
if left_over:
    st.subheader(tr(f"Niet ingedeeld ({len(left_over)})", f"Left over ({len(left_over)})"))
    st.dataframe(pd.DataFrame(left_over).rename(columns=left_over_headers()), hide_index=True, width="stretch",
                 column_config={tr("Waarom", "Why"): st.column_config.TextColumn(width="large")})

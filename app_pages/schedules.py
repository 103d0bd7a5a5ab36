"""Schedules page: the plan in words and numbers, each job's week for the room, all jobs at a glance, the
tasks left over and why. Laid out for a 1024x768 projector."""

import pandas as pd
import streamlit as st

from bundler.domain import DAYS
from bundler.left_over import left_over_rows
from bundler.print_view import print_html
from bundler.timetable import blocks, quality_rows, supplier_hours, week_overview
from bundler.ui.charts import site_plan, week_chart
from bundler.ui.session import tr
from bundler.ui.text import md
from bundler.ui.words import left_over_headers
from bundler.words import day_name, number, status_text, stopped_text

st.title(tr("Roosters", "Schedules"))
plan, task_file = st.session_state.get("plan"), st.session_state.get("plan_file")
if plan is None:
    st.info(tr("Nog geen plan: ga naar Oplossen.", "No plan yet: go to Solve."))
    st.stop()

lang = st.session_state["lang"]
k = plan.kpis
share = 100 * k.bundled_hours / k.total_hours if k.total_hours else 0
c = st.columns(4)
c[0].metric(tr("Banen", "Jobs"), k.jobs, help=tr(f"Meer dan {k.jobs_upper_bound} banen kan niet (bewezen).",
                                                 f"More than {k.jobs_upper_bound} jobs cannot be (proven)."))
c[1].metric(tr("Uren in banen", "Hours in jobs"), number(k.bundled_hours, lang))
c[2].metric(tr("Deel van de uren", "Share of the hours"), f"{share:.0f}%")
c[3].metric(tr("Banenafspraak", "Job agreement"), number(k.banenafspraak_jobs, lang),
            help=tr("25,5 uur per week telt als 1 baan.", "25.5 hours a week count as 1 job."))
stopped = stopped_text(plan, lang)
st.markdown(f"**{tr('Hoe goed', 'How good')}:** {status_text(plan, lang)}" + (f" ({stopped})" if stopped else ""))

per_supplier = pd.DataFrame(supplier_hours(task_file, plan)).rename(columns={
    "name": tr("Leverancier", "Supplier"), "hours": tr("Uren ingebracht", "Hours brought"),
    "bundled": tr("Uren in banen", "Hours in jobs"), "jobs": tr("Banen", "Jobs"),
    "employer": tr("Werkgever van", "Employer of")}).drop(columns=["supplier"])
st.dataframe(per_supplier, hide_index=True, width="stretch")

names = {s.id: s.name or s.id for s in task_file.suppliers}
jobs = {j.id: j for j in plan.jobs}
if jobs:
    st.subheader(tr("Rooster per baan", "Rota per job"))
    chosen = st.selectbox(tr("Baan", "Job"), list(jobs), key="job_choice", format_func=lambda job_id: (
        f"{job_id} · {number(jobs[job_id].hours, lang)} {tr('uur', 'hours')} · "
        f"{' + '.join(names.get(s, s) for s in jobs[job_id].suppliers)}"))
    job = jobs[chosen]
    employer = md(names.get(job.employer, job.employer))
    st.markdown(tr(f"**Weekrooster {md(job.id)}** · werkgever {employer} · {number(job.hours)} uur per week",
                   f"**Weekly rota {md(job.id)}** · employer {employer} · {number(job.hours, 'en')} hours a week"))
    quality = job.quality
    warnings = (quality.warnings_nl if lang == "nl" else quality.warnings_en) if quality else []
    if warnings:
        st.warning(tr("Let op (jobcoach): ", "Note (job coach): ") + md("; ".join(warnings)))
    if quality:
        st.caption(tr(f"Langste dag {number(quality.longest_day_hours)} u · langste wachttijd "
                      f"{quality.longest_wait_minutes} min · hoogstens {quality.max_buildings_per_day} gebouw(en) "
                      f"per dag · {quality.weekend_days} weekenddag(en)",
                      f"Longest day {number(quality.longest_day_hours, 'en')} h · longest wait "
                      f"{quality.longest_wait_minutes} min · at most {quality.max_buildings_per_day} building(s) "
                      f"a day · {quality.weekend_days} weekend day(s)"))
    job_blocks = blocks(task_file, plan, job.id)
    st.altair_chart(week_chart(job_blocks, task_file, lang), width="stretch")

    worked = [d for d in DAYS if any(b.day == d for b in job_blocks)]
    route_lines = []
    for d in worked:
        stops = []
        for b in (b for b in job_blocks if b.day == d):
            if b.travel_before == 0:
                continue  # same building as the block before
            stops.append(md(b.location_name) if b.travel_before is None else
                         f"({b.travel_before:g} min) {md(b.location_name)}")
        route_lines.append(f"- **{day_name(d, lang)}**: {' → '.join(stops)}")
    st.markdown(tr("**Route per dag**", "**Route per day**"))
    st.markdown("\n".join(route_lines))
    if worked and any(loc.lat is not None for loc in task_file.locations):
        day = st.radio(tr("Plattegrond met de route van", "Site plan with the route of"), worked, horizontal=True,
                       key="site_plan_day", format_func=lambda d: day_name(d, lang))
        st.altair_chart(site_plan(task_file, [b.location for b in job_blocks if b.day == day],
                                  {b.location for b in job_blocks}), width="stretch")
    a, b = st.columns(2)
    a.download_button(tr(f"Rooster {job.id} afdrukken (HTML)", f"Print rota {job.id} (HTML)"),
                      print_html(task_file, plan, [job.id], lang), f"rooster-{job.id}.html", "text/html",
                      key="print_job", width="stretch",
                      help=tr("Open het bestand in de browser en druk af (of bewaar als PDF).",
                              "Open the file in the browser and print it (or save it as PDF)."))
    b.download_button(tr("Alle roosters afdrukken (HTML)", "Print all rotas (HTML)"),
                      print_html(task_file, plan, None, lang), "roosters.html", "text/html", key="print_all",
                      width="stretch")

    st.subheader(tr("Alle banen in één oogopslag", "All jobs at a glance"))
    overview = pd.DataFrame(week_overview(task_file, plan, lang)).rename(
        columns={"job": tr("Baan", "Job"), "hours": tr("Uren", "Hours")})
    st.dataframe(overview, hide_index=True, width="stretch",
                 column_config={tr("Baan", "Job"): st.column_config.TextColumn(width=45),
                                tr("Uren", "Hours"): st.column_config.NumberColumn(width=50)})
    st.subheader(tr("Hoe werkbaar is elke baan", "How workable is each job"))
    st.dataframe(pd.DataFrame(quality_rows(task_file, plan, lang)).rename(columns={
        "job": tr("Baan", "Job"), "suppliers": tr("Leveranciers", "Suppliers"),
        "longest_day": tr("Langste dag (u)", "Longest day (h)"), "longest_wait": tr("Wachten (min)", "Wait (min)"),
        "buildings": tr("Gebouwen/dag", "Buildings/day"), "weekend": tr("Weekend", "Weekend"),
        "warnings": tr("Let op", "Note")}), hide_index=True, width="stretch")

left_over = left_over_rows(task_file, plan, lang)
if left_over:
    st.subheader(tr(f"Niet ingedeeld ({len(left_over)})", f"Left over ({len(left_over)})"))
    st.dataframe(pd.DataFrame(left_over).rename(columns=left_over_headers()), hide_index=True, width="stretch",
                 column_config={tr("Waarom", "Why"): st.column_config.TextColumn(width="large")})

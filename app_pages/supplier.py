"""Supplier view: only the jobs with this supplier's tasks; accept or reject each, then re-plan.

Which jobs are a supplier's comes from the task file; a plan that does not pass the
checker against it is shown with a warning, and tasks it names that the file lacks are
left out rather than crashing the page.

With a workspace open, decisions are stored there (beside those suppliers make through
their own links) and re-planning uses all of them.
"""

import pandas as pd
import streamlit as st

from bundler.check import check_plan
from bundler.decisions import Decision, jobs_of_supplier
from bundler.left_over import left_over_rows
from bundler.timetable import rota_rows
from bundler.store import StaleVersionError
from bundler.ui.decide import decision_widgets
from bundler.ui.session import tr
from bundler.ui.text import md
from bundler.ui.words import left_over_headers, rota_headers
from bundler.ui.workspace import (
    current_plan_id,
    replan,
    repository,
    stale_message,
    stored_decisions,
    who,
)

st.title(tr("Leveranciersoverzicht", "Supplier view"))
plan, task_file = st.session_state.get("plan"), st.session_state.get("plan_file")
if plan is None:
    st.info(tr("Nog geen plan: ga naar Oplossen.", "No plan yet: go to Solve."))
    st.stop()

names = {s.id: s.name or s.id for s in task_file.suppliers}
supplier = st.selectbox(tr("Leverancier", "Supplier"), list(names), format_func=names.get, key="supplier_choice")
tasks = task_file.task_by_id()
violations = check_plan(task_file, plan)
if violations:  # e.g. a plan loaded beside another task version: show what is known, say what is not
    st.warning(tr(f"Dit plan past niet bij zijn takenlijst ({len(violations)} overtreding(en), bijv. "
                  f"{md(violations[0].message)}). Los opnieuw op voordat leveranciers het zien.",
                  f"This plan does not fit its task list ({len(violations)} violation(s), e.g. "
                  f"{md(violations[0].message)}). Solve again before suppliers see it."))
jobs = jobs_of_supplier(task_file, plan, supplier)
own_hours = sum(t.hours for t in task_file.tasks if t.supplier == supplier)
in_jobs = sum(tasks[t].hours for j in jobs for t in j.tasks if t in tasks and tasks[t].supplier == supplier)
a, b, c = st.columns(3)
a.metric(tr("Banen met jouw taken", "Jobs with your tasks"), len(jobs))
b.metric(tr("Jouw uren in banen", "Your hours in jobs"), f"{in_jobs:g} / {own_hours:g}")
c.metric(tr("Werkgever van", "Employer of"), sum(j.employer == supplier for j in jobs))

plan_id = current_plan_id()
decisions: dict = stored_decisions(plan_id) if plan_id else st.session_state["decisions"]


def record(job_id: str, verdict: str, reason: str) -> None:
    if plan_id:
        repository().decide(plan_id, job_id, supplier, verdict, reason, by=who())
    if verdict == "open":
        decisions.pop((job_id, supplier), None)
    else:
        decisions[(job_id, supplier)] = Decision(job_id, supplier, verdict, reason)


for job in jobs:
    known = [tasks[t] for t in job.tasks if t in tasks]
    mine = sum(t.hours for t in known if t.supplier == supplier)
    role = tr("werkgever", "employer") if job.employer == supplier else tr("partner", "partner")
    partners = sorted({md(names.get(t.supplier, t.supplier)) for t in known})
    with st.expander(f"{md(job.id)} · {job.hours:g} u · {' + '.join(partners)} · "
                     f"{tr('jij', 'you')}: {mine:g} u ({role})", expanded=len(jobs) <= 3):
        st.dataframe(pd.DataFrame([{tr("Taak", "Task"): t.id, tr("Omschrijving", "Title"): t.title,
                                    tr("Leverancier", "Supplier"): names.get(t.supplier, t.supplier),
                                    tr("Uren", "Hours"): t.hours} for t in known]),
                     hide_index=True, width="stretch")
        st.dataframe(pd.DataFrame(rota_rows(task_file, plan, job.id, st.session_state["lang"])).rename(
                columns=rota_headers()), hide_index=True, width="stretch")
        decision_widgets(job.id, supplier, decisions.get((job.id, supplier)),
                         lambda verdict, reason, job_id=job.id: record(job_id, verdict, reason))

own_left = left_over_rows(task_file, plan, st.session_state["lang"], supplier)
if own_left:
    st.subheader(tr(f"Jouw taken die niet in een baan zitten ({len(own_left)})",
                    f"Your tasks not in a job ({len(own_left)})"))
    st.dataframe(pd.DataFrame(own_left).drop(columns=["supplier"]).rename(columns=left_over_headers()),
                 hide_index=True, width="stretch", column_config={tr("Waarom", "Why"): st.column_config.TextColumn(
                     width="large")})

earlier = st.session_state.get("earlier_decisions")
if earlier:
    rejected = [d for d in earlier[1] if d.verdict == "reject"]
    if rejected:
        st.caption(tr("Afgewezen in het vorige plan (die combinaties komen niet meer terug): ",
                      "Rejected in the previous plan (those pairings do not come back): ")
                   + "; ".join(f"{md(d.job)} ({md(names.get(d.supplier, d.supplier))}"
                               + (f": {md(d.reason)}" if d.reason else "") + ")" for d in rejected))

taken = list(decisions.values())
if taken:
    st.write(tr(f"{sum(d.verdict == 'accept' for d in taken)} akkoord, {sum(d.verdict == 'reject' for d in taken)} "
                f"afgewezen (alle leveranciers samen).",
                f"{sum(d.verdict == 'accept' for d in taken)} accepted, {sum(d.verdict == 'reject' for d in taken)} "
                f"rejected (all suppliers together)."))
if st.button(tr("Opnieuw plannen met deze besluiten", "Re-plan with these decisions"), type="primary",
             disabled=not taken, key="replan"):
    try:
        replan(plan, task_file, taken)
    except StaleVersionError as error:
        st.error(stale_message(error))
    else:
        st.switch_page("app_pages/solve.py")

"""Supplier view: only the jobs with this supplier's tasks; accept or reject each, then re-plan."""

import pandas as pd
import streamlit as st

from bundler.background import BackgroundSolve
from bundler.decisions import Decision, apply_decisions, jobs_of_supplier
from bundler.solve import SolveConfig
from bundler.tables import to_tables
from bundler.ui.session import set_tables, tr

st.title(tr("Leveranciersoverzicht", "Supplier view"))
plan, task_file = st.session_state.get("plan"), st.session_state.get("plan_file")
if plan is None:
    st.info(tr("Nog geen plan: ga naar Oplossen.", "No plan yet: go to Solve."))
    st.stop()

names = {s.id: s.name or s.id for s in task_file.suppliers}
supplier = st.selectbox(tr("Leverancier", "Supplier"), list(names), format_func=names.get, key="supplier_choice")
tasks = task_file.task_by_id()
jobs = jobs_of_supplier(task_file, plan, supplier)
own_hours = sum(t.hours for t in task_file.tasks if t.supplier == supplier)
in_jobs = sum(tasks[t].hours for j in jobs for t in j.tasks if tasks[t].supplier == supplier)
a, b, c = st.columns(3)
a.metric(tr("Banen met jouw taken", "Jobs with your tasks"), len(jobs))
b.metric(tr("Jouw uren in banen", "Your hours in jobs"), f"{in_jobs:g} / {own_hours:g}")
c.metric(tr("Werkgever van", "Employer of"), sum(j.employer == supplier for j in jobs))

decisions: dict = st.session_state["decisions"]
for job in jobs:
    mine = sum(tasks[t].hours for t in job.tasks if tasks[t].supplier == supplier)
    role = tr("werkgever", "employer") if job.employer == supplier else tr("partner", "partner")
    with st.expander(f"{job.id} · {job.hours:g} u · {' + '.join(names[s] for s in job.suppliers)} · "
                     f"{tr('jij', 'you')}: {mine:g} u ({role})", expanded=len(jobs) <= 3):
        st.dataframe(pd.DataFrame([{tr("Taak", "Task"): t, tr("Omschrijving", "Title"): tasks[t].title,
                                    tr("Leverancier", "Supplier"): names[tasks[t].supplier],
                                    tr("Uren", "Hours"): tasks[t].hours} for t in job.tasks]),
                     hide_index=True, width="stretch")
        st.dataframe(pd.DataFrame([e.model_dump() for e in job.schedule]), hide_index=True, width="stretch")
        previous = decisions.get((job.id, supplier))
        choice = st.radio(tr("Besluit", "Decision"), ["open", "accept", "reject"], horizontal=True,
                          key=f"decide_{job.id}_{supplier}",
                          index=["open", "accept", "reject"].index(previous.verdict if previous else "open"),
                          format_func={"open": tr("nog open", "open"), "accept": tr("akkoord", "accept"),
                                       "reject": tr("afwijzen", "reject")}.get)
        reason = st.text_input(tr("Reden", "Reason"), key=f"reason_{job.id}_{supplier}",
                               value=previous.reason if previous else "")
        if choice == "open":
            decisions.pop((job.id, supplier), None)
        else:
            decisions[(job.id, supplier)] = Decision(job.id, supplier, choice, reason)

taken = list(decisions.values())
if taken:
    st.write(tr(f"{sum(d.verdict == 'accept' for d in taken)} akkoord, {sum(d.verdict == 'reject' for d in taken)} "
                f"afgewezen (alle leveranciers samen).",
                f"{sum(d.verdict == 'accept' for d in taken)} accepted, {sum(d.verdict == 'reject' for d in taken)} "
                f"rejected (all suppliers together)."))
if st.button(tr("Opnieuw plannen met deze besluiten", "Re-plan with these decisions"), type="primary",
             disabled=not taken, key="replan"):
    new_file = apply_decisions(task_file, plan, taken)
    set_tables(to_tables(new_file.to_json_dict()))
    st.session_state["solve"] = BackgroundSolve(new_file, SolveConfig(time_limit=st.session_state["time_limit"], workers=2))
    st.switch_page("app_pages/solve.py")

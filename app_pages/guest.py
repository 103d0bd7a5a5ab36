"""What a link opens: a supplier's own jobs to decide on, or HR's plans and vacancy drafts.

The token decides everything (`bundler.store.access`); this page only shows the view
it gets. A wrong or revoked token gets a plain message and nothing else.
"""

import pandas as pd
import streamlit as st

from bundler.decisions import Decision
from bundler.store.access import AccessDenied, open_link
from bundler.ui.decide import decision_widgets
from bundler.ui.session import tr
from bundler.ui.workspace import repository

try:
    view = open_link(repository(), st.query_params.get("token"))
except AccessDenied:
    st.title(tr("Geen toegang", "No access"))
    st.error(tr("Deze link is niet (meer) geldig. Vraag de facilitair manager om een nieuwe link.",
                "This link is not valid (any more). Ask the facility manager for a new link."))
    st.stop()
except Exception as error:  # the database cannot be reached
    st.error(tr(f"De werkruimte is nu niet bereikbaar: {error}", f"The workspace cannot be reached now: {error}"))
    st.stop()

who = st.sidebar.text_input(tr("Je naam", "Your name"), key="guest_name")


def supplier_page() -> None:
    name = view.supplier_name()
    st.title(tr(f"Banen met taken van {name}", f"Jobs with tasks of {name}"))
    st.caption(view.workspace.name)
    jobs = view.jobs()
    if view.plan_id() is None:
        st.info(tr("Er is nog geen plan. Kom later terug.", "There is no plan yet. Come back later."))
        return
    mine = {j.id: sum(t.hours for t in j.tasks if t.supplier == view.supplier) for j in jobs}
    a, b, c = st.columns(3)
    a.metric(tr("Banen met jouw taken", "Jobs with your tasks"), len(jobs))
    b.metric(tr("Jouw uren in banen", "Your hours in jobs"), f"{sum(mine.values()):g} / {view.own_hours():g}")
    c.metric(tr("Werkgever van", "Employer of"), sum(j.employer == view.supplier for j in jobs))
    decisions = view.decisions()
    for job in jobs:
        partners = sorted({t.supplier_name for t in job.tasks})
        role = tr("werkgever", "employer") if job.employer == view.supplier else tr("partner", "partner")
        current = decisions.get(job.id)
        verdict = {"accept": tr("akkoord", "accepted"), "reject": tr("afgewezen", "rejected")}.get(
            current.verdict if current else "", tr("nog open", "open"))
        with st.expander(f"{job.id} · {job.hours:g} u · {' + '.join(partners)} · {tr('jij', 'you')}: "
                         f"{mine[job.id]:g} u ({role}) · **{verdict}**", expanded=len(jobs) <= 3):
            st.dataframe(pd.DataFrame([{tr("Taak", "Task"): t.id, tr("Omschrijving", "Title"): t.title,
                                        tr("Leverancier", "Supplier"): t.supplier_name,
                                        tr("Locatie", "Location"): t.location,
                                        tr("Uren", "Hours"): t.hours} for t in job.tasks]),
                         hide_index=True, width="stretch")
            st.dataframe(pd.DataFrame([e.model_dump() for e in job.schedule]), hide_index=True, width="stretch")
            decision_widgets(job.id, view.supplier,
                             Decision(job.id, view.supplier, current.verdict, current.reason) if current else None,
                             lambda verdict, reason, job_id=job.id: view.decide(job_id, verdict, reason,
                                                                                by=who.strip() or name))
    st.button(tr("Verversen", "Refresh"), key="guest_refresh")


def hr_page() -> None:
    st.title(tr("Plannen en vacatures", "Plans and vacancies"))
    st.caption(view.workspace.name)
    stored = view.latest_plan()
    if stored is None:
        st.info(tr("Er is nog geen plan. Kom later terug.", "There is no plan yet. Come back later."))
        return
    names = view.supplier_names(stored)
    plan = stored.plan
    a, b, c = st.columns(3)
    a.metric(tr("Banen", "Jobs"), plan.kpis.jobs)
    b.metric(tr("Uren gebundeld", "Hours bundled"), f"{plan.kpis.bundled_hours:g}")
    c.metric("Status", plan.status)
    st.dataframe(pd.DataFrame([{tr("Baan", "Job"): j.id, tr("Uren", "Hours"): j.hours,
                                tr("Werkgever", "Employer"): names.get(j.employer, j.employer),
                                tr("Leveranciers", "Suppliers"): " + ".join(names.get(s, s) for s in j.suppliers),
                                tr("Taken", "Tasks"): len(j.tasks)} for j in plan.jobs]),
                 hide_index=True, width="stretch")
    drafts = view.vacancies(stored.id)
    for job in plan.jobs:
        with st.expander(f"{job.id} · {job.hours:g} u · {names.get(job.employer, job.employer)}"):
            st.dataframe(pd.DataFrame([e.model_dump() for e in job.schedule]), hide_index=True, width="stretch")
            for draft in (d for d in drafts if d.job == job.id):
                st.markdown(f"**{draft.language} · {draft.format}** ({draft.updated_by}, "
                            f"{draft.updated_at:%d-%m %H:%M} UTC)")
                st.text(draft.content)
            language = st.selectbox(tr("Taal", "Language"), ["nl", "en"], key=f"vacancy_lang_{job.id}")
            text = st.text_area(tr("Vacaturetekst", "Vacancy text"), key=f"vacancy_text_{job.id}")
            if st.button(tr("Concept bewaren", "Keep draft"), key=f"vacancy_save_{job.id}", disabled=not text.strip()):
                view.save_vacancy(stored.id, job.id, language, "text", text, by=who.strip() or "HR")
                st.rerun()
    st.subheader(tr("Eerdere plannen", "Earlier plans"))
    st.dataframe(pd.DataFrame([{"plan": p.id, tr("Versie", "Version"): p.task_version, "status": p.status,
                                tr("Banen", "Jobs"): p.jobs, tr("Uren", "Hours"): p.bundled_hours,
                                tr("Wanneer (UTC)", "When (UTC)"): f"{p.created_at:%Y-%m-%d %H:%M}"}
                               for p in reversed(view.plans())]), hide_index=True, width="stretch")


if view.role == "supplier":
    supplier_page()
else:
    hr_page()

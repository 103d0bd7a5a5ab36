"""What a link opens: a supplier's own jobs to decide on, or HR's plans, vacancy drafts and candidates.

The token decides everything (`bundler.store.access`); this page only shows the view
it gets. A wrong or revoked token gets a plain message and nothing else, and so does
anything that goes wrong: the details (a traceback, server paths) go to the server's
log, never to a supplier's or HR's screen. Names and titles are shown through `md()`.
A supplier's page shows no candidate at all; HR sees the workspace's candidates (read
only) and their matches to the newest plan. Nothing about a person is logged.
"""

import logging

import pandas as pd
import streamlit as st

from bundler.decisions import Decision
from bundler.people.sheets import to_rows
from bundler.store import StaleDraftError
from bundler.store.access import AccessDenied, open_link
from bundler.ui.decide import decision_widgets
from bundler.ui.session import tr
from bundler.ui.text import md
from bundler.ui.workspace import repository
from bundler.ui.words import schedule_rows
from bundler.validation import InputError
from bundler.words import status_text, status_word

log = logging.getLogger("bundler.guest")


def unavailable(error: Exception) -> None:
    """A plain message for the guest; the details for whoever runs the server."""
    log.error("a link page failed", exc_info=error)
    st.error(tr("De werkruimte is nu niet bereikbaar. Probeer het later opnieuw of vraag de facilitair manager.",
                "The workspace cannot be reached now. Try again later or ask the facility manager."))


def supplier_page(view, who: str) -> None:
    name = view.supplier_name()
    st.title(tr(f"Banen met taken van {md(name)}", f"Jobs with tasks of {md(name)}"))
    st.caption(md(view.workspace.name))
    if view.plan_id() is None:
        st.info(tr("Er is nog geen plan. Kom later terug.", "There is no plan yet. Come back later."))
        return
    if not view.plan_is_sound():
        st.warning(tr("Het nieuwste plan past niet bij de takenlijst waaruit het kwam; de facilitair manager lost "
                      "opnieuw op. Kom later terug.",
                      "The newest plan does not fit the task list it came from; the facility manager will solve "
                      "again. Come back later."))
        return
    jobs = view.jobs()
    mine = {j.id: sum(t.hours for t in j.tasks if t.supplier == view.supplier) for j in jobs}
    a, b, c = st.columns(3)
    a.metric(tr("Banen met jouw taken", "Jobs with your tasks"), len(jobs))
    b.metric(tr("Jouw uren in banen", "Your hours in jobs"), f"{sum(mine.values()):g} / {view.own_hours():g}")
    c.metric(tr("Werkgever van", "Employer of"), sum(j.employer == view.supplier for j in jobs))
    decisions = view.decisions()
    for job in jobs:
        partners = sorted({md(t.supplier_name) for t in job.tasks})
        role = tr("werkgever", "employer") if job.employer == view.supplier else tr("partner", "partner")
        current = decisions.get(job.id)
        verdict = {"accept": tr("akkoord", "accepted"), "reject": tr("afgewezen", "rejected")}.get(
            current.verdict if current else "", tr("nog open", "open"))
        with st.expander(f"{md(job.id)} · {job.hours:g} u · {' + '.join(partners)} · {tr('jij', 'you')}: "
                         f"{mine[job.id]:g} u ({role}) · **{verdict}**", expanded=len(jobs) <= 3):
            st.dataframe(pd.DataFrame([{tr("Taak", "Task"): t.id, tr("Omschrijving", "Title"): t.title,
                                        tr("Leverancier", "Supplier"): t.supplier_name,
                                        tr("Locatie", "Location"): t.location,
                                        tr("Uren", "Hours"): t.hours} for t in job.tasks]),
                         hide_index=True, width="stretch")
            st.dataframe(pd.DataFrame(schedule_rows(job.schedule, {t.id: t.title for t in job.tasks})),
                         hide_index=True, width="stretch")
            decision_widgets(job.id, view.supplier,
                             Decision(job.id, view.supplier, current.verdict, current.reason) if current else None,
                             lambda verdict, reason, job_id=job.id: view.decide(job_id, verdict, reason,
                                                                                by=who or name))
    st.button(tr("Verversen", "Refresh"), key="guest_refresh")


def vacancy_editor(view, plan_id: int, job_id: str, who: str) -> None:
    """The newest draft of a job with who wrote it, its earlier revisions, and a text to save as the next one.

    The revision a person starts typing on is remembered: if someone saves in between,
    the save is refused with their text shown, and the next click puts this one on top.
    """
    language = st.selectbox(tr("Taal", "Language"), ["nl", "en"], key=f"vacancy_lang_{job_id}")
    history = [d for d in view.vacancy_history(plan_id, job_id) if d.language == language and d.format == "text"]
    newest = history[-1] if history else None
    for draft in reversed(history):
        label = (f"{tr('versie', 'revision')} {draft.revision} · {md(draft.updated_by)} · "
                 f"{draft.updated_at:%d-%m %H:%M} UTC")
        if draft is newest:
            st.markdown(f"**{label}**")
            st.text(draft.content)
        else:
            with st.expander(label):
                st.text(draft.content)
    text_key, base_key = f"vacancy_text_{job_id}", f"vacancy_base_{job_id}_{language}"
    if not st.session_state.get(text_key, "").strip():
        st.session_state[base_key] = newest.revision if newest else None  # not editing yet: follow the newest
    text = st.text_area(tr("Vacaturetekst", "Vacancy text"), key=text_key)
    if st.button(tr("Concept bewaren", "Keep draft"), key=f"vacancy_save_{job_id}", disabled=not text.strip()):
        try:
            saved = view.save_vacancy(plan_id, job_id, language, "text", text, by=who or "HR",
                                      based_on=st.session_state.get(base_key))
        except StaleDraftError as stale:
            st.session_state[base_key] = stale.current.revision if stale.current else None
            st.error(tr(f"Niet bewaard: {md(stale.current.updated_by)} bewaarde intussen versie "
                        f"{stale.current.revision} (hierboven). Klik nogmaals om jouw tekst erbovenop te bewaren.",
                        f"Not kept: {md(stale.current.updated_by)} kept revision {stale.current.revision} in the "
                        f"meantime (above). Click again to keep your text on top of it."))
        else:
            st.session_state[base_key] = saved.revision
            st.rerun()


CANDIDATE_COLUMNS = {"id": "id", "alias": ("schuilnaam", "alias"), "available": ("beschikbaar", "available"),
                     "min_week_hours": ("min uur/week", "min h/week"), "max_week_hours": ("max uur/week", "max h/week"),
                     "max_day_hours": ("max uur/dag", "max h/day"), "max_work_days": ("max dagen", "max days"),
                     "skills": ("kan", "skills"), "learnable": ("wil leren", "learnable"),
                     "reach": ("bereik", "reach"), "note": ("notitie", "note")}


def hr_candidates(view, stored) -> None:
    """The workspace's candidates, read only, and (when cheap) their matches to the newest plan."""
    people = view.candidates()
    st.header(tr("Kandidaten", "Candidates"))
    if not people.candidates:
        st.info(tr("De facilitair manager heeft nog geen kandidaten in de werkruimte gezet.",
                   "The facility manager has not put any candidates in the workspace yet."))
        return
    st.caption(tr("Alleen voor HR en de facilitair manager; leveranciers zien dit nooit. De manager beheert ze.",
                  "For HR and the facility manager only; suppliers never see this. The manager keeps them."))
    st.dataframe(pd.DataFrame([{(v if isinstance(v, str) else tr(*v)): row.get(k) for k, v in CANDIDATE_COLUMNS.items()}
                               for row in to_rows(people)]), hide_index=True, width="stretch")
    if stored is None or not stored.plan.jobs or len(people.candidates) * len(stored.plan.jobs) > 200_000:
        return
    try:
        matched = view.matches(stored, people)
    except (ValueError, InputError):  # candidates that name a skill or place this plan's tasks no longer have
        log.warning("matching the workspace's candidates to plan %s failed", stored.id)
        return
    lang = st.session_state["lang"]
    names = {c.id: c.label for c in people.candidates}
    st.subheader(tr(f"Koppeling aan het nieuwste plan: {len(matched.matches)} van {len(people.candidates)} geplaatst",
                    f"Matched to the newest plan: {len(matched.matches)} of {len(people.candidates)} placed"))
    st.dataframe(pd.DataFrame([{tr("Baan", "Job"): m.job, tr("Kandidaat", "Candidate"): names[m.candidate],
                                tr("Te leren", "To learn"): ", ".join(m.to_learn),
                                tr("Waarom", "Why"): "; ".join(r.text(lang) for r in m.reasons)}
                               for m in matched.matches]), hide_index=True, width="stretch")


def hr_page(view, who: str) -> None:
    st.title(tr("Plannen en vacatures", "Plans and vacancies"))
    st.caption(md(view.workspace.name))
    stored = view.latest_plan()
    if stored is None:
        st.info(tr("Er is nog geen plan. Kom later terug.", "There is no plan yet. Come back later."))
        hr_candidates(view, None)
        return
    names = view.supplier_names(stored)
    plan = stored.plan
    a, b, c = st.columns(3)
    a.metric(tr("Banen", "Jobs"), plan.kpis.jobs)
    b.metric(tr("Uren gebundeld", "Hours bundled"), f"{plan.kpis.bundled_hours:g}")
    c.metric("Status", status_word(plan.status, st.session_state["lang"]),
             help=status_text(plan, st.session_state["lang"]))
    st.dataframe(pd.DataFrame([{tr("Baan", "Job"): j.id, tr("Uren", "Hours"): j.hours,
                                tr("Werkgever", "Employer"): names.get(j.employer, j.employer),
                                tr("Leveranciers", "Suppliers"): " + ".join(names.get(s, s) for s in j.suppliers),
                                tr("Taken", "Tasks"): len(j.tasks)} for j in plan.jobs]),
                 hide_index=True, width="stretch")
    for job in plan.jobs:
        with st.expander(f"{md(job.id)} · {job.hours:g} u · {md(names.get(job.employer, job.employer))}"):
            st.dataframe(pd.DataFrame(schedule_rows(job.schedule)), hide_index=True, width="stretch")
            vacancy_editor(view, stored.id, job.id, who)
    st.subheader(tr("Eerdere plannen", "Earlier plans"))
    st.dataframe(pd.DataFrame([{"Plan": p.id, tr("Versie", "Version"): p.task_version,
                                "Status": status_word(p.status, st.session_state["lang"]),
                                tr("Banen", "Jobs"): p.jobs, tr("Uren", "Hours"): p.bundled_hours,
                                tr("Wanneer (UTC)", "When (UTC)"): f"{p.created_at:%Y-%m-%d %H:%M}"}
                               for p in reversed(view.plans())]), hide_index=True, width="stretch")
    hr_candidates(view, stored)


try:
    view = open_link(repository(), st.query_params.get("token"))
except AccessDenied:
    st.title(tr("Geen toegang", "No access"))
    st.error(tr("Deze link is niet (meer) geldig. Vraag de facilitair manager om een nieuwe link.",
                "This link is not valid (any more). Ask the facility manager for a new link."))
    st.stop()
except Exception as error:  # the database cannot be reached
    unavailable(error)
    st.stop()

who = st.sidebar.text_input(tr("Je naam", "Your name"), key="guest_name").strip()
try:
    (supplier_page if view.role == "supplier" else hr_page)(view, who)
except AccessDenied:  # revoked while the page was open
    st.error(tr("Deze link is ingetrokken.", "This link has been revoked."))
except Exception as error:
    unavailable(error)

"""Solve page: runs in the background with live progress and a Stop button."""

import streamlit as st

from bundler.store import StaleVersionError
from bundler.ui.session import current_check, tr
from bundler.ui.text import md
from bundler.ui.workspace import adopt_finished_solve, stale_message, start_solve
from bundler.words import number, status_text, stopped_text

st.title(tr("Oplossen", "Solve"))
check = current_check()
running = st.session_state.get("solve")

if check.task_file is None:
    st.warning(tr("Eerst de problemen op de pagina Taken oplossen.", "First fix the problems on the Tasks page."))
    for problem in check.problems[:10]:
        st.error(md(problem))
elif running is None or running.done:
    limit = st.session_state["time_limit"]
    if st.button(tr(f"Banen zoeken ({limit:g} s)", f"Find jobs ({limit:g} s)"), type="primary", key="start_solve"):
        try:
            start_solve(check.task_file)
        except StaleVersionError as error:
            st.error(stale_message(error))
            st.page_link("app_pages/workspace.py", label=tr("Naar de werkruimte", "To the workspace"))
        else:
            st.rerun()


@st.fragment(run_every=0.5)
def progress() -> None:
    job = st.session_state.get("solve")
    if job is None:
        return
    snap = job.snapshot()
    share = min(snap.elapsed / snap.time_limit, 1.0) if snap.time_limit else 1.0
    if snap.running:
        text = tr(f"{snap.elapsed:.0f} van {snap.time_limit:g} s", f"{snap.elapsed:.0f} of {snap.time_limit:g} s")
    else:
        text = tr(f"klaar na {number(snap.elapsed, digits=1)} s", f"done after {snap.elapsed:.1f} s")
    st.progress(share if snap.running else 1.0, text=text)
    a, b, c = st.columns(3)
    a.metric(tr("Banen gevonden", "Jobs found"), "-" if snap.jobs is None else snap.jobs)
    b.metric(tr("Meer banen kan niet dan", "No more jobs can be than"), "-" if snap.bound is None else snap.bound,
             help=tr("Zoveel banen zijn er hoogstens te maken met deze taken en regels (bewezen).",
                     "At most this many jobs can be made from these tasks under these rules (proven)."))
    c.metric(tr("Verstreken", "Elapsed"), tr(f"{number(snap.elapsed, digits=1)} s", f"{snap.elapsed:.1f} s"))
    if snap.running:
        if st.button(tr("Stop (beste plan bewaren)", "Stop (keep the best plan)"), key="stop_solve"):
            job.stop()
        return
    if job.error:
        st.error(tr(f"Het oplossen ging mis: {md(job.error)}", f"Solving failed: {md(job.error)}"))
        return
    if adopt_finished_solve():
        st.rerun(scope="app")
    plan, lang = job.plan, st.session_state["lang"]
    k = plan.kpis
    stopped = stopped_text(plan, lang)
    st.success(tr(f"Klaar: {k.jobs} banen, {number(k.bundled_hours)} van {number(k.total_hours)} uur gebundeld "
                  f"({status_text(plan)}{'; ' + stopped if stopped else ''}).",
                  f"Done: {k.jobs} jobs, {number(k.bundled_hours, 'en')} of {number(k.total_hours, 'en')} hours "
                  f"bundled ({status_text(plan, 'en')}{'; ' + stopped if stopped else ''})."))
    st.page_link("app_pages/schedules.py", label=tr("Naar de roosters", "To the schedules"), icon=":material/calendar_month:")


progress()

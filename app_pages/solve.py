"""Solve page: runs in the background with live progress and a Stop button."""

import streamlit as st

from bundler.store import StaleVersionError
from bundler.ui.session import current_check, tr
from bundler.ui.text import md
from bundler.ui.workspace import adopt_finished_solve, stale_message, start_solve

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
        text = tr(f"klaar na {snap.elapsed:.1f} s", f"done after {snap.elapsed:.1f} s")
    st.progress(share if snap.running else 1.0, text=text)
    a, b, c = st.columns(3)
    a.metric(tr("Banen gevonden", "Jobs found"), "-" if snap.jobs is None else snap.jobs)
    b.metric(tr("Bewezen bovengrens", "Proven bound"), "-" if snap.bound is None else snap.bound)
    c.metric(tr("Verstreken", "Elapsed"), f"{snap.elapsed:.1f} s")
    if snap.running:
        if st.button(tr("Stop (beste plan bewaren)", "Stop (keep the best plan)"), key="stop_solve"):
            job.stop()
        return
    if job.error:
        st.error(tr(f"Het oplossen ging mis: {md(job.error)}", f"Solving failed: {md(job.error)}"))
        return
    if adopt_finished_solve():
        st.rerun(scope="app")
    plan = job.plan
    st.success(tr(f"Klaar: {plan.kpis.jobs} banen, {plan.kpis.bundled_hours:g} van {plan.kpis.total_hours:g} uur "
                  f"gebundeld ({plan.status}).",
                  f"Done: {plan.kpis.jobs} jobs, {plan.kpis.bundled_hours:g} of {plan.kpis.total_hours:g} hours "
                  f"bundled ({plan.status})."))
    st.page_link("app_pages/schedules.py", label=tr("Naar de roosters", "To the schedules"), icon=":material/calendar_month:")


progress()

"""Solve page: runs in the background with live progress and a Stop button."""

import streamlit as st

from bundler.store import StaleVersionError
from bundler.ui.session import current_check, problem, tr
from bundler.ui.text import md
from bundler.ui.workspace import adopt_finished_solve, stale_message, start_solve
from bundler.words import number, status_text

st.title(tr("Oplossen", "Solve"))
check = current_check()
running = st.session_state.get("solve")

if check.task_file is None:
    st.warning(tr("Eerst de problemen op de pagina Taken oplossen.", "First fix the problems on the Tasks page."))
    for line in check.problems[:10]:
        st.error(md(problem(line)))
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
    b.metric(tr("Hoogstens mogelijk", "At most possible"), "-" if snap.bound is None else snap.bound,
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
    plan, lang = st.session_state["plan"], st.session_state["lang"]
    k = plan.kpis
    note = st.session_state.get("adopt_note")
    if note and note[0] == "kept":
        _, previous, stopped = note
        st.warning(tr(f"Gestopt. Wat er tot dan toe gevonden was ({stopped.kpis.jobs} banen, "
                      f"{number(stopped.kpis.bundled_hours)} uur) is minder dan het vorige plan: het vorige plan "
                      f"({previous.kpis.jobs} banen, {number(previous.kpis.bundled_hours)} uur) blijft staan.",
                      f"Stopped. What was found so far ({stopped.kpis.jobs} jobs, "
                      f"{number(stopped.kpis.bundled_hours, 'en')} hours) is less than the previous plan: the previous "
                      f"plan ({previous.kpis.jobs} jobs, {number(previous.kpis.bundled_hours, 'en')} hours) stays."))
    else:
        stopped = note is not None and note[0] == "stopped"
        st.success(tr(f"{'Gestopt; dit is nu het plan' if stopped else 'Klaar'}: {k.jobs} banen, "
                      f"{number(k.bundled_hours)} van {number(k.total_hours)} uur gebundeld ({status_text(plan)}).",
                      f"{'Stopped; this is the plan now' if stopped else 'Done'}: {k.jobs} jobs, "
                      f"{number(k.bundled_hours, 'en')} of {number(k.total_hours, 'en')} hours bundled "
                      f"({status_text(plan, 'en')})."))
    earlier = st.session_state.get("earlier_decisions")
    if earlier and st.session_state.get("adopted") is job:
        kept = [d for d in earlier[1] if (d.job, d.supplier) in st.session_state["decisions"]]
        st.caption(tr(f"Opnieuw gepland: banen die hetzelfde bleven houden hun nummer en hun besluiten "
                      f"({len(kept)} van {len(earlier[1])}); nieuwe banen krijgen een nieuw nummer.",
                      f"Re-planned: jobs that stayed the same keep their number and their decisions "
                      f"({len(kept)} of {len(earlier[1])}); new jobs get a new number."))
    st.page_link("app_pages/schedules.py", label=tr("Naar de roosters", "To the schedules"), icon=":material/calendar_month:")


progress()

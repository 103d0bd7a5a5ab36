"""The Schedules page for a room: job-quality warnings beside each rota, all seven days, print views, site plan."""

from __future__ import annotations

from test_app import solve_now, start


def test_schedules_show_the_job_coach_warnings_beside_the_rota_and_offer_print_views():
    at = start("uu_kickoff")
    solve_now(at, seconds=5)
    plan = at.session_state["plan"]
    warned = next(j for j in plan.jobs if j.quality and j.quality.warnings_nl)
    at.switch_page("app_pages/schedules.py").run()
    at.selectbox(key="job_choice").set_value(warned.id).run()
    assert not at.exception
    assert any(w.value.startswith("Let op (jobcoach): ") and warned.quality.warnings_nl[0] in w.value.replace("\\", "")
               for w in at.warning)
    labels = [b.label for b in at.get("download_button")]
    assert f"Rooster {warned.id} afdrukken (HTML)" in labels and "Alle roosters afdrukken (HTML)" in labels
    overview = next(d.value for d in at.dataframe if "zo" in d.value.columns)
    assert list(overview.columns) == ["Baan", "Uren", "ma", "di", "wo", "do", "vr", "za", "zo"]
    quality = next(d.value for d in at.dataframe if "Let op" in d.value.columns)
    assert quality.set_index("Baan").loc[warned.id, "Let op"].startswith(warned.quality.warnings_nl[0])
    assert "Hoe goed:" in " ".join(m.value for m in at.markdown)
    assert not any("FEASIBLE" in m.value or "OPTIMAL" in m.value for m in at.markdown)


def test_the_site_plan_follows_the_chosen_day():
    """Choosing another day redraws the plan with that day's route; no map service is used."""
    at = start("uu_kickoff")
    solve_now(at, seconds=5)
    plan = at.session_state["plan"]
    job = next(j for j in plan.jobs if len({e.day for e in j.schedule}) >= 2)
    at.switch_page("app_pages/schedules.py").run()
    at.selectbox(key="job_choice").set_value(job.id).run()
    worked = [d for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun") if any(e.day == d for e in job.schedule)]
    assert len(at.radio(key="site_plan_day").options) == len(worked)
    at.radio(key="site_plan_day").set_value(worked[1]).run()
    assert not at.exception and at.radio(key="site_plan_day").value == worked[1]
    assert not at.get("deck_gl_json_chart")

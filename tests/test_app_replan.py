"""Re-planning keeps the thread in the workbench: ids, decisions, a stop that keeps the better plan, what-if
progress."""

from __future__ import annotations

import time

from test_app import solve_now, start

from bundler.check import check_plan
from bundler.continuity import score


def _wait(at) -> None:
    deadline = time.monotonic() + 180
    while not at.session_state["solve"].done and time.monotonic() < deadline:
        time.sleep(0.3)
    at.run()


def test_after_a_re_plan_kept_jobs_keep_their_number_and_decision_and_no_rejected_number_returns():
    at = start()
    solve_now(at)
    first = at.session_state["plan"]
    two = [j for j in first.jobs if len(j.suppliers) == 2]
    accepted, rejected = next(j for j in first.jobs if j is not two[-1]), two[-1]
    at.switch_page("app_pages/supplier.py").run()
    at.selectbox(key="supplier_choice").set_value(accepted.suppliers[0]).run()
    at.radio(key=f"decide_{accepted.id}_{accepted.suppliers[0]}").set_value("accept").run()
    at.selectbox(key="supplier_choice").set_value(rejected.suppliers[0]).run()
    at.radio(key=f"decide_{rejected.id}_{rejected.suppliers[0]}").set_value("reject").run()
    at.text_input(key=f"reason_{rejected.id}_{rejected.suppliers[0]}").input("te ver lopen").run()
    at.button(key="replan").click().run()
    _wait(at)
    second, new_file = at.session_state["plan"], at.session_state["plan_file"]
    assert check_plan(new_file, second) == []
    ids = {j.id: frozenset(j.tasks) for j in second.jobs}
    assert ids[accepted.id] == frozenset(accepted.tasks)
    before = {frozenset(j.tasks): j.id for j in first.jobs}
    for job_id, tasks in ids.items():
        assert job_id == before[tasks] if tasks in before else job_id not in {j.id for j in first.jobs}
    at.switch_page("app_pages/solve.py").run()
    assert any("Opnieuw gepland" in c.value for c in at.caption)
    at.switch_page("app_pages/supplier.py").run()
    at.selectbox(key="supplier_choice").set_value(accepted.suppliers[0]).run()
    assert at.radio(key=f"decide_{accepted.id}_{accepted.suppliers[0]}").value == "accept"
    assert any("Afgewezen in het vorige plan" in c.value and rejected.id in c.value and "te ver lopen" in c.value
               for c in at.caption)


def test_stop_keeps_the_better_of_the_stopped_and_the_previous_plan_and_says_which():
    at = start("uu_kickoff")
    solve_now(at, seconds=5)
    previous = at.session_state["plan"]
    at.session_state["time_limit"] = 60
    at.run()
    at.button(key="start_solve").click().run()
    at.session_state["solve"].stop()
    _wait(at)
    stopped = at.session_state["solve"].plan
    assert stopped.solver.stopped_by == "user"
    shown = at.session_state["plan"]
    assert score(shown, "jobs") == max(score(previous, "jobs"), score(stopped, "jobs"))
    if score(previous, "jobs") > score(stopped, "jobs"):
        assert shown is previous
        assert any("het vorige plan" in w.value and "blijft staan" in w.value for w in at.warning)
    else:
        assert any(s.value.startswith("Gestopt; dit is nu het plan") for s in at.success)


def test_whatif_shows_which_variant_is_being_solved():
    at = start()
    at.switch_page("app_pages/whatif.py").run()
    at.slider(key="whatif_seconds").set_value(3).run()
    at.button(key="run_whatif").click().run()
    progress = at.get("progress")
    assert progress and "Variant" in progress[0].proto.text and "van 4" in progress[0].proto.text
    assert at.session_state["whatif_run"].wait(120)

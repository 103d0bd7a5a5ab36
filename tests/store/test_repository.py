"""Versions, optimistic saves, plans, decisions and vacancy drafts, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from workspace_factory import synthetic_plan, tutorial

from bundler.store import NotFoundError, StaleDraftError, StaleVersionError
from bundler.validation import InputError


def renamed(content: dict, name: str) -> dict:
    return {**content, "name": name}


def test_every_save_is_a_new_version_and_restore_is_an_undo(repo):
    """Saving never overwrites: history keeps who saved what; restoring v1 adds v3 equal to v1."""
    ws = repo.create_workspace("Kick-off UU", tutorial(), by="Fatima")
    first = repo.latest_version(ws.id)
    repo.save_version(ws.id, renamed(first.content, "changed"), by="Fatima", expected_version=1)
    restored = repo.restore(ws.id, 1, by="Bas", expected_version=2)
    history = repo.history(ws.id)
    assert [(v.number, v.saved_by) for v in history] == [(1, "Fatima"), (2, "Fatima"), (3, "Bas")]
    assert history[1].content["name"] == "changed"
    assert restored.number == 3 and restored.content == first.content
    assert restored.note == "restored version 1"
    assert repo.latest_version(ws.id).content == first.content


def test_a_stale_save_is_refused_and_names_the_current_version(repo):
    """Lost update: two people load v1; the first save lands, the second is refused, nothing is lost."""
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    alice_copy = repo.latest_version(ws.id)
    bob_copy = repo.latest_version(ws.id)
    repo.save_version(ws.id, renamed(alice_copy.content, "alice"), by="Alice", expected_version=alice_copy.number)
    with pytest.raises(StaleVersionError) as refused:
        repo.save_version(ws.id, renamed(bob_copy.content, "bob"), by="Bob", expected_version=bob_copy.number)
    assert refused.value.current == 2 and refused.value.saved_by == "Alice"
    assert "version 2" in str(refused.value) and "Alice" in str(refused.value)
    assert [v.content["name"] for v in repo.history(ws.id)] == [tutorial()["name"], "alice"]
    # Bob reloads the latest and saves on top of it.
    latest = repo.latest_version(ws.id)
    repo.save_version(ws.id, renamed(latest.content, "bob"), by="Bob", expected_version=latest.number)
    assert repo.latest_version(ws.id).number == 3


def test_racing_saves_from_one_version_let_exactly_one_through(repo):
    """Eight saves started from the same version at the same moment: one lands, seven are refused."""
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    barrier, outcomes = threading.Barrier(8), []

    def save(n: int) -> None:
        barrier.wait()
        try:
            repo.save_version(ws.id, renamed(tutorial(), f"save {n}"), by=f"person {n}", expected_version=1)
            outcomes.append("saved")
        except StaleVersionError:
            outcomes.append("stale")

    threads = [threading.Thread(target=save, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["saved"] + ["stale"] * 7
    assert [v.number for v in repo.history(ws.id)] == [1, 2]


def test_decisions_by_eight_suppliers_at_once_all_land(repo):
    """Eight threads, one per supplier, each write five decisions at the same moment: all 40 are stored."""
    suppliers = [f"s{n}" for n in range(8)]
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    plan = repo.save_plan(ws.id, 1, synthetic_plan(suppliers), by="Fatima")
    barrier, errors = threading.Barrier(8), []

    def decide(n: int) -> None:
        supplier, job = suppliers[n], f"J{n + 1:02d}"
        barrier.wait()
        try:
            for round_ in range(5):
                verdict = "accept" if round_ % 2 == 0 else "reject"
                repo.decide(plan.id, job, supplier, verdict, f"round {round_}", by=supplier)
        except Exception as error:  # reported below; a thread must not swallow it
            errors.append(error)

    threads = [threading.Thread(target=decide, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(repo.decision_log(plan.id)) == 40
    latest = repo.decisions(plan.id)
    assert sorted((d.supplier, d.verdict, d.reason) for d in latest) == [(s, "accept", "round 4") for s in suppliers]


def test_the_latest_decision_counts_and_open_withdraws_it(repo):
    """A supplier changes its mind; 'open' removes its verdict; a job without its tasks is refused."""
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    plan = repo.save_plan(ws.id, 1, synthetic_plan(["a", "b", "c"]), by="Fatima")
    repo.decide(plan.id, "J01", "a", "accept", "", by="a")
    repo.decide(plan.id, "J01", "a", "reject", "too far apart", by="a")
    repo.decide(plan.id, "J01", "b", "accept", "", by="b")
    assert {(d.supplier, d.verdict) for d in repo.decisions(plan.id)} == {("a", "reject"), ("b", "accept")}
    repo.decide(plan.id, "J01", "b", "open", "", by="b")
    assert [(d.supplier, d.reason) for d in repo.decisions(plan.id)] == [("a", "too far apart")]
    with pytest.raises(ValueError, match="no task of supplier 'c'"):
        repo.decide(plan.id, "J01", "c", "accept", "", by="c")
    with pytest.raises(NotFoundError):
        repo.decide(plan.id, "J99", "a", "accept", "", by="a")


def test_plans_keep_their_statistics_and_task_version(repo):
    """A stored plan links to the version it was solved from and keeps status, KPIs and solver info."""
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    repo.save_version(ws.id, renamed(tutorial(), "v2"), by="Fatima", expected_version=1)
    stored = repo.save_plan(ws.id, 2, synthetic_plan(["a", "b"]), by="Fatima")
    assert (stored.task_version, stored.status, stored.jobs) == (2, "FEASIBLE", 2)
    assert repo.latest_plan(ws.id).plan == synthetic_plan(["a", "b"])
    assert [p.id for p in repo.plans(ws.id)] == [stored.id]
    with pytest.raises(NotFoundError):
        repo.save_plan(ws.id, 7, synthetic_plan(["a", "b"]), by="Fatima")


def test_vacancy_drafts_are_kept_per_job_language_and_format(repo):
    """Saving a draft twice for the same key makes the second the current one; other keys stay."""
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    plan = repo.save_plan(ws.id, 1, synthetic_plan(["a", "b"]), by="Fatima")
    repo.save_vacancy(plan.id, "J01", "nl", "markdown", "eerste versie", by="HR")
    repo.save_vacancy(plan.id, "J01", "nl", "markdown", "tweede versie", by="HR")
    repo.save_vacancy(plan.id, "J01", "en", "markdown", "first draft", by="HR")
    drafts = repo.vacancies(plan.id, "J01")
    assert [(d.language, d.content) for d in drafts] == [("en", "first draft"), ("nl", "tweede versie")]


def test_a_draft_keeps_its_history_and_a_save_on_an_older_revision_is_refused(repo):
    """Two HR people edit the same draft: the second save, started from revision 1, is refused; nothing is lost."""
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    plan = repo.save_plan(ws.id, 1, synthetic_plan(["a", "b"]), by="Fatima")
    first = repo.save_vacancy(plan.id, "J01", "nl", "text", "eerste", by="Anna", based_on=None)
    assert first.revision == 1
    assert repo.save_vacancy(plan.id, "J01", "nl", "text", "van Anna", by="Anna", based_on=1).revision == 2
    with pytest.raises(StaleDraftError) as stale:
        repo.save_vacancy(plan.id, "J01", "nl", "text", "van Bas", by="Bas", based_on=1)
    assert stale.value.current.updated_by == "Anna" and "revision 2 by Anna" in str(stale.value)
    with pytest.raises(StaleDraftError):
        repo.save_vacancy(plan.id, "J01", "en", "text", "draft", by="Bas", based_on=3)
    assert [(d.revision, d.content, d.updated_by) for d in repo.vacancy_history(plan.id, "J01")] == \
        [(1, "eerste", "Anna"), (2, "van Anna", "Anna")]
    assert [d.content for d in repo.vacancies(plan.id)] == ["van Anna"]
    assert repo.save_vacancy(plan.id, "J01", "nl", "text", "toch van Bas", by="Bas").revision == 3


def test_unknown_ids_and_broken_task_files_are_plain_errors(repo):
    """An unknown workspace is NotFoundError; an invalid task file is InputError and stores nothing."""
    with pytest.raises(NotFoundError, match="no workspace"):
        repo.latest_version("nope")
    with pytest.raises(NotFoundError):
        repo.history("nope")
    ws = repo.create_workspace("Kick-off", tutorial(), by="Fatima")
    broken = tutorial()
    broken["tasks"][0]["supplier"] = "nobody"
    with pytest.raises(InputError):
        repo.save_version(ws.id, broken, by="Fatima", expected_version=1)
    assert len(repo.history(ws.id)) == 1

"""The seven fit rules: each a pair of cases (holds / is broken), and the shared reference
checker (`verify_match.py`) agrees on every case, rule by rule and on random pairs."""

from __future__ import annotations

import json
import random

import pytest
from people_factory import reference_misfits, two_site_file

from bundler.people.candidates import Candidate
from bundler.people.fit import FIT_RULES, Screen, fits, job_facts, misfits, rules_of

# J: T1 (asito, clean, edu, mon-thu 09:00-13:00, physical high) + T2 (sodexo, lunch, lib, mon-thu 13:15-15:15)
JOB = {"id": "J01", "tasks": ["T1", "T2"], "suppliers": ["asito", "sodexo"], "employer": "asito", "hours": 24.0,
       "schedule": [{"task": t, "day": d, "start": s, "end": e, "location": loc}
                    for d in ("mon", "tue", "wed", "thu")
                    for t, s, e, loc in (("T1", "09:00", "13:00", "edu"), ("T2", "13:15", "15:15", "lib"))]}

CASES = {
    # rule: (candidate that fits by this rule, candidate that breaks it)
    1: ({"available": [{"days": ["mon", "tue", "wed", "thu"], "from": "09:00", "until": "15:30"}]},
        {"available": [{"days": ["mon", "tue", "wed", "thu"], "from": "09:30", "until": "15:30"}]}),
    2: ({"min_week_hours": 20, "max_week_hours": 24}, {"min_week_hours": 16, "max_week_hours": 20}),
    3: ({"max_day_hours": 6}, {"max_day_hours": 5.5}),
    4: ({"max_work_days": 4}, {"max_work_days": 3}),
    5: ({"skills": ["cleaning"], "learnable": ["lunch"]}, {"skills": ["cleaning"], "learnable": ["coffee"]}),
    6: ({"limits": {"physical_load": "high", "customer_contact": "medium"}},
        {"limits": {"physical_load": "medium"}}),
    7: ({"reach": ["uithof"]}, {"reach": ["edu", "centre"]}),
}


def person(**fields) -> Candidate:
    return Candidate.model_validate({"id": "K01", **fields})


@pytest.mark.parametrize("rule", sorted(CASES))
def test_each_fit_rule_holds_and_is_broken(rule):
    """The rule's own function is silent on the first case and names the break on the second;
    the other six rules stay silent on both, and the reference checker agrees."""
    task_file = two_site_file()
    job = job_facts(JOB, task_file)
    check = FIT_RULES[rule - 1]
    good, bad = (person(**c) for c in CASES[rule])
    assert check(good, job) == []
    broken = check(bad, job)
    assert broken and all(r.rule == rule for r in broken)
    assert broken[0].en and broken[0].nl and broken[0].en != broken[0].nl
    for other in FIT_RULES:
        if other is not check:
            assert other(good, job) == [] and other(bad, job) == []
    assert reference_misfits(good, JOB, task_file) == []
    assert len(reference_misfits(bad, JOB, task_file)) >= 1
    assert fits(good, job) and not fits(bad, job)


def test_an_absent_field_sets_no_limit():
    """A candidate with only an id fits every job (every rule: absent means no limit)."""
    task_file = two_site_file()
    assert misfits(person(), job_facts(JOB, task_file)) == []
    assert reference_misfits(person(), JOB, task_file) == []


def test_a_flexible_window_across_two_windows_does_not_fit():
    """A piece of work must lie inside ONE window: 09:00-12:00 and 12:00-16:00 do not join up."""
    task_file = two_site_file()
    split = person(available=[{"days": ["mon", "tue", "wed", "thu"], "from": "09:00", "until": "12:00"},
                              {"days": ["mon", "tue", "wed", "thu"], "from": "12:00", "until": "16:00"}])
    assert [r.rule for r in misfits(split, job_facts(JOB, task_file))] == [1]
    assert reference_misfits(split, JOB, task_file)


def _random_candidate(rng: random.Random) -> Candidate:
    data: dict = {"id": "K"}
    if rng.random() < 0.7:
        start = rng.choice(["07:00", "08:30", "09:00", "09:15", "10:00"])
        end = rng.choice(["13:00", "15:00", "15:15", "16:00"])
        days = rng.sample(["mon", "tue", "wed", "thu", "fri"], rng.randint(3, 5))
        data["available"] = [{"days": days, "from": start, "until": end}]
    if rng.random() < 0.5:
        data["min_week_hours"] = rng.choice([16, 20, 24, 24.0001])
    if rng.random() < 0.5:
        data["max_week_hours"] = rng.choice([20, 23.9999, 24, 30])
        data["min_week_hours"] = min(data.get("min_week_hours", 0), data["max_week_hours"])
    if rng.random() < 0.5:
        data["max_day_hours"] = rng.choice([4, 5.9999, 6, 8])
    if rng.random() < 0.5:
        data["max_work_days"] = rng.randint(2, 5)
    if rng.random() < 0.5:
        data["skills"] = rng.sample(["cleaning", "lunch", "coffee"], rng.randint(0, 2))
        data["learnable"] = rng.sample(["cleaning", "lunch", "coffee"], rng.randint(0, 2))
    if rng.random() < 0.5:
        data["limits"] = {d: rng.choice(["low", "medium", "high"]) for d in
                          rng.sample(["physical_load", "pace", "customer_contact", "independence"], 2)}
    if rng.random() < 0.5:
        data["reach"] = rng.sample(["edu", "lib", "centre", "uithof"], rng.randint(1, 2))
    return Candidate.model_validate(data)


def test_random_candidates_agree_with_the_reference_checker():
    """300 random people: we say "fits" exactly when verify_match finds no misfit, and the fast
    screen used for many pairs at once names the same broken rules as the rule functions."""
    rng = random.Random(14)
    task_file = two_site_file()
    job = job_facts(JOB, task_file)
    agreed = {True: 0, False: 0}
    for _ in range(300):
        candidate = _random_candidate(rng)
        ours = misfits(candidate, job)
        theirs = reference_misfits(candidate, json.loads(json.dumps(JOB)), task_file)
        assert (ours == []) == (theirs == []), (candidate, ours, theirs)
        assert fits(candidate, job) == (ours == [])
        assert rules_of(Screen(candidate).broken(job)) == {r.rule for r in ours}  # the fast screen agrees
        agreed[ours == []] += 1
    assert agreed[True] > 10 and agreed[False] > 10  # both kinds were met

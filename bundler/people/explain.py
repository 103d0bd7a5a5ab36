"""Plain reasons about people and jobs, in Dutch and English: what blocks, what is closest.

Matching and carving both explain the people they could not place and the jobs nobody
took. A person's blockers are counted over the jobs (or the tasks) and told by the most
common cause first, the way a job coach would say it: "31 of 35 jobs start before 09:00",
"no task fits before 09:00 at your sites".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bundler.domain import DAYS, to_hhmm
from bundler.people.candidates import Candidate
from bundler.people.fit import (
    DAY_EN,
    DAY_NL,
    DEMAND_EN,
    DEMAND_NL,
    FIT_RULES,
    LEVEL_NL,
    JobFacts,
    Reason,
    Screen,
    rules_of,
)

MAX_BLOCKERS = 3
NEAREST_LOOKS = 8
"""Of the jobs with the fewest broken rules, this many (by id) are weighed for the fewest reasons."""


@dataclass(frozen=True)
class Text:
    """A sentence in both languages."""

    en: str
    nl: str

    def text(self, lang: str = "en") -> str:
        return self.nl if lang == "nl" else self.en

    @staticmethod
    def join(parts: list[Text], sep: str = "; ") -> Text:
        return Text(sep.join(p.en for p in parts), sep.join(p.nl for p in parts))


def _time_causes(candidate: Candidate | Screen, job: JobFacts) -> set[tuple[str, str]]:
    """Why the job's work falls outside the person's windows: ('before', '09:00'),
    ('after', '15:00'), ('day', 'sat') or ('between', ''), per piece of work outside them."""
    screen = candidate if isinstance(candidate, Screen) else Screen(candidate)
    key = ("time causes", screen.window_key)
    if key not in job.memo:
        job.memo[key] = _count_time_causes(screen, job)
    return job.memo[key]


def _count_time_causes(screen: Screen, job: JobFacts) -> set[tuple[str, str]]:
    windows_of, spans = screen.windows or {}, screen.spans
    causes: set[tuple[str, int | str]] = set()
    for day, start, end, _ in job.entries:
        span = spans.get(day)
        if span is None:
            causes.add(("day", day))
            continue
        from_, until = span
        if start < from_:
            causes.add(("before", from_))
        if end > until:
            causes.add(("after", until))
        if start >= from_ and end <= until and not any(a <= start and end <= b for a, b in windows_of[day]):
            causes.add(("between", ""))
    return {(kind, to_hhmm(value) if isinstance(value, int) else value) for kind, value in causes}


def _cause_text(cause: tuple[str, str], count: int, total: int, noun_en: str, noun_nl: str) -> Text:
    kind, value = cause
    of_en, of_nl = f"{count} of {total} {noun_en}", f"{count} van de {total} {noun_nl}"
    if kind == "before":
        return Text(f"{of_en} start before {value}", f"{of_nl} beginnen vóór {value}")
    if kind == "after":
        return Text(f"{of_en} end after {value}", f"{of_nl} eindigen na {value}")
    if kind == "day":
        return Text(f"{of_en} work on {DAY_EN[value]}, when you do not work",
                    f"{of_nl} werken op {DAY_NL[value]}, als jij niet werkt")
    return Text(f"{of_en} fall in a break between your hours", f"{of_nl} vallen in een gat tussen je uren")


def _masks(candidate: Candidate, jobs: list[JobFacts], masks: list[int] | None) -> list[int]:
    if masks is not None:
        return masks
    screen = Screen(candidate)
    return [screen.broken(job) for job in jobs]


def person_blockers(candidate: Candidate, jobs: list[JobFacts], masks: list[int] | None = None) -> list[Text]:
    """The most common reasons no job fits a person, counted over the jobs.

    `masks[j]`: the rules broken for job j (`Screen.broken`), when already known."""
    total = len(jobs)
    if not total:
        return [Text("there are no jobs", "er zijn geen banen")]
    counts: Counter = Counter()
    screen = Screen(candidate)
    for job, mask in zip(jobs, _masks(candidate, jobs, masks), strict=True):
        broken = rules_of(mask)
        if 1 in broken:
            for cause in _time_causes(screen, job):
                counts[("time",) + cause] += 1
        for rule in broken - {1, 6}:
            counts[("rule", rule)] += 1
        if 6 in broken:
            for dim, limit in candidate.limits.given().items():
                if any(_above(level, limit) for _, level in job.levels.get(dim, [])):
                    counts[("limit", dim, limit)] += 1
    texts = []
    for key, count in counts.most_common(MAX_BLOCKERS):
        texts.append(_blocker_text(candidate, key, count, total))
    return texts


def _above(level: str, limit: str) -> bool:
    order = {"low": 0, "medium": 1, "high": 2}
    return order[level] > order[limit]


def _blocker_text(candidate: Candidate, key: tuple, count: int, total: int) -> Text:
    of_en, of_nl = f"{count} of {total} jobs", f"{count} van de {total} banen"
    if key[0] == "time":
        return _cause_text(key[1:], count, total, "jobs", "banen")
    if key[0] == "limit":
        _, dim, limit = key
        return Text(f"{of_en} ask more {DEMAND_EN[dim]} than {limit}",
                    f"{of_nl} vragen meer {DEMAND_NL[dim]} dan {LEVEL_NL[limit]}")
    rule = key[1]
    if rule == 2:
        lo = candidate.min_week_hours
        hi = candidate.max_week_hours
        want = f"{lo or 0:g}-{hi:g}" if hi is not None else f"at least {lo:g}"
        want_nl = f"{lo or 0:g}-{hi:g}" if hi is not None else f"minstens {lo:g}"
        return Text(f"{of_en} have other weekly hours than your {want} h",
                    f"{of_nl} hebben andere weekuren dan jouw {want_nl} uur")
    if rule == 3:
        return Text(f"{of_en} have days longer than your {candidate.max_day_hours:g} h",
                    f"{of_nl} hebben dagen langer dan jouw {candidate.max_day_hours:g} uur")
    if rule == 4:
        return Text(f"{of_en} work more days than your {candidate.max_work_days}",
                    f"{of_nl} werken meer dagen dan jouw {candidate.max_work_days}")
    if rule == 5:
        return Text(f"{of_en} need skills you neither have nor want to learn",
                    f"{of_nl} vragen vaardigheden die je niet hebt en niet wilt leren")
    return Text(f"{of_en} are at places out of your reach", f"{of_nl} zijn op plekken die je niet bereikt")


def nearest_job(candidate: Candidate, jobs: list[JobFacts], masks: list[int] | None = None
                ) -> tuple[JobFacts, list[Reason]] | None:
    """The job the person misses by the least: fewest broken rules, then fewest reasons."""
    masks = _masks(candidate, jobs, masks)
    fewest = min((bin(m).count("1") for m in masks), default=None)
    closest = sorted((job for job, mask in zip(jobs, masks, strict=True) if bin(mask).count("1") == fewest),
                     key=lambda job: job.id)[:NEAREST_LOOKS]
    best = None
    for job in closest:
        reasons = [r for rule in FIT_RULES for r in rule(candidate, job)]
        key = (len(reasons), job.id)
        if best is None or key < best[0]:
            best = (key, job, reasons)
    return None if best is None else (best[1], best[2])


def job_blockers(job: JobFacts, candidates: list[Candidate], masks: list[int] | None = None,
                 screens: list[Screen] | None = None) -> list[Text]:
    """The most common reasons nobody fits a job, counted over the people.

    `masks[p]`: the rules person p breaks for this job, and `screens`: the people prepared,
    when already known."""
    total = len(candidates)
    if not total:
        return [Text("there are no candidates", "er zijn geen kandidaten")]
    screens = screens if screens is not None else [Screen(c) for c in candidates]
    if masks is None:
        masks = [s.broken(job) for s in screens]
    counts: Counter = Counter()
    for c, mask in zip(screens, masks, strict=True):
        broken = rules_of(mask)
        if 1 in broken:
            for cause in _time_causes(c, job):
                counts[("time",) + cause[:1] + ((cause[1],) if cause[0] == "day" else ("",))] += 1
        for rule in broken - {1}:
            counts[("rule", rule)] += 1
    out = []
    for key, count in counts.most_common(MAX_BLOCKERS):
        of_en, of_nl = f"{count} of {total} candidates", f"{count} van de {total} kandidaten"
        if key[0] == "time":
            kind, value = key[1], key[2]
            first = min((s for _, s, _, _ in job.entries), default=0)
            last = max((e for _, _, e, _ in job.entries), default=0)
            if kind == "before":
                out.append(Text(f"{of_en} do not work from {to_hhmm(first)}",
                                f"{of_nl} werken niet vanaf {to_hhmm(first)}"))
            elif kind == "after":
                out.append(Text(f"{of_en} do not work until {to_hhmm(last)}",
                                f"{of_nl} werken niet tot {to_hhmm(last)}"))
            elif kind == "day":
                out.append(Text(f"{of_en} do not work on {DAY_EN[value]}", f"{of_nl} werken niet op {DAY_NL[value]}"))
            else:
                out.append(Text(f"{of_en} have a break in their hours during this job",
                                f"{of_nl} hebben een gat in hun uren tijdens deze baan"))
            continue
        rule = key[1]
        hours = f"{job.minutes / 60:g}"
        out.append({
            2: Text(f"{of_en} want other weekly hours than its {hours} h",
                    f"{of_nl} willen andere weekuren dan de {hours} uur"),
            3: Text(f"{of_en} cannot work its longest day of {max(job.per_day.values(), default=0) / 60:g} h",
                    f"{of_nl} kunnen de langste dag van {max(job.per_day.values(), default=0) / 60:g} uur niet aan"),
            4: Text(f"{of_en} work fewer than its {len(job.per_day)} days",
                    f"{of_nl} werken minder dan de {len(job.per_day)} dagen"),
            5: Text(f"{of_en} lack a skill it needs", f"{of_nl} missen een vaardigheid die nodig is"),
            6: Text(f"{of_en} cannot take what its tasks ask (physical load, pace, ...)",
                    f"{of_nl} kunnen niet aan wat de taken vragen (lichamelijk, tempo, ...)"),
            7: Text(f"{of_en} cannot reach its places", f"{of_nl} kunnen de plekken niet bereiken"),
        }[rule])
    return out


def days_text(days: list[str], lang: str) -> str:
    names = DAY_NL if lang == "nl" else DAY_EN
    ordered = sorted(days, key=DAYS.index)
    return ", ".join(names[d] for d in ordered)

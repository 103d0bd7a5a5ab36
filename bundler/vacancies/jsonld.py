"""The vacancy as schema.org `JobPosting` JSON-LD, the form job boards and search engines read.

Competencies become `DefinedTerm`s that carry their ESCO URI, so a matching tool can
compare them with a candidate's skills without parsing any text.
"""

from __future__ import annotations

from typing import Any

from bundler.vacancies.draft import Draft
from bundler.vacancies.render import say

FULL_TIME_HOURS = 36
ESCO_SKILLS = {"@type": "DefinedTermSet", "name": "ESCO skills (v1.1.1)",
               "url": "http://data.europa.eu/esco/concept-scheme/skills"}


def jobposting(draft: Draft) -> dict[str, Any]:
    """A JSON-LD dict; `datePosted` and `validThrough` are left for whoever publishes it."""
    activities = [say(draft, "activity", a) for part in draft.day_parts for a in part.activities]
    demands = {d.name: say(draft, "demand", d) for d in draft.demands}
    skills = []
    for c in draft.competencies:
        term: dict[str, Any] = {"@type": "DefinedTerm", "name": c.label[:1].upper() + c.label[1:]}
        if c.esco_uri:
            term.update({"@id": c.esco_uri, "url": c.esco_uri, "termCode": c.esco_uri.rsplit("/", 1)[-1],
                         "alternateName": c.esco_label or c.label, "inDefinedTermSet": ESCO_SKILLS})
        skills.append(term)
    locations = []
    for place in draft.places:
        location: dict[str, Any] = {"@type": "Place", "name": place.name}
        if place.lat is not None and place.lon is not None:
            location["geo"] = {"@type": "GeoCoordinates", "latitude": place.lat, "longitude": place.lon}
        locations.append(location)
    posting: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "identifier": {"@type": "PropertyValue", "name": draft.employer.name, "value": draft.job_id},
        "title": say(draft, "title", draft),
        "inLanguage": draft.lang,
        "description": "\n".join([say(draft, "intro", draft), *activities, *demands.values()]),
        "responsibilities": "\n".join(activities),
        "skills": skills,
        "employmentType": "FULL_TIME" if draft.hours >= FULL_TIME_HOURS else "PART_TIME",
        "workHours": say(draft, "work_hours", draft) + (
            f". {say(draft, 'working_time_text', draft)}" if draft.working_time.applies else ""),
        "hiringOrganization": {"@type": "Organization", "name": draft.employer.name, "identifier": draft.employer.id},
        "jobLocation": locations,
        "employerOverview": say(draft, "employer_text", draft),
        "jobBenefits": "\n".join([say(draft, "cao_text", draft), say(draft, "support_coach", draft),
                                  say(draft, "support_contact", draft)]),
        "totalJobOpenings": 1,
    }
    if "physical_load" in demands:
        posting["physicalRequirement"] = demands["physical_load"]
    return posting

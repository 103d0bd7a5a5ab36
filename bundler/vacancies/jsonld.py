"""The vacancy as schema.org `JobPosting` JSON-LD, the form job boards and search engines read.

Competencies become `DefinedTerm`s that carry their ESCO URI, so a matching tool can
compare them with a candidate's skills without parsing any text; places carry their
coordinates. Both are for machines and appear only here, never in the Markdown or
DOCX text. The kick-off's settings (start date, contract, pay, VOG, contact) fill the
matching JobPosting properties; an empty one is the same `[in te vullen: ...]`
placeholder the text shows.
"""

from __future__ import annotations

from typing import Any

from bundler.vacancies.draft import Draft
from bundler.vacancies.render import say, wording

FULL_TIME_HOURS = 36
ESCO_SKILLS = {"@type": "DefinedTermSet", "name": "ESCO skills (v1.1.1)",
               "url": "http://data.europa.eu/esco/concept-scheme/skills"}


def _skills(draft: Draft) -> list[dict[str, Any]]:
    skills = []
    for c in draft.competencies:
        term: dict[str, Any] = {"@type": "DefinedTerm", "name": say(draft, "competency", c)}
        if c.esco_uri:
            term.update({"@id": c.esco_uri, "url": c.esco_uri, "termCode": c.esco_uri.rsplit("/", 1)[-1],
                         "inDefinedTermSet": ESCO_SKILLS})
            if c.esco_label:  # ESCO's own English label, tagged as such so a Dutch posting stays Dutch
                term["alternateName"] = {"@value": c.esco_label, "@language": "en"}
        skills.append(term)
    return skills


def _locations(draft: Draft) -> list[dict[str, Any]]:
    locations = []
    for place in draft.places:
        location: dict[str, Any] = {"@type": "Place", "name": place.name}
        if place.lat is not None and place.lon is not None:
            location["geo"] = {"@type": "GeoCoordinates", "latitude": place.lat, "longitude": place.lon}
        locations.append(location)
    return locations


def _todo(draft: Draft, what: str) -> str:
    """The draft's placeholder for a missing setting, e.g. '[in te vullen: startdatum]'."""
    return say(draft, "todo", wording(draft.lang).missing[what])


def _contact(draft: Draft) -> dict[str, Any]:
    s = draft.settings
    contact: dict[str, Any] = {"@type": "ContactPoint", "name": s.contact_name.strip() or _todo(draft, "name")}
    if s.contact_phone.strip():
        contact["telephone"] = s.contact_phone.strip()
    if s.contact_email.strip():
        contact["email"] = s.contact_email.strip()
    if len(contact) == 2:
        contact["description"] = _todo(draft, "reach")
    return contact


def _employment_type(draft: Draft) -> list[str]:
    kinds = ["FULL_TIME" if draft.hours >= FULL_TIME_HOURS else "PART_TIME"]
    if draft.settings.contract_type == "fixed_term":
        kinds.append("TEMPORARY")
    return kinds


def jobposting(draft: Draft) -> dict[str, Any]:
    """A JSON-LD dict; `datePosted` and `validThrough` are left for whoever publishes it."""
    activities = [say(draft, "activity", a) for part in draft.day_parts for a in part.activities]
    demands = {d.name: say(draft, "demand", d) for d in draft.demands}
    start = draft.settings.start_date
    essentials = [say(draft, part, draft) for part in ("contract_paragraph", "pay_paragraph", "accessibility",
                                                       "training_text", "clothes_text", "vog_text")]
    posting: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "identifier": {"@type": "PropertyValue", "name": draft.employer.name, "value": draft.job_id},
        "title": say(draft, "title", draft),
        "inLanguage": draft.lang,
        "description": "\n".join([say(draft, "intro", draft), *activities, *demands.values(), *essentials,
                                  say(draft, "apply_paragraph", draft)]),
        "responsibilities": "\n".join(activities),
        "skills": _skills(draft),
        "employmentType": _employment_type(draft),
        "jobStartDate": start.isoformat() if start else _todo(draft, "start_date"),
        "workHours": say(draft, "work_hours", draft) + (
            f". {say(draft, 'working_time_text', draft)}" if draft.working_time.applies else ""),
        "hiringOrganization": {"@type": "Organization", "name": draft.employer.name, "identifier": draft.employer.id},
        "jobLocation": _locations(draft),
        "employerOverview": say(draft, "employer_text", draft),
        "jobBenefits": "\n".join([say(draft, "pay_paragraph", draft), say(draft, "training_text", draft),
                                  say(draft, "clothes_text", draft), say(draft, "support_coach", draft),
                                  say(draft, "support_contact", draft)]),
        "securityClearanceRequirement": say(draft, "vog_text", draft),
        "applicationContact": _contact(draft),
        "totalJobOpenings": 1,
    }
    if "physical_load" in demands:
        posting["physicalRequirement"] = demands["physical_load"]
    return posting

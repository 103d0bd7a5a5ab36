"""What a candidate needs to know that no task file can say: HR fills it in once per kick-off.

Start date, contract, pay scale, VOG, work clothes, training, accessibility, the job
coach arrangement, how to apply and whom to contact hold for every job of a kick-off,
so HR types them once and every draft (Markdown, DOCX, JSON-LD) uses them. Anything
left empty shows in the drafts as a visible `[in te vullen: ...]` placeholder, never as
a guess: a candidate must not read a promise nobody made (a job coach is "in overleg"
until HR says how the partnership arranges one).

Free texts have a Dutch and an English version, so neither draft mixes languages.
In a workspace the settings are kept as one row of the existing vacancy-draft table
(job "" and format "settings": no job id is empty), so no schema change is needed.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

ContractType = Literal["fixed_term", "permanent"]
JobCoach = Literal["employer", "partnership", "public", "none"]
"""Who arranges the job coach: the employer, the partners together, UWV or the municipality, nobody."""

SETTINGS_JOB = ""
SETTINGS_LANGUAGE = ""
SETTINGS_FORMAT = "settings"
"""The reserved vacancy-draft row that holds a kick-off's settings in a workspace."""


class LocalText(BaseModel):
    """A free text in both draft languages; an empty one shows as a placeholder in that draft."""

    model_config = ConfigDict(extra="forbid")

    nl: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        return (self.nl if lang == "nl" else self.en).strip()


class VacancySettings(BaseModel):
    """The kick-off's answers to what every vacancy needs; None or empty means 'not filled in yet'."""

    model_config = ConfigDict(extra="forbid")

    start_date: date | None = None
    contract_type: ContractType | None = None
    contract_months: int | None = Field(default=None, ge=1, le=120)
    """The length of a fixed-term contract."""
    pay_scales: dict[str, str] = Field(default_factory=dict)
    """CAO name -> the scale a job under it starts in, e.g. 'loongroep 1A (€ 14,40 per uur)'."""
    vog_required: bool | None = None
    """A certificate of conduct (Verklaring Omtrent het Gedrag) is needed."""
    work_clothes: bool | None = None
    """The employer and partner provide work clothes."""
    training: LocalText = Field(default_factory=LocalText)
    accessibility: LocalText = Field(default_factory=LocalText)
    job_coach: JobCoach | None = None
    how_to_apply: LocalText = Field(default_factory=LocalText)
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""

    def pay_scale(self, cao: str) -> str:
        return (self.pay_scales.get(cao) or "").strip()

    def missing(self, caos: list[str] | tuple[str, ...] = (), lang: str = "nl") -> list[str]:
        """Names (the field names) of what is still to fill in for a draft in `lang` under these CAOs."""
        out = [name for name, empty in (
            ("start_date", self.start_date is None),
            ("contract_type", self.contract_type is None or (self.contract_type == "fixed_term"
                                                             and self.contract_months is None)),
            ("pay_scales", any(not self.pay_scale(c) for c in caos)),
            ("vog_required", self.vog_required is None),
            ("work_clothes", self.work_clothes is None),
            ("training", not self.training.get(lang)),
            ("accessibility", not self.accessibility.get(lang)),
            ("job_coach", self.job_coach is None),
            ("how_to_apply", not self.how_to_apply.get(lang)),
            ("contact_name", not self.contact_name.strip()),
            ("contact", not (self.contact_phone.strip() or self.contact_email.strip())),
        ) if empty]
        return out


def settings_json(settings: VacancySettings) -> str:
    return settings.model_dump_json(exclude_defaults=True)


def parse_settings(text: str | dict[str, Any] | None) -> VacancySettings:
    """Settings from stored JSON; ValueError naming the field when they are not valid settings."""
    if not text:
        return VacancySettings()
    try:
        data = json.loads(text) if isinstance(text, str) else text
        return VacancySettings.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise ValueError(f"vacancy settings, {'.'.join(str(x) for x in first['loc'])}: {first['msg']}") from None
    except ValueError as error:
        raise ValueError(f"vacancy settings are not JSON: {error}") from None


def stored_settings(repository, plan_ids: list[int]) -> VacancySettings | None:
    """The newest settings kept with any of these plans (newest first), or None.

    Settings belong to the kick-off, plans come and go: a new plan starts from the
    settings of the plan before it.
    """
    for plan_id in plan_ids:
        for row in repository.vacancies(plan_id, SETTINGS_JOB):
            if row.format == SETTINGS_FORMAT:
                return parse_settings(row.content)
    return None


def store_settings(repository, plan_id: int, settings: VacancySettings, by: str) -> None:
    repository.save_vacancy(plan_id, SETTINGS_JOB, SETTINGS_LANGUAGE, SETTINGS_FORMAT, settings_json(settings), by)

"""The skills catalogue: each skill id tied to a real ESCO skill, with plain wording.

A vacancy names competences, not job titles; ESCO gives every competence a stable
URI that job boards and matching tools understand. The catalogue (`data/esco_skills.json`,
made by `data/make_skills_catalogue.py` from the shared ESCO subset) also holds the
plain Dutch and English wording a vacancy uses for the work itself. A skill that is not
in the catalogue still works: its label and `esco` URI come from the task file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from bundler.domain import TaskFile
from bundler.validation import InputError

DEFAULT_CATALOGUE = Path(__file__).resolve().parents[2] / "data" / "esco_skills.json"


@dataclass(frozen=True)
class SkillEntry:
    """One skill as a vacancy shows it."""

    id: str
    label_en: str
    label_nl: str
    label_nl_from_esco: bool
    """False: the shared ESCO subset had no Dutch label, so the Dutch wording is ours."""
    esco_uri: str | None = None
    esco_label_en: str | None = None
    no_esco_match: str | None = None
    activity_nl: str | None = None
    activity_en: str | None = None
    area_nl: str | None = None
    area_en: str | None = None

    def label(self, lang: str) -> str:
        return self.label_nl if lang == "nl" else self.label_en

    def activity(self, lang: str) -> str | None:
        return self.activity_nl if lang == "nl" else self.activity_en

    def area(self, lang: str) -> str | None:
        return self.area_nl if lang == "nl" else self.area_en


def load_catalogue(path: str | Path | None = None) -> dict[str, SkillEntry]:
    """Skill id -> entry; an empty catalogue when the default file is not there."""
    path = Path(path) if path is not None else DEFAULT_CATALOGUE
    if not path.exists():
        if path == DEFAULT_CATALOGUE:
            return {}
        raise InputError([f"{path}: skills catalogue not found"])
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = {}
        for record in data["skills"]:
            esco = record.get("esco") or {}
            entries[record["id"]] = SkillEntry(
                id=record["id"], label_en=record.get("label") or record["id"],
                label_nl=record.get("label_nl") or record.get("label") or record["id"],
                label_nl_from_esco=record.get("label_nl_source") == "esco",
                esco_uri=esco.get("uri"), esco_label_en=esco.get("label_en"),
                no_esco_match=record.get("no_esco_match"),
                activity_nl=record.get("activity_nl"), activity_en=record.get("activity_en"),
                area_nl=record.get("area_nl"), area_en=record.get("area_en"))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise InputError([f"{path}: not a skills catalogue ({type(error).__name__}: {error})"]) from None
    return entries


def skill_entries(task_file: TaskFile, catalogue: dict[str, SkillEntry]) -> dict[str, SkillEntry]:
    """Every skill of the task file as an entry: the catalogue's, with the task file's ESCO URI when it has one."""
    out = {}
    for skill in task_file.skills:
        known = catalogue.get(skill.id)
        uri = skill.esco or (known.esco_uri if known else None)
        if known is not None:
            same = uri == known.esco_uri
            out[skill.id] = SkillEntry(**{**known.__dict__, "esco_uri": uri,
                                          "esco_label_en": known.esco_label_en if same else None,
                                          "no_esco_match": None if uri else known.no_esco_match})
        else:
            label = skill.label or skill.id
            extra = skill.model_extra or {}
            out[skill.id] = SkillEntry(id=skill.id, label_en=label, label_nl=extra.get("label_nl") or label,
                                       label_nl_from_esco=False, esco_uri=uri,
                                       no_esco_match=None if uri else "no ESCO reference given")
    return out

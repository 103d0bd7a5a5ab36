"""The skills catalogue: each skill id tied to a real ESCO skill, with plain wording.

A vacancy names competences, not job titles; ESCO gives every competence a stable
URI that job boards and matching tools understand. The catalogue also holds the plain
Dutch and English wording a vacancy uses for the work itself. It ships inside the
package (`bundler/vacancies/data/esco_skills.json`, made by
`data/make_skills_catalogue.py` from the shared ESCO subset) and is read through
`importlib.resources`, so an installed bundler finds it as well as a source tree.

A catalogue that cannot be read is an error, never an empty list: without it every
draft silently loses its titles and skills. A skill that is not in the catalogue still
works: its label and `esco` URI come from the task file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from bundler.domain import TaskFile

PACKAGE = "bundler.vacancies"
PACKAGE_PATH = ("data", "esco_skills.json")
"""Where the catalogue lives inside the package."""


class CatalogueError(OSError):
    """The skills catalogue is missing or unreadable: a broken installation or file, not bad user input.

    An OSError, so the command line reports it as a file it cannot read (exit 2).
    """


@dataclass(frozen=True)
class SkillEntry:
    """One skill as a vacancy shows it."""

    id: str
    label_en: str
    label_nl: str | None
    """None: nobody gave a Dutch label (the Dutch draft then asks HR for one)."""
    label_nl_from_esco: bool
    """False: the shared ESCO subset had no Dutch label, so the Dutch wording is ours."""
    esco_uri: str | None = None
    esco_label_en: str | None = None
    no_esco_match: str | None = None
    activity_nl: str | None = None
    activity_en: str | None = None
    area_nl: str | None = None
    area_en: str | None = None
    outdoor: bool = False
    """Work done outside, around a building ("bij het Androclusgebouw", not "in")."""

    def label(self, lang: str) -> str | None:
        return self.label_nl if lang == "nl" else self.label_en

    def activity(self, lang: str) -> str | None:
        return self.activity_nl if lang == "nl" else self.activity_en

    def area(self, lang: str) -> str | None:
        return self.area_nl if lang == "nl" else self.area_en


def package_catalogue():
    """The catalogue file inside the installed package (a Traversable, maybe inside a zip)."""
    where = resources.files(PACKAGE)
    for part in PACKAGE_PATH:
        where = where.joinpath(part)
    return where


def _read(source) -> str:
    try:
        return source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogueError(f"skills catalogue not found: {source}; reinstall bundler or rebuild it with "
                             "python data/make_skills_catalogue.py") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogueError(f"skills catalogue {source} cannot be read: {error}") from None


def _parse(text: str, source) -> dict[str, SkillEntry]:
    try:
        data = json.loads(text)
        entries = {}
        for record in data["skills"]:
            esco = record.get("esco") or {}
            entries[record["id"]] = SkillEntry(
                id=record["id"], label_en=record.get("label") or record["id"],
                label_nl=record.get("label_nl") or None,
                label_nl_from_esco=record.get("label_nl_source") == "esco",
                esco_uri=esco.get("uri"), esco_label_en=esco.get("label_en"),
                no_esco_match=record.get("no_esco_match"),
                activity_nl=record.get("activity_nl"), activity_en=record.get("activity_en"),
                area_nl=record.get("area_nl"), area_en=record.get("area_en"),
                outdoor=bool(record.get("outdoor")))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise CatalogueError(f"{source}: not a skills catalogue ({type(error).__name__}: {error})") from None
    if not entries:
        raise CatalogueError(f"{source}: the skills catalogue lists no skills")
    return entries


@lru_cache(maxsize=1)
def _packaged() -> dict[str, SkillEntry]:
    source = package_catalogue()
    return _parse(_read(source), source)


def load_catalogue(path: str | Path | None = None) -> dict[str, SkillEntry]:
    """Skill id -> entry, from `path` or else from the package; CatalogueError when it cannot be read."""
    if path is None:
        return dict(_packaged())
    path = Path(path)
    return _parse(_read(path), path)


def skill_entries(task_file: TaskFile, catalogue: dict[str, SkillEntry]) -> dict[str, SkillEntry]:
    """Every skill of the task file as an entry: the catalogue's, with the task file's ESCO URI when it has one."""
    out = {}
    for skill in task_file.skills:
        known = catalogue.get(skill.id)
        extra = skill.model_extra or {}
        uri = skill.esco or (known.esco_uri if known else None)
        if known is not None:
            same = uri == known.esco_uri
            out[skill.id] = SkillEntry(**{**known.__dict__, "esco_uri": uri,
                                          "esco_label_en": known.esco_label_en if same else None,
                                          "no_esco_match": None if uri else known.no_esco_match})
        else:
            label = skill.label or skill.id
            out[skill.id] = SkillEntry(id=skill.id, label_en=label, label_nl=extra.get("label_nl") or None,
                                       label_nl_from_esco=False, esco_uri=uri,
                                       no_esco_match=None if uri else "no ESCO reference given")
    return out

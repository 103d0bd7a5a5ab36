"""Competency-based vacancy drafts for the jobs of a plan, in Dutch (B1) and English.

    draft = build_draft(task_file, plan, "J01", "nl", settings=VacancySettings(...))
    markdown(draft); docx_bytes(draft); jobposting(draft); draft.notes

A draft is built from what the job is (tasks, skills, rota, places, suppliers) and the
kick-off's settings (start date, contract, pay, ...); the words come from jinja2
templates. ESCO references and coordinates are in the JSON-LD only.
"""

from bundler.vacancies.catalogue import CatalogueError, SkillEntry, load_catalogue
from bundler.vacancies.docx import docx_bytes
from bundler.vacancies.draft import (
           LANGUAGES,
           Draft,
           build_draft,
           check_plan_matches,
           plan_drafts,
)
from bundler.vacancies.files import plan_files, write_files, zip_bytes
from bundler.vacancies.jsonld import jobposting
from bundler.vacancies.notes import Note
from bundler.vacancies.render import markdown
from bundler.vacancies.settings import LocalText, VacancySettings

__all__ = ["LANGUAGES", "CatalogueError", "Draft", "LocalText", "Note", "SkillEntry", "VacancySettings",
           "build_draft", "check_plan_matches", "docx_bytes", "jobposting", "load_catalogue", "markdown",
           "plan_drafts", "plan_files", "write_files", "zip_bytes"]

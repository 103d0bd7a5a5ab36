"""Competency-based vacancy drafts for the jobs of a plan, in Dutch (B1) and English.

    draft = build_draft(task_file, plan, "J01", "nl")
    markdown(draft); docx_bytes(draft); jobposting(draft)

A draft is built from what the job is (tasks, skills with their ESCO reference, rota,
places, suppliers); the words come from jinja2 templates.
"""

from bundler.vacancies.catalogue import SkillEntry, load_catalogue
from bundler.vacancies.docx import docx_bytes
from bundler.vacancies.draft import LANGUAGES, Draft, build_draft, check_plan_matches
from bundler.vacancies.files import plan_files, write_files, zip_bytes
from bundler.vacancies.jsonld import jobposting
from bundler.vacancies.render import markdown

__all__ = ["LANGUAGES", "Draft", "SkillEntry", "build_draft", "check_plan_matches", "docx_bytes", "jobposting",
           "load_catalogue", "markdown", "plan_files", "write_files", "zip_bytes"]

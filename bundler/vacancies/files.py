"""All drafts of a plan as files: `J01.nl.md`, `J01.nl.docx`, `J01.nl.jsonld`, ... and one zip of them.

One place decides the file names, so the command line and the workbench hand out the
same set. Job ids come from plan files other people write, so a name is made with
`safe_file_stem` (an id like `../x` or `/etc/x` becomes a plain name with a hash), and
writing refuses any name that would leave the folder.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Callable

from bundler.domain import Plan, PlanJob, TaskFile
from bundler.file_names import inside, safe_file_stem
from bundler.vacancies.catalogue import SkillEntry, load_catalogue
from bundler.vacancies.docx import docx_bytes
from bundler.vacancies.draft import LANGUAGES, Draft, build_draft, check_plan_matches
from bundler.vacancies.jsonld import jobposting
from bundler.vacancies.render import markdown

FORMATS = {"md": "text/markdown", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           "jsonld": "application/ld+json"}


def file_name(job_id: str, lang: str, fmt: str) -> str:
    """`J01.nl.md`; never a path, whatever the job id holds."""
    return f"{safe_file_stem(job_id)}.{safe_file_stem(lang)}.{safe_file_stem(fmt)}"


def draft_files(draft: Draft) -> dict[str, bytes]:
    """The three formats of one draft, by file name."""
    return {
        file_name(draft.job_id, draft.lang, "md"): markdown(draft).encode("utf-8"),
        file_name(draft.job_id, draft.lang, "docx"): docx_bytes(draft),
        file_name(draft.job_id, draft.lang, "jsonld"):
            (json.dumps(jobposting(draft), indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
    }


def plan_files(task_file: TaskFile, plan: Plan, languages: tuple[str, ...] = LANGUAGES,
               catalogue: dict[str, SkillEntry] | None = None,
               adjustments: Callable[[PlanJob, str], str] | None = None) -> dict[str, bytes]:
    """Every job in every language and format, by file name, in job order; `adjustments`
    as in `plan_drafts` (a carved job's adjustments, never its person)."""
    check_plan_matches(task_file, plan)
    catalogue = load_catalogue() if catalogue is None else catalogue
    files: dict[str, bytes] = {}
    for job in plan.jobs:
        for lang in languages:
            said = adjustments(job, lang) if adjustments else ""
            files.update(draft_files(build_draft(task_file, plan, job.id, lang, catalogue, adjustments=said)))
    return files


def zip_bytes(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(safe_file_stem(name), content)
    return out.getvalue()


def write_files(files: dict[str, bytes], folder: str | Path) -> list[Path]:
    """Write the files into `folder` (made when missing); the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, content in files.items():
        path = inside(folder, name)
        path.write_bytes(content)
        paths.append(path)
    return paths

"""The partnership sheet of a job, for the second meeting: who employs, who seconds, who coaches,
and how the job counts.

The kick-off left these questions open for every combination job of two suppliers:

- who employs the person (the supplier with most hours) and under which CAO;
- the partner supplier and its hours, worked on secondment (*detachering*);
- who arranges the job coach;
- how the job counts for the *banenafspraak* (25.5 paid hours a week = 1 job) and for each
  supplier's social return (SROI: its share of the hours).

    sheet = partnership(task_file, plan, "J03", candidates)
    markdown(sheet, "nl"); docx_bytes(sheet, "en"); plan_zip(task_file, plan, candidates)

A sheet never names the person: a carved job shows its adjustments only.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass

from bundler.domain import DAYS, Plan, PlanJob, TaskFile, to_minutes
from bundler.people.adjustments import job_adjustments
from bundler.people.candidates import CandidateFile
from bundler.people.fit import DAY_EN, DAY_NL

BANENAFSPRAAK_HOURS = 25.5
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")


def safe_file_stem(identifier: str) -> str:
    """A job id as a file name: as it is when plain (J01), else its safe characters and a hash."""
    if _PLAIN.fullmatch(identifier):
        return identifier
    digest = hashlib.sha256(identifier.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{re.sub(r'[^A-Za-z0-9_-]+', '-', identifier).strip('-')[:30] or 'job'}-{digest}"
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Share:
    supplier: str
    name: str
    cao: str
    hours: float
    tasks: tuple[str, ...]

    def share_of(self, total: float) -> float:
        return self.hours / total if total else 0.0


@dataclass(frozen=True)
class Sheet:
    job_id: str
    kick_off: str
    hours: float
    employer: Share
    partners: tuple[Share, ...]
    rota: tuple[tuple[str, str, str], ...]
    """(day, first start, last end) per working day."""
    adjustments_nl: tuple[str, ...]
    adjustments_en: tuple[str, ...]
    carved: bool

    @property
    def banenafspraak(self) -> float:
        return self.hours / BANENAFSPRAAK_HOURS

    @property
    def shares(self) -> tuple[Share, ...]:
        return (self.employer, *self.partners)


def partnership(task_file: TaskFile, plan: Plan, job_id: str, candidates: CandidateFile | None = None) -> Sheet:
    job = next((j for j in plan.jobs if j.id == job_id), None)
    if job is None:
        raise KeyError(f"plan has no job {job_id}")
    return sheet_of(task_file, job, candidates)


def sheet_of(task_file: TaskFile, job: PlanJob, candidates: CandidateFile | None = None) -> Sheet:
    tasks = task_file.task_by_id()
    suppliers = task_file.supplier_by_id()
    hours: dict[str, float] = {}
    own: dict[str, list[str]] = {}
    for e in job.schedule:
        task = tasks.get(e.task)
        if task is None:
            continue
        hours[task.supplier] = hours.get(task.supplier, 0.0) + (to_minutes(e.end) - to_minutes(e.start)) / 60
        own.setdefault(task.supplier, [])
        if e.task not in own[task.supplier]:
            own[task.supplier].append(e.task)

    def share(sid: str) -> Share:
        s = suppliers.get(sid)
        return Share(sid, (s.name or sid) if s else sid, s.cao if s else "", round(hours.get(sid, 0.0), 2),
                     tuple(own.get(sid, [])))

    employer = job.employer if job.employer in hours else max(sorted(hours), key=lambda s: hours[s], default="")
    partners = tuple(share(s) for s in sorted(hours, key=lambda s: (-hours[s], s)) if s != employer)
    spans: dict[str, tuple[int, int]] = {}
    for e in job.schedule:
        lo, hi = spans.get(e.day, (24 * 60, 0))
        spans[e.day] = (min(lo, to_minutes(e.start)), max(hi, to_minutes(e.end)))
    rota = tuple((d, f"{spans[d][0] // 60:02d}:{spans[d][0] % 60:02d}", f"{spans[d][1] // 60:02d}:{spans[d][1] % 60:02d}")
                 for d in DAYS if d in spans)
    return Sheet(job.id, task_file.name, round(sum(hours.values()), 2), share(employer), partners, rota,
                 tuple(job_adjustments(task_file, job, candidates, "nl")),
                 tuple(job_adjustments(task_file, job, candidates, "en")),
                 getattr(job, "candidate", None) is not None)


def _num(value: float, lang: str) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nl" else text


def _pct(value: float) -> str:
    return f"{round(100 * value)}%"


def sections(sheet: Sheet, lang: str = "nl") -> list[tuple[str, list[str]]]:
    """The sheet as (heading, lines) pairs: the one wording behind Markdown and DOCX."""
    nl = lang == "nl"
    e, total = sheet.employer, sheet.hours
    days = DAY_NL if nl else DAY_EN
    out: list[tuple[str, list[str]]] = []
    out.append(("Baan" if nl else "Job", [
        (f"{sheet.job_id}: {_num(total, lang)} uur per week, {len(sheet.rota)} dagen" if nl else
         f"{sheet.job_id}: {_num(total, lang)} hours a week, {len(sheet.rota)} days"),
        *(f"{days[d]} {a}-{b}" for d, a, b in sheet.rota),
    ]))
    out.append(("Werkgever" if nl else "Employer", [
        (f"{e.name} is werkgever: levert de meeste uren ({_num(e.hours, lang)} van {_num(total, lang)}, "
         f"{_pct(e.share_of(total))})." if nl else
         f"{e.name} employs: it brings the most hours ({_num(e.hours, lang)} of {_num(total, lang)}, "
         f"{_pct(e.share_of(total))})."),
        (f"Cao: {e.cao or '[cao invullen]'}." if nl else f"CAO: {e.cao or '[fill in the CAO]'}."),
    ]))
    lines = []
    for p in sheet.partners:
        lines.append(f"{p.name} ({p.cao or '[cao]'}): {_num(p.hours, lang)} uur per week ({_pct(p.share_of(total))}), "
                     f"taken {', '.join(p.tasks)}. {e.name} detacheert de medewerker deze uren bij {p.name}."
                     if nl else
                     f"{p.name} ({p.cao or '[CAO]'}): {_num(p.hours, lang)} hours a week ({_pct(p.share_of(total))}), "
                     f"tasks {', '.join(p.tasks)}. {e.name} seconds the employee to {p.name} for these hours.")
        if p.cao and e.cao and p.cao != e.cao:
            lines.append(f"Afspreken: welke bepalingen van de {p.cao} gelden voor de gedetacheerde uren "
                         f"(inlenersbeloning), het tarief en de aansprakelijkheid." if nl else
                         f"To agree: which terms of the {p.cao} apply to the seconded hours (hirer's pay), the "
                         f"rate and liability.")
        else:
            lines.append("Afspreken: tarief en aansprakelijkheid voor de gedetacheerde uren." if nl else
                         "To agree: rate and liability for the seconded hours.")
    if not sheet.partners:
        lines.append("Geen partner: alle uren bij de werkgever, geen detachering." if nl else
                     "No partner: all hours with the employer, no secondment.")
    out.append(("Partner en detachering" if nl else "Partner and secondment", lines))
    out.append(("Jobcoach" if nl else "Job coach", [
        (f"Voorstel: {e.name} als werkgever vraagt de jobcoach aan (bij UWV of de gemeente, afhankelijk van de "
         f"regeling van de medewerker) en is het aanspreekpunt." if nl else
         f"Proposal: {e.name} as employer arranges the job coach (through UWV or the municipality, depending on "
         f"the employee's scheme) and is the point of contact."),
        *((f"{p.name} wijst een vaste werkplekbegeleider aan voor zijn {_num(p.hours, lang)} uur." if nl else
           f"{p.name} names a regular workplace mentor for its {_num(p.hours, lang)} hours.") for p in sheet.partners),
    ]))
    count = [(f"Banenafspraak: {_num(total, lang)} / 25,5 uur = {_num(sheet.banenafspraak, lang)} baan "
              f"(telt mee als de medewerker in het doelgroepregister staat)." if nl else
              f"Banenafspraak: {_num(total, lang)} / 25.5 hours = {_num(sheet.banenafspraak, lang)} job "
              f"(counts when the employee is in the target-group register).")]
    for s in sheet.shares:
        part = s.share_of(total) * sheet.banenafspraak
        count.append(f"Social return {s.name}: {_num(s.hours, lang)} uur = {_pct(s.share_of(total))} van de baan, "
                     f"{_num(part, lang)} banenafspraakbaan." if nl else
                     f"Social return {s.name}: {_num(s.hours, lang)} hours = {_pct(s.share_of(total))} of the job, "
                     f"{_num(part, lang)} banenafspraak job.")
    count.append("Samen tellen de delen één keer: geen dubbeltelling tussen leveranciers." if nl else
                 "Together the shares count once: no double counting between suppliers.")
    out.append(("Hoe de baan telt" if nl else "How the job counts", count))
    if sheet.carved:
        adjustments = sheet.adjustments_nl if nl else sheet.adjustments_en
        out.append(("Aanpassingen" if nl else "Adjustments", [
            ("Deze baan is gemaakt rond een kandidaat en heeft deze aanpassingen: " if nl else
             "This job was made around a candidate and has these adjustments: ")
            + (", ".join(adjustments) if adjustments else ("geen" if nl else "none")) + "."]))
    out.append(("Open punten voor het gesprek" if nl else "Open points for the meeting", [
        "Akkoord werkgever en partner op de verdeling van de uren." if nl else
        "Employer and partner agree on the split of hours.",
        "Wie de werkkleding, het pasje en de inwerkdagen regelt." if nl else
        "Who arranges work clothes, the pass and the first days of training.",
        "Contactpersoon bij elke leverancier: [naam invullen]." if nl else
        "Contact person at each supplier: [fill in the name].",
    ]))
    return out


def title(sheet: Sheet, lang: str = "nl") -> str:
    return (f"Partnerschap {sheet.job_id}" if lang == "nl" else f"Partnership {sheet.job_id}") + \
        (f" · {sheet.kick_off}" if sheet.kick_off else "")


def markdown(sheet: Sheet, lang: str = "nl") -> str:
    lines = [f"# {title(sheet, lang)}", ""]
    for heading, items in sections(sheet, lang):
        lines += [f"## {heading}", ""]
        lines += [f"- {item}" for item in items]
        lines.append("")
    return "\n".join(lines)


def docx_bytes(sheet: Sheet, lang: str = "nl") -> bytes:
    from docx import Document

    doc = Document()
    doc.core_properties.title = title(sheet, lang)
    doc.core_properties.language = lang
    doc.add_heading(title(sheet, lang), level=0)
    for heading, items in sections(sheet, lang):
        doc.add_heading(heading, level=1)
        for item in items:
            doc.add_paragraph(item, style="List Bullet")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def sheet_files(sheet: Sheet, languages: tuple[str, ...] = LANGUAGES) -> dict[str, bytes]:
    stem = safe_file_stem(sheet.job_id)
    files = {}
    for lang in languages:
        files[f"{stem}.partnerschap.{lang}.md" if lang == "nl" else f"{stem}.partnership.{lang}.md"] = \
            markdown(sheet, lang).encode("utf-8")
        files[f"{stem}.partnerschap.{lang}.docx" if lang == "nl" else f"{stem}.partnership.{lang}.docx"] = \
            docx_bytes(sheet, lang)
    return files


def plan_zip(task_file: TaskFile, plan: Plan, candidates: CandidateFile | None = None,
             languages: tuple[str, ...] = LANGUAGES) -> bytes:
    """Every job's sheet, Markdown and DOCX, in one zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for job in plan.jobs:
            for name, content in sheet_files(sheet_of(task_file, job, candidates), languages).items():
                archive.writestr(name, content)
    return out.getvalue()

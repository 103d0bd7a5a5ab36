"""Notes for HR next to a draft: what the draft could not say from the task file, and why.

A draft never hides a gap behind a guess; it leaves a placeholder or says less, and a
note tells HR what to fix (a task without a Dutch title, a screening field a supplier
left out, a time off the quarter hour, settings still to fill in). Notes are in Dutch
and English like the rest of the workbench; the command line prints the English ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from bundler.vacancies.screening import Gap

LANGUAGE_NAMES = {"nl": ("Nederlandse", "Dutch"), "en": ("Engelse", "English")}
FIELD_NAMES = {
    "physical_load": ("lichamelijke belasting", "physical load"), "pace": ("tempo", "pace"),
    "interruptions": ("onderbrekingen", "interruptions"), "independence": ("zelfstandigheid", "independence"),
    "customer_contact": ("contact met mensen", "customer contact"),
}
SETTING_NAMES = {
    "start_date": ("startdatum", "start date"), "contract_type": ("soort contract", "contract type"),
    "pay_scales": ("loonschaal", "pay scale"), "vog_required": ("VOG", "certificate of conduct"),
    "work_clothes": ("werkkleding", "work clothes"), "training": ("opleiding en inwerken", "training"),
    "accessibility": ("toegankelijkheid", "accessibility"), "job_coach": ("jobcoach", "job coach"),
    "how_to_apply": ("solliciteren", "how to apply"), "contact_name": ("contactpersoon", "contact person"),
    "contact": ("telefoon of e-mail", "phone or e-mail"),
}


@dataclass(frozen=True)
class Note:
    nl: str
    en: str

    def text(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


def _hours(x: float, lang: str) -> str:
    text = f"{x:g}"
    return text.replace(".", ",") if lang == "nl" else text


def task_wording(task_id: str, title: str, lang: str, said: str | None, source: str) -> Note:
    """A task whose title is not in the draft's language."""
    nl_lang, en_lang = LANGUAGE_NAMES[lang]
    was = f" ('{title}')" if title else ""
    if said is None:
        return Note(f"taak {task_id}: geen {nl_lang} titel{was} en geen omschrijving van zijn vaardigheden; "
                    "vul de plaats [in te vullen] in",
                    f"task {task_id}: no {en_lang} title{was} and no wording for its skills; fill in the placeholder")
    skill = source.removeprefix("skill ")
    return Note(f"taak {task_id}: geen {nl_lang} titel{was}; de vacature zegt '{said}' (van vaardigheid {skill})",
                f"task {task_id}: no {en_lang} title{was}; the draft says '{said}' (from skill {skill})")


def skill_label(skill_id: str, lang: str) -> Note:
    nl_lang, en_lang = LANGUAGE_NAMES[lang]
    return Note(f"vaardigheid {skill_id}: geen {nl_lang} naam (label_{lang}); vul de plaats [in te vullen] in",
                f"skill {skill_id}: no {en_lang} label (label_{lang}); fill in the placeholder")


def screening_gaps(gaps: tuple[Gap, ...] | list[Gap]) -> list[Note]:
    """One note per set of tasks that leave screening fields out: which fields, and which the draft then skips."""
    by_tasks: dict[tuple[tuple[str, ...], float], list[Gap]] = {}
    for gap in gaps:
        by_tasks.setdefault((gap.tasks, gap.hours), []).append(gap)
    out = []
    for (tasks, hours), group in by_tasks.items():
        names = ", ".join(g.name for g in group)
        skipped = [g.name for g in group if not g.said]
        nl = f"taak {', '.join(tasks)} ({_hours(hours, 'nl')} uur) heeft geen {names}"
        en = f"task {', '.join(tasks)} ({_hours(hours, 'en')} h) has no {names}"
        if skipped:
            nl += "; de vacature zegt daarom niets over " + ", ".join(FIELD_NAMES[n][0] for n in skipped)
            en += "; so the draft says nothing about " + ", ".join(FIELD_NAMES[n][1] for n in skipped)
        out.append(Note(nl + "; vraag het de leverancier", en + "; ask the supplier"))
    return out


def off_grid(day: str, start: str, end: str) -> Note:
    return Note(f"{day} {start}-{end} valt niet op een kwartier; kijk start_step_minutes van het plan na",
                f"{day} {start}-{end} is not on the quarter hour; check the plan's start_step_minutes")


def settings_missing(names: list[str]) -> Note:
    return Note("nog in te vullen voor alle vacatures: " + ", ".join(SETTING_NAMES[n][0] for n in names),
                "still to fill in for all vacancies: " + ", ".join(SETTING_NAMES[n][1] for n in names))

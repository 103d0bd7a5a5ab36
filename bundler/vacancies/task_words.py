"""What a task is called in a draft: its own title in the draft's language, else its skill's wording.

A task's title says what the work really is ("Toegangscontrole tentamens"), which the
generic wording of its skill ("bezoekers ontvangen") does not. So a draft uses, in order:

1. `title_nl` / `title_en` on the task (an optional field for files with both languages);
2. `title`, when it looks like the draft's language (`language.guess_language`; a
   title that gives no sign either way counts as Dutch, the language of the kick-offs);
3. the catalogue's wording of the task's first skill that has some;
4. nothing: the draft shows a placeholder for HR, and a note says which task.

The place named at the end of a title is cut off, the draft names it itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from bundler.domain import Location, Task
from bundler.vacancies.catalogue import SkillEntry
from bundler.vacancies.language import guess_language
from bundler.vacancies.places import AROUND, place_phrase, strip_place


@dataclass(frozen=True)
class TaskWords:
    task_id: str
    text: str | None
    """What you do, without the place; None when nothing in the draft's language is known."""
    place: str
    """'in het Educatorium', 'bij het Androclusgebouw', 'at Educatorium'."""
    source: str
    """'title_nl' / 'title_en', 'title', 'skill <id>' or 'none': where the words came from."""


def _title(task: Task, lang: str) -> tuple[str, str] | None:
    explicit = (task.model_extra or {}).get(f"title_{lang}")
    if isinstance(explicit, str) and explicit.strip():
        return explicit.strip(), f"title_{lang}"
    title = task.title.strip()
    if title:
        guess = guess_language(title)
        if guess == lang or (guess is None and lang == "nl"):
            return title, "title"
    return None


def task_words(task: Task, location: Location, skills: dict[str, SkillEntry], lang: str) -> TaskWords:
    """The words for `task` at `location` in `lang`."""
    outdoor = any(skills[k].outdoor for k in task.skills if k in skills)
    title = _title(task, lang)
    if title is not None:
        text, preposition = strip_place(title[0], location)
        around = outdoor or preposition in AROUND
        kept = preposition if preposition in AROUND else None
        return TaskWords(task.id, text, place_phrase(location, lang, around, kept), title[1])
    place = place_phrase(location, lang, outdoor)
    entry = next((skills[k] for k in task.skills if k in skills and skills[k].activity(lang)), None)
    if entry is not None:
        return TaskWords(task.id, entry.activity(lang), place, f"skill {entry.id}")
    return TaskWords(task.id, None, place, "none")

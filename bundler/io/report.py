"""What an import did: per part, how many records it added and replaced, and each row it refused.

A facility manager imports a supplier's sheet in the middle of a meeting; "done" is not
enough. The report says what changed, and every refused row by file, sheet and row
number, in Dutch and English, so the supplier can fix exactly that row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PART_WORDS = {
    "tasks": ("taken", "tasks"), "suppliers": ("leveranciers", "suppliers"), "locations": ("locaties", "locations"),
    "travel": ("reistijden", "travel times"), "skills": ("vaardigheden", "skills"),
    "incompatible": ("paren die niet samen mogen", "pairs that may not share a job"),
    "pinned": ("afgesproken banen", "agreed jobs"), "rules": ("regels", "rules"),
}
"""The parts of a kick-off in words, (Dutch, English)."""


@dataclass(frozen=True)
class Refusal:
    """One refused row (or sheet, or file), in both languages."""

    nl: str
    en: str

    def text(self, lang: str = "nl") -> str:
        return self.nl if lang == "nl" else self.en


@dataclass
class ImportReport:
    source: str
    added: dict[str, int] = field(default_factory=dict)
    replaced: dict[str, int] = field(default_factory=dict)
    refused: list[Refusal] = field(default_factory=list)

    def count(self, part: str, replaced: bool) -> None:
        counts = self.replaced if replaced else self.added
        counts[part] = counts.get(part, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced)

    def summary(self, lang: str = "nl") -> str:
        """'12 taken toegevoegd, 3 vervangen; 8 leveranciers toegevoegd' (nothing changed: says so)."""
        pieces = []
        for part, (nl, en) in PART_WORDS.items():
            added, replaced = self.added.get(part, 0), self.replaced.get(part, 0)
            if not added and not replaced:
                continue
            if part == "rules":  # a rule is set, whether it was there before or not
                pieces.append(f"{added + replaced} {nl} overgenomen" if lang == "nl"
                              else f"{added + replaced} {en} taken over")
                continue
            if lang == "nl":
                words = [f"{added} {nl} toegevoegd"] if added else []
                words += [f"{replaced} vervangen" if added else f"{replaced} {nl} vervangen"] if replaced else []
            else:
                words = [f"{added} {en} added"] if added else []
                words += [f"{replaced} replaced" if added else f"{replaced} {en} replaced"] if replaced else []
            pieces.append(", ".join(words))
        if not pieces:
            pieces = ["niets toegevoegd of vervangen" if lang == "nl" else "nothing added or replaced"]
        refused = len(self.refused)
        if refused:
            pieces.append(f"{refused} {'rij' if refused == 1 else 'rijen'} geweigerd" if lang == "nl"
                          else f"{refused} row{'s' if refused != 1 else ''} refused")
        return f"{self.source}: " + "; ".join(pieces) + "."

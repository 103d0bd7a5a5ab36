"""Weekly slots as people type them in a meeting, e.g. `ma-vr 07:00-10:00; di/do 08:00-16:00 2u flexibel`.

One text holds any number of parts separated by `;` or new lines:

- `ma-vr 07:00-10:00` (or `mon-fri 7:00-10:00`): one fixed slot on each of those days;
- `di/do 08:00-16:00 2u flexibel`: one flexible slot of 2 hours on Tuesday OR Thursday
  in that window; `3x` in front of the duration gives three such slots.

Days in Dutch (ma di wo do vr za zo) or English (mon..sun), as a range `ma-vr`, or a
list `ma/wo/vr` or `ma,wo,vr`. Durations: `2u`, `1,5u`, `1u30`, `90m`, `2h`.
`format_slots` writes slots back in the same shorthand, so the two round-trip.
"""

from __future__ import annotations

import re
from typing import Any

from bundler.domain import DAYS

DUTCH_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
_DAY_NAMES = {**{d: i for i, d in enumerate(DAYS)}, **{d: i for i, d in enumerate(DUTCH_DAYS)},
              "maa": 0, "din": 1, "woe": 2, "don": 3, "vrij": 4, "zat": 5, "zon": 6,
              **{d: i for i, d in enumerate(("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
                                             "zondag"))},
              **{d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                             "sunday"))}}
_TIME = r"([0-9]{1,2})[:.]([0-9]{2})"  # ASCII digits: \\d would read Arabic-Indic ones too
_PART = re.compile(
    rf"^(?P<days>[a-z/,\- ]+?)\s+(?P<start>{_TIME})\s*-\s*(?P<end>{_TIME})"
    rf"(?:\s+(?:(?P<times>[0-9]+)\s*x\s*)?(?P<dur>[0-9.,]+\s*[uhm](?:\s*[0-9]+)?)\s*(?P<flex>flexibel|flex|flexible)?)?$"
)


class SlotTextError(ValueError):
    """A part of a slot text that cannot be read; the message quotes that part."""


def _days(text: str, part: str) -> list[str]:
    days: list[int] = []
    for piece in re.split(r"[/,]|\s+", text.strip()):
        if not piece:
            continue
        if "-" in piece:
            first, _, last = piece.partition("-")
            a, b = _day(first, part), _day(last, part)
            if b < a:
                raise SlotTextError(f"'{part}': day range {piece} runs backwards")
            days += range(a, b + 1)
        else:
            days.append(_day(piece, part))
    if not days:
        raise SlotTextError(f"'{part}': no day given (e.g. ma, di, ma-vr)")
    return [DAYS[d] for d in sorted(set(days))]


def _day(name: str, part: str) -> int:
    key = name.strip().lower()
    if key not in _DAY_NAMES:
        raise SlotTextError(f"'{part}': unknown day '{name}' (use ma di wo do vr za zo)")
    return _DAY_NAMES[key]


def _time(hours: str, minutes: str, part: str) -> str:
    h, m = int(hours), int(minutes)
    if m > 59 or h > 24 or (h == 24 and m):
        raise SlotTextError(f"'{part}': {hours}:{minutes} is not a time between 00:00 and 24:00")
    return f"{h:02d}:{m:02d}"


def _minutes(text: str, part: str) -> int:
    text = text.replace(" ", "").replace(",", ".")
    match = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)([uhm])([0-9]+)?", text)
    if not match:
        raise SlotTextError(f"'{part}': cannot read the duration '{text}' (e.g. 2u, 1,5u, 90m)")
    amount = float(match[1])
    minutes = amount if match[2] == "m" else amount * 60 + int(match[3] or 0)
    if minutes <= 0 or minutes != int(minutes):
        raise SlotTextError(f"'{part}': the duration '{text}' must be a whole number of minutes above 0")
    return int(minutes)


def parse_slots(text: Any) -> list[dict]:
    """Slot records of the contract (fixed and flexible) from a shorthand text."""
    if not isinstance(text, str) or not text.strip():
        raise SlotTextError("no slots given (e.g. 'ma-vr 07:00-10:00')")
    slots: list[dict] = []
    for raw in re.split(r"[;\n]", text):
        part = " ".join(raw.strip().lower().split())
        if not part:
            continue
        match = _PART.match(part)
        if not match:
            raise SlotTextError(f"'{raw.strip()}': not understood; write e.g. 'ma-vr 07:00-10:00' "
                                f"or 'di/do 08:00-16:00 2u flexibel'")
        days = _days(match["days"], raw.strip())
        start = _time(match.group(3), match.group(4), raw.strip())
        end = _time(match.group(6), match.group(7), raw.strip())
        if match["dur"] is None:
            slots += [{"day": day, "start": start, "end": end} for day in days]
        else:
            minutes = _minutes(match["dur"], raw.strip())
            slots += [{"days": days, "earliest": start, "latest": end, "minutes": minutes}
                      for _ in range(int(match["times"] or 1))]
    if not slots:
        raise SlotTextError("no slots given (e.g. 'ma-vr 07:00-10:00')")
    return slots


def _day_text(days: list[str]) -> str:
    idx = sorted(DAYS.index(d) for d in days)
    if len(idx) >= 3 and idx == list(range(idx[0], idx[-1] + 1)):
        return f"{DUTCH_DAYS[idx[0]]}-{DUTCH_DAYS[idx[-1]]}"
    return "/".join(DUTCH_DAYS[i] for i in idx)


def _duration_text(minutes: int) -> str:
    if minutes % 60 == 0:
        return f"{minutes // 60}u"
    if minutes % 30 == 0:
        return f"{minutes / 60:g}u".replace(".", ",")
    return f"{minutes}m"


def format_slots(slots: list[Any]) -> str:
    """The shorthand text of slot records (dicts or domain slots); parse_slots reads it back."""
    records = [s if isinstance(s, dict) else s.model_dump() for s in slots]
    fixed: list[tuple[str, str, list[str]]] = []
    flexible: dict[tuple, int] = {}
    for s in records:
        if "day" in s:
            # Same times share a part; a repeated day starts a new part, so nothing is merged away.
            group = next((g for g in fixed if g[:2] == (s["start"], s["end"]) and s["day"] not in g[2]), None)
            if group is None:
                fixed.append((s["start"], s["end"], []))
                group = fixed[-1]
            group[2].append(s["day"])
        else:
            key = (tuple(s["days"]), s["earliest"], s["latest"], int(s["minutes"]))
            flexible[key] = flexible.get(key, 0) + 1
    parts = [f"{_day_text(days)} {start}-{end}" for start, end, days in fixed]
    for (days, earliest, latest, minutes), count in flexible.items():
        times = f"{count}x " if count > 1 else ""
        parts.append(f"{_day_text(list(days))} {earliest}-{latest} {times}{_duration_text(minutes)} flexibel")
    return "; ".join(parts)

"""The slot shorthand: what people type becomes contract slots, and back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bundler.domain import DAYS
from bundler.slot_text import SlotTextError, format_slots, parse_slots


@pytest.mark.parametrize("text, expected", [
    ("ma-vr 07:00-10:00", [{"day": d, "start": "07:00", "end": "10:00"} for d in DAYS[:5]]),
    ("di/do 08:00-16:00 2u flexibel", [{"days": ["tue", "thu"], "earliest": "08:00", "latest": "16:00", "minutes": 120}]),
    ("mon,wed 7:30-9:00; za 10:00-12:00", [{"day": "mon", "start": "07:30", "end": "09:00"},
                                            {"day": "wed", "start": "07:30", "end": "09:00"},
                                            {"day": "sat", "start": "10:00", "end": "12:00"}]),
    ("zaterdag/Sunday 10:00-12:00", [{"day": "sat", "start": "10:00", "end": "12:00"},
                                      {"day": "sun", "start": "10:00", "end": "12:00"}]),
    ("vr 12:00-14:00 1u30 flex", [{"days": ["fri"], "earliest": "12:00", "latest": "14:00", "minutes": 90}]),
    ("ma-wo 09:00-17:00 2x 1,5u flexibel", [{"days": ["mon", "tue", "wed"], "earliest": "09:00", "latest": "17:00",
                                             "minutes": 90}] * 2),
])
def test_typed_text_becomes_slots(text, expected):
    """Dutch and English days, ranges, lists, flexible durations and repeats are read as meant."""
    assert parse_slots(text) == expected


@pytest.mark.parametrize("text, words", [
    ("mo 07:00-10:00", ["mo", "unknown day"]),
    ("ma 7-10", ["ma 7-10", "not understood"]),
    ("ma 10:00-25:00", ["25:00"]),
    ("vr-ma 10:00-12:00", ["backwards"]),
    ("ma 08:00-10:00 0u flex", ["0u"]),
    ("", ["no slots"]),
    ("ma 07:00-09:00 1.2.3u flexibel", ["1.2.3u", "cannot read the duration"]),
    ("ma 07:00-09:00 ..u flexibel", ["..u", "cannot read the duration"]),
    ("ma \u0660\u0667:\u0660\u0660-\u0660\u0669:\u0660\u0660", ["not understood"]),
], ids=["unknown-day", "no-minutes", "hour-25", "backwards", "zero-hours", "empty", "two-decimal-points",
        "only-points", "arabic-indic-digits"])
def test_unreadable_text_is_named(text, words):
    """A part that cannot be read is quoted in the message with what is wrong."""
    with pytest.raises(SlotTextError) as caught:
        parse_slots(text)
    assert all(w in str(caught.value) for w in words)


times = st.integers(0, 22 * 4).map(lambda q: f"{q // 4:02d}:{q % 4 * 15:02d}")
fixed_slots = st.builds(lambda d, s, length: {"day": d, "start": s,
                                              "end": f"{(int(s[:2]) * 60 + int(s[3:]) + length) // 60:02d}:"
                                                     f"{(int(s[:2]) * 60 + int(s[3:]) + length) % 60:02d}"},
                        st.sampled_from(DAYS), times, st.sampled_from([30, 60, 90, 120]))
flexible_slots = st.builds(lambda days, minutes: {"days": sorted(days, key=DAYS.index), "earliest": "08:00",
                                                  "latest": "16:00", "minutes": minutes},
                           st.sets(st.sampled_from(DAYS), min_size=1), st.sampled_from([45, 60, 90, 120]))


@given(st.lists(st.one_of(fixed_slots, flexible_slots), min_size=1, max_size=8))
def test_format_then_parse_gives_the_same_slots(slots):
    """Writing slots as text and reading them back loses nothing (up to order)."""
    key = lambda s: repr(sorted(s.items()))  # noqa: E731
    assert sorted(parse_slots(format_slots(slots)), key=key) == sorted(slots, key=key)

"""Durations that are amounts: "a jail sentence of 85 years", "23 hours of questioning", "it took
Vodafone nine years". A duration written with a number, not introduced as the time of something
else ("in the next seven years", "over the past three years", "two years ago"), is a measured
fact of its own; it leaves the dates the facts layer attaches as times."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...records import DateMention, QuantityMention
from .cues import cues

_VALUE = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([YMWDHS])$")
_UNITS = {("", "Y"): "year", ("", "M"): "month", ("", "W"): "week", ("", "D"): "day"}
_UNITS |= {("T", "H"): "hour", ("T", "M"): "minute", ("T", "S"): "second"}
_NUMBER = re.compile(r"\d")
_BOUNDS = {"APPROX": "~", "MORE_THAN": ">", "LESS_THAN": "<", "EQUAL_OR_MORE": ">=", "EQUAL_OR_LESS": "<="}


def duration_amounts(text: str, dates: Sequence[DateMention]) -> list[tuple[DateMention, QuantityMention]]:
    """The DURATION mentions of a part that state an amount of time, each with its amount."""
    c = cues()
    out = []
    for d in dates:
        m = _VALUE.match(d.value or "") if d.type == "DURATION" else None
        if m is None or d.mod in ("START", "MID", "END"):
            continue
        words = d.text.lower().split()
        if not (_NUMBER.search(d.text) or any(w.strip("-") in c.duration_number_words for w in words)):
            continue  # "a year", "the past month": a time, not a number of them
        if any(w in c.duration_time_words for w in words):
            continue  # "the past three years", "the next seven years"
        before = text[max(0, d.start - 24) : d.start].lower().split()[-2:]
        after = text[d.end : d.end + 12].lower().split()[:1]
        if any(w in c.duration_time_words for w in before) or any(w in c.duration_after_words for w in after):
            continue  # "in three years", "over 10 years", "two years ago", "three days later"
        unit = _UNITS[(m.group(1), m.group(3))]
        bound = _BOUNDS.get(d.mod or "", "=")
        amount = QuantityMention(
            d.start, d.end, d.text, float(m.group(2)), unit=unit, unit_text=unit, bound=bound, kind="dimension"
        )
        out.append((d, amount))
    return out

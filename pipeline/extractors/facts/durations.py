"""Durations that measure a thing, as amounts a fact can carry.

The dates extractor reads "85 years", "a 10-month plan" or "two or three days" as TIMEX3 durations;
the facts table wants some of them as figures: "a sentence of 85 years", "a 10-month restructuring
plan", "could take up to 18 months", "five hours of questioning", "hearings will last two or three
days" (the annotation guidelines: a duration that measures a thing is a fact). Spans of someone's
activity ("worked on the chip for three years", "in the past 12 months") and "a 10-year high" stay
times. ``measured_durations`` picks the first kind by how the duration is written next to its noun
or verb (``facts_events.json``: ``duration_nouns_not``, ``duration_verbs``) and returns them as
``QuantityMention`` of kind "duration" in the time unit ("year", "month", ...).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ...records import DateMention, QuantityMention
from ..quantities.numbers import scan_numbers
from .cues import cues
from .parse import _span, word_after, word_before

_ISO = re.compile(r"P(T?)(\d+(?:\.\d+)?)([YMWDHS])")
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
_CLOCK_UNITS = {"H": "hour", "M": "minute", "S": "second"}
_BOUNDS = {"APPROX": "~", "MORE_THAN": ">", "LESS_THAN": "<", "EQUAL_OR_LESS": "<=", "EQUAL_OR_MORE": ">="}
_ADJECTIVE = re.compile(r"(?i)^[\w.]+(?:-[\w.]+)*[- ](?:year|month|week|day|hour|minute)(?:-old)?$")
_RANGE_JOIN = re.compile(r"(?i)^\s*(?:or|to|and|-)\s*$")
_BOUND_WORDS = frozenset({"up", "to", "about", "around", "between", "least", "at", "more", "than", "nearly", "almost"})


def measured_durations(doc: Doc, dates: Sequence[DateMention]) -> tuple[list[DateMention], list[QuantityMention]]:
    """The dates that stay times, and the durations that measure a thing as amounts."""
    kept: list[DateMention] = []
    found: list[QuantityMention] = []
    for d in dates:
        q = _as_amount(doc, d) if d.type == "DURATION" else None
        if q is None:
            kept.append(d)
        else:
            found.append(q)
    return kept, found


def _as_amount(doc: Doc, d: DateMention) -> QuantityMention | None:
    m = _ISO.fullmatch(d.value or "")
    span = _span(doc, d.start, d.end) if m else None
    if m is None or span is None or not _measures_a_thing(span.doc, span.start, span.end, d.text):
        return None
    numbers = [n for n in scan_numbers(d.text) if n.text.lower() not in ("a", "an")]
    if not numbers:
        return None  # "a weekend of protests", "a day of appearances": no figure written
    unit = (_CLOCK_UNITS if m.group(1) else _UNITS)[m.group(3)]
    value = float(m.group(2))
    value_max = None
    if len(numbers) >= 2 and _RANGE_JOIN.match(d.text[numbers[0].end : numbers[1].start]):
        value_max = numbers[1].value if numbers[1].value > value else None
    return QuantityMention(
        d.start,
        d.end,
        d.text,
        value,
        value_max=value_max,
        unit=unit,
        unit_text=unit,
        bound=_BOUNDS.get(d.mod or "", "="),
        kind="duration",
    )


def _measures_a_thing(doc: Doc, start: int, end: int, text: str) -> bool:
    """ "a 10-month plan", "85 years of use", "a sentence of 85 years", "took 10 years", "two weeks old"."""
    c = cues()
    after = word_after(doc, end)
    if after is not None and after.lower_ == "old":
        return True  # "the strike, now two weeks old"
    if after is not None and _ADJECTIVE.match(text.strip()) and _thing(after):
        return after.lemma_.lower() not in c.duration_nouns_not  # "a 10-month plan", not "a 10-year high"
    if after is not None and after.lower_ == "of" and end + 1 < len(doc):
        noun = word_after(doc, after.i + 1)
        return noun is not None and _thing(noun) and noun.lemma_.lower() not in c.duration_nouns_not
    before = word_before(doc, start)
    while before is not None and before.lower_ in _BOUND_WORDS:
        before = word_before(doc, before.i)
    if before is not None and before.lower_ == "of":
        noun = word_before(doc, before.i)
        return noun is not None and _thing(noun) and noun.lemma_.lower() not in c.duration_nouns_not
    root = doc[start:end].root
    if root.dep_ == "poss" and _thing(root.head) and root.head.lemma_.lower() not in c.duration_nouns_not:
        return True  # "three years' close monitoring", "18 months' jail"
    if root.dep_ == "attr" and root.head.lemma_ == "be" and _copula_thing(root.head):
        return True  # "Life expectancy at birth is 71 years", "the average wait is 18 weeks"
    verb = root.head if root.dep_ in ("dobj", "npadvmod", "attr", "pobj") else None
    if verb is not None and verb.dep_ == "prep":
        verb = None  # "for three years": an adverbial span
    return verb is not None and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in c.duration_verbs


def _copula_thing(verb: Token) -> bool:
    """Whether the subject of "is" is a thing a duration can measure: a noun, not "it" or a time ("the
    period is ...")."""
    subject = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    return (
        subject is not None
        and subject.pos_ == "NOUN"
        and subject.lemma_.lower() not in cues().duration_nouns_not
        and subject.lemma_.lower() not in ("period", "term", "span")
    )


def _thing(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.head.pos_ == "NOUN")

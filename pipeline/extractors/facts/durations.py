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
from ..dates.values import SMALLER_UNIT
from ..quantities.numbers import scan_numbers
from .cues import cues
from .parse import _span, word_after, word_before

# "P5Y", "PT24H"; and a unit with the next smaller one, "two and a half years" (P2Y6M), "1-1/2 hours" (PT1H30M),
# "two and a half days" (P2DT12H)
_ISO = re.compile(r"P(T?)(\d+(?:\.\d+)?)([YQMWDHS])(?:T?(\d+)([MDHS]))?")
_UNITS = {"Y": "year", "Q": "quarter", "M": "month", "W": "week", "D": "day"}
_CLOCK_UNITS = {"H": "hour", "M": "minute", "S": "second"}
_BOUNDS = {"APPROX": "~", "MORE_THAN": ">", "LESS_THAN": "<", "EQUAL_OR_LESS": "<=", "EQUAL_OR_MORE": ">="}
# "a 10-month plan", "a one and a half hour meeting", "a 7-1/2 year loan"
_ADJECTIVE = re.compile(
    r"(?i)^[\w./]+(?:-[\w./]+)*(?: and a half)?[- ](?:year|month|week|day|hour|minute)(?:-old|-long)?$"
)
# a rate's period is longer than its span: "six days a week", "three months a year"
_RANK = {"day": 1, "night": 1, "week": 2, "month": 3, "quarter": 4, "year": 5}
_RANGE_JOIN = re.compile(r"(?i)^\s*(?:or|to|and|-)\s*$")
_UNIT_WORDS = frozenset({"year", "month", "week", "day", "hour", "minute"})
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
    if m is None or span is None:
        return None
    clock = bool(m.group(1))
    per = _rate_period(span.doc, span.end)
    if per is not None and not clock and _RANK.get(per, 0) <= _RANK.get(_UNITS[m.group(3)], 0):
        per = None  # "six days a week", not "a day a day"
    if per is None and not _measures_a_thing(span.doc, span.start, span.end, d.text, clock=clock):
        return None
    # "a year-long inquiry", "lasted around an hour", "up to a week": the article is the figure
    one = d.text.lower().endswith("-long") or d.mod is not None
    numbers = [n for n in scan_numbers(d.text) if one or n.text.lower() not in ("a", "an")]
    if not numbers and not (one and re.search(r"(?i)\ban?\b", d.text)):
        return None  # "a weekend of protests", "a day of appearances": no figure written
    unit = (_CLOCK_UNITS if clock else _UNITS)[m.group(3)]
    value = _iso_value(m, clock)
    if value is None:
        return None
    if m.group(4) is not None and len(numbers) == 1 and abs(numbers[0].value - value) < 0.1:
        value = numbers[0].value  # "an average life of 7.11 years" (P7Y1M): the figure as written
    elif m.group(4) is not None and re.search(r"(?i)\band a half\b", d.text):
        value = float(m.group(2)) + 0.5  # "a week and a half" (P1W4D): 1.5 weeks
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
        per=per,
        kind="duration",
    )


def _iso_value(m: re.Match, clock: bool) -> float | None:
    """The duration in its larger unit: P2Y6M -> 2.5 (years), PT1H30M -> 1.5 (hours); None for a pair of
    units that are not neighbours."""
    value = float(m.group(2))
    if m.group(4) is None:
        return value
    k, small = SMALLER_UNIT.get(_unit_code(m.group(3), clock), (None, None))
    second_in_time = clock or "T" in m.string[m.end(3) : m.start(4)]  # "P2DT12H": the hours after the "T"
    return value + int(m.group(4)) / k if k is not None and small == _unit_code(m.group(5), second_in_time) else None


def _unit_code(letter: str, in_time: bool) -> str:
    """A TIMEX3 unit letter as the dates extractor's unit code: after the "T", "M" is minutes ("MIN")."""
    return "MIN" if in_time and letter == "M" else letter


def _rate_period(doc: Doc, end: int) -> str | None:
    """The period a span is spent per ("30 hours a week", "eight hours a night", "five hours per day", "six days a
    week"): the rate noun after "a", "per", "each" or "every"."""
    c = cues()
    word = word_after(doc, end)
    if word is None or word.lower_ not in ("a", "an", "per", "each", "every"):
        return None
    noun = word_after(doc, word.i + 1)
    return noun.lemma_.lower() if noun is not None and noun.lemma_.lower() in c.duration_rate_nouns else None


def _measures_a_thing(doc: Doc, start: int, end: int, text: str, *, clock: bool = False) -> bool:
    """ "a 10-month plan", "85 years of use", "a sentence of 85 years", "took 10 years", "two weeks old",
    "stays on the finger for 72 hours", "jailed for five years", "a 37-hour week"."""
    c = cues()
    after = word_after(doc, end)
    if after is not None and after.lower_ == "old":
        return True  # "the strike, now two weeks old"
    if _from_to(doc, start, end):
        return True  # "extended payments from 12 to 14 years", "extend paid leave from six months to nine"
    if after is not None and _ADJECTIVE.match(text.strip()) and _thing(after):
        if clock and after.lemma_.lower() in c.duration_rate_nouns:
            return True  # "a 37 hour week", "a 12-hour shift": the hours measure the week
        return after.lemma_.lower() not in c.duration_nouns_not  # "a 10-month plan", not "a 10-year high"
    if after is not None and after.lower_ == "in":
        place = word_after(doc, after.i + 1)
        if place is not None and place.lemma_.lower() in c.duration_custody_nouns:
            return True  # "faces up to two years in prison": the sentence's length
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
    set_off = before is not None and before.text in ("-", "\u2013", "\u2014", ",", "(")
    if root.dep_ == "appos" and set_off and root.head.pos_ == "NOUN" and root.head.i < start:
        # "The longest jail term - 46 months - ...": the duration names the noun's length (not a table's row
        # label under its heading, "banks\n Less than 60 days 4.33 pct")
        return root.head.lemma_.lower() not in c.duration_nouns_not
    if root.dep_ == "pobj" and root.head.lower_ in ("for", "to"):
        head = root.head.head
        state = head.pos_ == "ADJ" and head.dep_ == "acomp"
        if state:
            head = head.head  # "remains stable for 48 hours"
        state = state or any(ch.dep_ == "acomp" for ch in head.children)  # "is nonrefundable ... for five years"
        lemma = head.lemma_.lower()
        if root.head.lower_ == "for" and (lemma in c.duration_lasting_verbs or state and _state_of_a_thing(head, text)):
            # "The ink stays on the finger for at least 72 hours", "The issue is nonrefundable for five years"
            return True
        if lemma in c.duration_custody_verbs:
            return True  # "jailed for five years", "sentenced to 30 months"
    if root.dep_ == "attr" and root.head.lemma_ == "be" and _copula_thing(root.head):
        return True  # "Life expectancy at birth is 71 years", "the average wait is 18 weeks"
    verb = root.head if root.dep_ in ("dobj", "npadvmod", "attr", "pobj") else None
    if verb is not None and verb.dep_ == "prep":
        verb = None  # "for three years": an adverbial span
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    # "spent 14 hours negotiating": hours spent are a figure; "spent three years at the bank" a career's span
    spent = clock and root.dep_ == "dobj" and verb.lemma_.lower() in c.duration_spending_verbs
    return verb.lemma_.lower() in c.duration_verbs or spent


def _from_to(doc: Doc, start: int, end: int) -> bool:
    """Whether a span is one end of a change written "from A to B" under a verb that changes a length
    (``duration_change_verbs``: "extended payments from 12 to 14 years", "extend paid leave from six months to
    nine"): a span's length that was changed, so a figure, not a time. Not "workers aged from 18 to 25 years",
    "will take from two to three years"."""
    changes = cues().duration_change_verbs
    ancestors = list(doc[start:end].root.ancestors)
    upto = next((k for k, t in enumerate(ancestors) if t.pos_ == "VERB"), len(ancestors) - 1)
    # the verb above the span, or a noun on the way to it ("an extension of the loan term from 10 to 15 years")
    if not any(t.lemma_.lower() in changes for t in ancestors[: upto + 1]):
        return False
    before, after = word_before(doc, start), word_after(doc, end)
    if before is not None and before.lower_ == "from":
        nxt = word_after(doc, after.i + 1) if after is not None and after.lower_ == "to" else None
        return nxt is not None and nxt.like_num
    if before is None or before.lower_ != "to":
        return False
    low = word_before(doc, before.i)  # "from 12 to", "from two years to"
    if low is not None and low.lemma_.lower() in _UNIT_WORDS:
        low = word_before(doc, low.i)
    frm = word_before(doc, low.i) if low is not None and low.like_num else None
    return frm is not None and frm.lower_ == "from"


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


def _state_of_a_thing(verb: Token, text: str) -> bool:
    """ "The issue is nonrefundable for five years": a thing's state for a span; not a person's ("I've been sick
    for three days"), a record's ("the least popular for 20 years") or a span back from now ("for the last 14
    years")."""
    if verb.lemma_ != "be" or re.match(r"(?i)\s*(?:the|last|past)\b", text):
        return False
    if any(
        ch.dep_ in ("nsubj", "nsubjpass") and (ch.pos_ == "PRON" or ch.ent_type_ == "PERSON") for ch in verb.children
    ):
        return False  # "I have been sick", "Mr Smith was ill for three weeks"
    adjectives = [ch for ch in verb.children if ch.dep_ == "acomp"]
    return not any(
        a.tag_ in ("JJS", "RBS") or any(m.lower_ in ("least", "most") for m in a.children) for a in adjectives
    )


def _thing(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.head.pos_ == "NOUN")

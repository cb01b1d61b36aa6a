"""Breakdown lists: a wire story's "as follows" list of labelled figures, each with the prior one in
brackets, and no verb to hang them on:

    Breakdown was as follows: cotton 9,000 (27,900), sunflower
954,303 (840,440), linseed 119,954 (138,944) ...
    Linseed cake and expellers 137 (136), pellets 115 (114) and
meal 105 (104), all for shipments through June.

The parse runs such a list together and its figures went to the story's board or company. Each figure
(and its bracketed prior) is its label's: "cotton", "Linseed cake and expellers", "pellets", "Iran".
A label is a few words right after the list's start or a separator (":", ",", ";", a line break,
"and"); a clause ("shipments rose to 1,234 (1,000)") or a year in the brackets ("Japan 1,200 (1986)")
makes no pair.
"""

from __future__ import annotations

import dataclasses
import re
from typing import NamedTuple

from spacy.tokens import Doc

from ...records import Fact
from ..doccache import doc_text
from ..quantities.find import parse_quantity
from .build import _in_major_unit, _readable_unit

# a label, its figure and the prior figure in brackets ("nil" for none); a label holds no digits nor the
# list's separators
_PAIR = re.compile(
    r"(?P<label>[A-Za-z][A-Za-z'/\- \t\n]{0,40}?)[ \t\n]+(?P<now>\d[\d,]*(?:\.\d+)?|nil)[ \t\n]*"
    r"\((?P<before>\d[\d,]*(?:\.\d+)?|nil)\)"
)
# what may stand right before a label: the sentence's start, a separator, or "and"/"or"
_OPENS = re.compile(r"(?:^|[:;,\n]|\b(?:and|or))[ \t\n]*$", re.IGNORECASE)
_JOINERS = frozenset({"and", "or"})
_YEAR = re.compile(r"(?:19|20)\d\d")  # "(1986)": a year, not a prior figure
_MAX_LABEL_WORDS = 5
_MIN_PAIRS = 2  # one "Sales 12 (10)" is no list
_NO_LABELS = frozenset({"total", "totals", "other", "others"})  # "Soybean May 20.0, total 20.0 (nil)": the item's


class Pair(NamedTuple):
    label_start: int
    label_end: int
    figure_start: int
    figure_end: int
    label: str


def breakdown_labels(doc: Doc, start: int, end: int) -> list[Pair]:
    """A pair for each figure of a breakdown list in ``doc``'s text between ``start`` and ``end`` (a sentence),
    the prior figure's too; none unless the sentence lists at least two labelled pairs."""
    text = doc_text(doc)
    found = []
    for m in _PAIR.finditer(text, start, end):
        words = m.group("label").split()
        while words and words[0].lower() in _JOINERS:
            words = words[1:]  # "and meal 105 (104)"
        label_start = m.start("label") + m.group("label").find(words[0]) if words else m.start("label")
        if not _a_label(doc, words, label_start, m.end("label"), text[start:label_start]):
            continue
        if _YEAR.fullmatch(m.group("before")):
            continue
        for figure in ("now", "before"):
            found.append(Pair(label_start, m.end("label"), m.start(figure), m.end(figure), " ".join(words)))
    return found if len(found) >= 2 * _MIN_PAIRS else []


def _a_label(doc: Doc, words: list[str], start: int, end: int, before: str) -> bool:
    """A few words, after the list's start or a separator, that are not a clause: no auxiliary ("Sales were
    12 (10)"; the tagger reads a list's nouns as verbs, "linseed" among them, so a verb alone does not count)."""
    if not words or len(words) > _MAX_LABEL_WORDS or words[-1].lower() in _JOINERS:
        return False
    if " ".join(words).lower() in _NO_LABELS or not _OPENS.search(before):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(t.pos_ == "AUX" for t in span)


def breakdown_owner(fact: Fact, doc: Doc, *, unowned: bool, seen: dict[tuple[int, int], list[Pair]]) -> Fact:
    """``fact`` with its breakdown label as subject ("cotton" for "cotton 9,000 (27,900)") when the figure is
    in a breakdown list and nothing in the list named its owner: no subject from the sentence (``unowned``), or
    only the clause that opens the list ("Breakdown was as follows:"). ``seen`` keeps each sentence's pairs."""
    if fact.quantity_span is None or fact.value is None or "(" not in fact.sentence:
        return fact  # no list: the sentence is searched only when it has a bracket
    where = (fact.sentence_start, fact.sentence_end)
    if where not in seen:
        seen[where] = breakdown_labels(doc, *where)
    pairs = seen[where]
    text = doc_text(doc)
    opening = (
        bool(pairs)
        and fact.subject_source == "verb_subject"
        and fact.subject_span is not None
        and ":" in text[fact.subject_span[1] : pairs[0].label_start]
    )
    if not (unowned or opening):
        return fact
    start = fact.quantity_span[0]
    pair = next((p for p in pairs if p.figure_start <= start < p.figure_end), None)
    if pair is None:
        return fact
    fact = dataclasses.replace(
        fact,
        subject=pair.label,
        subject_key=None,
        subject_span=(pair.label_start, pair.label_end),
        subject_source="breakdown_label",
    )
    # a "unit" that is a noun of the list's labels ("expellers 137 (136)" read as 136 expellers) is none
    nouns = {w.casefold().removesuffix("s") for p in pairs for w in p.label.split()}
    if fact.unit is not None and fact.unit.casefold().removesuffix("s") not in nouns:
        return fact
    return _in_stated_unit(dataclasses.replace(fact, unit=None), text, pairs[0].label_start)


# the list's unit, stated in its header: "export prices ... in dlrs per tonne FOB, previous in brackets, as
# follows:", "The breakdown was as follows, in tonnes:", "in mln dlrs:"
_HEADER_CHARS = 800  # a price list runs over several wire paragraphs below its header
_STATED_UNIT = re.compile(
    r"\bin\s+(?P<unit>(?:(?:mln|million|billion|bln)\s+)?[a-z]+(?:\s+per\s+[a-z]+)?)"
    r"(?:\s+fob)?\s*(?::|,\s*(?:previous|prior|as\s+follows|with))",
    re.I,
)


def _in_stated_unit(fact: Fact, text: str, list_start: int) -> Fact:
    """A bare figure of the list in the unit its header states ("in tonnes:", "in cents per lb, previous in
    brackets"), scale and minor units applied; unchanged without one."""
    begin = max(0, min(fact.sentence_start, list_start - _HEADER_CHARS))
    for m in reversed(list(_STATED_UNIT.finditer(text, begin, list_start))):
        q = parse_quantity("1 " + m.group("unit"))
        if q is None or q.kind not in ("currency", "dimension"):
            continue  # "in brackets", "in the same period"
        scale, _, unit = _in_major_unit(q, q.unit)  # "in mln dlrs": 1e6 USD; "in cents per lb": 0.01 USD
        value = fact.value * scale if fact.value is not None and scale is not None else fact.value
        top = fact.value_max * scale if fact.value_max is not None and scale is not None else fact.value_max
        return dataclasses.replace(fact, value=value, value_max=top, unit=_readable_unit(unit), per=fact.per or q.per)
    return fact

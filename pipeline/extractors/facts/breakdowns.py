"""Breakdown lists: a wire story's "as follows" list of labelled figures, each with the prior one in
brackets, and no verb to hang them on:

    Breakdown was as follows: cotton 9,000 (27,900), sunflower
954,303 (840,440), linseed 119,954 (138,944) ...
    Linseed cake and expellers 137 (136), pellets 115 (114) and
meal 105 (104), all for shipments through June.

The parse runs such a list together and its figures went to the story's board or company. Each figure
(and its bracketed prior) is its label's: "cotton", "Linseed cake and expellers", "pellets", "Iran".
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc

from ...records import Fact
from ..doccache import doc_text
from ..quantities.find import parse_quantity
from .build import _in_major_unit, _readable_unit

# a label, its figure and the prior figure in brackets ("nil" for none); a label holds no digits nor the
# list's separators, so a match starts after "as follows:", a comma or a line's figures
_PAIR = re.compile(
    r"(?P<label>[A-Za-z][A-Za-z'/\- \t\n]{0,40}?)[ \t\n]+(?P<now>\d[\d,]*(?:\.\d+)?|nil)[ \t\n]*"
    r"\((?P<before>\d[\d,]*(?:\.\d+)?|nil)\)"
)
_LEADING_AND = re.compile(r"^(?:and|or)\s+", re.IGNORECASE)
_MIN_PAIRS = 2  # one "Sales 12 (10)" is no list
_NO_LABELS = frozenset({"total", "totals", "other", "others"})  # "Soybean May 20.0, total 20.0 (nil)": the item's


def breakdown_labels(doc: Doc, start: int, end: int) -> list[tuple[int, int, int, str]]:
    """(label start, figure start, figure end, label) for each figure of a breakdown list in ``doc``'s text between
    ``start`` and ``end`` (a sentence), the prior figure's too; none unless the sentence lists at least two
    labelled pairs whose labels hold no auxiliary ("Sales were 12 (10)" is a clause, not a label)."""
    text = doc_text(doc)
    found = []
    for m in _PAIR.finditer(text, start, end):
        label = _LEADING_AND.sub("", " ".join(m.group("label").split()))
        span = doc.char_span(m.start("label"), m.end("label"), alignment_mode="expand")
        # (the tagger reads a list's nouns as verbs, "linseed" among them: only an auxiliary rules a label out)
        if not label or label.lower() in _NO_LABELS or span is None or any(t.pos_ == "AUX" for t in span):
            continue
        found.append((m.start("label"), m.start("now"), m.end("now"), label))
        found.append((m.start("label"), m.start("before"), m.end("before"), label))
    return found if len(found) >= 2 * _MIN_PAIRS else []


def breakdown_owner(fact: Fact, doc: Doc, *, unowned: bool) -> Fact:
    """``fact`` with its breakdown label as subject ("cotton" for "cotton 9,000 (27,900)") when the figure is
    in a breakdown list and nothing in the list named its owner: no subject from the sentence (``unowned``), or
    only the clause that opens the list ("Breakdown was as follows:")."""
    if fact.quantity_span is None or fact.value is None or "(" not in fact.sentence:
        return fact  # no list: the sentence is searched only when it has a bracket
    labels = breakdown_labels(doc, fact.sentence_start, fact.sentence_end)
    opening = fact.subject_span is not None and bool(labels) and fact.subject_span[1] <= labels[0][0]
    if not (unowned or opening and fact.subject_source == "verb_subject"):
        return fact
    start = fact.quantity_span[0]
    for _, s, e, label in labels:
        if s <= start < e:
            fact = dataclasses.replace(
                fact, subject=label, subject_key=None, subject_span=None, subject_source="breakdown_label"
            )
            # (a "unit" that is the label's own noun, "expellers 137 (136)" read as 136 expellers, is none)
            bare = fact.unit is None or fact.unit.casefold() in {w.casefold().rstrip("s") for w in label.split()}
            return _in_stated_unit(fact, doc_text(doc), labels[0][0]) if bare else fact
    return fact


# the list's unit, stated before its first label: "export prices ... in dlrs per tonne FOB, previous in brackets",
# "The breakdown was as follows, in tonnes:", "in mln dlrs"
_HEADER_CHARS = 800  # a price list runs over several wire paragraphs below its header
_STATED_UNIT = re.compile(r"\bin\s+(?P<unit>(?:(?:mln|million|billion|bln)\s+)?[a-z]+(?:\s+per\s+[a-z]+)?)\b", re.I)


def _in_stated_unit(fact: Fact, text: str, list_start: int) -> Fact:
    """A bare figure of the list in the unit its sentence states before the list (none: unchanged)."""
    # (in the list's sentence or the one that opens it: "... as follows:" may end the sentence before)
    begin = max(0, min(fact.sentence_start, list_start - _HEADER_CHARS))
    for m in reversed(list(_STATED_UNIT.finditer(text, begin, list_start))):
        q = parse_quantity("1 " + m.group("unit"))
        if q is None or q.kind not in ("currency", "dimension"):
            continue  # "in brackets", "in the same period"
        scale = q.value
        _, _, unit = _in_major_unit(q, q.unit)
        value = fact.value * scale if fact.value is not None else None
        top = fact.value_max * scale if fact.value_max is not None else None
        return dataclasses.replace(fact, value=value, value_max=top, unit=_readable_unit(unit), per=fact.per or q.per)
    return fact

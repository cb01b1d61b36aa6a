"""Temporal expressions of a Doc -> TIMEX3 values and calendar intervals (TempEval-3 style).

Candidates come from the grammar in ``pipeline.timex`` (regexes over the text); the Doc adds
what text alone cannot tell: whether "May" is a verb, whether "2012" is part of an amount,
whether "a year" follows a price (a SET), and the tense that decides if a bare "Friday" or
"March" lies before or after the publication date. Overlaps keep the longest match.
The previous resolved date is carried along so "the next day" follows the narrative.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from . import timex
from .records import DateMention
from .timex import Context, Pattern, Timex, lexicon, parse_published

AMOUNT_ENTS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
PREPOSITIONS_BEFORE_SEASON = {"in", "during", "by", "since", "until", "through", "over", "for", "this", "last", "next"}


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    priority: int
    pattern: Pattern
    match: re.Match[str]


def _candidates(text: str) -> Iterator[Candidate]:
    for priority, pattern in enumerate(timex.patterns()):
        for m in pattern.regex.finditer(text):
            if m.end() > m.start():
                yield Candidate(m.start(), m.end(), priority, pattern, m)


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _prev_token(doc: Doc, toks: list[Token]) -> Token | None:
    return doc[toks[0].i - 1] if toks and toks[0].i > 0 else None


def _next_token(doc: Doc, toks: list[Token]) -> Token | None:
    return doc[toks[-1].i + 1] if toks and toks[-1].i + 1 < len(doc) else None


def _is_amountish(tok: Token | None) -> bool:
    if tok is None:
        return False
    return tok.like_num or tok.is_currency or tok.ent_type_ in AMOUNT_ENTS or tok.lower_ in ("%", "percent")


def _valid(doc: Doc, c: Candidate) -> bool:
    """Context checks the grammar cannot make: verbs, amounts, names, bare nouns."""
    lx = lexicon()
    g = timex.groups_of(c.match)
    toks = _tokens(doc, c.start, c.end)
    if not toks:
        return False
    prev, nxt = _prev_token(doc, toks), _next_token(doc, toks)
    name, text = c.pattern.name, c.match.group(0)
    if name == "date_month" and len(toks) <= 2:
        tok = toks[-1]
        if tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX") or tok.ent_type_ in ("PERSON", "ORG"):
            return False
        if tok.lower_ in lx["months_that_are_words"] and prev is not None and prev.pos_ in ("PRON", "PROPN"):
            return False  # "she may", "Smith March"
    if name == "date_year" and "fiscal" not in g and "pre" not in g and not text.lower().startswith("the"):
        tok = toks[-1]
        if prev is not None and (prev.text in lx["currency_marks"] or prev.is_currency):
            return False
        if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
            return False
        if nxt is not None and (nxt.lower_ in ("%", "percent") or nxt.lower_ in lx["year_noun_blockers"]):
            return False
        if nxt is not None and nxt.tag_ == "NNS" and (prev is None or prev.pos_ != "ADP"):
            return False
        if prev is not None and prev.like_num:
            return False
    bare_season = name == "season" and not ({"rel", "year", "pre"} & g.keys())
    season_ok = text.lower().startswith("the") and prev is not None and prev.lower_ in PREPOSITIONS_BEFORE_SEASON
    if bare_season and not season_ok:
        return False
    if name == "deictic" and "deictic" in g:
        word = timex._key(g["deictic"])
        if word in lx["deictic_needs_context"]:
            return False
    rate = _is_amountish(prev) or (prev is not None and prev.tag_ == "NNS")
    if name == "set_freq" and "freq" not in g and timex._key(g["per"]) != "per" and not rate:
        return False
    if name == "holiday" and not g["holiday"][:1].isupper():
        return False
    if c.pattern.kind == "duration" and "num" in g and "unit" in g:
        unit = timex._key(g["unit"])
        if unit in ("second", "sec", "min", "mo") and timex._key(g["num"]) in ("a", "an", "one"):
            return False
        if unit == "quarter" and "drel" not in g:
            return False
    after_prep = prev is not None and prev.lower_ in ("for", "over", "within", "in", "after")
    if name == "duration_bare" and "drel" not in g and not after_prep:
        return False
    if name == "weekday" and toks[-1].ent_type_ in ("PERSON", "ORG", "WORK_OF_ART") and len(toks) == 1:
        return toks[-1].ent_type_ == "" or toks[-1].text.lower() not in ("friday",)
    return True


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Longest first, then grammar order; drop anything overlapping a kept span."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        kept.append(c)
        taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: c.start)


def _tense(doc: Doc, start: int, end: int) -> str | None:
    """past | present | future for the clause around a date, from the verb and cue words."""
    lx = lexicon()
    strong = set(lx["strong_future_cues"])
    toks = _tokens(doc, start, end)
    if not toks:
        return None
    sent_start = toks[0].sent.start if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else 0
    sent_end = toks[-1].sent.end if sent_start or doc.has_annotation("SENT_START") else len(doc)
    verb: Token | None = None
    if doc.has_annotation("DEP"):
        t = toks[0].head if toks[0].head != toks[0] else toks[0]
        root = toks[0]
        for _ in range(6):
            if t.pos_ in ("VERB", "AUX"):
                verb = t
                break
            if t.head == t:
                break
            root, t = t, t.head
        del root
    if verb is not None:
        auxes = [a for a in verb.children if a.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes} | {verb.lower_}
        if words & strong or any(a.lower_ == "to" for a in auxes):
            return "future"
        head = verb.head
        if head is not verb and head.lower_ in strong:
            return "future"
        if any(a.tag_ == "VBD" for a in auxes) or (verb.tag_ == "VBD"):
            return "past"
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
            return "past"
        if any(a.tag_ == "MD" for a in auxes):
            return "future"
    window = doc[max(sent_start, toks[0].i - 8) : min(sent_end, toks[-1].i + 4)]
    lower = [t.lower_ for t in window]
    if strong & set(lower):
        return "future"
    if any(t.tag_ == "VBD" for t in window):
        return "past"
    if verb is not None and verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _needs_tense(c: Candidate) -> bool:
    g = c.match.groupdict()
    if c.pattern.kind in ("date", "time", "holiday", "quarter", "season"):
        return not (g.get("year") or g.get("yy") or g.get("yearw"))
    return False


def _mention(c: Candidate, t: Timex) -> DateMention:
    return DateMention(
        start=c.start,
        end=c.end,
        text=c.match.group(0),
        type=t.type,
        value=t.value,
        mod=t.mod,
        start_date=t.start_date,
        end_date=t.end_date,
        anchor=t.anchor,
        quant=t.quant,
        freq=t.freq,
    )


def _moves_narrative(t: Timex) -> bool:
    """Dates precise to a day (or month) become the anchor of "the next day" and its kind."""
    return t.type in ("DATE", "TIME") and t.start_date is not None and (t.end_date - t.start_date).days <= 31


def find_dates(doc: Doc, *, published: str | None) -> list[DateMention]:
    """Date/time/duration/set mentions of ``doc``, resolved against ``published`` (ISO, maybe partial)."""
    text = doc.text
    ref = parse_published(published)
    cands = [c for c in _candidates(text) if _valid(doc, c)]
    out: list[DateMention] = []
    previous: Timex | None = None
    by_start: dict[int, list[Candidate]] = {}
    for c in cands:
        by_start.setdefault(c.start, []).append(c)
    for c in _select(cands):
        tense = _tense(doc, c.start, c.end) if _needs_tense(c) else None
        found = timex.resolve_match(c.pattern, c.match, Context(ref, tense, previous))
        if found is None:  # try a shorter reading starting here (e.g. a duration instead of a set)
            for alt in sorted(by_start[c.start], key=lambda a: (-(a.end - a.start), a.priority)):
                if alt is c or alt.end > c.end:
                    continue
                found = timex.resolve_match(alt.pattern, alt.match, Context(ref, tense, previous))
                if found is not None:
                    c = alt
                    break
        if found is None:
            continue
        out.append(_mention(c, found))
        if _moves_narrative(found) and found.anchor != "previous":
            previous = found
        elif _moves_narrative(found):
            previous = dataclasses.replace(found)
    return out

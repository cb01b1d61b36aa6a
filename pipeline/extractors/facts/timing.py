"""The time of a fact: the date in the amount's own clause, its role (period, point, deadline, since, baseline)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ...records import DateMention, QuantityMention
from ..doccache import doc_text, token_ids
from .cues import cues
from .currencies import quoted_base
from .parse import _clause, _governing_verb, _span, tree_distance


@dataclass(frozen=True)
class _Time:
    mention: DateMention
    role: str


def _role(doc: Doc, date: DateMention, sent_start: int) -> tuple[str | None, int]:
    """The role of a date from the cue right before it (or at its start), with the cue's start offset."""
    before = doc_text(doc)[max(sent_start, date.start - 40) : date.start]
    role, back = _cue_role(id(cues()), date.text, before)
    return role, date.start - back


@functools.lru_cache(maxsize=8192)
def _cue_role(_rules: int, date_text: str, before: str) -> tuple[str | None, int]:
    """``_role`` from the date's text and the (at most 40) characters before it: (role, how far
    before the date its cue starts). ``_rules`` (the id of the loaded cues) keeps answers apart
    when the rules are reloaded; a sentence's dates are read again for every amount in it."""
    c = cues()
    text = date_text.lower()
    for cue, role in c.time_roles:
        if text.startswith(cue + " "):
            return role, 0
    before = re.sub(r"\s+", " ", before.lower().rstrip())
    if c.baseline.search(before):
        return "baseline", 0
    if c.baseline_change_on.search(before) and c.baseline_compared_period.match(text):
        return "baseline", 0  # "up 31.8% on the previous year" ("down 1.8% on Tuesday" is a day)
    article = before.endswith(" the") or before == "the"  # "in the 1990 model year": the cue is "in"
    core = before[:-4].rstrip() if article else before
    for cue, role in c.time_roles:
        if core.endswith(" " + cue) or core == cue:
            return role, len(cue) + 1 + (4 if article else 0)
    return None, 0


def _default_role(date: DateMention) -> str:
    c = cues()
    return c.role_day if _is_day(date) else c.role_other


def _is_concrete(date: DateMention) -> bool:
    """A calendar value a fact can carry: starts with a year (2012, 2012-06, 2012-Q3, 2012-W23)."""
    if not date.value or date.value in cues().vague_times:
        return False
    return re.match(r"\d{4}", date.value) is not None or cues().underspecified.fullmatch(date.value) is not None


def _per_of_set(date: DateMention) -> str | None:
    return cues().set_per.get(date.value) if date.type == "SET" else None


def _range_end(doc: Doc, first: DateMention, dates: Sequence[DateMention]) -> DateMention | None:
    """The second date of "from X to Y" / "between X and Y"."""
    for d in dates:
        if d.start > first.end and re.fullmatch(
            r"\s*(?:to|and|until|through|-|–)\s*", doc_text(doc)[first.end : d.start]
        ):
            return d
    return None


CLAUSE_REACH = 600  # characters: a date farther from the amount is never in its clause


_NOUN_MODIFIERS = frozenset({"poss", "compound", "amod", "nummod", "nmod"})


def _owns_amount(dspan: Span, amount: Span, prop: Token | None = None) -> bool:
    """Whether the date is the possessor of the amount's noun ("January's three pct record",
    "December's 2.9 pct") or modifies the noun the amount measures ("bringing the 1986 deficit to
    147.71 billion dlrs"): the period the figure is of, whatever the clause says."""
    root = dspan.root
    if root.dep_ == "poss" and root.head.i in (amount.root.i, amount.root.head.i):
        return True
    return prop is not None and root.head == prop and root.dep_ in _NOUN_MODIFIERS and root.i < prop.i


def security_date(dspan: Span) -> str | None:
    """ "payable April 3", "holders of record March 23", "of record as of April 8": which date of a
    dividend or split this is ("payment date", "record date"), else None."""
    doc = dspan.doc
    before = [t.lower_ for t in doc[max(0, dspan.start - 3) : dspan.start] if not t.is_space]
    named = cues().security_dates
    return next((named[w] for w in reversed(before) if w in named), None)


_BASE_BEFORE = re.compile(r"\bbase(?:\s+year)?[\s:=]*$", re.IGNORECASE)
_BASE_AFTER = re.compile(r"\s*(?:=\s*100\b|base\b|-based\b)", re.IGNORECASE)


def _index_base(text: str, d: DateMention) -> bool:
    """ "base 1980", "1980=100", "(1980 base)": the base period of an index."""
    return bool(_BASE_BEFORE.search(text[max(0, d.start - 12) : d.start]) or _BASE_AFTER.match(text, d.end))


def _pick_time(
    doc: Doc,
    sent: Span,
    anchor: Token,
    candidates: Sequence[DateMention],
    *,
    parsed: bool,
    amount: Span | None = None,
    start_from: bool = False,
    prop: Token | None = None,
) -> _Time | None:
    """The date of the anchor's clause (parse) or the nearest in the sentence (window).

    ``start_from``: a "from" date without an end starts the amount ("savings of $2bn from
    2008") instead of being the baseline of a change ("rose 5% from 2003"). ``prop``: the noun the
    amount measures; a date modifying it ("the 1986 deficit") is the amount's before any other.

    Within the clause a date inside the amount's own phrase wins ("up from 35 billion a year
    earlier"), then a date with a cue word, then the more specific, then the nearest.
    """
    text = doc_text(doc)
    transparent = range(amount.start, amount.end) if amount is not None else range(0)
    aside = _apposition(amount.root, anchor) if amount is not None and parsed else None
    phrase = _phrase_top(amount.root, anchor) if amount is not None and parsed else None
    near = amount.start if amount is not None else anchor.i
    scored = []
    here = amount.start_char if amount is not None else anchor.idx
    for d in candidates:
        if abs(d.start - here) > CLAUSE_REACH:
            continue  # farther than any clause reaches: also keeps a run-on "sentence" linear
        if not _is_concrete(d) or d.type in ("SET", "DURATION"):
            continue
        dspan = _span(doc, d.start, d.end)
        if dspan is None or security_date(dspan) is not None:
            continue  # "payable April 3 to holders of record March 23": the payment's dates, not the amount's
        if _index_base(text, d):
            continue  # "the volume index, base 1980": the index's base year, no time of the figures
        if parsed and amount is not None and _owns_amount(dspan, amount, prop):
            scored.append((0, 0, 0, -len(d.value), -1, d, "in"))  # "from January's three pct record": its own month
            continue
        right_after = _RIGHT_AFTER.fullmatch(text[amount.end_char : d.start]) if amount is not None else None
        if right_after is not None:
            # "rose to 229.83 in January from 229.06 in December", "up to three mln by 1992": a date
            # written right after an amount is that amount's, the baseline's included
            role = "in" if right_after.group(1).lower() == "in" else _role(doc, d, sent.start_char)[0]
            scored.append((0, 0, 0, -len(d.value), -1, d, role or "in"))
            continue
        role, _ = _role(doc, d, sent.start_char)
        if role == "range" and start_from and _range_end(doc, d, candidates) is None:
            gap = text[amount.end_char : d.start] if amount is not None else ""
            if amount is not None and d.start > amount.end_char and not re.search(r"\d|%|,", gap):
                role = "since"  # "savings of $2bn from 2008", not "..., an increase of 10 percent from ..."
        if role == "baseline" or (role == "range" and _range_end(doc, d, candidates) is None):
            continue  # "up 60 percent from a year earlier": the date compared with, not the fact's
        direct = False
        if parsed:
            droot = dspan.root
            if _when_clause_of(dspan, _clause(anchor, sent, transparent)):
                scored.append((0, 0, 0, -len(d.value), 0, d, role))  # "a rise in December when the deficit was $5m"
                continue
            if _clause(droot, sent, transparent) != _clause(anchor, sent, transparent) and not _fronted_for_report(
                d, droot, _clause(anchor, sent, transparent), transparent, sent
            ):
                continue
            said = _governing_verb(droot, sent)
            lead = doc[max(sent.start, dspan.start - 2) : dspan.start]
            speech = said is not None and said.lemma_.lower() in cues().attribution_verbs
            if _is_day(d) and (speech or any(t.lemma_.lower() in cues().attribution_verbs for t in lead)):
                continue  # "said on Wednesday (it would ...)", "reported ... on Tuesday": when it was said
            if amount is not None and _in_subject_modifier(droot, anchor, amount):
                continue  # "The service, launched in December, has had 900,000 orders": the launch's date
            if amount is not None and _baseline_between(text[amount.end_char : d.start], text[d.end : d.end + 40]):
                continue  # "4.6 pence, up 15% from 4 pence a year earlier": the date of the baseline amount
            if aside is not None and aside not in droot.ancestors and droot != aside:
                continue  # "China Mobile, the largest carrier with 750 million users, received ... on"
            direct = phrase is not None and (droot == phrase or phrase in droot.ancestors)
        distance = abs(dspan.start - near)
        if not parsed:
            lead = doc[max(sent.start, dspan.start - 2) : dspan.start]
            if any(t.lemma_.lower() in cues().attribution_verbs for t in lead):
                continue  # "said on Thursday": when it was said
            scored.append((0, 0, 0 if role else 1, distance, -len(d.value), d, role))
            continue
        # of two dates in the amount's phrase the one nearer the amount in the tree is its own: "fourth
        # quarter net of 9.8 mln dlrs against a loss of two mln dlrs in the 1985 quarter"
        hops = tree_distance(droot, amount.root) if direct and amount is not None else 0
        scored.append((0 if direct else 1, hops, 0 if role else 1, -len(d.value), distance, d, role))
    if not scored:
        return None
    *_, best, role = min(scored, key=lambda s: s[:5])
    return _Time(best, role or _default_role(best))


_RIGHT_AFTER = re.compile(r"\s+(in|by)\s+", re.IGNORECASE)


def _when_clause_of(dspan: Span, clause: Token) -> bool:
    """Whether the amount's clause opens with "when" right after the date ("in December when the
    deficit was only $598m"): the clause tells what happened then, wherever the parser hung it."""
    doc = dspan.doc
    nxt = doc[dspan.end] if dspan.end < len(doc) else None
    return nxt is not None and nxt.lower_ == "when" and nxt.head == clause and nxt.dep_ == "advmod"


def _fronted_for_report(d: DateMention, droot: Token, clause: Token, transparent: range, sent: Span) -> bool:
    """ "By the end of 2013, the analysts predict that 60% of ...": a period put before a forecast or
    report verb dates what is forecast or reported (a day is when it was said)."""
    if _is_day(d) or clause.dep_ != "ccomp":
        return False
    said = clause.head
    c = cues()
    return (
        _clause(droot, sent, transparent) == _clause(said, sent, transparent)
        and said.lemma_.lower() in c.forecast_verbs | c.attribution_verbs
        and droot.i < said.i
    )


_CLAUSE_MODIFIERS = frozenset({get_string_id("acl"), get_string_id("relcl")})


def _in_subject_modifier(droot: Token, anchor: Token, amount: Span) -> bool:
    """Whether the date sits in a clause modifying another noun of the verb (its subject, "The
    service, launched in December, has had ..."; its object, "charges, raised ... in October")
    while the amount is not in that clause."""
    own = {*range(amount.start, amount.end)}  # the amount's own phrase: the path from it up to the verb
    for t in amount.root.ancestors:
        if t.i == anchor.i:
            break
        own.add(t.i)
    time_nouns = cues().time_nouns
    doc, deps = anchor.doc, _CLAUSE_MODIFIERS
    dep_ids = token_ids(doc, "DEP")
    inner = [
        t
        for t in (doc[i] for i in range(anchor.left_edge.i, anchor.right_edge.i + 1) if dep_ids[i] in deps)
        if (t.i == anchor.i or anchor.is_ancestor(t))  # the anchor's subtree, without a Token per word
        and t.head.i not in own
        and t.head.lemma_.lower() not in time_nouns
    ]  # "for the quarter that ended on September 28" names the period: kept
    return any((droot == t or t in droot.ancestors) and amount.root not in t.subtree for t in inner)


def _baseline_between(gap: str, after: str = "") -> bool:
    """ "..., up 15% from 4 pence a year earlier", "rose 48.9 pct, following a 38.8 pct decline in
    January": a comparison cue, then another amount, then the date; or the cue, then the date, then
    that amount in the date's own phrase ("compared with a revised January decline of 7.7 pct")."""
    found = list(cues().baseline_cue.finditer(gap))
    if not found:
        return False
    if re.search(r"\d|[$€£¥]", gap[found[-1].end() :]) is not None:
        return True
    own = re.match(r"[^,;.\n]*(?:\n[^,;.\n]*)?", after)  # the rest of the date's phrase
    if own is None or len(gap) - found[-1].end() > 12 or re.match(r"\s*(?:to|until|through|-)\s", own.group()):
        return False  # "from January 2013 to March 2013": a range of the amount's own
    return re.search(r"\d", re.sub(r"\b(?:1[89]|20)\d\d\b", "", own.group())) is not None


def _is_day(date: DateMention) -> bool:
    """A calendar day, also one whose year the text leaves open ("on Friday", "on 26 December")."""
    return re.fullmatch(r"(?:\d{4}|XXXX)-(?:\d{2}-\d{2}|WXX-\d)", date.value or "") is not None


def _apposition(token: Token, stop: Token) -> Token | None:
    """The appositive (background description) between ``token`` and ``stop`` that holds it, if any."""
    t = token
    for _ in range(32):
        if t == stop or t.head == t:
            return None
        if t.dep_ == "appos" and t.head.pos_ == "PROPN":  # not "1.49 billion euros ($1.7 billion)"
            return t
        t = t.head
    return None


def _phrase_top(token: Token, verb: Token) -> Token | None:
    """The dependent of ``verb`` whose subtree holds ``token`` (the amount's phrase), if any."""
    t = token
    for _ in range(32):
        if t.head == verb and t != verb:
            return t
        if t.head == t:
            return None
        t = t.head
    return None


def _per(q: QuantityMention, doc: Doc, sent: Span, anchor: Token, dates: Sequence[DateMention], *, parsed: bool):
    if q.per:
        return q.per
    if cues().per_share_after.match(doc_text(doc)[q.end : q.end + 30]):
        return "share"  # "12 cts a share", "9.50 dlrs per share"
    base = quoted_base(doc_text(doc), q.end)
    money = q.unit in (None, "dimensionless") or q.unit.isupper()
    if base is not None and money and base != q.unit:
        return (
            base  # "trading at 1,893 to the US dollar" (the guidelines' 1893 MGA per USD), "$1.2871 against the euro"
        )
    for d in dates:
        per = _per_of_set(d)
        if per is None:
            continue
        dspan = _span(doc, d.start, d.end)
        if dspan is not None and (not parsed or _clause(dspan.root, sent) == _clause(anchor, sent)):  # same clause
            return per
    return None

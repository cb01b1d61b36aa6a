"""Amounts -> value, unit, bound, change, rate; ordinals and ranks kept apart.

How a quantity is found (rules as data in ``rules/quantities_cues.json``, ``rules/units_*.json``):

1. ``numbers.scan_numbers`` finds every number in the text itself (digits, words, mixtures,
   "3m", "1.2bn", fractions, ratios such as "one in five"), so numbers the statistical NER
   misses are still found. Vague amounts ("hundreds of", "a few thousand") come from a cue list.
2. Each number takes a currency written before it ("$", "NT$", "RMB", "dlrs"), and after it a
   percent sign or word ("pct"), a currency word or code (also wire style: "mln dlrs", "stg",
   "Swedish crowns", "cts"), a physical unit (named by pint's registry; "bpd" is barrels a day)
   or, failing those, the counted noun it modifies (lemma; over a model code: "300 747 jets").
   Two numbers joined by "-", "to" or "between ... and" become one range (a shared scale or unit
   applies to both ends: "$20-30 billion"). Cue words around the span give ``bound``, ``change``
   (also from the governing verb when there is a parse) and ``per``. An ambiguous "$", "¥" or
   "francs" takes its ISO code from country cues in the text; ``currency_assumed`` is set only
   when those cues, not the text, chose it ("$" in a Taiwan story -> TWD), not for the plain
   default reading ("$" -> USD; "francs" -> CHF, or FRF in wire copy such as "80 mln francs").
3. Numbers that are not amounts are dropped: years, times of day, phone numbers, IDs and model
   names ("SCP-173", "iPhone 5", "5G", "the 486 chip"), labels ("page 3", "No. 1"), street
   numbers, scores and votes ("3-1", "68-32", set scores "6-7 (7-2) 6-4"), versions ("Opera 8.0"),
   ordinals, list markers ("1)"), idioms ("one-time", "one thing ... another"), the pronoun "one",
   number words inside names ("Radio Five Live", "the Six Nations"), the first day of a date range
   ("6 to 9 January"), abbreviated years ("class of '83", "2003-04"), codes with a leading zero.
   Ages are kept as amounts in years, however written ("five years old", "a 12-year-old", "died
   aged 93", "Mr Ebbers, 63, said"), as the Recognizers Age model counts them.

Overlap rule (stated once, applied in ``_resolve``): the longest candidate wins; on equal length
the rule candidate beats the spaCy-entity candidate. spaCy entities only *add* a candidate where
the scanner read no number at all (a CARDINAL/MONEY/PERCENT/QUANTITY entity is a hint), and a
DATE/TIME entity only *removes* weak candidates with a time unit ("three years" is a duration:
``dates`` owns it). ``exclude`` spans (dates found first) remove every overlapping candidate
except strong ones: an explicit currency, percent, physical unit or scale word, an age ("five
years old"), or a share ("a quarter of", "by a third"). So "$2012" and "5 million" stay amounts
whatever the date extractor claims.

This module runs the steps; the work is done by its neighbours: ``tables`` (the rule tables and
their regexes), ``context`` (what a document says about currencies and markets), ``units`` and
``nouns`` (the unit or counted noun of step 2), ``pieces`` (numbers with their units, joined into
ranges), ``modifiers`` (bound, change and rate) and ``rejects`` (step 3). Ranks live in ``ranks``.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from ...records import QuantityMention
from ..doccache import doc_text
from ..spans import SpanIndex, TakenSpans
from . import numbers
from .context import TextContext, _may_occur, _resolve_currency, _token_at, dateline_dollar, make_context
from .modifiers import _bound, _change, _change_from_parse, _per, _unit_rate
from .nouns import _counted_noun
from .numbers import NumberSpan, tidy
from .pieces import _pieces, _ranges, _share_units
from .rejects import _label_before, _rejected, _score_zones, _zones
from .results import table_units
from .tables import _regexes, _time_units, cues, currencies, physical
from .units import base_of

_FOLD = re.compile(r"\b([A-Za-z]+|\d+(?:\.\d+)?)-?fold\b", re.I)


def _fold(text: str) -> list[tuple[QuantityMention, bool]]:
    """ "grew tenfold", "a 20-fold rise", "more than threefold": a multiple, dimensionless (not "manifold")."""
    if "fold" not in text.lower():
        return []
    out = []
    for m in _FOLD.finditer(text):
        stem = m.group(1)
        spans = numbers.scan_numbers(stem)
        if not spans or spans[0].start != 0 or spans[0].end != len(stem) or spans[0].value < 2:
            continue  # "manifold", "onefold", "twofold" from a word that is no number
        q = QuantityMention(
            start=m.start(),
            end=m.end(),
            text=m.group(),
            value=tidy(spans[0].value),
            unit="dimensionless",
            bound=_bound(text, m.start(), m.end())[0],
            change=_change(text, m.start(), m.start(), "number"),
            kind="number",
        )
        out.append((q, True))
    return out


def _bare_scale(text: str, ctx: TextContext) -> list[tuple[QuantityMention, bool]]:
    """ "its first million customers", "another billion dollars": a scale word alone counts one of it."""
    if not _may_occur(text, _BARE_SCALES):
        return []  # every match holds one of the scale words
    words = "|".join(cues()["bare_scale_after"])
    out = []
    for m in re.finditer(
        rf"\b(?:{words})\s+(thousand|million|billion)\b(?!\s+of\b|s|-)", text, re.I
    ):  # not "billion-dollar"
        start = m.start(1)
        timed = re.match(r"\s*([a-z]+)", text[m.end() :])
        if timed and timed.group(1) in physical()["time_plurals"]:
            continue  # "the next thousand years": a duration
        scale = numbers.lexicon()["scales"].get(m.group(1).lower())
        if scale is None:
            continue  # a case-blind match of letters lower() does not map to ASCII ("İ")
        value = float(scale)
        unit, unit_text, kind = "dimensionless", None, "number"
        noun = _counted_noun(text, m.end(), ctx)
        cur = re.match(r"\s+(dollars|euros|pounds)\b", text[m.end() : m.end() + 10], re.I)
        if cur:
            unit_text = cur.group(1)
            unit = {"dollars": ctx.dollar, "euros": "EUR", "pounds": "GBP"}[unit_text.lower()]
            kind = "currency"
        elif noun:
            unit, kind, unit_text = noun[0], "count", noun[2]
        q = QuantityMention(
            start=start, end=m.end(), text=text[start : m.end()], value=value, unit=unit, unit_text=unit_text, kind=kind
        )
        out.append((q, True))
    return out


_BARE_SCALES = ("thousand", "million", "billion")


@functools.cache
def _vague_anchors() -> tuple[str, ...] | None:
    """The longest word of each vague cue, in lower case: a match of the "vague" regex holds one of
    them (None where a cue is not plain ASCII, so the words say nothing)."""
    phrases = list(cues()["vague"])
    if not all(p.isascii() and p.strip() for p in phrases):
        return None
    return tuple({max(p.lower().split(), key=len) for p in phrases})


def _vague(text: str, ctx: TextContext) -> list[tuple[QuantityMention, bool]]:
    anchors = _vague_anchors()
    if anchors is not None and not _may_occur(text, anchors):
        return []
    out = []
    for m in _regexes()["vague"].finditer(text):
        phrase = re.sub(r"\s+", " ", m.group().strip().lower())
        if phrase not in cues()["vague"]:
            continue  # "ſeveral": the case-blind regex matches letters lower() does not map to ASCII
        value = float(cues()["vague"][phrase])
        end = m.end()
        unit, unit_text, kind = "dimensionless", None, "number"
        cur = re.match(r"(dollars|euros|pounds|yuan|yen)\b", text[end : end + 10], re.I)
        if cur:
            unit_text = cur.group(1)
            unit = {"dollars": ctx.dollar, "euros": "EUR", "pounds": "GBP", "yuan": "CNY", "yen": "JPY"}[
                unit_text.lower()
            ]
            kind = "currency"
        else:
            noun = _counted_noun(text, end, ctx)
            if noun:
                unit, kind, unit_text = noun[0], "count", noun[2]
        q = QuantityMention(
            start=m.start(),
            end=m.end() - 1,
            text=text[m.start() : m.end() - 1],
            value=value,
            unit=unit,
            unit_text=unit_text,
            bound=">=",
            kind=kind,
            vague=True,
            currency_assumed=kind == "currency" and _resolve_currency("dollar", ctx)[1] and unit == ctx.dollar,
        )
        timed = re.match(r"\s*([a-z]+)", text[m.end() :])
        out.append((q, not (timed and timed.group(1) in physical()["time_plurals"])))  # "hundreds of years"
    return out


def extract(text: str, ctx: TextContext | None = None) -> list[tuple[QuantityMention, bool]]:
    """Rule candidates over ``text``: (mention, strong) pairs, not yet filtered by dates or entities."""
    ctx = ctx or make_context(text)
    spans = numbers.scan_numbers(text)
    zones = _zones(text)
    zones += _score_zones(text)
    pieces = []
    refused_end: int | None = None
    for p in _pieces(text, spans, ctx):
        listed = (
            refused_end is not None
            and p.kind == "number"
            and p.num.atoms[0].kind == "num"  # "Key Stages 1, 3 and 4 and two-fifths": words end the list
            and re.fullmatch(r"\s*(?:,|and|or|&|-|to)\s*", text[refused_end : p.start])
        )
        if p.age and not cues()["ages_are_amounts"]:
            continue  # the convention is a switch in the cue table: an age is not an amount to sum
        if listed or _rejected(text, p, zones, ctx):
            refused_end = p.end if (listed or _label_before(text, p)) else None
        else:
            pieces.append(p)
            refused_end = None
    pieces = _share_units(text, pieces)
    out: list[tuple[QuantityMention, bool]] = []
    last_scaled: tuple[QuantityMention, float] | None = None  # the last amount with a scale word
    last_end = 0
    scales: dict[int, float] = {}  # a mention's start -> its scale word's factor ("1.350 billion dlrs": 1e9)
    for p, q in _ranges(text, pieces, ctx):
        last = q or p
        start, end = p.start, last.end
        head = re.search(r"between\s*$", text[max(0, start - 12) : start], re.I)
        if q is not None and head:
            start -= len(head.group())
        unit, unit_text, kind, assumed = last.unit, last.unit_text, last.kind, last.assumed
        if kind == "number" and p.kind != "number":
            unit, unit_text, kind, assumed = p.unit, p.unit_text, p.kind, p.assumed
        pct = re.search(
            r"(?<![A-Za-z0-9%] )(?<![\d.])(percents?|per\s?cent)\s+of\s*$", text[max(0, start - 20) : start], re.I
        )
        pct_start = start - len(pct.group()) if pct else start
        after_number = re.search(r"[\d%]\s*$", text[max(0, pct_start - 5) : pct_start])
        if kind == "number" and q is None and pct and not after_number:
            start -= len(pct.group())  # "per cent of twenty-two" (no number before "percent")
            unit, unit_text, kind = "percent", pct.group(1), "percent"
        per_from = end
        if kind == "number" and not _is_ratio(p.num):
            noun = _counted_noun(text, end, ctx) or (_partitive_noun(text, end, p.num, ctx) if q is None else None)
            if noun is not None:
                unit, kind, unit_text, per_from = noun[0], "count", noun[2], noun[1]
                money = currencies()
                if unit in money["minor_units"]:  # "15 Canadian cents", "one ct": money
                    unit, kind, unit_text = money["words"].get(unit, unit), "currency", text[end : noun[1]].strip()
        elided, value = None, p.value
        if kind == "number" and q is None and p.end == p.num.end:
            elided = _elided_unit(text, p, out[-1][0] if out else None, last_end, last_scaled, ctx)
            if elided is None and last_scaled is not None and _elided_scale(text, p, last_scaled, ctx):
                elided, value = last_scaled[0], p.value * last_scaled[1]  # "889.2 mln (revised from 889.5)"
        if elided is not None:
            unit, kind, assumed = elided.unit, elided.kind, elided.currency_assumed
        bound, b_start, b_end = _bound(text, start, end)
        change = _change(text, b_start, end, kind) or _change_from_parse(ctx.doc, p.num.start, end, kind)
        per = _per(text, max(b_end, per_from)) or _unit_rate(unit_text) or (elided.per if elided else None)
        mention = QuantityMention(
            start=start,
            end=end,
            text=text[start:end],
            value=tidy(value),
            value_max=tidy(q.value) if q is not None else None,
            unit=unit,
            unit_text=unit_text,
            bound=bound,
            change=change,
            per=per,
            kind=kind,
            currency_assumed=assumed,
        )
        out.append((mention, p.strong or (q is not None and q.strong)))
        last_end = max(end, per_from)  # "369 domestic institutions": the counted noun's end
        if (q or p).num.scale is not None:
            last_scaled = (mention, (q or p).num.scale)
            scales[start] = (q or p).num.scale
    out = _quote_units(text, out)
    out = _change_to_level(text, out)
    out = _from_level(text, out, scales)
    out = _compared_level(text, out)
    out = _share_price_moves(text, out, ctx.dollar)
    out += _vague(text, ctx)
    out += _bare_scale(text, ctx)
    out += _fold(text)
    return out


_TO = re.compile(r"\s+to\s+")


def _change_to_level(text: str, out: list[tuple[QuantityMention, bool]]) -> list[tuple[QuantityMention, bool]]:
    """A change written without its unit right before the level it led to is in the level's money:
    "Phillips stock rose 1/4 to 14 dlrs" (a quarter of a dollar)."""
    fixed = list(out)
    for i in range(len(out) - 1):
        (m, strong), (level, _) = out[i], out[i + 1]
        if (
            m.kind == "number"
            and any(c.isdigit() for c in m.text)  # "cut by half to 66.2 billion dlrs": a share of the whole
            and m.change is not None
            and m.unit in (None, "dimensionless")
            and level.kind == "currency"
            and _TO.fullmatch(text[m.end : level.start])
        ):
            fixed[i] = (replace(m, unit=level.unit, kind="currency", currency_assumed=level.currency_assumed), strong)
    return fixed


_FROM = re.compile(r"(?i)\bfrom\s+$")
_LEVEL_KINDS = frozenset({"currency", "percent", "dimension", "count"})


def _from_level(
    text: str, out: list[tuple[QuantityMention, bool]], scales: dict[int, float]
) -> list[tuple[QuantityMention, bool]]:
    """The bare number of "from A to B <unit>" is in B's unit, and in B's scale when it has none of its own and
    the scale makes the two alike (less than 20 times apart): "lowered from 3.450 to 1.350 billion dlrs" (3.45
    billion dollars), "rose from 12 to 14 pct", "from 300 to 250 tonnes", "from 1.2 bln to 1.5 bln dlrs" (the
    unit only). A level the number was already read with ("3 to 5 mln dlrs", a range) is not one of these."""
    fixed = list(out)
    for i in range(len(out) - 1):
        (m, strong), (level, _) = out[i], out[i + 1]
        if not (
            _bare_before_level(m, level)
            and _TO.fullmatch(text[m.end : level.start])
            and _FROM.search(text[max(0, m.start - 8) : m.start])
        ):
            continue
        value, scale = m.value, scales.get(level.start)
        if scale and m.start not in scales:
            # not "from 800 to 1.2 billion dlrs" (800 million, or a slip): only where the two end up alike; else
            # the number is left as it was written, with no unit it may not have
            if not _alike(value * scale, level.value, 20):
                continue
            value = tidy(value * scale)
        fixed[i] = (_in_level_unit(m, level, value), strong)
    return fixed


def _alike(a: float, b: float, times: float) -> bool:
    """Whether two positive amounts are less than ``times`` apart, either way."""
    return a > 0 and b > 0 and abs(math.log(a / b)) < math.log(times)


def _bare_before_level(m: QuantityMention, level: QuantityMention) -> bool:
    """Whether a bare single number stands before a single amount with a unit (a level or a compared amount)."""
    return (
        m.kind == "number"
        and m.unit in (None, "dimensionless")
        and m.value_max is None
        and level.kind in _LEVEL_KINDS
        and level.value_max is None
    )


def _in_level_unit(m: QuantityMention, level: QuantityMention, value: float) -> QuantityMention:
    """The bare number ``m`` with ``value``, in the unit of the amount it is read with."""
    return replace(
        m,
        value=value,
        unit=level.unit,
        unit_text=level.unit_text,
        kind=level.kind,
        per=m.per or level.per,
        currency_assumed=level.currency_assumed,
    )


_COMPARES = re.compile(r"\s*,?\s*(?:compares?\s+with|compared\s+(?:with|to)|against|vs\.?|versus)\s+", re.I)


def _compared_level(text: str, out: list[tuple[QuantityMention, bool]]) -> list[tuple[QuantityMention, bool]]:
    """A bare number compared with an amount written with its unit right after it is in that unit when the two
    are alike (less than 20 times apart): "The export total of 289,232 compares with 165,859 tonnes", "sales of
    1,200 against 1,350 cars" (not "3 against 250 tonnes", nor a number already read with its own unit)."""
    fixed = list(out)
    for i in range(len(out) - 1):
        (m, strong), (level, _) = out[i], out[i + 1]
        if not (
            _bare_before_level(m, level)
            and _COMPARES.fullmatch(text[m.end : level.start])
            and _alike(m.value, level.value, 20)
        ):
            continue
        fixed[i] = (_in_level_unit(m, level, m.value), strong)
    return fixed


FRACTION = re.compile(r"\d/\d")
# what a quote in fractions may be of besides a share: a bond, a rate, a futures contract, index points
_NOT_SHARES = re.compile(
    r"\b(?:bonds?|gilts?|notes?|bills?|treasur(?:y|ies)|debentures?|yields?|rates?|deposits?|eurodollars?|futures?"
    r"|contracts?|points?|index|yen|marks|francs|stg)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?]\s")


def _share_price_moves(
    text: str, out: list[tuple[QuantityMention, bool]], default_dollar: str
) -> list[tuple[QuantityMention, bool]]:
    """A move and the level it led to, both bare and one of them written with a fraction, are a share price in
    the money of the place the story was filed from: "ChemLawn rose 1-7/8 to 36", "Pepsico climbed 7/8 to 34-3/4"
    (not "the rig count was up 14 to 164", nor a sentence about a bond, a rate, futures or points: "The 30-year
    bond rose 5/32 to 96-31/32")."""
    fixed = list(out)
    dollar = None  # the dateline place's, looked up at the first move found
    for i in range(len(out) - 1):
        (m, strong), (level, level_strong) = out[i], out[i + 1]
        bare = all(q.kind == "number" and q.unit in (None, "dimensionless") for q in (m, level))
        if (
            bare
            and m.change is not None
            and level.change is None
            and (FRACTION.search(m.text) or FRACTION.search(level.text))
            and _TO.fullmatch(text[m.end : level.start])
            and not _NOT_SHARES.search(_sentence_around(text, m.start, level.end))
        ):
            dollar = dollar or dateline_dollar(text) or default_dollar
            fixed[i] = (replace(m, unit=dollar, kind="currency", currency_assumed=True), strong)
            fixed[i + 1] = (replace(level, unit=dollar, kind="currency", currency_assumed=True), level_strong)
    return fixed


def _sentence_around(text: str, start: int, end: int) -> str:
    """The text of the sentence holding ``start``..``end`` (cut at a full stop, semicolon or line of its own)."""
    before = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    return text[before : after.start() if after else len(text)]


# a two-way money-market quote: "10-1/16 9-15/16", "9-3/4 5/8", "9-7/8 3/4 pct"
_QUOTE = re.compile(r"\d{1,2}-\d{1,2}/\d{1,2} (?:\d{1,2}-)?\d{1,2}(?:/\d{1,2})?(?: ?(?:pct|%|per ?cent))?", re.I)


def _quote_units(text: str, out: list[tuple[QuantityMention, bool]]) -> list[tuple[QuantityMention, bool]]:
    """A two-way quote written without its unit is a rate in percent when a quote in percent follows in
    the same sentence ("one and three months at 10-1/16 9-15/16 and 9-7/8 3/4 pct respectively",
    "six months at 9-3/4 5/8 and one year at 9-5/8 1/2 pct")."""
    fixed = list(out)
    for i, (m, strong) in enumerate(out):
        if m.kind != "number" or m.value_max is None or not _QUOTE.fullmatch(m.text):
            continue
        for later, _ in out[i + 1 :]:
            if re.search(r"[.;]\s", text[m.end : later.start]):
                break  # the sentence ended
            if later.kind == "percent" and later.value_max is not None and _QUOTE.fullmatch(later.text):
                fixed[i] = (replace(m, unit="percent", kind="percent", unit_text=later.unit_text), strong)
                break
    return fixed


_PARTITIVE = re.compile(r"\s+of\s+(?:the|these|those|his|her|its|their|our|my|your)\s+(?=[A-Za-z])", re.I)


def _money_moved_to(text: str, prev: QuantityMention) -> bool:
    """Whether an amount of money (not of cents or pence) is what a price moved by ("dropped 30 Swiss francs")."""
    return (
        prev.kind == "currency"
        and prev.unit not in currencies()["minor_units"]
        and _MOVED_BY.search(text, max(0, prev.start - 24), prev.start) is not None
    )


def _part_of_fronted_whole(text: str, whole: QuantityMention, whole_end: int, start: int) -> bool:
    """Whether a bare number right after a comma counts a part of the whole a sentence opens with ("Of the
    country's 360 million households, 100 million receive cable", "Of its 27 plants, 10 will close")."""
    return bool(
        re.fullmatch(r"\s*,\s*", text[whole_end:start])
        and _FRONTED_WHOLE.search(text, max(0, whole.start - 40), whole.start)
    )


def _number_of(text: str, q: QuantityMention) -> NumberSpan | None:
    """The number an amount opens with, as the number scanner reads it in ``text`` (its scale, its digits)."""
    return next((n for n in numbers.scan_numbers(text) if q.start <= n.start < q.end), None)


# a sentence opening with the whole a count is part of: "Of the 500 workers, 200 ...", "Of its 27 plants, 10 ..."
_FRONTED_WHOLE = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)Of\s+(?:the|its|their|his|her|our|[A-Z][\w.]*'s?)\s+(?:[\w'-]+\s+){0,2}$"
)
# a price moving by an amount: "dropped 30 Swiss francs to 460", "rose 2 dlrs to 45"
_MOVED_BY = re.compile(
    r"\b(?:rose|fell|dropped|gained|added|lost|eased|climbed|slipped|jumped|declined|slid|firmed|advanced"
    r"|was (?:up|down)|were (?:up|down))\s+(?:by\s+)?(?:an?\s+)?(?:[a-z]+\s+)?$",
    re.I,
)
# "and", "or", "vs", "against last year's", "compared with" between two figures
_PAIRED = re.compile(
    r"\s*,?\s*(?:and|or|vs\.?|versus|against|compared\s+(?:with|to))\s+"
    r"(?:(?:last|the\s+previous|the\s+prior)\s+(?:year|quarter|month|week)['\u2019]s\s+)?",
    re.I,
)
# a scaled count compared with a later scaled figure: "54 million people ..., up from 34 million"
_COMPARED_BEFORE = re.compile(r"(?:\bfrom|\bagainst|\bcompared\s+(?:with|to)|\bversus|\bvs\.?)\s+$", re.I)
_PAIRED_LOOSE = re.compile(r"\b(?:and|or|vs|versus|against|while|compared)\b", re.I)


def _partitive_noun(text: str, end: int, num: NumberSpan, ctx: TextContext) -> tuple[str, int, str] | None:
    """ "three of the new stores", "five of his songs": a count of the noun after "of the" (not "one of")."""
    m = _PARTITIVE.match(text, end)
    if m is None or num.value <= 1 or not float(num.value).is_integer():
        return None
    return _counted_noun(text, m.end(), ctx)


def _elided_unit(
    text: str,
    p,
    prev: QuantityMention | None,
    prev_end: int,
    last_scaled: tuple[QuantityMention, float] | None,
    ctx: TextContext,
) -> QuantityMention | None:
    """The amount whose unit a bare number repeats by ellipsis, or None.

    "40 mln marks and 20 mln", "369 domestic institutions and 347 elsewhere", "4.5 pct vs 3.2",
    "rose to 4.5 pct from 3.2", "from 3.2 pct to 4.5": the number right after, joined by a
    conjunction or a from/to/vs pairing, with the same shape (the same scale word, digits both or
    words both). A scaled amount may also be farther back in the sentence when a conjunction comes
    between ("for 250 mln francs and the 6-1/2 pct bond ... for 300 mln").
    """
    num = p.num
    fronted = prev is not None and prev.kind == "count" and _part_of_fronted_whole(text, prev, prev_end, p.start)
    whole = _number_of(text, prev) if fronted else None
    if whole is not None and num.scale == whole.scale:
        return prev  # "Of the 500 workers, 200 were laid off": a part of the whole the sentence opens with
    if re.match(r"\s*[\"\u201c]", text[p.end : p.end + 3]) or (
        num.scale is None and not _nothing_named_after(text, p.end, ctx)
    ):
        return None  # "13 games and 178 \"sound recordings\"": the second number names its own thing
    if prev is not None and prev_end <= p.start:
        gap = text[prev_end : p.start]
        before = text[max(0, prev.start - 6) : prev.start]
        paired = (
            _PAIRED.fullmatch(gap)
            or (re.fullmatch(r"\s+from\s+", gap, re.I) and re.search(r"\b(?:to|at)\s+$", before, re.I))
            or (re.fullmatch(r"\s+to\s+", gap, re.I) and re.search(r"\bfrom\s+$", before, re.I))
            # "The shares dropped 30 Swiss francs to 460": the level a money change reaches is money too (a change
            # in cents or pence is left to the facts' rules)
            or (_money_moved_to(text, prev) and re.fullmatch(r"\s+to\s+", gap, re.I))
        )
        shape = _number_of(text, prev) if paired else None  # the earlier amount's number (only looked up for a pair)
        if (
            paired
            and prev.kind in ("currency", "percent", "dimension", "count")
            and prev.value_max is None
            and shape is not None
            and shape.scale == num.scale
            and shape.has_digits == num.has_digits
            # "one dollar and one", "5 dollars and 50": without a scale, "and" after money adds cents
            and not (prev.kind == "currency" and num.scale is None and re.search(r"\band\b", gap, re.I))
        ):
            return prev
    if last_scaled is not None and num.scale is not None:
        prev, scale = last_scaled
        gap = text[prev.end : p.start]
        if (
            scale >= 1e6
            and num.scale >= 1e6
            and (prev.kind == "currency" or (prev.kind == "count" and _COMPARED_BEFORE.search(gap)))
            and len(gap) <= 80
            and not re.search(r"[.;!?]\s|[()]", gap)  # a conversion in brackets is no parallel
            # without "and", "or", "vs" between: "down from 2.26 billion at ..." is the same money, "a 154.7 mln
            # dlr issue ... of 4.5 mln class A common shares" counts its own thing
            and (_PAIRED_LOOSE.search(gap) or not _noun_after(text, p.end, ctx))
        ):
            return prev
    return None


# what pairs a wire figure's bare repeat with the scaled amount before it: "from 892.5", "(revised from 891.2)",
# "and 939.3 in February 1986", "vs 4.3"
_REPEAT_CUE = re.compile(r"(?:\bfrom|\bvs\.?|\bversus|\bagainst|\bcompared\s+(?:with|to)|\band)\s+$", re.I)

_REVISED = re.compile(r"\s*\((?:revised|restated|adjusted)\b", re.I)


def _elided_scale(text: str, p, last_scaled: tuple[QuantityMention, float], ctx: TextContext) -> bool:
    """Whether a bare decimal number repeats the scale and unit of the scaled amount before it in the sentence:
    "Exports rose to 998.4 mln dlrs, from 889.2 mln (revised from 889.5) in January and 903.2 in February 1986"
    (889.5 and 903.2 million dollars). Only a number written with a decimal point, after "from", "vs", "against",
    "compared with" or "and", with nothing named after it, within 80 characters of a money amount (or a count
    compared) in millions or more whose own figure is alike (less than three times apart): not "rose to 5.6 mln
    dlrs from 4,300" nor "10 mln dlrs and 2.5 pct"."""
    prev, scale = last_scaled
    num = p.num
    gap = text[prev.end : p.start]
    return (
        num.scale is None
        and num.has_digits
        and "." in num.text
        and prev.kind in ("currency", "count")
        and scale >= 1e6
        and prev.value_max is None
        and len(gap) <= 80
        and not re.search(r"[.;!?]\s", gap)
        and bool(_REPEAT_CUE.search(text[max(0, p.start - 16) : p.start]))
        and (_nothing_named_after(text, p.end, ctx) or bool(_REVISED.match(text, p.end)))
        and _alike(p.value * scale, prev.value, 3)
        and not _nearer_number(text, prev, scale, p.start)
    )


_DIGITS = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def _nearer_number(text: str, prev: QuantityMention, scale: float, start: int) -> bool:
    """Whether another number stands between the scaled amount and a bare repeat, which then repeats that one: "paid
    10.25 a share compared with 10.5", "or 3.1 pct of GNP, against 2.9" (not a year, nor an earlier repeat of the
    same amount: "889.2 mln (revised from 889.5) in January and 903.2")."""
    for m in _DIGITS.finditer(text, prev.end, start):
        written = m.group().replace(",", "")
        if re.fullmatch(r"(?:19|20)\d\d", written):
            continue  # a year
        cued = _REPEAT_CUE.search(text[max(0, m.start() - 16) : m.start()])
        if cued and "." in written and _alike(float(written) * scale, prev.value, 3):
            continue  # an earlier repeat of the same amount
        return True
    return False


def _noun_after(text: str, end: int, ctx: TextContext) -> bool:
    """A noun, name or adjective is the next word ("4.5 mln class A shares"), not "at", "in", "a year"."""
    m = re.match(r"\s*([A-Za-z])", text[end : end + 4])
    tok = _token_at(ctx.doc, end + m.start(1)) if m is not None and ctx.doc is not None else None
    return tok is not None and tok.pos_ in ("NOUN", "PROPN", "ADJ")


_THEN = re.compile(
    r"\s+(?:(?:a|one|the)\s+(?:year|quarter|month|week)\s+(?:earlier|ago|before)"
    r"|(?:last|the\s+previous|the\s+prior)\s+(?:year|quarter|month|week))\b",
    re.I,
)


def _nothing_named_after(text: str, end: int, ctx: TextContext) -> bool:
    """After a bare number: the end of a clause, or a word that names nothing ("347 elsewhere", "3.2 in May",
    "4,900 a year earlier")."""
    if _THEN.match(text, end):
        return True
    m = re.match(r"\s*(?:[.,;:)!?]|$|([A-Za-z]))", text[end : end + 3])
    if m is None:
        return False
    if m.group(1) is None:
        return True
    tok = _token_at(ctx.doc, end + m.start(1)) if ctx.doc is not None else None
    # not a verb: "$4.25 and 32 is the quantity" starts a new clause about another thing
    return tok is not None and tok.pos_ in ("ADV", "ADP", "CCONJ", "SCONJ", "PART")


def _with_base(q: QuantityMention) -> QuantityMention:
    """A physical amount also in pint's base units ("5 km" -> 5000 meter; ``units.base_of``); money
    in its currency ("12 cts" -> 0.12 USD, "40 euro cents" -> 0.40 EUR, "$5m" -> 5000000 USD)."""
    if q.kind == "currency":
        return _money_base(q)
    base = base_of(q.unit) if q.kind == "dimension" else None
    if base is None:
        return q
    factor, unit = base
    return replace(q, value_base=tidy(q.value * factor), unit_base=unit)


_ISO_CODE = re.compile(r"[A-Z]{3}")


def _money_base(q: QuantityMention) -> QuantityMention:
    """Money in the currency itself: an ISO code as it is, a hundredth of one currency divided by 100
    (the currency a word before it names: "15 Canadian cents"); other units (centimes, which
    belong to several currencies) get none."""
    money = currencies()
    major = money["minor_units"].get(q.unit or "")
    if major is not None:
        written = (q.unit_text or "").lower().split()
        major = next((code for word, code in money["minor_unit_currencies"].items() if word in written), major)
        return replace(q, value_base=tidy(q.value / 100), unit_base=major)
    if q.unit and _ISO_CODE.fullmatch(q.unit):
        return replace(q, value_base=q.value, unit_base=q.unit)
    return q


def _is_ratio(num: NumberSpan) -> bool:
    """ "one in five", "two out of three": a proportion, so the noun after it is not a unit."""
    return any(a.kind == "word" and a.text.lower() in ("over", "out", "in") for a in num.atoms)


def _resolve(cands: list[tuple[QuantityMention, bool, int]]) -> list[QuantityMention]:
    """Keep non-overlapping candidates: longest first, then rule (0) before entity (1), then leftmost."""
    chosen: list[QuantityMention] = []
    taken = TakenSpans()
    for q, _strong, _src in sorted(cands, key=lambda c: (-(c[0].end - c[0].start), c[2], c[0].start)):
        if not taken.hit(q.start, q.end):
            chosen.append(q)
            taken.add(q.start, q.end)
    return sorted(chosen, key=lambda q: (q.start, q.end))


HINT_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")


def find_quantities(
    doc: Doc, *, exclude: Sequence[tuple[int, int]] = (), keep_durations: bool = False
) -> list[QuantityMention]:
    """Quantities in ``doc``; candidates overlapping an ``exclude`` span (a date) are dropped.

    Strong candidates (explicit currency, percent, unit or scale) survive an overlapping exclude
    span or DATE/TIME entity; see the module docstring for the whole overlap rule.
    ``keep_durations`` makes "three years" an amount too (unit ``year``) even where the date
    extractor claims it, for gold standards that count durations as quantities.
    """
    text = doc_text(doc)
    ctx = make_context(text, doc)
    rule = extract(text, ctx)
    scanned = numbers.scan_numbers(text)  # cached: extract() scanned the same text
    ents = doc.ents  # builds its Spans on each access
    time_ents = [(e.start_char, e.end_char) for e in ents if e.label_ in ("DATE", "TIME")]
    cands: list[tuple[QuantityMention, bool, int]] = []
    if keep_durations:
        rule = [(q, strong or q.unit in _time_units()) for q, strong in rule]
    in_time = SpanIndex(time_ents)
    for q, strong in rule:
        if not strong and q.unit in _time_units() and in_time.hit(q.start, q.end):
            continue  # "three years": a duration, the date extractor's
        cands.append((q, strong, 0))
    in_cands = SpanIndex([(q.start, q.end) for q, _, _ in cands])
    in_scanned = SpanIndex([(n.start, n.end) for n in scanned])
    for ent in ents:
        if ent.label_ not in HINT_LABELS:
            continue
        if in_cands.hit(ent.start_char, ent.end_char):
            continue
        if in_scanned.hit(ent.start_char, ent.end_char):
            continue  # the rules read a number here and kept or refused it
        for q, strong in extract(ent.text, replace(ctx, doc=None)):  # offsets are the entity's
            moved = replace(q, start=q.start + ent.start_char, end=q.end + ent.start_char)
            cands.append((moved, strong, 1))
    kept = []
    excluded = SpanIndex(exclude)
    for q, strong, src in cands:
        if not strong and excluded.hit(q.start, q.end):
            continue
        if q.value_max is not None and excluded.hit(q.start, q.start + 1):
            q = _past_the_date(q, text, exclude)
        kept.append((q, strong, src))
    return [_with_base(q) for q in table_units(text, _conversions(text, _resolve(kept)))]


_DATE_RANGE_JOIN = re.compile(r"\s*(?:to|through|and|-|–)\s*")


def _past_the_date(q: QuantityMention, text: str, dates: Sequence[tuple[int, int]]) -> QuantityMention:
    """ "fell in the period March 16 to 31 to 900 mln marks": a range whose low end is a date's day (the
    date extractor's "31") is the high end alone, from the number after the date's "to"."""
    date_end = next((e for s, e in dates if s <= q.start < e < q.end), None)
    m = _DATE_RANGE_JOIN.match(text, date_end) if date_end is not None else None
    if m is None or m.end() >= q.end or not text[m.end()].isdigit():
        return q
    return replace(q, start=m.end(), text=text[m.end() : q.end], value=q.value_max, value_max=None)


def _conversions(text: str, found: list[QuantityMention]) -> list[QuantityMention]:
    """ "97p ($1.87)", "1.55bn euros ($2bn; £1.1bn)": a bare "$" in the brackets right after an
    amount in another currency converts it for readers, in US dollars, whatever the story's country."""
    out = []
    previous: QuantityMention | None = None
    for q in found:
        if q.kind == "currency" and q.currency_assumed and q.unit != "USD" and previous is not None:
            gap = text[previous.end : q.start]
            # "3.1bn Australian dollars ($2.3bn)": after an amount that names its dollar, "$" is the US one
            other = previous.unit != q.unit or not previous.currency_assumed
            if previous.kind == "currency" and other and re.fullmatch(r"\s*[(;]\s*", gap):
                q = replace(q, unit="USD", currency_assumed=False)
        out.append(q)
        previous = q
    return out


def parse_quantity(text: str, *, context: TextContext | None = None) -> QuantityMention | None:
    """The first quantity in ``text`` ("over $1.2bn a year") without a model; None if there is none."""
    found = _resolve([(q, s, 0) for q, s in extract(text, context)])
    return _with_base(found[0]) if found else None

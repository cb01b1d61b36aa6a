"""Amounts -> value, unit, bound, change, rate; ordinals and ranks kept apart.

How a quantity is found (rules as data in ``data/quantities_cues.json``, ``data/units_*.json``):

1. ``numbers.scan_numbers`` finds every number in the text itself (digits, words, mixtures,
   "3m", "1.2bn", fractions, ratios such as "one in five"), so numbers the statistical NER
   misses are still found. Vague amounts ("hundreds of", "a few thousand") come from a cue list.
2. Each number takes a currency written before it ("$", "NT$", "RMB", "dlrs"), and after it a
   percent sign or word, a currency word or code, a physical unit (named by pint's registry)
   or, failing those, the counted noun it modifies (lemma). Two numbers joined by "-", "to" or
   "between ... and" become one range (a shared scale or unit applies to both ends). Cue words
   around the span give ``bound``, ``change`` (also from the governing verb when there is a
   parse) and ``per``. An ambiguous "$", "¥" or "francs" takes its ISO code from country cues
   in the text; ``currency_assumed`` is set only when those cues, not the text, chose it ("$"
   in a Taiwan story -> TWD), not for the plain default reading ("$" -> USD).
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
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ...records import QuantityMention, RankMention
from ..doccache import doc_text
from . import numbers
from .numbers import NumberSpan
from .schema import load as _data

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]


# -- rule tables -------------------------------------------------------------------------------


def cues() -> dict:
    return _data("quantities_cues.json")


def currencies() -> dict:
    return _data("units_currency.json")


def physical() -> dict:
    return _data("units_physical.json")


@functools.cache
def _ureg():
    import pint  # imported lazily: building the registry takes a moment

    return pint.UnitRegistry()


@functools.cache
def pint_name(expr: str) -> str:
    """pint's own name for a unit expression ("km" -> "kilometer", "mile/hour" -> "mile / hour").

    The expressions of ``units_physical.json`` are looked up in ``pint_names.json`` (pint's answers,
    checked by a test), so a run builds pint's registry (about a second) only for any other.
    """
    known = _data("pint_names.json")["names"].get(expr)
    return known if known is not None else str(_ureg().parse_units(expr))


def _alternation(words, *, boundary_left: bool) -> str:
    parts = []
    for w in sorted(words, key=len, reverse=True):
        e = re.escape(w).replace(r"\ ", r"[\s-]+")  # "basis points" also as "25-basis-point"
        if boundary_left and w[:1].isalnum():
            e = r"(?<![A-Za-z0-9])" + e
        parts.append(e)
    return "|".join(parts)


@functools.cache
def _regexes() -> dict[str, re.Pattern]:
    cur, phy, cue = currencies(), physical(), cues()
    prefix_syms = dict(cur["prefix_symbols"])
    prefix_syms.update(cur["ambiguous_symbols"])
    codes = set(cur["codes"])
    low_codes = set(cur["lowercase_codes_ok"])
    dollar_syms = [s for s in prefix_syms if "$" in s]
    other_syms = [s for s in prefix_syms if "$" not in s]
    after_words = {**cur["words"]}
    return {
        # currency before the number: "$", "US$", "c $", "NT$", "RMB", "USD" (codes in upper case)
        "prefix_dollar": re.compile(rf"(?:{_alternation(dollar_syms, boundary_left=True)})\s{{0,2}}$", re.I),
        "prefix_sym": re.compile(rf"(?:{_alternation(other_syms, boundary_left=True)})\s{{0,2}}$"),
        "prefix_code": re.compile(rf"(?:{_alternation(codes, boundary_left=True)})\s{{0,2}}$"),
        "prefix_code_low": re.compile(rf"(?:{_alternation(low_codes, boundary_left=True)})\s{{1,2}}$"),
        "prefix_word": re.compile(rf"(?:{_alternation(cur['prefix_words'], boundary_left=True)})\s{{1,2}}$", re.I),
        "suffix_sym": re.compile(rf"\s{{0,2}}(?:{_alternation(cur['suffix_symbols'], boundary_left=False)})"),
        "suffix_code": re.compile(rf"\s{{0,2}}(?:{_alternation(codes, boundary_left=False)})(?![A-Za-z])"),
        "suffix_code_low": re.compile(rf"\s{{0,2}}(?:{_alternation(low_codes, boundary_left=False)})(?![A-Za-z])"),
        "suffix_word": re.compile(
            rf"(?:\s{{0,2}}|-)(?:{_alternation(after_words, boundary_left=False)})(?![A-Za-z])", re.I
        ),
        "percent": re.compile(
            rf"(?:\s{{0,2}}|-)(?:{_alternation(cue['percent_after'], boundary_left=False)})(?![A-Za-z])", re.I
        ),
        "unit_ci": re.compile(
            rf"(?:\s{{0,2}}|-|\s?-\s?)(?:{_alternation(phy['aliases'], boundary_left=False)})(?![A-Za-z0-9])",
            re.I,
        ),
        "unit_cs": re.compile(
            rf"(?:\s{{0,1}})(?:{_alternation(phy['case_sensitive'], boundary_left=False)})(?![A-Za-z0-9])"
        ),
        "bound_before": re.compile(
            rf"(?<![A-Za-z])(?:{_alternation(cue['bound_before'], boundary_left=False)})\s*$", re.I
        ),
        "bound_after": re.compile(rf"\s*(?:{_alternation(cue['bound_after'], boundary_left=False)})(?![A-Za-z])", re.I),
        "vague": re.compile(rf"\b(?:{_alternation(cue['vague'], boundary_left=False)})\s", re.I),
        # spans that hold digits but no amount
        "zones": re.compile(
            r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?"  # 10:30, 2:00 pm
            r"|\b\d{1,2}\s?(?:[ap]\.m\.|[ap]m\b)"  # 6pm, 11 a.m.
            r"|\b\d{3,4}\s?(?:GMT|UTC|EST|EDT|CET|CEST|BST|PST|PDT|JST|IST)\b"  # 0735 GMT
            r"|\+\d{1,3}(?:[-. /]\(?\d{1,4}\)?){2,}(?![\d,])"  # +1-222-2222, +44 20 7946 0958
            r"|\(?\b\d{2,4}\)?(?:[-./]\d{2,4}){2,}(?![\d,])"  # 555-123-4567, 5/17/2018, 1.2.3
            r"|\b\d(?:[-.]\d{3,4}){3}\b"  # 1-800-275-2273
            r"|\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b"  # (555) 123-4567
            r"|\b\d+(?:\.\d+){2,}\b"  # versions, IP addresses
            r"|(?:https?://|www\.)\S+|\S+@\S+\.\w+"  # URLs and e-mail
            r"|\b\d+:\d+\b"  # ratios and scores written with a colon
            r"|\b\d+-for-\d+\b"  # stock splits: "3-for-2"
            r"|(?m:^[ \t]*\d{1,2}[.)](?=[ \t]))",  # list markers at the start of a line: "  1. Xiaomi"
            re.I,
        ),
    }


# -- document context ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Context:
    """What a quantity may borrow from its document: currency defaults and token annotations."""

    dollar: str = "USD"  # ISO code a bare "$" / "dollars" stands for here
    yen_yuan: str = "JPY"
    franc: str = "CHF"
    pound_is_currency: bool = False  # "£" seen: "pounds" are sterling here
    m_is_million: bool = False  # the text writes millions as "$3m": a bare "41m" is 41 million too
    market_points: bool = False  # the text talks about an index or shares: "points" are index points
    doc: Doc | None = None


@functools.cache
def _cue_regex(family: str) -> re.Pattern:
    words = [w for ws in cues()["currency_context"][family].values() for w in ws]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{alternation})(?![A-Za-z])")


def currency_context(text: str) -> dict[str, str]:
    """ISO code for each ambiguous symbol ("$", "¥") from country cues counted in ``text``.

    A foreign reading needs at least ``min_mentions`` cue mentions and more than the default's.
    """
    table = cues()["currency_context"]
    out = {}
    for family, options in table.items():
        if family in ("default", "min_mentions"):
            continue
        default = table["default"][family]
        counts = dict.fromkeys(options, 0)
        word_code = {w: code for code, words in options.items() for w in words}
        for m in _cue_regex(family).finditer(text):
            counts[word_code[m.group()]] += 1
        best = max(counts, key=lambda c: (counts[c], c == default))
        if best != default and counts[best] >= table["min_mentions"] and counts[best] > counts.get(default, 0):
            out[family] = best
        else:
            out[family] = default
    return out


@functools.cache
def _market_regex() -> re.Pattern:
    return re.compile(_alternation(cues()["market_words"], boundary_left=True), re.I)


# Characters a case-insensitive regex matches to an ASCII letter although str.lower() does not
# map them to it one for one ("İ" ~ i, "ı" ~ i, "ſ" ~ s, the Kelvin sign ~ k).
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _market_talk(text: str) -> bool:
    """``_market_regex().search(text)``, tried only where a market word's first letters occur."""
    rx = _market_regex()
    if any(c in text for c in _FOLDS_TO_ASCII):
        return bool(rx.search(text))
    low = text.lower()  # same length as ``text`` without those characters
    for first in _market_firsts():
        pos = low.find(first)
        while pos >= 0:
            if rx.match(text, pos):
                return True
            pos = low.find(first, pos + 1)
    return False


@functools.cache
def _market_firsts() -> tuple[str, ...]:
    return tuple({w.split()[0].lower() for w in cues()["market_words"]})


def make_context(text: str, doc: Doc | None = None) -> Context:
    cc = currency_context(text)
    return Context(
        dollar=cc["dollar"],
        yen_yuan=cc["yen_yuan"],
        franc=cc["franc"],
        pound_is_currency="£" in text,
        market_points=_market_talk(text),
        m_is_million=bool(re.search(r"[$£€¥]\s?\d[\d.,]*m\b|\d[\d.,]*(?:bn|mn)\b|\d[\d.,]*m [a-z]+s\b", text)),
        doc=doc,
    )


# -- candidates ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Piece:
    """One number with the unit written around it, before ranges and cues are read."""

    num: NumberSpan
    start: int  # includes a currency prefix
    end: int  # includes the unit
    value: float
    unit: str
    unit_text: str | None
    kind: str
    assumed: bool = False
    strong: bool = False  # explicit currency / percent / unit / scale word
    prefixed: bool = False  # unit written before the number
    age: bool = False  # "five years old", "a 12-year-old", "aged 93", "Mr Ebbers, 63,"


def _resolve_currency(code: str, ctx: Context) -> tuple[str, bool]:
    """(ISO code, assumed) for a currency as written: a family ("dollar") or already a code.

    "Assumed" means the *context* chose the currency, not the text: a bare "$" read as TWD
    because the article is about Taiwan. A bare "$" with no country cues is the text's own
    reading (USD, the family's default), so it is not assumed; neither is "NT$" or "US$".
    """
    chosen = {"dollar": ctx.dollar, "yen_yuan": ctx.yen_yuan, "franc": ctx.franc}.get(code)
    if chosen is None:
        return code, False
    return chosen, chosen != cues()["currency_context"]["default"][code]


@functools.cache
def _prefix_symbols() -> tuple[dict[str, str], dict[str, str]]:
    """Currency symbols written before a number, as written and in lower case."""
    cur = currencies()
    syms = {**cur["prefix_symbols"], **cur["ambiguous_symbols"]}
    return syms, {k.lower(): v for k, v in syms.items()}


def _prefix_currency(text: str, start: int) -> tuple[int, str, str] | None:
    """(start, ISO or family, as written) of a currency written just before ``start``."""
    left = text[max(0, start - 12) : start]
    rx = _regexes()
    cur = currencies()
    for name in ("prefix_dollar", "prefix_sym", "prefix_code", "prefix_code_low", "prefix_word"):
        m = rx[name].search(left)
        if not m:
            continue
        syms, syms_ci = _prefix_symbols()
        written = m.group().strip()
        key = re.sub(r"\s+", " ", written)
        code = syms.get(key) or syms_ci.get(key.lower()) or cur["prefix_words"].get(key.lower())
        if code is None:
            code = key.upper()
            code = cur["code_aliases"].get(code, code)
        if key in cur["attached_only"] and left.endswith(" "):
            continue  # "R 5" is too weak; "R5" is rand
        return start - (len(left) - m.start()), code, written
    return None


def _key(table: dict, written: str) -> str:
    """The table key for a unit as written: case, runs of spaces and hyphens do not matter."""
    low = re.sub(r"\s+", " ", written.lower())
    for k in (low, low.replace("-", " "), low.replace(" ", "-")):
        if k in table:
            return k
    return low


def _unit_after(text: str, pos: int, num: NumberSpan, ctx: Context) -> tuple[int, str, str | None, str, bool] | None:
    """(end, unit, unit_text, kind, assumed) for a unit written right after a number."""
    rx = _regexes()
    rest = text[pos : pos + 60]
    m = rx["percent"].match(rest)
    if m:
        written = m.group().strip(" -")
        name = cues()["percent_after"].get(_key(cues()["percent_after"], written), "percent")
        if name == "point" and not ctx.market_points:
            name = None  # "points" are index points only in market copy
        if name is not None:
            return pos + m.end(), name, written, "percent", False
    cur = currencies()
    m = rx["suffix_sym"].match(rest)
    if m:
        written = m.group().strip()
        code, assumed = _resolve_currency(cur["suffix_symbols"][written], ctx)
        return pos + m.end(), code, written, "currency", assumed
    m = re.match(r"\s{0,2}([MK])(USD|EUR|GBP|AUD|CAD)(?![A-Za-z])", rest)
    if m and m.group().strip() in cur["scaled_codes"]:
        return pos + m.end(), m.group().strip(), m.group().strip(), "currency", False
    for name in ("suffix_code", "suffix_code_low"):
        m = rx[name].match(rest)
        if m and (m.group()[:1].isspace() or name == "suffix_code" or num.has_digits):
            written = m.group().strip()
            code = cur["code_aliases"].get(written.upper(), written.upper())
            return pos + m.end(), code, written, "currency", False
    phys = _physical_after(rest, num, ctx)
    m = rx["suffix_word"].match(rest)
    if m and "\n\n" in m.group():  # a unit never follows a paragraph break ("27,595\n\nP Dowd")
        m = None
    if m and (phys is None or m.end() >= phys[0]) and _key(cur["words"], m.group().strip().strip("-")) in cur["words"]:
        written = _key(cur["words"], m.group().strip().strip("-"))
        weak = (
            (written in cur["needs_digits"] and not num.has_digits)
            or (written in cur["attached_only"] and m.group()[:1].isspace())
            or (written == "p" and not ctx.pound_is_currency and num.value in cur["video_lines"])  # "1080p"
        )
        if not weak and written not in physical()["ambiguous_with_currency"]:
            code, assumed = _resolve_currency(cur["words"][written], ctx)
            return pos + m.end(), code, m.group().strip(" -"), "currency", assumed
    if phys is not None:
        end, expr, written = phys
        if written.lower() in physical()["ambiguous_with_currency"] and (
            ctx.pound_is_currency or num.scale is not None or re.match(r"\s*sterling", rest[end:], re.I)
        ):
            return pos + end, "GBP", written, "currency", False
        return pos + end, pint_name(expr), written, "dimension", False
    return None


def _physical_after(rest: str, num: NumberSpan, ctx: Context) -> tuple[int, str, str] | None:
    """(end, pint expression, as written) of a physical unit at the start of ``rest``."""
    bracket = re.match(r"\s{0,2}(?:\(([^()]{1,12})\)|\[([^\[\]]{1,12})\]|\{([^{}]{1,12})\}|<([^<>]{1,12})>)", rest)
    if bracket:  # "20 (kg)", "20 [kg]": a unit in matching brackets
        unit = next(g for g in bracket.groups() if g is not None)
        inner = _physical_after(unit, num, ctx)
        if inner is not None and inner[0] == len(unit):
            return bracket.end(), inner[1], inner[2]
    rx = _regexes()
    phy = physical()
    best = None
    m = rx["unit_cs"].match(rest)
    if m:
        written = m.group().strip()
        single = len(written) == 1
        if num.has_digits and not (single and m.group()[:1].isspace() and written != "m"):
            best = (m.end(), phy["case_sensitive"][written], written)
    m = rx["unit_ci"].match(rest)
    if m and (best is None or m.end() > best[0]):
        written = m.group().strip(" -")
        key = _key(phy["aliases"], written)
        if key in phy["needs_digits"] and not num.has_digits:
            return best
        best = (m.end(), phy["aliases"][key], written)
    return best


def _pieces(text: str, spans: Sequence[NumberSpan], ctx: Context) -> list[_Piece]:
    out: list[_Piece] = []
    for num in spans:
        start, end, value = num.start, num.end, num.value
        unit, unit_text, kind, assumed, prefixed = "dimensionless", None, "number", False, False
        pre = _prefix_currency(text, num.start)
        if pre is not None and out and pre[0] < out[-1].end:
            pre = None  # "10 $ 30 $", "10 rmb 20 usd": the symbol belongs to the number before
        if pre is not None:
            start, code, unit_text = pre
            unit, assumed = _resolve_currency(code, ctx)
            kind, prefixed = "currency", True
            # "$3m", "£1.2m": after a currency a bare m is million, not metre
            mm = re.match(r"(m|mn|mln|bn|b|k|tn)(?![A-Za-z])", text[end : end + 4])
            if mm and num.scale is None:
                value *= numbers.lexicon()["scale_suffixes"].get(mm.group(1), 1e6)
                end += mm.end()
        after = _unit_after(text, end, num, ctx)
        art = re.match(r"\s+(?:of\s+)?an?(?=\s)", text[end : end + 8])
        if after is None and art and num.atoms[-1].text.lower() in numbers.lexicon()["fractions"]:
            after = _unit_after(text, end + art.end(), num, ctx)  # "half a percentage point"
        if (
            after is not None
            and after[2] == "m"
            and text[end : end + 1] == "m"
            and (
                _plural_noun_after(text, end + 1, ctx)
                or _counted_noun(text, end + 1, ctx) is not None  # "1.4m cash machines"
                or ctx.m_is_million
                and not re.match(r"m\s+[a-z]", text[end:])
            )
        ):
            value *= 1e6  # "1.2m workers": million; "1.8m tall", "a 100m sprint": metre
            end += 1
            after = _unit_after(text, end, num, ctx) if re.match(r"\s", text[end : end + 1]) else None
        if after is not None:
            a_end, a_unit, a_text, a_kind, a_assumed = after
            if a_unit in currencies()["scaled_codes"]:  # "30 MUSD" = 30 million USD
                a_unit, factor = currencies()["scaled_codes"][a_unit]
                value *= factor
            if not prefixed:
                end, unit, unit_text, kind, assumed = a_end, a_unit, a_text, a_kind, a_assumed
            elif (
                a_kind == "currency"
                and (a_unit == unit or _key(currencies()["words"], a_text) in currencies()["ambiguous_words"])
                and text[a_end - 1].isalpha()
            ):
                end = a_end  # "$ 10 dollars", "US$ 5 dollars"
        if kind == "currency" and not prefixed and num.scale is None:
            sm = re.match(r"\s+(thousand|million|billion|trillion|mn|bn)\b", text[end : end + 12], re.I)
            if sm:  # "75 USD million"
                value *= (
                    numbers.lexicon()["scales"].get(sm.group(1).lower())
                    or numbers.lexicon()["scale_suffixes"][sm.group(1).lower()]
                )
                end += sm.end()
        if kind in ("currency", "dimension"):
            end, value = _compound(text, end, value, unit, kind)
        strong = kind != "number" or num.scale is not None or num.has_words and num.value >= 1000
        if num.atoms[-1].kind == "word" and num.atoms[-1].text.lower() in numbers.lexicon()["fractions"]:
            # "a quarter of", "cut by a quarter": a share, not the date extractor's three months
            before = text[max(0, start - 10) : start]
            share = re.match(r"\s+of\b", text[end : end + 5]) or re.search(r"\bby\s+$", before)
            strong = strong or bool(share)
        is_age = False
        if kind == "number" and (
            re.search(r"\b(?:aged|age of|age)\s+$", text[max(0, start - 12) : start], re.I) or _apposed_age(text, num)
        ):
            unit, kind, strong, is_age = "year", "dimension", True, True  # "died aged 93", "Mr Ebbers, 63, said"
        elif kind == "dimension" and unit in _time_units():
            age = re.match(r"(?:\s+|-)(old|of\s+age)\b", text[end : end + 12], re.I)
            # "five years old" is an age, an amount; "five years" a duration; "9.58 seconds" (a
            # fraction of a second or minute) is a timing, a measurement
            timing = unit in ("second", "millisecond") or unit == "minute" and not float(value).is_integer()
            strong = age is not None or (timing and "." in num.text)
            if age:
                end += age.end()
                is_age = True
        out.append(_Piece(num, start, end, value, unit, unit_text, kind, assumed, strong, prefixed, is_age))
    return out


def _apposed_age(text: str, num: NumberSpan) -> bool:
    """ "Mr Ebbers, 63, has", "Warren Leblanc, 17 - who": a bare number set off after a name."""
    return (
        num.plain_integer
        and 10 <= num.value <= 110
        and bool(re.search(r"\b[A-Z][a-z]+, $", text[max(0, num.start - 30) : num.start]))
        and bool(re.match(r"(?:,|\s[-\u2013]\s|\))", text[num.end : num.end + 3]))
    )


def _plural_noun_after(text: str, pos: int, ctx: Context) -> bool:
    m = re.match(r" ([A-Za-z]+)", text[pos : pos + 30])
    if not m:
        return False
    if ctx.doc is not None:
        tok = _token_at(ctx.doc, pos + 1)
        return tok is not None and tok.tag_ in ("NNS", "NNPS")
    return m.group(1).endswith("s") and m.group(1).islower()


def _compound(text: str, end: int, value: float, unit: str, kind: str) -> tuple[int, float]:
    """ "5 feet 2 inches", "3 dollars 50 cents": a smaller unit right after adds to the amount."""
    for big, _small, factor, small_words in physical()["compounds"]:
        if unit != big and not (kind == "currency" and big == "currency"):
            continue
        m = re.match(
            rf"(?:\s*,)?\s+(?:and\s+)?(\d+(?:\.\d+)?|[a-z]+(?:[\s-][a-z]+)?)(?:\s*({small_words}))?(?=\W|$)",
            text[end : end + 40],
            re.I,
        )
        if not m:
            continue
        n = numbers.parse_number(m.group(1))
        if n is None or n >= factor or n < 0:
            continue
        if m.group(2) is None and not (big == "currency" and re.match(r"\s*[.,;!?]|\s*$", text[end + m.end() :])):
            continue
        if big == "currency" and unit not in currencies()["major_with_cents"]:
            continue
        return end + m.end(), value + n / factor
    return end, value


@functools.cache
def _time_units() -> frozenset[str]:
    return frozenset(pint_name(u) for u in physical()["time_units"])


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z][A-Za-z.']*)\W{0,2}$", text[max(0, pos - 30) : pos])
    return m.group(1).lower() if m else ""


def _rejected(text: str, p: _Piece, zones: list[tuple[int, int]], ctx: Context) -> bool:
    """Numbers that are not amounts: IDs, model names, labels, years, scores, ordinals."""
    num = p.num
    s, e = num.start, num.end
    if any(a < e and s < b for a, b in zones):
        return True
    before = text[max(0, s - 2) : s]
    after = text[e : e + 2]
    # letters glued to the number: IDs, model names, ordinals, decades ("A380", "5G", "4th", "1990s")
    if before[-1:].isalpha() and p.start == s:
        return True
    if before[-1:] in ("-", "\u2013") and before[:1].isalpha() and p.start == s:
        return True  # SCP-173, COVID-19, F-150
    if after[:1].isalpha() and p.end == e and num.has_digits and num.atoms[-1].kind != "word":
        return True
    if re.match(r"\d", after[:1]) or (after[:1] in ".," and after[1:2].isdigit()):
        return True
    if p.end == e and re.match(r"-[A-Za-z]+\d", text[e : e + 6]):
        return True  # 123-ABC4: a code
    words = num.text.lower()
    if p.kind in ("number", "count") or p.unit in _time_units():
        wb = _word_before(text, p.start)
        if _label_before(text, p):
            return True
        if text[max(0, p.start - 2) : p.start].strip() == "#":
            return True
        if wb in MONTHS and num.plain_integer and num.value <= 31:
            return True  # "May 4": a date part
        lo, hi = cues()["year_range"]
        year_like = num.plain_integer and len(num.text) == 4 and lo <= num.value <= hi
        if year_like and not _regexes()["bound_before"].search(text[max(0, p.start - 25) : p.start]):
            return True  # a year ("more than 2000 people" keeps its bound, and its number)
        if num.plain_integer and _model_name_before(text, p.start, ctx):
            return True
        if words in ("one",) and _pronoun_one(text, p, ctx):
            return True
        idiom = re.match(r"-([a-z]+(?:-[a-z]+)*)", text[e : e + 20])
        if num.has_words and idiom and idiom.group(1) in cues()["hyphen_idioms"]:
            return True  # "one-time", "two-way", "four-star": adjectives, not amounts
        if idiom and idiom.group(1) in cues()["name_suffixes"]:
            return True  # "486-based machines": a model name
        if num.plain_integer and _street_address_after(text, e):
            return True  # "469 Vermont St."
        if num.plain_integer and num.value >= 100 and _singular_noun_after(text, e, ctx):
            return True  # "the 486 chip", "a 747 jet": a model number, not 486 chips
        if num.plain_integer and _after_the(text, p.start, ctx) and _name_like_number(text, p, ctx):
            return True  # "the 486 is Intel's flagship", "the new 777 in Seattle": a model used as a name
        if _name_word_number(text, p, ctx):
            return True  # "Radio Five Live", "the Six Nations": a capitalised number word in a name
        if num.plain_integer and p.end == e and text[e : e + 1] == ")" and text[:s].count("(") <= text[:s].count(")"):
            return True  # "1) If ...": a list marker, not an amount
        if num.plain_integer and len(num.text) >= 3 and num.text.startswith("0"):
            return True  # "050505", "0800": a code, not an amount
        if num.plain_integer and re.search(r"(?:^|\s)0\d{2,}(?: \d{2,})* $", text[max(0, s - 30) : s]):
            return True  # "0800 028 9276": the later groups of a phone number
        if wb in cues()["possessives"] and p.end == e and _counted_noun(text, p.end, ctx) is None:
            return True  # "got into their 22": a named area or shirt number, nothing counted
        if wb in ("a", "an") and p.end == e and _singular_noun_after(text, e, ctx):
            return True  # "a 6 figure salary", "an 18 certificate": the number describes the noun
        if not num.plain_integer and re.fullmatch(r"\d{1,2}\.\d", num.text) and _model_name_before(text, s, ctx):
            return True  # "Opera 8.0", "Windows 3.1": a version
        if num.plain_integer and p.end == e and re.match(r"['\u2019]s\b", text[e : e + 3]):
            return True  # "the 7610's functions", "2004's total": a name or a year owns something
        if num.has_words and not num.has_digits and re.match(r"-[a-z]+ed\b", text[e : e + 20]):
            return True  # "three-cornered", "two-pronged": an adjective, not an amount
        if text[max(0, s - 2) : s] == "&#":
            return True  # "&#227;": an HTML character reference
        two_digits = num.plain_integer and len(num.text) == 2
        if (
            num.plain_integer
            and len(num.text) <= 2
            and re.search(r"\b(?:1[89]|20)\d\d[-/\u2013]$", text[max(0, s - 5) : s])
        ):
            return True  # "2003-04": the second year of a span
        if two_digits and re.search(r"(?:^|\s)['\u2019]$", text[max(0, s - 2) : s]):
            return True  # "class of '83": a year
        if wb == "last" and p.kind == "number" and _counted_noun(text, p.end, ctx) is None:
            return True  # "in the last four": a stage of a contest, not an amount
        if num.plain_integer and num.value <= 31 and _date_range_after(text, e):
            return True  # "from 6 to 9 January": the first day of a date range
        if words == "one" and _one_idiom(text, p, ctx):
            return True  # "one thing ... another", "One is a Jamaican": a pronoun or an idiom
        last = num.atoms[-1].text.lower()
        if last in ("half", "halves", "quarter", "quarters") and wb in cues()["fraction_not_after"]:
            return True  # "the first half of 2012", "the first two quarters": periods
        if re.fullmatch(r"(a|an|one)[\s-]+(third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|quarter)", words):
            nxt = re.match(r"\s+([A-Za-z]+)", text[e : e + 20])
            if nxt and nxt.group(1).lower() not in cues()["after_fraction_ok"]:
                return True  # "a third straight quarter", "a quarter century": an ordinal or a period
    return False


def _singular_noun_after(text: str, end: int, ctx: Context) -> bool:
    if ctx.doc is None or not re.match(r" [a-z]", text[end : end + 2]):
        return False
    tok = _token_at(ctx.doc, end + 1)
    return tok is not None and tok.tag_ == "NN" and tok.idx == end + 1


def _name_like_number(text: str, p: _Piece, ctx: Context) -> bool:
    """A bare number after "the" followed by a verb or the end of a clause, with nothing counted."""
    if ctx.doc is None or p.num.value < 100:
        return False
    span = ctx.doc.char_span(p.num.start, p.num.end, alignment_mode="expand")
    if span is None or span.end >= len(ctx.doc):
        return False
    nxt = ctx.doc[span.end]
    return (
        nxt.pos_ in ("VERB", "AUX")
        or (nxt.is_punct and nxt.text in ".;")
        or (nxt.pos_ == "ADP" and nxt.lower_ not in ("of", "than"))
    )


def _after_the(text: str, pos: int, ctx: Context) -> bool:
    """ "the 486", "the new 777": the definite article, perhaps with one adjective, names the number."""
    if _word_before(text, pos) == "the":
        return True
    if ctx.doc is None:
        return False
    tok = _token_at(ctx.doc, pos)
    return (
        tok is not None
        and tok.i >= 2
        and ctx.doc[tok.i - 1].pos_ == "ADJ"
        and ctx.doc[tok.i - 2].lower_ == "the"
        and ctx.doc[tok.i - 1].lower_ not in cues()["bound_before"]
    )


def _sentence_start(text: str, pos: int, ctx: Context) -> bool:
    left = text[:pos].rstrip(" \u00a0\"'\u201c\u2018(")
    if not left or left[-1] in ".!?:;\n":
        return True
    tok = _token_at(ctx.doc, pos) if ctx.doc is not None else None
    return tok is not None and tok.is_sent_start


def _name_word_number(text: str, p: _Piece, ctx: Context) -> bool:
    """A capitalised number word mid-sentence (BBC headlines are in sentence case) is part of a name."""
    num = p.num
    if num.has_digits or not num.text[:1].isupper() or p.start != num.start or p.end != num.end:
        return False
    # mid-sentence, only a name capitalises a number word ("Sport on Five", "Radio Five Live")
    return not _sentence_start(text, num.start, ctx)


def _date_range_after(text: str, end: int) -> bool:
    months = "|".join(MONTHS)
    rx = rf"\s*(?:-|\u2013|to|and|or|until|till|through)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{months})\b"
    return bool(re.match(rx, text[end : end + 30], re.I))


def _one_idiom(text: str, p: _Piece, ctx: Context) -> bool:
    """ "one thing", "one way" (nouns that are not counted), or "one" as the subject of a verb."""
    nxt = re.match(r"\s+([A-Za-z]+)", text[p.end : p.end + 20])
    if nxt and nxt.group(1).lower() in cues()["not_counted"]:
        return True
    clause = re.match(r"[^.;!?]*", text[p.end : p.end + 200]).group()
    if re.search(r"\b(?:another|the other|the next)\b", clause, re.I):
        return True  # "one after another", "rain one moment and sunshine the next": a contrast
    if ctx.doc is None:
        return False
    tok = _token_at(ctx.doc, p.num.start)
    if tok is None:
        return False
    nxt_tok = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
    prev = ctx.doc[tok.i - 1] if tok.i > 0 else None
    if (
        p.end == p.num.end
        and prev is not None
        and prev.tag_ in ("VB", "VBP", "VBZ", "VBD", "VBG", "VBN")
        and (nxt_tok is None or nxt_tok.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"))
    ):
        return True  # "you need an iPod to create one or ...": the object pronoun
    return nxt_tok is not None and nxt_tok.tag_ in ("VBZ", "VBD", "MD") and nxt_tok.lower_ not in ("'s",)


def _label_before(text: str, p: _Piece) -> bool:
    """ "page 3", "junctions 10 and 11": a label word names the number (and the list after it)."""
    if p.num.scale is not None or re.search(r"[,;:)]\s*$", text[max(0, p.start - 3) : p.start]):
        return False  # "that year, 4.1 million robots": a comma or a scale word ends the label
    wb = _word_before(text, p.start)
    return wb in cues()["label_words"] or wb.rstrip(".") in cues()["label_words"]


def _street_address_after(text: str, end: int) -> bool:
    suffixes = "|".join(re.escape(x) for x in cues()["street_suffixes"])
    return bool(re.match(rf" (?:[A-Z][a-z]+ ){{1,3}}(?:{suffixes})(?![A-Za-z])", text[end : end + 50]))


def _model_name_before(text: str, pos: int, ctx: Context) -> bool:
    """ "iPhone 5", "Mi 2", "Windows 10": a capitalised name right before a bare number."""
    m = re.search(r"([A-Za-z][A-Za-z0-9]*)[ \u00a0]$", text[max(0, pos - 25) : pos])
    if not m:
        return False
    w = m.group(1)
    if (
        w.lower() in MONTHS
        or w.lower() in cues()["bound_before"]
        or w.isupper()
        and len(w) <= 4
        and w in (currencies()["codes"])
    ):
        return False
    if not (w[0].isupper() or any(c.isupper() for c in w[1:])):
        return False
    wstart = pos - len(m.group())
    if ctx.doc is not None:
        tok = _token_at(ctx.doc, wstart)
        return not (tok is not None and (tok.is_sent_start or tok.pos_ not in ("PROPN", "NOUN", "X")))
    line_start = text.rfind(".", 0, wstart)
    return text[line_start + 1 : wstart].strip() != ""


def _pronoun_one(text: str, p: _Piece, ctx: Context) -> bool:
    wb = _word_before(text, p.start)
    if wb in cues()["not_one_before"]:
        return True
    if re.match(r"\s+(of|another|by)\b", text[p.end : p.end + 10], re.I):
        return True
    if ctx.doc is not None:
        tok = _token_at(ctx.doc, p.num.start)
        if tok is not None and tok.pos_ not in ("NUM",):
            return True
        if tok is not None and tok.i > 0 and ctx.doc[tok.i - 1].pos_ in ("ADJ", "DET"):
            return True  # "the black one"
    return False


def _token_at(doc: Doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_one(text: str, pos: int) -> bool:
    m = re.search(r"(\S+)\s*$", text[max(0, pos - 30) : pos])
    return bool(m) and numbers.parse_number(m.group(1)) == 1


def _counted_noun(text: str, pos: int, ctx: Context) -> tuple[str, int, str] | None:
    """Lemma of the noun a bare number counts ("14 people" -> people) and where it ends."""
    doc = ctx.doc
    if doc is None:
        return None
    m = re.match(r"[\s-]{0,2}", text[pos:])
    start = pos + m.end()
    if start >= len(text) or not (text[start].isalpha() or re.match(r"\d[A-Za-z]+\b", text[start : start + 8])):
        return None  # a word, or a glued code that modifies the noun ("five 2D side-scrolling levels")
    tok = _token_at(doc, start)
    if tok is None or tok.idx != start:
        return None
    best = None
    i = tok.i
    while i < len(doc) and i < tok.i + 6:
        t = doc[i]
        if ((t.pos_ == "NOUN" or t.tag_ == "NNPS") and t.is_alpha) or _acronym_plural(t):
            best = t  # "14 people", "12 Americans", "14 Liberal MPs", "40 A300s"
        elif (
            (t.pos_ in ("ADJ", "PROPN", "VERB") and t.tag_ in ("JJ", "NNP", "NNPS", "VBN", "VBG", "JJR", "JJS"))
            or (t.pos_ == "ADV" and t.tag_ == "RB" and t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("ADJ", "VERB"))
            or (t.pos_ == "NUM" and t.i > tok.i and doc[t.i - 1].pos_ == "PROPN")  # "PlayStation 5 consoles"
            or (  # "three top-class players": a hyphen inside a compound modifier
                t.tag_ == "HYPH"
                and t.i > tok.i
                and t.idx == doc[t.i - 1].idx + len(doc[t.i - 1].text)
                and t.i + 1 < len(doc)
                and doc[t.i + 1].idx == t.idx + 1
                and doc[t.i + 1].is_alpha
            )
            or (  # "240 civil and military aerospace firms"
                t.pos_ == "CCONJ"
                and t.i > tok.i
                and doc[t.i - 1].tag_ in ("JJ", "NN")  # "council and housing association tenants"
                and t.i + 1 < len(doc)
                and doc[t.i + 1].pos_ in ("ADJ", "NOUN", "PROPN")
            )
        ):
            if best is not None and _common_plural(best):
                break
        else:
            break
        i += 1
        # a singular noun ("monetizable daily active users") or a proper plural ("Dataproducts common
        # shares") may only modify the noun that is counted
        nxt = doc[i] if i < len(doc) else None
        if best is not None and _common_plural(best) and (nxt is None or nxt.pos_ != "NOUN"):
            break
        if best is not None and best.tag_ == "NNPS" and (nxt is None or nxt.pos_ not in ("NOUN", "ADJ", "PROPN")):
            break
    if best is None:
        return None
    lemma = best.text[:-1].lower() if _acronym_plural(best) else best.lemma_.lower()
    if best.tag_ == "NNPS" and lemma == best.lower_ and lemma.endswith("s"):
        lemma = lemma[:-1]  # the lemmatizer leaves proper plurals alone: "Americans" -> "american"
    if lemma in cues()["not_counted"]:
        return None
    if (
        not (_common_plural(best) or best.tag_ == "NNPS")
        and lemma not in cues()["collective_nouns"]
        and not _is_one(text, pos)
    ):
        return None  # "a magnitude 6.1 earthquake": a singular noun is described, not counted
    if lemma in cues()["rate_nouns"] and lemma in ("year", "month", "week", "day", "hour", "minute", "second"):
        return None
    return lemma, best.idx + len(best.text), best.text


def _acronym_plural(t) -> bool:
    """ "MPs", "PCs", "A300s": the small tagger often calls an acronym's plural a singular noun."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9-]*[A-Z0-9]s", t.text))


def _common_plural(t) -> bool:
    return t.tag_ == "NNS" or _acronym_plural(t)


def _is_ratio(num: NumberSpan) -> bool:
    """ "one in five", "two out of three": a proportion, so the noun after it is not a unit."""
    return any(a.kind == "word" and a.text.lower() in ("over", "out", "in") for a in num.atoms)


def _bound(text: str, start: int, end: int) -> tuple[str, int, int]:
    """(bound, start, end) with the cue's extent; "=" when there is none."""
    rx = _regexes()
    left = text[max(0, start - 25) : start]
    m = rx["bound_before"].search(left)
    if m:
        cue = re.sub(r"[\s-]+", " ", m.group().strip().lower())
        return cues()["bound_before"][cue], start - (len(left) - m.start()), end
    m = rx["bound_after"].match(text[end : end + 15])
    if m:
        cue = re.sub(r"[\s-]+", " ", m.group().strip().lower())
        if cue == "+" and m.start() != 0:
            return "=", start, end
        return cues()["bound_after"][cue], start, end + m.end()
    return "=", start, end


def _change(text: str, start: int, end: int, kind: str) -> str | None:
    """up/down from a verb just before ("rose 20%", "fell by about 3m") or a noun just after."""
    c = cues()
    words = re.findall(r"[A-Za-z]+", text[max(0, start - 60) : start])
    for w in reversed(words[-5:]):
        lw = w.lower()
        if lw in c["change_before"]:
            return c["change_before"][lw]
        if kind != "currency" and lw in c["change_before_not_money"]:
            return c["change_before_not_money"][lw]  # "lost 5%" is a change, "lost $5m" a loss
        if lw not in c["change_skip"]:
            break
    m = re.match(r"\s*([A-Za-z]+)", text[end : end + 20])
    if m and m.group(1).lower() in c["change_after"]:
        return c["change_after"][m.group(1).lower()]
    return None


def _change_from_parse(doc: Doc | None, start: int, end: int, kind: str) -> str | None:
    """The verb governing the amount directly or through "by": "cut its rate by 0.25 points"."""
    if doc is None or not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    c = cues()
    for _ in range(3):
        head = tok.head
        if head is tok:
            return None
        if tok.dep_ == "pobj" and head.lower_ != "by":
            return None  # "rose to 10%", "from $3": levels, not changes
        if tok.dep_ not in ("dobj", "npadvmod", "advmod", "pobj", "prep", "nummod", "quantmod", "compound"):
            return None  # "2,000 protesters rallied": the subject is not the change
        if head.pos_ in ("VERB", "AUX"):
            lemma = head.lower_
            table = {**c["change_before"], **(c["change_before_not_money"] if kind != "currency" else {})}
            return table.get(lemma)
        tok = head
    return None


def _per(text: str, end: int) -> str | None:
    c = cues()
    rest = text[end : end + 40]
    m = re.match(r"\s*(?:-|\s)?(an|a|per|each|every|/)(?![A-Za-z])[\s-]*([A-Za-z]+)(?:\s+([A-Za-z]+))?", rest, re.I)
    if m:
        noun = m.group(2).lower()
        nxt = (m.group(3) or "").lower()
        base = noun[:-1] if noun.endswith("s") and noun[:-1] in c["rate_nouns"] else noun
        if base in c["rate_nouns"] and nxt not in c["rate_not_before"]:
            return c["rate_nouns"][base]
        if m.group(1).lower() == "per" and base.isalpha() and base not in ("cent",):
            return base
    m = re.match(r"\s*(annually|yearly|per annum|monthly|weekly|daily|hourly|nightly)\b", rest, re.I)
    if m:
        return c["rate_words"][m.group(1).lower()]
    return None


def _verb_before(text: str, pos: int, ctx: Context) -> bool:
    if ctx.doc is None:
        return False
    span = ctx.doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span is not None and span.start > 0 and ctx.doc[span.start - 1].pos_ == "VERB"


def _ranges(text: str, pieces: list[_Piece], ctx: Context) -> list[tuple[_Piece, _Piece | None]]:
    """Pair numbers joined as ranges: "3-5%", "3 to 5 million", "between $3 and $5"."""
    out: list[tuple[_Piece, _Piece | None]] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        q = pieces[i + 1] if i + 1 < len(pieces) else None
        if q is not None:
            gap = text[p.num.end : q.start]
            head = text[max(0, p.start - 12) : p.start].lower()
            m = re.fullmatch(r"\s*(-|\u2013|\u2014|to|and)\s*", gap, re.I) if p.end == p.num.end else None
            if m is None and p.kind == q.kind and p.kind in ("percent", "currency", "dimension"):
                m = re.fullmatch(r"\s*(-|\u2013|\u2014|to|and)\s*", text[p.end : q.start], re.I)
            if m:
                joiner = m.group(1).lower()
                bare_to_unit = (
                    p.end == p.num.end
                    and p.kind == "number"
                    and (q.kind != "number" or _counted_noun(text, q.end, ctx) is not None)
                )
                ok = (
                    (joiner != "and" or re.search(r"between\s*$", head))
                    and not (joiner == "to" and re.search(r"from\s*$", head) and not _range_from(text, p.start))
                    # "rose 3% to 5%" is a change then a level; "cut 2,000 to 3,000 jobs" is a range
                    and not (joiner == "to" and not bare_to_unit and _change(text, p.start, p.start, p.kind))
                    and not (joiner == "to" and p.end != p.num.end and (p.kind, p.unit) != (q.kind, q.unit))
                    and (p.kind == "number" or p.unit == q.unit)
                    and not (p.kind == "number" and q.prefixed)
                )
                if ok:
                    lo = p.value
                    s = q.num.scale
                    if p.num.scale is None and s and lo * s <= q.value and (p.kind == "number" or p.prefixed):
                        lo *= s  # "3 to 5 million", "$3-5bn": the scale is shared
                    if joiner == "to" and lo > 0 and q.value / lo > 3 and _verb_before(text, p.start, ctx):
                        ok = False  # "rocketed 9 1/2 to 39", "skidded 1.74 to 123.5": a change, then a level
                    if ok and lo < q.value:
                        out.append((replace(p, value=lo), q))
                        i += 2
                        continue
        out.append((p, None))
        i += 1
    return out


def _share_units(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """ "times of 6.61 and 6.62 seconds", "5, 6 or 7 percent": a bare number in a list takes the
    unit written after the list's last number (right to left, so a whole list shares it)."""
    out = list(pieces)
    for i in range(len(out) - 2, -1, -1):
        p, q = out[i], out[i + 1]
        if (
            p.kind == "number"
            and p.end == p.num.end
            and p.num.scale is None
            and q.kind in ("dimension", "percent", "currency")
            and not q.prefixed
            and re.fullmatch(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*", text[p.end : q.start])
        ):
            out[i] = replace(p, unit=q.unit, unit_text=q.unit_text, kind=q.kind, assumed=q.assumed, strong=q.strong)
    return out


def _range_from(text: str, pos: int) -> bool:
    """ "range from two to four megapixels": "from ... to" is a range only after a range word.

    Elsewhere ("rose from $10 to $12", "moved from number eight to number one") it is a change.
    """
    m = re.search(r"([A-Za-z]+)\s+from\s*$", text[max(0, pos - 30) : pos])
    return bool(m) and m.group(1).lower() in cues()["range_from_before"]


def _bare_scale(text: str, ctx: Context) -> list[tuple[QuantityMention, bool]]:
    """ "its first million customers", "another billion dollars": a scale word alone counts one of it."""
    words = "|".join(cues()["bare_scale_after"])
    out = []
    for m in re.finditer(
        rf"\b(?:{words})\s+(thousand|million|billion)\b(?!\s+of\b|s|-)", text, re.I
    ):  # not "billion-dollar"
        start = m.start(1)
        timed = re.match(r"\s*([a-z]+)", text[m.end() :])
        if timed and timed.group(1) in physical()["time_plurals"]:
            continue  # "the next thousand years": a duration
        value = float(numbers.lexicon()["scales"][m.group(1).lower()])
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


def _vague(text: str, ctx: Context) -> list[tuple[QuantityMention, bool]]:
    out = []
    for m in _regexes()["vague"].finditer(text):
        phrase = re.sub(r"\s+", " ", m.group().strip().lower())
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


def extract(text: str, ctx: Context | None = None) -> list[tuple[QuantityMention, bool]]:
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
    out = []
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
            noun = _counted_noun(text, end, ctx)
            if noun is not None:
                unit, kind, unit_text, per_from = noun[0], "count", noun[2], noun[1]
        bound, b_start, b_end = _bound(text, start, end)
        change = _change(text, b_start, end, kind) or _change_from_parse(ctx.doc, p.num.start, end, kind)
        per = _per(text, max(b_end, per_from))
        mention = QuantityMention(
            start=start,
            end=end,
            text=text[start:end],
            value=_tidy(p.value),
            value_max=_tidy(q.value) if q is not None else None,
            unit=unit,
            unit_text=unit_text,
            bound=bound,
            change=change,
            per=per,
            kind=kind,
            currency_assumed=assumed,
        )
        out.append((mention, p.strong or (q is not None and q.strong)))
    out += _vague(text, ctx)
    out += _bare_scale(text, ctx)
    return out


_ZONE_START = re.compile(r"(?m:^)|(?<!\w)(?=\d)|(?=[(+])")


def _zones(text: str) -> list[tuple[int, int]]:
    """Spans of the "zones" regex (as ``finditer`` finds them), tried only where a zone may start.

    Apart from URLs and e-mail addresses, every zone starts at a digit after a non-word
    character, at "(" or "+", or at the start of a line; a text with no "@", "http" or "www."
    has no URL or address, so only those places are tried.
    """
    rx = _regexes()["zones"]
    low = text.lower()
    if "@" in text or "http" in low or "www." in low:
        return [(m.start(), m.end()) for m in rx.finditer(text)]
    out = []
    end = 0
    for c in _ZONE_START.finditer(text):
        pos = c.start()
        if pos < end:
            continue
        m = rx.match(text, pos)
        if m is not None:
            end = m.end()
            out.append((pos, end))
    return out


def _tidy(value: float) -> float:
    """ "4.1 million" is 4100000.0, not the float product 4099999.9999999995 (12 significant digits)."""
    return float(f"{value:.12g}")


def _score_zones(text: str) -> list[tuple[int, int]]:
    """ "won 3-1", "a 2-0 victory": small number pairs in a sentence that talks about a match."""
    out = []
    ctx_words = set(cues()["score_context"])
    rx = r"(?<![\d.,$£€])(\d{1,3})\s?[-\u2013](\d{1,3})(?![\d%A-Za-z]|[.,]\d|\s?(?:%|per\b|percent))"
    pairs = list(re.finditer(rx, text))
    for i, m in enumerate(pairs):
        a, b = int(m.group(1)), int(m.group(2))
        window = re.findall(r"[a-z-]+", text[max(0, m.start() - 80) : m.end() + 40].lower())
        if a < b:
            # "3-5" reads as a range; a score or a vote puts the larger side first, except in a
            # run of set scores in match copy ("lost 1-6, 4-6", "won 3-6 6-2")
            run = any(
                0 <= j < len(pairs)
                and re.fullmatch(r"[\s,()]{0,3}", text[min(m.end(), pairs[j].end()) : max(m.start(), pairs[j].start())])
                for j in (i - 1, i + 1)
            )
            if run and ctx_words.intersection(window):
                out.append((m.start(), m.end()))
            continue
        out.append((m.start(), m.end()))
    return out


def _resolve(cands: list[tuple[QuantityMention, bool, int]]) -> list[QuantityMention]:
    """Keep non-overlapping candidates: longest first, then rule (0) before entity (1), then leftmost."""
    chosen: list[QuantityMention] = []
    for q, _strong, _src in sorted(cands, key=lambda c: (-(c[0].end - c[0].start), c[2], c[0].start)):
        if all(q.end <= k.start or k.end <= q.start for k in chosen):
            chosen.append(q)
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
    for q, strong in rule:
        if not strong and q.unit in _time_units() and any(q.start < b and a < q.end for a, b in time_ents):
            continue  # "three years": a duration, the date extractor's
        cands.append((q, strong, 0))
    for ent in ents:
        if ent.label_ not in HINT_LABELS:
            continue
        if any(q.start < ent.end_char and ent.start_char < q.end for q, _, _ in cands):
            continue
        if any(n.start < ent.end_char and ent.start_char < n.end for n in scanned):
            continue  # the rules read a number here and kept or refused it
        for q, strong in extract(ent.text, replace(ctx, doc=None)):  # offsets are the entity's
            moved = replace(q, start=q.start + ent.start_char, end=q.end + ent.start_char)
            cands.append((moved, strong, 1))
    kept = []
    for q, strong, src in cands:
        if not strong and any(q.start < b and a < q.end for a, b in exclude):
            continue
        kept.append((q, strong, src))
    return _resolve(kept)


def parse_quantity(text: str, *, context: Context | None = None) -> QuantityMention | None:
    """The first quantity in ``text`` ("over $1.2bn a year") without a model; None if there is none."""
    found = _resolve([(q, s, 0) for q, s in extract(text, context)])
    return found[0] if found else None


# -- ranks ------------------------------------------------------------------------------------


@functools.cache
def _rank_regexes() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    """The rank grammar, the date words that may not follow a rank, and the words a rank may start with."""
    lex = numbers.lexicon()
    ords = lex["ordinals"]
    word_ord = "|".join(sorted(ords, key=len, reverse=True))
    tens = "|".join(lex["tens"])
    pat = re.compile(
        rf"(?P<top>\btop[\s-]+(?P<topn>\d+|[a-z]+(?:-[a-z]+)?)\b)"
        rf"|(?P<no>(?:\bNo\.?|\bnumber|#)\s?(?P<non>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)"
        rf"|(?P<dig>(?<![\w.,])(?P<d>\d+)(?:st|nd|rd|th)\b)"
        rf"|(?P<wrd>\b(?:(?P<wt>{tens})[\s-])?(?P<w>{word_ord})\b)",
        re.I,
    )
    not_before = re.compile(r"[\s-]+(of\s+)?(" + "|".join(MONTHS + cues()["rank_not_before"]) + r")\b", re.I)
    first_words = frozenset(w.lower() for w in [*ords, *lex["tens"]])
    return pat, not_before, first_words


_RANK_START = re.compile(r"\w+|#")


def _rank_matches(text: str):
    """The matches of the rank grammar (as ``finditer`` gives them), trying only where one may start.

    Every alternative starts at a word boundary before a word character, or at "#", so only at
    the start of a run of word characters: one starting with a digit, "top", "no" or "number",
    or one that is a tens or ordinal word (the words are letters, so a whole run). Non-ASCII
    runs are always tried (case-insensitive matching folds some non-ASCII letters).
    """
    pat, _, first_words = _rank_regexes()
    end = 0
    for run in _RANK_START.finditer(text):
        pos = run.start()
        if pos < end:
            continue
        word = run.group()
        low = word.lower()
        maybe = word[0].isdigit() or low.startswith(("top", "no", "number", "#")) or low in first_words
        if not (maybe or not word.isascii()):
            continue
        m = pat.match(text, pos)
        if m is not None:
            end = m.end()
            yield m


def find_ranks(doc: Doc) -> list[RankMention]:
    """Ordinals and ranks ("fifth", "3rd", "No. 1", "top ten"), kept apart from amounts."""
    text = doc_text(doc)
    lex = numbers.lexicon()
    ords = lex["ordinals"]
    out: list[RankMention] = []
    not_before = _rank_regexes()[1]
    for m in _rank_matches(text):
        if m.group("top"):
            n = numbers.parse_number(m.group("topn"))
            if n is None or n != int(n) or n <= 0:
                continue
            out.append(RankMention(m.start(), m.end(), m.group(), int(n), "top"))
        elif m.group("no"):
            if m.group().lower().startswith("number") and not m.group("non").isdigit():
                continue
            n = numbers.parse_number(m.group("non"))
            if n is None or (m.group().startswith("no") and not m.group().startswith("No")):
                continue
            out.append(RankMention(m.start(), m.end(), m.group(), int(n), "rank"))
        elif m.group("dig"):
            if _word_before(text, m.start()) in MONTHS or not_before.match(text[m.end() : m.end() + 15]):
                continue  # "May 4th", "4th of July", "the 3rd quarter": dates
            out.append(RankMention(m.start(), m.end(), m.group(), int(m.group("d")), "ordinal"))
        else:
            w = m.group("w").lower()
            pm = re.search(r"([A-Za-z]+)[ -]$", text[max(0, m.start() - 20) : m.start()])
            before = pm.group(1).lower() if pm else ""
            if w in lex["fractions"] and (before in ("a", "an", "one") or numbers.parse_number(before) is not None):
                continue  # "a fifth", "two thirds": fractions
            if w == "second" and (
                before in ("per", "one", "each", "every", "a", "split")
                or re.match(r"\s+(ago|later|earlier)\b", text[m.end() : m.end() + 10], re.I)
            ):
                continue  # the unit of time
            if not_before.match(text[m.end() : m.end() + 15]):
                continue  # "the second quarter", "the fourth of July": dates, not ranks
            if w not in ords or (m.group("wt") and m.group("wt").lower() not in lex["tens"]):
                continue  # a case-folding look-alike ("firſt" matches the pattern, not the word list)
            n = ords[w] + (lex["tens"][m.group("wt").lower()] if m.group("wt") else 0)
            out.append(RankMention(m.start(), m.end(), m.group(), int(n), "ordinal"))
    return out

"""The atoms of a number expression: digit literals, words and symbols, with their offsets.

``tokenize`` splits a text into ``Atom`` records (a digit literal with its value, a slash
fraction, a Unicode fraction, a word or a single symbol); ``lexicon`` loads the number-word
tables of ``quantities_numbers.json`` and ``_scale_of`` reads a scale word or suffix ("million",
"bn", "k"). The grammar (``number_grammar``) and the scanner (``numbers``) build on these.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from .schema import load


@functools.cache
def lexicon() -> dict:
    """The number-word tables (loaded once)."""
    return load("quantities_numbers.json")


@dataclass(frozen=True, slots=True)
class Atom:
    """One lexical piece of a number expression with its character offsets."""

    kind: str  # num | slash | ufrac | word | sym
    text: str
    start: int
    end: int
    value: float | None = None


_GROUP_SEP = "[,\u202f\u00a0\u2009 ]"
_OF_AFTER = re.compile(r"\s+of\b", re.I)  # a digit fraction of something: any denominator
_SPACED_DECIMAL_COMMA = re.compile(r"\d{1,3}(?:[\u202f\u00a0\u2009 ]\d{3})+,\d{1,2}")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")  # "5,00", "15,6": one comma and one or two digits
_EUROPEAN = re.compile(r"\d{1,3}(?:\.\d{3})+,\d{1,2}")  # "1.234,56": points group thousands, a comma marks decimals

# "300 747 jets", "200 737-800s", "40 777X": a count, a space, then a model number; not 300,747.
# A thousands group after a plain space is read as a model number when it is not round (does not
# end in 0: "12 500 residents" stays 12500) and a name, a plural, a glued letter or a "-code"
# follows it. Typographic spaces (thin, no-break) always group thousands; so do two or more groups.
MODEL_NUMBER = (
    r"\d\d[1-9](?=[A-Za-z]|-[A-Za-z0-9]"
    r"| +(?:[A-Z]|(?!(?:was|has|is|its|this|thus|plus|less|unless|across|as|us)\b)[a-z]+s\b))"
)


_SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_PLAIN_EXPONENT = str.maketrans(
    {**{c: str(i) for i, c in enumerate(_SUPERSCRIPTS)}, "\u207b": "-", "\u207a": "+", "\u2212": "-"}
)

_NUM = (
    r"(?<![\d.,/])(?:"
    r"\d+ \. \d+(?![\d.,/])"  # 6 . 2: a decimal split by Penn Treebank tokenization (no prose spaces a point)
    r"|\d+(?:/| ?\u2044 ?)\d+(?![\d/\u2044])"  # slash fraction; the fraction slash also spaced ("1 \u2044 3")
    rf"|\d+(?:\.\d+)?\s?\u00d7\s?10(?:\^?[-+\u2212]\d+|[\u207a\u207b]?[{_SUPERSCRIPTS}]+)"  # 2.48×10−5, 3×10⁸
    r"|\d+(?:\.\d+)?(?:\s?[x\u00d7]\s?10)?\^[+-]*\d+"  # 1.3x10^6, 2.5^-1
    r"|\d{1,3}(?:\.\d{3})+,\d{1,2}(?!\d|[.,]\d)"  # 1.234,56: European, only with both marks (no English reading)
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])"  # 1,234,567.89
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,])"  # 12,34,567.89 (lakh grouping)
    r"|\d+,\d{1,2}(?![\d,]|\.\d)"  # 5,00: a decimal comma (a thousands group has three digits)
    rf"|(?!\d{{1,3}} {MODEL_NUMBER})\d{{1,3}}(?:[\u202f\u00a0\u2009 ]\d{{3}})+"  # 1 234 567
    r"(?:\.\d+|,\d{1,2}(?![\d,]))?(?![\d,]|\.\d)"  # its decimals, after a point or a comma (1 234 567,89)
    # 12.5, 1e10, 6.02E23, 1E-3; not "7E7" (a capital E between integers names a model: Boeing's 7E7)
    r"|\d+(?:\.\d+(?:[eE][+-]?\d+(?![A-Za-z]))?|(?:e[+-]?\d+|E[+-]\d+)(?![A-Za-z]))?"
    r"|\.\d+"  # .25
    r")"
    r"|(?<=\d,)(?<!\d{3},)\d{1,2}(?=,\d|\.?(?![\d.,]))"  # 22,24,26: a comma list with no spaces (see rejects)
)


_FRACTION_SLASH = re.compile(r" ?[/\u2044] ?")
_ATOM_RE = re.compile(rf"(?P<num>{_NUM})|(?P<word>[A-Za-z]+)|(?P<sym>\S)")


def _literal_value(raw: str) -> float:
    """Digits to float: separators dropped; "a^b" and "a x 10^b" powers evaluated."""
    if "\u00d7" in raw:  # "2.48×10−5", "3×10⁸": the exponent written without a caret
        m = re.fullmatch(r"(\d+(?:\.\d+)?)\s?\u00d7\s?10\^?([-+]?\d+)", raw.translate(_PLAIN_EXPONENT))
        if m:
            return float(m.group(1)) * 10.0 ** int(m.group(2))
    if "^" in raw:
        base, exp = raw.split("^")
        sign = -1 if exp.count("-") % 2 else 1
        e = sign * int(exp.lstrip("+-"))
        m = re.fullmatch(r"(\d+(?:\.\d+)?)\s?[x\u00d7]\s?10", base)
        if m:
            return float(m.group(1)) * 10.0**e
        return float(base) ** e
    if _EUROPEAN.fullmatch(raw) or _DECIMAL_COMMA.fullmatch(raw):
        return float(raw.replace(".", "").replace(",", "."))
    if _SPACED_DECIMAL_COMMA.fullmatch(raw):  # "1 234 567,89": spaces group thousands, a comma marks decimals
        raw = raw.replace(",", ".")
    return float(re.sub(_GROUP_SEP, "", raw))


def tokenize(text: str, offset: int = 0) -> list[Atom]:
    """Split text into number-relevant atoms (digits, words, single symbols) with offsets."""
    return [_atom(m, offset) for m in _ATOM_RE.finditer(text)]


def _atom(m: re.Match[str], offset: int) -> Atom:
    """The atom for one match of ``_ATOM_RE``."""
    s, e = m.start() + offset, m.end() + offset
    if m.lastgroup == "num":
        raw = m.group()
        if "/" in raw or "\u2044" in raw:
            a, b = _FRACTION_SLASH.split(raw)
            of_after = _OF_AFTER.match(m.string, m.end()) is not None  # "about 1/40 of the wavelength"
            if (int(b) in lexicon()["slash_denominators"] or of_after) and 0 < int(a) < int(b):
                return Atom("slash", raw, s, e, int(a) / int(b))
            return Atom("sym", raw, s, e)  # 24/7, 9/11, 5/17: not a fraction
        try:
            value = _literal_value(raw)
        except OverflowError:  # "5^1000": not a number a float can hold
            return Atom("sym", raw, s, e)
        if not math.isfinite(value):
            return Atom("sym", raw, s, e)
        return Atom("num", raw, s, e, value)
    if m.lastgroup == "word":
        return Atom("word", m.group(), s, e)
    ch = m.group()
    ufrac = lexicon()["unicode_fractions"]
    if ch in ufrac:
        return Atom("ufrac", ch, s, e, ufrac[ch])
    return Atom("sym", ch, s, e)


def _lower(a: Atom) -> str:
    return a.text.lower() if a.kind == "word" else ""


def _scale_of(a: Atom | None, *, attached: bool) -> float | None:
    """Scale of a word ("million") or of a suffix after digits ("bn", "k", "M" when attached)."""
    if a is None or a.kind != "word":
        return None
    lex = lexicon()
    w = a.text.lower()
    if w in lex["scales"]:
        return float(lex["scales"][w])
    if w in lex["scale_suffixes"] and (len(w) > 1 or attached):
        return float(lex["scale_suffixes"][w])
    if a.text in lex["scale_suffix_case"] and (attached or len(a.text) > 1):
        return float(lex["scale_suffix_case"][a.text])
    return None


HYPHENS = ("-", "\u2013", "\u2010", "\u2011")

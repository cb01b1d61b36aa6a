"""What a quantity may borrow from its document, and how it looks at the words around it.

``make_context`` reads a whole text once: which ISO code an ambiguous "$", "¥" or "francs" stands
for there (``currency_context``, from counted country cues; in wire copy such as "50 mln francs"
a bare "francs" is French unless a cue names another franc country; "crowns", "pesos" and
"dinars" likewise take the country a cue names), whether "£" makes "pounds" sterling,
whether the text writes millions as "3m", and whether it talks about markets ("points" are index
points). ``_resolve_currency`` turns a currency as written into a code with that context, and
``_word_before`` / ``_token_at`` give the word or spaCy token at a character offset.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .tables import WIRE_DATELINE, _alternation, cues, currencies


@dataclass(frozen=True, slots=True)
class TextContext:
    """What a quantity may borrow from its document: currency defaults and token annotations."""

    dollar: str = "USD"  # ISO code a bare "$" / "dollars" stands for here
    yen_yuan: str = "JPY"
    franc: str = "CHF"
    pound_is_currency: bool = False  # "£" seen: "pounds" are sterling here
    m_is_million: bool = False  # the text writes millions as "$3m": a bare "41m" is 41 million too
    market_points: bool = False  # the text talks about an index or shares: "points" are index points
    wire_style: bool = False  # news-agency wire copy ("mln dlrs", "pct"): "francs" are French francs
    dlrs: str = "USD"  # what a wire's bare "dlrs" stands for: the one other dollar the text gives amounts in
    dlrs_from: int = 0  # ... from where that dollar's first amount is written on (bare "dlrs" before it stay USD)
    doc: Doc | None = None
    # other currency names several countries use ("crowns", "pesos", "dinars"): (family, ISO code) pairs
    others: tuple[tuple[str, str], ...] = ()


@functools.cache
def _cue_regex(family: str) -> re.Pattern:
    """The family's cue words, not followed by a letter. No look-behind in front: a pattern that
    starts with literal words lets ``re`` skip to their first letters (see ``_cue_matches``)."""
    words = [w for ws in cues()["currency_context"][family].values() for w in ws]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alternation})(?![A-Za-z])")


def _cue_matches(family: str, text: str):
    """The matches ``finditer`` gives for the cue words with ``(?<![A-Za-z])`` in front: a match
    glued to a letter before it is passed over and the search goes on from its next character."""
    rx = _cue_regex(family)
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        start = m.start()
        if start and _ascii_letter(text[start - 1]):
            pos = start + 1
            continue
        yield m
        pos = m.end()


def _ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


# Families whose bare name is the dateline country's money ("francs" filed from Brussels are Belgian);
# a bare "dlrs" stays the US dollar wherever it was filed, as wire copy writes local dollars out.
_DATELINE_FAMILIES = frozenset({"franc", "krone", "crown", "peso", "dinar"})


def _dateline_place(text: str) -> str | None:
    """The place of a wire dateline in capitals in the first lines of ``text``, in title case ("Brussels")."""
    m = WIRE_DATELINE.search(text, 0, 400)
    place = m.group(1).strip() if m else ""
    return place.title() if place.isupper() else None


def dateline_dollar(text: str) -> str | None:
    """The dollar of the place a wire story was filed from ("TORONTO, March 3 -": CAD), else None: the money a
    bare share price there is quoted in."""
    place = _dateline_place(text)
    options = cues()["currency_context"]["dollar"]
    return next((code for code, words in options.items() if place in words), None) if place else None


def currency_context(text: str, wire_style: bool = False) -> dict[str, str]:
    """ISO code for each ambiguous symbol ("$", "¥") from country cues counted in ``text``.

    A foreign reading needs at least ``min_mentions`` cue mentions and more than the default's;
    in wire copy (``wire_style``) the default is the wire's own where it has one. A dateline place
    that is a cue counts twice for the families in ``_DATELINE_FAMILIES``: the story was filed there.
    """
    table = cues()["currency_context"]
    place = _dateline_place(text)
    out = {}
    for family, options in table.items():
        if family in ("default", "min_mentions", "min_mentions_family"):
            continue
        default = _default(family, wire_style)
        counts = dict.fromkeys(options, 0)
        word_code = {w: code for code, words in options.items() for w in words}
        for m in _cue_matches(family, text):
            counts[word_code[m.group()]] += 1
        if place is not None and family in _DATELINE_FAMILIES and place in word_code:
            counts[word_code[place]] += 2
        best = max(counts, key=lambda c: (counts[c], c == default))
        least = table["min_mentions_family"].get(family, table["min_mentions"])
        if best != default and counts[best] >= least and counts[best] > counts.get(default, 0):
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


def _may_occur(text: str, words: tuple[str, ...]) -> bool:
    """False only when no ASCII lower-case word of ``words`` can occur in ``text`` as a
    case-insensitive regex reads it (letters in either case, or one of ``_FOLDS_TO_ASCII``)."""
    if any(c in text for c in _FOLDS_TO_ASCII):
        return True
    low = text.lower()
    return any(w in low for w in words)


@functools.cache
def _market_firsts() -> tuple[str, ...]:
    return tuple({w.split()[0].lower() for w in cues()["market_words"]})


def _default(family: str, wire_style: bool) -> str:
    """The plain reading of an ambiguous currency family: the wire's own in wire copy, else the table's."""
    if wire_style and family in cues()["wire_currency_default"]:
        return cues()["wire_currency_default"][family]
    return cues()["currency_context"]["default"][family]


@functools.cache
def _wire_regex() -> re.Pattern:
    return re.compile(
        rf"(?<![A-Za-z])(?:{_alternation(cues()['wire_style_words'], boundary_left=False)})(?![A-Za-z])", re.I
    )


# "$220m (£117m)": a writer who converts a bare "$" into sterling for readers means the US dollar,
# whatever country the story is about (a local dollar is written "S$", "A$", "Singapore dollars").
_STERLING_CONVERSION = re.compile(
    r"(?<![A-Za-z$])\$\s?\d[\d.,]*\s?(?:bn|mn|m|k|million|billion|trillion)?\s*\(\s*£\s?\d"
)


# an amount in a named dollar ("30.07 billion N.Z. Dlrs", "1.20 Australian dlrs"); a U.S. dollar named anywhere
_NAMED_DOLLAR = re.compile(
    r"\d(?:\s+(?:mln|million|bln|billion))?\s+((?:[A-Z][A-Za-z.]*\s+){1,2})(?:dlrs?|dollars?)\b", re.IGNORECASE
)
_US_DOLLAR = re.compile(r"\b(?:U\.S\.|US|American)[\s-]*(?:dlrs?|dollars?|\$)", re.IGNORECASE)


def wire_dollar(text: str) -> tuple[str, int]:
    """The dollar a wire story's bare "dlrs" stands for, and where its first amount is: USD (the wire's
    convention), unless the story gives amounts in exactly one other dollar and names no U.S. dollar at all ("M-3
    rose to 30.07 billion N.Z. Dlrs ... M-1 grew to 5.03 billion dlrs": New Zealand dollars both, from the first
    named amount on, or all of them in a story filed from that dollar's country). Talk of "the Canadian dollar"
    with no amount in it changes nothing."""
    if _US_DOLLAR.search(text):
        return "USD", 0
    words = currencies()["words"]
    found: dict[str, int] = {}
    for m in _NAMED_DOLLAR.finditer(text):
        written = " ".join((m.group(1) + "dlrs").split()).casefold()
        code = words.get(written)
        if code not in (None, "USD", "dollar"):
            found.setdefault(code, m.start())
    if len(found) != 1:
        return "USD", 0
    code, first = next(iter(found.items()))
    # filed from that dollar's country ("WELLINGTON, Feb 27 -"): all its bare dollars; else from its first amount on
    return code, 0 if dateline_dollar(text) == code else first


def make_context(text: str, doc: Doc | None = None) -> TextContext:
    wire = bool(_wire_regex().search(text))
    cc = currency_context(text, wire)
    dlrs, dlrs_from = wire_dollar(text) if wire and "dlr" in text.lower() else ("USD", 0)
    return TextContext(
        dlrs=dlrs,
        dlrs_from=dlrs_from,
        dollar="USD" if _STERLING_CONVERSION.search(text) else cc["dollar"],
        yen_yuan=cc["yen_yuan"],
        franc=cc["franc"],
        others=tuple((f, code) for f, code in cc.items() if f not in ("dollar", "yen_yuan", "franc")),
        pound_is_currency="£" in text,
        market_points=_market_talk(text),
        wire_style=wire,
        m_is_million=bool(re.search(r"[$£€¥]\s?\d[\d.,]*m\b|\d[\d.,]*(?:bn|mn)\b|\d[\d.,]*m [a-z]+s\b", text)),
        doc=doc,
    )


def _resolve_currency(code: str, ctx: TextContext) -> tuple[str, bool]:
    """(ISO code, assumed) for a currency as written: a family ("dollar") or already a code.

    "Assumed" means the *context* chose the currency, not the text: a bare "$" read as TWD
    because the article is about Taiwan. A bare "$" with no country cues is the text's own
    reading (USD, the family's default), so it is not assumed; neither is "NT$" or "US$".
    """
    chosen = {"dollar": ctx.dollar, "yen_yuan": ctx.yen_yuan, "franc": ctx.franc, **dict(ctx.others)}.get(code)
    if chosen is None:
        return code, False
    return chosen, chosen != _default(code, ctx.wire_style)


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z][A-Za-z.']*)\W{0,2}$", text[max(0, pos - 30) : pos])
    return m.group(1).lower() if m else ""


_VERB_BEFORE = frozenset({"to", "will", "would", "could", "may", "might", "should", "can", "must", "did", "not"})
_NUMBER_GOES_ON = re.compile(r"[.,]\d")


def top_is_a_verb(text: str, top: int, number_end: int) -> bool:
    """Whether "top" at ``top`` followed by a number ending at ``number_end`` is the verb "to exceed"
    ("expects sales to top 500,000", "could top 1,000"), not a ranking ("the top 20"): it follows "to"
    or a modal, or its number goes on with a thousands group or decimals (no ranking is that long)."""
    return _word_before(text, top) in _VERB_BEFORE or bool(
        _NUMBER_GOES_ON.match(text, number_end) or _NUMBER_GOES_ON.search(text, top, number_end)
    )


def _token_at(doc: Doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None

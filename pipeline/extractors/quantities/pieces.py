"""Pieces: each number with the unit written around it, then pieces joined into ranges.

``_pieces`` turns the scanner's numbers into ``_Piece`` records (value, unit, kind, whether the
amount is strong enough to survive an overlapping date, whether it is an age); ``_share_units``
lets a bare number in a list take the unit after the list ("5, 6 or 7 percent"), and ``_ranges``
pairs two pieces joined by "-", "to" or "between ... and" into one range.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from . import numbers
from .context import TextContext, _resolve_currency
from .modifiers import _change
from .nouns import _counted_noun, _plural_noun_after
from .numbers import NumberSpan
from .tables import _key, _match_after, _time_units, cues, currencies
from .units import _compound, _prefix_currency, _unit_after


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
    quote_other: float | None = None  # "6.45/35 pct": the other side of a two-way quote (6.35)


def _pieces(text: str, spans: Sequence[NumberSpan], ctx: TextContext) -> list[_Piece]:
    out: list[_Piece] = []
    for num in spans:
        p = _prefixed(text, num, out[-1].end if out else None, ctx)
        p = _with_quote_pair(text, p)
        p = _with_unit_after(text, p, ctx)
        if out and _shares_million(text, out[-1], p):  # "$10-25m": both ends are millions of dollars
            prev = out[-1]
            out[-1] = replace(prev, value=prev.value * 1e6)
            # (in a text that writes millions as "m" the second end is already read as millions)
            scale = 1.0 if p.kind == "number" else 1e6
            p = replace(p, value=p.value * scale, unit=prev.unit, unit_text=None, kind="currency", assumed=prev.assumed)
        if p.kind == "currency" and not p.prefixed and num.scale is None:
            p = _with_scale_after_code(text, p)
        if p.kind in ("currency", "dimension"):
            end, value = _compound(text, p.end, p.value, p.unit, p.kind)
            p = replace(p, end=end, value=value)
        p = _with_strength(text, p)
        if out and _TOLERANCE.fullmatch(text, out[-1].end, p.start):
            p = _with_tolerance(out.pop(), p)
        out.append(p)
    return out


# "6.45/35 pct", "3.7498/7501 francs", "1.8135/45 marks": a two-way quote whose second side is written as the
# last digits of the first
_QUOTE_PAIR = re.compile(r"/(\d{1,4})(?![\d/.,]\d)")


def _with_quote_pair(text: str, p: _Piece) -> _Piece:
    """A number with two or more decimals followed by "/" and as many digits or fewer: the two sides of
    a quote ("6.45/35" is 6.45 and 6.35), the second taking the place of the first's last digits."""
    whole, dot, decimals = p.num.text.partition(".")
    m = _QUOTE_PAIR.match(text, p.end) if dot and whole.isdigit() and decimals.isdigit() else None
    if m is None or p.end != p.num.end or len(decimals) < 2 or len(m.group(1)) > len(decimals):
        return p
    digits = decimals[: len(decimals) - len(m.group(1))] + m.group(1)
    other = float(f"{whole}.{digits}")
    if other == p.value:
        return p
    return replace(p, end=m.end(), quote_other=other)


_TOLERANCE = re.compile(r"\s*(?:\u00b1|\+\s?/\s?[-\u2212]|\+[-\u2212])\s*")  # "4.2 \u00b1 0.3 mm", "120 +/- 5 kg"


def _with_tolerance(value: _Piece, tolerance: _Piece) -> _Piece:
    """ "4.2 \u00b1 0.3 mm": the amount is the value, in the unit written after the tolerance."""
    if value.kind != "number" or tolerance.kind in ("number", "age"):
        return replace(value, end=tolerance.end)
    return replace(
        value,
        end=tolerance.end,
        unit=tolerance.unit,
        unit_text=tolerance.unit_text,
        kind=tolerance.kind,
        assumed=tolerance.assumed,
        strong=tolerance.strong,
    )


def _prefixed(text: str, num: NumberSpan, prev_end: int | None, ctx: TextContext) -> _Piece:
    """The number with the currency written before it ("$3m", "NT$ 5"), or the bare number."""
    start, end, value = num.start, num.end, num.value
    unit, unit_text, kind, assumed, prefixed = "dimensionless", None, "number", False, False
    pre = _prefix_currency(text, num.start)
    if pre is not None and prev_end is not None and pre[0] < prev_end:
        pre = None  # "10 $ 30 $", "10 rmb 20 usd": the symbol belongs to the number before
    if pre is not None and pre[2][:1].isalpha() and not num.has_digits:
        pre = None  # "floated the dollar two years ago": a currency word before a number word is no amount
    scaled = re.search(r"(?<![A-Za-z])[MKT][A-Z]{3} {1,2}$", text[max(0, start - 6) : start]) if pre is None else None
    if scaled and scaled.group().strip() in currencies()["scaled_codes"] and num.scale is None:
        code, factor = currencies()["scaled_codes"][scaled.group().strip()]  # "MAUD 60", "MSEK 450"
        start -= len(scaled.group())
        unit, unit_text, kind, prefixed, value = code, scaled.group().strip(), "currency", True, value * factor
    if pre is not None:
        start, code, unit_text = pre
        unit, assumed = _resolve_currency(code, ctx)
        kind, prefixed = "currency", True
        # "$3m", "£1.2m": after a currency a bare m is million, not metre
        mm = re.match(r"(m|mn|mln|bn|b|k|tn)(?![A-Za-z])", text[end : end + 4])
        if mm and num.scale is None:
            value *= numbers.lexicon()["scale_suffixes"].get(mm.group(1), 1e6)
            end += mm.end()
    return _Piece(num, start, end, value, unit, unit_text, kind, assumed, prefixed=prefixed)


def _with_unit_after(text: str, p: _Piece, ctx: TextContext) -> _Piece:
    """The unit written after the number: the unit of a bare number, or a repeat of a prefixed currency."""
    num = p.num
    unit, unit_text, kind, assumed = p.unit, p.unit_text, p.kind, p.assumed
    after, end, value = _unit_or_million_after(text, num, p.end, p.value, ctx)
    if after is not None:
        a_end, a_unit, a_text, a_kind, a_assumed = after
        if a_unit in currencies()["scaled_codes"]:  # "30 MUSD" = 30 million USD
            a_unit, factor = currencies()["scaled_codes"][a_unit]
            value *= factor
        if not p.prefixed:
            end, unit, unit_text, kind, assumed = a_end, a_unit, a_text, a_kind, a_assumed
        elif (
            a_kind == "currency"
            and (a_unit == unit or _key(currencies()["words"], a_text) in currencies()["ambiguous_words"])
            and text[a_end - 1].isalpha()
        ):
            end = a_end  # "$ 10 dollars", "US$ 5 dollars"
    return replace(p, end=end, value=value, unit=unit, unit_text=unit_text, kind=kind, assumed=assumed)


# "another 550m to follow" in a text that writes millions as "m": a function word after the "m"
_FUNCTION_WORD_AFTER_M = re.compile(r"m\s+(?:to|of|in|on|for|from|and|or|by|with|than)\b")


# "26-mln-dlr", "1.2-billion-dlr": a scale word glued by hyphens on both sides, a unit word after it
_GLUED_SCALE = re.compile(r"-(mln|bln|million|billion|trillion)(?=-[A-Za-z])", re.IGNORECASE)


def _unit_or_million_after(
    text: str, num: NumberSpan, end: int, value: float, ctx: TextContext
) -> tuple[tuple[int, str, str | None, str, bool] | None, int, float]:
    """(``_unit_after``'s answer, end, value) after the number; an "m" that means million is read as one, and
    so is a wire's scale word glued by hyphens between the number and its unit ("a 26-mln-dlr transaction")."""
    ranged = re.search(r"\d\s*[-\u2013]\s*$", text[max(0, num.start - 3) : num.start]) is not None
    # (not the upper end of "a 20-25-mln-dlr charge", whose lower end would stay unscaled)
    glued = _GLUED_SCALE.match(text, end) if num.scale is None and not ranged else None
    if glued is not None:
        word = glued.group(1).lower()
        value *= numbers.lexicon()["scales"].get(word) or numbers.lexicon()["scale_suffixes"][word]
        end = glued.end()
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
            or _currency_word_at(text, end + 1)  # "512m euro", "154m naira"
            or re.match(r"m\s+pounds?\b", text[end : end + 10]) is not None  # "a 5m pound bill": never metre pounds
            or ctx.m_is_million
            and (not re.match(r"m\s+[a-z]", text[end:]) or _FUNCTION_WORD_AFTER_M.match(text, end) is not None)
        )
    ):
        value *= 1e6  # "1.2m workers": million; "1.8m tall", "a 100m sprint": metre
        end += 1
        after = _unit_after(text, end, num, ctx) if re.match(r"\s", text[end : end + 1]) else None
    return after, end, value


def _shares_million(text: str, prev: _Piece, p: _Piece) -> bool:
    """ "$10-25m": an "m" read as metres (or, in a text that writes millions as "m", a bare million) after a
    currency range's dash is the range's million."""
    return (
        prev.prefixed
        and prev.kind == "currency"
        and prev.num.scale is None
        and prev.end == prev.num.end
        and (p.unit == "meter" or p.kind == "number" and p.value == p.num.value * 1e6)
        and text[p.num.end : p.end] == "m"
        and re.fullmatch(r"\s*(?:-|\u2013|to)\s*", text[prev.end : p.start]) is not None
    )


def _currency_word_at(text: str, pos: int) -> bool:
    """Whether a currency's name follows (" euro", " yuan"): the "m" before it is million."""
    m = _match_after("suffix_word", text[pos : pos + 40])
    cur = currencies()
    return (
        m is not None and m.group()[:1].isspace() and _key(cur["words"], m.group().strip().strip("-")) in cur["words"]
    )


def _with_scale_after_code(text: str, p: _Piece) -> _Piece:
    """ "75 USD million": a scale word after a currency code multiplies the amount."""
    sm = re.match(r"\s+(thousand|million|billion|trillion|mn|bn)\b", text[p.end : p.end + 12], re.I)
    if not sm:
        return p
    value = p.value * (
        numbers.lexicon()["scales"].get(sm.group(1).lower()) or numbers.lexicon()["scale_suffixes"][sm.group(1).lower()]
    )
    return replace(p, end=p.end + sm.end(), value=value)


def _with_strength(text: str, p: _Piece) -> _Piece:
    """Whether the amount is strong (survives an overlapping date), and whether it is an age."""
    num, start, end, unit, kind = p.num, p.start, p.end, p.unit, p.kind
    strong = kind != "number" or num.scale is not None or num.has_words and num.value >= 1000
    if num.atoms[-1].kind == "word" and num.atoms[-1].text.lower() in numbers.lexicon()["fractions"]:
        # "a quarter of", "cut by a quarter": a share, not the date extractor's three months
        before = text[max(0, start - 10) : start]
        share = re.match(r"\s+of\b", text[end : end + 5]) or re.search(r"\bby\s+$", before)
        strong = strong or bool(share)
    is_age = False
    if kind == "number" and (_AGE_BEFORE.search(text[max(0, start - 30) : start]) or _apposed_age(text, num)):
        unit, kind, strong, is_age = "year", "age", True, True  # "died aged 93", "Mr Ebbers, 63, said"
    elif kind == "dimension" and unit in _time_units():
        age = re.match(r"(?:\s+|-)(old|of\s+age)\b", text[end : end + 12], re.I)
        # "five years old" is an age, an amount; "five years" a duration; "9.58 seconds" (a
        # fraction of a second or minute) is a timing, a measurement
        timing = unit in ("second", "millisecond") or unit == "minute" and not float(p.value).is_integer()
        strong = age is not None or (timing and "." in num.text)
        if age:
            end += age.end()
            is_age = True
            kind = "age"  # "42 years old": an age in years, not a duration
    return replace(p, end=end, unit=unit, kind=kind, strong=strong, age=is_age)


# "aged 93", "at the age of 65", "at the age of just 28", "age about 90": the number is an age
_AGE_BEFORE = re.compile(
    r"(?i)\b(?:aged|age\s+of|age)\s+(?:(?:just|only|about|around|nearly|almost|roughly|some|barely)\s+)?$"
)


def _apposed_age(text: str, num: NumberSpan) -> bool:
    """ "Mr Ebbers, 63, has", "Warren Leblanc, 17 - who", "fed information to Ann Lee, 36.": a bare
    number set off after a name."""
    return (
        num.plain_integer
        and 10 <= num.value <= 110
        and bool(re.search(r"\b[A-Z][a-z]+, $", text[max(0, num.start - 30) : num.start]))
        and bool(re.match(r"(?:,|\s[-\u2013]\s|\)|\.(?:\s|$))", text[num.end : num.end + 3]))
    )


def _verb_before(text: str, pos: int, ctx: TextContext) -> bool:
    if ctx.doc is None:
        return False
    span = ctx.doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span is not None and span.start > 0 and ctx.doc[span.start - 1].pos_ == "VERB"


def _ranges(text: str, pieces: list[_Piece], ctx: TextContext) -> list[tuple[_Piece, _Piece | None]]:
    """Pair numbers joined as ranges: "3-5%", "3 to 5 million", "between $3 and $5"."""
    out: list[tuple[_Piece, _Piece | None]] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        q = pieces[i + 1] if i + 1 < len(pieces) else None
        if p.quote_other is not None:  # "6.45/35 pct": 6.35 to 6.45
            lo, hi = sorted((p.value, p.quote_other))
            out.append((replace(p, value=lo), replace(p, value=hi)))
            i += 1
            continue
        other = _quoted_other(text, p, q) if q is not None else None
        if other is not None:  # "7-7/8 eight pct", "7-3/4 7/8", "9-3/4 5/8": a two-way quote, low to high
            lo, hi = sorted((p.value, other))
            out.append((replace(p, value=lo), replace(q, value=hi)))
            i += 2
            continue
        if q is not None:
            gap = text[p.num.end : q.start]
            head = text[max(0, p.start - 12) : p.start].lower()
            # "8- to 16-meter": a suspended hyphen before "to"
            m = re.fullmatch(r"\s*(-|\u2013|\u2014|to|and)\s*|-\s+(to)\s+", gap, re.I) if p.end == p.num.end else None
            if m is None and p.kind == q.kind and p.kind in ("percent", "currency", "dimension"):
                m = re.fullmatch(r"\s*(-|\u2013|\u2014|to|and)\s*", text[p.end : q.start], re.I)
            if m and p.age and q.kind == "number" and q.end == q.num.end:
                q = replace(q, unit=p.unit, kind=p.kind, strong=True, age=True)  # "aged 30 to 39": both ages
            if m:
                joiner = (m.group(1) or m.group(m.lastindex)).lower()
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
                    # "cut by half to 66.2 billion dlrs": a share of change, then a level
                    and not (
                        joiner == "to" and p.kind == "number" and _fraction_word(p.num) and re.search(r"\bby\s+$", head)
                    )
                    # "Nearly two thirds - 65% - of those asked": a fraction in words, then the same share in
                    # figures set off by dashes, is no range
                    and not (joiner in ("-", "\u2013", "\u2014") and _fraction_word(p.num) and gap.startswith(" "))
                    and (p.kind == "number" or p.unit == q.unit or _scale_only(p, q))
                    and not (p.kind == "number" and q.prefixed)
                )
                if ok:
                    lo = p.value
                    s = q.num.scale
                    bare = p.kind == "number" or p.prefixed or p.end == p.num.end  # the unit only after q
                    if p.num.scale is None and s and lo * s <= q.value and bare:
                        lo *= s  # "3 to 5 million", "$3-5bn", "between 2 and 3 billion dlrs": the scale is shared
                    if joiner == "to" and lo > 0 and q.value / lo > 3 and _verb_before(text, p.start, ctx):
                        ok = False  # "rocketed 9 1/2 to 39", "skidded 1.74 to 123.5": a change, then a level
                    if ok and lo < q.value:
                        out.append((replace(p, value=lo), q))
                        i += 2
                        continue
                    if ok and q.value < lo < 0 and p.kind != "number":  # "from -18 °C to -34 °C"
                        out.append((replace(p, value=q.value), replace(q, value=lo)))
                        i += 2
                        continue
        out.append((p, None))
        i += 1
    return out


_MIXED = re.compile(r"\d{1,2}-\d{1,2}/\d{1,2}")
_FRACTION = re.compile(r"\d{1,2}/\d{1,2}")


def _quoted_other(text: str, p: _Piece, q: _Piece) -> float | None:
    """The other end of a money-market quote written as the wires do, two rates with one space,
    bid then offer ("7-7/8 eight pct": 7.875 to 8; "7-3/4 7/8"; "8-1/8 1/4"; "7-15/16 8-1/16") or,
    in London, offer then bid ("9-3/4 5/8": 9.75 and 9.625; "10-1/16 9-15/16"); None for anything
    else. The first is a mixed fraction; the second a bare fraction of the same whole number, a whole
    number next to it, or a mixed fraction, and lies within one of the first."""
    if p.end != p.num.end or not _MIXED.fullmatch(p.num.text) or text[p.num.end : q.start] != " ":
        return None
    whole = float(int(p.value))
    written = q.num.text
    if _FRACTION.fullmatch(written) and q.num.value < 1:
        other = whole + q.num.value
    elif _MIXED.fullmatch(written) or q.num.value in (whole, whole + 1):
        other = q.num.value
    else:
        return None
    return other if abs(other - p.value) < 1 and other != p.value and q.kind in ("number", "percent") else None


def _fraction_word(num: NumberSpan) -> bool:
    """ "half", "a third": a fraction in words, less than one and with no scale after it."""
    last = num.atoms[-1]
    return num.value < 1 and last.kind == "word" and last.text.lower() in numbers.lexicon()["fractions"]


def _scale_only(p: _Piece, q: _Piece) -> bool:
    """ "$20-30 billion", "£2-3bn": a currency before the first end, a bare scaled number at the
    other; the range shares both the currency and the scale."""
    return p.prefixed and q.kind == "number" and q.num.scale is not None and q.end == q.num.end


def _share_units(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """ "times of 6.61 and 6.62 seconds", "5, 6 or 7 percent": a bare number in a list takes the
    unit written after the list's last number (right to left, so a whole list shares it), and its scale
    word ("20 and five mln yen")."""
    out = list(pieces)
    scales = [p.num.scale if p.num.scale is not None else 1 for p in out]
    for i in range(len(out) - 2, -1, -1):
        p, q = out[i], out[i + 1]
        if (
            p.kind == "number"
            and p.end == p.num.end
            and p.num.scale is None
            and q.kind in ("dimension", "percent", "currency")
            and not q.prefixed
            and re.fullmatch(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*", text[p.end : q.start])
            and not (q.value > 0 and p.value > 100 * q.value)  # "a credit of 2,227,000 or four cts a share"
            and not (i > 0 and _quoted_other(text, out[i - 1], p) is not None)  # "at 9-3/4 5/8 and one year at"
        ):
            # "denominations of 20 and five mln yen": a small bare number shares the list's scale word too
            # not "500 and 1.2 mln", nor "One quarter or 17.8 mln dlrs" (a share, then the amount it is)
            shared = 1 <= p.value < 1000 and p.value * scales[i + 1] < 100 * abs(q.value) and not _fraction_word(p.num)
            scale = scales[i] = scales[i + 1] if shared else 1
            out[i] = replace(
                p,
                value=p.value * scale,
                unit=q.unit,
                unit_text=q.unit_text,
                kind=q.kind,
                assumed=q.assumed,
                strong=q.strong,
            )
    return out


def _range_from(text: str, pos: int) -> bool:
    """ "range from two to four megapixels": "from ... to" is a range only after a range word.

    Elsewhere ("rose from $10 to $12", "moved from number eight to number one") it is a change.
    """
    m = re.search(r"([A-Za-z]+)\s+from\s*$", text[max(0, pos - 30) : pos])
    return bool(m) and m.group(1).lower() in cues()["range_from_before"]

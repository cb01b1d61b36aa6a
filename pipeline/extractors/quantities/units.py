"""The unit written around a number: a currency before it, a percent, currency or physical unit after.

``_prefix_currency`` reads "$", "NT$", "RMB" or "dlrs" just before a number; ``_unit_after``
reads what follows it, in order: a percent sign or word, a currency symbol, a scaled code
("MUSD"), a currency code or word, and a physical unit (``_physical_after``, named by pint).
``_compound`` adds a smaller unit right after ("5 feet 2 inches", "3 dollars 50 cents").
"""

from __future__ import annotations

import re

from . import numbers
from .context import TextContext, _resolve_currency
from .numbers import NumberSpan
from .tables import _key, _prefix_symbols, _regexes, cues, currencies, physical, pint_name

_PARAGRAPH_BREAK = re.compile(r"[^\S\n]*\n[^\S\n]*\n")  # a blank line right after the number


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


def _unit_after(
    text: str, pos: int, num: NumberSpan, ctx: TextContext
) -> tuple[int, str, str | None, str, bool] | None:
    """(end, unit, unit_text, kind, assumed) for a unit written right after a number."""
    rx = _regexes()
    rest = text[pos : pos + 60]
    if _PARAGRAPH_BREAK.match(rest):
        return None  # a unit never follows a paragraph break ("27,595\n\nP Dowd"); a line break is fine
    m = rx["percent"].match(rest)
    if m:
        written = _written(m.group())
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
    m = re.match(r"\s{0,2}[MKT][A-Z]{3}(?![A-Za-z])", rest)
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
    if m and (phys is None or m.end() >= phys[0]) and _key(cur["words"], m.group().strip().strip("-")) in cur["words"]:
        written = _key(cur["words"], m.group().strip().strip("-"))
        weak = (
            (written in cur["needs_digits"] and not num.has_digits and num.scale is None)  # "two mln marks" is money
            or (written in cur["attached_only"] and m.group()[:1].isspace())
            or (written == "p" and not ctx.pound_is_currency and num.value in cur["video_lines"])  # "1080p"
        )
        if not weak and written not in physical()["ambiguous_with_currency"]:
            code, assumed = _resolve_currency(cur["words"][written], ctx)
            return pos + m.end(), code, _written(m.group()), "currency", assumed
    if phys is not None:
        end, expr, written = phys
        if written.lower() in physical()["ambiguous_with_currency"] and (
            ctx.pound_is_currency or num.scale is not None or re.match(r"\s*sterling", rest[end:], re.I)
        ):
            return pos + end, "GBP", written, "currency", False
        return pos + end, pint_name(expr), written, "dimension", False
    return None


def _physical_after(rest: str, num: NumberSpan, ctx: TextContext) -> tuple[int, str, str] | None:
    """(end, pint expression, as written) of a physical unit at the start of ``rest``."""
    bracket = re.match(r"\s{0,2}(?:\(([^()]{1,12})\)|\[([^\[\]]{1,12})\]|\{([^{}]{1,12})\}|<([^<>]{1,12})>)", rest)
    if bracket:  # "20 (kg)", "20 [kg]": a unit in matching brackets
        unit = next(g for g in bracket.groups() if g is not None)
        inner = _physical_after(unit, num, ctx)
        if inner is not None and inner[0] == len(unit):
            return bracket.end(), inner[1], inner[2]
    rx = _regexes()
    phy = physical()
    if num.has_digits and rest[:1] != "-":
        m = rx["inch_in"].match(rest)
        if m:
            return m.end(), "inch", m.group().strip()
    best = None
    m = rx["unit_cs"].match(rest)
    if m:
        written = m.group().strip()
        single = len(written) == 1
        if num.has_digits and not (single and m.group()[:1].isspace() and written != "m"):
            best = (m.end(), phy["case_sensitive"][written], written)
    m = rx["unit_ci"].match(rest)
    if m and (best is None or m.end() > best[0]):
        written = _written(m.group())  # "750,000\ntonnes": the unit after a line break is "tonnes"
        key = _key(phy["aliases"], written)
        if key in phy["needs_digits"] and not num.has_digits:
            return best
        best = (m.end(), phy["aliases"][key], written)
    return best


def _written(matched: str) -> str:
    """A unit as written, without the spaces, line breaks or hyphen that join it to its number."""
    return matched.strip().strip("-").strip()


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

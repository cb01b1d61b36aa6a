"""The unit written around a number: a currency before it, a percent, currency or physical unit after.

``_prefix_currency`` reads "$", "NT$", "RMB" or "dlrs" just before a number; ``_unit_after``
reads what follows it, in order: a percent sign or word, a currency symbol, a scaled code
("MUSD"), a currency code or word, and a physical unit (``_physical_after``, named by pint).
``_compound`` adds a smaller unit right after ("5 feet 2 inches", "3 dollars 50 cents").
``_with_powers`` reads a power and a slash after a unit ("3 km2", "4e14 s-1", "12 km/s2") and
names the whole unit as pint does (``compose``: "kilometer / second ** 2"), with its base units.
"""

from __future__ import annotations

import re

from . import numbers
from .context import TextContext, _resolve_currency
from .numbers import NumberSpan
from .tables import (
    _data,
    _key,
    _match_after,
    _prefix_last_chars,
    _prefix_symbols,
    _regexes,
    cues,
    currencies,
    physical,
    pint_name,
)

_PARAGRAPH_BREAK = re.compile(r"[^\S\n]*\n[^\S\n]*\n")  # a blank line right after the number


def _prefix_currency(text: str, start: int) -> tuple[int, str, str] | None:
    """(start, ISO or family, as written) of a currency written just before ``start``."""
    left = text[max(0, start - 12) : start]
    rx = _regexes()
    cur = currencies()
    last = left.rstrip()[-1:]  # the regexes end in spaces and "$": their word ends in this character
    for name, last_chars in _prefix_last_chars().items():
        if last_chars is not None and (not last or last_chars.match(last) is None):
            continue
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


# a price quoted in U.S. dollars the world over: "405 dlrs an ounce" (gold), "18 dlrs a barrel" (oil); not a tonne's
_PER_GOODS = re.compile(r"\s+(?:an?|per)\s+(?:troy\s+)?(?:ounce|barrel)\b", re.I)


def _unit_after(
    text: str, pos: int, num: NumberSpan, ctx: TextContext
) -> tuple[int, str, str | None, str, bool] | None:
    """(end, unit, unit_text, kind, assumed) for a unit written right after a number."""
    rest = text[pos : pos + 60]
    if _PARAGRAPH_BREAK.match(rest):
        return None  # a unit never follows a paragraph break ("27,595\n\nP Dowd"); a line break is fine
    m = _match_after("percent", rest)
    if m:
        written = _written(m.group())
        name = cues()["percent_after"].get(_key(cues()["percent_after"], written), "percent")
        if name == "point" and not ctx.market_points:
            name = None  # "points" are index points only in market copy
        if name is not None:
            return pos + m.end(), name, written, "percent", False
    cur = currencies()
    m = _match_after("suffix_sym", rest)
    # ("by 2008 £60bn": a symbol spaced from the number and glued to the next one opens the next amount)
    if m and not (m.group()[:1].isspace() and rest[m.end() : m.end() + 1].isdigit()):
        written = m.group().strip()
        code, assumed = _resolve_currency(cur["suffix_symbols"][written], ctx)
        return pos + m.end(), code, written, "currency", assumed
    m = re.match(r"\s{0,2}[MKT][A-Z]{3}(?![A-Za-z])", rest)
    if m and m.group().strip() in cur["scaled_codes"]:
        return pos + m.end(), m.group().strip(), m.group().strip(), "currency", False
    for name in ("suffix_code", "suffix_code_low"):
        m = _match_after(name, rest)
        if m and (m.group()[:1].isspace() or name == "suffix_code" or num.has_digits):
            written = m.group().strip()
            code = cur["code_aliases"].get(written.upper(), written.upper())
            return pos + m.end(), code, written, "currency", False
    phys = _physical_after(rest, num, ctx)
    m = _match_after("suffix_word", rest)
    if m and (phys is None or m.end() >= phys[0]) and _key(cur["words"], m.group().strip().strip("-")) in cur["words"]:
        written = _key(cur["words"], m.group().strip().strip("-"))
        weak = (
            (written in cur["needs_digits"] and not num.has_digits and num.scale is None)  # "two mln marks" is money
            or (written in cur["attached_only"] and m.group()[:1].isspace())
            or (written == "p" and not ctx.pound_is_currency and num.value in cur["video_lines"])  # "1080p"
            or (num.scale is None and _verb_homograph(written, rest[m.end() :]))  # "Halo 2 won the award"
            or _names_a_place(written, rest[m.end() :])  # "the 12 euro zone countries"
        )
        if not weak and written not in physical()["ambiguous_with_currency"]:
            code, assumed = _resolve_currency(cur["words"][written], ctx)
            # the one other dollar the story gives its amounts in, from ``dlrs_from`` on (its first amount, or the
            # story's start when filed from its country); not gold's or oil's price ("405 dlrs an ounce")
            if (
                written in ("dlrs", "dlr")
                and ctx.dlrs != "USD"
                and pos > ctx.dlrs_from
                and not _PER_GOODS.match(rest, m.end())
            ):
                code, assumed = ctx.dlrs, True
            return pos + m.end(), code, _written(m.group()), "currency", assumed
    if phys is not None:
        end, expr, written = phys
        if written.lower() in physical()["ambiguous_with_currency"] and (
            ctx.pound_is_currency or num.scale is not None or re.match(r"\s*sterling", rest[end:], re.I)
        ):
            return pos + end, "GBP", written, "currency", False
        return pos + end, pint_name(expr), written, "dimension", False
    return None


def _verb_homograph(written: str, after: str) -> bool:
    """A currency word that is also a verb, followed by what opens its object ("won the award",
    "won three awards"): the verb, not the currency."""
    objects = currencies()["verb_homographs"].get(written.lower())
    if not objects:
        return False
    m = re.match(r"\s+([A-Za-z]+|\d)", after)
    return m is not None and (m.group(1).lower() in objects or m.group(1).isdigit())


def _names_a_place(written: str, after: str) -> bool:
    """A currency word that begins the name of a place ("euro zone", "euro area"): no currency."""
    places = currencies()["place_words_after"].get(written.lower())
    m = re.match(r"[\s-]+([A-Za-z]+)", after) if places else None
    return m is not None and m.group(1).lower() in places


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
        if _FEET_INCHES.match(rest):
            return 1, "foot", rest[:1]  # 6'2": feet by a prime, its inches added by ``_compound``
    best = None
    m = _match_after("unit_cs", rest)
    if m:
        written = m.group().strip()
        single = len(written) == 1
        spaced = single and m.group()[:1].isspace()
        if num.has_digits and (not spaced or _spaced_symbol(written, rest[m.end() :])):
            best = (m.end(), phy["case_sensitive"][written], written)
    m = _match_after("unit_ci", rest)
    if m and (best is None or m.end() > best[0]):
        written = _written(m.group())  # "750,000\ntonnes": the unit after a line break is "tonnes"
        key = _key(phy["aliases"], written)
        if key in phy["needs_digits"] and not num.has_digits:
            return best
        best = (m.end(), phy["aliases"][key], written)
    if num.has_digits:
        return _with_powers(rest, best)
    return best


_FEET_INCHES = re.compile(r"['\u2032\u2019]\s?\d{1,2}(?:\.\d+)?\s?(?:\"|\u2033|\u201d|'')")


def _spaced_symbol(written: str, after: str) -> bool:
    """A one-letter symbol after digits and a space is a unit only if it is one of ``spaced_symbols``
    ("278,000 t of ore") and no letter, hyphen or apostrophe is glued to it ("3 t-shirts" is no tonnage)."""
    phy = physical()
    if written not in phy["spaced_symbols"]:
        return False
    if written == "m":
        return True  # "5 m" was always read; "m" after a spaced number has no other news reading
    return not re.match(r"[-\u2010\u2011\w'\u2019]", after)


# A power written right after a unit symbol: "m2", "km^2", "s-1", "fb\u22121", "cm\u00b3", "s\u207b\u00b9"
_POWER = re.compile(r"(\^?(?:[-\u2212]|\u207b)?)([123\u00b9\u00b2\u00b3])(?![\w.,]\d|[A-Za-z0-9])")
_SUPERSCRIPT_DIGITS = {"\u00b9": 1, "\u00b2": 2, "\u00b3": 3}
_POWER_SYMBOL = re.compile(r"[A-Za-z]{1,3}")


def _power_at(rest: str, pos: int) -> tuple[int, int] | None:
    """(end, power) of a power written at ``pos`` ("2", "^3", "-1", "\u207b\u00b9"), or None."""
    m = _POWER.match(rest, pos)
    if not m:
        return None
    digit = m.group(2)
    power = _SUPERSCRIPT_DIGITS.get(digit) or int(digit)
    if m.group(1).lstrip("^"):
        power = -power
    if power == 1:
        return None  # "s1" is no power
    return m.end(), power


def _symbol_at(rest: str, pos: int) -> tuple[int, str] | None:
    """(end, unit expression) of a unit symbol or name written at ``pos`` with no space before it."""
    phy = physical()
    m = _POWER_SYMBOL.match(rest, pos)
    if not m:
        return None
    word = m.group()
    for table, key in ((phy["case_sensitive"], word), (phy["power_symbols"], word), (phy["aliases"], word.lower())):
        if key in table:
            return m.end(), table[key]
    return None


def _with_powers(rest: str, best: tuple[int, str, str] | None) -> tuple[int, str, str] | None:
    """A unit with its power and a unit after a slash: "3 km2", "4e14 s-1", "9.8 m/s2", "20 fb\u22121".

    A symbol of ``power_symbols`` ("s", "fb") is a unit here only with a power or after a slash.
    """
    start = len(rest) - len(rest.lstrip())
    if best is None:
        sym = _symbol_at(rest, start)
        if sym is None or rest[start : start + 1] == "-":
            return None
        power = _power_at(rest, sym[0])
        if power is None or power[1] > 0:
            return None  # "5 s2" is nothing we read; "4e14 s-1" is per second
        end, parts = power[0], [(sym[1], power[1])]
    else:
        end, expr = best[0], best[1]
        top, slash, bottom = expr.partition(" / ")
        power = _power_at(rest, end) if slash and rest[end - 1 : end].isalpha() and "/" in rest[start:end] else None
        if power is not None and power[1] > 0 and " " not in top + bottom:  # "m/s\u00b2", "km/h2"
            return power[0], compose([(top, 1), (bottom, -power[1])]), rest[start : power[0]].strip()
        if slash or not rest[start:end].strip()[-1:].isalnum():
            return best  # a written-out or already composed rate ("kilometer / hour", "5 cubic metres")
        parts = [(expr, 1)]
        power = _power_at(rest, end) if rest[end - 1 : end].isalpha() else None  # not after "m2"
        if power is not None:
            end, parts = power[0], [(expr, power[1])]
    slash = re.match(r"/", rest[end:])
    if slash:
        sym = _symbol_at(rest, end + 1)
        if sym is not None:
            power = _power_at(rest, sym[0])
            parts.append((sym[1], -(power[1] if power else 1)))
            end = power[0] if power else sym[0]
    if best is not None and len(parts) == 1 and parts[0][1] == 1:
        return best
    return end, compose(parts), rest[start:end].strip()


def compose(parts: list[tuple[str, int]]) -> str:
    """pint's name of a product of powers of units: [("km", 1), ("s", -2)] -> "kilometer / second ** 2"."""
    names = [(pint_name(expr), power) for expr, power in parts]
    return _format(names)


def _format(names: list[tuple[str, int]]) -> str:
    def term(name: str, power: int) -> str:
        return name if abs(power) == 1 else f"{name} ** {abs(power)}"

    top = " * ".join(term(n, p) for n, p in names if p > 0) or "1"
    bottom = [term(n, p) for n, p in names if p < 0]
    return " / ".join([top, *bottom])


def base_of(unit: str) -> tuple[float, str] | None:
    """(factor, base unit) of a pint unit name, from ``pint_names.json``; a composed name
    ("kilometer / second ** 2") from its parts. None for offset units and unknown names."""
    table = _data("pint_names.json")["base"]
    if unit in table:
        factor, name = table[unit]
        return float(factor), str(name)
    factor, dims = 1.0, {}
    for name, power in _terms(unit):
        if name == "1":
            continue
        known = table.get(name)
        if known is None:
            return None
        factor *= float(known[0]) ** power
        for base_name, base_power in _terms(str(known[1])):
            dims[base_name] = dims.get(base_name, 0) + base_power * power
    dims = {n: p for n, p in dims.items() if p}
    if not dims:
        return None
    return factor, _format(sorted(dims.items()))


def _terms(unit: str) -> list[tuple[str, int]]:
    """ "kilogram * meter / second ** 2" -> [("kilogram", 1), ("meter", 1), ("second", -2)]."""
    out = []
    for i, group in enumerate(unit.split(" / ")):
        for t in group.split(" * "):
            name, _, power = t.partition(" ** ")
            out.append((name, (int(power) if power else 1) * (-1 if i else 1)))
    return out


def _written(matched: str) -> str:
    """A unit as written, without the spaces, line breaks or hyphen that join it to its number."""
    return matched.strip().strip("-").strip()


def _compound(text: str, end: int, value: float, unit: str, kind: str) -> tuple[int, float]:
    """ "5 feet 2 inches", "3 dollars 50 cents": a smaller unit right after adds to the amount."""
    for big, _small, factor, small_words in physical()["compounds"]:
        if unit != big and not (kind == "currency" and big == "currency"):
            continue
        m = re.compile(
            rf"(?:(?:\s*,)?\s+(?:and\s+)?|(?<=['\u2032\u2019])\s?)"  # "5 feet 2 inches", 6'2"
            rf"(\d+(?:\.\d+)?|[a-z]+(?:[\s-][a-z]+)?)(?:\s*({small_words}))?(?=\W|$)",
            re.I,
        ).match(text, end, end + 40)
        if not m:
            continue
        n = numbers.parse_number(m.group(1))
        if n is None or n >= factor or n < 0:
            continue
        if m.group(2) is None and not (big == "currency" and re.match(r"\s*[.,;!?]|\s*$", text[m.end() :])):
            continue
        if big == "currency" and (unit not in currencies()["major_with_cents"] or value >= 1e6):
            continue  # "$5m and 30 cents a share": millions are no dollars-and-cents amount
        return m.end(), value + n / factor
    return end, value

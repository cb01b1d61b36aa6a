"""The quantity rule tables and what is compiled from them, loaded once.

The cue table (``quantities_cues.json``), the currency and physical unit tables
(``units_currency.json``, ``units_physical.json``) and pint's names for unit expressions
(``pint_name``), together with the regexes built from them (currency symbols and codes before
and after a number, percent words, unit aliases, bound cues, vague amounts, and the "zones" of
digits that hold no amount), the month names and the set of time units. Everything else in the
package reads its words from here; nothing here looks at a text.
"""

from __future__ import annotations

import functools
import re

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


# -- rule tables ---------------------------------------------------------------------------------


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
        # "2 1/2 in thick", "is 2 in.", "(5 in)": the inch written "in" (see units_physical.json inch_words)
        "inch_in": re.compile(
            rf"\s{{0,2}}in(?:\.?(?=\s+(?:{_alternation(phy['inch_words'], boundary_left=False)})(?![A-Za-z]))"
            r"|(?=\s*\)|\s*$|\s*[.;:!?]\s*$|\s*[.;:!?]\s+[A-Z]))"
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
            r"|\b\d+(?:-\d+){2,}\b"  # account and reference numbers: 1111-22223333-4444
            r"|\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b"  # (555) 123-4567
            r"|\b\d+(?:\.\d+){2,}\b(?!,\d)"  # versions, IP addresses; not "2.400.000,50" (European)
            r"|(?:https?://|www\.)\S+|\S+@\S+\.\w+"  # URLs and e-mail
            r"|\b\d+:\d+\b"  # ratios and scores written with a colon
            r"|\b\d+-for-\d+\b"  # stock splits: "3-for-2"
            r"|(?m:^[ \t]*\d{1,2}[.)](?=[ \t]))",  # list markers at the start of a line: "  1. Xiaomi"
            re.I,
        ),
    }


@functools.cache
def _prefix_symbols() -> tuple[dict[str, str], dict[str, str]]:
    """Currency symbols written before a number, as written and in lower case."""
    cur = currencies()
    syms = {**cur["prefix_symbols"], **cur["ambiguous_symbols"]}
    return syms, {k.lower(): v for k, v in syms.items()}


def _key(table: dict, written: str) -> str:
    """The table key for a unit as written: case, runs of spaces and hyphens do not matter."""
    low = re.sub(r"\s+", " ", written.lower())
    for k in (low, low.replace("-", " "), low.replace(" ", "-")):
        if k in table:
            return k
    return low


@functools.cache
def _time_units() -> frozenset[str]:
    return frozenset(pint_name(u) for u in physical()["time_units"])

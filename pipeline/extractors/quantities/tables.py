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

# A wire dateline at the start of a line, its place the first group: "TROY, MICH., March 12 - " (before a results
# table's first row), "BRUSSELS, March 30 - " (whose francs are Belgian)
WIRE_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Za-z.'& ]*),(?:[ \t]+[A-Z][A-Za-z.]*,)?[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2}[ \t]+-[ \t]+", re.M
)

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
    if known is None and _already_named(expr):
        known = expr  # "centimeter / day", composed from pint's names: pint gives it back as it is
    return known if known is not None else str(_ureg().parse_units(expr))


_RATIO = re.compile(r"([a-z_]+) / ([a-z_]+)(?: \*\* [23])?")


@functools.cache
def _pint_names() -> frozenset[str]:
    """pint's names with base units: not an offset or logarithmic unit (degrees Celsius, decibels,
    decades), which pint reads differently inside a ratio ("acre / decade" -> "acre / delta_decade")."""
    data = _data("pint_names.json")
    return frozenset(n for n in data["names"].values() if n in data["base"])


def _already_named(expr: str) -> bool:
    """Whether ``expr`` is one of pint's names over another ("centimeter / day", "meter / second
    ** 2"), the form ``units.compose`` writes; a test checks that pint reads such a ratio as written."""
    m = _RATIO.fullmatch(expr)
    return m is not None and m.group(1) != m.group(2) and {m.group(1), m.group(2)} <= _pint_names()


def _alternation(words, *, boundary_left: bool) -> str:
    parts = []
    for w in sorted(words, key=len, reverse=True):
        e = re.escape(w).replace(r"\ ", r"[\s-]+")  # "basis points" also as "25-basis-point"
        if boundary_left and w[:1].isalnum():
            e = r"(?<![A-Za-z0-9])" + e
        parts.append(e)
    return "|".join(parts)


@functools.cache
def _prefix_words() -> dict[str, tuple[list[str], int]]:
    """The currencies written before a number, by the regex that reads them, with its flags."""
    cur = currencies()
    prefix_syms = dict(cur["prefix_symbols"])
    prefix_syms.update(cur["ambiguous_symbols"])
    return {  # "$", "US$", "c $", "NT$", "RMB", "USD" (codes in upper case)
        "prefix_dollar": ([s for s in prefix_syms if "$" in s], re.I),
        "prefix_sym": ([s for s in prefix_syms if "$" not in s], 0),
        "prefix_code": (list(set(cur["codes"])), 0),
        "prefix_code_low": (list(set(cur["lowercase_codes_ok"])), 0),
        "prefix_word": (list(cur["prefix_words"]), re.I),
    }


@functools.cache
def _prefix_last_chars() -> dict[str, re.Pattern | None]:
    """For each ``prefix_*`` regex, the last characters of its words as one character class (same
    flags): a text whose last character other than spaces is none of them cannot end in one of the
    words, so the regex need not search it. None where a word is empty or ends in a space."""
    out: dict[str, re.Pattern | None] = {}
    for name, (words, flags) in _prefix_words().items():
        ends = {w[-1:] for w in words}
        usable = ends and all(e and not e.isspace() for e in ends)
        out[name] = re.compile("[" + "".join(re.escape(e) for e in sorted(ends)) + "]", flags) if usable else None
    return out


@functools.cache
def _after_words() -> dict[str, tuple[list[str], int]]:
    """The units and currencies read right after a number (past spaces or a hyphen), by the regex
    that reads them, with its flags."""
    cur, phy, cue = currencies(), physical(), cues()
    return {
        "suffix_sym": (list(cur["suffix_symbols"]), 0),
        "suffix_code": (list(set(cur["codes"])), 0),
        "suffix_code_low": (list(set(cur["lowercase_codes_ok"])), 0),
        "suffix_word": (list(cur["words"]), re.I),
        "percent": (list(cue["percent_after"]), re.I),
        "unit_ci": (list(phy["aliases"]), re.I),
        "unit_cs": (list(phy["case_sensitive"]), 0),
    }


# what each regex of ``_after_words`` allows before and after its words
_AFTER_FORMS = {
    "suffix_sym": (r"\s{0,2}", ""),
    "suffix_code": (r"\s{0,2}", r"(?![A-Za-z])"),
    "suffix_code_low": (r"\s{0,2}", r"(?![A-Za-z])"),
    "suffix_word": (r"(?:\s{0,2}|-)", r"(?![A-Za-z])"),
    "percent": (r"(?:\s{0,2}|-)", r"(?![A-Za-z])"),
    "unit_ci": (r"(?:\s{0,2}|-|\s?-\s?)", r"(?![A-Za-z0-9])"),
    "unit_cs": (r"(?:\s{0,1})", r"(?![A-Za-z0-9])"),
}


@functools.lru_cache(maxsize=1024)
def _after_regex(name: str, words: tuple[str, ...]) -> re.Pattern:
    """The regex ``name`` of ``_after_words`` over ``words`` (all of its words or some of them)."""
    before, after = _AFTER_FORMS[name]
    return re.compile(rf"{before}(?:{_alternation(words, boundary_left=False)}){after}", _after_words()[name][1])


@functools.lru_cache(maxsize=4096)
def _after_regex_from(name: str, first: str) -> re.Pattern | None:
    """``_regexes()[name]`` with only the words whose first character matches ``first`` (None if no
    word does). The regex allows only spaces and hyphens before its words, none of which starts
    with either, so a word can only start at the first other character after the number."""
    words, flags = _after_words()[name]
    if not all(w[:1] and not w[0].isspace() and w[0] != "-" for w in words):
        return _regexes()[name]
    keep = tuple(w for w in words if first and re.fullmatch(re.escape(w[0]), first, flags))
    return _after_regex(name, keep) if keep else None


_LEAD = re.compile(r"[\s-]*")


def _match_after(name: str, rest: str) -> re.Match[str] | None:
    """``_regexes()[name].match(rest)`` for a regex of ``_after_words``, trying only the words that
    may start at the first character of ``rest`` that is not a space or a hyphen (the same match:
    the other words cannot match there, and the order of those kept is the same)."""
    k = _LEAD.match(rest).end()
    rx = _after_regex_from(name, rest[k : k + 1])
    return None if rx is None else rx.match(rest)


@functools.cache
def _regexes() -> dict[str, re.Pattern]:
    phy, cue = physical(), cues()
    prefix, after = _prefix_words(), _after_words()
    spaces = {"prefix_dollar": "0,2", "prefix_sym": "0,2", "prefix_code": "0,2", "prefix_code_low": "1,2"}
    return {
        # currency before the number
        **{
            name: re.compile(rf"(?:{_alternation(words, boundary_left=True)})\s{{{spaces.get(name, '1,2')}}}$", flags)
            for name, (words, flags) in prefix.items()
        },
        # units and currencies after the number
        **{name: _after_regex(name, tuple(words)) for name, (words, _) in after.items()},
        # "2 1/2 in thick", "is 2 in.", "(5 in)": the inch written "in" (see units_physical.json inch_words)
        "inch_in": re.compile(
            rf"\s{{0,2}}in(?:\.?(?=\s+(?:{_alternation(phy['inch_words'], boundary_left=False)})(?![A-Za-z]))"
            r"|(?=\s*\)|\s*$|\s*[.;:!?]\s*$|\s*[.;:!?]\s+[A-Z]))"
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

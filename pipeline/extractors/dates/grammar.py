"""The TIMEX3 grammar: regex templates with named slots (``rules/dates_patterns.json``) filled
from the word lists, checked against the resolvers, compiled once (``patterns()``), and the named
groups of a match (``groups_of``).
"""

from __future__ import annotations

import functools
import re

from ...rules import invalid
from .model import Pattern
from .resolvers import RESOLVERS
from .schema import RULES_DIR, load
from .words import lexicon

PATTERNS_PATH = RULES_DIR / "dates_patterns.json"


def _alt(words, *, ci: bool = True) -> str:
    """Regex alternation of ``words``, longest first, spaces matching any whitespace.

    Words are grouped by their first letter ("a(?:bout|round|...)"): words with different first
    letters never match at the same place, and the order within a group is kept, so the regex
    matches exactly what the flat alternation would, with fewer branches tried at each position.
    """
    parts = sorted({w for w in words}, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for w in parts:
        key = w[:1].lower() if ci else w[:1]
        groups.setdefault(key, []).append(w)

    def esc(w: str) -> str:
        return re.escape(w).replace(r"\ ", r"\s+")

    def group(ws: list[str]) -> str:
        tails = [esc(w[1:]) for w in ws]
        return esc(ws[0][:1]) + (f"(?:{'|'.join(tails)})" if len(tails) > 1 else tails[0])

    body = "|".join(group(ws) for ws in groups.values())
    return f"(?i:{body})" if ci else f"(?:{body})"


def _name_alt(names: dict, need_dot: set[str]) -> str:
    """Capitalised (or upper-case) month/weekday names; short forms need a dot or a following digit."""
    full, short = [], []
    for name in names:
        forms = [name.capitalize(), name.upper()]
        if name in need_dot or (len(name) <= 4 and name not in ("may", "june", "july")):
            short += forms
        else:
            full += forms
    full_re = "|".join(sorted(full, key=len, reverse=True))
    short_re = "|".join(sorted(short, key=len, reverse=True))
    return rf"(?:(?:{full_re})(?!\w)|(?:{short_re})(?:\.|(?=\s+\d)))"


@functools.cache
def _slots() -> dict[str, str]:
    lx = lexicon()
    num_words = [w for w in lx["numbers"]]
    units_words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    teens = [
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
    compound = rf"(?:{'|'.join(tens)})(?:[\s-](?:{'|'.join(units_words)}))?"
    numword = rf"(?i:{compound}|{_alt(num_words)[4:-1]})"
    year_words = (
        rf"(?i:(?:nineteen|eighteen|twenty)\s+(?:hundred\s+(?:and\s+)?)?(?:{compound}|"
        rf"{'|'.join(teens)}|oh[\s-](?:{'|'.join(units_words)}))|two\s+thousand"
        rf"(?:\s+(?:and\s+)?(?:{'|'.join(teens + units_words)}))?)"
    )
    months = _name_alt(lx["months"], set())
    weekdays = _name_alt(lx["weekdays"], set(lx["weekday_abbreviations_need_dot"]))
    deictic = [w for w in lx["deictic"] if not w.startswith("T")]
    holidays = _alt(lx["holidays"])
    set_words = [w for w in lx["sets"] if " " not in w and w not in lx["set_adjectives_need_context"]]
    mixed = r"(?:[- ][1-9]/(?:2|3|4|8|16))?(?![\d/])"
    return {
        "MONTH": rf"(?P<month>{months})",
        "WD": rf"(?P<wd>{weekdays})",
        "DAY": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)(?!:\d)",
        "YEAR": r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d%])(?![,.]\d)",
        "YEARWORDS": rf"(?P<yearw>{year_words})",
        "NUMWORD": numword,
        # "7-1/2 years", "12 1/2 year": a wire's mixed fraction is one number
        "NUM": rf"(?P<num>(?:\d+(?:[.,]\d+)?{mixed}|{numword})(?:[\s-]+and[\s-]+a[\s-]+half(?=[\s-]))?)",
        "VAGUE": rf"(?P<vague>{_alt(lx['vague_numbers'])})",
        "UNIT": rf"(?P<unit>{_alt(lx['units'])})",
        "RUNIT": r"(?P<unit>(?i:week|month|year|quarter|weekend|decade|century|fortnight|fiscal\s+year))",
        "NUNIT": r"(?P<unit>(?i:day|morning|afternoon|evening|night|week|month|year|weekend|quarter|decade|century))",
        "REL": rf"(?P<rel>{_alt(lx['relatives'])})",
        "PRE": rf"(?P<pre>{_alt(lx['premods'])})",
        "APPROX": rf"(?P<approx>{_alt(lx['approx'])})",
        "DIR": r"(?P<dir>(?i:ago|earlier|later|from\s+now|hence))",
        "SEASON": rf"(?P<season>{_alt(lx['seasons'])})",
        "PART": rf"(?P<part>{_alt(lx['day_parts'])})",
        "UNITADJ": _alt(lx["unit_adjectives"]),
        "TZ": rf"(?P<tz>{_alt(lx['time_zones'], ci=False)})",
        "DEICTIC": rf"(?P<deictic>{_alt(deictic)})",
        "DEICTIC_DAY": r"(?P<deicday>(?i:today|yesterday|tomorrow|tonight))",
        "ORDWORD": _alt(lx["ordinal_words"]),
        "DAYWORD": rf"(?P<dayw>{_alt(lx['day_ordinal_words'])})",
        "DAYCARD": rf"(?P<dayc>{_alt(lx['day_cardinal_words'])})",
        "HOURWORD": rf"(?P<hourw>{_alt(lx['hour_words'])})",
        "SETWORD": rf"(?P<setword>{_alt(set_words)})",
        "HOLIDAY": rf"(?P<holiday>{holidays})",
        "DURHEAD": rf"(?P<durhead>{_alt(lx['duration_head_nouns'])})",
    }


_SLOT = re.compile(r"<<([A-Z_]+)>>")


def _fill(template: str) -> str:
    """Replace <<SLOT>>s; a slot used twice gets its group names suffixed (``month__2``)."""
    slots = _slots()
    seen: dict[str, int] = {}

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        seen[name] = seen.get(name, 0) + 1
        text = slots[name]
        if seen[name] > 1:
            text = re.sub(r"\(\?P<(\w+)>", lambda g: f"(?P<{g.group(1)}__{seen[name]}>", text)
        return text

    return _SLOT.sub(sub, template)


@functools.cache
def patterns() -> tuple[Pattern, ...]:
    """The compiled grammar, in priority order."""
    raw = load("dates_patterns.json")["patterns"]
    out = []
    for p in raw:
        _check_pattern(p)
        body = _fill(p["regex"])
        try:  # each pattern is compiled once, with its context checks around it
            rx = re.compile(rf"(?<![\w$€£#@/])(?:{body})(?![\w/@])(?!-[A-Za-z])")
        except re.error as e:
            raise invalid(PATTERNS_PATH, f"pattern '{p['name']}': bad regex: {e}") from None
        needs = tuple(_needs(p.get("needs", ())))
        out.append(Pattern(p["name"], p["type"], p["kind"], rx, tuple(p.get("anchors", ())), needs))
    return tuple(out)


def _needs(words) -> list[str]:
    """The ``needs`` of a pattern, "@name" read as the first word of each entry of the lexicon's ``name``."""
    out: list[str] = []
    for w in words:
        if w.startswith("@"):
            out.extend(re.split(r"[\s-]+", e.lower())[0] for e in lexicon()[w[1:]])
        else:
            out.append(w.lower())
    return sorted(set(out))


def _check_pattern(p: dict) -> None:
    """A pattern whose resolver or slot does not exist would silently find nothing: say so instead."""
    if p["kind"] not in RESOLVERS:
        raise invalid(PATTERNS_PATH, f"pattern '{p['name']}': unknown kind '{p['kind']}'")
    unknown = sorted(set(_SLOT.findall(p["regex"])) - set(_slots()))
    if unknown:
        raise invalid(PATTERNS_PATH, f"pattern '{p['name']}': unknown slot <<{unknown[0]}>>")


def groups_of(m: re.Match[str]) -> dict[str, str]:
    """Named groups that matched, with ``__2`` suffixes folded into the base name."""
    out: dict[str, str] = {}
    for k, v in m.groupdict().items():
        if v is None:
            continue
        out.setdefault(k.split("__")[0], v)
    return out

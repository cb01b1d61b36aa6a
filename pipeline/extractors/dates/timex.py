"""TIMEX3 grammar and normaliser: text of a temporal expression -> value, mod and calendar interval.

Pure functions with the reference date passed in explicitly. The grammar (regex templates with
named slots) lives in ``data/dates_patterns.json`` and every word list in ``data/dates_lexicon.json``;
this module only fills the slots, matches, and turns the named groups into TIMEX3 values.
``pipeline.dates`` runs the same compiled patterns over a spaCy Doc and adds context (tense,
part of speech, the previous date of the narrative).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from ...rules import invalid
from .schema import RULES_DIR, load

PATTERNS_PATH = RULES_DIR / "dates_patterns.json"

REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
NARRATIVE_RELATIVES = ("following", "previous", "preceding", "prior", "subsequent")


@dataclass(frozen=True, slots=True)
class Timex:
    """A normalised temporal expression (no offsets): what ``resolve`` returns."""

    type: str
    value: str
    mod: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    anchor: str | None = None  # published | previous | None (absolute or duration)
    quant: str | None = None
    freq: str | None = None


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference date and how much of it is known (``published`` may be partial)."""

    date: dt.date
    granularity: str  # day | month | year


@dataclass(frozen=True, slots=True)
class Pattern:
    name: str
    type: str
    kind: str
    regex: re.Pattern[str]
    anchors: tuple[str, ...] = ()  # cue classes one of which every match contains (see pipeline.dates)


# --------------------------------------------------------------------------- lexicon and grammar


@functools.cache
def lexicon() -> dict:
    """The word lists (loaded once)."""
    return load("dates_lexicon.json")


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
    return {
        "MONTH": rf"(?P<month>{months})",
        "WD": rf"(?P<wd>{weekdays})",
        "DAY": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)(?!:\d)",
        "YEAR": r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d%])(?![,.]\d)",
        "YEARWORDS": rf"(?P<yearw>{year_words})",
        "NUMWORD": numword,
        "NUM": rf"(?P<num>(?:\d+(?:[.,]\d+)?|{numword})(?:\s+and\s+a\s+half(?=\s))?)",
        "VAGUE": rf"(?P<vague>{_alt(lx['vague_numbers'])})",
        "UNIT": rf"(?P<unit>{_alt(lx['units'])})",
        "RUNIT": r"(?P<unit>(?i:week|month|year|quarter|weekend|decade|century|fortnight|fiscal\s+year))",
        "NUNIT": r"(?P<unit>(?i:day|morning|afternoon|evening|night|week|month|year|weekend|quarter))",
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
        "HOURWORD": rf"(?P<hourw>{_alt(lx['hour_words'])})",
        "SETWORD": rf"(?P<setword>{_alt(set_words)})",
        "HOLIDAY": rf"(?P<holiday>{holidays})",
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
        rx = re.compile(rf"(?<![\w$€£#@/])(?:{body})(?![\w/@])(?!-[A-Za-z])")
        out.append(Pattern(p["name"], p["type"], p["kind"], rx, tuple(p.get("anchors", ()))))
    return tuple(out)


def _check_pattern(p: dict) -> None:
    """A pattern whose resolver or slot does not exist would silently find nothing: say so instead."""
    if p["kind"] not in RESOLVERS:
        raise invalid(PATTERNS_PATH, f"pattern '{p['name']}': unknown kind '{p['kind']}'")
    unknown = sorted(set(_SLOT.findall(p["regex"])) - set(_slots()))
    if unknown:
        raise invalid(PATTERNS_PATH, f"pattern '{p['name']}': unknown slot <<{unknown[0]}>>")
    try:
        re.compile(_fill(p["regex"]))
    except re.error as e:
        raise invalid(PATTERNS_PATH, f"pattern '{p['name']}': bad regex: {e}") from None


def groups_of(m: re.Match[str]) -> dict[str, str]:
    """Named groups that matched, with ``__2`` suffixes folded into the base name."""
    out: dict[str, str] = {}
    for k, v in m.groupdict().items():
        if v is None:
            continue
        out.setdefault(k.split("__")[0], v)
    return out


# --------------------------------------------------------------------------- small parsers


def parse_published(published: str | None) -> Ref | None:
    """``2012-06-12`` / ``2012-06`` / ``2012`` (or a longer ISO timestamp) -> Ref; else None."""
    if not published:
        return None
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", str(published))
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        if d:
            return Ref(dt.date(int(y), int(mo), int(d)), "day")
        if mo:
            return Ref(dt.date(int(y), int(mo), 1), "month")
        return Ref(dt.date(int(y), 1, 1), "year")
    except ValueError:
        return None


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def parse_number(text: str) -> float | None:
    """'twenty-four' -> 24, '1,000' -> 1000, 'half a' -> 0.5, 'a couple of' -> 2; None if vague."""
    t = _key(text).replace("-", " ")
    if not t:
        return None
    half = re.fullmatch(r"(.+?)\s+and\s+a\s+half", t)
    if half:
        head = parse_number(half.group(1))
        return None if head is None else head + 0.5
    lx = lexicon()
    if t in lx["numbers"]:
        return float(lx["numbers"][t])
    if re.fullmatch(r"\d+(,\d{3})*(\.\d+)?", t):
        return float(t.replace(",", ""))
    if re.fullmatch(r"\d+,\d+", t):  # European decimal comma
        return float(t.replace(",", "."))
    total = 0.0
    for w in t.split():
        if w in lx["numbers"]:
            n = lx["numbers"][w]
            if n in (100, 1000) and total:
                total *= n
            else:
                total += n
        elif w != "and":
            return None
    return total or None


def _year_from_words(text: str) -> int | None:
    t = _key(text).replace("-", " ").split()
    lx = lexicon()["numbers"]
    if t[:2] == ["two", "thousand"]:
        rest = [w for w in t[2:] if w != "and"]
        return 2000 + int(sum(lx.get(w, 0) for w in rest))
    head = lx.get(t[0])
    if head is None:
        return None
    rest = [w for w in t[1:] if w not in ("hundred", "and", "oh")]
    return int(head) * 100 + int(sum(lx.get(w, 0) for w in rest))


# --------------------------------------------------------------------------- calendar arithmetic


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _shift_quarter(y: int, q: int, n: int) -> tuple[int, int]:
    k = y * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def _nth_weekday(y: int, m: int, weekday: int, nth: int) -> dt.date:
    """``nth`` (1-based, -1 = last) ISO ``weekday`` of month ``m``."""
    if nth > 0:
        first = dt.date(y, m, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = dt.date(y, m, calendar.monthrange(y, m)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _easter(y: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


_VALUE_RX = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$"
)


def interval(value: str, mod: str | None = None) -> tuple[dt.date | None, dt.date | None]:
    """The inclusive calendar interval a DATE/TIME value covers, narrowed by START/MID/END."""
    start = end = None
    if re.fullmatch(r"\d{3}", value):
        start, end = dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
    elif re.fullmatch(r"\d{2}", value):
        start, end = dt.date(max(1, int(value) * 100), 1, 1), dt.date(int(value) * 100 + 99, 12, 31)
    else:
        m = _VALUE_RX.match(value)
        if not m:
            return None, None
        y = int(m["y"])
        if m["d"]:
            start = end = _safe_date(y, int(m["m"]), int(m["d"]))
        elif m["m"]:
            mo = int(m["m"])
            if not 1 <= mo <= 12:
                return None, None
            start, end = dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        elif m["w"]:
            try:
                start = dt.date.fromisocalendar(y, int(m["w"]), 6 if m["we"] else 1)
            except ValueError:
                return None, None
            end = dt.date.fromisocalendar(y, int(m["w"]), 7)
        elif m["q"]:
            q = int(m["q"])
            start = dt.date(y, 3 * q - 2, 1)
            end = _add_months(start, 3) - dt.timedelta(days=1)
        elif m["h"]:
            h = int(m["h"])
            start, end = dt.date(y, 6 * h - 5, 1), dt.date(y, 6 * h, 30 if h == 1 else 31)
        elif m["s"]:
            a, b = lexicon()["season_months"][m["s"]]
            start = dt.date(y, a, 1)
            ey = y + 1 if b < a else y
            end = dt.date(ey, b, calendar.monthrange(ey, b)[1])
        else:
            start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
    if start is None or end is None:
        return None, None
    days = (end - start).days + 1
    if mod in ("START", "END", "MID") and days >= 3:
        third = days // 3
        if mod == "START":
            end = start + dt.timedelta(days=third - 1)
        elif mod == "END":
            start = end - dt.timedelta(days=third - 1)
        else:
            start, end = start + dt.timedelta(days=third), end - dt.timedelta(days=third)
    return start, end


# --------------------------------------------------------------------------- resolution helpers


@dataclass(frozen=True, slots=True)
class Context:
    """What the resolver may know beyond the text: reference, tense, the narrative's last date."""

    ref: Ref | None
    tense: str | None = None  # past | present | future | None
    previous: Timex | None = None
    quarter: Timex | None = None  # a quarter just mentioned: "a year earlier" then means that quarter


def _mod(g: dict[str, str]) -> str | None:
    lx = lexicon()
    if "pre" in g:
        return lx["premods"].get(_key(g["pre"]).rstrip("-"), lx["premods"].get(_key(g["pre"])))
    if "approx" in g:
        return lx["approx"].get(_key(g["approx"]))
    return None


def _month_num(name: str) -> int:
    return lexicon()["months"][name.lower().rstrip(".")]


def _weekday_num(name: str) -> int:
    return lexicon()["weekdays"][name.lower().rstrip(".")]


def _pick_year(ref: Ref, month: int, day: int | None, tense: str | None) -> int:
    """Year of a month (and day) given without one: past/future from tense, else the closest."""
    r = ref.date
    if ref.granularity == "year":
        return r.year
    use_day = day is not None and ref.granularity == "day"
    now = (r.year, r.month, r.day if use_day else 0)
    cands = [(y, (y, month, day if use_day else 0)) for y in (r.year - 1, r.year, r.year + 1)]

    def dist(y: int) -> int:
        return abs((y * 372 + month * 31 + (day or 0)) - (r.year * 372 + r.month * 31 + (r.day if use_day else 0)))

    closest = min((r.year, r.year - 1, r.year + 1), key=dist)
    if tense == "past":
        chosen = [y for y, k in cands if k <= now][-1]
    elif tense == "future":
        chosen = [y for y, k in cands if k >= now][0]
    else:
        return closest
    # a tense guess that lands most of a year away loses to a day a few weeks off ("the offer
    # expired Nov. 10" in a story of Nov. 2), and a past month to next month ("was set for mid-November")
    near = dist(closest) <= (62 if use_day else 31 if tense == "past" else -1)
    return closest if near and dist(chosen) > 186 else chosen


def _weekday_date(ref: dt.date, wd: int, tense: str | None, rel: int | None = None) -> dt.date:
    """The weekday ``wd`` nearest ``ref`` in the direction given by ``rel`` or the tense."""
    back = (ref.isoweekday() - wd) % 7
    fwd = (wd - ref.isoweekday()) % 7
    if rel == -1:
        return ref - dt.timedelta(days=back or 7)
    if rel == 1:
        return ref + dt.timedelta(days=fwd or 7)
    if tense == "future":
        return ref + dt.timedelta(days=fwd)
    if tense is None and fwd < back and fwd <= 2:
        return ref + dt.timedelta(days=fwd)
    return ref - dt.timedelta(days=back)


def _date_timex(typ: str, value: str, mod: str | None, anchor: str | None, **kw: str | None) -> Timex:
    start, end = interval(value, mod) if value[:1].isdigit() else (None, None)
    return Timex(typ, value, mod, start, end, anchor, **kw)


def _day_value(d: dt.date, part: str | None) -> str:
    v = d.isoformat()
    return f"{v}T{part}" if part else v


def _part_code(g: dict[str, str]) -> str | None:
    if "part" not in g:
        return None
    return lexicon()["day_parts"].get(_key(g["part"]))


def _unit_code(text: str) -> str:
    return lexicon()["units"][_key(text).rstrip(".")]


def _rel(text: str) -> int:
    return lexicon()["relatives"][_key(text)]


def _at_granularity(d: dt.date, gran: str) -> str:
    return {
        "Y": f"{d.year:04d}",
        "M": f"{d.year:04d}-{d.month:02d}",
        "W": _week(d),
        "D": d.isoformat(),
        "Q": "{}-Q{}".format(*_quarter(d)),
        "DE": f"{d.year // 10:03d}",
        "CE": f"{d.year // 100:02d}",
    }.get(gran, d.isoformat())


_UNDERSPECIFIED = {
    "Y": "XXXX",
    "M": "XXXX-XX",
    "W": "XXXX-WXX",
    "D": "XXXX-XX-XX",
    "Q": "XXXX-QX",
    "DE": "XXX",
    "CE": "XX",
    "H": "XXXX-XX-XX",
    "MIN": "XXXX-XX-XX",
}


def _shift(d: dt.date, n: float, unit: str) -> dt.date:
    if unit == "Y":
        return _add_months(d, int(round(n * 12)))
    if unit == "M":
        return _add_months(d, int(round(n)))
    if unit == "Q":
        return _add_months(d, int(round(n * 3)))
    if unit == "DE":
        return _add_months(d, int(round(n * 120)))
    if unit == "CE":
        return _add_months(d, int(round(n * 1200)))
    if unit in ("W", "WE"):
        return d + dt.timedelta(days=round(n * 7))
    if unit == "2W":
        return d + dt.timedelta(days=round(n * 14))
    return d + dt.timedelta(days=round(n))


def _ref_gran_ok(ref: Ref | None, unit: str) -> bool:
    """Whether ``ref`` is precise enough for an offset in ``unit``."""
    if ref is None:
        return False
    need = {"D": "day", "W": "day", "WE": "day", "NIGHT": "day", "H": "day", "MIN": "day", "M": "month"}
    order = {"year": 0, "month": 1, "day": 2}
    return order[ref.granularity] >= order[need.get(unit, "year")]


def duration_value(n: float | None, unit: str) -> str:
    """P5Y, PT24H, P6M for half a year; X for a vague amount."""
    templates = lexicon()["duration_units"]
    if n is not None and n != int(n):  # 2.5 years -> P2Y6M, half a day -> PT12H
        smaller = {
            "Y": (12, "M"),
            "M": (30, "D"),
            "W": (7, "D"),
            "D": (24, "H"),
            "H": (60, "MIN"),
            "DE": (10, "Y"),
            "CE": (100, "Y"),
            "Q": (3, "M"),
            "MIN": (60, "S"),
        }
        if unit in smaller:
            k, small = smaller[unit]
            whole, rest = int(n), round((n - int(n)) * k)
            tail = duration_value(rest, small) if rest else ""
            head = duration_value(whole, unit) if whole else ""
            if head and tail:
                if "T" in tail and "T" not in head:
                    return head + tail[1:]
                return head + tail.split("T", 1)[-1] if "T" in head else head + tail[1:]
            return head or tail or duration_value(None, unit)
    if n is None:
        ns = n2 = n10 = n100 = "X"
    else:
        ni = int(n)
        ns, n2, n10, n100 = str(ni), str(2 * ni), str(10 * ni), str(100 * ni)
    t = templates.get(unit, "P{n}" + unit)
    return t.replace("{n2}", n2).replace("{n10}", n10).replace("{n100}", n100).replace("{n}", ns)


# --------------------------------------------------------------------------- resolvers by kind


def _r_date(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    ref = c.ref
    mod = _mod(g)
    part = _part_code(g)
    year = None
    if "year" in g:
        year = int(g["year"])
    elif "ryear" in g:
        shift = {"last": -1, "next": 1}.get(_key(g["ryear"]), 0)
        year = None if ref is None else ref.date.year + shift
    elif "yearw" in g:
        year = _year_from_words(g["yearw"])
    elif "yy" in g:
        yy = int(g["yy"])
        if yy >= 100:
            year = yy
        else:
            century = (ref.date.year // 100 * 100) if ref else (1900 if yy >= 50 else 2000)
            year = century + yy
            if ref and year > ref.date.year + 20:
                year -= 100
    month = _month_num(g["month"]) if "month" in g else int(g["mm"]) if "mm" in g else None
    day = int(g["day"]) if "day" in g else int(g["dd"]) if "dd" in g else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or day > calendar.monthrange(2000, month)[1] or day < 1):
        return None
    if year is not None and month and day and _safe_date(year, month, day) is None:
        return None
    typ = "TIME" if part or "hour" in g else p.type
    if month is None:
        if "wd" in g:  # weekday alone
            wd = _weekday_num(g["wd"])
            if ref is None or ref.granularity != "day":
                return Timex(typ, f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), mod)
            d = _weekday_date(ref.date, wd, c.tense)
            return _date_timex(typ, _day_value(d, part), mod, "published")
        if year is None:
            return None
        value = f"{year:04d}"
        return _date_timex(typ, value, mod, None)
    anchor = None
    if year is None:
        if ref is None:
            value = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
            return Timex(typ, value, mod)
        year = _pick_year(ref, month, day, c.tense)
        anchor = "published"
        if day and _safe_date(year, month, day) is None:  # Feb 29 in a common year
            return None
    value = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    if day and "hour" in g:
        value += f"T{int(g['hour']):02d}:{g['minute']}"
    elif day and part:
        value += f"T{part}"
    return _date_timex(typ, value, mod, anchor)


def _r_week_of(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    """'the week of March 6': the ISO week holding that day."""
    day = _r_date(p, g, c)
    if day is None or day.start_date is None:
        return None if day is None else Timex("DATE", "XXXX-WXX", None)
    return _date_timex("DATE", _week(day.start_date), None, day.anchor)


def _r_time(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    lx = lexicon()
    if "named" in g:
        hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[_key(g["named"])]
    else:
        hh = int(g["hour"]) if "hour" in g else lx["hour_words"][_key(g["hourw"])]
        mm = int(g.get("minute", 0))
        ampm = _key(g.get("ampm", "")).replace(".", "")
        half = _key(g.get("dayhalf", ""))
        if ampm or half:
            if hh > 12 or hh == 0:
                return None
            pm = ampm == "pm" or any(w in half for w in ("afternoon", "evening", "night"))
            if pm and hh < 12:
                hh += 12
            elif not pm and hh == 12:
                hh = 0
    clock = f"T{hh:02d}:{mm:02d}"
    ref = c.ref
    day: dt.date | None = None
    anchor = None
    if "month" in g and "day" in g:
        sub = _r_date(p, {"month": g["month"], "day": g["day"]}, c)
        if sub is None or not sub.value[:1].isdigit():
            return Timex("TIME", "XXXX-XX-XX" + clock, _mod(g))
        day, anchor = sub.start_date, "published"
    elif "wd" in g:
        if ref is None or ref.granularity != "day":
            return Timex("TIME", f"XXXX-WXX-{_weekday_num(g['wd'])}{clock}", _mod(g))
        day, anchor = _weekday_date(ref.date, _weekday_num(g["wd"]), c.tense), "published"
    elif "deicday" in g:
        if ref is None or ref.granularity != "day":
            return Timex("TIME", "XXXX-XX-XX" + clock, _mod(g))
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[_key(g["deicday"])]
        day, anchor = ref.date + dt.timedelta(days=off), "published"
    elif c.previous is not None and c.previous.start_date and c.previous.start_date == c.previous.end_date:
        day, anchor = c.previous.start_date, "previous"
    elif ref is not None and ref.granularity == "day":
        day, anchor = ref.date, "published"
    if day is None:
        return Timex("TIME", "XXXX-XX-XX" + clock, _mod(g))
    return Timex("TIME", day.isoformat() + clock, _mod(g), day, day, anchor)


def _r_decade(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    if "decade" in g and g["decade"].endswith("00") and int(g["decade"]) <= 1900:
        value = g["decade"][:2]  # "the 1800s" is the century
    elif "decade" in g:
        value = g["decade"][:3]
    elif "dec2" in g:
        d = int(g["dec2"])
        century = 19
        if c.ref and c.ref.date.year >= 2000 and 2000 + d <= c.ref.date.year + 10 or not c.ref and d < 30:
            century = 20
        value = f"{century}{d // 10}"
    else:
        value = f"19{lexicon()['decade_words'][_key(g['decw'])]}"
    return _date_timex("DATE", value, _mod(g), None)


def _r_century(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    t = _key(g["cent"])
    n = int(re.sub(r"\D", "", t)) if t[0].isdigit() else lexicon()["ordinal_words"].get(t)
    if not n or n > 21:
        return None
    return _date_timex("DATE", f"{n - 1:02d}", _mod(g), None)


def _r_quarter(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    ref = c.ref
    if "qn" in g:
        q = int(g["qn"][1])
    else:
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[
            _key(g["qord"])
        ]
    year = int(g["year"]) if "year" in g else int(g["year2"]) if "year2" in g else None
    anchor = None
    if year is None:
        if ref is None:
            return Timex("DATE", f"XXXX-Q{q}", _mod(g))
        ry, rq = _quarter(ref.date)
        year = ry
        if "qyrel" in g or "qyrel2" in g:
            rel = _key(g.get("qyrel", g.get("qyrel2", ""))).split()[0]
            year += {"last": -1, "next": 1}.get(rel, 0)
        elif "rel" in g:
            year += min(0, _rel(g["rel"])) if _rel(g["rel"]) < 0 and q >= rq else max(0, _rel(g["rel"]))
        elif q > rq and c.tense == "past" and ref.granularity != "year":
            year -= 1
        anchor = "published"
    return _date_timex("DATE", f"{year:04d}-Q{q}", _mod(g), anchor)


def _r_quarter_the(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    adj = _key(g.get("qadj", ""))
    noun = _key(g["qnoun"])
    if noun == "period" and not adj and "year" not in g:
        return None
    if "year" in g:
        q = _quarter(c.ref.date)[1] - 1 if c.ref and c.ref.granularity != "year" else 0
        q = q or 4
        return _date_timex("DATE", f"{g['year']}-Q{q}", None, "published" if c.ref else None)
    if "month" in g and noun == "quarter":  # "the quarter ended Sept. 30": the three months up to then
        end = _month_num(g["month"])
        y = c.ref.date.year if c.ref else None
        if y is not None and c.ref is not None and end > c.ref.date.month:
            y -= 1
        mid = (end - 2) % 12 + 1
        q = (mid - 1) // 3 + 1
        yq = None if y is None else y - (1 if mid > end else 0)
        if yq is None:
            return Timex("DATE", f"XXXX-Q{q}", None)
        return _date_timex("DATE", f"{yq:04d}-Q{q}", None, "published")
    if not adj and c.quarter is not None:  # "the quarter" after "the fiscal first quarter": that one
        return _date_timex("DATE", c.quarter.value, None, "previous")
    if c.ref is None:
        return Timex("DATE", "XXXX-QX", None)
    y, q = _quarter(c.ref.date)
    if c.ref.granularity == "year":
        return Timex("DATE", f"{y:04d}-QX", None, anchor="published")
    if adj in ("current", "this"):
        shift = 0
    elif "year" in adj or adj in ("comparable", "same"):
        shift = -5
    elif adj in ("previous", "prior", "preceding"):
        shift = -2
    else:  # "the quarter", "the latest quarter": the last one reported
        shift = -1
    y, q = _shift_quarter(y, q, shift)
    return _date_timex("DATE", f"{y:04d}-Q{q}", None, "published")


def _r_half(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    h = 1 if _key(g["hord"]) == "first" else 2
    if "year" in g:
        return _date_timex("DATE", f"{g['year']}-H{h}", None, None)
    if c.ref is None:
        return Timex("DATE", f"XXXX-H{h}", None)
    y = c.ref.date.year
    if "hyr" in g:
        y += {"last": -1, "next": 1}.get(_key(g["hyr"]).split()[0], 0)
    return _date_timex("DATE", f"{y:04d}-H{h}", None, "published")


def _season_start(y: int, code: str) -> dt.date:
    return dt.date(y, lexicon()["season_months"][code][0], 1)


def _r_season(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    code = lexicon()["seasons"][_key(g["season"])]
    mod = _mod(g)
    if "year" in g or "yearw" in g:
        year = int(g["year"]) if "year" in g else _year_from_words(g["yearw"])
        return _date_timex("DATE", f"{year}-{code}", mod, None)
    if c.ref is None:
        return Timex("DATE", f"XXXX-{code}", mod)
    r = c.ref.date
    rel = _rel(g["rel"]) if "rel" in g else 0
    starts = [(y, _season_start(y, code)) for y in (r.year - 2, r.year - 1, r.year, r.year + 1)]
    if rel < 0:  # the most recent one that has ended or begun before this season
        y = [y for y, s in starts if s <= r - dt.timedelta(days=90)][-1]
    elif rel > 0:
        y = [y for y, s in starts if s > r][0]
    elif c.tense == "past":
        y = [y for y, s in starts if s <= r][-1]
    else:
        y = r.year
    return _date_timex("DATE", f"{y:04d}-{code}", mod, "published")


def _r_rel_unit(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    unit = _key(g["unit"])
    rel = _rel(g["rel"]) if "rel" in g else 0
    mod = _mod(g)
    if "edge" in g:
        mod = None
    if _key(g.get("rel", "")) in ("that", "same", "the same"):
        return None  # narrative: handled by the narrative pattern
    if _key(g.get("rel", "")) in NARRATIVE_RELATIVES and c.previous is not None:
        return None  # "the following month" counts from the story's last date
    code = {
        "week": "W",
        "month": "M",
        "year": "Y",
        "fiscal year": "Y",
        "quarter": "Q",
        "weekend": "WE",
        "decade": "DE",
        "century": "CE",
        "fortnight": "2W",
    }[unit]
    if code in ("DE", "CE") and _key(g.get("rel", "")) in lexicon()["past_span_relatives"]:
        return Timex("DURATION", duration_value(1, code), mod)  # "the past century": the last hundred years
    ref = c.ref
    if ref is None or not _ref_gran_ok(ref, "D" if code in ("W", "WE", "2W") else code):
        und = {"WE": "XXXX-WXX-WE", "2W": "XXXX-WXX"}.get(code, _UNDERSPECIFIED.get(code, "XXXX"))
        if ref is not None and code in ("W", "WE", "2W"):
            und = f"{ref.date.year:04d}-WXX" + ("-WE" if code == "WE" else "")
        return Timex("DATE", und, mod)
    r = ref.date
    if code == "WE":
        d = r + dt.timedelta(days=7 * rel)
        if "rel" not in g and r.isoweekday() <= 5 and c.tense != "future":
            d = r - dt.timedelta(days=7)  # "the weekend" read on a weekday, in the past tense
        return _date_timex("DATE", _week(d) + "-WE", mod, "published")
    if code == "2W":
        d = r + dt.timedelta(days=14 * rel)
        return _date_timex("DATE", _week(d), mod, "published")
    d = _shift(r, rel, code)
    return _date_timex("DATE", _at_granularity(d, code), mod, "published")


def _r_rel_month(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    month = _month_num(g["month"])
    rel = _rel(g["rel"])
    if _key(g["rel"]) in ("that", "same", "the same"):
        return None
    if c.ref is None:
        return Timex("DATE", f"XXXX-{month:02d}", _mod(g))
    r = c.ref.date
    if rel < 0:
        y = r.year if month < r.month else r.year - 1
    elif rel > 0:
        y = r.year if month > r.month else r.year + 1
    else:
        y = r.year
    return _date_timex("DATE", f"{y:04d}-{month:02d}", _mod(g), "published")


def _r_rel_weekday(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    wd = _weekday_num(g["wd"])
    part = _part_code(g)
    rel_word = _key(g["rel"])
    if rel_word in ("that", "same", "the same"):
        return None
    rel = _rel(rel_word)
    base, anchor = (c.ref.date, "published") if c.ref and c.ref.granularity == "day" else (None, None)
    if rel_word in ("previous", "preceding", "prior", "following") and c.previous and c.previous.start_date:
        base, anchor = c.previous.start_date, "previous"
    if base is None:
        return Timex("TIME" if part else "DATE", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), _mod(g))
    d = _weekday_date(base, wd, c.tense, rel if rel else None)
    return _date_timex("TIME" if part else "DATE", _day_value(d, part), _mod(g), anchor)


def _r_offset(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    lx = lexicon()
    direction = lx["offset_directions"][_key(g["dir"])]
    ref_word = "PAST_REF" if direction < 0 else "FUTURE_REF"
    if "bunit" in g or "vague" in g:
        return _ref_timex("DATE", ref_word, _mod(g), c.ref)
    n = parse_number(g["num"])
    unit = _unit_code(g["unit"])
    if n is None or n <= 0:
        return None
    if unit in ("H", "MIN", "S"):
        return _ref_timex("TIME", ref_word, _mod(g), c.ref)
    if unit in ("NIGHT", "WE"):
        unit = "D" if unit == "NIGHT" else "W"
    if unit == "2W":
        unit, n = "W", n * 2
    dir_word = _key(g["dir"])
    if unit == "Y" and n == 1 and direction < 0 and c.quarter is not None:
        return _year_ago_quarter(c.quarter)
    base: dt.date | None = None
    anchor = None
    prev = c.previous
    narrative = dir_word in ("later", "earlier") and prev is not None
    if narrative and _fine_enough(prev, unit):  # type: ignore[arg-type]
        base, anchor = prev.start_date, "previous"
    elif _ref_gran_ok(c.ref, unit):
        base, anchor = c.ref.date, "published"  # type: ignore[union-attr]
    if base is None:
        return Timex("DATE", _UNDERSPECIFIED.get(unit, "XXXX"), _mod(g))
    d = _shift(base, direction * n, unit)
    gran = unit if unit in ("Y", "M", "W", "D", "Q") else ("Y" if unit in ("DE", "CE") else "D")
    return _date_timex("DATE", _at_granularity(d, gran), _mod(g), anchor)


def _year_ago_quarter(quarter: Timex) -> Timex:
    y, q = quarter.value.split("-Q")
    return _date_timex("DATE", f"{int(y) - 1:04d}-Q{q}", None, "previous")


def _r_duration_ended(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    """'the year ended March 31': a reporting period, a duration."""
    unit = _key(g["eunit"])
    value = {
        "year": "P1Y",
        "quarter": "P1Q",
        "half": "P6M",
        "nine months": "P9M",
        "six months": "P6M",
        "three months": "P3M",
    }[unit]
    return Timex("DURATION", value, None)


def _r_unit_ago(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    unit = _key(g["ago_unit"])
    noun = _key(g.get("ago_noun2", ""))
    ordinal = _key(g.get("ago_noun", ""))
    ref = c.ref
    if ref is None:
        return Timex("DATE", "XXXX", None)
    r = ref.date
    if unit == "year":
        if ordinal:
            q = {"first": 1, "second": 2, "third": 3, "fourth": 4}[ordinal]
            return _date_timex("DATE", f"{r.year - 1}-Q{q}", None, "published")
        if not noun and c.quarter is not None:
            return _year_ago_quarter(c.quarter)
        if noun in ("quarter", "period"):
            y, q = _shift_quarter(*_quarter(r), -5)
            return _date_timex("DATE", f"{y}-Q{q}", None, "published")
        if noun == "month":
            return _date_timex("DATE", _at_granularity(_add_months(r, -13), "M"), None, "published")
        return _date_timex("DATE", f"{r.year - 1}", None, "published")
    code = {"month": "M", "quarter": "Q", "week": "W"}[unit]
    d = _shift(r, -1, code)
    return _date_timex("DATE", _at_granularity(d, code), None, "published")


def _r_year_end(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    t = _key(g["ye"])
    unit = "M" if "month" in t else "W" if "week" in t else "Y"
    if c.ref is None or not _ref_gran_ok(c.ref, unit):
        return Timex("DATE", _UNDERSPECIFIED[unit], "END")
    return _date_timex("DATE", _at_granularity(c.ref.date, unit), "END", "published")


def _r_deictic(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    lx = lexicon()
    mod = _mod(g)
    part = _part_code(g)
    entry = lx["deictic"][_key(g["deictic"])] if "deictic" in g else lx["deictic"][_key(g["deicday"])]
    typ, code = entry[0], entry[1]
    if len(entry) > 2 and not part:
        part = entry[2]
    if code in REFS:
        return _ref_timex(typ, code, mod, c.ref)
    if part:
        typ = "TIME"
    if code.startswith("T"):
        if c.ref is None or c.ref.granularity != "day":
            return Timex(typ, "XXXX-XX-XX" + code, mod)
        return Timex(typ, c.ref.date.isoformat() + code, mod, c.ref.date, c.ref.date, "published")
    days = int(code[:-1])
    if c.ref is None or c.ref.granularity != "day":
        return Timex(typ, "XXXX-XX-XX" + (f"T{part}" if part else ""), mod)
    d = c.ref.date + dt.timedelta(days=days)
    return _date_timex(typ, _day_value(d, part), mod, "published")


def _fine_enough(t: Timex, unit: str) -> bool:
    """Whether a previous date is precise enough to count ``unit``s from it."""
    if t.start_date is None or t.end_date is None:
        return False
    days = (t.end_date - t.start_date).days + 1
    return days <= {"D": 1, "W": 7, "WE": 7, "M": 31, "Q": 92}.get(unit, 366)


def _ref_timex(typ: str, code: str, mod: str | None, ref: Ref | None) -> Timex:
    """PRESENT_REF covers the publication day; PAST_REF and FUTURE_REF have no closed interval."""
    if ref is None or ref.granularity != "day" or code != "PRESENT_REF":
        return Timex(typ, code, mod, anchor="published" if ref else None)
    return Timex(typ, code, mod, ref.date, ref.date, "published")


def _r_narrative(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    nrel = _key(g["nrel"])
    unit = _key(g.get("unit", ""))
    if nrel in ("the day before", "the night before"):
        unit, step = ("day" if "day" in nrel else "night"), -1
        if "unit" in g:
            return None
    elif nrel == "the day after":
        unit, step = "day", 1
        if "unit" in g:
            return None
    elif not unit:
        return None
    elif nrel in ("the next", "the following"):
        step = 1
    elif nrel in ("the previous", "the preceding", "the prior"):
        step = -1
    else:
        step = 0
    part = lexicon()["day_parts"].get(unit)
    code = {"week": "W", "month": "M", "year": "Y", "weekend": "WE", "quarter": "Q"}.get(unit, "D")
    prev = c.previous
    if prev is not None and _fine_enough(prev, code):
        base, anchor = prev.start_date, "previous"
    elif _ref_gran_ok(c.ref, code):
        base, anchor = c.ref.date, "published"  # type: ignore[union-attr]
    else:
        return Timex("TIME" if part else "DATE", _UNDERSPECIFIED.get(code, "XXXX-XX-XX"), None)
    if code == "WE":
        return _date_timex("DATE", _week(base + dt.timedelta(days=7 * step)) + "-WE", None, anchor)
    d = _shift(base, step, code)
    if part:
        return _date_timex("TIME", f"{d.isoformat()}T{part}", None, anchor)
    return _date_timex("DATE", _at_granularity(d, code), None, anchor)


def _r_part_of_day(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    """ "in the morning", "mid afternoon": that part of the narrative's day (else the publication day)."""
    part = _part_code(g)
    prev = c.previous
    if prev is not None and prev.start_date is not None and prev.start_date == prev.end_date:
        day, anchor = prev.start_date, "previous"
    elif c.ref is not None and c.ref.granularity == "day":
        day, anchor = c.ref.date, "published"
    else:
        return Timex("TIME", f"XXXX-XX-XXT{part}", _mod(g))
    return Timex("TIME", f"{day.isoformat()}T{part}", _mod(g), day, day, anchor)


def _r_duration(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    mod = _mod(g)
    if "vaguedur" in g:
        return Timex("DURATION", "PXX", mod)
    if "bunit" in g:
        unit = _unit_code(g["bunit"])
        n = None
    elif "lunit" in g:  # "day-long" is one day, "decades-long" some decades
        unit = _unit_code(g["lunit"])
        n = None if _key(g["lunit"]).endswith(("s", "ies")) else 1.0
    else:
        unit = _unit_code(g["unit"])
        n = None if "vague" in g else parse_number(g["num"])
        if n is None and "vague" not in g:
            return None
        if n is not None and n <= 0:
            return None
        if n is not None and ("andahalf" in g or "half" in g):
            n += 0.5
    value = duration_value(n, unit)
    drel = _key(g.get("drel", ""))
    if drel in ("recent", "the past", "past") and n is None:
        return Timex("DURATION", value, mod, anchor="published" if c.ref else None)
    start = end = None
    anchor = None
    if n is not None and drel and c.ref is not None and c.ref.granularity == "day":
        back = drel in ("past", "last", "previous", "prior", "preceding", "the past", "the last")
        fwd = drel in ("next", "coming", "following", "ensuing", "the next", "the coming")
        if back:
            start, end, anchor = _shift(c.ref.date, -n, unit), c.ref.date, "published"
        elif fwd:
            start, end, anchor = c.ref.date, _shift(c.ref.date, n, unit), "published"
    return Timex("DURATION", value, mod, start, end, anchor)


def _r_set(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    lx = lexicon()
    freq = None
    quant = None
    if "setword" in g:
        return Timex("SET", lx["sets"][_key(g["setword"])], None)
    if "wdplural" in g:
        return Timex("SET", f"XXXX-WXX-{_weekday_num(_key(g['wdplural'])[:-1])}", None)
    if "every" in g:
        quant = "EVERY" if _key(g["every"]) in ("every", "each") else None
    if "freq" in g:
        f = _key(g["freq"])
        k = {"once": 1, "twice": 2, "thrice": 3}.get(f)
        if k is None:
            k = int(parse_number(f.replace(" times", "")) or 0) or None
        freq = f"{k}X" if k else None
    if "wd" in g:
        part = lexicon()["day_parts"][_key(g["partpl"])[:-1]] if "partpl" in g else None
        value = f"XXXX-WXX-{_weekday_num(g['wd'])}" + (f"T{part}" if part else "")
        return Timex("SET", value, None, quant=quant, freq=freq)
    if "month" in g:
        return Timex("SET", f"XXXX-{_month_num(g['month']):02d}", None, quant=quant, freq=freq)
    if "season" in g:
        return Timex("SET", f"XXXX-{lx['seasons'][_key(g['season'])]}", None, quant=quant, freq=freq)
    if "part" in g:
        return Timex("SET", f"XXXX-XX-XXT{_part_code(g)}", None, quant=quant, freq=freq)
    n = 1.0
    if "setnum" in g:
        n = 2.0 if _key(g["setnum"]) == "other" else parse_number(g["setnum"]) or 1.0
    unit = _unit_code(g["unit"])
    return Timex("SET", duration_value(n, unit), None, quant=quant, freq=freq)


def _r_holiday(p: Pattern, g: dict[str, str], c: Context) -> Timex | None:
    spec = lexicon()["holidays"][_key(g["holiday"])]

    def on(y: int) -> dt.date:
        if spec[0] == "easter":
            return _easter(y) + dt.timedelta(days=spec[1])
        if len(spec) == 4:  # Election Day: the day after the first Monday of November
            return _nth_weekday(y, spec[0], spec[1], spec[2]) + dt.timedelta(days=spec[3])
        if len(spec) == 3:
            return _nth_weekday(y, spec[0], spec[1], spec[2])
        return dt.date(y, spec[0], spec[1])

    if "year" in g:
        return _date_timex("DATE", on(int(g["year"])).isoformat(), None, None)
    if c.ref is None or c.ref.granularity != "day":
        if spec[0] != "easter" and len(spec) == 2:
            return Timex("DATE", f"XXXX-{spec[0]:02d}-{spec[1]:02d}", None)
        return Timex("DATE", "XXXX-XX-XX", None)
    r = c.ref.date
    days = [on(y) for y in (r.year - 1, r.year, r.year + 1)]
    rel = _rel(g["rel"]) if "rel" in g else 0
    tense = "past" if rel < 0 else "future" if rel > 0 else c.tense
    if tense == "past":
        d = [x for x in days if x <= r][-1]
    elif tense == "future":
        d = [x for x in days if x >= r][0]
    else:
        d = min(days, key=lambda x: abs((x - r).days))
    closest = min(days, key=lambda x: abs((x - r).days))
    if rel == 0 and abs((d - r).days) > 180 and abs((closest - r).days) <= 14:
        d = closest  # a tense guess a year away loses to the holiday a few days off
    return _date_timex("DATE", d.isoformat(), None, "published")


RESOLVERS = {
    "date": _r_date,
    "week_of": _r_week_of,
    "time": _r_time,
    "decade": _r_decade,
    "century": _r_century,
    "quarter": _r_quarter,
    "quarter_the": _r_quarter_the,
    "half": _r_half,
    "season": _r_season,
    "rel_unit": _r_rel_unit,
    "rel_month": _r_rel_month,
    "rel_weekday": _r_rel_weekday,
    "offset": _r_offset,
    "unit_ago": _r_unit_ago,
    "year_end": _r_year_end,
    "deictic": _r_deictic,
    "narrative": _r_narrative,
    "part_of_day": _r_part_of_day,
    "duration": _r_duration,
    "duration_ended": _r_duration_ended,
    "set": _r_set,
    "holiday": _r_holiday,
}


def resolve_match(pattern: Pattern, m: re.Match[str], context: Context) -> Timex | None:
    """Normalise one grammar match; None when it is not a valid temporal expression."""
    resolver = RESOLVERS[pattern.kind]  # every kind checked when the patterns were loaded
    try:
        return resolver(pattern, groups_of(m), context)
    except (KeyError, ValueError, IndexError, OverflowError):
        return None  # a slot value the word lists do not know, or an impossible date


def resolve(
    text: str,
    *,
    published: str | None,
    tense: str | None = None,
    previous: Timex | None = None,
) -> Timex | None:
    """Normalise a whole temporal expression (``text`` must match the grammar entirely).

    ``published`` is the reference date (ISO, maybe partial); ``tense`` (past | present |
    future) picks the direction of bare weekdays and months; ``previous`` is the narrative's
    last date, the anchor of "the next day" or "two weeks later".
    """
    context = Context(parse_published(published), tense, previous)
    text = text.strip()
    for pattern in patterns():
        m = pattern.regex.fullmatch(text)
        if m is None:
            continue
        found = resolve_match(pattern, m, context)
        if found is not None:
            return found
    return None

"""What every resolver shares: the lexicon codes of a match's named groups (modifier, month,
weekday, part of day, unit, relative word), duration values ("P2Y6M"), and ``Timex`` construction
with its calendar interval and anchor.
"""

from __future__ import annotations

import datetime as dt

from .calendar_math import interval
from .model import Ref, Timex
from .words import _key, lexicon


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


# each duration unit's next smaller unit and how many of it make one (2.5 years is P2Y6M; MIN is minutes)
SMALLER_UNIT = {
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


def duration_value(n: float | None, unit: str) -> str:
    """P5Y, PT24H, P6M for half a year; X for a vague amount."""
    templates = lexicon()["duration_units"]
    if n is not None and n != int(n) and unit in SMALLER_UNIT:  # 2.5 years -> P2Y6M, half a day -> PT12H
        k, small = SMALLER_UNIT[unit]
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


def _year_ago_quarter(quarter: Timex, whole_year: bool = False) -> Timex:
    """The quarter just reported, a year back; its whole year a year back when the sentence is
    about the full year ("full-year profit ... a year earlier")."""
    y, q = quarter.value.split("-Q")
    if whole_year:
        return _date_timex("DATE", f"{int(y) - 1:04d}", None, "previous")
    return _date_timex("DATE", f"{int(y) - 1:04d}-Q{q}", None, "previous")


def _fine_enough(t: Timex, unit: str) -> bool:
    """Whether a previous date is precise enough to count ``unit``s from it."""
    if t.start_date is None or t.end_date is None:
        return False
    days = (t.end_date - t.start_date).days + 1
    return days <= {"D": 1, "W": 7, "WE": 7, "M": 31, "Q": 92, "DE": 3653, "CE": 36525}.get(unit, 366)


def _ref_timex(typ: str, code: str, mod: str | None, ref: Ref | None) -> Timex:
    """PRESENT_REF covers the publication day; PAST_REF and FUTURE_REF have no closed interval."""
    if ref is None or ref.granularity != "day" or code != "PRESENT_REF":
        return Timex(typ, code, mod, anchor="published" if ref else None)
    return Timex(typ, code, mod, ref.date, ref.date, "published")

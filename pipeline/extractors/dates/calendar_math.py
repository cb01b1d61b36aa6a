"""Calendar arithmetic on plain dates: month and quarter shifts, ISO weeks, Easter, the interval
a TIMEX3 value covers (``interval``), the year of a month given without one, the nearest weekday,
and a date written at a granularity ("2015-Q2", "2015-W15").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .model import Ref
from .words import lexicon


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

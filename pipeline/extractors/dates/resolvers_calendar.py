"""Resolvers of calendar expressions: dates and times ("March 6, 2015", "3 p.m. Friday"), decades,
centuries, quarters, halves, seasons and holidays. Each takes (pattern, named groups, context) and
returns a ``Timex`` or None; ``resolvers.RESOLVERS`` maps pattern kinds to them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .calendar_math import _easter, _nth_weekday, _pick_year, _quarter, _safe_date, _shift_quarter, _week, _weekday_date
from .model import Pattern, ResolveContext, Timex
from .values import _date_timex, _day_value, _mod, _month_num, _part_code, _rel, _weekday_num, _year_ago_quarter
from .words import _key, _year_from_words, lexicon


def _r_date(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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
    if "dayw" in g:  # "March eighth", "the twenty-first of June"
        day = lexicon()["day_ordinal_words"][_key(g["dayw"])]
    elif "dayc" in g:  # "April eight": a cardinal word after a month is its day
        day = lexicon()["day_cardinal_words"][_key(g["dayc"])]
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


def _r_week_of(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
    """'the week of March 6': the ISO week holding that day."""
    day = _r_date(p, g, c)
    if day is None or day.start_date is None:
        return None if day is None else Timex("DATE", "XXXX-WXX", None)
    return _date_timex("DATE", _week(day.start_date), None, day.anchor)


def _r_time(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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


def _r_year_span(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
    """ "1986/87", "the 1987-88 crop year", "2001-2003": a span of years, one ISO 8601 interval
    ("1986/1987", as the facts gold writes year ranges) from the first year's 1 January to the last
    year's 31 December. A second year written with two digits is the next one ("1986/87"), or within
    the next decade ("1986-89"); anything else ("1987-10", "1990-85") is no span."""
    first = int(g["year"])
    last = int(g["year2"]) if len(g["year2"]) == 4 else first // 100 * 100 + int(g["year2"])
    if len(g["year2"]) == 2 and last <= first:
        last += 100  # "1999/00"
    if not first < last <= first + (9 if len(g["year2"]) == 2 else 50):
        return None
    value = f"{first}/{last}"
    return Timex("DATE", value, _mod(g), dt.date(first, 1, 1), dt.date(last, 12, 31), None)


def _r_decade(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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


def _r_century(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
    t = _key(g["cent"])
    n = int(re.sub(r"\D", "", t)) if t[0].isdigit() else lexicon()["ordinal_words"].get(t)
    if not n or n > 21:
        return None
    return _date_timex("DATE", f"{n - 1:02d}", _mod(g), None)


def _r_quarter(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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
        if ref is None or ("qord2" in g and c.tense in (None, "present")):
            # "sales peak in the third and fourth quarters": a habit, the quarters of any year
            return Timex("DATE", f"XXXX-Q{q}", _mod(g))
        ry, rq = _quarter(ref.date)
        year = ry
        if "qyrel" in g or "qyrel2" in g:
            rel = _key(g.get("qyrel", g.get("qyrel2", ""))).split()[0]
            year += {"last": -1, "next": 1}.get(rel, 0)
        elif "rel" in g:
            year += min(0, _rel(g["rel"])) if _rel(g["rel"]) < 0 and q >= rq else max(0, _rel(g["rel"]))
            if _rel(g["rel"]) < 0 and c.quarter is not None and c.quarter.value == f"{year:04d}-Q{q}":
                year -= 1  # "a fourth quarter loss ... it earned X in the previous fourth quarter"
        elif q > rq and c.tense != "future" and ref.granularity != "year":
            year -= 1
        anchor = "published"
    return _date_timex("DATE", f"{year:04d}-Q{q}", _mod(g), anchor)


def _r_quarter_the(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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
    year_ago = "year" in adj or adj in ("comparable", "same")
    if year_ago and c.quarter is not None and c.year_scope:  # "full-year net ... the year-earlier period"
        return _year_ago_quarter(c.quarter, whole_year=True)
    if c.ref is None:
        return Timex("DATE", "XXXX-QX", None)
    y, q = _quarter(c.ref.date)
    if year_ago and noun == "period" and c.quarter is None:  # no quarter in sight ("the four weeks ended
        return _date_timex("DATE", f"{y - 1:04d}", None, "published")  # March 13 ... the same period a year ago")
    if c.ref.granularity == "year":
        return Timex("DATE", f"{y:04d}-QX", None, anchor="published")
    if adj in ("current", "this"):
        shift = 0
    elif year_ago:
        shift = -5
    elif adj in ("previous", "prior", "preceding"):
        shift = -2
    else:  # "the quarter", "the latest quarter": the last one reported
        shift = -1
    y, q = _shift_quarter(y, q, shift)
    return _date_timex("DATE", f"{y:04d}-Q{q}", None, "published")


def _r_half(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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


def _r_season(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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


def _r_holiday(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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
        if "hweek" in g:
            return Timex("DATE", "XXXX-WXX", None)
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
    if "hweek" in g:  # "Easter week": the (ISO) week that holds the holiday
        return _date_timex("DATE", _week(d), None, "published")
    return _date_timex("DATE", d.isoformat(), None, "published")

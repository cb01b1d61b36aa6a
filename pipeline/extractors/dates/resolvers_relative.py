"""Resolvers of expressions counted from the publication date or the narrative's last date:
"last month", "next Tuesday", "three weeks ago", "a year earlier", "yesterday", "the following
day", "in the morning". Each takes (pattern, named groups, context) and returns a ``Timex`` or None.
"""

from __future__ import annotations

import datetime as dt
import re

from .calendar_math import (
    _UNDERSPECIFIED,
    _add_months,
    _at_granularity,
    _quarter,
    _ref_gran_ok,
    _shift,
    _shift_quarter,
    _week,
    _weekday_date,
)
from .model import REFS, Pattern, ResolveContext, Timex
from .values import (
    _date_timex,
    _day_value,
    _fine_enough,
    _mod,
    _month_num,
    _part_code,
    _ref_timex,
    _rel,
    _unit_code,
    _weekday_num,
    _year_ago_quarter,
    duration_value,
)
from .words import _key, lexicon, parse_number

_MONTH_OR_YEAR = re.compile(r"\d{4}(?:-[01]\d)?")
NARRATIVE_RELATIVES = ("following", "previous", "preceding", "prior", "subsequent")
WHOLE = ("full", "the full", "entire", "the entire", "whole", "the whole")


def _r_rel_unit(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
    unit = _key(g["unit"])
    rel = _rel(g["rel"]) if "rel" in g else 0
    mod = _mod(g)
    if "edge" in g:
        mod = None
    if _key(g.get("rel", "")) in ("that", "same", "the same"):
        return None  # narrative: handled by the narrative pattern
    narrative = c.latest if unit in ("decade", "century") else c.previous
    if _key(g.get("rel", "")) in NARRATIVE_RELATIVES and narrative is not None:
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
    if code == "Y" and _key(g.get("rel", "")) in WHOLE and c.quarter is not None:
        y = c.quarter.value.split("-Q")[0]  # "the full year" beside a reported quarter: that quarter's year
        return _date_timex("DATE", y, mod, "previous")
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


def _r_rel_month(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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


def _r_rel_weekday(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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


def _r_offset(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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
        return _year_ago_quarter(c.quarter, c.year_scope)
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


def _r_unit_ago(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
    unit = _key(g["ago_unit"])
    noun = _key(g.get("ago_noun2", ""))
    ordinal = _key(g.get("ago_noun", ""))
    ref = c.ref
    if ref is None:
        return Timex("DATE", "XXXX", None)
    r = ref.date
    if unit == "year":
        if "ago_months" in g:  # "the year-earlier nine months": a reporting period, a duration
            return Timex("DURATION", duration_value(parse_number(_key(g["ago_months"]).split()[0]), "M"), None)
        if ordinal:
            q = {"first": 1, "second": 2, "third": 3, "fourth": 4}[ordinal]
            return _date_timex("DATE", f"{r.year - 1}-Q{q}", None, "published")
        if c.quarter is not None and (not noun or (noun == "period" and c.year_scope)):
            return _year_ago_quarter(c.quarter, c.year_scope)
        if noun in ("quarter", "period"):
            y, q = _shift_quarter(*_quarter(r), -5)
            return _date_timex("DATE", f"{y}-Q{q}", None, "published")
        if noun == "month":
            return _date_timex("DATE", _at_granularity(_add_months(r, -13), "M"), None, "published")
        return _date_timex("DATE", f"{r.year - 1}", None, "published")
    code = {"month": "M", "quarter": "Q", "week": "W"}[unit]
    d = _shift(r, -1, code)
    return _date_timex("DATE", _at_granularity(d, code), None, "published")


def _r_year_end(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
    t = _key(g["ye"])
    unit = "M" if "month" in t else "W" if "week" in t else "Y"
    if "year" in g and unit == "Y":  # "year-end 1986": its last day, as the TempEval and facts golds write it
        return _date_timex("DATE", f"{g['year']}-12-31", None, None)
    if c.ref is None or not _ref_gran_ok(c.ref, unit):
        return Timex("DATE", _UNDERSPECIFIED[unit], "END")
    return _date_timex("DATE", _at_granularity(c.ref.date, unit), "END", "published")


def _r_deictic(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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


def _r_narrative(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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
    codes = {"week": "W", "month": "M", "year": "Y", "weekend": "WE", "quarter": "Q", "decade": "DE", "century": "CE"}
    code = codes.get(unit, "D")
    prev = c.latest if code in ("DE", "CE") and c.latest is not None else c.previous
    if prev is not None and _fine_enough(prev, code):
        base, anchor = prev.start_date, "previous"
    elif step == 0 and code == "D" and prev is not None and _MONTH_OR_YEAR.fullmatch(prev.value):
        # "last October ... that same day": a day of that month nobody named, not the publication day
        value = prev.value + ("-XX" if "-" in prev.value else "-XX-XX") + (f"T{part}" if part else "")
        return Timex("TIME" if part else "DATE", value, None, prev.start_date, prev.end_date, "previous")
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


def _r_part_of_day(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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

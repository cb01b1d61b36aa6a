"""Resolvers of durations ("three years", "the year ended March 31") and sets ("every Monday",
"twice a week"). Each takes (pattern, named groups, context) and returns a ``Timex`` or None.
"""

from __future__ import annotations

import re

from .calendar_math import _shift
from .model import Pattern, ResolveContext, Timex
from .values import _date_timex, _mod, _month_num, _part_code, _unit_code, _weekday_num, duration_value
from .words import _key, lexicon, parse_number


def _r_duration_ended(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
    """'the year ended March 31', 'the week ended March 18': a reporting period, a duration (the date
    after it is a date of its own)."""
    unit = _key(g["eunit"])
    value = {
        "year": "P1Y",
        "quarter": "P1Q",
        "half": "P6M",
        "nine months": "P9M",
        "six months": "P6M",
        "three months": "P3M",
        "week": "P1W",
        "month": "P1M",
    }[unit]
    return Timex("DURATION", value, None)


_YEAR_NUMBER = re.compile(r"(?:1[89]|20)\d\d")


def _r_duration(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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
        num = (g.get("num") or "").strip()
        if unit == "Y" and _YEAR_NUMBER.fullmatch(num) and not _key(g["unit"]).endswith("s"):
            return _date_timex("DATE", num, mod, None)  # "1985 year net", "the 2004 year": that year
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


def _r_set(p: Pattern, g: dict[str, str], c: ResolveContext) -> Timex | None:
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
    if "sportseason" in g:  # "each season" (of a sport, a theatre ...): once a year
        return Timex("SET", "P1Y", None, quant=quant, freq=freq)
    if "part" in g:
        return Timex("SET", f"XXXX-XX-XXT{_part_code(g)}", None, quant=quant, freq=freq)
    n = 1.0
    if "setnum" in g:
        n = 2.0 if _key(g["setnum"]) == "other" else parse_number(g["setnum"]) or 1.0
    unit = _unit_code(g["unit"])
    return Timex("SET", duration_value(n, unit), None, quant=quant, freq=freq)

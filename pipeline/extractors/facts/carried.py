"""Periods a dated story states once: a wire report names the year of its figures once and lets the
figures after it, and a comparison's other side, stand in it.

- **A year-on-year comparison**: "turnover fell to 38 billion marks from 42.72 billion in 1985", "earnings
  totalled 2.9 mln dlrs against a year-earlier loss of 1.5 mln": the earlier figure is dated, the
  current one is in the year after (a year, quarter or half of a year; never after the publication).
- **The other side of a comparison**: "domestic sales 10.83 billion [1986] vs 10.80 billion": an undated earlier
  figure right after a current figure of a year is of the year before.
- **Clauses of one sentence**: "... and parent company turnover fell to 14 billion from 15.35 billion":
  a later undated figure is in the period of the last dated figure of its side (current or prior).
- **The next sentence**: "business failures rose 6.9 pct in 1986 ... It said bankruptcies in Texas
  were up 57.4 pct": a sentence that names no time of its own continues the period of the current
  figures of the sentence just before it, in the same paragraph, when what it says does not name a
  period of another size ("quarter" after a year).

Only money and percentages that are reported (not forecast, planned or negated) take a carried period,
and only in articles with a publication date: a story without one (the BBC corpus) states its times
where they apply.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ...records import DateMention, Fact
from ..dates.calendar_math import interval
from ..quantities.find import FRACTION

_PERIOD = re.compile(r"(?P<y>\d{4})(?:-(?P<part>Q[1-4]|H[12]))?")
# what puts a figure on the earlier side of a comparison, right before it
_PRIOR = re.compile(r"\b(?:from|against|versus|vs\.?|compared\s+(?:with|to))\b[^.;]{0,40}$", re.IGNORECASE)
_SIZE_WORDS = {"Q": re.compile(r"\b(?:quarter|qtr)\b", re.I), "H": re.compile(r"\bhalf\b", re.I)}
_ROLES = frozenset({"in", "period"})
_YEAR_WORDS = re.compile(r"\b(?:full[- ]year|year|annual)\b", re.I)


def carry_periods(facts: list[Fact], text: str, dates: Sequence[DateMention], published: str | None) -> list[Fact]:
    """``facts`` (text order) with the periods of dated figures carried to the undated ones above."""
    if not published or not facts:
        return facts
    latest = int(published[:4])
    out = list(facts)
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(out):
        if f.quantity_span is not None:
            by_sentence.setdefault(f.sentence_start, []).append(i)
    before: Fact | None = None  # the last current dated figure of the sentence above
    last_end = -1
    for start in sorted(by_sentence):
        idx = sorted(by_sentence[start], key=lambda i: out[i].quantity_span)
        sides = {i: _prior(out[i], out, idx, text) for i in idx}
        _year_on_year(out, idx, sides, latest, text)
        _prior_year(out, idx, sides, latest)
        _within_sentence(out, idx, sides, latest)
        end = out[idx[0]].sentence_end
        # the sentence just above, in this paragraph, and no time named in between or here
        follows = before is not None and "\n\n" not in text[last_end:start]
        timed = any(last_end <= d.start < end and d.type in ("DATE", "TIME") for d in dates)
        if follows and not timed:
            for i in idx:
                if (
                    not sides[i]
                    and _takes(out[i])
                    and not _quoted(out[i], text)
                    and _same_size(before.time_value, out[i].sentence)
                ):
                    out[i] = _dated(out[i], before)
            _prior_year(out, idx, sides, latest)  # and the earlier sides of what it continued
            _within_sentence(out, idx, sides, latest)
        current = [out[i] for i in idx if not sides[i] and _states_period(out[i], latest)]
        before = current[-1] if current else None
        last_end = end
    return out


def _prior(fact: Fact, facts: list[Fact], idx: list[int], text: str) -> bool:
    """Whether the figure is the earlier side of a comparison ("from 42.72 billion", "against ...")."""
    start = fact.sentence_start
    for i in idx:
        q = facts[i].quantity_span
        if q is not None and q[1] <= fact.quantity_span[0]:
            start = max(start, q[1])
    return _PRIOR.search(text, start, fact.quantity_span[0]) is not None


def _takes(fact: Fact) -> bool:
    """An undated reported amount of money or a percentage."""
    money = fact.unit is not None and (fact.unit == "percent" or re.fullmatch(r"[A-Z]{3}", fact.unit) is not None)
    return money and fact.time_value is None and fact.value is not None and fact.modality == "reported"


def _quoted(fact: Fact, text: str) -> bool:
    """A price move or the level it led to, written with a fraction ("Warner rose 7/8 to 31-1/8"): a quote of the
    day, not a figure of the period the sentence before reported ("Revenues were 1-1/2 billion dlrs" still is)."""
    start, end = fact.quantity_span
    if FRACTION.search(text, start, end) is None and FRACTION.search(text, max(0, start - 16), start) is None:
        return False
    return fact.change is not None or _LEVEL_AFTER_MOVE.search(text, max(0, start - 16), start) is not None


_LEVEL_AFTER_MOVE = re.compile(r"\d\s+to\s+$")


def _is_period(value: str | None) -> bool:
    return value is not None and _PERIOD.fullmatch(value) is not None


def _states_period(fact: Fact, latest: int) -> bool:
    """A reported figure of a past or current year, quarter or half ("in 1986", a table's period), not
    one due then, counted since then or of a year to come (a bond's "due 2017")."""
    return (
        _is_period(fact.time_value)
        and int(fact.time_value[:4]) <= latest
        and fact.time_role in _ROLES
        and fact.modality == "reported"
    )


def _same_size(value: str, sentence: str) -> bool:
    """The sentence names no period of another size than ``value`` ("quarter" after a year)."""
    m = _PERIOD.fullmatch(value)
    size = (m["part"] or "Y")[0]
    for other, rx in _SIZE_WORDS.items():
        if other != size and rx.search(sentence):
            return False
    return size == "Y" or not _YEAR_WORDS.search(sentence) or bool(_SIZE_WORDS[size].search(sentence))


def _shifted(value: str, years: int) -> str:
    m = _PERIOD.fullmatch(value)
    return f"{int(m['y']) + years}" + (f"-{m['part']}" if m["part"] else "")


def _dated(fact: Fact, source: Fact | str) -> Fact:
    value = source if isinstance(source, str) else source.time_value
    start, end = interval(value)
    return dataclasses.replace(fact, time_value=value, time_role="period", start_date=start, end_date=end)


def _year_on_year(out: list[Fact], idx: list[int], sides: dict[int, bool], latest: int, text: str) -> None:
    """An undated current figure followed by a dated earlier one is in the period a year after it."""
    for n, i in enumerate(idx):
        if sides[i] or not _takes(out[i]):
            continue
        nxt = next((j for j in idx[n + 1 :] if sides[j]), None)
        if nxt is None or not _states_period(out[nxt], latest):
            continue
        if any(not sides[j] for j in idx[n + 1 : idx.index(nxt)]):
            continue  # another current figure stands between them
        if not _explicit(out[nxt], text):
            continue  # "an interim dividend of 4.6p, up from 4p a year earlier": a half-year, not 1989
        value = _shifted(out[nxt].time_value, 1)
        if int(value[:4]) <= latest:
            out[i] = _dated(out[i], value)


def _prior_year(out: list[Fact], idx: list[int], sides: dict[int, bool], latest: int) -> None:
    """ "domestic sales 10.83 billion [1986] vs 10.80 billion": an undated earlier figure right after a
    current one of a year is of the year before it."""
    for n, i in enumerate(idx):
        if not sides[i] or not _takes(out[i]) or n == 0:
            continue
        current = out[idx[n - 1]]
        if not sides[idx[n - 1]] and _states_period(current, latest) and current.time_value.isdigit():
            out[i] = _dated(out[i], _shifted(current.time_value, -1))


_WHOLE_YEAR = re.compile(r"\b(?:full[- ]year|annual|fiscal\s+year|for\s+the\s+year)\b", re.IGNORECASE)


def _explicit(prior: Fact, text: str) -> bool:
    """The earlier side's period is written out ("in 1985", "the 1986 first quarter"), or it is a year
    and the sentence is about whole years ("Full-year earnings ... against a year-earlier loss")."""
    if prior.date_span is not None and re.search(r"\d{4}", text[prior.date_span[0] : prior.date_span[1]]):
        return True
    return prior.time_value.isdigit() and _WHOLE_YEAR.search(prior.sentence) is not None


def _within_sentence(out: list[Fact], idx: list[int], sides: dict[int, bool], latest: int) -> None:
    """An undated figure after a dated one of its side, in one sentence, is in that period."""
    last: dict[bool, Fact] = {}
    for i in idx:
        f = out[i]
        if _states_period(f, latest):
            last[sides[i]] = f
        elif _takes(f) and sides[i] in last:
            out[i] = _dated(f, last[sides[i]])

"""Results tables of wire copy: lines without verbs, read as rows of (label, current, prior).

    K MART CORP <KM> 4TH QTR JAN 28 NET
    TROY, MICH., March 12 - Shr 2.11 dlrs vs nine cts
        Net 285,000,000 vs 10,500,000
        Year
        Shr 4.35 dlrs vs 1.73 dlrs

Each "Label X vs Y" line gives two facts about the headline's company: X for the period of the
block (the headline's quarter, or a "Year" / "Nine mths" header line) and Y, after "vs", for the
same period a year earlier. Periods are resolved against the publication date: a quarter is the
latest one that ended before it ("4TH QTR" in March 1987 is 1986-Q4), unless the headline gives
its end ("4TH QTR JAN 28": the quarter ended 1987-01-28, fiscal 1987-Q4). The rows, their labels
and amounts are read by ``quantities.results`` (labels, periods, scales and currencies are data:
``quantities/rules/results_tables.json``); a fact states cents in the currency ("six cts" -> 0.06 USD).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ...records import EntityMention, Fact
from ..dates.timex import parse_published
from ..quantities.results import amounts, in_named_currency, rules, table_rows
from .build import trimmed
from .parse import property_key

_MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
_ORDINALS = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4}


@dataclass(frozen=True)
class Period:
    kind: str  # quarter | year | nine | six | three | half
    quarter: int | None
    end: dt.date | None  # the period's last day when the headline says it ("JAN 28")


def _period(text: str, default: Period) -> Period:
    words = text.lower().split()
    kind = next((rules().periods[w] for w in (" ".join(words[-2:]), words[-1]) if w in rules().periods), None)
    if kind is None:
        return default
    quarter = next((_ORDINALS[w] for w in words if w in _ORDINALS), None)
    if kind == "quarter":
        return Period("quarter", quarter or default.quarter, default.end)
    return Period(kind, default.quarter, default.end)  # the header's quarter: "Six mths" under a fiscal "2ND QTR"


def headline_period(headline: str) -> Period:
    """ "4TH QTR JAN 28 NET" -> quarter 4 ending Jan 28; "YEAR NET" -> year; default: quarter."""
    low = headline.lower()
    quarter = next((n for w, n in _ORDINALS.items() if re.search(rf"\b{w}\s+(?:qtr|quarter)\b", low)), None)
    m = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b", low)
    end = (int(_MONTHS[m.group(1)]), int(m.group(2))) if m else None
    kind = "quarter"
    for word, k in rules().periods.items():
        if re.search(rf"\b{re.escape(word)}\b", low) and k != "quarter" and quarter is None:
            kind = k
            break
    return Period(kind, quarter, dt.date(2000, *end) if end else None)


_STATED_END = re.compile(
    r"\s*(?:(?:qtr|quarter|period|year|fiscal\s+year|fiscal)\s+(?:ends?|ended|ending)\s+)?"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b(?:\s+(?:end|ended|ending)\b)?",
    re.IGNORECASE,
)


def stated_end(line: str) -> dt.date | None:
    """The period end a results table states right after its dateline ("January 31 end", "Qtr ends
    Feb 28", "Period ended March 31"), as a day of the placeholder year 2000; else None."""
    m = _STATED_END.match(line)
    if m is None or not (
        m.group(0).lower().split()[0] in ("qtr", "quarter", "period", "year", "fiscal")
        or re.search(r"\b(?:end|ended|ending)\s*$", m.group(0), re.IGNORECASE)
    ):
        return None  # "March 3 - ..." alone is a date, not a period's end
    day = int(m.group(2))
    month = _MONTHS[m.group(1).lower()]
    try:
        return dt.date(2000, month, day)
    except ValueError:
        return None


def _period_value(period: Period, published: dt.date, years_back: int) -> str | None:
    """TIMEX3 value of the period (``years_back`` 1 for the prior-year column)."""
    if period.end is not None:  # the headline's end date: the latest such date on or before publication
        year = (
            published.year
            if (period.end.month, period.end.day) <= (published.month, published.day)
            else published.year - 1
        )
        end = dt.date(year, period.end.month, period.end.day)
    else:
        quarter = period.quarter or ((published.month - 1) // 3 or 4)
        end = _latest_month_end(3 * quarter if period.kind == "quarter" else 12, published)
        if (
            period.quarter is not None
            and (published - _latest_month_end(3 * quarter, published)).days > _FISCAL_LAG_DAYS
        ):
            return _fiscal_value(period, published, years_back)
    year = end.year - years_back
    if period.kind == "quarter":
        quarter = period.quarter or (
            4 if period.end is not None and period.end.month <= 3 else (end.month - 1) // 3 + 1
        )
        return f"{year}-Q{quarter}"
    if period.kind == "year":
        return str(year)
    months = {"nine": 9, "six": 6, "half": 6, "three": 3}.get(period.kind)
    if months is None:
        return None
    if period.quarter is not None and period.kind in ("six", "half") and period.quarter in (2, 4):
        return f"{year}-H{period.quarter // 2}"  # "Six mths" under "2ND QTR FEB 28": the fiscal first half
    if period.quarter == 3 and period.kind == "nine":
        return str(year)  # "Nine mths" under "3RD QTR": most of the fiscal year it ends in (TIMEX3 has no 9 months)
    first = (end.month - months) % 12 + 1
    first_year = year if first <= end.month else year - 1
    return f"{first_year}-{first:02d}/{year}-{end.month:02d}"


# A calendar quarter is reported within weeks of its end; "2ND QTR" in a March report is a fiscal quarter
# that ended in the last months, named by the year it ended in (as "4TH QTR JAN 28" is 1987-Q4).
_FISCAL_LAG_DAYS = 120


def _latest_month_end(month: int, published: dt.date) -> dt.date:
    """The end (the 28th, as an approximation) of the latest ``month`` before the publication month."""
    return dt.date(published.year if month < published.month else published.year - 1, month, 28)


def _fiscal_value(period: Period, published: dt.date, years_back: int) -> str | None:
    """The fiscal period of a quarter header that cannot be the calendar one (``period.quarter`` is
    set): it ended at the end of the month before publication; halves are H1/H2 of that fiscal year."""
    end = published.replace(day=1) - dt.timedelta(days=1)
    year = end.year - years_back
    if period.kind == "quarter":
        return f"{year}-Q{period.quarter}"
    if period.kind in ("six", "half"):
        return f"{year}-H{(period.quarter + 1) // 2}"
    if period.kind == "year":
        return str(year)
    return None


# the words of a headline over a results table (not a dividend notice's; document._RESULTS_HEADLINE is a whole
# results headline with its company): "4TH QTR NET", "YEAR LOSS", "SIX MTHS"
_RESULTS_WORDS = re.compile(r"(?i)\b(?:qtr|quarter|year|mths|months|half|net|loss|profit|results|earnings|shr)\b")
_PAYOUT = re.compile(r"\b(?:dividend|distribution)\b")


def read_tables(
    text: str,
    *,
    headline: str,
    skip: int = 0,
    dateline: tuple[int, int] | None,
    subject: EntityMention | None,
    published: str | None,
    named: Mapping[int, str] | None = None,
) -> tuple[list[Fact], list[tuple[int, int]]]:
    """Facts from every results-table line of ``text`` after ``skip`` (a headline inside it), and
    the character ranges of those lines (a dateline before the first line is not part of it).
    ``named``: the currency (ISO code) the quantities found at an amount's start, which wins over
    the table's word for it ("francs" in a Swiss company's table)."""
    r = rules()
    if dateline is not None:
        text = text[: dateline[0]] + " " * (dateline[1] - dateline[0]) + text[dateline[1] :]
    ref = parse_published(published)
    pub = ref.date if ref is not None and ref.granularity == "day" else None
    period = headline_period(headline)
    # a dividend notice ("ACME SETS QUARTERLY / Qtly div 15 cts vs 15 cts prior") states no results period: its
    # dividends get a time only below a results headline or a period line
    stated = _RESULTS_WORDS.search(headline) is not None
    if period.end is None and dateline is not None:
        period = Period(period.kind, period.quarter, stated_end(text[dateline[1] : dateline[1] + 60]))
    facts: list[Fact] = []
    spans: list[tuple[int, int]] = []
    currency = "USD"  # until a row names another currency
    lines = sorted(
        [(row.start, row) for row in table_rows(text)] + [(m.start(), m) for m in r.period_line.finditer(text)],
        key=lambda x: x[0],
    )
    for start, m in lines:
        if start < skip:
            continue
        if isinstance(m, re.Match):
            period = _period(m.group("period"), period)
            stated = True
            spans.append((m.start(), m.end()))
            continue
        label = m.label
        row = in_named_currency(list(amounts(m.rest, m.rest_start, label["kind"], currency)), named or {})
        if not row:
            continue
        if currency == "USD" and row[0].currency_word is not None:
            currency = row[0].currency_word  # "Group shr 65.44 yen": the table is in yen
        spans.append((m.start, m.end))
        for back, amount in enumerate(row[:2]):
            time_value = _period_value(period, pub, back) if pub is not None else None
            if not stated and _PAYOUT.search(label["property"]):
                time_value = None
            prop = label["loss_property"] if amount.loss and label.get("loss_property") else label["property"]
            sentence_start, sentence_end, sentence = trimmed(text[m.start : m.end], m.start)
            facts.append(
                Fact(
                    sentence_start=sentence_start,
                    sentence_end=sentence_end,
                    sentence=sentence,
                    subject=subject.canonical_name if subject else None,
                    predicate=prop,
                    property_key=property_key(prop),
                    subject_key=subject.entity_key if subject else None,
                    value=amount.value,
                    unit=amount.unit,
                    bound="=",
                    per="share" if label["kind"] == "per_share" else None,
                    time_value=time_value,
                    time_role="period" if time_value else None,
                    quantity_span=(amount.start, amount.end),
                    sources=((m.start, m.end),),
                    subject_source="table" if subject else None,
                )
            )
    return facts, spans

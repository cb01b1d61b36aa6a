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
its end ("4TH QTR JAN 28": the quarter ended 1987-01-28, fiscal 1987-Q4). Labels, periods, scales
and currencies are data (``rules/facts_tables.json``). Amounts are parsed here, not taken from the
quantities table, which reads "six cts" as a count.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...records import EntityMention, Fact
from ..dates.timex import parse_published
from ..quantities.numbers import parse_number
from .parse import property_key
from .schema import load

_MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
_VS = re.compile(r"\s+vs\.?\s+", re.IGNORECASE)
_ORDINALS = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4}


@dataclass(frozen=True)
class TableRules:
    labels: dict[str, dict[str, str]]  # lower-case label -> {property, loss_property, kind}
    line: re.Pattern[str]
    amount: re.Pattern[str]
    period_line: re.Pattern[str]
    periods: dict[str, str]  # lower-case period word -> quarter | year | half | nine | six | three
    scales: dict[str, float]
    currencies: dict[str, str]
    minor: dict[str, str]  # "cts" -> USD: a hundredth of it
    row: re.Pattern[str]  # what follows a label on a table row: amounts, "vs", nothing else


@functools.cache
def rules() -> TableRules:
    r = load("facts_tables.json")
    labels = {k.lower(): v for k, v in r["labels"].items()}
    alternation = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(labels, key=len, reverse=True))
    periods = {k.lower(): v for k, v in r["periods"].items()}
    period_alt = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(periods, key=len, reverse=True))
    scales = {k.lower(): float(v) for k, v in r["scales"].items()}
    units = [*r["currencies"], *r["minor_units"]]
    unit_alt = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    scale_alt = "|".join(re.escape(s) for s in sorted(scales, key=len, reverse=True))
    amount = (
        rf"(?P<sign>\b(?:loss|profit|gain)\s+)?(?P<number>\d[\d,]*(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)"
        rf"(?:\s+(?P<scale>{scale_alt}))?(?:\s*(?P<unit>{unit_alt}))?\b"
    )
    plain = re.sub(r"\?P<\w+>", "", amount)
    return TableRules(
        labels=labels,
        line=re.compile(rf"^[ \t]*(?P<label>{alternation})\b[ \t]*(?P<rest>[^\n]*)$", re.IGNORECASE | re.MULTILINE),
        amount=re.compile(amount, re.IGNORECASE),
        period_line=re.compile(
            rf"^[ \t]*(?P<period>(?:(?:1st|2nd|3rd|4th|first|second|third|fourth)\s+)?(?:{period_alt}))"
            r"\b[^\n]{0,40}$",
            re.IGNORECASE | re.MULTILINE,
        ),
        periods=periods,
        scales=scales,
        currencies=dict(r["currencies"]),
        minor=dict(r["minor_units"]),
        # "Shr 16.3p vs 17.9p adjusted": a restatement word after the prior figure is still a row
        row=re.compile(rf"\s*{plain}(?:\s+vs\.?\s+{plain})?(?:\s+(?:adjusted|restated))?\s*[.;]?\s*", re.IGNORECASE),
    )


@dataclass(frozen=True)
class Period:
    kind: str  # quarter | year | nine | six | three | half
    quarter: int | None
    end: dt.date | None  # the period's last day when the headline says it ("JAN 28")


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: float
    unit: str
    loss: bool
    currency_word: str | None = None  # the currency its own unit word names ("65.44 yen"), minor units left out


def _amounts(rest: str, offset: int, kind: str, currency: str = "USD") -> Iterator[Amount]:
    """The amounts of one line, in order (the first is current, the one after "vs" the prior period);
    an amount without a unit word is in ``currency``, the table's."""
    r = rules()
    cuts = [0, *(x for m in _VS.finditer(rest) for x in (m.start(), m.end())), len(rest)]
    first_unit = ""
    for begin, stop in zip(cuts[::2], cuts[1::2], strict=True):
        m = r.amount.search(rest, begin, stop)
        if m is None:
            continue
        value = parse_number(m.group("number"))
        if value is None:
            continue
        value *= r.scales.get((m.group("scale") or "").lower(), 1.0)
        own = (m.group("unit") or "").lower()
        unit_word = own or first_unit  # "25.9 cents vs 28.2": cents both
        first_unit = first_unit or unit_word
        named = r.currencies.get(unit_word) or r.minor.get(unit_word) or currency
        if unit_word in r.minor:
            value /= 100.0
        unit = "share" if kind == "shares" else named
        loss = (m.group("sign") or "").strip().lower() == "loss"
        start, end = offset + m.start("number"), offset + m.end()
        yield Amount(start, end, value, unit, loss, r.currencies.get(own))


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


def read_tables(
    text: str,
    *,
    headline: str,
    skip: int = 0,
    dateline: tuple[int, int] | None,
    subject: EntityMention | None,
    published: str | None,
) -> tuple[list[Fact], list[tuple[int, int]]]:
    """Facts from every results-table line of ``text`` after ``skip`` (a headline inside it), and
    the character ranges of those lines (a dateline before the first line is not part of it)."""
    r = rules()
    if dateline is not None:
        text = text[: dateline[0]] + " " * (dateline[1] - dateline[0]) + text[dateline[1] :]
    ref = parse_published(published)
    pub = ref.date if ref is not None and ref.granularity == "day" else None
    period = headline_period(headline)
    if period.end is None and dateline is not None:
        period = Period(period.kind, period.quarter, stated_end(text[dateline[1] : dateline[1] + 60]))
    facts: list[Fact] = []
    spans: list[tuple[int, int]] = []
    currency = "USD"  # until a row names another currency
    lines = sorted(
        [(m.start(), m) for m in r.line.finditer(text)] + [(m.start(), m) for m in r.period_line.finditer(text)],
        key=lambda x: x[0],
    )
    for _, m in lines:
        if m.start() < skip:
            continue
        if "period" in m.groupdict() and m.groupdict().get("period"):
            period = _period(m.group("period"), period)
            spans.append((m.start(), m.end()))
            continue
        if not r.row.fullmatch(m.group("rest")):
            continue  # "Sales rose 5 pct ...": a sentence, not a table row
        label = r.labels[re.sub(r"\s+", " ", m.group("label").lower())]
        amounts = list(_amounts(m.group("rest"), m.start("rest"), label["kind"], currency))
        if not amounts:
            continue
        if currency == "USD" and amounts[0].currency_word is not None:
            currency = amounts[0].currency_word  # "Group shr 65.44 yen": the table is in yen
        spans.append((m.start(), m.end()))
        for back, amount in enumerate(amounts[:2]):
            time_value = _period_value(period, pub, back) if pub is not None else None
            prop = label["loss_property"] if amount.loss and label.get("loss_property") else label["property"]
            facts.append(
                Fact(
                    sentence_start=m.start(),
                    sentence_end=m.end(),
                    sentence=m.group(0).strip(),
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
                    sources=((m.start(), m.end()),),
                    subject_source="table" if subject else None,
                )
            )
    return facts, spans

"""Rows of wire results tables ("Net 819,000 vs 201,000"): their labels, amounts and currency.

    HECHINGER CO <HECH> 4TH QTR NET
    LANDOVER, Md., March 16 - Shr primary 28 cts vs 22 cts
        Net 8,637,000 vs 6,577,000
        Sales 140.3 mln vs 116.8 mln
        Year
        Net 28.3 mln vs 23.1 mln

A row is a label of ``rules/results_tables.json`` followed by amounts and "vs" and nothing else.
Its bare figures are money (in the currency a row of the table names, else dollars) or shares, as
the label says. ``table_units`` gives them that unit in the quantities table, and drops a period
header read as a count ("Nine mths"); ``facts.tables`` reads the same rows into facts with their
periods. Labels, periods, scales and currencies are data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ...records import QuantityMention
from .numbers import parse_number
from .schema import load
from .tables import currencies

VS = re.compile(r"\s+vs\.?\s+", re.IGNORECASE)


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
    r = load("results_tables.json")
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
class Amount:
    start: int
    end: int
    value: float
    unit: str
    loss: bool
    currency_word: str | None = None  # the currency its own unit word names ("65.44 yen"), minor units left out
    unit_word: str = ""  # the unit word it has or shares with the row's first amount ("cts", "dlrs")


def amounts(rest: str, offset: int, kind: str, currency: str = "USD") -> Iterator[Amount]:
    """The amounts of one line, in order (the first is current, the one after "vs" the prior period);
    an amount without a unit word is in ``currency``, the table's."""
    r = rules()
    cuts = [0, *(x for m in VS.finditer(rest) for x in (m.start(), m.end())), len(rest)]
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
        yield Amount(start, end, value, unit, loss, r.currencies.get(own), unit_word)


# "TROY, MICH., March 12 - " before a table's first row: the place and date of a wire dateline
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Za-z.'& ]*,(?:[ \t]+[A-Z][A-Za-z.]*,)?[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2}[ \t]+-[ \t]+", re.M
)


def table_units(text: str, found: list[QuantityMention]) -> list[QuantityMention]:
    """``found`` with the bare figures of results-table rows in the table's unit ("Net 819,000 vs
    201,000": USD; "Avg shrs 12.3 mln vs 11.2 mln": share), and without the period headers of a
    table read as counts ("Nine mths")."""
    if not found or " vs" not in text:
        return found
    r = rules()
    plain = _DATELINE.sub(lambda m: " " * len(m.group()), text)  # offsets kept
    units: dict[int, tuple[str, str]] = {}  # a figure's start -> (unit, kind)
    currency = "USD"  # until a row names another currency
    named = False  # whether a row names a currency; else the dollar is assumed
    for m in r.line.finditer(plain):
        if not r.row.fullmatch(m.group("rest")):
            continue  # "Sales rose 5 pct ...": a sentence, not a table row
        label = r.labels[re.sub(r"\s+", " ", m.group("label").lower())]
        row = list(amounts(m.group("rest"), m.start("rest"), label["kind"], currency))
        if row and currency == "USD" and row[0].currency_word is not None:
            currency = row[0].currency_word  # "Group shr 65.44 yen": the table is in yen
        named = named or any(a.currency_word is not None for a in row)
        for a in row:
            minor = currencies()["words"].get(a.unit_word) if a.unit_word in r.minor else None  # "cts" -> cent
            units[a.start] = (minor or a.unit, "count" if label["kind"] == "shares" else "currency")
    if not units:
        return found
    headers = [(m.start(), m.end()) for m in r.period_line.finditer(plain)]
    out = []
    for q in found:
        if q.kind in ("count", "number", "duration") and any(s <= q.start < e for s, e in headers):
            continue  # "Nine mths": the period the rows below are for, not nine of something
        unit = units.get(q.start)
        if unit is not None and q.kind in ("number", "count") and q.unit != "share":
            q = replace(q, unit=unit[0], kind=unit[1], currency_assumed=unit[1] == "currency" and not named)
        out.append(q)
    return out

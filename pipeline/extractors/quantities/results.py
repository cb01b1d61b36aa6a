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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from ...records import QuantityMention
from .numbers import parse_number, tidy
from .schema import load
from .tables import WIRE_DATELINE, currencies

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
    wrapped: re.Pattern[str]  # a figure ("54.9 mln") or a scale word ("mln") alone on the line below a row
    qualifiers: frozenset[str]  # words after a listed label that keep its meaning ("Avg shrs diluted")
    open_label_ends: frozenset[str]  # last words that make an unlisted label a sentence ("Net includes ...")
    open_label_starts: frozenset[str]  # first words of notes, not labels ("Note - ...", "But net ...")


@functools.cache
def rules() -> TableRules:
    r = load("results_tables.json")
    labels = {k.lower(): v for k, v in r["labels"].items()}
    opened = r["open_labels"]
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
        r"(?:\s+(?P<after>loss|profit|payable|receivable)\b)?"  # "7.7 mln loss vs 2.5 mln loss"
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
        # "Shr 16.3p vs 17.9p adjusted": a restatement word after the prior figure is still a row, and so is
        # a dividend's "Qtly div 15 cts vs 15 cts prior" ("previously", "in prior qtr")
        row=re.compile(
            rf"\s*{plain}(?:\s+vs\.?\s+{plain})?(?:\s+(?:adjusted|restated|previously|(?:in\s+)?prior(?:\s+qtr)?))?"
            r"\s*[.;]?\s*",
            re.IGNORECASE,
        ),
        wrapped=re.compile(  # what a row wrapped onto the next line leaves there
            rf"[ \t]*(?:(?P<figure>\d[\d,]*(?:\.\d+)?(?:\s+(?:{scale_alt}))?(?:\s*(?:{unit_alt}))?)"
            rf"|(?P<scale>(?:{scale_alt})(?:\s*(?:{unit_alt}))?))(?:\s+(?:loss|profit))?\.?[ \t]*",  # "mln."
            re.IGNORECASE,
        ),
        qualifiers=frozenset(w.lower() for w in opened["qualifiers"]),
        open_label_ends=frozenset(w.lower() for w in opened["not_last_words"]),
        open_label_starts=frozenset(w.lower() for w in opened["not_first_words"]),
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
    shared_scale: float = 1.0  # the scale it takes from the row's first amount ("15.08 mln vs 10.52": 1e6)


def amounts(rest: str, offset: int, kind: str, currency: str = "USD") -> Iterator[Amount]:
    """The amounts of one line, in order (the first is current, the one after "vs" the prior period);
    an amount without a unit word is in ``currency``, the table's."""
    r = rules()
    cuts = [0, *(x for m in VS.finditer(rest) for x in (m.start(), m.end())), len(rest)]
    first_unit = ""
    first: tuple[float, float] | None = None  # the first amount's number and scale
    for begin, stop in zip(cuts[::2], cuts[1::2], strict=True):
        m = r.amount.search(rest, begin, stop)
        if m is None:
            continue
        number = 0.0 if m.group("number").lower() == "nil" else parse_number(m.group("number"))
        if number is None:
            continue
        scale = r.scales.get((m.group("scale") or "").lower(), 1.0)
        own = (m.group("unit") or "").lower()
        shared = 1.0
        if first is None:
            first = (number, scale)
        elif not m.group("scale") and not own and _same_scale(number, *first):
            scale = shared = first[1]  # "Net after tax 15.08 mln vs 10.52": the prior figure in millions too
        value = tidy(number * scale)  # (16.40 mln is 16400000, not 16399999.999999998)
        unit_word = own or first_unit  # "25.9 cents vs 28.2": cents both
        first_unit = first_unit or unit_word
        named = r.currencies.get(unit_word) or r.minor.get(unit_word) or currency
        if unit_word in r.minor:
            value /= 100.0
        unit = "share" if kind == "shares" else named
        loss = "loss" in ((m.group("sign") or "").strip().lower(), (m.group("after") or "").lower())
        last = next(g for g in ("unit", "scale", "number") if m.group(g))  # not the "loss" after it
        start, end = offset + m.start("number"), offset + m.end(last)
        yield Amount(start, end, value, unit, loss, r.currencies.get(own), unit_word, shared)


def _same_scale(number: float, first: float, scale: float) -> bool:
    """Whether a bare prior figure is written in the row's first figure's scale word: a scale word there, and the
    two numbers of a size ("585.6 mln vs 541.0"), not a figure written out in full ("16.1 mln vs 3,971,000")."""
    return scale != 1.0 and number > 0 and first > 0 and 1 / 50 <= number / first <= 50


def stated_currencies(quantities: Iterable[QuantityMention]) -> dict[int, str]:
    """Where a money mention starts -> the currency (ISO code) the quantities gave it; a word unit
    ("cent") is not one. What ``in_named_currency`` prefers to a table's own currency word."""
    return {q.start: q.unit for q in quantities if q.kind == "currency" and q.unit and _ISO.fullmatch(q.unit)}


def in_named_currency(row: list[Amount], named: Mapping[int, str]) -> list[Amount]:
    """``row`` with the currency the quantities found for an amount that names one ("13.83 billion
    francs" in a story about a Swiss company: CHF, not FRF; "154.7 mln pesos"); minor units and
    shares keep theirs. ``named``: a currency mention's start -> its ISO code."""
    r = rules()
    return [
        replace(a, unit=named[a.start], currency_word=named[a.start])
        if a.start in named and a.unit != "share" and a.unit_word not in r.minor
        else a
        for a in row
    ]


@dataclass(frozen=True)
class Row:
    """One line of a results table: where it is, what its label says, and its amounts' text."""

    start: int
    end: int
    label: dict[str, str]  # property, loss_property, kind (a listed label's, or one made for an unlisted one)
    rest: str
    rest_start: int


_LINE = re.compile(r"^[^\n]*$", re.MULTILINE)
_ISO = re.compile(r"[A-Z]{3}")


def table_rows(text: str) -> list[Row]:
    """The rows of the results tables in ``text``, in order: a listed label followed by amounts;
    once a table has such a row, also a line below it of a few words, then amounts with "vs"
    ("Launching costs 47.6 mln vs 51.6 mln", "BAe 146 17.1 mln vs 27.3 mln"), its label made from
    its words. A row wrapped onto the next line ("146.0 mln vs 148.3 / mln") is one row."""
    r = rules()
    text = _unwrapped(text)
    rows = [
        Row(
            m.start(),
            m.end(),
            r.labels[re.sub(r"\s+", " ", m.group("label").lower())],
            m.group("rest"),
            m.start("rest"),
        )
        for m in r.line.finditer(text)
        if r.row.fullmatch(m.group("rest"))
    ]
    if not rows:
        return rows
    taken = {row.start for row in rows}
    for m in _LINE.finditer(text, rows[0].start):
        if m.start() not in taken and VS.search(m.group()):
            row = _unlisted_row(m.group(), m.start())
            if row is not None:
                rows.append(row)
    return sorted(rows, key=lambda row: row.start)


def _unwrapped(text: str) -> str:
    """``text`` with a row's line break before its last amount or scale word made a space ("148.3\nmln",
    "vs\n54.9 mln"): offsets kept."""
    if "\n" not in text:
        return text
    r = rules()
    out = list(text)
    for m in _LINE.finditer(text):
        line, nxt = m.group().rstrip(), m.end() + 1
        if nxt >= len(text) or not VS.search(line + " "):
            continue
        below = r.wrapped.fullmatch(text, nxt, _line_end(text, nxt))
        if below is None:
            continue
        if below.group("figure") and line.endswith(("vs", "vs.")) or below.group("scale") and line[-1:].isdigit():
            out[m.end()] = " "
    return "".join(out)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _unlisted_row(line: str, offset: int) -> Row | None:
    """The line as a row with an unlisted label: the first split where the words before it may be a
    label and the rest is amounts with "vs"."""
    r = rules()
    words = list(re.finditer(r"\S+", line))
    for k in range(1, min(len(words), 8)):
        rest = line[words[k].start() :]
        if not (VS.search(rest) and r.row.fullmatch(rest)):
            continue
        label = [w.group() for w in words[:k]]
        if (
            not label[0][:1].isupper()
            or label[0].lower().strip(":-") in r.open_label_starts
            or label[-1].lower() in r.open_label_ends
            or any(ch.isdigit() for w in label[:-1] for ch in w)  # "BAe 146": a number only as the last word
            or any(w in ("-", ":") or w.endswith(":") for w in label)
        ):
            return None
        return Row(offset, offset + len(line), _unlisted_label(label), rest, offset + words[k].start())
    return None


def _unlisted_label(words: list[str]) -> dict[str, str]:
    """What an unlisted label means: a listed label with qualifiers after it ("Avg shrs diluted" is "Avg
    shrs"; not "Net turnover"), else money (shares or a per-share figure when it says so) under its own words."""
    low = [w.lower() for w in words]
    r = rules()
    for k in range(len(low) - 1, 0, -1):
        listed = r.labels.get(" ".join(low[:k]))
        if listed is not None and set(low[k:]) <= r.qualifiers:
            return listed
    kind = "shares" if {"shrs", "shares", "shs"} & set(low) else "per_share" if "shr" in low else "money"
    name = " ".join(low)
    return {"property": name, "loss_property": f"{name} loss" if "loss" not in low else name, "kind": kind}


def table_units(text: str, found: list[QuantityMention]) -> list[QuantityMention]:
    """``found`` with the bare figures of results-table rows in the table's unit ("Net 819,000 vs
    201,000": USD; "Avg shrs 12.3 mln vs 11.2 mln": share), and without the period headers of a
    table read as counts ("Nine mths")."""
    if not found or " vs" not in text:
        return found
    r = rules()
    plain = WIRE_DATELINE.sub(lambda m: " " * len(m.group()), text)  # offsets kept
    units: dict[int, tuple[str, str, float]] = {}  # a figure's start -> (unit, kind, scale shared with its row)
    currency = "USD"  # until a row names another currency
    named = False  # whether a row names a currency; else the dollar is assumed
    stated = stated_currencies(found)
    for line in table_rows(plain):
        label = line.label
        row = in_named_currency(list(amounts(line.rest, line.rest_start, label["kind"], currency)), stated)
        if row and currency == "USD" and row[0].currency_word is not None:
            currency = row[0].currency_word  # "Group shr 65.44 yen": the table is in yen
        named = named or any(a.currency_word is not None for a in row)
        for a in row:
            minor = currencies()["words"].get(a.unit_word) if a.unit_word in r.minor else None  # "cts" -> cent
            units[a.start] = (minor or a.unit, "count" if label["kind"] == "shares" else "currency", a.shared_scale)
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
            if unit[2] != 1.0 and q.value is not None:
                q = replace(q, value=tidy(q.value * unit[2]))  # "vs 10.52" under "15.08 mln"
        out.append(q)
    return out

"""Dates: spans of years written as one expression ("1986/87", "the 2006-2007 fiscal year",
"2001-2003") are one DATE whose value is an ISO 8601 interval of years, as the facts gold writes
year ranges; ISO dates and year-months are not spans. Invented sentences; each span case failed
before the change (no date at all for "1986/87", one year for the others)."""

from __future__ import annotations

import datetime as dt

import pytest
from facts_helpers import facts_of

from pipeline.extractors.dates.find import find_dates

PUBLISHED = "1987-03-30"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Output will rise in 1988/89.", [("1988/89", "1988/1989")]),
        ("The 1986/87 crop was record.", [("1986/87", "1986/1987")]),
        ("Exports fell in 1986-87.", [("1986-87", "1986/1987")]),
        ("Debt repayments stop until the 2006-2007 fiscal year.", [("2006-2007", "2006/2007")]),
        ("It faces a tax claim for the 2001-2003 period.", [("2001-2003", "2001/2003")]),
        ("Prices peaked in the 1999/00 season.", [("1999/00", "1999/2000")]),
        ("The mine ran from 1935-37.", [("1935-37", "1935/1937")]),
        # not spans: an ISO date, a second year before the first, an exchange-rate quote
        ("The deal closed on 1987-03-05.", [("1987-03-05", "1987-03-05")]),
        ("Figures for 1990-85 were revised.", [("1990", "1990")]),
        ("The dollar was quoted at 1.8135/45 marks.", []),
    ],
)
def test_year_spans(nlp, text, expected):
    assert [(m.text, m.value) for m in find_dates(nlp(text), published=PUBLISHED)] == expected


def test_year_span_covers_both_years(nlp):
    (m,) = find_dates(nlp("Output will rise in 1988/89."), published=PUBLISHED)
    assert (m.type, m.start_date, m.end_date) == ("DATE", dt.date(1988, 1, 1), dt.date(1989, 12, 31))


@pytest.mark.parametrize(
    "text, value, time_value",
    [
        ("The crop was 2.5 mln tonnes in the 1986/87 crop year.", 2500000.0, "1986/1987"),
        ("Sales rose to 5 mln dlrs in the 2006-2007 fiscal year.", 5000000.0, "2006/2007"),
    ],
)
def test_fact_takes_the_year_span(nlp, text, value, time_value):
    facts = facts_of(nlp, text, published=PUBLISHED)
    assert [(f.value, f.time_value) for f in facts] == [(value, time_value)]

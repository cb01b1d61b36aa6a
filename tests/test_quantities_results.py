"""Results tables of wire copy in the quantities table (``quantities.results``): a row's bare figures
take the table's money or shares, a period header is no count. Invented tables in the wire layout."""

from __future__ import annotations

import pytest

from pipeline.extractors.quantities import find_quantities

DOLLAR_TABLE = (
    "TROY, MICH., March 12 - Shr 2.11 dlrs vs nine cts\n"
    "    Net 285,000,000 vs 10,500,000\n"
    "    Revs 9.3 mln vs 7.7 mln\n"
    "    Nine mths\n"
    "    Shr one ct vs five cts\n"
    "    Avg shrs 12.3 mln vs 11.2 mln\n"
)
BARE_TABLE = "Shr 22 cts vs six cts\n    Net 819,000 vs 201,000\n"
YEN_TABLE = "Shr 65.44 yen vs 60.10 yen\n    Net 1.2 billion vs 1.1 billion\n"
PROSE = "Net income rose to 5 mln vs 4 mln a year earlier, the company said."


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            DOLLAR_TABLE,
            [
                ("2.11 dlrs", 2.11, "USD", False),
                ("nine cts", 9, "cent", False),
                ("285,000,000", 285e6, "USD", False),  # the table names dollars: not assumed
                ("10,500,000", 10.5e6, "USD", False),
                ("9.3 mln", 9.3e6, "USD", False),
                ("7.7 mln", 7.7e6, "USD", False),
                ("one", 1, "cent", False),  # "one ct": a cent, not one of something called "ct"
                ("five cts", 5, "cent", False),
                ("12.3 mln", 12.3e6, "share", False),
                ("11.2 mln", 11.2e6, "share", False),
            ],
        ),
        (
            BARE_TABLE,
            [
                ("22 cts", 22, "cent", False),
                ("six cts", 6, "cent", False),
                ("819,000", 819000, "USD", True),  # no row names the currency: the dollar is assumed
                ("201,000", 201000, "USD", True),
            ],
        ),
        (
            YEN_TABLE,
            [
                ("65.44 yen", 65.44, "JPY", False),
                ("60.10 yen", 60.1, "JPY", False),
                ("1.2 billion", 1.2e9, "JPY", False),
                ("1.1 billion", 1.1e9, "JPY", False),
            ],
        ),
        (PROSE, [("5 mln", 5e6, "dimensionless", False), ("4 mln", 4e6, "dimensionless", False)]),
    ],
    ids=["dollar-table", "bare-table", "yen-table", "prose"],
)
def test_results_table_rows_take_the_table_unit(nlp, text, expected):
    got = [(q.text, pytest.approx(q.value), q.unit, q.currency_assumed) for q in find_quantities(nlp(text))]
    assert got == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Shr 36 cts vs 14 cts", [("cent", 0.36, "USD"), ("cent", 0.14, "USD")]),
        ("It costs 45p a day.", [("penny", 0.45, "GBP")]),
        ("a fare of 40 euro cents", [("cent", 0.4, "EUR")]),
        ("Petrol costs 15 Canadian cents a litre.", [("cent", 0.15, "CAD")]),
        ("It paid $5m for 20 centimes.", [("USD", 5e6, "USD"), ("centime", None, None)]),  # a centime of which franc?
        ("Shares fell to 300 yen.", [("JPY", 300, "JPY")]),
    ],
)
def test_money_is_summable_in_its_currency(nlp, text, expected):
    got = [(q.unit, q.value_base, q.unit_base) for q in find_quantities(nlp(text))]
    assert got == [(u, pytest.approx(v) if v is not None else None, b) for u, v, b in expected]

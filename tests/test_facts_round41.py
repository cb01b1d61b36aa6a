"""Facts, issue 11 forty-first round: a money or bond market report ("ASIAN DOLLAR DEPOSITS CLOSE STEADY",
"GERMAN BONDS EASE") quotes its instrument's rates and prices sentence after sentence without naming it
again ("One month closed at 6-1/2 pct"); those quotes are the instrument's, as the lead writes it with its
modifiers ("Hong Kong dollar deposit"), not the reporting country's, a company the report mentions, or
the dealers'. A count in the report ("12 banks") is no quote, and a headline whose company issues the
bond is no market report. Invented cases.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

DEPOSITS = (
    "HONG KONG DOLLAR DEPOSITS EASE IN QUIET TRADE",
    "HONG KONG, May 4 - Hong Kong dollar deposit rates eased in quiet trading, dealers said.\n"
    "    Pemberton Trust was a small buyer of funds, dealers said. Pemberton Trust declined to comment.\n"
    "    Overnight was quoted at 4-1/2 4-3/8 pct.\n"
    "    One month closed at 5.45/35 pct and three months at 5.65/55 pct.\n"
    "    Some 12 banks took part in the morning session.\n",
)
BONDS = (
    "GERMAN BONDS EASE IN THIN TRADE",
    "FRANKFURT, May 4 - Prices of public authority bonds eased in thin trading, dealers said.\n"
    "    Long maturities lost around 15 pfennigs and yields rose to 6.31 pct.\n",
)
ISSUE = (
    "ACME CORP <ACM> ISSUES 100 MLN DLR BONDS",
    "NEW YORK, May 4 - Acme Corp said it is issuing 100 mln dlrs of bonds due 1997 with a coupon of 9-1/2 pct.\n",
)
COMMODITY = (
    "LONDON COCOA PRICES EASE",
    "LONDON, May 4 - London cocoa prices eased in quiet trading, dealers said.\n    May closed at 1,245 stg a tonne.\n",
)

# (headline, body, the amount, its subjects)
CASES = [
    pytest.param(*DEPOSITS, 4.375, ["Hong Kong dollar deposit"], id="overnight_quote_is_the_instruments"),
    pytest.param(*DEPOSITS, 5.35, ["Hong Kong dollar deposit"], id="a_maturitys_quote_is_the_instruments"),
    pytest.param(*BONDS, 0.15, ["public authority bonds"], id="bond_price_change_is_the_bonds"),
    pytest.param(*BONDS, 6.31, ["public authority bonds"], id="bond_yield_is_the_bonds"),
    pytest.param(*ISSUE, 9.5, ["Acme"], id="an_issuers_bond_is_no_market_report"),
    pytest.param(*COMMODITY, 1245.0, ["London cocoa"], id="a_commodity_report_keeps_its_commodity"),
]


@pytest.mark.parametrize(("title", "body", "value", "subjects"), CASES)
def test_subject(nlp, title, body, value, subjects):
    assert subjects_of(facts_of(nlp, body, title=title), value) == subjects


def test_a_count_in_a_market_report_is_no_quote(nlp):
    """ "Some 12 banks took part": a count, not a rate of the instrument."""
    title, body = DEPOSITS
    assert subjects_of(facts_of(nlp, body, title=title), 12.0) != ["Hong Kong dollar deposit"]

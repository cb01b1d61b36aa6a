"""Facts, issue 11 twenty-ninth round: read off blind batch 82 (after its first look) and the dev tuning
halves; a table of invented cases (one row per case, its id naming the rule). No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

# Subjects: (text, publication date, the amount, its subjects), one case a row, its id naming the rule.
CASES = [
    # a copula that a forecast verb raises names the figure, as a change verb does
    pytest.param(
        "LONDON, March 5 - Unemployment is expected to be 9.5 pct at the end of the year, the minister said.",
        9.5,
        ["United Kingdom"],
        id="raised_copula_macro_figure",
    ),
    pytest.param(
        "Harbour Mills Inc said net profit is expected to be 5 mln dlrs this year.",
        5e6,
        ["Harbour Mills"],
        id="raised_copula_company_figure",
    ),
    # a money aggregate or borrowing figure the NER took for an organisation is no company
    pytest.param(
        "U.K. CONFIRMS MARCH STERLING M3 RISE\n\nLONDON, April 2 - The Bank of England said Sterling M3 rose 1.5 pct "
        "in March. The narrow measure M0 fell 0.3 pct.",
        0.3,
        ["U.K."],
        id="aggregate_headline_no_topic",
    ),
    pytest.param(
        "LONDON, March 5 - The planned PSBR for 1988/89 is 3.0 billion stg, the chancellor said. The PSBR was 4.1 "
        "billion stg in 1986/87, and inflation may reach 4.5 pct.",
        4.5,
        ["United Kingdom"],
        id="borrowing_code_not_main_company",
    ),
    pytest.param(
        "LONDON, March 5 - The planned PSBR for 1988/89 is 3.0 billion stg, the chancellor said.",
        3e9,
        ["United Kingdom"],
        id="borrowing_code_is_a_figure",
    ),
    # a ministry that expects an economic figure forecasts it: the country's
    pytest.param(
        "OTTAWA, March 5 - The Finance Department expected a trade surplus in 1987 of 9 billion dlrs.",
        9e9,
        ["Canada"],
        id="state_body_forecast",
    ),
    pytest.param(
        "LONDON, March 5 - He said the Treasury expected a current account deficit in 1987 of 2.5 billion stg.",
        2.5e9,
        ["United Kingdom"],
        id="state_body_forecast_amount_after_year",
    ),
    pytest.param(
        "OTTAWA, March 5 - Harbour Mills Inc expected sales of 50 mln dlrs in 1987.",
        50e6,
        ["Harbour Mills"],
        id="company_forecast_stays",
    ),
    # the price of a company's offering is the company's, not the economy's
    pytest.param(
        "NEW YORK, March 5 - Harbour Mills Inc said it filed for an initial public offering of 2 mln shares. The "
        "initial offering price is expected to be 12 to 14 dlrs a share.",
        12.0,
        ["Harbour Mills"],
        id="offering_price_company",
    ),
    # a code set after a body's full name is its alias, whatever language it spells
    pytest.param(
        "PARIS, March 5 - The Madrid Financial Futures Market, MEFFSA, will name six new members. The MEFFSA was "
        "set up in 1984 with 31 brokers.",
        31.0,
        ["Madrid Financial Futures Market"],
        id="apposed_code_joins_full_name",
    ),
    # a list of names is no apposition
    pytest.param(
        "NEW YORK, March 5 - Harbour Mills Inc, KLT and Norvex Corp agreed to merge. KLT said its sales were "
        "42 mln dlrs.",
        42e6,
        ["KLT"],
        id="listed_code_stays_apart",
    ),
    # a place on a company figure the company itself reports is where the figure was made
    pytest.param(
        "DETROIT, March 4 - Harbour Motors Corp said its sales rose 3 pct in February.\n    Year-to-date U.S. "
        "car sales declined 12 pct, the automaker said.",
        12.0,
        ["Harbour Motors"],
        id="company_says_its_sales_in_place",
    ),
    pytest.param(
        "WASHINGTON, March 4 - U.S. car sales declined 6 pct in February, the Commerce Department said.",
        6.0,
        ["U.S."],
        id="state_body_says_national_sales",
    ),
    pytest.param(
        "TOKYO, March 4 - Harbour Motors Corp said its sales rose 3 pct.\n    It said the U.S. current account "
        "deficit will fall to 125 billion dlrs in 1987.",
        125e9,
        ["U.S."],
        id="company_says_national_deficit",
    ),
]


@pytest.mark.parametrize("text, value, subjects", CASES)
def test_subjects(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="1987-03-05"), value) == subjects


@pytest.mark.parametrize(
    "text, value, key",
    [
        pytest.param(
            "LONDON, March 5 - Unemployment is expected to be 9.5 pct at the end of the year.",
            9.5,
            "unemployment_rate",
            id="raised_copula_after_dateline",
        ),
        pytest.param("Exports are forecast to be 4 billion dlrs this year.", 4e9, "export", id="raised_copula_plain"),
        pytest.param(
            "LONDON, March 5 - Growth was 2.5 pct last year, the minister said.", 2.5, "growth", id="copula_unchanged"
        ),
    ],
)
def test_raised_copula_property(nlp, text, value, key):
    keys = [f.property_key for f in facts_of(nlp, text, published="1987-03-05") if f.value == value]
    assert keys == [key]


def test_aggregate_not_main_company(nlp):
    text = (
        "LONDON, March 5 - The PSBR was 4.1 billion stg in 1986/87, the chancellor said. The PSBR target is unchanged."
        " He said the figure may exceed 4.5 pct."
    )
    assert subjects_of(facts_of(nlp, text, published="1987-03-05"), 4.5) == ["United Kingdom"]

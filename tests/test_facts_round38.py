"""Facts, issue 11 thirty-eighth round: the clause's noun phrase, the subject of last resort, is named
without the words that qualify its number ("almost 30 wealthy nations" -> "wealthy nations"), and a
noun that names a company's figure is never a phrase subject, as the lemmatizer writes it or not
("Next year's earnings", "Total stockholders equity"): with two companies in play the figure is left
without a subject rather than named after itself. The notes below a results table are the table
company's; notes are their issuer's past a wire line break. A bare number counts people after "the number
of jobless"; one set against a count in the notes below a results table counts the same things, not the
table's money. An "N-year-old" describing a noun in apposition to a person, or a title before the name,
is that person's age. An exchange rate is per the currency it is quoted against; a person forecasting a
market's figure does not own it. Invented cases, one row per case.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of, units_of

# (text, the amount, headline, publication date, its subjects)
CASES = [
    pytest.param(
        "In fact, almost 30 wealthy nations spend more than $300bn on farm subsidies.",
        300e9,
        None,
        None,
        ["wealthy nations"],
        id="number_qualifier_left_out",
    ),
    pytest.param(
        "Bryson Oil and Gas Corp agreed to buy Cenergy Corp. Cenergy reported a net loss of 7.27 mln dlrs in the "
        "year. Total stockholders equity on the same date was 40.72 mln dlrs.",
        40.72e6,
        "BRYSON OIL TO BUY CENERGY",
        None,
        [""],
        id="equity_names_a_figure",
    ),
    pytest.param(
        "Bigco said Zentec would pay 6 dlrs a share. Next year's earnings will be about 4 dlrs a share.",
        4.0,
        None,
        None,
        [""],
        id="earnings_as_written",
    ),
    # a figure in the notes below a results table whose property noun the story's country would otherwise own
    # ("gain on disposition of investments") is the table company's, like any other note figure
    pytest.param(
        "BOSTON, March 23 - Shr loss 1.34 dlrs vs profit two cts\n    Net loss 4.5 mln vs profit 46,000\n"
        "    Revs 7.6 mln vs 8.9 mln\n    NOTE: 1986 includes gain on disposition of investments of\n"
        "2,454 dlrs in 3rd qtr.",
        2454.0,
        "ZENTEC FINANCIAL CORP <ZEN> 3RD QTR FEB 28",
        "1987-03-23",
        ["Zentec Financial Corp"],
        id="note_below_table",
    ),
    # the notes are the issuer's, though the parser hangs the possessive as a modifier past the line break and
    # the model splits the name in two
    pytest.param(
        "Moody's Investors Service Inc said it\nmay downgrade about 65 mln dlrs of Frank B. Hall and Co Inc's\n"
        "B-1 subordinated notes.",
        65e6,
        None,
        "1987-03-26",
        ["Frank B. Hall and Co"],
        id="issuer_past_a_wire_line_break",
    ),
]


@pytest.mark.parametrize(("text", "value", "title", "published", "subjects"), CASES)
def test_subject(nlp, text, value, title, published, subjects):
    assert subjects_of(facts_of(nlp, text, title=title, published=published), value) == subjects


# (text, title, the amount, its unit): what a bare number counts
UNITS = [
    pytest.param(
        "The total number of jobless stood at 495,208 at the end of February.",
        None,
        495208.0,
        "person",
        id="number_of_jobless",
    ),
    pytest.param("The number of unemployed rose to 3.1 million.", None, 3.1e6, "person", id="number_of_unemployed"),
    pytest.param(
        "Shr 1.82 dlrs vs 1.48 dlrs\n    Net 69.0 mln vs 56.1 mln\n    NOTES: Company had 1,200 stores in "
        "operation at year end vs 1,045 a\nyear earlier",
        "ZENTEC CORP 4TH QTR NET",
        1045.0,
        "store",
        id="note_figure_set_against_a_count",
    ),
]


@pytest.mark.parametrize(("text", "title", "value", "unit"), UNITS)
def test_counted_unit(nlp, text, title, value, unit):
    assert units_of(facts_of(nlp, text, title=title, published="1987-04-10"), value) == [unit]


# (text, the age, whose): an "N-year-old" describing a noun that stands for a named person
AGES = [
    pytest.param(
        "Malcolm Glazer, the 76-year-old owner of the Tampa Bay Buccaneers, made an offer.",
        76.0,
        ["Malcolm Glazer"],
        id="apposed_noun",
    ),
    pytest.param("The 20-year-old student Viktor Makarov was arrested.", 20.0, ["Viktor Makarov"], id="title_noun"),
    pytest.param("A 20-year-old man was arrested in Leeds.", 20.0, [], id="nobody_named"),
]


@pytest.mark.parametrize(("text", "value", "subjects"), AGES)
def test_year_old_noun(nlp, text, value, subjects):
    facts = [f for f in facts_of(nlp, text) if f.predicate == "age"]
    assert subjects_of(facts, value) == subjects


# (text, the rate, its per): an exchange rate quoted against a base currency is per that currency
RATES = [
    pytest.param("The rupiah fell to 9,300 against the dollar.", 9300.0, "USD", id="against_the_dollar"),
    pytest.param("The ariary was trading at 1,893 to the US dollar.", 1893.0, "USD", id="to_the_us_dollar"),
    pytest.param("The dollar reached $1.2871 against the euro.", 1.2871, "EUR", id="dollar_against_euro"),
    pytest.param("The dollar rose to $1.8832 to the pound.", 1.8832, "GBP", id="dollar_to_pound"),
    pytest.param(
        "The spot riyal was firmer at 3.7495/98 to the dollar.", 3.7495, "USD", id="bid_ask_quote_to_the_dollar"
    ),
    pytest.param("Zentec sold 5,000 cars to the dollar market.", 5000.0, None, id="not_a_rate"),
]


@pytest.mark.parametrize(("text", "value", "per"), RATES)
def test_exchange_rate_per(nlp, text, value, per):
    assert [f.per for f in facts_of(nlp, text) if f.value is not None and abs(f.value - value) < 1e-6 * value] == [per]


def test_a_person_forecasting_a_yield_is_its_speaker(nlp):
    """ "She said she expected the yield on the gilt to dip below 9.5 pct": an analyst's forecast of a market's
    figure is not the analyst's figure."""
    text = (
        "Machiko Suzuki is an assistant manager at a broker. She said she expected the yield on the actively "
        "traded gilt to dip below 9.5 pct."
    )
    assert "Machiko Suzuki" not in subjects_of(facts_of(nlp, text, published="1987-03-10"), 9.5)

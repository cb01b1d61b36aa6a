"""Facts, issue 11 thirteenth round: read off blind batch 46 (10 BBC and 10 Reuters articles,
annotated before the first run) after its first look; each a table of invented cases (one row per
case, its id naming the rule).

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of, times_of, units_of

from pipeline.extractors.quantities.find import find_quantities

# A name the story calls a news agency carries the story wherever it is named; it owns no figure.
AGENCIES = [
    pytest.param(
        "LIMA, March 4 - Nine people died and 14 were hurt when a bus crashed near Cuzco, the state news "
        "agency Andina said. The bus carried 40 passengers, Andina said.",
        40.0,
        "Andina",
        id="news_agency_before_the_name",
    ),
    pytest.param(
        "Nine people died when a ferry sank off Sulawesi, the Antara news agency reported. Rescuers "
        "found 35 survivors, Antara said.",
        35.0,
        "Antara",
        id="news_agency_after_the_name",
    ),
]


@pytest.mark.parametrize(("text", "value", "agency"), AGENCIES)
def test_a_news_agency_owns_no_figure(nlp, text, value, agency):
    assert agency not in subjects_of(facts_of(nlp, text, published="1987-03-04"), value)


# Of two dates in an amount's phrase, the one nearer the amount in the parse is its own; a date in the
# phrase of a compared amount belongs to that amount.
OWN_PHRASE_DATES = [
    pytest.param(
        "Yesterday, Dorvin Corp reported fourth quarter net of about 6.2 mln dlrs against a loss of "
        "three mln dlrs in the 1985 quarter.",
        6.2e6,
        "1986-Q4",
        id="own_quarter_not_the_compared_quarter",
    ),
    pytest.param(
        "Yesterday, Dorvin Corp reported fourth quarter net of about 6.2 mln dlrs against a loss of "
        "three mln dlrs in the 1985 quarter.",
        3e6,
        "1985-Q4",
        id="control_the_compared_amount_keeps_its_quarter",
    ),
]


@pytest.mark.parametrize(("text", "value", "time"), OWN_PHRASE_DATES)
def test_the_nearer_date_of_the_phrase(nlp, text, value, time):
    assert time in times_of(facts_of(nlp, text, published="1987-03-05"), value)


def _values(nlp, text):
    return [q.value for q in find_quantities(nlp(text))]


# "top" before a number is a ranking ("the top 20") unless it is the verb "to exceed": after "to" or a
# modal, or before a number no ranking reaches ("500,000"). A capitalised number word right after a wire
# dateline starts the sentence (it is no name such as "Radio Five").
QUANTITIES = [
    pytest.param("The trade body expects van sales to top 640,000 this year.", [640000.0], id="to_top_a_number"),
    pytest.param("Output could top 900 tonnes this year.", [900.0], id="modal_top"),
    pytest.param("Orders will top 1,200 next month.", [1200.0], id="will_top_thousands"),
    pytest.param("The firm is in the top 20 of the league table.", [], id="control_top_twenty_is_a_rank"),
    pytest.param("Only the top 100 schools took part.", [], id="control_top_hundred_is_a_rank"),
    pytest.param(
        "QUITO, April 2 - Fourteen miners were trapped after a tunnel caved in.", [14.0], id="word_after_dateline"
    ),
    pytest.param("LAS VEGAS, Nev., April 2 - Nine airlines cut fares.", [9.0], id="word_after_dateline_with_state"),
    pytest.param("Fans of Radio Five listen daily.", [], id="control_number_word_in_a_name"),
]


@pytest.mark.parametrize(("text", "values"), QUANTITIES)
def test_quantities_read_off_batch_46(nlp, text, values):
    assert _values(nlp, text) == values


def test_a_verb_top_keeps_its_fact(nlp):
    facts = facts_of(nlp, "The trade body expects van sales to top 640,000 this year.", published="1987-03-05")
    assert any(f.value == 640000.0 for f in facts)


def _amounts(nlp, text):
    return [(q.value, q.value_max, q.unit) for q in find_quantities(nlp(text))]


# Read off blind batch 47. A London money-market quote gives the offered rate first ("9-3/4 5/8":
# 9.75 and 9.625): one range, low to high, like a bid-then-offer quote; one written without its unit
# is in percent when a percent quote follows in the sentence. A year before a noun it dates ("the
# estimated 1986 results") is no count.
QUOTES = [
    pytest.param("Six months were quoted at 9-3/4 5/8 pct.", [(9.625, 9.75, "percent")], id="offer_then_bid"),
    pytest.param("Call money was 8-1/8 1/4 pct.", [(8.125, 8.25, "percent")], id="control_bid_then_offer"),
    pytest.param(
        "One and three months were at 11-1/16 10-15/16 and 10-7/8 3/4 pct respectively.",
        [(10.9375, 11.0625, "percent"), (10.75, 10.875, "percent")],
        id="unit_from_the_next_quote",
    ),
    pytest.param(
        "Six months were quoted at 8-3/4 5/8 and one year at 8-5/8 1/2 pct.",
        [(8.625, 8.75, "percent"), (8.5, 8.625, "percent")],
        id="quote_before_a_duration",
    ),
    pytest.param("The offer was 10-13/16 pct.", [(10.8125, None, "percent")], id="sixteenths_no_code"),
    pytest.param(
        "Nearly two thirds - 64% - of those asked agreed.",
        [(0.666666666667, None, "dimensionless"), (64.0, None, "percent")],
        id="fraction_then_percent_in_dashes",
    ),
    pytest.param("Rates rose 2 - 3% this year.", [(2.0, 3.0, "percent")], id="control_digit_range_with_spaces"),
]


@pytest.mark.parametrize(("text", "amounts"), QUOTES)
def test_quotes_and_dated_years(nlp, text, amounts):
    assert _amounts(nlp, text) == amounts


# The guidelines skip vague plurals ("thousands of", "hundreds of"): no fact, whoever they are about.
VAGUE = [
    pytest.param("Rebels said hundreds of soldiers were killed near Basra.", 100.0, id="hundreds_of"),
    pytest.param("Dorvin Mills said thousands of its customers had complained.", 1000.0, id="thousands_of_a_company"),
]


@pytest.mark.parametrize(("text", "value"), VAGUE)
def test_vague_plurals_are_no_facts(nlp, text, value):
    assert not [f for f in facts_of(nlp, text, published="1987-03-05") if f.value == value]


def test_control_an_exact_count_stays(nlp):
    facts = facts_of(nlp, "Rebels said 300 soldiers were killed near Basra.", published="1987-03-05")
    assert [f for f in facts if f.value == 300.0]


def test_a_year_before_results_is_no_count(nlp):
    facts = facts_of(nlp, "The estimated 1986 results assume 2,100,000 shares.", published="1987-03-05")
    assert not [f for f in facts if f.value == 1986.0]
    assert [f.time_value for f in facts if f.value == 2100000.0] == ["1986"]


# In an article with a named poll, a percentage that is the subject of an opinion verb ("17% disagreed",
# "Forty per cent thought ...") is a share of those asked: the poll's figure.
POLL_SHARES = [
    pytest.param("Twelve per cent thought the minister should resign.", 12.0, id="per_cent_thought"),
    pytest.param("Some 27% said the plan was fair and 31% disagreed.", 31.0, id="percent_disagreed"),
    pytest.param("Just 9% backed the scheme.", 9.0, id="percent_backed"),
    pytest.param("Three-quarters said the scheme was fair.", 0.75, id="fraction_said"),
    pytest.param("One in four said the scheme was fair.", 0.25, id="one_in_four_said"),
]


@pytest.mark.parametrize(("sentence", "value"), POLL_SHARES)
def test_poll_shares_are_the_polls(nlp, sentence, value):
    text = "Voters doubt the plan\n\nA poll for the Daily Courier found voters doubt the plan. " + sentence
    assert "Daily Courier poll" in subjects_of(facts_of(nlp, text, published="2005-01-10"), value)


def test_control_a_share_with_no_poll(nlp):
    text = "Voters doubt the plan\n\nVoters doubt the plan. Some 27% said the plan was fair and 31% disagreed."
    assert not [s for s in subjects_of(facts_of(nlp, text, published="2005-01-10"), 31.0) if "poll" in (s or "")]


# A total of the jobless counts people, like "unemployment" and "employment" already do.
def test_a_jobless_total_counts_people(nlp):
    facts = facts_of(nlp, "The agency said the jobless total had reached 3.1 million in May.", published="2005-06-01")
    assert [f.unit for f in facts if f.value == 3.1e6] == ["person"]


def test_control_a_sales_total_counts_no_people(nlp):
    facts = facts_of(nlp, "The sales total had reached 3.1 million in May.", published="2005-06-01")
    assert [f.unit for f in facts if f.value == 3.1e6] != ["person"]


# Words the model reads as a nationality and a place, whose initials spell the acronym in brackets
# after them, are one company, named in full wherever the acronym stands.
ACRONYMS = [
    pytest.param("Welsh and Midland (W&M) is to buy 30% of Corvel. W&M will pay $40m.", 40e6, id="ampersand"),
    pytest.param("Irish Continental Lines (ICL) is to buy Corvel. ICL will pay $40m.", 40e6, id="nationality_start"),
]


@pytest.mark.parametrize(("text", "value"), ACRONYMS)
def test_an_acronym_takes_its_spelled_out_name(nlp, text, value):
    full = text.split(" (")[0]
    assert full in subjects_of(facts_of(nlp, text, published="2005-06-01"), value)


# A figure "compared with" another of the sentence is in its money; a change written bare before the
# level it led to is in the level's money.
COMPARED_UNITS = [
    pytest.param(
        "Dorvin Corp said 1986 revenues were 31.5 mln dlrs, compared with 8,200,000 for 1985.",
        8.2e6,
        id="compared_with",
    ),
    pytest.param("Dorvin Corp stock rose 1/4 to 17 dlrs a share.", 0.25, id="change_before_level"),
    pytest.param("Dorvin Corp stock fell 3/8 to 12-1/2 dlrs.", 0.375, id="change_before_mixed_level"),
]


@pytest.mark.parametrize(("text", "value"), COMPARED_UNITS)
def test_compared_and_change_units(nlp, text, value):
    assert units_of(facts_of(nlp, text, published="1987-03-05"), value) == ["USD"]


def test_control_index_points_stay(nlp):
    facts = facts_of(nlp, "The Dorvin index rose 12.5 to 1,234.5.", published="1987-03-05")
    assert "USD" not in units_of(facts, 12.5)


# A one-word wire headline name is the start of the company the text names in full.
def test_a_clipped_headline_name(nlp):
    title = "DORVIN <DVX> PLANS FINANCING"
    body = (
        "DENVER, March 2 - Dorvinex Research Corp said it received 300,000 dlrs from the sale of a note.\n"
        "    Under that plan, a minimum of 400,000 dlrs of new capital is to be provided."
    )
    facts = facts_of(nlp, title + "\n\n" + body, published="1987-03-02")
    assert "Dorvinex Research" in " ".join(s or "" for s in subjects_of(facts, 400000.0))

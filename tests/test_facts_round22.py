"""Facts, issue 11 twenty-second round: read off the dev tuning halves and blind batches 64-67 (67 after its
first look); each a table of invented cases (one row per case, its id naming the rule). No sentence is copied
from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of, times_of, units_of

from pipeline.extractors.quantities import find_quantities
from pipeline.extractors.quantities.results import table_rows


# "In theory, the government has a 7% growth target": a bare "the government" that acts is the country's government,
# named as the news names it; an economic figure stays the country's, and a bloc has no government of its own.
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Chile's economy grew 6% last year. The government has set a growth target of 5%.",
            5.0,
            ["Chilean government"],
            id="acts",
        ),
        pytest.param(
            "Peru's exports rose sharply. The government said it would spend $40m on a new port.",
            40e6,
            ["Peruvian government"],
            id="it_after_the_government",
        ),
        pytest.param(
            "The US economy slowed in May. The government will cut $3bn from its road budget.",
            3e9,
            ["US government"],
            id="abbreviated_country",
        ),
        pytest.param(
            "South Korea's exports slowed. The government has set a growth target of 5% for next year.",
            5.0,
            ["South Korean government"],
            id="longest_demonym",
        ),
        pytest.param(
            "Schools in England are short of teachers. The government will spend £40m on training.",
            40e6,
            ["UK government"],
            id="state_of_a_constituent_country",
        ),
        pytest.param(
            "EU leaders met in Brussels. The European Union expects to agree a budget. The government will "
            "publish a guide of 500 pages to the treaty.",
            500.0,
            ["European Union"],
            id="a_bloc_has_no_government",
        ),
        pytest.param(
            "Chile's economy grew 6% last year. The government's budget deficit was 2% of output.",
            2.0,
            ["Chile"],
            id="macro_figure_stays_the_countrys",
        ),
        pytest.param(
            "Chile's economy grew 6% last year. The country has 17 million people.",
            17e6,
            ["Chile"],
            id="the_country_stays_the_country",
        ),
    ],
)
def test_the_government_that_acts_is_the_countrys_government(nlp, text, value, subjects):
    assert [s for s in subjects_of(facts_of(nlp, text), value) if s] == subjects


ROWS_TABLE = (
    "ACME HOLDINGS PLC <ACME.L> 1986 YEAR\n\n"
    "LONDON, March 24 - Shr 31.2p vs 28.4p\n"
    "    Turnover 1.52 billion stg vs 1.31 billion\n"
    "    Pretax profit 88.1 mln vs 75.0 mln\n"
    "    Note - comparisons restated.\n"
    "    Launching costs 12.6 mln vs 9.1 mln\n"
    "    Marine engines 4.2 mln loss vs 1.5 mln loss\n"
    "    Rail systems and signalling 41.0 mln vs 38.3\n"
    "mln\n"
    "    Widget 220 6.4 mln vs 3.2 mln\n"
    "    Reorganisation costs nil vs 2.8 mln\n"
    "    Net includes tax credits of 1.2 mln vs 0.9 mln\n"
)


# "Launching costs 47.6 mln vs 51.6 mln" under a table's listed rows: a row too, under its own words, in the
# table's currency, with the table's periods; a wrapped row is one row; a note is not a row.
@pytest.mark.parametrize(
    "value, unit, time, predicate",
    [
        pytest.param(12.6e6, "GBP", "1986", "launching costs", id="unlisted_label"),
        pytest.param(9.1e6, "GBP", "1985", "launching costs", id="unlisted_label_prior"),
        pytest.param(4.2e6, "GBP", "1986", "marine engines loss", id="loss_after_the_figure"),
        pytest.param(38.3e6, "GBP", "1985", "rail systems and signalling", id="wrapped_scale"),
        pytest.param(6.4e6, "GBP", "1986", "widget 220", id="model_number_in_label"),
        pytest.param(0.0, "GBP", "1986", "reorganisation costs", id="nil"),
        pytest.param(2.8e6, "GBP", "1985", "reorganisation costs", id="after_nil"),
    ],
)
def test_unlisted_rows_of_a_results_table(nlp, value, unit, time, predicate):
    facts = [f for f in facts_of(nlp, ROWS_TABLE, published="1987-03-24") if f.value == pytest.approx(value)]
    assert [(f.unit, f.time_value, f.predicate, f.subject_source) for f in facts] == [(unit, time, predicate, "table")]


def test_a_note_line_and_a_model_number_are_not_amounts(nlp):
    facts = facts_of(nlp, ROWS_TABLE, published="1987-03-24")
    assert not [f for f in facts if f.value == pytest.approx(220)]  # "Widget 220": a name
    assert [f.subject_source for f in facts if f.value == pytest.approx(1.2e6)] != ["table"]  # a note's figure


@pytest.mark.parametrize(
    "text, labels",
    [
        pytest.param(
            "Shr 1.10 dlrs vs 90 cts\n    Avg shrs diluted 12.3 mln vs 11.2 mln\n",
            ["earnings per share", "average shares outstanding"],
            id="listed_label_with_qualifier",
        ),
        pytest.param(
            "Shr 1.10 dlrs vs 90 cts\n    Net turnover 12.7 billion vs 11.3 billion\n",
            ["earnings per share", "net turnover"],
            id="listed_word_then_other_words",
        ),
        pytest.param(
            "Shr 1.10 dlrs vs 90 cts\n    Sales rose to 5 mln vs 4 mln\n",
            ["earnings per share"],
            id="sentence",
        ),
        pytest.param("Launching costs 12.6 mln vs 9.1 mln\n", [], id="no_listed_row_no_table"),
        pytest.param(
            "Net 5.1 mln vs 4.2 mln\n    Revs 30.4 mln vs 28.1 mln\n    Year\n",
            ["net profit", "revenues"],
            id="period_header_not_wrapped",
        ),
    ],
)
def test_which_lines_are_rows(text, labels):
    assert [row.label["property"] for row in table_rows(text)] == labels


def test_unlisted_rows_take_the_table_currency_in_quantities(nlp):
    found = {q.text: q.unit for q in find_quantities(nlp(ROWS_TABLE))}
    assert (found["12.6 mln"], found["9.1 mln"], found["4.2 mln"]) == ("GBP", "GBP", "GBP")


def test_helpers_see_the_table(nlp):  # the helpers the other tables use read these facts too
    facts = facts_of(nlp, ROWS_TABLE, published="1987-03-24")
    assert units_of(facts, 88.1e6) == ["GBP"] and times_of(facts, 88.1e6) == ["1986"]


# a government forecasting or estimating is forecasting the economy: the figure stays the country's
@pytest.mark.parametrize(
    "text, value",
    [
        pytest.param(
            "Chile's economy is recovering. The government initially forecast a current account deficit of "
            "1.5 billion dlrs for 1987.",
            1.5e9,
            id="forecast_verb",
        ),
        pytest.param(
            "Chile's economy is recovering. The government last week revised its forecast up to 4.5 pct.",
            4.5,
            id="revised_forecast",
        ),
    ],
)
def test_a_government_forecast_is_the_countrys(nlp, text, value):
    assert subjects_of(facts_of(nlp, text), value) == ["Chile"]


SWISS_TABLE = (
    "HELVETIA MASCHINEN AG <HELV.Z> 1986 YEAR\n\n"
    "ZURICH, March 3 - Swiss engineering group Helvetia Maschinen AG said:\n"
    "    Net 52.1 mln Swiss francs vs 48.3 mln\n"
    "    Group sales 1.38 billion francs vs 1.29 billion\n"
)


# the currency the quantities found for a row's amount ("francs" in a Swiss company's table) wins over the table's
# word list (where "francs" is French), and the bare figures after it take it
@pytest.mark.parametrize("value", [52.1e6, 48.3e6, 1.38e9, 1.29e9])
def test_a_table_row_keeps_the_currency_the_story_gives(nlp, value):
    assert units_of(facts_of(nlp, SWISS_TABLE, published="1987-03-03"), value) == ["CHF"]


# "The Scottish Executive ... The executive faces 1,000 claims": a nationality and a capitalised institution word are
# one organisation's name, which the model splits into a NORP and a common noun
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "The Scottish Executive is to appeal against the ruling. The executive faces more than 1,000 similar "
            "claims for damages.",
            1000.0,
            ["Scottish Executive"],
            id="executive",
        ),
    ],
)
def test_a_nationality_and_an_institution_are_one_name(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# "In A and B, prices rose by 3% and 1.2% in the two regions respectively": "the two regions" points back to the
# names and is no figure of the list; "America" is the US, not a place of its own beside it
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "In Kent and Devon, the lender said prices rose by 2.5% and 1.5% in the two counties respectively.",
            1.5,
            ["Devon"],
            id="respectively_with_a_count_pointing_back",
        ),
        pytest.param(
            "The US economy grew 3% last year. America's $300bn trade deficit is a worry.",
            300e9,
            ["US"],
            id="america_is_the_us",
        ),
        pytest.param(
            "Latin America's economy grew 5% last year, the bank said.",
            5.0,
            ["Latin America"],
            id="latin_america_stays",
        ),
    ],
)
def test_listed_places_and_country_aliases(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# an offer the sentence prices without naming who makes it is the bidder's the article names ("a new offer from
# X"): "a proposal ... pitched at 300p a share", 'a "well funded" 300p a share bid'; a relative clause saying how
# the target met the offer ("that Acme has rejected") does not make it the target's
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Shares in Rovers United rose 4% after a new offer from Carl Brandt. A proposal was received by the "
            "chairman, Tom Hale, on Friday, pitched at about 250p a share.",
            2.5,
            ["Carl Brandt"],
            id="pitched_proposal",
        ),
        pytest.param(
            "Shares in Rovers United rose 4% after a new offer from Carl Brandt. One fund manager said he believed "
            'a "credible" 260p a share bid would be enough to win.',
            2.6,
            ["Carl Brandt"],
            id="share_bid",
        ),
        pytest.param(
            "Shares in Rovers United rose 4% after a new offer from Carl Brandt. Meanwhile Brightway Group has won "
            "the backing of the board with a bid worth £300m.",
            300e6,
            ["Brightway"],
            id="a_named_clause_subject_makes_its_own_bid",
        ),
        pytest.param(
            "Rovers United said talks were going on. Shares in Rovers United rose 4%. One fund manager said he "
            'believed a "credible" 260p a share bid would be enough to win.',
            2.6,
            ["Rovers United"],  # the article's company, as before: no bidder is made up
            id="no_bidder_named",
        ),
        pytest.param(
            "Lawnco said bids were due by March 18.\n    Binmaster Inc has a 31 dlr per share tender offer for "
            "Lawnco underway that Lawnco has already rejected as inadequate.",
            31.0,
            ["Binmaster"],
            id="offer_rejected_by_the_target",
        ),
    ],
)
def test_an_offer_is_the_bidders(nlp, text, value, subjects):
    assert [s for s in subjects_of(facts_of(nlp, text), value) if s] == subjects


# "one" counts after a word that makes it a count ("to one chamber", "at only one centre"), as any number word does
# (the facts guidelines); "one analyst said", "one of", "one day" are no amounts
@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("The reform cut the parliament to one chamber in 2003.", [(1.0, "chamber")], id="to_one"),
        pytest.param(
            "The tags are currently being used at one Tesco distribution centre.", [(1.0, "centre")], id="at_one"
        ),
        pytest.param("Tesco uses the tags at just one store.", [(1.0, "store")], id="at_just_one"),
        pytest.param("One analyst said the shares were cheap.", [], id="one_analyst_said"),
        pytest.param("Tesco is one of the biggest retailers in Europe.", [], id="one_of"),
        pytest.param("Tesco said it would open the store in one day.", [], id="one_day"),
        pytest.param("Oil prices topped $50 a barrel at one point in October.", [], id="at_one_point"),
    ],
)
def test_one_counts_after_a_count_word(nlp, text, expected):
    assert [(f.value, f.unit) for f in facts_of(nlp, text) if f.value == 1] == expected

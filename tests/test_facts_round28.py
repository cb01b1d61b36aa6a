"""Facts, issue 11 twenty-eighth round: read off blind batch 80 and the dev tuning halves (after their first
looks); a table of invented cases (one row per case, its id naming the rule). No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors.facts.document import results_company


@pytest.mark.parametrize(
    "headline, company",
    [
        # a headline of a name and a period alone names the company of the table below it
        pytest.param("ATLANTIC AND PACIFIC 1986 YEAR", "Atlantic and Pacific", id="name_year_number"),
        pytest.param("HARBOUR MILLS 3RD QTR", "Harbour Mills", id="name_quarter"),
        pytest.param("NORTHERN FOODS INC YEAR", "Northern Foods Inc", id="name_bare_year_with_legal_form"),
        pytest.param("GOLD MINERS HAD RECORD YEAR", None, id="sentence_bare_year"),
        pytest.param("U.K. DEFICIT NARROWS IN 4TH QTR", None, id="sentence_with_preposition"),
        pytest.param("ACME CORP 4TH QTR NET", "Acme Corp", id="results_headline_unchanged"),
    ],
)
def test_results_company(headline, company):
    assert results_company(headline) == company


TABLE = (
    "ATLANTIC AND PACIFIC 1986 YEAR\n\nLONDON, March 20 - Turnover 1.42 billion stg vs 1.31 billion\n"
    "    Pretax profit 96.3 mln vs 81.7 mln\n    Tax 30.2 mln vs 27.5 mln\n REUTER\n"
)


@pytest.mark.parametrize("value", [1.42e9, 1.31e9, 96.3e6, 81.7e6])
def test_period_headline_table(nlp, value):
    facts = facts_of(nlp, TABLE, published="1987-03-20")
    assert subjects_of(facts, value) == ["Atlantic and Pacific"]


# Subjects: (text, the amount, its subjects), one case a row, its id naming the rule.
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        # a place that shows a figure owns it (a place does not speak by "show")
        pytest.param(
            "Rents in the UK climbed again in March, a survey found. The South West showed the steepest rise in "
            "rents at 9.4%.",
            9.4,
            ["South West"],
            id="place_shows_its_figure",
        ),
        # the group that forecasts a figure does not own it
        pytest.param(
            "Media group Wexford Holdings said profits reached £510m in 2004, short of average analysts' forecasts "
            "of £532m.",
            532e6,
            ["Wexford"],
            id="forecasters_possessive",
        ),
        # an index owns its level and its moves, not a company's absence from it
        pytest.param(
            "Wexford Holdings is back in the index. Its shares soared, and a five-year hiatus from the FTSE 100 is "
            "over.",
            5,
            [],  # a duration of no one named is no fact (round 37)
            id="absence_from_an_index",
        ),
        # a clause that left out its verb: the name before the second object is its subject
        pytest.param(
            "The OECD expects France to record a 2 billion dlr deficit and Italy a 5 billion dlr deficit.",
            5e9,
            ["Italy"],
            id="gapped_second_object",
        ),
        pytest.param(
            "The OECD expects France to record a 2 billion dlr deficit and Italy a 5 billion dlr deficit.",
            2e9,
            ["France"],
            id="gapped_first_object",
        ),
        pytest.param("The FTSE 100 index rose 1.2% on Monday.", 1.2, ["FTSE index"], id="index_move_unchanged"),
        pytest.param(
            "Foreign carmakers' sales rose 12% in March.", 12, ["Foreign carmakers"], id="owning_group_unchanged"
        ),
    ],
)
def test_subject(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


WIRE = (
    "ACME <ACM> OFFERS NEW MODELS\n\nDETROIT, April 7 - Acme Corp said it is offering eight new models of its large "
    "computer.\n    Acme said prices for the new models range from 2.9 mln dlrs for the smallest to 8.4 mln dlrs for "
    "the largest.\n    The price of the smallest machine starts at 1.4 mln dlrs.\n"
)


# the price of goods the text names is the seller's, not the economy's; household prices stay the economy's
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(WIRE, 2.9e6, ["Acme"], id="prices_for_models"),
        pytest.param(WIRE, 1.4e6, ["Acme"], id="price_of_machine"),
        pytest.param(
            "Japan's economy slowed. The cost of food rose 4% in March, the ministry said.",
            4,
            ["Japan"],
            id="cost_of_food_stays_macro",
        ),
    ],
)
def test_priced_goods(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="1987-04-07"), value) == subjects


MARKET = (
    "ROTTERDAM OILSEED MEAL STEADY\n\nROTTERDAM, May 5 - Brazil's meal exports slowed.\n"
    "    Brazilian pellets were offered at 171 dlrs per tonne for June shipment, traders said.\n"
    "    Argentine meal was offered at 168 dlrs per tonne.\n"
    "    Indian expeller was quoted at 150 dlrs.\n"
    "    A Brazilian trader was quoted as saying supplies were ample.\n"
)


# goods a market quotes by their origin ("Argentine meal was offered at 168 dlrs") are the origin country's
@pytest.mark.parametrize(
    "value, subjects",
    [
        pytest.param(168, ["Argentina"], id="origin_offered_at"),
        pytest.param(150, ["India"], id="origin_quoted_at"),
    ],
)
def test_goods_quoted_by_origin(nlp, value, subjects):
    assert subjects_of(facts_of(nlp, MARKET, published="1987-05-05"), value) == subjects


def test_quoted_as_saying_is_no_origin(nlp):
    text = (
        "KIEV, May 5 - Floods threatened towns.\n    Meanwhile, a Ukrainian official was quoted as saying today that "
        "evacuations were under way in the region."
    )
    assert not [f for f in facts_of(nlp, text, published="1987-05-05") if f.subject == "Ukraine"]


# the base of a rate ("per 100 people", "per one stg") is no figure of its own
@pytest.mark.parametrize(
    "text, base",
    [
        pytest.param("Norway has 9.5 broadband lines per 100 people, the regulator said.", 100, id="per_100_people"),
        pytest.param("The Danish crown firmed to 26.10 marks per 100 at the fix.", 100, id="per_100_currency"),
        pytest.param(
            "Gas will cost $2 more per 1,000 cubic metres under the deal with Acme.", 1000, id="per_1000_units"
        ),
    ],
)
def test_rate_base_is_no_fact(nlp, text, base):
    assert subjects_of(facts_of(nlp, text), base) == []

"""Facts, issue 11 thirty-first round: read off blind batch 86 (after its first look); a table of invented
cases (one row per case, its id naming the rule). No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of, units_of

_NOTES = (
    "NEW YORK, March 26 - Beta Finance Corp, a unit of Acme Inc, is raising 100 mln dlrs through an offering of "
    "notes due 1995.\n    The notes have an eight pct coupon and were priced at 99.50."
)
_AID = (
    "KATHMANDU, March 13 - Nepal will seek more money from the World Bank to finance industry, Finance Ministry "
    "officials said.\n    A team will visit Washington next month for talks with World Bank executives, they said.\n"
    "    The budget was cut because of poor tax collection, the officials said. They said they expect a two pct "
    "growth in the industrial sector this year, against a target of five pct."
)

_SECTOR = (
    "KATHMANDU, March 13 - Nepal will ask the World Bank for more money to build roads, Finance Ministry officials "
    "said.\n    They said the government had cut its spending plan for this year by six pct.\n    The World Bank "
    "and donor countries are expected to offer Nepal about one billion dlrs of aid at a meeting next month.\n"
    "    The plan was cut because tax receipts fell, the officials said. They said they expect three pct growth in "
    "the farm sector this year, against four pct in 1986."
)
_TAP = (
    "PARIS, March 30 - The French Treasury will issue between eight and 12 billion francs of stock at its next "
    "tender on Thursday, bankers said.\n    The planned issue will be of two fixed rate tranches. The minimum "
    "amount of each tranche will be one billion francs."
)

# (text, headline, the amount, its subjects), one case a row, its id naming the rule.
CASES = [
    # a headline about a company's unit, over a lead that names the unit as "a unit of" the company
    pytest.param(_NOTES, "ACME <ACM> UNIT SELLS NOTES", 8.0, ["Beta Finance"], id="unit_headline_unit_is_topic"),
    pytest.param(_NOTES, "ACME <ACM> SELLS NOTES", 8.0, ["Acme"], id="no_unit_in_headline_parent_stays"),
    pytest.param(
        "NEW YORK, March 26 - Acme Inc said its Beta Finance Corp unit is raising 100 mln dlrs through notes.\n"
        "    The notes have an eight pct coupon.",
        "ACME <ACM> UNIT SELLS NOTES",
        8.0,
        ["Acme"],
        id="unit_not_described_as_unit_of_parent",
    ),
    # ", at AMOUNT" after a figure with an owner: the figure's level, whatever verb the parse hangs "at" on
    pytest.param(
        "OSLO, March 3 - Asked whether he foresaw a cut in Norway's trade deficit, at 7.6 billion crowns in 1986 "
        "against 5.1 billion in 1985, Ivan Petrov told reporters it depended on exports.",
        None,
        7.6e9,
        ["Norway"],
        id="comma_at_level_of_owned_figure",
    ),
    # ... and the figure set against it is the same owner's, not the person who "foresaw"
    pytest.param(
        "OSLO, March 3 - Asked whether he foresaw a cut in Norway's trade deficit, at 7.6 billion crowns in 1986 "
        "against 5.1 billion in 1985, Ivan Petrov told reporters it depended on exports.",
        None,
        5.1e9,
        ["Norway"],
        id="compared_figure_not_the_speakers",
    ),
    # "the 34-year-old" after a sentence about a person: that person, not the story's main one
    pytest.param(
        "First minister Jack Reid said the city would help. Mr Reid praised the charities. Glasgow teacher, "
        "Maria Lopez, was named as the first victim. The 34-year-old was on holiday with Anna Berg, 25.",
        "Reid details toll",
        34.0,
        ["Maria Lopez"],
        id="year_old_is_previous_subject",
    ),
    pytest.param(
        "Tony Blair has become Labour's longest-serving prime minister. The 51-year-old premier has marked his "
        "2,838th day in the post.",
        "Blair Labour's longest-serving PM",
        51.0,
        ["Tony Blair"],
        id="year_old_main_person",
    ),
    # growth "in the farm sector" is the economy's, not the headline company's
    pytest.param(_SECTOR, "NEPAL TO ASK WORLD BANK FOR ROAD MONEY", 3.0, ["Nepal"], id="sector_growth_is_economy"),
    # a public body's own issue, named in a headline about the issue: the body's, not its country's
    pytest.param(_TAP, "FRENCH TREASURY DETAILS PLANNED TAP ISSUE", 1e9, ["Treasury"], id="treasury_issue_headline"),
    pytest.param(_TAP, "FRENCH TREASURY SEES BETTER YEAR", 1e9, ["France"], id="treasury_other_headline_country"),
    # "they" after "officials said" are the officials, not the headline's company
    pytest.param(_AID, "NEPAL TO SEEK WORLD BANK HELP FOR INDUSTRY", 5.0, ["Nepal"], id="they_are_the_officials"),
    pytest.param(
        "NEW YORK, March 13 - Acme Corp said it will seek more money from banks.\n    It said it expects a two pct "
        "growth in sales this year.",
        "ACME <ACM> TO SEEK LOANS",
        2.0,
        ["Acme"],
        id="it_is_still_the_company",
    ),
]


@pytest.mark.parametrize("text, title, value, subjects", CASES)
def test_subjects(nlp, text, title, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="1987-03-13", title=title), value) == subjects


# an exchange's volume in lots: a bare figure in the next sentences counts lots too
def test_lots_carry_to_bare_volumes(nlp):
    text = (
        "LONDON, April 7 - Trading volume on the metal exchange held steady in March.\n    Zinc volume was down to "
        "52,310 lots last month from 61,400 lots a year earlier. It totalled 48,275 in February."
    )
    assert units_of(facts_of(nlp, text, published="1987-04-07"), 48275.0) == ["lot"]

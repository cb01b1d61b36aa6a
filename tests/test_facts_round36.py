"""Facts, issue 11 thirty-sixth round: read off the dev tuning half and blind batches 94-97 (tuning).
A wire headline's acronym with its legal form ("DCNY CORP") names the company the text names in full;
the level of a tax, benefit, wage floor or limit that is the clause's subject is the instrument's own figure.
A death toll is the place's or the event's where they died ("died in the floods", "killed at the
colliery", "the fire in which 56 died"), not the speaker's or the story's company. Invented cases, one
row per case, the id naming the rule.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors.facts.document import _topic
from pipeline.records import EntityMention

# (text, the amount, its subjects)
TOLLS = [
    pytest.param(
        "The charity Aidwell said more than 300 people died in the floods.", 300.0, ["floods"], id="died_in_event"
    ),
    pytest.param(
        "Officials at Minco said 45 miners were killed at the Greenhill colliery.",
        45.0,
        ["Greenhill colliery"],
        id="killed_at_place",
    ),
    pytest.param(
        "Some four million people perished in the Famine, the historian said.", 4e6, ["Famine"], id="untagged_name"
    ),
    pytest.param(
        "Between 1995 and 2003, 17 teenagers have taken their own lives in prison, the report by Penwatch found.",
        17.0,
        ["prison"],
        id="took_their_lives",
    ),
    pytest.param(
        "Campaigners recalled the 1985 stadium fire in which 56 people died.", 56.0, ["stadium fire"], id="in_which"
    ),
    pytest.param(
        "In Peru, where 120 people have died, the rains continue, Oxfam said.", 120.0, ["Peru"], id="where_place"
    ),
    # no place or event: the other rules answer
    pytest.param("More than 80 people died, police said.", 80.0, [""], id="no_place"),
    # the first place phrase of the verb names it
    pytest.param("About 80 people died in Ruritania in a fire, police said.", 80.0, ["Ruritania"], id="first_place"),
    # a time is no place, an owner's group is not counted by this rule, and "killed" must be passive
    pytest.param("Some 2,000 soldiers died in 1916, Mr Smith said.", 2000.0, [""], id="a_year_is_no_place"),
    pytest.param("The Acme strike took 12 days in March, the union said.", 12.0, ["Acme"], id="took_without_lives"),
]


@pytest.mark.parametrize(("text", "value", "subjects"), TOLLS)
def test_death_tolls(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


_DISCOUNT = EntityMention(60, 85, "Discount Corp of New York", "ORG", "Discount Corp of New York", "ORG:discount")
_PETROLEUM = EntityMention(60, 84, "British Petroleum Co PLC", "ORG", "British Petroleum Co PLC", "ORG:british")


@pytest.mark.parametrize(
    ("headline", "entity", "topic"),
    [
        # a wire headline's acronym with its legal form is the company the text names in full
        pytest.param("DCNY CORP <DCY> HIKES QTLY DIVIDEND", _DISCOUNT, "Discount Corp of New York", id="legal_form"),
        pytest.param("DCNY <DCY> HIKES QTLY DIVIDEND", _DISCOUNT, "Discount Corp of New York", id="bare_acronym"),
        pytest.param("BP PLC <BP> RAISES OUTPUT", _PETROLEUM, "British Petroleum Co PLC", id="legal_forms_skipped"),
        # initials that spell no name of the text leave the headline's own name
        pytest.param("DCXY CORP <DCX> HIKES QTLY DIVIDEND", _DISCOUNT, "Dcxy Corp", id="other_letters"),
    ],
)
def test_headline_acronym_names_the_company(headline, entity, topic):
    found = _topic(headline, (0, len(headline)), [entity])
    assert found is not None and found.canonical_name == topic


# (text, the amount, its subjects): the level of a tax, benefit, wage floor, duty or limit nobody in the clause sets
POLICIES = [
    pytest.param(
        "The national minimum wage is currently set at £4.85 per hour, the Low Pay Commission said.",
        4.85,
        ["national minimum wage"],
        id="subject_set_at",
    ),
    pytest.param(
        "Under the plans, child benefit would rise to a maximum of £63 a week for the first child.",
        63.0,
        ["child benefit"],
        id="subject_rises_to",
    ),
    pytest.param(
        "Reducing the limit from 80mg to 50mg would save lives, Professor Allsop of UCL said.",
        50.0,
        ["limit"],
        id="object_of_a_subject_gerund",
    ),
    # an actor in the clause (or in the clause it is joined to), a company's story
    pytest.param("Gordon Brown raised the duty on beer to 60p a pint.", 0.6, ["Gordon Brown"], id="actor_sets_it"),
    pytest.param(
        "Canada slapped a duty on corn, but reduced the duty to 85 cts last month.",
        0.85,
        ["Canada"],
        id="conjoined_verb_has_the_actor",
    ),
    pytest.param(
        "ACME CORP <ACM> 4TH QTR NET\n\nAcme Corp said tax was 4.2 mln dlrs in the quarter.",
        4.2e6,
        ["Acme"],
        id="company_story",
    ),
]


@pytest.mark.parametrize(("text", "value", "subjects"), POLICIES)
def test_policy_levels(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# (text, published, headline, the amount, its subjects): a money market report's shortage or surplus is the market's
MONEY_MARKETS = [
    pytest.param(
        "LONDON, March 30 - The Bank of England said it forecast a liquidity surplus of around 100 mln stg in the "
        "money market today.",
        "BANK OF ENGLAND FORECASTS SURPLUS IN MONEY MARKET",
        1e8,
        ["money market"],
        id="surplus_in_the_money_market",
    ),
    pytest.param(
        "LONDON, March 30 - The Bank of England said it had given 206 mln stg of assistance. This compares with "
        "the rest of the 1.10 billion stg shortage forecast.",
        "U.K. MONEY MARKET GIVEN 206 MLN STG ASSISTANCE",
        1.1e9,
        ["U.K. money market"],
        id="headline_names_the_country",
    ),
    # the bank's own assistance stays the bank's, and a shortage with no money market named is not one
    pytest.param(
        "LONDON, March 30 - The Bank of England said it had given 206 mln stg of assistance.",
        "U.K. MONEY MARKET GIVEN 206 MLN STG ASSISTANCE",
        2.06e8,
        ["Bank of England"],
        id="assistance_is_the_banks",
    ),
    pytest.param(
        "LONDON, March 30 - Acme Corp said it faced a cash shortage of 20 mln stg.",
        "ACME CORP CASH SHORTAGE",
        2e7,
        ["Acme"],
        id="no_money_market",
    ),
]


@pytest.mark.parametrize(("text", "headline", "value", "subjects"), MONEY_MARKETS)
def test_money_market_shortages(nlp, text, headline, value, subjects):
    facts = facts_of(nlp, text, published="1987-03-30", title=headline)
    assert subjects_of(facts, value) == subjects

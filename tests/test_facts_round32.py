"""Facts, issue 11 thirty-second round: read off blind batch 89 (after its first look); a table of invented
cases (one row per case, its id naming the rule). No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

_SOCIETY = (
    "LONDON, April 2 - Riverside Building Society said it is issuing 40 mln stg of loan stock due 2015.\n"
    "    The stock will be partly paid with 30 stg pct payable on acceptance."
)
_AREA = (
    "LONDON, March 12 - A total of 1.52 mln hectares was sown to barley in Britain up to December 1, a Ministry "
    "of Agriculture survey shows.\n    It compares with 1.61 mln planted in the same period a year earlier."
)

# (text, headline, the amount, its subjects), one case a row, its id naming the rule.
CASES = [
    # "... Building Society" is a company's name the model may leave untagged: the issuer owns its issue
    pytest.param(_SOCIETY, "RIVERSIDE ISSUING LOAN STOCK", 4e7, ["Riverside Building Society"], id="building_society"),
    pytest.param(_SOCIETY, "RIVERSIDE ISSUING LOAN STOCK", 30.0, ["Riverside Building Society"], id="society_terms"),
    # "It compares with X": "it" is the figure before, not the ministry the sentence before named
    pytest.param(_AREA, "UK BARLEY AREA DOWN, MINISTRY SURVEY SHOWS", 1.61e6, ["UK"], id="it_compares_is_figure"),
    pytest.param(
        "LONDON, March 12 - Acme Plc said its pretax profit rose to 52 mln stg in 1986.\n    It said sales "
        "rose to 610 mln stg from 580 mln.",
        "ACME PLC PROFIT UP",
        6.1e8,
        ["Acme"],
        id="it_said_is_still_the_company",
    ),
    # "he argued X cost Y": the one who argues a figure does not own it (as one who says it)
    pytest.param(
        "Party leader Tom Hale has attacked the government's farm policy.\n\nThe party said it would cut red tape. "
        "And he argued farming cost £3bn a year for 20,000 farms.",
        "Hale attacks farm policy",
        3e9,
        [""],
        id="argued_figure_not_speakers",
    ),
    pytest.param(
        "Party leader Tom Hale has attacked the government's farm policy.\n\nThe party said it would cut red tape. "
        "And he said he would spend £3bn a year on farms.",
        "Hale attacks farm policy",
        3e9,
        ["Tom Hale"],
        id="own_spending_plan_stays_speakers",
    ),
]


@pytest.mark.parametrize("text, title, value, subjects", CASES)
def test_subjects(nlp, text, title, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="1987-03-13", title=title), value) == subjects

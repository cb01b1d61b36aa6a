"""Facts, issue 11 thirtieth round: read off blind batch 84 (after its first look); a table of invented
cases (one row per case, its id naming the rule). No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of, units_of

from pipeline.extractors.quantities.context import currency_context

# Subjects: (text, the amount, its subjects), one case a row, its id naming the rule.
CASES = [
    # a company named before a place owns what its office there does
    pytest.param(
        "SINGAPORE, March 5 - Chase Manhattan Bank Singapore branch is planning a 50 mln Singapore dlr note issue, "
        "dealers said.",
        50e6,
        ["Chase Manhattan Bank"],
        id="company_before_place_branch",
    ),
    pytest.param(
        "Singapore exports rose 12 pct in February, the ministry said.",
        12.0,
        ["Singapore"],
        id="place_alone_unchanged",
    ),
    # a demonym the country list lacked: an economic figure of a story about the Palestinian economy
    pytest.param(
        "Palestinian jobs shrink\n\nThe Palestinian economy shrank last year, a report said. Unemployment stood at "
        "27%, Palestinian officials said. A US envoy visited the region.",
        27.0,
        ["Palestinian territories"],
        id="demonym_palestinian",
    ),
    # a private-sector liquidity aggregate the NER took for a name is the country's figure
    pytest.param(
        "LONDON, April 2 - Unadjusted, PSL2 grew 0.9 pct in March after a 0.4 pct rise in February, the bank said.",
        0.9,
        ["United Kingdom"],
        id="liquidity_aggregate_code",
    ),
    # a company named only far down a story about something else is not what the story's figures belong to
    pytest.param(
        "Ministers pledge flood aid\n\nThe government will give 20 million pounds to towns hit by the floods, the "
        "minister said on Monday. Officials said the money would be paid over three years. Councils in the worst hit "
        "areas asked for more help to repair roads and bridges, and volunteers helped families clear their homes. "
        "Forecasters said more rain was expected later in the week, and river levels were being watched closely by "
        "the emergency services in the region. Families who lost their homes are staying with relatives or in "
        "hotels paid for by the councils, officials said, and schools in two towns stayed closed. Insurers said "
        "claims were still coming in. The public has given 3 million pounds so far. Two lorries from the Harbour "
        "Freight Company carried supplies, and a second Harbour Freight Company lorry is on its way.",
        3e6,
        ["public"],
        id="company_only_after_lead_not_main",
    ),
]


@pytest.mark.parametrize("text, value, subjects", CASES)
def test_subjects(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="1987-03-05"), value) == subjects


# Bare "francs" (and crowns, pesos, dinars) filed under a dateline are the dateline country's money.
@pytest.mark.parametrize(
    "text, franc",
    [
        pytest.param("BRUSSELS, March 30 - Net profit 3.4 billion francs vs 2.3 billion.", "BEF", id="brussels"),
        pytest.param("GENEVA, March 3 - Net profit rose to 40 mln francs.", "CHF", id="geneva_upper_case"),
        pytest.param("PARIS, March 3 - Net profit rose to 40 mln francs.", "FRF", id="paris"),
        pytest.param(
            "BRUSSELS, March 30 - Profit 3.4 billion francs. French and French units and French sales grew.",
            "FRF",
            id="many_cues_beat_the_dateline",
        ),
        pytest.param("Net profit rose to 40 mln francs, the French group said.", "FRF", id="no_dateline"),
    ],
)
def test_dateline_franc(text, franc):
    assert currency_context(text, wire_style=True)["franc"] == franc


@pytest.mark.parametrize(
    "text, value, unit",
    [
        pytest.param("BRUSSELS, March 30 - Group net profit rose to 3.4 billion francs.", 3.4e9, "BEF", id="bef"),
        pytest.param("HONG KONG, March 5 - Exports rose to 7.2 billion H.K. Dlrs.", 7.2e9, "HKD", id="hk_dlrs"),
        pytest.param("The bank plans a 100 mln H.K. Dlr note issue.", 100e6, "HKD", id="hk_dlr"),
    ],
)
def test_wire_currency_units(nlp, text, value, unit):
    assert units_of(facts_of(nlp, text, published="1987-03-30"), value) == [unit]

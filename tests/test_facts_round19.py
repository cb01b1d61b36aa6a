"""Facts, issue 11 nineteenth round: read off blind batch 62 after its first look (and the tuning halves);
each a table of invented cases (one row per case, its id naming the rule).

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest

from pipeline.extractors import extract_articles
from pipeline.ingest import article_from_record


def _article_facts(nlp, title: str, body: str, published: str = "1987-03-06"):
    """The facts of one article with its headline as the record's title (as the corpora give it)."""
    record = {"id": "t", "title": title, "text": f"{title}\n\n{body}", "published": published}
    (extraction,) = list(extract_articles([article_from_record(record)], nlp))
    return [(f.part.name, f.mention) for f in extraction.facts]


# The facts guidelines give a headline's numbers rows of their own: an amount only the headline states is a
# fact of the headline part, with the headline's company, and one the body states again has a row in each
# part (round 40; a wire headline in capitals repeats its lead: the body's row only); a headline's event is
# told by the body; a wire headline in capitals keeps its money, percentages and measures, not the period
# of a results table or a count from a misparse.
HEADLINES = [
    pytest.param(
        "Zentek agrees $25bn Dravo deal",
        "Zentek has agreed to buy its rival Dravo, the firm said on Monday.",
        [("title", 25e9, "USD", "Zentek")],
        id="headline_amount",
    ),
    pytest.param(
        "Zentek shares plunge 20%",
        "Shares in Zentek fell 20% on Monday after the firm cut its forecast.",
        [("title", 20.0, "percent", "Zentek"), ("body", 20.0, "percent", "Zentek")],
        id="stated_again_in_the_body",
    ),
    pytest.param(
        "ZENTEK CORP <ZTK> SELLS UNIT FOR 50 MLN DLRS",
        "NEW YORK, March 5 - Zentek Corp said it agreed to sell its paper unit to Dravo Inc for 50 mln dlrs.",
        [("body", 50e6, "USD", "Zentek")],
        id="capitals_stated_again_in_the_lead",
    ),
    pytest.param(
        "Zentek profits up 20 pct",
        "NEW YORK, March 5 - Zentek Corp said its profits rose 20 pct in the quarter.",
        [("body", 20.0, "percent", "Zentek")],
        id="wire_dateline_stated_again_in_the_lead",
    ),
    pytest.param(
        "ZENTEK CORP <ZTK> SELLS UNIT FOR 50 MLN DLRS",
        "NEW YORK, March 5 - Zentek Corp said it agreed to sell its paper unit to Dravo Inc.",
        [("title", 50e6, "USD", "Zentek Corp")],
        id="capitals_money",
    ),
    pytest.param(
        "ZENTEK CORP <ZTK> SIX MONTHS TO DECEMBER",
        "LONDON, March 5 - Zentek Corp said trading was good.",
        [],
        id="capitals_results_period",
    ),
    pytest.param(
        "ZENTEK APPROVAL RATING FALLS TO FOUR-YEAR LOW",
        "NEW YORK, March 5 - Zentek Corp said its customers were unhappy.",
        [],
        id="capitals_duration",
    ),
    pytest.param(
        "Zentek to open plant on 5 April",
        "Zentek will open its new plant next month, the firm said.",
        [],
        id="headline_event",
    ),
]


@pytest.mark.parametrize("title, body, expected", HEADLINES)
def test_a_headline_states_its_own_amounts(nlp, title, body, expected):
    found = [
        (part, f.value, f.unit, f.subject)
        for part, f in _article_facts(nlp, title, body)
        if f.value is not None and (part == "title" or any(v == f.value for _, v, *_ in expected))
    ]
    assert found == expected


# A ticker in a wire headline names the words after its last verb, preposition or figure, without the words
# of the amount ("HAS 91.8 PCT OF ..."), and a hyphenated name in capitals is written as a name.
@pytest.mark.parametrize(
    "headline, company",
    [
        pytest.param("ACME PARTNERS HAS 96 PCT DRAVO-WIDGET <DRW>", "Dravo-Widget", id="after_figure"),
        pytest.param("MILLER GROUP HAS 91.8 PCT OF PENN WIDGET <PNW>", "Penn Widget", id="amount_words"),
        pytest.param("OPPENHEIMER RAISES ZENTEK <ZTK> ESTIMATE", "Zentek", id="after_verb"),
    ],
)
def test_a_headline_ticker_names_the_words_after_the_amount(headline, company):
    from pipeline.extractors.facts.document import _topic

    assert _topic(headline, None, []).canonical_name == company


# A measure written in a wire headline's capitals is named, not kept as a symbol ("100,000 TONNE").
def test_a_unit_in_capitals_is_named(nlp):
    facts = _article_facts(
        nlp, "ZENTEK SEES 100,000 TONNE COCOA SURPLUS", "ZURICH, March 5 - Zentek AG said demand was weak."
    )
    assert [f.unit for part, f in facts if f.value == 100000.0] == ["tonne"]


# A part with no names of its own (a headline in capitals, a short reader comment) reads its words as its own:
# the other parts' mentions count their offsets from their own start, so one at 0..5 is not this part's "Japan".
def test_a_part_never_borrows_another_parts_offsets(nlp):
    from pipeline.extractors.dates import find_dates
    from pipeline.extractors.facts import find_facts
    from pipeline.extractors.quantities import find_quantities
    from pipeline.records import EntityMention

    doc = nlp("Japan exports rose 5% in March, the ministry said.")
    elsewhere = [EntityMention(0, 5, "Paris", "GPE", "France", "GPE:france")]
    dates = find_dates(doc, published="2005-01-01")
    quantities = find_quantities(doc, exclude=[(d.start, d.end) for d in dates])
    facts = find_facts(
        doc, dates=dates, quantities=quantities, entities=[], doc_entities=elsewhere, published="2005-01-01"
    )
    assert [f.subject for f in facts if f.value == 5.0] == ["Japan"]

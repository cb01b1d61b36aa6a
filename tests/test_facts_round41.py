"""Facts, issue 11 forty-first round: a money or bond market report ("ASIAN DOLLAR DEPOSITS CLOSE STEADY",
"GERMAN BONDS EASE") quotes its instrument's rates and prices sentence after sentence without naming it
again ("One month closed at 6-1/2 pct"); those quotes are the instrument's, as the lead writes it with its
modifiers ("Hong Kong dollar deposit"), not the reporting country's, a company the report mentions, or
the dealers'. A count in the report ("12 banks") is no quote, and a headline whose company issues the
bond is no market report. A range whose low end is a date's day ("the period March 16 to 31 to 900 mln marks")
is the amount after the date; two lines of a results table with one value are two facts. Invented cases.
"""

from __future__ import annotations

import dataclasses

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors import entities as E
from pipeline.extractors.dates import find_dates
from pipeline.extractors.facts import consolidate, find_facts
from pipeline.extractors.quantities import find_quantities

DEPOSITS = (
    "HONG KONG DOLLAR DEPOSITS EASE IN QUIET TRADE",
    "HONG KONG, May 4 - Hong Kong dollar deposit rates eased in quiet trading, dealers said.\n"
    "    Pemberton Trust was a small buyer of funds, dealers said. Pemberton Trust declined to comment.\n"
    "    Overnight was quoted at 4-1/2 4-3/8 pct.\n"
    "    One month closed at 5.45/35 pct and three months at 5.65/55 pct.\n"
    "    Some 12 banks took part in the morning session.\n",
)
BONDS = (
    "GERMAN BONDS EASE IN THIN TRADE",
    "FRANKFURT, May 4 - Prices of public authority bonds eased in thin trading, dealers said.\n"
    "    Long maturities lost around 15 pfennigs and yields rose to 6.31 pct.\n"
    "    Call money was quoted at 3.85 pct. Share prices rose 2.5 pct.\n",
)
ISSUE = (
    "ACME CORP <ACM> ISSUES 100 MLN DLR BONDS",
    "NEW YORK, May 4 - Acme Corp said it is issuing 100 mln dlrs of bonds due 1997 with a coupon of 9-1/2 pct.\n",
)
VOLUME = (
    "STERLING EUROBOND ISSUES RISE IN MARCH",
    "LONDON, April 2 - The volume of sterling eurobond issues rose in March to 1.9 billion stg from 1.2 billion "
    "in February, the Bank of England said.\n",
)
TREASURY = (
    "NORVANIAN TREASURY CUTS INTEREST ON CERTIFICATES",
    "OSLAND, March 3 - The Norvanian treasury said coupon rates on two issues of treasury certificates would "
    "be cut to 4.85 pct from 5.45 pct.\n",
)
COMMODITY = (
    "LONDON COCOA PRICES EASE",
    "LONDON, May 4 - London cocoa prices eased in quiet trading, dealers said.\n    May closed at 1,245 stg a tonne.\n",
)

# (headline, body, the amount, its subjects)
CASES = [
    pytest.param(*DEPOSITS, 4.375, ["Hong Kong dollar deposit"], id="overnight_quote_is_the_instruments"),
    pytest.param(*DEPOSITS, 5.35, ["Hong Kong dollar deposit"], id="a_maturitys_quote_is_the_instruments"),
    pytest.param(*BONDS, 0.15, ["public authority bonds"], id="bond_price_change_is_the_bonds"),
    pytest.param(*BONDS, 6.31, ["public authority bonds"], id="bond_yield_is_the_bonds"),
    pytest.param(*BONDS, 3.85, ["Germany"], id="call_money_in_a_bond_report_is_not_the_bonds"),
    pytest.param(*BONDS, 2.5, ["Germany"], id="share_prices_in_a_bond_report_are_not_the_bonds"),
    pytest.param(*ISSUE, 9.5, ["Acme"], id="an_issuers_bond_is_no_market_report"),
    pytest.param(*VOLUME, 1.9e9, ["sterling eurobond"], id="a_markets_issue_volume_is_the_instruments"),
    pytest.param(*COMMODITY, 1245.0, ["London cocoa"], id="a_commodity_report_keeps_its_commodity"),
]


@pytest.mark.parametrize(("title", "body", "value", "subjects"), CASES)
def test_subject(nlp, title, body, value, subjects):
    assert subjects_of(facts_of(nlp, body, title=title), value) == subjects


def test_a_count_in_a_market_report_is_no_quote(nlp):
    """ "Some 12 banks took part": a count, not a rate of the instrument."""
    title, body = DEPOSITS
    assert subjects_of(facts_of(nlp, body, title=title), 12.0) != ["Hong Kong dollar deposit"]


# a range whose low end is a date's day ("March 16 to 31 to 900 mln marks") is the amount after the date
DATE_RANGES = [
    pytest.param(
        "Sales of the notes fell in the period May 16 to 31 to 640 mln marks, the central bank said.",
        [("640 mln marks", 640e6, None, "DEM")],
        id="a_date_ranges_day_is_no_low_end",
    ),
    pytest.param(
        "Exports rose between June 4 and 19 to 72 mln dlrs.",
        [("72 mln dlrs", 72e6, None, "USD")],
        id="between_two_days",
    ),
    pytest.param("Prices rose 3 to 5 pct last year.", [("3 to 5 pct", 3.0, 5.0, "percent")], id="a_true_range_stays"),
]


@pytest.mark.parametrize(("text", "expected"), DATE_RANGES)
def test_a_date_ranges_day_is_not_an_amount(nlp, text, expected):
    doc = nlp(text)
    dates = find_dates(doc, published="1987-04-01")
    found = find_quantities(doc, exclude=[(d.start, d.end) for d in dates])
    assert [(q.text, q.value, q.value_max, q.unit) for q in found] == expected


def test_a_sentence_repeating_a_table_figure_is_still_one_fact(nlp):
    """ "Kestron said it earned 2,400,000 dlrs" above "Net 2,400,000 vs 880,000": one figure stated twice."""
    body = (
        "SALEM, Mass, March 24 - Kestron Corp said it earned 2,400,000 dlrs in the quarter.\n"
        "    Shr 44 cts vs 20 cts\n"
        "    Net 2,400,000 vs 880,000\n"
        "    Revs 9,100,000 vs 8,300,000\n"
    )
    facts = consolidate(facts_of(nlp, body, title="KESTRON CORP <KSTN> 4TH QTR NET", published="1987-03-24"))
    assert len([f for f in facts if f.value == 2.4e6]) == 1


def test_two_table_lines_with_one_value_are_two_facts(nlp):
    """ "Net loss 2.4 mln" and "Revs 2.4 mln" in one results table are two figures, not one stated twice."""
    body = (
        "SALEM, Mass, March 24 - Shr loss 44 cts vs loss 20 cts\n"
        "    Net loss 2.4 mln vs loss 880,000\n"
        "    Revs 2.4 mln vs 2.6 mln\n"
    )
    title = "KESTRON CORP <KSTN> 4TH QTR"
    facts = [f for f in consolidate(facts_of(nlp, body, title=title, published="1987-03-24")) if f.value == 2.4e6]
    assert sorted(f.property_key for f in facts) == ["net_loss", "revenue"]


# a wire story's breakdown list: each figure and its bracketed prior are the label's
BREAKDOWN = (
    "BUENOS AIRES, April 1 - Norland cereal shipments totalled 1,240,000 tonnes in 1986, the Norland Grain "
    "Board said.\n    Breakdown was as follows: barley 9,000 (27,900), oats 954,303 (840,440), rye 119,954 "
    "(138,944).\n"
)
BREAKDOWN_CASES = [
    pytest.param(BREAKDOWN, 9000.0, ["barley"], id="a_listed_figure_is_its_labels"),
    pytest.param(BREAKDOWN, 840440.0, ["oats"], id="the_bracketed_prior_is_its_labels_too"),
    pytest.param(
        "LONDON, April 1 - Meal prices were adjusted, previous in brackets.\n    Rapeseed cake and expellers "
        "137 (136), pellets 115 (114) and meal 105 (104).\n",
        104.0,
        ["meal"],
        id="and_opens_the_last_label",
    ),
]

# no breakdown pair: a total, a clause, a year in the brackets
NOT_LABELS = [
    pytest.param(
        "LONDON, April 1 - Barley 20.0 (9.0), total 20.5 (nil) and rapeseed 4.0 (1.0).\n", 20.5, "total", id="a_total"
    ),
    pytest.param(
        "LONDON, April 1 - The Norland Grain Board said in a statement issued today that shipments rose to 1,234 "
        "(1,000) tonnes to Japan and 900 (800) to Korea.\n",
        1234.0,
        "statement issued today that shipments rose to",
        id="a_clause_before_the_figure",
    ),
    pytest.param(
        "LONDON, April 1 - Acme said sales rose in Japan 1,200 (1986) and Korea 900 (1985).\n",
        1200.0,
        "Japan",
        id="a_year_in_the_brackets",
    ),
]


@pytest.mark.parametrize(("body", "value", "subjects"), BREAKDOWN_CASES)
def test_breakdown_list_labels(nlp, body, value, subjects):
    found = subjects_of(facts_of(nlp, body, title="NORLAND GRAIN SHIPMENTS", published="1987-04-01"), value)
    assert found[:1] == subjects


@pytest.mark.parametrize(("body", "value", "not_a_label"), NOT_LABELS)
def test_no_breakdown_label(nlp, body, value, not_a_label):
    facts = facts_of(nlp, body, title="NORLAND GRAIN SHIPMENTS", published="1987-04-01")
    assert not any(f.subject_source == "breakdown_label" and not_a_label in (f.subject or "") for f in facts)
    assert any(f.value == value for f in facts)


@pytest.mark.parametrize(
    ("header", "value", "unit"),
    [
        pytest.param("The breakdown was as follows, in tonnes:", 25156.0, "tonne", id="in_tonnes"),
        pytest.param("Prices in cents per lb, previous in brackets, were:", 251.56, "USD", id="in_cents_per_lb"),
        pytest.param("Exports rose 5 pct in dollar terms. The breakdown was:", 25156.0, None, id="no_header_unit"),
    ],
)
def test_breakdown_figures_take_their_headers_unit(nlp, header, value, unit):
    """A bare figure of the list in the unit its header states ("as follows, in tonnes:", "in cents per lb,
    previous in brackets"), minor units in the currency; "in dollar terms" in a sentence before is no header."""
    body = (
        "BUENOS AIRES, April 1 - Norland cereal shipments fell in 1986, the Norland Grain Board said.\n"
        f"    {header} barley 5,000 (nil), oats 25,156 (23,713), rye 6,127 (5,990).\n"
    )
    facts = facts_of(nlp, body, title="NORLAND GRAIN SHIPMENTS", published="1987-04-01")
    assert [(f.subject, f.unit) for f in facts if f.value is not None and abs(f.value - value) < 1e-6] == [
        ("oats", unit)
    ]


@pytest.mark.parametrize(("label", "subject"), [("PRODUCT", "Blue Lynx"), ("ORG", "Blue Lynx"), ("PERSON", "Norsec")])
def test_it_in_what_a_mislabelled_firm_said_is_the_firm(nlp, label, subject):
    """ "Blue Lynx said it had blocked 2 million copies": a name the model calls a product (or a facility) is
    no speaker of its own, so the firm; a person stays none of "it"'s (the article's company)."""
    body = (
        'Finnish company Norsec rated the worm a high threat. "We have had reports from all over the world," '
        "said Anna Berg of Norsec. Blue Lynx said it had blocked more than 2 million copies of the worm."
    )
    doc = nlp(body)
    dates = find_dates(doc, published=None)
    ents = [
        dataclasses.replace(e, label=label) if e.text == "Blue Lynx" else e
        for e in E.canonicalize(E.find_entities(doc, None))
    ]
    quantities = find_quantities(doc, exclude=[(d.start, d.end) for d in dates])
    facts = find_facts(
        doc, dates=dates, quantities=quantities, entities=ents, doc_entities=ents, published=None, title="Worm spreads"
    )
    assert subjects_of(facts, 2e6) == [subject]


@pytest.mark.parametrize(
    ("text", "value", "subjects"),
    [
        pytest.param(
            "Floods hit Norvania hard. A quarter of a million Sri Lankans are at risk of poverty, the bank said.",
            250000.0,
            ["Sri Lanka"],
            id="a_fraction_of_a_million_people",
        ),
        pytest.param(
            "Floods hit the region. A quarter of a million Sri Lankans and 23,500 people in the Maldives face poverty.",
            23500.0,
            ["Maldives"],
            id="a_listed_figure_with_its_own_place_keeps_it",
        ),
        pytest.param(
            "Floods hit Norvania hard. A quarter of a million Kenyans are at risk of poverty, the bank said.",
            250000.0,
            ["Kenya"],
            id="a_fraction_of_a_million_people_of_one_word",
        ),
        pytest.param(
            "Floods hit Norvania hard. Half a million Indonesians lost their homes, the bank said.",
            500000.0,
            ["Indonesia"],
            id="half_a_million_people",
        ),
        # counted across or throughout a region: the region's, not the bank that said so
        pytest.param(
            "Nearly three million people across Asia could fall into poverty because of the floods, the Pacific "
            "Relief Bank (PRB) has said.",
            3e6,
            ["Asia"],
            id="people_across_a_region",
        ),
        pytest.param(
            "Some 40,000 homes throughout Europe lost power after the storm, the Pacific Relief Bank (PRB) has said.",
            40000.0,
            ["Europe"],
            id="homes_throughout_a_region",
        ),
    ],
)
def test_people_counted_are_their_countrys_or_regions(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text, title="Floods to push millions into poverty"), value) == subjects


def test_a_treasurys_own_certificates_are_no_market_report(nlp):
    """ "TREASURY CUTS INTEREST ON CERTIFICATES": the issuer's story; its coupon rates are not "certificates"'."""
    title, body = TREASURY
    found = facts_of(nlp, body, title=title, published="1987-03-03")
    assert [f.subject for f in found if f.value == 4.85] and "certificates" not in {f.subject for f in found}

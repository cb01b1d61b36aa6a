"""Facts, issue 11 forty-fourth round: a deal named once and referred to again ("Acme has taken a stake in Beta.
The stake was 10 pct"; "Norway is making a bond issue. The issue carries a fee of 15 basis points") is the
maker's; a benchmark rate ("the London Interbank Offered Rate (LIBOR)") is no organisation, so it never becomes
the story's company. Invented cases.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors.entities.find import canonicalize, find_entities

DEALS = [
    pytest.param(
        "Acme Corp said it has taken a stake in Beta Holdings SA, a spokesman for Beta said.\n"
        "The stake was between 10 and 15 pct. Acme Corp declined to comment.",
        10.0,
        ["Acme"],
        "deal_antecedent",
        id="the_stake_is_the_takers",
    ),
    pytest.param(
        "Norway is making a one billion crown issue of floating rate notes, lead manager Gamma Bank said.\n"
        "The issue carries a placing fee of 15 basis points. Norway last borrowed abroad in 1985.",
        15.0,
        ["Norway"],
        "verb_subject",
        id="the_issue_is_the_issuers",
    ),
    # a kind of paper on the noun is no owner of it
    pytest.param(
        "Austria is making a 100 mln dlr Eurobond issue, lead manager Gamma Bank said. Austria last borrowed in "
        "1985.\nThe issue carries a fee of 20 basis points.",
        20.0,
        ["Austria"],
        "verb_subject",
        id="a_eurobond_issue",
    ),
    # a clause on the noun that names no one keeps the deal its maker's
    pytest.param(
        "Acme Corp signed a contract with the Army. Acme Corp said it was pleased.\n"
        "The contract, which runs to 1990, is worth 400 mln dlrs.",
        400e6,
        ["Acme"],
        "deal_antecedent",
        id="a_clause_on_the_noun",
    ),
    # another owner written on the noun keeps it
    pytest.param(
        "Acme Corp has taken a stake in Beta Holdings SA. Acme Corp declined to comment.\nGamma Inc's stake was 5 pct.",
        5.0,
        ["Gamma"],
        "owner",
        id="a_possessor_keeps_its_stake",
    ),
]


@pytest.mark.parametrize(("text", "value", "subjects", "source"), DEALS)
def test_deal_named_again(nlp, text, value, subjects, source):
    facts = [f for f in facts_of(nlp, text, published="1987-03-16") if f.value == value]
    assert sorted(f.subject for f in facts) == subjects
    assert {f.subject_source for f in facts} == {source}


NOT_DEALS = [
    # the deal noun names its own owner: whoever announced it did not make it
    pytest.param(
        "President Jane Doe unveiled the government's plan to build new roads. Jane Doe spoke in Manila.\n"
        "The plan will cost about 1.7 billion dlrs.",
        1.7e9,
        "Jane Doe",
        id="unveiled_the_governments_plan",
    ),
    pytest.param(
        "Beta Corp rejected a takeover bid from Acme Inc. Beta Corp said its board met on Monday.\n"
        "The bid was worth 420 mln dlrs.",
        420e6,
        "Beta",
        id="a_bid_from_another",
    ),
    # who rejects or attacks a deal does not make it
    pytest.param(
        "Acme Inc said Beta Corp rejected the offer. Beta Corp said the offer was inadequate.\n"
        "The offer was 25 dlrs a share, Acme said.",
        25.0,
        "Beta",
        id="a_rejected_offer",
    ),
    # an owner written after the later noun is another's
    pytest.param(
        "Acme Corp made a tender offer for Beta Inc on Monday. Acme Corp owns no Beta shares.\n"
        "The offer by Gamma Corp, made last week, was 30 dlrs a share.",
        30.0,
        "Acme",
        id="the_offer_by_another",
    ),
    # a participle without a clause of its own makes no deal of what its parse calls its subject
    pytest.param(
        "Acme Partners said it filed a statement with the Securities and Exchange Commission covering a proposed "
        "offering of 4,000 units. The Securities and Exchange Commission said nothing.\n"
        "The offering is to be priced at 20 dlrs per unit.",
        20.0,
        "Securities and Exchange Commission",
        id="participle_covering_an_offering",
    ),
    # a name written once may be a piece of a longer one the model split
    pytest.param(
        "Gamma Trust said Delta Holding was making a tender offer for Beta shares.\nThe offer was 700p a share.",
        7.0,
        "Delta Holding",
        id="a_name_written_once",
    ),
]


@pytest.mark.parametrize(("text", "value", "maker"), NOT_DEALS)
def test_not_a_deal_named_again(nlp, text, value, maker):
    facts = [f for f in facts_of(nlp, text, published="1987-03-16") if f.value is not None and f.value == value]
    assert facts
    assert not any(f.subject == maker and f.subject_source in ("deal_antecedent", "verb_subject") for f in facts)


RATES = [
    pytest.param(
        "The notes pay 10 basis points over the London Interbank Offered Rate (LIBOR), lead manager Acme Bank said.",
        id="libor",
    ),
    pytest.param(
        "The notes carry interest of 1/8 point over the three-month Vienna Interbank Offered Rate (VIBOR), "
        "lead manager Acme Bank said.",
        id="a_city_interbank_rate",
    ),
]


@pytest.mark.parametrize("text", RATES)
def test_benchmark_rates_are_no_entities(nlp, text):
    names = {m.canonical_name for m in canonicalize(find_entities(nlp(text)))}
    assert "Acme Bank" in names
    assert not any("Rate" in n or n.endswith("IBOR") for n in names), names


def test_a_rate_does_not_take_the_issuers_figures(nlp):
    text = (
        "SWEDEN MAKES 500 MLN CROWN NOTE ISSUE\n\n"
        "STOCKHOLM, March 26 - Sweden is making a 500 mln crown issue of notes carrying interest of 1/8 point over "
        "the three-month Stockholm Interbank Offered Rate (STIBOR), lead manager Acme Bank said.\n"
        "    The notes, in one mln crown denominations, will be listed in Stockholm.\n"
    )
    facts = facts_of(nlp, text, published="1987-03-26", title="SWEDEN MAKES 500 MLN CROWN NOTE ISSUE")
    assert not any("Rate" in (f.subject or "") for f in facts)


COUNTRY_FALLBACK = [
    pytest.param(
        "China has closed thousands of internet cafes in a crackdown. Chinese officials say the cafes harm the young. "
        "Rules introduced in 2002 demand that net cafes be at least 200 metres away from schools.",
        200.0,
        ["net cafes"],
        id="the_clause_phrase_over_the_story_country",
    ),
    pytest.param(
        "Ukraine's new government wants to review privatisations. Ukraine's prime minister spoke on Tuesday. She said "
        "prosecutors had drawn up a list of more than 3,000 businesses.",
        3000.0,
        ["prosecutors"],
        id="a_reported_clause_phrase",
    ),
    # an economic figure stays the country's
    pytest.param(
        "China has closed thousands of internet cafes in a crackdown. Chinese officials say the cafes harm the young. "
        "Industrial output grew by 9% last year.",
        9.0,
        ["China"],
        id="a_macro_figure_stays_the_countrys",
    ),
]


@pytest.mark.parametrize(("text", "value", "subjects"), COUNTRY_FALLBACK)
def test_clause_phrase_over_a_country_fallback(nlp, text, value, subjects):
    """In a story without a dateline and without a company, the clause's own noun phrase owns a figure that no
    rule gives an owner, rather than the country the story is about (not an economic figure)."""
    title = text.split(" has ")[0].split("'s ")[0] + " in the news"
    assert subjects_of(facts_of(nlp, title + "\n\n" + text, title=title), value) == subjects


SPELLED = [
    pytest.param(
        "LONDON, March 27 - The International Cocoa Organization\n(ICCO) Council reached agreement on rules to govern "
        "its buffer\nstock, ICCO delegates said.",
        "International Cocoa Organization",
        id="an_acronym_with_two_letters_of_one_word",
    ),
    pytest.param(
        "The Acme Widget Makers Federation (AWMF) met on Monday.",
        "Acme Widget Makers Federation",
        id="initials_as_written",
    ),
]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("LONDON, March 27 - The Deutsche Marks (DEM) rose.", id="a_currency_code"),
        pytest.param("BONN, March 27 - The Social Democrats (SPD) met.", id="a_letter_from_nowhere"),
    ],
)
def test_not_spelled_out(nlp, text):
    """Two words, or an extra letter that none of the words has, spell no organisation's name."""
    mentions = canonicalize(find_entities(nlp(text)))
    assert not any(m.label == "ORG" and " " in m.canonical_name for m in mentions), mentions


@pytest.mark.parametrize(("text", "name"), SPELLED)
def test_spelled_out_names(nlp, text, name):
    """Capitalised words before an acronym in brackets that they spell are one organisation, without the line
    break before the bracket, and the acronym is that organisation wherever the text writes it."""
    mentions = canonicalize(find_entities(nlp(text)))
    assert {m.canonical_name for m in mentions if m.label == "ORG"} == {name}, mentions
    assert all("\n" not in m.text for m in mentions)


def test_cited_causes_are_the_companys(nlp):
    """ "He cited ...": the person who gives the reasons speaks; the figures are the company's."""
    text = (
        "ACME SHIPPING <ACS> SEES BETTER QUARTER\n\n"
        "HAMILTON, Bermuda, March 19 - Acme Shipping Ltd said its losses were largely due to provisions.\n"
        "    John Smith, president of the company, said the company's losses were largely attributable to "
        "non-recurring events. He cited a 23 mln dlr cost from closing two ferry services.\n"
    )
    facts = facts_of(nlp, text, published="1987-03-19", title="ACME SHIPPING <ACS> SEES BETTER QUARTER")
    assert subjects_of(facts, 23e6) == ["Acme Shipping"]


def test_table_facts_take_the_rows_scale_exactly(nlp):
    """A results row's facts: a bare prior figure in the row's scale word, and products without float noise."""
    title = "ACME PLC YEAR"
    text = (
        f"{title}\n\nLONDON, March 16 - Shr 5p vs 4p\n    Div 2p vs 1p\n"
        "    Pretax profit 24.13 mln stg vs 16.40 mln\n    Net after tax 15.08 mln vs 10.52\n"
    )
    values = [f.value for f in facts_of(nlp, text, published="1987-03-16", title=title) if f.unit == "GBP"]
    assert {16400000.0, 10520000.0, 15080000.0, 24130000.0} <= set(values), values


def test_a_quote_in_fractions_takes_no_period(nlp):
    """ "Shares of Warner rose 7/8 to 31-1/8" after a sentence about fourth quarter earnings is the day's quote (no
    carried period); "Revenues were 1-1/2 billion dlrs" after the quarter's earnings is still the quarter's."""
    title = "TALKING POINT/ACME"
    text = (
        f"{title}\n\nNEW YORK, March 2 - Acme shares climbed on Monday.\n"
        "    Last week, Acme Corp reported fourth quarter earnings fell to two cts per share from 23 cts.\n"
        "    Shares of Warner Communications Inc rose 7/8 to 31-1/8.\n"
    )
    facts = facts_of(nlp, text, published="1987-03-02", title=title)
    quotes = [f for f in facts if f.value in (0.875, 31.125)]
    assert len(quotes) == 2
    assert all(f.time_value is None for f in quotes)
    title = "ACME CORP <ACM> FIRST QUARTER NET"
    text = (
        f"{title}\n\nNEW YORK, April 16 - Acme Corp said it earned 40 mln dlrs in the first quarter.\n"
        "    Revenues were 1-1/2 billion dlrs, the company said.\n"
    )
    facts = facts_of(nlp, text, published="1987-04-16", title=title)
    assert [f.time_value for f in facts if f.value == 1.5e9] == ["1987-Q1"]


def test_a_lists_money_unit_is_a_plain_code(nlp):
    """ "..., Beta 60 to 16.00 and Gamma 1.50 dlrs to 54.50": a figure of the list takes the list's currency as
    its code, never the internal "money:USD"."""
    title = "ACME SHARES RISE"
    text = (
        f"{title}\n\nHONG KONG, March 2 - Acme rose 75 cents to 45.25 dlrs on Friday, Beta 60 to 16.00 and Gamma "
        "1.50 dlrs to 54.50.\n"
    )
    units = {f.unit for f in facts_of(nlp, text, published="1987-03-02", title=title)}
    assert not any(u and u.startswith("money:") for u in units), units


def test_cited_for_a_penalty_keeps_its_date(nlp):
    """ "cite" makes a speaker for the subject rules only: "Police cited 30 drivers on Monday" keeps its date."""
    facts = facts_of(nlp, "Police cited 30 drivers for speeding on Monday, the county said.", published="1987-03-17")
    assert [f.time_value for f in facts if f.value == 30.0] == ["1987-03-16"]


def test_a_long_legal_name_across_a_line_break(nlp):
    """Six capitalised words and a legal form, with a wire line break before the form, are one company."""
    text = (
        "NEW YORK, March 20 - The Federal Farm Credit Banks Funding\n"
        "Corp said it will offer a total of 1.7 billion dlrs worth of bonds on March 25."
    )
    names = {m.canonical_name for m in canonicalize(find_entities(nlp(text))) if m.label == "ORG"}
    assert names == {"Federal Farm Credit Banks Funding"}


def test_the_group_led_by_a_company_speaks_through_it(nlp):
    """ "the group, led by Beta Shares Corp, said it sold ...": "it" is the group's leader, not the story's company."""
    title = "INVESTMENT FIRMS CUT ACME STAKE"
    text = (
        f"{title}\n\nNEW YORK, March 13 - A group of investment firms said they lowered their stake in Acme Corp.\n"
        "    In a filing, the group, led by Beta Shares Corp, said it sold 60,000 Acme common shares since "
        "February 26.\n"
    )
    assert subjects_of(facts_of(nlp, text, published="1987-03-13", title=title), 60000.0) == ["Beta Shares"]


def test_owned_by_a_described_company(nlp):
    """ "X, 75 pct owned by carmaker <Beta Motoren AG>": the holder is the company the noun describes, written right
    after it, however the parse hangs the name (not the clause's subject, which "carmaker" would otherwise stand
    for)."""
    title = "ACME UNIT SETS VENTURE"
    text = (
        f"{title}\n\nFRANKFURT, March 3 - <Acme Luftwerk Werk Adolf\nSchindling GmbH>, 75 pct owned by autoparts "
        "maker <Beta Adolf\nSchindling AG>, said it set up a joint venture with Gamma SA.\n"
    )
    assert subjects_of(facts_of(nlp, text, published="1987-03-03", title=title), 75.0) == ["Beta Adolf Schindling"]

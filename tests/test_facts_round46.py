"""Facts, issue 11 forty-sixth round: a company that says "U.S. car sales fell" speaks of its own sales even when the
parse hangs the dateline's place on "said" as a second subject. Invented cases.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

DATELINE_SUBJECT = [
    pytest.param(
        "ZENTRO MID-MARCH U.S. CAR SALES OFF 40 PCT",
        "TROY, MICH., March 24 - Zentro Motors Corp said\nU.S. car sales for the March 11 to 20 period dropped 40 pct "
        "to\n900 from 1,500 cars in the same period a year ago.\n    Zentro Motors is 30 pct owned by Vardon.",
        [40, 900, 1500],
        "Zentro Motors",
        id="us_car_sales_of_the_company_that_says_so",
    ),
]


@pytest.mark.parametrize(("title", "body", "values", "subject"), DATELINE_SUBJECT)
def test_a_companys_us_sales_with_the_dateline_parsed_as_a_subject(nlp, title, body, values, subject):
    facts = facts_of(nlp, body, published="1987-03-24", title=title)
    for value in values:
        assert subjects_of(facts, value) == [subject], value


def test_a_government_body_saying_us_sales_fell_leaves_them_the_countrys(nlp):
    body = (
        "WASHINGTON, March 24 - The Commerce Department said\nU.S. retail sales dropped 2.3 pct in February.\n"
        "    The Commerce Department said the figures were revised."
    )
    facts = facts_of(nlp, body, published="1987-03-24", title="U.S. RETAIL SALES FALL 2.3 PCT")
    assert subjects_of(facts, 2.3) in (["U.S."], ["United States"])


PEOPLE_SHARES = [
    pytest.param(
        "Viewers shun mobile TV\n\nViewers want music rather than films on the move, says a report.\n\n"
        "The analysis of the player market found only 13% of Europeans want to watch video on the move. "
        "Zentro sells the Zpod. The Zpod is popular with Zentro fans.",
        13,
        ["Europeans"],
        id="a_people_named_by_its_demonym",
    ),
    pytest.param(
        "Viewers shun mobile TV\n\nViewers want music rather than films on the move, says a report.\n\n"
        "The analysis of the player market found only 13% of people want to watch video on the move. "
        "Zentro sells the Zpod. The Zpod is popular with Zentro fans.",
        13,
        None,
        id="bare_people_is_no_group",
    ),
]


@pytest.mark.parametrize(("text", "value", "subjects"), PEOPLE_SHARES)
def test_a_share_of_a_people_is_that_peoples(nlp, text, value, subjects):
    got = subjects_of(facts_of(nlp, text, title=text.split("\n\n")[0]), value)
    if subjects is None:
        assert got and "people" not in " ".join(got).casefold()
    else:
        assert got == subjects


DESCRIBED = [
    pytest.param(
        "ACME BUYS ZENTRO",
        "DENVER, March 11 - Acme Health Inc said it has acquired Zentro Inc, a maker of valves with sales of "
        "30 mln dlrs.",
        30e6,
        ["Zentro"],
        id="an_apposition_describing_the_bought_company",
    ),
    pytest.param(
        "ACME BUYS ZENTRO",
        "DENVER, March 11 - Acme Health Inc said that it has acquired <Zentro Inc>, an 80\npct partner in "
        "<Varco Services>.",
        80,
        ["Zentro"],
        id="a_wire_name_then_its_description_parsed_as_a_second_object",
    ),
    pytest.param(
        "ACME SELLS SHARES",
        "DENVER, March 11 - Acme Health Inc said it sold 3 mln shares, 20 pct of its stock, to Zentro Inc.",
        20,
        ["Acme Health"],
        id="no_name_before_the_comma",
    ),
    pytest.param(
        "ACME BUYS ZENTRO",
        "DENVER, March 11 - Acme Health Inc said it has acquired Zentro Inc, a deal worth 30 mln dlrs.",
        30e6,
        ["Acme Health"],
        id="a_deal_set_off_after_the_name_is_no_description_of_it",
    ),
    pytest.param(
        "ACME BUYS FIRMS",
        "DENVER, March 11 - Acme Health Inc said it bought Zentro Inc, Varco Inc and Delmar Corp, a group of "
        "firms with sales of 90 mln dlrs.",
        90e6,
        ["Acme Health"],
        id="the_last_name_of_a_list",
    ),
]


@pytest.mark.parametrize(("title", "body", "value", "subjects"), DESCRIBED)
def test_a_figure_in_a_names_description_is_the_named_ones(nlp, title, body, value, subjects):
    assert subjects_of(facts_of(nlp, body, published="1987-03-11", title=title), value) == subjects


CHANGED_SPANS = [
    pytest.param(
        "Zentro Corp said it extended the term of its loan from 12 to 14 years.", 12, "year", id="from_bare_to"
    ),
    pytest.param("Varco Inc cut the notice period from two years to one year.", 2, "year", id="from_span_to_span"),
    pytest.param(
        "Delmar Inc will extend paid leave for its staff from six months to nine.", 6, "month", id="to_a_number"
    ),
    pytest.param(
        "Zentro Corp said the average maturity of its debt rose from five to seven years.", 5, "year", id="rose"
    ),
    pytest.param("Zentro Corp agreed an extension of the loan term from 10 to 15 years.", 10, "year", id="a_noun"),
]


@pytest.mark.parametrize(("body", "value", "unit"), CHANGED_SPANS)
def test_a_span_changed_from_one_length_to_another_is_a_figure(nlp, body, value, unit):
    facts = facts_of(nlp, "DENVER, March 3 - " + body, published="1987-03-03", title="COMPANY NEWS")
    assert [f.unit for f in facts if f.value == value] == [unit]


@pytest.mark.parametrize(
    "body",
    [
        "Zentro Corp said it will train workers aged from 18 to 25 years.",
        "Zentro Corp said the plant will take from two to three years to build.",
    ],
)
def test_a_span_from_one_length_to_another_under_no_change_is_no_figure(nlp, body):
    facts = facts_of(nlp, "DENVER, March 3 - " + body, published="1987-03-03", title="COMPANY NEWS")
    assert not [f for f in facts if f.unit == "year"]


def test_a_span_of_years_from_a_date_to_another_is_no_figure(nlp):
    facts = facts_of(nlp, "DENVER, March 3 - Zentro Corp said it ran the plant from 1980 to 1985.", title="ZENTRO")
    assert not [f for f in facts if f.value is not None]


SPEAKING_COMPANY = [
    pytest.param(
        "NORVALE GETS ONLY 20 PCT OF ZENTRO <ZNT> IN BID",
        "NEW YORK, March 25 - <Norvale Group PLC> said only about\n852,000 shares of Zentro Corp common stock, or 20 "
        "pct, were tendered under its\nbid for all shares.\n    The company said it now has about 22 pct ownership "
        "of\nZentro on a fully diluted basis.",
        22,
        ["Norvale"],
        id="the_company_that_speaks_after_another_company_spoke_first",
    ),
    pytest.param(
        "ZENTRO <ZNT> SEES HIGHER PROFIT",
        "NEW YORK, March 25 - Zentro Corp said it expects higher profits this year.\n    The company said it now has "
        "about 22 pct of the market.",
        22,
        ["Zentro"],
        id="the_story_company_speaking_is_still_itself",
    ),
    pytest.param(
        "ZENTRO <ZNT> RAISES 100 MLN DLRS",
        "LONDON, March 3 - Zentro Corp is issuing 100 mln dlrs of notes, lead manager Varco Securities Inc said.\n"
        "    The company said it will use the proceeds to repay 60 mln dlrs of debt.",
        60e6,
        ["Zentro"],
        id="a_speaker_written_after_what_it_says_is_no_company_that_spoke",
    ),
    pytest.param(
        "RATING AGENCY MAY DOWNGRADE ZENTRO <ZNT>",
        "NEW YORK, March 3 - Moody's Investors Service Inc said it may lower the ratings on 200 mln dlrs of debt "
        "of Zentro Corp.\n    The company said it has cash of about 50 mln dlrs.",
        50e6,
        ["Zentro"],
        id="a_rating_agency_is_never_the_company",
    ),
    pytest.param(
        "ZENTRO <ZNT> SEES SALES",
        "NEW YORK, March 3 - Zentro Corp said first quarter profit rose 20 pct.\n    Varco Inc, its main rival, "
        "said its own profit was flat.\n    The company said it expects sales of 80 mln dlrs.",
        80e6,
        ["Zentro"],
        id="the_story_company_spoke_first",
    ),
    pytest.param(
        "NORVALE RAISES OFFER FOR ZENTRO <ZNT>",
        "NEW YORK, March 3 - Zentro Corp rejected the offer on Monday.\n    Norvale Group PLC said it now owns 20 pct "
        "of Zentro.\n    The company said it will pay 95 dlrs a share for the rest.",
        95,
        ["Norvale"],
        id="the_story_company_acted_before_the_speaker_spoke",
    ),
    pytest.param(
        "NORVALE RAISES OFFER FOR ZENTRO <ZNT>",
        'NEW YORK, March 3 - "We now own 20 pct of Zentro," Norvale Group PLC said.\n    The company said it will '
        "pay 95 dlrs a share for the rest.",
        95,
        ["Norvale"],
        id="a_quote_before_its_speaker",
    ),
]


@pytest.mark.parametrize(("title", "body", "value", "subjects"), SPEAKING_COMPANY)
def test_the_company_that_says_is_the_last_speaker(nlp, title, body, value, subjects):
    assert subjects_of(facts_of(nlp, body, published="1987-03-25", title=title), value) == subjects


COMPANY_TOO = [
    pytest.param(
        "Zentro to cut 90 jobs\n\nZentro Group is to cut 90 jobs across Europe. Zentro Group says the cuts are needed "
        "to fund an £150m investment in new printing plants.",
        150e6,
        ["Zentro"],
        id="a_companys_investment",
    ),
    pytest.param(
        "Zentro to cut 90 jobs\n\nZentro Group is to cut 90 jobs across Europe. Zentro Group says inflation in "
        "Europe will rise to 5%.",
        5,
        ["Europe"],
        id="an_economys_figure_a_company_speaks_of",
    ),
    pytest.param(
        "ZENTRO VENTURE\n\nZentro Fibres Corp said it owns 30 pct of the joint venture which has a total "
        "investment of 35.17 mln dlrs.",
        35.17e6,
        [],
        id="not_across_a_relative_clause",
    ),
    pytest.param(
        "UK economy slows\n\nThe UK economy slowed in the third quarter. Zentro Bank expects investment "
        "to fall by 2% next year.",
        2,
        [],
        id="a_forecaster_owns_no_economys_investment",
    ),
]


@pytest.mark.parametrize(("text", "value", "subjects"), COMPANY_TOO)
def test_an_economys_figure_a_company_has_too(nlp, text, value, subjects):
    got = subjects_of(facts_of(nlp, text, title=text.split("\n\n")[0]), value)
    assert got == subjects if subjects else not any(s.startswith("Zentro") for s in got)


WHOLES = [
    pytest.param(
        "Zentro snubs mobile video\n\nZentro makes the Zpod player. Zentro sells it in shops. Zentro said demand "
        "was strong. A separate report forecasts that the European digital music market will grow to 836m euros "
        "by 2009.",
        836e6,
        "European digital music market",
        id="a_described_market_grows",
    ),
]


@pytest.mark.parametrize(("text", "value", "subject"), WHOLES)
def test_a_market_its_phrase_describes_is_the_subject_of_its_size(nlp, text, value, subject):
    assert subjects_of(facts_of(nlp, text, title=text.split("\n\n")[0]), value) == [subject]


@pytest.mark.parametrize(
    ("sentence", "described"),
    [
        ("The European digital music market will grow.", True),
        ("The car industry will grow.", True),
        ("The market will grow.", False),  # points back to a market named before
        ("Its music market will grow.", False),  # someone's
        ("The European digital music player will sell.", False),  # no whole
        ("The same domestic market will grow.", False),  # adjectives that say no market in particular
        ("The overall market will grow.", False),
        ("The British car industry will grow.", True),
    ],
)
def test_a_described_whole(nlp, sentence, described):
    from pipeline.extractors.facts.candidates import _described_whole

    doc = nlp(sentence)
    assert _described_whole(next(t for t in doc if t.dep_ == "nsubj")) is described


def test_a_legal_form_written_first_names_the_headline_company(nlp):
    body = (
        "LONDON, March 3 - NV Brabantse Waterleiding is issuing a 100\nmln dlr eurobond due April 15, 1992 paying "
        "7-1/4 pct and priced at 101-1/8 pct, lead manager Zentro Bank Ltd said.\n    The non-callable bond is "
        "available in denominations of 5,000 dlrs. The selling concession is 1-1/4 pct."
    )
    title = "BRABANTSE WATERLEIDING ISSUES 100 MLN DLR EUROBOND"
    facts = facts_of(nlp, body, published="1987-03-03", title=title)
    assert subjects_of(facts, 100e6) == ["Brabantse Waterleiding"]
    assert subjects_of(facts, 1.25) == ["Brabantse Waterleiding"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("NV Zeelandse Gasbedrijf", "Zeelandse Gasbedrijf"),
        ("PT Zentro Telekom", "Zentro Telekom"),
        ("Zentro NV", "Zentro"),
        ("NVIDIA Corp", "NVIDIA"),  # a name that opens with the letters is no legal form
        ("PTT Telecom", "PTT Telecom"),
        # one word left is too little to be the name: the form is part of it
        ("NV Energy", "NV Energy"),
        ("NV Energy Inc", "NV Energy"),
        ("PT Multimedia", "PT Multimedia"),
        ("NV Homes Inc", "NV Homes"),
        ("N.V. Philips", "Philips"),  # a dotted form is always one
    ],
)
def test_a_legal_form_before_the_name_is_dropped_like_one_after(name, shown):
    from pipeline.extractors.entities.find import display_name

    assert display_name(name, "ORG") == shown


CENTRAL_BANK_RATES = [
    pytest.param(
        "UK economy grows faster\n\nThe UK economy grew by 0.6% in the third quarter, according to a deputy "
        "governor of the Bank of England. This means that base rates will probably stay on hold at 4.75%.",
        4.75,
        ["Bank of England"],
        id="base_rates_with_no_owner_are_the_central_banks",
    ),
    pytest.param(
        "UK economy grows faster\n\nThe UK economy grew by 0.6% in the third quarter, according to a deputy "
        "governor of the Bank of England. Average mortgage interest rates fell to 5.2%.",
        5.2,
        ["UK"],
        id="a_markets_rate_is_no_policy_rate",
    ),
    pytest.param(
        "US economy grows\n\nThe US economy grew by 0.6% in the third quarter, according to the Federal Reserve "
        "Board. Most expect the prime interest rate to remain at 7.5%.",
        7.5,
        ["US"],
        id="a_prime_rate_is_the_banks",
    ),
    pytest.param(
        "US economy grows\n\nThe US economy grew by 0.6% in the third quarter, according to the Federal Reserve "
        "Board. Most expect the key lending rate at major banks to remain at 7.5%.",
        7.5,
        ["US"],
        id="a_rate_at_named_lenders_is_theirs",
    ),
    pytest.param(
        "Canada economy grows\n\nThe Canadian economy grew by 0.6%, Royal Bank of Canada said. Royal Bank of "
        "Canada said quarterly profit rose. The key interest rate stayed at 3.5%.",
        3.5,
        ["Canada"],
        id="a_lender_named_for_its_country_is_no_central_bank",
    ),
]


@pytest.mark.parametrize(("text", "value", "subjects"), CENTRAL_BANK_RATES)
def test_a_policy_rate_with_no_owner_is_the_central_banks(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text, title=text.split("\n\n")[0]), value) == subjects


@pytest.mark.parametrize(
    ("name", "agency"),
    [("Moody's Investors Service", True), ("Fitch Ratings", True), ("Fitchburg Gas and Electric", False)],
)
def test_a_rating_agency_by_its_whole_words(name, agency):
    from pipeline.extractors.facts.context import rating_agency
    from pipeline.records import EntityMention

    assert rating_agency(EntityMention(0, len(name), name, "ORG", name, "ORG:" + name.casefold())) is agency

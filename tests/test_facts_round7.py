"""Facts, issue 11 seventh round: general attachment rules, each a table of invented cases.

Three tables hold most of them, one row per case, its id naming the rule: ``SUBJECTS`` (who owns the
amount: antecedents come first, offers are the bidder's, holders, priced names, bought currencies,
speakers for companies and economies, public bodies, surveys, regions, reporting bodies),
``PROPERTIES`` (what the amount measures: raising verbs, rates, lows and highs, change nouns) and
``WIRE_SUBJECTS`` (wire copy with a headline: ticker initials and possessives, results headlines, money
aggregates, analysts' estimates). The tests below them cover results-table rows, entities spelled by
initials and amounts whose own currency owns nothing.

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of


def named(subject: str, subjects: list[str]) -> bool:
    """The expected subject, or its name without a legal form ("Boersen" for "Boersen AG")."""
    return any(s and (s == subject or s in subject or subject in s) for s in subjects)


def properties_of(facts, value: float) -> list[str]:
    return sorted((f.property_key or "") for f in facts if f.value == value)


@pytest.mark.parametrize(
    "text, value",
    [
        (  # "Digital" in the headline is the adjective of the whole text, not a company
            "Digital Spain led by TV\n\nSpain's take-up of digital TV makes it a digital leader, says the "
            "European Digital Index. Broadband firm Redcom is testing a line which can give speeds of 24Mbps.",
            24.0,
        ),
    ],
)
def test_a_common_word_in_the_headline_is_no_company(nlp, text, value):
    assert "Digital" not in subjects_of(facts_of(nlp, text), value)


TABLE_YEN = (
    "HOKUTO CO LTD <HKTO.T> 1986 YEAR\n\nTOKYO, April 1 - Group shr 41.20 yen vs 38.10\n"
    "    Net 3.12 billion vs 2.95 billion\n    Current 7.40 billion vs 7.02 billion\n"
    "    Operating 6.90 billion vs 6.80 billion\n    Sales 88.10 billion vs 80.20 billion\n REUTER\n"
)
TABLE_HALF = (
    "KANGA PRESS LTD <KNGA.S> FIRST HALF\n\nSYDNEY, March 19 - 26 weeks ended Dec 28\n"
    "    Net shr 21.4 cents vs 19.8\n    Int div 4.5 cents vs 4.0\n    Pre-tax 31.20 mln dlrs vs 29.10 mln\n"
    "    Turnover 301.50 mln vs 280.40 mln\n    Shrs 80 mln vs 75 mln.\n REUTER\n"
)


@pytest.mark.parametrize(
    "text, published, value, prop, unit, time_value",
    [
        (TABLE_YEN, "1987-04-01", 41.20, "group_earning_share", "JPY", "1986"),
        (TABLE_YEN, "1987-04-01", 38.10, "group_earning_share", "JPY", "1985"),
        (TABLE_YEN, "1987-04-01", 3.12e9, "net_profit", "JPY", "1986"),  # the table is in yen: its first row says so
        (TABLE_YEN, "1987-04-01", 7.02e9, "current_profit", "JPY", "1985"),
        (TABLE_YEN, "1987-04-01", 6.90e9, "operating_profit", "JPY", "1986"),
        (TABLE_HALF, "1987-03-19", 0.198, "earnings_per_share", "USD", "1985-07/1985-12"),  # "vs 19.8": cents too
        (TABLE_HALF, "1987-03-19", 0.045, "interim_dividend_share", "USD", "1986-07/1986-12"),
        (TABLE_HALF, "1987-03-19", 31.2e6, "pretax_profit", "USD", "1986-07/1986-12"),
        (TABLE_HALF, "1987-03-19", 280.4e6, "revenue", "USD", "1985-07/1985-12"),
        (TABLE_HALF, "1987-03-19", 80e6, "share_outstanding", "share", "1986-07/1986-12"),
    ],
)
def test_more_results_table_rows(nlp, text, published, value, prop, unit, time_value):
    title, body = text.split("\n\n", 1)  # the pipeline reads the title as a part of its own
    rows = [
        (f.property_key, f.unit, f.time_value)
        for f in facts_of(nlp, body, published=published, title=title)
        if f.value is not None and abs(f.value - value) < 1e-6 * max(1.0, value)
    ]
    assert (prop, unit, time_value) in rows, rows


@pytest.mark.parametrize(
    "text, value, subject",
    [
        ("Orchard unveils cheap computer\n\nThe $449 Macbook will be sold in March.", 449.0, "Macbook"),
        (  # the scale glued to a full stop ends the sentence: the next name is not priced
            "Officials estimate the fraud caused losses of more than $4m. Assistant US Attorney Dana Roe "
            "described the operation.",
            4_000_000.0,
            "",
        ),
        (
            "TOKYO, April 1 - The Bank of Japan intervened in the market, buying dollars around 146.20 yen, "
            "dealers said.",
            146.2,
            "dollars",
        ),
        ("Kestrel Inc said it is about 72 pct held by Harrow Corp.", 72.0, "Harrow Corp"),
        ("Kestrel, which is 61 pct owned by Harrow Corp, said profits rose.", 61.0, "Harrow Corp"),
    ],
)
def test_priced_names_bought_currencies_and_holders(nlp, text, value, subject):
    found = subjects_of(facts_of(nlp, text), value)
    assert named(subject, found) if subject else "Dana Roe" not in found


def test_a_currency_inside_the_amount_owns_nothing(nlp):
    text = "HONG KONG, March 30 - Hong Kong's money supply rose 1.4 pct to 615.59 billion H.K. Dlrs in February."
    found = subjects_of(facts_of(nlp, text, published="1987-03-30", title="H.K. MONEY SUPPLY RISES"), 615.59e9)
    assert not any("Dlrs" in s for s in found), found


@pytest.mark.parametrize(
    "text, short, full",
    [
        (  # the model tags neither: the capitals in brackets name the words before them
            "Profits jump\n\nIndustrial and Commercial Bank (ICBC), the biggest lender, saw profits rise. ICBC said "
            "it would list.",
            "ICBC",
            "Industrial and Commercial Bank",
        ),
        (
            "Mortgage lender Bradford & Bingley said profits rose. B&B said the market would grow.",
            "B&B",
            "Bradford & Bingley",
        ),
    ],
)
def test_acronyms_join_the_names_they_spell(nlp, text, short, full):
    from pipeline.extractors import entities as E

    names = {m.text: m.canonical_name for m in E.canonicalize(E.find_entities(nlp(text)))}
    assert names.get(short) == full, names


def test_a_word_that_spells_initials_without_capitals_or_brackets_stays_itself(nlp):
    from pipeline.extractors import entities as E

    text = "Ford said sales rose. The Fair Organisation of Retail Dealers complained."
    names = {m.text: m.canonical_name for m in E.canonicalize(E.find_entities(nlp(text)))}
    assert names.get("Ford") == "Ford", names


SUBJECTS = [
    pytest.param(
        # the only company is named after the country's figures: it owns none of them
        "Chilean shoppers return\n\nChile's economy is recovering, its central bank says. Retail sales "
        "were up 3.4% in May. One of its largest retailers, Tiendas Sur, reported a loss in June.",
        3.4,
        "Chile",
        id="an_antecedent_comes_before_the_amount",
    ),
    pytest.param(
        # named before: still the company "sales" stand for
        "Tiendas Sur recovers\n\nTiendas Sur reported a loss in June. Sales were up 3.4% in May.",
        3.4,
        "Tiendas Sur",
        id="an_antecedent_comes_before_the_amount",
    ),
    pytest.param(
        "Aerolink orders jets\n\nAerolink Airways ordered 40 jets. It will be able to carry more than 30 million "
        "passengers a year.",
        30_000_000.0,
        "Aerolink Airways",
        id="the_subject_of_be_does_what_the_adjective_says",
    ),
    pytest.param(
        "Norvale Mining said it is likely to produce 120,000 ounces of gold.",
        120_000.0,
        "Norvale Mining",
        id="the_subject_of_be_does_what_the_adjective_says",
    ),
    pytest.param(
        "Vinterra rejects bid\n\nWinemaker Vinterra has rejected a takeover offer worth 2.4bn Australian "
        "dollars from brewer Hopsfield Group.",
        2_400_000_000.0,
        "Hopsfield Group",
        id="an_offer_is_the_bidders",
    ),
    pytest.param(
        "Exchange says no\n\nLast week, the Nordmark Exchange rejected a £900m takeover offer from Boersen AG.",
        900_000_000.0,
        "Boersen AG",
        id="an_offer_is_the_bidders",
    ),
    pytest.param(
        "Calder Foods received a $1.2bn bid from Penwick Holdings.",
        1_200_000_000.0,
        "Penwick Holdings",
        id="an_offer_is_the_bidders",
    ),
    pytest.param(
        "GERMAN MONEY STOCK GROWTH STEADY\n\nFRANKFURT, March 16 - West German central bank money stock "
        "was growing at an annualized 6.1 pct in February, data from the Bundesbank showed.",
        6.1,
        "Germany",
        id="a_central_bank_publishes_the_countrys_money",
    ),
    pytest.param(
        "SPANISH PRICES RISE\n\nMADRID, April 2 - Spain's consumer price index rose 0.4 pct in March, the "
        "Bank of Spain said. Cash in circulation rose to 812 billion pesetas, the central bank said.",
        812_000_000_000.0,
        "Spain",
        id="a_central_bank_publishes_the_countrys_money",
    ),
    pytest.param(
        "Gadget hunger grows\n\nA survey by Pollnet last week found that people want gadgets. The poll of "
        "12,000 people in 15 countries found that 61% wanted more technology.",
        61.0,
        "Pollnet survey",
        id="what_a_survey_found_is_the_surveys",
    ),
    pytest.param(
        "Burger chain Grillmax said profits rose. Chief executive Jim Sandor attributed an 8.3% increase "
        "in worldwide sales to the menu.",
        8.3,
        "Grillmax",
        id="a_person_speaks_for_a_companys_figures",
    ),
    pytest.param(
        "Latin America sees strong growth\n\nLatin America's economy grew by 5.1% in 2004, a UN body said. "
        "The UN commission said the region grew by 5.1% this year. A development bank said regional "
        "exports reached $402bn in 2004.",
        402_000_000_000.0,
        "Latin America",
        id="a_region_owns_its_economic_figures",
    ),
    pytest.param(
        "Latin America sees strong growth\n\nLatin America's economy grew by 5.1% in 2004, a UN body said. "
        "Venezuela and Peru did best. The UN commission said the region grew by 4.2% this year.",
        4.2,
        "Latin America",
        id="a_region_owns_its_economic_figures",
    ),
    pytest.param(
        # one name, one entity
        "The Fed lifted borrowing costs to 2.75% last year.",
        2.75,
        "Federal Reserve",
        id="public_bodies_forecast_an_economys_figures",
    ),
    pytest.param(
        "The IMF cut its growth forecast for Peru to 2%.",
        2.0,
        "Peru",
        id="public_bodies_forecast_an_economys_figures",
    ),
    pytest.param(
        "Andean economies rebound\n\nPeru's economy grew by 4.1% in 2004, a UN body said. The Economic "
        "Commission for Peru still forecasts growth of 3.5% for 2005.",
        3.5,
        "Peru",
        id="public_bodies_forecast_an_economys_figures",
    ),
    pytest.param(
        # the offer follows the amount and its conversions, whatever the parse made of "bid"
        "Mining firm Orex Resources has said it is worth up to 25% more than a hostile 6.1bn Australian "
        "dollar ($4.7bn; £2.5bn) bid by rival Kestrel Mining.",
        6_100_000_000.0,
        "Kestrel Mining",
        id="bids_after_conversions_and_budgets_presented",
    ),
    pytest.param(
        # a person presenting a national budget speaks for the country that owns it
        "IRAN BUDGET RISES\n\nIran's President Farid Kazemi has presented a budget designed to expand "
        "public spending by 27%.",
        27.0,
        "Iran",
        id="bids_after_conversions_and_budgets_presented",
    ),
    pytest.param(
        "IRISH SHARES RISE\n\nIreland's economy is strong. A fall in the rate of inflation to 2.1% in "
        "January gave a fresh boost to shares.",
        2.1,
        "Ireland",
        id="rates_of_figures_and_participles_after_them",
    ),
    pytest.param(
        "SPAIN TARGETS\n\nSpain revised its targets. Growth in domestic demand will fuel imports, expected "
        "to increase by 7.9 pct against an originally estimated 6.4 pct.",
        7.9,
        "Spain",
        id="rates_of_figures_and_participles_after_them",
    ),
    pytest.param(
        # the statistics office reports the story; the country owns the counts it gives
        "Further rise in Irish jobless total\n\nThe number of people out of work in Ireland rose again, the "
        "Central Statistics Office said. The Central Statistics Office said the benefit claimant total fell "
        "9,000 to 151,200 last month.",
        151_200.0,
        "Ireland",
        id="a_reporting_bodys_story_figures_are_the_countrys",
    ),
]


@pytest.mark.parametrize("text, value, subject", SUBJECTS)
def test_who_owns_the_amount(nlp, text, value, subject):
    """Each case's id names the rule it stands for."""
    assert named(subject, subjects_of(facts_of(nlp, text), value))


PROPERTIES = [
    pytest.param(
        "Internal demand is now forecast to rise four pct this year.",
        4.0,
        "internal_demand",
        id="what_rises_is_the_subject_of_the_raising_verb",
    ),
    pytest.param(
        "Exports are expected to grow 2.5 pct in 1987.",
        2.5,
        "export",
        id="what_rises_is_the_subject_of_the_raising_verb",
    ),
    pytest.param(
        "The governor said internal demand was growing at an annual rate of six pct.",
        6.0,
        "internal_demand",
        id="what_rises_is_the_subject_of_the_raising_verb",
    ),
    pytest.param(
        "The bank decided to keep interest rates at an all-time low of 2.75%.",
        2.75,
        "interest_rate",
        id="a_low_or_a_high_is_a_level_of_what_the_verb_moves",
    ),
    pytest.param(
        "Economic growth was 3.1%, with the central bank predicting 2% growth next year.",
        2.0,
        "growth",
        id="a_low_or_a_high_is_a_level_of_what_the_verb_moves",
    ),
    pytest.param(
        "The firm's shares rose to a record high of $41.",
        41.0,
        "share",
        id="a_low_or_a_high_is_a_level_of_what_the_verb_moves",
    ),
    pytest.param(
        "Grillmax reported a 5% fall in output.",
        5.0,
        "output",
        id="a_change_noun_measures_what_changed",
    ),
    pytest.param(
        "Dravo posted a 12% rise in revenue.",
        12.0,
        "revenue",
        id="a_change_noun_measures_what_changed",
    ),
]


@pytest.mark.parametrize("text, value, prop", PROPERTIES)
def test_what_the_amount_measures(nlp, text, value, prop):
    assert prop in properties_of(facts_of(nlp, text), value)


WIRE_SUBJECTS = [
    pytest.param(
        # the headline's short name spells the initials of the company the text names in full
        "LONDON, April 28 - Shr 1.20 dlrs vs 1.10 dlrs\n    Net 31.2 mln vs 28.6 mln\n    The oil company Northern "
        "Petroleum Co PLC said sales rose.",
        "NP <NP> 1986 YEAR NET",
        31.2e6,
        "Northern Petroleum Co PLC",
        "1987-04-28",
        id="headline_initials_and_price_indices",
    ),
    pytest.param(
        # a price index is the economy's, not a market of its own; nor is the currency of an amount
        "SEOUL, April 2 - South Korea's consumer price index rose 0.4 pct in March, the Bank of Korea said.",
        "SOUTH KOREAN CONSUMER PRICES RISE",
        0.4,
        "South Korea",
        "1987-04-28",
        id="headline_initials_and_price_indices",
    ),
    pytest.param(
        # a results headline without a ticker names its company before the period
        "TORONTO, March 6 - Shr loss 21 cts vs profit six cts\n    Net loss 812,000 vs profit 6,000\n"
        "    Revs 2.1 mln vs 1.9 mln\n    NOTE: Avg shrs not given.",
        "DUNMORE TEXTILE GROUP 3RD QTR JAN 31 LOSS",
        812_000.0,
        "Dunmore Textile Group",
        "1987-03-30",
        id="results_headlines_and_money_aggregates",
    ),
    pytest.param(
        # a money aggregate the NER calls a name is a figure of the economy
        "SINGAPORE, March 30 - Singapore's money supply rose 1.2 pct in February. Total M3 rose 18.1 pct "
        "from February, 1984.",
        "SINGAPORE MONEY SUPPLY RISES",
        18.1,
        "Singapore",
        "1987-03-30",
        id="results_headlines_and_money_aggregates",
    ),
    pytest.param(
        # a possessive company name in a ticker headline is the whole name, not its legal form
        "NEW YORK, March 3 - Oper shr loss seven cts vs profit 11 cts\n    Oper net loss 1,210,000 vs "
        "profit 2,110,000\n    Sales 201.4 mln vs 190.2 mln\n",
        "HARTLEY'S INC <HRTL> 4TH QTR NET",
        1_210_000.0,
        "Hartley's Inc",
        "1987-04-02",
        id="possessive_headlines_and_analyst_estimates",
    ),
    pytest.param(
        # an analyst's estimate of a company's earnings is the company's
        "NEW YORK, April 2 - Analyst Dana Wexler raised her earnings estimates for Corvane Chemical Co "
        "to 6.10 dlrs a share in 1987.",
        "CORVANE CHEMICAL <CVC> ESTIMATES RAISED",
        6.10,
        "Corvane Chemical",
        "1987-04-02",
        id="possessive_headlines_and_analyst_estimates",
    ),
]


@pytest.mark.parametrize("text, title, value, subject, published", WIRE_SUBJECTS)
def test_who_owns_a_wire_amount(nlp, text, title, value, subject, published):
    assert named(subject, subjects_of(facts_of(nlp, text, published=published, title=title), value))

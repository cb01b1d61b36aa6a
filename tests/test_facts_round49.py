"""Facts, issue 11 forty-ninth round: a company the model took for a place or a person ("Electrolux saw its shares
rise", "Yukos claims that it is"), a company name run into its legal form ("... Finance" + "NV Curacao"), "the issue"
of a eurobond, a claim that is no economy's demand ("a tax demand"), counted peoples whose demonym has no plural
("700 million Chinese"), and a "-based" place that only says where someone is. Invented cases.
"""

from __future__ import annotations

import pytest
from facts_helpers import doc_with_entity, facts_of, subjects_of, units_of

from pipeline.extractors.entities.find import find_entities
from pipeline.extractors.facts.context import _named_as_it, macro_noun
from pipeline.extractors.quantities import find_quantities
from pipeline.records import EntityMention


def _mentions(text: str, name: str, label: str) -> list[EntityMention]:
    out, at = [], text.find(name)
    while at >= 0:
        out.append(EntityMention(at, at + len(name), name, label, name, f"{label}:{name.casefold()}"))
        at = text.find(name, at + 1)
    return out


AS_COMPANY = [
    pytest.param("Vantrex saw its shares rise 14% on Tuesday.", "Vantrex", "GPE", id="place_saw_its_shares"),
    pytest.param("Vantrex chief executive Anna Berg said so.", "Vantrex", "GPE", id="place_chief_executive"),
    pytest.param("Vantrex's subsidiary brands include Olo.", "Vantrex", "GPE", id="place_subsidiaries"),
    pytest.param("Traders sold shares in Vantrex.", "Vantrex", "GPE", id="shares_in_place"),
    pytest.param(
        "Nordvik claims that it is being punished. Nordvik is not planning on letting go of its unit.",
        "Nordvik",
        "PERSON",
        id="person_says_it_is_and_has_its",
    ),
    pytest.param("Vantrex's stock climbed 5-3/8 today.", "Vantrex", "GPE", id="possessive_stock"),
    pytest.param("Vantrex stock fell 2 pct.", "Vantrex", "GPE", id="stock"),
]


@pytest.mark.parametrize(("text", "name", "label"), AS_COMPANY)
def test_a_name_with_what_only_companies_have_is_a_company(text, name, label):
    assert _named_as_it(text, _mentions(text, name, label)) == {f"{label}:{name.casefold()}"}


NOT_COMPANY = [
    pytest.param("Houston saw its shares of the market rise.", "Houston", "GPE", id="a_town_of_that_name"),
    pytest.param("Norway's profits from oil rose.", "Norway", "GPE", id="a_country"),
    pytest.param("Anna Berg claims that it is wrong.", "Anna Berg", "PERSON", id="a_full_name"),
    pytest.param("Vantrex said it rained all day in the town.", "Vantrex", "GPE", id="place_without_company_cue"),
    pytest.param("Blair said it was right to raise spending.", "Blair", "PERSON", id="says_it_alone"),
    pytest.param("Vantrex shares a border with Mexico.", "Vantrex", "GPE", id="shares_as_a_verb"),
    pytest.param("Vantrex's spokesman said the deficit rose.", "Vantrex", "GPE", id="a_governments_spokesman"),
    pytest.param("Vantrex's profits from tourism rose 5%.", "Vantrex", "GPE", id="a_regions_profits"),
    pytest.param("Vantrex stock market rose 2 pct.", "Vantrex", "GPE", id="a_stock_market"),
]


@pytest.mark.parametrize(("text", "name", "label"), NOT_COMPANY)
def test_places_and_people_stay_what_they_are(text, name, label):
    assert _named_as_it(text, _mentions(text, name, label)) == frozenset()


def test_a_company_name_runs_into_its_legal_form(nlp):
    text = "Handel Bank Finance NV Curacao is issuing a bond."
    doc = nlp(text)
    a, b = text.index("Handel"), text.index("NV")
    doc.ents = [doc.char_span(a, b - 1, label="ORG"), doc.char_span(b, text.index(" is"), label="PERSON")]
    assert [(m.text, m.label) for m in find_entities(doc)] == [("Handel Bank Finance NV Curacao", "ORG")]


def test_a_person_before_a_company_is_not_joined(nlp):
    doc = doc_with_entity(nlp, "Anna Berg NV said it would issue bonds.", "Anna Berg", "PERSON")
    assert [m.text for m in find_entities(doc)] == ["Anna Berg"]


EUROBOND = (
    "Deutsche Handel Finance NV Curacao is issuing a 50 mln stg eurobond due May 1, 1995 paying 9-1/2 pct and "
    "priced at 101-1/4 pct, lead manager Grand Bank Ltd said. The issue is available in denominations of 1,000 "
    "and 5,000 stg and will be listed in Luxembourg."
)


@pytest.mark.parametrize("value", [50e6, 9.5, 1000.0, 5000.0])
def test_the_issue_is_the_issuers_eurobond(nlp, value):
    assert subjects_of(facts_of(nlp, EUROBOND), value) == ["Deutsche Handel Finance NV Curacao"]


@pytest.mark.parametrize(
    ("text", "noun", "macro"),
    [
        pytest.param("Yukon faces a $3bn tax demand.", "demand", False, id="tax_demand"),
        pytest.param("The union tabled a 9% wage demand.", "demand", False, id="wage_demand"),
        pytest.param("Oil demand rose 3% in March.", "demand", True, id="oil_demand"),
        pytest.param("Domestic demand rose 3% in March.", "demand", True, id="domestic_demand"),
    ],
)
def test_a_claim_is_no_economys_demand(nlp, text, noun, macro):
    token = next(t for t in nlp(text) if t.lower_ == noun)
    assert macro_noun(token) is macro


@pytest.mark.parametrize(
    ("text", "value", "subjects"),
    [
        pytest.param("More than 300 million Japanese watch 900 TV channels.", 300e6, ["Japan"], id="counted"),
        pytest.param("More than 300 million Japanese watch 900 TV channels.", 900.0, ["Japan"], id="their_channels"),
        pytest.param("Some 60 million French watched the final.", 60e6, ["France"], id="french"),
    ],
)
def test_a_counted_people_without_a_plural_is_its_country(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Brazil has 30 million mobile users. Mobile sales are expected to reach $2bn in 2006, said the "
            "US-based research firm Mobitrack.",
            id="us_based",
        ),
        pytest.param(
            "Brazil has 30 million mobile users. Mobile sales are expected to reach $2bn in 2006, said the "
            "London-headquartered research firm Mobitrack.",
            id="london_headquartered",
        ),
    ],
)
def test_a_based_place_is_no_subject(nlp, text):
    assert subjects_of(facts_of(nlp, text), 2e9) != ["US"] and subjects_of(facts_of(nlp, text), 2e9) != ["London"]


def test_government_spending_is_the_countrys_not_the_main_companys(nlp):
    text = (
        "WASHINGTON, March 3 - The Commodity Credit Corporation issued 3.85 billion dlrs of certificates, the U.S. "
        "Agriculture Department said. The Commodity Credit Corporation authorized 4.3 billion dlrs more. The "
        "department said government spending on farm programs in fiscal 1987 is projected to fall 500 mln dlrs."
    )
    assert subjects_of(facts_of(nlp, text), 500e6) == ["U.S."]


def test_a_product_named_once_is_that_product_where_written_again(nlp):
    doc = doc_with_entity(
        nlp, "The Zeno went on sale on Monday. Buyers queued for the Zeno all day.", "Zeno", "PRODUCT"
    )
    assert [(m.text, m.label) for m in find_entities(doc)] == [("Zeno", "PRODUCT"), ("Zeno", "PRODUCT")]


def _amounts(nlp, text: str) -> list[tuple[str, float, str | None]]:
    return [(q.text, q.value, q.unit) for q in find_quantities(nlp(text))]


AMOUNTS = [
    pytest.param(
        "It has 1.3 billion and 200 million users.",
        [("1.3 billion", 1.3e9, "dimensionless"), ("200 million", 200e6, "user")],
        id="two_amounts_in_digits",
    ),
    pytest.param(
        "It paid two million and 300 thousand dollars.",
        [("two million and 300 thousand dollars", 2.3e6, "USD")],
        id="words_still_add_up",
    ),
    pytest.param(
        "The plan is to ship 4 million of its new Acme DS handheld consoles by May.",
        [("4 million", 4e6, "console")],
        id="a_plural_the_tagger_took_for_a_verb",
    ),
    pytest.param(
        "Labour will spend by 2008 £60bn more.", [("£60bn", 60e9, "GBP")], id="a_symbol_before_the_next_amount"
    ),
    pytest.param("It cost 50 € in Paris.", [("50 €", 50.0, "EUR")], id="a_symbol_after_its_amount"),
    pytest.param("10 $ 30 $", [("10 $", 10.0, "USD"), ("30 $", 30.0, "USD")], id="symbols_after_both"),
    pytest.param(
        "The shares dropped 30 Swiss francs to 460.",
        [("30 Swiss francs", 30.0, "CHF"), ("460", 460.0, "CHF")],
        id="the_level_a_money_change_reaches",
    ),
    pytest.param(
        "The index rose 1.2 pct to 1,234.5.",
        [("1.2 pct", 1.2, "percent"), ("1,234.5", 1234.5, "dimensionless")],
        id="not_after_a_percent",
    ),
    pytest.param(
        "Output rose 30 dlrs to 460 tonnes.",
        [("30 dlrs", 30.0, "USD"), ("460 tonnes", 460.0, "metric_ton")],
        id="not_a_level_with_its_own_unit",
    ),
    pytest.param("About 3,000 Acme staff works in Leeds.", [("3,000", 3000.0, "staff")], id="a_verb_after_a_count"),
    pytest.param("The 15 nation bloc meets in Brussels.", [("15", 15.0, "dimensionless")], id="the_clauses_verb"),
    pytest.param(
        "Of the 500 workers, 200 were laid off.",
        [("500", 500.0, "worker"), ("200", 200.0, "worker")],
        id="a_part_of_a_fronted_whole",
    ),
    pytest.param(
        "Of the country's 360 million households, 100 million receive cable.",
        [("360 million", 360e6, "household"), ("100 million", 100e6, "household")],
        id="a_scaled_part_of_a_fronted_whole",
    ),
    pytest.param(
        "Sales of 500 cars, 200 of them new, rose.",
        [("500", 500.0, "car"), ("200", 200.0, "dimensionless")],
        id="no_fronted_whole",
    ),
]


@pytest.mark.parametrize(("text", "expected"), AMOUNTS)
def test_amounts(nlp, text, expected):
    """Two digit amounts joined by "and", a plural the tagger took for a verb, a currency symbol between two
    numbers, the level a money change reaches."""
    assert _amounts(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("There are now about five million unemployed in Norway.", 5e6, id="unemployed"),
        pytest.param("Some 3 million jobless were counted in Norway.", 3e6, id="jobless"),
        pytest.param(
            "Norway's biggest neighbour - population 80 million - has 20 million cars.", 80e6, id="population_before"
        ),
    ],
)
def test_people_named_by_an_adjective_after_the_number(nlp, text, value):
    assert units_of(facts_of(nlp, text), value) == ["person"]


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        pytest.param(
            "Europe is online. The total number of Europeans online rose by 12% to 100 million over the past year.",
            100e6,
            "Europe",
            id="a_region_people",
        ),
        pytest.param("The number of Canadians online rose to 20 million.", 20e6, "Canada", id="a_country_people"),
    ],
)
def test_the_number_of_a_people_is_their_country_or_regions_count_of_people(nlp, text, value, subject):
    (fact,) = [f for f in facts_of(nlp, text) if f.value == value]
    assert (fact.subject, fact.unit, fact.predicate.split()[-1]) == (subject, "person", text.split("of ")[1].split()[0])


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        pytest.param(
            "FRANKFURT, March 30 - Acme Inc plans to issue a bond, dealers said. Acme said it would issue its first "
            "bond this spring. But Zentro Corp's announcement it plans to sell its 4.5 pct stake in Acme had made a "
            "launch date uncertain.",
            ["Zentro"],
            id="its_stake_in_the_story_company",
        ),
        pytest.param(
            "FRANKFURT, March 30 - Acme Inc plans to issue a bond, dealers said. Acme said it would sell its 4.5 pct "
            "stake in Zentro Corp.",
            ["Acme"],
            id="its_stake_in_another",
        ),
    ],
)
def test_no_one_holds_a_stake_in_itself(nlp, text, subject):
    assert subjects_of(facts_of(nlp, text), 4.5) == subject


def test_a_name_the_parser_hung_on_the_datelines_place_is_the_subject(nlp):
    # a body part opens with the blank line after its title; the parser then makes the dateline's place the
    # subject and hangs the company on it as a "prep", not in apposition
    text = (
        "\n\nDALLAS, March 13 - Zeta Acquisition Co, a unit of Omega Hotel\nCorp, said its 135 mln dlrs tender "
        "offer for all shares of Class B common stock of Resorts Inc expired."
    )
    facts = facts_of(nlp, text, title="OMEGA <OMG> OFFER FOR RESORTS <RT> EXPIRES")
    assert subjects_of(facts, 135e6) == ["Zeta Acquisition"]


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        pytest.param("INVESTOR HAS FIVE PCT OF ZORAN DRILLING <ZDR>", "Zoran Drilling", id="a_spelled_figure"),
        pytest.param("EASTWIND ONE INC <EWO> 1ST QTR NET", "EASTWIND ONE", id="a_number_word_in_a_name"),
    ],
)
def test_a_wire_headline_names_its_ticker_company_past_a_spelled_figure(nlp, title, subject):
    text = title if "PCT" in title else title + "\n\nLOS ANGELES, March 25 - Shr 12 cts vs eight cts"
    assert subjects_of(facts_of(nlp, text, title=title), 5.0 if "PCT" in title else 0.12) == [subject]


def test_a_unit_that_carries_its_headline_parents_name_is_the_storys_company(nlp):
    # the body part as the pipeline parses it, below its own title part
    text = (
        "\n\nLONDON, March 3 - Handel Bank Finance NV Curacao is issuing a 50 mln stg eurobond due April 2, 1997 "
        "paying 9-7/8 pct, lead manager Grand Bank Ltd said. Handel Bank Capital Markets is co-manager. The selling "
        "concession is 1-3/8 pct. The issue will be listed in Luxembourg."
    )
    facts = facts_of(nlp, text, title="HANDEL BANK UNIT ISSUES 50 MLN STG EUROBOND")
    assert subjects_of(facts, 1.375) == ["Handel Bank Finance NV Curacao"]


@pytest.mark.parametrize(
    ("text", "value", "subjects"),
    [
        pytest.param(
            "Acme Corp said the number of Americans using its service rose to 5 million.",
            5e6,
            ["Acme"],
            id="a_companys_count_of_its_users",
        ),
        pytest.param(
            "ICN Pharmaceuticals Inc shares fell 2 dlrs. ICN said profit rose. Kodak's filing with the SEC said it "
            "plans to sell its 2.3 pct stake in ICN.",
            2.3,
            ["Kodak"],
            id="the_possessor_not_a_regulator_under_a_preposition",
        ),
        pytest.param(
            "The number of UK-registered cars rose 5% to 31 million last year.", 31e6, ["UK"], id="registered_is_whose"
        ),
    ],
)
def test_review_cases(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        pytest.param("INVESTOR HAS TWENTY-FIVE PCT OF ZORAN DRILLING <ZDR>", "Zoran Drilling", id="hyphenated"),
        pytest.param("BANK ONE OF TEXAS <ONE> UP 5 PCT", "BANK ONE OF TEXAS", id="one_of_in_a_name"),
    ],
)
def test_spelled_figures_and_names_with_number_words(nlp, title, subject):
    value = 25.0 if "TWENTY" in title else 5.0
    assert subjects_of(facts_of(nlp, title, title=title), value) == [subject]


@pytest.mark.parametrize(
    ("text", "value", "subjects"),
    [
        pytest.param(
            "Sir Alan Marsh bid for Acme Corp. The company bought back Marsh's stock for 620 mln dlrs, giving him a 93 "
            "mln dlr profit.",
            93e6,
            ["Alan Marsh"],
            id="the_person_given_a_profit",
        ),
        pytest.param(
            "The deal gives Acme Corp a 20 pct stake in Beta Inc.", 20.0, ["Acme"], id="a_company_given_a_stake"
        ),
        pytest.param(
            "Acme Corp gave shareholders a special dividend of 2 dlrs a share.", 2.0, ["Acme"], id="no_one_named_given"
        ),
    ],
)
def test_a_figure_given_to_someone_is_the_recipients(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects

"""Facts, issue 11 forty-seventh round: a wire's bracketed short name after an angle-bracketed company, a company name
the model split after a joining word, and a place that only says which company a company noun is. Invented cases.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors.entities.find import _hyphen_joined, canonicalize, find_entities
from pipeline.extractors.entities.words import DocWords


def _names(nlp, text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in canonicalize(find_entities(nlp(text))):
        out.setdefault(m.text, set()).add(m.canonical_name)
    return out


WIRE = (
    "SYDNEY, March 5 - The Zentro Pty Co Ltd <ZENT.S>\n(ZPC) said it plans to float a new company, {name} (ZPCGM),\n"
    "which will hold most of ZPC's gold interests.\n    ZPCGM will pay 400 mln dlrs for the gold interests."
)
ANGLE_ALIASES = [
    pytest.param(WIRE.format(name="<ZPC Gold Mines Ltd>"), id="short_name_after_an_angle_bracketed_name"),
    pytest.param(WIRE.format(name="ZPC Gold Mines Ltd"), id="short_name_after_a_plain_name"),
]


@pytest.mark.parametrize("text", ANGLE_ALIASES)
def test_a_bracketed_short_name_after_a_wire_company_is_that_company(nlp, text):
    assert _names(nlp, text)["ZPCGM"] == {"ZPC Gold Mines"}


def test_the_short_names_figures_go_to_the_full_name(nlp):
    facts = facts_of(nlp, WIRE.format(name="<ZPC Gold Mines Ltd>"), published="1987-03-05", title="ZPC TO FLOAT UNIT")
    assert subjects_of(facts, 400e6) == ["ZPC Gold Mines"]


SPLIT_NAMES = [
    pytest.param("Ashgrove Savings and Loan Association said", (0, 3), (3, 5), (0, 5), id="savings_and_loan"),
    pytest.param("Bank of Zentro Holdings said", (0, 2), (2, 4), (0, 4), id="of"),
    pytest.param("Zentro and Vardon said", (0, 1), (2, 3), None, id="two_names_around_and"),
    pytest.param("Zentro Savings Vardon Loans said", (0, 2), (2, 4), None, id="no_joining_word"),
]


@pytest.mark.parametrize(("text", "first", "second", "joined"), SPLIT_NAMES)
def test_a_name_split_after_a_joining_word_is_one_name(nlp, text, first, second, joined):
    spans = [(*first, "ORG", ""), (*second, "ORG", "")]
    got = _hyphen_joined(DocWords(nlp(text)), spans)
    assert got == ([(*joined, "ORG", "")] if joined else spans)


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        pytest.param(
            "Mobile firm may quit Iran deal\n\nTurkey's biggest private mobile firm could bail out of a $3bn "
            "($1.6bn) deal to build a network in Iran after MPs there slashed its stake in the project.\n\n"
            "Turkcell won the licence last year. Turkcell said it was studying the ruling. Turkcell shares fell.",
            3e9,
            "Turkcell",
            id="country_possessor_of_firm",
        ),
        pytest.param(
            "Lending to Vardonia rises\n\nThe World Bank said lending to Vardonia rose last year.\n\nJapan's Ex-Im "
            "bank announced a 900 mln dlr untied credit last month. The World Bank said it would lend more.",
            9e8,
            "Japan",
            id="a_bank_with_a_name_of_its_own_leaves_the_place",
        ),
    ],
)
def test_a_place_that_only_says_which_company_is_no_candidate(nlp, text, value, subject):
    facts = facts_of(nlp, text, title=text.split("\n\n")[0])
    assert subjects_of(facts, value) == [subject]


def test_a_countrys_own_figure_beside_a_company_noun_stays_the_countrys(nlp):
    text = (
        "Turkey growth slows\n\nTurkey's economy grew 5% last year, the central bank said. "
        "The firm figures came from the statistics office."
    )
    facts = facts_of(nlp, text, title="Turkey growth slows")
    assert subjects_of(facts, 5) == ["Turkey"]


THRIFT = (
    "RICHMOND, Va, March 23 - Vardon Federal Savings and Loan\nAssociation of Richmond, Va., said it has agreed to "
    "acquire\nAshgrove Savings and Loan Association of Ashgrove, Va.\n    Ashgrove reported a 1.5 mln dlrs loss for "
    "the year.\n    For the year ended June 30, Vardon reported net income of\n7.9 mln dlrs. Assets totaled about "
    "844.0 mln dlrs as of\nDecember 31.\n    Vardon said the merger is subject to approval of the Federal Home Loan "
    "Bank Board."
)


def test_a_ticker_headlines_name_takes_the_whole_thrift_name(nlp):
    text = "VARDON FEDERAL <VFED>, ASHGROVE TO MERGE\n\n" + THRIFT
    found = {" ".join(m.canonical_name.split()) for m in find_entities(nlp(THRIFT), nlp(text.split("\n\n")[0]))}
    assert "Vardon Federal Savings and Loan Association" in found


@pytest.mark.parametrize("value", [7.9e6, 844e6])
def test_a_thrift_named_in_the_headline_owns_its_results(nlp, value):
    facts = facts_of(nlp, THRIFT, published="1987-03-23", title="VARDON FEDERAL <VFED>, ASHGROVE TO MERGE")
    got = subjects_of(facts, value)
    assert len(got) == 1 and got[0].startswith("Vardon"), got  # not the United States of the body's approval


def test_a_savings_and_loan_association_is_a_company_not_a_public_body():
    from pipeline.extractors.facts.context import public_body
    from pipeline.records import EntityMention

    def org(name: str) -> EntityMention:
        return EntityMention(start=0, end=len(name), text=name, label="ORG", canonical_name=name, entity_key="ORG:x")

    assert not public_body(org("Vardon Federal Savings and Loan Association"))
    assert public_body(org("Federal Home Loan Bank Board"))


def test_a_hyphenated_spelling_joins_the_spaced_name(nlp):
    text = (
        "ELKHART, IND., March 20 - Zentro Inc said its unit, Vardon Rambler Corp, filed for 70 mln dlrs of notes.\n"
        "    Vardon-Rambler, which makes trailers, was acquired by Zentro in December 1986."
    )
    names = {m.text: m.canonical_name for m in canonicalize(find_entities(nlp(text))) if m.label == "ORG"}
    assert names.get("Vardon-Rambler") == names.get("Vardon Rambler Corp") is not None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "India's Deccan seals deal\n\nAir Deccan has ordered 30 Airbus planes in a $1.8bn deal as India's first "
            "low-cost airline expands.\n\nAir Deccan was set up last year and wants to lure travellers away from the "
            "railway network. To help finance the expansion the company may sell a 25% stake to an "
            "investor for about $50m.",
            "Air Deccan",
            id="air_prefix_read_as_a_person",
        ),
    ],
)
def test_an_airline_the_model_reads_as_a_person_is_a_company(nlp, text, name):
    facts = facts_of(nlp, text, title=text.split("\n\n")[0])
    assert subjects_of(facts, 25) == [name]
    assert subjects_of(facts, 50e6) == [name]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        pytest.param("It leases the jet in a five-year, 26-mln-dlr transaction.", 26e6, "USD", id="mln_dlr"),
        pytest.param("It agreed a 1.2-billion-dlr takeover.", 1.2e9, "USD", id="billion_dlr"),
        pytest.param("It placed a 10-mln-stg issue.", 10e6, "GBP", id="mln_stg"),
        pytest.param("It placed a 10 mln stg issue.", 10e6, "GBP", id="spaced_still_read"),
    ],
)
def test_a_wire_scale_glued_by_hyphens_scales_the_amount(nlp, text, value, unit):
    from pipeline.extractors.quantities import find_quantities

    got = [(q.value, q.unit) for q in find_quantities(nlp(text)) if q.kind == "currency"]
    assert got == [(value, unit)]


def test_a_glued_scale_without_a_unit_word_after_it_is_not_read_as_one(nlp):
    from pipeline.extractors.quantities import find_quantities

    got = [q.value for q in find_quantities(nlp("The 26-mln figure was revised."))]
    assert 26e6 not in got


TRADE_NAMES = [
    pytest.param(
        "Zentro Trust and Banking Co Ltd is offering 100 mln dlrs of notes.",
        "Zentro Trust and Banking",
        id="untagged_first_part",
    ),
    pytest.param("Acme and Zentro Inc said they agreed.", None, id="two_companies"),
]


@pytest.mark.parametrize(("text", "name"), TRADE_NAMES)
def test_a_trade_word_and_legal_form_after_and_go_on_the_name_before(nlp, text, name):
    found = {
        m.canonical_name for m in canonicalize(find_entities(nlp("NEW YORK, March 5 - " + text))) if m.label == "ORG"
    }
    if name is None:
        assert not any(" and " in n for n in found), found
    else:
        assert name in found, found


def test_a_public_bodys_own_bond_terms_are_its_own_when_the_headline_names_it_by_its_first_word(nlp):
    body = (
        "OSAKA, March 11 - The Osaka Prefectural Government said it\nwould float a 100 mln dlr 10-year bond "
        "with a 7.5 pct coupon in\nNew York.\n    The bond will be priced at 99.515 to yield 7.585 pct.\n"
    )
    facts = facts_of(nlp, body, published="1987-03-11", title="OSAKA TO ISSUE 100 MLN DLR BOND IN NEW YORK")
    assert subjects_of(facts, 99.515) == ["Osaka Prefectural Government"]


@pytest.mark.parametrize(
    ("middle", "subject"),
    [
        pytest.param(
            "UK entrepreneur Richard Branson has said he is keen to start a local operation.",
            "India",
            id="modifies_a_person",
        ),
        pytest.param("Britain's economy is growing more slowly.", "Britain", id="a_noun_of_its_own"),
    ],
)
def test_the_country_is_not_one_that_only_says_whose_a_name_is(nlp, middle, subject):
    text = (
        "India's airline grows\n\nZentro Air has ordered 30 planes as India's first low-cost airline expands in the "
        f"domestic market. {middle}\n\nThe country has a population of more than a billion people."
    )
    facts = facts_of(nlp, text, title="India's airline grows")
    assert subjects_of(facts, 1e9) == [subject]


@pytest.mark.parametrize("verb", ["warned", "cautioned"])
def test_who_warns_of_a_figure_in_a_quote_does_not_own_it(nlp, verb):
    text = (
        "Vardonia jobless total rises\n\nUnemployment in Vardonia rose again in December, official figures showed.\n\n"
        f'"Be prepared for a nasty figure for January, about five million unemployed," {verb} Zentro Bank '
        "economist Ann Lee."
    )
    facts = facts_of(nlp, text, title="Vardonia jobless total rises")
    assert "Ann Lee" not in subjects_of(facts, 5e6)


def test_a_nationality_opens_an_angle_bracketed_trade_name(nlp):
    text = (
        "MANILA, March 20 - Shipments are likely to be\ndelayed because of power problems at <Philippine Associated\n"
        "Smelting and Refining Corp> (PASAR), the country's only\nsmelter, a company official said."
    )
    names = {m.text: m.canonical_name for m in canonicalize(find_entities(nlp(text)))}
    assert names.get("PASAR") == "Philippine Associated Smelting and Refining"


# --- the review's cases: each rule kept to what it was written for ---


@pytest.mark.parametrize(
    "text",
    [
        "Owens-Illinois and Corning Inc said they formed a joint venture.",
        "Conrail and Reading Co settled the dispute.",
        "Eastman Kodak and Sterling Inc said talks had ended.",
    ],
)
def test_a_name_after_and_that_is_no_trade_word_stays_a_company_of_its_own(nlp, text):
    found = {m.canonical_name for m in canonicalize(find_entities(nlp(text))) if m.label == "ORG"}
    assert not any(" and " in n for n in found), found


def test_an_air_force_rank_stays_a_persons_title(nlp):
    text = (
        "Air Chief Marshal Sir Jock Stirrup said British forces would stay in Iraq. Air Marshal Brian Burridge agreed."
    )
    labels = {m.text: m.label for m in canonicalize(find_entities(nlp(text)))}
    assert all(label != "ORG" for text_, label in labels.items() if "Marshal" in text_ or "Stirrup" in text_)


@pytest.mark.parametrize("text", ["It expects a 20-25-mln-dlr charge.", "A 100-150-mln-stg facility."])
def test_a_glued_scale_on_a_range_never_scales_one_end_alone(nlp, text):
    from pipeline.extractors.quantities import find_quantities

    for q in find_quantities(nlp(text)):
        assert q.value_max is None or q.value_max < 1000 * max(q.value, 1), (q.value, q.value_max)


def test_an_adjective_with_a_hyphen_does_not_join_the_company_spelled_with_a_space(nlp):
    text = (
        "Anglo American Corp said the Anglo-American talks on trade would resume. "
        "Anglo-American relations were strained."
    )
    names = {m.text: m.canonical_name for m in canonicalize(find_entities(nlp(text)))}
    assert names.get("Anglo-American") != names.get("Anglo American Corp")


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        pytest.param(
            "Iraq oil exports resume\n\nIraq resumed oil exports on Monday after a week-long halt.\n\nRussia's "
            "President Vladimir Putin said the country would raise its own output to 9.5 million barrels a day.",
            9.5e6,
            "Russia",
            id="a_head_of_state_named_by_his_countrys_possessive_speaks_for_it",
        ),
        pytest.param(
            "Mobile firm deal\n\nTurkey's biggest mobile firm could pull out of a $3bn deal to build a network "
            "in Iran.",
            3e9,
            "Turkey",
            id="an_unnamed_firm_leaves_its_country_as_the_candidate",
        ),
        pytest.param(
            "Blair wins vote\n\nThe bill passed by 297 votes to 203 despite a rebellion by 34 Labour MPs.",
            34,
            "Labour Party",
            id="a_partys_members_named_by_its_untagged_name",
        ),
        pytest.param(
            "Dagenham strike ends\n\nThe strike by 1,200 Ford workers at the Dagenham plant ended on Monday.",
            1200,
            "Ford",
            id="a_companys_own_workers",
        ),
        pytest.param(
            "Zentro hires\n\nNEW YORK, March 5 - Acme Corp said it hired 300 former Zentro Inc workers after Zentro "
            "closed its Ohio plant.",
            300,
            "Acme",
            id="former_workers_are_no_longer_the_companys",
        ),
        pytest.param(
            "Carpet industry\n\nSome 300,000 child labour workers are employed in the carpet industry, the ILO said.",
            300000,
            "ILO",
            id="lower_case_labour_is_no_party",
        ),
        pytest.param(
            "M1 profits rise\n\nM1 Ltd, Singapore's second-largest mobile operator, said net profit rose 12% to "
            "S$150m in 2003.",
            12,
            "M1",
            id="an_operator_named_like_an_aggregate_outside_a_money_supply_story",
        ),
    ],
)
def test_the_reviews_cases_keep_their_owners(nlp, text, value, subject):
    assert subjects_of(facts_of(nlp, text, title=text.split("\n\n")[0]), value) == [subject]


def test_a_generic_first_word_does_not_name_a_body_in_the_headline(nlp):
    body = (
        "TOKYO, March 11 - Zentro Finance said it will issue notes.\n    The Finance Ministry said the notes would "
        "carry a 5.1 pct coupon. The Finance Ministry approved the plan.\n"
    )
    facts = facts_of(nlp, body, published="1987-03-11", title="FINANCE COMPANY ISSUES NOTES IN TOKYO")
    assert "Finance Ministry" not in subjects_of(facts, 5.1)


@pytest.mark.parametrize(
    "body",
    [
        "CYBERTEK, March 5 - Cybertek Inc and Bank of Boston said they agreed terms.",
        "VARDON, March 5 - Vardon Federal and Ashgrove Savings Bank said they agreed terms.",
    ],
)
def test_a_ticker_headlines_name_stops_at_a_legal_form_or_another_name(nlp, body):
    from pipeline.extractors.entities.find import _ticker_headline_names

    doc = nlp(body)
    title = "CYBERTEK <CKCP> IN DEAL" if body.startswith("CYBERTEK") else "VARDON FEDERAL <VFED> IN DEAL"
    spans = _ticker_headline_names(DocWords(doc), [], nlp(title))
    assert not any(" and " in doc[a:b].text for a, b, *_ in spans), [doc[a:b].text for a, b, *_ in spans]


def test_a_money_aggregate_the_ner_names_is_never_a_subject(nlp):
    body = (
        "NEW YORK, March 26 - U.S. M-1 money supply rose 1.2 billion\ndlrs to a seasonally adjusted 740.2 billion "
        "dlrs in the March\n16 week, the Federal Reserve said.\n    The previous week's M-1 level was revised to "
        "739.0 billion\ndlrs from 738.7 billion."
    )
    facts = facts_of(nlp, body, published="1987-03-26", title="U.S. M-1 MONEY SUPPLY RISES 1.2 BILLION DLR")
    for value in (739.0e9, 738.7e9):
        assert subjects_of(facts, value) == ["U.S."], value


@pytest.mark.parametrize(
    ("text", "level", "unit"),
    [
        pytest.param("Zentro shares were up 4-1/2p to 90-1/2 in early trade.", 0.905, "GBP", id="glued_pence"),
        pytest.param("Zentro Corp shares rose 12 cents to 4.50.", 4.5, "USD", id="cents_level_in_dollars"),
        pytest.param("Zentro shares fell 3p to 245p in early trade.", 2.45, "GBP", id="pence_written_on_both"),
        pytest.param("Zentro Plc shares rose 25p to 11.05 after the results.", 11.05, "GBP", id="pounds_after_pence"),
        pytest.param("The Treasury gilt rose 1/2p to 101-3/4 in thin trade.", 101.75, None, id="a_gilt_after_half_a_p"),
    ],
)
def test_a_bare_share_price_after_a_change_in_pence_is_in_pence(nlp, text, level, unit):
    place = "NEW YORK" if "cents" in text else "LONDON"
    facts = facts_of(nlp, f"ZENTRO SHARES MOVE\n\n{place}, March 11 - " + text, published="1987-03-11")
    assert [(round(f.value, 6), f.unit) for f in facts if f.value is not None and abs(f.value - level) < 1e-6] == [
        (level, unit)
    ]


@pytest.mark.parametrize("people", ["Britons", "Europeans"])
def test_a_share_of_a_people_the_model_leaves_untagged_is_that_peoples(nlp, people):
    text = (
        "Viewers shun mobile TV\n\nViewers want music rather than films on the move, says a report.\n\nThe analysis "
        f"of the player market found only 13% of {people} want to watch video on the move. Zentro sells the Zpod."
    )
    assert subjects_of(facts_of(nlp, text, title="Viewers shun mobile TV"), 13) == [people]

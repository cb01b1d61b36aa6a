"""Facts, issue 11 sixteenth round: read off blind batch 53 (10 BBC and 10 Reuters articles,
annotated before the first run) and a second blind news-quantities batch after their first looks;
each a table of invented cases (one row per case, its id naming the rule).

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


# A unit or scale letter on a number at a sentence's end ends the sentence ("£50m. Chief ..."): spaCy's
# abbreviation cases "m.", "g.", "t." glued them into one token, so two sentences were one clause.
UNIT_STOPS = [
    pytest.param(
        "The plan cost the council £50m. Chief executive Jane Moss was paid a bonus of £40,000.", "m", id="scale_m"
    ),
    pytest.param("The new phone weighs 95g. Sales of the phone reached 2,000 units.", "g", id="gram"),
    pytest.param("The ship carries 400t. Its owner made a profit of $3m last year.", "t", id="tonne"),
]


@pytest.mark.parametrize("text, letter", UNIT_STOPS)
def test_a_unit_letter_before_a_full_stop_ends_the_sentence(nlp, text, letter):
    doc = nlp(text)
    assert len(list(doc.sents)) == 2
    assert any(t.text == letter for t in doc)


@pytest.mark.parametrize("text", ["Talks start at 7 a.m. on Monday.", "Some rivals, e.g. Acme, cut prices."])
def test_other_abbreviations_keep_their_full_stop(nlp, text):
    assert any(t.text in ("a.m.", "e.g.") for t in nlp(text))


def test_the_second_sentence_after_a_scale_keeps_its_own_subject(nlp):
    facts = facts_of(
        nlp,
        "The scheme attracted 900 students at a cost of £50m. Chief executive Jane Moss was paid a bonus of £40,000.",
    )
    assert subjects_of(facts, 40000.0) == ["Jane Moss"]
    assert subjects_of(facts, 50e6) != ["Jane Moss"]


# A word right after a number is the amount's unit, never the name of a product that "the service" or
# "the device" stands for, whatever tag the model gave it ("a 512 kilobit service").
UNIT_NOT_PRODUCT = [
    pytest.param(
        "Netlink Ltd has launched a fast broadband service. A family of four today shares a 512 kilobit service. "
        "The service comes with a steep £29.99 monthly price tag.",
        29.99,
        "Netlink",
        id="kilobit_service",
    ),
    pytest.param(
        "Camco Inc has launched a new player. Most rivals sell a 20 gigabyte device. The device costs $199.",
        199.0,
        "Camco",
        id="gigabyte_device",
    ),
]


@pytest.mark.parametrize("text, value, subject", UNIT_NOT_PRODUCT)
def test_a_unit_after_a_number_names_no_product(nlp, text, value, subject):
    assert subjects_of(facts_of(nlp, text), value) == [subject]

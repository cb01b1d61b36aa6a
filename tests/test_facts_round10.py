"""Facts, issue 11 tenth round: general rules read off blind batches 35-36 after their first look,
each a table of invented cases (one row per case, its id naming the rule).

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors.entities import canonicalize, find_entities

# A person described by the company ("X, the company's biggest shareholder") stays a person.
PEOPLE = [
    pytest.param(
        "Acme Holdings Corp expects higher profits. Its chairman, Peter J. Lane, spoke to analysts. "
        "Lane, the company's largest shareholder, owns 1.2 mln shares.",
        "Peter J. Lane",
        "PERSON",
        id="company_possessive_apposition",
    ),
    pytest.param(
        "Shares in Verdant rose. Verdant, the mining company, sold its stake.",
        "Verdant",
        "ORG",
        id="company_apposition_still_org",
    ),
]


@pytest.mark.parametrize(("text", "name", "label"), PEOPLE)
def test_apposition_decides_company_or_person(nlp, text, name, label):
    found = {m.canonical_name: m.label for m in canonicalize(find_entities(nlp(text)))}
    assert found.get(name) == label, found


SUBJECTS = [
    pytest.param(
        "Zentek Group acquired the government's 26% stake in Corvel in 2002.",
        26.0,
        "Zentek",
        id="a_stake_bought_is_the_buyers",
    ),
    pytest.param(
        "Harmon Holdings Ltd bought Verax Inc's 20 pct holding in Delmont for 190 mln dlrs.",
        20.0,
        "Harmon",
        id="a_holding_bought_from_a_named_seller",
    ),
    pytest.param(
        "Zentek Group sold its 26% stake in Corvel to Harmon Holdings.",
        26.0,
        "Zentek",
        id="control_a_stake_sold_is_the_sellers",
    ),
    pytest.param(
        'Cocoa farmers want more help. "We are ready," a farmer told Reuters. The minister said the '
        "plan would cost more. He said 90m naira of the funding had been set aside for nurseries.",
        90e6,
        "",
        id="told_reuters_is_no_subject",
    ),
    pytest.param(
        "Tesco said its sales rose 5% last year. The store will close in June, according to the Reuters news agency.",
        5.0,
        "Tesco",
        id="according_to_agency_keeps_the_company",
    ),
    pytest.param(
        "Reuters said its profits rose 12% last year. Reuters is a news agency.",
        12.0,
        "Reuters",
        id="agency_in_its_own_story",
    ),
    pytest.param(
        "NEW YORK, March 3 - Acme Holdings Corp said it expects higher earnings in 1987.\n"
        "Its chief executive, Peter J. Lane, said the figures were good. Lane estimated that the "
        "company would earn 12 cts a share in the first quarter. Lane, the company's largest "
        "shareholder, owns about 1.2 mln shares.",
        0.12,
        "Acme",
        id="the_company_not_the_speaker",
    ),
]


@pytest.mark.parametrize(("text", "value", "subject"), SUBJECTS)
def test_subject(nlp, text, value, subject):
    assert subject in subjects_of(facts_of(nlp, text, published="1987-03-03"), value)

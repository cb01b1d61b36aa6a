"""Facts, issue 11 fourteenth round: read off blind batch 48 (10 BBC and 10 Reuters articles,
annotated before the first run) after its first look; each a table of invented cases (one row per
case, its id naming the rule).

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


# A fine is the fined party's, whoever imposed it.
FINES = [
    pytest.param(
        "The exchange said it fined John Smith 5,000 dlrs and suspended him for ten days.",
        5000.0,
        "John Smith",
        id="fined_person_as_object",
    ),
    pytest.param(
        "The SEC fined Drexel Burnham Lambert Inc 650 mln dlrs.",
        650000000.0,
        "Drexel Burnham Lambert",
        id="fined_company_after_the_verb",
    ),
    pytest.param(
        "Acme Corp said the watchdog penalised it 3 mln dlrs.",
        3000000.0,
        "Acme",
        id="penalised_pronoun_object",
    ),
]


@pytest.mark.parametrize("text, value, subject", FINES)
def test_a_fine_is_the_fined_partys(nlp, text, value, subject):
    assert subjects_of(facts_of(nlp, text), value) == [subject]


# "hoped", "hopes", "hoping": the verb "hope" (spaCy's rule lemmatizer says "hop"), so the
# modality lists find it: an aim, not a report.
HOPES = [
    pytest.param("Acme Corp hopes to sell 400,000 cars next year.", 400000.0, id="hopes"),
    pytest.param("Acme Corp hoped to sell 400,000 cars this year.", 400000.0, id="hoped"),
]


@pytest.mark.parametrize("text, value", HOPES)
def test_hope_is_a_plan(nlp, text, value):
    assert [f.modality for f in facts_of(nlp, text, published="1987-03-02") if f.value == value] == ["plan"]

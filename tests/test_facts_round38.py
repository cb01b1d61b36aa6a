"""Facts, issue 11 thirty-eighth round: the clause's noun phrase, the subject of last resort, is named
without the words that qualify its number ("almost 30 wealthy nations" -> "wealthy nations"), and a
noun that names a company's figure is never a phrase subject, as the lemmatizer writes it or not
("Next year's earnings", "Total stockholders equity"): with two companies in play the figure is left
without a subject rather than named after itself. Invented cases, one row per case.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

CASES = [
    pytest.param(
        "In fact, almost 30 wealthy nations spend more than $300bn on farm subsidies.",
        300e9,
        None,
        ["wealthy nations"],
        id="number_qualifier_left_out",
    ),
    pytest.param(
        "Bryson Oil and Gas Corp agreed to buy Cenergy Corp. Cenergy reported a net loss of 7.27 mln dlrs in the "
        "year. Total stockholders equity on the same date was 40.72 mln dlrs.",
        40.72e6,
        "BRYSON OIL TO BUY CENERGY",
        [""],
        id="equity_names_a_figure",
    ),
    pytest.param(
        "Bigco said Zentec would pay 6 dlrs a share. Next year's earnings will be about 4 dlrs a share.",
        4.0,
        None,
        [""],
        id="earnings_as_written",
    ),
]


@pytest.mark.parametrize(("text", "value", "title", "subjects"), CASES)
def test_phrase_subject(nlp, text, value, title, subjects):
    assert subjects_of(facts_of(nlp, text, title=title), value) == subjects

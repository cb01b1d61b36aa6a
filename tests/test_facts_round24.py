"""Facts, issue 11 twenty-fourth round: read off the dev tuning halves and blind batch 68 (after its first look);
each a table of invented cases (one row per case, its id naming the rule). No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of


# "Kelmont Group, the UK's third-biggest bank, ...": "the bank" later in the article is the company the
# apposition described, in whichever clause the description stood, and also as the object of "shares in".
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Kelmont Group, the UK's third-biggest bank, is to cut 300 jobs, the Financial Times reported. "
            "Shares in the bank fell 1%.",
            1.0,
            ["Kelmont"],
            id="described_inside_a_report",
        ),
        pytest.param(
            "Kelmont Group, the UK's third-biggest bank, said it would cut 300 jobs. "
            "Analysts at Dorvan Securities said the bank's shares could fall 1%.",
            1.0,
            ["Kelmont"],
            id="described_as_the_subject",
        ),
    ],
)
def test_company_described_by_an_apposition(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects

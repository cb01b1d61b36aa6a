"""Facts, issue 11 forty-second round: who "he" / "she" / "the government" / a capital / a nationality stands
for. A sentence about a person's work or about what a record shows of a person ("Mr Morton's work included two
tours", "The register shows Sarah Hollins declaring ...") makes that person the one "he" / "she" in the next
sentence is; a country that is one of a coordinated list ("losing orders to South Korea, Hong Kong and
Singapore") is not the one "the government" stands for; a capital city that pays, cuts or borrows is its
country ("Jakarta will pay its creditors ..."); a holding known by its holder's nationality ("the 15 pct Saudi
stake in Acme") is that country's. Invented cases.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

PEOPLE = (
    "Ann Lee earned up to £85,000 from speeches last year. Her time out of office has lost her a £71,433 salary. "
    "Mr Morton's work outside Parliament included two one-man tours. He also earned up to £95,000 for a weekly "
    "column. And Tom Reed was paid between £45,001 and £50,000 for a paperback. The register also shows former "
    "minister Sarah Hollins declaring a £100,000 advance for her novels. She also received up to £30,000 for "
    "acting as an agony aunt."
)
GOVERNMENT = (
    "TAIPEI, March 3 - Taiwan textile makers asked the central bank to stop the rise of the Taiwan dollar, saying they "
    "were losing orders to South Korea, Hong Kong and Singapore. The government will spend 40 mln dlrs on "
    "research for the industry, the central bank said."
)
CAPITAL = (
    "JAKARTA, April 3 - Indonesia's debt accord with commercial banks was approved, officials said. Jakarta will "
    "pay its commercial creditors 90 mln dlrs over 1987-1989."
)
STAKE = (
    "ROME, March 25 - Acme Spa said it had no plans to issue bonds linked to shares still held by banks after "
    "the placement of the 15 pct Saudi stake in Acme last autumn."
)

# (text, published, the amount, its subjects)
CASES = [
    pytest.param(PEOPLE, None, 95000.0, ["Morton"], id="he_is_the_possessor_of_the_last_subject"),
    pytest.param(PEOPLE, None, 30000.0, ["Sarah Hollins"], id="she_is_the_subject_of_the_reported_clause"),
    pytest.param(PEOPLE, None, 85000.0, ["Ann Lee"], id="a_named_subject_stays"),
    pytest.param(GOVERNMENT, "1987-03-03", 40e6, ["Taiwanese government"], id="a_listed_country_governs_nothing"),
    pytest.param(CAPITAL, "1987-04-03", 90e6, ["Indonesia"], id="a_capital_that_pays_is_its_country"),
    pytest.param(STAKE, "1987-03-25", 15.0, ["Saudi Arabia"], id="a_stake_known_by_nationality_is_the_countrys"),
]


@pytest.mark.parametrize(("text", "published", "value", "subjects"), CASES)
def test_subject(nlp, text, published, value, subjects):
    assert subjects_of(facts_of(nlp, text, published=published), value) == subjects

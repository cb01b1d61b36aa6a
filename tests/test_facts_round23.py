"""Facts, issue 11 twenty-third round: read off the dev tuning halves and blind batch 68 (after its first look);
each a table of invented cases (one row per case, its id naming the rule). No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors.facts.currencies import story_currency


# "the exchange rate should be around 40 cents": in a story about one country's currency, the currency's rate,
# value and level are the currency's, named as the story names it, not the country's or the speaker's.
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "CANBERRA, May 4 - A senator said the Australian dollar is too strong. He said the "
            "exchange rate should be nearer 60 U.S. cents. The Australian dollar closed at 71 U.S. cents.",
            0.60,
            ["Australian dollar"],
            id="exchange_rate_is_the_story_currency",
        ),
        pytest.param(
            "A senator wants a weaker Swiss franc. A fair value for the Swiss franc would be 8 pct lower, he said.",
            8.0,
            ["Swiss franc"],
            id="value_for_a_currency",
        ),
        pytest.param(
            "The Thai baht fell 0.5% against the dollar, before recovering slightly to trade at 41.20.",
            41.2,
            ["Thai baht"],
            id="subject_through_before_clause",
        ),
    ],
)
def test_story_currency(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


@pytest.mark.parametrize(
    "text, currency",
    [
        pytest.param("The Thai baht fell. Later the Thai baht rose again.", "Thai baht", id="named_twice"),
        pytest.param("The N.Z.\nDollar fell. The New Zealand dollar is weak.", "N.Z. Dollar", id="first_form_of_a_tie"),
        pytest.param("The Thai baht fell. Later the baht rose again.", None, id="named_with_its_country_once"),
        pytest.param(
            "The Swiss franc rose and the Swiss franc held. The Thai baht fell and the Thai baht slid.",
            None,
            id="two_currencies_as_often",
        ),
        pytest.param(
            "Profits were 3 mln Swiss francs, against 2 mln Swiss francs.", None, id="amounts_are_no_mentions"
        ),
    ],
)
def test_story_currency_of_a_text(nlp, text, currency):
    found = story_currency(nlp(text))
    assert (found.canonical_name if found is not None else None) == currency


# "The institute saw a decline of two pct in this sector": a public body that sees or expects a change forecasts it;
# the figure is the economy's. "Gold output in the northeast China province of Heilongjiang rose": the province's.
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Steel output in the northern India province of Zarkhand rose 12.5 pct in 1986, the agency said.",
            12.5,
            ["Zarkhand"],
            id="province_of_a_country",
        ),
        pytest.param(
            "Steel output in Zarkhand province of India rose 12.5 pct in 1986, the agency said.",
            12.5,
            ["Zarkhand province"],
            id="named_province_noun",
        ),
    ],
)
def test_forecasting_bodies_and_provinces(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


@pytest.mark.parametrize(
    "text, name, forecasts",
    [
        pytest.param("It saw a decline of three pct in the steel sector.", "Weser economic institute", True, id="sees"),
        pytest.param("It expects a rise of 2 pct in steel output.", "Weser economic institute", True, id="expects"),
        pytest.param("It saw a decline of three pct in the steel sector.", "Weser Steel Corp", False, id="a_company"),
        pytest.param(
            "It saw a budget of 3 mln marks for its staff.", "Weser economic institute", False, id="own_budget"
        ),
    ],
)
def test_public_body_seeing_a_change_forecasts(nlp, text, name, forecasts):
    from pipeline.extractors.facts.subjects import _forecaster
    from pipeline.records import EntityMention

    doc = nlp(text)
    assert _forecaster(doc[0], EntityMention(0, 2, "It", "ORG", name, "ORG:" + name.casefold()), None) is forecasts


# "U.S." and "United States" are one country, named as fully as the article names it; a company the model tags
# a nationality after tagging it a company once is the company.
@pytest.mark.parametrize(
    "text, name, canonical, label",
    [
        pytest.param(
            "The U.S. economy grew. The United States said exports rose.", "U.S.", "United States", "GPE", id="dotted"
        ),
        pytest.param("The U.K. said so. The United Kingdom agreed.", "U.K.", "United Kingdom", "GPE", id="dotted_uk"),
        pytest.param("The U.S. economy grew 3 pct.", "U.S.", "U.S.", "GPE", id="short_form_alone"),
        pytest.param(
            "Vanto U.S. Securities said the U.S. market grew. The United States agreed.",
            "U.S.",
            "United States",
            "GPE",
            id="not_a_name_that_writes_it",
        ),
    ],
)
def test_country_aliases_and_company_labels(nlp, text, name, canonical, label):
    from pipeline.extractors import entities as E

    found = [m for m in E.canonicalize(E.find_entities(nlp(text))) if m.text == name]
    assert found and {(m.canonical_name, m.label) for m in found} == {(canonical, label)}


@pytest.mark.parametrize(
    "name, labels, label",
    [
        pytest.param("Quorvex", ["ORG", "NORP", "NORP"], "ORG", id="company_tagged_a_nationality_after"),
        pytest.param("Russian", ["ORG", "NORP", "NORP"], "NORP", id="nationality_stays"),
        pytest.param("Democrats", ["ORG", "NORP", "NORP"], "NORP", id="group_stays"),
        pytest.param("Quorvex", ["NORP", "NORP"], "NORP", id="never_a_company"),
    ],
)
def test_company_tagged_a_nationality(name, labels, label):
    from pipeline.extractors.entities.find import _label_of
    from pipeline.records import EntityMention

    assert _label_of([EntityMention(0, len(name), name, lab, name, "") for lab in labels]) == label

"""The dateline's country from the GeoNames gazetteer (facts/gazetteer.py) and its use as the owner of
a story's unowned figures when the story names no country itself."""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors.facts.gazetteer import country_name, country_of_place, dateline_place


@pytest.mark.parametrize(
    ("place", "code"),
    [
        ("WASHINGTON", "US"),  # the capital, not Washington in England
        ("Wellington", "NZ"),
        ("LONDON", "GB"),  # the most populous London
        ("NEW YORK", "US"),  # an alternate name of New York City
        ("Bombay", "IN"),
        ("BRUSSELS", "BE"),
        ("Gizmondo", None),
        ("", None),
    ],
)
def test_country_of_place(place, code):
    assert country_of_place(place) == code


@pytest.mark.parametrize(
    ("code", "text", "name"),
    [
        ("US", "The U.S. Agriculture Department said", "U.S."),
        ("US", "Officials said on Tuesday", "United States"),
        ("GB", "Britain's trade gap", "Britain"),
        ("NZ", "Officials said", "New Zealand"),
    ],
)
def test_country_name_as_the_article_writes_it(code, text, name):
    assert country_name(code, text) == name


@pytest.mark.parametrize(
    ("text", "place"),
    [("WASHINGTON, March 9 - The", "WASHINGTON"), ("NEW YORK, March 5 - A", "NEW YORK"), ("Hello world", None)],
)
def test_dateline_place(text, place):
    assert dateline_place(text, (0, len(text))) == place


DATELINE = [
    pytest.param(
        "POTATO CROP ESTIMATES\n\nWASHINGTON, March 9 - The U.S. Agriculture Department estimated winter potato "
        "production at 2,788,000 cwts, vs 2,991,000 cwts last year.\n    The department estimated winter potato "
        "area for harvest at 11,900 acres, vs 12,300 acres in 1986.",
        12300.0,
        ["U.S."],
        id="crop_estimate_filed_in_washington",
    ),
    pytest.param(
        "ACME SALES RISE\n\nNEW YORK, March 9 - Acme Inc said its sales rose to 30 mln dlrs from 25 mln dlrs.\n"
        "    Acme said sales would rise again this year.",
        30e6,
        ["Acme"],
        id="a_company_story_keeps_its_company",
    ),
]


@pytest.mark.parametrize(("text", "value", "subjects"), DATELINE)
def test_the_dateline_country_owns_a_storys_unowned_figures(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="1987-03-09"), value) == subjects

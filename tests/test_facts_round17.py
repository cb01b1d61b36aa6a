"""Facts, issue 11 seventeenth round: read off blind batches 53-57 after their first looks (and the
tuning halves); each a table of invented cases (one row per case, its id naming the rule).

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

US_STORY = (
    "US growth slows\n\nThe US economy grew 3.1% last year, the Commerce Department said. US inflation rose to 2.5%. "
)

# An economic figure with no owner named is the economy its clause names before the story's country: the world
# ("global", "world" on the figure), or the one country or region of the clause; a trading partner or a place
# inside a name is not the owner, and "the world's biggest economy" describes a country.
MACRO_PLACES = [
    pytest.param(US_STORY + "In Japan, inflation was 0.5%.", 0.5, ["Japan"], id="fronted_country"),
    pytest.param(
        US_STORY + "Analysts forecast growth of 2.2% across the European Union.",
        2.2,
        ["European Union"],
        id="across_region",
    ),
    pytest.param(
        US_STORY + "The UK economy is expected to slow, with growth falling to 1.5%.",
        1.5,
        ["UK"],
        id="economy_of_clause",
    ),
    pytest.param(US_STORY + "Global economic growth slowed to 4.25%.", 4.25, ["world"], id="global"),
    pytest.param(US_STORY + "Traders expect a world sugar surplus of 90,000 tonnes.", 90000.0, ["world"], id="world"),
    pytest.param(US_STORY + "Exports to China rose 5.5%.", 5.5, ["US"], id="trading_partner"),
    pytest.param(US_STORY + "Inflation fell to 2.1% this year.", 2.1, ["US"], id="no_place_named"),
    pytest.param(
        US_STORY + "Germany and France agreed that growth of 1.7% was too slow.", 1.7, ["US"], id="two_places"
    ),
    # "Euro zone" written with a capital is the region too, and "the 12 euro zone countries" counts countries
    pytest.param(US_STORY + "Output across the Euro zone fell 0.3%.", 0.3, ["Euro zone"], id="euro_zone"),
    pytest.param(US_STORY + "The 12 Euro zone countries grew 1.2%.", 12.0, ["Euro zone"], id="euro_zone_countries"),
]


@pytest.mark.parametrize("text, value, subjects", MACRO_PLACES)
def test_an_economic_figure_is_the_economy_its_clause_names(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="2005-01-20"), value) == subjects

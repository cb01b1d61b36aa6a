"""Facts, issue 11 eleventh round: units as the facts guidelines write them, read off blind batches
23-38 after their first looks; each a table of invented cases (one row per case, its id naming the rule).

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of

# A physical measure keeps the symbol the article writes ("lbs" -> "lb"); a spelled-out unit gets
# its name; the quantities table keeps pint's names either way.
UNITS = [
    pytest.param("Dorvin Mills produced 421.5 mln lbs of flour in May.", 421.5e6, "lb", id="plural_symbol_lbs"),
    pytest.param("The Zentek chip runs at 4.2 GHz.", 4.2, "GHz", id="symbol_GHz"),
    pytest.param("Brightnet will offer an 8Mbps service.", 8.0, "Mbps", id="glued_symbol_Mbps"),
    pytest.param("Corvel built a 12 km pipeline.", 12.0, "km", id="symbol_km"),
    pytest.param("Corvel built a 12 kilometre pipeline.", 12.0, "kilometre", id="spelled_out_name"),
    pytest.param("Dorvin Mills shipped 34,000 tonnes of wheat.", 34000.0, "tonne", id="spelled_out_tonnes"),
    pytest.param("Corvel's field holds 2.1 billion cubic feet of gas.", 2.1e9, "cubic foot", id="spelled_out_power"),
]


@pytest.mark.parametrize(("text", "value", "unit"), UNITS)
def test_a_measure_keeps_its_written_symbol(nlp, text, value, unit):
    units = [f.unit for f in facts_of(nlp, text) if f.value is not None and abs(f.value - value) < 1e-6 * value]
    assert units == [unit], [(f.value, f.unit) for f in facts_of(nlp, text)]


# A bare number that is more of the things counted just before counts them too.
MORE = [
    pytest.param("Skyway ordered 40 planes and took options on 25 more.", 25.0, "plane", id="n_more"),
    pytest.param("Skyway will buy 40 planes this year and lease another 12 next year.", 12.0, "plane", id="another_n"),
    pytest.param(
        "Dorvin Mills owns 30 stores in Canada. The remaining 12 are in Mexico.", 12.0, "store", id="the_remaining_n"
    ),
    pytest.param("Skyway carried 40 passengers, and 12 more came by bus.", 12.0, "passenger", id="n_more_clause"),
    pytest.param("Skyway ordered 40 planes and bought 25 more engines.", 25.0, "engine", id="own_noun_wins"),
]


@pytest.mark.parametrize(("text", "value", "unit"), MORE)
def test_more_of_the_same_things(nlp, text, value, unit):
    units = [f.unit for f in facts_of(nlp, text) if f.value == value]
    assert units == [unit], [(f.value, f.unit) for f in facts_of(nlp, text)]

"""Entities: a wire headline names the company it is about. The words before a ticker ("ZORBEX'S <ZBX> SALES UP",
"CYBERTRON <CYTN> FORMING NEW DIVISION") are that company's name where the text writes them alone in mixed case
(with a legal form after them), not where they open a longer name ("Zorbex Menswear"); a generic first word
("STANDARD ZENTRUST SEES BETTER YEAR") names the company together with the headline's second word. Invented
wire-style cases, one row per case."""

from __future__ import annotations

import pytest

from pipeline.extractors import entities as E

# (headline, text, a company the text names, whether it is found as an ORG)
CASES = [
    pytest.param(
        "CYBERTRON <CYTN> FORMING NEW DIVISION",
        "LOS ANGELES, March 2 - Cybertron said it is forming a products division.",
        "Cybertron",
        True,
        id="one_word_name_before_a_ticker",
    ),
    pytest.param(
        "ZORBEX'S <ZBX> SALES UP FIVE PCT IN FEBRUARY",
        "WINTER HAVEN, Fla., March 2 - Zorbex's Inc said sales for\nthe four weeks rose five pct.",
        "Zorbex's Inc",
        True,
        id="possessive_looking_name_with_legal_form",
    ),
    pytest.param(
        "ZORBEX <ZBX> GETS 30.5 MLN DLR CONTRACT",
        "WASHINGTON, Feb 26 - Zorbex Menswear of New York City has received a contract.",
        "Zorbex",
        False,
        id="first_word_of_a_longer_name",
    ),
    pytest.param(
        "NATIONAL <NSI> SETS QUARTERLY DIVIDEND",
        "NEW YORK, March 2 - National output rose 5 pct in February.",
        "National",
        False,
        id="generic_word_before_a_ticker",
    ),
    pytest.param(
        "STANDARD ZENTRUST SEES BETTER YEAR",
        "Toronto, Feb 26 - Standard Zentrust said it expects earnings\nto increase at least 15 pct.",
        "Standard Zentrust",
        True,
        id="generic_first_word_with_the_second",
    ),
]


@pytest.mark.parametrize(("title", "text", "name", "found"), CASES)
def test_headline_company(nlp, title, text, name, found):
    ents = E.find_entities(nlp(text), nlp(title))
    assert ((name, "ORG") in [(e.text, e.label) for e in ents]) is found

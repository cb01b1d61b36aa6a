"""Facts, issue 11 thirty-third round: a wire headline in capitals names the company its story is about,
and a company's name stops before a person's role. Tables of invented cases (one row per case, its id
naming the rule); no sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors import entities as E

_ISSUE = (
    "HAMBURG, March 4 - Nordwestliche Kreditanstalt Girozentrale is issuing a 150 mln Australian dlr eurobond due "
    "1992 paying 14-1/2 pct and priced at 101-1/2, lead manager Deutsche Bank AG said."
)
_ISSUER = "Nordwestliche Kreditanstalt Girozentrale"
_CAPITALS = "NORDWESTLICHE K/A ISSUES AUSTRALIAN DLR BOND"

# (text, headline, the amount, its subjects)
CASES = [
    # the issuer the model left untagged is the headline's first word: it owns its issue, not the lead manager
    pytest.param(_ISSUE, _CAPITALS, 1.5e8, [_ISSUER], id="headline_issuer_amount"),
    pytest.param(_ISSUE, _CAPITALS, 14.5, [_ISSUER], id="headline_issuer_coupon"),
    pytest.param(_ISSUE, _CAPITALS, 101.5, [_ISSUER], id="headline_issuer_price"),
    # a role after a company's legal form is the person's, not part of the name
    pytest.param(
        "HOUSTON, March 4 - Westbrook Drilling Co Chairman Alan Pryce said the company expects 1987 revenues of "
        "about 300 mln dlrs.",
        "WESTBROOK DRILLING SEES HIGHER REVENUES",
        3e8,
        ["Westbrook Drilling"],
        id="name_stops_before_chairman",
    ),
]


@pytest.mark.parametrize(("text", "title", "value", "subjects"), CASES)
def test_subjects(nlp, text, title, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="1987-03-04", title=title), value) == subjects


def _orgs(nlp, text: str, title: str, *, untagged: bool = False, lead_label: str | None = None) -> list[str]:
    """The ORG names ``find_entities`` gives ``text`` under the headline ``title``; ``untagged``: with the
    model's entities of the body taken away; ``lead_label``: the headline's first word tagged so."""
    doc, headline = nlp(text), nlp(title)
    if untagged:
        doc.ents = []
    if lead_label is not None:
        headline.ents = [headline.char_span(0, len(headline[0].text), label=lead_label)] if lead_label else []
    return [m.text for m in E.find_entities(doc, headline) if m.label == "ORG"]


_SUGAR = "NEW DELHI, March 2 - Output rose to 3.66 mln tonnes from 3.46 mln, the Indian Sugar Mills Association said."

# (text, headline, model tags taken away, headline's first word's label, a name found, the name)
NAME_CASES = [
    pytest.param(_ISSUE, _CAPITALS, False, None, True, _ISSUER, id="capitals_headline"),
    pytest.param(_ISSUE, "Nordwestliche K/A issues Australian dlr bond", False, None, False, _ISSUER, id="mixed_case"),
    pytest.param(
        _ISSUE.replace("Girozentrale is", "Girozentrale Chairman Max Rolf said it is"),
        _CAPITALS,
        False,
        None,
        True,
        _ISSUER,
        id="cut_before_role",
    ),
    # a nationality or a place the model tags in the headline is no company's first word
    pytest.param(_SUGAR, "INDIAN SUGAR OUTPUT RISES", True, "ORG", True, "Indian Sugar Mills Association", id="org"),
    pytest.param(_SUGAR, "INDIAN SUGAR OUTPUT RISES", True, "NORP", False, "Indian Sugar Mills Association", id="norp"),
    pytest.param(_SUGAR, "INDIAN SUGAR OUTPUT RISES", True, "GPE", False, "Indian Sugar Mills Association", id="gpe"),
    # a name that goes on past a hyphen is not cut there
    pytest.param(
        "NEW YORK, March 4 - The Harbour All-Weather Income Fund said it declared a dividend of eight cts a share.",
        "HARBOUR ALL-WEATHER <HAW> SETS PAYOUT",
        True,
        "",
        False,
        "Harbour All",
        id="hyphenated_name",
    ),
]


@pytest.mark.parametrize(("text", "title", "untagged", "lead", "found", "name"), NAME_CASES)
def test_headline_names(nlp, text, title, untagged, lead, found, name):
    assert (name in _orgs(nlp, text, title, untagged=untagged, lead_label=lead)) is found

"""Facts, issue 11 forty-third round: whose figure a clause's possessive, an attribution and a described
organisation make it. "Their" / "its" after a clause's own noun subject stand for that subject ("The G8 agreed to
spend 0.7% of their incomes"), not for someone named before; the names inside an "according to ..." phrase (the
speaker, the speaker's employer and town) are the figure's source, not what it is about; a name right after
"regulator", "watchdog" or "charity" is an organisation, so "It" opening the next sentence is that body (the one
organisation the sentence before names, in a story without a dateline and no company of its own yet). Invented
cases.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors.entities.find import find_entities

POSSESSIVES = [
    pytest.param(
        "Acme Aid said poverty is rising. In 1970 the G8 of rich nations agreed to spend 0.7% of their incomes on aid.",
        0.7,
        ["G8"],
        id="their_after_a_collective_subject",
    ),
    pytest.param(
        "Daewoo Motor said sales rose. The company said U.S. imports will account for about 35 pct of its total "
        "planned imports.",
        35.0,
        ["Daewoo Motor"],
        id="its_after_a_plural_subject_is_still_the_companys",
    ),
    pytest.param(
        "Siemens said its profits rose. Siemens agreed to sell 20% of its shares in Acme.",
        20.0,
        ["Siemens"],
        id="its_after_a_named_subject",
    ),
    # after a common noun subject "its" is resolved as before: the company the sentence names
    pytest.param(
        "Acme Corp had a strong year. Acme Corp raised prices twice. Acme Corp also hired staff. Its rival Beta Inc "
        "had a weak year. Beta Inc said software made up 30% of its revenue.",
        30.0,
        ["Beta"],
        id="its_after_a_common_noun",
    ),
]


SOURCES = [
    pytest.param(
        "Microsoft showed its new console in San Francisco last week. Microsoft said the console would sell well. "
        "According to Tom Walsh, head of Leeds-based developer Krome Studios, next generation games will cost between "
        "$10m and $25m to make.",
        10e6,
        ["next generation games"],
        id="according_to_names_the_source",
    ),
    # the story's own company stays the owner of what its statement says, and so in a wire story
    pytest.param(
        "Acme Corp said profits rose. Staff will get a 5% pay rise, according to Acme Corp boss Jim Lee.",
        5.0,
        ["Acme"],
        id="according_to_the_storys_company",
    ),
    pytest.param(
        "NEW YORK, March 3 - Acme Corp said it would pay out. Shareholders will receive 2 dlrs a share, according "
        "to a statement from Acme Corp.",
        2.0,
        ["Acme"],
        id="according_to_in_a_wire_story",
    ),
    # another amount is no noun phrase that owns a figure
    pytest.param(
        "WELLINGTON, March 31 - The new state-owned Acme Bank Ltd (ACB) will receive 135 mln dlrs from the "
        "government to boost its assets and will be capitalised at 300 mln dlrs of which 250 mln will be provided "
        "immediately, according to the agreement establishing the ACB.",
        300e6,
        ["Acme Bank"],
        id="an_amount_is_no_phrase",
    ),
    # a counted noun phrase still owns what its clause gives it
    pytest.param(
        "The FAO said subsidies hurt farmers. In fact, almost 30 wealthy nations spend more than $300bn in "
        "agricultural subsidies.",
        300e9,
        ["wealthy nations"],
        id="a_counted_phrase_owns",
    ),
]


BODIES = [
    pytest.param(
        "Phone firms are not doing enough to warn customers about scams, according to premium phone line regulator "
        "Icstis.\n\nIt has received 45,000 complaints in recent months.",
        45000.0,
        ["Icstis"],
        id="it_after_a_regulator",
    ),
    # the only organisation the sentence before names, though the story's company (BT) is named later
    pytest.param(
        "Phone firms are not doing enough to warn customers about scams, according to premium phone line regulator "
        "Icstis.\n\nIt has received 45,000 complaints in recent months. Later, readers wrote in.\n\nI called BT. "
        "BT said it was looking at the matter. BT will write to users.",
        45000.0,
        ["Icstis"],
        id="it_after_the_only_organisation_before",
    ),
    # not a name beside another thing "it" may be
    pytest.param(
        "Researchers at Oxford University tested the new drug. It cut deaths by 20% in trials.",
        20.0,
        [""],
        id="it_is_not_a_name_beside_a_thing",
    ),
]


# (text, the amount, its subjects)
@pytest.mark.parametrize(("text", "value", "subjects"), POSSESSIVES + SOURCES + BODIES)
def test_subject(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# "Welsh councils are given 6% more": a group that acts, known by its nationality, named as the text names it (under
# its country's key); the country itself still owns its macro figures
GROUPS = [
    pytest.param(
        "Council tax in Wales will rise. Welsh councils are being given an average funding increase of 6%.",
        6.0,
        ["Welsh councils"],
        id="a_group_named_by_nationality",
    ),
    pytest.param(
        "TOKYO, March 3 - Japanese unemployment rose to 3.0 pct in January from 2.9 pct in December.",
        3.0,
        ["Japan"],
        id="a_macro_figure_stays_the_countrys",
    ),
    # a figure or a thing known by nationality is no group that acts: the country's, as before
    pytest.param(
        "TOKYO, March 3 - Japanese orders for machine tools rose 10 pct in February.",
        10.0,
        ["Japan"],
        id="orders_are_no_group",
    ),
    pytest.param(
        "TOKYO, March 3 - Japanese feed mills are expected to buy 214,000 tonnes of Chinese maize.",
        214000.0,
        ["Japan"],
        id="a_group_that_is_to_trade",
    ),
    pytest.param(
        "TOKYO, March 3 - Japanese purchases of Chinese soybeans totalled 240,000 tonnes, trade sources said.",
        240000.0,
        ["Japan"],
        id="purchases_are_no_group",
    ),
]


@pytest.mark.parametrize(("text", "value", "subjects"), GROUPS)
def test_groups_named_by_nationality(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="1987-03-03"), value) == subjects


# "regulator", "watchdog", "charity", "agency" make a public body of a name the model left untagged or called a
# place or a thing, never of a person's name, nor after a title
@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        pytest.param("Customers complained to premium phone line regulator Icstis.", "Icstis", "ORG", id="regulator"),
        pytest.param(
            "Youcef Yousfi, director-general of Sonatrach, the Algerian state petroleum agency, spoke.",
            "Sonatrach",
            "ORG",
            id="described_as_agency",
        ),
        pytest.param("City regulator Sir Howard Davies said fees would rise.", "Howard Davies", "PERSON", id="titled"),
        pytest.param("A spokesman told the agency John Smith had resigned.", "John Smith", "PERSON", id="a_person"),
    ],
)
def test_body_appositives(nlp, text, name, label):
    found = {(m.text, m.label) for m in find_entities(nlp(text))}
    assert (name, label) in found

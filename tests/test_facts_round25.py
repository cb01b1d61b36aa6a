"""Facts, issue 11 twenty-fifth round: read off the dev tuning halves and blind batch 71 (after its first look);
each a table of invented cases (one row per case, its id naming the rule). No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import doc_with_entity, facts_of, subjects_of

from pipeline.extractors import entities as E
from pipeline.records import EntityMention


# A short name followed by ", <role> of/at/with ..." is a person's, whatever the model called it (here the model's
# label is set to ORG, as the small model does for "Gene\nCartledge, chairman ..." in wire copy); a company's
# apposition ("the chief supplier of") is not a role, nor is a name with a legal form.
@pytest.mark.parametrize(
    "text, name, label",
    [
        pytest.param(
            "Demand is strong, said Gene Halloran, chairman and chief executive officer of Dorvan Corp.",
            "Gene Halloran",
            "PERSON",
            id="role_apposition",
        ),
        pytest.param(
            "Prices will rise, said Tove Brannick, an analyst with Kelmont Securities.",
            "Tove Brannick",
            "PERSON",
            id="indefinite_role",
        ),
        pytest.param(
            "Dorvan, the chief supplier of steel to carmakers, raised prices.",
            "Dorvan",
            "ORG",
            id="company_apposition_stays",
        ),
        pytest.param("Halloran Inc, chairman of nothing, raised prices.", "Halloran Inc", "ORG", id="legal_form_stays"),
    ],
)
def test_person_by_role_apposition(nlp, text, name, label):
    doc = doc_with_entity(nlp, text, name, "ORG")
    found = {(m.text, m.label) for m in E.canonicalize(E.find_entities(doc)) if m.text == name}
    assert found == {(name, label)}


def _mention(text: str, label: str, at: int) -> EntityMention:
    return EntityMention(at, at + len(text), text, label, text, f"{label}:{text.lower()}")


# "Lord Marlowe" is a title and a surname, a short form like "Marlowe" of the one full name "Jim Marlowe"; two
# full names sharing the surname keep the short forms apart.
@pytest.mark.parametrize(
    "mentions, expected",
    [
        pytest.param(
            [("Lord Marlowe", "PERSON"), ("Jim Marlowe", "PERSON"), ("Marlowe", "ORG"), ("Marlowe", "ORG")],
            {"Jim Marlowe": "PERSON"},
            id="title_and_surname_join_full_name",
        ),
        pytest.param(
            [("Lord Marlowe", "PERSON"), ("Jim Marlowe", "PERSON"), ("Anne Marlowe", "PERSON")],
            {"Lord Marlowe": "PERSON", "Jim Marlowe": "PERSON", "Anne Marlowe": "PERSON"},
            id="two_full_names_no_merge",
        ),
    ],
)
def test_titled_short_forms(mentions, expected):
    found = E.canonicalize([_mention(t, label, 20 * i) for i, (t, label) in enumerate(mentions)])
    assert {m.canonical_name: m.label for m in found} == expected


# An obituary: "He" after a sentence about the headline's person stays that person, not someone quoted before
# ("Lord Marlowe", "Jim Marlowe" and "Marlowe" are one person, so the sentence's subject is a PERSON).
def test_he_after_titled_person(nlp):
    text = (
        "Lord Marlowe dies aged 92\n\n"
        "Lord Marlowe was prime minister from 1976. Public service brought Jim Marlowe into Parliament. "
        'Party leader Anne Kesby said: "He was a giant." '
        "Born in 1912, Marlowe became a clerk. He enlisted in the navy in 1942."
    )
    enlisted = [f for f in facts_of(nlp, text) if f.time_value == "1942"]
    assert [f.subject for f in enlisted] == ["Jim Marlowe"]


# Subjects read off blind batches 71 and 73 and the dev tuning halves: (text, the amount, its subjects), one case
# a row, its id naming the rule.
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        # "X and its two partners said ...": "its" in the second conjunct is the first one's
        pytest.param(
            "Southfield Asset Management Inc and its two controlling shareholders said they sold their entire "
            "5.6 pct stake in Dorvan International Inc.",
            2.0,
            ["Southfield Asset Management"],
            id="its_in_the_second_conjunct",
        ),
        # an amount in a phrase fronted on the speaking verb is the speaker's own, not what is said
        pytest.param(
            "Former Dorvan finance chief Tove Brannick testified on Monday. Under 23 hours of questioning from a "
            "prosecutor, Ms Brannick has told the court that she warned the board.",
            23.0,
            ["Tove Brannick"],
            id="fronted_phrase_of_the_speaker",
        ),
        # a share of a group the text names ("mobile owners", "UK adults") is the group's, not the poll's
        pytest.param(
            "Nine in ten people have a mobile, according to a poll for mobile firm Kelmont. "
            "More than 50% of mobile owners reported they had had their phone stolen.",
            50.0,
            ["mobile owners"],
            id="named_group_not_the_poll",
        ),
        pytest.param(
            "Nine in ten people have a mobile, according to a poll for mobile firm Kelmont. "
            "About 80% of UK adults own at least one mobile, according to official figures.",
            80.0,
            ["UK adults"],
            id="named_group_with_a_place",
        ),
        # "The Liberal Democrats" tagged "Democrats": the party's full name; "his party" with no title given
        # is the party the story names most
        pytest.param(
            "The Liberal Democrats will present themselves as the real alternative, Charles Kennedy has said. "
            "Only the Liberal Democrats stood against the war, he said. Mr Kennedy also outlined his party's plan "
            "to impose a 50% income tax rate on earnings over £100,000 a year.",
            50.0,
            ["Liberal Democrats"],
            id="story_party",
        ),
        # "sent shares in X up 8.5p": the company whose shares the verb moved
        pytest.param(
            "A drug made by UK biotech firm Halloran Pharmaceuticals is set to be approved in Canada. "
            "Most cases are in Canada. The latest news sent shares in Halloran Pharma up 8.5p, or 8.1%, to 113.5p.",
            8.1,
            ["Halloran Pharmaceuticals"],
            id="shares_sent_up",
        ),
        # "cut X's stake from 70% to 49%": the level after "from A to" is A's subject's
        pytest.param(
            "Iran's parliament voted by a large majority to cut Kelmont's stake in a new mobile network "
            "from 70% to 49%.",
            49.0,
            ["Kelmont"],
            id="from_a_to_b",
        ),
        # a country's own name is a place, whatever label the model gave it ("Sri Lanka's stock market" tagged a
        # person), so the sentence's fronted "In Sri Lanka," frames the reported growth figure
        pytest.param(
            "Thailand's economy is expected to grow 5.7%. In Sri Lanka, some economists have said that as much as "
            "1% of annual growth may be lost. Sri Lanka's stock market has fallen about 5% since the weekend.",
            1.0,
            ["Sri Lanka"],
            id="country_named_as_a_person",
        ),
        # a global figure no one owns is the world's; "worldwide" does not take one from the clause's own subject
        pytest.param(
            "Kelmont makes phones. Kelmont said so. Globally, more than 167 million mobile phones were sold in the "
            "third quarter of 2004, according to analysts.",
            167e6,
            ["world"],
            id="global_figure_is_the_worlds",
        ),
        pytest.param(
            "The band formed in 1990. The band has sold about two million records worldwide.",
            2e6,
            ["band"],
            id="worldwide_after_a_subject",
        ),
        # "an airline with a 10-jet fleet" is the airline's
        pytest.param(
            "Palomino said Aeroperu, the government flagship airline with a 10-jet fleet, would issue stock.",
            10.0,
            ["Aeroperu"],
            id="fleet_of_the_apposed_airline",
        ),
        # "the 51-year-old premier" is the person the story is about
        pytest.param(
            "Tony Blair has become Labour's longest-serving prime minister. The 51-year-old premier marked the day.",
            51.0,
            ["Tony Blair"],
            id="age_of_a_role",
        ),
        # "it" opening a clause joined to one about a noun stands for that noun (its owner's name), not the last
        # market
        pytest.param(
            "The Hang Seng index fell 2%. Sri Lanka's stock market has fallen about 5% since the weekend, but it is "
            "still 40% higher than at the start of 2004.",
            40.0,
            ["Sri Lanka"],
            id="it_in_a_joined_clause",
        ),
        # a party the headline names keeps the story's figures ("Tories unveil quango blitz plans")
        pytest.param(
            "Tories unveil quango cuts\n\nThe Tories will publish the plans next week. The Tories say the plans are "
            "ready. Tory aides deny any delay. Plans to abolish 162 quangos have been costed.",
            162.0,
            ["Tories"],
            id="party_in_headline_keeps_main",
        ),
        # a threshold on "those earning more than $200,000" is the planner's, climbing from the pronoun to its verb
        pytest.param(
            "The Dow Jones index rose. Senator Kerry planned to increase taxes on those earning more than "
            "$200,000 a year.",
            200000.0,
            ["Kerry"],
            id="threshold_of_those_earning",
        ),
    ],
)
def test_subjects(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# A party the story is about, not in the headline, is not the owner of figures no rule attaches ("the 659
# constituencies" in a lobby group's quote).
def test_party_is_no_main_owner(nlp):
    text = (
        "Labour will publish its manifesto next week. Labour says the manifesto is ready. "
        "Labour aides deny any delay. The pensioners' charter will be sent to each of the candidates in the "
        "659 constituencies."
    )
    assert subjects_of(facts_of(nlp, text), 659.0) != ["Labour"]


# Capitalised words the model left untagged whose initials, in any order, spell an ORG acronym of the text are
# that organisation ("Instituto Brasileiro do Cafe" is "IBC").
def test_acronym_in_another_order(nlp):
    text = (
        "RIO DE JANEIRO, April 3 - The Brazilian Coffee Institute\ntoday registered 1.4 mln 60 kilo bags of "
        "green coffee for May\nshipment, an IBC statement said."
    )
    found = {(m.text, m.canonical_name) for m in E.canonicalize(E.find_entities(nlp(text)))}
    assert {
        ("Brazilian Coffee Institute", "Brazilian Coffee Institute"),
        ("IBC", "Brazilian Coffee Institute"),
    } <= found

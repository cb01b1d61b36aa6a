"""Facts, issue 11 fourteenth round: read off blind batch 48 (10 BBC and 10 Reuters articles,
annotated before the first run) after its first look; each a table of invented cases (one row per
case, its id naming the rule).

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

# A fine is the fined party's, whoever imposed it.
FINES = [
    pytest.param(
        "The exchange said it fined John Smith 5,000 dlrs and suspended him for ten days.",
        5000.0,
        "John Smith",
        id="fined_person_as_object",
    ),
    pytest.param(
        "The SEC fined Drexel Burnham Lambert Inc 650 mln dlrs.",
        650000000.0,
        "Drexel Burnham Lambert",
        id="fined_company_after_the_verb",
    ),
    pytest.param(
        "Acme Corp said the watchdog penalised it 3 mln dlrs.",
        3000000.0,
        "Acme",
        id="penalised_pronoun_object",
    ),
]


@pytest.mark.parametrize("text, value, subject", FINES)
def test_a_fine_is_the_fined_partys(nlp, text, value, subject):
    assert subjects_of(facts_of(nlp, text), value) == [subject]


# "hoped", "hopes", "hoping": the verb "hope" (spaCy's rule lemmatizer says "hop"), so the
# modality lists find it: an aim, not a report.
HOPES = [
    pytest.param("Acme Corp hopes to sell 400,000 cars next year.", 400000.0, id="hopes"),
    pytest.param("Acme Corp hoped to sell 400,000 cars this year.", 400000.0, id="hoped"),
]


@pytest.mark.parametrize("text, value", HOPES)
def test_hope_is_a_plan(nlp, text, value):
    assert [f.modality for f in facts_of(nlp, text, published="1987-03-02") if f.value == value] == ["plan"]


# A figure set against the sentence's previous one ("compared with", "vs", "against"), with no owner
# of its own, is the same subject's; one that names its owner ("for X") keeps it.
COMPARED = [
    pytest.param(
        "WASHINGTON, Feb 26 - Members of the National Grain Processors Association crushed 2,782,929 "
        "bushels in the week compared with 2,345,718 bushels in the previous week, the association said.",
        2345718.0,
        ["National Grain Processors Association"],
        id="compared_with_same_subject",
    ),
    pytest.param(
        "WASHINGTON, Feb 26 - Members of the National Grain Processors Association crushed 2,782,929 "
        "bushels in the week compared with 2,345,718 bushels in the previous week and 1,568,000 in the "
        "year-ago week, the association said.",
        1568000.0,
        ["National Grain Processors Association"],
        id="joined_to_a_compared_figure",
    ),
    pytest.param(
        "WASHINGTON, Feb 26 - Members of the National Grain Processors Association crushed 2,782,929\n"
        "bushels in the week compared with\n2,345,718 bushels in the previous week, the association said.",
        2345718.0,
        ["National Grain Processors Association"],
        id="compared_with_across_a_wire_line_break",
    ),
]


@pytest.mark.parametrize("text, value, subjects", COMPARED)
def test_compared_figure_is_the_same_subjects(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="1987-02-26"), value) == subjects


def test_compared_figure_with_its_own_owner_is_not_copied(nlp):
    text = "Ann Lee won the Westfield seat with 20,645 votes, compared to 14,738 for the Green candidate Bo Chan."
    assert "Ann Lee" not in subjects_of(facts_of(nlp, text), 14738.0)


# The Irish punt: a currency after a digit number ("24 billion punt"), the subject of its own moves.
PUNT = [
    pytest.param("DUBLIN, March 3 - The country's 24 billion punt foreign debt worries markets.", 24e9, "IEP", None),
    pytest.param("DUBLIN, March 3 - The punt was devalued by eight pct last August.", 8.0, "percent", "punt"),
]


@pytest.mark.parametrize("text, value, unit, subject", PUNT)
def test_irish_punt(nlp, text, value, unit, subject):
    facts = [f for f in facts_of(nlp, text, published="1987-03-03") if f.value == value]
    assert [f.unit for f in facts] == [unit]
    if subject is not None:
        assert [f.subject for f in facts] == [subject]


# "died aged 93", "at the age of (just) 28": the age of the clause's subject, a person; not "since
# the age of 22" (when something began). "aged 30 to 39" is one range of ages, not 39 of something.
AGES = [
    pytest.param("Neil Kinnock became an MP at the age of just 28.", 28.0, ["Neil Kinnock"], id="age_of_just"),
    pytest.param("Ann Lee was born in Leeds. She died aged 93.", 93.0, ["Ann Lee"], id="aged_pronoun"),
    pytest.param("Bo Chan, the actor, has died at the age of 87.", 87.0, ["Bo Chan"], id="age_of"),
    pytest.param("Bo Chan said he had made a living since the age of 22.", 22.0, [], id="since_the_age_of"),
    # read off blind batch 49: an age set off at a sentence's end, and "the <title>, 20," after the
    # one person named with that title
    pytest.param(
        "A court ruled that former agent Bo Chan, 41, fed information to Ann Marsh, 36. Ms Marsh then sold shares.",
        36.0,
        ["Ann Marsh"],
        id="age_at_the_sentence_end",
    ),
    pytest.param(
        "The Queen's son, Prince Andrew, caused a row this week. The prince, 20, apologised.",
        20.0,
        ["Prince Andrew"],
        id="the_title_after_a_titled_name",
    ),
    pytest.param(
        "Prince Edward and Prince Philip will attend. The Queen's son, Prince Andrew, caused a row this week. "
        "The prince, 20, apologised.",
        20.0,
        ["Prince Andrew"],
        id="the_title_after_the_last_titled_name",
    ),
]


@pytest.mark.parametrize("text, value, subjects", AGES)
def test_age_of_the_clauses_person(nlp, text, value, subjects):
    facts = [f for f in facts_of(nlp, text) if f.value == value]
    assert [f.subject for f in facts] == subjects
    assert all(f.unit == "year" and f.predicate == "age" for f in facts)


def test_aged_range_is_one_age_range(nlp):
    from pipeline.extractors.quantities.find import find_quantities

    found = [(q.text, q.value, q.value_max, q.kind) for q in find_quantities(nlp("Most victims were aged 30 to 39."))]
    assert found == [("30 to 39", 30.0, 39.0, "age")]


# What research by a named firm found ("Research by X revealed that 90% of machines ...") is that
# firm's figure, joint research one subject; not a public body's report of a country's figures.
RESEARCH = [
    pytest.param(
        "Acme is releasing new tools. Research by security firms Zeltex and Norvan revealed that 90% of home PCs "
        "carry spyware.",
        90.0,
        ["Zeltex and Norvan"],
        id="joint_research_by_firms",
    ),
    pytest.param(
        "Acme is releasing new tools. Research by Zeltex Corp showed that 45% of users never update their software.",
        45.0,
        ["Zeltex"],
        id="research_by_a_company",
    ),
]


@pytest.mark.parametrize("text, value, subjects", RESEARCH)
def test_research_by_a_firm_owns_its_finding(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# The clause's noun phrase, the last resort, looks through a relative pronoun to what it stands for
# ("Spam messages, which account for 60% of all e-mail").
def test_phrase_subject_through_which(nlp):
    text = "Spam messages, which account for 60% of all e-mail, are rising."
    assert subjects_of(facts_of(nlp, text), 60.0) == ["Spam messages"]


# A wire line break between two words is no word: the token before or after an amount is read over it
# (a list item "Oklahoma,\n55.9 pct", an age "Smith,\n63,", the money of "a 600 mln\nsurplus").
WIRE_BREAKS = [
    pytest.param(
        "DALLAS, March 3 - Shares of output were: Texas, 57.4 pct; Oklahoma,\n55.9 pct; Kansas, 40.2 pct.",
        55.9,
        "Oklahoma",
        None,
        id="list_item",
    ),
    pytest.param(
        "DALLAS, March 3 - The company named Mr John Smith,\n63, as its chairman.",
        63.0,
        "John Smith",
        "year",
        id="apposed_age",
    ),
    pytest.param(
        "LONDON, March 3 - Britain's current account showed a 500 mln stg deficit in February. Invisibles were "
        "put provisionally at a 600 mln\nsurplus, the same as in January.",
        600e6,
        "Britain",
        "GBP",
        id="money_noun_after_the_break",
    ),
]


@pytest.mark.parametrize("text, value, subject, unit", WIRE_BREAKS)
def test_words_read_over_wire_line_breaks(nlp, text, value, subject, unit):
    facts = [f for f in facts_of(nlp, text, published="1987-03-03") if f.value == value]
    assert [f.subject for f in facts] == [subject]
    if unit is not None:
        assert [f.unit for f in facts] == [unit]

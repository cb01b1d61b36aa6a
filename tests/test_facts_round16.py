"""Facts, issue 11 sixteenth round: read off blind batch 53 (10 BBC and 10 Reuters articles,
annotated before the first run) and a second blind news-quantities batch after their first looks;
each a table of invented cases (one row per case, its id naming the rule).

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

# A unit or scale letter on a number at a sentence's end ends the sentence ("£50m. Chief ..."): spaCy's
# abbreviation cases "m.", "g.", "t." glued them into one token, so two sentences were one clause.
UNIT_STOPS = [
    pytest.param(
        "The plan cost the council £50m. Chief executive Jane Moss was paid a bonus of £40,000.", "m", id="scale_m"
    ),
    pytest.param("The new phone weighs 95g. Sales of the phone reached 2,000 units.", "g", id="gram"),
    pytest.param("The ship carries 400t. Its owner made a profit of $3m last year.", "t", id="tonne"),
]


@pytest.mark.parametrize("text, letter", UNIT_STOPS)
def test_a_unit_letter_before_a_full_stop_ends_the_sentence(nlp, text, letter):
    doc = nlp(text)
    assert len(list(doc.sents)) == 2
    assert any(t.text == letter for t in doc)


@pytest.mark.parametrize("text", ["Talks start at 7 a.m. on Monday.", "Some rivals, e.g. Acme, cut prices."])
def test_other_abbreviations_keep_their_full_stop(nlp, text):
    assert any(t.text in ("a.m.", "e.g.") for t in nlp(text))


def test_the_second_sentence_after_a_scale_keeps_its_own_subject(nlp):
    facts = facts_of(
        nlp,
        "The scheme attracted 900 students at a cost of £50m. Chief executive Jane Moss was paid a bonus of £40,000.",
    )
    assert subjects_of(facts, 40000.0) == ["Jane Moss"]
    assert subjects_of(facts, 50e6) != ["Jane Moss"]


FRENCH_STORY = (
    "Fund 'cuts' French growth estimate\n\nThe fund is to cut its 2006 growth forecast for the French economy from "
    "1.9% to 0.9%, a newspaper reported.\n\nThe fund will also reduce its estimate for the 12-member eurozone economy "
    "from 2.3% to 1.5%. The French economy has been faltering, with joblessness rising to a ten-year high of 3.1 "
    "million. Its sluggish performance continues to hamper the entire eurozone.\n\nThe report would point to a marked "
    "deterioration in France's economy. The fund has also revised eurozone forecasts. \"The eurozone does not look "
    'like it has a recovery," an economist said.'
)
JAPAN_STORY = (
    "JAPAN BUYS MORE CHINESE MAIZE\n\nTOKYO, March 30 - Japanese feed mills have bought some 214,000 tonnes of "
    "Chinese maize, trade sources said. Chinese maize was cheaper than U.S. Maize. The mills will buy 150,000 tonnes "
    "of U.S. Maize for May."
)
KTL_STORY = (
    "KTL plans post-takeover job cuts\n\nUS phone company KTL Communications said it expects to cut around 9,800 "
    "jobs following its $12bn takeover of Norcom.\n\nKTL said 4,125 positions would go. Another 1,300 will go from "
    "its sales department. Norcom employs 41,000 people. The takeover was announced on Monday. It marks the end of "
    "Norcom, which was founded in 1885. Norcom is a long-distance firm. The takeover is subject to approval by "
    "Norcom's shareholders."
)

# Whose each figure is: (text, publication date, value, the subjects of the facts with that value).
OWNERS = [
    # a word right after a number is the amount's unit, never the name of the product "the service" or "the
    # device" stands for, whatever tag the model gave it ("a 512 kilobit service")
    pytest.param(
        "Netlink Ltd has launched a fast broadband service. A family of four today shares a 512 kilobit service. "
        "The service comes with a steep £29.99 monthly price tag.",
        None,
        29.99,
        ["Netlink"],
        id="kilobit_service",
    ),
    pytest.param(
        "Camco Inc has launched a new player. Most rivals sell a 20 gigabyte device. The device costs $199.",
        None,
        199.0,
        ["Camco"],
        id="gigabyte_device",
    ),
    # a bare number counts the last noun of the phrase it opens, over names and noun modifiers ("its five
    # Sydney head office buildings" are the company's, not Sydney's); a hyphened "three-part" stays on its noun
    pytest.param(
        "Boral Ltd said it would sell its five\nSydney head office buildings.",
        None,
        5.0,
        ["Boral"],
        id="office_buildings",
    ),
    pytest.param(
        "Japan has failed to carry out two parts of a three-part\ntrade agreement, the minister said.",
        None,
        3.0,
        ["trade agreement"],
        id="hyphened_stays",
    ),
    # the story country: the one the headline and the demonyms are about, not the region named most often as
    # a place; of two named as often, the one the headline names first, in its own spelling
    pytest.param(FRENCH_STORY, "1987-03-30", 3.1e6, ["France"], id="headline_and_demonyms"),
    pytest.param(JAPAN_STORY, "1987-03-30", 214000.0, ["Japan"], id="headline_first"),
    # a group known only by its nationality that acts as a subject is its country's ("Korean refiners have
    # bought ..."), and so is the same group named again without it ("refiners bought ..."); items of a comma
    # list after the first ("..., 45,000 for May, 12,000 for June") keep the first figure's subject, a month
    # after "for" naming no owner of its own
    pytest.param(
        "Korean refiners have bought some 120,000 tonnes of Mexican crude for May shipment, trade sources said.",
        "1987-03-30",
        120000.0,
        ["South Korea"],
        id="demonym_group",
    ),
    pytest.param(
        "Korean refiners have bought some 120,000 tonnes of Mexican crude, trade sources said. They said refiners "
        "bought some 80,000 tonnes of U.S. Crude for April shipment.",
        "1987-03-30",
        80000.0,
        ["South Korea"],
        id="group_again",
    ),
    pytest.param(
        "The Korean purchases comprise 20,000 tonnes for April\nshipment, 45,000 for May, 12,000 for late May/early\n"
        "June, 31,000 for June, and 9,000 for July shipment, the sources said.",
        "1987-03-30",
        31000.0,
        ["South Korea"],
        id="list_items_for_months",
    ),
    # a market noun the amount itself measures is a level, not a currency or market of its own ("broke through
    # the $4 trillion mark"); the German mark that moves keeps its own move
    pytest.param(
        "US retail sales surged in December, the Commerce Department said. Sales for the year also broke "
        "through the $4 trillion mark for the first time.",
        "1987-03-06",
        4e12,
        ["US"],
        id="trillion_mark",
    ),
    pytest.param("The mark fell 2 pct against the dollar.", "1987-03-06", 2.0, ["mark"], id="currency_mark"),
    # money in a company's debt or securities is the issuer's, not the rating agency's that the verb names; a
    # percentage of its shares stays a stake, the holder's
    pytest.param(
        "Fitchley Ratings Inc said it downgraded 2.3 billion dlrs of long-term debt of Halvard Corp.",
        "1987-03-06",
        2.3e9,
        ["Halvard"],
        id="rated_debt",
    ),
    pytest.param(
        "After the offer, Halvard Corp will retain about 71 pct of the\n9 mln outstanding common shares of "
        "Brightwater Inc.",
        "1987-03-06",
        71.0,
        ["Halvard"],
        id="stake_stays_the_holders",
    ),
    # a headline may name the company by its acronym ("KTL plans ... cuts" for KTL Communications): that is the
    # story's company, even when its takeover target is named more often
    pytest.param(KTL_STORY, None, 1300.0, ["KTL Communications"], id="headline_acronym"),
]


@pytest.mark.parametrize("text, published, value, subjects", OWNERS)
def test_the_figure_is_its_owners(nlp, text, published, value, subjects):
    assert subjects_of(facts_of(nlp, text, published=published), value) == subjects


# a group that a number counts ("the three Korean partners": a count pointing back) or that "are" lists is
# no country's
@pytest.mark.parametrize(
    "text, value",
    [
        pytest.param(
            "Foreign banks felt the bank's name would improve if the three\nKorean partners collectively held a "
            "majority stake, he said.",
            3.0,
            id="count_pointing_back",
        ),
        pytest.param(
            "The Korean partners are Seoul Trust Co, whose share rose to 23.5 pct from 15, and Pusan Holdings Corp "
            "10 pct (10).",
            23.5,
            id="copula_list",
        ),
    ],
)
def test_a_national_group_that_points_back_or_lists_is_no_country(nlp, text, value):
    assert "South Korea" not in subjects_of(facts_of(nlp, text, published="1987-03-30"), value)

"""Facts, issue 11 twenty-fourth round: read off the dev tuning halves and blind batch 68 (after its first look);
each a table of invented cases (one row per case, its id naming the rule). No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of


# "Kelmont Group, the UK's third-biggest bank, ...": "the bank" later in the article is the company the
# apposition described, in whichever clause the description stood, and also as the object of "shares in".
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Kelmont Group, the UK's third-biggest bank, is to cut 300 jobs, the Financial Times reported. "
            "Shares in the bank fell 1%.",
            1.0,
            ["Kelmont"],
            id="described_inside_a_report",
        ),
        pytest.param(
            "Kelmont Group, the UK's third-biggest bank, said it would cut 300 jobs. "
            "Analysts at Dorvan Securities said the bank's shares could fall 1%.",
            1.0,
            ["Kelmont"],
            id="described_as_the_subject",
        ),
    ],
)
def test_company_described_by_an_apposition(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# Political parties: the forms an article uses ("Tory", "the Tories", "the Conservatives") are one ORG named by the
# fullest of them; a party opening a name the model tagged a person is the party; "the party" and "his party" are the
# party of the person the sentence is about, read from that person's title.
@pytest.mark.parametrize(
    "text, name, canonical, label",
    [
        pytest.param(
            "Tory co-chairman Liam Fox spoke. The Tories and the Conservatives are one party.",
            "Tory",
            "Conservatives",
            "ORG",
            id="fullest_form_used",
        ),
        pytest.param("The Tories said so. Tory plans were unveiled.", "Tory", "Tories", "ORG", id="short_forms_only"),
        pytest.param(
            "Lib Dem leader Charles Kennedy spoke. The Liberal Democrats agreed.",
            "Lib Dem",
            "Liberal Democrats",
            "ORG",
            id="lib_dems",
        ),
        pytest.param(
            "Labour Research Department said wages rose. Labour said so too.",
            "Labour Research Department",
            "Labour Research Department",
            "ORG",
            id="longer_name_kept",
        ),
    ],
)
def test_party_names(nlp, text, name, canonical, label):
    from pipeline.extractors import entities as E

    found = [m for m in E.canonicalize(E.find_entities(nlp(text))) if m.text == name]
    assert found and {(m.canonical_name, m.label) for m in found} == {(canonical, label)}


@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Lib Dem leader Jon Marsh spoke in Leeds. Mr Marsh also outlined his party's plan to impose a 45% "
            "income tax rate on the highest earners.",
            45.0,
            ["Lib Dem"],
            id="his_party_plan",
        ),
        pytest.param(
            "Tory co-chairman Alan Price spoke on radio. Dr Price would not discuss reports that the party repaid "
            "£300,000 to a donor.",
            300000.0,
            ["Tory"],
            id="the_party_of_the_subject",
        ),
        pytest.param(
            "Labour said the election was close. The former Tory deputy chairman Lord Welby's five-year suspension "
            "from the party has ended.",
            5.0,
            ["Welby"],
            id="a_titled_person_is_no_party",
        ),
        pytest.param(
            "Labour said the election was close. The former Tory deputy chairman's five-year suspension "
            "from the party has ended.",
            5.0,
            [],  # a duration of no one named is no fact (round 37)
            id="a_title_alone_is_no_party",
        ),
    ],
)
def test_party_of_a_person(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# "Kelvor Oil Corp, the unit which produced 60% of Dorvan's output": what "which" stands for is the named unit its
# apposition describes; "cut the agency's staff by 25%": a counted noun is what a percentage measures, and a public
# body owns its own staff (not only the economy's figures it reports).
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "The state sold Kelvor Oil Corp, the unit which produced 60% of Dorvan's output, last year.",
            60.0,
            ["Kelvor Oil"],
            id="which_of_an_apposition",
        ),
        pytest.param(
            "Ministers may scrap the Child Welfare Agency. The MPs found its computer system was not working. "
            "Faced with the committee's criticism, the government has suspended its plan to cut the agency's "
            "staff by 25%.",
            25.0,
            ["Child Welfare Agency"],
            id="public_body_staff",
        ),
    ],
)
def test_relative_and_possessed_owners(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# "Debit cards account for two-thirds of card transactions": a share of a whole the text names is the clause's noun
# phrase's, when no one else owns it ("half the support" of no one named says nothing).
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Debit cards now account for two-thirds of plastic card transactions.",
            2 / 3,
            ["Debit cards"],
            id="share_of_a_named_whole",
        ),
        pytest.param("Half the support went to banks.", 0.5, [], id="share_of_nothing_named"),
    ],
)
def test_shares_of_a_whole(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# A dated wire story states a period once: the current side of a year-on-year comparison is the year after the
# dated earlier side, later clauses of the sentence keep their side's period, and the next sentence of the paragraph
# that names no time continues the period of the current figures above it. Not in a story without a publication
# date, not from a year to come ("due 2017"), not into a period of another size.
@pytest.mark.parametrize(
    "text, published, value, times",
    [
        pytest.param(
            "Group turnover fell to 31 billion marks from 34.5 billion in 1985, and parent company turnover "
            "fell to around 12 billion marks from 13.25 billion, the company said.",
            "1987-03-05",
            31e9,
            ["1986"],
            id="year_on_year",
        ),
        pytest.param(
            "Group turnover fell to 31 billion marks from 34.5 billion in 1985, and parent company turnover "
            "fell to around 12 billion marks from 13.25 billion, the company said.",
            "1987-03-05",
            13.25e9,
            ["1985"],
            id="prior_side_of_a_later_clause",
        ),
        pytest.param(
            "Business failures rose by 6.1 pct in 1986. It said failures in Texas were up 52.4 pct.",
            "1987-03-23",
            52.4,
            ["1986"],
            id="next_sentence",
        ),
        pytest.param(
            "Business failures rose by 6.1 pct in 1986. It said failures in Texas were up 52.4 pct.",
            None,
            52.4,
            [None],
            id="no_publication_date",
        ),
        pytest.param(
            "Acme sold 100 mln dlrs of debentures due 2017. They carry a 9.5 pct coupon.",
            "1987-03-23",
            9.5,
            [None],
            id="not_from_a_year_to_come",
        ),
        pytest.param(
            "Net profit rose 10 pct in the fourth quarter of 1986. Full-year profit rose 3 pct.",
            "1987-03-23",
            3.0,
            [None],
            id="not_into_another_size",
        ),
    ],
)
def test_carried_periods(nlp, text, published, value, times):
    from facts_helpers import times_of

    assert times_of(facts_of(nlp, text, published=published), value) == times


# "That estimate would represent a drop of ...": a demonstrative figure noun as subject keeps the subject of the
# sentence before; "US investments represented 20 pct of Akzo's capital": a share of a named owner's whole, said of
# a thing no name stands for, is the owner's (a named subject keeps its share).
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Officials blamed the Coffee Council for the failed talks. Peru can hope to earn about 1,300 mln "
            "dlrs this year from coffee exports. That estimate would represent a drop in revenues of 1,100 mln dlrs.",
            1.1e9,
            ["Peru"],
            id="that_estimate",
        ),
        pytest.param(
            "The chairman said US investments represented 15 pct of Kelvor Oil Corp's total capital.",
            15.0,
            ["Kelvor Oil"],
            id="share_of_a_named_whole",
        ),
        pytest.param("Kelvor Oil Corp accounts for 20% of Dorvan's sales.", 20.0, ["Kelvor Oil"], id="named_share"),
    ],
)
def test_figures_pointing_back_and_shares(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


def test_not_a_passive_figure(nlp):
    """ "That figure was endorsed by three independent analysts": the analysts are counted (round 42: a small count
    the text introduces is a figure), not the figure "that figure" points back to."""
    facts = facts_of(
        nlp, "Kelvor Oil Corp said its sales rose. That figure was endorsed by three independent analysts."
    )
    assert [f.unit for f in facts if f.value == 3.0] == ["analyst"]


# "One in five European workers are mobile": a ratio is a dimensionless share of the group it is a ratio of, named
# as the text names it (a bare "people" names no group).
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "One in five European workers are already mobile.", 0.2, ["European workers"], id="ratio_of_a_group"
        ),
        pytest.param("One in five people are mobile.", 0.2, [], id="bare_people"),
    ],
)
def test_ratio_of_a_group(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


def test_a_ratio_is_dimensionless(nlp):
    from facts_helpers import units_of

    assert units_of(facts_of(nlp, "One in five European workers are already mobile."), 0.2) == ["dimensionless"]


# "Kelmont Inc, a private company acquired in 1986": a generic company noun in an apposition describes nothing in
# particular; "the company" later is still the story's own (blind batch 70's first look caught the first version).
def test_generic_company_apposition_names_no_one(nlp):
    text = (
        "Dorvan Card Corp said it does not expect to meet its targets. It said integration of Kelmont Farrington "
        "Inc, a private company acquired on Aug 25, 1986, is proving difficult. The company reported revenues of "
        "154 mln dlrs in fiscal 1986."
    )
    assert subjects_of(facts_of(nlp, text, published="1987-03-23"), 154e6) == ["Dorvan Card"]


# "the city", "the capital": the place named last that is no country.
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Beijing plans to curb traffic. The city will charge residents compulsory monthly fees of up to 400 yuan.",
            400.0,
            ["Beijing"],
            id="the_city",
        ),
    ],
)
def test_the_city(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# A results line wrapped before its scale word and full stop ("vs 294\nmln."), and the earlier side of a comparison
# after a current figure of a year ("domestic sales 10.83 billion vs 10.80 billion" under a 1986 table line).
def test_wrapped_scale_with_a_full_stop(nlp):
    text = (
        "KELVOR AG YEAR 1986\n\n    Turnover 38.01 billion marks vs 42.72 billion.\n"
        "    Investment 2.53 billion marks vs 294\nmln.\n REUTER\n"
    )
    facts = facts_of(nlp, text, published="1987-03-26")
    assert subjects_of(facts, 294e6) and not subjects_of(facts, 294.0)


def test_earlier_side_after_a_year(nlp):
    from facts_helpers import times_of

    text = "Group turnover rose 5 pct in 1986. Domestic sales were 10.83 billion marks vs 10.80 billion."
    facts = facts_of(nlp, text, published="1987-03-26")
    assert times_of(facts, 10.83e9) == ["1986"] and times_of(facts, 10.80e9) == ["1985"]


# "with Kelvor Trust and Arvo each holding 43 pct of its stock": the names before "each" hold the share.
def test_each_holding(nlp):
    text = (
        "Arvo, the Canadian company that owns 56 pct of Marvex Oil Ltd, said it received approval for a "
        "transaction under which <Kelvor Trust Canada Holding Ltd> would buy a 43 pct stake in Marvex.\n"
        "    Kelvor Trust is equally owned by <Dorvan Ltd> and <Pellam Electric Holdings Ltd>.\n"
        "    Under the agreement with Kelvor Trust, Marvex will become a private company with Kelvor Trust and "
        "Arvo each holding 43 pct\nof its stock."
    )
    held = [f for f in facts_of(nlp, text, published="1987-02-26") if "each holding" in f.sentence]
    assert subjects_of(held, 43.0) == ["Arvo", "Kelvor Trust"]


# "The previous top machine, Japan's Kelvor Earth Simulator, clocked up 35.86": a subject noun with a named
# apposition is who the clause is about, not what it measures.
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Tests show that Blue Gene/L has managed speeds of 70.72 teraflops. The previous top machine, Japan's "
            "NEC Earth Simulator, clocked up 35.86.",
            35.86,
            ["NEC Earth Simulator"],
            id="named_apposition",
        ),
        pytest.param(
            "Jurors recommended that the man serve nine years in prison and that his sister, Jessica Darrow, be "
            "fined $7,500.",
            7500.0,
            ["Jessica Darrow"],
            id="named_person_apposition",
        ),
    ],
)
def test_subject_noun_with_a_named_apposition(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# "The market for digital music players grew 40%": a market named by what it is for owns its figure, not the
# article's company (or the analyst quoted).
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Kelvor said sales fell. The market for digital music players grew 40% last year.",
            40.0,
            ["digital music players market"],
            id="market_for",
        ),
        pytest.param(
            "Kelvor said sales fell. The market for customized chips - semiconductors designed for one product - "
            "will grow 25 pct.",
            25.0,
            ["customized chips-semiconductors market"],
            id="object_words_only",
        ),
        pytest.param(
            "Kelvor said sales fell. The market for so-called beer-like drinks will grow 84%.",
            84.0,
            ["beer-like drinks market"],
            id="no_hedge",
        ),
        pytest.param(
            "Kelvor said sales fell. The industry grew 25 pct.", 25.0, ["industry"], id="no_object_left_to_the_phrase"
        ),
    ],
)
def test_market_named_by_what_it_is_for(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects

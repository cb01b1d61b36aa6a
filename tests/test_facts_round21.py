"""Facts, issue 11 twenty-first round: read off blind batch 65 after its first look; each a table of invented
cases (one row per case, its id naming the rule). No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of, units_of

from pipeline.extractors.entities import canonicalize, find_entities
from pipeline.extractors.facts.context import _named_as_it
from pipeline.records import EntityMention


# "The council faces 500 complaints" after "The Ravenshire Council ...": a bare "the <noun>" is the organisation
# named before it whose name that noun heads; with nothing named so, it stays the noun phrase.
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Zentrix Ltd said it had won a road contract from the Ravenshire County Council. Zentrix Ltd shares "
            "rose. The council faces more than 500 complaints from residents.",
            500.0,
            ["Ravenshire County Council"],
            id="council",
        ),
        pytest.param(
            "Dalvik Foods said the European Commission opened an inquiry into Dalvik Foods last week. "
            "The commission received more than 40 complaints from retailers.",
            40.0,
            ["European Commission"],
            id="commission",
        ),
        pytest.param(
            "Talks resumed in Paris on Monday. The council faces more than 500 complaints from residents.",
            500.0,
            ["council"],
            id="no_name_headed_by_it",
        ),
    ],
)
def test_the_noun_that_heads_a_name_before_is_that_organisation(nlp, text, value, subjects):
    assert [s for s in subjects_of(facts_of(nlp, text), value) if s] == subjects


# "growth of 5.2% in 2006, up from 4.1% in 2005": the figure after "up from"/"down from" is the earlier level of
# the amount before it, so the same subject's (not the speaker who predicted it) and the same property's.
@pytest.mark.parametrize(
    "text, value, subject",
    [
        pytest.param(
            "Chile expects a good year. Finance minister Ana Ruiz predicted economic growth of 5.2% in 2006, "
            "up from 4.1% in 2005.",
            4.1,
            "Chile",
            id="up_from",
        ),
        pytest.param(
            "Peru expects a hard year. Finance minister Jose Vidal forecast inflation of 3.5% for 2006, "
            "down from 6.8% this year.",
            6.8,
            "Peru",
            id="down_from",
        ),
    ],
)
def test_up_from_is_the_earlier_level_of_the_amount_before(nlp, text, value, subject):
    facts = facts_of(nlp, text)
    assert subjects_of(facts, value) == [subject]
    earlier = next(f for f in facts if f.value == value)
    later = next(f for f in facts if f.value != value and f.unit == earlier.unit)
    assert earlier.property_key == later.property_key


# A conversion in brackets ("($110bn; £58bn)") is no currency a later bare figure of the sentence is counted
# in: "from last year's 4,300 billion" is rupees, as the figure before the brackets.
@pytest.mark.parametrize(
    "text, value, unit",
    [
        pytest.param(
            "India plans to raise the budget to 5,000 billion rupees ($110bn; £58bn) from last year's 4,300 billion.",
            4.3e12,
            "INR",
            id="two_conversions",
        ),
        pytest.param(
            "Japan will lift spending to 90 trillion yen ($850bn) from 82 trillion last year.",
            82e12,
            "JPY",
            id="one_conversion",
        ),
    ],
)
def test_a_bracketed_conversion_is_not_inherited(nlp, text, value, unit):
    assert units_of(facts_of(nlp, text), value) == [unit]


# A research firm the story only quotes ("according to market analysts X", "X analyst Ann Bell") is the
# source of the figures, not the company the article is about: no fallback owner.
def test_a_quoted_research_firm_is_no_fallback_owner(nlp):
    text = (
        "Online shopping keeps growing in Britain.\n\n"
        "Some 20 million people now shop online, up from 12 million a year ago, according to market analysts "
        'Qorvex Research. Shoppers spent more than 30% more than a year before. "The number will keep growing," '
        "said Ann Bell, Qorvex Research analyst."
    )
    facts = facts_of(nlp, text)
    owners = {s for v in (20e6, 30.0) for s in subjects_of(facts, v)}
    assert "Qorvex Research" not in owners


# "The biggest jump was in Spain, where it rose by 95%": "it" in a "where" clause on a place is that place's
# figure; a "where" clause on something else gives "it" no owner from it.
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Velmora Telecom said broadband use grew across Europe. Velmora Telecom expects more growth. "
            "The biggest jump was in Spain, where it rose by 95%.",
            95.0,
            ["Spain"],
            id="place",
        ),
    ],
)
def test_it_in_a_where_clause_on_a_place_is_the_place(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# "48% of chartered surveyors reported lower prices": a share of an unnamed plural group that is the clause's
# subject is the group's figure, as the text names it; not when someone owns the group ("its customers").
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Zentrix Ltd sells garden tools. Thirty percent of garden tool buyers return them within a month.",
            30.0,
            ["garden tool buyers"],
            id="share_is_the_subject",
        ),
        pytest.param(
            "Zentrix Ltd sells garden tools. A total of 45% of independent shop owners reported lower sales.",
            45.0,
            ["independent shop owners"],
            id="a_total_of",
        ),
        pytest.param(
            "Zentrix Ltd sells garden tools. Zentrix Ltd said 40% of its customers left.",
            40.0,
            ["Zentrix"],
            id="owned_group",
        ),
    ],
)
def test_a_share_of_a_group_as_subject_is_the_groups(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# A wire writes company names in angle brackets ("<Poclain>"): a mixed-case name between "<" and ">" is a
# company's, added when the model missed it and relabelled when it called it a person; a ticker ("<TEX>") is not.
@pytest.mark.parametrize(
    "text, name, label",
    [
        pytest.param(
            "PARIS, March 16 - French machinery maker <Dorvalin>, 40 pct\nowned by <Zentrix Inc>, said it will "
            "raise its capital.",
            "Dorvalin",
            "ORG",
            id="missed_name",
        ),
        pytest.param(
            "Investors bought <Brenna Smith> shares.\n    <Brenna Smith> said profits rose.",
            "Brenna Smith",
            "ORG",
            id="person_label",
        ),
    ],
)
def test_a_name_in_angle_brackets_is_a_company(nlp, text, name, label):
    mentions = canonicalize(find_entities(nlp(text)))
    assert {m.label for m in mentions if m.canonical_name == name} == {label}


def test_a_ticker_in_angle_brackets_adds_no_name(nlp):
    mentions = find_entities(nlp("Zentrix Corp <ZTX> said it would buy back shares."))
    assert not any(m.text.strip("<>") == "ZTX" for m in mentions)


# Money in a company's certificates ("268.9 mln dlrs of equipment trust certificates of Acme's Beta unit") is
# the issuer's, as its debt, bonds and notes are: not the rating agency's that moved them.
def test_money_in_certificates_is_the_issuers(nlp):
    text = (
        "NEW YORK, April 1 - Moody's Investors Service said it raised 268.9 mln dlrs of equipment trust "
        "certificates of Zentrix Corp's Dorvalin Air Lines Inc unit."
    )
    assert subjects_of(facts_of(nlp, text, published="1987-04-01"), 268.9e6) == ["Dorvalin Air Lines"]


# A government department named by its head noun reports the economy's figures and owns none of them ("The
# department revised December's sales to a 12.1 pct rise"): the country keeps them.
def test_the_department_owns_no_reported_figure(nlp):
    text = (
        "WASHINGTON, March 2 - Retail sales of new cars in the United States rose 5.1 pct in January, the "
        "Commerce Department said.\n    The department revised downward December's sales to a 12.1\npct rise "
        "from the previously reported 12.7 pct increase."
    )
    assert "Commerce Department" not in subjects_of(facts_of(nlp, text, published="1987-03-02"), 12.1)


# The group's name is its words only: never an amount ("6% of the £22bn ministers hope to save") nor a wire's
# line break ("80 pct of international creditor\nbanks").
@pytest.mark.parametrize(
    "text, value, bad",
    [
        pytest.param(
            "The union said the cuts would deliver less than 6% of the £22bn ministers hope to save.",
            6.0,
            "£",
            id="amount_in_the_phrase",
        ),
        pytest.param(
            "LAGOS, March 3 - Banking sources said some 80 pct of international creditor\nbanks have replied.",
            80.0,
            "\n",
            id="line_break",
        ),
    ],
)
def test_a_groups_name_is_its_words(nlp, text, value, bad):
    assert not any(bad in (s or "") for s in subjects_of(facts_of(nlp, text), value))


# A surname alone that the model called an organisation ("Dorvell said", "Dorvell's lawyer") after the person's
# full name ("Ann Dorvell", tagged a person) is that person: the group is a person's, whatever the vote of labels.
def test_the_short_forms_of_a_persons_full_name_are_the_persons(nlp):
    mentions = [
        EntityMention(0, 11, "Ann Dorvell", "PERSON", "Ann Dorvell", "PERSON:ann dorvell"),
        EntityMention(40, 47, "Dorvell", "ORG", "Dorvell", "ORG:dorvell"),
        EntityMention(80, 87, "Dorvell", "ORG", "Dorvell", "ORG:dorvell"),
        EntityMention(120, 127, "Dorvell", "ORG", "Dorvell", "ORG:dorvell"),
    ]
    assert {(m.label, m.canonical_name) for m in canonicalize(mentions)} == {("PERSON", "Ann Dorvell")}


# Shares counted in a purchase or sale are the dealer's, not the issuer's named on them ("made net purchases of
# 7,800 Beta Corp shares"); the cash of a purchase price is the buyer's, not the target's named on the deal.
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "WASHINGTON, March 24 - Zentrix Group Ltd said it made net purchases of 7,800 Dorvalin Products "
            "shares between Jan. 28 and March 18.",
            7800.0,
            ["Zentrix"],
            id="share_purchases",
        ),
        pytest.param(
            "ZENTRIX <ZTX> ENDS DEAL\n\nBOSTON, March 18 - Zentrix Inc said it ended talks.\n    The offering would "
            "have financed the 1,897,000 dlr cash portion of the Dorvalin Care purchase price.",
            1897000.0,
            ["Zentrix"],
            id="purchase_price",
        ),
    ],
)
def test_dealt_shares_and_deal_cash_are_the_dealers(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="1987-03-24"), value) == subjects


# "The ECB has forecast economic growth in the eurozone of 1.9%": the amount the parse hung on the place is the
# growth's, so the place's (the forecaster is a speaker).
def test_growth_in_a_place_of_an_amount_is_the_places(nlp):
    text = "Rates stay on hold.\n\nThe ECB has forecast economic growth in the eurozone of 1.9% in 2005."
    assert subjects_of(facts_of(nlp, text, published="2005-01-13"), 1.9) == ["eurozone"]


# "directing a $2.7bn accounting fraud at the company he co-founded": the company an amount's noun happened "at"
# owns it, not the person the clause is about.
def test_an_amount_at_a_company_is_the_companys(nlp):
    text = (
        "Zentrix boss goes on trial\n\nThe former head of US firm Zentrix Corp is in court.\n\n"
        "Ann Dorvell, 52, is accused of directing a $2.7bn accounting fraud at the company she co-founded in 1984."
    )
    assert subjects_of(facts_of(nlp, text, published="2005-01-26"), 2.7e9) == ["Zentrix"]


# A name the model gave with its title ("Mr Dorvell" as one mention) is a person's, however an "its" follows it
# ("The trial of Mr Dorvell is now into its third week": the trial's week, not a company's).
@pytest.mark.parametrize(
    "mention_text, start, named_as_it",
    [
        pytest.param("Mr Dorvell", 13, False, id="title_inside_the_mention"),
        pytest.param("Dorvell", 16, False, id="title_before_the_mention"),
        pytest.param("Ann Dorvell", 13, True, id="no_title"),
    ],
)
def test_a_titled_name_followed_by_its_stays_a_person(mention_text, start, named_as_it):
    text = (
        "The trial of "
        + ("Mr Dorvell" if mention_text != "Ann Dorvell" else "Ann Dorvell")
        + " is now into its third week."
    )
    end = start + len(mention_text)
    assert text[start:end] == mention_text
    mention = EntityMention(start, end, mention_text, "PERSON", "Ann Dorvell", "PERSON:ann dorvell")
    assert (mention.entity_key in _named_as_it(text, [mention])) is named_as_it

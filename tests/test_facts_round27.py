"""Facts, issue 11 twenty-seventh round: read off blind batches 76, 78 and 79 (after their first looks); a table of
invented cases (one row per case, its id naming the rule). No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of, units_of

from pipeline.extractors.quantities import find_quantities


# Subjects: (text, the amount, its subjects), one case a row, its id naming the rule.
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        # people counted by a two-word nationality are their country's
        pytest.param(
            "The agency estimated that 300,000 Sri Lankans have lost their homes.",
            300000,
            ["Sri Lanka"],
            id="sri_lankans",
        ),
        pytest.param("Some 12,000 New Zealanders moved to Perth.", 12000, [""], id="unknown_two_word_people"),
        pytest.param("About 3,000 Germans have lost their homes.", 3000, ["Germany"], id="one_word_people"),
        # "the number/count of X" is the figure of X, as the text names it
        pytest.param(
            "The number of stolen bicycles grew by more than 40% last year.", 40, ["stolen bicycles"], id="number_of"
        ),
        pytest.param("The count of reported scams passed 9,000.", 9000, ["reported scams"], id="count_of"),
        pytest.param(
            "The number of Acme Corp customers rose by 12%.",
            12,
            ["Acme Corp customers"],
            id="number_of_named_group_stays_named",
        ),
        # a word written with hyphens is one subject ("junk e-mail", not "e" or "junk-mail")
        pytest.param(
            "In many offices, junk e-mail has shrunk to 20% of messages.", 20, ["junk e-mail"], id="glued_word"
        ),
        # a market named by a nationality is that market, not the company forecasting it
        pytest.param(
            "Kiamoto estimates that the Brazilian truck market will grow 9% this year.",
            9,
            ["Brazilian truck market"],
            id="national_market",
        ),
        pytest.param(
            "Kiamoto estimates that the UK market will grow 9% this year.",
            9,
            ["UK"],
            id="country_market_is_the_country",
        ),
        # a group no name stands for owns what it possesses, as the text names it
        pytest.param(
            "Foreign growers' sales totalled 41,200 in May.", 41200, ["Foreign growers"], id="group_possessor"
        ),
        pytest.param("Japanese carmakers' exports rose 5%.", 5, ["Japanese carmakers"], id="national_group_possessor"),
        pytest.param("Other companies' profits rose 5%.", 5, [""], id="plain_modifier_names_no_group"),
        pytest.param("Workers' pay rose 5%.", 5, ["Workers' pay"], id="bare_plural_left_to_the_phrase"),
        # a list of figures "in <place>" reads a place the model wrote with its article
        pytest.param(
            "Of the holders, 41.2% live in Norland, 20.5% in Italy, 9.1% in the United States and 3.1% in Japan.",
            9.1,
            ["United States"],
            id="place_list_with_the",
        ),
        # "nationally"/"nationwide" make an unowned figure the story country's
        pytest.param(
            "BOSTON, May 4 - A Boston Research Institute study found bankruptcies in Ohio rose 30 pct. "
            "Bankruptcies rose nationally by 7.2 pct in 1986, the study said.",
            7.2,
            ["United States"],
            id="nationally",
        ),
        # a share of the people an organisation asked is that organisation's figure
        pytest.param(
            "Acme Corp makes toys and Acme Corp sells them. A rival, Zeta Inc, found 40% of the shoppers it questioned "
            "want cheaper toys.",
            40,
            ["Zeta"],
            id="asker_it",
        ),
        # a share of a company's stock is its holder's, "that"/"which" read back
        pytest.param(
            "Lee was named by a state commission that controls 38 pct of Norco's stock.",
            38,
            ["state commission"],
            id="holder_that",
        ),
        pytest.param("Acme Corp, which holds 20 pct of Beta Inc, said it would sell.", 20, ["Acme"], id="holder_which"),
        pytest.param(
            "Delta Line is partly owned by Acme Corp, a U.K. shipping firm which owns 60 pct of Beta Inc's shares.",
            60,
            ["Acme"],
            id="holder_apposed_name",
        ),
        # a firm named only after "according to" is no news medium: it asked the people it questioned
        pytest.param(
            "According to Harwell Research, 29% of the people it questioned said they were technophobes.",
            29,
            ["Harwell Research"],
            id="according_to_a_firm",
        ),
        pytest.param(
            "Acme Corp makes phones. According to Harwell Research, 29% of the people it questioned said they were "
            "technophobes.",
            29,
            ["Harwell Research"],
            id="asker_before_the_main_company",
        ),
        # a bare "the index" is the index the article named before
        pytest.param(
            "The Hang Seng index fell 3 pct on Monday. The index rose 225.79 points on Tuesday.",
            225.79,
            ["Hang Seng"],
            id="bare_index_named_before",
        ),
        # an index named by an acronym the article spelled out is named in full; "the index" is the exchange's
        pytest.param(
            "The Lahore Stock Exchange (LSE) had a record day. The LSE index closed at 5102.5.",
            5102.5,
            ["Lahore Stock Exchange index"],
            id="acronym_index_in_full",
        ),
        pytest.param(
            "The Lahore Stock Exchange had a record day. The index rose 225.79 points.",
            225.79,
            ["Lahore Stock Exchange"],
            id="bare_index_of_the_exchange",
        ),
    ],
)
def test_subject(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


@pytest.mark.parametrize(
    "text, value, unit",
    [
        pytest.param(
            "The agency estimated that 300,000 Sri Lankans have lost their homes.", 300000, "person", id="sri_lankans"
        ),
        pytest.param("About 400 Germans were evacuated.", 400, "person", id="germans"),
    ],
)
def test_people_unit(nlp, text, value, unit):
    assert units_of(facts_of(nlp, text), value) == [unit]


# A change verb with its object before the amount still makes "N% to M%" a change, then a level (not a range).
@pytest.mark.parametrize(
    "text, found",
    [
        pytest.param(
            "The central bank lifted interest rates 0.25% to 4.5%.",
            [(0.25, None), (4.5, None)],
            id="lifted_interest_rates",
        ),
        pytest.param("The store chain raised prices 3% to 5% on Monday.", [(3, None), (5, None)], id="raised_prices"),
        pytest.param("The bank hiked rates 0.5% to 6%.", [(0.5, None), (6, None)], id="hiked_rates"),
        pytest.param("Its shares rose 10 to 20%.", [(10, 20)], id="range_of_a_change_stays"),
        pytest.param("It raised $2m to $3m from investors.", [(2e6, 3e6)], id="money_raised_is_a_range"),
    ],
)
def test_change_then_level(nlp, text, found):
    got = [(q.value, q.value_max) for q in find_quantities(nlp(text))]
    assert got == found


# A multiple written with "-fold" is a dimensionless amount (the shared facts guidelines: "more than tenfold" -> 10).
@pytest.mark.parametrize(
    "text, found",
    [
        pytest.param("Downloads grew tenfold last year.", [("tenfold", 10, "=", "up")], id="tenfold"),
        pytest.param("Exports rose more than threefold.", [("threefold", 3, ">", "up")], id="more_than"),
        pytest.param("It saw a 20-fold rise in claims.", [("20-fold", 20, "=", None)], id="digits"),
        pytest.param("The benefits are manifold.", [], id="manifold_is_no_number"),
    ],
)
def test_fold(nlp, text, found):
    got = [(q.text, q.value, q.bound, q.change) for q in find_quantities(nlp(text))]
    assert got == found

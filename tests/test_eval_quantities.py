"""Quantity scorer: matching rules, typed scoring, unit-name mapping, and one real run."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.quantities import evaluate_quantities, gold_unit, score_cases
from pipeline.records import QuantityMention

DATA = Path(__file__).parent / "data"


def case(cid, model, *gold):
    return {
        "id": cid,
        "model": model,
        "text": "",
        "quantities": [dict(zip(("surface", "value", "unit"), g, strict=True)) for g in gold],
    }


def test_score_counts_value_and_unit_separately():
    cases = [case("a", "Currency", ("$5", 5.0, "Dollar")), case("b", "Number", ("3", 3.0, None))]
    system = {
        "a": [{"surface": "$5", "value": 5.0, "unit": "Euro", "kind": "currency"}],
        "b": [{"surface": "3", "value": 3.0, "unit": None, "kind": "number"}],
    }
    rep = score_cases(cases, system)
    assert rep.overall.scores["value"].f1 == 1.0
    assert rep.overall.scores["value+unit"].f1 == pytest.approx(0.5)
    assert rep.overall.case_accuracy == pytest.approx(0.5)


def test_typed_scoring_ignores_other_kinds_in_typed_models():
    cases = [case("a", "Currency", ("$5", 5.0, "Dollar"))]
    system = {"a": [{"value": 5.0, "unit": "Dollar", "kind": "currency"}, {"value": 20.0, "kind": "percent"}]}
    assert score_cases(cases, system).overall.scores["value"].precision == 1.0
    assert score_cases(cases, system, by_type=False).overall.scores["value"].precision == 0.5


@pytest.mark.parametrize(
    "unit, unit_text, kind, expected",
    [
        ("USD", "$", "currency", "Dollar"),
        ("USD", "US$", "currency", "United States dollar"),
        ("GBP", "£", "currency", "Pound"),
        ("CNY", "yuan", "currency", "Chinese yuan"),
        ("kilometer", "km", "dimension", "Kilometer"),
        ("meter ** 2", "square meters", "dimension", "Square meter"),
        ("mile / hour", "mph", "dimension", "Mile per hour"),
        ("metric_ton", "metric tons", "dimension", "Metric ton"),
        ("percent", "%", "percent", None),
        ("people", "people", "count", None),
    ],
)
def test_gold_unit_names(unit, unit_text, kind, expected):
    q = QuantityMention(0, 1, "x", 1.0, unit=unit, unit_text=unit_text, kind=kind)
    assert gold_unit(q) == expected


def test_evaluate_runs_the_pipeline_and_renders():
    rep = evaluate_quantities(DATA / "quantities_recognizers_sample.jsonl")
    assert rep.overall.cases == 10
    assert rep.overall.scores["value"].f1 >= 0.8
    text = rep.render()
    assert "value" in text and ("targets NOT met" in text or "all targets met" in text)
    assert set(rep.to_dict()) >= {"overall", "by_model", "targets", "targets_met"}

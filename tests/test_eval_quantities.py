"""Quantity scorer: matching rules, typed scoring, unit-name mapping, and one real run."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.quantities import evaluate_quantities, gold_unit, quantulum_unit, run_texts, score_cases
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


def test_render_lists_errors_of_the_tuning_half_only():
    from pipeline.evaluate.dev_facts import half

    ids = [f"case-{i}" for i in range(12)]
    tuning = [i for i in ids if half(i) == "tuning"]
    check = [i for i in ids if half(i) == "check"]
    assert tuning and check
    cases = [case(i, "Number", ("3", 3.0, None)) for i in ids]
    text = score_cases(cases, {}).render(errors=50)  # every case wrong: nothing found
    assert all(f"! {i}:" in text for i in tuning)
    assert not any(f"! {i}:" in text for i in check)
    assert f"the check half's {len(check)} are not shown" in text


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


@pytest.mark.parametrize(
    "unit, after, kind, expected",
    [
        ("gigametric_ton", "", "dimension", "gigaton"),
        ("kilometric_ton", "", "dimension", "kiloton"),
        ("teraelectron_volt", "", "dimension", "teraelectronvolt"),
        ("millimeter_Hg", "", "dimension", "millimeter of mercury"),
        ("angstrom", "", "dimension", "ångström"),
        ("hectoliter", "", "dimension", "hectolitre"),
        ("kiloliter", "", "dimension", "cubic metre"),
        ("femtometer", "", "dimension", "femtometre"),
        ("force_pound", "", "dimension", "pound-force"),
        # a rate written with "per", "a" or "/" after the amount is one quantulum3 unit
        ("meter", " per hour", "dimension", "metre per hour"),
        ("USD", " a gallon", "currency", "united states dollar per gallon"),
        ("gram", " per cubic", "dimension", "gram per cubic centimetre"),
    ],
)
def test_quantulum3_unit_names(unit, after, kind, expected):
    per = {"metre per hour": "hour", "united states dollar per gallon": "gallon"}.get(expected)
    per = "centimeter ** 3" if unit == "gram" else per
    q = QuantityMention(0, 1, "x", 1.0, unit=unit, unit_text="x", kind=kind, per=per)
    assert quantulum_unit(q, after) == expected


def test_quantulum3_scoring_of_written_rates_and_no_years():
    """A year is a date here, never scored as a number; "annually" is no quantulum3 unit."""
    cases = [{"id": "y", "text": "The plant opened in 2005, sells fuel at $3 a gallon and earns $5 million annually."}]
    items = run_texts(cases, vocabulary="quantulum3")["y"]
    assert [(i["value"], i["unit"]) for i in items] == [(3.0, "dollar per gallon"), (5e6, "dollar")]

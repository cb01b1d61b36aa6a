"""Quantities, issue 13: currency forms, rate bases, physical units, glued codes, multiples and ranges.

Invented sentences; rows are (text, value, value_max, unit, per, kind) for every quantity found.
"""

from __future__ import annotations

import pytest

from pipeline.evaluate.quantities import gold_vocabulary, quantulum_name, quantulum_unit, score_cases
from pipeline.extractors.quantities.find import find_quantities
from pipeline.records import QuantityMention


def rows(nlp, text):
    return [(q.text, pytest.approx(q.value), q.value_max, q.unit, q.per, q.kind) for q in find_quantities(nlp(text))]


CURRENCIES = [
    ("The yen eased to Y=151.20 in late trade.", [("Y=151.20", 151.2, None, "JPY", None, "currency")]),
    ("The miner issued $US75 million of notes.", [("$US75 million", 75e6, None, "USD", None, "currency")]),
    ("The utility raised $US2.5bn.", [("$US2.5bn", 2.5e9, None, "USD", None, "currency")]),
    ("Its shares ended at RM4.10 on Friday.", [("RM4.10", 4.1, None, "MYR", None, "currency")]),
    ("The palm oil group earned RM1.2bn.", [("RM1.2bn", 1.2e9, None, "MYR", None, "currency")]),
    ("A coffee in Split costs 18 kn now.", [("18 kn", 18, None, "HRK", None, "currency")]),
    ("Turnover reached MSEK 1,250 in the year.", [("MSEK 1,250", 1.25e9, None, "SEK", None, "currency")]),
    ("Order intake was 640 MNOK.", [("640 MNOK", 6.4e8, None, "NOK", None, "currency")]),
]

RATES = [
    ("Warehouses let for $9 per sq m a month.", [("$9", 9, None, "USD", "meter ** 2", "currency")]),
    ("Flats sell for $610 per square foot.", [("$610", 610, None, "USD", "foot ** 2", "currency")]),
    ("Flats sell for $610 a square foot.", [("$610", 610, None, "USD", "foot ** 2", "currency")]),
    ("Crude slipped to $71/barrel.", [("$71", 71, None, "USD", "barrel", "currency")]),
    ("Nickel fetched $18,000/tonne.", [("$18,000", 18000, None, "USD", "metric_ton", "currency")]),
]

UNITS = [
    ("Lead in the pipes reached 15 ppb.", [("15 ppb", 15, None, "ppb", None, "percent")]),
    ("Carbon dioxide passed 415 parts per million.", [("415 parts per million", 415, None, "ppm", None, "percent")]),
    ("The filter stops dust of 0.3 μm and more.", [("0.3 μm", 0.3, None, "micrometer", None, "dimension")]),
    ("The filter stops dust of 0.3 µm and more.", [("0.3 µm", 0.3, None, "micrometer", None, "dimension")]),
    ("The diesel delivers 590 lb-ft of torque.", [("590 lb-ft", 590, None, "foot * force_pound", None, "dimension")]),
    ("The battery stores 90 Wh of energy.", [("90 Wh", 90, None, "watt_hour", None, "dimension")]),
    ("The reservoir holds 2 cubic kilometres.", [("2 cubic kilometres", 2, None, "kilometer ** 3", None, "dimension")]),
    ("The dam holds 7 km³ of water.", [("7 km³", 7, None, "kilometer ** 3", None, "dimension")]),
    ("The mill crushes 800 tpd of cane.", [("800 tpd", 800, None, "metric_ton", "day", "dimension")]),
    ("The slab is 3 1/4 in thick.", [("3 1/4 in", 3.25, None, "inch", None, "dimension")]),
    (
        "The blade is 9 in long, and sales rose 9 in the quarter.",
        [("9 in", 9, None, "inch", None, "dimension"), ("9", 9, None, "dimensionless", None, "number")],
    ),
    ("The tablet's screen measures 11 in.", [("11 in", 11, None, "inch", None, "dimension")]),
]

NUMBERS = [
    (
        "The bottler filled four million 500ml bottles.",
        [("four million", 4e6, None, "bottle", None, "count"), ("500ml", 500, None, "milliliter", None, "dimension")],
    ),
    ("The group trades at 11 times earnings.", [("11", 11, None, "dimensionless", None, "number")]),
    ("Decay slows by a factor of 3.2×10−4 per year.", [("3.2×10−4", 3.2e-4, None, "dimensionless", "year", "number")]),
    ("The beam carries 2×10⁶ photons.", [("2×10⁶", 2e6, None, "photon", None, "count")]),
]

RANGES = [
    (
        "Lows ranged from -4 °C to -15 °C overnight.",
        [("-4 °C to -15 °C", -15, -4, "degree_Celsius", None, "dimension")],
    ),
    ("The plan calls for 2- to 4-kilometre spurs.", [("2- to 4-kilometre", 2, 4, "kilometer", None, "dimension")]),
]


@pytest.mark.parametrize("text, expected", CURRENCIES + RATES + UNITS + NUMBERS + RANGES)
def test_issue13_quantities(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize(
    "unit, unit_text, kind, value_max, expected",
    [
        ("kilometer", "km", "dimension", None, "kilometre"),
        ("kilometer / hour", "km/h", "dimension", None, "kilometre per hour"),
        ("kilometer ** 2", "km2", "dimension", None, "square kilometre"),
        ("kilometer / second ** 2", "km/s2", "dimension", None, "kilometre per square second"),
        ("degree_Celsius", "°C", "dimension", None, "degree celsius"),
        ("pound", "lbs", "dimension", None, "pound-mass"),
        ("metric_ton", "tonnes", "dimension", None, "tonne"),
        ("watt_hour", "Wh", "dimension", None, "watt hour"),
        ("USD", "$", "currency", None, "dollar"),
        ("USD", "US$", "currency", None, "united states dollar"),
        ("GBP", "£", "currency", None, "pound sterling"),
        ("EUR", "€", "currency", None, "euro"),
        ("percent", "%", "percent", None, "percentage"),
        ("car", "cars", "count", None, "dimensionless"),
        ("dimensionless", None, "number", 5.0, "dimensionless"),
    ],
)
def test_quantulum3_unit_names(unit, unit_text, kind, value_max, expected):
    q = QuantityMention(0, 1, "x", 1.0, value_max=value_max, unit=unit, unit_text=unit_text, kind=kind)
    assert quantulum_unit(q) == expected


@pytest.mark.parametrize(
    "cases, vocabulary",
    [
        ([{"id": "a", "subset": "standard", "quantities": [{"unit": "metre"}]}], "quantulum3"),
        ([{"id": "a", "subset": "standard", "quantities": [{"unit": "pound sterling"}]}], "quantulum3"),
        ([{"id": "a", "model": "Dimension", "quantities": [{"unit": "Kilometer"}]}], "recognizers"),
        ([{"id": "a", "model": "News", "quantities": [{"unit": "dimensionless"}]}], "recognizers"),
        ([{"id": "a", "quantities": [{"unit": "USD"}]}], "recognizers"),
    ],
)
def test_gold_vocabulary(cases, vocabulary):
    assert gold_vocabulary(cases) == vocabulary


def test_quantulum3_scoring_groups_by_subset_and_targets_value_and_unit():
    cases = [
        {"id": "a", "subset": "standard", "text": "", "quantities": [{"surface": "2 m", "value": 2, "unit": "metre"}]},
        {"id": "b", "subset": "ambiguity", "text": "", "quantities": [{"surface": "5", "value": 5, "unit": "x"}]},
    ]
    system = {"a": [{"surface": "2 m", "value": 2.0, "unit": quantulum_name("meter")}], "b": []}
    rep = score_cases(cases, system, by_type=False, targets={"standard": 0.85}, target_key="value+unit")
    assert set(rep.by_model) == {"standard", "ambiguity"}
    assert rep.target_results()["standard"] == (1.0, 0.85, True)

"""Quantities, issue 13: units with powers and slashes, tolerances, more physical units, and the
quantulum3 scorer's reading of durations. Invented sentences; rows are (text, value, unit)."""

from __future__ import annotations

import pytest

from pipeline.evaluate.quantities import duration_item, quantulum_name
from pipeline.extractors.quantities import tables
from pipeline.extractors.quantities.find import find_quantities
from pipeline.extractors.quantities.units import base_of, compose
from pipeline.records import DateMention


def rows(nlp, text):
    return [(q.text, pytest.approx(q.value), q.unit) for q in find_quantities(nlp(text))]


POWERS = [
    ("The probe reached 12 km/s2 at launch.", [("12 km/s2", 12, "kilometer / second ** 2")]),
    ("The counter logged 3e5 s-1 at its peak.", [("3e5 s-1", 3e5, "1 / second")]),
    ("The collider gathered 25 fb\u22121 of data.", [("25 fb\u22121", 25, "1 / femtobarn")]),
    ("The river carries 200 m3/s in spring.", [("200 m3/s", 200, "meter ** 3 / second")]),
    ("The ice sheet slid 30 m/yr on average.", [("30 m/yr", 30, "meter / year")]),
    ("The pipe is 6 cm^2 in section.", [("6 cm^2", 6, "centimeter ** 2")]),
    ("The load was 8 kg/m2 on the roof.", [("8 kg/m2", 8, "kilogram / meter ** 2")]),
]


@pytest.mark.parametrize("text, expected", POWERS)
def test_quantities_unit_powers_and_slashes(nlp, text, expected):
    assert rows(nlp, text) == expected


TOLERANCES = [
    ("The rod measures 4.2 \u00b1 0.3 mm across.", [("4.2 \u00b1 0.3 mm", 4.2, "millimeter")]),
    ("The beam weighs 120 +/- 5 kg.", [("120 +/- 5 kg", 120, "kilogram")]),
    ("The sample weighs 2,310.5\u00b10.2 grams.", [("2,310.5\u00b10.2 grams", 2310.5, "gram")]),
    ("Support stood at 41% \u00b1 3% in the poll.", [("41% \u00b1 3%", 41, "percent")]),
    ("The drift was 9.1e-3 +/- 2e-4 km/s2 in the run.", [("9.1e-3 +/- 2e-4 km/s2", 9.1e-3, "kilometer / second ** 2")]),
]


@pytest.mark.parametrize("text, expected", TOLERANCES)
def test_quantities_tolerance_is_one_amount(nlp, text, expected):
    assert rows(nlp, text) == expected


MORE_UNITS = [
    ("The alloy is rated at 60 ksi.", [("60 ksi", 60, "kip_per_square_inch")]),
    ("The rotor turns at 1,500 rpm.", [("1,500 rpm", 1500, "revolutions_per_minute")]),
    ("The jet engine hit 130 dB on the apron.", [("130 dB", 130, "decibel")]),
    ("Each bar holds 900 kJ of energy.", [("900 kJ", 900, "kilojoule")]),
    ("Pressure dropped to 985 hPa by dawn.", [("985 hPa", 985, "hectopascal")]),
    ("Keep the tyres at 35 psi.", [("35 psi", 35, "pound_force_per_square_inch")]),
    ("The reactor used 3 mol of the salt.", [("3 mol", 3, "mole")]),
    ("The wreck lies 40 fathoms down.", [("40 fathoms", 40, "fathom")]),
    ("The cluster is 12 Mpc from us.", [("12 Mpc", 12, "megaparsec")]),
    ("The cable snapped at 80 kilonewtons.", [("80 kilonewtons", 80, "kilonewton")]),
]


@pytest.mark.parametrize("text, expected", MORE_UNITS)
def test_quantities_more_physical_units(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize(
    "parts",
    [
        [("km", 1), ("s", -2)],
        [("second", -1)],
        [("meter ** 3", 1), ("second", -1)],
        [("kilogram", 1), ("meter ** 2", -1)],
        [("meter", 1), ("year", -1)],
        [("femtobarn", -1)],
        [("kilowatt_hour", 1), ("day", -1)],
    ],
)
def test_quantities_composed_units_match_pint(parts):
    ureg = tables._ureg()
    expr = " * ".join(f"({e}) ** {p}" for e, p in parts)
    expected = ureg.Quantity(1.0, expr)
    name = compose(parts)
    assert name == str(expected.units)
    factor, unit = base_of(name)
    base = expected.to_base_units()
    assert unit == str(base.units)
    assert factor == pytest.approx(base.magnitude, rel=1e-9)


def test_quantities_composed_unit_has_base_value(nlp):
    (q,) = find_quantities(nlp("The probe reached 12 km/s2 at launch."))
    assert (q.value_base, q.unit_base) == (pytest.approx(12000.0), "meter / second ** 2")


def _duration(value, type_="DURATION", text="three years"):
    return DateMention(start=0, end=len(text), text=text, type=type_, value=value)


@pytest.mark.parametrize(
    "value, type_, expected",
    [
        ("P3Y", "DURATION", (3.0, "year")),
        ("PT16H", "DURATION", (16.0, "hour")),
        ("PT20M", "DURATION", (20.0, "minute")),
        ("P6M", "DURATION", (6.0, "month")),
        ("P1.5D", "DURATION", (1.5, "day")),
        ("P2DE", "DURATION", (2.0, "decade")),
        ("P1Y6M", "DURATION", None),  # two units: not one amount
        ("PXY", "DURATION", None),  # "years": no number
        ("2012-06", "DATE", None),
    ],
)
def test_quantities_quantulum3_scores_durations(value, type_, expected):
    item = duration_item(_duration(value, type_))
    assert (None if item is None else (item["value"], item["unit"])) == expected


@pytest.mark.parametrize(
    "pint_unit, name",
    [
        ("1 / second", "inverse second"),
        ("1 / femtobarn", "inverse femtobarn"),
        ("meter ** 3 / second", "cubic metre per second"),
    ],
)
def test_quantities_quantulum3_inverse_units(pint_unit, name):
    assert quantulum_name(pint_unit) == name

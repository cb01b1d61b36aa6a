"""Quantities, issue 13: quantulum3's unit vocabulary (its units.json surfaces and symbols) and the
number forms left over from the coverage batch (comma lists, "point five", feet and inches by primes).

Invented sentences; rows are (text, value, unit, kind) for every quantity found.
"""

from __future__ import annotations

import pytest

from pipeline.extractors.quantities.find import find_quantities


def rows(nlp, text):
    return [(q.text, pytest.approx(q.value), q.unit, q.kind) for q in find_quantities(nlp(text))]


UNITS = [
    ("The probe measured 12 GPa at the core.", [("12 GPa", 12, "gigapascal", "dimension")]),
    ("The chamber held 760 torr.", [("760 torr", 760, "torr", "dimension")]),
    ("Barometers read 29.9 inHg at noon.", [("29.9 inHg", 29.9, "inch_Hg", "dimension")]),
    ("The collider reached 13 teraelectronvolts.", [("13 teraelectronvolts", 13, "teraelectron_volt", "dimension")]),
    ("The plant burns 4,000 Btu an hour.", [("4,000 Btu", 4000, "british_thermal_unit", "dimension")]),
    ("The laser emits 5 mW of light.", [("5 mW", 5, "milliwatt", "dimension")]),
    ("The capacitor stores 470 µF.", [("470 µF", 470, "microfarad", "dimension")]),
    ("The sample read 300 Bq per kilogram.", [("300 Bq", 300, "becquerel", "dimension")]),
    ("The farm sold 25,000 bushels of wheat.", [("25,000 bushels", 25000, "bushel", "dimension")]),
    ("The ship carried 37,000 long tons.", [("37,000 long tons", 37000, "long_ton", "dimension")]),
    ("The disk holds 512 GiB.", [("512 GiB", 512, "gibibyte", "dimension")]),
    ("Each vial holds 50 microlitres.", [("50 microlitres", 50, "microliter", "dimension")]),
    ("A lamp of 800 lumens was fitted.", [("800 lumens", 800, "lumen", "dimension")]),
    ("The atom is 1.5 ångströms wide.", [("1.5 ångströms", 1.5, "angstrom", "dimension")]),
    ("The planet is 5.2 astronomical units out.", [("5.2 astronomical units", 5.2, "astronomical_unit", "dimension")]),
    (
        "The probe fell at 9.8 metres per second squared.",
        [("9.8 metres per second squared", 9.8, "meter / second ** 2", "dimension")],
    ),
    ("The probe fell at 9.8 m/s\u00b2 all the way.", [("9.8 m/s\u00b2", 9.8, "meter / second ** 2", "dimension")]),
    # the unit in lower case; a capitalised "Teslas" are cars
    (
        "The magnet reached 3 teslas; the firm sold 300 Teslas.",
        [("3 teslas", 3, "tesla", "dimension"), ("300", 300, "tesla", "count")],
    ),
]

NUMBERS = [
    (
        "The scores were 22,24,26 and 31.",
        [
            ("22", 22, "dimensionless", "number"),
            ("24", 24, "dimensionless", "number"),
            ("26", 26, "dimensionless", "number"),
            ("31", 31, "dimensionless", "number"),
        ],
    ),
    # a thousands group is never split into a list
    (
        "Sizes 8,10,12 sold out; he scored 3,000,00 points.",
        [
            ("8", 8, "dimensionless", "number"),
            ("10", 10, "dimensionless", "number"),
            ("12", 12, "dimensionless", "number"),
        ],
    ),
    ("Add point five of the mix.", [("point five", 0.5, "dimensionless", "number")]),
    ("The ratio was twenty one over four.", [("twenty one over four", 5.25, "dimensionless", "number")]),
    ("The centre is 6'2\" tall.", [("6'2\"", 6 + 2 / 12, "foot", "dimension")]),
    ("The guard is 5\u2032 11\u2033 tall.", [("5\u2032 11\u2033", 5 + 11 / 12, "foot", "dimension")]),
]


@pytest.mark.parametrize("text, expected", UNITS + NUMBERS)
def test_vocabulary(nlp, text, expected):
    assert rows(nlp, text) == expected

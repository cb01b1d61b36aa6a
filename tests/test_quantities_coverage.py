"""Quantities, issue 13: number forms, world currencies and physical units the rules did not read.

Invented sentences; rows are (text, value, unit, kind) for every quantity found.
"""

from __future__ import annotations

import pytest

from pipeline.extractors.quantities.find import find_quantities


def rows(nlp, text):
    return [(q.text, pytest.approx(q.value), q.unit, q.kind) for q in find_quantities(nlp(text))]


NUMBERS = [
    ("Astronomers counted 3 quintillion grains.", [("3 quintillion", 3e18, "grain", "count")]),
    ("The debt could reach two quadrillion won.", [("two quadrillion won", 2e15, "KRW", "currency")]),
    ("Only one sixteenth of the land is farmed.", [("one sixteenth", 1 / 16, "dimensionless", "number")]),
    ("The fund lost one eleventh of its value.", [("one eleventh", 1 / 11, "dimensionless", "number")]),
    ("They ordered 2 thousands for the fair.", [("2 thousands", 2000, "dimensionless", "number")]),
    ("The estate has twenty thousands trees.", [("twenty thousands", 20000, "tree", "count")]),
    ("The bread needs 1\u20442 cup of milk.", [("1\u20442 cup", 0.5, "cup", "dimension")]),
    ("Mix 1 \u2044 3 of the flour first.", [("1 \u2044 3", 1 / 3, "dimensionless", "number")]),
    ("The grant was worth 1/2 million.", [("1/2 million", 5e5, "dimensionless", "number")]),
    ("In Berlin the price is 5,00 or more.", [("5,00", 5.0, "dimensionless", "number")]),
    ("Inflation reached 15,6 percent there.", [("15,6 percent", 15.6, "percent", "percent")]),
    ("The bill came to 1 234 567,89 in all.", [("1 234 567,89", 1234567.89, "dimensionless", "number")]),
    ("- 3 1/4", [("- 3 1/4", -3.25, "dimensionless", "number")]),
    # ordinals in words are ranks, not amounts
    ("She finished twenty-first in the race.", []),
    ("Pay into account 2020-55550000-1234 today.", []),
]

CURRENCIES = [
    ("A loaf costs 90 kwacha in Lusaka.", [("90 kwacha", 90, "ZMW", "currency")]),
    ("The fare is 12 bolivianos.", [("12 bolivianos", 12, "BOB", "currency")]),
    ("Rent is 3,000 quetzales a month.", [("3,000 quetzales", 3000, "GTQ", "currency")]),
    ("A tea costs 80 kopecks.", [("80 kopecks", 80, "kopek", "currency")]),
    ("Stamps rose by 50 paise.", [("50 paise", 50, "paisa", "currency")]),
    ("The stall charged 5 fen for it.", [("5 fen", 5, "fen", "currency")]),
    ("Fines of NIS 400 were imposed.", [("NIS 400", 400, "ILS", "currency")]),
]

UNITS = [
    ("The collider ran at 13 TeV.", [("13 TeV", 13, "teraelectron_volt", "dimension")]),
    ("Tyres need 2.2 bar of pressure.", [("2.2 bar", 2.2, "bar", "dimension")]),
    ("Pressure fell to 0.9 atm.", [("0.9 atm", 0.9, "standard_atmosphere", "dimension")]),
    ("Her reading was 140 mmHg.", [("140 mmHg", 140, "millimeter_Hg", "dimension")]),
    ("Emissions hit 37 gigatonnes last year.", [("37 gigatonnes", 37, "gigametric_ton", "dimension")]),
    ("The blast equalled 20 kilotons.", [("20 kilotons", 20, "kilometric_ton", "dimension")]),
    ("The diesel gives 380 Nm of torque.", [("380 Nm", 380, "meter * newton", "dimension")]),
    ("The scooter has a 125cc engine.", [("125cc", 125, "centimeter ** 3", "dimension")]),
    ("The hatchback makes 140 bhp.", [("140 bhp", 140, "horsepower", "dimension")]),
    ("The cell gives 1.5 V at most.", [("1.5 V", 1.5, "volt", "dimension")]),
    ("The tank takes 20 L of fuel.", [("20 L", 20, "liter", "dimension")]),
    ("The gas was cooled to 77 kelvin.", [("77 kelvin", 77, "kelvin", "dimension")]),
    ("A can holds 12 fl oz.", [("12 fl oz", 12, "fluid_ounce", "dimension")]),
    ("The pulse lasts 5 nanoseconds.", [("5 nanoseconds", 5, "nanosecond", "dimension")]),
    ("The flat measures 650 sqft.", [("650 sqft", 650, "foot ** 2", "dimension")]),
]


@pytest.mark.parametrize("text, expected", NUMBERS + CURRENCIES + UNITS)
def test_quantities_read(nlp, text, expected):
    assert rows(nlp, text) == expected

"""pint_names.json holds pint's own answer for every unit expression of units_physical.json."""

import pytest

from pipeline.extractors.quantities import tables as quantities


def _expressions() -> list[str]:
    phy = quantities.physical()
    return sorted(set(phy["aliases"].values()) | set(phy["case_sensitive"].values()) | set(phy["time_units"]))


def test_pint_names_cover_every_unit_expression():
    missing = [e for e in _expressions() if e not in quantities._data("pint_names.json")["names"]]
    where = "pipeline/extractors/quantities/rules/pint_names.json"
    assert not missing, f"add these to {where} (str(ureg.parse_units(expr))): {missing}"


@pytest.mark.parametrize("expr", _expressions())
def test_pint_names_match_pint(expr):
    assert quantities._data("pint_names.json")["names"][expr] == str(quantities._ureg().parse_units(expr))


def _names() -> list[str]:
    return sorted(set(quantities._data("pint_names.json")["names"].values()))


@pytest.mark.parametrize("name", _names())
def test_pint_base_factors_match_pint(name):
    """Every name has pint's base units (offset units such as degrees Celsius have none)."""
    q = quantities._ureg().Quantity(1.0, name)
    base = quantities._data("pint_names.json")["base"].get(name)
    if not q._ok_for_muldiv():
        assert base is None
        return
    expected = q.to_base_units()
    assert base is not None and base[1] == str(expected.units)
    assert base[0] == pytest.approx(expected.magnitude, rel=1e-12)


@pytest.mark.parametrize(
    "text, value_base, unit_base",
    [
        ("5 km", 5000.0, "meter"),
        ("3 miles", 4828.032, "meter"),
        ("$5m", 5e6, "USD"),  # money: in its currency
        ("12 hours", 43200.0, "second"),
        ("12 percent", None, None),
    ],
)
def test_physical_amounts_carry_base_units(text, value_base, unit_base):
    from pipeline.extractors.quantities.find import parse_quantity

    q = parse_quantity(text)
    assert (q.value_base, q.unit_base) == (value_base, unit_base)


def _ratios() -> list[str]:
    """Ratios of pint's names as ``units.compose`` writes them: every name over each time unit, and
    a spread of names over each other."""
    names = _names()
    times = sorted(quantities.pint_name(u) for u in quantities.physical()["time_units"])
    pairs = {f"{a} / {b}" for a in names[::47] for b in times if a != b}
    pairs |= {f"{a} / {b}" for a in names[::29] for b in names[3::31] if a != b}
    pairs |= {f"{a} / {b} ** 2" for a in names[::37] for b in times if a != b}
    return sorted(p for p in pairs if quantities._already_named(p))


@pytest.mark.parametrize("expr", _ratios())
def test_a_ratio_of_pint_names_is_pints_own_name(expr):
    """``pint_name`` gives such a ratio back without building pint's registry: pint agrees."""
    assert str(quantities._ureg().parse_units(expr)) == expr

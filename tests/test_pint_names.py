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

"""Unit-cell arithmetic against analytic values and Extended Data Table 1."""

from __future__ import annotations

import math

import pytest
from uncertainties import ufloat

from nickelate_utils.crystal import (
    average_inplane_constant,
    calculated_density,
    formula_weight,
    inplane_distortion,
    monoclinic_volume,
)


def test_volume_reduces_to_orthorhombic_at_90_degrees() -> None:
    assert monoclinic_volume(2.0, 3.0, 4.0, 90.0) == pytest.approx(24.0)


def test_volume_of_a_known_oblique_cell() -> None:
    assert monoclinic_volume(1.0, 1.0, 1.0, 150.0) == pytest.approx(0.5)


def test_volume_and_uncertainty_match_extended_data_table_1() -> None:
    v = monoclinic_volume(
        ufloat(5.4370, 2e-4), ufloat(5.3978, 2e-4), ufloat(10.6173, 4e-4), ufloat(104.817, 1e-3)
    )
    assert v.nominal_value == pytest.approx(301.234, abs=5e-4)
    assert v.std_dev == pytest.approx(0.019, abs=1e-3)


def test_density_definition() -> None:
    # 1 formula unit of 602.214076 g/mol in 1000 A^3 -> 1 g/cm^3
    assert calculated_density(602.214076, 1, 1000.0) == pytest.approx(1.0)


def test_formula_weight_of_la3ni2o7() -> None:
    assert formula_weight("La3Ni2O7") == pytest.approx(3 * 138.90547 + 2 * 58.6934 + 7 * 15.9994)


def test_distortion_and_average() -> None:
    assert inplane_distortion(5.5, 5.5) == 0.0
    assert inplane_distortion(3.0, 1.0) == pytest.approx(0.5)
    assert average_inplane_constant(math.sqrt(2) * 3.8, math.sqrt(2) * 3.8) == pytest.approx(3.8)


@pytest.mark.parametrize(
    ("args", "message"),
    [((0.0, 1.0, 1.0, 90.0), "a must be positive"), ((1.0, 1.0, 1.0, 180.0), "beta must lie")],
)
def test_bad_cells_are_rejected(args: tuple[float, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        monoclinic_volume(*args)


def test_bad_density_inputs() -> None:
    with pytest.raises(ValueError, match="Z must be"):
        calculated_density(600.0, 0, 300.0)
    with pytest.raises(ValueError, match="volume must be positive"):
        calculated_density(600.0, 2, -1.0)

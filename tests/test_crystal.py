"""Unit-cell arithmetic against analytic values and Extended Data Table 1."""

from __future__ import annotations

import math

import numpy as np
import pytest
from uncertainties import ufloat

from nickelate_utils.physics.composition import formula_weight
from nickelate_utils.physics.diffraction import (
    bragg_angle_deg,
    independent_reflections_2m,
    max_indices,
    theta_min_deg,
)
from nickelate_utils.physics.lattice import (
    average_inplane_constant,
    calculated_density,
    cmcm_axes_from_p21m,
    d001_monoclinic,
    inplane_distortion,
    monoclinic_volume,
)
from nickelate_utils.physics.xray import (
    absorption_coefficient_per_mm,
    f000_electrons,
    linear_absorption_per_mm,
    mass_attenuation_cm2_g,
    photon_energy_ev,
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
    [((0.0, 1.0, 1.0, 90.0), "a must be a positive finite number, got 0.0"),
     ((1.0, float("inf"), 1.0, 90.0), "b must be a positive finite number, got inf"),
     ((1.0, 1.0, 1.0, 180.0), "beta must lie")],
)
def test_bad_cells_are_rejected(args: tuple[float, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        monoclinic_volume(*args)


def test_bad_density_inputs() -> None:
    with pytest.raises(ValueError, match="Z must be"):
        calculated_density(600.0, 0, 300.0)
    with pytest.raises(ValueError, match="volume must be a positive finite number, got -1.0"):
        calculated_density(600.0, 2, -1.0)


def test_f000_counts_electrons() -> None:
    assert f000_electrons("NaCl", 4) == 4 * (11 + 17)  # rock salt: 112
    assert f000_electrons("La3Ni2O7", 2) == 2 * (3 * 57 + 2 * 28 + 7 * 8)  # 566, Extended Data Table 1
    with pytest.raises(ValueError, match="Z must be"):
        f000_electrons("NaCl", 0)


def test_photon_energy_of_mo_kalpha() -> None:
    assert photon_energy_ev(0.71073) == pytest.approx(12398.42 / 0.71073, rel=1e-6)


def test_theta_min_from_d001() -> None:
    # cubic a = 10 A, lambda = 1 A: largest d = 10 A, sin(theta) = 0.05
    assert theta_min_deg(10.0, 10.0, 10.0, 90.0, 1.0) == pytest.approx(math.degrees(math.asin(0.05)))
    # Extended Data Table 1: 1.984 deg for La3Ni2O7 from d(001) = c sin(beta)
    d = d001_monoclinic(10.6173, 104.817)
    assert d == pytest.approx(10.6173 * math.sin(math.radians(104.817)))
    assert bragg_angle_deg(d, 0.71073) == pytest.approx(1.984, abs=5e-4)


def test_reflection_count_on_a_cubic_cell_by_hand() -> None:
    # a = b = c = 1 A, beta = 90 deg, 1/d <= 1.5 A^-1: the 6 points of shell 1 and 12 of shell 2.
    # 2/m orbits: {100,-100}, {001,00-1}, {010,0-10} (absent: 0k0, k odd), {110,...} (4), {011,...} (4),
    # {101,-10-1}, {10-1,-101}: 6 independent reflections, 7 without the screw-axis absence.
    lam = 2 * math.sin(math.radians(30.0)) / 1.5
    assert independent_reflections_2m(1.0, 1.0, 1.0, 90.0, 30.0, lam) == 6
    assert independent_reflections_2m(1.0, 1.0, 1.0, 90.0, 30.0, lam, remove_21_absences=False) == 7
    assert max_indices(1.0, 1.0, 1.0, 90.0, 30.0, lam) == (1, 1, 1)
    with pytest.raises(ValueError, match="theta_max"):
        max_indices(1.0, 1.0, 1.0, 90.0, 95.0, lam)


def test_independent_reflections_of_extended_data_table_1() -> None:
    assert independent_reflections_2m(5.4370, 5.3978, 10.6173, 104.817, 33.132, 0.71073) == 1255
    assert max_indices(5.4370, 5.3978, 10.6173, 104.817, 33.132, 0.71073) == (8, 8, 16)


def test_absorption_against_a_hand_computation() -> None:
    # fcc Ni, a = 3.524 A, Z = 4: rho = 4 * 58.6934 / (N_A a^3) = 8.91 g/cm^3; mu = rho * (mu/rho)
    energy = photon_energy_ev(0.71073)
    vol = 3.524**3
    rho = 4 * 58.6934 / (6.02214076e23 * vol * 1e-24)
    for table in ("Elam", "Chantler"):
        by_hand = rho * mass_attenuation_cm2_g("Ni", energy, table) / 10.0
        assert linear_absorption_per_mm("Ni", 4, vol, 0.71073, table) == pytest.approx(by_hand, rel=1e-9)
    # the tabulated mu/rho of Ni at 17.4 keV is about 47 cm^2/g -> mu about 42 mm^-1
    mu = absorption_coefficient_per_mm("Ni", 4, vol, 0.71073)
    assert mu.nominal_value == pytest.approx(41.6, rel=0.02)
    assert 0 < mu.std_dev < 0.05 * mu.nominal_value
    with pytest.raises(ValueError, match="unknown table"):
        mass_attenuation_cm2_g("Ni", energy, "Henke")


def test_cmcm_axes() -> None:
    long_axis, b, c = cmcm_axes_from_p21m(5.4529, 5.3598, 10.4970, 105.053)
    assert long_axis == pytest.approx(2 * 10.4970 * math.sin(math.radians(105.053)))
    assert (b, c) == (5.4529, 5.3598)


def test_cmcm_reflection_conditions() -> None:
    from nickelate_utils.physics.diffraction import absent_cmcm

    hkl = np.array([[0, 1, 0], [0, 1, 2], [0, 2, 1], [1, 0, 1], [2, 0, 2], [1, 1, 0], [1, 2, 3]])
    assert absent_cmcm(hkl).tolist() == [True, True, False, True, False, False, True]

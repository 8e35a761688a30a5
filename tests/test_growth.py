"""Chapter 1 functions against Shannon's table, analytic cases and the paper's numbers."""

from __future__ import annotations

import numpy as np
import pytest

from nickelate_utils.chapters import growth, growth_eds
from nickelate_utils.data import load_table
from nickelate_utils.physics import composition, trends, xray


@pytest.mark.parametrize(("element", "radius"), [("La", 1.216), ("Sm", 1.132), ("Er", 1.062)])
def test_shannon_radii_cn9(element: str, radius: float) -> None:
    assert composition.shannon_radius_angstrom(element) == pytest.approx(radius)


def test_missing_radius_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no Shannon radius for Pr3\\+ with coordination XII"):
        composition.shannon_radius_angstrom("Pr", 3, "XII")


def test_partition_coefficient_analytic() -> None:
    assert composition.partition_coefficient(2.0, 1.0, 2.0, 1.0) == pytest.approx(1.0)
    assert composition.partition_coefficient(2.0, 1.0, 1.0, 2.0) == pytest.approx(0.25)
    with pytest.raises(ValueError, match="undefined"):
        composition.partition_coefficient(2.0, 1.0, 2.0, 0.0)


def test_max_substitution_matches_main_text() -> None:
    best = growth.max_substitution(load_table("growth", "flux_growth")).set_index("rare_earth")
    assert best.loc[["Pr", "Nd", "Sm"], "x_max"].tolist() == [2.67, 2.13, 1.43]
    assert list(best.index) == ["Pr", "Nd", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er"]


def test_implied_substitution_inverts_the_formula_weight() -> None:
    from nickelate_utils.physics.composition import formula_weight

    m = formula_weight("La2.5Sm0.5Ni2O7")
    assert composition.implied_substitution(m, "La3Ni2O7", "Sm") == pytest.approx(0.5)


def test_exact_spearman_on_small_known_cases() -> None:
    # n = 4, perfectly monotone: only the identity pairing reaches rho = 1 -> p_greater = 1/24, two-sided 2/24
    t = trends.exact_spearman_test(np.array([1.0, 2.0, 3.0, 4.0]), np.array([10.0, 20.0, 30.0, 40.0]))
    assert t.rho == pytest.approx(1.0)
    assert t.p_greater == pytest.approx(1 / 24)
    assert t.p_two_sided == pytest.approx(2 / 24)
    assert t.n_permutations == 24
    # n = 3, one swap: rho = 0.5, pairings with rho >= 0.5 are the identity and the two adjacent swaps -> 3/6
    t3 = trends.exact_spearman_test(np.array([1.0, 2.0, 3.0]), np.array([2.0, 1.0, 3.0]))
    assert t3.rho == pytest.approx(0.5)
    assert t3.p_greater == pytest.approx(3 / 6)
    # n = 9 with one transposition two ranks apart: sum d^2 = 8 ... rho = 1 - 6*8/720
    x = np.arange(9.0)
    y = x.copy()
    y[[6, 8]] = y[[8, 6]]
    assert trends.exact_spearman_test(x, y).rho == pytest.approx(1 - 6 * 8 / 720)
    with pytest.raises(ValueError, match="n <= 10"):
        trends.exact_spearman_test(np.arange(11.0), np.arange(11.0))
    with pytest.raises(ValueError, match="equal length"):
        trends.exact_spearman_test(np.arange(3.0), np.arange(4.0))


def test_trend_split_separates_maxima_from_the_fixed_flux_series() -> None:
    split = growth.trend_split(load_table("growth", "flux_growth"))
    maxima, t_max = split["maxima"]
    assert list(maxima["rare_earth"]) == ["Pr", "Nd", "Sm"]
    assert t_max.p_greater == pytest.approx(1 / 6)  # three points can never reach 5 %
    fixed, t_fix = split["fixed_flux"]
    assert len(fixed) == 9
    # Sm (0.97) above Nd (0.85) and Pr (0.95): sum d^2 = 6 -> rho = 1 - 36/720
    assert t_fix.rho == pytest.approx(0.95)
    assert 0 < t_fix.p_two_sided < 1e-3


def test_eds_uncertainties_and_gap() -> None:
    assert growth_eds.eds_x_uncertainty(1.5, 0.1) == pytest.approx(1.5 * 1.5 / 3 * 0.1)
    assert growth_eds.eds_x_uncertainty(0.0) == 0.0
    assert growth_eds.eds_ratio_uncertainty(1.5, 0.1) == pytest.approx(0.15)
    gap, sigma = growth_eds.class_gap(np.array([0.95, 0.85]), np.array([0.83, 0.5]), 0.0)
    assert gap == pytest.approx(0.02) and sigma == 0.0
    with pytest.raises(ValueError, match="x must lie"):
        growth_eds.eds_x_uncertainty(3.5)


def test_eds_table_is_normalised_to_three() -> None:
    assert (growth.normalisation_residuals(load_table("growth", "flux_growth")).abs() < 0.005).all()


def test_la_lbeta_overlaps_pr_lalpha() -> None:
    pairs = xray.line_overlaps("La", "Pr", 20.0)
    assert pairs[0][:2] == ("Lb1", "La1") and pairs[0][2] < 10.0  # 5.04 keV, a few eV apart
    assert xray.line_overlaps("O", "Ni", 1.0) == []


def test_growth_condition_helpers() -> None:
    assert composition.oxygen_partial_pressure_bar() == pytest.approx(0.2122, abs=1e-4)
    assert composition.oxygen_partial_pressure_bar(10.0, 1.0) == 10.0
    assert xray.rietveld_gof(7.11, 3.27) == pytest.approx(2.1743, abs=1e-4)
    with pytest.raises(ValueError, match="positive"):
        xray.rietveld_gof(7.11, 0.0)


def test_formula_weight_readings() -> None:
    weights = {"La": 138.91, "Ni": 58.71, "O": 15.9994, "Sm": 150.35}
    assert composition.formula_weight_from_table("La3Ni2O7", weights) == pytest.approx(646.1458)
    with pytest.raises(ValueError, match="no atomic weight"):
        composition.formula_weight_from_table("La3Ni2O7", {"La": 138.91})
    from nickelate_utils.physics.composition import formula_weight

    m = formula_weight("La2SmNi2O6.9")
    assert composition.implied_oxygen_deficiency(m, "La2SmNi2O7") == pytest.approx(0.1)
    readings = growth.composition_readings(656.85, 2, 296.26, 0.71073)
    assert readings["F000"].iloc[0] == 576.0
    assert readings["M_g_mol"].iloc[1:].to_numpy() == pytest.approx([656.85, 656.85])
    assert (readings["F000"].iloc[1:].round() == 575).all()  # both readings give the table's F(000)


def test_weight_per_electron() -> None:
    # IUPAC: O 15.999 (8 electrons); Sm 150.36 (Z = 62) -> La 138.905 (Z = 57)
    assert composition.weight_per_electron_g_mol("O") == pytest.approx(15.999 / 8, abs=1e-3)
    assert composition.weight_per_electron_g_mol("Sm", "La") == pytest.approx((150.36 - 138.905) / 5, abs=1e-3)
    # the two readings of the La2SmNi2O7 weight deficit predict different electron deficits
    assert composition.weight_per_electron_g_mol("Sm", "La") > 1.1 * composition.weight_per_electron_g_mol("O")
    with pytest.raises(ValueError, match="same atomic number"):
        composition.weight_per_electron_g_mol("La", "La")


def test_eds_assumption_is_half_the_quoted_band() -> None:
    assert growth_eds.EDS_RATIO_REL_SIGMA == pytest.approx(growth_eds.EDS_STANDARDLESS_BAND_REL / 2)
    lo, hi = growth_eds.EDS_FIRST_PRINCIPLES_ERROR_RANGE
    band = growth_eds.EDS_STANDARDLESS_BAND_REL
    assert lo < -band and hi > band  # the verified range is wider
    assert f"{100 * growth_eds.EDS_RATIO_REL_SIGMA:g} %" in growth_eds.EDS_UNCERTAINTY_SOURCE


def test_chapter_claims_statuses() -> None:
    claims = growth.claims()
    status = {c.claim_id: c.status for c in claims}
    assert len(claims) >= 95
    assert status["G1"] == status["G2"] == status["G3"] == "consistent"  # the paper with itself
    assert status["G4"] == "discrepant"  # Eu 0.83 vs Nd 0.85: no gap between the classes
    assert status["G5a"] == status["G5b"] == "consistent"
    # identities among the table's own numbers (V = abc sin beta, rho = ZM/(N_A V) with the printed M,
    # theta_min from the printed c, beta and lambda, GOF = Rwp/Rexp): the paper agreeing with itself
    for cid in ("G7", "G8", "G9", "G10", "G19", "G20", "G120"):
        assert status[cid] == "consistent", cid
    assert status["G11"] == status["G12"] == status["G15"] == "discrepant"
    assert status["G14"] == "reproduced" and status["G16"] == "consistent"
    assert status["G17"] == status["G18"] == "reproduced"  # xraydb cross sections: knowledge the paper does not state
    assert status["G37"] == status["G38"] == "reproduced"
    assert status["G26"] == status["G32"] == "discrepant"  # -8 <= k <= -8
    assert status["G13"] == "not reproducible from public data"
    assert not hasattr(growth, "NEAR_ONE")

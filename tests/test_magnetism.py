"""Chapter 5 functions against analytic values, tabulated factors and the paper's numbers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nickelate_utils import magnetism as mg
from nickelate_utils.data import load_table

# --- units -------------------------------------------------------------------------------------

def test_cgs_si_conversion() -> None:
    assert mg.chi_si_from_cgs(-1 / (4 * math.pi)) == pytest.approx(-1.0)
    assert mg.chi_cgs_from_si(mg.chi_si_from_cgs(0.0123)) == pytest.approx(0.0123)


def test_volume_and_moment_round_trip() -> None:
    # 180 um x 20 um cylinder: pi (0.018 cm)^2 (0.002 cm) / 4
    v = mg.cylinder_volume_cm3(180.0, 20.0)
    assert v == pytest.approx(math.pi * 0.018**2 * 0.002 / 4)
    # a perfect diamagnet (chi_SI = -1) of 1 cm^3 in 1 Oe carries -1/(4 pi) emu
    assert mg.moment_emu_from_chi_si(-1.0, 1.0, 1.0) == pytest.approx(-1 / (4 * math.pi))
    m = mg.moment_emu_from_chi_si(-1.313, 10.0, v)
    assert mg.chi_si_from_moment(m, 10.0, v) == pytest.approx(-1.313)


def test_rescaling_with_thickness() -> None:
    assert mg.rescale_chi_for_thickness(-1.0, 10.0, 20.0) == pytest.approx(-2.0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: mg.cylinder_volume_cm3(180.0, 0.0), "thickness_um must be a positive finite number, got 0.0"),
        (lambda: mg.cylinder_volume_cm3(-1.0, 20.0), "diameter_um must be a positive finite number, got -1.0"),
        (lambda: mg.chi_si_from_moment(1e-6, 0.0, 1.0), "field_oe must be a positive finite number"),
        (lambda: mg.chi_si_from_moment(1e-6, 10.0, 0.0), "volume_cm3 must be a positive finite number"),
        (lambda: mg.demag_cylinder_approx(0.0, 180.0), "thickness_um must be a positive finite number"),
        (lambda: mg.demag_cylinder_magnetometric(20.0, float("nan")), "diameter_um must be a positive finite"),
        (lambda: mg.rescale_chi_for_thickness(-1.0, 0.0, 20.0), "thickness_um must be a positive finite"),
    ],
)
def test_bad_geometry_is_a_clear_error(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        call()


# --- demagnetizing factors -----------------------------------------------------------------------

def test_paper_equation_2() -> None:
    assert mg.demag_cylinder_approx(20.0, 180.0) == pytest.approx(1 / (1 + 1.6 / 9))
    assert round(mg.demag_cylinder_approx(20.0, 180.0), 3) == 0.849


def test_magnetometric_factor_against_tabulated_value() -> None:
    # Chen, Brug & Goldfarb (1991): N_m(chi = 0) = 0.3116 for length = diameter
    assert mg.demag_cylinder_magnetometric(1.0, 1.0) == pytest.approx(0.3116, abs=5e-5)


def test_magnetometric_factor_limits() -> None:
    # thin disk: 1 - N ~ (2 g / pi)(ln(4/g) - 1/2); long rod: N -> 4 d / (3 pi h)
    g = 1e-3
    thin = 1 - mg.demag_cylinder_magnetometric(g, 1.0)
    assert thin == pytest.approx(2 * g / math.pi * (math.log(4 / g) - 0.5), rel=1e-3)
    n_rod = mg.demag_cylinder_magnetometric(1000.0, 1.0)
    assert n_rod * 1000.0 == pytest.approx(4 / (3 * math.pi), rel=1e-3)
    with pytest.raises(ValueError, match=r"computed for 1e-3 <= h/d <= 1e3, got h/d = 0.0001"):
        mg.demag_cylinder_magnetometric(1e-4, 1.0)
    values = [mg.demag_cylinder_magnetometric(h, 1.0) for h in (0.01, 0.1, 1.0, 10.0)]
    assert values == sorted(values, reverse=True)


def test_thin_disk_limit() -> None:
    # 1 - N = 3 pi h / (4 d); the magnetometric (chi = 0) factor approaches 1 more slowly
    assert 1 - mg.demag_thin_disk(1.0, 100.0) == pytest.approx(3 * math.pi / 400)
    with pytest.raises(ValueError, match=r"thin-disk limit needs h/d < 4/\(3 pi\) = 0.424, got h/d = 0.500"):
        mg.demag_thin_disk(1.0, 2.0)


def test_all_three_estimates_agree_as_the_disk_gets_thin() -> None:
    est = mg.demag_estimates(1.0, 1000.0)
    assert all(n == pytest.approx(1.0, abs=1e-2) for n in est.values())
    assert list(est) == list(mg.DEMAG_METHODS)


# --- demagnetization algebra ---------------------------------------------------------------------

@pytest.mark.parametrize("chi_int", [-1.0, -0.621, -0.05, 0.3])
@pytest.mark.parametrize("n", [0.0, 0.3116, 0.849])
def test_round_trip_internal_measured(chi_int: float, n: float) -> None:
    chi_m = mg.measured_susceptibility(chi_int, n)
    assert mg.internal_susceptibility(chi_m, n) == pytest.approx(chi_int)
    assert mg.demag_from_pair(chi_m, chi_int) == pytest.approx(n, abs=1e-12)


def test_full_meissner_state() -> None:
    # chi_int = -1 -> chi_m = -1/(1 - N), and both fractions equal 1
    n = 0.849
    chi_m = mg.measured_susceptibility(-1.0, n)
    assert chi_m == pytest.approx(-1 / (1 - n))
    assert mg.meissner_fraction(chi_m, n) == pytest.approx(1.0)
    assert mg.internal_fraction(chi_m, n) == pytest.approx(1.0)


def test_fraction_relation() -> None:
    n, chi_m = 0.8, -1.2
    f = mg.meissner_fraction(chi_m, n)
    assert mg.internal_fraction(chi_m, n) == pytest.approx(f / (1 - n * (1 - f)))
    assert mg.demag_for_fraction(chi_m, f) == pytest.approx(n)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: mg.internal_susceptibility(-1.0, 1.0), r"N must lie in \[0, 1\), got 1.0"),
        (lambda: mg.internal_susceptibility(-1.0, -0.1), r"N must lie in \[0, 1\), got -0.1"),
        (lambda: mg.measured_susceptibility(-0.5, 1.2), r"N must lie in \[0, 1\), got 1.2"),
        (lambda: mg.internal_susceptibility(2.0, 0.5), "1 - N chi_m <= 0"),
        (lambda: mg.measured_susceptibility(-2.0, 0.5), "chi_int must exceed -1/N"),
        (lambda: mg.meissner_fraction(0.2, 0.5), "needs chi < 0, got chi = 0.2"),
        (lambda: mg.internal_fraction(0.0, 0.5), "needs chi < 0, got chi = 0.0"),
        (lambda: mg.meissner_fraction(-1.0, 1.0), r"N must lie in \[0, 1\)"),
        (lambda: mg.demag_from_pair(0.0, -1.0), "must be non-zero"),
        (lambda: mg.demag_for_fraction(-1.0, 1.5), r"fraction must lie in \(0, 1\]"),
        (lambda: mg.demag_for_fraction(-0.1, 0.5), r"no N in \[0, 1\) gives f = 0.5"),
    ],
)
def test_bad_demagnetization_input(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        call()


# --- the paper's numbers ---------------------------------------------------------------------

def test_methods_chain_reproduces_the_paper() -> None:
    chi = load_table("meissner", "susceptibility").set_index("mode")["chi_raw_si"]
    n = mg.demag_cylinder_approx(20.0, 180.0)
    assert round(mg.internal_susceptibility(chi["ZFC"], n), 3) == -0.621
    assert round(mg.internal_susceptibility(chi["FC"], n), 3) == -0.144
    # Eq. 3 applied to the printed pairs returns N = 0.849 within rounding
    assert mg.demag_from_pair(-1.313, -0.621) == pytest.approx(0.849, abs=2e-3)
    assert mg.demag_from_pair(-0.164, -0.144) == pytest.approx(0.849, abs=5e-3)
    # the moment ratio with the paper's own N is about a third of 62.1 %
    assert mg.meissner_fraction(chi["ZFC"], n) == pytest.approx(0.1982, abs=1e-4)


def test_fraction_table_shape_and_thickness_invariance() -> None:
    table = mg.fraction_table({"ZFC": -1.313, "FC": -0.164}, 180.0, 20.0, [15.0, 20.0, 25.0])
    assert len(table) == 3 * 2 * 3
    assert set(table.columns) == {"mode", "method", "thickness_um", "n_demag", "chi_raw_si", "f", "f_prime"}
    thin = table[(table["method"] == mg.DEMAG_METHODS[2]) & (table["mode"] == "ZFC")]
    # thin-disk Meissner moment (8/3) R^3 H does not depend on h: f is thickness independent
    assert np.ptp(thin["f"].to_numpy()) == pytest.approx(0.0, abs=1e-12)


def test_reconstruction_passes_through_published_points() -> None:
    t = np.array([10.0, 40.0, 59.0, 60.0, 80.0])
    chi = mg.reconstruct_chi_t(t, 60.0, -1.313, 40.0, background_si=0.01)
    assert chi[1] == pytest.approx(-1.313 + 0.01)
    assert chi[3] == pytest.approx(0.01) and chi[4] == pytest.approx(0.01)
    assert chi[0] < chi[1] < chi[2] < 0.01
    with pytest.raises(ValueError, match="must be below tc_kelvin"):
        mg.reconstruct_chi_t(t, 60.0, -1.0, 70.0)
    with pytest.raises(ValueError, match="non-negative"):
        mg.reconstruct_chi_t(np.array([-1.0]), 60.0, -1.0, 40.0)


def test_chapter_claims_statuses() -> None:
    status = {c.claim_id: c.status for c in mg.claims()}
    assert status["M1"] == status["M2"] == status["M3"] == "reproduced"
    assert status["M4"] == status["M5"] == status["M6"] == "discrepant"
    assert status["M7"] == "illustrated"
    assert status["M8"] == status["M9"] == "not reproducible from public data"


def test_data_tables() -> None:
    sample = load_table("meissner", "sample").iloc[0]
    assert (sample["diameter_um"], sample["thickness_um"], sample["field_oe"]) == (180, 20, 10)
    lit = load_table("meissner", "literature").set_index("ref_id")
    assert lit.loc["KT2026-corrected", "status"] == "secondary"
    assert lit.loc["KT2026-quote", "status"] == "verified"
    assert lit.loc["CBG1991", "value"] == pytest.approx(0.3116)


# --- authors' source data (fixture, never in the book) ---------------------------------------

def test_source_curves_absent_means_reconstruction(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert mg.load_source_curves(tmp_path) is None


def test_source_curves_fixture_and_background_difference() -> None:
    from nickelate_utils.paths import REPO_ROOT

    curves = mg.load_source_curves(REPO_ROOT / "tests" / "fixtures" / "meissner")
    assert curves is not None and len(curves) == 8
    # chi(40 K) - chi(60 K) as in the Methods: -1.3 - 0.013
    assert mg.chi_difference(curves, "ZFC", 40.0, 60.0) == pytest.approx(-1.313)
    assert mg.chi_difference(curves, "FC", 35.0, 60.0) == pytest.approx(-0.175 - 0.014)
    with pytest.raises(ValueError, match="T = 80.0 K is outside the ZFC data"):
        mg.chi_difference(curves, "ZFC", 40.0, 80.0)
    with pytest.raises(ValueError, match="no ZFC curve"):
        mg.chi_difference(curves[curves["mode"] == "FC"], "ZFC", 40.0, 60.0)


def test_bad_source_curves_name_line_and_column() -> None:
    from nickelate_utils.paths import REPO_ROOT

    with pytest.raises(ValueError, match=r"fig3e.csv, line 3, column 'mode': mode must be ZFC or FC"):
        mg.load_source_curves(REPO_ROOT / "tests" / "fixtures" / "meissner_bad")

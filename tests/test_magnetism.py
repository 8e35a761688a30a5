"""Chapter 5 functions against analytic values, tabulated factors and the paper's numbers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nickelate_utils.chapters import meissner as mg
from nickelate_utils.data import load_table
from nickelate_utils.physics import demagnetization as dm
from nickelate_utils.physics import equation_of_state as eos
from nickelate_utils.physics import susceptibility as sus

# --- units -------------------------------------------------------------------------------------

def test_cgs_si_conversion() -> None:
    assert sus.chi_si_from_cgs(-1 / (4 * math.pi)) == pytest.approx(-1.0)
    assert sus.chi_cgs_from_si(sus.chi_si_from_cgs(0.0123)) == pytest.approx(0.0123)


def test_volume_and_moment_round_trip() -> None:
    # 180 um x 20 um cylinder: pi (0.018 cm)^2 (0.002 cm) / 4
    v = sus.cylinder_volume_cm3(180.0, 20.0)
    assert v == pytest.approx(math.pi * 0.018**2 * 0.002 / 4)
    # a perfect diamagnet (chi_SI = -1) of 1 cm^3 in 1 Oe carries -1/(4 pi) emu
    assert sus.moment_emu_from_chi_si(-1.0, 1.0, 1.0) == pytest.approx(-1 / (4 * math.pi))
    m = sus.moment_emu_from_chi_si(-1.313, 10.0, v)
    assert sus.chi_si_from_moment(m, 10.0, v) == pytest.approx(-1.313)


def test_rescaling_with_thickness() -> None:
    assert sus.rescale_chi_for_thickness(-1.0, 10.0, 20.0) == pytest.approx(-2.0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: sus.cylinder_volume_cm3(180.0, 0.0), "thickness_um must be a positive finite number, got 0.0"),
        (lambda: sus.cylinder_volume_cm3(-1.0, 20.0), "diameter_um must be a positive finite number, got -1.0"),
        (lambda: sus.chi_si_from_moment(1e-6, 0.0, 1.0), "field_oe must be a positive finite number"),
        (lambda: sus.chi_si_from_moment(1e-6, 10.0, 0.0), "volume_cm3 must be a positive finite number"),
        (lambda: sus.rescale_chi_for_thickness(-1.0, 0.0, 20.0), "thickness_um must be a positive finite"),
    ],
)
def test_bad_geometry_is_a_clear_error(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        call()


# --- the chapter's comparisons ---------------------------------------------------------------------

def test_demag_estimates_for_the_crystal() -> None:
    est = mg.demag_estimates(20.0, 180.0, 1.6)
    assert list(est) == list(mg.DEMAG_METHODS)
    assert round(est["Eq. 2 of the paper"], 3) == 0.849
    assert est[mg.EFFECTIVE] == pytest.approx(0.8152, abs=1e-4)
    # ordering at h/d = 1/9: thin-disk term < chi = 0 < chi = -1 < Eq. 2
    assert est["thin-disk leading term"] < est["χ = 0 magnetometric (closed form)"] < est[mg.EFFECTIVE]
    assert est[mg.EFFECTIVE] < est["Eq. 2 of the paper"]
    assert math.isnan(mg.demag_estimates(100.0, 180.0, 1.6)["thin-disk leading term"])


def test_methods_chain_reproduces_the_paper() -> None:
    x = mg.chapter_inputs()
    n = dm.eq2_cylinder(x["thickness_um"] / x["diameter_um"], x["demag_coefficient"])
    assert round(sus.internal_susceptibility(x["chi0_zfc"], n), 3) == -0.621
    assert round(sus.internal_susceptibility(x["chi0_fc"], n), 3) == -0.144
    assert sus.demag_from_pair(-1.313, -0.621) == pytest.approx(0.849, abs=2e-3)
    # the moment ratio with the chi = -1 N is about 24 %, with the paper's N about 20 %
    assert sus.meissner_fraction(x["chi0_zfc"], n) == pytest.approx(0.1982, abs=1e-4)
    assert sus.meissner_fraction(x["chi0_zfc"], mg.demag_estimates(20.0, 180.0, 1.6)[mg.EFFECTIVE]) == pytest.approx(
        0.2427, abs=2e-4
    )


def test_thickness_sensitivity_moment_ratio_is_robust() -> None:
    table = mg.fraction_table({"ZFC": -1.313, "FC": -0.164}, 180.0, 20.0, [15.0, 20.0, 25.0], 1.6)
    assert set(table.columns) == {"mode", "method", "thickness_um", "n_demag", "chi_raw_si", "f", "f_prime"}
    sub = table[(table["mode"] == "ZFC") & (table["method"] == mg.EFFECTIVE)].set_index("thickness_um")
    spread_f = np.ptp(sub["f"].to_numpy()) / sub.loc[20.0, "f"]
    spread_fp = np.ptp(sub["f_prime"].to_numpy()) / sub.loc[20.0, "f_prime"]
    assert spread_f < spread_fp  # the moment ratio depends less on the uncertain thickness
    # the thin-disk moment does not depend on h, so its f is flat (and the term is not valid here)
    thin = table[(table["method"] == "thin-disk leading term") & (table["mode"] == "ZFC")]
    assert np.ptp(thin["f"].to_numpy()) == pytest.approx(0.0, abs=1e-12)


def test_compressed_volume_from_chapter_6_eos() -> None:

    r = mg.compressed_volume_ratio(20.6)
    assert r == pytest.approx(eos.birch_murnaghan_volume_angstrom3(20.6, 1.0, eos.ASSUMED_K0_GPA, eos.ASSUMED_K0_PRIME))
    assert 0.85 < r < 0.95
    assert mg.compressed_volume_ratio(20.6, 120.0) < r < mg.compressed_volume_ratio(20.6, 200.0)


def test_small_helpers() -> None:
    assert mg.fits_in_chamber(180.0, 260.0) and not mg.fits_in_chamber(300.0, 260.0)
    assert mg.is_volume_fraction(0.62) and not mg.is_volume_fraction(-1.313)
    assert mg.linear_tc_at_pressure(20.6, 15.5, 47.0, 21.6, 73.0) == pytest.approx(47 + 26 * 5.1 / 6.1)
    with pytest.raises(ValueError, match="must differ"):
        mg.linear_tc_at_pressure(20.0, 21.0, 1.0, 21.0, 2.0)


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
    claims = {c.claim_id: c for c in mg.claims()}
    status = {k: c.status for k, c in claims.items()}
    assert len(claims) >= 32
    # Eq. 2 and Eq. 3 as printed: arithmetic of the paper's own formula
    assert status["M1"] == status["M2"] == status["M3"] == "consistent"
    # the chi = -1 N of this cylinder is not 0.849
    assert status["M10"] == "discrepant" and claims["M10"].ours == pytest.approx(0.815, abs=1e-3)
    for cid in ("M4", "M5", "M6", "M41"):
        assert status[cid] == "disputed" and len(claims[cid].readings) >= 2
    values = [r.value for r in claims["M4"].readings]
    assert max(values) > 60 > min(values)  # one reading above, one below the paper's '>60 %'
    assert status["M40"] == "not reproducible from public data" and claims["M40"].consequence == "high"
    assert status["M31"] == "discrepant"
    assert status["M7"] == "illustrated" and claims["M7"].ours is None
    # the thin-disk 34.4 % is gone from the register
    assert not any("34.4" in c.note for c in claims.values())


def test_data_tables() -> None:
    x = mg.chapter_inputs()
    assert (x["diameter_um"], x["thickness_um"], x["field_oe"]) == (180, 20, 10)
    sample = load_table("meissner", "sample").set_index("parameter")
    assert sample.loc["p_gpa", "attribution"] == "inferred"
    lit = load_table("meissner", "literature").set_index("ref_id")
    assert lit.loc["KT2026-corrected", "status"] == "secondary"
    assert lit.loc["CBG1991-chi-1", "status"] == "unverified"
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

    with pytest.raises(ValueError, match=r"data/source/susceptibility/fig3e.csv, line 3, column 'mode': .*enum"):
        mg.load_source_curves(REPO_ROOT / "tests" / "fixtures" / "meissner_bad")


def test_source_curves_carry_provenance() -> None:
    from nickelate_utils.paths import REPO_ROOT
    from nickelate_utils.provenance import provenance_markdown

    curves = mg.load_source_curves(REPO_ROOT / "tests" / "fixtures" / "meissner")
    assert curves is not None
    assert list(curves["mode"]) == ["FC"] * 4 + ["ZFC"] * 4  # sorted by mode, then temperature
    assert curves.attrs["provenance"].path == "data/source/susceptibility/fig3e.csv"
    assert "data/source/susceptibility/fig3e.csv" in provenance_markdown([curves], [mg.load_source_curves])


def test_diamagnetic_onset_of_the_fixture() -> None:
    from nickelate_utils.paths import REPO_ROOT

    curves = mg.load_source_curves(REPO_ROOT / "tests" / "fixtures" / "meissner")
    # ZFC: chi_n = 0.013, depth 1.613, level 0.013 - 0.05 * 1.613 = -0.06765, crossed between
    # (40 K, -1.3) and (60 K, 0.013): 40 + 20 * (1.3 - 0.06765) / 1.313
    onset, err = mg.diamagnetic_onset_kelvin(curves, "ZFC")
    assert onset == pytest.approx(40 + 20 * (1.3 - 0.06765) / 1.313)
    assert err == pytest.approx(10.0)
    # half the drop: level 0.013 - 0.5 * 1.613 = -0.7935, also between 40 and 60 K
    half = mg.diamagnetic_onset_kelvin(curves, "ZFC", fraction=0.5)[0]
    assert half == pytest.approx(40 + 20 * (1.3 - 0.7935) / 1.313)
    flat = curves.assign(chi_si=0.0)
    with pytest.raises(ValueError, match="no diamagnetic drop"):
        mg.diamagnetic_onset_kelvin(flat, "ZFC")
    with pytest.raises(ValueError, match="at least three"):
        mg.diamagnetic_onset_kelvin(curves.iloc[:2], "FC")


def test_source_curves_turn_m7_into_a_recompute_and_m2_m3_into_source_checks(data_copy) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from nickelate_utils.paths import REPO_ROOT

    before = {c.claim_id: c for c in mg.claims(data_copy)}
    assert not any(c.from_source_data for c in before.values())
    assert before["M7"].kind == "illustration"
    target = data_copy / "source" / "susceptibility"
    target.mkdir(parents=True)
    shutil.copy(REPO_ROOT / "tests" / "fixtures" / "meissner" / "source" / "susceptibility" / "fig3e.csv", target)
    after = {c.claim_id: c for c in mg.claims(data_copy)}
    assert {c.claim_id for c in after.values() if c.from_source_data} == {"M2", "M3", "M7"}
    m7 = after["M7"]
    assert m7.kind == "recompute" and m7.ours == pytest.approx(58.7715, abs=1e-3)
    assert m7.status == "reproduced"  # |60 - 58.77| = 1.23 < 0.5 + 2 x 10 K (the fixture's 20 K step)
    # fixture: chi(40 K) - chi(60 K) = -1.313 (ZFC) as printed -> Eq. 3 gives the paper's -0.621
    assert after["M2"].ours == pytest.approx(before["M2"].ours) and after["M2"].status == "consistent"
    # FC: -0.15 - 0.014 = -0.164 as printed
    assert after["M3"].ours == pytest.approx(-0.164 / (1 + 0.849 * 0.164))

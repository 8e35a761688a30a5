"""Chapter 4 (upper critical field): formulas against analytic values, fits against synthetic
data with known parameters, every bad-input message, and the paper's numbers."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from scipy import stats
from scipy.special import digamma

from nickelate_utils.chapters import hc2
from nickelate_utils.data import load_table
from nickelate_utils.paths import DATA_DIR
from nickelate_utils.physics import upper_critical_field as ucf

FIELDS = np.arange(0.0, 8.0)


# --- the three Hc2(T) forms -----------------------------------------------------------------


def test_gl_form_analytic_points() -> None:
    # t^2 = 1/3 gives (1 - 1/3)/(1 + 1/3) = 1/2
    t = np.array([0.0, 90.0 / math.sqrt(3.0), 90.0])
    assert ucf.gl_hc2(t, 100.0, 90.0) == pytest.approx([100.0, 50.0, 0.0])


def test_parabolic_form_analytic_points() -> None:
    t = np.array([0.0, 90.0 / math.sqrt(2.0), 90.0])
    assert ucf.parabolic_hc2(t, 100.0, 90.0) == pytest.approx([100.0, 50.0, 0.0])


@pytest.mark.parametrize("model", ucf.MODELS)
def test_slope_identity_at_tc(model: str) -> None:
    """Numerical derivative at Tc equals slope_at_tc: -H/Tc (GL), -2H/Tc, -H/(0.693 Tc)."""
    h0, tc, dt = 100.0, 90.0, 1e-4
    numeric = (ucf.hc2_curve(model, tc, h0, tc) - ucf.hc2_curve(model, tc - dt, h0, tc)) / dt
    assert float(numeric) == pytest.approx(ucf.slope_at_tc(model, h0, tc), rel=1e-3)
    expected = {"gl": -h0 / tc, "parabolic": -2 * h0 / tc, "whh": -h0 / (0.6927 * tc)}[model]
    assert ucf.slope_at_tc(model, h0, tc) == pytest.approx(expected, rel=1e-4)


def test_whh_factor_and_estimate() -> None:
    # WHH 1966 dirty limit: Hc2(0) = -0.693 Tc dHc2/dT|Tc (pi^2 e^-gamma / 8)
    assert ucf.WHH_DIRTY_FACTOR == pytest.approx(0.6927, abs=1e-4)
    assert ucf.whh_hc2_zero(90.0, -1.0) == pytest.approx(0.6927 * 90.0, rel=1e-4)
    # with the GL slope -Hc2(0)/Tc the WHH estimate is 0.693 of the GL value
    gl_slope = ucf.slope_at_tc("gl", 210.5, 90.0)
    assert ucf.whh_hc2_zero(90.0, gl_slope) == pytest.approx(0.6927 * 210.5, rel=1e-4)


def test_whh_curve_solves_the_whh_equation() -> None:
    h0, tc = 100.0, 90.0
    t = np.array([9.0, 30.0, 45.0, 60.0, 81.0])
    h = ucf.whh_hc2(t, h0, tc)
    # hbar = (4/pi^2) H / (-dH/dt at t = 1), with -dH/dt = Hc2(0)/0.693
    hbar = 4.0 / math.pi**2 * h * ucf.WHH_DIRTY_FACTOR / h0
    red = t / tc
    lhs = np.log(1.0 / red)
    rhs = digamma(0.5 + hbar / (2.0 * red)) - digamma(0.5)
    assert lhs == pytest.approx(rhs, abs=1e-9)
    assert ucf.whh_hc2(np.array([0.0, tc]), h0, tc) == pytest.approx([h0, 0.0])
    assert np.all(np.diff(h) < 0)


def test_pauli_limit() -> None:
    # Delta0 = 1.764 kB Tc, mu0 HP = Delta0 / (sqrt 2 muB) = 1.86 T/K x Tc
    assert ucf.BCS_GAP_RATIO == pytest.approx(1.764, abs=1e-3)
    assert ucf.pauli_limit_tesla(1.0) == pytest.approx(1.857, abs=1e-3)
    assert ucf.PAULI_TESLA_PER_KELVIN == pytest.approx(1.857, abs=1e-3)  # the textbook 1.86 T/K
    assert ucf.pauli_limit_tesla(92.0) == pytest.approx(92.0 * ucf.PAULI_TESLA_PER_KELVIN)
    assert ucf.pauli_limit_tesla(92.0) == pytest.approx(170.8, abs=0.1)
    assert ucf.pauli_limit_tesla(10.0, gap_ratio=2 * 1.764) == pytest.approx(2 * 18.57, abs=0.01)


def test_coherence_length() -> None:
    # xi = sqrt(Phi0 / (2 pi B)); Phi0 = 2.067833848e-15 Wb: 18.14 nm at 1 T
    assert ucf.coherence_length_nm(1.0) == pytest.approx(18.1413, abs=1e-4)
    assert ucf.coherence_length_nm(4.0) == pytest.approx(ucf.coherence_length_nm(1.0) / 2)
    for h0, xi in [(210.5, 1.3), (108.9, 1.7), (61.7, 2.3)]:  # the paper's pairs
        assert round(ucf.coherence_length_nm(h0), 1) == xi


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("func", [ucf.gl_hc2, ucf.parabolic_hc2, ucf.whh_hc2])
def test_curves_reject_bad_input(func: object) -> None:
    with pytest.raises(ValueError, match=r"t_kelvin must not exceed tc_kelvin = 90 K \(got a maximum of 91 K\)"):
        func([80.0, 91.0], 100.0, 90.0)  # type: ignore[operator]
    with pytest.raises(ValueError, match="t_kelvin must be finite and non-negative"):
        func([-1.0], 100.0, 90.0)  # type: ignore[operator]
    with pytest.raises(ValueError, match="hc2_zero_tesla must be non-negative, got -5"):
        func([10.0], -5.0, 90.0)  # type: ignore[operator]
    with pytest.raises(ValueError, match="tc_kelvin must be a positive finite number, got 0"):
        func([0.0], 100.0, 0.0)  # type: ignore[operator]


def test_formula_functions_reject_bad_input() -> None:
    with pytest.raises(ValueError, match="unknown model 'ww' \\(choose one of gl, parabolic, whh\\)"):
        ucf.slope_at_tc("ww", 1.0, 1.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown model 'cubic'"):
        ucf.hc2_curve("cubic", [1.0], 1.0, 2.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="slope_tesla_per_kelvin must be negative, got 1.0"):
        ucf.whh_hc2_zero(90.0, 1.0)
    with pytest.raises(ValueError, match="tc_kelvin must be a positive finite number"):
        ucf.pauli_limit_tesla(-3.0)
    with pytest.raises(ValueError, match="gap_ratio must be a positive finite number"):
        ucf.pauli_limit_tesla(3.0, gap_ratio=0.0)
    with pytest.raises(ValueError, match="hc2_zero_tesla must be a positive finite number, got 0"):
        ucf.coherence_length_nm(0.0)
    with pytest.raises(ValueError, match="criterion_percent must lie in \\[10, 90\\], got 95"):
        hc2.criterion_tc_kelvin(95, 92.0, 10.0)
    with pytest.raises(ValueError, match="onset_to_90_kelvin must be non-negative"):
        hc2.criterion_tc_kelvin(50, 92.0, 10.0, onset_to_90_kelvin=-1.0)
    with pytest.raises(ValueError, match="h_tesla must not exceed hc2_zero_tesla = 50 T"):
        ucf.gl_temperature_kelvin([60.0], 50.0, 90.0)
    with pytest.raises(ValueError, match="scatter_kelvin must be non-negative"):
        hc2.reconstruct_points(FIELDS, 100.0, 90.0, scatter_kelvin=-0.1)


def test_fit_rejects_bad_input() -> None:
    t = ucf.gl_temperature_kelvin(FIELDS, 100.0, 90.0)
    with pytest.raises(ValueError, match=r"need more points than free parameters \(got 2 points for 2 parameters\)"):
        ucf.fit_hc2(t[:2], FIELDS[:2])
    with pytest.raises(ValueError, match=r"got 1 points for 1 parameters"):
        ucf.fit_hc2(t[:1], FIELDS[:1], tc_kelvin=90.0)
    with pytest.raises(ValueError, match="h_tesla must be finite and non-negative"):
        ucf.fit_hc2(t, -FIELDS)
    with pytest.raises(ValueError, match="must be 1-D of equal length"):
        ucf.fit_hc2(t, FIELDS[:-1])
    with pytest.raises(ValueError, match="t_kelvin must not exceed tc_kelvin = 85 K"):
        ucf.fit_hc2(t, FIELDS, tc_kelvin=85.0)
    with pytest.raises(ValueError, match="unknown model"):
        ucf.fit_hc2(t, FIELDS, model="linear")  # type: ignore[arg-type]


# --- fits against synthetic data with known parameters ---------------------------------------


@pytest.mark.parametrize("model", ucf.MODELS)
def test_fit_recovers_exact_parameters(model: str) -> None:
    t = np.linspace(80.0, 90.0, 8)
    h = ucf.hc2_curve(model, t, 120.0, 90.0)
    fit = ucf.fit_hc2(t, h, model=model)
    assert fit.hc2_zero_tesla.nominal_value == pytest.approx(120.0, rel=1e-4)
    assert fit.tc_kelvin.nominal_value == pytest.approx(90.0, abs=1e-4)  # type: ignore[union-attr]
    assert fit.slope_tesla_per_kelvin.nominal_value == pytest.approx(ucf.slope_at_tc(model, 120.0, 90.0), rel=1e-4)


@pytest.mark.parametrize("model", ["gl", "whh"])
@pytest.mark.parametrize("tc_fixed", [None, 10.0])
def test_noise_free_points_give_the_fit_with_zero_uncertainties(model: str, tc_fixed: float | None) -> None:
    t = np.linspace(1.0, 9.0, 9)
    h = ucf.hc2_curve(model, t, 20.0, 10.0)  # exactly on the curve: zero residual, lmfit sets no uvars
    fit = ucf.fit_hc2(t, h, model=model, tc_kelvin=tc_fixed)
    assert fit.hc2_zero_tesla.nominal_value == pytest.approx(20.0) and fit.hc2_zero_tesla.std_dev == 0.0
    assert float(getattr(fit.tc_kelvin, "nominal_value", fit.tc_kelvin)) == pytest.approx(10.0)
    assert getattr(fit.tc_kelvin, "std_dev", 0.0) == 0.0
    assert fit.slope_tesla_per_kelvin.std_dev == 0.0
    best, width = ucf.fit_band(fit, [0.0, 5.0])
    assert best == pytest.approx(ucf.hc2_curve(model, np.array([0.0, 5.0]), 20.0, 10.0)) and np.all(width == 0.0)


def test_fit_with_scatter_is_consistent_and_fixed_tc_works() -> None:
    t = hc2.reconstruct_points(FIELDS, 108.9, 85.0, scatter_kelvin=0.3, seed=1)
    fit = ucf.fit_hc2(t, FIELDS)
    err = fit.hc2_zero_tesla.std_dev
    assert 0 < err < 20
    assert abs(fit.hc2_zero_tesla.nominal_value - 108.9) < 3 * err
    # the ufloats are correlated: xi from the fit carries the Hc2(0) error
    xi = ucf.coherence_length_nm(fit.hc2_zero_tesla)
    assert xi.std_dev == pytest.approx(0.5 * xi.nominal_value * err / fit.hc2_zero_tesla.nominal_value, rel=1e-6)
    fixed = ucf.fit_hc2(t, FIELDS, tc_kelvin=float(t.max()) + 2.0)
    assert fixed.tc_kelvin == float(t.max()) + 2.0
    # fixing Tc 2 K too high forces a shallower slope and a smaller Hc2(0)
    assert fixed.hc2_zero_tesla.nominal_value < fit.hc2_zero_tesla.nominal_value - 3 * err


def test_fit_band() -> None:
    t = hc2.reconstruct_points(FIELDS, 61.7, 80.0, seed=3)
    fit = ucf.fit_hc2(t, FIELDS)
    grid = np.linspace(0.0, 79.0, 5)
    best, width = ucf.fit_band(fit, grid)
    assert best == pytest.approx(ucf.gl_hc2(grid, fit.hc2_zero_tesla.nominal_value, fit.tc_kelvin.nominal_value))  # type: ignore[union-attr]
    assert np.all(width > 0)
    # at T = 0 the curve is Hc2(0) itself: the band is sigma(Hc2(0)) times the Student-t factor
    # for a 1-sigma two-sided interval with n - 2 degrees of freedom (lmfit's convention)
    t_factor = stats.t.ppf((1 + math.erf(1 / math.sqrt(2))) / 2, len(FIELDS) - 2)
    assert width[0] == pytest.approx(fit.hc2_zero_tesla.std_dev * t_factor, rel=1e-3)
    with pytest.raises(ValueError, match="sigma must be a positive finite number"):
        ucf.fit_band(fit, grid, sigma=0.0)


def test_parabolic_and_whh_relative_to_gl_on_same_points() -> None:
    """Same low-field GL points: parabolic gives ~1/2 and WHH ~0.69-0.75 of the GL Hc2(0)."""
    t = ucf.gl_temperature_kelvin(FIELDS, 100.0, 85.0)
    gl = ucf.fit_hc2(t, FIELDS, "gl").hc2_zero_tesla.nominal_value
    par = ucf.fit_hc2(t, FIELDS, "parabolic").hc2_zero_tesla.nominal_value
    whh = ucf.fit_hc2(t, FIELDS, "whh").hc2_zero_tesla.nominal_value
    assert gl == pytest.approx(100.0, rel=1e-4)
    assert 0.5 <= par / gl < 0.56
    assert ucf.WHH_DIRTY_FACTOR <= whh / gl < 0.76


# --- reconstruction helpers -------------------------------------------------------------------


def test_gl_inverse_and_reconstruction() -> None:
    t = ucf.gl_temperature_kelvin(FIELDS, 100.0, 90.0)
    assert ucf.gl_hc2(t, 100.0, 90.0) == pytest.approx(FIELDS)
    exact = hc2.reconstruct_points(FIELDS, 100.0, 90.0, scatter_kelvin=0.0)
    assert exact == pytest.approx(t)
    a = hc2.reconstruct_points(FIELDS, 100.0, 90.0, seed=7)
    b = hc2.reconstruct_points(FIELDS, 100.0, 90.0, seed=7)
    assert np.array_equal(a, b) and not np.allclose(a, t)


def test_criterion_tc_assumption() -> None:
    assert hc2.criterion_tc_kelvin(90, 92.0, 10.0) == pytest.approx(92.0 - hc2.ASSUMED_ONSET_TO_90_KELVIN)
    assert hc2.criterion_tc_kelvin(10, 92.0, 10.0) == pytest.approx(82.0 - hc2.ASSUMED_ONSET_TO_90_KELVIN)
    assert hc2.criterion_tc_kelvin(50, 92.0, 10.0, onset_to_90_kelvin=0.0) == pytest.approx(87.0)


def test_reconstruction_uses_published_numbers_and_gl_fit_returns_them() -> None:
    rec = hc2.reconstruction()
    assert sorted(rec["criterion_percent"].unique()) == [10, 50, 90]
    assert rec["h_tesla"].max() == 7.0
    for crit, group in rec.groupby("criterion_percent"):
        fit = ucf.fit_hc2(group["t_kelvin"], group["h_tesla"])
        paper = float(group["hc2_zero_tesla"].iloc[0])
        assert abs(fit.hc2_zero_tesla.nominal_value - paper) < 3 * fit.hc2_zero_tesla.std_dev, crit


# --- data and claims --------------------------------------------------------------------------


def test_published_table_matches_the_text() -> None:
    pub = load_table("hc2", "hc2_published").set_index("criterion_percent")
    assert pub.loc[[90, 50, 10], "hc2_zero_tesla"].tolist() == [210.5, 108.9, 61.7]
    assert pub.loc[[90, 50, 10], "xi_nm"].tolist() == [1.3, 1.7, 2.3]
    assert set(pub["p_gpa"]) == {21.6}
    assert hc2.transition() == {"tc_onset": 92.0, "tc_zero": 73.0, "transition_width": 10.0}


def test_claims_schema_is_the_shared_one() -> None:
    ours = json.loads((DATA_DIR / "hc2" / "datapackage.json").read_text())
    ref = json.loads((DATA_DIR / "growth" / "datapackage.json").read_text())
    schema = {r["name"]: r["schema"] for r in ours["resources"]}["claims"]
    assert schema == {r["name"]: r["schema"] for r in ref["resources"]}["claims"]


def test_chapter_claims_statuses() -> None:
    claims = {c.claim_id: c for c in hc2.claims()}
    assert [claims[c].status for c in ("H1", "H2", "H3")] == ["illustrated"] * 3
    for cid in ("H1", "H2", "H3"):  # illustrations carry no number of ours (issue 11)
        assert claims[cid].ours is None
    # xi from the printed Hc2(0) and Phi0: the paper's own arithmetic, a consistency check
    assert [claims[c].status for c in ("H4", "H5", "H6")] == ["consistent"] * 3
    assert claims["H4"].ours == pytest.approx(1.2504, abs=1e-4)
    assert claims["H4"].inputs[0] == "claim:H1"
    assert claims["H7"].status == "not reproducible from public data"
    assert claims["H8"].status == claims["H9"].status == "disputed"
    assert claims["H8"].consequence and claims["H9"].consequence and claims["H10"].consequence
    assert [claims[c].status for c in ("H17", "H18", "H19", "H20", "H25", "H27")] == ["consistent"] * 6
    assert len(claims) >= 22
    # the Pauli limit at Tc onset (92 K) and the 30-fold extrapolation are in H1's note
    assert "30 times" in claims["H1"].note and "1.23 times" in claims["H1"].note
    readings = {r.label: r.value for r in claims["H9"].readings}
    assert readings["BCS Pauli limit at Tc onset 92 K"] == pytest.approx(1.8585 * 92, rel=1e-3)


def test_pauli_ratio_and_extrapolation_factor() -> None:
    # 1.86 T/K x Tc: 210.5 T at Tc = 92 K is 1.23 times the limit
    assert ucf.pauli_ratio(210.5, 92.0) == pytest.approx(210.5 / (1.8585 * 92.0), rel=1e-3)
    assert ucf.pauli_ratio(ucf.pauli_limit_tesla(50.0), 50.0) == pytest.approx(1.0)
    assert ucf.extrapolation_factor(210.5, 7.0) == pytest.approx(30.07, abs=0.01)
    with pytest.raises(ValueError, match="h_max_tesla must be a positive"):
        ucf.extrapolation_factor(210.5, 0.0)
    with pytest.raises(ValueError, match="hc2_zero_tesla must be a positive"):
        ucf.pauli_ratio(-1.0, 92.0)


def test_implied_slope_and_whh_differ_by_two_between_forms() -> None:
    s_gl, w_gl = ucf.implied_slope_and_whh("gl", 210.5, 92.0)
    s_par, w_par = ucf.implied_slope_and_whh("parabolic", 210.5, 92.0)
    assert s_gl == pytest.approx(-210.5 / 92.0)
    assert s_par == pytest.approx(2 * s_gl)
    assert w_gl == pytest.approx(ucf.WHH_DIRTY_FACTOR * 210.5)  # 0.693 x 210.5 = 145.8 T
    assert w_par == pytest.approx(2 * w_gl)
    with pytest.raises(ValueError, match="unknown model"):
        ucf.implied_slope_and_whh("bcs", 210.5, 92.0)  # type: ignore[arg-type]


def test_criteria_order_check() -> None:
    hc2_paper = {90: 210.5, 50: 108.9, 10: 61.7}
    xi_paper = {90: 1.3, 50: 1.7, 10: 2.3}
    assert ucf.criteria_consistently_ordered(hc2_paper, xi_paper)
    assert not ucf.criteria_consistently_ordered({90: 61.7, 50: 108.9, 10: 210.5}, xi_paper)
    assert not ucf.criteria_consistently_ordered(hc2_paper, {90: 2.3, 50: 1.7, 10: 1.3})
    with pytest.raises(ValueError, match="same two or more criteria"):
        ucf.criteria_consistently_ordered({90: 1.0}, {90: 1.0})


def test_source_points_turn_h1_to_h3_into_recomputes(data_copy) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from nickelate_utils.paths import REPO_ROOT

    target = data_copy / "source" / "hc2"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO_ROOT / "tests" / "fixtures" / "hc2" / "source" / "hc2" / "fig3d.csv", target / "fig3d.csv")
    claims = {c.claim_id: c for c in hc2.claims(data_copy)}
    for cid in ("H1", "H2", "H3"):
        assert claims[cid].from_source_data and claims[cid].kind == "recompute"
        assert claims[cid].ours is not None and claims[cid].status in ("reproduced", "discrepant")


# --- authors' source data (fixture, never in the book) ---------------------------------------


def test_source_points_absent_means_reconstruction(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert hc2.load_source_points(tmp_path) is None


def test_source_points_fixture_is_read_and_fitted() -> None:
    from nickelate_utils.paths import REPO_ROOT

    points = hc2.load_source_points(REPO_ROOT / "tests" / "fixtures" / "hc2")
    assert points is not None
    assert sorted(points["criterion_percent"].unique()) == [10, 50, 90]
    sub = points[points["criterion_percent"] == 50]
    fit = ucf.fit_hc2(sub["t_kelvin"], sub["h_tesla"])  # fixture: exact GL, Hc2(0) = 100 T, Tc = 88 K
    assert fit.hc2_zero_tesla.nominal_value == pytest.approx(100.0, rel=1e-4)
    assert fit.tc_kelvin.nominal_value == pytest.approx(88.0, abs=1e-3)  # type: ignore[union-attr]


def test_bad_source_points_name_line_and_column() -> None:
    from nickelate_utils.paths import REPO_ROOT

    with pytest.raises(
        ValueError, match=r"data/source/hc2/fig3d.csv, line 4, column 'criterion_percent': .*enum.*\[10, 50, 90\]"
    ):
        hc2.load_source_points(REPO_ROOT / "tests" / "fixtures" / "hc2_bad")


def test_source_points_carry_provenance_for_the_provenance_box() -> None:
    from nickelate_utils.paths import REPO_ROOT
    from nickelate_utils.provenance import provenance_markdown

    points = hc2.load_source_points(REPO_ROOT / "tests" / "fixtures" / "hc2")
    assert points is not None
    assert list(points["h_tesla"].iloc[:3]) == [0.0, 1.0, 2.0] and points["criterion_percent"].iloc[0] == 10
    info = points.attrs["provenance"]
    assert info.path == "data/source/hc2/fig3d.csv" and info.package == "source"
    assert "data/source/hc2/fig3d.csv" in provenance_markdown([points], [hc2.load_source_points])

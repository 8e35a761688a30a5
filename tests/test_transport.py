"""Chapter 3: Tc criteria on analytic curves, every bad-input case, the reconstruction round
trip, the measured-data path (fixture) and the published Tc table."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import norm

from nickelate_utils.chapters import transport
from nickelate_utils.chapters import transport_checks as checks
from nickelate_utils.chapters import transport_curves as tcurves
from nickelate_utils.data import load_table, read_descriptor
from nickelate_utils.physics import effective_medium as emt
from nickelate_utils.physics import normal_state, upper_critical_field
from nickelate_utils.physics import resistive_transition as rt

FIXTURE = Path(__file__).parent / "fixtures" / "transport_data"

R0, A = 1.0, 0.01  # analytic normal state R_N = R0 + A T (ohm)
T_ON, T_0 = 80.0, 60.0  # analytic transition: R = R_N (T - T_0)/(T_ON - T_0) in between


def ramp(a: float = A, step: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """R_N(T) times a fraction that is exactly linear from 0 at T_0 to 1 at T_ON."""
    t = np.arange(2.0, 300.0 + step / 2, step)
    frac = np.clip((t - T_0) / (T_ON - T_0), 0.0, 1.0)
    return t, (R0 + a * t) * frac


@pytest.fixture(scope="module")
def tc_table() -> pd.DataFrame:
    return load_table("transport", "tc_pressure")


# --------------------------------------------------------------------------- analytic values


def test_linear_fit_recovers_the_line() -> None:
    t, r = ramp()
    fit = normal_state.fit_linear_normal_state(t, r, 100.0, 200.0)
    assert fit.intercept_ohm.nominal_value == pytest.approx(R0, abs=1e-9)
    assert fit.slope_ohm_per_kelvin.nominal_value == pytest.approx(A, abs=1e-12)
    assert fit.n_points == 201
    assert fit.rms_ohm < 1e-9
    assert fit.r_squared == pytest.approx(1.0)
    assert fit.resistance_ohm(50.0) == pytest.approx(R0 + A * 50.0)


def test_linear_fit_uncertainty_scales_with_noise() -> None:
    t = np.linspace(100.0, 200.0, 101)
    rng = np.random.default_rng(1)
    fits = [
        normal_state.fit_linear_normal_state(t, R0 + A * t + rng.normal(0, s, t.size), 100, 200) for s in (1e-3, 1e-2)
    ]
    ratio = fits[1].slope_ohm_per_kelvin.std_dev / fits[0].slope_ohm_per_kelvin.std_dev
    assert 5 < ratio < 20  # ~10x the noise -> ~10x the slope error
    assert abs(fits[0].slope_ohm_per_kelvin.nominal_value - A) < 3 * fits[0].slope_ohm_per_kelvin.std_dev


def test_r_squared_does_not_depend_on_the_unit() -> None:
    """R^2 of small numbers (a resistivity in ohm m): lmfit's rsquared floors ss_tot at 1e-15."""
    t = np.linspace(100.0, 200.0, 11)
    r = R0 + A * t + np.random.default_rng(0).normal(0, 0.05, t.size)
    big = normal_state.fit_linear_normal_state(t, r, 100.0, 200.0)
    small = normal_state.fit_linear_normal_state(t, 1e-9 * r, 100.0, 200.0)
    assert big.r_squared < 0.999
    assert small.r_squared == pytest.approx(big.r_squared, rel=1e-9)


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_fraction_criterion_is_exact_on_a_linear_ramp(fraction: float) -> None:
    t, r = ramp()
    fit = normal_state.fit_linear_normal_state(t, r, 100.0, 200.0)
    assert rt.tc_fraction(t, r, fit, fraction) == pytest.approx(T_0 + fraction * (T_ON - T_0), abs=1e-9)


def test_fraction_of_a_fixed_reference_resistance() -> None:
    t, r = ramp(a=0.0)
    assert rt.tc_fraction(t, r, 1.0, 0.5) == pytest.approx(70.0, abs=1e-9)


def test_width_10_90() -> None:
    t, r = ramp()
    fit = normal_state.fit_linear_normal_state(t, r, 100.0, 200.0)
    assert rt.transition_width(t, r, fit) == pytest.approx(0.8 * (T_ON - T_0), abs=1e-9)


def test_deviation_onset() -> None:
    t, r = ramp(step=0.05)
    fit = normal_state.fit_linear_normal_state(t, r, 100.0, 200.0)
    # 1 % below R_N where the fraction is 0.99
    assert rt.tc_onset_deviation(t, r, fit, 0.01) == pytest.approx(T_ON - 0.01 * (T_ON - T_0), abs=1e-3)
    assert rt.tc_onset_deviation(t, r, fit, 0.05) == pytest.approx(T_ON - 0.05 * (T_ON - T_0), abs=1e-3)


def test_deviation_onset_respects_the_noise_floor() -> None:
    t = np.arange(2.0, 300.0, 0.5)
    rng = np.random.default_rng(3)
    r = (R0 + A * t) * np.clip((t - T_0) / (T_ON - T_0), 0, 1) + rng.normal(0, 0.02, t.size)
    fit = normal_state.fit_linear_normal_state(t, r, 100.0, 200.0)
    onset = rt.tc_onset_deviation(t, r, fit, 0.01, n_sigma=3.0)
    # 3 sigma = 0.06 ohm, i.e. ~3.4 % of R_N(80 K) = 1.8 ohm: onset well below T_ON - 0.2 K
    assert T_ON - 2.0 < onset < T_ON - 0.3


def test_two_line_onset_is_the_kink_of_a_linear_ramp() -> None:
    t, r = ramp(a=0.0)
    fit = normal_state.fit_linear_normal_state(t, r, 100.0, 200.0)
    res = rt.tc_onset_intersection(t, r, fit)
    assert res.tc_kelvin == pytest.approx(T_ON, abs=1e-9)
    assert res.slope_ohm_per_kelvin == pytest.approx(1.0 / (T_ON - T_0))


def test_zero_criterion_and_absent_zero() -> None:
    t, r = ramp()
    assert rt.tc_zero(t, r, 1e-9) == pytest.approx(T_0, abs=1e-6)
    r_floor = r + 0.05  # never reaches zero (e.g. La1.57Sm1.43Ni2O7)
    assert rt.tc_zero(t, r_floor, 0.01) is None
    summary = rt.analyse_transition(t, r_floor, (100.0, 200.0))
    assert summary.tc_zero_kelvin is None
    assert summary.tc_onset_deviation_kelvin == pytest.approx(79.8, abs=0.05)


def test_analyse_transition_collects_every_criterion() -> None:
    t, r = ramp(step=0.05)
    res = rt.analyse_transition(t, r, (100.0, 200.0))
    assert res.tc_mid_kelvin == pytest.approx(70.0, abs=1e-6)
    assert res.width_10_90_kelvin == pytest.approx(16.0, abs=1e-6)
    # R = 1 % of R_N(onset): T - T_0 = 0.01 (T_ON - T_0) R_N(79.8 K) / R_N(~60.2 K)
    expected = T_0 + 0.01 * (T_ON - T_0) * (R0 + A * 79.8) / (R0 + A * 60.2)
    assert res.tc_zero_kelvin == pytest.approx(expected, abs=0.01)
    # the two-line onset of a curved (R_N x linear fraction) drop lies near, not at, the kink
    assert res.tc_onset_intersection_kelvin == pytest.approx(T_ON, abs=1.0)


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("t", "r", "message"),
    [
        ([1, 3, 2, 4, 5], [1, 1, 1, 1, 1], "sorted in increasing order .first decrease at index 2"),
        ([1, 2, 2, 4, 5], [1, 1, 1, 1, 1], "duplicated temperature 2 K at indices 1 and 2"),
        ([1, 2, 3, 4, 5], [1, np.nan, 1, 1, 1], "NaN or infinite value at index 1"),
        ([1, 2, 3, 4, 5], [1, 1, np.inf, 1, 1], "NaN or infinite value at index 2"),
        ([1, 2, 3], [1, 1, 1], "too few points: need at least 5, got 3"),
        ([1, 2, 3, 4, 5], [1, 1, 1, 1], "equal length"),
        ([-1, 2, 3, 4, 5], [1, 1, 1, 1, 1], "positive kelvin"),
    ],
)
def test_bad_sweeps_are_rejected(t: list[float], r: list[float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        normal_state.validate_curve(t, r)
    if len(t) == len(r):
        with pytest.raises(ValueError, match=message):
            rt.tc_zero(t, r, 0.1)


def test_bad_fit_windows() -> None:
    t, r = ramp()
    with pytest.raises(ValueError, match=r"t_min < t_max, got \[200, 100\] K"):
        normal_state.fit_linear_normal_state(t, r, 200.0, 100.0)
    with pytest.raises(ValueError, match=r"too few points in the fit window \[400, 500\] K: 0, need at least 3"):
        normal_state.fit_linear_normal_state(t, r, 400.0, 500.0)


def test_no_transition_in_range() -> None:
    t = np.arange(2.0, 300.0, 1.0)
    r = R0 + A * t
    fit = normal_state.fit_linear_normal_state(t, r, 100.0, 200.0)
    with pytest.raises(ValueError, match="no transition in range: R/R_N stays above 0.5 down to 2 K"):
        rt.tc_fraction(t, r, fit, 0.5)
    with pytest.raises(ValueError, match="no transition in range: R does not deviate"):
        rt.tc_onset_deviation(t, r, fit)
    with pytest.raises(ValueError, match=r"too few points in the transition \(20%-80% of R_N\): 0"):
        rt.tc_onset_intersection(t, r, fit)
    with pytest.raises(ValueError, match="no transition in range: R is below the zero threshold"):
        rt.tc_zero(t, np.zeros_like(t), 0.1)
    with pytest.raises(ValueError, match="no transition in range: fewer than 2 points below the fit window"):
        rt.tc_fraction(t[t >= 100], r[t >= 100], fit, 0.5)


def test_transition_above_the_data_or_the_window() -> None:
    t, r = ramp()
    fit = normal_state.fit_linear_normal_state(t, r, 100.0, 200.0)
    low = t < 65
    with pytest.raises(ValueError, match="already below 0.5 at the top of the range"):
        rt.tc_fraction(t[low], r[low], fit, 0.5)
    step = np.where(t >= 100.0, 1.0, 0.5) * (R0 + A * t)  # drop right at the window edge
    fit_step = normal_state.fit_linear_normal_state(t, step, 100.0, 200.0)
    with pytest.raises(ValueError, match="already deviates from the normal state at 99.5 K, just below the fit"):
        rt.tc_onset_deviation(t, step, fit_step)


@pytest.mark.parametrize("fraction", [0.0, 1.0, -0.1, 1.5])
def test_fractions_outside_the_unit_interval(fraction: float) -> None:
    t, r = ramp()
    fit = normal_state.fit_linear_normal_state(t, r, 100.0, 200.0)
    with pytest.raises(ValueError, match="fraction must lie strictly between 0 and 1"):
        rt.tc_fraction(t, r, fit, fraction)
    with pytest.raises(ValueError, match="deviation_fraction must lie strictly between 0 and 1"):
        rt.tc_onset_deviation(t, r, fit, fraction)


def test_other_bad_parameters() -> None:
    t, r = ramp()
    fit = normal_state.fit_linear_normal_state(t, r, 100.0, 200.0)
    with pytest.raises(ValueError, match="threshold_ohm must be positive, got 0"):
        rt.tc_zero(t, r, 0.0)
    with pytest.raises(ValueError, match="reference resistance must be positive"):
        rt.tc_fraction(t, r, -1.0, 0.5)
    with pytest.raises(ValueError, match="need lower < upper, got 0.8 and 0.2"):
        rt.tc_onset_intersection(t, r, fit, lower=0.8, upper=0.2)
    with pytest.raises(ValueError, match="need lower < upper"):
        rt.transition_width(t, r, fit, upper=0.1, lower=0.9)
    with pytest.raises(ValueError, match="n_sigma must be non-negative"):
        rt.tc_onset_deviation(t, r, fit, n_sigma=-1.0)
    flat = np.where(t >= 100.0, R0 + A * t, 0.5)  # half of R_N, flat: no drop below the window
    with pytest.raises(ValueError, match="not steeper than the normal state"):
        rt.tc_onset_intersection(t, flat, normal_state.fit_linear_normal_state(t, flat, 100.0, 200.0))


# --------------------------------------------------------------------------- reconstruction model


def test_emt_parameters_analytic() -> None:
    med, s_log = emt.emt_parameters(92.0, 73.0, 0.01, 2)
    assert med == pytest.approx(73.0)  # d = 2: zero resistance at the median local Tc
    assert s_log == pytest.approx(math.log(92.0 / 73.0) / norm.ppf(0.995))
    med3, s3 = emt.emt_parameters(92.0, 73.0, 0.01, 3)
    assert s3 == pytest.approx(math.log(92.0 / 73.0) / (norm.ppf(1 - 0.01 / 3) - norm.ppf(2 / 3)))
    assert med3 == pytest.approx(73.0 * math.exp(-norm.ppf(2 / 3) * s3))


def test_positive_tc_model_keeps_every_local_tc_above_zero() -> None:
    """14.3 GPa (68 K / 4 K): a Gaussian of the same two numbers puts ~44 % of the local Tc below
    0 K; the log-normal model puts none there and still meets the onset and the zero."""
    assert emt.gaussian_negative_fraction(68.0, 4.0) == pytest.approx(
        norm.cdf(-4.0 / (64.0 / norm.ppf(0.995))), rel=1e-9)
    assert 0.43 < emt.gaussian_negative_fraction(68.0, 4.0) < 0.45
    med, s_log = emt.emt_parameters(68.0, 4.0)
    q = emt.local_tc_quantiles_kelvin(med, s_log, [1e-12, 0.001, 0.5, 0.999])
    assert np.all(q > 0) and q[2] == pytest.approx(4.0)
    assert emt.superconducting_fraction(np.array([1e-9, 4.0, 1e6]), med, s_log) == pytest.approx([1, 0.5, 0])
    t = np.array([3.99, 4.01, 68.0])
    r = emt.emt_resistance(t, R0, A, med, s_log)
    assert r[0] == 0.0 and r[1] > 0.0
    assert r[2] / (R0 + A * 68.0) == pytest.approx(0.99, abs=1e-12)
    with pytest.raises(ValueError, match="probabilities must lie strictly between 0 and 1"):
        emt.local_tc_quantiles_kelvin(med, s_log, [0.0])
    with pytest.raises(ValueError, match="need 0 < tc_zero_kelvin < tc_onset_kelvin"):
        emt.gaussian_negative_fraction(4.0, 68.0)


def test_emt_curve_meets_its_onset_and_zero() -> None:
    mu, sigma = emt.emt_parameters(92.0, 73.0)
    rn = lambda t: R0 + A * t  # noqa: E731
    r = emt.emt_resistance(np.array([72.99, 73.01, 92.0, 150.0]), R0, A, mu, sigma)
    assert r[0] == 0.0
    assert r[1] > 0.0
    assert r[2] / rn(92.0) == pytest.approx(0.99, abs=1e-12)
    assert r[3] / rn(150.0) == pytest.approx(1.0, abs=1e-6)


def test_emt_bad_parameters() -> None:
    with pytest.raises(ValueError, match="need 0 < tc_zero_kelvin < tc_onset_kelvin, got 80 and 70"):
        emt.emt_parameters(70.0, 80.0)
    with pytest.raises(ValueError, match="dimension must be 2 or 3, got 4"):
        emt.emt_parameters(92.0, 73.0, dimension=4)
    with pytest.raises(ValueError, match="tc_log_sigma must be positive, got 0"):
        emt.emt_resistance([10.0], R0, A, 50.0, 0.0)
    with pytest.raises(ValueError, match="tc_median_kelvin must be positive, got -1"):
        emt.emt_resistance([10.0], R0, A, -1.0, 0.1)
    with pytest.raises(ValueError, match="r0_ohm and slope_ohm_per_kelvin must be non-negative"):
        emt.emt_resistance([10.0], -1.0, A, 50.0, 1.0)
    with pytest.raises(ValueError, match="h_tesla must be non-negative"):
        emt.emt_field_resistance([10.0], -1.0, R0, A, 50.0, 1.0, [0.9, 0.1], [200.0, 60.0])
    with pytest.raises(ValueError, match="at least 2 .criterion fraction, Hc2.0.. pairs"):
        emt.emt_field_resistance([10.0], 1.0, R0, A, 50.0, 1.0, [0.9], [200.0])
    with pytest.raises(ValueError, match="criterion fractions must lie strictly between 0 and 1"):
        emt.emt_field_resistance([10.0], 1.0, R0, A, 50.0, 1.0, [90, 10], [200.0, 60.0])
    with pytest.raises(ValueError, match="hc2_zero_tesla values must be positive"):
        emt.emt_field_resistance([10.0], 1.0, R0, A, 50.0, 1.0, [0.9, 0.1], [200.0, 0.0])
    with pytest.raises(ValueError, match="noise must be non-negative"):
        emt.add_noise([1.0], -1.0, 0)


def test_field_model_follows_the_gl_lines() -> None:
    mu, sigma = emt.emt_parameters(92.0, 73.0)
    t = np.arange(40.0, 120.0, 0.02)
    fractions, hc2_zero = np.array([0.9, 0.5, 0.1]), np.array([210.5, 108.9, 61.7])
    r0 = emt.emt_resistance(t, R0, A, mu, sigma)
    np.testing.assert_array_equal(
        emt.emt_field_resistance(t, 0.0, R0, A, mu, sigma, fractions, hc2_zero), r0
    )
    r7 = emt.emt_field_resistance(t, 7.0, R0, A, mu, sigma, fractions, hc2_zero)
    assert np.all(r7 >= r0 - 1e-12)  # a field never lowers the resistance
    rn = R0 + A * t
    for f, h0 in zip(fractions, hc2_zero, strict=True):
        tf0 = float(np.interp(f, r0 / rn, t))
        tf7 = float(np.interp(f, r7 / rn, t))
        assert tf7 == pytest.approx(float(upper_critical_field.gl_temperature_kelvin(7.0, h0, tf0)), abs=0.05)
    r_huge = emt.emt_field_resistance(t, 1e4, R0, A, mu, sigma, fractions, hc2_zero)
    np.testing.assert_allclose(r_huge, rn)  # every region is normal


def test_noise_is_seeded() -> None:
    a = emt.add_noise(np.zeros(5), 1.0, 7)
    np.testing.assert_array_equal(a, emt.add_noise(np.zeros(5), 1.0, 7))
    assert not np.array_equal(a, emt.add_noise(np.zeros(5), 1.0, 8))


def test_every_reconstructed_curve_has_its_own_noise_stream(tc_table: pd.DataFrame) -> None:
    """Sums such as seed + 10 P + 10 H collided (e.g. 21.6 GPa, 1 T and 21.7 GPa, 0 T)."""
    keys = [tuple(tcurves.noise_seed(row.compound, row.crystal, row.p_gpa, h))
            for row in tc_table.itertuples() for h in tcurves.RECON_FIELDS_TESLA]
    assert len(set(keys)) == len(keys)
    assert tcurves.noise_seed("La2SmNi2O7", "#6", 21.6, 1.0) == [tcurves.RECON_SEED, 1, 6, 216, 10]
    a = emt.add_noise(np.zeros(5), 1.0, [1, 6, 216, 10])
    np.testing.assert_array_equal(a, emt.add_noise(np.zeros(5), 1.0, (1, 6, 216, 10)))
    assert not np.array_equal(a, emt.add_noise(np.zeros(5), 1.0, [1, 6, 217, 0]))
    with pytest.raises(ValueError, match="unknown compound 'LaNiO3'"):
        tcurves.noise_seed("LaNiO3", "#6", 21.6, 0.0)
    with pytest.raises(ValueError, match="crystal must be written"):
        tcurves.noise_seed("La2SmNi2O7", "6", 21.6, 0.0)


def test_reconstruction_round_trip_returns_the_published_tc(tc_table: pd.DataFrame) -> None:
    window = tcurves.fit_window()
    rows = tc_table[(tc_table["crystal"] == "#6") & tc_table["tc_zero_kelvin"].notna()].sort_values("p_gpa")
    curves = tcurves.pressure_series(tc_table)
    assert [c.p_gpa for c in curves] == list(rows["p_gpa"])
    for curve, row in zip(curves, rows.itertuples(), strict=True):
        assert curve.kind == "reconstructed"
        res = tcurves.analyse_curve(curve, window)
        assert res.tc_zero_kelvin == pytest.approx(row.tc_zero_kelvin, abs=0.5)
        if row.p_gpa == 14.3:
            # 68 K / 4 K needs a heavy upper tail (median 4 K, 99.5 % quantile 68 K): it reaches into the
            # 100-200 K window, the fitted R_N absorbs it and the deviation onset comes out low (stated in ch. 3)
            assert 50.0 < res.tc_onset_deviation_kelvin < row.tc_onset_kelvin - 5.0
        else:
            assert res.tc_onset_deviation_kelvin == pytest.approx(row.tc_onset_kelvin, abs=0.5)
    again = tcurves.pressure_series(tc_table)
    np.testing.assert_array_equal(again[0].resistance, curves[0].resistance)  # deterministic


def test_field_series_reconstruction(tc_table: pd.DataFrame) -> None:
    h = load_table("hc2", "hc2_published")
    curves = tcurves.field_series(tc_table, h, fields_tesla=(0.0, 7.0))
    t90 = [tcurves.analyse_curve(c, tcurves.fit_window()).tc_90_kelvin for c in curves]
    assert t90[1] == pytest.approx(float(upper_critical_field.gl_temperature_kelvin(7.0, 210.5, t90[0])), abs=0.1)
    with pytest.raises(ValueError, match="has no stated Tc_onset and Tc_zero at 30.3 GPa"):
        tcurves.field_series(tc_table, h, p_gpa=30.3)
    with pytest.raises(ValueError, match="a field curve needs the published Hc2.0. table"):
        tcurves.reconstructed_curve("La2SmNi2O7", "#6", 21.6, 92.0, 73.0, h_tesla=1.0)


def test_pressure_series_needs_a_tc_pair(tc_table: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="no pressure of La1.57Sm1.43Ni2O7 crystal #3 has both"):
        tcurves.pressure_series(tc_table, "La1.57Sm1.43Ni2O7", "#3")


# --------------------------------------------------------------------------- measured-data path


def test_measured_file_replaces_the_reconstruction(tc_table: pd.DataFrame) -> None:
    listed = tcurves.list_source_curves(FIXTURE)
    assert listed[["compound", "crystal", "p_gpa", "h_tesla"]].values.tolist() == [["La2SmNi2O7", "#6", 21.6, 0.0]]
    curves = tcurves.pressure_series(tc_table, data_dir=FIXTURE)
    assert [c.kind for c in curves] == ["reconstructed", "reconstructed", "measured"]
    measured = curves[-1]
    assert measured.quantity == "r_ohm"
    assert np.all(np.diff(measured.t_kelvin) > 0)  # the cooling sweep was sorted
    res = tcurves.analyse_curve(measured, tcurves.fit_window())
    # the fixture was made with 90 K / 70 K, not the paper's 92 K / 73 K
    assert res.tc_onset_deviation_kelvin == pytest.approx(90.0, abs=0.3)
    assert res.tc_zero_kelvin == pytest.approx(70.0, abs=0.3)
    fields = tcurves.field_series(tc_table, load_table("hc2", "hc2_published"), fields_tesla=(0.0, 3.0),
                                    data_dir=FIXTURE)
    assert [c.kind for c in fields] == ["measured", "reconstructed"]


def test_no_source_folder_means_no_measured_curves(tmp_path: Path) -> None:
    assert tcurves.list_source_curves(tmp_path).empty


def test_bad_source_files(tmp_path: Path) -> None:
    folder = tmp_path / "source" / "resistivity"
    folder.mkdir(parents=True)
    (folder / "crystal6.csv").write_text("t_kelvin,r_ohm\n")
    with pytest.raises(ValueError, match="crystal6.csv: not a resistivity file name"):
        tcurves.list_source_curves(tmp_path)
    (folder / "crystal6.csv").unlink()
    name = "La2SmNi2O7_c6_{}GPa_0T.csv"
    bad = {
        "1": ("temp,r_ohm\n1,1\n", "missing column.s. 't_kelvin'"),
        "2": ("t_kelvin,r_ohm,rho_mohm_cm\n1,1,1\n", "needs exactly one of the columns r_ohm, rho_mohm_cm"),
        "3": ("t_kelvin,r_ohm\n1,1\n2,1\n2,1\n3,1\n4,1\n5,1\n", "duplicated temperature 2 K"),
        "4": ("t_kelvin,r_ohm\n1,1\n2,x\n", "line 3"),
    }
    for p, (text, message) in bad.items():
        (folder / name.format(p)).write_text(text)
        with pytest.raises(ValueError, match=message):
            tcurves.load_source_curve(folder / name.format(p), tmp_path)
    (folder / name.format("5")).write_text("t_kelvin,rho_mohm_cm\n5,5\n4,4\n3,3\n2,2\n1,1\n")
    t, r, quantity = tcurves.load_source_curve(folder / name.format("5"), tmp_path)
    assert quantity == "rho_mohm_cm"
    np.testing.assert_array_equal(t, [1, 2, 3, 4, 5])
    np.testing.assert_array_equal(r, [1, 2, 3, 4, 5])
    with pytest.raises(ValueError, match="no such source file"):
        tcurves.load_source_curve(folder / name.format("9"), tmp_path)


# --------------------------------------------------------------------------- published table and claims


def test_tc_table_schema_and_transcription(tc_table: pd.DataFrame) -> None:
    res = next(r for r in read_descriptor("transport")["resources"] if r["name"] == "tc_pressure")
    assert [f["name"] for f in res["schema"]["fields"]] == [
        "compound", "crystal", "p_gpa", "tc_onset_kelvin", "tc_zero_kelvin", "zero_resistance", "medium",
        "annealing", "field_tesla", "data_class", "source_location", "note",
    ]
    key = tc_table.set_index(["compound", "crystal", "p_gpa"]).sort_index()
    assert key.index.is_unique
    c6 = key.loc[("La2SmNi2O7", "#6")]
    assert c6["tc_onset_kelvin"].dropna().to_dict() == {14.3: 68.0, 15.5: 68.0, 21.6: 92.0}
    assert c6["tc_zero_kelvin"].dropna().to_dict() == {14.3: 4.0, 15.5: 47.0, 21.6: 73.0}
    assert c6.index.max() == 30.3
    as_grown = key.loc[("La2SmNi2O7", "#1", 21.0)]
    assert as_grown["tc_onset_kelvin"] == 87.7
    assert (as_grown["zero_resistance"], as_grown["annealing"]) == ("not reached", "as grown")
    assert key.loc[("La2SmNi2O7", "#7", 21.2), "tc_zero_kelvin"] == 73.0
    sm = key.loc["La1.57Sm1.43Ni2O7"]
    assert sm["tc_onset_kelvin"].dropna().to_dict() == {("#1", 26.8): 96.0, ("#2", 29.6): 96.0, ("#3", 21.6): 96.0}
    assert set(sm["zero_resistance"]) == {"not reached"}
    assert sm.loc[("#3", 21.6), "medium"] == "helium"
    assert "21 GPa" in key.loc[("La2SmNi2O7", "#6", 21.6), "note"]
    silent = tc_table[tc_table["tc_onset_kelvin"].isna() & tc_table["tc_zero_kelvin"].isna()]
    assert len(silent) == 13
    assert silent["note"].str.startswith("Tc not stated in the text; the figure is not public").all()


def test_normal_state_window_is_published() -> None:
    assert tcurves.fit_window() == (100.0, 200.0)


def test_chapter_claims_statuses() -> None:
    claims = {c.claim_id: c for c in transport.claims()}
    assert len(claims) >= 65
    for cid in ("R1", "R2", "R3", "R4", "R5", "R6", "R13"):
        assert claims[cid].status == "illustrated" and claims[cid].ours is None, cid
    assert "does not return the input" in claims["R1"].note  # 68 K / 4 K: tail in the fit window
    assert "returns the input" in claims["R5"].note and "does not" not in claims["R5"].note
    # the abstract's 21 GPa against the main text's 21.6 GPa: 0.6 > 0.5 + 0.05
    assert claims["R7"].status == "discrepant" and claims["R7"].ours == 21.6
    assert claims["R7"].tolerance == pytest.approx(0.55)
    assert claims["R8"].status == claims["R18"].status == "consistent"
    # '~10 K' against 92 - 73 = 19 K
    assert claims["R12"].status == "discrepant" and claims["R12"].ours == pytest.approx(19.0)
    # Methods 'up to 31.5 GPa' against the highest legend pressure 30.3 GPa
    assert claims["R20"].status == "discrepant" and claims["R20"].ours == pytest.approx(30.3)
    assert claims["R95"].status == "discrepant" and claims["R95"].ours == pytest.approx(7.0)
    assert claims["R96"].status == "discrepant"  # Methods says helium; crystal #3 ran in paraffin
    for cid in ("R25", "R26", "R27", "R28", "R29", "R30", "R34", "R37", "R38", "R40", "R41", "R43", "R77", "R98"):
        assert claims[cid].status == "consistent", cid
    for cid in ("R9", "R10", "R11", "R14", "R15", "R16", "R17", "R19", "R21", "R33"):
        assert claims[cid].status == "not reproducible from public data", cid
    assert claims["R102"].status == "disputed" and len(claims["R102"].readings) == 2
    bg_n = claims["R102"].readings[1].value
    assert 0.9 < bg_n < 1.1  # a phonon-limited curve looks linear over 100-200 K


def test_power_law_fit_recovers_a_known_exponent() -> None:
    t = np.linspace(100.0, 200.0, 201)
    rng = np.random.default_rng(11)
    for n_true in (1.0, 1.6, 2.0):
        r = 0.3 + 2e-3 * t**n_true / 100 ** (n_true - 1) + rng.normal(0, 1e-4, t.size)
        fit = normal_state.fit_power_law_normal_state(t, r, 100.0, 200.0)
        assert fit.exponent.nominal_value == pytest.approx(n_true, abs=4 * fit.exponent.std_dev + 1e-3)
        assert fit.exponent.std_dev < 0.05
        assert fit.n_points == 201
    # a quadratic curve is better described by the free exponent than by a line
    assert fit.delta_aic > 10
    with pytest.raises(ValueError, match="too few points in the fit window .300, 400. K: 0, need at least 5"):
        normal_state.fit_power_law_normal_state(t, r, 300.0, 400.0)


def test_bloch_gruneisen_limits() -> None:
    assert normal_state.bloch_gruneisen_integral(0.0) == 0.0
    assert normal_state.bloch_gruneisen_integral(1e-2) == pytest.approx(1e-8 / 4, rel=1e-3)
    assert normal_state.bloch_gruneisen_integral(200.0) == pytest.approx(120 * 1.0369277551433699, rel=1e-9)
    high = normal_state.bloch_gruneisen_resistance([3000.0, 6000.0], 0.0, 1.0, 100.0)
    assert np.diff(high)[0] / 3000.0 == pytest.approx(1.0 / (4 * 100.0), rel=1e-3)
    low = normal_state.bloch_gruneisen_resistance([1.0], 0.0, 1.0, 400.0)
    assert low[0] == pytest.approx(124.4313 * (1 / 400.0) ** 5, rel=1e-4)
    with pytest.raises(ValueError, match="theta_debye_kelvin must be positive"):
        normal_state.bloch_gruneisen_resistance([10.0], 0.0, 1.0, 0.0)
    with pytest.raises(ValueError, match="x must be non-negative"):
        normal_state.bloch_gruneisen_integral(-1.0)


def test_small_register_methods() -> None:
    assert checks.pressure_trend([14.3, 15.5, 21.6], [68, 68, 92]) == "non-decreasing"
    assert checks.pressure_trend([14.3, 15.5, 21.6], [4, 47, 73]) == "increasing"
    assert checks.pressure_trend([1, 2, 3], [3, 1, 2]) == "not monotonic"
    with pytest.raises(ValueError, match="at least 2"):
        checks.pressure_trend([1], [1])
    assert checks.highest_pressure_gpa(["21.6", "30.3", "9.0"]) == "30.3"
    assert checks.within_range("26.8", "19.8", "28.1") and not checks.within_range("29", "19.8", "28.1")
    assert checks.oxygen_content("0.00(2)").std_dev == pytest.approx(0.02)
    assert checks.onset_zero_span_kelvin("92", "73").nominal_value == 19.0


def test_claims_refuse_a_table_that_contradicts_claims_csv(data_copy: Path) -> None:
    from nickelate_utils.data import DataError, rehash

    csv = data_copy / "transport" / "tc_pressure.csv"
    lines = csv.read_text().splitlines(keepends=True)
    i = next(k for k, line in enumerate(lines) if line.startswith("La2SmNi2O7,#6,14.3,68,4,"))
    lines[i] = lines[i].replace("La2SmNi2O7,#6,14.3,68,4,", "La2SmNi2O7,#6,14.3,69,4,", 1)
    csv.write_text("".join(lines))
    rehash(data_copy)
    with pytest.raises(DataError, match="claims R1/R2 disagree with tc_pressure.csv at 14.3 GPa"):
        transport.claims(data_copy)


# --------------------------------------------------------------------------- source data switch the statuses


def _write_sweep(folder: Path, name: str, t: np.ndarray, r: np.ndarray) -> None:
    order = np.argsort(t)[::-1]  # written as a cooling sweep
    pd.DataFrame({"t_kelvin": t[order], "r_ohm": r[order]}).to_csv(folder / name, index=False)


def test_source_data_turn_illustrations_into_recomputes(data_copy: Path) -> None:
    """A synthetic data/source/ tree (model curves written in the documented layout) changes the
    statuses: illustrations and not-public entries become recomputes, flagged from_source_data."""
    from nickelate_utils.evidence import evidence_errors

    before = {c.claim_id: c for c in transport.claims(data_copy)}
    folder = data_copy / "source" / "resistivity"
    folder.mkdir(parents=True)
    tc_table = load_table("transport", "tc_pressure", data_copy)
    hc2_table = load_table("hc2", "hc2_published")
    for p, on, zero in ((15.5, 68.0, 47.0), (21.6, 92.0, 73.0), (30.3, 85.0, 66.0)):
        c = tcurves.reconstructed_curve("La2SmNi2O7", "#6", p, on, zero)
        _write_sweep(folder, f"La2SmNi2O7_c6_{p:g}GPa_0T.csv", c.t_kelvin, 10.0 * c.resistance)
    c3 = tcurves.field_series(tc_table, hc2_table, fields_tesla=(3.0,), data_dir=data_copy)[0]
    _write_sweep(folder, "La2SmNi2O7_c6_21.6GPa_3T.csv", c3.t_kelvin, 10.0 * c3.resistance)
    t = tcurves.model_temperatures()
    med, s_log = emt.emt_parameters(96.0, 80.0)
    rn = tcurves.RECON_R0 + tcurves.RECON_SLOPE_PER_KELVIN * t
    floor = np.maximum(emt.emt_resistance(t, tcurves.RECON_R0, tcurves.RECON_SLOPE_PER_KELVIN, med, s_log),
                       0.1 * rn)  # never reaches zero resistance
    _write_sweep(folder, "La1.57Sm1.43Ni2O7_c3_21.6GPa_0T.csv", t, emt.add_noise(floor, 1e-4, 5))
    after = {c.claim_id: c for c in transport.claims(data_copy)}
    for cid in ("R3", "R4", "R5", "R6"):
        assert before[cid].status == "illustrated"
        assert after[cid].status == "reproduced" and after[cid].from_source_data, cid
        assert after[cid].kind == "recompute" and after[cid].ours is not None
    for cid in ("R9", "R13", "R14", "R15", "R19"):
        assert before[cid].status in ("not reproducible from public data", "illustrated")
        assert after[cid].status == "reproduced" and after[cid].from_source_data, cid
    for cid in ("R1", "R2", "R10", "R11", "R16", "R17"):  # no file for these sweeps
        assert after[cid].status == before[cid].status and not after[cid].from_source_data, cid
    assert after["R12"].status == before["R12"].status == "discrepant"
    from nickelate_utils.chapters.growth import claims as growth_claims

    context = list(after.values()) + growth_claims(data_copy)
    assert not [e for e in evidence_errors(context, data_copy) if e.startswith("R")]
    # a sweep that disagrees with the paper becomes discrepant, not silently reproduced
    c = tcurves.reconstructed_curve("La2SmNi2O7", "#6", 21.6, 88.0, 70.0)
    _write_sweep(folder, "La2SmNi2O7_c6_21.6GPa_0T.csv", c.t_kelvin, 10.0 * c.resistance)
    changed = {c.claim_id: c for c in transport.claims(data_copy)}
    assert changed["R5"].status == changed["R6"].status == "discrepant"


def test_claims_refuse_a_pressure_missing_from_the_table(data_copy: Path) -> None:
    from nickelate_utils.data import DataError, rehash

    csv = data_copy / "transport" / "claims.csv"
    text = csv.read_text()
    assert ",22.1,Crystal #3" in text
    csv.write_text(text.replace(",22.1,Crystal #3", ",22.2,Crystal #3", 1))
    rehash(data_copy)
    with pytest.raises(DataError, match=r"claim R49: La2SmNi2O7 crystal #3 at 22.2 GPa is not a row"):
        transport.claims(data_copy)

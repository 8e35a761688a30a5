"""physics.trends.fit_line: the one straight-line fitter, against scipy.stats.linregress
(unweighted) and numpy.polyfit with the unscaled covariance (weighted)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from nickelate_utils.physics.trends import fit_line

RNG_SEED = 20250415


def _data(n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(RNG_SEED + n)
    x = np.sort(rng.uniform(0.0, 10.0, n))
    return x, 3.0 + 0.2 * x + rng.normal(0.0, 0.3, n)


@pytest.mark.parametrize("n", [3, 4, 7, 20])
def test_unweighted_errors_are_those_of_linregress(n: int) -> None:
    x, y = _data(n)
    line, ref = fit_line(x, y), stats.linregress(x, y)
    assert line.slope.nominal_value == pytest.approx(ref.slope, rel=1e-12)
    assert line.intercept.nominal_value == pytest.approx(ref.intercept, rel=1e-12)
    assert line.slope.std_dev == pytest.approx(ref.stderr, rel=1e-9)
    assert line.intercept.std_dev == pytest.approx(ref.intercept_stderr, rel=1e-9)
    assert line.dof == n - 2 and line.chi_squared == pytest.approx(np.sum((y - ref.intercept - ref.slope * x) ** 2))


def test_weighted_errors_are_the_unscaled_covariance() -> None:
    x, y = _data(6)
    sigma = np.linspace(0.2, 0.5, 6)
    line = fit_line(x, y, sigma_y=sigma)
    coef, cov = np.polyfit(x, y, 1, w=1.0 / sigma, cov="unscaled")
    assert (line.slope.nominal_value, line.intercept.nominal_value) == (coef[0], coef[1])
    # correlated_values recomputes the errors from the covariance: equal to the last bits
    expected = (math.sqrt(cov[0, 0]), math.sqrt(cov[1, 1]))
    assert (line.slope.std_dev, line.intercept.std_dev) == pytest.approx(expected, rel=1e-12)
    # scalar sigma: var(slope) = sigma^2 / sum (x - mean)^2, whatever the scatter
    exact = fit_line([0.0, 1.0, 2.0], [1.0, 3.0, 5.0], sigma_y=0.5)
    assert exact.slope.std_dev == pytest.approx(0.5 / math.sqrt(2.0))


def test_two_points_give_the_line_through_them_with_undefined_scatter_errors() -> None:
    line = fit_line([1.0, 3.0], [2.0, 6.0])
    assert line.slope.nominal_value == pytest.approx(2.0)
    assert line.intercept.nominal_value == pytest.approx(0.0, abs=1e-12)
    assert math.isnan(line.slope.std_dev) and line.dof == 0
    assert fit_line([1.0, 3.0], [2.0, 6.0], sigma_y=1.0).slope.std_dev == pytest.approx(1.0 / math.sqrt(2.0))


@pytest.mark.parametrize(
    ("x", "y", "sigma", "message"),
    [
        ([1.0], [2.0], None, "at least two points"),
        ([1.0, 2.0], [2.0], None, "equal length"),
        ([1.0, 1.0, 1.0], [2.0, 3.0, 4.0], None, "all x values are equal"),
        ([1.0, math.nan, 3.0], [2.0, 3.0, 4.0], None, "must be finite"),
        ([1.0, 2.0, 3.0], [2.0, 3.0, 4.0], 0.0, "sigma_y must be finite and positive"),
    ],
)
def test_bad_input(x: list[float], y: list[float], sigma: float | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fit_line(x, y, sigma_y=sigma)


def test_a_perfect_fit_has_numerically_zero_errors_without_a_warning() -> None:
    line = fit_line([0.0, 1.0, 2.0], [1.0, 1.0, 1.0])  # warnings are errors in the test configuration
    assert line.slope.std_dev == pytest.approx(0.0, abs=1e-12) and line.intercept.nominal_value == pytest.approx(1.0)


def test_slope_and_intercept_keep_their_correlation() -> None:
    """The prediction slope * x + intercept carries the covariance of the fit: its error at the
    mean of x is the smallest, sigma / sqrt(n) for a weighted line (Bevington ch. 6)."""
    x = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    line = fit_line(x, 1.0 + 2.0 * x + np.array([0.1, -0.1, 0.05, -0.05, 0.0]), sigma_y=0.2)
    at_mean = line.slope * float(x.mean()) + line.intercept
    assert at_mean.std_dev == pytest.approx(0.2 / np.sqrt(x.size), rel=1e-12)
    assert line.intercept.std_dev > at_mean.std_dev

"""Trends in small data sets: straight lines with propagated uncertainties and rank
correlation with an exact permutation p-value (a handful of points, where asymptotic p-values
mislead).

Physics only: numbers in and out, no files, no claims, no plotting.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from uncertainties import correlated_values, ufloat
from uncertainties.core import AffineScalarFunc

from nickelate_utils.physics._checks import fit_ufloat, nominal, ufloat_or_float

__all__ = [
    "Line",
    "fit_line",
    "RankTest",
    "exact_spearman_test",
    "Slope",
    "tc_spread_uncertainty",
    "tc_delta_slope",
]


Number = float | AffineScalarFunc


@dataclass(frozen=True)
class Line:
    """Straight line y = intercept + slope * x fitted by least squares.

    ``slope`` and ``intercept`` are UFloat with the standard errors of the fit (independent
    variables; their covariance is in ``covariance``, order (slope, intercept)).
    ``chi_squared`` is sum(((y - line) / sigma)^2), or the residual sum of squares when no sigma
    is given; ``dof = n - 2``."""

    slope: AffineScalarFunc
    intercept: AffineScalarFunc
    covariance: np.ndarray
    chi_squared: float
    n: int
    dof: int


def fit_line(x: Sequence[float], y: Sequence[float], sigma_y: Sequence[float] | float | None = None) -> Line:
    """Least-squares straight line y = intercept + slope * x, with standard errors.

    Minimises chi^2 = sum_i w_i^2 (y_i - intercept - slope x_i)^2 over the design matrix
    A = [x_i, 1]; the covariance of (slope, intercept) is

    * with ``sigma_y`` (w_i = 1/sigma_i, the stated uncertainties of y): C = (A^T W^2 A)^-1,
      unscaled, i.e. the errors follow from sigma_y alone, not from the scatter;
    * without (w_i = 1): C = s^2 (A^T A)^-1 with s^2 = RSS / (n - 2), the errors from the scatter
      about the line, the same as ``scipy.stats.linregress`` (stderr, intercept_stderr). For
      n = 2 the line passes through both points and s^2 is undefined: the errors are NaN.

    One library call, ``numpy.polyfit(x, y, 1, w=1/sigma, cov=...)`` (``cov="unscaled"``
    with sigma, ``cov=True`` without, which scales by RSS / (n - 2)): it gives both cases from
    the same solver, whereas ``linregress`` takes no weights and ``scipy.optimize.curve_fit``
    iterates from a starting guess on a problem that is linear.
    Reference: Press et al., Numerical Recipes, 3rd ed. (2007), Sect. 15.2 and 15.4
    ("Fitting data to a straight line", "General linear least squares"); Bevington and
    Robinson, Data Reduction and Error Analysis, 3rd ed. (2003), ch. 6.

    ValueError for fewer than two points, unequal lengths, non-finite values, all x equal or a
    non-positive sigma.

    Examples

    >>> line = fit_line([0.0, 1.0, 2.0, 3.0], [1.0, 3.1, 4.9, 7.0])  # y = 1 + 2 x, scattered
    >>> round(line.slope.nominal_value, 3), round(line.slope.std_dev, 4), line.dof
    (1.98, 0.0424, 2)
    >>> w = fit_line([0.0, 1.0, 2.0], [1.0, 3.0, 5.0], sigma_y=0.5)  # errors from sigma_y
    >>> round(w.slope.nominal_value, 6), round(w.slope.std_dev, 4)  # 0.5 / sqrt(sum (x - mean)^2)
    (2.0, 0.3536)
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape:
        raise ValueError(f"need x and y of equal length, got shapes {x.shape} and {y.shape}")
    if x.size < 2:
        raise ValueError(f"need at least two points for a line, got {x.size}")
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
        raise ValueError("x and y must be finite")
    if np.unique(x).size < 2:
        raise ValueError("all x values are equal: the slope is undefined")
    weights = None
    if sigma_y is not None:
        sigma = np.broadcast_to(np.asarray(sigma_y, dtype=float), y.shape)
        if not (np.all(np.isfinite(sigma)) and np.all(sigma > 0)):
            raise ValueError("sigma_y must be finite and positive")
        weights = 1.0 / sigma
    exact = sigma_y is None and x.size == 2  # no scatter to estimate the errors from
    coef, cov = np.polyfit(x, y, 1, w=weights, cov="unscaled" if sigma_y is not None or exact else True)
    if exact:
        cov = np.full((2, 2), np.nan)
    slope, intercept = float(coef[0]), float(coef[1])
    residuals = (y - (slope * x + intercept)) * (1.0 if weights is None else weights)
    cov = np.asarray(cov, dtype=float)
    if np.all(np.isfinite(cov)) and cov[0, 0] > 0 and cov[1, 1] > 0:
        # slope and intercept keep their correlation, so that slope * x + intercept propagates right
        slope_u, intercept_u = correlated_values([slope, intercept], cov)
    else:  # exact fit (zero errors) or two points without sigma (NaN errors)
        slope_u = fit_ufloat(slope, float(np.sqrt(cov[0, 0])))
        intercept_u = fit_ufloat(intercept, float(np.sqrt(cov[1, 1])))
    return Line(
        slope=slope_u,
        intercept=intercept_u,
        covariance=cov,
        chi_squared=float(np.sum(residuals**2)),
        n=int(x.size),
        dof=int(x.size - 2),
    )


@functools.lru_cache(maxsize=4)
def _all_permutations(n: int) -> np.ndarray:
    """All n! permutations of range(n), one per row (read-only, cached: n = 9 takes 0.2 s)."""
    perms = np.array(list(itertools.permutations(range(n))), dtype=np.intp)
    perms.setflags(write=False)
    return perms


@dataclass(frozen=True)
class RankTest:
    """Spearman's rank correlation with its exact permutation p-values."""

    rho: float
    p_two_sided: float
    p_greater: float
    n: int
    n_permutations: int


def exact_spearman_test(x: np.ndarray, y: np.ndarray) -> RankTest:
    """Spearman's rho with exact permutation p-values: every one of the n! pairings of the ranks
    of y with the ranks of x is enumerated (the null distribution of rho under independence).

    ``p_greater = #(rho_perm >= rho) / n!``; ``p_two_sided = #(|rho_perm| >= |rho|) / n!``.
    Hand-written because ``scipy.stats.permutation_test(..., permutation_type='pairings',
    n_resamples=inf)`` materialises all resamples at once and ran out of memory here for n = 9;
    limited to n <= 10 (3.6 million pairings). Reference: Hollander, Wolfe & Chicken,
    Nonparametric Statistical Methods, 3rd ed., Sect. 8.5.

    Examples

    >>> t = exact_spearman_test([1, 2, 3, 4], [1, 4, 9, 16])  # only 1 of the 4! = 24 pairings has rho = 1
    >>> t.rho, round(t.p_greater, 4), round(t.p_two_sided, 4), t.n_permutations  # 1/24, 2/24
    (1.0, 0.0417, 0.0833, 24)
    """
    from scipy import stats

    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.shape != y.shape or x.ndim != 1 or x.size < 3:
        raise ValueError("need two one-dimensional samples of equal length >= 3")
    if x.size > 10:
        raise ValueError(f"exact enumeration is limited to n <= 10 (got n = {x.size})")
    rx = stats.rankdata(x) - (x.size + 1) / 2
    ry = stats.rankdata(y) - (x.size + 1) / 2
    norm = math.sqrt(float((rx**2).sum() * (ry**2).sum()))
    if norm == 0:
        raise ValueError("a constant sample has no rank correlation")
    perms = _all_permutations(int(x.size))
    null = (ry[perms] * rx).sum(axis=1) / norm
    rho = float((rx * ry).sum() / norm)
    eps = 1e-12
    return RankTest(
        rho=rho,
        p_two_sided=float(np.mean(np.abs(null) >= abs(rho) - eps)),
        p_greater=float(np.mean(null >= rho - eps)),
        n=int(x.size),
        n_permutations=int(perms.shape[0]),
    )


@dataclass(frozen=True)
class Slope:
    """Straight line Tc = intercept + slope * Delta through n points (dof = n - 2); slope and
    intercept are UFloat, or float when no uncertainty applies."""

    slope: Number
    intercept: Number
    n: int
    dof: int
    method: str


def tc_spread_uncertainty(tc_kelvin: Sequence[float]) -> float:
    """Standard uncertainty of a maximum Tc from independent reports of the same compound.

    Rule used in chapter 2: the sample standard deviation (``ddof = 1``) of the Tc,max that
    independent works report for one compound, s = sqrt(sum (T_i - mean)^2 / (n - 1)); for two
    reports it is ``|T_1 - T_2| / sqrt(2)``. Hand-written (``numpy.std``) because the rule, not the
    arithmetic, is the point: it measures how far two groups' 'maximum Tc' of nominally the same
    material differ (criteria, samples, pressure media), which neither source quotes as an error.

    Examples

    >>> round(tc_spread_uncertainty([80.0, 82.0]), 4)  # |80 - 82| / sqrt(2)
    1.4142
    """
    values = np.asarray(tc_kelvin, dtype=float)
    if values.size < 2:
        raise ValueError(f"need at least two independent reports, got {values.size}")
    if not np.all(np.isfinite(values)) or np.any(values <= 0):
        raise ValueError("Tc values must be finite and positive")
    return float(np.std(values, ddof=1))


def tc_delta_slope(delta: Sequence[Number], tc_kelvin: Sequence[float],
                   tc_err_kelvin: float | None = None) -> Slope:
    """dTc/dDelta in K per unit Delta, Tc = intercept + slope * Delta.

    ``tc_err_kelvin``: standard uncertainty of every Tc (e.g. :func:`tc_spread_uncertainty`);
    None means the Tc values are treated as exact and only Delta uncertainties propagate.

    n = 2: the line through both points, slope = (T_1 - T_0)/(Delta_1 - Delta_0), with the
    uncertainties of Delta and Tc propagated to first order (``uncertainties``); it has no degree
    of freedom, so it cannot test linearity.
    n >= 3: least squares on the nominal Delta, :func:`fit_line`: standard errors from the
    scatter or, with ``tc_err_kelvin``, weighted by 1/sigma with the unscaled covariance
    (standard errors from the stated Tc uncertainty).

    Examples

    >>> s = tc_delta_slope([0.0, 0.01], [70.0, 75.0])  # illustrative: 5 K over Delta = 0.01
    >>> round(s.slope, 4), round(s.intercept, 4), s.dof
    (500.0, 70.0, 0)
    """
    if len(delta) != len(tc_kelvin):
        raise ValueError(f"need as many Delta as Tc values, got {len(delta)} and {len(tc_kelvin)}")
    if len(delta) < 2:
        raise ValueError("need at least two (Delta, Tc) points for a slope")
    if tc_err_kelvin is not None and not tc_err_kelvin > 0:
        raise ValueError(f"tc_err_kelvin must be positive or None, got {tc_err_kelvin}")
    delta_nominal = np.array([nominal(d) for d in delta])
    if np.unique(delta_nominal).size < 2:
        raise ValueError("all Delta values are equal: the slope is undefined")
    tc = np.asarray(tc_kelvin, dtype=float)
    if len(delta) == 2:
        d0, d1 = delta
        t0, t1 = (float(t) if tc_err_kelvin is None else ufloat(float(t), tc_err_kelvin) for t in tc)
        slope = (t1 - t0) / (d1 - d0)
        intercept = t0 - slope * d0
        how = "two points (exact)" if tc_err_kelvin is None else "two points, Tc and Delta uncertainties propagated"
        return Slope(slope=slope, intercept=intercept, n=2, dof=0, method=how)
    if tc_err_kelvin is not None:
        line = fit_line(delta_nominal, tc, sigma_y=np.full(tc.size, float(tc_err_kelvin)))
        return Slope(
            slope=line.slope, intercept=line.intercept, n=line.n, dof=line.dof,
            method="weighted least squares (fit_line, stated Tc uncertainty)",
        )
    line = fit_line(delta_nominal, tc)
    return Slope(
        slope=ufloat_or_float(line.slope.nominal_value, line.slope.std_dev),
        intercept=ufloat_or_float(line.intercept.nominal_value, line.intercept.std_dev),
        n=line.n,
        dof=line.dof,
        method="least squares (fit_line, errors from the scatter)",
    )

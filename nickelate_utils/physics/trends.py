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
from uncertainties import ufloat
from uncertainties.core import AffineScalarFunc

from nickelate_utils.physics._checks import nominal, ufloat_or_float

__all__ = [
    "RankTest",
    "spearman_rho",
    "exact_spearman_test",
    "Trend",
    "radius_trend",
    "Slope",
    "tc_spread_uncertainty",
    "tc_delta_slope",
]


Number = float | AffineScalarFunc


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


def spearman_rho(x: np.ndarray, y: np.ndarray) -> float:
    """Spearman's rho = Pearson correlation of the ranks (mid-ranks for ties), ``scipy.stats``.

    Examples

    >>> round(spearman_rho([1, 2, 3, 4], [1, 4, 9, 16]), 4)  # monotonic but not linear
    1.0
    """
    from scipy import stats

    return float(stats.spearmanr(x, y).statistic)


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
class Trend:
    """Least-squares line x = intercept + slope * r, and Spearman's rho with its exact p-value."""

    slope: AffineScalarFunc
    intercept: AffineScalarFunc
    r_squared: float
    spearman_rho: float
    spearman_p: float
    n: int


def radius_trend(radius_angstrom: np.ndarray, x: np.ndarray) -> Trend:
    """Linear fit (``scipy.stats.linregress``) and rank correlation (exact permutation p-value,
    :func:`exact_spearman_test`) of x against radius.

    Examples

    >>> tr = radius_trend([1.10, 1.15, 1.20, 1.25], [0.4, 0.3, 0.2, 0.1])  # x = 2.6 - 2 r exactly
    >>> round(tr.slope.nominal_value, 4), round(tr.r_squared, 4), tr.spearman_rho, round(tr.spearman_p, 4)
    (-2.0, 1.0, -1.0, 0.0833)
    """
    from scipy import stats

    radius_angstrom = np.asarray(radius_angstrom, dtype=float)
    x = np.asarray(x, dtype=float)
    if radius_angstrom.shape != x.shape or radius_angstrom.size < 3:
        raise ValueError("need at least three (radius, x) pairs of equal length")
    fit = stats.linregress(radius_angstrom, x)
    test = exact_spearman_test(radius_angstrom, x)
    return Trend(
        slope=ufloat(fit.slope, fit.stderr),
        intercept=ufloat(fit.intercept, fit.intercept_stderr),
        r_squared=float(fit.rvalue**2),
        spearman_rho=test.rho,
        spearman_p=test.p_two_sided,
        n=int(x.size),
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
    n >= 3: least squares on the nominal Delta, ``scipy.stats.linregress`` (standard errors
    from the scatter) or, with ``tc_err_kelvin``, ``numpy.polyfit`` weighted by 1/sigma with the
    unscaled covariance (standard errors from the stated Tc uncertainty).

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
        coef, cov = np.polyfit(delta_nominal, tc, 1, w=np.full(tc.size, 1.0 / tc_err_kelvin), cov="unscaled")
        return Slope(
            slope=ufloat(float(coef[0]), float(np.sqrt(cov[0, 0]))),
            intercept=ufloat(float(coef[1]), float(np.sqrt(cov[1, 1]))),
            n=int(tc.size), dof=int(tc.size - 2),
            method="weighted least squares (numpy.polyfit, stated Tc uncertainty)",
        )
    from scipy import stats

    fit = stats.linregress(delta_nominal, tc)
    return Slope(
        slope=ufloat_or_float(fit.slope, fit.stderr),
        intercept=ufloat_or_float(fit.intercept, fit.intercept_stderr),
        n=int(tc.size),
        dof=int(tc.size - 2),
        method="least squares (scipy.stats.linregress)",
    )

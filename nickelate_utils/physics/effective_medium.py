"""Reconstruction model of a disorder-broadened resistive transition (used only because the
measured curves of the paper are not public).

Used by chapter 3 (:mod:`nickelate_utils.chapters.transport`).

Local critical temperatures follow a **log-normal** distribution, Tc_i = Tc_med exp(s Z) with Z
standard normal, so every local Tc is positive. (A Gaussian distribution fixed by the same two
numbers puts a large share of the local Tc values below zero when the transition is broad: at
14.3 GPa, Tc_onset = 68 K and Tc_zero = 4 K, about 44 %; :func:`gaussian_negative_fraction`.)
The superconducting volume fraction at T is p(T) = P(Tc_i > T) = Phi((ln Tc_med - ln T)/s). In
a Bruggeman effective medium of normal regions and superconducting inclusions of infinite
conductivity in d dimensions, sum_i w_i (s_i - s)/(s_i + (d - 1) s) = 0 gives

    R(T) = R_N(T) max(0, 1 - d p(T)),   R_N(T) = R0 + A T,

so R reaches exactly zero at the percolation threshold p = 1/d (Kirkpatrick, Rev. Mod. Phys.
45, 574 (1973), doi:10.1103/RevModPhys.45.574; disorder-broadened transitions: Caprara et al.,
Phys. Rev. B 84, 014514 (2011), doi:10.1103/PhysRevB.84.014514). Tc_med and s are fixed so that
the deviation onset (eps = 1 %) and the zero are the published Tc_onset and Tc_zero
(:func:`emt_parameters`). The width s is a property of this assumed shape, not a measurement:
it never supports or contradicts a width stated by the paper. In a field each local Tc follows
the Ginzburg-Landau line of ``nickelate_utils.chapters.hc2`` (:func:`emt_field_resistance`).
Hand-written (``scipy.special.ndtr``/``ndtri``): no library models resistive transitions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.interpolate import make_interp_spline
from scipy.special import ndtr, ndtri

from nickelate_utils.physics import upper_critical_field
from nickelate_utils.physics.normal_state import check_fraction
from nickelate_utils.physics.resistive_transition import DEVIATION_FRACTION

__all__ = [
    "RECON_DIMENSION",
    "add_noise",
    "emt_field_resistance",
    "emt_parameters",
    "emt_resistance",
    "gaussian_negative_fraction",
    "local_tc_quantiles_kelvin",
    "superconducting_fraction",
]

RECON_DIMENSION: int = 2
"""Assumption of the reconstruction: two-dimensional effective medium (layered crystal), so
zero resistance is reached when half of the volume is superconducting."""


def _check_pair(tc_onset_kelvin: float, tc_zero_kelvin: float, deviation_fraction: float, dimension: int) -> None:
    check_fraction("deviation_fraction", deviation_fraction)
    if dimension not in (2, 3):
        raise ValueError(f"dimension must be 2 or 3, got {dimension}")
    if not 0 < tc_zero_kelvin < tc_onset_kelvin:
        raise ValueError(
            f"need 0 < tc_zero_kelvin < tc_onset_kelvin, got {tc_zero_kelvin:g} and {tc_onset_kelvin:g}"
        )


def _quantiles(deviation_fraction: float, dimension: int) -> tuple[float, float]:
    """(z_on, z_0) = (Phi^-1(1 - eps/d), Phi^-1(1 - 1/d))."""
    return float(ndtri(1.0 - deviation_fraction / dimension)), float(ndtri(1.0 - 1.0 / dimension))


def emt_parameters(
    tc_onset_kelvin: float,
    tc_zero_kelvin: float,
    deviation_fraction: float = DEVIATION_FRACTION,
    dimension: int = RECON_DIMENSION,
) -> tuple[float, float]:
    """(Tc_med in K, s) of the log-normal local-Tc distribution whose effective-medium curve
    deviates by ``deviation_fraction`` from R_N at Tc_onset and reaches zero at Tc_zero.

    With z_on = Phi^-1(1 - eps/d) and z_0 = Phi^-1(1 - 1/d):
    s = ln(Tc_onset/Tc_zero)/(z_on - z_0), ln Tc_med = ln Tc_zero - z_0 s (d = 2: Tc_med = Tc_zero).
    ValueError unless 0 < Tc_zero < Tc_onset, 0 < eps < 1 and d in {2, 3}.

    Examples

    >>> tc_med, s = emt_parameters(68.0, 4.0)  # d = 2: the median is Tc_zero
    >>> round(tc_med, 3), round(s, 3)
    (4.0, 1.1)
    """
    _check_pair(tc_onset_kelvin, tc_zero_kelvin, deviation_fraction, dimension)
    z_on, z_0 = _quantiles(deviation_fraction, dimension)
    s = math.log(tc_onset_kelvin / tc_zero_kelvin) / (z_on - z_0)
    return float(tc_zero_kelvin * math.exp(-z_0 * s)), float(s)


def gaussian_negative_fraction(
    tc_onset_kelvin: float,
    tc_zero_kelvin: float,
    deviation_fraction: float = DEVIATION_FRACTION,
    dimension: int = RECON_DIMENSION,
) -> float:
    """Share of local Tc values below 0 K if the distribution fixed by (Tc_onset, Tc_zero) were
    Gaussian: sigma = (Tc_onset - Tc_zero)/(z_on - z_0), mu = Tc_zero - z_0 sigma, P = Phi(-mu/sigma).

    The reason the reconstruction uses a log-normal distribution (module docstring).
    ValueError as :func:`emt_parameters`.

    Examples

    >>> round(gaussian_negative_fraction(68.0, 4.0), 2)  # 14.3 GPa
    0.44
    """
    _check_pair(tc_onset_kelvin, tc_zero_kelvin, deviation_fraction, dimension)
    z_on, z_0 = _quantiles(deviation_fraction, dimension)
    sigma = (tc_onset_kelvin - tc_zero_kelvin) / (z_on - z_0)
    mu = tc_zero_kelvin - z_0 * sigma
    return float(ndtr(-mu / sigma))


def local_tc_quantiles_kelvin(tc_median_kelvin: float, tc_log_sigma: float, probabilities: ArrayLike
                              ) -> NDArray[np.float64]:
    """Quantiles of the log-normal local Tc: Tc_med exp(s Phi^-1(q)), always positive.

    ValueError for a non-positive median or s, or probabilities outside (0, 1).

    Examples

    >>> local_tc_quantiles_kelvin(4.0, 1.0, [0.5]).tolist()  # the median
    [4.0]
    """
    if not tc_median_kelvin > 0 or not tc_log_sigma > 0:
        raise ValueError("tc_median_kelvin and tc_log_sigma must be positive")
    q = np.asarray(probabilities, dtype=float)
    if np.any((q <= 0) | (q >= 1)):
        raise ValueError("probabilities must lie strictly between 0 and 1")
    return tc_median_kelvin * np.exp(tc_log_sigma * ndtri(q))


def superconducting_fraction(t_kelvin: ArrayLike, tc_median_kelvin: float, tc_log_sigma: float
                             ) -> NDArray[np.float64]:
    """p(T) = P(Tc_i > T) = Phi((ln Tc_med - ln T)/s) of the log-normal model (1 at T <= 0).

    Examples

    >>> superconducting_fraction([4.0, 0.0], 4.0, 1.0).tolist()  # half at the median, all at 0 K
    [0.5, 1.0]
    """
    t = np.asarray(t_kelvin, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (math.log(tc_median_kelvin) - np.log(np.where(t > 0, t, np.nan))) / tc_log_sigma
    return np.where(t > 0, ndtr(np.nan_to_num(z, nan=np.inf)), 1.0)


def _check_model(r0_ohm: float, slope_ohm_per_kelvin: float, tc_median_kelvin: float, tc_log_sigma: float,
                 dimension: int) -> None:
    if r0_ohm < 0 or slope_ohm_per_kelvin < 0:
        raise ValueError("r0_ohm and slope_ohm_per_kelvin must be non-negative")
    if not tc_median_kelvin > 0:
        raise ValueError(f"tc_median_kelvin must be positive, got {tc_median_kelvin}")
    if not tc_log_sigma > 0:
        raise ValueError(f"tc_log_sigma must be positive, got {tc_log_sigma}")
    if dimension not in (2, 3):
        raise ValueError(f"dimension must be 2 or 3, got {dimension}")


def emt_resistance(
    t_kelvin: ArrayLike,
    r0_ohm: float,
    slope_ohm_per_kelvin: float,
    tc_median_kelvin: float,
    tc_log_sigma: float,
    dimension: int = RECON_DIMENSION,
) -> NDArray[np.float64]:
    """R(T) = (R0 + A T) max(0, 1 - d p(T)) with the log-normal p(T) of
    :func:`superconducting_fraction` (module docstring).

    ValueError for a negative R0 or slope, a non-positive median or s, or d not in {2, 3}.

    Examples

    >>> emt_resistance([4.0, 1000.0], 1.0, 0.01, 4.0, 0.1).round(3).tolist()  # zero at p = 1/2; R_N far above
    [0.0, 11.0]
    """
    _check_model(r0_ohm, slope_ohm_per_kelvin, tc_median_kelvin, tc_log_sigma, dimension)
    t = np.asarray(t_kelvin, dtype=float)
    p = superconducting_fraction(t, tc_median_kelvin, tc_log_sigma)
    return (r0_ohm + slope_ohm_per_kelvin * t) * np.clip(1.0 - dimension * p, 0.0, None)


def emt_field_resistance(
    t_kelvin: ArrayLike,
    h_tesla: float,
    r0_ohm: float,
    slope_ohm_per_kelvin: float,
    tc_median_kelvin: float,
    tc_log_sigma: float,
    criterion_fractions: ArrayLike,
    hc2_zero_tesla: ArrayLike,
    dimension: int = RECON_DIMENSION,
) -> NDArray[np.float64]:
    """Effective-medium R(T) in a field: every local Tc_i moves to the GL temperature
    Tc_i sqrt((1 - h)/(1 + h)), h = H/Hc2_i(0) (``upper_critical_field.gl_temperature_kelvin``).

    ln Hc2_i(0) is interpolated linearly between the published (criterion, Hc2(0)) pairs at the
    local Tc where each criterion R = f R_N is met at zero field (p = (1 - f)/d), and
    extrapolated beyond them with the end segments (``scipy.interpolate.make_interp_spline``,
    k = 1). By construction the f R_N point of the curve then follows the GL line of that
    criterion.
    ValueError for a negative field, fewer than 2 criteria, unequal lengths, fractions outside
    (0, 1), non-positive Hc2(0), or a field that makes the local Tc non-monotonic.

    Examples

    >>> args = (1.0, 0.01, 4.0, 0.1, [0.9, 0.5, 0.1], [10.0, 8.0, 6.0])
    >>> emt_field_resistance([4.0, 1000.0], 0.0, *args).round(3).tolist()  # zero field: emt_resistance
    [0.0, 11.0]
    >>> bool(emt_field_resistance([4.0], 1.0, *args)[0] > 0)  # 1 T lowers every local Tc
    True
    """
    f = np.asarray(criterion_fractions, dtype=float)
    h0 = np.asarray(hc2_zero_tesla, dtype=float)
    if not h_tesla >= 0:
        raise ValueError(f"h_tesla must be non-negative, got {h_tesla}")
    if f.ndim != 1 or f.shape != h0.shape or f.size < 2:
        raise ValueError("need at least 2 (criterion fraction, Hc2(0)) pairs of equal length")
    if np.any((f <= 0) | (f >= 1)):
        raise ValueError("criterion fractions must lie strictly between 0 and 1")
    if np.any(~(h0 > 0)):
        raise ValueError("hc2_zero_tesla values must be positive")
    t = np.asarray(t_kelvin, dtype=float)
    base = emt_resistance(t, r0_ohm, slope_ohm_per_kelvin, tc_median_kelvin, tc_log_sigma, dimension)
    if h_tesla == 0:
        return base
    # local Tc at which each criterion is met at zero field: p = (1 - f)/d = P(Tc_i > Tc_f)
    tc_at_f = local_tc_quantiles_kelvin(tc_median_kelvin, tc_log_sigma, 1.0 - (1.0 - f) / dimension)
    order = np.argsort(tc_at_f)
    grid = tc_median_kelvin * np.exp(tc_log_sigma * np.linspace(-6.0, 6.0, 801))
    # ln Hc2_i(0): piecewise linear in the local Tc, extrapolated with the end segments
    log_h0 = make_interp_spline(tc_at_f[order], np.log(h0[order]), k=1)(grid, extrapolate=True)
    local_h0 = np.exp(log_h0)
    # regions whose Hc2(0) is below the field never superconduct (local Tc(H) = 0); the others
    # follow the GL line in reduced units (h = H/Hc2_i(0), Hc2 = 1, Tc = 1), times Tc_i
    tc_h = np.zeros_like(grid)
    cold = local_h0 > h_tesla
    tc_h[cold] = grid[cold] * upper_critical_field.gl_temperature_kelvin(h_tesla / local_h0[cold], 1.0, 1.0)
    alive = tc_h > 0
    if np.any(np.diff(tc_h[alive]) <= 0):
        raise ValueError("the field makes the local Tc non-monotonic: the Hc2(0) pairs are inconsistent")
    # fraction superconducting at T: P(Tc_i(H) > T) = P(Tc_i > Tc_i*(T))
    if alive.any():
        tc_star = np.interp(t, tc_h[alive], grid[alive], left=grid[alive][0], right=np.inf)
    else:
        tc_star = np.full_like(t, np.inf)
    p = superconducting_fraction(tc_star, tc_median_kelvin, tc_log_sigma)
    p = np.where(np.isinf(tc_star), 0.0, p)
    return (r0_ohm + slope_ohm_per_kelvin * t) * np.clip(1.0 - dimension * p, 0.0, None)


def add_noise(r: ArrayLike, noise: float, seed: int | Sequence[int]) -> NDArray[np.float64]:
    """r plus Gaussian noise of standard deviation ``noise`` from ``numpy.random.default_rng(seed)``.

    ``seed`` is an int or a sequence of non-negative ints, the entropy of a
    ``numpy.random.SeedSequence``: a list such as [base seed, crystal, 10 P, 10 H] gives every
    curve its own stream, where sums like ``seed + i`` collide. numpy pads a short list with
    zeros to four words ([s] and [s, 0] give the same stream), so keep the keys of one kind at
    one length.
    ValueError for a negative noise.

    Examples

    >>> add_noise([1.0, 2.0], 0.0, seed=0).tolist()
    [1.0, 2.0]
    >>> bool(np.array_equal(add_noise([1.0, 2.0], 0.1, seed=1), add_noise([1.0, 2.0], 0.1, seed=1)))
    True
    >>> bool(np.array_equal(add_noise([0.0], 0.1, seed=[1, 2]), add_noise([0.0], 0.1, seed=[1, 3])))  # two streams
    False
    """
    if not noise >= 0:
        raise ValueError(f"noise must be non-negative, got {noise}")
    values = np.asarray(r, dtype=float)
    return values + np.random.default_rng(seed).normal(0.0, noise, size=values.shape)

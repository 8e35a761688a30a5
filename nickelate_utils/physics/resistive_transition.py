"""Criteria for the critical temperature of a resistive transition (Tc onset by deviation or by
two lines, fraction criteria, zero resistance, the 10-90 % width) on any (T, R) sweep.

Used by chapter 3 (:mod:`nickelate_utils.chapters.transport`). R_N(T) is the
normal-state resistance extrapolated from a linear fit above the transition
(:func:`nickelate_utils.physics.normal_state.fit_linear_normal_state`):

* ``tc_onset_deviation``: highest T below which R stays below R_N(T) by more than
  max(eps R_N(T), k sigma_fit) (default eps = 1 %, k = 3). "First deviation from the
  normal state" is the usual reading of T_c^onset in the high-pressure nickelate literature;
  Li et al. do not state their construction.
* ``tc_onset_intersection``: intersection of the normal-state line with a straight line
  fitted to the steep part of the transition (by default 20-80 % of R_N).
* ``tc_fraction``: T at which R = f R_N(T) (90 % "onset", 50 % "mid", 10 %), or f times a
  fixed reference resistance such as R(Tc_onset) (the paper's 90/50/10 % Hc2 criteria, Fig. 3d).
* ``tc_zero``: highest T below which R stays at or below a threshold (noise floor, or 1 % of
  R_N). Returns ``None`` when the resistance never reaches the threshold.

Hand-written (numpy interpolation): no maintained library implements these criteria.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nickelate_utils.physics.normal_state import NormalStateFit, check_fraction, fit_linear_normal_state, validate_curve
from nickelate_utils.physics.trends import fit_line

__all__ = [
    "DEVIATION_FRACTION",
    "DEVIATION_N_SIGMA",
    "ZERO_FRACTION",
    "Intersection",
    "Transition",
    "analyse_transition",
    "tc_fraction",
    "tc_onset_deviation",
    "tc_onset_intersection",
    "tc_zero",
    "transition_width",
]

DEVIATION_FRACTION: float = 0.01
"""eps of the deviation onset: R_N - R > eps R_N (1 %)."""

DEVIATION_N_SIGMA: float = 3.0
"""k of the deviation onset: R_N - R must also exceed k times the rms residual of the
normal-state fit, so that noise is not read as an onset (3 sigma, a convention of ours)."""

ZERO_FRACTION: float = 0.01
"""Zero-resistance threshold as a fraction of R_N at the onset (1 % criterion)."""

_check_fraction = check_fraction


def _below_window(
    t: NDArray[np.float64], r: NDArray[np.float64], normal: NormalStateFit
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    sel = t < normal.t_min_kelvin
    if sel.sum() < 2:
        raise ValueError(
            f"no transition in range: fewer than 2 points below the fit window ({normal.t_min_kelvin:g} K)"
        )
    return t[sel], r[sel]


def _crossing(t: NDArray[np.float64], y: NDArray[np.float64], i: int) -> float:
    """T where y crosses 0 between points i and i+1 (linear interpolation).

    Hand-written rather than ``numpy.interp``: the crossing is the one between two given
    neighbours of a curve that may cross zero several times and in either direction (``numpy.interp``
    needs increasing abscissae), and ``numpy.interp`` rounds differently (slope first): it
    would move the last bit of about one crossing in twenty, and so of the book's Tc values."""
    return float(t[i] + (t[i + 1] - t[i]) * (0.0 - y[i]) / (y[i + 1] - y[i]))


# --------------------------------------------------------------------------- Tc criteria


def tc_fraction(
    t_kelvin: ArrayLike, r_ohm: ArrayLike, reference: NormalStateFit | float, fraction: float
) -> float:
    """Highest temperature at which R(T) = fraction x reference, in K (linear interpolation).

    ``reference`` is a :class:`NormalStateFit` (R_N(T) extrapolated below its window; only
    points below the window are searched) or a fixed resistance in ohm (e.g. R at
    Tc_onset, the paper's Hc2 criteria). fraction 0.9 gives the "90 % onset", 0.5 Tc_mid.
    ValueError for a fraction outside (0, 1), a non-positive reference, no transition in
    range (R/reference never falls below ``fraction``), or a curve already below
    ``fraction`` at the top of the searched range.

    Examples

    >>> t = np.arange(2.0, 201.0, 2.0)  # R_N = 0.2 + 0.005 T; R = 0.02 (T - 20) from 20 to 40 K
    >>> r = np.clip(0.02 * (t - 20.0), 0.0, 0.2 + 0.005 * t)
    >>> round(tc_fraction(t, r, 0.4, 0.5), 3)  # R = 0.2 ohm, half of R(40 K)
    30.0
    """
    _check_fraction("fraction", fraction)
    t, r = validate_curve(t_kelvin, r_ohm)
    if isinstance(reference, NormalStateFit):
        t, r = _below_window(t, r, reference)
        ref = reference.resistance_ohm(t)
    else:
        if not float(reference) > 0:
            raise ValueError(f"reference resistance must be positive, got {reference}")
        ref = np.full_like(t, float(reference))
    y = r / ref - fraction
    if y[-1] < 0:
        raise ValueError(
            f"R/R_N is already below {fraction:g} at the top of the range ({t[-1]:g} K): "
            "the transition lies above the data"
        )
    below = np.flatnonzero(y < 0)
    if below.size == 0:
        raise ValueError(f"no transition in range: R/R_N stays above {fraction:g} down to {t[0]:g} K")
    return _crossing(t, y, int(below[-1]))


def tc_onset_deviation(
    t_kelvin: ArrayLike,
    r_ohm: ArrayLike,
    normal: NormalStateFit,
    deviation_fraction: float = DEVIATION_FRACTION,
    n_sigma: float = DEVIATION_N_SIGMA,
) -> float:
    """Onset by first deviation: highest T below which R_N(T) - R(T) > threshold at every point.

    threshold(T) = max(deviation_fraction x R_N(T), n_sigma x rms of the normal-state fit).
    The crossing of R_N - R = threshold is interpolated linearly. This is the usual reading
    of "T_c^onset" in the nickelate literature.
    ValueError for a deviation fraction outside (0, 1), negative n_sigma, no transition in
    range (no deviation at the lowest temperature), or a deviation already at the top of the
    range below the fit window (move the window up).

    Examples

    >>> t = np.arange(2.0, 201.0, 2.0)  # R_N = 0.2 + 0.005 T; R = 0.02 (T - 20) from 20 to 40 K
    >>> r = np.clip(0.02 * (t - 20.0), 0.0, 0.2 + 0.005 * t)
    >>> fit = fit_linear_normal_state(t, r, 100.0, 200.0)
    >>> round(tc_onset_deviation(t, r, fit), 2)  # R_N - R = 1 % of R_N: 0.598 / 0.01505
    39.73
    """
    _check_fraction("deviation_fraction", deviation_fraction)
    if not n_sigma >= 0:
        raise ValueError(f"n_sigma must be non-negative, got {n_sigma}")
    t, r = validate_curve(t_kelvin, r_ohm)
    t, r = _below_window(t, r, normal)
    rn = normal.resistance_ohm(t)
    y = (rn - r) - np.maximum(deviation_fraction * rn, n_sigma * normal.rms_ohm)
    if y[0] <= 0:
        raise ValueError(
            "no transition in range: R does not deviate from the normal state at the lowest temperature "
            f"({t[0]:g} K)"
        )
    not_dev = np.flatnonzero(y <= 0)
    if not_dev.size == 0:
        raise ValueError(
            f"R already deviates from the normal state at {t[-1]:g} K, just below the fit window: "
            "move the window up"
        )
    k = int(not_dev[0])
    return _crossing(t, y, k - 1)


@dataclass(frozen=True)
class Intersection:
    """Two-line onset: T where the transition line meets the normal-state line."""

    tc_kelvin: float
    slope_ohm_per_kelvin: float
    intercept_ohm: float
    n_points: int


def tc_onset_intersection(
    t_kelvin: ArrayLike,
    r_ohm: ArrayLike,
    normal: NormalStateFit,
    lower: float = 0.2,
    upper: float = 0.8,
) -> Intersection:
    """Onset by two lines: the normal-state fit meets a line fitted (``trends.fit_line``) to the
    transition points with lower <= R/R_N <= upper: T = (b_tr - R0)/(A - a_tr).

    ValueError for bounds outside (0, 1) or lower >= upper, fewer than 2 transition points,
    or a transition line not steeper than the normal state (no transition in range).

    Examples

    >>> t = np.arange(2.0, 201.0, 2.0)  # R_N = 0.2 + 0.005 T; R = 0.02 (T - 20) from 20 to 40 K
    >>> r = np.clip(0.02 * (t - 20.0), 0.0, 0.2 + 0.005 * t)
    >>> fit = fit_linear_normal_state(t, r, 100.0, 200.0)
    >>> round(tc_onset_intersection(t, r, fit).tc_kelvin, 3)  # 0.02 (T - 20) = 0.2 + 0.005 T
    40.0
    """
    _check_fraction("lower", lower)
    _check_fraction("upper", upper)
    if not lower < upper:
        raise ValueError(f"need lower < upper, got {lower:g} and {upper:g}")
    t, r = validate_curve(t_kelvin, r_ohm)
    t, r = _below_window(t, r, normal)
    ratio = r / normal.resistance_ohm(t)
    sel = (ratio >= lower) & (ratio <= upper)
    if sel.sum() < 2:
        raise ValueError(
            f"too few points in the transition ({lower:.0%}-{upper:.0%} of R_N): {int(sel.sum())}, need at least 2"
        )
    line = fit_line(t[sel], r[sel])
    slope, intercept = line.slope.nominal_value, line.intercept.nominal_value
    a_n = float(normal.slope_ohm_per_kelvin.nominal_value)
    b_n = float(normal.intercept_ohm.nominal_value)
    if not slope > a_n:
        raise ValueError("no transition in range: the transition line is not steeper than the normal state")
    return Intersection(
        tc_kelvin=float((intercept - b_n) / (a_n - slope)),
        slope_ohm_per_kelvin=float(slope),
        intercept_ohm=float(intercept),
        n_points=int(sel.sum()),
    )


def tc_zero(t_kelvin: ArrayLike, r_ohm: ArrayLike, threshold_ohm: float) -> float | None:
    """Highest T below which R <= threshold_ohm at every point (crossing interpolated), in K.

    The threshold is the noise floor of the measurement or a fraction (1 %) of R_N.
    Returns ``None`` if R is above the threshold at the lowest temperature: zero resistance is
    not reached and Tc_zero is absent (e.g. La1.57Sm1.43Ni2O7, Extended Data Fig. 10).
    ValueError for a non-positive threshold or a curve at or below the threshold everywhere
    (no transition in range).

    Examples

    >>> tc_zero([1.0, 2.0, 3.0, 4.0, 5.0], [0.0, 0.0, 1.0, 2.0, 3.0], 0.5)
    2.5
    >>> print(tc_zero([1.0, 2.0, 3.0, 4.0, 5.0], [1.0, 1.0, 2.0, 3.0, 4.0], 0.5))  # never zero
    None
    """
    if not threshold_ohm > 0:
        raise ValueError(f"threshold_ohm must be positive, got {threshold_ohm}")
    t, r = validate_curve(t_kelvin, r_ohm)
    y = r - threshold_ohm
    if y[0] > 0:
        return None
    above = np.flatnonzero(y > 0)
    if above.size == 0:
        raise ValueError("no transition in range: R is below the zero threshold at every temperature")
    k = int(above[0])
    return _crossing(t, y, k - 1)


def transition_width(
    t_kelvin: ArrayLike,
    r_ohm: ArrayLike,
    reference: NormalStateFit | float,
    upper: float = 0.9,
    lower: float = 0.1,
) -> float:
    """Width T(upper x R_N) - T(lower x R_N) in K (default 10-90 %); see :func:`tc_fraction`.

    ValueError if lower >= upper, or from :func:`tc_fraction`.

    Examples

    >>> t = np.arange(2.0, 201.0, 2.0)  # R_N = 0.2 + 0.005 T; R = 0.02 (T - 20) from 20 to 40 K
    >>> r = np.clip(0.02 * (t - 20.0), 0.0, 0.2 + 0.005 * t)
    >>> round(transition_width(t, r, 0.4), 3)  # 90 % at 38 K, 10 % at 22 K
    16.0
    """
    if not lower < upper:
        raise ValueError(f"need lower < upper, got {lower:g} and {upper:g}")
    return tc_fraction(t_kelvin, r_ohm, reference, upper) - tc_fraction(t_kelvin, r_ohm, reference, lower)


@dataclass(frozen=True)
class Transition:
    """All criteria applied to one sweep. ``tc_zero_kelvin`` is None when R never reaches zero."""

    fit: NormalStateFit
    tc_onset_deviation_kelvin: float
    tc_onset_intersection_kelvin: float
    tc_90_kelvin: float
    tc_mid_kelvin: float
    tc_10_kelvin: float
    tc_zero_kelvin: float | None
    width_10_90_kelvin: float
    zero_threshold_ohm: float


def analyse_transition(
    t_kelvin: ArrayLike,
    r_ohm: ArrayLike,
    fit_window_kelvin: tuple[float, float],
    deviation_fraction: float = DEVIATION_FRACTION,
    zero_fraction: float = ZERO_FRACTION,
    zero_threshold_ohm: float | None = None,
) -> Transition:
    """Normal-state fit over ``fit_window_kelvin`` and every criterion of this module.

    The zero threshold is ``zero_threshold_ohm`` (e.g. the noise floor) if given, otherwise
    zero_fraction x R_N(Tc_onset) (1 % criterion). The 10 % point is NaN only if R never
    falls below 10 % of R_N; then Tc_zero is None as well.
    ValueError from the individual criteria (bad sweep, no transition in range).

    Examples

    >>> t = np.arange(2.0, 201.0, 2.0)  # R_N = 0.2 + 0.005 T; R = 0.02 (T - 20) from 20 to 40 K
    >>> r = np.clip(0.02 * (t - 20.0), 0.0, 0.2 + 0.005 * t)
    >>> tr = analyse_transition(t, r, (100.0, 200.0))
    >>> round(tr.tc_onset_intersection_kelvin, 3), round(tr.tc_onset_deviation_kelvin, 2)
    (40.0, 39.73)
    >>> round(tr.tc_zero_kelvin, 1)  # 1 % of R_N(Tc_onset), reached just above 20 K
    20.2
    """
    _check_fraction("zero_fraction", zero_fraction)
    fit = fit_linear_normal_state(t_kelvin, r_ohm, *fit_window_kelvin)
    onset = tc_onset_deviation(t_kelvin, r_ohm, fit, deviation_fraction)
    if zero_threshold_ohm is None:
        threshold = zero_fraction * float(fit.resistance_ohm(onset))
    else:
        threshold = float(zero_threshold_ohm)
    try:
        t10 = tc_fraction(t_kelvin, r_ohm, fit, 0.1)
    except ValueError:
        t10 = float("nan")
    t90 = tc_fraction(t_kelvin, r_ohm, fit, 0.9)
    return Transition(
        fit=fit,
        tc_onset_deviation_kelvin=onset,
        tc_onset_intersection_kelvin=tc_onset_intersection(t_kelvin, r_ohm, fit).tc_kelvin,
        tc_90_kelvin=t90,
        tc_mid_kelvin=tc_fraction(t_kelvin, r_ohm, fit, 0.5),
        tc_10_kelvin=t10,
        tc_zero_kelvin=tc_zero(t_kelvin, r_ohm, threshold),
        width_10_90_kelvin=t90 - t10,
        zero_threshold_ohm=threshold,
    )


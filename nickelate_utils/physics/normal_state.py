"""Normal-state resistance above a superconducting transition: input checks, the linear
("strange-metal") fit, the power law R0 + A T^n with n free, and the Bloch-Grüneisen
(phonon-limited) resistance that a linear fit over a factor of two in T cannot tell apart.

Used by chapter 3 (:mod:`nickelate_utils.chapters.transport`). Physics only: no
claims, no files, no plotting.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray
from uncertainties import ufloat
from uncertainties.core import AffineScalarFunc

if TYPE_CHECKING:  # lmfit is imported inside the fitting functions (chapter start-up time)
    import lmfit

__all__ = [
    "MIN_POINTS",
    "EXPONENT_BOUNDS",
    "NormalStateFit",
    "PowerLawFit",
    "bloch_gruneisen_integral",
    "bloch_gruneisen_resistance",
    "check_fraction",
    "fit_linear_normal_state",
    "fit_power_law_normal_state",
    "power_law_resistance",
    "validate_curve",
]

MIN_POINTS: int = 5
"""Fewest points accepted for a resistance sweep."""


def validate_curve(
    t_kelvin: ArrayLike, r_ohm: ArrayLike, min_points: int = MIN_POINTS
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Return (T, R) as float arrays after checking a resistance sweep.

    ValueError if the arrays are not 1-D of equal length, have fewer than ``min_points``
    points, contain NaN or inf, have a non-positive temperature, repeat a temperature, or are
    not sorted by increasing temperature (sort a cooling sweep first, e.g. with
    ``numpy.argsort``).

    Examples

    >>> t, r = validate_curve([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])
    >>> t.tolist(), r.tolist()
    ([1.0, 2.0, 3.0, 4.0, 5.0], [5.0, 4.0, 3.0, 2.0, 1.0])
    """
    t = np.asarray(t_kelvin, dtype=float)
    r = np.asarray(r_ohm, dtype=float)
    if t.ndim != 1 or r.shape != t.shape:
        raise ValueError(
            f"temperature and resistance must be 1-D arrays of equal length, got shapes {t.shape} and {r.shape}"
        )
    if t.size < min_points:
        raise ValueError(f"too few points: need at least {min_points}, got {t.size}")
    bad = ~(np.isfinite(t) & np.isfinite(r))
    if bad.any():
        raise ValueError(f"NaN or infinite value at index {int(np.argmax(bad))}")
    if (t <= 0).any():
        raise ValueError(f"temperatures must be positive kelvin, got {float(t.min()):g}")
    step = np.diff(t)
    if (step == 0).any():
        i = int(np.argmax(step == 0))
        raise ValueError(f"duplicated temperature {t[i]:g} K at indices {i} and {i + 1}")
    if (step < 0).any():
        i = int(np.argmax(step < 0))
        raise ValueError(
            f"temperatures must be sorted in increasing order (first decrease at index {i + 1}); "
            "sort the sweep before the analysis"
        )
    return t, r


def check_fraction(name: str, value: float) -> None:
    """ValueError unless 0 < value < 1.

    Examples

    >>> check_fraction("fraction", 0.5)
    >>> check_fraction("fraction", 1.5)
    Traceback (most recent call last):
        ...
    ValueError: fraction must lie strictly between 0 and 1, got 1.5
    """
    if not 0 < value < 1:
        raise ValueError(f"{name} must lie strictly between 0 and 1, got {value}")


def _window(t: NDArray[np.float64], r: NDArray[np.float64], t_min_kelvin: float, t_max_kelvin: float,
            min_points: int) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    if not t_min_kelvin < t_max_kelvin:
        raise ValueError(f"fit window must have t_min < t_max, got [{t_min_kelvin:g}, {t_max_kelvin:g}] K")
    sel = (t >= t_min_kelvin) & (t <= t_max_kelvin)
    if sel.sum() < min_points:
        raise ValueError(
            f"too few points in the fit window [{t_min_kelvin:g}, {t_max_kelvin:g}] K: "
            f"{int(sel.sum())}, need at least {min_points}"
        )
    return t[sel], r[sel]


def _uvar(result: lmfit.model.ModelResult, name: str) -> AffineScalarFunc:
    """Fitted parameter as a correlated ``uncertainties`` number (NaN error without covariance)."""
    uvars = getattr(result, "uvars", None)
    if uvars is not None:
        return uvars[name]
    return ufloat(result.params[name].value, float("nan"))


# --------------------------------------------------------------------------- linear fit


@dataclass(frozen=True)
class NormalStateFit:
    """Linear normal state R = R0 + A T fitted over [t_min_kelvin, t_max_kelvin]."""

    intercept_ohm: AffineScalarFunc
    slope_ohm_per_kelvin: AffineScalarFunc
    t_min_kelvin: float
    t_max_kelvin: float
    t_fit_kelvin: NDArray[np.float64] = field(repr=False)
    residuals_ohm: NDArray[np.float64] = field(repr=False)
    rms_ohm: float
    r_squared: float

    @property
    def n_points(self) -> int:
        """Number of points in the fit window."""
        return int(self.t_fit_kelvin.size)

    def resistance_ohm(self, t_kelvin: ArrayLike) -> NDArray[np.float64]:
        """Extrapolated normal-state resistance R_N(T) (nominal values).

        Examples

        >>> t = np.arange(100.0, 201.0, 10.0)
        >>> fit = fit_linear_normal_state(t, 1.0 + 0.01 * t, 100.0, 200.0)
        >>> fit.resistance_ohm([0.0, 50.0]).round(3).tolist()  # extrapolated below the window
        [1.0, 1.5]
        """
        t = np.asarray(t_kelvin, dtype=float)
        return float(self.intercept_ohm.nominal_value) + float(self.slope_ohm_per_kelvin.nominal_value) * t


def fit_linear_normal_state(
    t_kelvin: ArrayLike, r_ohm: ArrayLike, t_min_kelvin: float, t_max_kelvin: float
) -> NormalStateFit:
    """Least-squares line R = R0 + A T through the points with t_min <= T <= t_max.

    The linear-in-T ("strange-metal") normal state; Li et al. fit 100-200 K at 21.6 GPa
    (Extended Data Fig. 7b). Uses ``lmfit.models.LinearModel``; R0 and A come back as
    correlated ``uncertainties`` numbers (covariance scaled by the reduced chi-square, so the
    errors reflect the scatter of the points; NaN for an exact line, where lmfit gives no
    covariance), with the residuals, their rms and R^2 = 1 - sum(res^2) / sum((R - mean R)^2)
    (1 for a constant sweep). R^2 is computed here rather than taken from lmfit's
    ``ModelResult.rsquared``, which is the same number except that lmfit (1.3) divides by
    max(1e-15, ss_tot) in the data's own units: for small values (a resistivity of order
    1e-8 ohm m) its R^2 is wrong.
    ValueError for a bad sweep (:func:`validate_curve`), an empty or inverted window, or
    fewer than 3 points in the window.

    Examples

    >>> t = np.arange(100.0, 201.0, 10.0)
    >>> fit = fit_linear_normal_state(t, 1.0 + 0.01 * t, 100.0, 200.0)  # an exact line
    >>> round(fit.intercept_ohm.nominal_value, 3), round(fit.slope_ohm_per_kelvin.nominal_value, 3)
    (1.0, 0.01)
    >>> fit.n_points, round(fit.r_squared, 3)
    (11, 1.0)
    """
    import lmfit

    t, r = validate_curve(t_kelvin, r_ohm)
    tf, rf = _window(t, r, t_min_kelvin, t_max_kelvin, 3)
    model = lmfit.models.LinearModel()
    result = model.fit(rf, model.guess(rf, x=tf), x=tf)
    residuals = rf - result.best_fit
    ss_tot = float(np.sum((rf - rf.mean()) ** 2))
    return NormalStateFit(
        intercept_ohm=_uvar(result, "intercept"),
        slope_ohm_per_kelvin=_uvar(result, "slope"),
        t_min_kelvin=float(t_min_kelvin),
        t_max_kelvin=float(t_max_kelvin),
        t_fit_kelvin=tf,
        residuals_ohm=residuals,
        rms_ohm=float(np.sqrt(np.mean(residuals**2))),
        r_squared=float(1.0 - np.sum(residuals**2) / ss_tot) if ss_tot > 0 else 1.0,
    )


# --------------------------------------------------------------------------- power law


EXPONENT_BOUNDS: tuple[float, float] = (0.2, 6.0)
"""Bounds of the free exponent n of :func:`fit_power_law_normal_state` (wider than any
metallic normal state: 1 strange metal, 2 Fermi liquid, up to 5 Bloch-Grüneisen at T << Theta)."""


def power_law_resistance(t_kelvin: ArrayLike, r0_ohm: float, a_ohm: float, n: float) -> NDArray[np.float64]:
    """R(T) = R0 + A (T / 1 K)^n (A in ohm: the coefficient at T = 1 K).

    Examples

    >>> power_law_resistance([1.0, 2.0, 3.0], 1.0, 2.0, 2.0).tolist()  # 1 + 2 T^2
    [3.0, 9.0, 19.0]
    """
    return r0_ohm + a_ohm * np.asarray(t_kelvin, dtype=float) ** n


@dataclass(frozen=True)
class PowerLawFit:
    """R = R0 + A T^n fitted over [t_min_kelvin, t_max_kelvin], n free."""

    r0_ohm: AffineScalarFunc
    a_ohm: AffineScalarFunc
    exponent: AffineScalarFunc
    t_min_kelvin: float
    t_max_kelvin: float
    n_points: int
    rms_ohm: float
    aic_power: float
    aic_linear: float

    @property
    def delta_aic(self) -> float:
        """AIC(linear) - AIC(power law): > 0 favours the free exponent (lmfit's ``aic``)."""
        return self.aic_linear - self.aic_power


def fit_power_law_normal_state(
    t_kelvin: ArrayLike, r_ohm: ArrayLike, t_min_kelvin: float, t_max_kelvin: float
) -> PowerLawFit:
    """Least-squares R = R0 + A T^n with n free (bounded by :data:`EXPONENT_BOUNDS`) over a window.

    ``lmfit.Model`` of :func:`power_law_resistance`, started from the linear fit (n = 1); the
    standard uncertainty of n comes from the covariance scaled by the reduced chi-square
    (``ModelResult.uvars``). n near 1 over a narrow window does not prove a strange metal: the
    phonon-limited Bloch-Grüneisen resistance (:func:`bloch_gruneisen_resistance`) is close to
    linear above about Theta_D/5 as well. Also returns the Akaike information criterion of this fit
    and of the linear fit over the same points (lmfit's ``aic``).
    ValueError for a bad sweep, an inverted window, or fewer than 5 points in it.

    Examples

    >>> t = np.linspace(10.0, 100.0, 10)
    >>> fit = fit_power_law_normal_state(t, 1.0 + 0.002 * t**2, 10.0, 100.0)  # Fermi liquid
    >>> round(fit.exponent.nominal_value, 3), round(fit.r0_ohm.nominal_value, 3)
    (2.0, 1.0)
    >>> fit.delta_aic > 0  # the free exponent beats the straight line
    True
    """
    import lmfit

    t, r = validate_curve(t_kelvin, r_ohm)
    tf, rf = _window(t, r, t_min_kelvin, t_max_kelvin, 5)
    linear = lmfit.models.LinearModel()
    lin = linear.fit(rf, linear.guess(rf, x=tf), x=tf)
    model = lmfit.Model(power_law_resistance, independent_vars=["t_kelvin"])
    params = model.make_params(r0_ohm=float(lin.params["intercept"].value),
                               a_ohm=float(lin.params["slope"].value), n=1.0)
    params["n"].set(min=EXPONENT_BOUNDS[0], max=EXPONENT_BOUNDS[1])
    result = model.fit(rf, params, t_kelvin=tf)
    residuals = rf - result.best_fit
    return PowerLawFit(
        r0_ohm=_uvar(result, "r0_ohm"),
        a_ohm=_uvar(result, "a_ohm"),
        exponent=_uvar(result, "n"),
        t_min_kelvin=float(t_min_kelvin),
        t_max_kelvin=float(t_max_kelvin),
        n_points=int(tf.size),
        rms_ohm=float(np.sqrt(np.mean(residuals**2))),
        aic_power=float(result.aic),
        aic_linear=float(lin.aic),
    )


# --------------------------------------------------------------------------- Bloch-Grüneisen


def bloch_gruneisen_integral(x: float) -> float:
    """J5(x) = integral_0^x z^5 / ((e^z - 1)(1 - e^-z)) dz (``scipy.integrate.quad``).

    Limits: x^4/4 for x -> 0; 5! zeta(5) = 124.43 for x -> infinity.
    ValueError for a negative x.

    Examples

    >>> round(bloch_gruneisen_integral(50.0), 2)  # 5! zeta(5)
    124.43
    >>> round(bloch_gruneisen_integral(0.01) / (0.01**4 / 4), 4)  # x^4 / 4
    1.0
    """
    from scipy.integrate import quad

    if not x >= 0:
        raise ValueError(f"x must be non-negative, got {x}")
    if x == 0:
        return 0.0

    def integrand(z: float) -> float:
        if z < 1e-8:
            return z**3
        return z**5 * math.exp(-z) / (-math.expm1(-z)) ** 2

    value, _ = quad(integrand, 0.0, x, limit=200)
    return float(value)


def bloch_gruneisen_resistance(
    t_kelvin: ArrayLike, r0_ohm: float, coupling_ohm: float, theta_debye_kelvin: float
) -> NDArray[np.float64]:
    """Phonon-limited resistance R(T) = R0 + C (T/Theta)^5 J5(Theta/T) (Bloch-Grüneisen).

    High-T limit R0 + C T / (4 Theta) (linear), low-T limit R0 + 124.43 C (T/Theta)^5.
    Reference: Ziman, *Electrons and Phonons* (Oxford, 1960), ch. 9. Hand-written (no
    maintained Python library ships it); the integral is :func:`bloch_gruneisen_integral`, one
    ``scipy.integrate.quad`` per temperature (a loop: ``scipy.integrate.quad_vec`` would
    vectorise it but returns other last digits, ~5e-16 relative).
    ValueError for negative R0 or C, or a non-positive Theta or temperature.

    Examples

    >>> bloch_gruneisen_resistance([1000.0], 0.0, 1.0, 10.0).round(3).tolist()  # T / (4 Theta)
    [25.0]
    """
    if r0_ohm < 0 or coupling_ohm < 0:
        raise ValueError("r0_ohm and coupling_ohm must be non-negative")
    if not theta_debye_kelvin > 0:
        raise ValueError(f"theta_debye_kelvin must be positive, got {theta_debye_kelvin}")
    t = np.atleast_1d(np.asarray(t_kelvin, dtype=float))
    if np.any(~(t > 0)):
        raise ValueError("temperatures must be positive kelvin")
    j5 = np.array([bloch_gruneisen_integral(theta_debye_kelvin / x) for x in t])
    return r0_ohm + coupling_ohm * (t / theta_debye_kelvin) ** 5 * j5

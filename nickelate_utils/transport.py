"""Chapter 3: resistive transitions of pressurised La2SmNi2O7 and La1.57Sm1.43Ni2O7 (Fig. 3a-c,
the transport points of Fig. 4h, Extended Data Figs 3, 7 and 10).

Reference: Li, F. et al., Nature (2025), doi:10.1038/s41586-025-09954-4.

The toolkit works on any (temperature, resistance) sweep (resistance or resistivity, in any
unit used consistently; arguments are named ``r_ohm`` for brevity) and implements the usual
criteria (R_N(T) is the normal-state resistance extrapolated from a fit above the transition):

* ``tc_onset_deviation``: highest T below which R stays below R_N(T) by more than
  max(eps R_N(T), k sigma_fit) (default eps = 1 %, k = 3). "First deviation from the
  normal state" is the usual reading of T_c^onset in the high-pressure nickelate literature;
  Li et al. do not state their construction, and the definitions of the papers they compare
  with were not verified here.
* ``tc_onset_intersection``: intersection of the normal-state line with a straight line
  fitted to the steep part of the transition (by default 20-80 % of R_N); lower than the
  deviation onset for a rounded transition.
* ``tc_fraction``: T at which R = f R_N(T) (90 % "onset", 50 % "mid", 10 %), or f times a
  fixed reference resistance such as R(Tc_onset) (the paper's 90/50/10 % Hc2 criteria, Fig. 3d).
* ``tc_zero``: highest T below which R stays at or below a threshold (noise floor, or 1 % of
  R_N). Returns ``None`` when the resistance never reaches the threshold: Tc_zero is then
  absent, never a number.
* ``fit_linear_normal_state``: R = R0 + A T over a window (the paper: 100-200 K at 21.6 GPa,
  Extended Data Fig. 7b) with ``lmfit.models.LinearModel``; parameters are correlated
  ``uncertainties`` numbers (``ModelResult.uvars``), residuals are returned.

Reconstruction model (the measured curves are not public). A Gaussian distribution of local
Tc (median mu, width sigma) in a Bruggeman effective medium with superconducting inclusions
of infinite conductivity: sum_i w_i (s_i - s)/(s_i + (d - 1) s) = 0 gives, with a
superconducting volume fraction p(T) = P(Tc_local > T) = Phi((mu - T)/sigma),

    R(T) = R_N(T) max(0, 1 - d p(T)),   R_N(T) = R0 + A T,

so R reaches exactly zero at the percolation threshold p = 1/d (Kirkpatrick, Rev. Mod. Phys.
45, 574 (1973), doi:10.1103/RevModPhys.45.574; disorder-broadened transitions of this kind:
Caprara et al., Phys. Rev. B 84, 014514 (2011), doi:10.1103/PhysRevB.84.014514). mu and sigma
are chosen so that the deviation onset (eps = 1 %) and the zero are the published Tc_onset and
Tc_zero (:func:`emt_parameters`). In a field each local Tc follows the Ginzburg-Landau line
of ``nickelate_utils.hc2`` with an Hc2(0) interpolated (in log) between the published values
of the 90, 50 and 10 % criteria at the local Tc where each criterion is met at zero field
(:func:`emt_field_resistance`). Hand-written: no library models resistive transitions.

Measured curves, when available (Zenodo 10.5281/zenodo.17310348 or from the authors), go in
``data/source/resistivity/`` with one CSV per sweep named

    <compound>_c<crystal>_<p>GPa_<field>T.csv   e.g.  La2SmNi2O7_c6_21.6GPa_0T.csv

(compound ``La2SmNi2O7`` or ``La1.57Sm1.43Ni2O7``; crystal number as in the paper; pressure
in GPa and field in tesla as decimal numbers) and the columns ``t_kelvin`` and exactly one of
``r_ohm`` (resistance) or ``rho_mohm_cm`` (resistivity). Rows may be in any temperature order
(cooling or warming sweep); repeated temperatures are an error. :func:`pressure_series` and
:func:`field_series` return such files instead of reconstructions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import lmfit
import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy.stats import norm
from uncertainties import ufloat
from uncertainties.core import AffineScalarFunc

from nickelate_utils import hc2
from nickelate_utils.claims import Claim, Computed, build_claims
from nickelate_utils.data import DataError, load_table
from nickelate_utils.paths import source_dir

CHAPTER = "3. Resistivity and the pressure dependence of Tc"
PACKAGE = "transport"

MIN_POINTS: int = 5
"""Fewest points accepted for a resistance sweep."""

DEVIATION_FRACTION: float = 0.01
"""eps of the deviation onset: R_N - R > eps R_N (1 %)."""

ZERO_FRACTION: float = 0.01
"""Zero-resistance threshold as a fraction of R_N at the onset (1 % criterion)."""

RECON_DIMENSION: int = 2
"""Assumption of the reconstruction: two-dimensional effective medium (layered crystal), so
zero resistance is reached when half of the volume is superconducting."""

RECON_R0: float = 0.15
"""Assumption: residual term of the model normal state, R_N(T) = R0 + A T, in units of
R_N(300 K). The measured resistivities are not public; the model curves are normalised."""

RECON_SLOPE_PER_KELVIN: float = (1.0 - RECON_R0) / 300.0
"""Assumption: slope A of the model normal state, so that R_N(300 K) = 1."""

RECON_NOISE: float = 1e-4
"""Assumption: Gaussian noise of the model curves (1 sigma), in units of R_N(300 K)."""

ZERO_NOISE_SIGMAS: float = 5.0
"""Noise-floor criterion of Tc_zero on the reconstructions: R <= 5 sigma of the noise."""

RECON_STEP_KELVIN: float = 0.25
"""Temperature step of the model curves."""

RECON_T_RANGE_KELVIN: tuple[float, float] = (2.0, 300.0)
"""Temperature range of the model curves (the PPMS covered 2-310 K, Methods)."""

RECON_FIELDS_TESLA: tuple[float, ...] = (0.0, 1.0, 3.0, 5.0, 7.0)
"""Assumption: fields of the reconstructed Fig. 3c. The paper does not list them; Methods
says fields up to 7 T were applied."""

RECON_SEED: int = 20251202
"""Seed of the noise of the reconstructions (publication date of the paper)."""

COMPOUNDS: tuple[str, ...] = ("La2SmNi2O7", "La1.57Sm1.43Ni2O7")

SOURCE_SUBDIR = "resistivity"
_SOURCE_NAME = re.compile(
    r"^(?P<compound>La2SmNi2O7|La1\.57Sm1\.43Ni2O7)_c(?P<crystal>[0-9]+)_"
    r"(?P<p>[0-9]+(?:\.[0-9]+)?)GPa_(?P<h>[0-9]+(?:\.[0-9]+)?)T\.csv$"
)
_SOURCE_QUANTITIES: tuple[str, ...] = ("r_ohm", "rho_mohm_cm")


# --------------------------------------------------------------------------- input checks


def validate_curve(
    t_kelvin: ArrayLike, r_ohm: ArrayLike, min_points: int = MIN_POINTS
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Return (T, R) as float arrays after checking a resistance sweep.

    ValueError if the arrays are not 1-D of equal length, have fewer than ``min_points``
    points, contain NaN or inf, have a non-positive temperature, repeat a temperature, or are
    not sorted by increasing temperature (sort a cooling sweep first, e.g. with
    ``numpy.argsort``).
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


def _check_fraction(name: str, value: float) -> None:
    if not 0 < value < 1:
        raise ValueError(f"{name} must lie strictly between 0 and 1, got {value}")


# --------------------------------------------------------------------------- normal state


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
        """Extrapolated normal-state resistance R_N(T) (nominal values)."""
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
    covariance), with the residuals, their rms and R^2.
    ValueError for a bad sweep (:func:`validate_curve`), an empty or inverted window, or
    fewer than 3 points in the window.
    """
    t, r = validate_curve(t_kelvin, r_ohm)
    if not t_min_kelvin < t_max_kelvin:
        raise ValueError(f"fit window must have t_min < t_max, got [{t_min_kelvin:g}, {t_max_kelvin:g}] K")
    sel = (t >= t_min_kelvin) & (t <= t_max_kelvin)
    if sel.sum() < 3:
        raise ValueError(
            f"too few points in the fit window [{t_min_kelvin:g}, {t_max_kelvin:g}] K: "
            f"{int(sel.sum())}, need at least 3"
        )
    tf, rf = t[sel], r[sel]
    model = lmfit.models.LinearModel()
    result = model.fit(rf, model.guess(rf, x=tf), x=tf)
    if getattr(result, "uvars", None) is not None:
        intercept, slope = result.uvars["intercept"], result.uvars["slope"]
    else:  # exact line (zero residuals): lmfit reports no covariance, the error is undetermined
        intercept = ufloat(result.params["intercept"].value, float("nan"))
        slope = ufloat(result.params["slope"].value, float("nan"))
    residuals = rf - result.best_fit
    ss_tot = float(np.sum((rf - rf.mean()) ** 2))
    return NormalStateFit(
        intercept_ohm=intercept,
        slope_ohm_per_kelvin=slope,
        t_min_kelvin=float(t_min_kelvin),
        t_max_kelvin=float(t_max_kelvin),
        t_fit_kelvin=tf,
        residuals_ohm=residuals,
        rms_ohm=float(np.sqrt(np.mean(residuals**2))),
        r_squared=float(1.0 - np.sum(residuals**2) / ss_tot) if ss_tot > 0 else 1.0,
    )


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
    """T where y crosses 0 between points i and i+1 (linear interpolation)."""
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
    n_sigma: float = 3.0,
) -> float:
    """Onset by first deviation: highest T below which R_N(T) - R(T) > threshold at every point.

    threshold(T) = max(deviation_fraction x R_N(T), n_sigma x rms of the normal-state fit).
    The crossing of R_N - R = threshold is interpolated linearly. This is the usual reading
    of "T_c^onset" in the nickelate literature.
    ValueError for a deviation fraction outside (0, 1), negative n_sigma, no transition in
    range (no deviation at the lowest temperature), or a deviation already at the top of the
    range below the fit window (move the window up).
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
    """Onset by two lines: the normal-state fit meets a line fitted (``numpy.polyfit``) to the
    transition points with lower <= R/R_N <= upper: T = (b_tr - R0)/(A - a_tr).

    ValueError for bounds outside (0, 1) or lower >= upper, fewer than 2 transition points,
    or a transition line not steeper than the normal state (no transition in range).
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
    slope, intercept = np.polyfit(t[sel], r[sel], 1)
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


# --------------------------------------------------------------------------- reconstruction


def emt_parameters(
    tc_onset_kelvin: float,
    tc_zero_kelvin: float,
    deviation_fraction: float = DEVIATION_FRACTION,
    dimension: int = RECON_DIMENSION,
) -> tuple[float, float]:
    """(mu, sigma) in K of the Gaussian local-Tc distribution whose effective-medium curve
    deviates by ``deviation_fraction`` from R_N at Tc_onset and reaches zero at Tc_zero.

    With z_on = Phi^-1(1 - eps/d) and z_0 = Phi^-1(1 - 1/d):
    sigma = (Tc_onset - Tc_zero)/(z_on - z_0), mu = Tc_zero - z_0 sigma (``scipy.stats.norm``).
    ValueError unless 0 < Tc_zero < Tc_onset, 0 < eps < 1 and d in {2, 3}.
    """
    _check_fraction("deviation_fraction", deviation_fraction)
    if dimension not in (2, 3):
        raise ValueError(f"dimension must be 2 or 3, got {dimension}")
    if not 0 < tc_zero_kelvin < tc_onset_kelvin:
        raise ValueError(
            f"need 0 < tc_zero_kelvin < tc_onset_kelvin, got {tc_zero_kelvin:g} and {tc_onset_kelvin:g}"
        )
    z_on = float(norm.ppf(1.0 - deviation_fraction / dimension))
    z_0 = float(norm.ppf(1.0 - 1.0 / dimension))
    sigma = (tc_onset_kelvin - tc_zero_kelvin) / (z_on - z_0)
    return float(tc_zero_kelvin - z_0 * sigma), float(sigma)


def emt_resistance(
    t_kelvin: ArrayLike,
    r0_ohm: float,
    slope_ohm_per_kelvin: float,
    tc_median_kelvin: float,
    tc_sigma_kelvin: float,
    dimension: int = RECON_DIMENSION,
) -> NDArray[np.float64]:
    """R(T) = (R0 + A T) max(0, 1 - d p(T)), p(T) = Phi((mu - T)/sigma): effective medium of
    normal and superconducting regions with Gaussian local Tc (see the module docstring).

    ValueError for a negative R0 or slope, sigma <= 0 or d not in {2, 3}.
    """
    if r0_ohm < 0 or slope_ohm_per_kelvin < 0:
        raise ValueError("r0_ohm and slope_ohm_per_kelvin must be non-negative")
    if not tc_sigma_kelvin > 0:
        raise ValueError(f"tc_sigma_kelvin must be positive, got {tc_sigma_kelvin}")
    if dimension not in (2, 3):
        raise ValueError(f"dimension must be 2 or 3, got {dimension}")
    t = np.asarray(t_kelvin, dtype=float)
    p = norm.cdf((tc_median_kelvin - t) / tc_sigma_kelvin)
    return (r0_ohm + slope_ohm_per_kelvin * t) * np.clip(1.0 - dimension * p, 0.0, None)


def emt_field_resistance(
    t_kelvin: ArrayLike,
    h_tesla: float,
    r0_ohm: float,
    slope_ohm_per_kelvin: float,
    tc_median_kelvin: float,
    tc_sigma_kelvin: float,
    criterion_fractions: ArrayLike,
    hc2_zero_tesla: ArrayLike,
    dimension: int = RECON_DIMENSION,
) -> NDArray[np.float64]:
    """Effective-medium R(T) in a field: every local Tc_i moves to the GL temperature
    Tc_i sqrt((1 - h)/(1 + h)), h = H/Hc2_i(0) (``hc2.gl_temperature_kelvin``).

    Hc2_i(0) is interpolated linearly in log between the published (criterion, Hc2(0)) pairs
    at the local Tc where each criterion R = f R_N is met at zero field (p = (1 - f)/d), and
    extrapolated beyond them with the end slopes. By construction the f R_N point of the
    curve then follows the GL line of that criterion. Hand-written (``numpy.interp``).
    ValueError for a negative field, fewer than 2 criteria, unequal lengths, fractions outside
    (0, 1), non-positive Hc2(0), or a field that makes the local Tc non-monotonic.
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
    base = emt_resistance(t, r0_ohm, slope_ohm_per_kelvin, tc_median_kelvin, tc_sigma_kelvin, dimension)
    if h_tesla == 0:
        return base
    # local Tc at which each criterion is met at zero field: p = (1 - f)/d = Phi((mu - Tc_i)/sigma)
    tc_at_f = tc_median_kelvin - tc_sigma_kelvin * norm.ppf((1.0 - f) / dimension)
    order = np.argsort(tc_at_f)
    grid = tc_median_kelvin + tc_sigma_kelvin * np.linspace(-6.0, 6.0, 801)
    grid = grid[grid > 0]
    log_h0 = np.interp(grid, tc_at_f[order], np.log(h0[order]))
    lo, hi = order[0], order[-1]
    lo_slope = (np.log(h0[order[1]]) - np.log(h0[lo])) / (tc_at_f[order[1]] - tc_at_f[lo])
    hi_slope = (np.log(h0[hi]) - np.log(h0[order[-2]])) / (tc_at_f[hi] - tc_at_f[order[-2]])
    log_h0 = np.where(grid < tc_at_f[lo], np.log(h0[lo]) + lo_slope * (grid - tc_at_f[lo]), log_h0)
    log_h0 = np.where(grid > tc_at_f[hi], np.log(h0[hi]) + hi_slope * (grid - tc_at_f[hi]), log_h0)
    local_h0 = np.exp(log_h0)
    # regions whose Hc2(0) is below the field never superconduct (local Tc(H) = 0)
    tc_h = np.array([
        float(hc2.gl_temperature_kelvin(h_tesla, float(a), float(g))) if a > h_tesla else 0.0
        for a, g in zip(local_h0, grid, strict=True)
    ])
    alive = tc_h > 0
    if np.any(np.diff(tc_h[alive]) <= 0):
        raise ValueError("the field makes the local Tc non-monotonic: the Hc2(0) pairs are inconsistent")
    # fraction superconducting at T: P(Tc_i(H) > T) = P(Tc_i > Tc_i*(T))
    if alive.any():
        tc_star = np.interp(t, tc_h[alive], grid[alive], left=grid[alive][0], right=np.inf)
    else:
        tc_star = np.full_like(t, np.inf)
    p = norm.sf((tc_star - tc_median_kelvin) / tc_sigma_kelvin)
    return (r0_ohm + slope_ohm_per_kelvin * t) * np.clip(1.0 - dimension * p, 0.0, None)


def add_noise(r: ArrayLike, noise: float, seed: int) -> NDArray[np.float64]:
    """r plus Gaussian noise of standard deviation ``noise`` from ``numpy.random.default_rng(seed)``.

    ValueError for a negative noise.
    """
    if not noise >= 0:
        raise ValueError(f"noise must be non-negative, got {noise}")
    values = np.asarray(r, dtype=float)
    return values + np.random.default_rng(seed).normal(0.0, noise, size=values.shape)


# --------------------------------------------------------------------------- curves: measured or model


@dataclass(frozen=True)
class Curve:
    """One R(T) sweep: measured (from data/source) or reconstructed (model)."""

    compound: str
    crystal: str
    p_gpa: float
    h_tesla: float
    t_kelvin: NDArray[np.float64] = field(repr=False)
    resistance: NDArray[np.float64] = field(repr=False)
    quantity: str  # "r_ohm", "rho_mohm_cm" (measured) or "r_over_rn300" (model)
    kind: str  # "measured" or "reconstructed"


def list_source_curves(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Measured sweeps under ``<data_dir>/source/resistivity/`` (layout in the module docstring).

    Columns: compound, crystal ("#6"), p_gpa, h_tesla, path. Empty if the folder is absent.
    ValueError naming a ``.csv`` file whose name does not follow the layout.
    """
    folder = source_dir(data_dir) / SOURCE_SUBDIR
    rows = []
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        m = _SOURCE_NAME.match(path.name)
        if m is None:
            raise ValueError(
                f"{path.name}: not a resistivity file name; expected "
                "<compound>_c<crystal>_<p>GPa_<field>T.csv, e.g. La2SmNi2O7_c6_21.6GPa_0T.csv"
            )
        rows.append({
            "compound": m["compound"], "crystal": f"#{m['crystal']}", "p_gpa": float(m["p"]),
            "h_tesla": float(m["h"]), "path": path,
        })
    return pd.DataFrame(rows, columns=["compound", "crystal", "p_gpa", "h_tesla", "path"])


def load_source_curve(path: str | Path) -> tuple[NDArray[np.float64], NDArray[np.float64], str]:
    """Read one measured sweep: (T sorted increasing, resistance, column name).

    ValueError if ``t_kelvin`` is missing, if not exactly one of ``r_ohm`` / ``rho_mohm_cm``
    is present, or if the sweep fails :func:`validate_curve` after sorting (e.g. repeated
    temperatures, NaN).
    """
    frame = pd.read_csv(path)
    name = Path(path).name
    if "t_kelvin" not in frame.columns:
        raise ValueError(f"{name}: column 't_kelvin' is missing")
    present = [q for q in _SOURCE_QUANTITIES if q in frame.columns]
    if len(present) != 1:
        raise ValueError(
            f"{name}: need exactly one of the columns {', '.join(_SOURCE_QUANTITIES)}, found {present}"
        )
    frame = frame.sort_values("t_kelvin", kind="stable")
    try:
        t, r = validate_curve(frame["t_kelvin"].to_numpy(float), frame[present[0]].to_numpy(float))
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from exc
    return t, r, present[0]


def _measured(
    sources: pd.DataFrame, compound: str, crystal: str, p_gpa: float, h_tesla: float
) -> Curve | None:
    if sources.empty:
        return None
    hit = sources[
        (sources["compound"] == compound) & (sources["crystal"] == crystal)
        & np.isclose(sources["p_gpa"], p_gpa) & np.isclose(sources["h_tesla"], h_tesla)
    ]
    if hit.empty:
        return None
    t, r, quantity = load_source_curve(hit["path"].iloc[0])
    return Curve(compound, crystal, float(p_gpa), float(h_tesla), t, r, quantity, "measured")


def model_temperatures() -> NDArray[np.float64]:
    """Temperature grid of the reconstructions (:data:`RECON_T_RANGE_KELVIN`, step 0.25 K)."""
    lo, hi = RECON_T_RANGE_KELVIN
    return np.arange(lo, hi + RECON_STEP_KELVIN / 2, RECON_STEP_KELVIN)


def reconstructed_curve(
    compound: str, crystal: str, p_gpa: float, tc_onset_kelvin: float, tc_zero_kelvin: float,
    h_tesla: float = 0.0, hc2_table: pd.DataFrame | None = None, seed: int = RECON_SEED,
) -> Curve:
    """Model sweep (normalised to R_N(300 K) = 1) for published Tc_onset and Tc_zero.

    Effective medium (:func:`emt_parameters`, :func:`emt_resistance`), in a field with the
    published GL Hc2(0) of each criterion (``hc2_table`` with columns criterion_percent and
    hc2_zero_tesla; required when h_tesla > 0), plus seeded noise (:func:`add_noise`).
    ValueError from those functions, or for a field without ``hc2_table``.
    """
    mu, sigma = emt_parameters(tc_onset_kelvin, tc_zero_kelvin)
    t = model_temperatures()
    if h_tesla > 0:
        if hc2_table is None:
            raise ValueError("a field curve needs the published Hc2(0) table (hc2_table)")
        r = emt_field_resistance(
            t, h_tesla, RECON_R0, RECON_SLOPE_PER_KELVIN, mu, sigma,
            hc2_table["criterion_percent"].to_numpy(float) / 100.0,
            hc2_table["hc2_zero_tesla"].to_numpy(float),
        )
    else:
        r = emt_resistance(t, RECON_R0, RECON_SLOPE_PER_KELVIN, mu, sigma)
    r = add_noise(r, RECON_NOISE, seed + int(round(10 * p_gpa)) + int(round(10 * h_tesla)))
    return Curve(compound, crystal, float(p_gpa), float(h_tesla), t, r, "r_over_rn300", "reconstructed")


def pressure_series(
    tc_table: pd.DataFrame, compound: str = "La2SmNi2O7", crystal: str = "#6",
    data_dir: str | Path | None = None,
) -> list[Curve]:
    """Zero-field sweeps of one crystal at every pressure with a stated Tc_onset and Tc_zero.

    A measured file (layout in the module docstring) replaces the reconstruction at the
    same (compound, crystal, pressure, 0 T). Rows without both Tc values yield no curve.
    ValueError if the table holds no such row.
    """
    rows = tc_table[
        (tc_table["compound"] == compound) & (tc_table["crystal"] == crystal)
        & tc_table["tc_onset_kelvin"].notna() & tc_table["tc_zero_kelvin"].notna()
    ].sort_values("p_gpa")
    if rows.empty:
        raise ValueError(f"no pressure of {compound} crystal {crystal} has both Tc_onset and Tc_zero")
    sources = list_source_curves(data_dir)
    out = []
    for row in rows.itertuples(index=False):
        measured = _measured(sources, compound, crystal, float(row.p_gpa), 0.0)
        out.append(measured or reconstructed_curve(
            compound, crystal, float(row.p_gpa), float(row.tc_onset_kelvin), float(row.tc_zero_kelvin)
        ))
    return out


def field_series(
    tc_table: pd.DataFrame, hc2_table: pd.DataFrame, compound: str = "La2SmNi2O7", crystal: str = "#6",
    p_gpa: float = 21.6, fields_tesla: tuple[float, ...] = RECON_FIELDS_TESLA,
    data_dir: str | Path | None = None,
) -> list[Curve]:
    """Sweeps at ``fields_tesla`` for one (crystal, pressure): measured files if present,
    otherwise reconstructions from the published Tc_onset, Tc_zero and GL Hc2(0) values.
    ValueError if the table has no row with both Tc values at that pressure.
    """
    rows = tc_table[
        (tc_table["compound"] == compound) & (tc_table["crystal"] == crystal)
        & np.isclose(tc_table["p_gpa"], p_gpa)
        & tc_table["tc_onset_kelvin"].notna() & tc_table["tc_zero_kelvin"].notna()
    ]
    if rows.empty:
        raise ValueError(f"{compound} crystal {crystal} has no stated Tc_onset and Tc_zero at {p_gpa:g} GPa")
    row = rows.iloc[0]
    sources = list_source_curves(data_dir)
    out = []
    for h in fields_tesla:
        measured = _measured(sources, compound, crystal, p_gpa, float(h))
        out.append(measured or reconstructed_curve(
            compound, crystal, p_gpa, float(row["tc_onset_kelvin"]), float(row["tc_zero_kelvin"]),
            h_tesla=float(h), hc2_table=hc2_table,
        ))
    return out


def analyse_curve(
    curve: Curve, fit_window_kelvin: tuple[float, float], zero_threshold_ohm: float | None = None
) -> Transition:
    """:func:`analyse_transition` of a :class:`Curve`. For a reconstruction the default zero
    threshold is the noise floor, :data:`ZERO_NOISE_SIGMAS` x :data:`RECON_NOISE`; for a
    measured curve it is the 1 % criterion unless ``zero_threshold_ohm`` is given."""
    if zero_threshold_ohm is None and curve.kind == "reconstructed":
        zero_threshold_ohm = ZERO_NOISE_SIGMAS * RECON_NOISE
    return analyse_transition(curve.t_kelvin, curve.resistance, fit_window_kelvin,
                              zero_threshold_ohm=zero_threshold_ohm)


# --------------------------------------------------------------------------- claims


def fit_window(data_dir: str | Path | None = None) -> tuple[float, float]:
    """The published linear-in-T window (K) of Extended Data Fig. 7b."""
    row = load_table(PACKAGE, "normal_state_window", data_dir).iloc[0]
    return float(row["t_min_kelvin"]), float(row["t_max_kelvin"])


ROUND_TRIP_CLAIMS: tuple[tuple[str, str], ...] = (("R1", "R2"), ("R3", "R4"), ("R5", "R6"))
"""(onset, zero) claim ids of the crystal #6 pressures with both Tc stated, by increasing pressure."""


def claims(data_dir: str | Path | None = None) -> list[Claim]:
    """Chapter 3 claims: table consistency checks and round trips of the reconstructions.

    DataError if claims.csv and tc_pressure.csv disagree on a round-trip value.
    """
    tc = load_table(PACKAGE, "tc_pressure", data_dir)
    paper = load_table(PACKAGE, "claims", data_dir).set_index("claim_id")["paper_value"]
    window = fit_window(data_dir)
    c6 = tc[(tc["compound"] == "La2SmNi2O7") & (tc["crystal"] == "#6")].sort_values("p_gpa")
    curves = pressure_series(tc, data_dir=data_dir)
    if len(curves) != len(ROUND_TRIP_CLAIMS):
        raise DataError(f"expected {len(ROUND_TRIP_CLAIMS)} crystal #6 pressures with both Tc, got {len(curves)}")
    computed: dict[str, Computed] = {}
    results = {}
    for (on_id, zero_id), curve in zip(ROUND_TRIP_CLAIMS, curves, strict=True):
        row = c6[np.isclose(c6["p_gpa"], curve.p_gpa)].iloc[0]
        if (paper[on_id], paper[zero_id]) != (row["tc_onset_kelvin"], row["tc_zero_kelvin"]):
            raise DataError(f"claims {on_id}/{zero_id} disagree with tc_pressure.csv at {curve.p_gpa:g} GPa")
        res = results[curve.p_gpa] = analyse_curve(curve, window)
        how = f"extraction run on the {curve.kind} curve at {curve.p_gpa:g} GPa"
        if curve.kind == "reconstructed":
            how += " (round trip of the code), not a measurement"
        computed[on_id] = Computed(value=res.tc_onset_deviation_kelvin, note=f"1 % deviation onset; {how}")
        computed[zero_id] = Computed(value=res.tc_zero_kelvin, note=f"noise-floor zero criterion; {how}")
    la = tc[tc["compound"] == "La2SmNi2O7"]
    p_max = float(la.loc[la["tc_onset_kelvin"].idxmax(), "p_gpa"])
    computed["R7"] = Computed(
        value=p_max, note=f"pressure of the maximum Tc_onset in the main text: {p_max:g} GPa; the abstract's "
        f"{paper['R7']:g} GPa is not a rounding of it (it would round to {round(p_max):d} GPa)"
    )
    rising = c6[c6["p_gpa"] <= p_max].dropna(subset=["tc_onset_kelvin", "tc_zero_kelvin"])
    p, on, ze = (rising[c].to_numpy() for c in ("p_gpa", "tc_onset_kelvin", "tc_zero_kelvin"))
    flat = [f"{a:g}-{b:g} GPa" for a, b, d in zip(p[:-1], p[1:], np.diff(on), strict=True) if d == 0]
    computed["R8"] = Computed(
        agrees=bool(np.all(np.diff(on) >= 0) and np.all(np.diff(ze) > 0) and on[-1] > on[0]),
        note="onset " + ", ".join(f"{v:g}" for v in on) + " K and zero " + ", ".join(f"{v:g}" for v in ze)
        + " K at " + ", ".join(f"{v:g}" for v in p) + " GPa"
        + (f"; the onset is flat over {', '.join(flat)}" if flat else ""),
    )
    computed["R12"] = Computed(
        value=results[p_max].width_10_90_kelvin,
        note="10-90 % width of the effective-medium reconstruction fixed by Tc_onset and Tc_zero only",
    )
    sm = tc[tc["compound"] == "La1.57Sm1.43Ni2O7"]
    computed["R18"] = Computed(
        agrees=bool(sm["tc_onset_kelvin"].max() > la["tc_onset_kelvin"].max()),
        note=f"max Tc_onset {sm['tc_onset_kelvin'].max():g} K (La1.57Sm1.43Ni2O7) vs "
        f"{la['tc_onset_kelvin'].max():g} K (La2SmNi2O7)",
    )
    p_top = float(tc["p_gpa"].max())
    computed["R20"] = Computed(
        agrees=bool(p_top <= paper["R20"]),
        note=f"highest pressure named in a legend: {p_top:g} GPa; none names {paper['R20']:g} GPa",
    )
    return build_claims(CHAPTER, PACKAGE, computed, data_dir)

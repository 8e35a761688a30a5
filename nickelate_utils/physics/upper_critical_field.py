"""Upper critical field Hc2(T) of a type-II superconductor: the Ginzburg-Landau empirical,
parabolic and WHH forms, their fits with uncertainties, the Pauli limit and the GL coherence
length.

Formulas (fields are mu0*H in tesla, t = T/Tc):

* Ginzburg-Landau ("3D-GL") empirical form:
  Hc2(T) = Hc2(0) (1 - t^2) / (1 + t^2); slope at Tc: -Hc2(0)/Tc.
* Parabolic form: Hc2(T) = Hc2(0) (1 - t^2); slope at Tc: -2 Hc2(0)/Tc.
* Werthamer-Helfand-Hohenberg (WHH), dirty limit, no spin paramagnetism or spin-orbit
  scattering (alpha = lambda_so = 0): ln(1/t) = psi(1/2 + hbar/(2t)) - psi(1/2), with
  hbar = (4/pi^2) Hc2 / (-dHc2/dt|_{t=1}); hence Hc2(0) = -(pi^2 e^-gamma / 8) Tc dHc2/dT|Tc
  = -0.693 Tc dHc2/dT|Tc. Werthamer, Helfand & Hohenberg, Phys. Rev. 147, 295 (1966),
  doi:10.1103/PhysRev.147.295. No library implements the WHH curve: it is solved here with
  ``scipy.special.digamma`` and ``scipy.optimize.brentq``.
* Pauli (Clogston-Chandrasekhar) limit for a weak-coupling BCS singlet with g = 2:
  mu0 H_P = Delta0 / (sqrt(2) mu_B), Delta0 = (pi e^-gamma) k_B Tc = 1.764 k_B Tc, i.e.
  1.86 T/K x Tc. Clogston, Phys. Rev. Lett. 9, 266 (1962), doi:10.1103/PhysRevLett.9.266;
  Chandrasekhar, Appl. Phys. Lett. 1, 7 (1962), doi:10.1063/1.1777362.
* GL coherence length: xi(0) = sqrt(Phi0 / (2 pi mu0 Hc2(0))), Phi0 = h/2e.

Constants come from ``scipy.constants``; fits use ``lmfit`` and their uncertainties are
propagated with ``uncertainties`` (``ModelResult.uvars``).

Physics only: numbers and arrays in and out, no files, no claims, no plotting.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import constants
from scipy.optimize import brentq
from scipy.special import digamma
from uncertainties.core import AffineScalarFunc

from nickelate_utils.physics._checks import fit_ufloat, positive

if TYPE_CHECKING:  # lmfit is imported inside the fitting functions (chapter start-up time)
    import lmfit

__all__ = [
    "MODELS",
    "WHH_DIRTY_FACTOR",
    "BCS_GAP_RATIO",
    "FLUX_QUANTUM_WB",
    "BOHR_MAGNETON_J_PER_T",
    "PAULI_TESLA_PER_KELVIN",
    "gl_hc2",
    "parabolic_hc2",
    "whh_hc2",
    "hc2_curve",
    "slope_at_tc",
    "whh_hc2_zero",
    "pauli_limit_tesla",
    "coherence_length_nm",
    "Hc2Fit",
    "fit_hc2",
    "fit_band",
    "gl_temperature_kelvin",
    "pauli_ratio",
    "extrapolation_factor",
    "implied_slope_and_whh",
    "criteria_consistently_ordered",
]


ModelName = Literal["gl", "parabolic", "whh"]


MODELS: tuple[str, ...] = ("gl", "parabolic", "whh")
"""The three Hc2(T) forms fitted in this chapter."""


WHH_DIRTY_FACTOR: float = math.pi**2 * math.exp(-np.euler_gamma) / 8.0
"""Hc2(0) / (-Tc dHc2/dT|Tc) of the WHH dirty limit: pi^2 e^-gamma / 8 = 0.6927 (WHH 1966)."""


BCS_GAP_RATIO: float = math.pi * math.exp(-np.euler_gamma)
"""Weak-coupling BCS Delta(0) / (k_B Tc) = pi e^-gamma = 1.764."""


FLUX_QUANTUM_WB: float = constants.physical_constants["mag. flux quantum"][0]
"""Superconducting flux quantum Phi0 = h/(2e) in Wb (scipy.constants, CODATA)."""


BOHR_MAGNETON_J_PER_T: float = constants.physical_constants["Bohr magneton"][0]
"""Bohr magneton mu_B in J/T (scipy.constants, CODATA)."""


PAULI_TESLA_PER_KELVIN: float = BCS_GAP_RATIO * constants.k / (math.sqrt(2.0) * BOHR_MAGNETON_J_PER_T)
"""Weak-coupling BCS Pauli (Clogston-Chandrasekhar) coefficient mu0 H_P / Tc for g = 2:
(pi e^-gamma) k_B / (sqrt(2) mu_B) = 1.86 T/K, from scipy.constants (k_B, mu_B) and
:data:`BCS_GAP_RATIO`. Clogston, Phys. Rev. Lett. 9, 266 (1962), doi:10.1103/PhysRevLett.9.266;
Chandrasekhar, Appl. Phys. Lett. 1, 7 (1962), doi:10.1063/1.1777362."""


_WHH_HBAR_ZERO: float = math.exp(-np.euler_gamma) / 2.0  # hbar(t -> 0) of the WHH equation


def _reduced_temperature(t_kelvin: ArrayLike, tc_kelvin: float) -> NDArray[np.float64]:
    positive("tc_kelvin", tc_kelvin)
    t = np.asarray(t_kelvin, dtype=float)
    if np.any(~np.isfinite(t)) or np.any(t < 0):
        raise ValueError("t_kelvin must be finite and non-negative")
    if np.any(t > tc_kelvin):
        raise ValueError(
            f"t_kelvin must not exceed tc_kelvin = {float(tc_kelvin):g} K "
            f"(got a maximum of {float(t.max()):g} K): Hc2 is zero above Tc"
        )
    return t / float(tc_kelvin)


def _gl(t_kelvin: NDArray[np.float64], hc2_zero_tesla: float, tc_kelvin: float) -> NDArray[np.float64]:
    t2 = (np.asarray(t_kelvin, dtype=float) / tc_kelvin) ** 2
    return hc2_zero_tesla * (1.0 - t2) / (1.0 + t2)


def _parabolic(
    t_kelvin: NDArray[np.float64], hc2_zero_tesla: float, tc_kelvin: float
) -> NDArray[np.float64]:
    return hc2_zero_tesla * (1.0 - (np.asarray(t_kelvin, dtype=float) / tc_kelvin) ** 2)


def _whh_hbar(t: float) -> float:
    """Solve ln(1/t) = psi(1/2 + hbar/(2t)) - psi(1/2) for hbar (0 < t < 1)."""
    if t <= 0.0:
        return _WHH_HBAR_ZERO
    if t >= 1.0:
        return 0.0
    target = math.log(1.0 / t) + float(digamma(0.5))
    return float(brentq(lambda h: float(digamma(0.5 + h / (2.0 * t))) - target, 0.0, 1.0, xtol=1e-13))


def _whh(t_kelvin: NDArray[np.float64], hc2_zero_tesla: float, tc_kelvin: float) -> NDArray[np.float64]:
    # Extended linearly (slope at Tc) above Tc so that a free Tc can cross data points in a fit.
    t = np.atleast_1d(np.asarray(t_kelvin, dtype=float)) / tc_kelvin
    reduced = np.array([_whh_hbar(x) / _WHH_HBAR_ZERO if x < 1 else -(x - 1) / WHH_DIRTY_FACTOR for x in t])
    out = hc2_zero_tesla * reduced
    return out if np.ndim(t_kelvin) else out[0]


def gl_hc2(t_kelvin: ArrayLike, hc2_zero_tesla: float, tc_kelvin: float) -> NDArray[np.float64]:
    """Ginzburg-Landau empirical form Hc2(T) = Hc2(0) (1 - t^2)/(1 + t^2), t = T/Tc, in tesla.

    Our reading of the "Ginzburg-Landau model" of Li et al. (2025), Fig. 3d (no formula printed).
    Its slope at Tc is -Hc2(0)/Tc (see :func:`slope_at_tc`). ValueError for T < 0, T > Tc, Tc <= 0 or Hc2(0) < 0.

    Examples

    >>> gl_hc2([0.0, 5.0, 10.0], 20.0, 10.0).round(4).tolist()  # Hc2(0) at T = 0, 20 * 0.75/1.25 at Tc/2, 0 at Tc
    [20.0, 12.0, 0.0]
    """
    _reduced_temperature(t_kelvin, tc_kelvin)
    if not np.isfinite(hc2_zero_tesla) or hc2_zero_tesla < 0:
        raise ValueError(f"hc2_zero_tesla must be non-negative, got {hc2_zero_tesla}")
    return _gl(np.asarray(t_kelvin, dtype=float), hc2_zero_tesla, tc_kelvin)


def parabolic_hc2(t_kelvin: ArrayLike, hc2_zero_tesla: float, tc_kelvin: float) -> NDArray[np.float64]:
    """Parabolic form Hc2(T) = Hc2(0) (1 - t^2), t = T/Tc, in tesla; slope at Tc -2 Hc2(0)/Tc.

    ValueError for T < 0, T > Tc, Tc <= 0 or Hc2(0) < 0.

    Examples

    >>> parabolic_hc2([0.0, 5.0, 10.0], 20.0, 10.0).round(4).tolist()  # 20 * (1 - 0.25) at Tc/2
    [20.0, 15.0, 0.0]
    """
    _reduced_temperature(t_kelvin, tc_kelvin)
    if not np.isfinite(hc2_zero_tesla) or hc2_zero_tesla < 0:
        raise ValueError(f"hc2_zero_tesla must be non-negative, got {hc2_zero_tesla}")
    return _parabolic(np.asarray(t_kelvin, dtype=float), hc2_zero_tesla, tc_kelvin)


def whh_hc2(t_kelvin: ArrayLike, hc2_zero_tesla: float, tc_kelvin: float) -> NDArray[np.float64]:
    """WHH orbital Hc2(T) (dirty limit, alpha = lambda_so = 0) scaled to Hc2(0), in tesla.

    Solves ln(1/t) = psi(1/2 + hbar/(2t)) - psi(1/2) for hbar(t) and returns
    Hc2(0) hbar(t)/hbar(0), with hbar(0) = e^-gamma/2. Slope at Tc: -Hc2(0)/(0.693 Tc).
    Werthamer, Helfand & Hohenberg, Phys. Rev. 147, 295 (1966), doi:10.1103/PhysRev.147.295.
    Hand-written (scipy digamma + brentq): no library provides the WHH curve.
    ValueError for T < 0, T > Tc, Tc <= 0 or Hc2(0) < 0.

    Examples

    >>> whh_hc2([0.0, 5.0], 20.0, 10.0).round(4).tolist()  # Hc2(0) at T = 0; above the GL 12.0 T at Tc/2
    [20.0, 13.0082]
    """
    _reduced_temperature(t_kelvin, tc_kelvin)
    if not np.isfinite(hc2_zero_tesla) or hc2_zero_tesla < 0:
        raise ValueError(f"hc2_zero_tesla must be non-negative, got {hc2_zero_tesla}")
    return _whh(np.asarray(t_kelvin, dtype=float), hc2_zero_tesla, tc_kelvin)


_FUNCTIONS = {"gl": _gl, "parabolic": _parabolic, "whh": _whh}


_SLOPE_FACTOR = {"gl": 1.0, "parabolic": 2.0, "whh": 1.0 / WHH_DIRTY_FACTOR}


def _check_model(model: str) -> None:
    if model not in MODELS:
        raise ValueError(f"unknown model '{model}' (choose one of {', '.join(MODELS)})")


def hc2_curve(model: ModelName, t_kelvin: ArrayLike, hc2_zero_tesla: float, tc_kelvin: float) -> NDArray[np.float64]:
    """Hc2(T) in tesla for ``model`` in :data:`MODELS` (dispatches to the three forms).

    Examples

    >>> hc2_curve("gl", [0.0, 5.0, 10.0], 20.0, 10.0).round(4).tolist()  # the same as gl_hc2
    [20.0, 12.0, 0.0]
    """
    _check_model(model)
    func = {"gl": gl_hc2, "parabolic": parabolic_hc2, "whh": whh_hc2}[model]
    return func(t_kelvin, hc2_zero_tesla, tc_kelvin)


def slope_at_tc(model: ModelName, hc2_zero_tesla: float, tc_kelvin: float) -> float:
    """dHc2/dT at Tc in T/K: -Hc2(0)/Tc (GL), -2 Hc2(0)/Tc (parabolic), -Hc2(0)/(0.693 Tc) (WHH).

    Works with ``uncertainties`` numbers. ValueError for an unknown model or Tc <= 0.

    Examples

    >>> slope_at_tc("gl", 20.0, 10.0), slope_at_tc("parabolic", 20.0, 10.0)  # -20/10, -2 * 20/10
    (-2.0, -4.0)
    >>> round(slope_at_tc("whh", 20.0, 10.0), 4)  # -20 / (0.693 * 10)
    -2.8874
    """
    _check_model(model)
    positive("tc_kelvin", tc_kelvin)
    return -_SLOPE_FACTOR[model] * hc2_zero_tesla / tc_kelvin


def whh_hc2_zero(tc_kelvin: float, slope_tesla_per_kelvin: float) -> float:
    """WHH dirty-limit estimate Hc2(0) = -0.693 Tc (dHc2/dT)|Tc in tesla.

    The factor is pi^2 e^-gamma / 8 (:data:`WHH_DIRTY_FACTOR`); WHH 1966,
    doi:10.1103/PhysRev.147.295. With the GL slope -Hc2_GL(0)/Tc it gives 0.693 Hc2_GL(0).
    ValueError for Tc <= 0 or a non-negative slope (Hc2 must fall on warming).

    Examples

    >>> round(whh_hc2_zero(10.0, -2.0), 2)  # -0.6927 * 10 K * (-2 T/K)
    13.85
    """
    positive("tc_kelvin", tc_kelvin)
    if not slope_tesla_per_kelvin < 0:
        raise ValueError(f"slope_tesla_per_kelvin must be negative, got {slope_tesla_per_kelvin}")
    return -WHH_DIRTY_FACTOR * tc_kelvin * slope_tesla_per_kelvin


def pauli_limit_tesla(tc_kelvin: float, gap_ratio: float = BCS_GAP_RATIO) -> float:
    """Clogston-Chandrasekhar limit mu0 H_P = Delta0 / (sqrt(2) mu_B), Delta0 = gap_ratio k_B Tc.

    With the BCS ratio 1.764 this is 1.86 T/K x Tc (g = 2). Clogston 1962,
    doi:10.1103/PhysRevLett.9.266; Chandrasekhar 1962, doi:10.1063/1.1777362.
    ValueError for Tc <= 0 or gap_ratio <= 0.

    Examples

    >>> round(pauli_limit_tesla(1.0), 2), round(pauli_limit_tesla(10.0), 2)  # 1.86 T/K x Tc
    (1.86, 18.57)
    """
    positive("tc_kelvin", tc_kelvin)
    positive("gap_ratio", gap_ratio)
    return gap_ratio * constants.k * tc_kelvin / (math.sqrt(2.0) * BOHR_MAGNETON_J_PER_T)


def coherence_length_nm(hc2_zero_tesla: float) -> float:
    """GL coherence length xi(0) = sqrt(Phi0 / (2 pi mu0 Hc2(0))) in nm (Phi0 = h/2e).

    Accepts ``uncertainties`` numbers. ValueError for Hc2(0) <= 0.

    Examples

    >>> round(coherence_length_nm(1.0), 1), round(coherence_length_nm(100.0), 2)  # xi(0) scales as Hc2(0)^-1/2
    (18.1, 1.81)
    """
    positive("hc2_zero_tesla", hc2_zero_tesla)
    return (FLUX_QUANTUM_WB / (2.0 * math.pi * hc2_zero_tesla)) ** 0.5 * 1e9


@dataclass(frozen=True)
class Hc2Fit:
    """Result of one Hc2(T) fit: parameters as correlated ufloats and the lmfit result."""

    model: str
    hc2_zero_tesla: AffineScalarFunc
    tc_kelvin: AffineScalarFunc | float
    slope_tesla_per_kelvin: AffineScalarFunc
    result: lmfit.model.ModelResult  # type: ignore[name-defined]


def fit_hc2(
    t_kelvin: ArrayLike,
    h_tesla: ArrayLike,
    model: ModelName = "gl",
    tc_kelvin: float | None = None,
    hc2_guess_tesla: float = 100.0,
) -> Hc2Fit:
    """Least-squares fit of Hc2(T) (:func:`hc2_curve` form ``model``) to (T, mu0 H) points.

    Parameters are ``hc2_zero_tesla`` and ``tc_kelvin``; ``tc_kelvin`` is fixed if given,
    otherwise free (starting at the highest T of the data). Residuals are in field; the
    covariance is scaled by the reduced chi-square (lmfit default), so the uncertainties
    reflect the scatter of the points. Uses ``lmfit.Model``; parameters come back as
    correlated ``uncertainties`` numbers (``ModelResult.uvars``).
    Points that lie exactly on the curve (noise-free data, zero residual) give the fit with zero
    uncertainties, not an error: the scaled covariance is then exactly zero, the limit of
    "uncertainties from the scatter" (lmfit itself sets no ``uvars`` when a standard error is 0).
    ValueError for unequal lengths, negative fields or temperatures, T above a fixed Tc, no
    more points than free parameters, a fit that does not converge or gives no covariance.

    Examples

    >>> t = np.linspace(1.0, 9.0, 9)
    >>> h = gl_hc2(t, 20.0, 10.0).round(3)  # synthetic GL data, Hc2(0) = 20 T, Tc = 10 K, recorded to 1 mT
    >>> fit = fit_hc2(t, h)  # GL form, Tc free
    >>> round(fit.hc2_zero_tesla.nominal_value, 2), round(fit.tc_kelvin.nominal_value, 2)
    (20.0, 10.0)
    >>> round(fit.slope_tesla_per_kelvin.nominal_value, 2)  # -Hc2(0)/Tc
    -2.0
    """
    _check_model(model)
    t = np.asarray(t_kelvin, dtype=float)
    h = np.asarray(h_tesla, dtype=float)
    if t.ndim != 1 or t.shape != h.shape:
        raise ValueError(f"t_kelvin and h_tesla must be 1-D of equal length, got {t.shape} and {h.shape}")
    if np.any(~np.isfinite(h)) or np.any(h < 0):
        raise ValueError("h_tesla must be finite and non-negative")
    if np.any(~np.isfinite(t)) or np.any(t < 0):
        raise ValueError("t_kelvin must be finite and non-negative")
    n_free = 1 if tc_kelvin is not None else 2
    if t.size <= n_free:
        raise ValueError(f"need more points than free parameters (got {t.size} points for {n_free} parameters)")
    if tc_kelvin is not None:
        _reduced_temperature(t, tc_kelvin)
    positive("hc2_guess_tesla", hc2_guess_tesla)
    import lmfit

    lm = lmfit.Model(_FUNCTIONS[model], independent_vars=["t_kelvin"])
    params = lm.make_params(
        hc2_zero_tesla={"value": hc2_guess_tesla, "min": 0.0},
        tc_kelvin={"value": float(tc_kelvin) if tc_kelvin is not None else float(t.max()) + 0.5,
                   "min": float(t.max()) * 0.5, "vary": tc_kelvin is None},
    )
    result = lm.fit(h, params, t_kelvin=t)
    if not result.success:
        raise ValueError(f"the {model} fit did not converge: {result.message}")
    uvars = getattr(result, "uvars", None)  # lmfit sets no uvars when any standard error is 0
    if uvars is None and result.covar is not None and not np.any(result.covar):
        # exact fit: chi-square (numerically) zero, so the scaled covariance is zero
        uvars = {name: fit_ufloat(result.params[name].value, 0.0) for name in result.var_names}
    if uvars is None or "hc2_zero_tesla" not in uvars:
        raise ValueError(f"the {model} fit gave no covariance (uncertainties undefined): {result.message}")
    hc2_zero = uvars["hc2_zero_tesla"]
    tc = uvars["tc_kelvin"] if tc_kelvin is None else float(tc_kelvin)
    return Hc2Fit(
        model=model,
        hc2_zero_tesla=hc2_zero,
        tc_kelvin=tc,
        slope_tesla_per_kelvin=slope_at_tc(model, hc2_zero, tc),
        result=result,
    )


def fit_band(fit: Hc2Fit, t_kelvin: ArrayLike, sigma: float = 1.0) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Best-fit curve and its +/- ``sigma`` confidence half-width at ``t_kelvin`` (tesla).

    Uses ``ModelResult.eval_uncertainty`` (parameter covariance, first order); lmfit scales
    the band by the Student-t quantile of a two-sided ``sigma`` interval with n - n_free
    degrees of freedom, so it is slightly wider than the propagated standard error. An exact fit
    (zero covariance, see :func:`fit_hc2`) has a zero band. ValueError for sigma <= 0.

    Examples

    >>> t = np.linspace(1.0, 9.0, 9)
    >>> fit = fit_hc2(t, gl_hc2(t, 20.0, 10.0).round(3))  # synthetic GL data recorded to 1 mT
    >>> best, width = fit_band(fit, [0.0, 5.0])
    >>> best.round(2).tolist(), bool(np.all(width < 0.01))  # recovers gl_hc2(T, 20 T, 10 K); band below 10 mT
    ([20.0, 12.0], True)
    """
    positive("sigma", sigma)
    t = np.asarray(t_kelvin, dtype=float)
    best = fit.result.eval(t_kelvin=t)
    if fit.result.covar is not None and not np.any(fit.result.covar):  # exact fit: zero covariance
        return np.asarray(best, dtype=float), np.zeros(t.shape)
    width = fit.result.eval_uncertainty(t_kelvin=t, sigma=sigma)
    return np.asarray(best, dtype=float), np.asarray(width, dtype=float)


def gl_temperature_kelvin(h_tesla: ArrayLike, hc2_zero_tesla: float, tc_kelvin: float) -> NDArray[np.float64]:
    """Inverse of :func:`gl_hc2`: T = Tc sqrt((1 - h)/(1 + h)), h = H/Hc2(0), in K.

    ValueError for negative fields, fields above Hc2(0), or non-positive Hc2(0), Tc.

    Examples

    >>> gl_temperature_kelvin([0.0, 12.0, 20.0], 20.0, 10.0).round(4).tolist()  # inverts gl_hc2: 12 T at Tc/2
    [10.0, 5.0, 0.0]
    """
    positive("hc2_zero_tesla", hc2_zero_tesla)
    positive("tc_kelvin", tc_kelvin)
    h = np.asarray(h_tesla, dtype=float)
    if np.any(~np.isfinite(h)) or np.any(h < 0):
        raise ValueError("h_tesla must be finite and non-negative")
    if np.any(h > hc2_zero_tesla):
        raise ValueError(f"h_tesla must not exceed hc2_zero_tesla = {hc2_zero_tesla:g} T")
    r = h / hc2_zero_tesla
    return tc_kelvin * np.sqrt((1.0 - r) / (1.0 + r))


def pauli_ratio(hc2_zero_tesla: float, tc_kelvin: float, gap_ratio: float = BCS_GAP_RATIO) -> float:
    """Hc2(0) / mu0 H_P: how far an upper critical field lies above (> 1) or below the
    Clogston-Chandrasekhar limit of :func:`pauli_limit_tesla` at ``tc_kelvin``.

    Works with ``uncertainties`` numbers. ValueError for Hc2(0) <= 0 or the inputs rejected by
    :func:`pauli_limit_tesla`.

    Examples

    >>> round(pauli_ratio(20.0, 10.0), 3)  # 20 T / (1.857 T/K * 10 K): just above the Pauli limit
    1.077
    """
    positive("hc2_zero_tesla", hc2_zero_tesla)
    return hc2_zero_tesla / pauli_limit_tesla(tc_kelvin, gap_ratio)


def extrapolation_factor(hc2_zero_tesla: float, h_max_tesla: float) -> float:
    """Hc2(0) / H_max: how many times the extrapolated field exceeds the highest field applied.

    ValueError for non-positive fields.

    Examples

    >>> extrapolation_factor(30.0, 15.0)  # Hc2(0) = 30 T extrapolated from data up to 15 T
    2.0
    """
    positive("hc2_zero_tesla", hc2_zero_tesla)
    positive("h_max_tesla", h_max_tesla)
    return hc2_zero_tesla / h_max_tesla


def implied_slope_and_whh(model: ModelName, hc2_zero_tesla: float, tc_kelvin: float) -> tuple[float, float]:
    """(dHc2/dT at Tc in T/K, WHH Hc2(0) in T) implied by a quoted Hc2(0) if it came from a fit
    of form ``model`` with zero-field Tc ``tc_kelvin``.

    The slope follows from :func:`slope_at_tc` (GL (1-t^2)/(1+t^2): -Hc2(0)/Tc; parabolic 1-t^2:
    -2 Hc2(0)/Tc), the WHH estimate from :func:`whh_hc2_zero` (-0.693 Tc slope). Works with
    ``uncertainties`` numbers.

    Examples

    >>> slope, whh = implied_slope_and_whh("gl", 20.0, 10.0)
    >>> slope, round(whh, 2)  # -Hc2(0)/Tc; 0.693 * Hc2_GL(0)
    (-2.0, 13.85)
    """
    slope = slope_at_tc(model, hc2_zero_tesla, tc_kelvin)
    return slope, -WHH_DIRTY_FACTOR * tc_kelvin * slope


def criteria_consistently_ordered(
    hc2_by_criterion: Mapping[float, float], xi_by_criterion: Mapping[float, float]
) -> bool:
    """True if a higher resistance criterion goes with a larger Hc2(0) and a shorter coherence
    length, the only order consistent with R(T, H) rising monotonically through the transition
    (and xi proportional to Hc2(0)^-1/2). ValueError if the criteria of the two maps differ or
    fewer than two are given.

    Examples

    >>> hc2 = {10: 15.0, 50: 20.0, 90: 25.0}  # Hc2(0) in T by criterion (% of R_N)
    >>> criteria_consistently_ordered(hc2, {c: coherence_length_nm(h) for c, h in hc2.items()})
    True
    >>> criteria_consistently_ordered(hc2, {10: 4.0, 50: 4.5, 90: 5.0})  # xi growing with Hc2(0)
    False
    """
    if set(hc2_by_criterion) != set(xi_by_criterion) or len(hc2_by_criterion) < 2:
        raise ValueError("need the same two or more criteria for Hc2(0) and xi")
    crits = sorted(hc2_by_criterion)
    hc2 = [float(hc2_by_criterion[c]) for c in crits]
    xi = [float(xi_by_criterion[c]) for c in crits]
    return all(a < b for a, b in zip(hc2, hc2[1:], strict=False)) and all(
        a > b for a, b in zip(xi, xi[1:], strict=False))

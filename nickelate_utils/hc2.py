"""Chapter 4: upper critical field Hc2(T) of La2SmNi2O7 at 21.6 GPa (Fig. 3d) and the
Ginzburg-Landau coherence length.

Reference: Li, F. et al., Nature (2025), doi:10.1038/s41586-025-09954-4, main text section
'Bulk superconductivity at 92 K' and Fig. 3d.

Formulas (fields are mu0*H in tesla, t = T/Tc):

* Ginzburg-Landau ("3D-GL") empirical form, our reading of the paper's "Ginzburg-Landau model"
  (the paper prints no formula):
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

Authors' Hc2 points (optional)
------------------------------
If the measured Fig. 3d points are placed at ``data/source/hc2/fig3d.csv`` (see README,
"Adding the authors' source data"), :func:`load_source_points` reads them and the chapter fits
them instead of the reconstruction. Columns: ``criterion_percent`` (10, 50 or 90),
``h_tesla`` (mu0 H) and ``t_kelvin`` (temperature at which the criterion is met).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy import constants
from scipy.optimize import brentq
from scipy.special import digamma
from uncertainties.core import AffineScalarFunc

from nickelate_utils.claims import Claim, Computed, Reading, build_claims, printed_ufloat, printed_value, same_as
from nickelate_utils.data import load_source, load_table

if TYPE_CHECKING:  # lmfit is imported inside the fitting functions (chapter start-up time)
    import lmfit

CHAPTER = "4. Upper critical field and Ginzburg-Landau fits"
PACKAGE = "hc2"

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

ASSUMED_ONSET_TO_90_KELVIN: float = 2.0
"""Reconstruction assumption: the 90 % criterion is met this far below Tc_onset at zero field.
The paper does not state the zero-field temperature of any criterion."""

RECONSTRUCTION_SCATTER_KELVIN: float = 0.3
"""Reconstruction assumption: Gaussian scatter of each criterion temperature (1 sigma)."""

RECONSTRUCTION_SEED: int = 20250
"""Seed of the random generator used for the reconstructed points."""


def _check_positive(name: str, value: float) -> None:
    nominal = float(getattr(value, "nominal_value", value))
    if not np.isfinite(nominal) or nominal <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value}")


def _reduced_temperature(t_kelvin: ArrayLike, tc_kelvin: float) -> NDArray[np.float64]:
    _check_positive("tc_kelvin", tc_kelvin)
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
    """
    _reduced_temperature(t_kelvin, tc_kelvin)
    if not np.isfinite(hc2_zero_tesla) or hc2_zero_tesla < 0:
        raise ValueError(f"hc2_zero_tesla must be non-negative, got {hc2_zero_tesla}")
    return _gl(np.asarray(t_kelvin, dtype=float), hc2_zero_tesla, tc_kelvin)


def parabolic_hc2(t_kelvin: ArrayLike, hc2_zero_tesla: float, tc_kelvin: float) -> NDArray[np.float64]:
    """Parabolic form Hc2(T) = Hc2(0) (1 - t^2), t = T/Tc, in tesla; slope at Tc -2 Hc2(0)/Tc.

    ValueError for T < 0, T > Tc, Tc <= 0 or Hc2(0) < 0.
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
    """Hc2(T) in tesla for ``model`` in :data:`MODELS` (dispatches to the three forms)."""
    _check_model(model)
    func = {"gl": gl_hc2, "parabolic": parabolic_hc2, "whh": whh_hc2}[model]
    return func(t_kelvin, hc2_zero_tesla, tc_kelvin)


def slope_at_tc(model: ModelName, hc2_zero_tesla: float, tc_kelvin: float) -> float:
    """dHc2/dT at Tc in T/K: -Hc2(0)/Tc (GL), -2 Hc2(0)/Tc (parabolic), -Hc2(0)/(0.693 Tc) (WHH).

    Works with ``uncertainties`` numbers. ValueError for an unknown model or Tc <= 0.
    """
    _check_model(model)
    _check_positive("tc_kelvin", tc_kelvin)
    return -_SLOPE_FACTOR[model] * hc2_zero_tesla / tc_kelvin


def whh_hc2_zero(tc_kelvin: float, slope_tesla_per_kelvin: float) -> float:
    """WHH dirty-limit estimate Hc2(0) = -0.693 Tc (dHc2/dT)|Tc in tesla.

    The factor is pi^2 e^-gamma / 8 (:data:`WHH_DIRTY_FACTOR`); WHH 1966,
    doi:10.1103/PhysRev.147.295. With the GL slope -Hc2_GL(0)/Tc it gives 0.693 Hc2_GL(0).
    ValueError for Tc <= 0 or a non-negative slope (Hc2 must fall on warming).
    """
    _check_positive("tc_kelvin", tc_kelvin)
    if not slope_tesla_per_kelvin < 0:
        raise ValueError(f"slope_tesla_per_kelvin must be negative, got {slope_tesla_per_kelvin}")
    return -WHH_DIRTY_FACTOR * tc_kelvin * slope_tesla_per_kelvin


def pauli_limit_tesla(tc_kelvin: float, gap_ratio: float = BCS_GAP_RATIO) -> float:
    """Clogston-Chandrasekhar limit mu0 H_P = Delta0 / (sqrt(2) mu_B), Delta0 = gap_ratio k_B Tc.

    With the BCS ratio 1.764 this is 1.86 T/K x Tc (g = 2). Clogston 1962,
    doi:10.1103/PhysRevLett.9.266; Chandrasekhar 1962, doi:10.1063/1.1777362.
    ValueError for Tc <= 0 or gap_ratio <= 0.
    """
    _check_positive("tc_kelvin", tc_kelvin)
    _check_positive("gap_ratio", gap_ratio)
    return gap_ratio * constants.k * tc_kelvin / (math.sqrt(2.0) * BOHR_MAGNETON_J_PER_T)


def coherence_length_nm(hc2_zero_tesla: float) -> float:
    """GL coherence length xi(0) = sqrt(Phi0 / (2 pi mu0 Hc2(0))) in nm (Phi0 = h/2e).

    Accepts ``uncertainties`` numbers. ValueError for Hc2(0) <= 0.
    """
    _check_positive("hc2_zero_tesla", hc2_zero_tesla)
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
    ValueError for unequal lengths, negative fields or temperatures, T above a fixed Tc, or
    no more points than free parameters.
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
    _check_positive("hc2_guess_tesla", hc2_guess_tesla)
    import lmfit

    lm = lmfit.Model(_FUNCTIONS[model], independent_vars=["t_kelvin"])
    params = lm.make_params(
        hc2_zero_tesla={"value": hc2_guess_tesla, "min": 0.0},
        tc_kelvin={"value": float(tc_kelvin) if tc_kelvin is not None else float(t.max()) + 0.5,
                   "min": float(t.max()) * 0.5, "vary": tc_kelvin is None},
    )
    result = lm.fit(h, params, t_kelvin=t)
    if not result.success or result.uvars is None or "hc2_zero_tesla" not in result.uvars:
        raise ValueError(f"the {model} fit did not converge: {result.message}")
    hc2_zero = result.uvars["hc2_zero_tesla"]
    tc = result.uvars["tc_kelvin"] if tc_kelvin is None else float(tc_kelvin)
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
    degrees of freedom, so it is slightly wider than the propagated standard error.
    ValueError for sigma <= 0.
    """
    _check_positive("sigma", sigma)
    t = np.asarray(t_kelvin, dtype=float)
    best = fit.result.eval(t_kelvin=t)
    width = fit.result.eval_uncertainty(t_kelvin=t, sigma=sigma)
    return np.asarray(best, dtype=float), np.asarray(width, dtype=float)


def criterion_tc_kelvin(
    criterion_percent: float,
    tc_onset_kelvin: float,
    width_kelvin: float,
    onset_to_90_kelvin: float = ASSUMED_ONSET_TO_90_KELVIN,
) -> float:
    """Assumed zero-field temperature at which R = criterion x R_N (reconstruction only).

    The paper states Tc_onset and a transition width of ~10 K but not where each criterion
    falls. Assumption: T_90 = Tc_onset - onset_to_90, T_10 = T_90 - width, and linear in the
    criterion in between: T_p = T_10 + (p - 10)/80 x width.
    ValueError for a criterion outside [10, 90] %, non-positive Tc_onset or width, or a
    negative offset.
    """
    if not 10 <= criterion_percent <= 90:
        raise ValueError(f"criterion_percent must lie in [10, 90], got {criterion_percent}")
    _check_positive("tc_onset_kelvin", tc_onset_kelvin)
    _check_positive("width_kelvin", width_kelvin)
    if onset_to_90_kelvin < 0:
        raise ValueError(f"onset_to_90_kelvin must be non-negative, got {onset_to_90_kelvin}")
    t10 = tc_onset_kelvin - onset_to_90_kelvin - width_kelvin
    if t10 <= 0:
        raise ValueError("the assumed transition extends below 0 K")
    return t10 + (criterion_percent - 10.0) / 80.0 * width_kelvin


def gl_temperature_kelvin(h_tesla: ArrayLike, hc2_zero_tesla: float, tc_kelvin: float) -> NDArray[np.float64]:
    """Inverse of :func:`gl_hc2`: T = Tc sqrt((1 - h)/(1 + h)), h = H/Hc2(0), in K.

    ValueError for negative fields, fields above Hc2(0), or non-positive Hc2(0), Tc.
    """
    _check_positive("hc2_zero_tesla", hc2_zero_tesla)
    _check_positive("tc_kelvin", tc_kelvin)
    h = np.asarray(h_tesla, dtype=float)
    if np.any(~np.isfinite(h)) or np.any(h < 0):
        raise ValueError("h_tesla must be finite and non-negative")
    if np.any(h > hc2_zero_tesla):
        raise ValueError(f"h_tesla must not exceed hc2_zero_tesla = {hc2_zero_tesla:g} T")
    r = h / hc2_zero_tesla
    return tc_kelvin * np.sqrt((1.0 - r) / (1.0 + r))


def reconstruct_points(
    h_tesla: ArrayLike,
    hc2_zero_tesla: float,
    tc_kelvin: float,
    scatter_kelvin: float = RECONSTRUCTION_SCATTER_KELVIN,
    seed: int = RECONSTRUCTION_SEED,
) -> NDArray[np.float64]:
    """Reconstructed criterion temperatures (K) at fields ``h_tesla`` on the GL curve of
    (Hc2(0), Tc), plus Gaussian scatter of ``scatter_kelvin`` (seeded, reproducible).

    Not data: an illustration of what the paper's fit implies. ValueError for a negative
    scatter or the inputs rejected by :func:`gl_temperature_kelvin`.
    """
    if not scatter_kelvin >= 0:
        raise ValueError(f"scatter_kelvin must be non-negative, got {scatter_kelvin}")
    t = gl_temperature_kelvin(h_tesla, hc2_zero_tesla, tc_kelvin)
    rng = np.random.default_rng(seed)
    return t + rng.normal(0.0, scatter_kelvin, size=t.shape)


def transition(data_dir: str | Path | None = None) -> dict[str, float]:
    """Zero-field transition values of crystal #6 at 21.6 GPa keyed by quantity (K)."""
    frame = load_table(PACKAGE, "zero_field_transition", data_dir)
    return {str(q): float(v) for q, v in zip(frame["quantity"], frame["value_kelvin"], strict=True)}


def reconstruction(data_dir: str | Path | None = None, seed: int = RECONSTRUCTION_SEED) -> pd.DataFrame:
    """Reconstructed (T, H) points of all three criteria at integer fields 0..h_max tesla.

    Tc of each criterion from :func:`criterion_tc_kelvin` with the published Tc_onset and
    width; Hc2(0) from the published GL values; seeds ``seed + criterion``.
    Columns: criterion_percent, h_tesla, t_kelvin, tc_assumed_kelvin, hc2_zero_tesla.
    """
    published = load_table(PACKAGE, "hc2_published", data_dir)
    tr = transition(data_dir)
    h_max = float(load_table(PACKAGE, "measurement_range", data_dir)["h_max_tesla"].iloc[0])
    fields = np.arange(0.0, math.floor(h_max) + 1.0)
    rows = []
    for crit, hc2_zero in zip(published["criterion_percent"], published["hc2_zero_tesla"], strict=True):
        tc = criterion_tc_kelvin(float(crit), tr["tc_onset"], tr["transition_width"])
        temps = reconstruct_points(fields, float(hc2_zero), tc, seed=seed + int(crit))
        rows.append(pd.DataFrame({
            "criterion_percent": int(crit), "h_tesla": fields, "t_kelvin": temps,
            "tc_assumed_kelvin": tc, "hc2_zero_tesla": float(hc2_zero),
        }))
    return pd.concat(rows, ignore_index=True)


SOURCE_FILE = "hc2/fig3d.csv"
"""Path of the authors' Fig. 3d points below ``data/source/`` (optional)."""

SOURCE_COLUMNS: tuple[str, ...] = ("criterion_percent", "h_tesla", "t_kelvin")


def load_source_points(data_dir: str | Path | None = None) -> pd.DataFrame | None:
    """The authors' Fig. 3d Hc2(T) points from ``<data_dir>/source/hc2/fig3d.csv``, or None if
    the file does not exist (layout: see the module docstring and
    ``nickelate_utils/schemas/source_data.json``), sorted by criterion and field.

    Read and validated by :func:`nickelate_utils.data.load_source`: a DataError (ValueError)
    names the file, line and column of the first problem (missing column, not a number,
    criterion not 10/50/90, negative field or temperature). ``attrs['provenance']`` is kept, so
    the frame can be passed to the provenance box.
    """
    frame = load_source(SOURCE_FILE, data_dir)
    if frame is None:
        return None
    out = frame.sort_values(["criterion_percent", "h_tesla"], kind="stable").reset_index(drop=True)
    out.attrs = dict(frame.attrs)
    return out


def pauli_ratio(hc2_zero_tesla: float, tc_kelvin: float, gap_ratio: float = BCS_GAP_RATIO) -> float:
    """Hc2(0) / mu0 H_P: how far an upper critical field lies above (> 1) or below the
    Clogston-Chandrasekhar limit of :func:`pauli_limit_tesla` at ``tc_kelvin``.

    Works with ``uncertainties`` numbers. ValueError for Hc2(0) <= 0 or the inputs rejected by
    :func:`pauli_limit_tesla`.
    """
    _check_positive("hc2_zero_tesla", hc2_zero_tesla)
    return hc2_zero_tesla / pauli_limit_tesla(tc_kelvin, gap_ratio)


def extrapolation_factor(hc2_zero_tesla: float, h_max_tesla: float) -> float:
    """Hc2(0) / H_max: how many times the extrapolated field exceeds the highest field applied.

    ValueError for non-positive fields.
    """
    _check_positive("hc2_zero_tesla", hc2_zero_tesla)
    _check_positive("h_max_tesla", h_max_tesla)
    return hc2_zero_tesla / h_max_tesla


def implied_slope_and_whh(model: ModelName, hc2_zero_tesla: float, tc_kelvin: float) -> tuple[float, float]:
    """(dHc2/dT at Tc in T/K, WHH Hc2(0) in T) implied by a quoted Hc2(0) if it came from a fit
    of form ``model`` with zero-field Tc ``tc_kelvin``.

    The slope follows from :func:`slope_at_tc` (GL (1-t^2)/(1+t^2): -Hc2(0)/Tc; parabolic 1-t^2:
    -2 Hc2(0)/Tc), the WHH estimate from :func:`whh_hc2_zero` (-0.693 Tc slope). Works with
    ``uncertainties`` numbers.
    """
    slope = slope_at_tc(model, hc2_zero_tesla, tc_kelvin)
    return slope, -WHH_DIRTY_FACTOR * tc_kelvin * slope


def criteria_consistently_ordered(
    hc2_by_criterion: Mapping[float, float], xi_by_criterion: Mapping[float, float]
) -> bool:
    """True if a higher resistance criterion goes with a larger Hc2(0) and a shorter coherence
    length, the only order consistent with R(T, H) rising monotonically through the transition
    (and xi proportional to Hc2(0)^-1/2). ValueError if the criteria of the two maps differ or
    fewer than two are given."""
    if set(hc2_by_criterion) != set(xi_by_criterion) or len(hc2_by_criterion) < 2:
        raise ValueError("need the same two or more criteria for Hc2(0) and xi")
    crits = sorted(hc2_by_criterion)
    hc2 = [float(hc2_by_criterion[c]) for c in crits]
    xi = [float(xi_by_criterion[c]) for c in crits]
    return all(a < b for a, b in zip(hc2, hc2[1:], strict=False)) and all(
        a > b for a, b in zip(xi, xi[1:], strict=False))


def _printed(cid: str, data_dir: str | Path | None) -> Any:  # noqa: ANN401 - a ufloat
    return printed_ufloat(printed_value(PACKAGE, cid, data_dir))


def claims(data_dir: str | Path | None = None) -> list[Claim]:
    """Chapter 4 claims (register v2).

    H1-H3 (the GL Hc2(0)) are illustrations: the Hc2(T) points are not public, and points
    generated from these values cannot reproduce them. H4-H6 recompute xi from the printed
    Hc2(0) and Phi0 (an arithmetic check with another printed number as input). H8-H10 record
    what a referee asks about H1: the unprinted functional form, the Pauli limit and the
    extrapolation distance, with the numbers computed here."""
    tr = transition(data_dir)
    h_max = float(load_table(PACKAGE, "measurement_range", data_dir)["h_max_tesla"].iloc[0])
    tc_on, tc_zero = tr["tc_onset"], tr["tc_zero"]
    hc2 = {90: _printed("H1", data_dir), 50: _printed("H2", data_dir), 10: _printed("H3", data_dir)}
    xi_printed = {90: _printed("H4", data_dir), 50: _printed("H5", data_dir), 10: _printed("H6", data_dir)}
    h90 = hc2[90]
    hp_on, hp_zero = pauli_limit_tesla(tc_on), pauli_limit_tesla(tc_zero)
    factor = extrapolation_factor(h90.nominal_value, h_max)
    tc_inputs = ("hc2/zero_field_transition#tc_onset.value_kelvin",)
    computed: dict[str, Computed] = {
        "H1": Computed(note=(
            f"Fig. 3d points not public; illustrated only (GL curves through points generated from this value). "
            f"Open: {h90.nominal_value:g} T is {factor:.0f} times the highest field applied ({h_max:g} T, Methods) "
            f"and {pauli_ratio(h90.nominal_value, tc_on):.2f} times the BCS Pauli limit 1.86 T/K x Tc "
            f"({hp_on:.0f} T at Tc onset {tc_on:g} K; {pauli_ratio(h90.nominal_value, tc_zero):.2f} times at "
            f"Tc zero {tc_zero:g} K). See H8-H10.")),
    }
    source = load_source_points(data_dir)
    if source is not None:  # the authors' Fig. 3d points: H1-H3 become recomputes (GL form, Tc free)
        for cid, crit in (("H1", 90), ("H2", 50), ("H3", 10)):
            pts = source[source["criterion_percent"] == crit]
            fit = fit_hc2(pts["t_kelvin"], pts["h_tesla"], "gl")
            computed[cid] = Computed(
                value=float(fit.hc2_zero_tesla.nominal_value), uncertainty=float(fit.hc2_zero_tesla.std_dev),
                inputs=(f"source:{SOURCE_FILE}",),
                method="nickelate_utils.hc2.fit_hc2", from_source_data=True,
                note=f"GL (1-t^2)/(1+t^2) fit, Tc free, to the authors' {len(pts)} points of the {crit} % criterion.")
    for cid, crit, src in (("H4", 90, "H1"), ("H5", 50, "H2"), ("H6", 10, "H3")):
        xi = coherence_length_nm(hc2[crit])
        whh_xi = coherence_length_nm(implied_slope_and_whh("gl", hc2[crit].nominal_value, tc_on)[1])
        computed[cid] = Computed(
            value=float(xi.nominal_value), uncertainty=float(xi.std_dev),
            inputs=(f"claim:{src}", "const:Phi0 = h/2e (CODATA, scipy.constants)"),
            method="nickelate_utils.hc2.coherence_length_nm",
            note=(f"xi = sqrt(Phi0 / (2 pi mu0 Hc2(0))) with the printed Hc2(0) = {hc2[crit].nominal_value:g} T "
                  f"({crit} % criterion): this checks the arithmetic, the input being another printed number. "
                  f"From the orbital-limited WHH Hc2(0) (same slope, Tc = {tc_on:g} K) xi would be "
                  f"{whh_xi:.2f} nm."))
    slope_gl, whh_gl = implied_slope_and_whh("gl", h90.nominal_value, tc_on)
    slope_par, whh_par = implied_slope_and_whh("parabolic", h90.nominal_value, tc_on)
    whh_src = "Werthamer, Helfand & Hohenberg 1966, doi:10.1103/PhysRev.147.295"
    computed["H8"] = Computed(
        note=(f"No formula printed. For the 90 % value and Tc = Tc onset ({tc_on:g} K): the form (1-t^2)/(1+t^2) "
              f"(our assumption) implies dHc2/dT = {slope_gl:.2f} T/K at Tc and a WHH estimate of {whh_gl:.0f} T; "
              f"the parabolic 1-t^2 implies {slope_par:.2f} T/K and {whh_par:.0f} T."),
        readings=(
            Reading("(1-t^2)/(1+t^2), slope at Tc", float(slope_gl),
                    "our assumption; the '3D GL' form of e.g. Shi et al., Nat. Commun. (2025), "
                    "doi:10.1038/s41467-025-63701-x, Fig. 2", "T/K"),
            Reading("1-t^2 (parabolic), slope at Tc", float(slope_par),
                    "alternative reading: the empirical parabolic form (the paper prints no formula)", "T/K"),
            Reading("WHH Hc2(0) from the (1-t^2)/(1+t^2) slope", float(whh_gl), whh_src, "T"),
            Reading("WHH Hc2(0) from the parabolic slope", float(whh_par), whh_src, "T"),
        ),
        inputs=("claim:H1",) + tc_inputs, method="nickelate_utils.hc2.implied_slope_and_whh")
    computed["H9"] = Computed(
        note=(f"BCS Pauli limit 1.86 T/K x Tc: {hp_on:.0f} T at Tc onset ({tc_on:g} K), {hp_zero:.0f} T at Tc zero "
              f"({tc_zero:g} K); 210.5 T exceeds it by a factor {pauli_ratio(h90.nominal_value, tc_on):.2f}-"
              f"{pauli_ratio(h90.nominal_value, tc_zero):.2f}. Above H_P needs strong coupling, g < 2 or spin-orbit "
              "scattering; the GL form has no spin pair breaking."),
        readings=(
            Reading("GL extrapolation (paper)", float(h90.nominal_value),
                    "Main text, section 'Bulk superconductivity at 92 K', paragraph 2", "T"),
            Reading(f"BCS Pauli limit at Tc onset {tc_on:g} K", float(hp_on),
                    "Clogston, Phys. Rev. Lett. 9, 266 (1962), doi:10.1103/PhysRevLett.9.266", "T"),
            Reading(f"BCS Pauli limit at Tc zero {tc_zero:g} K", float(hp_zero),
                    "Chandrasekhar, Appl. Phys. Lett. 1, 7 (1962), doi:10.1063/1.1777362", "T"),
            Reading("WHH orbital limit from the GL slope", float(whh_gl), whh_src, "T"),
        ),
        inputs=("claim:H1",) + tc_inputs + ("hc2/zero_field_transition#tc_zero.value_kelvin",),
        method="nickelate_utils.hc2.pauli_ratio")
    computed["H10"] = Computed(note=(
        f"Hc2(0) / H_max = {factor:.0f} (90 %), {extrapolation_factor(hc2[50].nominal_value, h_max):.0f} (50 %), "
        f"{extrapolation_factor(hc2[10].nominal_value, h_max):.1f} (10 %) with H_max = {h_max:g} T (Methods). "
        "The Hc2(T) points that would show the curvature are not public."))
    for cid, other in (("H17", "H14"), ("H18", "H15"), ("H19", "H16")):
        computed[cid] = same_as(PACKAGE, other, data_dir,
                                "Legend: 'at T_c^onset'; main text: 'near T_c^onset' (same criteria).")
    computed["H20"] = Computed(
        agrees=criteria_consistently_ordered({c: v.nominal_value for c, v in hc2.items()},
                                             {c: v.nominal_value for c, v in xi_printed.items()}),
        inputs=("claim:H1", "claim:H2", "claim:H3", "claim:H4", "claim:H5", "claim:H6",
                "claim:H14", "claim:H15", "claim:H16"),
        method="nickelate_utils.hc2.criteria_consistently_ordered",
        note="Paired by listing order, the highest criterion has the largest Hc2(0) and the shortest xi, "
             "the only physically consistent pairing.")
    computed["H25"] = same_as("transport", "R40", data_dir, "Same crystal (#6) and pressure in both legends.")
    computed["H27"] = same_as("transport", "R40", data_dir, "Main text and Fig. 3c legend give the same pressure.")
    return build_claims(CHAPTER, PACKAGE, computed, data_dir)

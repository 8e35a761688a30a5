"""Chapter 6: the T-P phase diagram of La2SmNi2O7 (Fig. 4h) from the published Tc points.

Reference: Li, F. et al., Nature (2025), doi:10.1038/s41586-025-09954-4. The Tc points are the
table ``data/transport`` / ``tc_pressure``; the structural statements are ``data/structure``.
Interpolation is ``numpy.interp`` (linear, no extrapolation).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

COMPOUND = "La2SmNi2O7"
"""Fig. 4h is the phase diagram of La2SmNi2O7 (crystals #1-#7)."""


def zero_field_points(tc_pressure: pd.DataFrame, compound: str = COMPOUND) -> pd.DataFrame:
    """Zero-field rows of ``compound`` with a stated Tc onset or Tc zero, sorted by crystal and p.

    Columns: crystal, p_gpa, tc_onset_kelvin, tc_zero_kelvin (NaN where not stated).
    """
    needed = {"compound", "crystal", "p_gpa", "tc_onset_kelvin", "tc_zero_kelvin", "field_tesla"}
    missing = needed - set(tc_pressure.columns)
    if missing:
        raise ValueError(f"Tc table lacks columns {sorted(missing)}")
    rows = tc_pressure[
        (tc_pressure["compound"] == compound)
        & (tc_pressure["field_tesla"].fillna(0) == 0)
        & (tc_pressure["tc_onset_kelvin"].notna() | tc_pressure["tc_zero_kelvin"].notna())
    ]
    if rows.empty:
        raise ValueError(f"no zero-field Tc points for {compound}")
    out = rows[["crystal", "p_gpa", "tc_onset_kelvin", "tc_zero_kelvin"]].astype(
        {"p_gpa": float, "tc_onset_kelvin": float, "tc_zero_kelvin": float, "crystal": str}
    )
    return out.sort_values(["crystal", "p_gpa"]).reset_index(drop=True)


def interpolate_tc_kelvin(p_points_gpa: ArrayLike, tc_points_kelvin: ArrayLike, p_gpa: float) -> float:
    """Linear interpolation Tc(p) between the two measured pressures that bracket ``p_gpa``.

    Raises ValueError for fewer than two points, pressures that are not strictly increasing,
    or ``p_gpa`` outside the measured range (no extrapolation).
    """
    p = np.asarray(p_points_gpa, dtype=float)
    tc = np.asarray(tc_points_kelvin, dtype=float)
    if p.shape != tc.shape or p.size < 2:
        raise ValueError("need at least two (p, Tc) points of equal length")
    if np.any(np.diff(p) <= 0):
        raise ValueError("pressures must be strictly increasing")
    if not p[0] <= p_gpa <= p[-1]:
        raise ValueError(f"p = {p_gpa} GPa is outside the measured range {p[0]}-{p[-1]} GPa (no extrapolation)")
    return float(np.interp(p_gpa, p, tc))


@dataclass(frozen=True)
class MonoclinicCheck:
    """Is the sample superconducting (below the onset) at a stated P2_1/m point (p, T)?"""

    crystal: str
    p_below_gpa: float
    p_above_gpa: float
    tc_onset_kelvin: float
    tc_onset_lower_bound_kelvin: float
    tc_zero_kelvin: float
    agrees: bool
    note: str


def monoclinic_check(points: pd.DataFrame, p_gpa: float, t_kelvin: float) -> MonoclinicCheck:
    """Compare a structural point (p, T) with Tc onset(p) of the crystal whose onset points
    bracket p. Verdict: the smaller of the two bracketing onsets exceeds T, which holds for any
    Tc(p) that is monotonic between them ('Both T_c^onset and T_c^zero increase with increasing
    pressure' up to 21.6 GPa); the interpolated onset and zero-resistance Tc are reported."""
    if not t_kelvin > 0:
        raise ValueError(f"temperature must be positive, got {t_kelvin} K")
    for crystal, group in points.dropna(subset=["tc_onset_kelvin"]).groupby("crystal"):
        below = group[group["p_gpa"] <= p_gpa]
        above = group[group["p_gpa"] >= p_gpa]
        if below.empty or above.empty:
            continue
        lo, hi = below.iloc[-1], above.iloc[0]
        onset = interpolate_tc_kelvin(group["p_gpa"], group["tc_onset_kelvin"], p_gpa)
        zero_rows = group.dropna(subset=["tc_zero_kelvin"])
        zero = (
            interpolate_tc_kelvin(zero_rows["p_gpa"], zero_rows["tc_zero_kelvin"], p_gpa)
            if len(zero_rows) >= 2 and zero_rows["p_gpa"].min() <= p_gpa <= zero_rows["p_gpa"].max()
            else float("nan")
        )
        bound = float(min(lo["tc_onset_kelvin"], hi["tc_onset_kelvin"]))
        agrees = bound > t_kelvin
        state = (
            "below the onset but above zero resistance"
            if zero < t_kelvin < onset
            else "at this point of its transition"
        )
        note = (
            f"Crystal {crystal}: Tc onset {lo['tc_onset_kelvin']:g} K at {lo['p_gpa']:g} GPa and "
            f"{hi['tc_onset_kelvin']:g} K at {hi['p_gpa']:g} GPa; linear interpolation gives "
            f"{onset:.1f} K at {p_gpa:g} GPa, and any monotonic Tc(p) gives at least {bound:g} K "
            f"{'>' if agrees else '<='} {t_kelvin:g} K. Tc zero interpolates to {zero:.1f} K, so at "
            f"{t_kelvin:g} K the sample is {state}."
        )
        return MonoclinicCheck(
            str(crystal), float(lo["p_gpa"]), float(hi["p_gpa"]), onset, bound, zero, agrees, note
        )
    raise ValueError(f"no crystal has Tc onset points on both sides of {p_gpa} GPa")


@dataclass(frozen=True)
class BothStructuresCheck:
    """Superconducting points on the P2_1/m side and on the I4/mmm side of the boundary."""

    monoclinic: pd.DataFrame
    tetragonal: pd.DataFrame
    agrees: bool
    note: str


def both_structures_check(
    points: pd.DataFrame, p_monoclinic_max_gpa: float, p_tetragonal_min_gpa: float
) -> BothStructuresCheck:
    """Superconducting points at p <= ``p_monoclinic_max_gpa`` (the highest pressure at which
    P2_1/m is stated at low temperature) and at p > ``p_tetragonal_min_gpa`` (the highest
    pressure of the low-temperature run in which I4/mmm was reached). Agrees if both exist."""
    if not p_monoclinic_max_gpa < p_tetragonal_min_gpa:
        raise ValueError("the P2_1/m limit must lie below the I4/mmm limit")
    sc = points[points["tc_onset_kelvin"].notna() | points["tc_zero_kelvin"].notna()]
    mono = sc[sc["p_gpa"] <= p_monoclinic_max_gpa]
    tet = sc[sc["p_gpa"] > p_tetragonal_min_gpa]

    def describe(frame: pd.DataFrame) -> str:
        return (
            ", ".join(
                f"{r.crystal} at {r.p_gpa:g} GPa ("
                + " / ".join(
                    x
                    for x in (
                        f"onset {r.tc_onset_kelvin:g} K" if pd.notna(r.tc_onset_kelvin) else "",
                        f"zero {r.tc_zero_kelvin:g} K" if pd.notna(r.tc_zero_kelvin) else "",
                    )
                    if x
                )
                + ")"
                for r in frame.itertuples(index=False)
            )
            or "none"
        )

    note = (
        f"P2_1/m side (p <= {p_monoclinic_max_gpa:g} GPa): {describe(mono)}. "
        f"I4/mmm side (p > {p_tetragonal_min_gpa:g} GPa): {describe(tet)}. Assumes the low-temperature "
        f"boundary is single-valued in p (P2_1/m below {p_monoclinic_max_gpa:g} GPa, I4/mmm above "
        f"{p_tetragonal_min_gpa:g} GPa)."
    )
    return BothStructuresCheck(mono, tet, bool(len(mono)) and bool(len(tet)), note)

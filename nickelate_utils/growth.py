"""Chapter 1: flux growth, compositions (Fig. 1j, Extended Data Table 2) and the ambient
crystal structure (Extended Data Table 1) of La(3-x)R(x)Ni2O7.

Reference: Li, F. et al., Nature (2025), doi:10.1038/s41586-025-09954-4.
Ionic radii: Shannon, Acta Cryst. A32, 751 (1976), doi:10.1107/S0567739476001551, as shipped
by ``pymatgen.core``. Statistics: ``scipy.stats``. Uncertainties: ``uncertainties``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from pymatgen.core import Element, Species
from scipy import stats
from uncertainties import ufloat
from uncertainties.core import AffineScalarFunc

from nickelate_utils.claims import Claim, Computed, build_claims
from nickelate_utils.crystal import (
    average_inplane_constant,
    calculated_density,
    formula_weight,
    inplane_distortion,
    monoclinic_volume,
)
from nickelate_utils.data import load_table

CHAPTER = "1. Flux growth and composition"
PACKAGE = "growth"

COORDINATION = "IX"
"""Coordination of the rock-salt La site that Sm prefers (Li et al.: 'Sm preferentially
occupies the La site between bilayers'); in the n = 2 Ruddlesden-Popper structure that
site is nine-fold coordinated, the perovskite-block site twelve-fold."""

NEAR_ONE = 0.15
"""How far from 1 an EDS content may be and still count as the paper's "x ~ 1" (claim G4)."""

IDEAL_A_TO_NI = 1.5
"""(La+R):Ni of the stoichiometric bilayer phase La(3-x)R(x)Ni2O7, i.e. 3:2."""


def shannon_radius_angstrom(element: str, charge: int = 3, coordination: str = COORDINATION) -> float:
    """Shannon (1976) effective ionic radius of ``element``^``charge``+ in angstrom."""
    try:
        return float(Species(element, charge).get_shannon_radius(coordination))
    except KeyError as exc:
        raise ValueError(
            f"no Shannon radius for {element}{charge}+ with coordination {coordination}"
        ) from exc


def partition_coefficient(
    la_crystal: float, r_crystal: float, la_flux_parts: float, r_flux_parts: float
) -> float:
    """k = (R/La)_crystal / (R/La)_flux: how strongly R enters the crystal relative to La.

    k = 1 means the crystal copies the flux; k < 1 means R is rejected.
    """
    if min(la_crystal, la_flux_parts) <= 0 or min(r_crystal, r_flux_parts) < 0:
        raise ValueError("contents must be positive (La) and non-negative (R)")
    if r_flux_parts == 0:
        raise ValueError("no R in the flux: the partition coefficient is undefined")
    return (r_crystal / la_crystal) / (r_flux_parts / la_flux_parts)


def composition_table(flux: pd.DataFrame) -> pd.DataFrame:
    """Per-row derived quantities: radius, x, R/La in crystal and flux, partition coefficient."""
    out = flux[["row_id", "rare_earth", "flux_la_to_r", "la_eds", "r_eds", "la_plus_r_to_ni"]].copy()
    out["radius_angstrom"] = [shannon_radius_angstrom(r) for r in out["rare_earth"]]
    out["r_over_la_flux"] = flux["flux_r_parts"] / flux["flux_la_parts"]
    out["r_over_la_crystal"] = flux["r_eds"] / flux["la_eds"]
    out["partition_k"] = [
        partition_coefficient(la, r, fl, fr)
        for la, r, fl, fr in zip(
            flux["la_eds"], flux["r_eds"], flux["flux_la_parts"], flux["flux_r_parts"], strict=True
        )
    ]
    return out


def max_substitution(flux: pd.DataFrame) -> pd.DataFrame:
    """Largest x reached for each R (rows sorted by decreasing radius), with its row and flux."""
    comp = composition_table(flux)
    idx = comp.groupby("rare_earth", sort=False)["r_eds"].idxmax()
    best = comp.loc[idx, ["rare_earth", "radius_angstrom", "r_eds", "row_id", "flux_la_to_r"]]
    best = best.rename(columns={"r_eds": "x_max", "row_id": "row_of_x_max"})
    at_21 = comp[comp["flux_la_to_r"] == "2:1"].set_index("rare_earth")["r_eds"]
    best["x_at_flux_2_1"] = best["rare_earth"].map(at_21)
    best["n_growths"] = best["rare_earth"].map(comp["rare_earth"].value_counts())
    return best.sort_values("radius_angstrom", ascending=False).reset_index(drop=True)


@dataclass(frozen=True)
class Trend:
    """Least-squares line x = intercept + slope * r, and Spearman's rank correlation."""

    slope: AffineScalarFunc
    intercept: AffineScalarFunc
    r_squared: float
    spearman_rho: float
    spearman_p: float
    n: int


def radius_trend(radius_angstrom: np.ndarray, x: np.ndarray) -> Trend:
    """Linear fit (``scipy.stats.linregress``) and rank correlation of x against radius."""
    radius_angstrom = np.asarray(radius_angstrom, dtype=float)
    x = np.asarray(x, dtype=float)
    if radius_angstrom.shape != x.shape or radius_angstrom.size < 3:
        raise ValueError("need at least three (radius, x) pairs of equal length")
    fit = stats.linregress(radius_angstrom, x)
    rho = stats.spearmanr(radius_angstrom, x)
    return Trend(
        slope=ufloat(fit.slope, fit.stderr),
        intercept=ufloat(fit.intercept, fit.intercept_stderr),
        r_squared=float(fit.rvalue**2),
        spearman_rho=float(rho.statistic),
        spearman_p=float(rho.pvalue),
        n=int(x.size),
    )


def implied_substitution(
    formula_weight_g_mol: float, parent: str, substituent: str, host: str = "La"
) -> float:
    """x such that the weight of ``parent`` with x ``host`` replaced by ``substituent`` equals
    ``formula_weight_g_mol``: x = (M - M_parent) / (M_substituent - M_host)."""
    m_parent = formula_weight(parent)
    dm = float(Element(substituent).atomic_mass) - float(Element(host).atomic_mass)
    if dm == 0:
        raise ValueError("substituent and host have the same atomic mass")
    return float((formula_weight_g_mol - m_parent) / dm)


def cell_table(cells: pd.DataFrame) -> pd.DataFrame:
    """Extended Data Table 1 recomputed with propagated standard uncertainties (UFloat cells)."""
    rows = []
    for r in cells.itertuples(index=False):
        a = ufloat(r.a_angstrom, r.a_err_angstrom)
        b = ufloat(r.b_angstrom, r.b_err_angstrom)
        c = ufloat(r.c_angstrom, r.c_err_angstrom)
        beta = ufloat(r.beta_deg, r.beta_err_deg)
        volume = monoclinic_volume(a, b, c, beta)
        fw_nominal = formula_weight(r.formula_nominal)
        rows.append(
            {
                "compound": r.compound,
                "volume_angstrom3": volume,
                "volume_paper_angstrom3": ufloat(r.volume_angstrom3, r.volume_err_angstrom3),
                "fw_nominal_g_mol": fw_nominal,
                "fw_paper_g_mol": float(r.formula_weight_g_mol),
                "density_from_paper_fw_g_cm3": calculated_density(
                    float(r.formula_weight_g_mol), int(r.z), volume
                ),
                "density_from_nominal_fw_g_cm3": calculated_density(fw_nominal, int(r.z), volume),
                "density_paper_g_cm3": float(r.density_g_cm3),
                "delta": inplane_distortion(a, b),
                "a_average_angstrom": average_inplane_constant(a, b),
            }
        )
    return pd.DataFrame(rows).set_index("compound")


def _uc(value: AffineScalarFunc) -> Computed:
    return Computed(value=float(value.nominal_value), uncertainty=float(value.std_dev))


def claims(data_dir: str | Path | None = None) -> list[Claim]:
    """Chapter 1 claims, recomputed from the published tables."""
    flux = load_table(PACKAGE, "flux_growth", data_dir)
    cells = cell_table(load_table(PACKAGE, "cell_parameters", data_dir))
    best = max_substitution(flux).set_index("rare_earth")
    comp = composition_table(flux)
    at21 = comp[comp["flux_la_to_r"] == "2:1"].set_index("rare_earth")["r_eds"]
    heavy_below_1 = bool((at21[["Eu", "Gd", "Tb", "Dy", "Ho", "Er"]] < 1).all())
    # "x ~ 1": within 0.15 of 1, compared at the 0.01 precision of the EDS table
    light_near_1 = bool(((at21[["Pr", "Nd", "Sm"]] - 1).abs().round(2) <= NEAR_ONE).all())
    trend = radius_trend(best["radius_angstrom"].to_numpy(), best["x_max"].to_numpy())
    ratio = flux["la_plus_r_to_ni"]
    sm_x = implied_substitution(cells.loc["La2SmNi2O7", "fw_paper_g_mol"], "La3Ni2O7", "Sm")
    computed = {
        "G1": Computed(value=float(best.loc["Pr", "x_max"])),
        "G2": Computed(value=float(best.loc["Nd", "x_max"])),
        "G3": Computed(value=float(best.loc["Sm", "x_max"])),
        "G4": Computed(
            agrees=heavy_below_1 and light_near_1,
            note="x at La:R = 2:1: Pr-Sm " + ", ".join(f"{at21[r]:.2f}" for r in ("Pr", "Nd", "Sm"))
            + "; Eu-Er " + ", ".join(f"{at21[r]:.2f}" for r in ("Eu", "Gd", "Tb", "Dy", "Ho", "Er"))
            + f". Read '~1' as within {NEAR_ONE} of 1. The split is not sharp: Nd "
            + f"({at21['Nd']:.2f}) is at the edge and barely above Eu ({at21['Eu']:.2f}).",
        ),
        "G5": Computed(
            agrees=trend.spearman_rho > 0 and trend.spearman_p < 0.05,
            note=f"Spearman rho = {trend.spearman_rho:.2f} (p = {trend.spearman_p:.1e}, "
            f"n = {trend.n}) between x_max and the CN {COORDINATION} radius",
        ),
        "G6": Computed(
            value=float(ratio.mean()),
            uncertainty=float(ratio.std(ddof=1) / np.sqrt(len(ratio))),
            note=f"mean of {len(ratio)} EDS ratios, standard error; range "
            f"{ratio.min():.2f}-{ratio.max():.2f}",
        ),
        "G7": _uc(cells.loc["La3Ni2O7", "volume_angstrom3"]),
        "G8": _uc(cells.loc["La2SmNi2O7", "volume_angstrom3"]),
        "G9": _uc(cells.loc["La3Ni2O7", "density_from_paper_fw_g_cm3"]),
        "G10": _uc(cells.loc["La2SmNi2O7", "density_from_paper_fw_g_cm3"]),
        "G11": Computed(value=float(cells.loc["La3Ni2O7", "fw_nominal_g_mol"])),
        "G12": Computed(
            value=float(cells.loc["La2SmNi2O7", "fw_nominal_g_mol"]),
            note=f"The table's weight corresponds to La(3-x)Sm(x)Ni2O7 with x = {sm_x:.2f}, "
            "not the nominal x = 1: consistent with a refined Sm occupancy below 1 "
            f"(EDS of the 2:1 growth gives x = {at21['Sm']:.2f}).",
        ),
    }
    return build_claims(CHAPTER, PACKAGE, computed, data_dir)

"""The literature side of chapter 2: the primitive in-plane constants of the superconducting-state
cells, the nickelate Tc records, the Fig. 5a points and the two-point slopes dTc/dDelta for
every choice of the La3Ni2O7 reference.

Part of chapter 2 (:mod:`nickelate_utils.chapters.distortion`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from uncertainties.core import AffineScalarFunc

from nickelate_utils.physics.lattice import (
    primitive_inplane_constant,
)
from nickelate_utils.physics.trends import tc_delta_slope

Number = float | AffineScalarFunc


def sc_state_constants(sc: pd.DataFrame) -> pd.DataFrame:
    """Primitive in-plane constant of each superconducting-state cell of ``sc_state_lattice``."""
    out = sc[["source_id", "system", "ref_in_paper", "condition", "status", "doi"]].copy()
    out["a_primitive_angstrom"] = [
        float(primitive_inplane_constant(a, b, str(s)))
        for a, b, s in zip(sc["a_angstrom"], sc["b_angstrom"], sc["setting"], strict=True)
    ]
    return out


def nickelate_records(tc: pd.DataFrame, exclude_this_paper: bool = True) -> pd.DataFrame:
    """Nickelate rows of ``tc_records`` (cuprates dropped; this paper's rows dropped by default)."""
    out = tc[tc["family"] != "cuprate"]
    if exclude_this_paper:
        out = out[out["data_class"] == "literature"]
    return out


def fig5a_points(tc: pd.DataFrame, deltas: dict[str, Number]) -> pd.DataFrame:
    """The Fig. 5a rows of ``tc_records`` joined with a Delta per compound (NaN if not public)."""
    rows = tc[tc["fig5a_compound"].notna()].copy()
    rows["delta"] = [deltas.get(str(c), np.nan) for c in rows["fig5a_compound"]]
    return rows


def slope_variants(
    la3_deltas: dict[str, Number], la3_tcs: dict[str, float], delta_top: Number, tc_top: float,
    tc_err_kelvin: float | None = None,
) -> pd.DataFrame:
    """Two-point slopes dTc/dDelta for every choice of the La3Ni2O7 reference (its Delta source
    x its Tc source) against one fixed point (Delta_top, Tc_top); ``tc_err_kelvin`` is passed to
    :func:`~nickelate_utils.physics.trends.tc_delta_slope`."""
    rows = []
    for dname, d in la3_deltas.items():
        for tname, t in la3_tcs.items():
            fit = tc_delta_slope([d, delta_top], [t, tc_top], tc_err_kelvin)
            rows.append({"la3_delta_from": dname, "la3_tc_from": tname, "delta_la3": d,
                         "tc_la3_kelvin": t, "slope_kelvin": fit.slope})
    return pd.DataFrame(rows)

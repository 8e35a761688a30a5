"""Chapter 4: upper critical field Hc2(T) of La2SmNi2O7 at 21.6 GPa (Fig. 3d) and the
Ginzburg-Landau coherence length.

Reference: Li, F. et al., Nature (2025), doi:10.1038/s41586-025-09954-4, main text section
'Bulk superconductivity at 92 K' and Fig. 3d.

The Hc2(T) forms (GL, parabolic, WHH), their fits, the Pauli limit and the coherence length,
with their formulas and references, are in :mod:`nickelate_utils.physics.upper_critical_field`;
the GL form is our reading of the paper's "Ginzburg-Landau model" (the paper prints no formula).

Authors' Hc2 points (optional)
------------------------------
If the measured Fig. 3d points are placed at ``data/source/hc2/fig3d.csv`` (see README,
"Adding the authors' source data"), :func:`load_source_points` reads them and the chapter fits
them instead of the reconstruction. Columns: ``criterion_percent`` (10, 50 or 90),
``h_tesla`` (mu0 H) and ``t_kelvin`` (temperature at which the criterion is met).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from nickelate_utils.claims import Claim, Computed, Reading, build_claims, printed_ufloat, printed_value, same_as
from nickelate_utils.data import load_table
from nickelate_utils.physics._checks import positive
from nickelate_utils.physics.upper_critical_field import (
    PAULI_TESLA_PER_KELVIN,
    coherence_length_nm,
    criteria_consistently_ordered,
    extrapolation_factor,
    fit_hc2,
    gl_temperature_kelvin,
    implied_slope_and_whh,
    pauli_limit_tesla,
    pauli_ratio,
)
from nickelate_utils.source_data import load_source

if TYPE_CHECKING:  # lmfit is imported inside the fitting functions (chapter start-up time)
    pass

CHAPTER = "4. Upper critical field and Ginzburg-Landau fits"
PACKAGE = "hc2"


ASSUMED_ONSET_TO_90_KELVIN: float = 2.0
"""Reconstruction assumption: the 90 % criterion is met this far below Tc_onset at zero field.
The paper does not state the zero-field temperature of any criterion."""

RECONSTRUCTION_SCATTER_KELVIN: float = 0.3
"""Reconstruction assumption: Gaussian scatter of each criterion temperature (1 sigma)."""

RECONSTRUCTION_SEED: int = 20250
"""Seed of the random generator used for the reconstructed points."""


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
    positive("tc_onset_kelvin", tc_onset_kelvin)
    positive("width_kelvin", width_kelvin)
    if onset_to_90_kelvin < 0:
        raise ValueError(f"onset_to_90_kelvin must be non-negative, got {onset_to_90_kelvin}")
    t10 = tc_onset_kelvin - onset_to_90_kelvin - width_kelvin
    if t10 <= 0:
        raise ValueError("the assumed transition extends below 0 K")
    return t10 + (criterion_percent - 10.0) / 80.0 * width_kelvin


def reconstruct_points(
    h_tesla: ArrayLike,
    hc2_zero_tesla: float,
    tc_kelvin: float,
    scatter_kelvin: float = RECONSTRUCTION_SCATTER_KELVIN,
    seed: int | Sequence[int] = RECONSTRUCTION_SEED,
) -> NDArray[np.float64]:
    """Reconstructed criterion temperatures (K) at fields ``h_tesla`` on the GL curve of
    (Hc2(0), Tc), plus Gaussian scatter of ``scatter_kelvin`` from
    ``numpy.random.default_rng(seed)`` (seeded, reproducible; a list of integers gives a
    ``SeedSequence``, one independent stream per list).

    Not data: an illustration of what the paper's fit implies. ValueError for a negative
    scatter or the inputs rejected by :func:`~nickelate_utils.physics.upper_critical_field.gl_temperature_kelvin`.
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
    width; Hc2(0) from the published GL values; one random stream per criterion,
    ``[seed, criterion]`` (streams from sums of seeds can collide).
    Columns: criterion_percent, h_tesla, t_kelvin, tc_assumed_kelvin, hc2_zero_tesla.
    """
    published = load_table(PACKAGE, "hc2_published", data_dir)
    tr = transition(data_dir)
    h_max = float(load_table(PACKAGE, "measurement_range", data_dir)["h_max_tesla"].iloc[0])
    fields = np.arange(0.0, math.floor(h_max) + 1.0)
    rows = []
    for crit, hc2_zero in zip(published["criterion_percent"], published["hc2_zero_tesla"], strict=True):
        tc = criterion_tc_kelvin(float(crit), tr["tc_onset"], tr["transition_width"])
        temps = reconstruct_points(fields, float(hc2_zero), tc, seed=[seed, int(crit)])
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

    Read and validated by :func:`nickelate_utils.source_data.load_source`: a DataError (ValueError)
    names the file, line and column of the first problem (missing column, not a number,
    criterion not 10/50/90, negative field or temperature). ``attrs['provenance']`` is kept, so
    the frame can be passed to the provenance box.
    """
    return load_source(SOURCE_FILE, data_dir, sort_by=("criterion_percent", "h_tesla"))


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
    transition_rows = load_table(PACKAGE, "zero_field_transition", data_dir).set_index("quantity")
    crystal = str(transition_rows.loc["tc_onset", "crystal"])
    computed: dict[str, Computed] = {
        "H1": Computed(note=(
            f"Fig. 3d points not public; illustrated only (GL curves through points generated from this value). "
            f"Open: {h90.nominal_value:g} T is {factor:.0f} times the highest field applied ({h_max:g} T, Methods) "
            f"and {pauli_ratio(h90.nominal_value, tc_on):.2f} times the BCS Pauli limit "
            f"{PAULI_TESLA_PER_KELVIN:.2f} T/K x Tc "
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
                method="nickelate_utils.physics.upper_critical_field.fit_hc2", from_source_data=True,
                note=f"GL (1-t^2)/(1+t^2) fit, Tc free, to the authors' {len(pts)} points of the {crit} % criterion.")
    for cid, crit, src in (("H4", 90, "H1"), ("H5", 50, "H2"), ("H6", 10, "H3")):
        xi = coherence_length_nm(hc2[crit])
        whh_xi = coherence_length_nm(implied_slope_and_whh("gl", hc2[crit].nominal_value, tc_on)[1])
        computed[cid] = Computed(
            value=float(xi.nominal_value), uncertainty=float(xi.std_dev),
            inputs=(f"claim:{src}", "const:Phi0 = h/2e (CODATA, scipy.constants)"),
            method="nickelate_utils.physics.upper_critical_field.coherence_length_nm",
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
        inputs=("claim:H1",) + tc_inputs, method="nickelate_utils.physics.upper_critical_field.implied_slope_and_whh")
    computed["H9"] = Computed(
        note=(f"BCS Pauli limit {PAULI_TESLA_PER_KELVIN:.2f} T/K x Tc: {hp_on:.0f} T at Tc onset ({tc_on:g} K), "
              f"{hp_zero:.0f} T at Tc zero ({tc_zero:g} K); {h90.nominal_value:g} T exceeds it by a factor "
              f"{pauli_ratio(h90.nominal_value, tc_on):.2f}-"
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
        method="nickelate_utils.physics.upper_critical_field.pauli_ratio")
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
        method="nickelate_utils.physics.upper_critical_field.criteria_consistently_ordered",
        note="Paired by listing order, the highest criterion has the largest Hc2(0) and the shortest xi, "
             "the only physically consistent pairing.")
    computed["H25"] = same_as("transport", "R40", data_dir, f"Same crystal ({crystal}) and pressure in both legends.")
    computed["H27"] = same_as("transport", "R40", data_dir, "Main text and Fig. 3c legend give the same pressure.")
    return build_claims(CHAPTER, PACKAGE, computed, data_dir)

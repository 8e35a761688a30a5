"""Chapter 5: Meissner effect and superconducting volume fraction (Fig. 3e, Extended Data Figs 6
and 9, Methods 'Calculation of superconducting volume fraction') of La2SmNi2O7.

Reference: Li, F. et al., Nature (2025), doi:10.1038/s41586-025-09954-4.

The physics of demagnetization (effective and magnetometric factors, chi_m <-> chi_int, the two
fraction definitions) lives in :mod:`nickelate_utils.physics.demagnetization`; this module holds the unit
conversions of Eq. 1, the chapter's comparisons (all N estimates, sensitivity to the thickness and
to the compressed volume), the labelled reconstruction of Fig. 3e and the claims.

Conventions: SI dimensionless volume susceptibilities, ``chi_si = 4 pi chi_cgs``; the paper's
``chi_0-SI`` is the apparent susceptibility chi_m = M / H_a with M = m / V.

Authors' source data (optional)
-------------------------------
If the measured Fig. 3e curves are placed at ``data/source/susceptibility/fig3e.csv`` (see
README, "The authors' source data"), :func:`load_source_curves` reads them and the chapter plots
them instead of the reconstruction. Columns: ``mode`` (``ZFC`` or ``FC``), ``t_kelvin``,
``chi_si`` (apparent SI volume susceptibility chi_0 of Eq. 1, as plotted in Fig. 3e). From them
the claims recompute the diamagnetic onset (M7, :func:`diamagnetic_onset_kelvin`) and the Eq. 3
chain (M2, M3: chi(40 K) - chi(60 K) of each mode, :func:`chi_difference`, corrected with the
printed N), marked ``from_source_data``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from nickelate_utils.claims import Claim, Computed, Reading, build_claims, printed_ufloat, same_as
from nickelate_utils.data import load_table
from nickelate_utils.physics import demagnetization as dm
from nickelate_utils.physics import susceptibility
from nickelate_utils.physics._checks import positive
from nickelate_utils.physics.susceptibility import rescale_chi_for_thickness
from nickelate_utils.source_data import load_source

CHAPTER = "5. Meissner effect and superconducting volume fraction"
PACKAGE = "meissner"

RECONSTRUCTION_EXPONENT = 4.0
"""Shape exponent of the reconstructed chi(T) below Tc, ``1 - (T/Tc)^4`` (the two-fluid
temperature dependence of the superfluid density). A modelling choice, not a published number."""

THICKNESS_SPREAD_UM = 5.0
"""Assumed uncertainty of the crystal thickness (the Methods call the dimensions 'approximate'
and give no error); used only for the sensitivity study. Not a published number."""

KT_SOURCE = "Korolev & Talantsev, arXiv:2602.23240 (moment ratio; definition from their arXiv:2602.19282)"
LI_SOURCE = "Li et al., Methods, Eqs 2-3 (|chi_int| with N = 0.849)"


def compressed_volume_ratio(p_gpa: float, k0_gpa: float | None = None, k0_prime: float | None = None) -> float:
    """V/V0 of La2SmNi2O7 at ``p_gpa`` from chapter 6's third-order Birch-Murnaghan equation of state
    (:func:`nickelate_utils.physics.equation_of_state.birch_murnaghan_volume_angstrom3`; K0 and K0' default to
    its labelled assumptions ``ASSUMED_K0_GPA`` and ``ASSUMED_K0_PRIME``, not measurements)."""
    from nickelate_utils.physics import equation_of_state

    k0 = equation_of_state.ASSUMED_K0_GPA if k0_gpa is None else float(k0_gpa)
    kp = equation_of_state.ASSUMED_K0_PRIME if k0_prime is None else float(k0_prime)
    return equation_of_state.birch_murnaghan_volume_angstrom3(float(p_gpa), 1.0, k0, kp)


DEMAG_METHODS: tuple[str, ...] = (
    "Eq. 2 of the paper",
    "χ = −1 cylinder (boundary elements)",
    "χ = 0 magnetometric (closed form)",
    "thin-disk leading term",
    "square plate, equal area (PK Eq. 22)",
)
"""Labels of the N estimates compared in the chapter, in order. The second is the one that
belongs to the Meissner moment of a cylinder."""

EFFECTIVE = DEMAG_METHODS[1]


def demag_estimates(thickness_um: float, diameter_um: float, coefficient: float) -> dict[str, float]:
    """Every N estimate for a crystal of thickness h and diameter d, keyed by :data:`DEMAG_METHODS`;
    ``coefficient`` is the c of Eq. 2 (the paper's, ``meissner/sample#demag_coefficient``).

    The square plate has the same area as the disk (side s = d sqrt(pi)/2, same volume, so the same
    chi_0); the thin-disk term is NaN where it leaves [0, 1)."""
    gamma = dm.aspect_ratio(thickness_um, diameter_um)
    side = float(diameter_um) * math.sqrt(math.pi) / 2.0
    thin = dm.thin_disk_leading(gamma) if gamma < 4.0 / (3.0 * math.pi) else float("nan")
    values = (
        dm.eq2_cylinder(gamma, coefficient),
        dm.effective_demag_cylinder(gamma),
        dm.magnetometric_cylinder(gamma),
        thin,
        dm.prozorov_kogan_cuboid(float(thickness_um), side, side),
    )
    return dict(zip(DEMAG_METHODS, values, strict=True))


def fraction_table(
    chi_raw_si: dict[str, float],
    diameter_um: float,
    nominal_thickness_um: float,
    thicknesses_um: list[float] | np.ndarray,
    coefficient: float,
) -> pd.DataFrame:
    """f and f' for each mode (ZFC, FC), each N estimate and each assumed thickness, at fixed
    measured moment (chi_0 rescaled by h_nominal / h,
    :func:`~nickelate_utils.physics.susceptibility.rescale_chi_for_thickness`; N recomputed for h/d).
    Columns: mode, method, thickness_um, n_demag, chi_raw_si, f, f_prime."""
    rows = []
    for thickness in thicknesses_um:
        estimates = demag_estimates(float(thickness), diameter_um, coefficient)
        for mode, chi_nominal in chi_raw_si.items():
            chi = rescale_chi_for_thickness(chi_nominal, float(thickness), nominal_thickness_um)
            for method, n_demag in estimates.items():
                if not math.isfinite(n_demag):
                    continue
                rows.append(
                    {
                        "mode": mode,
                        "method": method,
                        "thickness_um": float(thickness),
                        "n_demag": n_demag,
                        "chi_raw_si": chi,
                        "f": susceptibility.meissner_fraction(chi, n_demag),
                        "f_prime": susceptibility.internal_fraction(chi, n_demag),
                    }
                )
    return pd.DataFrame(rows)


def reconstruct_chi_t(
    t_kelvin: np.ndarray,
    tc_kelvin: float,
    chi_at_ref_si: float,
    t_ref_kelvin: float,
    background_si: float = 0.0,
    exponent: float = RECONSTRUCTION_EXPONENT,
) -> np.ndarray:
    """Reconstructed chi(T): background + chi_ref * g(T) / g(T_ref), g = 1 - (T/Tc)^exponent
    below Tc and 0 above, so that the curve starts at Tc and passes through chi_ref at T_ref.

    An illustration only (the measured curves are not public): the shape g(T) is a modelling
    choice; Tc, T_ref and chi_ref are the published numbers (Li et al., main text and Methods).
    """
    tc_kelvin = positive("tc_kelvin", tc_kelvin)
    t_ref_kelvin = positive("t_ref_kelvin", t_ref_kelvin)
    exponent = positive("exponent", exponent)
    if t_ref_kelvin >= tc_kelvin:
        raise ValueError(f"t_ref_kelvin = {t_ref_kelvin} must be below tc_kelvin = {tc_kelvin}")
    t = np.asarray(t_kelvin, dtype=float)
    if np.any(t < 0):
        raise ValueError("temperatures must be non-negative")
    g = np.clip(1.0 - (t / tc_kelvin) ** exponent, 0.0, None)
    g_ref = 1.0 - (t_ref_kelvin / tc_kelvin) ** exponent
    return background_si + float(chi_at_ref_si) * g / g_ref


SOURCE_FILE = "susceptibility/fig3e.csv"
"""Path of the authors' Fig. 3e curves below ``data/source/`` (optional)."""

SOURCE_COLUMNS: tuple[str, ...] = ("mode", "t_kelvin", "chi_si")


def load_source_curves(data_dir: str | Path | None = None) -> pd.DataFrame | None:
    """The authors' Fig. 3e chi(T) curves from ``<data_dir>/source/susceptibility/fig3e.csv``,
    or None if the file does not exist (layout: see the module docstring and
    ``nickelate_utils/schemas/source_data.json``), sorted by mode and temperature.

    Read and validated by :func:`nickelate_utils.source_data.load_source`: a DataError (ValueError)
    names the file, the line and the column of the first problem. ``attrs['provenance']`` is
    kept, so the frame can be passed to the provenance box.
    """
    return load_source(SOURCE_FILE, data_dir, sort_by=("mode", "t_kelvin"))


def chi_difference(curves: pd.DataFrame, mode: str, t_kelvin: float, t_ref_kelvin: float) -> float:
    """chi(T) - chi(T_ref) of one mode of a measured curve, by linear interpolation: the
    background-subtracted value the Methods use ('difference in magnetic moment measured at
    40 K and 60 K'). ValueError if the mode is absent or a temperature is outside the data."""
    sub = curves[curves["mode"] == mode]
    if sub.empty:
        raise ValueError(f"no {mode} curve in the source data")
    t = sub["t_kelvin"].to_numpy(dtype=float)
    chi = sub["chi_si"].to_numpy(dtype=float)
    for value in (t_kelvin, t_ref_kelvin):
        if not (t.min() <= value <= t.max()):
            raise ValueError(f"T = {value} K is outside the {mode} data ({t.min():g}-{t.max():g} K)")
    return float(np.interp(t_kelvin, t, chi) - np.interp(t_ref_kelvin, t, chi))


DIAMAGNETIC_ONSET_FRACTION: float = 0.05
"""Fraction of the full diamagnetic drop that defines the onset (our convention: the paper
states no criterion for its 60 K)."""


def diamagnetic_onset_kelvin(
    curves: pd.DataFrame, mode: str = "ZFC", fraction: float = DIAMAGNETIC_ONSET_FRACTION
) -> tuple[float, float]:
    """Onset temperature of the diamagnetic signal of one measured chi(T) curve, and its
    uncertainty (half the temperature step at the crossing), in kelvin.

    The normal-state level chi_n is chi at the highest measured temperature and the depth
    D = chi_n - min chi; the onset is the highest temperature at which chi(T) crosses
    chi_n - ``fraction`` x D, by linear interpolation between the two bracketing points.
    The paper states no onset criterion; this threshold and its fraction are our convention
    (:data:`DIAMAGNETIC_ONSET_FRACTION`), a reading that depends on the noise of the normal state
    only through chi_n. Hand-written (a threshold crossing in numpy; no library provides this
    criterion). ValueError if the mode is absent,
    has fewer than three points or shows no diamagnetic drop.
    """
    if not 0.0 < fraction < 1.0:
        raise ValueError(f"fraction must lie in (0, 1), got {fraction}")
    sub = curves[curves["mode"] == mode].sort_values("t_kelvin")
    if len(sub) < 3:
        raise ValueError(f"need at least three {mode} points, got {len(sub)}")
    t = sub["t_kelvin"].to_numpy(dtype=float)
    chi = sub["chi_si"].to_numpy(dtype=float)
    depth = chi[-1] - chi.min()
    if depth <= 0:
        raise ValueError(f"the {mode} curve shows no diamagnetic drop below its highest-temperature value")
    level = chi[-1] - fraction * depth
    below = np.flatnonzero(chi <= level)
    i = int(below.max())
    if i == len(t) - 1:  # unreachable: chi[-1] > level
        raise ValueError("no crossing")
    t0, t1, c0, c1 = t[i], t[i + 1], chi[i], chi[i + 1]
    onset = t0 + (level - c0) * (t1 - t0) / (c1 - c0)
    return float(onset), float((t1 - t0) / 2)


def fits_in_chamber(diameter_um: float, chamber_diameter_um: float) -> bool:
    """True if a crystal of this diameter fits the gasket hole (d < chamber diameter)."""
    return positive("diameter_um", diameter_um) < positive("chamber_diameter_um", chamber_diameter_um)


def is_volume_fraction(value: float) -> bool:
    """True if ``value`` can be a volume fraction (0 <= value <= 1)."""
    return 0.0 <= float(value) <= 1.0


def linear_tc_at_pressure(p_gpa: float, p1_gpa: float, tc1_kelvin: float, p2_gpa: float, tc2_kelvin: float) -> float:
    """Tc at ``p_gpa`` by linear interpolation between two published (p, Tc) points: an assumption
    (Tc(p) is not known to be linear), used only to size the 60 K vs 73 K question."""
    if p1_gpa == p2_gpa:
        raise ValueError("the two pressures must differ")
    return tc1_kelvin + (tc2_kelvin - tc1_kelvin) * (p_gpa - p1_gpa) / (p2_gpa - p1_gpa)


def chapter_inputs(data_dir: str | Path | None = None) -> dict[str, float]:
    """The chapter's published inputs by name (data/meissner/sample.csv and susceptibility.csv)."""
    sample = load_table(PACKAGE, "sample", data_dir).set_index("parameter")["value"].astype(float)
    chi = load_table(PACKAGE, "susceptibility", data_dir).set_index("mode")["chi_raw_si"].astype(float)
    out = {str(k): float(v) for k, v in sample.items()}
    out["chi0_zfc"], out["chi0_fc"] = float(chi["ZFC"]), float(chi["FC"])
    return out


def effective_n_with_error(thickness_um: float, diameter_um: float) -> tuple[float, float]:
    """chi = -1 N of the cylinder at the default resolution and its numerical error, estimated as
    ``|N(resolution) - N(2 x resolution)|``."""
    gamma = dm.aspect_ratio(thickness_um, diameter_um)
    coarse = dm.effective_demag_cylinder(gamma)
    fine = dm.effective_demag_cylinder(gamma, 2 * dm.DEFAULT_RESOLUTION)
    return coarse, abs(fine - coarse)


def tc_zero_crystal6(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Published (p, Tc onset, Tc zero) of La2SmNi2O7 crystal #6 with zero resistance (data/transport)."""
    tc = load_table("transport", "tc_pressure", data_dir)
    sel = tc[(tc["compound"] == "La2SmNi2O7") & (tc["crystal"] == "#6") & tc["tc_zero_kelvin"].notna()]
    return sel[["p_gpa", "tc_onset_kelvin", "tc_zero_kelvin"]].sort_values("p_gpa").reset_index(drop=True)


def claims(data_dir: str | Path | None = None) -> list[Claim]:
    """Chapter 5 register entries (data/meissner/claims.csv) with the book's values and evidence."""
    from uncertainties import ufloat, wrap

    x = chapter_inputs(data_dir)
    pv = load_table(PACKAGE, "claims", data_dir).set_index("claim_id")["paper_value"]
    h, d = x["thickness_um"], x["diameter_um"]
    h_u, d_u = printed_ufloat(f"{h:g}"), printed_ufloat(f"{d:g}")
    coeff = x["demag_coefficient"]  # c of Eq. 2, read once from meissner/sample.csv
    c_u = printed_ufloat(f"{coeff:g}")
    geo = ("meissner/sample#thickness_um.value", "meissner/sample#diameter_um.value")
    n_eq2 = wrap(lambda hh, dd, cc: dm.eq2_cylinder(hh / dd, cc))(h_u, d_u, c_u)
    n_eff_num, n_err = effective_n_with_error(h, d)
    gamma_u = h_u / d_u  # rounding of the printed h and d; dN/dgamma by a central difference (+-1 %)
    slope = (
        dm.effective_demag_cylinder(1.01 * gamma_u.nominal_value)
        - dm.effective_demag_cylinder(0.99 * gamma_u.nominal_value)
    ) / (0.02 * gamma_u.nominal_value)
    n_eff_u = ufloat(n_eff_num, math.hypot(slope * gamma_u.std_dev, n_err))
    n_m = dm.magnetometric_cylinder(h / d)
    h_for_paper = dm.gamma_for_effective_demag(float(pv["M1"])) * d
    chi0 = {m: printed_ufloat(str(pv[cid])) for m, cid in (("ZFC", "M29"), ("FC", "M30"))}
    n_paper = printed_ufloat(str(pv["M1"]))
    chi_in = {m: f"meissner/susceptibility#{m}.chi_raw_si" for m in ("ZFC", "FC")}

    def pct(v: float) -> float:
        return 100.0 * float(v)

    fr = {
        m: {
            "fp_paper": pct(susceptibility.internal_fraction(x[f"chi0_{m.lower()}"], n_paper.nominal_value)),
            "fp_eff": pct(susceptibility.internal_fraction(x[f"chi0_{m.lower()}"], n_eff_num)),
            "f_eff": pct(susceptibility.meissner_fraction(x[f"chi0_{m.lower()}"], n_eff_num)),
            "f_paper": pct(susceptibility.meissner_fraction(x[f"chi0_{m.lower()}"], n_paper.nominal_value)),
        }
        for m in ("ZFC", "FC")
    }
    this_book = "this book: chi = -1 cylinder N (demagnetization.effective_demag_cylinder)"

    def readings(mode: str) -> tuple[Reading, ...]:
        r = fr[mode]
        return (
            Reading(f"{mode} |chi_int| with N = {n_paper.nominal_value:.3f} (Eq. 2)", r["fp_paper"], LI_SOURCE, "%"),
            Reading(f"{mode} |chi_int| with N = {n_eff_num:.3f} (chi = -1)", r["fp_eff"], this_book, "%"),
            Reading(f"{mode} moment ratio |chi_0|(1 - N), N = {n_eff_num:.3f} (chi = -1)", r["f_eff"], KT_SOURCE, "%"),
            Reading(f"{mode} moment ratio with N = {n_paper.nominal_value:.3f} (Eq. 2)", r["f_paper"], KT_SOURCE, "%"),
        )

    frac_method = "nickelate_utils.physics.susceptibility.meissner_fraction"
    frac_inputs = (chi_in["ZFC"], *geo)
    tc6 = tc_zero_crystal6(data_dir)
    lo = tc6[tc6["p_gpa"] <= x["p_gpa"]].iloc[-1]
    hi = tc6[tc6["p_gpa"] >= x["p_gpa"]].iloc[0]
    tz = linear_tc_at_pressure(x["p_gpa"], lo["p_gpa"], lo["tc_zero_kelvin"], hi["p_gpa"], hi["tc_zero_kelvin"])
    v_ratio = compressed_volume_ratio(x["p_gpa"])
    computed = {
        "M1": Computed(
            value=n_eq2.nominal_value,
            uncertainty=n_eq2.std_dev,
            inputs=(*geo, "meissner/sample#demag_coefficient.value"),
            method="nickelate_utils.physics.demagnetization.eq2_cylinder",
            note=f"1/(1 + {coeff:g} h/d) with the printed h, d and coefficient (their rounding propagated): "
            f"the paper's formula reproduces its number. It is not the chi = -1 factor of this cylinder "
            f"({n_eff_num:.3f}, M10).",
        ),
        "M10": Computed(
            value=n_eff_u.nominal_value,
            uncertainty=n_eff_u.std_dev,
            inputs=geo,
            method="nickelate_utils.physics.demagnetization.effective_demag_cylinder",
            note=f"The chi = -1 (Meissner-state) N of a cylinder with h/d = {h / d:.4f} is {n_eff_num:.3f} "
            f"(numerical error "
            f"{n_err:.0e}); Eq. 2 gives {pv['M1']}. Readings that fit {pv['M1']}: Eq. 2 is an approximate formula "
            f"(its coefficient {coeff:g} matches h ~ d, not h/d ~ {h / d:.1f}); a chi = -1 cylinder "
            f"{h_for_paper:.1f} um thick "
            f"(the dimensions are 'approximate'); the chi = 0 magnetometric factor is {n_m:.3f}, further away. "
            f"The thickness printed twice as {pv['M24']} um (M24, M26) favours the first reading.",
        ),
        "M2": Computed(
            value=(v := susceptibility.internal_susceptibility(chi0["ZFC"], n_paper)).nominal_value,
            uncertainty=v.std_dev,
            inputs=(chi_in["ZFC"], "claim:M1"),
            method="nickelate_utils.physics.susceptibility.internal_susceptibility",
            note="chi_0/(1 - N chi_0) with the printed chi_0 and N: Eq. 3 as printed (consistent).",
        ),
        "M3": Computed(
            value=(w := susceptibility.internal_susceptibility(chi0["FC"], n_paper)).nominal_value,
            uncertainty=w.std_dev,
            inputs=(chi_in["FC"], "claim:M1"),
            method="nickelate_utils.physics.susceptibility.internal_susceptibility",
            note="chi_0/(1 - N chi_0) with the printed chi_0 and N: Eq. 3 as printed (consistent).",
        ),
        "M4": Computed(
            readings=readings("ZFC"),
            inputs=frac_inputs,
            method=frac_method,
            note=f"The paper's {pv['M4']} % is |chi_int| (recomputed: {fr['ZFC']['fp_paper']:.1f} %). "
            "The ZFC moment over the "
            f"full Meissner moment of the same cylinder is {fr['ZFC']['f_eff']:.1f} % (chi = -1 N), the definition of "
            "the comment arXiv:2602.23240; which number is 'the' volume fraction of a partly shielding crystal is the "
            "disputed point.",
        ),
        "M5": Computed(
            readings=readings("FC"),
            inputs=(chi_in["FC"], *geo),
            method=frac_method,
            note=f"|chi_int| = {fr['FC']['fp_paper']:.1f} % (paper's N); "
            f"moment ratio {fr['FC']['f_eff']:.1f} % (chi = -1 N). "
            "FC measures flux expulsion, reduced by pinning: a lower bound on the Meissner response, not a volume.",
        ),
        "M6": Computed(
            readings=readings("ZFC"),
            inputs=frac_inputs,
            method=frac_method,
            note=f"|chi_int| = {fr['ZFC']['fp_paper']:.0f}-{fr['ZFC']['fp_eff']:.0f} % exceeds {pv['M6']} %; "
            "the moment "
            f"ratio, {fr['ZFC']['f_paper']:.0f}-{fr['ZFC']['f_eff']:.0f} % for the Eq. 2 and chi = -1 N, does not.",
        ),
        "M41": Computed(
            readings=(readings("ZFC")[0], readings("ZFC")[2], readings("FC")[2]),
            inputs=frac_inputs + (chi_in["FC"],),
            method=frac_method,
            note=f"ZFC shielding of a thin plate in a perpendicular field screens the interior even when only its "
            f"surface layer superconducts; the FC expulsion is {fr['FC']['f_eff']:.0f} % of the full Meissner moment. "
            "Bulk superconductivity needs FC expulsion, specific heat or field-dependent shielding "
            "of the same crystal.",
        ),
        "M11": same_as(PACKAGE, "M7", data_dir, "Abstract and main text give the same diamagnetic Tc."),
        "M12": same_as(PACKAGE, "M14", data_dir, "Abstract and Fig. 3e legend give the same pressure."),
        "M15": same_as(PACKAGE, "M13", data_dir, "Legend and main text give the same field."),
        "M18": same_as(PACKAGE, "M14", data_dir, "Main text and legend give the same pressure."),
        "M19": same_as(PACKAGE, "M7", data_dir, "Conclusion and main text give the same diamagnetic Tc."),
        "M25": same_as(PACKAGE, "M23", data_dir, "Both Methods sections give the same diameter."),
        "M26": same_as(PACKAGE, "M24", data_dir, "Both Methods sections give the same thickness."),
        "M22": Computed(
            agrees=fits_in_chamber(d, x["chamber_diameter_um"]),
            inputs=("meissner/sample#diameter_um.value", "meissner/sample#chamber_diameter_um.value"),
            method="nickelate_utils.chapters.meissner.fits_in_chamber",
            note=f"d/chamber = {d / x['chamber_diameter_um']:.2f} at loading; the text does not say whether the "
            "dimensions were measured before or after compression.",
        ),
        "M31": Computed(
            agrees=is_volume_fraction(x["chi0_zfc"]) and is_volume_fraction(x["chi0_fc"]),
            inputs=(chi_in["ZFC"], chi_in["FC"]),
            method="nickelate_utils.chapters.meissner.is_volume_fraction",
            note=f"{pv['M29']} and {pv['M30']} are negative (and |{pv['M29']}| > 1): they are the apparent "
            "susceptibilities chi_0 of Eq. 1, not fractions. A wording point only; Eq. 3 uses them as "
            "susceptibilities.",
        ),
        "M35": Computed(
            inputs=("meissner/sample#p_gpa.value",),
            method="nickelate_utils.chapters.meissner.compressed_volume_ratio",
            note=f"With chapter 6's assumed equation of state V/V0 = {v_ratio:.3f} at {x['p_gpa']:g} GPa: "
            "if Eq. 1 used "
            f"the ambient volume, chi_0 and the moment ratio are {1 / v_ratio:.2f} times larger in magnitude.",
        ),
        "M40": Computed(
            inputs=("meissner/sample#tc_kelvin.value", "meissner/sample#p_gpa.value"),
            method="nickelate_utils.chapters.meissner.linear_tc_at_pressure",
            note=f"Zero resistance of crystal #6 interpolated linearly to {x['p_gpa']:g} GPa: {tz:.0f} K (between "
            f"{lo['tc_zero_kelvin']:g} K at {lo['p_gpa']:g} GPa and "
            f"{hi['tc_zero_kelvin']:g} K at {hi['p_gpa']:g} GPa), "
            f"{tz - x['tc_kelvin']:.0f} K above the diamagnetic onset. Readings: another crystal (#11) with lower Tc; "
            "filamentary zero-resistance paths above the bulk onset; an onset hidden by the cell background; "
            f"the {x['field_oe']:g} Oe field (small). The Methods take {x['t_reference_kelvin']:g} K as the "
            "normal-state reference.",
        ),
    }
    computed.update(_source_claims(data_dir, x, n_paper))
    return build_claims(CHAPTER, PACKAGE, computed, data_dir)


def _source_claims(data_dir: str | Path | None, x: dict[str, float], n_paper: Any) -> dict[str, Computed]:  # noqa: ANN401
    """M7 (diamagnetic onset) and M2, M3 (Eq. 3 from chi(40 K) - chi(60 K)) recomputed from the
    authors' Fig. 3e curves, when ``<data_dir>/source/susceptibility/fig3e.csv`` exists."""
    curves = load_source_curves(data_dir)
    if curves is None:
        return {}
    ref = (f"source:{SOURCE_FILE}",)
    t_m, t_r = x["t_measure_kelvin"], x["t_reference_kelvin"]
    onset, onset_err = diamagnetic_onset_kelvin(curves, "ZFC")
    out = {
        "M7": Computed(
            value=onset, uncertainty=onset_err, inputs=ref,
            method="nickelate_utils.chapters.meissner.diamagnetic_onset_kelvin", from_source_data=True,
            note=f"Highest temperature at which the measured ZFC chi(T) falls {100 * DIAMAGNETIC_ONSET_FRACTION:g} % "
            "of its full drop below the highest-temperature value (our onset criterion; the paper states none); "
            "uncertainty: half the temperature step.",
        ),
    }
    for cid, mode in (("M2", "ZFC"), ("M3", "FC")):
        chi0 = chi_difference(curves, mode, t_m, t_r)
        v = susceptibility.internal_susceptibility(chi0, n_paper)
        out[cid] = Computed(
            value=float(v.nominal_value), uncertainty=float(v.std_dev),
            inputs=(*ref, "claim:M1", "meissner/sample#t_measure_kelvin.value",
                    "meissner/sample#t_reference_kelvin.value"),
            method="nickelate_utils.chapters.meissner.chi_difference", from_source_data=True,
            note=f"Measured {mode} chi({t_m:g} K) - chi({t_r:g} K) = {chi0:.4f} (the Methods' moment difference; "
            f"printed {x[f'chi0_{mode.lower()}']:g}), then Eq. 3 chi_0/(1 - N chi_0) with the printed N.",
        )
    return out

"""Chapter 2: ambient in-plane distortion Delta, a_average and the route to higher Tc
(Fig. 1k, 1l, 5a and 5b of Li et al.).

Reference: Li, F. et al., Nature (2025), doi:10.1038/s41586-025-09954-4. The distortion
Delta = (a - b)/(a + b) and a_average = (a^2 + b^2)^(1/2)/2 are those of the paper (Fig. 1k, 1l,
5a legends) and are computed by :mod:`nickelate_utils.crystal`; uncertainties are propagated
with ``uncertainties``; straight lines are fitted with ``scipy.stats.linregress``.

This paper's own lattice parameters (La3Ni2O7, La2SmNi2O7) are read from
``data/growth/cell_parameters.csv``; literature values from ``data/distortion/``.

Source-data layout (Fig. 1l, 1k)
--------------------------------
The lattice parameters of the other compositions (Supplementary Figs 2-3 of the paper) are not
public. If a table ``<data_dir>/source/lattice_parameters.csv`` exists, :func:`load_source_lattice`
reads it and the chapter draws the full Delta dome from it. Its layout (CSV, UTF-8, one row per
composition of Extended Data Table 2, header required, extra columns ignored):

==================  ======================================================================
column              meaning
==================  ======================================================================
``composition``     formula as printed, e.g. ``La0.87Nd2.13Ni2O7`` (unique)
``rare_earth``      substituting element: La (for x = 0), Pr, Nd, Sm, Eu, Gd, Tb, Dy, Ho, Er
``x``               R content x in La(3-x)R(x)Ni2O7, 0 <= x <= 3
``a_angstrom``      longer in-plane axis (about 5.4 A), angstrom
``a_err_angstrom``  its standard uncertainty (>= 0)
``b_angstrom``      shorter in-plane axis, angstrom
``b_err_angstrom``  its standard uncertainty (>= 0)
==================  ======================================================================
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from pymatgen.core import Composition
from scipy import stats
from uncertainties import ufloat
from uncertainties.core import AffineScalarFunc

from nickelate_utils.claims import Claim, Computed, build_claims
from nickelate_utils.crystal import average_inplane_constant, inplane_distortion
from nickelate_utils.data import check_rows, load_table, read_source_csv
from nickelate_utils.growth import shannon_radius_angstrom
from nickelate_utils.paths import source_dir

CHAPTER = "2. In-plane distortion and the route to higher Tc"
PACKAGE = "distortion"

RARE_EARTHS: tuple[str, ...] = ("La", "Pr", "Nd", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er")
"""The A-site ions of Extended Data Table 2, in order of decreasing R3+ radius."""

SOURCE_FILE = "lattice_parameters.csv"
SOURCE_COLUMNS: tuple[str, ...] = (
    "composition", "rare_earth", "x", "a_angstrom", "a_err_angstrom", "b_angstrom", "b_err_angstrom",
)

MAX_AXIS_RATIO = 1.1
"""Largest a/b accepted as 'two in-plane axes'; a larger ratio means a c axis was passed."""

Number = float | AffineScalarFunc


def _nominal(value: Number) -> float:
    return float(getattr(value, "nominal_value", value))


def distortion_any_setting(a_angstrom: Number, b_angstrom: Number) -> Number:
    """Delta = (a_long - a_short)/(a_long + a_short) >= 0 for the two in-plane axes given in any
    order (Amam cells often list the shorter axis first; the paper's P2_1/m cells the longer).

    Reference: Li et al. 2025, Fig. 1l/5a legend, Delta = (a - b)/(a + b); computed by
    :func:`nickelate_utils.crystal.inplane_distortion`.
    """
    a, b = _nominal(a_angstrom), _nominal(b_angstrom)
    if not (a > 0 and b > 0):
        raise ValueError(f"a and b must be positive, got a={a}, b={b}")
    if max(a, b) / min(a, b) > MAX_AXIS_RATIO:
        raise ValueError(
            f"a={a} and b={b} differ by more than {100 * (MAX_AXIS_RATIO - 1):.0f} %: pass the two "
            "in-plane axes of the same cell, not the stacking axis"
        )
    if a >= b:
        return inplane_distortion(a_angstrom, b_angstrom)
    return inplane_distortion(b_angstrom, a_angstrom)


def primitive_inplane_constant(a_angstrom: Number, b_angstrom: Number, setting: str) -> Number:
    """In-plane constant per NiO2 square-lattice unit (about 3.8 A), to compare cells of any setting.

    ``setting='sqrt2'``: a, b of the sqrt2 x sqrt2 cell (Amam, Fmmm, P2_1/m): returns the paper's
    a_average = (a^2 + b^2)^(1/2)/2 (Li et al. 2025, Fig. 1k). ``setting='primitive'``: a, b of
    the tetragonal I4/mmm cell or a film's in-plane constants: returns (a^2 + b^2)^(1/2)/sqrt2,
    which equals a_t when a = b = a_t.
    """
    if setting == "sqrt2":
        return average_inplane_constant(a_angstrom, b_angstrom)
    if setting == "primitive":
        return average_inplane_constant(a_angstrom, b_angstrom) * np.sqrt(2.0)
    raise ValueError(f"setting must be 'sqrt2' or 'primitive', got {setting!r}")


def excess_percent(a_angstrom: Number, reference_angstrom: Number) -> Number:
    """How much larger a is than a reference, in percent: 100 (a/a_ref - 1)."""
    if not (_nominal(a_angstrom) > 0 and _nominal(reference_angstrom) > 0):
        raise ValueError("lattice constants must be positive")
    return 100.0 * (a_angstrom / reference_angstrom - 1.0)


def threshold_angstrom(reference_angstrom: float, excess_pct: float) -> float:
    """Smallest constant that exceeds ``reference_angstrom`` by ``excess_pct`` percent:
    a_ref (1 + excess/100) (the inverse of :func:`excess_percent`)."""
    if not reference_angstrom > 0:
        raise ValueError(f"reference constant must be positive, got {reference_angstrom}")
    if not excess_pct > -100:
        raise ValueError(f"excess must be larger than -100 %, got {excess_pct}")
    return reference_angstrom * (1.0 + excess_pct / 100.0)


def _u(value: float, err: float) -> Number:
    """UFloat with a standard error, or a plain float when the error is zero."""
    return float(value) if err == 0 else ufloat(float(value), float(err))


@dataclass(frozen=True)
class Slope:
    """Straight line Tc = intercept + slope * Delta through n points (dof = n - 2); slope and
    intercept are UFloat, or float when no uncertainty applies."""

    slope: Number
    intercept: Number
    n: int
    dof: int
    method: str


def tc_delta_slope(delta: Sequence[Number], tc_kelvin: Sequence[float]) -> Slope:
    """dTc/dDelta in K per unit Delta.

    n = 2: the line through both points, with the uncertainties of Delta propagated
    (``uncertainties``); it has no degree of freedom, so it cannot test linearity.
    n >= 3: ordinary least squares (``scipy.stats.linregress``) on the nominal values,
    with its standard errors (Delta uncertainties ignored).
    """
    if len(delta) != len(tc_kelvin):
        raise ValueError(f"need as many Delta as Tc values, got {len(delta)} and {len(tc_kelvin)}")
    if len(delta) < 2:
        raise ValueError("need at least two (Delta, Tc) points for a slope")
    nominal = np.array([_nominal(d) for d in delta])
    if np.unique(nominal).size < 2:
        raise ValueError("all Delta values are equal: the slope is undefined")
    tc = np.asarray(tc_kelvin, dtype=float)
    if len(delta) == 2:
        d0, d1 = delta
        slope = (float(tc[1]) - float(tc[0])) / (d1 - d0)
        intercept = float(tc[0]) - slope * d0
        return Slope(slope=slope, intercept=intercept, n=2, dof=0, method="two points (exact)")
    fit = stats.linregress(nominal, tc)
    return Slope(
        slope=_u(fit.slope, fit.stderr),
        intercept=_u(fit.intercept, fit.intercept_stderr),
        n=int(tc.size),
        dof=int(tc.size - 2),
        method="least squares (scipy.stats.linregress)",
    )


def public_cells(cells_published: pd.DataFrame) -> pd.DataFrame:
    """This paper's two public cells (Extended Data Table 1) with Delta and a_average (UFloat).

    Columns: compound, rare_earth, x (nominal formula), delta, a_average_angstrom.
    """
    rows = []
    for r in cells_published.itertuples(index=False):
        a = _u(r.a_angstrom, r.a_err_angstrom)
        b = _u(r.b_angstrom, r.b_err_angstrom)
        comp = Composition(r.formula_nominal)
        others = [el.symbol for el in comp if el.symbol not in ("La", "Ni", "O")]
        rare = others[0] if others else "La"
        rows.append(
            {
                "compound": r.compound,
                "rare_earth": rare,
                "x": float(comp[rare]) if others else 0.0,
                "delta": distortion_any_setting(a, b),
                "a_average_angstrom": primitive_inplane_constant(a, b, "sqrt2"),
            }
        )
    return pd.DataFrame(rows)


def compositions(flux: pd.DataFrame) -> pd.DataFrame:
    """The 16 compositions of Extended Data Table 2 (La3Ni2O7 and the 15 EDS rows a-o).

    Columns: composition, rare_earth, x, radius_angstrom (CN IX, Shannon 1976), public. The
    La2SmNi2O7 crystal of Extended Data Table 1 is identified with row h (La:Sm = 2:1 flux,
    x = 0.97), as in chapter 1; it and La3Ni2O7 are the two with public lattice parameters.
    """
    rows = [{"composition": "La3Ni2O7", "rare_earth": "La", "x": 0.0, "row_id": "", "public": True}]
    for r in flux.itertuples(index=False):
        rows.append(
            {
                "composition": f"La{r.la_eds:g}{r.rare_earth}{r.r_eds:g}Ni2O7",
                "rare_earth": r.rare_earth,
                "x": float(r.r_eds),
                "row_id": r.row_id,
                "public": r.row_id == "h",
            }
        )
    out = pd.DataFrame(rows)
    out["radius_angstrom"] = [shannon_radius_angstrom(el) for el in out["rare_earth"]]
    return out


def load_source_lattice(data_dir: str | Path | None = None) -> pd.DataFrame | None:
    """The authors' lattice parameters from ``<data_dir>/source/lattice_parameters.csv``, or
    None if that file does not exist (layout: see the module docstring).

    Raises ValueError naming the file, the line and the column of the first problem.
    """
    path = source_dir(data_dir) / SOURCE_FILE
    if not path.is_file():
        return None
    shown = f"source/{SOURCE_FILE}"
    frame = read_source_csv(path, shown, SOURCE_COLUMNS, numeric=SOURCE_COLUMNS[2:])
    check_rows(
        shown,
        (
            ("rare_earth", ~frame["rare_earth"].isin(RARE_EARTHS), f"not one of {', '.join(RARE_EARTHS)}"),
            ("x", (frame["x"] < 0) | (frame["x"] > 3), "x must lie in [0, 3]"),
            ("a_angstrom", frame["a_angstrom"] <= 0, "must be positive"),
            ("b_angstrom", frame["b_angstrom"] <= 0, "must be positive"),
            ("a_err_angstrom", frame["a_err_angstrom"] < 0, "must be >= 0"),
            ("b_err_angstrom", frame["b_err_angstrom"] < 0, "must be >= 0"),
            ("composition", frame["composition"].duplicated(), "duplicate composition"),
        ),
    )
    return frame.reset_index(drop=True)


def source_distortion_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Delta and a_average (UFloat) for every row of a source lattice table, ordered by rare
    earth (decreasing radius) and x; adds the CN IX radius of R."""
    out = frame.copy()
    axes = [
        (_u(a, da), _u(b, db))
        for a, da, b, db in zip(
            frame["a_angstrom"], frame["a_err_angstrom"], frame["b_angstrom"], frame["b_err_angstrom"],
            strict=True,
        )
    ]
    out["delta"] = [distortion_any_setting(a, b) for a, b in axes]
    out["a_average_angstrom"] = [primitive_inplane_constant(a, b, "sqrt2") for a, b in axes]
    out["radius_angstrom"] = [shannon_radius_angstrom(el) for el in out["rare_earth"]]
    out["order"] = out["rare_earth"].map({el: i for i, el in enumerate(RARE_EARTHS)})
    return out.sort_values(["order", "x"]).drop(columns="order").reset_index(drop=True)


def delta_ranking(table: pd.DataFrame) -> list[str]:
    """Compositions sorted by decreasing Delta (nominal values)."""
    if "delta" not in table.columns or table.empty:
        raise ValueError("need a non-empty table with a 'delta' column")
    nominal = table["delta"].map(_nominal)
    return list(table.loc[nominal.sort_values(ascending=False).index, "composition"])


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
    la3_deltas: dict[str, Number], la3_tcs: dict[str, float], delta_top: Number, tc_top: float
) -> pd.DataFrame:
    """Two-point slopes dTc/dDelta for every choice of the La3Ni2O7 reference (its Delta source
    x its Tc source) against one fixed point (Delta_top, Tc_top)."""
    rows = []
    for dname, d in la3_deltas.items():
        for tname, t in la3_tcs.items():
            fit = tc_delta_slope([d, delta_top], [t, tc_top])
            rows.append({"la3_delta_from": dname, "la3_tc_from": tname, "delta_la3": d,
                         "tc_la3_kelvin": t, "slope_kelvin": fit.slope})
    return pd.DataFrame(rows)


def claims(data_dir: str | Path | None = None) -> list[Claim]:
    """Chapter 2 claims, recomputed from the published and literature tables."""
    cells = public_cells(load_table("growth", "cell_parameters", data_dir)).set_index("compound")
    sc = sc_state_constants(load_table(PACKAGE, "sc_state_lattice", data_dir))
    tc = load_table(PACKAGE, "tc_records", data_dir)
    d_la3 = cells.loc["La3Ni2O7", "delta"]
    d_sm = cells.loc["La2SmNi2O7", "delta"]
    ratio = d_sm / d_la3
    lit_la3 = tc[(tc["fig5a_compound"] == "La3Ni2O7")]
    tc_sm = tc.set_index("record_id").loc["li2025_la2sm"]
    onset_up = bool((lit_la3["tc_onset_kelvin"] < tc_sm["tc_onset_kelvin"]).all())
    smallest = min(cells["a_average_angstrom"], key=_nominal)
    ref = sc.loc[sc["a_primitive_angstrom"].idxmax()]
    excess = excess_percent(smallest, float(ref["a_primitive_angstrom"]))
    lit = nickelate_records(tc)
    top_lit = lit.loc[lit["tc_onset_kelvin"].idxmax()]
    top_zero = lit.loc[lit["tc_zero_kelvin"].idxmax()]
    others = nickelate_records(tc, exclude_this_paper=False)
    others = others[others["record_id"] != "li2025_la157sm143"]
    top_other = others.loc[others["tc_onset_kelvin"].idxmax()]
    cup = tc[tc["family"] == "cuprate"].set_index("record_id")
    tc_96 = float(tc.set_index("record_id").loc["li2025_la157sm143", "tc_onset_kelvin"])
    paper = load_table(PACKAGE, "claims", data_dir).set_index("claim_id")["paper_value"]
    computed = {
        "D1": Computed(
            agrees=_nominal(d_sm) > _nominal(d_la3),
            note=f"Delta = {d_la3:.2uS} (La3Ni2O7) and {d_sm:.2uS} (La2SmNi2O7) from Extended Data "
            f"Table 1; ratio {ratio:.2uS}.",
        ),
        "D3": Computed(
            agrees=onset_up,
            note="Only two compounds have a public Delta: any two points are monotonic, so this "
            "tests the sign only. La3Ni2O7 Tc,max onset "
            + ", ".join(
                f"{t:g} K (ref. {r})"
                for t, r in zip(lit_la3["tc_onset_kelvin"], lit_la3["ref_in_paper"], strict=True)
            )
            + f" < {tc_sm['tc_onset_kelvin']:g} K (La2SmNi2O7).",
        ),
        "D7": Computed(
            value=float(excess.nominal_value),
            uncertainty=float(excess.std_dev),
            agrees=float(excess.nominal_value) >= float(paper["D7"]),
            note=f"Smallest public a_average {smallest:.2uS} A vs {ref['a_primitive_angstrom']:.3f} A "
            f"({ref['system']}, status {ref['status']}). Consistency only: the paper's smallest "
            "a_average (R = Nd, x = 2.13) is not public.",
        ),
        "D8": Computed(
            value=tc_96,
            agrees=tc_96 > float(top_other["tc_onset_kelvin"]),
            note=f"Highest other nickelate onset in the compiled table: {top_other['tc_onset_kelvin']:g} K "
            f"({top_other['material']}, {top_other['record_id']}).",
        ),
        "D9": Computed(
            agrees=float(tc_sm["tc_onset_kelvin"]) > float(top_lit["tc_onset_kelvin"])
            and float(tc_sm["tc_zero_kelvin"]) > float(top_zero["tc_zero_kelvin"]),
            note=f"Literature maxima: onset {top_lit['tc_onset_kelvin']:g} K ({top_lit['record_id']}, "
            f"{top_lit['status']}), zero {top_zero['tc_zero_kelvin']:g} K ({top_zero['record_id']}, "
            f"{top_zero['status']}).",
        ),
        "D10": Computed(
            value=float(top_lit["tc_onset_kelvin"]),
            note=f"{top_lit['material']} ({top_lit['record_id']}, {top_lit['status']}).",
        ),
        "D11": Computed(
            value=float(top_zero["tc_zero_kelvin"]),
            note=f"{top_zero['material']} ({top_zero['record_id']}, {top_zero['status']}).",
        ),
        "D12": Computed(
            value=float(cup.loc["schilling1993", "tc_onset_kelvin"]),
            note=f"Literature value, status {cup.loc['schilling1993', 'status']}.",
        ),
        "D13": Computed(
            value=float(cup.loc["gao1994", "tc_onset_kelvin"]),
            note=f"Literature value, status {cup.loc['gao1994', 'status']}.",
        ),
    }
    return build_claims(CHAPTER, PACKAGE, computed, data_dir)

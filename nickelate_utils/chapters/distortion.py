"""Chapter 2: ambient in-plane distortion Delta, a_average and the route to higher Tc
(Fig. 1k, 1l, 5a and 5b of Li et al.).

Reference: Li, F. et al., Nature (2025), doi:10.1038/s41586-025-09954-4. The distortion
Delta = (a - b)/(a + b) and a_average = (a^2 + b^2)^(1/2)/2 are those of the paper (Fig. 1k, 1l,
5a legends) and are computed by :mod:`nickelate_utils.physics.lattice`; uncertainties are
propagated with ``uncertainties``; straight lines come from :mod:`nickelate_utils.physics.trends`.

This paper's own lattice parameters (La3Ni2O7, La2SmNi2O7) are read from
``data/growth/cell_parameters.csv``; literature values from ``data/distortion/``.

Source-data layout (Fig. 1l, 1k)
--------------------------------
The lattice parameters of the other compositions (Supplementary Figs 2-3 of the paper) are not
public. If a table ``<data_dir>/source/lattice_parameters.csv`` exists, :func:`load_source_lattice`
reads it, the chapter draws the full Delta dome from it, and the register entries D5 (dome, largest
Delta at La0.87Nd2.13Ni2O7 and La1.57Sm1.43Ni2O7), D6 (a_average minimum at Nd, x = 2.13) and D21
(a_average non-monotonic) are recomputed from it (``from_source_data``) instead of being not public.
Its layout (one row per composition of Extended Data Table 2: ``composition``, ``rare_earth``,
``x``, ``a_angstrom``, ``a_err_angstrom``, ``b_angstrom``, ``b_err_angstrom``; units, ranges and
meanings) is the Table Schema ``lattice_parameters`` in ``nickelate_utils/schemas/source_data.json``,
the one place every source layout is kept.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from uncertainties import ufloat
from uncertainties.core import AffineScalarFunc

from nickelate_utils.chapters.distortion_checks import (
    cited_references,
    compare_legend_cell,
    delta_ranking,
    highest_record,
    is_dome,
    is_monotonic,
    legend_cell_delta,
    literature_value,
)
from nickelate_utils.chapters.distortion_literature import nickelate_records, sc_state_constants
from nickelate_utils.claims import Claim, Computed, build_claims
from nickelate_utils.data import load_table
from nickelate_utils.physics._checks import nominal, ufloat_or_float
from nickelate_utils.physics.composition import mean_a_site_radius_angstrom, shannon_radius_angstrom
from nickelate_utils.physics.lattice import (
    distortion_any_setting,
    excess_percent,
    primitive_inplane_constant,
    stacking_axis_angstrom,
)
from nickelate_utils.source_data import load_source

CHAPTER = "2. In-plane distortion and the route to higher Tc"
PACKAGE = "distortion"

RARE_EARTHS: tuple[str, ...] = ("La", "Pr", "Nd", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er")
"""The A-site ions of Extended Data Table 2, in order of decreasing R3+ radius."""

SOURCE_FILE = "lattice_parameters.csv"
SOURCE_COLUMNS: tuple[str, ...] = (
    "composition", "rare_earth", "x", "a_angstrom", "a_err_angstrom", "b_angstrom", "b_err_angstrom",
)

ANNEALED_AXES: dict[str, str] = {"b": "a", "c": "b"}
"""Axes of the annealed crystal's Cmcm legend cell (Extended Data Fig. 4; a = stacking axis) paired
with the as-grown P2_1/m axes of Extended Data Table 1."""

SLOPE_DELTA_STEP: float = 1e-3
"""Step of Delta per which the chapter quotes Tc-Delta slopes (K per 0.001 of Delta): the
in-plane distortions compared in Fig. 5a are a few times 1e-3. A display unit, not a value
of the paper."""


Number = float | AffineScalarFunc


def control_variables(cells_published: pd.DataFrame) -> pd.DataFrame:
    """The candidate controlling variables of the public cells: Delta, the mean A-site radius
    and the c axis (Extended Data Table 1). Columns: compound, delta, mean_radius_angstrom,
    c_angstrom (UFloat where the table gives an uncertainty)."""
    cells = public_cells(cells_published).set_index("compound")
    out = []
    for r in cells_published.itertuples(index=False):
        row = cells.loc[r.compound]
        out.append({"compound": r.compound, "delta": row["delta"],
                    "mean_radius_angstrom": mean_a_site_radius_angstrom(str(row["rare_earth"]), float(row["x"])),
                    "c_angstrom": ufloat_or_float(r.c_angstrom, r.c_err_angstrom)})
    return pd.DataFrame(out)


def public_cells(cells_published: pd.DataFrame) -> pd.DataFrame:
    """This paper's two public cells (Extended Data Table 1) with Delta and a_average (UFloat).

    Columns: compound, rare_earth, x (nominal formula), delta, a_average_angstrom.
    """
    rows = []
    for r in cells_published.itertuples(index=False):
        a = ufloat_or_float(r.a_angstrom, r.a_err_angstrom)
        b = ufloat_or_float(r.b_angstrom, r.b_err_angstrom)
        from pymatgen.core import Composition

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
    None if that file does not exist (layout: see the module docstring and
    ``nickelate_utils/schemas/source_data.json``).

    Read and validated by :func:`nickelate_utils.source_data.load_source` (types, rare earth, 0 <= x <= 3,
    positive constants, non-negative errors, unique compositions): a DataError (ValueError)
    names the file, the line and the column of the first problem. ``attrs['provenance']`` is
    kept, so the frame can be passed to the provenance box. A table without rows is a DataError
    (raised by ``load_source`` for every source file).
    """
    return load_source(SOURCE_FILE, data_dir)


def source_distortion_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Delta and a_average (UFloat) for every row of a source lattice table, ordered by rare
    earth (decreasing radius) and x; adds the CN IX radius of R."""
    out = frame.copy()
    axes = [
        (ufloat_or_float(a, da), ufloat_or_float(b, db))
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


def max_substitution_rows(table: pd.DataFrame) -> pd.DataFrame:
    """One row per rare earth: the composition with the largest x (the 'maximum substitution'
    of Fig. 1k), ordered by decreasing R3+ radius (La first)."""
    if table.empty or not {"rare_earth", "x"} <= set(table.columns):
        raise ValueError("need a non-empty table with 'rare_earth' and 'x' columns")
    order = {el: i for i, el in enumerate(RARE_EARTHS)}
    best = table.loc[table.groupby("rare_earth")["x"].idxmax()]
    return best.assign(_o=best["rare_earth"].map(order)).sort_values("_o").drop(columns="_o").reset_index(drop=True)


def _ref(package_resource: str, key: str, *columns: str) -> str:
    return f"{package_resource}#{key}" + ("." + "+".join(columns) if columns else "")


def claims(data_dir: str | Path | None = None) -> list[Claim]:
    """Chapter 2 register entries: recomputed from the published and literature tables, or
    cross-checked against the literature values the paper quotes (see data/distortion/claims.csv)."""
    cells_published = load_table("growth", "cell_parameters", data_dir)
    cells = public_cells(cells_published).set_index("compound")
    table1 = cells_published.set_index("compound")
    flux = load_table("growth", "flux_growth", data_dir)
    comps = compositions(flux).set_index("row_id")
    sc_table = load_table(PACKAGE, "sc_state_lattice", data_dir)
    sc = sc_state_constants(sc_table)
    p_sun_sc = float(sc_table.set_index("source_id").loc["sun2023_29p5gpa", "p_gpa"])  # the recalled Fmmm cell
    tc = load_table(PACKAGE, "tc_records", data_dir)
    lit_values = load_table(PACKAGE, "literature_values", data_dir)
    lv_rows = lit_values.set_index("value_id")
    legend = load_table(PACKAGE, "legend_cells", data_dir).set_index("cell_id")
    d_la3, d_sm = cells.loc["La3Ni2O7", "delta"], cells.loc["La2SmNi2O7", "delta"]
    cp = "growth/cell_parameters"
    tr = "distortion/tc_records"
    lv = "distortion/literature_values"
    ab = ("a_angstrom", "b_angstrom")

    # --- records: the paper's numbers against the literature it cites ---------------------------
    lit = nickelate_records(tc)
    top_on = highest_record(lit, "tc_onset_kelvin")
    top_zero = highest_record(lit, "tc_zero_kelvin")
    rec = tc.set_index("record_id")
    tc96 = float(rec.loc["li2025_la157sm143", "tc_onset_kelvin"])
    on92, zero73 = float(rec.loc["li2025_la2sm", "tc_onset_kelvin"]), float(rec.loc["li2025_la2sm", "tc_zero_kelvin"])
    top_ref = [_ref(tr, str(top_on["record_id"]), "tc_onset_kelvin")]
    paper_text = load_table(PACKAGE, "claims", data_dir).set_index("claim_id")["paper_text"]
    compiled = {int(r) for r in lit["ref_in_paper"].dropna()}

    def coverage(cid: str) -> str:
        cited = cited_references(str(paper_text[cid]))
        missing = [r for r in cited if r not in compiled]
        return (f" The text cites {len(cited)} works for this comparison; the compiled table holds a value from "
                f"{len(cited) - len(missing)} of them (none read for refs {', '.join(map(str, missing))}).")

    record_note = (f"Highest literature nickelate onset in the compiled table: {top_on['tc_onset_kelvin']:g} K "
                   f"({top_on['material']}, ref. {top_on['ref_in_paper']}, {top_on['status']}); the margin is "
                   f"{tc96 - float(top_on['tc_onset_kelvin']):g} K. Against the literature only: that {tc96:g} K "
                   "exceeds "
                   f"this paper's own {on92:g} K is R18 of chapter 3.")

    def lit_same(value_id: str, note: str = "") -> Computed:
        value, printed = literature_value(lit_values, value_id)
        row = lit_values.set_index("value_id").loc[value_id]
        full = f"{row['work']}, {row['source_location']} (status {row['status']}, doi:{row['doi']})."
        return Computed(value=value, ours_printed=printed, inputs=(_ref(lv, value_id, "value_printed"),),
                        method="nickelate_utils.chapters.distortion_checks.literature_value",
                        note=(note + " " + full).strip())

    def ref(value_id: str) -> str:
        """The paper's reference number of a literature value."""
        return str(lv_rows.loc[value_id, "ref_in_paper"])

    def short_work(value_id: str) -> str:
        """'Surname et al., Journal vol, page (year)' from the work column ('Surname, I. et al., ...')."""
        work = str(lv_rows.loc[value_id, "work"])
        return f"{work.split(',')[0]} et al., {work.split('et al., ', 1)[1]}"

    # --- a_average against the superconducting state -----------------------------------------------
    excess_rows = []
    for compound in cells.index:
        for s in sc.itertuples():
            e = excess_percent(cells.loc[compound, "a_average_angstrom"], float(s.a_primitive_angstrom))
            excess_rows.append((compound, s.source_id, s.status, e))
    smallest_excess = min(excess_rows, key=lambda r: nominal(r[3]))
    paper = load_table(PACKAGE, "claims", data_dir).set_index("claim_id")["paper_value"]
    threshold = float(paper["D25"])  # the claim's printed bound: the comparison target, not an input

    # --- Delta of the annealed crystal (Extended Data Fig. 4 legend) ------------------------------
    d_ann = legend_cell_delta(legend.loc["edf4_la2sm"])
    diff_ann = d_ann - d_sm
    d_edf1 = legend_cell_delta(legend.loc["edf1_la3"])
    sm_row = table1.loc["La2SmNi2O7"]
    stack = stacking_axis_angstrom(ufloat_or_float(sm_row["c_angstrom"], sm_row["c_err_angstrom"]),
                                   ufloat_or_float(sm_row["beta_deg"], sm_row["beta_err_deg"]))

    # --- candidate controlling variables -----------------------------------------------------------
    ctrl = control_variables(cells_published).set_index("compound")

    def tab(compound: str, axis: str) -> str:
        """A refined axis of Extended Data Table 1 as printed there, e.g. 5.4529(3)."""
        row = table1.loc[compound]
        return f"{ufloat(float(row[f'{axis}_angstrom']), float(row[f'{axis}_err_angstrom'])):.1uS}"

    def change(col: str, fmt: str) -> str:
        lo, hi = ctrl.loc["La3Ni2O7", col], ctrl.loc["La2SmNi2O7", col]
        return f"{nominal(lo):{fmt}} -> {nominal(hi):{fmt}}"

    # --- Extended Data Fig. 1 legend cell against Extended Data Table 1 ---------------------------
    cmp1 = compare_legend_cell(legend.loc["edf1_la3"], table1.loc["La3Ni2O7"]).set_index("axis")
    edf1_note = (
        f"Table 1 gives a = {tab('La3Ni2O7', 'a')} A and b = {tab('La3Ni2O7', 'b')} A, which round to "
        f"{table1.loc['La3Ni2O7', 'a_angstrom']:.2f} and {table1.loc['La3Ni2O7', 'b_angstrom']:.2f}. "
        "Readings that fit: "
        "(i) the legend cell belongs to another as-grown crystal (the legend does not name it); then Delta of "
        f"as-grown La3Ni2O7 differs between crystals, {nominal(d_edf1):.4f} from the legend cell against "
        f"{nominal(d_la3):.4f} from Table 1; (ii) an unrefined indexing cell quoted in the legend; (iii) a typo. "
        "a is too large and b too small, so a common scale error (wavelength, calibration) does not fit; "
        "c and beta agree (D39, D40), which favours the same phase measured on another crystal or with a cruder "
        "cell. Either way the Delta of La3Ni2O7 in Fig. 5a is uncertain at this level."
    )

    def legend_axis(axis: str, note: str = "") -> Computed:
        r = cmp1.loc[axis]
        col = {"a": "a_angstrom", "b": "b_angstrom", "c": "c_angstrom", "beta": "beta_deg"}[axis]
        return Computed(value=float(r["table_value"]), uncertainty=float(r["table_err"]),
                        ours_printed=str(r["table_printed"]),
                        inputs=(_ref(cp, "La3Ni2O7", col, f"{col.split('_')[0]}_err_{col.split('_')[1]}"),),
                        method="nickelate_utils.chapters.distortion_checks.compare_legend_cell",
                        note=note or f"Extended Data Table 1 gives {r['table_printed']} with standard uncertainty "
                        f"{r['table_err']:g}; the legend's value agrees within its rounding.")

    flux_ratio = flux.set_index("row_id")["flux_la_to_r"]

    def eds(row_id: str, note: str) -> Computed:
        x = float(comps.loc[row_id, "x"])
        note = f"{note} EDS row {row_id} of Extended Data Fig. 2 ({comps.loc[row_id, 'composition']}, La:R = " \
            f"{flux_ratio[row_id]} in the flux)."
        return Computed(value=x, ours_printed=f"{x:.2f}", inputs=(_ref("growth/flux_growth", row_id, "r_eds"),),
                        method="nickelate_utils.chapters.distortion.compositions", note=note)


    cmp4 = compare_legend_cell(legend.loc["edf4_la2sm"], table1.loc["La2SmNi2O7"], ANNEALED_AXES).set_index("axis")
    sm_a, sm_b = (tuple(cmp4.loc[ax, ["table_value", "table_err", "table_printed"]]) for ax in ("b", "c"))
    computed = {
        "D1": Computed(
            agrees=nominal(d_sm) > nominal(d_la3),
            inputs=(_ref(cp, "La3Ni2O7", *ab), _ref(cp, "La2SmNi2O7", *ab)),
            method="nickelate_utils.chapters.distortion.public_cells",
            note=f"Delta = {d_la3:.2uS} (La3Ni2O7) and {d_sm:.2uS} (La2SmNi2O7) from the refined cells of "
            f"Extended Data Table 1; ratio {d_sm / d_la3:.2uS}. Both are as-grown crystals (see D31).",
        ),
        "D8": Computed(
            agrees=tc96 > float(top_on["tc_onset_kelvin"]),
            inputs=(_ref(tr, "li2025_la157sm143", "tc_onset_kelvin"), *top_ref),
            method="nickelate_utils.chapters.distortion_checks.highest_record", note=record_note + coverage("D8"),
        ),
        "D9": Computed(
            agrees=on92 > float(top_on["tc_onset_kelvin"]) and zero73 > float(top_zero["tc_zero_kelvin"]),
            inputs=(_ref(tr, "li2025_la2sm", "tc_onset_kelvin", "tc_zero_kelvin"), *top_ref,
                    _ref(tr, str(top_zero["record_id"]), "tc_zero_kelvin")),
            method="nickelate_utils.chapters.distortion_checks.highest_record",
            note=f"Literature maxima in the compiled table: onset {top_on['tc_onset_kelvin']:g} K "
            f"({top_on['material']}, ref. {top_on['ref_in_paper']}, {top_on['status']}), zero "
            f"{top_zero['tc_zero_kelvin']:g} K ({top_zero['material']}, ref. {top_zero['ref_in_paper']}, "
            f"{top_zero['status']}). The zero-resistance Tc of La3Ni2O7 (refs 2, 30, 36) was not found."
            + coverage("D9"),
        ),
        "D11": lit_same("wang2024_zero", f"La2PrNi2O7 (ref. {ref('wang2024_zero')}); it is also the highest "
                        "zero-resistance Tc of the "
                        f"compiled literature rows ({top_zero['tc_zero_kelvin']:g} K)."),
        "D12": lit_same("schilling1993_tc", f"Single-phase Hg-1223 was later reported at "
                        f"{lv_rows.loc['chu1993_tc', 'value_printed']} K ({short_work('chu1993_tc')}, "
                        f"{lv_rows.loc['chu1993_tc', 'status']}), so '~{paper['D12']} K' is the multiphase value of "
                        f"ref. {ref('schilling1993_tc')}."),
        "D13": lit_same("gao1994_tc"),
        "D14": lit_same("sun2023_tc", f"Ref. {ref('sun2023_tc')} (refs 2, 3 give no single number in what we read)."),
        "D15": lit_same("sun2023_pmin", f"Ref. {ref('sun2023_pmin')}: maximum Tc of "
                        f"{literature_value(lit_values, 'sun2023_tc')[1]} K between "
                        f"{literature_value(lit_values, 'sun2023_pmin')[1]} and "
                        f"{rec.loc['sun2023', 'p_max_gpa']:.1f} GPa."),
        "D16": lit_same("sun2023_tc", f"Ref. {ref('sun2023_tc')}."),
        "D17": Computed(
            agrees=float(top_on["tc_onset_kelvin"]) > literature_value(lit_values, "sun2023_ln2")[0],
            inputs=(*top_ref, _ref(tr, "sun2023", "tc_onset_kelvin"), _ref(lv, "sun2023_ln2", "value_printed")),
            method="nickelate_utils.chapters.distortion_checks.highest_record",
            note=f"La3Ni2O7: {rec.loc['sun2023', 'tc_onset_kelvin']:g} K (ref. {rec.loc['sun2023', 'ref_in_paper']}) "
            f"and {top_on['tc_onset_kelvin']:g} K "
            f"(ref. {top_on['ref_in_paper']}) against the {literature_value(lit_values, 'sun2023_ln2')[1]} K that "
            f"ref. {ref('sun2023_ln2')}'s abstract gives for liquid nitrogen.",
        ),
        "D18": lit_same("ren2008_tc", f"Ref. {ref('ren2008_tc')}: onset of the resistive transition (Meissner "
                        f"transition {lv_rows.loc['ren2008_meissner', 'value_printed']} K)."),
        "D20": eds("g", "The a_average minimum is named by the x of"),
        "D25": Computed(
            agrees=all(nominal(r[3]) - 2 * getattr(r[3], "std_dev", 0.0) >= threshold for r in excess_rows),
            inputs=(_ref(cp, "La3Ni2O7", *ab), _ref(cp, "La2SmNi2O7", *ab),
                    *(_ref("distortion/sc_state_lattice", s, *ab) for s in sc["source_id"])),
            method="nickelate_utils.physics.lattice.excess_percent",
            note="Not settled by verified inputs: the superconducting-state cells found are one secondary film "
            f"constant and one unverified {p_sun_sc:g} GPa cell (recalled, not read in ref. "
            f"{sc_table.set_index('source_id').loc['sun2023_29p5gpa', 'ref_in_paper']}). With them the statement "
            "holds: " + "; ".join(
                f"{c} over {s} ({st}): {e:.2uS} %" for c, s, st, e in excess_rows)
            + f". Smallest: {smallest_excess[3]:.2uS} %. Rests on a secondary film constant and an unverified "
            f"{p_sun_sc:g} GPa cell. Bulk La3Ni2O7 superconducts from about {rec.loc['sun2023', 'p_min_gpa']:.0f} GPa "
            f"on, where its in-plane constant is larger than at {p_sun_sc:g} GPa (no cell found), so the margin "
            f"depends on which pressure the paper compared with. The paper's own minimum "
            f"({comps.loc['g', 'composition']}) is D7.",
        ),
        "D31": Computed(
            note=f"The annealed crystal's Cmcm cell (b ~ {legend.loc['edf4_la2sm', 'b_printed']}, c ~ "
            f"{legend.loc['edf4_la2sm', 'c_printed']} A; Extended Data Fig. 4 legend) gives "
            f"Delta = {d_ann:.2uS} (rounding of the legend's last digit as uncertainty), against {d_sm:.2uS} for the "
            f"as-grown crystal: a difference of {diff_ann:.2uS}, i.e. annealing may raise Delta by up to about "
            f"{100 * (nominal(diff_ann) + 2 * diff_ann.std_dev) / nominal(d_sm):.0f} % or leave it unchanged. "
            "The annealed Delta of La3Ni2O7 and La2PrNi2O7 (other groups' crystals) is not known at all.",
        ),
        "D36": Computed(
            note=f"La3Ni2O7 -> La2SmNi2O7: Delta {change('delta', '.5f')}, mean A-site radius (CN IX) "
            f"{change('mean_radius_angstrom', '.4f')} A, c {change('c_angstrom', '.4f')} A (Extended Data Table 1); "
            "each moves monotonically with Tc,max onset, so two public points cannot single out Delta.",
        ),
        "D37": legend_axis("a", edf1_note),
        "D38": legend_axis("b", edf1_note),
        "D39": legend_axis("c"),
        "D40": legend_axis("beta"),
        "D43": Computed(
            agrees=tc96 > float(top_on["tc_onset_kelvin"]),
            inputs=(_ref(tr, "li2025_la157sm143", "tc_onset_kelvin"), *top_ref),
            method="nickelate_utils.chapters.distortion_checks.highest_record",
            note=record_note + " Reports after the paper's submission are not compiled.",
        ),
        "D44": eds("i", "The 96 K compound is the composition of"),
        "D45": eds("g", "The largest-Delta composition is that of"),
        "D32": Computed(
            value=nominal(stack), uncertainty=float(stack.std_dev),
            inputs=(_ref(cp, "La2SmNi2O7", "c_angstrom", "c_err_angstrom", "beta_deg", "beta_err_deg"),),
            method="nickelate_utils.physics.lattice.stacking_axis_angstrom",
            note=f"2 c sin(beta) of the as-grown cell = {stack:.2uS} A: the legend's Cmcm a is the stacking period of "
            "the same structure (annealed crystal against as-grown crystal).",
        ),
        "D33": Computed(
            value=float(sm_a[0]), uncertainty=float(sm_a[1]), ours_printed=str(sm_a[2]),
            inputs=(_ref(cp, "La2SmNi2O7", "a_angstrom", "a_err_angstrom"),),
            method="nickelate_utils.chapters.distortion_checks.compare_legend_cell",
            note=f"The annealed crystal's long in-plane axis (~{legend.loc['edf4_la2sm', 'b_printed']} A) exceeds the "
            f"as-grown a = {tab('La2SmNi2O7', 'a')} A by more "
            "than the legend's rounding. Readings that fit: (i) annealing (oxygen uptake, delta -> 0) expands the long "
            "axis, so the annealed crystals of Fig. 5a have a larger Delta than the as-grown cell used there; "
            "(ii) a calibration difference between the two diffractometers (the Methods name a Mo K-alpha "
            "laboratory source for Extended Data Table 1 and synchrotron data for annealed crystals); (iii) the "
            "legend's '~' marks a cruder value (e.g. an unrefined indexing cell) than its two decimals suggest. "
            "The short axis agrees (D34), which favours (i) or (iii) over a "
            f"common scale error. Consequence: see D31 (Delta annealed {d_ann:.2uS} against {d_sm:.2uS}).",
        ),
        "D34": Computed(
            value=float(sm_b[0]), uncertainty=float(sm_b[1]), ours_printed=str(sm_b[2]),
            inputs=(_ref(cp, "La2SmNi2O7", "b_angstrom", "b_err_angstrom"),),
            method="nickelate_utils.chapters.distortion_checks.compare_legend_cell",
            note=f"Annealed short in-plane axis against the as-grown b = {tab('La2SmNi2O7', 'b')} A: equal within the "
            "legend's rounding.",
        ),
    }
    computed.update(_source_claims(data_dir))
    return build_claims(CHAPTER, PACKAGE, computed, data_dir)


def _source_claims(data_dir: str | Path | None) -> dict[str, Computed]:
    """D5, D6, D21 recomputed from the authors' lattice parameters, when
    ``<data_dir>/source/lattice_parameters.csv`` exists (otherwise they stay not public)."""
    source = load_source_lattice(data_dir)
    if source is None:
        return {}
    full = source_distortion_table(source)
    best = max_substitution_rows(full)
    ref = (f"source:{SOURCE_FILE}",)
    ranking = delta_ranking(full)
    smallest = best.loc[best["a_average_angstrom"].map(nominal).idxmin()]

    def listing(col: str, fmt: str, unit: str = "") -> str:
        return ", ".join(f"{r}: {nominal(v):{fmt}}{unit}" for r, v in zip(best["rare_earth"], best[col], strict=True))

    return {
        "D5": Computed(
            agrees=is_dome(best["delta"]) and ranking[:2] == ["La0.87Nd2.13Ni2O7", "La1.57Sm1.43Ni2O7"],
            inputs=ref, method="nickelate_utils.chapters.distortion_checks.is_dome", from_source_data=True,
            note=f"Maximum-substitution Delta by R: {listing('delta', '.5f')}; "
            f"largest Delta overall: {', '.join(ranking[:2])}.",
        ),
        "D6": Computed(
            agrees=str(smallest["rare_earth"]) == "Nd" and f"{float(smallest['x']):.2f}" == "2.13",
            inputs=ref, method="nickelate_utils.chapters.distortion.max_substitution_rows", from_source_data=True,
            note=f"Smallest a_average at maximum substitution: {smallest['composition']} "
            f"({nominal(smallest['a_average_angstrom']):.4f} A).",
        ),
        "D21": Computed(
            agrees=not is_monotonic(best["a_average_angstrom"]),
            inputs=ref, method="nickelate_utils.chapters.distortion_checks.is_monotonic", from_source_data=True,
            note="a_average at maximum substitution, in order of decreasing R3+ radius: "
            + listing("a_average_angstrom", ".4f", " A") + ".",
        ),
    }

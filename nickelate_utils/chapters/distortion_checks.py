"""Small functions that chapter 2's claims register names as methods: Delta from printed axes,
legend cells against refined cells, the highest Tc record, cited references, literature values,
rankings and the shape (dome, monotonic) of a sequence.

Part of chapter 2 (:mod:`nickelate_utils.chapters.distortion`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from uncertainties.core import AffineScalarFunc

from nickelate_utils.physics._checks import nominal
from nickelate_utils.physics.lattice import distortion_any_setting

Number = float | AffineScalarFunc


def delta_from_printed(long_printed: str, short_printed: str) -> Number:
    """Delta = (a_long - a_short)/(a_long + a_short) from two axes as printed ('~5.46'), each
    carrying the rounding of its last digit as standard uncertainty
    (:func:`nickelate_utils.claims.printed_ufloat`), propagated with ``uncertainties``."""
    from nickelate_utils.claims import printed_ufloat

    return distortion_any_setting(printed_ufloat(long_printed.lstrip("~ ")), printed_ufloat(short_printed.lstrip("~ ")))


def legend_cell_delta(row: pd.Series) -> Number:
    """Delta of a row of ``legend_cells`` from its two in-plane axes (column ``inplane_axes``,
    e.g. ``b+c`` for the Cmcm setting whose a is the stacking axis)."""
    first, second = str(row["inplane_axes"]).split("+")
    return delta_from_printed(str(row[f"{first}_printed"]), str(row[f"{second}_printed"]))


def compare_legend_cell(legend: pd.Series, table_cell: pd.Series,
                        axis_map: dict[str, str] | None = None) -> pd.DataFrame:
    """An approximate legend cell (printed '~5.45') against a refined cell with standard
    uncertainties (columns ``a_angstrom``, ``a_err_angstrom``, ..., ``beta_deg``, ``beta_err_deg``).

    ``axis_map`` pairs legend axes with table axes when the settings differ, e.g.
    ``{"b": "a", "c": "b"}`` for a Cmcm legend cell (stacking axis a) against a P2_1/m cell; by
    default a, b, c and beta are compared with the same axes.

    For each axis: the difference and the register's tolerance rule
    (:func:`nickelate_utils.claims.rule_tolerance`: ½ unit in the legend's last digit + ½ unit in
    the table's last digit + 2 × the table's standard uncertainty). Columns: axis, table_axis,
    legend_printed, table_value, table_err, table_printed, difference, tolerance, agrees.
    """
    from nickelate_utils.claims import printed_decimals, rule_tolerance

    columns = {"a": ("a_angstrom", "a_err_angstrom"), "b": ("b_angstrom", "b_err_angstrom"),
               "c": ("c_angstrom", "c_err_angstrom"), "beta": ("beta_deg", "beta_err_deg")}
    pairs = axis_map if axis_map is not None else {k: k for k in columns}
    unknown = sorted(set(pairs) - set(columns) | set(pairs.values()) - set(columns))
    if unknown:
        raise ValueError(f"unknown axes {unknown}: use a, b, c, beta")
    rows = []
    for axis, table_axis in pairs.items():
        col, err_col = columns[table_axis]
        printed = legend.get(f"{axis}_printed")
        if printed is None or pd.isna(printed) or str(printed) == "":
            continue
        value, err = float(table_cell[col]), float(table_cell[err_col])
        decimals = max(printed_decimals(f"{err:g}"), 0)
        table_printed = f"{value:.{decimals}f}"
        tol = rule_tolerance(str(printed), err, table_printed)
        diff = float(str(printed)) - value
        rows.append({"axis": axis, "table_axis": table_axis, "legend_printed": str(printed),
                     "table_value": value, "table_err": err,
                     "table_printed": table_printed, "difference": diff, "tolerance": tol,
                     "agrees": abs(diff) <= tol})
    return pd.DataFrame(rows)


def highest_record(records: pd.DataFrame, column: str = "tc_onset_kelvin",
                   exclude: Sequence[str] = ()) -> pd.Series:
    """The row of ``tc_records`` with the largest value in ``column`` (rows with no value and
    the record ids in ``exclude`` are skipped)."""
    if column not in records.columns:
        raise ValueError(f"no column {column!r} in the records table")
    rows = records[~records["record_id"].isin(list(exclude))].dropna(subset=[column])
    if rows.empty:
        raise ValueError(f"no record has a value in {column!r}")
    return rows.loc[rows[column].astype(float).idxmax()]


def cited_references(text: str) -> list[int]:
    """Reference numbers of a citation list as printed after 'refs', with ranges expanded:
    ``"... (refs 1,2,8-10,12)"`` -> [1, 2, 8, 9, 10, 12]. Hand-written (a few lines of parsing)."""
    import re

    match = re.search(r"refs?\.?\s*([0-9][0-9,\s\-–]*)", text)
    if match is None:
        raise ValueError(f"no reference list ('refs ...') in {text!r}")
    out: set[int] = set()
    for part in re.split(r"\s*,\s*", match.group(1).strip().rstrip(",")):
        if not part:
            continue
        lo, _, hi = part.replace("–", "-").partition("-")
        first, last = int(lo), int(hi) if hi else int(lo)
        if last < first:
            raise ValueError(f"reversed range {part!r}")
        out.update(range(first, last + 1))
    return sorted(out)


def literature_value(values: pd.DataFrame, value_id: str) -> tuple[float, str]:
    """A number of ``literature_values`` as (float, printed string)."""
    rows = values[values["value_id"] == value_id]
    if rows.empty:
        raise ValueError(f"no literature value {value_id!r}")
    printed = str(rows.iloc[0]["value_printed"])
    return float(printed), printed


def delta_ranking(table: pd.DataFrame) -> list[str]:
    """Compositions sorted by decreasing Delta (nominal values)."""
    if "delta" not in table.columns or table.empty:
        raise ValueError("need a non-empty table with a 'delta' column")
    delta_nominal = table["delta"].map(nominal)
    return list(table.loc[delta_nominal.sort_values(ascending=False).index, "composition"])


def is_dome(values: Sequence[Number]) -> bool:
    """True if a sequence rises to an interior maximum and falls after it (unimodal, maximum at
    neither end): the 'dome shape' of Fig. 1l, tested on nominal values."""
    v = [nominal(x) for x in values]
    if len(v) < 3:
        raise ValueError(f"a dome needs at least three points, got {len(v)}")
    top = int(np.argmax(v))
    if top in (0, len(v) - 1):
        return False
    rising = all(b >= a for a, b in zip(v[:top], v[1:top + 1], strict=True))
    falling = all(b <= a for a, b in zip(v[top:-1], v[top + 1:], strict=True))
    return rising and falling


def is_monotonic(values: Sequence[Number]) -> bool:
    """True if a sequence never changes direction (nominal values)."""
    d = np.diff([nominal(x) for x in values])
    return bool(np.all(d >= 0) or np.all(d <= 0))

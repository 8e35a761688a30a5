"""Small functions that chapter 3's claims register names as methods: trends of Tc with
pressure, media and annealing stated for each crystal, oxygen content from a printed delta, and
differences of printed numbers (with the rounding of their last digit, ``claims.printed_ufloat``).

Part of chapter 3 (:mod:`nickelate_utils.chapters.transport`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from nickelate_utils.claims import printed_ufloat
from nickelate_utils.data import DataError


def onset_zero_span_kelvin(tc_onset_printed: str, tc_zero_printed: str):  # type: ignore[no-untyped-def]
    """Tc_onset - Tc_zero (K) of two printed values, with their rounding (``printed_ufloat``)."""
    return printed_ufloat(tc_onset_printed) - printed_ufloat(tc_zero_printed)


def tc_difference_kelvin(higher_printed: str, lower_printed: str):  # type: ignore[no-untyped-def]
    """Difference of two printed temperatures (K), with their rounding."""
    return printed_ufloat(higher_printed) - printed_ufloat(lower_printed)


def pressure_trend(p_gpa: Sequence[float], tc_kelvin: Sequence[float]) -> str:
    """'increasing' (strictly), 'non-decreasing' (with flat steps) or 'not monotonic' for Tc
    ordered by pressure. ValueError for unequal lengths or fewer than 2 points."""
    p, tc = np.asarray(p_gpa, float), np.asarray(tc_kelvin, float)
    if p.shape != tc.shape or p.size < 2:
        raise ValueError("need at least 2 (pressure, Tc) pairs of equal length")
    steps = np.diff(tc[np.argsort(p)])
    if np.all(steps > 0):
        return "increasing"
    if np.all(steps >= 0):
        return "non-decreasing"
    return "not monotonic"


def highest_pressure_gpa(printed_pressures: Iterable[str]) -> str:
    """The highest of printed pressures, as printed. ValueError if none is given."""
    values = list(printed_pressures)
    if not values:
        raise ValueError("no pressures given")
    return max(values, key=lambda s: float(s))


def within_range(value_printed: str, low_printed: str, high_printed: str) -> bool:
    """low <= value <= high for three printed numbers."""
    return float(low_printed) <= float(value_printed) <= float(high_printed)


def pressure_media(tc_table: pd.DataFrame, compound: str, crystal: str | None = None) -> set[str]:
    """Pressure-transmitting media stated for a compound (optionally one crystal) in ``tc_pressure``."""
    rows = tc_table[tc_table["compound"] == compound]
    if crystal is not None:
        rows = rows[rows["crystal"] == crystal]
    return set(rows["medium"])


def annealing_conditions(tc_table: pd.DataFrame, compound: str, crystals: Iterable[str]) -> dict[str, str]:
    """Annealing stated by the legends for each crystal (one label per crystal).
    DataError if a crystal is missing or has two different labels."""
    out: dict[str, str] = {}
    for crystal in crystals:
        labels = set(tc_table.loc[(tc_table["compound"] == compound) & (tc_table["crystal"] == crystal), "annealing"])
        if len(labels) != 1:
            raise DataError(f"tc_pressure.csv: crystal {crystal} of {compound} has annealing {sorted(labels)}")
        out[crystal] = labels.pop()
    return out


def crystals_with_tc_zero(tc_table: pd.DataFrame, compound: str) -> set[str]:
    """Crystals of a compound with a stated Tc_zero value."""
    rows = tc_table[(tc_table["compound"] == compound) & tc_table["tc_zero_kelvin"].notna()]
    return set(rows["crystal"])


def oxygen_content(delta_printed: str):  # type: ignore[no-untyped-def]
    """Oxygen content 7 - delta of La2SmNi2O7-delta from a printed delta such as ``0.00(2)``."""
    return 7 - printed_ufloat(delta_printed)

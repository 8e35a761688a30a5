"""Deterministic HTML tables for notebooks (stable ids, so nbval can compare stored outputs)."""

from __future__ import annotations

import pandas as pd
from pandas.io.formats.style import Styler


def table(frame: pd.DataFrame, name: str, precision: int | None = None) -> Styler:
    """A pandas Styler without index and with a fixed element id ``name`` (no random uuid)."""
    styler = frame.style.hide(axis="index").set_uuid(name)
    if precision is not None:
        styler = styler.format(precision=precision)
    return styler

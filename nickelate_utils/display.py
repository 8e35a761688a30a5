"""Deterministic HTML tables for notebooks (stable ids, so nbval can compare stored outputs)."""

from __future__ import annotations

import pandas as pd
from pandas.io.formats.style import Styler

STATUS_COLOURS: dict[str, str] = {
    "reproduced": "#d9f2d9",
    "consistent": "#dceefb",
    "discrepant": "#f9d6d5",
    "disputed": "#f3dcf5",
    "not reproducible from public data": "#e8e8e8",
    "illustrated": "#fff1c2",
    "stated": "#f4f4f4",
}
"""Background colour of each claim status in tables (same everywhere in the book)."""

_TABLE_CSS = [
    {"selector": "", "props": "display: block; overflow-x: auto; max-width: 100%; font-size: 0.82em;"},
    {"selector": "td, th", "props": "padding: 2px 6px; vertical-align: top; text-align: left;"},
]


def _status_css(value: object) -> str:
    colour = STATUS_COLOURS.get(str(value))
    return f"background-color: {colour}; font-weight: 600;" if colour else ""


def table(frame: pd.DataFrame, name: str, precision: int | None = None) -> Styler:
    """A pandas Styler without index, with a fixed element id ``name`` (no random uuid), a
    horizontal scroll bar for wide tables, and claim statuses coloured if a ``status`` column
    exists.

    Every cell and every column label is HTML-escaped (``Styler.format(escape="html")``,
    ``format_index(escape="html")``): text from a data file such as ``<img src=x onerror=...>``
    is shown as text, never inserted as markup (pandas' Styler does not escape by default).
    """
    styler = frame.style.hide(axis="index").set_uuid(name).set_table_styles(_TABLE_CSS)
    styler = styler.format(precision=precision, escape="html")
    styler = styler.format_index(escape="html", axis="columns")
    if "status" in frame.columns:
        styler = styler.map(_status_css, subset=["status"])
    return styler

"""A catalogue of every table in ``data/``: the *Data and provenance* page."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from nickelate_utils.data import load_table, package_names, read_descriptor


def catalog(data_dir: str | Path | None = None) -> pd.DataFrame:
    """One row per resource: package, file, title, rows, data classes, sha256 (validated)."""
    rows = []
    for package in package_names(data_dir):
        for res in read_descriptor(package, data_dir).get("resources", []):
            table = load_table(package, res["name"], data_dir)
            info = table.attrs["provenance"]
            rows.append(
                {
                    "package": package,
                    "file": info.path,
                    "title": info.title,
                    "rows": len(table),
                    "columns": len(table.columns),
                    "class": info.data_class,
                    "sha256 (first 16)": info.sha256[:16],
                }
            )
    return pd.DataFrame(rows)

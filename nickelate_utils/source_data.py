"""The authors' source data, when a reader places them under ``data/source/``: their documented
layouts (``schemas/source_data.json``), one loader that validates a file against its layout and
says which file, row and column is wrong, and the row checks the chapters share.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from nickelate_utils import data
from nickelate_utils.data import (
    DataError,
    TableInfo,
    _cached,
    _header,
    _key,
    _located,
    _prevalidated,
    _raise_errors,
    sha256_of,
)
from nickelate_utils.paths import data_dir as _data_dir
from nickelate_utils.paths import source_dir

SOURCE_SCHEMAS_FILE: Path = Path(__file__).with_name("schemas") / "source_data.json"
"""The Table Schemas of every source-data file layout (one place for all chapters)."""


@lru_cache(maxsize=1)
def source_schemas() -> tuple[dict[str, Any], ...]:
    """The entries of :data:`SOURCE_SCHEMAS_FILE`: name, title, chapter, pattern (regex on the
    path below ``data/source/``), optional ``one_of`` column groups, and a Table Schema."""
    entries = json.loads(SOURCE_SCHEMAS_FILE.read_text(encoding="utf-8"))["files"]
    return tuple(entries)


def source_spec(relative: str) -> dict[str, Any]:
    """The schema entry whose pattern matches ``relative`` (a path below ``data/source/``, with
    forward slashes); DataError listing the known layouts if none does."""
    for entry in source_schemas():
        if re.match(entry["pattern"], relative):
            return entry
    known = "; ".join(e["pattern"].strip("^$").replace("\\", "") for e in source_schemas())
    raise DataError(
        f"data/source/{relative}: not a known source-data file (layouts: {known}); "
        "see the README, 'Adding the authors' source data'"
    )


def source_files(data_dir: str | Path | None = None) -> list[Path]:
    """Every ``.csv`` file below ``<data_dir>/source/`` (sorted; empty if the folder is absent)."""
    folder = source_dir(data_dir)
    return sorted(p for p in folder.rglob("*.csv") if p.is_file()) if folder.is_dir() else []


def load_source(
    name: str | Path, data_dir: str | Path | None = None, sort_by: Sequence[str] = ()
) -> pd.DataFrame | None:
    """Validate and read one of the authors' source-data files; None if it does not exist.

    ``name`` is the path below ``<data_dir>/source/`` (``"hc2/fig3d.csv"``) or a path inside that
    folder (e.g. one returned by :func:`source_files`; an absolute path inside any folder named
    ``source`` is accepted too). The file's layout is looked up in
    :data:`SOURCE_SCHEMAS_FILE` by its path; its header must hold every declared column (exactly
    one of each ``one_of`` group); the rows are validated by frictionless against the Table
    Schema (types, required values, enum and range constraints, unique columns). Returns the
    declared columns that are present, in schema order and file row order, typed (number ->
    float64, integer -> int64, string -> object); undeclared columns are dropped.
    ``attrs['provenance']`` holds a :class:`TableInfo` (package ``"source"``), usable by the
    provenance box. ``sort_by``: columns to sort the rows by (stable; ``attrs`` kept).

    Raises :class:`DataError` (a ValueError) naming the file, the CSV line (header = line 1) and
    the column of the first problems. Cached by (path, sha256, schema) within the process.
    """
    frame = _read_source(name, data_dir)
    if frame is None or not sort_by:
        return frame
    out = frame.sort_values(list(sort_by), kind="stable").reset_index(drop=True)
    out.attrs = dict(frame.attrs)
    return out


def _read_source(name: str | Path, data_dir: str | Path | None) -> pd.DataFrame | None:
    root = _data_dir(data_dir)
    folder = source_dir(root)
    path = Path(name)
    if not path.is_absolute():
        path = folder / path
    if not path.is_file():
        return None
    resolved = path.resolve()
    try:
        relative = resolved.relative_to(folder.resolve()).as_posix()
    except ValueError:  # a path inside another data folder's source/ (e.g. a test fixture)
        anchor = next((parent for parent in resolved.parents if parent.name == "source"), None)
        if anchor is None:
            raise DataError(f"{path}: not inside a data/source/ folder") from None
        relative = resolved.relative_to(anchor).as_posix()
    shown = f"data/source/{relative}"
    spec = source_spec(relative)
    digest = sha256_of(path)
    key = _key(path, digest, spec)
    cached = _cached(key)
    if cached is not None:
        return cached
    header = _header(path, shown)
    declared = {f["name"]: f for f in spec["schema"]["fields"]}
    optional = {c for group in spec.get("one_of", []) for c in group}
    missing = [c for c in declared if c not in header and c not in optional]
    if missing:
        raise DataError(
            f"{shown}, line 1: missing column(s) {', '.join(repr(c) for c in missing)} "
            f"(layout '{spec['name']}' needs {', '.join(declared)})"
        )
    for group in spec.get("one_of", []):
        present = [c for c in group if c in header]
        if len(present) != 1:
            raise DataError(
                f"{shown}, line 1: needs exactly one of the columns {', '.join(group)}, found {present or 'none'}"
            )
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if duplicated:
        raise DataError(f"{shown}, line 1: duplicate column(s) {', '.join(duplicated)}")
    if not _prevalidated(key):
        from frictionless import Resource

        fields = [declared.get(h, {"name": h, "type": "any"}) for h in header]
        resource = Resource(
            {"name": spec["name"], "path": path.name, "format": "csv", "schema": {"fields": fields}},
            basepath=str(path.parent),
        )
        report = resource.validate()
        _raise_errors([_located(shown, err) for task in report.tasks for err in task.errors])
    columns = [c for c in declared if c in header]
    frame = pd.read_csv(path, usecols=columns, dtype={c: "string" for c in columns}, keep_default_na=False)
    if frame.empty:
        raise DataError(f"{shown}, line 2: no rows (a source file needs at least one row of data)")
    frame = frame[columns]
    for column in columns:
        kind = declared[column].get("type", "string")
        if kind == "number":
            frame[column] = frame[column].astype(float)
        elif kind == "integer":
            frame[column] = frame[column].astype("int64")
        else:
            frame[column] = frame[column].astype(object)
    numeric = [c for c in columns if declared[c].get("type") in ("number", "integer")]
    check_rows(shown, [(c, pd.Series(~np.isfinite(frame[c].to_numpy(dtype=float))), "not a finite number")
                       for c in numeric])
    frame.attrs["provenance"] = TableInfo(
        package="source",
        resource=spec["name"],
        path=shown,
        sha256=digest,
        title=str(spec["title"]),
        data_class="published",
    )
    frame.attrs["units"] = {c: declared[c].get("unit", "") for c in columns}
    data._TABLE_CACHE[key] = frame  # the module's cache, not a copy of the name
    return _cached(key)


def check_rows(shown: str, checks: Iterable[tuple[str, pd.Series, str]]) -> None:
    """Raise :class:`DataError` for the first (column, bad-row mask, message) with a bad row,
    naming the file, the CSV line (header = line 1) and the column."""
    for col, bad, message in checks:
        mask = bad.to_numpy(dtype=bool)
        if mask.any():
            line = int(mask.argmax()) + 2
            raise DataError(f"{shown}, line {line}, column '{col}': {message}")

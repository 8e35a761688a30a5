"""Validated loading of the project's tables.

Every table under ``data/<package>/`` is a resource of a Frictionless Data Package
(``data/<package>/datapackage.json``, https://specs.frictionlessdata.io/data-package/): fields,
types, units, constraints, licence and sources are in the descriptor, and each resource records
the sha256 of its file (``"hash": "sha256:<hex>"``).

:func:`load_table` returns a pandas DataFrame only after three checks, each failing with a
:class:`DataError` that names the file, the CSV line and the column:

1. the file exists and its sha256 equals the recorded one (a silently edited file is caught);
2. the table satisfies its Table Schema (validated by the ``frictionless`` library: missing or
   extra columns, non-numeric values, values outside their constraints, duplicate keys);
3. provenance columns are consistent (``data_class`` is one of :data:`DATA_CLASSES`, and a
   ``literature`` row has a DOI and a verification status).

Nothing here writes to disk except :func:`rehash`, which is run on purpose (``make checksums``)
after a deliberate edit, and only after every table validates.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from nickelate_utils.paths import data_dir as _data_dir

DATA_CLASSES: tuple[str, ...] = ("published", "literature", "derived", "reconstructed")
"""The four classes of every number in the book (see README, "Where the numbers come from")."""

STORED_CLASSES: tuple[str, ...] = ("published", "literature")
"""Classes that may be stored in a table; derived and reconstructed values are computed."""

LITERATURE_STATUSES: tuple[str, ...] = ("verified", "secondary", "unverified")
"""How a literature value was checked: ``verified`` against the cited source's own text,
``secondary`` seen only in another work quoting it, ``unverified`` recalled, not yet checked."""

_PANDAS_TYPES = {"number": "float64", "integer": "Int64", "string": "string", "boolean": "boolean"}


class DataError(ValueError):
    """A data file is missing, edited without updating its checksum, or violates its schema."""


@dataclass(frozen=True)
class TableInfo:
    """Where a loaded table came from; stored in ``DataFrame.attrs['provenance']``."""

    package: str
    resource: str
    path: str  # relative to the data folder, with forward slashes
    sha256: str
    title: str
    data_class: str


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def package_names(data_dir: str | Path | None = None) -> list[str]:
    """Names of the data packages (sub-folders of ``data/`` holding a ``datapackage.json``)."""
    root = _data_dir(data_dir)
    return sorted(p.parent.name for p in root.glob("*/datapackage.json"))


def read_descriptor(package: str, data_dir: str | Path | None = None) -> dict[str, Any]:
    """Return the parsed ``datapackage.json`` of ``package``; DataError if missing or not JSON."""
    root = _data_dir(data_dir)
    path = root / package / "datapackage.json"
    if not path.is_file():
        raise DataError(f"{_rel(path, root)}: data package descriptor not found")
    try:
        descriptor: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{_rel(path, root)}, line {exc.lineno}: invalid JSON ({exc.msg})") from exc
    return descriptor


def _resource(descriptor: dict[str, Any], package: str, resource: str, where: str) -> dict[str, Any]:
    for res in descriptor.get("resources", []):
        if res.get("name") == resource:
            return dict(res)
    names = ", ".join(r.get("name", "?") for r in descriptor.get("resources", []))
    raise DataError(f"{where}: no resource named '{resource}' in package '{package}' (has: {names})")


def sha256_of(path: str | Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _check_hash(res: dict[str, Any], path: Path, shown: str) -> str:
    digest = sha256_of(path)
    recorded = str(res.get("hash", ""))
    if not recorded.startswith("sha256:"):
        raise DataError(f"{shown}: the descriptor records no sha256 hash for this file")
    if recorded.removeprefix("sha256:") != digest:
        raise DataError(
            f"{shown}: checksum mismatch (recorded {recorded.removeprefix('sha256:')[:12]}..., "
            f"file has {digest[:12]}...). The file was changed after its checksum was recorded; "
            "if the edit is deliberate, run `make checksums`."
        )
    return digest


def _schema_errors(res: dict[str, Any], pkg_dir: Path, shown: str) -> list[str]:
    """Validate one resource with frictionless; return readable messages (empty if valid)."""
    from frictionless import FrictionlessException, Resource  # lazy: only loaders pay for it

    descriptor = {k: v for k, v in res.items() if k != "hash"}
    try:
        resource = Resource(descriptor, basepath=str(pkg_dir))
        report = resource.validate()
    except FrictionlessException as exc:
        return [f"{shown}: invalid resource descriptor ({exc.error.note})"]
    messages: list[str] = []
    for task in report.tasks:
        for err in task.errors:
            row = getattr(err, "row_number", None)
            field = getattr(err, "field_name", None) or getattr(err, "label", None)
            where = shown
            if row is not None:
                where += f", line {row}"
            if field:
                where += f", column '{field}'"
            messages.append(f"{where}: {err.title}: {err.note}")
    return messages


def _check_provenance(df: pd.DataFrame, shown: str) -> None:
    if "data_class" not in df.columns:
        raise DataError(f"{shown}: column 'data_class' is required in every table")
    for i, value in enumerate(df["data_class"], start=2):
        if value not in STORED_CLASSES:
            raise DataError(
                f"{shown}, line {i}, column 'data_class': '{value}' is not a stored class "
                f"({', '.join(STORED_CLASSES)}); derived and reconstructed values are computed"
            )
    lit = df["data_class"] == "literature"
    if lit.any():
        for col in ("doi", "status"):
            if col not in df.columns:
                raise DataError(f"{shown}: literature rows need a '{col}' column")
        for i, (is_lit, doi, status) in enumerate(zip(lit, df["doi"], df["status"], strict=True), start=2):
            if not is_lit:
                continue
            if pd.isna(doi) or not str(doi).startswith("10."):
                raise DataError(f"{shown}, line {i}, column 'doi': literature row needs a DOI")
            if status not in LITERATURE_STATUSES:
                raise DataError(
                    f"{shown}, line {i}, column 'status': '{status}' is not one of "
                    f"{', '.join(LITERATURE_STATUSES)}"
                )


def load_table(package: str, resource: str, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Load ``data/<package>/<resource>`` as a validated DataFrame.

    The frame's ``attrs['provenance']`` holds a :class:`TableInfo` (file, sha256, class).
    Raises :class:`DataError` naming the file, line and column of the first problems found.
    """
    root = _data_dir(data_dir)
    pkg_dir = root / package
    descriptor = read_descriptor(package, root)
    shown_pkg = _rel(pkg_dir / "datapackage.json", root)
    res = _resource(descriptor, package, resource, shown_pkg)
    path = pkg_dir / str(res.get("path", ""))
    shown = _rel(path, root)
    if not path.is_file():
        raise DataError(f"{shown}: file not found (resource '{resource}' of {shown_pkg})")
    digest = _check_hash(res, path, shown)
    errors = _schema_errors(res, pkg_dir, shown)
    if errors:
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        raise DataError("; ".join(errors[:5]) + more)
    fields = res["schema"]["fields"]
    dtypes = {f["name"]: _PANDAS_TYPES.get(f.get("type", "string"), "string") for f in fields}
    df = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])
    _check_provenance(df, shown)
    classes = sorted(set(df["data_class"]))
    df.attrs["provenance"] = TableInfo(
        package=package,
        resource=resource,
        path=shown,
        sha256=digest,
        title=str(res.get("title", resource)),
        data_class="+".join(classes),
    )
    df.attrs["units"] = {f["name"]: f.get("unit", "") for f in fields}
    return df


def validate_all(data_dir: str | Path | None = None) -> dict[str, list[str]]:
    """Load every resource of every package; return {"package/resource": []} or raise DataError."""
    out: dict[str, list[str]] = {}
    for package in package_names(data_dir):
        for res in read_descriptor(package, data_dir).get("resources", []):
            load_table(package, res["name"], data_dir)
            out[f"{package}/{res['name']}"] = []
    return out


def rehash(data_dir: str | Path | None = None, packages: Sequence[str] = ()) -> list[str]:
    """Record the current sha256 of every resource file (after a deliberate edit).

    Every table (of ``packages``, default all) is validated against its schema first; if any
    fails, DataError is raised and no descriptor is written. Returns the resources whose hash
    changed.
    """
    root = _data_dir(data_dir)
    pending: list[tuple[Path, dict[str, Any]]] = []
    changed: list[str] = []
    for package in packages or package_names(root):
        pkg_dir = root / package
        descriptor = read_descriptor(package, root)
        for res in descriptor.get("resources", []):
            path = pkg_dir / res["path"]
            shown = _rel(path, root)
            if not path.is_file():
                raise DataError(f"{shown}: file not found")
            errors = _schema_errors(res, pkg_dir, shown)
            if errors:
                raise DataError("; ".join(errors[:5]))
            new = "sha256:" + sha256_of(path)
            if res.get("hash") != new:
                res["hash"] = new
                changed.append(f"{package}/{res['name']}")
        pending.append((pkg_dir / "datapackage.json", descriptor))
    for path, descriptor in pending:
        text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
        if path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return changed


def read_source_csv(
    path: Path, shown: str, columns: Sequence[str], numeric: Sequence[str]
) -> pd.DataFrame:
    """Read one of the authors' source-data CSV files (``data/source/...``).

    Keeps ``columns`` (all required; extra columns are ignored) and converts ``numeric`` ones to
    float. Raises :class:`DataError` (a ValueError) naming ``shown`` and, for a bad value, the
    CSV line and column. Source files have no descriptor: the chapter module documents them.
    """
    frame = pd.read_csv(path)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataError(f"{shown}: missing columns {missing} (expected {list(columns)})")
    if frame.empty:
        raise DataError(f"{shown}: no rows")
    frame = frame[list(columns)].copy()
    for col in numeric:
        values = pd.to_numeric(frame[col], errors="coerce")
        check_rows(shown, [(col, values.isna(), "not a number")])
        frame[col] = values.astype(float)
    return frame


def check_rows(shown: str, checks: Iterable[tuple[str, pd.Series, str]]) -> None:
    """Raise :class:`DataError` for the first (column, bad-row mask, message) with a bad row,
    naming the file, the CSV line (header = line 1) and the column."""
    for col, bad, message in checks:
        mask = bad.to_numpy(dtype=bool)
        if mask.any():
            line = int(mask.argmax()) + 2
            raise DataError(f"{shown}, line {line}, column '{col}': {message}")


def _main() -> None:  # pragma: no cover - thin CLI used by `make checksums` / `make validate`
    import sys

    if sys.argv[1:2] == ["--rehash"]:
        changed = rehash(packages=sys.argv[2:])
        print("checksums updated: " + (", ".join(changed) if changed else "none"))
    else:
        validated = validate_all()
        print(f"{len(validated)} tables valid")


if __name__ == "__main__":  # pragma: no cover
    _main()

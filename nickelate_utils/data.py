"""Validated loading of the project's tables.

Every table under ``data/<package>/`` is a resource of a Frictionless Data Package
(``data/<package>/datapackage.json``, https://specs.frictionlessdata.io/data-package/): fields,
types, units, constraints, licence and sources are in the descriptor, and each resource records
the sha256 of its file (``"hash": "sha256:<hex>"``).

:func:`load_table` returns a pandas DataFrame only after three checks, each failing with a
:class:`DataError` that names the file, the CSV line and the column:

1. the file exists and its sha256 equals the recorded one (frictionless' own ``hash`` check,
   reported as "checksum mismatch ... run `make checksums`": a silently edited file is caught);
2. the table satisfies its Table Schema (validated by the ``frictionless`` library: missing or
   extra columns, non-numeric values, values outside their constraints, duplicate keys);
3. provenance columns are consistent (``data_class`` is one of :data:`DATA_CLASSES`, and a
   ``literature`` row has a DOI and a verification status).

The authors' source-data files under ``data/source/`` (README, "Adding the authors' source
data") have no descriptor of their own: their Table Schemas are kept in one place,
``nickelate_utils/schemas/source_data.json``, and :func:`nickelate_utils.source_data.load_source`
is the one validator and reader that every chapter calls for them.

Validation is cached within a process by (file path, sha256 of its bytes, schema): a chapter
that loads the same table twice, or ``all_claims()`` loading every package, validates each file
once. Within a book build, the keys validated by the build's first step are handed to the
notebook kernels (:data:`VALIDATED_ENV`), so a kernel re-reads but does not re-validate a file
whose bytes and schema are unchanged.

Nothing here writes to disk except :func:`rehash`, which is run on purpose (``make checksums``)
after a deliberate edit, and only after every table validates.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from nickelate_utils.paths import data_dir as _data_dir
from nickelate_utils.paths import source_dir

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


def _frictionless_errors(
    res: dict[str, Any], pkg_dir: Path, shown: str, check_hash: bool = True
) -> list[str]:
    """Validate one resource with frictionless (schema and, if ``check_hash``, its ``hash``);
    return readable messages, the checksum mismatch first (empty if valid)."""
    from frictionless import FrictionlessException, Resource  # lazy: only loaders pay for it

    descriptor = dict(res) if check_hash else {k: v for k, v in res.items() if k != "hash"}
    try:
        resource = Resource(descriptor, basepath=str(pkg_dir))
        report = resource.validate()
    except FrictionlessException as exc:
        return [f"{shown}: invalid resource descriptor ({exc.error.note})"]
    messages: list[str] = []
    for task in report.tasks:
        for err in task.errors:
            if err.type == "hash-count":
                recorded = str(res.get("hash", "")).removeprefix("sha256:")
                actual = sha256_of(pkg_dir / str(res.get("path", "")))
                messages.insert(
                    0,
                    f"{shown}: checksum mismatch (recorded {recorded[:12]}..., file has {actual[:12]}...). "
                    "The file was changed after its checksum was recorded; if the edit is deliberate, "
                    "run `make checksums`.",
                )
                continue
            messages.append(_located(shown, err))
    return messages


def _located(shown: str, err: Any) -> str:
    row = getattr(err, "row_number", None)
    field = getattr(err, "field_name", None) or getattr(err, "label", None)
    where = shown
    if row is not None:
        where += f", line {row}"
    if field:
        where += f", column '{field}'"
    return f"{where}: {err.title}: {err.note}"


def _header(path: Path, shown: str) -> list[str]:
    import csv

    with path.open(newline="", encoding="utf-8-sig") as handle:
        try:
            header = next(csv.reader(handle))
        except StopIteration:
            raise DataError(f"{shown}, line 1: empty file (no header)") from None
        except (csv.Error, UnicodeDecodeError) as exc:
            raise DataError(f"{shown}, line 1: unreadable header ({exc})") from exc
    return [h.strip() for h in header]


def _header_errors(res: dict[str, Any], path: Path, shown: str) -> list[str]:
    """Missing, unexpected or reordered columns, by name (frictionless compares headers by
    position, so one missing column would be reported as a shifted label on every later one)."""
    expected = [f["name"] for f in res.get("schema", {}).get("fields", [])]
    header = _header(path, shown)
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    messages = []
    if missing:
        messages.append(f"{shown}, line 1: missing column(s) {', '.join(repr(c) for c in missing)}")
    if extra:
        messages.append(f"{shown}, line 1: unexpected column(s) {', '.join(repr(c) for c in extra)}")
    if not messages and header != expected:
        messages.append(f"{shown}, line 1: columns out of order (expected {', '.join(expected)})")
    if messages:
        messages[-1] += " (the table's schema is in the package's datapackage.json)"
    return messages


def _schema_errors(res: dict[str, Any], pkg_dir: Path, shown: str) -> list[str]:
    """Schema errors only (no hash check): used by :func:`rehash` before recording a hash."""
    return _header_errors(res, pkg_dir / str(res.get("path", "")), shown) or _frictionless_errors(
        res, pkg_dir, shown, check_hash=False
    )


def _raise_errors(errors: list[str]) -> None:
    if errors:
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        raise DataError("; ".join(errors[:5]) + more)


_TABLE_CACHE: dict[tuple[str, str, str], pd.DataFrame] = {}
"""Validated tables of this process, keyed by (resolved path, sha256 of the file, sha256 of its
schema/descriptor JSON)."""

VALIDATED_ENV = "NICKELATE_VALIDATED"
"""Environment variable naming a JSON file of keys validated earlier in the same build (written
by ``tools/build_book.py`` after its validation step, read by the notebook kernels): a table whose
(path, file sha256, schema sha256) is listed there is not validated again, only read. Any change
to the file's bytes or to its schema changes the key, so it is validated as usual."""


def _key(path: Path, digest: str, spec: dict[str, Any]) -> tuple[str, str, str]:
    schema = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()
    return (str(path.resolve()), digest, schema)


@lru_cache(maxsize=4)
def _validated_keys(registry: str, mtime_ns: int) -> frozenset[str]:
    try:
        return frozenset(json.loads(Path(registry).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return frozenset()


def _prevalidated(key: tuple[str, str, str]) -> bool:
    import os

    registry = os.environ.get(VALIDATED_ENV)
    if not registry or not Path(registry).is_file():
        return False
    return "|".join(key) in _validated_keys(registry, Path(registry).stat().st_mtime_ns)


def write_validated(path: str | Path) -> int:
    """Write the keys of every table validated in this process to ``path`` (JSON); return how many.
    Point :data:`VALIDATED_ENV` at it so that other processes of the same build skip them."""
    keys = sorted("|".join(k) for k in _TABLE_CACHE)
    Path(path).write_text(json.dumps(keys, indent=0) + "\n", encoding="utf-8")
    return len(keys)


def _cached(key: tuple[str, str, str]) -> pd.DataFrame | None:
    frame = _TABLE_CACHE.get(key)
    if frame is None:
        return None
    out = frame.copy()
    out.attrs = dict(frame.attrs)
    return out


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
    if not str(res.get("hash", "")).startswith("sha256:"):
        raise DataError(f"{shown}: the descriptor records no sha256 hash for this file; run `make checksums`")
    digest = sha256_of(path)
    key = _key(path, digest, res)
    cached = _cached(key)
    if cached is not None:
        return cached
    if not _prevalidated(key):
        header_errors = _header_errors(res, path, shown)
        if header_errors:
            if str(res["hash"]).removeprefix("sha256:") != digest:
                header_errors.insert(0, f"{shown}: checksum mismatch (the file changed after its checksum was set)")
            _raise_errors(header_errors)
        _raise_errors(_frictionless_errors(res, pkg_dir, shown))
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
    _TABLE_CACHE[key] = df
    return _cached(key)  # type: ignore[return-value]


def validate_all(data_dir: str | Path | None = None) -> dict[str, list[str]]:
    """Load every resource of every package and every file under ``data/source/``; return
    {"package/resource": [], "source/<path>": []} or raise DataError naming the file, line and
    column (run by ``tools/build_book.py`` before Sphinx starts)."""
    out: dict[str, list[str]] = {}
    for package in package_names(data_dir):
        for res in read_descriptor(package, data_dir).get("resources", []):
            load_table(package, res["name"], data_dir)
            out[f"{package}/{res['name']}"] = []
    from nickelate_utils.source_data import load_source, source_files  # source_data imports data

    for path in source_files(data_dir):
        load_source(path, data_dir)
        out["source/" + path.relative_to(source_dir(data_dir)).as_posix()] = []
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
            _raise_errors(_schema_errors(res, pkg_dir, shown))
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

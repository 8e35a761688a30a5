"""The register's evidence checks: what a claim's ``inputs`` refer to, whether its ``method``
can be imported, and the rules a checked entry must obey (no ``reproduced`` verdict whose inputs
hold its own printed value, directly, through a data cell or through a reconstruction of itself;
no agreement verdict on an unverified literature value). Used by the build and the tests.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from nickelate_utils.claims import Claim, half_unit
from nickelate_utils.data import DataError, load_table

_INPUT = re.compile(
    r"^(?:(?P<scheme>claim|reconstruction|const|lib|source):(?P<rest>.+)"
    r"|(?P<package>[a-z0-9_]+)/(?P<resource>[a-z0-9_]+)#(?P<key>[^.]+)(?:\.(?P<columns>[A-Za-z0-9_+]+))?)$"
)


def parse_input(ref: str) -> dict[str, str]:
    """Split an input reference into its parts; ValueError if it has none of the forms above."""
    m = _INPUT.match(ref.strip())
    if not m:
        raise ValueError(f"input reference {ref!r} is not of the form package/resource#key[.col], "
                         "claim:ID, reconstruction:ID, const:..., lib:... or source:...")
    return {k: v for k, v in m.groupdict().items() if v is not None}


def input_values(ref: str, data_dir: str | Path | None = None,
                 _cache: dict[tuple[str, str], pd.DataFrame] | None = None) -> list[float]:
    """Numeric values a data-row reference points at (all numeric cells of the row when no
    column is named). ``DataError`` if the row or a column does not exist. Other schemes: []."""
    parts = parse_input(ref)
    if "package" not in parts:
        return []
    cache = {} if _cache is None else _cache
    key = (parts["package"], parts["resource"])
    if key not in cache:
        cache[key] = load_table(parts["package"], parts["resource"], data_dir)
    frame = cache[key]
    first = frame.columns[0]
    rows = frame[frame[first].astype(str) == parts["key"]]
    if rows.empty:
        raise DataError(f"input {ref!r}: no row with {first} = {parts['key']!r} in "
                        f"{frame.attrs['provenance'].path}")
    columns = parts["columns"].split("+") if "columns" in parts else list(frame.columns)
    values: list[float] = []
    for col in columns:
        if col not in frame.columns:
            raise DataError(f"input {ref!r}: no column {col!r} in {frame.attrs['provenance'].path}")
        cell = rows.iloc[0][col]
        if isinstance(cell, (int, float)) and not isinstance(cell, bool) and not pd.isna(cell):
            values.append(float(cell))
    return values


def method_callable(method: str) -> Callable[..., object]:
    """Import the function a claim names as its method (``nickelate_utils.physics.composition.formula_weight``)."""
    module_name, _, attr = method.rpartition(".")
    if not module_name.startswith("nickelate_utils"):
        raise ValueError(f"method {method!r} is not a nickelate_utils function")
    obj = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    if not callable(obj):
        raise ValueError(f"method {method!r} is not callable")
    return obj  # type: ignore[return-value]


def evidence_errors(claims: Sequence[Claim], data_dir: str | Path | None = None) -> list[str]:
    """Everything wrong with the evidence of the register (empty list if nothing).

    - checked entries (reproduced, consistent, discrepant) name inputs and an importable method;
    - every input reference parses and resolves (rows and columns exist, claim ids exist);
    - a ``reproduced`` entry never uses its own paper value: not ``claim:<self>``, not
      ``reconstruction:<self>``, and no referenced data cell or referenced claim holds the same
      number (within ½ unit of its last printed digit);
    - a ``consistent`` entry cites another statement of the paper (a claim or a data row);
    - ``illustrated`` entries carry no number of ours; ``disputed`` entries give two readings;
    - no ``reproduced`` or ``consistent`` entry rests on a literature row whose status is
      ``unverified`` (recalled, not read in its source).
    """
    errors: list[str] = []
    by_id = {c.claim_id: c for c in claims}
    cache: dict[tuple[str, str], pd.DataFrame] = {}
    for c in claims:
        who = f"{c.claim_id} ({c.status})"
        if c.status in ("reproduced", "consistent", "discrepant"):
            if not c.inputs:
                errors.append(f"{who}: names no inputs")
            if not c.method:
                errors.append(f"{who}: names no method")
            else:
                try:
                    method_callable(c.method)
                except (ImportError, AttributeError, ValueError) as exc:
                    errors.append(f"{who}: method {c.method!r} cannot be imported ({exc})")
        if c.status == "illustrated" and c.ours is not None:
            errors.append(f"{who}: an illustration carries a number in ours")
        if c.status == "disputed" and len(c.readings) < 2:
            errors.append(f"{who}: fewer than two readings")
        cites_paper = False
        for ref in c.inputs:
            try:
                parts = parse_input(ref)
            except ValueError as exc:
                errors.append(f"{who}: {exc}")
                continue
            scheme = parts.get("scheme")
            if scheme in ("claim", "reconstruction"):
                target = parts["rest"]
                if target not in by_id:
                    errors.append(f"{who}: input {ref!r} names no claim of the register")
                    continue
                if scheme == "claim":
                    cites_paper = True
                if c.status == "reproduced":
                    if target == c.claim_id:
                        errors.append(f"{who}: uses its own paper value ({ref})")
                    elif scheme == "claim" and _same_number(c, by_id[target].paper_value):
                        errors.append(f"{who}: input {ref} holds the same number as the claim: "
                                      "that is a cross-check (consistent), not a reproduction")
            elif "package" in parts:
                cites_paper = True
                try:
                    values = input_values(ref, data_dir, cache)
                except DataError as exc:
                    errors.append(f"{who}: {exc}")
                    continue
                if c.status == "reproduced" and any(_same_number(c, v) for v in values):
                    errors.append(f"{who}: input {ref} holds the paper's own value "
                                  f"{c.paper_printed}: name the columns actually used")
                unverified = _literature_status(ref, data_dir, cache) == "unverified"
                if c.status in ("reproduced", "consistent") and unverified:
                    errors.append(f"{who}: rests on an unverified literature value ({ref}); an agreement "
                                  "verdict needs inputs that were read in their source")
        if c.status == "consistent" and not cites_paper:
            errors.append(f"{who}: a consistency check must cite another statement of the paper")
    return errors


def _literature_status(ref: str, data_dir: str | Path | None,
                       cache: dict[tuple[str, str], pd.DataFrame]) -> str:
    """The ``status`` (verified, secondary, unverified) of a literature row an input points at,
    or '' for a published row or a table without that column."""
    parts = parse_input(ref)
    frame = cache.get((parts["package"], parts["resource"]))
    if frame is None or "status" not in frame.columns or "data_class" not in frame.columns:
        return ""
    rows = frame[frame[frame.columns[0]].astype(str) == parts["key"]]
    if rows.empty or rows.iloc[0]["data_class"] != "literature":
        return ""
    return str(rows.iloc[0]["status"])


def _same_number(claim: Claim, value: float | None) -> bool:
    if claim.paper_value is None or value is None or not claim.paper_printed:
        return False
    return abs(claim.paper_value - value) <= half_unit(claim.paper_printed) * (1 + 1e-9)

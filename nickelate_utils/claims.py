"""The claims register: the paper's numerical statements and what the book finds for each.

Each chapter stores the paper's claims it checks in ``data/<package>/claims.csv`` (class
``published``: value, wording and exact location) and computes its own values in a function
``claims(data_dir=None) -> list[Claim]`` of its chapter module. :func:`build_claims` joins the
two; :func:`nickelate_utils.register.all_claims` collects every chapter for the scorecard and
for ``claims.json`` in the built site.

Statuses
--------
reproduced
    recomputed from published inputs and within tolerance of the paper's value.
discrepant
    recomputed, but outside tolerance; the chapter explains why.
not reproducible from public data
    the inputs are not public (figures, Supplementary tables, raw data).
illustrated
    shown with a reconstruction only; never counts as reproduced.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from nickelate_utils.data import DataError, load_table

STATUSES: tuple[str, ...] = (
    "reproduced",
    "discrepant",
    "not reproducible from public data",
    "illustrated",
)

KINDS: tuple[str, ...] = ("check", "not public", "illustration")
"""``kind`` column of a claims table: what the chapter can do with the claim.
``check`` -> reproduced or discrepant (by tolerance); ``not public`` -> not reproducible from
public data; ``illustration`` -> illustrated."""


@dataclass(frozen=True)
class Computed:
    """The book's value for one claim: a number (with optional 1-sigma uncertainty), or a
    qualitative verdict (``agrees``) for claims such as orderings, plus an explanation."""

    value: float | None = None
    uncertainty: float | None = None
    agrees: bool | None = None
    note: str = ""


@dataclass(frozen=True)
class Claim:
    """One row of the register."""

    claim_id: str
    chapter: str
    figure: str
    quantity: str
    paper_value: float | None
    paper_text: str
    ours: float | None
    ours_uncertainty: float | None
    unit: str
    tolerance: float | None
    status: str
    source_location: str
    note: str

    def as_dict(self) -> dict[str, object]:
        """JSON-friendly dict (NaN becomes None)."""
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, float) and math.isnan(value):
                out[key] = None
        return out


def assess(paper_value: float, ours: float, tolerance: float) -> str:
    """``reproduced`` if ``|ours - paper_value| <= tolerance`` else ``discrepant``."""
    if tolerance < 0 or math.isnan(tolerance):
        raise ValueError(f"tolerance must be a non-negative number, got {tolerance}")
    return "reproduced" if abs(ours - paper_value) <= tolerance else "discrepant"


def _opt(value: object) -> float | None:
    if value is None or pd.isna(value):  # type: ignore[arg-type]
        return None
    return float(value)  # type: ignore[arg-type]


def build_claims(
    chapter: str,
    package: str,
    computed: Mapping[str, Computed],
    data_dir: str | Path | None = None,
    resource: str = "claims",
) -> list[Claim]:
    """Join ``data/<package>/claims.csv`` with the chapter's computed values.

    Every ``check`` claim must have a :class:`Computed` entry, and every entry must name a claim
    in the table; otherwise :class:`DataError` names the claim id.
    """
    table = load_table(package, resource, data_dir)
    shown = table.attrs["provenance"].path
    known = set(table["claim_id"])
    unknown = sorted(set(computed) - known)
    if unknown:
        raise DataError(f"{shown}: computed values given for unknown claim ids {unknown}")
    out: list[Claim] = []
    for line, row in enumerate(table.itertuples(index=False), start=2):
        kind = str(row.kind)
        comp = computed.get(str(row.claim_id))
        paper = _opt(row.paper_value)
        tol = _opt(row.tolerance)
        if kind == "check":
            if comp is None:
                raise DataError(
                    f"{shown}, line {line}, column 'claim_id': no computed value for "
                    f"check claim '{row.claim_id}'"
                )
            if comp.agrees is not None:
                status = "reproduced" if comp.agrees else "discrepant"
            elif paper is not None and tol is not None and comp.value is not None:
                status = assess(paper, comp.value, tol)
            else:
                raise DataError(
                    f"{shown}, line {line}: check claim '{row.claim_id}' needs paper_value, "
                    "tolerance and a computed value, or a qualitative verdict"
                )
        elif kind == "not public":
            status = "not reproducible from public data"
        elif kind == "illustration":
            status = "illustrated"
        else:  # the schema's enum constraint makes this unreachable for valid files
            raise DataError(f"{shown}, line {line}, column 'kind': unknown kind '{kind}'")
        out.append(
            Claim(
                claim_id=str(row.claim_id),
                chapter=chapter,
                figure=str(row.figure),
                quantity=str(row.quantity),
                paper_value=paper,
                paper_text=str(row.paper_text),
                ours=None if comp is None else comp.value,
                ours_uncertainty=None if comp is None else comp.uncertainty,
                unit="" if pd.isna(row.unit) else str(row.unit),
                tolerance=tol,
                status=status,
                source_location=str(row.source_location),
                note=(comp.note if comp is not None and comp.note else _note(row)),
            )
        )
    return out


def _note(row: object) -> str:
    value = getattr(row, "note", "")
    return "" if value is None or pd.isna(value) else str(value)


def _fmt(value: float | None, err: float | None) -> str:
    if value is None:
        return "—"
    if err is not None and err > 0:
        from uncertainties import ufloat

        return f"{ufloat(value, err):.2uS}"
    return f"{value:.6g}"


def claims_frame(claims: list[Claim]) -> pd.DataFrame:
    """Display table of a list of claims (the table that ends each chapter)."""
    rows = [
        {
            "id": c.claim_id,
            "figure": c.figure,
            "quantity": c.quantity,
            "status": c.status,
            "paper": c.paper_text,
            "ours": _fmt(c.ours, c.ours_uncertainty),
            "unit": c.unit,
            "tolerance": "—" if c.tolerance is None else f"{c.tolerance:g}",
            "source": c.source_location,
            "note": c.note,
        }
        for c in claims
    ]
    return pd.DataFrame(rows)


def status_counts(claims: list[Claim]) -> dict[str, int]:
    """Number of claims per status, in the order of :data:`STATUSES`."""
    return {s: sum(c.status == s for c in claims) for s in STATUSES}

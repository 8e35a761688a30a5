"""The claims register: every numerical statement of the paper and what the book finds for it.

Each chapter stores the paper's statements it covers in ``data/<package>/claims.csv`` (class
``published``: the value as printed, the wording and the exact location) and computes its own
values in a function ``claims(data_dir=None) -> list[Claim]`` of its chapter module.
:func:`build_claims` joins the two and assigns the status; :func:`nickelate_utils.register.all_claims`
collects every chapter for the scorecard, the findings page and ``claims.json`` (described by
``nickelate_utils/schemas/claims.schema.json``).

Kinds (column ``kind`` of a claims table) and the statuses they can lead to
---------------------------------------------------------------------------
recompute
    the book recomputes the number from *other* published inputs or physical constants, with a
    named function: ``reproduced`` if within the tolerance rule, else ``discrepant``.
cross-check
    the paper against itself (the same quantity in two places, or an identity between its own
    numbers): ``consistent`` or ``discrepant``. A cross-check, not a reproduction.
disputed
    the number rests on a definition or assumption that the literature contests; the chapter
    gives each reading with its source (:class:`Reading`): ``disputed``.
not public
    the inputs are not public (figures, Supplementary tables, raw data):
    ``not reproducible from public data``. Becomes a recompute when the authors' source data are
    placed under ``data/source/`` and the chapter computes from them (``from_source_data``).
illustration
    shown with a reconstruction only (a curve generated from the paper's own numbers):
    ``illustrated``; carries no number in ``ours``.
stated
    an input or condition (a pressure, a field, a sample size, an instrument setting),
    recorded with its location: ``stated``. The register is also the index of where every number
    of the paper is used.

Tolerance rule (fixed in advance, the same for every numerical comparison)
----------------------------------------------------------------------------
``tolerance = ½ unit in the last printed digit of the paper's value
(+ ½ unit in the last printed digit of the compared value, when that is also a printed number)
+ 2 × the propagated standard uncertainty of the book's value``.
Inputs printed without an uncertainty carry the rounding of their last digit
(:func:`printed_ufloat`); inputs printed as ``5.4370(2)`` carry the stated standard uncertainty.
No claims table has a tolerance column: nothing can be tuned per claim.

Evidence
--------
Every checked claim names its ``inputs`` and its ``method`` (dotted name of the
``nickelate_utils`` function that computes it). Input references:

``<package>/<resource>#<key>[.<column>[+<column>...]]``
    cells of a data table row (``key`` = value of the table's first column);
``claim:<ID>``
    the paper's printed value of another register entry;
``reconstruction:<ID>``
    a curve generated from the paper value of entry ``<ID>``;
``const:<text>`` / ``lib:<text>``
    a physical constant or a library table (e.g. ``lib:xraydb Elam cross sections``);
``source:<path>``
    one of the authors' source-data files under ``data/source/`` (e.g.
    ``source:resistivity/La2SmNi2O7_c6_21.6GPa_0T.csv``).

:func:`nickelate_utils.evidence.evidence_errors` rejects a ``reproduced`` entry whose inputs
contain its own paper value, directly or through a reconstruction generated from it
(tests/test_claims.py runs it on the whole register). The register's tables (chapters,
scorecard) are drawn by :mod:`nickelate_utils.claims_display`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from nickelate_utils.data import DataError, load_table

STATUSES: tuple[str, ...] = (
    "reproduced",
    "consistent",
    "discrepant",
    "disputed",
    "not reproducible from public data",
    "illustrated",
    "stated",
)
"""The seven statuses of a register entry, in the order the scorecard and the counts use
(definitions in :data:`STATUS_DEFINITIONS`)."""

STATUS_DEFINITIONS: dict[str, str] = {
    "reproduced": "recomputed independently, by a named nickelate_utils function, from other published "
    "inputs with knowledge the paper does not print (atomic numbers, cross-section tables, symmetry, "
    "physical constants), and within the tolerance rule",
    "consistent": "the paper agrees with itself (the same quantity in two places, or an identity between "
    "its own numbers holds, such as a cell volume from its own a, b, c and beta); a cross-check, not a "
    "reproduction",
    "discrepant": "recomputed or cross-checked, and outside the tolerance rule; the note gives the "
    "readings that fit",
    "disputed": "rests on a definition or assumption that the literature contests; each reading is shown "
    "with its source",
    "not reproducible from public data": "the inputs (figures, Supplementary tables, raw data) are not public",
    "illustrated": "shown with a reconstruction generated from the paper's own numbers; never counts as "
    "reproduced and carries no number of ours",
    "stated": "an input or condition of the paper, recorded with its location",
}
"""What each status means, as the register page and ``claims.json`` print it."""

KIND_STATUSES: dict[str, tuple[str, ...]] = {
    "recompute": ("reproduced", "discrepant"),
    "cross-check": ("consistent", "discrepant"),
    "disputed": ("disputed",),
    "not public": ("not reproducible from public data",),
    "illustration": ("illustrated",),
    "stated": ("stated",),
}
"""``kind`` column of a claims table -> the statuses it can lead to."""

CHECKED_KINDS: tuple[str, ...] = ("recompute", "cross-check")

CONSEQUENCES: tuple[str, ...] = ("high", "medium", "low")
"""How much a finding bears on the paper's conclusions (orders the findings page)."""

COVERAGE_FACTOR = 2.0
"""Multiplier of the propagated standard uncertainty in the tolerance rule."""

TOLERANCE_RULE = (
    "½ unit in the last printed digit of the paper's value (+ ½ unit in the last printed digit of the "
    "compared value when that is also printed) + 2 × the propagated standard uncertainty of ours"
)


# --- printed numbers --------------------------------------------------------------------------


def printed_decimals(printed: str) -> int:
    """Number of decimals of a number as printed (``"5.4370"`` -> 4, ``"92"`` -> 0,
    ``"-0.621"`` -> 3). Raises ValueError for text that is not a plain decimal number."""
    text = printed.strip().replace("−", "-")
    try:
        exponent = Decimal(text).as_tuple().exponent
    except InvalidOperation as exc:
        raise ValueError(f"not a printed decimal number: {printed!r}") from exc
    if not isinstance(exponent, int):
        raise ValueError(f"not a finite number: {printed!r}")
    return max(0, -exponent)


def half_unit(printed: str) -> float:
    """½ unit in the last printed digit: ``"210.5"`` -> 0.05, ``"92"`` -> 0.5."""
    return 0.5 * 10.0 ** (-printed_decimals(printed))


def printed_ufloat(printed: str):  # type: ignore[no-untyped-def]
    """A printed number as a ``uncertainties`` value.

    ``"5.4370(2)"`` carries its stated standard uncertainty (``ufloat_fromstr``); a number printed
    without one carries the rounding of its last digit, a uniform error of ±½ unit, i.e. a standard
    uncertainty of ½ unit / √3.

    >>> printed_ufloat("7.11").std_dev == 0.005 / 3 ** 0.5
    True
    """
    from uncertainties import ufloat, ufloat_fromstr

    text = printed.strip().replace("−", "-")
    if "(" in text:
        return ufloat_fromstr(text)
    return ufloat(float(text), half_unit(text) / math.sqrt(3.0))


def rule_tolerance(paper_printed: str, ours_uncertainty: float | None = None,
                   ours_printed: str | None = None) -> float:
    """The register's tolerance rule (see the module docstring)."""
    tol = half_unit(paper_printed)
    if ours_printed:
        tol += half_unit(ours_printed)
    if ours_uncertainty is not None and ours_uncertainty > 0:
        tol += COVERAGE_FACTOR * ours_uncertainty
    return tol


# --- computed values -------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """One reading of a disputed number: a label, the value it gives, and its source."""

    label: str
    value: float | None
    source: str
    unit: str = ""


@dataclass(frozen=True)
class Computed:
    """The book's value for one claim.

    ``value`` (with optional 1-sigma ``uncertainty``) for a number, or ``agrees`` for a
    qualitative statement (an ordering, a sign, an identity). ``inputs`` and ``method`` are the
    evidence (see the module docstring). ``ours_printed``: set when ``value`` is itself a printed
    number of the paper (a cross-check), so that its rounding enters the tolerance.
    ``from_source_data``: computed from the authors' files under ``data/source/``, which turns a
    ``not public`` or ``illustration`` entry into a recompute.
    """

    value: float | None = None
    uncertainty: float | None = None
    agrees: bool | None = None
    note: str = ""
    inputs: tuple[str, ...] = ()
    method: str = ""
    readings: tuple[Reading, ...] = ()
    ours_printed: str | None = None
    from_source_data: bool = False


@dataclass(frozen=True)
class Claim:
    """One row of the register."""

    claim_id: str
    chapter: str
    page: str
    figure: str
    quantity: str
    kind: str
    paper_value: float | None
    paper_printed: str
    paper_text: str
    ours: float | None
    ours_uncertainty: float | None
    unit: str
    tolerance: float | None
    tolerance_rule: str
    status: str
    source_location: str
    inputs: tuple[str, ...]
    method: str
    readings: tuple[Reading, ...]
    consequence: str
    note: str
    from_source_data: bool = False
    agrees: bool | None = None
    ours_printed: str | None = None
    extra: Mapping[str, object] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        """Stable HTML id of the claim on every page that lists it (``claim-G12``)."""
        return f"claim-{self.claim_id}"

    def as_dict(self) -> dict[str, object]:
        """JSON-friendly dict (NaN becomes None, tuples become lists)."""
        out = asdict(self)
        out.pop("extra", None)
        out["anchor"] = self.anchor
        out["inputs"] = list(self.inputs)
        out["readings"] = [asdict(r) for r in self.readings]
        for key, value in out.items():
            if isinstance(value, float) and math.isnan(value):
                out[key] = None
        return out


def assess(paper_value: float, ours: float, tolerance: float) -> bool:
    """True if ``|ours - paper_value| <= tolerance``."""
    if tolerance < 0 or math.isnan(tolerance):
        raise ValueError(f"tolerance must be a non-negative number, got {tolerance}")
    return abs(ours - paper_value) <= tolerance


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return str(value)


def build_claims(
    chapter: str,
    package: str,
    computed: Mapping[str, Computed],
    data_dir: str | Path | None = None,
    resource: str = "claims",
    page: str = "",
) -> list[Claim]:
    """Join ``data/<package>/claims.csv`` with the chapter's computed values and assign statuses.

    Every ``recompute``, ``cross-check`` and ``disputed`` entry needs a :class:`Computed`; every
    computed value must name an entry of the table; an ``illustration`` carries no value;
    otherwise :class:`DataError` names the file, line and claim id.
    """
    table = load_table(package, resource, data_dir)
    shown = table.attrs["provenance"].path
    known = set(table["claim_id"])
    unknown = sorted(set(computed) - known)
    if unknown:
        raise DataError(f"{shown}: computed values given for unknown claim ids {unknown}")
    out: list[Claim] = []
    for line, row in enumerate(table.itertuples(index=False), start=2):
        cid = str(row.claim_id)
        where = f"{shown}, line {line}, claim '{cid}'"
        kind = str(row.kind)
        comp = computed.get(cid)
        printed = _text(row.paper_value).strip()
        paper = float(printed.replace("−", "-")) if printed else None
        if comp is not None and comp.from_source_data and kind in ("not public", "illustration"):
            kind = "recompute"
        tol: float | None = None
        agrees: bool | None = None
        if kind in CHECKED_KINDS:
            if comp is None:
                raise DataError(f"{where}: no computed value for a '{kind}' entry")
            if comp.agrees is not None:
                agrees = comp.agrees
            elif paper is not None and comp.value is not None:
                tol = rule_tolerance(printed, comp.uncertainty, comp.ours_printed)
                agrees = assess(paper, comp.value, tol)
            else:
                raise DataError(
                    f"{where}: a '{kind}' entry needs a printed paper_value and a computed value, "
                    "or a qualitative verdict (agrees)"
                )
            ok, bad = KIND_STATUSES[kind]
            status = ok if agrees else bad
        elif kind == "disputed":
            if comp is None or len(comp.readings) < 2:
                raise DataError(f"{where}: a disputed entry needs at least two readings with sources")
            status = "disputed"
        elif kind in KIND_STATUSES:
            status = KIND_STATUSES[kind][0]
            if comp is not None and comp.value is not None:
                raise DataError(f"{where}: a '{kind}' entry carries no number of ours")
        else:  # the schema's enum constraint makes this unreachable for valid files
            raise DataError(f"{where}, column 'kind': unknown kind '{kind}'")
        note = comp.note if comp is not None and comp.note else _text(getattr(row, "note", ""))
        out.append(
            Claim(
                claim_id=cid,
                chapter=chapter,
                page=page,
                figure=_text(row.figure),
                quantity=_text(row.quantity),
                kind=kind,
                paper_value=paper,
                paper_printed=printed,
                paper_text=_text(row.paper_text),
                ours=None if comp is None else comp.value,
                ours_uncertainty=None if comp is None else comp.uncertainty,
                unit=_text(row.unit),
                tolerance=tol,
                tolerance_rule=TOLERANCE_RULE if tol is not None else "",
                status=status,
                source_location=_text(row.source_location),
                inputs=() if comp is None else tuple(comp.inputs),
                method="" if comp is None else comp.method,
                readings=() if comp is None else tuple(comp.readings),
                consequence=_text(getattr(row, "consequence", "")),
                note=note,
                from_source_data=bool(comp is not None and comp.from_source_data),
                agrees=agrees,
                ours_printed=None if comp is None else comp.ours_printed,
            )
        )
    return out


# --- evidence checks -------------------------------------------------------------------------


# --- display ---------------------------------------------------------------------------------


# --- cross-checks: the paper against itself ---------------------------------------------------


def printed_value(package: str, claim_id: str, data_dir: str | Path | None = None) -> str:
    """The paper's value of register entry ``claim_id`` exactly as printed (from
    ``data/<package>/claims.csv``); DataError if the entry or its value is missing."""
    table = load_table(package, "claims", data_dir)
    rows = table[table["claim_id"] == claim_id]
    if rows.empty:
        raise DataError(f"{table.attrs['provenance'].path}: no claim '{claim_id}'")
    printed = _text(rows.iloc[0]["paper_value"]).strip()
    if not printed:
        raise DataError(f"{table.attrs['provenance'].path}: claim '{claim_id}' has no printed value")
    return printed


def same_as(package: str, claim_id: str, data_dir: str | Path | None = None, note: str = "") -> Computed:
    """A cross-check of a number against the same quantity printed elsewhere in the paper (entry
    ``claim_id`` of ``data/<package>/claims.csv``): the other printed number becomes ours, and
    its rounding enters the tolerance rule."""
    other = printed_value(package, claim_id, data_dir)
    return Computed(value=float(other.replace("−", "-")), ours_printed=other, inputs=(f"claim:{claim_id}",),
                    method="nickelate_utils.claims.same_as", note=note)

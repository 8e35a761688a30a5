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

:func:`evidence_errors` rejects a ``reproduced`` entry whose inputs contain its own paper value,
directly or through a reconstruction generated from it (tests/test_claims.py runs it on the
whole register).
"""

from __future__ import annotations

import html
import importlib
import math
import re
from collections.abc import Callable, Mapping, Sequence
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

_INPUT = re.compile(
    r"^(?:(?P<scheme>claim|reconstruction|const|lib|source):(?P<rest>.+)"
    r"|(?P<package>[a-z0-9_]+)/(?P<resource>[a-z0-9_]+)#(?P<key>[^.]+)(?:\.(?P<columns>[A-Za-z0-9_+]+))?)$"
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


# --- display ---------------------------------------------------------------------------------


def format_ours(claim: Claim) -> str:
    """The book's value at the paper's printed precision plus one digit, with its uncertainty."""
    if claim.ours is None:
        if claim.agrees is not None:
            return "holds" if claim.agrees else "does not hold"
        return "—"
    decimals = printed_decimals(claim.paper_printed) + 1 if claim.paper_printed else None
    if decimals is None:
        text = f"{claim.ours:.4g}"
    else:
        text = f"{claim.ours:.{decimals}f}"
    if claim.ours_uncertainty:
        text += f" ± {claim.ours_uncertainty:.2g}"
    return text


def format_tolerance(claim: Claim) -> str:
    if claim.tolerance is None:
        return "—"
    decimals = printed_decimals(claim.paper_printed) + 1
    return f"± {claim.tolerance:.{decimals}f}"


def claims_frame(claims: Sequence[Claim]) -> pd.DataFrame:
    """Display table of a list of claims (strings, formatted as printed)."""
    rows = [
        {
            "id": c.claim_id,
            "figure": c.figure,
            "quantity": c.quantity,
            "status": c.status,
            "paper": c.paper_printed or "—",
            "ours": format_ours(c),
            "unit": c.unit,
            "tolerance": format_tolerance(c),
            "source": c.source_location,
            "note": c.note,
        }
        for c in claims
    ]
    return pd.DataFrame(rows)


STATUS_CLASSES: dict[str, str] = {s: "status-" + s.split()[0] for s in STATUSES}
"""CSS class of each status (colours in ``book/_ext/static/nickelate.css``)."""


API_PAGES = "book/api"
"""Folder of the code reference pages (one page per module, generated by autodoc)."""


def method_url(method: str, from_page: str = "book/x") -> str:
    """URL of the code-reference entry of a claim's method (the function's defining module page
    and its autodoc anchor), relative to the page ``from_page``."""
    obj = method_callable(method)
    module = getattr(obj, "__module__", method.rpartition(".")[0])
    name = getattr(obj, "__qualname__", method.rpartition(".")[2])
    page = module.removeprefix("nickelate_utils.").replace(".", "/")
    return "../" * from_page.count("/") + f"{API_PAGES}/{page}.html#{module}.{name}"


def claims_html(claims: Sequence[Claim], table_id: str, with_chapter: bool = False,
                link_page: Callable[[Claim], str] | None = None) -> str:
    """An HTML table of claims, every text cell escaped, each row with the claim's stable anchor
    (``id="claim-G12"``) and ``data-`` attributes for the scorecard's filters.

    ``link_page(claim)`` may return a URL for the claim's chapter (the scorecard links rows to the
    chapter that computes them)."""
    esc = html.escape
    head = ["id"] + (["ch."] if with_chapter else []) + [
        "figure", "quantity", "status", "paper", "ours", "tolerance", "location", "evidence", "note"]
    out = [f'<table class="claims-table" id="{esc(table_id)}">', "<thead><tr>"]
    out += [f"<th>{esc(h)}</th>" for h in head]
    out.append("</tr></thead><tbody>")
    for c in claims:
        evidence = ""
        if c.method:
            evidence += (f'<a href="{esc(method_url(c.method))}"><code>'
                         f"{esc(c.method.removeprefix('nickelate_utils.'))}</code></a>")
        if c.inputs:
            evidence += "<br>" + ", ".join(f"<code>{esc(i)}</code>" for i in c.inputs)
        if c.readings:
            evidence += "<br>" + "; ".join(
                esc(f"{r.label}: {'—' if r.value is None else f'{r.value:.4g}'} {r.unit} ({r.source})")
                for r in c.readings)
        ident = esc(c.claim_id)
        if link_page is not None:
            ident = f'<a href="{esc(link_page(c))}#{esc(c.anchor)}">{ident}</a>'
        cells = [ident]
        if with_chapter:
            cells.append(f'<span title="{esc(c.chapter)}">{esc(c.chapter.split(".")[0])}</span>')
        unit = f" {c.unit}" if c.unit else ""
        paper = f"{c.paper_printed}{unit}" if c.paper_printed else "—"
        ours = format_ours(c) + (unit if c.ours is not None else "")
        cells += [
            esc(c.figure), esc(c.quantity),
            f'<span class="claim-status {STATUS_CLASSES[c.status]}">{esc(c.status)}</span>',
            esc(paper), esc(ours), esc(format_tolerance(c)),
            esc(c.source_location), evidence, esc(c.note),
        ]
        attrs = (f'id="{esc(c.anchor)}" data-status="{esc(c.status)}" data-chapter="{esc(c.chapter)}" '
                 f'data-figure="{esc(c.figure)}"')
        out.append(f"<tr {attrs}>" + "".join(f"<td>{x}</td>" for x in cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def status_counts(claims: Sequence[Claim]) -> dict[str, int]:
    """Number of claims per status, in the order of :data:`STATUSES`."""
    return {s: sum(c.status == s for c in claims) for s in STATUSES}


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

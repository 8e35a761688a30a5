"""The claims register: statuses by kind, the tolerance rule, evidence and circularity, schema.

Per-chapter tests are parametrised by chapter module, so one chapter can be checked alone:
``pytest tests/test_claims.py -k growth``.
"""

from __future__ import annotations

import csv
import importlib
import json
import math
from pathlib import Path

import pytest

from nickelate_utils.claims import (
    CHECKED_KINDS,
    KIND_STATUSES,
    STATUSES,
    Claim,
    Computed,
    Reading,
    build_claims,
    half_unit,
    printed_decimals,
    printed_ufloat,
    rule_tolerance,
)
from nickelate_utils.claims_display import status_counts
from nickelate_utils.data import DataError
from nickelate_utils.evidence import evidence_errors, parse_input
from nickelate_utils.paths import DATA_DIR, REPO_ROOT
from nickelate_utils.register import CHAPTER_MODULES, CHAPTERS, all_claims, payload, schema_errors

MIN_REGISTER_SIZE = 250
LOCATION_STARTS = ("Abstract", "Main text", "Methods", "Fig.", "Figs", "Extended Data", "Supplementary",
                   "Data availability", "References", "Title")


def _chapter_claims(module: str) -> list[Claim]:
    return importlib.import_module(module).claims()


def _all_buildable() -> list[Claim]:
    """Claims of every chapter that builds (so one chapter's test does not depend on another's)."""
    out: list[Claim] = []
    for module in CHAPTER_MODULES:
        try:
            out.extend(_chapter_claims(module))
        except Exception:  # noqa: BLE001 - another chapter's failure is reported by its own test
            continue
    return out


# --- the rule itself ---------------------------------------------------------------------------


def test_printed_precision() -> None:
    assert printed_decimals("5.4370") == 4
    assert printed_decimals("92") == 0
    assert printed_decimals("-0.621") == 3
    assert half_unit("210.5") == pytest.approx(0.05)
    assert half_unit("92") == 0.5
    with pytest.raises(ValueError, match="not a printed decimal"):
        printed_decimals("~5")


def test_printed_ufloat_carries_rounding_or_stated_uncertainty() -> None:
    assert printed_ufloat("7.11").std_dev == pytest.approx(0.005 / math.sqrt(3))
    stated = printed_ufloat("301.234(19)")
    assert stated.nominal_value == pytest.approx(301.234) and stated.std_dev == pytest.approx(0.019)


def test_rule_tolerance() -> None:
    assert rule_tolerance("0.849") == pytest.approx(0.0005)
    assert rule_tolerance("0.849", 0.001) == pytest.approx(0.0025)
    assert rule_tolerance("21", None, "21.6") == pytest.approx(0.55)


def test_no_claims_table_has_a_tolerance_column() -> None:
    """Tolerances come from the rule only: nothing can be tuned per claim."""
    for path in sorted(DATA_DIR.glob("*/claims.csv")):
        with path.open(encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        assert "tolerance" not in header, f"{path}: a per-claim tolerance column"


# --- the evidence checker can fail -----------------------------------------------------------------


def _claim(**kw: object) -> Claim:
    base = dict(claim_id="Z1", chapter="t", page="notebooks/ch01_growth", figure="f", quantity="q",
                kind="recompute", paper_value=0.849, paper_printed="0.849", paper_text="t", ours=0.8489,
                ours_uncertainty=None, unit="", tolerance=0.0005, tolerance_rule="r", status="reproduced",
                source_location="Methods", inputs=("const:pi",), method="nickelate_utils.claims.half_unit",
                readings=(), consequence="", note="", agrees=True)
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


def test_evidence_checker_rejects_self_reference_and_reconstructions_of_self() -> None:
    assert any("own paper value" in e for e in evidence_errors([_claim(inputs=("claim:Z1",))]))
    assert any("own paper value" in e for e in evidence_errors([_claim(inputs=("reconstruction:Z1",))]))


def test_evidence_checker_rejects_the_same_number_from_another_place() -> None:
    other = _claim(claim_id="Z2", kind="stated", status="stated", inputs=(), method="", ours=None)
    errors = evidence_errors([_claim(inputs=("claim:Z2",)), other])
    assert any("cross-check" in e for e in errors)


def test_evidence_checker_rejects_a_data_row_holding_the_paper_value() -> None:
    # growth/cell_parameters row La3Ni2O7 holds the published volume 301.234 itself
    claim = _claim(paper_value=301.234, paper_printed="301.234", ours=301.23,
                   inputs=("growth/cell_parameters#La3Ni2O7",))
    assert any("paper's own value" in e for e in evidence_errors([claim]))
    ok = _claim(paper_value=301.234, paper_printed="301.234", ours=301.23,
                inputs=("growth/cell_parameters#La3Ni2O7.a_angstrom+b_angstrom",))
    assert not evidence_errors([ok])


def test_evidence_checker_requires_inputs_method_and_honest_illustrations() -> None:
    assert any("names no inputs" in e for e in evidence_errors([_claim(inputs=())]))
    assert any("cannot be imported" in e for e in evidence_errors([_claim(method="nickelate_utils.nope.f")]))
    assert any("carries a number" in e
               for e in evidence_errors([_claim(status="illustrated", kind="illustration", inputs=(), method="")]))
    assert any("must cite another statement" in e
               for e in evidence_errors([_claim(status="consistent", kind="cross-check")]))
    with pytest.raises(ValueError, match="not of the form"):
        parse_input("growth cell")


def test_evidence_checker_rejects_agreement_resting_on_unverified_literature() -> None:
    # distortion/sc_state_lattice row sun2023_29p5gpa is a literature value recalled, status 'unverified'
    claim = _claim(paper_value=1.6, paper_printed="1.6", ours=None, status="consistent", kind="cross-check",
                   inputs=("distortion/sc_state_lattice#sun2023_29p5gpa.a_angstrom",))
    assert any("unverified literature" in e for e in evidence_errors([claim]))


def test_build_claims_errors_name_file_line_and_claim(data_copy: Path) -> None:
    with pytest.raises(DataError, match=r"claims.csv, line 2, claim 'G1'"):
        build_claims("1", "growth", {}, data_copy)
    with pytest.raises(DataError, match="unknown claim ids"):
        build_claims("1", "growth", {"NOPE": Computed(value=1.0)})


def test_disputed_needs_two_readings() -> None:
    r = Reading(label="a", value=1.0, source="doi:10.1/x")
    assert r.source


# --- the register as built -----------------------------------------------------------------------


@pytest.mark.parametrize("module", CHAPTER_MODULES)
def test_chapter_claims_follow_the_rules(module: str) -> None:
    claims = _chapter_claims(module)
    context = {c.claim_id: c for c in _all_buildable()}
    context.update({c.claim_id: c for c in claims})
    errors = [e for e in evidence_errors(list(context.values()))
              if e.split(" ", 1)[0] in {c.claim_id for c in claims}]
    assert not errors, "\n".join(errors)
    for c in claims:
        assert c.status in KIND_STATUSES[c.kind] or (c.from_source_data and c.kind == "recompute"), c.claim_id
        assert c.source_location.startswith(LOCATION_STARTS), f"{c.claim_id}: location {c.source_location!r}"
        if c.kind in CHECKED_KINDS and c.ours is not None:
            expected = rule_tolerance(c.paper_printed, c.ours_uncertainty, c.ours_printed)
            assert c.tolerance == pytest.approx(expected), c.claim_id
        if c.status in ("discrepant", "disputed"):
            assert c.note, f"{c.claim_id}: a {c.status} entry explains itself in its note"
            assert c.consequence, f"{c.claim_id}: a {c.status} entry says how much it matters (consequence)"


def test_register_is_exhaustive_unique_and_valid() -> None:
    register = all_claims()
    ids = [c.claim_id for c in register]
    assert len(ids) == len(set(ids)), "claim ids must be unique across chapters"
    assert len(register) >= MIN_REGISTER_SIZE
    assert {c.status for c in register} <= set(STATUSES)
    assert sum(status_counts(register).values()) == len(register)
    assert {c.page for c in register} == {page for _, page in CHAPTERS}
    document = payload(register)
    assert not schema_errors(json.loads(json.dumps(document)))


def test_schema_rejects_a_broken_register() -> None:
    document = json.loads(json.dumps(payload(_all_buildable())))
    document["claims"][0]["status"] = "sort of"
    assert schema_errors(document)


def test_built_claims_json_validates_against_its_schema() -> None:
    path = REPO_ROOT / "_build" / "html" / "claims.json"
    if not path.exists():
        pytest.skip("book not built (make book)")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert not schema_errors(document)
    assert (path.parent / "claims.schema.json").exists()


def test_register_cache_is_used_only_when_its_inputs_match(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nickelate_utils import register

    path = tmp_path / "register.pickle"
    fresh = register.write_cache(path)
    monkeypatch.setenv(register.REGISTER_CACHE_ENV, str(path))
    assert [c.as_dict() for c in register.all_claims()] == [c.as_dict() for c in fresh]
    monkeypatch.setattr(register, "inputs_digest", lambda data_dir=None: "changed inputs")
    assert register.read_cache(path) is None  # stale: recomputed, never trusted
    path.write_bytes(b"not a pickle")
    assert register.read_cache(path) is None


def test_inputs_digest_changes_with_the_data(data_copy: Path) -> None:
    from nickelate_utils.register import inputs_digest

    before = inputs_digest(data_copy)
    (data_copy / "growth" / "claims.csv").write_text("edited", encoding="utf-8")
    assert inputs_digest(data_copy) != before

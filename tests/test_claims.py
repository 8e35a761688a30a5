"""The claims register: assessment rules and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nickelate_utils.claims import STATUSES, Computed, assess, build_claims, status_counts
from nickelate_utils.data import DataError
from nickelate_utils.register import all_claims


def test_assess() -> None:
    assert assess(1.0, 1.05, 0.1) == "reproduced"
    assert assess(1.0, 1.2, 0.1) == "discrepant"
    with pytest.raises(ValueError, match="tolerance"):
        assess(1.0, 1.0, -1.0)


def test_register_statuses_and_ids_are_valid() -> None:
    register = all_claims()
    assert {c.status for c in register} <= set(STATUSES)
    ids = [c.claim_id for c in register]
    assert len(ids) == len(set(ids)), "claim ids must be unique across chapters"
    assert sum(status_counts(register).values()) == len(register)
    json.dumps([c.as_dict() for c in register])  # serialisable for claims.json


def test_missing_computed_value_names_the_claim(data_copy: Path) -> None:
    with pytest.raises(DataError, match=r"claims.csv, line 2.*'G1'"):
        build_claims("1", "growth", {}, data_copy)


def test_unknown_claim_id_is_rejected() -> None:
    with pytest.raises(DataError, match="unknown claim ids"):
        build_claims("1", "growth", {"NOPE": Computed(value=1.0)})

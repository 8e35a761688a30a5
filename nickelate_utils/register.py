"""The chapters that contribute to the claims register, in book order.

A chapter module exposes ``CHAPTER: str`` (its title) and
``claims(data_dir=None) -> list[Claim]``. Add a new chapter's module and page here.
"""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path

from nickelate_utils.claims import Claim

CHAPTERS: tuple[tuple[str, str], ...] = (
    ("nickelate_utils.growth", "notebooks/ch01_growth"),
    ("nickelate_utils.distortion", "notebooks/ch02_distortion"),
    ("nickelate_utils.transport", "notebooks/ch03_resistivity"),
    ("nickelate_utils.hc2", "notebooks/ch04_upper_critical_field"),
    ("nickelate_utils.magnetism", "notebooks/ch05_meissner"),
    ("nickelate_utils.crystallography", "notebooks/ch06_structure"),
)
"""(chapter module, page of the book without suffix), in book order."""

CHAPTER_MODULES: tuple[str, ...] = tuple(module for module, _ in CHAPTERS)


def all_claims(data_dir: str | Path | None = None) -> list[Claim]:
    """Every chapter's claims, in book order, each with the page of its chapter."""
    out: list[Claim] = []
    for name, page in CHAPTERS:
        module = importlib.import_module(name)
        out.extend(dataclasses.replace(c, page=page) for c in module.claims(data_dir))
    return out


def payload(claims: list[Claim] | None = None) -> dict[str, object]:
    """The content of ``claims.json`` (validated by ``nickelate_utils/schemas/claims.schema.json``)."""
    from nickelate_utils import PAPER_DOI
    from nickelate_utils.claims import STATUS_DEFINITIONS, STATUSES, TOLERANCE_RULE, status_counts

    register = all_claims() if claims is None else claims
    return {
        "paper": f"Li, F. et al., Nature (2025), doi:{PAPER_DOI}",
        "statuses": list(STATUSES),
        "status_definitions": dict(STATUS_DEFINITIONS),
        "tolerance_rule": TOLERANCE_RULE,
        "counts": status_counts(register),
        "claims": [c.as_dict() for c in register],
    }


SCHEMA_PATH: Path = Path(__file__).resolve().parent / "schemas" / "claims.schema.json"
"""JSON Schema of ``claims.json``."""


def schema_errors(document: dict[str, object]) -> list[str]:
    """Messages of every violation of the claims schema by ``document`` (empty if valid)."""
    import json

    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    return [f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}"
            for e in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))]

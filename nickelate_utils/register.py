"""The chapters that contribute to the claims register, in book order.

A chapter module exposes ``CHAPTER: str`` (its title) and
``claims(data_dir=None) -> list[Claim]``. Add a new chapter's module and page here.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import json
import os
import pickle
from pathlib import Path

from nickelate_utils.claims import Claim

CHAPTERS: tuple[tuple[str, str], ...] = (
    ("nickelate_utils.chapters.growth", "notebooks/ch01_growth"),
    ("nickelate_utils.chapters.distortion", "notebooks/ch02_distortion"),
    ("nickelate_utils.chapters.transport", "notebooks/ch03_resistivity"),
    ("nickelate_utils.chapters.hc2", "notebooks/ch04_upper_critical_field"),
    ("nickelate_utils.chapters.meissner", "notebooks/ch05_meissner"),
    ("nickelate_utils.chapters.structure", "notebooks/ch06_structure"),
)
"""(chapter module, page of the book without suffix), in book order."""

CHAPTER_MODULES: tuple[str, ...] = tuple(module for module, _ in CHAPTERS)


REGISTER_CACHE_ENV = "NICKELATE_REGISTER_CACHE"
"""Environment variable naming a file that holds the register computed once by the build
(``tools/build_book.py``) with the digest of its inputs; see :func:`all_claims`."""


def inputs_digest(data_dir: str | Path | None = None) -> str:
    """sha256 over everything the register depends on: every file under ``data/`` (the authors'
    source data included), every module of ``nickelate_utils`` and the versions of the key
    libraries (their tables enter some values)."""
    from nickelate_utils.paths import data_dir as _data_dir
    from nickelate_utils.provenance import package_versions

    digest = hashlib.sha256()
    for root in (_data_dir(data_dir), Path(__file__).resolve().parent):
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root.parent).as_posix().encode())
                digest.update(path.read_bytes())
    digest.update(json.dumps(package_versions(), sort_keys=True).encode())
    return digest.hexdigest()


def compute_claims(data_dir: str | Path | None = None) -> list[Claim]:
    """Every chapter's claims, in book order, each with the page of its chapter (no cache)."""
    out: list[Claim] = []
    for name, page in CHAPTERS:
        module = importlib.import_module(name)
        out.extend(dataclasses.replace(c, page=page) for c in module.claims(data_dir))
    return out


def write_cache(path: Path, data_dir: str | Path | None = None) -> list[Claim]:
    """Compute the register and store it in ``path`` with the digest of its inputs (the build does
    this once, so that the pages that show the whole register do not each recompute it)."""
    claims = compute_claims(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps({"digest": inputs_digest(data_dir), "claims": claims}))
    tmp.replace(path)
    return claims


def all_claims(data_dir: str | Path | None = None) -> list[Claim]:
    """Every chapter's claims, in book order, each with the page of its chapter.

    When ``$NICKELATE_REGISTER_CACHE`` names a file written by :func:`write_cache` whose digest
    equals the digest of the current inputs (:func:`inputs_digest`), its claims are returned;
    otherwise, or for another ``data_dir``, they are computed (:func:`compute_claims`). A stale
    or unreadable cache is ignored, never trusted.
    """
    cache = os.environ.get(REGISTER_CACHE_ENV)
    if data_dir is None and cache:
        stored = read_cache(Path(cache))
        if stored is not None:
            return stored
    return compute_claims(data_dir)


def read_cache(path: Path) -> list[Claim] | None:
    """The claims stored in ``path`` if its digest matches the current inputs, else None."""
    try:
        stored = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return None
    if isinstance(stored, dict) and stored.get("digest") == inputs_digest():
        return list(stored["claims"])
    return None


def payload(claims: list[Claim] | None = None) -> dict[str, object]:
    """The content of ``claims.json`` (validated by ``nickelate_utils/schemas/claims.schema.json``)."""
    from nickelate_utils import PAPER_DOI
    from nickelate_utils.claims import STATUS_DEFINITIONS, STATUSES, TOLERANCE_RULE
    from nickelate_utils.claims_display import status_counts

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

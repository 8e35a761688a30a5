"""The chapters that contribute to the claims register, in book order.

A chapter module exposes ``CHAPTER: str`` (its title) and
``claims(data_dir=None) -> list[Claim]``. Add a new chapter's module name here.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from nickelate_utils.claims import Claim

CHAPTER_MODULES: tuple[str, ...] = (
    "nickelate_utils.growth",
    "nickelate_utils.distortion",
    "nickelate_utils.transport",
    "nickelate_utils.hc2",
    "nickelate_utils.magnetism",
    "nickelate_utils.crystallography",
)


def all_claims(data_dir: str | Path | None = None) -> list[Claim]:
    """Every chapter's claims, in book order."""
    out: list[Claim] = []
    for name in CHAPTER_MODULES:
        module = importlib.import_module(name)
        out.extend(module.claims(data_dir))
    return out

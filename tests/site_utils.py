"""Helpers for tests of the built HTML site (_build/html)."""

from __future__ import annotations

from pathlib import Path

from nickelate_utils import paths
from nickelate_utils.paths import REPO_ROOT

SITE = REPO_ROOT / "_build" / "html"


def toc_pages() -> list[str]:
    """Document names (without suffix) of every page in _toc.yml, in book order."""
    return paths.toc_pages()


def require_site() -> Path:
    index = SITE / "index.html"
    if not index.exists():
        raise FileNotFoundError(f"{index} is missing: run `make book` before the site tests")
    return SITE

"""Helpers for tests of the built HTML site (_build/html)."""

from __future__ import annotations

from pathlib import Path

import yaml

from nickelate_utils.paths import REPO_ROOT

SITE = REPO_ROOT / "_build" / "html"


def toc_pages() -> list[str]:
    """Document names (without suffix) of every page in _toc.yml, in book order."""
    toc = yaml.safe_load((REPO_ROOT / "_toc.yml").read_text())
    pages = [toc["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries:
            if "file" in entry:
                pages.append(entry["file"])
            walk(entry.get("sections", []))
            walk(entry.get("chapters", []))

    for part in toc.get("parts", []):
        walk(part.get("chapters", []))
    walk(toc.get("chapters", []))
    return pages


def require_site() -> Path:
    index = SITE / "index.html"
    if not index.exists():
        raise FileNotFoundError(f"{index} is missing: run `make book` before the site tests")
    return SITE

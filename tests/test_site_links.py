"""Static checks of the built site: internal links and anchors, claims.json, page weight."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from nickelate_utils.register import all_claims
from tests.site_utils import require_site, toc_pages


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"id", "name"} and value:
                self.ids.add(value)
            if value and ((tag == "a" and name == "href") or (tag in {"img", "script"} and name == "src")
                          or (tag == "link" and name == "href")):
                self.links.append(value)


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def test_no_broken_internal_links_or_anchors() -> None:
    site = require_site()
    pages = {p: _parse(p) for p in site.rglob("*.html") if "_static" not in p.parts}
    broken: list[str] = []
    for page, info in pages.items():
        for link in info.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//") or link.startswith("mailto:"):
                continue  # external: not checked offline
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)} -> {link} (missing anchor)")
    assert not broken, "broken internal links:\n" + "\n".join(broken[:30])


def test_every_toc_page_was_built() -> None:
    site = require_site()
    missing = [p for p in toc_pages() if not (site / f"{p}.html").exists()]
    assert not missing


def test_no_cdn_or_external_script_in_pages() -> None:
    site = require_site()
    for page in site.rglob("*.html"):
        for link in _parse(page).links:
            if link.endswith(".js") or ".js?" in link:
                assert not urlsplit(link).scheme, f"{page.name} loads a remote script {link}"


def test_claims_json_matches_a_fresh_computation() -> None:
    """Determinism: the register written by the build equals one computed now."""
    site = require_site()
    built = json.loads((site / "claims.json").read_text())
    fresh = [c.as_dict() for c in all_claims()]
    assert built["claims"] == fresh
    assert sum(built["counts"].values()) == len(fresh)


@pytest.mark.parametrize("page", toc_pages())
def test_page_weight_under_3_mb(page: str) -> None:
    site = require_site()
    html = site / f"{page}.html"
    total = html.stat().st_size
    for link in _parse(html).links:
        parts = urlsplit(link)
        if parts.scheme or not parts.path.endswith((".png", ".jpg", ".svg")):
            continue
        total += (html.parent / unquote(parts.path)).resolve().stat().st_size
    assert total < 3_000_000, f"{page}: {total / 1e6:.2f} MB with images"

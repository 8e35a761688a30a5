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


class _FigureCaptions(HTMLParser):
    """The caption text of every figure and the links inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: dict[str, dict[str, list[str]]] = {}
        self._figure: str | None = None
        self._in_caption = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "figure" and (a.get("id") or "").startswith("fig-"):
            self._figure = str(a["id"])
            self.figures[self._figure] = {"text": [], "links": []}
        elif tag == "figcaption" and self._figure:
            self._in_caption += 1
        elif tag == "a" and self._in_caption and self._figure:
            self.figures[self._figure]["links"].append(a.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "figcaption" and self._in_caption:
            self._in_caption -= 1
        elif tag == "figure":
            self._figure = None

    def handle_data(self, data: str) -> None:
        if self._in_caption and self._figure:
            self.figures[self._figure]["text"].append(data)


@pytest.mark.parametrize("page", [p for p in toc_pages() if p.startswith("notebooks/")])
def test_every_figure_caption_links_the_code_that_drew_it(page: str) -> None:
    """Each chapter figure ends its caption with 'Code:' and links to the code-reference entry
    of every function named there (a reference Sphinx could not resolve would be plain text)."""
    site = require_site()
    parser = _FigureCaptions()
    parser.feed((site / f"{page}.html").read_text(encoding="utf-8"))
    assert parser.figures, f"{page} has no figure"
    for fig, content in parser.figures.items():
        text = "".join(content["text"])
        assert "Code:" in text, f"{page}#{fig}: the caption names no code"
        code_links = [h for h in content["links"] if "book/api/" in h]
        named = text.split("Code:")[1].count(",") + 1
        assert len(code_links) == named, f"{page}#{fig}: {named} functions named, {len(code_links)} linked"
        for href in code_links:
            path, _, anchor = href.partition("#")
            target = (site / page).parent / path
            assert target.exists(), f"{page}#{fig}: {href} points to no page"
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), f"{page}#{fig}: no entry {anchor}"


class _VisibleText(HTMLParser):
    """Text a reader sees: everything outside code blocks, inline code, scripts and styles."""

    SKIP = {"pre", "code", "script", "style", "textarea"}

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.text.append(data)


@pytest.mark.parametrize("page", toc_pages())
def test_no_unrendered_myst_markup_in_visible_text(page: str) -> None:
    """A role that reached the page as text ('T{sub}`c`' pasted by glue:md as CommonMark) is a
    rendering bug the build does not warn about."""
    import re

    parser = _VisibleText()
    parser.feed((require_site() / f"{page}.html").read_text(encoding="utf-8"))
    text = "".join(parser.text)
    leftovers = sorted(set(re.findall(r"\{(?:sub|sup|cite:[tp]|eq|numref|math|glue:\w+|py:\w+)\}", text)))
    assert not leftovers, f"{page} shows unrendered MyST roles: {leftovers}"

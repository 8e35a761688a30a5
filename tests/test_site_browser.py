"""The built book in a real browser (Debian's Chromium driven by Playwright), fully offline.

For every page of the table of contents: no JavaScript error, no request leaving loopback,
MathJax rendered where the page has math, every image loaded, glued numbers present and the
claims table present on chapter pages. A full-page screenshot of each page is saved under
_build/screenshots/. Needs `make book` first and /usr/bin/chromium (or CHROMIUM=/path).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from nickelate_utils.paths import REPO_ROOT
from tests.site_utils import require_site, toc_pages

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHOTS = REPO_ROOT / "_build" / "screenshots"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    site = require_site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium or set CHROMIUM")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }


@pytest.mark.parametrize("doc", toc_pages())
def test_page_in_browser(page, site_url: str, doc: str) -> None:  # type: ignore[no-untyped-def]
    outside: list[str] = []
    errors: list[str] = []

    def guard(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{site_url}/{doc}.html", wait_until="load")
    page.wait_for_load_state("networkidle")

    if page.locator(".math").count() > 0:
        page.wait_for_selector("mjx-container", timeout=15_000)
    broken = page.evaluate(
        "Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
    )
    is_chapter = doc.startswith("notebooks/")
    if is_chapter:
        assert page.locator("table.claims-table[id^='claims-']").count() == 1, "claims table missing"
        assert page.locator(".pasted-text").count() > 0, "no glued numbers on the page"
        assert page.locator("img").count() > 0, "chapter has no figure"
        assert page.locator("p.nb-download a[href$='.ipynb']").count() == 1, "no notebook download link"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / (doc.replace("/", "__") + ".png")), full_page=True)

    assert not outside, f"requests left loopback: {outside}"
    assert not errors, f"JavaScript errors: {errors}"
    assert not broken, f"images not loaded: {broken}"

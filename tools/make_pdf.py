"""Print the built book to one PDF with the Chromium the tests use (no LaTeX, offline).

Usage: `make pdf` (after `make book`), or `.venv/bin/python tools/make_pdf.py [out.pdf]`.
Default output: `_build/html/nickelate-book.pdf` (inside the site, so the intro's link works).

Each page of the table of contents is served on 127.0.0.1, opened in Debian's Chromium through
Playwright (MathJax rendered, figures loaded) and printed; pypdf joins the pages in book order,
adds one bookmark per page and stamps every page with its number, the total and the build date
(the stamp is itself printed by Chromium from a small HTML page, so no font or PDF code is
written by hand). Requests leaving loopback are blocked.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import os
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.site_utils import require_site, toc_pages  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PDF_NAME = "nickelate-book.pdf"
PAGE = {"format": "A4", "margin": {"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"}}
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
PRINT_CSS = """
.bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-footer, .bd-footer-article,
.prev-next-area, .header-article, .nb-download, .headerlink, #pst-back-to-top,
.register-filters, .datatable-top, .datatable-bottom { display: none !important; }
.bd-main .bd-content .bd-article-container { max-width: 100% !important; }
table.claims-table { font-size: 7pt !important; }
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _stamp_html(n_pages: int, title: str, built: str) -> str:
    pages = "".join(
        f'<div class="p"><span>{html.escape(title)} · built {built}</span><span>{i} / {n_pages}</span></div>'
        for i in range(1, n_pages + 1))
    return ("<html><head><style>@page { size: A4; margin: 0 } body { margin: 0 }"
            ".p { height: 296mm; position: relative; page-break-after: always; font: 8pt sans-serif; color: #555 }"
            ".p span { position: absolute; bottom: 6mm } .p span:first-child { left: 12mm }"
            ".p span:last-child { right: 12mm }</style></head><body>" + pages + "</body></html>")


def build_pdf(out: Path, built: str | None = None) -> Path:
    """Print every page of the book into ``out``; return it."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader, PdfWriter

    site = require_site()
    built = built or dt.date.today().isoformat()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    writer = PdfWriter()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
            page = browser.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                       else route.abort())
            for doc in toc_pages():
                page.goto(f"{base}/{doc}.html", wait_until="load")
                if page.locator(".math").count():
                    page.wait_for_selector("mjx-container", timeout=20_000)
                page.add_style_tag(content=PRINT_CSS)
                title = page.locator("h1").first.inner_text().strip().rstrip("#").strip()
                reader = PdfReader(io.BytesIO(page.pdf(print_background=True, **PAGE)))
                start = len(writer.pages)
                for p in reader.pages:
                    writer.add_page(p)
                writer.add_outline_item(title=title, page_number=start)
            book_title = page.title().split("—")[-1].strip() or "La2SmNi2O7 at 96 K"
            page.set_content(_stamp_html(len(writer.pages), book_title, built))
            stamps = PdfReader(io.BytesIO(page.pdf(format="A4", margin={"top": "0", "bottom": "0",
                                                                          "left": "0", "right": "0"})))
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    for target, stamp in zip(writer.pages, stamps.pages, strict=True):
        target.merge_page(stamp)
    writer.add_metadata({"/Title": "La2SmNi2O7 at 96 K: an executable companion", "/CreationDate": built})
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        writer.write(fh)
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else require_site() / PDF_NAME
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: install Debian's chromium or set CHROMIUM", file=sys.stderr)
        return 1
    print(f"wrote {build_pdf(out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

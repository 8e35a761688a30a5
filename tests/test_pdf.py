"""`make pdf`: the whole book printed by Chromium into one PDF, chapters in order, numbered."""

from __future__ import annotations

import pytest

from tests.site_utils import require_site, toc_pages
from tools.make_pdf import PDF_NAME

pytestmark = pytest.mark.browser


def test_book_pdf_has_every_page_in_order_with_numbers() -> None:
    """The PDF that `make test` (and `make pdf`) printed from the site just built."""
    import datetime as dt

    from pypdf import PdfReader

    site = require_site()
    pdf = site / PDF_NAME
    assert pdf.exists(), f"{pdf} missing: run `make pdf`"
    assert pdf.stat().st_mtime >= (site / "index.html").stat().st_mtime, f"{pdf} is older than the site: make pdf"
    reader = PdfReader(str(pdf))
    n = len(reader.pages)
    assert n >= len(toc_pages())
    text = [p.extract_text() for p in reader.pages]
    built = dt.date.fromtimestamp(pdf.stat().st_mtime).isoformat()
    assert f"1 / {n}" in text[0] and f"{n} / {n}" in text[-1] and f"built {built}" in text[-1]
    titles = [o.title for o in reader.outline]
    assert len(titles) == len(toc_pages())
    import importlib

    from nickelate_utils.register import CHAPTERS

    positions = []
    for module, _ in CHAPTERS:
        title = importlib.import_module(module).CHAPTER
        first_words = title.split(". ", 1)[1].split()[:2]  # 'In-plane distortion' (the page adds a Delta)
        hits = [k for k, t in enumerate(titles) if t.split()[:2] == first_words]
        assert hits, f"chapter {title!r} not among the bookmarks {titles}"
        assert any(title.split(". ", 1)[1].split()[0] in page for page in text), title
        positions.append(hits[0])
    assert positions == sorted(positions), "chapters out of order"

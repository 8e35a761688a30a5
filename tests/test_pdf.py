"""`make pdf`: the whole book printed by Chromium into one PDF, chapters in order, numbered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.site_utils import require_site, toc_pages
from tools.make_pdf import build_pdf

pytestmark = pytest.mark.browser


def test_book_pdf_has_every_page_in_order_with_numbers(tmp_path: Path) -> None:
    from pypdf import PdfReader

    site = require_site()
    pdf = build_pdf(tmp_path / "book.pdf", built="2026-01-02")
    reader = PdfReader(str(pdf))
    n = len(reader.pages)
    assert n >= len(toc_pages())
    text = [p.extract_text() for p in reader.pages]
    assert f"1 / {n}" in text[0] and f"{n} / {n}" in text[-1] and "built 2026-01-02" in text[-1]
    titles = [o.title for o in reader.outline]
    assert len(titles) == len(toc_pages())
    chapters = [p for p in toc_pages() if p.startswith("notebooks/")]
    for doc in chapters:
        h1 = re.search(r"<h1>(.*?)<a", (site / f"{doc}.html").read_text(encoding="utf-8"), re.S)
        assert h1, doc
        title = re.sub(r"<[^>]+>", "", h1.group(1)).strip()
        assert any(title in t for t in titles), f"{title!r} not among the bookmarks"
        assert any(title.split()[0] in page for page in text)
    order = [titles.index(next(t for t in titles if t.startswith(str(i)))) for i in range(1, len(chapters) + 1)
             if any(t.startswith(str(i)) for t in titles)]
    assert order == sorted(order), "chapters out of order"
    assert "mjx-container" not in "".join(text)

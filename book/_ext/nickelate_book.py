"""Local Sphinx extension of the book.

1. Removes duplicated inline scripts: with Sphinx 7 / Jupyter Book 1.0.4 every page carries
   ``const THEBE_JS_URL`` twice, which is a JavaScript error in the browser
   (see README, "Known issues").
2. Writes the whole claims register as ``claims.json`` into the built site.
3. Declares sphinx-multitoc-numbering parallel-safe (see the function's docstring).
4. Puts download links (.ipynb with outputs, .md source) under each chapter's title and
   copies the stored notebooks next to the pages.
5. Adds the book's small stylesheet (``static/nickelate.css``: figure-index thumbnails, claim
   statuses).
7. Copies the data packages into the site and writes ``ro-crate-metadata.json`` (RO-Crate 1.1,
   ``nickelate_utils.crate``).
6. Serves the table library of the scorecard (simple-datatables, installed from npm by
   ``npm ci``, copied into ``_static/vendor/`` with its licence; never a CDN) and the scorecard's
   filters (``static/scorecard.js``), on the scorecard page only.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx


def _dedupe_scripts(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                    doctree: Any) -> None:
    seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    unique = []
    for js in context.get("script_files") or []:
        attrs = getattr(js, "attributes", {}) or {}
        key = (str(getattr(js, "filename", js) or ""),
               tuple(sorted((k, str(v)) for k, v in attrs.items())))
        if key not in seen:
            seen.add(key)
            unique.append(js)
    context["script_files"] = unique


def _download_links(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                    doctree: Any) -> None:
    """Under the title of every chapter, links to its notebook with stored outputs (.ipynb,
    copied next to the page by :func:`_copy_notebooks`) and to its MyST source (.md)."""
    stem = pagename.rsplit("/", 1)[-1]
    if not pagename.startswith("notebooks/") or "body" not in context:
        return
    if not (Path(app.srcdir) / f"{pagename}.ipynb").exists():
        return
    links = (
        f'<p class="nb-download">Run this chapter yourself: '
        f'<a href="{stem}.ipynb" download>notebook with outputs (.ipynb)</a> &middot; '
        f'<a href="../_sources/{pagename}.md" download>MyST source (.md)</a> '
        f"(needs the repository's <code>data/</code> and <code>nickelate_utils</code>)</p>"
    )
    body = context["body"]
    cut = body.find("</h1>")
    context["body"] = body[: cut + 5] + links + body[cut + 5 :] if cut >= 0 else links + body


def _copy_notebooks(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for ipynb in sorted((Path(app.srcdir) / "notebooks").glob("*.ipynb")):
        target = Path(app.outdir) / "notebooks" / ipynb.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ipynb, target)


def _write_claims(app: Sphinx, exception: Exception | None) -> None:
    """``claims.json`` (the whole register) and its JSON Schema, at the root of the site."""
    if exception is not None or app.builder.format != "html":
        return
    from nickelate_utils.register import SCHEMA_PATH, payload

    out = Path(app.outdir) / "claims.json"
    out.write_text(json.dumps(payload(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    shutil.copyfile(SCHEMA_PATH, Path(app.outdir) / SCHEMA_PATH.name)


def _write_crate(app: Sphinx, exception: Exception | None) -> None:
    """The data packages copied into the site and ``ro-crate-metadata.json`` describing it (after
    the notebooks and claims.json are in place)."""
    if exception is not None or app.builder.format != "html":
        return
    from nickelate_utils.crate import copy_data_packages, write_crate
    from nickelate_utils.paths import DATA_DIR, REPO_ROOT

    copy_data_packages(DATA_DIR, Path(app.outdir))
    write_crate(Path(app.outdir), REPO_ROOT)


def _add_static(app: Sphinx) -> None:
    app.config.html_static_path.append(str(Path(__file__).parent / "static"))


TABLE_LIBRARY = Path("node_modules") / "simple-datatables"
"""npm package of the scorecard's table library (package.json pins the version)."""

TABLE_LIBRARY_FILES: dict[str, str] = {
    "dist/umd/simple-datatables.js": "simple-datatables.js",
    "dist/style.css": "simple-datatables.css",
    "LICENSE": "LICENSE",
}

SCORECARD_PAGE = "book/scorecard"


def _table_library_dir(app: Sphinx) -> Path:
    root = Path(app.srcdir) / TABLE_LIBRARY
    missing = [name for name in TABLE_LIBRARY_FILES if not (root / name).is_file()]
    if missing:
        from sphinx.errors import ExtensionError

        raise ExtensionError(f"{root}: missing {missing}; run `npm ci` (make book does it)")
    return root


def _scorecard_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                      doctree: Any) -> None:
    if pagename != SCORECARD_PAGE:
        return
    app.add_css_file("vendor/simple-datatables/simple-datatables.css")
    app.add_js_file("vendor/simple-datatables/simple-datatables.js")
    app.add_js_file("scorecard.js")


def _copy_table_library(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    root = _table_library_dir(app)
    target = Path(app.outdir) / "_static" / "vendor" / "simple-datatables"
    target.mkdir(parents=True, exist_ok=True)
    for source, name in TABLE_LIBRARY_FILES.items():
        shutil.copyfile(root / source, target / name)


def _declare_multitoc_parallel_safe(app: Sphinx) -> None:
    """sphinx-multitoc-numbering 0.1.3 (loaded by sphinx-external-toc) does not declare parallel
    safety, so Sphinx refuses parallel reading with a warning (an error under -W). It only
    renumbers sections after all documents are read and merged, in the main process, so parallel
    reading is safe; declare it, so notebooks execute in parallel (tools/build_book.py)."""
    ext = app.extensions.get("sphinx_multitoc_numbering")
    if ext is not None:
        ext.parallel_read_safe = True
        ext.parallel_write_safe = True


def setup(app: Sphinx) -> dict[str, Any]:
    _declare_multitoc_parallel_safe(app)
    app.connect("builder-inited", _add_static)
    app.add_css_file("nickelate.css")
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    app.connect("html-page-context", _download_links)
    app.connect("html-page-context", _scorecard_assets)
    app.connect("build-finished", _copy_table_library)
    app.connect("build-finished", _write_claims)
    app.connect("build-finished", _copy_notebooks)
    app.connect("build-finished", _write_crate, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Incremental builds of the real book (private copy, warm execution cache as after `make book`):
a change to one chapter's code executes that chapter only, a prose-only change executes nothing,
and the page shows the new output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nickelate_utils.paths import REPO_ROOT
from tests.conftest import build_book, copy_book

CHAPTER = "notebooks/ch01_growth.md"


def _executed(root: Path) -> list[str]:
    times = json.loads((root / "_build" / ".execution-times.json").read_text())
    return sorted(name for name, t in times["notebooks"].items() if t["executed"])


def test_one_chapter_change_executes_that_chapter_only(tmp_path: Path) -> None:
    if not (REPO_ROOT / "_build" / ".cache-inputs-sha256").is_file():
        pytest.fail("no execution cache: run `make book` first (make test does)")
    root = copy_book(tmp_path / "book")
    chapter = root / CHAPTER
    text = chapter.read_text()
    first = text.index("```{code-cell}")
    end = text.index("\n```", first + 3) + 1
    chapter.write_text(text[:end] + 'print("incremental-build-marker")\n' + text[end:])
    result = build_book(root)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    if _executed(root) != [CHAPTER]:
        pytest.fail(f"executed {_executed(root)}: the repository's cache is stale (run `make book`) or "
                    "a change to one chapter re-executed others")
    assert "incremental-build-marker" in (root / "_build" / "html" / "notebooks" / "ch01_growth.html").read_text()
    chapter.write_text(chapter.read_text().replace("```{code-cell}", "Prose changed.\n\n```{code-cell}", 1))
    result = build_book(root)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert _executed(root) == []
    assert "Prose changed." in (root / "_build" / "html" / "notebooks" / "ch01_growth.html").read_text()


def test_pages_removed_from_the_toc_are_removed_from_the_site(tmp_path: Path) -> None:
    """Sphinx never deletes the output of a removed page; the build does, and nothing else."""
    import importlib.util

    from nickelate_utils.paths import toc_pages

    spec = importlib.util.spec_from_file_location("build_book", REPO_ROOT / "tools" / "build_book.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    html = tmp_path / "html"
    kept = [f"{toc_pages()[0]}.html", "index.html", "search.html", "_static/x.html", "data/growth/x.html"]
    for rel in [*kept, "book/api/crystal.html", "_sources/book/api/crystal.md"]:
        (html / rel).parent.mkdir(parents=True, exist_ok=True)
        (html / rel).write_text("x")
    assert module.remove_orphan_pages(html) == ["book/api/crystal.html"]
    assert not (html / "book/api/crystal.html").exists() and not (html / "_sources/book/api/crystal.md").exists()
    assert all((html / rel).exists() for rel in kept)

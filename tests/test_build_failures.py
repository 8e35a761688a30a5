"""Failure behaviour of the book build: a hand-edited data file, a malformed row, a missing
file or a notebook cell that raises stops the build with a message naming the file and line
(or the notebook and cell), and nothing in data/ is changed.

Each test builds a minimal copy of the book (intro + chapter 1) in a temporary folder, with
PYTHONPATH pointing at the copy so that its package reads its own data/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nickelate_utils.data import sha256_of
from nickelate_utils.paths import REPO_ROOT
from tests.conftest import tree_digest

TOC = """format: jb-book
root: book/intro
chapters:
  - file: book/data-provenance
  - file: notebooks/ch01_growth
  - file: book/scorecard
  - file: book/references
"""


@pytest.fixture
def book_copy(tmp_path: Path) -> Path:
    root = tmp_path / "book-copy"
    for name in ("book", "nickelate_utils", "data", "tools", "_vendor"):
        src = REPO_ROOT / name
        if not src.exists():
            pytest.fail(f"{src} missing: run `make book` first (it creates _vendor/)")
        shutil.copytree(src, root / name, ignore=shutil.ignore_patterns("__pycache__", "source"))
    (root / "notebooks").mkdir()
    shutil.copy(REPO_ROOT / "notebooks" / "ch01_growth.md", root / "notebooks")
    shutil.copy(REPO_ROOT / "_config.yml", root)
    (root / "_toc.yml").write_text(TOC)
    return root


def _build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, str(root / "tools" / "build_book.py")],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )


def _set_hash(root: Path, csv_name: str) -> None:
    descriptor = root / "data" / "growth" / "datapackage.json"
    package = json.loads(descriptor.read_text())
    for res in package["resources"]:
        if res["path"] == csv_name:
            res["hash"] = "sha256:" + sha256_of(root / "data" / "growth" / csv_name)
    descriptor.write_text(json.dumps(package, indent=2) + "\n")


def test_the_minimal_copy_builds(book_copy: Path) -> None:
    result = _build(book_copy)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]


def test_hand_edited_file_stops_the_build(book_copy: Path) -> None:
    csv = book_copy / "data" / "growth" / "flux_growth.csv"
    csv.write_text(csv.read_text().replace(",2.05,0.95,", ",2.06,0.94,", 1))
    before = tree_digest(book_copy / "data")
    result = _build(book_copy)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/growth/flux_growth.csv: checksum mismatch" in log
    assert tree_digest(book_copy / "data") == before


def test_malformed_row_names_line_and_column(book_copy: Path) -> None:
    csv = book_copy / "data" / "growth" / "flux_growth.csv"
    csv.write_text(csv.read_text().replace(",1.01,1.99,", ",1.O1,1.99,", 1))
    _set_hash(book_copy, "flux_growth.csv")  # someone updated the checksum by hand
    before = tree_digest(book_copy / "data")
    result = _build(book_copy)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/growth/flux_growth.csv, line 3, column 'la_eds'" in log
    assert tree_digest(book_copy / "data") == before


def test_missing_file_stops_the_build(book_copy: Path) -> None:
    (book_copy / "data" / "growth" / "cell_parameters.csv").unlink()
    result = _build(book_copy)
    assert result.returncode != 0
    assert "data/growth/cell_parameters.csv: file not found" in result.stdout + result.stderr


def test_raising_cell_names_notebook_and_cell(book_copy: Path) -> None:
    nb = book_copy / "notebooks" / "ch01_growth.md"
    nb.write_text(nb.read_text() + '\n```{code-cell} ipython3\nraise RuntimeError("deliberate failure")\n```\n')
    result = _build(book_copy)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "ch01_growth" in log
    assert 'raise RuntimeError("deliberate failure")' in log

"""Failure behaviour of the real book build (`make book` = tools/build_book.py on the full
``_toc.yml`` with the real ``_config.yml``, parallel execution and parallel Sphinx readers), on a
private copy of the repository.

Broken data (a hand-edited file, a malformed row, a missing file, a missing column) is caught
by the validation that runs before anything else: the build stops within seconds, names the
file, line and column and the remedy, starts no kernel, and leaves data/ unchanged. A cell
that raises stops the build before Sphinx with the notebook, the cell's source and the error;
only that notebook is executed when the repository's execution cache is warm (`make book` ran).
"""

from __future__ import annotations

import csv as csvmod
import json
import time
from pathlib import Path

import pytest

from nickelate_utils.data import sha256_of
from tests.conftest import build_book, copy_book, tree_digest

DATA_STOP_SECONDS = 30.0
"""Upper bound for a data failure to stop the build (about 2 s measured; the bound allows for a
loaded 2-core machine). A build that started executing notebooks would take longer."""


@pytest.fixture
def book_copy(tmp_path: Path) -> Path:
    return copy_book(tmp_path / "book-copy")


def _set_hash(root: Path, package: str, csv_name: str) -> None:
    """Record the file's current sha256 by hand (as someone bypassing `make checksums` would)."""
    descriptor = root / "data" / package / "datapackage.json"
    text = json.loads(descriptor.read_text())
    for res in text["resources"]:
        if res["path"] == csv_name:
            res["hash"] = "sha256:" + sha256_of(root / "data" / package / csv_name)
    descriptor.write_text(json.dumps(text, indent=2) + "\n")


def _replace_line(path: Path, line_no: int, old: str, new: str) -> None:
    lines = path.read_text().splitlines(keepends=True)
    assert old in lines[line_no - 1], lines[line_no - 1]
    lines[line_no - 1] = lines[line_no - 1].replace(old, new, 1)
    path.write_text("".join(lines))


def _stops_on_data(root: Path, expected: str) -> str:
    before = tree_digest(root / "data")
    start = time.perf_counter()
    result = build_book(root, timeout=300)
    elapsed = time.perf_counter() - start
    log = result.stdout + result.stderr
    assert result.returncode == 2, log[-3000:]
    assert "data validation failed: the book was not built" in log
    assert expected in log, log[-3000:]
    assert "executing" not in result.stdout  # no notebook, no kernel started
    assert "IPKernelApp" not in log
    assert elapsed < DATA_STOP_SECONDS
    assert tree_digest(root / "data") == before
    return log


def test_hand_edited_file_names_file_and_remedy(book_copy: Path) -> None:
    _replace_line(book_copy / "data" / "hc2" / "hc2_published.csv", 2, ",210.5,", ",201.5,")
    log = _stops_on_data(book_copy, "data/hc2/hc2_published.csv: checksum mismatch")
    assert "run `make checksums`" in log


def test_malformed_row_names_line_and_column(book_copy: Path) -> None:
    _replace_line(book_copy / "data" / "growth" / "flux_growth.csv", 3, ",1.01,1.99,", ",1.O1,1.99,")
    _set_hash(book_copy, "growth", "flux_growth.csv")  # someone updated the checksum by hand
    log = _stops_on_data(book_copy, "data/growth/flux_growth.csv, line 3, column 'la_eds'")
    assert "Type Error" in log


def test_missing_file_is_named(book_copy: Path) -> None:
    (book_copy / "data" / "growth" / "cell_parameters.csv").unlink()
    _stops_on_data(book_copy, "data/growth/cell_parameters.csv: file not found")


def test_missing_column_is_named(book_copy: Path) -> None:
    csv = book_copy / "data" / "hc2" / "hc2_published.csv"
    rows = list(csvmod.reader(csv.read_text().splitlines()))
    col = rows[0].index("xi_nm")
    with csv.open("w", newline="") as handle:
        csvmod.writer(handle, lineterminator="\n").writerows([r[:col] + r[col + 1:] for r in rows])
    _set_hash(book_copy, "hc2", "hc2_published.csv")
    _stops_on_data(book_copy, "data/hc2/hc2_published.csv, line 1: missing column(s) 'xi_nm'")


def test_bad_source_file_is_named(book_copy: Path) -> None:
    folder = book_copy / "data" / "source" / "hc2"
    folder.mkdir(parents=True)
    (folder / "fig3d.csv").write_text("criterion_percent,h_tesla,t_kelvin\n90,0,92\n50,1,eighty\n")
    _stops_on_data(book_copy, "data/source/hc2/fig3d.csv, line 3, column 't_kelvin'")


def test_raising_cell_names_notebook_and_cell(book_copy: Path) -> None:
    nb = book_copy / "notebooks" / "ch01_growth.md"
    text = nb.read_text()
    first = text.index("```{code-cell}")  # the new cell runs first: the failure comes in seconds
    cell = '```{code-cell} ipython3\nraise RuntimeError("deliberate failure")\n```\n\n'
    nb.write_text(text[:first] + cell + text[first:])
    before = tree_digest(book_copy / "data")
    result = build_book(book_copy)
    log = result.stdout + result.stderr
    assert result.returncode == 3, log[-4000:]
    assert "notebook notebooks/ch01_growth.md raised an error in a cell" in log
    assert 'raise RuntimeError("deliberate failure")' in log
    assert ">>> RuntimeError: deliberate failure" in log
    assert not (book_copy / "_build" / "html" / "index.html").exists()  # Sphinx never started
    assert tree_digest(book_copy / "data") == before

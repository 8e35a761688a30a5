"""Shared fixtures: a private copy of data/ for tests that corrupt files."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from nickelate_utils.paths import DATA_DIR


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file below ``root`` (to prove that nothing on disk changed)."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the repository's data/ folder that a test may corrupt."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("source"))
    return target

"""Shared fixtures: a private copy of data/ for tests that corrupt files, and a private copy of
the whole book for tests that build it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nickelate_utils.paths import DATA_DIR, REPO_ROOT


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


BOOK_PARTS = ("book", "nickelate_utils", "data", "tools", "notebooks", "_vendor")


def copy_book(target: Path, warm_cache: bool = True) -> Path:
    """A copy of the whole book (full ``_toc.yml``, the real ``_config.yml`` and build script)
    under ``target``, for tests that break something and build it.

    ``node_modules`` is linked, not copied. With ``warm_cache``, the repository's execution
    cache is copied too: the build script uses it only if the copy's inputs (data/, package,
    configuration) are byte-identical to those it was filled with, so an unchanged notebook is
    not executed again, exactly as in a rebuild of the repository itself.
    """
    target.mkdir(parents=True)
    for name in BOOK_PARTS:
        src = REPO_ROOT / name
        if not src.exists():
            pytest.fail(f"{src} missing: run `make book` first (it creates _vendor/)")
        shutil.copytree(
            src, target / name,
            ignore=shutil.ignore_patterns("__pycache__", "source", ".ipynb_checkpoints"),
        )
    for path in REPO_ROOT.iterdir():  # _config.yml, _toc.yml, CITATION.cff, pyproject.toml, ...
        if path.is_file():
            shutil.copy(path, target / path.name)
    if (REPO_ROOT / "node_modules").exists():
        (target / "node_modules").symlink_to(REPO_ROOT / "node_modules")
    build = REPO_ROOT / "_build"
    if warm_cache and (build / ".jupyter_cache").is_dir() and (build / ".cache-inputs-sha256").is_file():
        (target / "_build").mkdir()
        shutil.copytree(build / ".jupyter_cache", target / "_build" / ".jupyter_cache")
        shutil.copy(build / ".cache-inputs-sha256", target / "_build" / ".cache-inputs-sha256")
    return target


def build_book(root: Path, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """Run the copy's own ``tools/build_book.py`` (its package first on the path), as `make book`."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, str(root / "tools" / "build_book.py")],
        cwd=root, env=env, capture_output=True, text=True, timeout=timeout,
    )

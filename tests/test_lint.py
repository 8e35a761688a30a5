"""The code passes the project's linter (ruff, rules in pyproject.toml), so `make test` catches
what `make lint` would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from nickelate_utils.paths import REPO_ROOT


def test_ruff_finds_nothing() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "--no-cache", "."], cwd=REPO_ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr

"""Each chapter's MyST source and its stored .ipynb hold the same code, and outputs are clean."""

from __future__ import annotations

import json
from pathlib import Path

import jupytext
import pytest

from nickelate_utils.paths import REPO_ROOT

SOURCES = sorted((REPO_ROOT / "notebooks").glob("*.md"))


@pytest.mark.parametrize("md", SOURCES, ids=[p.stem for p in SOURCES])
def test_md_and_ipynb_have_the_same_code(md: Path) -> None:
    ipynb = md.with_suffix(".ipynb")
    assert ipynb.exists(), f"{ipynb.name} missing: run `make outputs NB={md.relative_to(REPO_ROOT)}`"
    a = [c.source.strip() for c in jupytext.read(md).cells if c.cell_type == "code"]
    b = [c.source.strip() for c in jupytext.read(ipynb).cells if c.cell_type == "code"]
    assert a == b, f"{md.name} and {ipynb.name} differ: run `make outputs`"


@pytest.mark.parametrize("md", SOURCES, ids=[p.stem for p in SOURCES])
def test_stored_outputs_have_no_paths_or_tracebacks(md: Path) -> None:
    nb = json.loads(md.with_suffix(".ipynb").read_text())
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            text = json.dumps({k: v for k, v in out.get("data", {}).items() if "image" not in k})
            text += "".join(out.get("text", []))
            assert out.get("output_type") != "error", f"{md.name}: stored error output"
            for marker in ("/work/", "/root/", "/tmp/", "/home/", "Traceback"):
                assert marker not in text, f"{md.name}: stored output contains {marker!r}"
            assert out.get("name") != "stderr", f"{md.name}: stored stderr output"


def test_every_chapter_is_in_the_toc() -> None:
    toc = (REPO_ROOT / "_toc.yml").read_text()
    for md in SOURCES:
        assert f"notebooks/{md.stem}" in toc, f"{md.name} is not in _toc.yml"

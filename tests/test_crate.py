"""The RO-Crate of the built site: RO-Crate 1.1, every file it names exists with its sha256."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from nickelate_utils.crate import CRATE_NAME, copy_data_packages, write_crate
from nickelate_utils.paths import DATA_DIR, REPO_ROOT
from tests.site_utils import SITE


def _check(site: Path) -> dict:
    from rocrate.rocrate import ROCrate

    document = json.loads((site / CRATE_NAME).read_text(encoding="utf-8"))
    assert document["@context"] == "https://w3id.org/ro/crate/1.1/context"
    graph = {e["@id"]: e for e in document["@graph"]}
    root = graph["./"]
    for key in ("name", "description", "datePublished", "license"):
        assert root.get(key), f"root dataset lacks {key}"
    files = [e for e in graph.values() if e["@type"] == "File"]
    assert files
    for entity in files:
        path = site / entity["@id"]
        assert path.is_file(), f"crate names {entity['@id']}, absent from the site"
        assert entity["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest(), entity["@id"]
    ids = set(graph)
    assert "https://doi.org/10.1038/s41586-025-09954-4" in ids and "https://doi.org/10.5281/zenodo.17310348" in ids
    assert any(i.startswith("#software-jupyter-book") for i in ids)
    ROCrate(str(site))  # the library reads it back
    return document


def test_crate_of_a_small_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "notebooks").mkdir(parents=True)
    (site / "notebooks" / "ch01_growth.ipynb").write_text("{}")
    (site / "claims.json").write_text("{}")
    shutil.copyfile(REPO_ROOT / "nickelate_utils" / "schemas" / "claims.schema.json", site / "claims.schema.json")
    copied = copy_data_packages(DATA_DIR, site)
    assert any(p.name == "datapackage.json" for p in copied)
    assert not (site / "data" / "source").exists()
    write_crate(site, REPO_ROOT)
    first = (site / CRATE_NAME).read_bytes()
    document = _check(site)
    assert any(e["@id"] == "data/growth/claims.csv" for e in document["@graph"])
    write_crate(site, REPO_ROOT)
    assert (site / CRATE_NAME).read_bytes() == first, "the crate is not deterministic"
    (site / "claims.json").write_text('{"changed": 1}')
    with pytest.raises(AssertionError, match="claims.json"):
        _check(site)


def test_crate_of_the_built_site() -> None:
    if not (SITE / CRATE_NAME).exists():
        pytest.skip("book not built (make book)")
    document = _check(SITE)
    assert len([e for e in document["@graph"] if str(e["@id"]).startswith("notebooks/")]) >= 6

"""The data package: every table validates, and bad input fails loudly without side effects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nickelate_utils.data import (
    DATA_CLASSES,
    DataError,
    load_table,
    package_names,
    read_descriptor,
    rehash,
    validate_all,
)
from tests.conftest import tree_digest


def test_every_table_validates() -> None:
    validated = validate_all()
    assert "growth/flux_growth" in validated
    assert len(validated) >= 3


def test_every_resource_has_hash_license_and_units() -> None:
    for package in package_names():
        descriptor = read_descriptor(package)
        assert descriptor.get("licenses"), f"{package}: no licence"
        assert descriptor.get("sources"), f"{package}: no sources"
        for res in descriptor["resources"]:
            assert str(res.get("hash", "")).startswith("sha256:"), res["name"]
            names = [f["name"] for f in res["schema"]["fields"]]
            assert "data_class" in names, res["name"]
            assert "source_location" in names or "doi" in names, res["name"]
            for field in res["schema"]["fields"]:
                unit_suffix = field["name"].rsplit("_", 1)[-1]
                if unit_suffix in {"gpa", "kelvin", "angstrom", "tesla", "oe", "deg"}:
                    assert field.get("unit"), f"{res['name']}.{field['name']} has no unit"


def test_data_classes_are_the_documented_four() -> None:
    assert DATA_CLASSES == ("published", "literature", "derived", "reconstructed")


def test_loaded_table_carries_provenance() -> None:
    table = load_table("growth", "flux_growth")
    info = table.attrs["provenance"]
    assert info.path == "data/growth/flux_growth.csv"
    assert len(info.sha256) == 64
    assert info.data_class == "published"
    assert list(table["row_id"]) == list("abcdefghijklmno")


def _replace_line(path: Path, line_no: int, old: str, new: str) -> None:
    lines = path.read_text().splitlines(keepends=True)
    assert old in lines[line_no - 1]
    lines[line_no - 1] = lines[line_no - 1].replace(old, new, 1)
    path.write_text("".join(lines))


def test_edited_file_fails_on_checksum(data_copy: Path) -> None:
    csv = data_copy / "growth" / "flux_growth.csv"
    _replace_line(csv, 2, "2.05", "2.06")
    before = tree_digest(data_copy)
    with pytest.raises(DataError, match=r"data/growth/flux_growth.csv: checksum mismatch"):
        load_table("growth", "flux_growth", data_copy)
    assert tree_digest(data_copy) == before


def test_non_numeric_value_names_file_line_and_column(data_copy: Path) -> None:
    csv = data_copy / "growth" / "flux_growth.csv"
    _replace_line(csv, 3, ",1.01,", ",one,")
    rehash_error_expected = pytest.raises(DataError, match=r"line 3, column 'la_eds'")
    before = tree_digest(data_copy)
    with rehash_error_expected:
        rehash(data_copy)  # refuses to record a checksum for an invalid table
    assert tree_digest(data_copy) == before


def test_value_outside_constraint_is_reported(data_copy: Path) -> None:
    csv = data_copy / "growth" / "flux_growth.csv"
    _replace_line(csv, 6, ",1.47,", ",2.47,")  # (La+R):Ni outside [1, 2]
    with pytest.raises(DataError, match=r"line 6, column 'la_plus_r_to_ni'.*constraint"):
        rehash(data_copy)


def test_missing_column_is_reported(data_copy: Path) -> None:
    csv = data_copy / "growth" / "cell_parameters.csv"
    lines = csv.read_text().splitlines()
    cut = [",".join(line.split(",")[:3] + line.split(",")[4:]) for line in lines]  # drop t_kelvin
    csv.write_text("\n".join(cut) + "\n")
    with pytest.raises(DataError, match=r"cell_parameters.csv.*t_kelvin"):
        rehash(data_copy)


def test_missing_file_is_reported(data_copy: Path) -> None:
    (data_copy / "growth" / "claims.csv").unlink()
    before = tree_digest(data_copy)
    with pytest.raises(DataError, match=r"data/growth/claims.csv: file not found"):
        load_table("growth", "claims", data_copy)
    assert tree_digest(data_copy) == before


def test_unknown_resource_lists_the_known_ones() -> None:
    with pytest.raises(DataError, match=r"no resource named 'nope'.*flux_growth"):
        load_table("growth", "nope")


def test_bad_data_class_is_rejected(data_copy: Path) -> None:
    csv = data_copy / "growth" / "flux_growth.csv"
    descriptor = data_copy / "growth" / "datapackage.json"
    text = json.loads(descriptor.read_text())
    for res in text["resources"]:
        for field in res["schema"]["fields"]:
            if field["name"] == "data_class":
                field["constraints"].pop("enum")
    descriptor.write_text(json.dumps(text))
    _replace_line(csv, 2, ",published,", ",derived,")
    rehash(data_copy)
    with pytest.raises(DataError, match=r"line 2, column 'data_class': 'derived' is not a stored"):
        load_table("growth", "flux_growth", data_copy)


def test_rehash_is_idempotent_on_clean_data(data_copy: Path) -> None:
    before = tree_digest(data_copy)
    assert rehash(data_copy) == []
    assert tree_digest(data_copy) == before


def test_paper_doi_constant_matches_the_packages_sources() -> None:
    from nickelate_utils import PAPER_DOI

    for package in package_names():
        paths = [s.get("path", "") for s in read_descriptor(package)["sources"]]
        assert any(PAPER_DOI in p for p in paths), (package, paths)

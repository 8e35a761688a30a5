"""The data package: every table validates, and bad input fails loudly without side effects."""

from __future__ import annotations

import json
import re
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
from nickelate_utils.paths import REPO_ROOT
from nickelate_utils.source_data import load_source, source_spec
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


# --------------------------------------------------------------------------- authors' source data


def _source(data_copy: Path, relative: str, text: str) -> Path:
    path = data_copy / "source" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_source_file_absent_gives_none(data_copy: Path) -> None:
    assert load_source("hc2/fig3d.csv", data_copy) is None


def test_source_file_by_absolute_path(data_copy: Path) -> None:
    path = _source(data_copy, "resistivity/La2SmNi2O7_c6_21.6GPa_0T.csv", "t_kelvin,rho_mohm_cm\n10,0.5\n20,0.6\n")
    for frame in (load_source(path, data_copy), load_source(path)):  # also without naming the data folder
        assert frame is not None
        assert list(frame.columns) == ["t_kelvin", "rho_mohm_cm"]
        assert frame.attrs["provenance"].resource == "resistivity"


def test_source_file_is_validated_typed_and_carries_provenance(data_copy: Path) -> None:
    _source(data_copy, "hc2/fig3d.csv", "t_kelvin,h_tesla,criterion_percent,comment\n92.0,0,90,x\n85.5,1.5,50,y\n")
    frame = load_source("hc2/fig3d.csv", data_copy)
    assert frame is not None
    assert list(frame.columns) == ["criterion_percent", "h_tesla", "t_kelvin"]  # schema order, extra dropped
    assert frame["criterion_percent"].tolist() == [90, 50]
    assert frame["t_kelvin"].dtype == "float64" and frame["t_kelvin"].tolist() == [92.0, 85.5]
    info = frame.attrs["provenance"]
    assert info.path == "data/source/hc2/fig3d.csv" and info.package == "source" and len(info.sha256) == 64
    assert frame.attrs["units"]["h_tesla"] == "T"


@pytest.mark.parametrize(
    ("relative", "text", "message"),
    [
        ("hc2/fig3d.csv", "criterion_percent,h_tesla\n90,1\n",
         r"data/source/hc2/fig3d.csv, line 1: missing column\(s\) 't_kelvin'"),
        ("hc2/fig3d.csv", "criterion_percent,h_tesla,t_kelvin\n90,1,80\n40,2,70\n",
         r"data/source/hc2/fig3d.csv, line 3, column 'criterion_percent': Constraint Error"),
        ("hc2/fig3d.csv", "criterion_percent,h_tesla,t_kelvin\n90,-1,80\n",
         r"line 2, column 'h_tesla': Constraint Error"),
        ("susceptibility/fig3e.csv", "mode,t_kelvin,chi_si\nZFC,10,-1\nFCC,10,-0.1\n",
         r"fig3e.csv, line 3, column 'mode'"),
        ("susceptibility/fig3e.csv", "mode,t_kelvin,chi_si\nZFC,10,nan\n", r"line 2, column 'chi_si'"),
        ("lattice_parameters.csv",
         "composition,rare_earth,x,a_angstrom,a_err_angstrom,b_angstrom,b_err_angstrom\n"
         "La3Ni2O7,La,0,5.39,0.01,5.45,0.01\nLa3Ni2O7,La,0,5.39,0.01,5.45,0.01\n",
         r"line 3, column 'composition': Unique Error"),
        ("resistivity/La2SmNi2O7_c6_21.6GPa_0T.csv", "t_kelvin,r_ohm,rho_mohm_cm\n10,1,2\n",
         r"needs exactly one of the columns r_ohm, rho_mohm_cm"),
        ("resistivity/La2SmNi2O7_c6_21.6GPa_0T.csv", "t_kelvin,r_ohm\n10,1\n11,one\n",
         r"line 3, column 'r_ohm': Type Error"),
        ("resistivity/La2SmNi2O7_21.6GPa.csv", "t_kelvin,r_ohm\n10,1\n", r"not a known source-data file"),
    ],
)
def test_bad_source_file_names_file_line_and_column(data_copy: Path, relative: str, text: str, message: str) -> None:
    _source(data_copy, relative, text)
    before = tree_digest(data_copy)
    with pytest.raises(DataError, match=message):
        load_source(relative, data_copy)
    with pytest.raises(DataError, match=message):
        validate_all(data_copy)  # the build's first step finds it too
    assert tree_digest(data_copy) == before


def test_every_documented_layout_has_a_schema() -> None:
    readme = (REPO_ROOT / "README.md").read_text()
    section = readme.split("## Adding the authors' source data", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"\| `data/source/([^`]+)`", section)
    assert len(documented) >= 4
    examples = {"resistivity/<compound>_c<crystal>_<p>GPa_<field>T.csv": "resistivity/La2SmNi2O7_c6_21.6GPa_0T.csv"}
    for relative in documented:
        assert source_spec(examples.get(relative, relative))["schema"]["fields"]


def _count_validations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record every frictionless validation from now on (one entry per call)."""
    import frictionless

    calls: list[int] = []
    original = frictionless.Resource.validate

    def counting(self: frictionless.Resource, *args: object, **kwargs: object) -> object:
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(frictionless.Resource, "validate", counting)
    return calls


def test_validation_is_cached_by_path_and_checksum(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_validations(monkeypatch)
    path = _source(data_copy, "hc2/fig3d.csv", "criterion_percent,h_tesla,t_kelvin\n90,0,92\n")
    first = load_source("hc2/fig3d.csv", data_copy)
    load_table("growth", "flux_growth", data_copy)
    n = len(calls)
    second = load_source("hc2/fig3d.csv", data_copy)
    load_table("growth", "flux_growth", data_copy)
    assert len(calls) == n  # same bytes: not validated again
    assert first is not None and second is not None and first is not second  # callers get their own copy
    second.loc[0, "t_kelvin"] = -1.0
    assert load_source("hc2/fig3d.csv", data_copy)["t_kelvin"].iloc[0] == 92.0  # type: ignore[index]
    path.write_text("criterion_percent,h_tesla,t_kelvin\n90,0,-5\n")  # new bytes: validated again
    with pytest.raises(DataError, match="line 2, column 't_kelvin'"):
        load_source("hc2/fig3d.csv", data_copy)


def test_keys_validated_by_the_build_are_not_validated_again(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    from nickelate_utils import data as data_module

    _source(data_copy, "hc2/fig3d.csv", "criterion_percent,h_tesla,t_kelvin\n90,0,92\n")
    validate_all(data_copy)
    registry = tmp_path / "validated.json"
    assert data_module.write_validated(registry) >= 30
    monkeypatch.setattr(data_module, "_TABLE_CACHE", {})  # a new process (a notebook kernel)
    monkeypatch.setenv(data_module.VALIDATED_ENV, str(registry))
    calls = _count_validations(monkeypatch)
    assert load_table("growth", "flux_growth", data_copy)["row_id"].iloc[0] == "a"
    assert load_source("hc2/fig3d.csv", data_copy) is not None
    assert calls == []  # read, not validated again
    _replace_line(data_copy / "growth" / "flux_growth.csv", 2, "2.05", "2.06")  # new bytes: a new key
    with pytest.raises(DataError, match="checksum mismatch"):
        load_table("growth", "flux_growth", data_copy)
    assert calls


# --------------------------------------------------------------------------- data never becomes markup

MARKUP = '<img src=x onerror=alert(1)> <script>alert(2)</script> [link](javascript:alert(3)) `x` {eval}`1`'


def test_display_table_escapes_every_text_cell_and_label() -> None:
    import pandas as pd

    from nickelate_utils.display import table

    frame = pd.DataFrame({"note": [MARKUP], "<b>col</b>": ["O'Brien & co"], "status": ["reproduced"]})
    html = table(frame, "t-escape").to_html()
    assert "<img" not in html and "<script" not in html and "<b>col" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;col&lt;/b&gt;" in html


def test_provenance_markdown_escapes_interpolated_values(data_copy: Path) -> None:
    from markdown_it import MarkdownIt

    from nickelate_utils.provenance import escape_markdown, provenance_markdown

    descriptor = data_copy / "growth" / "datapackage.json"
    text = json.loads(descriptor.read_text())
    text["resources"][0]["title"] = MARKUP
    descriptor.write_text(json.dumps(text))
    frame = load_table("growth", text["resources"][0]["name"], data_copy)
    md = provenance_markdown([frame], [load_table], extra_files=[MARKUP])
    body = "\n".join(md.splitlines()[2:-1])  # the admonition's content, as MyST parses it
    rendered = MarkdownIt("commonmark").render(body)
    assert "<img" not in rendered and "<script" not in rendered and "<a href" not in rendered
    assert rendered.count("&lt;img src=x onerror=alert(1)&gt;") == 2
    assert "\n" not in escape_markdown("a\n```\nb")


def test_source_file_without_rows_is_rejected(data_copy: Path) -> None:
    _source(data_copy, "susceptibility/fig3e.csv", "mode,t_kelvin,chi_si\n")
    with pytest.raises(DataError, match=r"data/source/susceptibility/fig3e.csv, line 2: no rows"):
        load_source("susceptibility/fig3e.csv", data_copy)


def test_load_source_sorts_and_keeps_provenance(data_copy: Path) -> None:
    _source(data_copy, "hc2/fig3d.csv", "criterion_percent,h_tesla,t_kelvin\n90,3,85\n10,0,80\n90,0,92\n")
    frame = load_source("hc2/fig3d.csv", data_copy, sort_by=("criterion_percent", "h_tesla"))
    assert frame is not None
    assert frame[["criterion_percent", "h_tesla"]].values.tolist() == [[10, 0], [90, 0], [90, 3]]
    assert "provenance" in frame.attrs
    unsorted = load_source("hc2/fig3d.csv", data_copy)
    assert unsorted is not None and unsorted["t_kelvin"].tolist() == [85.0, 80.0, 92.0]  # file order

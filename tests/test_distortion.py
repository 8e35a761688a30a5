"""Chapter 2 functions against analytic values, the paper's numbers and the data schema.

The fixture tests/fixtures/distortion/source/lattice_parameters.csv holds SYNTHETIC lattice
parameters (only the La3Ni2O7 row is the paper's) chosen to form a dome; it tests the
source-data path of Fig. 1l, never the book.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest
from uncertainties import ufloat

from nickelate_utils import distortion as dist
from nickelate_utils.data import LITERATURE_STATUSES, load_table, read_descriptor

FIXTURE = Path(__file__).parent / "fixtures" / "distortion"


# --- Delta and in-plane constants -------------------------------------------------------------

def test_distortion_any_setting_is_order_independent_and_analytic() -> None:
    assert dist.distortion_any_setting(5.5, 5.4) == pytest.approx(0.1 / 10.9)
    assert dist.distortion_any_setting(5.4, 5.5) == pytest.approx(0.1 / 10.9)
    assert dist.distortion_any_setting(5.4, 5.4) == 0.0


def test_distortion_matches_extended_data_table_1() -> None:
    # Delta = (5.4370 - 5.3978)/(5.4370 + 5.3978) for La3Ni2O7, (5.4529 - 5.3598)/(10.8127) for Sm
    cells = dist.public_cells(load_table("growth", "cell_parameters")).set_index("compound")
    assert cells.loc["La3Ni2O7", "delta"].nominal_value == pytest.approx(0.0392 / 10.8348)
    assert cells.loc["La2SmNi2O7", "delta"].nominal_value == pytest.approx(0.0931 / 10.8127)
    assert cells.loc["La2SmNi2O7", "rare_earth"] == "Sm"
    assert cells.loc["La2SmNi2O7", "x"] == 1.0
    # propagated: sigma_Delta = 2 sqrt(b^2 sa^2 + a^2 sb^2)/(a+b)^2 for independent a, b
    a, b, s = 5.4370, 5.3978, 0.0002
    expected = 2 * math.hypot(b * s, a * s) / (a + b) ** 2
    assert cells.loc["La3Ni2O7", "delta"].std_dev == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        (0.0, 5.4, "a and b must be positive"),
        (5.4, -1.0, "a and b must be positive"),
        (5.4, 20.5, "not the stacking axis"),
    ],
)
def test_distortion_bad_input(a: float, b: float, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        dist.distortion_any_setting(a, b)


def test_primitive_constant_of_both_settings() -> None:
    # a sqrt2 cell with a = b = sqrt2 * 3.8 and a tetragonal cell with a_t = 3.8 give 3.8
    assert dist.primitive_inplane_constant(math.sqrt(2) * 3.8, math.sqrt(2) * 3.8, "sqrt2") == pytest.approx(3.8)
    assert dist.primitive_inplane_constant(3.8, 3.8, "primitive") == pytest.approx(3.8)
    assert dist.primitive_inplane_constant(5.4370, 5.3978, "sqrt2") == pytest.approx(
        math.sqrt(5.4370**2 + 5.3978**2) / 2
    )
    with pytest.raises(ValueError, match="setting must be 'sqrt2' or 'primitive', got 'I4/mmm'"):
        dist.primitive_inplane_constant(3.8, 3.8, "I4/mmm")


def test_excess_and_threshold_are_inverse() -> None:
    assert dist.excess_percent(3.816, 3.756) == pytest.approx(100 * (3.816 / 3.756 - 1))
    assert dist.threshold_angstrom(3.756, 1.6) == pytest.approx(3.756 * 1.016)
    assert dist.excess_percent(dist.threshold_angstrom(3.7, 2.5), 3.7) == pytest.approx(2.5)
    with pytest.raises(ValueError, match="lattice constants must be positive"):
        dist.excess_percent(3.8, 0.0)
    with pytest.raises(ValueError, match="reference constant must be positive, got -1"):
        dist.threshold_angstrom(-1.0, 1.6)
    with pytest.raises(ValueError, match="excess must be larger than -100 %"):
        dist.threshold_angstrom(3.7, -100.0)


# --- slope of Tc against Delta ------------------------------------------------------------------

def test_two_point_slope_is_exact_with_propagated_error() -> None:
    d0, d1 = ufloat(0.004, 0.0001), ufloat(0.008, 0.0001)
    fit = dist.tc_delta_slope([d0, d1], [80.0, 92.0])
    assert fit.n == 2 and fit.dof == 0
    assert fit.slope.nominal_value == pytest.approx(12.0 / 0.004)
    # sigma = |slope| * sqrt(2) * 1e-4 / 0.004
    assert fit.slope.std_dev == pytest.approx(3000 * math.sqrt(2) * 0.0001 / 0.004)
    assert fit.intercept.nominal_value == pytest.approx(80.0 - 3000 * 0.004)


def test_least_squares_slope_for_three_points() -> None:
    fit = dist.tc_delta_slope([0.0, 0.01, 0.02], [70.0, 80.0, 90.0])
    assert float(getattr(fit.slope, "nominal_value", fit.slope)) == pytest.approx(1000.0)
    assert getattr(fit.slope, "std_dev", 0.0) == pytest.approx(0.0, abs=1e-9)
    noisy = dist.tc_delta_slope([0.0, 0.01, 0.02, 0.03], [70.0, 81.0, 89.0, 100.0])
    assert noisy.slope.nominal_value == pytest.approx(980.0)
    assert noisy.slope.std_dev > 0
    assert fit.dof == 1


@pytest.mark.parametrize(
    ("delta", "tc", "message"),
    [
        ([0.01], [80.0], "at least two"),
        ([0.01, 0.02], [80.0], "as many Delta as Tc values, got 2 and 1"),
        ([0.01, 0.01], [80.0, 90.0], "all Delta values are equal"),
    ],
)
def test_slope_bad_input(delta: list[float], tc: list[float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        dist.tc_delta_slope(delta, tc)


def test_slope_variants_cover_every_reference_choice() -> None:
    table = dist.slope_variants({"A": 0.004, "B": 0.005}, {"x": 80.0, "y": 83.0}, 0.0086, 92.0)
    assert len(table) == 4
    row = table[(table["la3_delta_from"] == "B") & (table["la3_tc_from"] == "y")].iloc[0]
    assert row["slope_kelvin"] == pytest.approx(9.0 / 0.0036)


# --- compositions and source data -----------------------------------------------------------------

def test_compositions_of_extended_data_table_2() -> None:
    comp = dist.compositions(load_table("growth", "flux_growth"))
    assert len(comp) == 16
    assert comp["public"].sum() == 2
    assert set(comp.loc[comp["public"], "composition"]) == {"La3Ni2O7", "La2.03Sm0.97Ni2O7"}
    assert {"La0.87Nd2.13Ni2O7", "La1.57Sm1.43Ni2O7"} <= set(comp["composition"])


def test_no_source_table_in_the_repository_means_none() -> None:
    assert dist.load_source_lattice(FIXTURE / "nowhere") is None


def test_source_fixture_draws_the_dome() -> None:
    frame = dist.load_source_lattice(FIXTURE)
    assert frame is not None and len(frame) == 4
    table = dist.source_distortion_table(frame)
    assert list(table["rare_earth"]) == ["La", "Nd", "Sm", "Er"]  # ordered by radius
    assert dist.delta_ranking(table)[:2] == ["La0.87Nd2.13Ni2O7", "La1.57Sm1.43Ni2O7"]
    la = table.set_index("composition").loc["La3Ni2O7"]
    assert la["delta"].nominal_value == pytest.approx(0.0392 / 10.8348)


def _write_source(tmp_path: Path, text: str) -> Path:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / dist.SOURCE_FILE).write_text(text)
    return tmp_path


GOOD = (FIXTURE / "source" / dist.SOURCE_FILE).read_text()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("b_err_angstrom\n", "b_sigma\n", r"missing columns \['b_err_angstrom'\]"),
        ("Er,0.05,5.4400", "Yb,0.05,5.4400", r"line 2, column 'rare_earth': not one of La"),
        ("Er,0.05,5.4400", "Er,3.5,5.4400", r"line 2, column 'x': x must lie in \[0, 3\]"),
        ("Sm,1.43,5.4550", "Sm,1.43,abc", r"line 4, column 'a_angstrom': not a number"),
        ("5.3450,0.0010", "5.3450,-0.0010", r"line 4, column 'b_err_angstrom': must be >= 0"),
        ("La0.87Nd2.13Ni2O7", "La3Ni2O7", r"line 5, column 'composition': duplicate composition"),
    ],
)
def test_bad_source_table_names_line_and_column(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in GOOD
    root = _write_source(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(ValueError, match=message):
        dist.load_source_lattice(root)


def test_empty_source_table_is_rejected(tmp_path: Path) -> None:
    root = _write_source(tmp_path, GOOD.splitlines()[0] + "\n")
    with pytest.raises(ValueError, match="no rows"):
        dist.load_source_lattice(root)


def test_delta_ranking_needs_a_delta_column() -> None:
    with pytest.raises(ValueError, match="'delta' column"):
        dist.delta_ranking(pd.DataFrame({"composition": ["x"]}))


# --- literature tables ------------------------------------------------------------------------

LIT_TABLES = ("ambient_lattice", "sc_state_lattice", "tc_records")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")


@pytest.mark.parametrize("resource", LIT_TABLES)
def test_literature_rows_have_doi_status_and_url(resource: str) -> None:
    table = load_table("distortion", resource)
    lit = table[table["data_class"] == "literature"]
    assert len(lit) > 0
    assert all(DOI.match(str(d)) for d in lit["doi"]), resource
    assert set(lit["status"]) <= set(LITERATURE_STATUSES)
    assert lit["source_url"].notna().all()
    pub = table[table["data_class"] == "published"]
    assert pub["source_location"].notna().all()


def test_descriptor_constrains_doi_and_status() -> None:
    descriptor = read_descriptor("distortion")
    for res in descriptor["resources"]:
        fields = {f["name"]: f for f in res["schema"]["fields"]}
        if res["name"] in LIT_TABLES:
            assert fields["status"]["constraints"]["enum"] == list(LITERATURE_STATUSES)
            assert fields["doi"]["constraints"]["pattern"].startswith("10")


def test_bad_status_is_rejected_by_the_schema(data_copy: Path) -> None:
    from nickelate_utils.data import DataError, rehash

    csv = data_copy / "distortion" / "tc_records.csv"
    csv.write_text(csv.read_text().replace(",verified,", ",checked,", 1))
    with pytest.raises(DataError, match=r"tc_records.csv, line 2, column 'status'.*constraint"):
        rehash(data_copy)


def test_bad_doi_is_rejected_by_the_schema(data_copy: Path) -> None:
    from nickelate_utils.data import DataError, rehash

    csv = data_copy / "distortion" / "tc_records.csv"
    csv.write_text(csv.read_text().replace("10.1038/s41586-023-06408-7", "doi:s41586", 1))
    with pytest.raises(DataError, match=r"tc_records.csv, line 2, column 'doi'.*constraint"):
        rehash(data_copy)


def test_this_papers_tc_records_match_the_text() -> None:
    tc = load_table("distortion", "tc_records").set_index("record_id")
    assert tc.loc["li2025_la2sm", ["tc_onset_kelvin", "tc_zero_kelvin", "p_min_gpa"]].tolist() == [92, 73, 21.6]
    assert tc.loc["li2025_la157sm143", "tc_onset_kelvin"] == 96
    assert pd.isna(tc.loc["li2025_la157sm143", "tc_zero_kelvin"])  # zero resistivity not achieved


def test_sc_state_constants() -> None:
    sc = dist.sc_state_constants(load_table("distortion", "sc_state_lattice")).set_index("source_id")
    assert sc.loc["ko2025_slao", "a_primitive_angstrom"] == pytest.approx(3.756)
    assert sc.loc["sun2023_29p5gpa", "a_primitive_angstrom"] == pytest.approx(
        math.sqrt(5.289**2 + 5.218**2) / 2
    )


# --- claims -------------------------------------------------------------------------------------

def test_chapter_claims_statuses() -> None:
    claims = {c.claim_id: c for c in dist.claims()}
    status = {k: c.status for k, c in claims.items()}
    assert status["D1"] == status["D3"] == status["D7"] == status["D8"] == status["D9"] == "reproduced"
    assert status["D2"] == status["D4"] == status["D5"] == status["D6"] == "not reproducible from public data"
    assert status["D10"] == status["D11"] == status["D12"] == status["D13"] == "reproduced"
    # 1.6 % claim: smallest public a_average (La2SmNi2O7) against the film on SrLaAlO4
    expected = 100 * ((math.sqrt(5.4529**2 + 5.3598**2) / 2) / 3.756 - 1)
    assert claims["D7"].ours == pytest.approx(expected)
    assert claims["D10"].ours == 83.0 and claims["D11"].ours == 60.0

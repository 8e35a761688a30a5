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

from nickelate_utils.chapters import distortion as dist
from nickelate_utils.chapters import distortion_checks as checks
from nickelate_utils.chapters import distortion_literature
from nickelate_utils.data import LITERATURE_STATUSES, load_table, read_descriptor
from nickelate_utils.physics import composition, lattice, trends

FIXTURE = Path(__file__).parent / "fixtures" / "distortion"


# --- Delta and in-plane constants -------------------------------------------------------------

def test_distortion_any_setting_is_order_independent_and_analytic() -> None:
    assert lattice.distortion_any_setting(5.5, 5.4) == pytest.approx(0.1 / 10.9)
    assert lattice.distortion_any_setting(5.4, 5.5) == pytest.approx(0.1 / 10.9)
    assert lattice.distortion_any_setting(5.4, 5.4) == 0.0


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
        lattice.distortion_any_setting(a, b)


def test_primitive_constant_of_both_settings() -> None:
    # a sqrt2 cell with a = b = sqrt2 * 3.8 and a tetragonal cell with a_t = 3.8 give 3.8
    assert lattice.primitive_inplane_constant(math.sqrt(2) * 3.8, math.sqrt(2) * 3.8, "sqrt2") == pytest.approx(3.8)
    assert lattice.primitive_inplane_constant(3.8, 3.8, "primitive") == pytest.approx(3.8)
    assert lattice.primitive_inplane_constant(5.4370, 5.3978, "sqrt2") == pytest.approx(
        math.sqrt(5.4370**2 + 5.3978**2) / 2
    )
    with pytest.raises(ValueError, match="setting must be 'sqrt2' or 'primitive', got 'I4/mmm'"):
        lattice.primitive_inplane_constant(3.8, 3.8, "I4/mmm")


def test_excess_and_threshold_are_inverse() -> None:
    assert lattice.excess_percent(3.816, 3.756) == pytest.approx(100 * (3.816 / 3.756 - 1))
    assert lattice.threshold_angstrom(3.756, 1.6) == pytest.approx(3.756 * 1.016)
    assert lattice.excess_percent(lattice.threshold_angstrom(3.7, 2.5), 3.7) == pytest.approx(2.5)
    with pytest.raises(ValueError, match="lattice constants must be positive"):
        lattice.excess_percent(3.8, 0.0)
    with pytest.raises(ValueError, match="reference constant must be positive, got -1"):
        lattice.threshold_angstrom(-1.0, 1.6)
    with pytest.raises(ValueError, match="excess must be larger than -100 %"):
        lattice.threshold_angstrom(3.7, -100.0)


# --- slope of Tc against Delta ------------------------------------------------------------------

def test_two_point_slope_is_exact_with_propagated_error() -> None:
    d0, d1 = ufloat(0.004, 0.0001), ufloat(0.008, 0.0001)
    fit = trends.tc_delta_slope([d0, d1], [80.0, 92.0])
    assert fit.n == 2 and fit.dof == 0
    assert fit.slope.nominal_value == pytest.approx(12.0 / 0.004)
    # sigma = |slope| * sqrt(2) * 1e-4 / 0.004
    assert fit.slope.std_dev == pytest.approx(3000 * math.sqrt(2) * 0.0001 / 0.004)
    assert fit.intercept.nominal_value == pytest.approx(80.0 - 3000 * 0.004)


def test_least_squares_slope_for_three_points() -> None:
    fit = trends.tc_delta_slope([0.0, 0.01, 0.02], [70.0, 80.0, 90.0])
    assert float(getattr(fit.slope, "nominal_value", fit.slope)) == pytest.approx(1000.0)
    assert getattr(fit.slope, "std_dev", 0.0) == pytest.approx(0.0, abs=1e-9)
    noisy = trends.tc_delta_slope([0.0, 0.01, 0.02, 0.03], [70.0, 81.0, 89.0, 100.0])
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
        trends.tc_delta_slope(delta, tc)


def test_slope_variants_cover_every_reference_choice() -> None:
    table = distortion_literature.slope_variants({"A": 0.004, "B": 0.005}, {"x": 80.0, "y": 83.0}, 0.0086, 92.0)
    assert len(table) == 4
    row = table[(table["la3_delta_from"] == "B") & (table["la3_tc_from"] == "y")].iloc[0]
    assert row["slope_kelvin"] == pytest.approx(9.0 / 0.0036)
    with_err = distortion_literature.slope_variants({"A": 0.004}, {"x": 80.0}, 0.008, 92.0, tc_err_kelvin=2.0)
    assert with_err["slope_kelvin"].iloc[0].std_dev == pytest.approx(math.sqrt(2) * 2.0 / 0.004)


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
    assert checks.delta_ranking(table)[:2] == ["La0.87Nd2.13Ni2O7", "La1.57Sm1.43Ni2O7"]
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
        ("b_err_angstrom\n", "b_sigma\n", r"line 1: missing column\(s\) 'b_err_angstrom'"),
        ("Er,0.05,5.4400", "Yb,0.05,5.4400", r"lattice_parameters.csv, line 2, column 'rare_earth': .*enum.*'La'"),
        ("Er,0.05,5.4400", "Er,3.5,5.4400", r"line 2, column 'x': .*maximum.*3"),
        ("Sm,1.43,5.4550", "Sm,1.43,abc", r"line 4, column 'a_angstrom': Type Error"),
        ("5.3450,0.0010", "5.3450,-0.0010", r"line 4, column 'b_err_angstrom': .*minimum.*0"),
        ("La0.87Nd2.13Ni2O7", "La3Ni2O7", r"line 5, column 'composition': Unique Error"),
    ],
)
def test_bad_source_table_names_line_and_column(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in GOOD
    root = _write_source(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(ValueError, match=message):
        dist.load_source_lattice(root)


def test_empty_source_table_is_rejected(tmp_path: Path) -> None:
    root = _write_source(tmp_path, GOOD.splitlines()[0] + "\n")
    with pytest.raises(ValueError, match="data/source/lattice_parameters.csv, line 2: no rows"):
        dist.load_source_lattice(root)


def test_source_table_carries_provenance() -> None:
    from nickelate_utils.provenance import provenance_markdown

    frame = dist.load_source_lattice(FIXTURE)
    assert frame is not None
    assert frame.attrs["provenance"].path == "data/source/lattice_parameters.csv"
    assert list(frame["composition"])[:2] == ["La2.95Er0.05Ni2O7", "La3Ni2O7"]  # file order
    assert "data/source/lattice_parameters.csv" in provenance_markdown([frame], [dist.load_source_lattice])


def test_delta_ranking_needs_a_delta_column() -> None:
    with pytest.raises(ValueError, match="'delta' column"):
        checks.delta_ranking(pd.DataFrame({"composition": ["x"]}))


# --- literature tables ------------------------------------------------------------------------

LIT_TABLES = ("ambient_lattice", "sc_state_lattice", "tc_records", "literature_values")
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
    sc = distortion_literature.sc_state_constants(load_table("distortion", "sc_state_lattice")).set_index("source_id")
    assert sc.loc["ko2025_slao", "a_primitive_angstrom"] == pytest.approx(3.756)
    assert sc.loc["sun2023_29p5gpa", "a_primitive_angstrom"] == pytest.approx(
        math.sqrt(5.289**2 + 5.218**2) / 2
    )


# --- claims -------------------------------------------------------------------------------------

def test_chapter_claims_statuses() -> None:
    claims = {c.claim_id: c for c in dist.claims()}
    status = {k: c.status for k, c in claims.items()}
    assert len(claims) >= 35
    # nothing here is reproduced: D1 (Delta ordering) follows from Table 1's own cell (consistent);
    # D25 (public-cell bound) rests on an unverified literature cell
    assert not {k for k, s in status.items() if s == "reproduced"}
    assert status["D1"] == "consistent"
    # the sign test, the Nd cell and the correlation statements are not reproducible from public data
    for cid in ("D2", "D3", "D4", "D5", "D6", "D7", "D25", "D35", "D36", "D41", "D42"):
        assert status[cid] == "not reproducible from public data", cid
        assert claims[cid].consequence, cid
    # records are cross-checks against the literature, never reproductions
    for cid in ("D8", "D9", "D11", "D12", "D13", "D14", "D15", "D16", "D17", "D18", "D43"):
        assert status[cid] == "consistent", cid
    assert status["D10"] == "stated"
    assert claims["D11"].ours == 60.0 and claims["D12"].ours == 133.0 and claims["D13"].ours == 164.0
    # Extended Data Fig. 1 legend: a ~ 5.45 and b ~ 5.39 disagree with 5.4370(2) and 5.3978(2); c and beta agree
    assert status["D37"] == status["D38"] == "discrepant"
    assert status["D39"] == status["D40"] == "consistent"
    assert claims["D37"].tolerance == pytest.approx(0.005 + 0.00005 + 2 * 0.0002)
    # Extended Data Fig. 4 legend (annealed): b ~ 5.46 against the as-grown a = 5.4529(3)
    assert status["D33"] == "discrepant" and status["D34"] == "consistent" and status["D32"] == "consistent"
    for c in claims.values():
        if c.status in ("discrepant", "not reproducible from public data") and c.consequence:
            assert c.note


def test_public_cell_bound_uses_both_cells_and_both_sc_states() -> None:
    claim = {c.claim_id: c for c in dist.claims()}["D25"]
    # holds with the cells found, but one is unverified: no agreement verdict rests on it
    assert claim.status == "not reproducible from public data" and claim.ours is None
    assert "unverified" in claim.note
    assert sum(ref.startswith("growth/cell_parameters#") for ref in claim.inputs) == 2
    # La2SmNi2O7 over the film constant 3.756 A is the smallest excess
    expected = 100 * ((math.sqrt(5.4529**2 + 5.3598**2) / 2) / 3.756 - 1)
    assert f"{expected:.2f}" in claim.note.replace("(40)", "")


# --- new functions: Tc uncertainty, printed cells, records ---------------------------------------------

def test_tc_spread_uncertainty_is_the_sample_standard_deviation() -> None:
    assert trends.tc_spread_uncertainty([80.0, 83.0]) == pytest.approx(3.0 / math.sqrt(2))
    assert trends.tc_spread_uncertainty([1.0, 2.0, 3.0]) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="at least two independent reports, got 1"):
        trends.tc_spread_uncertainty([80.0])
    with pytest.raises(ValueError, match="finite and positive"):
        trends.tc_spread_uncertainty([80.0, -1.0])


def test_two_point_slope_carries_the_tc_uncertainty() -> None:
    fit = trends.tc_delta_slope([0.004, 0.008], [80.0, 92.0], tc_err_kelvin=2.0)
    assert fit.slope.nominal_value == pytest.approx(3000.0)
    # sigma = sqrt(2) * sigma_T / (Delta_1 - Delta_0)
    assert fit.slope.std_dev == pytest.approx(math.sqrt(2) * 2.0 / 0.004)
    both = trends.tc_delta_slope([ufloat(0.004, 1e-4), ufloat(0.008, 1e-4)], [80.0, 92.0], tc_err_kelvin=2.0)
    only_delta = 3000 * math.sqrt(2) * 1e-4 / 0.004
    assert both.slope.std_dev == pytest.approx(math.hypot(only_delta, math.sqrt(2) * 2.0 / 0.004))
    with pytest.raises(ValueError, match="tc_err_kelvin must be positive"):
        trends.tc_delta_slope([0.004, 0.008], [80.0, 92.0], tc_err_kelvin=0.0)


def test_weighted_slope_for_three_points_uses_the_stated_uncertainty() -> None:
    fit = trends.tc_delta_slope([0.0, 0.01, 0.02], [70.0, 80.0, 90.0], tc_err_kelvin=1.0)
    assert fit.slope.nominal_value == pytest.approx(1000.0)
    # unscaled covariance of a straight line: var(slope) = sigma^2 / sum (x - mean)^2
    assert fit.slope.std_dev == pytest.approx(1.0 / math.sqrt(2 * 0.01**2))
    assert "weighted" in fit.method


def test_delta_from_printed_axes_carries_their_rounding() -> None:
    d = checks.delta_from_printed("5.46", "~5.36")
    assert d.nominal_value == pytest.approx(0.10 / 10.82)
    sigma = 0.005 / math.sqrt(3)
    expected = 2 * math.hypot(5.36 * sigma, 5.46 * sigma) / 10.82**2
    assert d.std_dev == pytest.approx(expected)


def test_legend_cells_of_the_extended_data_figures() -> None:
    legend = load_table("distortion", "legend_cells").set_index("cell_id")
    table1 = load_table("growth", "cell_parameters").set_index("compound")
    # the annealed Cmcm cell: a is the stacking axis, b and c the in-plane axes
    assert checks.legend_cell_delta(legend.loc["edf4_la2sm"]).nominal_value == pytest.approx(0.10 / 10.82)
    cmp = checks.compare_legend_cell(legend.loc["edf1_la3"], table1.loc["La3Ni2O7"]).set_index("axis")
    assert list(cmp.index) == ["a", "b", "c", "beta"]
    assert cmp.loc["a", "table_printed"] == "5.4370" and cmp.loc["beta", "table_printed"] == "104.817"
    assert cmp.loc["a", "difference"] == pytest.approx(5.45 - 5.4370)
    assert list(cmp["agrees"]) == [False, False, True, True]
    annealed = checks.compare_legend_cell(legend.loc["edf4_la2sm"], table1.loc["La2SmNi2O7"], {"b": "a", "c": "b"})
    assert list(annealed["table_printed"]) == ["5.4529", "5.3598"]
    assert list(annealed["agrees"]) == [False, True]
    with pytest.raises(ValueError, match=r"unknown axes \['gamma'\]"):
        checks.compare_legend_cell(legend.loc["edf4_la2sm"], table1.loc["La2SmNi2O7"], {"gamma": "a"})
    # the annealed cell has no beta: it is skipped
    assert "beta" not in set(checks.compare_legend_cell(legend.loc["edf4_la2sm"], table1.loc["La2SmNi2O7"])["axis"])


def test_stacking_axis_of_the_pseudo_cell() -> None:
    assert lattice.stacking_axis_angstrom(10.0, 90.0) == pytest.approx(20.0)
    expected = 2 * 10.4970 * math.sin(math.radians(105.053))
    assert lattice.stacking_axis_angstrom(10.4970, 105.053) == pytest.approx(expected)
    with pytest.raises(ValueError, match=r"beta must lie in \(0, 180\)"):
        lattice.stacking_axis_angstrom(10.0, 180.0)
    with pytest.raises(ValueError, match="c must be positive"):
        lattice.stacking_axis_angstrom(0.0, 100.0)


def test_mean_a_site_radius_and_control_variables() -> None:
    assert composition.mean_a_site_radius_angstrom("Sm", 0.0) == pytest.approx(1.216)
    assert composition.mean_a_site_radius_angstrom("Sm", 1.0) == pytest.approx((2 * 1.216 + 1.132) / 3)
    with pytest.raises(ValueError, match=r"x must lie in \[0, 3\]"):
        composition.mean_a_site_radius_angstrom("Sm", 3.5)
    ctrl = dist.control_variables(load_table("growth", "cell_parameters")).set_index("compound")
    la3, sm = ctrl.loc["La3Ni2O7"], ctrl.loc["La2SmNi2O7"]
    # between the two public cells Delta rises while <r_A> and c fall: both track Tc equally
    assert sm["delta"].nominal_value > la3["delta"].nominal_value
    assert sm["mean_radius_angstrom"] < la3["mean_radius_angstrom"]
    assert sm["c_angstrom"].nominal_value == pytest.approx(10.4970)
    assert sm["c_angstrom"].nominal_value < la3["c_angstrom"].nominal_value


def test_highest_record_and_literature_values() -> None:
    tc = load_table("distortion", "tc_records")
    lit = distortion_literature.nickelate_records(tc)
    assert checks.highest_record(lit)["record_id"] == "lijy2025"
    assert checks.highest_record(lit, exclude=["lijy2025"])["record_id"] == "wang2024"
    assert checks.highest_record(lit, "tc_zero_kelvin")["tc_zero_kelvin"] == 60
    with pytest.raises(ValueError, match="no column 'tc_kelvin'"):
        checks.highest_record(lit, "tc_kelvin")
    values = load_table("distortion", "literature_values")
    assert checks.literature_value(values, "sun2023_pmin") == (14.0, "14.0")
    with pytest.raises(ValueError, match="no literature value 'nope'"):
        checks.literature_value(values, "nope")


def test_literature_values_agree_with_the_records_table() -> None:
    """The same literature number is stored twice (printed string, records row): they must agree."""
    values = load_table("distortion", "literature_values").set_index("value_id")["value_printed"].astype(float)
    tc = load_table("distortion", "tc_records").set_index("record_id")
    assert values["sun2023_tc"] == tc.loc["sun2023", "tc_onset_kelvin"]
    assert values["sun2023_pmin"] == tc.loc["sun2023", "p_min_gpa"]
    assert values["wang2024_zero"] == tc.loc["wang2024", "tc_zero_kelvin"]
    assert values["schilling1993_tc"] == tc.loc["schilling1993", "tc_onset_kelvin"]
    assert values["gao1994_tc"] == tc.loc["gao1994", "tc_onset_kelvin"]


def test_cited_references_expand_ranges() -> None:
    assert checks.cited_references("nickelates (refs 1,2,8-10,12,16,18,22-28,30,36)") == [
        1, 2, 8, 9, 10, 12, 16, 18, 22, 23, 24, 25, 26, 27, 28, 30, 36]
    assert checks.cited_references("compared with those in superconducting states (refs 1,8,17)") == [1, 8, 17]
    assert checks.cited_references("see ref. 8") == [8]
    with pytest.raises(ValueError, match="no reference list"):
        checks.cited_references("no citation here")
    with pytest.raises(ValueError, match="reversed range '10-8'"):
        checks.cited_references("refs 10-8")


def test_record_claims_say_which_cited_works_were_read() -> None:
    note = {c.claim_id: c.note for c in dist.claims()}["D9"]
    assert "The text cites 17 works" in note
    assert "none read for refs 2, 10, 23, 24, 25, 27, 28, 36" in note


def test_dome_and_monotonic() -> None:
    assert checks.is_dome([1.0, 3.0, 2.0, 0.5])
    assert not checks.is_dome([1.0, 2.0, 3.0])  # maximum at the end
    assert not checks.is_dome([1.0, 3.0, 1.0, 2.0])  # a second rise
    with pytest.raises(ValueError, match="at least three points, got 2"):
        checks.is_dome([1.0, 2.0])
    assert checks.is_monotonic([3.0, 2.0, 2.0, 1.0]) and not checks.is_monotonic([1.0, 3.0, 2.0])


def test_max_substitution_rows_keep_the_largest_x_per_rare_earth() -> None:
    frame = pd.DataFrame({"rare_earth": ["Sm", "La", "Sm", "Nd"], "x": [0.97, 0.0, 1.43, 2.13],
                          "composition": ["a", "b", "c", "d"]})
    best = dist.max_substitution_rows(frame)
    assert list(best["rare_earth"]) == ["La", "Nd", "Sm"] and list(best["composition"]) == ["b", "d", "c"]
    with pytest.raises(ValueError, match="'rare_earth' and 'x'"):
        dist.max_substitution_rows(pd.DataFrame())


def test_source_data_turn_the_dome_claims_into_recomputes(data_copy: Path) -> None:
    """With the authors' lattice table in data/source/ (here the SYNTHETIC fixture), D5, D6 and D21
    are recomputed from it; without it they stay not reproducible."""
    before = {c.claim_id: c for c in dist.claims(data_copy)}
    assert before["D5"].status == "not reproducible from public data"
    (data_copy / "source").mkdir()
    (data_copy / "source" / dist.SOURCE_FILE).write_text(GOOD)
    after = {c.claim_id: c for c in dist.claims(data_copy)}
    for cid in ("D5", "D6", "D21"):
        assert after[cid].from_source_data and after[cid].kind == "recompute", cid
    # the fixture is built as a dome with Nd2.13 and Sm1.43 on top and the a_average minimum at Nd
    assert after["D5"].status == after["D6"].status == after["D21"].status == "reproduced"
    assert "La0.87Nd2.13Ni2O7" in after["D6"].note
    # a source table without the dome makes D5 discrepant
    nd_row = "La0.87Nd2.13Ni2O7,Nd,2.13,"
    flat = GOOD.replace(nd_row + "5.4600,0.0010,5.3300", nd_row + "5.4400,0.0010,5.3950")
    (data_copy / "source" / dist.SOURCE_FILE).write_text(flat)
    assert {c.claim_id: c for c in dist.claims(data_copy)}["D5"].status == "discrepant"

"""Chapter 6 functions against hand-computed crystallography, the EOS definition, library
cross-checks (Dans_Diffraction) and the paper's numbers."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from nickelate_utils.chapters import phase_diagram as pd_
from nickelate_utils.chapters import structure as cr
from nickelate_utils.data import load_table
from nickelate_utils.physics import diffraction, equation_of_state, lattice, powder

# ------------------------------------------------------------------ d-spacings


def test_cubic_limit_of_the_monoclinic_formula() -> None:
    a = 4.0
    assert diffraction.d_spacing_angstrom(1, 1, 1, a, a, a, 90.0) == pytest.approx(a / math.sqrt(3))
    assert diffraction.d_spacing_angstrom(2, 0, 0, a, a, a, 90.0) == pytest.approx(2.0)


def test_tetragonal_limit_by_hand() -> None:
    # 1/d^2 = (1 + 0)/3.8^2 + 25/20^2 for (1 0 5) in a = 3.8, c = 20
    expected = 1 / math.sqrt(1 / 3.8**2 + 25 / 400)
    assert diffraction.d_spacing_tetragonal_angstrom(1, 0, 5, 3.8, 20.0) == pytest.approx(expected)
    assert diffraction.d_spacing_angstrom(1, 0, 5, 3.8, 3.8, 20.0, 90.0) == pytest.approx(expected)


def test_monoclinic_against_the_reciprocal_lattice() -> None:
    a, b, c, beta = 5.0, 6.0, 7.0, 120.0
    br = math.radians(beta)
    direct = np.array([[a, 0, 0], [0, b, 0], [c * math.cos(br), 0, c * math.sin(br)]])
    recip = 2 * np.pi * np.linalg.inv(direct).T
    for hkl in [(1, 0, 1), (1, 0, -1), (2, 3, -1), (0, 1, 0)]:
        q = np.linalg.norm(np.array(hkl) @ recip)
        assert diffraction.d_spacing_angstrom(*hkl, a, b, c, beta) == pytest.approx(2 * np.pi / q)


def test_monoclinic_against_dans_diffraction() -> None:
    import Dans_Diffraction as dif

    cell = cr.ambient_cell()
    xtl = dif.Crystal()
    xtl.new_cell(cell.a_angstrom, cell.b_angstrom, cell.c_angstrom, 90.0, cell.beta_deg, 90.0)
    hkl = np.array([[2, 0, -1], [0, 2, 0], [1, 1, 2], [3, 1, -4], [1, 3, 2]])
    ours = diffraction.d_spacing_angstrom(*hkl.T, cell.a_angstrom, cell.b_angstrom, cell.c_angstrom, cell.beta_deg)
    assert ours == pytest.approx(xtl.Cell.dspace(hkl), rel=1e-10)


def test_silicon_111_with_copper_k_alpha1() -> None:
    # Si, a = 5.431 A: d(111) = 3.1356 A, 2theta = 28.44 deg at 1.5406 A (the standard Si line)
    d = diffraction.d_spacing_angstrom(1, 1, 1, 5.431, 5.431, 5.431)
    assert d == pytest.approx(3.1356, abs=1e-4)
    assert diffraction.two_theta_deg(diffraction.q_inv_angstrom(d), 1.5406) == pytest.approx(28.44, abs=0.01)


def test_q_and_two_theta_definitions() -> None:
    assert diffraction.q_inv_angstrom(2 * np.pi) == pytest.approx(1.0)
    assert diffraction.max_q_inv_angstrom(0.4834) == pytest.approx(4 * np.pi / 0.4834)
    assert diffraction.two_theta_deg(4 * np.pi / 0.4834, 0.4834) == pytest.approx(180.0)
    # 2 theta = 60 deg <-> Q = 2 pi / lambda
    assert diffraction.two_theta_deg(2 * np.pi / 0.4133, 0.4133) == pytest.approx(60.0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1, 0, 0, -5.0, 5.0, 5.0, 90.0), "non-physical cell: a must be a positive length"),
        ((1, 0, 0, 5.0, 0.0, 5.0, 90.0), "non-physical cell: b must be a positive length"),
        ((1, 0, 0, 5.0, 5.0, 5.0, 180.0), r"non-physical cell: beta must lie in \(0, 180\)"),
        ((0, 0, 0, 5.0, 5.0, 5.0, 90.0), r"\(000\) has no d-spacing"),
    ],
)
def test_bad_cells_and_indices(args: tuple[float, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        diffraction.d_spacing_angstrom(*args)


def test_bad_cell_object() -> None:
    with pytest.raises(ValueError, match="non-physical cell: c must be a positive length"):
        lattice.MonoclinicCell(5.0, 5.0, -1.0, 100.0)


def test_bad_wavelength_and_out_of_range_reflection() -> None:
    with pytest.raises(ValueError, match="wavelength must be positive, got -0.4834"):
        diffraction.two_theta_deg(2.3, -0.4834)
    with pytest.raises(ValueError, match="beyond the range 4 pi / lambda = 26"):
        diffraction.two_theta_deg(30.0, 0.4834)
    with pytest.raises(ValueError, match="Q must be non-negative"):
        diffraction.two_theta_deg(-1.0, 0.4834)
    with pytest.raises(ValueError, match="d-spacings must be positive"):
        diffraction.q_inv_angstrom([1.0, 0.0])


# ------------------------------------------------------------ reflection conditions


def _printed_condition(h: int, k: int, l: int, group: str) -> bool:  # noqa: E741
    if group == "I4/mmm":
        return (h + k + l) % 2 == 0
    screw = not (h == 0 and l == 0 and k % 2)
    if group == "P2_1/m":
        return screw
    return screw and not (k == 0 and h % 2)


HKL_GRID = [(h, k, l) for h in range(-3, 4) for k in range(-3, 4) for l in range(-4, 5) if (h, k, l) != (0, 0, 0)]  # noqa: E741


@pytest.mark.parametrize("group", ["I4/mmm", "P2_1/m", "P2_1/a"])
def test_absences_match_international_tables(group: str) -> None:
    h, k, l = np.array(HKL_GRID).T  # noqa: E741
    expected = [_printed_condition(*x, group) for x in HKL_GRID]
    assert diffraction.is_allowed(h, k, l, group).tolist() == expected


@pytest.mark.parametrize(
    ("group", "number", "swap_h_l"), [("I4/mmm", 139, False), ("P2_1/m", 11, False), ("P2_1/a", 14, True)]
)
def test_absences_match_dans_structure_factors(group: str, number: int, swap_h_l: bool) -> None:
    """An atom on a general position: |F|^2 vanishes exactly on the absent reflections.
    Dans_Diffraction's No. 14 is the P2_1/c setting; P2_1/a is the same with h and l swapped."""
    import Dans_Diffraction as dif

    xyz = np.random.default_rng(7).uniform(0.05, 0.45, 3)
    xtl = dif.Crystal()
    xtl.Symmetry.load_spacegroup(number)
    xtl.new_cell(4.0, 4.3, 4.7, 90.0, 90.0 if number == 139 else 100.0, 90.0)
    if number == 139:
        xtl.new_cell(4.0, 4.0, 9.0, 90.0, 90.0, 90.0)
    xtl.new_atoms(u=[xyz[0]], v=[xyz[1]], w=[xyz[2]], type=["Ni"], label=["Ni1"], occupancy=[1.0])
    xtl.Scatter.setup_scatter(scattering_type="xray", magnetic_formfactor=False, output=False)
    hkl = np.array(HKL_GRID)
    dans_hkl = hkl[:, ::-1] if swap_h_l else hkl
    intensity = xtl.Scatter.intensity(dans_hkl)
    present = intensity > 1e-6 * intensity.max()
    assert diffraction.is_allowed(*hkl.T, group).tolist() == present.tolist()


@pytest.mark.parametrize(("group", "number"), [("I4/mmm", 139), ("P2_1/m", 11), ("P2_1/a", 14)])
def test_space_group_numbers(group: str, number: int) -> None:
    assert diffraction.space_group_number(group) == number
    assert len(diffraction.space_group_operations(group)) == (32 if group == "I4/mmm" else 4)


def test_unknown_space_group() -> None:
    with pytest.raises(ValueError, match="unknown space group 'Amam'"):
        diffraction.is_allowed(1, 1, 0, "Amam")
    with pytest.raises(ValueError, match="unknown space group 'P2_1/c'"):
        diffraction.space_group_number("P2_1/c")


def test_reflection_list_of_a_tetragonal_cell() -> None:
    cell = lattice.MonoclinicCell(3.8, 3.8, 20.0, 90.0)
    refl = diffraction.reflection_list(cell, "I4/mmm", 2.5)
    first = refl.iloc[0]
    assert (first.h, first.k, first.l, first.multiplicity) == (0, 0, 2, 2)
    assert first.q_inv_angstrom == pytest.approx(2 * np.pi / 10.0)
    row110 = refl[(refl.h == 1) & (refl.k == 1) & (refl.l == 0)].iloc[0]
    assert row110.multiplicity == 4
    assert row110.q_inv_angstrom == pytest.approx(2 * np.pi * math.sqrt(2) / 3.8)
    assert not ((refl.h == 1) & (refl.k == 0) & (refl.l == 0)).any()  # (100) absent
    assert refl["q_inv_angstrom"].is_monotonic_increasing


def test_reflection_list_of_an_empty_q_window_is_an_empty_table() -> None:
    cell = lattice.MonoclinicCell(4.0, 4.0, 4.0, 90.0)  # first allowed I4/mmm reflection (101) at Q = 2.22
    full = diffraction.reflection_list(cell, "I4/mmm", 3.2)
    empty = diffraction.reflection_list(cell, "I4/mmm", 2.0, 0.5)
    assert empty.empty and list(empty.columns) == list(full.columns)
    assert empty.dtypes.equals(full.dtypes)


def test_reflection_list_errors() -> None:
    cell = cr.ambient_cell()
    with pytest.raises(ValueError, match="I4/mmm needs a tetragonal cell"):
        diffraction.reflection_list(cell, "I4/mmm", 3.0)
    with pytest.raises(ValueError, match="need 0 <= q_min < q_max"):
        diffraction.reflection_list(cell, "P2_1/m", 2.0, 3.0)


# --------------------------------------------------------------- cell relations


def test_pseudo_orthorhombic_metric_of_extended_data_table_1() -> None:
    cells = load_table("growth", "cell_parameters").set_index("compound")
    sm = cells.loc["La2SmNi2O7"]
    la = cells.loc["La3Ni2O7"]
    beta_sm = lattice.pseudo_orthorhombic_beta_deg(sm.a_angstrom, sm.c_angstrom)
    beta_la = lattice.pseudo_orthorhombic_beta_deg(la.a_angstrom, la.c_angstrom)
    assert abs(beta_sm - sm.beta_deg) < sm.beta_err_deg  # metrically orthorhombic within 1 sigma
    assert abs(beta_la - la.beta_deg) > 10 * la.beta_err_deg  # La3Ni2O7: a real monoclinic shear
    assert beta_la == pytest.approx(104.836, abs=1e-3)
    with pytest.raises(ValueError, match="need a < 2c"):
        lattice.pseudo_orthorhombic_beta_deg(10.0, 4.0)


def test_tetragonal_and_monoclinic_cells_round_trip() -> None:
    mono = lattice.monoclinic_cell_from_tetragonal(3.8, 20.3)
    assert mono.a_angstrom == pytest.approx(mono.b_angstrom) == pytest.approx(3.8 * math.sqrt(2))
    assert mono.volume_angstrom3 == pytest.approx(3.8**2 * 20.3)
    assert lattice.tetragonal_cell_from_monoclinic(mono) == pytest.approx((3.8, 20.3))
    split = lattice.monoclinic_cell_from_tetragonal(3.8, 20.3, 0.01)
    assert split.delta == pytest.approx(0.01)
    assert split.volume_angstrom3 == pytest.approx(3.8**2 * 20.3)
    with pytest.raises(ValueError, match="delta must lie in"):
        lattice.monoclinic_cell_from_tetragonal(3.8, 20.3, 0.5)


def test_indices_transform_keeps_q() -> None:
    a_t, c_t = 3.8, 20.3
    mono = lattice.monoclinic_cell_from_tetragonal(a_t, c_t)
    tet = diffraction.reflection_list(lattice.MonoclinicCell(a_t, a_t, c_t, 90.0), "I4/mmm", 4.2)
    hkl_m = lattice.hkl_tetragonal_to_monoclinic(tet.h, tet.k, tet.l)
    assert np.allclose(hkl_m, np.rint(hkl_m))  # body-centred reflections have integer indices
    q_m = diffraction.q_inv_angstrom(
        diffraction.d_spacing_angstrom(*hkl_m.T, mono.a_angstrom, mono.b_angstrom, mono.c_angstrom, mono.beta_deg)
    )
    assert q_m == pytest.approx(tet.q_inv_angstrom.to_numpy())
    assert lattice.hkl_tetragonal_to_monoclinic(1, 1, 0).tolist() == [2.0, 0.0, -1.0]


# --------------------------------------------------------------------------- EOS


def test_birch_murnaghan_definition() -> None:
    v0, k0, k0p = 296.26, 160.0, 4.5
    assert equation_of_state.birch_murnaghan_pressure_gpa(v0, v0, k0, k0p) == pytest.approx(0.0, abs=1e-12)
    dv = 1e-4 * v0
    p_below, p_above = equation_of_state.birch_murnaghan_pressure_gpa([v0 - dv, v0 + dv], v0, k0, k0p)
    k_at_v0 = -v0 * (p_above - p_below) / (2 * dv)  # K = -V dP/dV
    assert k_at_v0 == pytest.approx(k0, rel=1e-6)

    def bulk(v: float) -> float:
        pm, pp = equation_of_state.birch_murnaghan_pressure_gpa([v - dv, v + dv], v0, k0, k0p)
        return float(-v * (pp - pm) / (2 * dv))

    big = 1e-2 * v0
    dk = bulk(v0 - big) - bulk(v0 + big)
    dp = float(np.diff(equation_of_state.birch_murnaghan_pressure_gpa([v0 + big, v0 - big], v0, k0, k0p))[0])
    assert dk / dp == pytest.approx(k0p, rel=2e-2)  # K' = dK/dP at V0


def test_birch_murnaghan_inverse_and_second_order_limit() -> None:
    v0, k0 = 296.26, 160.0
    v = equation_of_state.birch_murnaghan_volume_angstrom3(18.0, v0, k0, 4.0)
    assert equation_of_state.birch_murnaghan_pressure_gpa(v, v0, k0, 4.0) == pytest.approx(18.0)
    x = v0 / v  # K0' = 4: P = 3K0/2 (x^7/3 - x^5/3)
    assert 18.0 == pytest.approx(1.5 * k0 * (x ** (7 / 3) - x ** (5 / 3)))
    assert equation_of_state.birch_murnaghan_volume_angstrom3(0.0, v0, k0, 4.0) == v0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: equation_of_state.birch_murnaghan_pressure_gpa(290.0, 296.0, -10.0, 4.0), "K0 must be positive"),
        (lambda: equation_of_state.birch_murnaghan_pressure_gpa(290.0, -296.0, 160.0, 4.0), "V0 must be positive"),
        (lambda: equation_of_state.birch_murnaghan_pressure_gpa(290.0, 296.0, 160.0, 40.0), "K0' must lie in"),
        (lambda: equation_of_state.birch_murnaghan_pressure_gpa(0.0, 296.0, 160.0, 4.0), "volumes must be positive"),
        (lambda: equation_of_state.birch_murnaghan_volume_angstrom3(-1.0, 296.0, 160.0, 4.0), "pressure must lie in"),
        (lambda: equation_of_state.birch_murnaghan_volume_angstrom3(5000.0, 296.0, 160.0, 4.0), "pressure must lie in"),
    ],
)
def test_eos_bad_input(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        call()


def test_cell_at_pressure() -> None:
    amb = cr.ambient_cell()
    at0 = equation_of_state.cell_at_pressure(0.0, amb, 160.0, 4.0, 18.0)
    assert at0.a_angstrom == pytest.approx(amb.a_angstrom)
    assert at0.b_angstrom == pytest.approx(amb.b_angstrom)
    assert at0.c_angstrom == pytest.approx(amb.c_angstrom, abs=1e-3)
    assert at0.beta_deg == pytest.approx(amb.beta_deg, abs=2e-3)
    half = equation_of_state.cell_at_pressure(9.0, amb, 160.0, 4.0, 18.0)
    assert half.delta == pytest.approx(amb.delta / 2)
    above = equation_of_state.cell_at_pressure(23.2, amb, 160.0, 4.0, 18.0)
    assert above.a_angstrom == pytest.approx(above.b_angstrom)
    v = equation_of_state.birch_murnaghan_volume_angstrom3(23.2, amb.volume_angstrom3, 160.0, 4.0)
    assert above.volume_angstrom3 == pytest.approx(v)
    with pytest.raises(ValueError, match="transition pressure must be positive"):
        equation_of_state.cell_at_pressure(1.0, amb, 160.0, 4.0, 0.0)


# ------------------------------------------------------------- structure model


def test_idealised_sites_composition() -> None:
    sites = powder.idealised_bilayer_sites(3.83, 20.27)
    mult = {"La1": 2, "La2": 4, "Sm2": 4, "Ni": 4, "O1": 2, "O2": 8, "O3": 4}
    total: dict[str, float] = {}
    for s in sites:
        total[s.element] = total.get(s.element, 0.0) + mult[s.label] * s.occupancy
    assert total == pytest.approx({"La": 4.0, "Sm": 2.0, "Ni": 4.0, "O": 14.0})  # 2 x La2SmNi2O7
    ni = next(s for s in sites if s.label == "Ni")
    assert ni.z * 20.27 == pytest.approx(3.83 / 2)  # Ni-O(inner apical) = a_t / 2
    with pytest.raises(ValueError, match="Sm fraction must lie in"):
        powder.idealised_bilayer_sites(3.83, 20.27, 1.5)
    with pytest.raises(ValueError, match="too short for a bilayer"):
        powder.idealised_bilayer_sites(3.83, 10.0)


def test_monoclinic_model_contents() -> None:
    xtl = powder.monoclinic_model(cr.ambient_cell())
    s = xtl.Structure
    occ = pd.Series(s.occupancy).groupby(np.asarray(s.type)).sum()
    assert occ.to_dict() == pytest.approx({"La": 4.0, "Sm": 2.0, "Ni": 4.0, "O": 14.0})


def test_monoclinic_model_in_the_tetragonal_limit_equals_the_i4mmm_model() -> None:
    a_t, c_t = 3.70, 19.9
    tet = powder.powder_pattern(powder.tetragonal_model(a_t, c_t), 0.4834, 1.6, 4.5)
    cell = lattice.monoclinic_cell_from_tetragonal(a_t, c_t)
    mono = powder.powder_pattern(powder.monoclinic_model(cell), 0.4834, 1.6, 4.5)
    assert len(tet) == len(mono)
    assert np.max(np.abs(tet["intensity"].to_numpy() - mono["intensity"].to_numpy())) < 1e-4


def test_powder_pattern_peak_at_the_110_reflection() -> None:
    a_t, c_t = 3.70, 19.9
    pat = powder.powder_pattern(powder.tetragonal_model(a_t, c_t), 0.4834, 2.35, 2.45)
    q_110 = 2 * np.pi * math.sqrt(2) / a_t
    assert pat.loc[pat["intensity"].idxmax(), "q_inv_angstrom"] == pytest.approx(q_110, abs=2e-3)
    assert pat["two_theta_deg"].iloc[0] == pytest.approx(
        float(diffraction.two_theta_deg(pat["q_inv_angstrom"].iloc[0], 0.4834))
    )


def test_powder_pattern_bad_input() -> None:
    xtl = powder.tetragonal_model(3.7, 19.9)
    with pytest.raises(ValueError, match="beyond the range"):
        powder.powder_pattern(xtl, 0.4834, 1.6, 30.0)
    with pytest.raises(ValueError, match="wavelength must be positive"):
        powder.powder_pattern(xtl, -0.4834, 1.6, 6.0)
    with pytest.raises(ValueError, match="peak FWHM must lie in"):
        powder.powder_pattern(xtl, 0.4834, 1.6, 6.0, fwhm_inv_angstrom=0.0)


def test_split_families_in_the_paper_windows() -> None:
    amb = cr.ambient_cell()
    fam = powder.split_families(amb, 2.15, 2.45).set_index("family")
    assert fam.loc["(1 1 0)", "n_components"] == 2
    # (2 0 -1)_m ~ (200)_o at 4 pi / a and (0 2 0)_m at 4 pi / b
    assert fam.loc["(1 1 0)", "splitting"] == pytest.approx(
        4 * np.pi * (1 / amb.b_angstrom - 1 / amb.a_angstrom), abs=5e-4
    )
    assert fam.loc["(1 0 5)", "n_components"] == 1  # not split by a != b
    merged = powder.split_families(equation_of_state.cell_at_pressure(23.2, amb, 160.0, 4.0, 18.0), 2.15, 2.6)
    assert (merged["n_components"] == 1).all()


# ------------------------------------------------------------------ phase diagram


def test_interpolation_and_errors() -> None:
    assert pd_.interpolate_tc_kelvin([10.0, 20.0], [60.0, 80.0], 15.0) == pytest.approx(70.0)
    with pytest.raises(ValueError, match="outside the measured range"):
        pd_.interpolate_tc_kelvin([10.0, 20.0], [60.0, 80.0], 25.0)
    with pytest.raises(ValueError, match="strictly increasing"):
        pd_.interpolate_tc_kelvin([20.0, 10.0], [60.0, 80.0], 15.0)
    with pytest.raises(ValueError, match="at least two"):
        pd_.interpolate_tc_kelvin([20.0], [60.0], 20.0)


def _synthetic() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "compound": ["La2SmNi2O7"] * 3,
            "crystal": ["#6"] * 3,
            "p_gpa": [14.0, 16.0, 22.0],
            "tc_onset_kelvin": [60.0, 70.0, 90.0],
            "tc_zero_kelvin": [np.nan, 40.0, 70.0],
            "field_tesla": [0.0] * 3,
        }
    )


def test_monoclinic_and_both_structure_checks_on_synthetic_points() -> None:
    pts = pd_.zero_field_points(_synthetic())
    ok = pd_.monoclinic_check(pts, 19.0, 64.0)
    assert ok.tc_onset_kelvin == pytest.approx(80.0)
    assert ok.tc_onset_lower_bound_kelvin == 70.0 and ok.agrees
    assert ok.tc_zero_kelvin == pytest.approx(55.0)
    assert not pd_.monoclinic_check(pts, 19.0, 75.0).agrees
    with pytest.raises(ValueError, match="no crystal has Tc onset points on both sides of 30"):
        pd_.monoclinic_check(pts, 30.0, 64.0)
    both = pd_.both_structures_check(pts, 17.9, 20.2)
    assert both.agrees and len(both.monoclinic) == 2 and len(both.tetragonal) == 1
    assert not pd_.both_structures_check(pts, 13.0, 20.2).agrees
    with pytest.raises(ValueError, match="must lie below"):
        pd_.both_structures_check(pts, 21.0, 20.2)
    with pytest.raises(ValueError, match="no zero-field Tc points for La2PrNi2O7"):
        pd_.zero_field_points(_synthetic(), "La2PrNi2O7")
    with pytest.raises(ValueError, match="lacks columns"):
        pd_.zero_field_points(_synthetic().drop(columns="field_tesla"))


# ------------------------------------------------------------- data and claims


def test_structure_tables_hold_the_papers_statements() -> None:
    pts = load_table("structure", "structure_points").set_index("point_id")
    assert (pts.loc["S5", "phase"], pts.loc["S5", "p_gpa"], pts.loc["S5", "t_kelvin"]) == ("P2_1/m", 17.9, 64.0)
    assert pts.loc["S2", "p_gpa"] == 18.0 and bool(pts.loc["S2", "approximate"])
    panels = load_table("structure", "xrd_panels").set_index("panel")
    assert panels.loc["Fig. 4a", "wavelength_angstrom"] == 0.4834
    assert panels.loc["Ext. Data Fig. 8d", "wavelength_angstrom"] == 0.4133
    assert (panels.loc["Fig. 4b", "q_min_inv_angstrom"], panels.loc["Fig. 4b", "q_max_inv_angstrom"]) == (
        2.15,
        2.45,
    )
    versions = load_table("structure", "space_group_versions")
    assert set(versions["space_group"]) == {"P2_1/m", "P2_1/a"}


def test_chapter_claims_statuses() -> None:
    claims = {c.claim_id: c for c in cr.claims()}
    status = {cid: c.status for cid, c in claims.items()}
    assert status["X1"] == status["X4"] == "not reproducible from public data"
    assert status["X3"] == status["X7"] == "illustrated"
    assert status["X2"] == status["X8"] == status["X9"] == status["X36"] == "reproduced"
    # issue 13: different runs and pressure scales, so the T-P statements are cross-checks
    assert status["X5"] == status["X6"] == "consistent"
    assert "ruby" in claims["X5"].note and "77.4 K" in claims["X5"].note
    assert status["X40"] == "consistent" and "(1 1 10)" in claims["X40"].note
    assert all(status[c] == "consistent" for c in ("X28", "X29", "X31", "X32", "X45", "X46", "X47"))
    assert claims["X8"].ours == pytest.approx(2.3245, abs=1e-3)
    assert claims["X9"].ours == pytest.approx(3.9888, abs=1e-3)
    assert len(claims) >= 40


def test_axis_scales() -> None:
    assert equation_of_state.axis_scales(0.9) == pytest.approx((0.9 ** (1 / 3), 0.9 ** (1 / 3)))
    s_a, s_c = equation_of_state.axis_scales(0.9, 2.0)  # c strains twice as much as a, volume kept
    assert s_a**2 * s_c == pytest.approx(0.9)
    assert math.log(s_c) == pytest.approx(2 * math.log(s_a))
    with pytest.raises(ValueError, match="volume ratio"):
        equation_of_state.axis_scales(1.2)
    ambient = cr.ambient_cell()
    iso = equation_of_state.cell_at_pressure(10.0, ambient, 160.0, 4.0, 18.0)
    aniso = equation_of_state.cell_at_pressure(10.0, ambient, 160.0, 4.0, 18.0, c_to_a_strain_ratio=2.0)
    assert iso.volume_angstrom3 == pytest.approx(aniso.volume_angstrom3, rel=1e-9)
    assert lattice.tetragonal_cell_from_monoclinic(aniso)[0] > lattice.tetragonal_cell_from_monoclinic(iso)[0]


def test_split_lines_of_the_windows() -> None:
    cell = cr.ambient_cell()
    line = cr.strongest_split_line(cell, 2.15, 2.45)
    assert line["family"] == "(1 1 0)"
    # the (1 1 0)_t doublet: Q = 2 pi sqrt(1/a^2 ...) of (0 2 0)_m and (2 0 -1)_m; splitting ~ 4 pi (a - b) / (a b)
    assert line["q_high"] - line["q_low"] == pytest.approx(
        2 * np.pi * 2 * (1 / cell.b_angstrom - 1 / cell.a_angstrom), rel=0.05)
    shared, only_a, only_b = cr.split_lines_shared(cell, (3.9, 4.15), (3.85, 4.15))
    assert shared and only_a == [] and only_b == ["(1 1 10)"]
    assert cr.split_lines_shared(cell, (2.15, 2.45), (3.9, 4.15))[0] is False
    with pytest.raises(ValueError, match="no a/b-split"):
        cr.strongest_split_line(cell, 5.0, 5.01)


def test_crystal_labels_and_annealing_cross_checks() -> None:
    panels = load_table("structure", "xrd_panels")
    mentions = load_table("structure", "crystal_mentions")
    assert cr.crystal_labels_consistent(panels, mentions, ["C1", "C2", "C3", "C4", "C7"])
    wrong = mentions.copy()
    wrong.loc[wrong["mention_id"] == "C4", "crystals"] = "#9"  # a title naming only #9 must fail
    assert not cr.crystal_labels_consistent(panels, wrong, ["C4"])
    with pytest.raises(ValueError, match="unknown crystal mention"):
        cr.crystal_labels_consistent(panels, mentions, ["C99"])
    assert cr.annealing_consistent(mentions, "pO2 = 1.5 bar, 10 days")
    assert not cr.annealing_consistent(mentions, "pO2 = 2.5 bar, 10 days")


def _edit_structure_csv(data_dir, name: str, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    import json

    from nickelate_utils.data import sha256_of

    path = data_dir / "structure" / f"{name}.csv"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    descriptor = data_dir / "structure" / "datapackage.json"
    pkg = json.loads(descriptor.read_text())
    for res in pkg["resources"]:
        if res["name"] == name:
            res["hash"] = "sha256:" + sha256_of(path)
    descriptor.write_text(json.dumps(pkg))


def test_checks_fail_when_the_stated_points_move(data_copy) -> None:  # type: ignore[no-untyped-def]
    """X5 and X6 are real checks: an XRD point above the onset, or an I4/mmm limit above every
    superconducting point, turns them discrepant."""
    _edit_structure_csv(data_copy, "structure_points", "S5,P2_1/m,#10,17.9,,,64,", "S5,P2_1/m,#10,17.9,,,80,")
    _edit_structure_csv(data_copy, "structure_points", "S6,I4/mmm,#10,,17.9,20.2,", "S6,I4/mmm,#10,,17.9,25,")
    status = {c.claim_id: c.status for c in cr.claims(data_copy)}
    assert status["X5"] == "discrepant"
    assert status["X6"] == "discrepant"
    assert status["X2"] == "reproduced"

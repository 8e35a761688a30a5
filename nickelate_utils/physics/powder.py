# ruff: noqa: E741  (l is the Miller index)
"""Idealised structure model, X-ray powder patterns and the Q windows of Fig. 4b,c (chapter 6).

Everything that involves atoms (structure factors, form factors, the powder pattern) is
computed by Dans_Diffraction (Porter, https://github.com/DanPorter/Dans_Diffraction), imported
inside the functions that use it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from nickelate_utils.physics.diffraction import (
    _canonical,
    d_spacing_angstrom,
    q_inv_angstrom,
    reflection_list,
    two_theta_deg,
)
from nickelate_utils.physics.lattice import (
    MonoclinicCell,
    _check_cell,
    hkl_tetragonal_to_monoclinic,
    tetragonal_cell_from_monoclinic,
)

__all__ = [
    "ASSUMED_U_ISO_ANGSTROM2",
    "LINE_RESOLUTION_INV_ANGSTROM",
    "PEAK_FWHM_INV_ANGSTROM",
    "Site",
    "idealised_bilayer_sites",
    "monoclinic_model",
    "powder_pattern",
    "split_families",
    "tetragonal_model",
]

PEAK_FWHM_INV_ANGSTROM: float = 0.008
"""Assumed Gaussian peak width (FWHM in Q) of the reconstructed patterns; the instrumental and
sample broadening of the measured patterns are not stated."""

ASSUMED_U_ISO_ANGSTROM2: float = 0.005
"""Assumed isotropic displacement parameter of every atom of the idealised model."""

LINE_RESOLUTION_INV_ANGSTROM: float = 1e-3
"""Reflections closer in Q than this count as one line in :func:`split_families`."""

# ------------------------------------------------------------- structure model


@dataclass(frozen=True)
class Site:
    """One site of the I4/mmm asymmetric unit (fractional coordinates of the tetragonal cell).

    Examples

    >>> Site("Ni", "Ni", 0.0, 0.0, 0.1, 1.0).element
    'Ni'
    """

    label: str
    element: str
    x: float
    y: float
    z: float
    occupancy: float


def idealised_bilayer_sites(
    a_t_angstrom: float, c_t_angstrom: float, rock_salt_sm_fraction: float = 0.5
) -> list[Site]:
    """Idealised n = 2 Ruddlesden-Popper (Sr3Ti2O7-type, I4/mmm) sites of La2SmNi2O7.

    Wyckoff sites of the structure type (Ruddlesden & Popper, Acta Cryst. 11, 54 (1958),
    doi:10.1107/S0365110X58000128): O1 2a (0,0,0); La1 2b (0,0,1/2); Ni 4e (0,0,z_Ni);
    O2 8g (0,1/2,z_Ni); O3 4e (0,0,2 z_Ni); La2 4e (0,0,1/2 - 2 z_Ni).
    Idealised (not refined): regular NiO6 octahedra with Ni-O = a_t/2, so z_Ni = a_t/(2 c_t),
    and the rock-salt La2 in the plane of the apical O3. Sm is put on the rock-salt La2 site
    ('Sm preferentially occupies the La site between bilayers', Li et al.), with occupancy
    ``rock_salt_sm_fraction`` (0.5 for La2SmNi2O7 if the preference is complete).

    Examples

    >>> [(s.label, round(s.z, 4)) for s in idealised_bilayer_sites(4.0, 20.0)]  # z_Ni = 4 / 40
    [('La1', 0.5), ('La2', 0.3), ('Sm2', 0.3), ('Ni', 0.1), ('O1', 0.0), ('O2', 0.1), ('O3', 0.2)]
    """
    _check_cell(a_t_angstrom, a_t_angstrom, c_t_angstrom, 90.0)
    if not 0 <= rock_salt_sm_fraction <= 1:
        raise ValueError(f"Sm fraction must lie in [0, 1], got {rock_salt_sm_fraction}")
    z_ni = a_t_angstrom / (2 * c_t_angstrom)
    if not 2 * z_ni < 0.25:
        raise ValueError("c_t is too short for a bilayer (needs c_t > 4 a_t)")
    sites = [
        Site("La1", "La", 0.0, 0.0, 0.5, 1.0),
        Site("La2", "La", 0.0, 0.0, 0.5 - 2 * z_ni, 1.0 - rock_salt_sm_fraction),
        Site("Sm2", "Sm", 0.0, 0.0, 0.5 - 2 * z_ni, rock_salt_sm_fraction),
        Site("Ni", "Ni", 0.0, 0.0, z_ni, 1.0),
        Site("O1", "O", 0.0, 0.0, 0.0, 1.0),
        Site("O2", "O", 0.0, 0.5, z_ni, 1.0),
        Site("O3", "O", 0.0, 0.0, 2 * z_ni, 1.0),
    ]
    return [s for s in sites if s.occupancy > 0]


def _dans_crystal(
    cell: tuple[float, ...], sites: list[tuple[str, str, float, float, float, float]], sg: int, u_iso: float
):  # type: ignore[no-untyped-def]
    import Dans_Diffraction as dif  # lazy: only pattern users pay for the import

    xtl = dif.Crystal()
    xtl.name = "La2SmNi2O7 idealised"
    xtl.Symmetry.load_spacegroup(sg)
    xtl.new_cell(*cell)
    xtl.new_atoms(
        u=[s[2] for s in sites],
        v=[s[3] for s in sites],
        w=[s[4] for s in sites],
        type=[s[1] for s in sites],
        label=[s[0] for s in sites],
        occupancy=[s[5] for s in sites],
        uiso=[u_iso] * len(sites),
    )
    # non-magnetic X-ray scattering: skip the (slow, irrelevant) magnetic form factors
    xtl.Scatter.setup_scatter(scattering_type="xray", magnetic_formfactor=False, output=False)
    return xtl


def tetragonal_model(
    a_t_angstrom: float,
    c_t_angstrom: float,
    rock_salt_sm_fraction: float = 0.5,
    u_iso_angstrom2: float = ASSUMED_U_ISO_ANGSTROM2,
):  # type: ignore[no-untyped-def]
    """Dans_Diffraction ``Crystal`` of the idealised model in I4/mmm (space group 139).

    Examples

    >>> xtl = tetragonal_model(3.8, 20.0)
    >>> round(float(xtl.Cell.volume()), 4), round(float(sum(xtl.Structure.occupancy)), 4)  # 2 La2SmNi2O7 per cell
    (288.8, 24.0)
    """
    if not u_iso_angstrom2 >= 0:
        raise ValueError(f"U_iso must be non-negative, got {u_iso_angstrom2}")
    sites = [
        (s.label, s.element, s.x, s.y, s.z, s.occupancy)
        for s in idealised_bilayer_sites(a_t_angstrom, c_t_angstrom, rock_salt_sm_fraction)
    ]
    return _dans_crystal((a_t_angstrom, a_t_angstrom, c_t_angstrom, 90.0, 90.0, 90.0), sites, 139, u_iso_angstrom2)


def monoclinic_model(
    cell: MonoclinicCell, rock_salt_sm_fraction: float = 0.5, u_iso_angstrom2: float = ASSUMED_U_ISO_ANGSTROM2
):  # type: ignore[no-untyped-def]
    """Dans_Diffraction ``Crystal`` (P1 list of all 24 atoms) of the idealised model in a
    P2_1/m-setting cell: the I4/mmm atoms are transformed to the monoclinic axes
    (x_m = (x+y)/2 + z, y_m = (y-x)/2, z_m = 2z) and the cell metric is set to ``cell``.
    The model has no octahedral tilts: it reproduces the a/b splitting of the main
    reflections but not the weak P2_1/m superstructure reflections (h_m + k_m odd).

    Examples

    >>> from nickelate_utils.physics.lattice import monoclinic_cell_from_tetragonal
    >>> xtl = monoclinic_model(monoclinic_cell_from_tetragonal(3.8, 20.0))
    >>> round(float(xtl.Cell.volume()), 4), round(float(sum(xtl.Structure.occupancy)), 4)
    (288.8, 24.0)
    """
    a_t, c_t = tetragonal_cell_from_monoclinic(cell)
    tet = tetragonal_model(a_t, c_t, rock_salt_sm_fraction, u_iso_angstrom2)
    s = tet.Structure
    xyz = np.column_stack([s.u, s.v, s.w])
    mono = np.column_stack([(xyz[:, 0] + xyz[:, 1]) / 2 + xyz[:, 2], (xyz[:, 1] - xyz[:, 0]) / 2, 2 * xyz[:, 2]])
    rows: dict[tuple[float, float, float, str], tuple[str, str, float, float, float, float]] = {}
    for shift in ((0.0, 0.0, 0.0), (0.5, 0.5, 0.0)):  # body centring -> C centring of the new cell
        for (u, v, w), el, lab, occ in zip(mono + shift, s.type, s.label, s.occupancy, strict=True):
            u, v, w = (round(float(x) % 1.0, 6) % 1.0 for x in (u, v, w))
            rows.setdefault((u, v, w, str(el)), (str(lab), str(el), u, v, w, float(occ)))
    sites = list(rows.values())
    return _dans_crystal(
        (cell.a_angstrom, cell.b_angstrom, cell.c_angstrom, 90.0, cell.beta_deg, 90.0), sites, 1, u_iso_angstrom2
    )


def powder_pattern(
    crystal,  # type: ignore[no-untyped-def]
    wavelength_angstrom: float,
    q_min_inv_angstrom: float,
    q_max_inv_angstrom: float,
    fwhm_inv_angstrom: float = PEAK_FWHM_INV_ANGSTROM,
    pixels_per_inv_angstrom: int = 2000,
) -> pd.DataFrame:
    """X-ray powder pattern of a Dans_Diffraction crystal on a Q grid, normalised to its maximum.

    Computed by ``Crystal.Scatter.powder`` (X-ray form factors of International Tables Vol. C,
    ``|F|^2`` summed over reflections, powder average I/Q^2, Gaussian peaks of the given FWHM in Q).
    Returns columns q_inv_angstrom, two_theta_deg, intensity.

    Examples

    >>> pattern = powder_pattern(tetragonal_model(3.8, 20.0), 0.4, 1.0, 2.0)
    >>> list(pattern.columns), round(float(pattern["intensity"].max()), 4)
    (['q_inv_angstrom', 'two_theta_deg', 'intensity'], 1.0)
    """
    if not 0 < fwhm_inv_angstrom < 0.5:
        raise ValueError(f"peak FWHM must lie in (0, 0.5) 1/angstrom, got {fwhm_inv_angstrom}")
    if not 0 < q_min_inv_angstrom < q_max_inv_angstrom:
        raise ValueError(f"need 0 < q_min < q_max, got {q_min_inv_angstrom}, {q_max_inv_angstrom}")
    tth_min, tth_max = two_theta_deg([q_min_inv_angstrom, q_max_inv_angstrom], wavelength_angstrom)
    crystal.Scatter.setup_scatter(
        scattering_type="xray",
        wavelength_a=wavelength_angstrom,
        min_twotheta=float(tth_min),
        max_twotheta=float(tth_max),
        powder_lorentz=0.0,
        output=False,
    )
    q, intensity, _ = crystal.Scatter.powder(
        units="q", peak_width=fwhm_inv_angstrom, pixels=pixels_per_inv_angstrom, background=0, powder_average=True
    )
    keep = (q >= q_min_inv_angstrom) & (q <= q_max_inv_angstrom)
    q, intensity = q[keep], intensity[keep]
    return pd.DataFrame(
        {
            "q_inv_angstrom": q,
            "two_theta_deg": two_theta_deg(q, wavelength_angstrom),
            "intensity": intensity / intensity.max(),
        }
    )


# ------------------------------------------------------------- window analysis


def split_families(
    cell: MonoclinicCell,
    q_min_inv_angstrom: float,
    q_max_inv_angstrom: float,
    resolution_inv_angstrom: float = LINE_RESOLUTION_INV_ANGSTROM,
) -> pd.DataFrame:
    """Tetragonal reflection families near a Q window and how the monoclinic cell splits them.

    For each I4/mmm family (hkl)_t whose Q (in the volume-equivalent tetragonal cell of
    ``cell``) lies in the window, all its members are transformed to P2_1/m indices and their Q
    recomputed in ``cell``; members closer than ``resolution_inv_angstrom`` count as one
    component. Columns: family, q_tetragonal, n_components (distinct Q),
    q_low, q_high, splitting (q_high - q_low), monoclinic (indices of one member per Q), and
    intensity (``|F|^2`` times multiplicity of the idealised I4/mmm model, relative to the
    strongest family in the window).

    Examples

    >>> from nickelate_utils.physics.lattice import monoclinic_cell_from_tetragonal
    >>> cell = monoclinic_cell_from_tetragonal(3.8, 20.0, delta=0.01)
    >>> row = split_families(cell, 2.3, 2.36).iloc[0]  # (110)_t splits by about 2 delta Q
    >>> row["family"], int(row["n_components"]), round(float(row["splitting"]), 3)
    ('(1 1 0)', 2, 0.047)
    """
    a_t, c_t = tetragonal_cell_from_monoclinic(cell)
    tet_cell = MonoclinicCell(a_t, a_t, c_t, 90.0)
    families = reflection_list(tet_cell, "I4/mmm", q_max_inv_angstrom, q_min_inv_angstrom)
    model = tetragonal_model(a_t, c_t)
    rows = []
    for fam in families.itertuples(index=False):
        members = {
            (s1 * h, s2 * k, s3 * l)
            for h, k in ((fam.h, fam.k), (fam.k, fam.h))
            for s1 in (1, -1)
            for s2 in (1, -1)
            for s3 in (1, -1)
            for l in (fam.l,)
        }  # noqa: E741
        hkl_t = np.array(sorted(members))
        hkl_m = np.rint(hkl_tetragonal_to_monoclinic(*hkl_t.T)).astype(int)
        q_m = q_inv_angstrom(
            d_spacing_angstrom(*hkl_m.T, cell.a_angstrom, cell.b_angstrom, cell.c_angstrom, cell.beta_deg)
        )
        distinct: dict[float, tuple[int, int, int]] = {}
        for q, hkl in sorted(zip(q_m, map(tuple, hkl_m), strict=True)):
            if not distinct or q - max(distinct) > resolution_inv_angstrom:
                distinct[float(q)] = _canonical(*hkl, tetragonal=False)
        intensity = (
            float(model.Scatter.intensity([[fam.h, fam.k, fam.l]], scattering_type="xray")[0]) * fam.multiplicity
        )
        rows.append(
            {
                "family": f"({fam.h} {fam.k} {fam.l})",
                "q_tetragonal": float(fam.q_inv_angstrom),
                "n_components": len(distinct),
                "q_low": min(distinct),
                "q_high": max(distinct),
                "splitting": max(distinct) - min(distinct),
                "monoclinic": ", ".join(f"({h} {k} {l})" for h, k, l in distinct.values()),
                "intensity": intensity,
            }
        )
    out = pd.DataFrame(rows)
    if len(out):
        out["intensity"] = out["intensity"] / out["intensity"].max()
    return out

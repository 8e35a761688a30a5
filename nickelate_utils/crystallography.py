# ruff: noqa: E741  (l is the Miller index)
"""Chapter 6: powder diffraction of La2SmNi2O7 under pressure (Fig. 4a-c, Extended Data Fig. 8).

Reference: Li, F. et al., Nature (2025), doi:10.1038/s41586-025-09954-4.

What is hand-written and why
----------------------------
* d-spacings, Q = 2 pi / d and 2 theta are one-line textbook formulas (International Tables
  for Crystallography Vol. A, doi:10.1107/97809553602060000114, and Vol. B, Sect. 1.1); they
  are written out so that the unit tests can check them against hand-computed limits. The tests
  cross-check them against ``Dans_Diffraction.Cell.dspace``.
* Reflection conditions of I4/mmm, P2_1/m and P2_1/a are the printed conditions of
  International Tables Vol. A; the tests check them against structure factors computed by
  Dans_Diffraction for atoms on general positions.
* The third-order Birch-Murnaghan P(V) (Birch, Phys. Rev. 71, 809 (1947),
  doi:10.1103/PhysRev.71.809) is written out because pymatgen's and ase's EOS classes fit E(V),
  not P(V); it is inverted with ``scipy.optimize.brentq``.

Everything that involves atoms (structure factors, form factors, the powder pattern) is
computed by Dans_Diffraction (Porter, https://github.com/DanPorter/Dans_Diffraction).

Cell conventions
----------------
Monoclinic cells have unique axis b. The P2_1/m cell of Extended Data Table 1 (a ~ b ~ 5.4 A,
c ~ 10.5 A, beta ~ 105 deg, Z = 2) is a primitive cell of the bilayer stacking: with the
tetragonal I4/mmm cell (a_t, c_t) its axes are a_m = a_t + b_t, b_m = -a_t + b_t,
c_m = (c_t - a_t - b_t) / 2, so that V_m = V_t, c_t = 2 c_m sin(beta) and, for an
undistorted metric, cos(beta) = -a_m / (2 c_m).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import brentq

from nickelate_utils import phase_diagram
from nickelate_utils.claims import Claim, Computed, build_claims
from nickelate_utils.crystal import inplane_distortion, monoclinic_volume
from nickelate_utils.data import load_table

CHAPTER = "6. Structure under pressure and the T-P phase diagram"
PACKAGE = "structure"

SPACE_GROUPS: tuple[str, ...] = ("I4/mmm", "P2_1/m", "P2_1/a")
"""Space groups whose reflection conditions :func:`is_allowed` knows (monoclinic: unique axis b)."""

ASSUMED_K0_GPA: float = 160.0
"""Assumed isothermal bulk modulus of La2SmNi2O7 for the reconstruction. The paper gives no
equation of state and we found none for La2SmNi2O7 or La3Ni2O7 in the sources we could read;
this round value is an assumption, not a fit, and :data:`K0_SENSITIVITY_GPA` brackets it."""

ASSUMED_K0_PRIME: float = 4.0
"""Assumed pressure derivative K0' (the second-order Birch-Murnaghan value)."""

K0_SENSITIVITY_GPA: tuple[float, float] = (120.0, 200.0)
"""Range of K0 over which the chapter reports how much the reconstructed peak positions move."""

PEAK_FWHM_INV_ANGSTROM: float = 0.008
"""Assumed Gaussian peak width (FWHM in Q) of the reconstructed patterns; the instrumental and
sample broadening of the measured patterns are not stated."""

ASSUMED_U_ISO_ANGSTROM2: float = 0.005
"""Assumed isotropic displacement parameter of every atom of the idealised model."""

LINE_RESOLUTION_INV_ANGSTROM: float = 1e-3
"""Reflections closer in Q than this count as one line in :func:`split_families`."""

TETRAGONAL_TO_MONOCLINIC: NDArray[np.float64] = np.array([[1.0, 1.0, 0.0], [-1.0, 1.0, 0.0], [-0.5, -0.5, 0.5]])
"""Rows: monoclinic basis vectors a_m, b_m, c_m in units of the tetragonal a_t, b_t, c_t.
Miller indices transform like the basis vectors: hkl_m = P @ hkl_t."""


# ----------------------------------------------------------------------------- cells


def _check_cell(a_angstrom: float, b_angstrom: float, c_angstrom: float, beta_deg: float) -> None:
    for name, value in (("a", a_angstrom), ("b", b_angstrom), ("c", c_angstrom)):
        if not np.isfinite(value) or value <= 0:
            raise ValueError(f"non-physical cell: {name} must be a positive length, got {value}")
    if not 0 < beta_deg < 180:
        raise ValueError(f"non-physical cell: beta must lie in (0, 180) degrees, got {beta_deg}")


@dataclass(frozen=True)
class MonoclinicCell:
    """Monoclinic cell (unique axis b), lengths in angstrom, beta in degrees."""

    a_angstrom: float
    b_angstrom: float
    c_angstrom: float
    beta_deg: float

    def __post_init__(self) -> None:
        _check_cell(self.a_angstrom, self.b_angstrom, self.c_angstrom, self.beta_deg)

    @property
    def volume_angstrom3(self) -> float:
        """V = a b c sin(beta)."""
        return float(monoclinic_volume(self.a_angstrom, self.b_angstrom, self.c_angstrom, self.beta_deg))

    @property
    def delta(self) -> float:
        """In-plane distortion (a - b)/(a + b) (Li et al., Fig. 1l)."""
        return float(inplane_distortion(self.a_angstrom, self.b_angstrom))


def d_spacing_angstrom(
    h: ArrayLike,
    k: ArrayLike,
    l: ArrayLike,  # noqa: E741 - the Miller index is called l
    a_angstrom: float,
    b_angstrom: float,
    c_angstrom: float,
    beta_deg: float = 90.0,
) -> NDArray[np.float64]:
    """Interplanar spacing of (hkl) in a monoclinic cell (unique axis b), in angstrom.

    1/d^2 = [h^2/a^2 + k^2 sin^2(beta)/b^2 + l^2/c^2 - 2 h l cos(beta)/(a c)] / sin^2(beta)

    With beta = 90 it is the orthorhombic formula, with a = b also the tetragonal one, with
    a = b = c the cubic one. Reference: International Tables for Crystallography Vol. B,
    Sect. 1.1 (reciprocal metric). Hand-written (one line); checked against Dans_Diffraction.
    """
    _check_cell(a_angstrom, b_angstrom, c_angstrom, beta_deg)
    h, k, l = (np.asarray(x, dtype=float) for x in (h, k, l))  # noqa: E741
    if np.any((h == 0) & (k == 0) & (l == 0)):
        raise ValueError("(000) has no d-spacing")
    beta = np.radians(beta_deg)
    s2 = np.sin(beta) ** 2
    inv_d2 = (
        h**2 / a_angstrom**2
        + k**2 * s2 / b_angstrom**2
        + l**2 / c_angstrom**2
        - 2 * h * l * np.cos(beta) / (a_angstrom * c_angstrom)
    ) / s2
    return 1.0 / np.sqrt(inv_d2)


def d_spacing_orthorhombic_angstrom(
    h: ArrayLike,
    k: ArrayLike,
    l: ArrayLike,
    a_angstrom: float,
    b_angstrom: float,
    c_angstrom: float,  # noqa: E741
) -> NDArray[np.float64]:
    """1/d^2 = h^2/a^2 + k^2/b^2 + l^2/c^2 (the monoclinic formula at beta = 90)."""
    return d_spacing_angstrom(h, k, l, a_angstrom, b_angstrom, c_angstrom, 90.0)


def d_spacing_tetragonal_angstrom(
    h: ArrayLike,
    k: ArrayLike,
    l: ArrayLike,
    a_angstrom: float,
    c_angstrom: float,  # noqa: E741
) -> NDArray[np.float64]:
    """1/d^2 = (h^2 + k^2)/a^2 + l^2/c^2 (the orthorhombic formula with a = b)."""
    return d_spacing_angstrom(h, k, l, a_angstrom, a_angstrom, c_angstrom, 90.0)


def q_inv_angstrom(d_angstrom: ArrayLike) -> NDArray[np.float64]:
    """Scattering vector Q = 2 pi / d in inverse angstrom."""
    d = np.asarray(d_angstrom, dtype=float)
    if np.any(~(d > 0)):
        raise ValueError(f"d-spacings must be positive, got {d[~(d > 0)][:3].tolist()}")
    return 2 * np.pi / d


def max_q_inv_angstrom(wavelength_angstrom: float) -> float:
    """Largest Q reachable at a wavelength: 4 pi / lambda (back-scattering, 2 theta = 180 deg)."""
    if not wavelength_angstrom > 0:
        raise ValueError(f"wavelength must be positive, got {wavelength_angstrom} angstrom")
    return float(4 * np.pi / wavelength_angstrom)


def two_theta_deg(q: ArrayLike, wavelength_angstrom: float) -> NDArray[np.float64]:
    """Scattering angle 2 theta = 2 arcsin(lambda Q / 4 pi) in degrees (Bragg's law in Q).

    ``q`` in inverse angstrom. Raises ValueError for a non-positive wavelength, a negative Q, or
    a Q beyond 4 pi / lambda (a reflection that cannot be reached at this wavelength).
    """
    q_max = max_q_inv_angstrom(wavelength_angstrom)
    q = np.asarray(q, dtype=float)
    if np.any(q < 0):
        raise ValueError("Q must be non-negative")
    if np.any(q > q_max):
        raise ValueError(
            f"Q = {float(np.max(q)):.4g} 1/angstrom is beyond the range 4 pi / lambda = "
            f"{q_max:.4g} 1/angstrom reachable at lambda = {wavelength_angstrom} angstrom"
        )
    return np.degrees(2 * np.arcsin(wavelength_angstrom * q / (4 * np.pi)))


# --------------------------------------------------------------- reflection conditions


PYMATGEN_SYMBOLS: dict[str, str] = {"I4/mmm": "I4/mmm", "P2_1/m": "P2_1/m", "P2_1/a": "P12_1/a1"}
"""How each symbol is spelled for ``pymatgen.symmetry.groups.SpaceGroup`` (P2_1/a needs the
full symbol with unique axis b)."""


def space_group_operations(space_group: str) -> list[tuple[NDArray[np.float64], NDArray[np.float64]]]:
    """(rotation matrix, translation) of every operation of ``space_group``, centring included,
    from ``pymatgen.symmetry.groups.SpaceGroup`` (International Tables settings)."""
    import warnings

    from pymatgen.symmetry.groups import SpaceGroup

    if space_group not in PYMATGEN_SYMBOLS:
        raise ValueError(f"unknown space group '{space_group}' (known: {', '.join(SPACE_GROUPS)})")
    with warnings.catch_warnings():  # pymatgen warns that P12_1/a1 is a full, not a short, symbol
        warnings.simplefilter("ignore", UserWarning)
        group = SpaceGroup(PYMATGEN_SYMBOLS[space_group])
    return [
        (np.asarray(op.rotation_matrix, dtype=float), np.asarray(op.translation_vector, dtype=float))
        for op in group.symmetry_ops
    ]


def space_group_number(space_group: str) -> int:
    """International Tables number of ``space_group`` (pymatgen). P2_1/a is a setting of
    P2_1/c (No. 14), a different group from P2_1/m (No. 11)."""
    import warnings

    from pymatgen.symmetry.groups import SpaceGroup

    if space_group not in PYMATGEN_SYMBOLS:
        raise ValueError(f"unknown space group '{space_group}' (known: {', '.join(SPACE_GROUPS)})")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return int(SpaceGroup(PYMATGEN_SYMBOLS[space_group]).int_number)


def is_allowed(h: ArrayLike, k: ArrayLike, l: ArrayLike, space_group: str) -> NDArray[np.bool_]:  # noqa: E741
    """True where (hkl) is not systematically absent in ``space_group``.

    General rule: (hkl) is extinct if an operation (R, t) of the group leaves it invariant,
    (hkl) R = (hkl), while (hkl).t is not an integer (then F = exp(2 pi i h.t) F = 0).
    The operations come from pymatgen; the unit tests check the result against the printed
    conditions of International Tables Vol. A (I4/mmm: h + k + l = 2n; P2_1/m: 0k0, k = 2n;
    P2_1/a: h0l, h = 2n and 0k0, k = 2n) and against Dans_Diffraction structure factors.
    """
    ops = space_group_operations(space_group)
    hkl = np.stack([np.asarray(x, dtype=float).ravel() for x in (h, k, l)], axis=-1)
    allowed = np.ones(len(hkl), dtype=bool)
    for rot, trans in ops:
        invariant = np.all(np.isclose(hkl @ rot, hkl), axis=1)
        phase = hkl @ trans
        allowed &= ~(invariant & ~np.isclose(phase, np.round(phase)))
    return allowed.reshape(np.shape(np.asarray(h)))


def _canonical(h: int, k: int, l: int, tetragonal: bool) -> tuple[int, int, int]:  # noqa: E741
    if tetragonal:  # Laue class 4/mmm
        hh, kk = sorted((abs(h), abs(k)), reverse=True)
        return (hh, kk, abs(l))
    # Laue class 2/m (unique b): (h k l) = (-h k -l) = (h -k l) = (-h -k -l)
    hl = max((h, l), (-h, -l))
    return (hl[0], abs(k), hl[1])


def reflection_list(
    cell: MonoclinicCell, space_group: str, q_max_inv_angstrom: float, q_min_inv_angstrom: float = 0.0
) -> pd.DataFrame:
    """Allowed reflections with q_min <= Q <= q_max, one row per set of Laue-equivalent (hkl).

    Columns: h, k, l (a representative), multiplicity, d_angstrom, q_inv_angstrom; sorted by Q.
    I4/mmm needs a tetragonal metric (a = b, beta = 90). Index bounds use |h| <= Q_max a / 2 pi.
    """
    if not 0 <= q_min_inv_angstrom < q_max_inv_angstrom:
        raise ValueError(
            f"need 0 <= q_min < q_max, got q_min = {q_min_inv_angstrom}, q_max = {q_max_inv_angstrom}"
        )
    tetragonal = space_group == "I4/mmm"
    if tetragonal and not (np.isclose(cell.a_angstrom, cell.b_angstrom) and np.isclose(cell.beta_deg, 90.0)):
        raise ValueError("I4/mmm needs a tetragonal cell (a = b, beta = 90)")
    bounds = [
        int(np.ceil(q_max_inv_angstrom * x / (2 * np.pi)))
        for x in (cell.a_angstrom, cell.b_angstrom, cell.c_angstrom)
    ]
    grids = np.meshgrid(*[np.arange(-n, n + 1) for n in bounds], indexing="ij")
    h, k, l = (g.ravel() for g in grids)  # noqa: E741
    nonzero = ~((h == 0) & (k == 0) & (l == 0))
    h, k, l = h[nonzero], k[nonzero], l[nonzero]  # noqa: E741
    d = d_spacing_angstrom(h, k, l, cell.a_angstrom, cell.b_angstrom, cell.c_angstrom, cell.beta_deg)
    q = q_inv_angstrom(d)
    keep = (q >= q_min_inv_angstrom) & (q <= q_max_inv_angstrom) & is_allowed(h, k, l, space_group)
    frame = pd.DataFrame(
        {"h": h[keep], "k": k[keep], "l": l[keep], "d_angstrom": d[keep], "q_inv_angstrom": q[keep]}
    )
    frame["key"] = [_canonical(*row, tetragonal) for row in zip(frame["h"], frame["k"], frame["l"], strict=True)]
    grouped = frame.groupby("key", sort=False)
    out = grouped.first().reset_index(drop=True)
    out["multiplicity"] = grouped.size().to_numpy()
    rep = np.array(list(grouped.groups.keys()))
    out[["h", "k", "l"]] = rep
    out = out[["h", "k", "l", "multiplicity", "d_angstrom", "q_inv_angstrom"]]
    return out.sort_values(["q_inv_angstrom", "h", "k", "l"]).reset_index(drop=True)


# ------------------------------------------------------------------- cell relations


def pseudo_orthorhombic_beta_deg(a_angstrom: float, c_angstrom: float) -> float:
    """Monoclinic angle of the P2_1/m cell if the lattice were metrically orthorhombic:
    cos(beta) = -a / (2 c) (c_m = (c_o - a_o)/2; see the module docstring)."""
    _check_cell(a_angstrom, a_angstrom, c_angstrom, 90.0)
    if a_angstrom >= 2 * c_angstrom:
        raise ValueError(f"need a < 2c for a pseudo-orthorhombic cell, got a = {a_angstrom}, c = {c_angstrom}")
    return float(np.degrees(np.arccos(-a_angstrom / (2 * c_angstrom))))


def stacking_period_angstrom(c_angstrom: float, beta_deg: float) -> float:
    """Long axis of the orthorhombic/tetragonal cell, c_t = 2 c sin(beta), in angstrom."""
    _check_cell(1.0, 1.0, c_angstrom, beta_deg)
    return float(2 * c_angstrom * np.sin(np.radians(beta_deg)))


def tetragonal_cell_from_monoclinic(cell: MonoclinicCell) -> tuple[float, float]:
    """(a_t, c_t) with the same volume: a_t = (a b / 2)^(1/2), c_t = 2 c sin(beta)."""
    return (
        float(np.sqrt(cell.a_angstrom * cell.b_angstrom / 2)),
        stacking_period_angstrom(cell.c_angstrom, cell.beta_deg),
    )


def monoclinic_cell_from_tetragonal(
    a_t_angstrom: float, c_t_angstrom: float, delta: float = 0.0
) -> MonoclinicCell:
    """P2_1/m-setting cell of a tetragonal (delta = 0) or a/b-split (delta != 0) bilayer lattice.

    a = sqrt(2) a_t ((1+delta)/(1-delta))^(1/2), b = sqrt(2) a_t ((1-delta)/(1+delta))^(1/2)
    (so (a-b)/(a+b) = delta and a b = 2 a_t^2: the volume is a_t^2 c_t for any delta),
    c = (a^2 + c_t^2)^(1/2) / 2, cos(beta) = -a / (2 c).
    """
    _check_cell(a_t_angstrom, a_t_angstrom, c_t_angstrom, 90.0)
    if not -0.2 < delta < 0.2:
        raise ValueError(f"in-plane distortion delta must lie in (-0.2, 0.2), got {delta}")
    ratio = np.sqrt((1 + delta) / (1 - delta))
    a = float(np.sqrt(2) * a_t_angstrom * ratio)
    b = float(np.sqrt(2) * a_t_angstrom / ratio)
    c = float(np.hypot(a, c_t_angstrom) / 2)
    return MonoclinicCell(a, b, c, pseudo_orthorhombic_beta_deg(a, c))


def hkl_tetragonal_to_monoclinic(h: ArrayLike, k: ArrayLike, l: ArrayLike) -> NDArray[np.float64]:  # noqa: E741
    """Miller indices in the P2_1/m cell: (h + k, k - h, (l - h - k)/2); rows of the result."""
    hkl = np.stack([np.asarray(x, dtype=float) for x in (h, k, l)], axis=-1)
    return hkl @ TETRAGONAL_TO_MONOCLINIC.T


# --------------------------------------------------------------------------- EOS


def _check_eos(v0_angstrom3: float, k0_gpa: float, k0_prime: float) -> None:
    if not v0_angstrom3 > 0:
        raise ValueError(f"V0 must be positive, got {v0_angstrom3}")
    if not k0_gpa > 0:
        raise ValueError(f"K0 must be positive, got {k0_gpa} GPa")
    if not 0 < k0_prime < 20:
        raise ValueError(f"K0' must lie in (0, 20), got {k0_prime}")


def birch_murnaghan_pressure_gpa(
    volume_angstrom3: ArrayLike, v0_angstrom3: float, k0_gpa: float, k0_prime: float
) -> NDArray[np.float64]:
    """Third-order Birch-Murnaghan isothermal equation of state, P(V) in GPa.

    P = (3 K0 / 2) [x^(7/3) - x^(5/3)] {1 + (3/4)(K0' - 4)[x^(2/3) - 1]},  x = V0 / V.
    Reference: Birch, Phys. Rev. 71, 809 (1947), doi:10.1103/PhysRev.71.809.
    Hand-written: pymatgen/ase implement the E(V) form only.
    """
    _check_eos(v0_angstrom3, k0_gpa, k0_prime)
    v = np.asarray(volume_angstrom3, dtype=float)
    if np.any(~(v > 0)):
        raise ValueError("volumes must be positive")
    x = v0_angstrom3 / v
    return 1.5 * k0_gpa * (x ** (7 / 3) - x ** (5 / 3)) * (1 + 0.75 * (k0_prime - 4) * (x ** (2 / 3) - 1))


def birch_murnaghan_volume_angstrom3(p_gpa: float, v0_angstrom3: float, k0_gpa: float, k0_prime: float) -> float:
    """Volume at pressure ``p_gpa`` (0 <= p <= P(V0/2)), the root of P(V) - p (scipy brentq)."""
    _check_eos(v0_angstrom3, k0_gpa, k0_prime)
    p_limit = float(birch_murnaghan_pressure_gpa(0.5 * v0_angstrom3, v0_angstrom3, k0_gpa, k0_prime))
    if not 0 <= p_gpa <= p_limit:
        raise ValueError(f"pressure must lie in [0, {p_limit:.0f}] GPa (V >= V0/2), got {p_gpa}")
    if p_gpa == 0:
        return float(v0_angstrom3)

    def residual(v: float) -> float:
        return float(birch_murnaghan_pressure_gpa(v, v0_angstrom3, k0_gpa, k0_prime)) - p_gpa

    return float(brentq(residual, 0.5 * v0_angstrom3, v0_angstrom3, xtol=1e-10))


def cell_at_pressure(
    p_gpa: float,
    ambient: MonoclinicCell,
    k0_gpa: float,
    k0_prime: float,
    p_c_gpa: float,
) -> MonoclinicCell:
    """Model cell at pressure: BM3 volume, isotropic compression, a/b splitting closing at p_c.

    V(p) from :func:`birch_murnaghan_volume_angstrom3` with V0 = V(ambient); a_t and c_t of the
    ambient cell both scale by (V/V0)^(1/3); the distortion delta = (a - b)/(a + b) falls
    linearly, delta(p) = delta0 (1 - p/p_c) for p < p_c and 0 above (a spontaneous strain
    proportional to p_c - p, as for a continuous transition with a strain quadratic in the order
    parameter). These are modelling assumptions, not fits: the paper's a(p), b(p) are not public.
    """
    if not p_c_gpa > 0:
        raise ValueError(f"transition pressure must be positive, got {p_c_gpa} GPa")
    v0 = ambient.volume_angstrom3
    a_t0, c_t0 = tetragonal_cell_from_monoclinic(ambient)
    scale = (birch_murnaghan_volume_angstrom3(p_gpa, v0, k0_gpa, k0_prime) / v0) ** (1 / 3)
    delta = ambient.delta * max(0.0, 1.0 - p_gpa / p_c_gpa)
    return monoclinic_cell_from_tetragonal(scale * a_t0, scale * c_t0, delta)


# ------------------------------------------------------------- structure model


@dataclass(frozen=True)
class Site:
    """One site of the I4/mmm asymmetric unit (fractional coordinates of the tetragonal cell)."""

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
    """Dans_Diffraction ``Crystal`` of the idealised model in I4/mmm (space group 139)."""
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
    reflections but not the weak P2_1/m superstructure reflections (h_m + k_m odd)."""
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
    |F|^2 summed over reflections, powder average I/Q^2, Gaussian peaks of the given FWHM in Q).
    Returns columns q_inv_angstrom, two_theta_deg, intensity.
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
    intensity (|F|^2 times multiplicity of the idealised I4/mmm model, relative to the
    strongest family in the window).
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


# ------------------------------------------------------------------------ claims


def ambient_cell(data_dir: str | Path | None = None, compound: str = "La2SmNi2O7") -> MonoclinicCell:
    """The P2_1/m cell of Extended Data Table 1 (data/growth, resource cell_parameters)."""
    cells = load_table("growth", "cell_parameters", data_dir).set_index("compound")
    if compound not in cells.index:
        raise ValueError(f"no cell for '{compound}' in Extended Data Table 1 (has: {', '.join(cells.index)})")
    r = cells.loc[compound]
    return MonoclinicCell(
        float(r["a_angstrom"]), float(r["b_angstrom"]), float(r["c_angstrom"]), float(r["beta_deg"])
    )


def window_verdict(cell: MonoclinicCell, q_min_inv_angstrom: float, q_max_inv_angstrom: float) -> tuple[bool, str]:
    """True if the window holds at least one tetragonal family split into >= 2 components,
    all inside the window; with a note listing the split families."""
    fam = split_families(cell, q_min_inv_angstrom, q_max_inv_angstrom)
    split = fam[
        (fam["n_components"] > 1) & (fam["q_low"] >= q_min_inv_angstrom) & (fam["q_high"] <= q_max_inv_angstrom)
    ]
    note = "; ".join(
        f"{r.family}_t -> {r.monoclinic}_m at Q = {r.q_low:.3f}-{r.q_high:.3f}/A, dQ = {r.splitting:.3f}/A"
        for r in split.itertuples(index=False)
    )
    return bool(len(split)), note


def claims(data_dir: str | Path | None = None) -> list[Claim]:
    """Chapter 6 claims: the paper's Q windows against the ambient cell, and the superconducting
    points of data/transport against the stated structural points of data/structure."""
    cell = ambient_cell(data_dir)
    panels = load_table(PACKAGE, "xrd_panels", data_dir).set_index("panel")
    verdicts = [
        window_verdict(
            cell, float(panels.loc[p, "q_min_inv_angstrom"]), float(panels.loc[p, "q_max_inv_angstrom"])
        )
        for p in ("Fig. 4b", "Fig. 4c")
    ]
    points = load_table(PACKAGE, "structure_points", data_dir).set_index("point_id")
    tc = phase_diagram.zero_field_points(load_table("transport", "tc_pressure", data_dir))
    mono = phase_diagram.monoclinic_check(
        tc, float(points.loc["S5", "p_gpa"]), float(points.loc["S5", "t_kelvin"])
    )
    both = phase_diagram.both_structures_check(
        tc,
        p_monoclinic_max_gpa=float(points.loc["S5", "p_gpa"]),
        p_tetragonal_min_gpa=float(points.loc["S6", "p_max_gpa"]),
    )
    computed = {
        "X2": Computed(
            agrees=all(v for v, _ in verdicts),
            note="Fig. 4b window: "
            + (verdicts[0][1] or "no split family")
            + ". Fig. 4c window: "
            + (verdicts[1][1] or "no split family")
            + ". Cell: Extended Data Table 1.",
        ),
        "X5": Computed(value=mono.tc_onset_kelvin, agrees=mono.agrees, note=mono.note),
        "X6": Computed(agrees=both.agrees, note=both.note),
    }
    return build_claims(CHAPTER, PACKAGE, computed, data_dir)

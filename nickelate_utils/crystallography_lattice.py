# ruff: noqa: E741  (l is the Miller index)
"""Lattice geometry and symmetry of the bilayer nickelate cells (chapter 6).

Cells (monoclinic, unique axis b), d-spacings, Q = 2 pi / d, 2 theta, reflection conditions and
the relation between the P2_1/m cell of Extended Data Table 1 and the tetragonal I4/mmm cell.

Hand-written and why: d-spacings, Q and 2 theta are one-line textbook formulas (International
Tables for Crystallography Vol. A, doi:10.1107/97809553602060000114, and Vol. B, Sect. 1.1); the
tests check them against ``Dans_Diffraction.Cell.dspace``. Reflection conditions come from the
symmetry operations of ``pymatgen.symmetry.groups.SpaceGroup`` (imported inside the functions).

Cell conventions: the P2_1/m cell (a ~ b ~ 5.4 A, c ~ 10.5 A, beta ~ 105 deg, Z = 2) is a
primitive cell of the bilayer stacking: with the tetragonal cell (a_t, c_t) its axes are
a_m = a_t + b_t, b_m = -a_t + b_t, c_m = (c_t - a_t - b_t) / 2, so V_m = V_t,
c_t = 2 c_m sin(beta) and, for an undistorted metric, cos(beta) = -a_m / (2 c_m).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from nickelate_utils.crystal import inplane_distortion, monoclinic_volume

__all__ = [
    "PYMATGEN_SYMBOLS",
    "SPACE_GROUPS",
    "TETRAGONAL_TO_MONOCLINIC",
    "MonoclinicCell",
    "d_spacing_angstrom",
    "d_spacing_orthorhombic_angstrom",
    "d_spacing_tetragonal_angstrom",
    "hkl_tetragonal_to_monoclinic",
    "is_allowed",
    "max_q_inv_angstrom",
    "monoclinic_cell_from_tetragonal",
    "pseudo_orthorhombic_beta_deg",
    "q_inv_angstrom",
    "reflection_list",
    "space_group_number",
    "space_group_operations",
    "stacking_period_angstrom",
    "tetragonal_cell_from_monoclinic",
    "two_theta_deg",
]

SPACE_GROUPS: tuple[str, ...] = ("I4/mmm", "P2_1/m", "P2_1/a")
"""Space groups whose reflection conditions :func:`is_allowed` knows (monoclinic: unique axis b)."""

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
    """Monoclinic cell (unique axis b), lengths in angstrom, beta in degrees.

    Examples

    >>> cell = MonoclinicCell(5.5, 4.5, 10.0, 90.0)
    >>> round(cell.volume_angstrom3, 4), round(cell.delta, 4)
    (247.5, 0.1)
    """

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

    Examples

    >>> round(float(d_spacing_angstrom(0, 0, 1, 5.4, 5.4, 10.0, 150.0)), 4)  # d(001) = c sin(beta)
    5.0
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
    """1/d^2 = h^2/a^2 + k^2/b^2 + l^2/c^2 (the monoclinic formula at beta = 90).

    Examples

    >>> round(float(d_spacing_orthorhombic_angstrom(1, 1, 0, 3.0, 4.0, 5.0)), 4)  # 1/d^2 = 1/9 + 1/16
    2.4
    """
    return d_spacing_angstrom(h, k, l, a_angstrom, b_angstrom, c_angstrom, 90.0)


def d_spacing_tetragonal_angstrom(
    h: ArrayLike,
    k: ArrayLike,
    l: ArrayLike,
    a_angstrom: float,
    c_angstrom: float,  # noqa: E741
) -> NDArray[np.float64]:
    """1/d^2 = (h^2 + k^2)/a^2 + l^2/c^2 (the orthorhombic formula with a = b).

    Examples

    >>> d_spacing_tetragonal_angstrom([2, 0], [0, 0], [0, 4], 4.0, 20.0).round(4).tolist()
    [2.0, 5.0]
    """
    return d_spacing_angstrom(h, k, l, a_angstrom, a_angstrom, c_angstrom, 90.0)


def q_inv_angstrom(d_angstrom: ArrayLike) -> NDArray[np.float64]:
    """Scattering vector Q = 2 pi / d in inverse angstrom.

    Examples

    >>> round(float(q_inv_angstrom(np.pi)), 4)
    2.0
    """
    d = np.asarray(d_angstrom, dtype=float)
    if np.any(~(d > 0)):
        raise ValueError(f"d-spacings must be positive, got {d[~(d > 0)][:3].tolist()}")
    return 2 * np.pi / d


def max_q_inv_angstrom(wavelength_angstrom: float) -> float:
    """Largest Q reachable at a wavelength: 4 pi / lambda (back-scattering, 2 theta = 180 deg).

    Examples

    >>> round(max_q_inv_angstrom(np.pi), 4)
    4.0
    """
    if not wavelength_angstrom > 0:
        raise ValueError(f"wavelength must be positive, got {wavelength_angstrom} angstrom")
    return float(4 * np.pi / wavelength_angstrom)


def two_theta_deg(q: ArrayLike, wavelength_angstrom: float) -> NDArray[np.float64]:
    """Scattering angle 2 theta = 2 arcsin(lambda Q / 4 pi) in degrees (Bragg's law in Q).

    ``q`` in inverse angstrom. Raises ValueError for a non-positive wavelength, a negative Q, or
    a Q beyond 4 pi / lambda (a reflection that cannot be reached at this wavelength).

    Examples

    >>> round(float(two_theta_deg(2 * np.pi, 1.0)), 4)  # d = lambda: theta = 30 deg
    60.0
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
    from ``pymatgen.symmetry.groups.SpaceGroup`` (International Tables settings).

    Examples

    >>> len(space_group_operations("P2_1/m")), len(space_group_operations("I4/mmm"))
    (4, 32)
    """
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
    P2_1/c (No. 14), a different group from P2_1/m (No. 11).

    Examples

    >>> space_group_number("P2_1/m"), space_group_number("P2_1/a")
    (11, 14)
    """
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

    Examples

    >>> is_allowed([1, 1], [0, 1], [0, 0], "I4/mmm").tolist()  # h + k + l = 2n
    [False, True]
    >>> is_allowed([0, 0], [1, 2], [0, 0], "P2_1/m").tolist()  # 0k0: k = 2n
    [False, True]
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
    I4/mmm needs a tetragonal metric (a = b, beta = 90). Index bounds use ``|h| <= Q_max a / 2 pi``.

    Examples

    >>> refl = reflection_list(MonoclinicCell(4.0, 4.0, 4.0, 90.0), "I4/mmm", 3.2)
    >>> refl[["h", "k", "l", "multiplicity"]].to_numpy().tolist()
    [[1, 0, 1, 8], [1, 1, 0, 4], [0, 0, 2, 2], [2, 0, 0, 4]]
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
    cos(beta) = -a / (2 c) (c_m = (c_o - a_o)/2; see the module docstring).

    Examples

    >>> round(pseudo_orthorhombic_beta_deg(5.0, 5.0), 4)  # cos(beta) = -1/2
    120.0
    """
    _check_cell(a_angstrom, a_angstrom, c_angstrom, 90.0)
    if a_angstrom >= 2 * c_angstrom:
        raise ValueError(f"need a < 2c for a pseudo-orthorhombic cell, got a = {a_angstrom}, c = {c_angstrom}")
    return float(np.degrees(np.arccos(-a_angstrom / (2 * c_angstrom))))


def stacking_period_angstrom(c_angstrom: float, beta_deg: float) -> float:
    """Long axis of the orthorhombic/tetragonal cell, c_t = 2 c sin(beta), in angstrom.

    Examples

    >>> round(stacking_period_angstrom(10.0, 150.0), 4)
    10.0
    """
    _check_cell(1.0, 1.0, c_angstrom, beta_deg)
    return float(2 * c_angstrom * np.sin(np.radians(beta_deg)))


def tetragonal_cell_from_monoclinic(cell: MonoclinicCell) -> tuple[float, float]:
    """(a_t, c_t) with the same volume: a_t = (a b / 2)^(1/2), c_t = 2 c sin(beta).

    Examples

    >>> [round(x, 4) for x in tetragonal_cell_from_monoclinic(MonoclinicCell(6.0, 3.0, 10.0, 150.0))]
    [3.0, 10.0]
    """
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

    Examples

    >>> cell = monoclinic_cell_from_tetragonal(3.8, 20.0, delta=0.01)
    >>> round(cell.volume_angstrom3, 4), round(cell.delta, 4)  # V = a_t^2 c_t = 288.8
    (288.8, 0.01)
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
    """Miller indices in the P2_1/m cell: (h + k, k - h, (l - h - k)/2); rows of the result.

    Examples

    >>> hkl_tetragonal_to_monoclinic([0, 1], [0, 1], [2, 0]).tolist()  # (002)_t, (110)_t
    [[0.0, 0.0, 1.0], [2.0, 0.0, -1.0]]
    """
    hkl = np.stack([np.asarray(x, dtype=float) for x in (h, k, l)], axis=-1)
    return hkl @ TETRAGONAL_TO_MONOCLINIC.T

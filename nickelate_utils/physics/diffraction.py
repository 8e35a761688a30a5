"""Where reflections fall and which exist: d-spacings, Q and 2-theta, Bragg angles, space-group
reflection conditions (pymatgen symmetry operations), reflection lists in a Q window, and the
counting of reflections within a resolution limit (theta_min, index ranges, independent
reflections of Laue class 2/m).

Physics only: numbers and arrays in and out, no files, no claims, no plotting.
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from uncertainties import umath
from uncertainties.core import AffineScalarFunc

from nickelate_utils.physics._checks import positive
from nickelate_utils.physics.lattice import (
    MonoclinicCell,
    _check_cell,
    monoclinic_volume,
)

__all__ = [
    "reciprocal_metric_monoclinic",
    "bragg_angle_deg",
    "absent_p21_b",
    "reflections_within",
    "theta_min_deg",
    "max_indices",
    "independent_reflections_2m",
    "absent_cmcm",
    "SPACE_GROUPS",
    "d_spacing_angstrom",
    "d_spacing_tetragonal_angstrom",
    "q_inv_angstrom",
    "max_q_inv_angstrom",
    "two_theta_deg",
    "PYMATGEN_SYMBOLS",
    "space_group_operations",
    "space_group_number",
    "is_allowed",
    "reflection_list",
]


Number = TypeVar("Number", float, AffineScalarFunc)


def reciprocal_metric_monoclinic(a_angstrom: float, b_angstrom: float, c_angstrom: float,
                                 beta_deg: float) -> np.ndarray:
    """Reciprocal metric tensor G* = G^-1 of a monoclinic cell (unique axis b), in A^-2, so that
    1/d^2 = (h k l) G* (h k l)^T (International Tables Vol. B, Sect. 1.1).

    Examples

    >>> np.diag(reciprocal_metric_monoclinic(2.0, 4.0, 5.0, 90.0)).round(4).tolist()  # 1/a^2, 1/b^2, 1/c^2
    [0.25, 0.0625, 0.04]
    """

    monoclinic_volume(a_angstrom, b_angstrom, c_angstrom, beta_deg)  # validates the cell
    cb = np.cos(np.radians(beta_deg))
    metric = np.array([[a_angstrom**2, 0.0, a_angstrom * c_angstrom * cb],
                       [0.0, b_angstrom**2, 0.0],
                       [a_angstrom * c_angstrom * cb, 0.0, c_angstrom**2]])
    return np.linalg.inv(metric)


def bragg_angle_deg(d_angstrom: Number, wavelength_angstrom: float) -> Number:
    """Bragg angle theta = asin(lambda / 2d) in degrees (accepts UFloat d).

    Examples

    >>> round(bragg_angle_deg(1.0, 1.0), 4)  # d = lambda: sin(theta) = 1/2
    30.0
    """
    positive("d", d_angstrom)
    return umath.degrees(umath.asin(wavelength_angstrom / (2 * d_angstrom)))




def absent_p21_b(hkl: np.ndarray) -> np.ndarray:
    """Systematic absences of P2_1/m (unique axis b): 0k0 with k odd (the 2_1 screw axis).

    Examples

    >>> absent_p21_b(np.array([[0, 1, 0], [0, 2, 0], [1, 1, 0]])).tolist()
    [True, False, False]
    """
    return (hkl[:, 0] == 0) & (hkl[:, 2] == 0) & (hkl[:, 1] % 2 != 0)


def reflections_within(a_angstrom: float, b_angstrom: float, c_angstrom: float, beta_deg: float,
                       theta_max_deg: float, wavelength_angstrom: float) -> np.ndarray:
    """All reciprocal-lattice points hkl != 000 with theta <= theta_max (2 sin(theta)/lambda = 1/d),
    exact enumeration of the lattice points inside the limiting sphere (hand-written: a few lines
    of numpy; no maintained library does this for an arbitrary cell without a structure).

    Examples

    >>> reflections_within(1.0, 1.0, 1.0, 90.0, 40.0, 1.0).tolist()  # only {100}: theta = 30 deg
    [[-1, 0, 0], [0, -1, 0], [0, 0, -1], [0, 0, 1], [0, 1, 0], [1, 0, 0]]
    """

    if not 0 < theta_max_deg < 90:
        raise ValueError(f"theta_max must lie in (0, 90) degrees, got {theta_max_deg}")
    s_max = 2 * np.sin(np.radians(theta_max_deg)) / wavelength_angstrom
    gstar = reciprocal_metric_monoclinic(a_angstrom, b_angstrom, c_angstrom, beta_deg)
    # |index| <= (real-space repeat) * s_max bounds every index (planes of constant h are 1/a apart)
    hm, km, lm = (int(np.floor(x * s_max)) + 1 for x in (a_angstrom, b_angstrom, c_angstrom))
    grid = np.stack(np.meshgrid(np.arange(-hm, hm + 1), np.arange(-km, km + 1), np.arange(-lm, lm + 1),
                                indexing="ij"), axis=-1).reshape(-1, 3)
    s2 = np.einsum("ij,jk,ik->i", grid, gstar, grid)
    keep = (s2 > 0) & (s2 <= s_max**2 * (1 + 1e-12))
    return grid[keep]


def theta_min_deg(a_angstrom: float, b_angstrom: float, c_angstrom: float, beta_deg: float,
                  wavelength_angstrom: float) -> float:
    """Smallest Bragg angle of an allowed reflection of a P2_1/m cell: from the largest d-spacing
    among the reflections inside theta = 30 degrees (for La3Ni2O7-type cells it is d(001) = c sin beta).

    Examples

    >>> round(theta_min_deg(1.0, 1.0, 2.0, 90.0, 1.0), 4)  # d(001) = 2: asin(1/4)
    14.4775
    """

    hkl = reflections_within(a_angstrom, b_angstrom, c_angstrom, beta_deg, 30.0, wavelength_angstrom)
    hkl = hkl[~absent_p21_b(hkl)]
    gstar = reciprocal_metric_monoclinic(a_angstrom, b_angstrom, c_angstrom, beta_deg)
    d_max = 1.0 / np.sqrt(np.einsum("ij,jk,ik->i", hkl, gstar, hkl).min())
    return float(bragg_angle_deg(float(d_max), wavelength_angstrom))


def max_indices(a_angstrom: float, b_angstrom: float, c_angstrom: float, beta_deg: float,
                theta_max_deg: float, wavelength_angstrom: float) -> tuple[int, int, int]:
    """Largest ``|h|``, ``|k|``, ``|l|`` of any lattice point with theta <= theta_max.

    Examples

    >>> max_indices(1.0, 2.0, 3.0, 90.0, 35.0, 1.0)  # 1/d <= 2 sin(35 deg) = 1.147
    (1, 2, 3)
    """

    hkl = reflections_within(a_angstrom, b_angstrom, c_angstrom, beta_deg, theta_max_deg, wavelength_angstrom)
    h, k, l_ = np.abs(hkl).max(axis=0)
    return int(h), int(k), int(l_)


def independent_reflections_2m(a_angstrom: float, b_angstrom: float, c_angstrom: float, beta_deg: float,
                               theta_max_deg: float, wavelength_angstrom: float,
                               remove_21_absences: bool = True) -> int:
    """Number of symmetry-independent reflections of Laue class 2/m (unique axis b) with
    theta <= theta_max: the lattice points inside the limiting sphere grouped into orbits of
    {(h,k,l), (-h,-k,-l), (-h,k,-l), (h,-k,l)}, minus the systematic absences of P2_1/m
    (0k0, k odd) when ``remove_21_absences``. The count an ideal 100 %-complete data set has.

    Examples

    >>> independent_reflections_2m(1.0, 1.0, 1.0, 90.0, 40.0, 1.0)  # {100}: 100 and 001; 010 absent
    2
    >>> independent_reflections_2m(1.0, 1.0, 1.0, 90.0, 40.0, 1.0, remove_21_absences=False)
    3
    """

    hkl = reflections_within(a_angstrom, b_angstrom, c_angstrom, beta_deg, theta_max_deg, wavelength_angstrom)
    if remove_21_absences:
        hkl = hkl[~absent_p21_b(hkl)]
    h, k, l_ = hkl[:, 0], hkl[:, 1], hkl[:, 2]
    # canonical member of each orbit: lexicographic maximum of the four equivalents
    orbit = np.stack([np.stack([h, k, l_], 1), np.stack([-h, -k, -l_], 1),
                      np.stack([-h, k, -l_], 1), np.stack([h, -k, l_], 1)], axis=1)
    keys = {tuple(max(map(tuple, members))) for members in orbit}
    return len(keys)


def absent_cmcm(hkl: np.ndarray) -> np.ndarray:
    """Reflections forbidden in Cmcm (No. 63, standard setting; International Tables Vol. A):
    hkl: h+k odd (C centring); h0l: h or l odd (c glide); 0kl: k odd. Hand-written from the
    reflection conditions of the space-group table.

    Examples

    >>> absent_cmcm(np.array([[1, 0, 0], [1, 1, 0], [2, 0, 1], [2, 0, 2]])).tolist()
    [True, False, True, False]
    """
    h, k, l_ = hkl[:, 0], hkl[:, 1], hkl[:, 2]
    centring = (h + k) % 2 != 0
    c_glide = (k == 0) & ((h % 2 != 0) | (l_ % 2 != 0))
    return centring | c_glide


SPACE_GROUPS: tuple[str, ...] = ("I4/mmm", "P2_1/m", "P2_1/a")
"""Space groups whose reflection conditions :func:`is_allowed` knows (monoclinic: unique axis b)."""


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


def d_spacing_tetragonal_angstrom(
    h: ArrayLike,
    k: ArrayLike,
    l: ArrayLike,  # noqa: E741
    a_angstrom: float,
    c_angstrom: float,
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
    No reflection in the window gives an empty table with these columns.
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
    if not keep.any():  # no reflection in the window: an empty table with the same columns
        return pd.DataFrame({"h": h[keep], "k": k[keep], "l": l[keep], "multiplicity": np.zeros(0, dtype=np.int64),
                             "d_angstrom": d[keep], "q_inv_angstrom": q[keep]})
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

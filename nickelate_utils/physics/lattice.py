"""Unit cells of the bilayer nickelates: volume, density, in-plane distortion Delta and the
average in-plane constant, cell settings (P2_1/m, Amam/Cmcm, I4/mmm) and their relations.

Physics only: numbers and arrays in and out, no files, no claims, no plotting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.constants import Avogadro
from uncertainties import umath
from uncertainties.core import AffineScalarFunc

from nickelate_utils.physics._checks import nominal, positive

__all__ = [
    "d001_monoclinic",
    "monoclinic_volume",
    "calculated_density",
    "inplane_distortion",
    "average_inplane_constant",
    "cmcm_axes_from_p21m",
    "TETRAGONAL_TO_MONOCLINIC",
    "MonoclinicCell",
    "pseudo_orthorhombic_beta_deg",
    "stacking_period_angstrom",
    "tetragonal_cell_from_monoclinic",
    "monoclinic_cell_from_tetragonal",
    "hkl_tetragonal_to_monoclinic",
    "MAX_AXIS_RATIO",
    "distortion_any_setting",
    "primitive_inplane_constant",
    "excess_percent",
    "threshold_angstrom",
    "stacking_axis_angstrom",
]


Number = TypeVar("Number", float, AffineScalarFunc)


def monoclinic_volume(
    a_angstrom: Number, b_angstrom: Number, c_angstrom: Number, beta_deg: Number
) -> Number:
    """Volume of a monoclinic cell (unique axis b), V = a b c sin(beta), in cubic angstrom.

    Reference: International Tables for Crystallography Vol. A, Sect. 1.1 (cell volume).

    Examples

    >>> round(monoclinic_volume(2.0, 3.0, 4.0, 90.0), 4)
    24.0
    >>> round(monoclinic_volume(2.0, 3.0, 4.0, 150.0), 4)
    12.0
    """
    for name, v in (("a", a_angstrom), ("b", b_angstrom), ("c", c_angstrom)):
        positive(name, v)
    beta = getattr(beta_deg, "nominal_value", beta_deg)
    if not 0 < beta < 180:
        raise ValueError(f"beta must lie in (0, 180) degrees, got {beta}")
    return a_angstrom * b_angstrom * c_angstrom * umath.sin(umath.radians(beta_deg))


def calculated_density(formula_weight_g_mol: Number, z: int, volume_angstrom3: Number) -> Number:
    """X-ray density rho = Z M / (N_A V) in g/cm^3 (V in cubic angstrom, 1 A^3 = 1e-24 cm^3).

    Examples

    >>> round(calculated_density(74.6928, 4, 4.1771**3), 3)  # rock-salt NiO, a = 4.1771 A
    6.807
    """
    if z < 1:
        raise ValueError(f"Z must be a positive integer, got {z}")
    positive("volume", volume_angstrom3)
    positive("formula weight", formula_weight_g_mol)
    return z * formula_weight_g_mol / (Avogadro * volume_angstrom3 * 1e-24)


def inplane_distortion(a_angstrom: Number, b_angstrom: Number) -> Number:
    """In-plane lattice distortion Delta = (a - b)/(a + b) (Li et al. 2025, Fig. 1l and 5a).

    Examples

    >>> round(inplane_distortion(5.5, 4.5), 4)
    0.1
    """
    positive("a", a_angstrom)
    positive("b", b_angstrom)
    return (a_angstrom - b_angstrom) / (a_angstrom + b_angstrom)


def average_inplane_constant(a_angstrom: Number, b_angstrom: Number) -> Number:
    """a_average = (a^2 + b^2)^(1/2) / 2 (Li et al. 2025, Fig. 1k), in angstrom.

    For a sqrt2 x sqrt2 supercell with a = b = sqrt2 a_t it equals the tetragonal constant a_t,
    so it can be compared with I4/mmm cells and with the substrate constant of strained films.

    Examples

    >>> round(average_inplane_constant(3.0, 4.0), 4)  # (9 + 16)^(1/2) / 2
    2.5
    """
    positive("a", a_angstrom)
    positive("b", b_angstrom)
    return (a_angstrom**2 + b_angstrom**2) ** 0.5 / 2


def cmcm_axes_from_p21m(a_angstrom: Number, b_angstrom: Number, c_angstrom: Number,
                        beta_deg: Number) -> tuple[Number, Number, Number]:
    """Axes of the pseudo-orthorhombic Cmcm (Amam) setting of a La3Ni2O7-type P2_1/m cell:
    long axis 2 d(001) = 2 c sin(beta) (two bilayers), in-plane axes a and b of the monoclinic
    cell (the larger first), as in Extended Data Fig. 4 of Li et al. (2025).

    Examples

    >>> [round(x, 4) for x in cmcm_axes_from_p21m(5.5, 5.4, 10.0, 150.0)]
    [10.0, 5.5, 5.4]
    """
    long_axis = 2 * d001_monoclinic(c_angstrom, beta_deg)
    return long_axis, a_angstrom, b_angstrom


TETRAGONAL_TO_MONOCLINIC: NDArray[np.float64] = np.array([[1.0, 1.0, 0.0], [-1.0, 1.0, 0.0], [-0.5, -0.5, 0.5]])
"""Rows: monoclinic basis vectors a_m, b_m, c_m in units of the tetragonal a_t, b_t, c_t.
Miller indices transform like the basis vectors: hkl_m = P @ hkl_t."""


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


MAX_AXIS_RATIO = 1.1
"""Largest a/b accepted as 'two in-plane axes'; a larger ratio means a c axis was passed."""


def distortion_any_setting(a_angstrom: Number, b_angstrom: Number) -> Number:
    """Delta = (a_long - a_short)/(a_long + a_short) >= 0 for the two in-plane axes given in any
    order (Amam cells often list the shorter axis first; the paper's P2_1/m cells the longer).

    Reference: Li et al. 2025, Fig. 1l/5a legend, Delta = (a - b)/(a + b); computed by
    :func:`nickelate_utils.physics.lattice.inplane_distortion`.

    Examples

    >>> round(distortion_any_setting(4.95, 5.05), 4)  # shorter axis first: (5.05 - 4.95) / (5.05 + 4.95)
    0.01
    """
    a, b = nominal(a_angstrom), nominal(b_angstrom)
    if not (a > 0 and b > 0):
        raise ValueError(f"a and b must be positive, got a={a}, b={b}")
    if max(a, b) / min(a, b) > MAX_AXIS_RATIO:
        raise ValueError(
            f"a={a} and b={b} differ by more than {100 * (MAX_AXIS_RATIO - 1):.0f} %: pass the two "
            "in-plane axes of the same cell, not the stacking axis"
        )
    if a >= b:
        return inplane_distortion(a_angstrom, b_angstrom)
    return inplane_distortion(b_angstrom, a_angstrom)


def primitive_inplane_constant(a_angstrom: Number, b_angstrom: Number, setting: str) -> Number:
    """In-plane constant per NiO2 square-lattice unit (about 3.8 A), to compare cells of any setting.

    ``setting='sqrt2'``: a, b of the sqrt2 x sqrt2 cell (Amam, Fmmm, P2_1/m): returns the paper's
    a_average = (a^2 + b^2)^(1/2)/2 (Li et al. 2025, Fig. 1k). ``setting='primitive'``: a, b of
    the tetragonal I4/mmm cell or a film's in-plane constants: returns (a^2 + b^2)^(1/2)/sqrt2,
    which equals a_t when a = b = a_t.

    Examples

    >>> [round(float(primitive_inplane_constant(a, a, s)), 4) for a, s in ((3.8 * 2**0.5, "sqrt2"), (3.8, "primitive"))]
    [3.8, 3.8]
    """
    if setting == "sqrt2":
        return average_inplane_constant(a_angstrom, b_angstrom)
    if setting == "primitive":
        return average_inplane_constant(a_angstrom, b_angstrom) * np.sqrt(2.0)
    raise ValueError(f"setting must be 'sqrt2' or 'primitive', got {setting!r}")


def excess_percent(a_angstrom: Number, reference_angstrom: Number) -> Number:
    """How much larger a is than a reference, in percent: 100 (a/a_ref - 1).

    Examples

    >>> round(excess_percent(3.838, 3.8), 4)  # 3.838 = 1.01 * 3.8
    1.0
    """
    if not (nominal(a_angstrom) > 0 and nominal(reference_angstrom) > 0):
        raise ValueError("lattice constants must be positive")
    return 100.0 * (a_angstrom / reference_angstrom - 1.0)


def threshold_angstrom(reference_angstrom: float, excess_pct: float) -> float:
    """Smallest constant that exceeds ``reference_angstrom`` by ``excess_pct`` percent:
    a_ref (1 + excess/100) (the inverse of :func:`excess_percent`).

    Examples

    >>> round(threshold_angstrom(3.8, 1.0), 4)  # 1 % above 3.8 A
    3.838
    """
    if not reference_angstrom > 0:
        raise ValueError(f"reference constant must be positive, got {reference_angstrom}")
    if not excess_pct > -100:
        raise ValueError(f"excess must be larger than -100 %, got {excess_pct}")
    return reference_angstrom * (1.0 + excess_pct / 100.0)


def stacking_axis_angstrom(c_angstrom: Number, beta_deg: Number) -> Number:
    """Stacking period of a P2_1/m bilayer cell in an orthorhombic (Cmcm/Amam) pseudo-cell:
    2 c sin(beta), the two bilayers per orthorhombic cell projected on the stacking direction
    (monoclinic unique axis b; International Tables Vol. A, cell transformations).

    Examples

    >>> round(stacking_axis_angstrom(10.0, 150.0), 4)  # 2 * 10 * sin(150 deg)
    10.0
    """
    from uncertainties import umath

    beta = nominal(beta_deg)
    if not 0 < beta < 180:
        raise ValueError(f"beta must lie in (0, 180) degrees, got {beta}")
    if not nominal(c_angstrom) > 0:
        raise ValueError("c must be positive")
    return 2 * c_angstrom * umath.sin(umath.radians(beta_deg))


def d001_monoclinic(c_angstrom: Number, beta_deg: Number) -> Number:
    """d(001) = 1/abs(c*) = c sin(beta) of a monoclinic cell (unique axis b), in angstrom.

    Examples

    >>> round(d001_monoclinic(10.0, 150.0), 4)
    5.0
    """
    positive("c", c_angstrom)
    return c_angstrom * umath.sin(umath.radians(beta_deg))

"""Equation of state and the model cell under pressure (chapter 6 reconstruction).

The third-order Birch-Murnaghan P(V) (Birch, Phys. Rev. 71, 809 (1947),
doi:10.1103/PhysRev.71.809) is written out because pymatgen's and ase's EOS classes fit E(V),
not P(V); it is inverted with ``scipy.optimize.brentq``. No equation of state of La2SmNi2O7 is
published (the refined a(p), b(p), c(p) of Fig. 4f,g are not public), so K0 and K0' are
labelled assumptions with a sensitivity bracket.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import brentq

from nickelate_utils.physics.lattice import (
    MonoclinicCell,
    monoclinic_cell_from_tetragonal,
    tetragonal_cell_from_monoclinic,
)

__all__ = [
    "ASSUMED_K0_GPA",
    "ASSUMED_K0_PRIME",
    "K0_SENSITIVITY_GPA",
    "axis_scales",
    "birch_murnaghan_pressure_gpa",
    "birch_murnaghan_volume_angstrom3",
    "cell_at_pressure",
]

ASSUMED_K0_GPA: float = 160.0
"""Assumed isothermal bulk modulus of La2SmNi2O7 for the reconstruction: a labelled assumption,
not a measurement. The paper gives no equation of state, and no measured K0 of a La3Ni2O7-type
bilayer nickelate could be read in a public source (searched 2026-11-30); the round value is
bracketed by :data:`K0_SENSITIVITY_GPA` and the chapter reports how far the peaks move across it."""

ASSUMED_K0_PRIME: float = 4.0
"""Assumed pressure derivative K0' (the second-order Birch-Murnaghan value)."""

K0_SENSITIVITY_GPA: tuple[float, float] = (120.0, 200.0)
"""Range of K0 over which the chapter reports how much the reconstructed peak positions move."""

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

    Examples

    >>> round(float(birch_murnaghan_pressure_gpa(100.0, 100.0, 160.0, 4.0)), 4)  # P(V0) = 0
    0.0
    >>> round(float(birch_murnaghan_pressure_gpa(50.0, 100.0, 160.0, 4.0)), 1)  # 240 (2^(7/3) - 2^(5/3))
    447.6
    """
    _check_eos(v0_angstrom3, k0_gpa, k0_prime)
    v = np.asarray(volume_angstrom3, dtype=float)
    if np.any(~(v > 0)):
        raise ValueError("volumes must be positive")
    x = v0_angstrom3 / v
    return 1.5 * k0_gpa * (x ** (7 / 3) - x ** (5 / 3)) * (1 + 0.75 * (k0_prime - 4) * (x ** (2 / 3) - 1))


def birch_murnaghan_volume_angstrom3(p_gpa: float, v0_angstrom3: float, k0_gpa: float, k0_prime: float) -> float:
    """Volume at pressure ``p_gpa`` (0 <= p <= P(V0/2)), the root of P(V) - p (scipy brentq).

    Examples

    >>> birch_murnaghan_volume_angstrom3(0.0, 100.0, 160.0, 4.0)  # V(0) = V0
    100.0
    >>> v = birch_murnaghan_volume_angstrom3(10.0, 100.0, 160.0, 4.0)
    >>> round(float(birch_murnaghan_pressure_gpa(v, 100.0, 160.0, 4.0)), 4)
    10.0
    """
    _check_eos(v0_angstrom3, k0_gpa, k0_prime)
    p_limit = float(birch_murnaghan_pressure_gpa(0.5 * v0_angstrom3, v0_angstrom3, k0_gpa, k0_prime))
    if not 0 <= p_gpa <= p_limit:
        raise ValueError(f"pressure must lie in [0, {p_limit:.0f}] GPa (V >= V0/2), got {p_gpa}")
    if p_gpa == 0:
        return float(v0_angstrom3)

    def residual(v: float) -> float:
        return float(birch_murnaghan_pressure_gpa(v, v0_angstrom3, k0_gpa, k0_prime)) - p_gpa

    return float(brentq(residual, 0.5 * v0_angstrom3, v0_angstrom3, xtol=1e-10))


def axis_scales(volume_ratio: float, c_to_a_strain_ratio: float = 1.0) -> tuple[float, float]:
    """(a/a0, c/c0) for a volume ratio V/V0 when the linear strain of c is ``c_to_a_strain_ratio``
    times that of a: V/V0 = (a/a0)^2 (c/c0) and ln(c/c0) = r ln(a/a0), so
    a/a0 = (V/V0)^(1/(2+r)), c/c0 = (a/a0)^r. r = 1 is isotropic compression; r > 1 a stiffer
    plane than stacking axis (layered perovskites usually compress more along the stacking axis).
    ValueError for V/V0 outside (0, 1] or r outside [0, 10].

    Examples

    >>> [round(s, 4) for s in axis_scales(0.729)]  # isotropic: 0.9^3 = 0.729
    [0.9, 0.9]
    >>> [round(s, 4) for s in axis_scales(0.81, 0.0)]  # c does not compress
    [0.9, 1.0]
    """
    if not 0 < volume_ratio <= 1:
        raise ValueError(f"volume ratio must lie in (0, 1], got {volume_ratio}")
    if not 0 <= c_to_a_strain_ratio <= 10:
        raise ValueError(f"c/a strain ratio must lie in [0, 10], got {c_to_a_strain_ratio}")
    s_a = volume_ratio ** (1.0 / (2.0 + c_to_a_strain_ratio))
    return float(s_a), float(s_a**c_to_a_strain_ratio)


def cell_at_pressure(
    p_gpa: float,
    ambient: MonoclinicCell,
    k0_gpa: float,
    k0_prime: float,
    p_c_gpa: float,
    c_to_a_strain_ratio: float = 1.0,
) -> MonoclinicCell:
    """Model cell at pressure: BM3 volume, a/c compression by :func:`axis_scales`, a/b splitting
    closing at p_c.

    V(p) from :func:`birch_murnaghan_volume_angstrom3` with V0 = V(ambient); a_t and c_t of the
    ambient cell scale by :func:`axis_scales` (isotropic for ``c_to_a_strain_ratio`` = 1); the
    distortion delta = (a - b)/(a + b) falls linearly, delta(p) = delta0 (1 - p/p_c) for p < p_c
    and 0 above (a spontaneous strain proportional to p_c - p, as for a continuous transition with
    a strain quadratic in the order parameter). These are modelling assumptions, not fits: the
    paper's a(p), b(p), c(p) are not public.

    Examples

    >>> ambient = monoclinic_cell_from_tetragonal(3.8, 20.0, delta=0.01)
    >>> cell = cell_at_pressure(0.0, ambient, 160.0, 4.0, p_c_gpa=14.0)
    >>> round(cell.volume_angstrom3, 4), round(cell.delta, 4)
    (288.8, 0.01)
    >>> round(cell_at_pressure(7.0, ambient, 160.0, 4.0, p_c_gpa=14.0).delta, 4)  # half-way to p_c
    0.005
    """
    if not p_c_gpa > 0:
        raise ValueError(f"transition pressure must be positive, got {p_c_gpa} GPa")
    v0 = ambient.volume_angstrom3
    a_t0, c_t0 = tetragonal_cell_from_monoclinic(ambient)
    s_a, s_c = axis_scales(birch_murnaghan_volume_angstrom3(p_gpa, v0, k0_gpa, k0_prime) / v0, c_to_a_strain_ratio)
    delta = ambient.delta * max(0.0, 1.0 - p_gpa / p_c_gpa)
    return monoclinic_cell_from_tetragonal(s_a * a_t0, s_c * c_t0, delta)

"""Unit-cell arithmetic with propagated uncertainties.

Uncertainties are propagated to first order, with correlations, by the ``uncertainties``
package (values are ``UFloat``); formula weights come from ``pymatgen.core.Composition``
(IUPAC atomic weights as shipped by pymatgen). Only the one-line formulas are written here.
"""

from __future__ import annotations

from typing import TypeVar

from pymatgen.core import Composition
from scipy.constants import Avogadro
from uncertainties import umath
from uncertainties.core import AffineScalarFunc

Number = TypeVar("Number", float, AffineScalarFunc)


def _positive(name: str, value: float | AffineScalarFunc) -> None:
    nominal = getattr(value, "nominal_value", value)
    if not nominal > 0:
        raise ValueError(f"{name} must be positive, got {nominal}")


def monoclinic_volume(
    a_angstrom: Number, b_angstrom: Number, c_angstrom: Number, beta_deg: Number
) -> Number:
    """Volume of a monoclinic cell (unique axis b), V = a b c sin(beta), in cubic angstrom.

    Reference: International Tables for Crystallography Vol. A, Sect. 1.1 (cell volume).
    """
    for name, v in (("a", a_angstrom), ("b", b_angstrom), ("c", c_angstrom)):
        _positive(name, v)
    beta = getattr(beta_deg, "nominal_value", beta_deg)
    if not 0 < beta < 180:
        raise ValueError(f"beta must lie in (0, 180) degrees, got {beta}")
    return a_angstrom * b_angstrom * c_angstrom * umath.sin(umath.radians(beta_deg))


def formula_weight(formula: str) -> float:
    """Formula weight in g/mol of a chemical formula (fractional occupancies allowed)."""
    return float(Composition(formula).weight)


def calculated_density(formula_weight_g_mol: Number, z: int, volume_angstrom3: Number) -> Number:
    """X-ray density rho = Z M / (N_A V) in g/cm^3 (V in cubic angstrom, 1 A^3 = 1e-24 cm^3)."""
    if z < 1:
        raise ValueError(f"Z must be a positive integer, got {z}")
    _positive("volume", volume_angstrom3)
    _positive("formula weight", formula_weight_g_mol)
    return z * formula_weight_g_mol / (Avogadro * volume_angstrom3 * 1e-24)


def inplane_distortion(a_angstrom: Number, b_angstrom: Number) -> Number:
    """In-plane lattice distortion Delta = (a - b)/(a + b) (Li et al. 2025, Fig. 1l and 5a)."""
    _positive("a", a_angstrom)
    _positive("b", b_angstrom)
    return (a_angstrom - b_angstrom) / (a_angstrom + b_angstrom)


def average_inplane_constant(a_angstrom: Number, b_angstrom: Number) -> Number:
    """a_average = (a^2 + b^2)^(1/2) / 2 (Li et al. 2025, Fig. 1k), in angstrom.

    For a sqrt2 x sqrt2 supercell with a = b = sqrt2 a_t it equals the tetragonal constant a_t,
    so it can be compared with I4/mmm cells and with the substrate constant of strained films.
    """
    _positive("a", a_angstrom)
    _positive("b", b_angstrom)
    return (a_angstrom**2 + b_angstrom**2) ** 0.5 / 2

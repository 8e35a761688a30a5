"""Unit-cell arithmetic with propagated uncertainties.

Uncertainties are propagated to first order, with correlations, by the ``uncertainties``
package (values are ``UFloat``); formula weights come from ``pymatgen.core.Composition``
(IUPAC atomic weights as shipped by pymatgen). Only the one-line formulas are written here.
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np
from pymatgen.core import Composition
from scipy.constants import Avogadro
from uncertainties import umath
from uncertainties.core import AffineScalarFunc

__all__ = [
    "MU_TABLES",
    "absent_cmcm",
    "absent_p21_b",
    "absorption_coefficient_per_mm",
    "average_inplane_constant",
    "bragg_angle_deg",
    "calculated_density",
    "cmcm_axes_from_p21m",
    "d001_monoclinic",
    "f000_electrons",
    "formula_weight",
    "independent_reflections_2m",
    "inplane_distortion",
    "linear_absorption_per_mm",
    "mass_attenuation_cm2_g",
    "max_indices",
    "monoclinic_volume",
    "photon_energy_ev",
    "reciprocal_metric_monoclinic",
    "reflections_within",
    "theta_min_deg",
]

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

    Examples

    >>> round(monoclinic_volume(2.0, 3.0, 4.0, 90.0), 4)
    24.0
    >>> round(monoclinic_volume(2.0, 3.0, 4.0, 150.0), 4)
    12.0
    """
    for name, v in (("a", a_angstrom), ("b", b_angstrom), ("c", c_angstrom)):
        _positive(name, v)
    beta = getattr(beta_deg, "nominal_value", beta_deg)
    if not 0 < beta < 180:
        raise ValueError(f"beta must lie in (0, 180) degrees, got {beta}")
    return a_angstrom * b_angstrom * c_angstrom * umath.sin(umath.radians(beta_deg))


def formula_weight(formula: str) -> float:
    """Formula weight in g/mol of a chemical formula (fractional occupancies allowed).

    Examples

    >>> round(formula_weight("NiO"), 4)  # 58.6934 + 15.9994
    74.6928
    """
    return float(Composition(formula).weight)


def calculated_density(formula_weight_g_mol: Number, z: int, volume_angstrom3: Number) -> Number:
    """X-ray density rho = Z M / (N_A V) in g/cm^3 (V in cubic angstrom, 1 A^3 = 1e-24 cm^3).

    Examples

    >>> round(calculated_density(74.6928, 4, 4.1771**3), 3)  # rock-salt NiO, a = 4.1771 A
    6.807
    """
    if z < 1:
        raise ValueError(f"Z must be a positive integer, got {z}")
    _positive("volume", volume_angstrom3)
    _positive("formula weight", formula_weight_g_mol)
    return z * formula_weight_g_mol / (Avogadro * volume_angstrom3 * 1e-24)


def inplane_distortion(a_angstrom: Number, b_angstrom: Number) -> Number:
    """In-plane lattice distortion Delta = (a - b)/(a + b) (Li et al. 2025, Fig. 1l and 5a).

    Examples

    >>> round(inplane_distortion(5.5, 4.5), 4)
    0.1
    """
    _positive("a", a_angstrom)
    _positive("b", b_angstrom)
    return (a_angstrom - b_angstrom) / (a_angstrom + b_angstrom)


def average_inplane_constant(a_angstrom: Number, b_angstrom: Number) -> Number:
    """a_average = (a^2 + b^2)^(1/2) / 2 (Li et al. 2025, Fig. 1k), in angstrom.

    For a sqrt2 x sqrt2 supercell with a = b = sqrt2 a_t it equals the tetragonal constant a_t,
    so it can be compared with I4/mmm cells and with the substrate constant of strained films.

    Examples

    >>> round(average_inplane_constant(3.0, 4.0), 4)  # (9 + 16)^(1/2) / 2
    2.5
    """
    _positive("a", a_angstrom)
    _positive("b", b_angstrom)
    return (a_angstrom**2 + b_angstrom**2) ** 0.5 / 2


# --- X-ray quantities of Extended Data Table 1 ---------------------------------------------------

def f000_electrons(formula: str, z: int) -> float:
    """F(000) without anomalous dispersion: the number of electrons in the unit cell,
    F(000) = Z * sum_i n_i Z_i (n_i atoms of atomic number Z_i per formula unit).

    SHELXL/Olex2 print this number (rounded) from the cell contents of the refinement
    (International Tables for Crystallography Vol. C, Sect. 4.2; CIF item _exptl_crystal_F_000).
    Atomic numbers from ``pymatgen.core``; the one-line sum is hand-written.

    Examples

    >>> f000_electrons("NiO", 4)  # 4 * (28 + 8) electrons
    144.0
    """
    if z < 1:
        raise ValueError(f"Z must be a positive integer, got {z}")
    comp = Composition(formula)
    return float(z * sum(amount * el.Z for el, amount in comp.items()))


def photon_energy_ev(wavelength_angstrom: float) -> float:
    """E = h c / lambda in eV (CODATA constants from ``scipy.constants``).

    Examples

    >>> round(photon_energy_ev(1.0), 2)  # h c = 12398.42 eV angstrom
    12398.42
    """
    from scipy.constants import electron_volt, h, speed_of_light

    if not wavelength_angstrom > 0:
        raise ValueError(f"wavelength must be positive, got {wavelength_angstrom}")
    return h * speed_of_light / (wavelength_angstrom * 1e-10) / electron_volt


MU_TABLES: tuple[str, str] = ("Elam", "Chantler")
"""The two tabulations of X-ray mass attenuation coefficients shipped with xraydb."""


def mass_attenuation_cm2_g(element: str, energy_ev: float, table: str = "Elam") -> float:
    """Total mass attenuation coefficient mu/rho (cm^2/g) of an element from xraydb:
    Elam, Ravel & Sieber (2002), doi:10.1016/S0969-806X(01)00227-4 (``mu_elam``, kind 'total'),
    or Chantler (2000), doi:10.1063/1.1321055 (``mu_chantler``, photoabsorption + scattering).

    Examples

    >>> round(mass_attenuation_cm2_g("Ni", 17479.0), 1)  # Mo K-alpha
    46.6
    """
    import xraydb

    if table == "Elam":
        return float(xraydb.mu_elam(element, energy_ev, kind="total"))
    if table == "Chantler":
        return float(xraydb.mu_chantler(element, energy_ev))
    raise ValueError(f"unknown table {table!r}: use one of {MU_TABLES}")


def linear_absorption_per_mm(formula: str, z: int, volume_angstrom3: float, wavelength_angstrom: float,
                             table: str = "Elam") -> float:
    """Linear absorption coefficient mu (mm^-1) of a crystal, from one tabulation:
    mu = Z * sum_i n_i A_i (mu/rho)_i / (N_A V)  (A_i atomic weights, V the cell volume),
    i.e. the density times the mass-weighted mass attenuation coefficient (ITC Vol. C, 4.2.4).

    Examples

    >>> round(linear_absorption_per_mm("NiO", 4, 4.1771**3, 0.71073), 1)  # NiO, Mo K-alpha
    25.3
    """
    from scipy.constants import Avogadro

    if z < 1:
        raise ValueError(f"Z must be a positive integer, got {z}")
    _positive("volume", volume_angstrom3)
    energy = photon_energy_ev(wavelength_angstrom)
    comp = Composition(formula)
    cm2_per_mol = sum(amount * float(el.atomic_mass) * mass_attenuation_cm2_g(el.symbol, energy, table)
                      for el, amount in comp.items())
    per_cm = z * cm2_per_mol / (Avogadro * volume_angstrom3 * 1e-24)
    return per_cm / 10.0


def absorption_coefficient_per_mm(formula: str, z: int, volume_angstrom3: float,
                                  wavelength_angstrom: float) -> AffineScalarFunc:
    """Linear absorption coefficient mu (mm^-1) with a table uncertainty fixed in advance:
    the value is the mean of the Elam and Chantler results (:func:`linear_absorption_per_mm`),
    its standard uncertainty half their difference. (SHELXL uses yet another tabulation,
    International Tables Vol. C Table 4.2.4.3; the spread of the two xraydb tables stands for
    the spread between tabulations.)

    Examples

    >>> mu = absorption_coefficient_per_mm("NiO", 4, 4.1771**3, 0.71073)
    >>> f"{mu.nominal_value:.2f} +/- {mu.std_dev:.2f}"
    '25.17 +/- 0.09'
    """
    from uncertainties import ufloat

    elam, chantler = (linear_absorption_per_mm(formula, z, volume_angstrom3, wavelength_angstrom, t)
                      for t in MU_TABLES)
    return ufloat(0.5 * (elam + chantler), 0.5 * abs(elam - chantler))


# --- reflections of a monoclinic cell (unique axis b) -------------------------------------------

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
    _positive("d", d_angstrom)
    return umath.degrees(umath.asin(wavelength_angstrom / (2 * d_angstrom)))


def d001_monoclinic(c_angstrom: Number, beta_deg: Number) -> Number:
    """d(001) = 1/abs(c*) = c sin(beta) of a monoclinic cell (unique axis b), in angstrom.

    Examples

    >>> round(d001_monoclinic(10.0, 150.0), 4)
    5.0
    """
    _positive("c", c_angstrom)
    return c_angstrom * umath.sin(umath.radians(beta_deg))


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

"""X-ray numbers of a crystal and its analysis: F(000), photon energy, mass and linear
absorption coefficients (xraydb tables), overlaps of characteristic emission lines (EDS), and the
refinement goodness of fit.

Physics only: numbers in and out, no files, no claims, no plotting.
"""

from __future__ import annotations

from typing import TypeVar

from pymatgen.core import Composition
from uncertainties.core import AffineScalarFunc

from nickelate_utils.physics._checks import positive

__all__ = [
    "f000_electrons",
    "photon_energy_ev",
    "MU_TABLES",
    "mass_attenuation_cm2_g",
    "linear_absorption_per_mm",
    "absorption_coefficient_per_mm",
    "SDD_RESOLUTION_EV",
    "line_overlaps",
    "rietveld_gof",
]


Number = TypeVar("Number", float, AffineScalarFunc)


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
    positive("volume", volume_angstrom3)
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


SDD_RESOLUTION_EV = 130.0
"""Energy resolution (FWHM) of a silicon-drift EDS detector near 5-6 keV, about 125-130 eV at
Mn K-alpha (a typical specification; assumption, the paper does not state it)."""


def line_overlaps(element_a: str, element_b: str, window_ev: float = SDD_RESOLUTION_EV
                  ) -> list[tuple[str, str, float]]:
    """Pairs of L and K emission lines of two elements closer than ``window_ev`` (xraydb line
    tables, Elam et al. 2002): (line of a, line of b, ``|E_a - E_b|`` in eV), closest first.

    Examples

    >>> [(a, b, round(de, 1)) for a, b, de in line_overlaps("La", "Pr", 20.0)]  # La L-beta1 on Pr L-alpha1
    [('Lb1', 'La1', 2.8)]
    """
    import xraydb

    if window_ev <= 0:
        raise ValueError("window must be positive")
    la, lb = xraydb.xray_lines(element_a), xraydb.xray_lines(element_b)
    pairs = [(na, nb, abs(va.energy - vb.energy)) for na, va in la.items() for nb, vb in lb.items()
             if abs(va.energy - vb.energy) < window_ev and va.intensity > 0.01 and vb.intensity > 0.01]
    return sorted(pairs, key=lambda t: t[2])


def rietveld_gof(r_wp_percent: Number, r_exp_percent: Number) -> Number:
    """Goodness of fit as TOPAS defines it, GOF = R_wp / R_exp (not its square, chi^2)
    (Coelho, TOPAS-Academic Technical Reference; Toby, Powder Diffr. 21, 67 (2006),
    doi:10.1154/1.2179804).

    Examples

    >>> round(rietveld_gof(6.0, 4.0), 4)  # chi^2 = 1.5^2 = 2.25
    1.5
    """
    if getattr(r_exp_percent, "nominal_value", r_exp_percent) <= 0 or getattr(r_wp_percent, "nominal_value",
                                                                              r_wp_percent) <= 0:
        raise ValueError("R factors must be positive")
    return r_wp_percent / r_exp_percent

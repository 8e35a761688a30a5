"""Chemical composition: formula weights, Shannon ionic radii and the mean A-site radius,
partition coefficients between flux and crystal, compositions implied by a formula weight, and
the oxygen partial pressure of a growth atmosphere.

Physics only: numbers in and out, no files, no claims, no plotting.
"""

from __future__ import annotations

from pymatgen.core import Composition, Element, Species

__all__ = [
    "formula_weight",
    "COORDINATION",
    "AIR_O2_MOLE_FRACTION",
    "ATM_BAR",
    "shannon_radius_angstrom",
    "partition_coefficient",
    "oxygen_partial_pressure_bar",
    "formula_weight_from_table",
    "weight_per_electron_g_mol",
    "implied_oxygen_deficiency",
    "implied_substitution",
    "oxygen_per_formula",
    "mean_a_site_radius_angstrom",
]


def formula_weight(formula: str) -> float:
    """Formula weight in g/mol of a chemical formula (fractional occupancies allowed).

    Examples

    >>> round(formula_weight("NiO"), 4)  # 58.6934 + 15.9994
    74.6928
    """
    return float(Composition(formula).weight)


COORDINATION = "IX"
"""Coordination of the rock-salt La site that Sm prefers (Li et al.: 'Sm preferentially
occupies the La site between bilayers'); in the n = 2 Ruddlesden-Popper structure that
site is nine-fold coordinated, the perovskite-block site twelve-fold."""


AIR_O2_MOLE_FRACTION = 0.20946
"""Mole fraction of O2 in dry air (CRC Handbook of Chemistry and Physics, 'Mean composition of
dry air'; recalled value)."""


ATM_BAR = 1.01325
"""1 standard atmosphere in bar (exact by definition: 101325 Pa)."""


def shannon_radius_angstrom(element: str, charge: int = 3, coordination: str = COORDINATION) -> float:
    """Shannon (1976) effective ionic radius of the ion ``element`` with charge ``charge`` (+), in angstrom.

    Examples

    >>> round(shannon_radius_angstrom("La"), 4), round(shannon_radius_angstrom("Sm"), 4)  # 3+ ions, CN IX
    (1.216, 1.132)
    """
    try:
        return float(Species(element, charge).get_shannon_radius(coordination))
    except KeyError as exc:
        raise ValueError(
            f"no Shannon radius for {element}{charge}+ with coordination {coordination}"
        ) from exc


def partition_coefficient(
    la_crystal: float, r_crystal: float, la_flux_parts: float, r_flux_parts: float
) -> float:
    """k = (R/La)_crystal / (R/La)_flux: how strongly R enters the crystal relative to La.

    k = 1 means the crystal copies the flux; k < 1 means R is rejected.

    Examples

    >>> round(partition_coefficient(2.5, 0.5, 1.0, 1.0), 4)  # La2.5R0.5 from a 1:1 flux: (0.5/2.5)/(1/1)
    0.2
    """
    if min(la_crystal, la_flux_parts) <= 0 or min(r_crystal, r_flux_parts) < 0:
        raise ValueError("contents must be positive (La) and non-negative (R)")
    if r_flux_parts == 0:
        raise ValueError("no R in the flux: the partition coefficient is undefined")
    return (r_crystal / la_crystal) / (r_flux_parts / la_flux_parts)


def oxygen_partial_pressure_bar(total_pressure_bar: float = ATM_BAR,
                                o2_mole_fraction: float = AIR_O2_MOLE_FRACTION) -> float:
    """Dalton's law: p(O2) = x(O2) * p_total (bar). Defaults: dry air at 1 atm.

    Examples

    >>> round(oxygen_partial_pressure_bar(), 4)  # 0.20946 * 1.01325 bar
    0.2122
    """
    if total_pressure_bar <= 0 or not 0 < o2_mole_fraction <= 1:
        raise ValueError("need a positive total pressure and a mole fraction in (0, 1]")
    return o2_mole_fraction * total_pressure_bar


def formula_weight_from_table(formula: str, weights_g_mol: dict[str, float]) -> float:
    """Formula weight with a given table of atomic weights (e.g. the rounded pre-1979 weights of
    :data:`~nickelate_utils.chapters.growth.OLD_ATOMIC_WEIGHTS`).

    Examples

    >>> round(formula_weight_from_table("NiO", {"Ni": 58.7, "O": 16.0}), 4)  # 58.7 + 16.0
    74.7
    """
    from pymatgen.core import Composition

    comp = Composition(formula)
    missing = [el.symbol for el in comp if el.symbol not in weights_g_mol]
    if missing:
        raise ValueError(f"no atomic weight for {missing}")
    return float(sum(n * weights_g_mol[el.symbol] for el, n in comp.items()))


def weight_per_electron_g_mol(removed: str, added: str | None = None) -> float:
    """Change of formula weight per electron lost when one ``removed`` atom is replaced by ``added``
    (or simply removed, ``added=None``): dM/dN_e = (A_removed - A_added) / (Z_removed - Z_added) in
    g/mol per electron (atomic weights and numbers from ``pymatgen.core``). Tells how much a
    printed F(000) (electrons per cell, an integer) constrains a printed formula weight: for
    Sm -> La and for O loss the ratio differs, so the two readings of a weight deficit predict
    different electron deficits. Hand-written one-line ratio.

    Examples

    >>> [round(weight_per_electron_g_mol(*swap), 4) for swap in (("Sm", "La"), ("O",))]  # (A - A')/(Z - Z')
    [2.2909, 1.9999]
    """
    a = Element(removed)
    da = float(a.atomic_mass) - (float(Element(added).atomic_mass) if added else 0.0)
    dz = a.Z - (Element(added).Z if added else 0)
    if dz == 0:
        raise ValueError(f"{removed} and {added} have the same atomic number")
    return da / dz


def implied_oxygen_deficiency(formula_weight_g_mol: float, formula: str) -> float:
    """delta such that ``formula`` with O(n - delta) weighs ``formula_weight_g_mol``:
    delta = (M_formula - M) / A_O.

    Examples

    >>> round(implied_oxygen_deficiency(formula_weight("La3Ni2O6.5"), "La3Ni2O7"), 4)  # round trip
    0.5
    """
    return float((formula_weight(formula) - formula_weight_g_mol) / float(Element("O").atomic_mass))


def implied_substitution(
    formula_weight_g_mol: float, parent: str, substituent: str, host: str = "La"
) -> float:
    """x such that the weight of ``parent`` with x ``host`` replaced by ``substituent`` equals
    ``formula_weight_g_mol``: x = (M - M_parent) / (M_substituent - M_host).

    Examples

    >>> round(implied_substitution(formula_weight("La2SmNi2O7"), "La3Ni2O7", "Sm"), 4)  # round trip
    1.0
    """
    m_parent = formula_weight(parent)
    dm = float(Element(substituent).atomic_mass) - float(Element(host).atomic_mass)
    if dm == 0:
        raise ValueError("substituent and host have the same atomic mass")
    return float((formula_weight_g_mol - m_parent) / dm)


def oxygen_per_formula(delta: float, nominal: float = 7.0) -> float:
    """Oxygen content of La(3-x)R(x)Ni2O(7-delta): nominal - delta.

    Examples

    >>> round(oxygen_per_formula(0.08), 4)  # La3Ni2O6.92
    6.92
    """
    return nominal - delta


def mean_a_site_radius_angstrom(rare_earth: str, x: float) -> float:
    """Mean A-site radius of La(3-x)R(x)Ni2O7, <r_A> = ((3 - x) r_La + x r_R)/3, with Shannon
    (1976) CN IX radii of the 3+ ions (doi:10.1107/S0567739476001551, via
    :func:`nickelate_utils.physics.composition.shannon_radius_angstrom`).

    Examples

    >>> round(mean_a_site_radius_angstrom("Sm", 1.0), 4)  # La2SmNi2O7: (2 * 1.216 + 1.132) / 3
    1.188
    """
    if not 0 <= x <= 3:
        raise ValueError(f"x must lie in [0, 3], got {x}")
    return ((3 - x) * shannon_radius_angstrom("La") + x * shannon_radius_angstrom(rare_earth)) / 3

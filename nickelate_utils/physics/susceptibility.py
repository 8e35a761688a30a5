"""Magnetic susceptibility of a superconducting crystal: unit conversions (CGS/SI, moment to
volume susceptibility), the demagnetization correction chi_int = chi / (1 + N chi), and the two
definitions of a superconducting volume fraction that the literature uses.

Physics only: numbers in and out, no files, no claims, no plotting.
"""

from __future__ import annotations

import math

from nickelate_utils.physics._checks import positive

__all__ = [
    "chi_si_from_cgs",
    "chi_cgs_from_si",
    "cylinder_volume_cm3",
    "chi_si_from_moment",
    "moment_emu_from_chi_si",
    "rescale_chi_for_thickness",
    "internal_susceptibility",
    "measured_susceptibility",
    "demag_from_pair",
    "meissner_fraction",
    "internal_fraction",
    "demag_for_fraction",
]


def chi_si_from_cgs(chi_cgs: float) -> float:
    """SI volume susceptibility from the Gaussian (emu cm^-3 Oe^-1) one: chi_SI = 4 pi chi_cgs.

    Li et al., Methods, Eq. 1. A perfect diamagnet has chi_cgs = -1/(4 pi), chi_SI = -1.

    Examples

    >>> round(chi_si_from_cgs(-1.0 / (4.0 * math.pi)), 4)  # the perfect diamagnet
    -1.0
    """
    return 4.0 * math.pi * float(chi_cgs)


def chi_cgs_from_si(chi_si: float) -> float:
    """Gaussian volume susceptibility from the SI one: chi_cgs = chi_SI / (4 pi).

    Examples

    >>> round(chi_cgs_from_si(-1.0), 4)  # the perfect diamagnet: -1/(4 pi)
    -0.0796
    """
    return float(chi_si) / (4.0 * math.pi)


def cylinder_volume_cm3(diameter_um: float, thickness_um: float) -> float:
    """Volume V = pi d^2 h / 4 of a cylinder, in cm^3 (1 um = 1e-4 cm).

    Examples

    >>> round(cylinder_volume_cm3(1e4, 1e4), 4)  # d = h = 1 cm: pi/4
    0.7854
    """
    d_cm = positive("diameter_um", diameter_um) * 1e-4
    h_cm = positive("thickness_um", thickness_um) * 1e-4
    return math.pi * d_cm**2 * h_cm / 4.0


def chi_si_from_moment(moment_emu: float, field_oe: float, volume_cm3: float) -> float:
    """Apparent SI volume susceptibility chi_0 = 4 pi m / (H V) (Li et al., Methods, Eq. 1).

    ``moment_emu`` in emu, ``field_oe`` in Oe, ``volume_cm3`` in cm^3.

    Examples

    >>> round(chi_si_from_moment(-10.0 / (4.0 * math.pi), 10.0, 1.0), 4)  # 1 cm^3 fully shielding 10 Oe
    -1.0
    """
    field_oe = positive("field_oe", field_oe)
    volume_cm3 = positive("volume_cm3", volume_cm3)
    return 4.0 * math.pi * float(moment_emu) / (field_oe * volume_cm3)


def moment_emu_from_chi_si(chi_si: float, field_oe: float, volume_cm3: float) -> float:
    """Moment m = chi_SI H V / (4 pi) in emu: the inverse of :func:`chi_si_from_moment`.

    Examples

    >>> round(moment_emu_from_chi_si(-1.0, 10.0, 1.0), 4)  # -10/(4 pi) emu for 1 cm^3 at 10 Oe
    -0.7958
    """
    field_oe = positive("field_oe", field_oe)
    volume_cm3 = positive("volume_cm3", volume_cm3)
    return float(chi_si) * field_oe * volume_cm3 / (4.0 * math.pi)


def rescale_chi_for_thickness(chi_si: float, thickness_um: float, nominal_thickness_um: float) -> float:
    """chi_0 for the same measured moment if the thickness were ``thickness_um`` instead of
    ``nominal_thickness_um``: chi_0 is proportional to 1/V and V to h, so
    chi(h) = chi(h_nominal) h_nominal / h.

    Examples

    >>> round(rescale_chi_for_thickness(-1.2, 12.0, 10.0), 4)  # a 20 % thicker sample: -1.2 * 10/12
    -1.0
    """
    thickness_um = positive("thickness_um", thickness_um)
    nominal_thickness_um = positive("nominal_thickness_um", nominal_thickness_um)
    return float(chi_si) * nominal_thickness_um / thickness_um


def _check_n(n_demag: float) -> float:
    n_demag = float(n_demag)
    if not (0.0 <= n_demag < 1.0):
        raise ValueError(f"demagnetizing factor N must lie in [0, 1), got {n_demag}")
    return n_demag


def _check_diamagnetic(chi_si: float) -> float:
    chi_si = float(chi_si)
    if not math.isfinite(chi_si) or chi_si >= 0:
        raise ValueError(f"a superconducting (diamagnetic) volume fraction needs chi < 0, got chi = {chi_si}")
    return chi_si


def internal_susceptibility(chi_measured_si: float, n_demag: float) -> float:
    """Demagnetization-corrected susceptibility chi_int = chi_m / (1 - N chi_m) (SI), from
    H_in = H_a - N M, chi_m = M / H_a, chi_int = M / H_in. Li et al., Methods, Eq. 3
    (N = 1/chi_0 - 1/chi) is the same relation solved for N. Works with ``uncertainties`` values.

    Examples

    >>> round(internal_susceptibility(-0.5, 0.5), 3)  # -0.5 / (1 + 0.25)
    -0.4
    """
    n_demag_value = float(getattr(n_demag, "nominal_value", n_demag))
    _check_n(n_demag_value)
    denominator = 1.0 - n_demag * chi_measured_si
    if float(getattr(denominator, "nominal_value", denominator)) <= 0:
        raise ValueError(
            f"chi_m = {chi_measured_si} with N = {n_demag} gives 1 - N chi_m <= 0: no finite internal susceptibility"
        )
    return chi_measured_si / denominator


def measured_susceptibility(chi_internal_si: float, n_demag: float) -> float:
    """Apparent susceptibility chi_m = chi_int / (1 + N chi_int) (SI); inverse of
    :func:`internal_susceptibility`.

    Examples

    >>> round(measured_susceptibility(-0.4, 0.5), 3)  # -0.4 / (1 - 0.2)
    -0.5
    """
    n_demag = _check_n(n_demag)
    chi = float(chi_internal_si)
    denominator = 1.0 + n_demag * chi
    if denominator <= 0:
        raise ValueError(f"chi_int = {chi} with N = {n_demag} gives 1 + N chi_int <= 0 (chi_int must exceed -1/N)")
    return chi / denominator


def demag_from_pair(chi_measured_si: float, chi_internal_si: float) -> float:
    """N implied by a pair (chi_0, chi): N = 1/chi_0 - 1/chi (Li et al., Methods, Eq. 3).

    Examples

    >>> round(demag_from_pair(-0.5, -0.4), 3)  # 1/(-0.5) - 1/(-0.4) = -2 + 2.5
    0.5
    """
    chi0, chi = float(chi_measured_si), float(chi_internal_si)
    if chi0 == 0 or chi == 0:
        raise ValueError("susceptibilities must be non-zero to invert Eq. 3")
    return 1.0 / chi0 - 1.0 / chi


def meissner_fraction(chi_measured_si: float, n_demag: float) -> float:
    """Moment-ratio fraction f = m / m_Meissner = -chi_m (1 - N), where
    m_Meissner = -V H_a / (1 - N) is the moment of the same body in the complete Meissner state.
    With the chi = -1 effective N this is exactly the measured moment over the full shielding
    moment of that body (the definition of N above). ValueError for chi_m >= 0.

    Examples

    >>> round(meissner_fraction(-1.0, 0.5), 3)  # full internal shielding, N = 1/2
    0.5
    """
    chi = _check_diamagnetic(chi_measured_si)
    return -chi * (1.0 - _check_n(n_demag))


def internal_fraction(chi_measured_si: float, n_demag: float) -> float:
    """Effective-medium fraction f' = -chi_int = -chi_m / (1 - N chi_m): the material treated as a
    homogeneous medium whose susceptibility is a fraction of -1 (the reading of Li et al.,
    Methods). f' = f / (1 - N (1 - f)) >= f. ValueError for chi_m >= 0.

    Examples

    >>> round(internal_fraction(-1.0, 0.5), 3)  # 1 / (1 + 0.5); compare meissner_fraction
    0.667
    """
    return -internal_susceptibility(_check_diamagnetic(chi_measured_si), n_demag)


def demag_for_fraction(chi_measured_si: float, fraction: float) -> float:
    """N for which the moment ratio -chi_m (1 - N) equals ``fraction``: ``N = 1 - fraction / |chi_m|``.

    Examples

    >>> round(demag_for_fraction(-2.0, 1.0), 3)  # 1 - 1/2
    0.5
    """
    chi = _check_diamagnetic(chi_measured_si)
    fraction = float(fraction)
    if not (0.0 < fraction <= 1.0):
        raise ValueError(f"fraction must lie in (0, 1], got {fraction}")
    n_demag = 1.0 - fraction / abs(chi)
    if not (0.0 <= n_demag < 1.0):
        raise ValueError(f"no N in [0, 1) gives f = {fraction} from chi_m = {chi}")
    return n_demag

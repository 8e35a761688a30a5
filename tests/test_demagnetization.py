"""Demagnetizing factors against exact cases: ellipsoids, the thin-disk Meissner moment, long
cylinders, the Bessel-integral form of the magnetometric factor, and a convergence study."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import integrate, special

from nickelate_utils.physics import demagnetization as dm
from nickelate_utils.physics import susceptibility

# --- exact closed forms -------------------------------------------------------------------------


def test_ellipsoid_closed_form_limits() -> None:
    assert dm.ellipsoid_axial(1.0) == pytest.approx(1 / 3)
    # continuity through the sphere from both sides
    assert dm.ellipsoid_axial(0.999) == pytest.approx(1 / 3, abs=1e-3)
    assert dm.ellipsoid_axial(1.001) == pytest.approx(1 / 3, abs=1e-3)
    # thin oblate: 1 - N ~ (pi/2) c/a; long prolate: N ~ (a/c)^2 (ln(2c/a) - 1)
    q = 1e-4
    assert 1 - dm.ellipsoid_axial(q) == pytest.approx(0.5 * math.pi * q, rel=1e-3)
    q = 1e3
    assert dm.ellipsoid_axial(q) == pytest.approx((math.log(2 * q) - 1) / q**2, rel=1e-3)


def nm_bessel(gamma: float) -> float:
    """Independent oracle: N_m = (2/tau) int J1(q)^2/q^2 (1 - exp(-q tau)) dq, tau = 2 gamma,
    split at the zeros' spacing so that quad copes with the oscillation."""
    tau = 2 * gamma
    edges = np.r_[0.0, np.arange(1.0, 2000.0, math.pi)]

    def f(q: float) -> float:
        return (special.j1(q) / q) ** 2 * -math.expm1(-q * tau) if q > 0 else 0.0

    total = sum(integrate.quad(f, a, b, limit=200)[0] for a, b in zip(edges[:-1], edges[1:], strict=True))
    # tail beyond 2000: J1^2 ~ 2/(pi q) averaged half -> int 1/(pi q^3) dq = 1/(2 pi q^2)
    total += 1 / (2 * math.pi * edges[-1] ** 2)
    return 2 / tau * total


@pytest.mark.parametrize("gamma", [0.05, 1 / 9, 0.5, 1.0, 3.0])
def test_magnetometric_closed_form_equals_bessel_integral(gamma: float) -> None:
    assert dm.magnetometric_cylinder(gamma) == pytest.approx(nm_bessel(gamma), abs=2e-6)


def test_magnetometric_against_chen_table_and_limits() -> None:
    # Chen, Brug & Goldfarb (1991): N_m(chi = 0) = 0.3116 for length = diameter
    assert dm.magnetometric_cylinder(1.0) == pytest.approx(0.3116, abs=5e-5)
    g = 1e-4
    assert 1 - dm.magnetometric_cylinder(g) == pytest.approx(2 * g / math.pi * (math.log(4 / g) - 0.5), rel=1e-3)
    g = 1e3
    assert dm.magnetometric_cylinder(g) * g == pytest.approx(4 / (3 * math.pi), rel=1e-3)
    values = [dm.magnetometric_cylinder(h) for h in (0.01, 0.1, 1.0, 10.0)]
    assert values == sorted(values, reverse=True)


def test_eq2_thin_disk_and_cuboid() -> None:
    assert round(dm.eq2_cylinder(20 / 180, 1.6), 3) == 0.849
    assert 1 - dm.thin_disk_leading(0.01) == pytest.approx(0.75 * math.pi * 0.01)
    with pytest.raises(ValueError, match=r"thin-disk limit needs h/d < 4/\(3 pi\) = 0.424, got h/d = 0.500"):
        dm.thin_disk_leading(0.5)
    # PK Eq. 22: a cube-like square plate 1/N = 1 + 1.5 c/a; symmetric in a, b; only ratios matter
    assert dm.prozorov_kogan_cuboid(1.0, 1.0, 1.0) == pytest.approx(1 / 2.5)
    assert dm.prozorov_kogan_cuboid(1.0, 2.0, 3.0) == pytest.approx(dm.prozorov_kogan_cuboid(2.0, 6.0, 4.0))
    assert dm.prozorov_kogan_cuboid(1e-6, 1.0, 1.0) == pytest.approx(1.0, abs=1e-5)


# --- the boundary-element solver: exact cases ---------------------------------------------------


@pytest.mark.parametrize("axis_ratio", [1.0, 0.2, 3.0])
def test_solver_reproduces_spheroids(axis_ratio: float) -> None:
    # for an ellipsoid the chi = -1 N is the exact (chi-independent) N
    sol = dm.effective_demag_axisymmetric(*dm.spheroid_curve(axis_ratio, 200))
    assert sol.n_demag == pytest.approx(dm.ellipsoid_axial(axis_ratio), abs=1e-5)


def test_sphere_moment_and_second_order_convergence() -> None:
    # m = -2 pi R^3 H_a for a superconducting sphere (chi_m = -3/2)
    errors = []
    for panels in (50, 100, 200):
        sol = dm.effective_demag_axisymmetric(*dm.spheroid_curve(1.0, panels))
        errors.append(abs(sol.n_demag - 1 / 3))
    assert sol.moment == pytest.approx(-2 * math.pi, rel=1e-4)
    # polygonal surface + midpoint collocation: error ~ panels^-2
    assert 3.0 < errors[0] / errors[1] < 5.0 and 3.0 < errors[1] / errors[2] < 5.0


def test_thin_disk_moment_limit() -> None:
    # an infinitely thin superconducting disk of radius R carries m = (8/3) R^3 H_a (SI)
    sol = dm.effective_demag_axisymmetric(*dm.cylinder_curve(1e-4))
    assert abs(sol.moment) == pytest.approx(dm.THIN_DISK_MOMENT_COEFFICIENT, rel=2e-3)
    # 1 - N -> (3 pi / 4) h/d, with a correction that shrinks as the disk gets thinner
    gaps = [1 - (1 - dm.effective_demag_cylinder(g)) / (0.75 * math.pi * g) for g in (1e-2, 1e-3, 1e-4)]
    assert gaps[0] > gaps[1] > gaps[2] > 0
    assert gaps[2] < 2e-3
    # at the crystal's h/d = 1/9 the leading term overstates 1 - N by tens of percent
    g = 1 / 9
    assert (1 - dm.thin_disk_leading(g)) / (1 - dm.effective_demag_cylinder(g)) > 1.3


def test_long_cylinder_limit() -> None:
    values = [dm.effective_demag_cylinder(g) for g in (1.0, 5.0, 20.0, 50.0)]
    assert values == sorted(values, reverse=True)
    assert values[-1] < 0.015


def test_superconducting_factor_exceeds_magnetometric_for_cylinders() -> None:
    # chi = -1 bodies concentrate the field at the edges: N(chi = -1) > N_m(chi = 0) for cylinders
    for g in (0.01, 1 / 9, 1.0, 5.0):
        assert dm.effective_demag_cylinder(g) > dm.magnetometric_cylinder(g)


def test_convergence_study_at_the_crystal_aspect_ratio() -> None:
    study = dm.convergence_study(20 / 180)
    values = [n for _, _, n in study]
    steps = np.abs(np.diff(values))
    assert steps[-1] < 1e-5 and steps[-1] < steps[0]
    assert [p for _, p, _ in study] == sorted(p for _, p, _ in study)
    default = dm.effective_demag_cylinder(20 / 180)
    assert default == pytest.approx(values[-1], abs=2e-5)
    assert default == pytest.approx(0.8152, abs=1e-4)


def test_gamma_for_effective_demag_inverts_the_solver() -> None:
    g = dm.gamma_for_effective_demag(0.8)
    assert dm.effective_demag_cylinder(g) == pytest.approx(0.8, abs=1e-6)
    with pytest.raises(ValueError, match="outside the range"):
        dm.gamma_for_effective_demag(0.0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: dm.effective_demag_axisymmetric(np.array([0.0, 1.0]), np.array([1.0, 0.0])), "at least 3 vertices"),
        (
            lambda: dm.effective_demag_axisymmetric(np.array([0.5, 1.0, 1.0]), np.array([1.0, 1.0, 0.0])),
            "from the axis",
        ),
        (
            lambda: dm.effective_demag_axisymmetric(np.array([0.0, 1.0, 1.0, 1.0]), np.array([1.0, 1.0, 1.0, 0.0])),
            "zero-length panel",
        ),
        (lambda: dm.cylinder_curve(0.1, 4), "resolution must be at least 8"),
        (lambda: dm.effective_demag_cylinder(0.0), r"gamma \(h/d\) must be a positive finite number"),
        (lambda: dm.aspect_ratio(20.0, -1.0), "diameter_um must be a positive finite number"),
        (lambda: dm.ellipsoid_axial(float("nan")), "axis_ratio must be a positive finite number"),
    ],
)
def test_bad_input_is_a_clear_error(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        call()


# --- susceptibilities and the two fractions -----------------------------------------------------


@pytest.mark.parametrize("chi_int", [-1.0, -0.621, -0.05, 0.3])
@pytest.mark.parametrize("n", [0.0, 0.3116, 0.849])
def test_round_trip_internal_measured(chi_int: float, n: float) -> None:
    chi_m = susceptibility.measured_susceptibility(chi_int, n)
    assert susceptibility.internal_susceptibility(chi_m, n) == pytest.approx(chi_int)
    assert susceptibility.demag_from_pair(chi_m, chi_int) == pytest.approx(n, abs=1e-12)


def test_full_meissner_state_and_fraction_relation() -> None:
    n = 0.8152
    chi_m = susceptibility.measured_susceptibility(-1.0, n)
    assert chi_m == pytest.approx(-1 / (1 - n))
    assert susceptibility.meissner_fraction(chi_m, n) == pytest.approx(1.0)
    assert susceptibility.internal_fraction(chi_m, n) == pytest.approx(1.0)
    n, chi_m = 0.8, -1.2
    f = susceptibility.meissner_fraction(chi_m, n)
    assert susceptibility.internal_fraction(chi_m, n) == pytest.approx(f / (1 - n * (1 - f)))
    assert susceptibility.demag_for_fraction(chi_m, f) == pytest.approx(n)


def test_internal_susceptibility_propagates_uncertainties() -> None:
    from uncertainties import ufloat

    v = susceptibility.internal_susceptibility(ufloat(-1.313, 0.001), ufloat(0.849, 0.001))
    assert v.nominal_value == pytest.approx(-1.313 / (1 + 0.849 * 1.313))
    assert v.std_dev > 0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: susceptibility.internal_susceptibility(-1.0, 1.0), r"N must lie in \[0, 1\), got 1.0"),
        (lambda: susceptibility.measured_susceptibility(-0.5, 1.2), r"N must lie in \[0, 1\), got 1.2"),
        (lambda: susceptibility.internal_susceptibility(2.0, 0.5), "1 - N chi_m <= 0"),
        (lambda: susceptibility.measured_susceptibility(-2.0, 0.5), "chi_int must exceed -1/N"),
        (lambda: susceptibility.meissner_fraction(0.2, 0.5), "needs chi < 0, got chi = 0.2"),
        (lambda: susceptibility.internal_fraction(0.0, 0.5), "needs chi < 0, got chi = 0.0"),
        (lambda: susceptibility.demag_from_pair(0.0, -1.0), "must be non-zero"),
        (lambda: susceptibility.demag_for_fraction(-1.0, 1.5), r"fraction must lie in \(0, 1\]"),
        (lambda: susceptibility.demag_for_fraction(-0.1, 0.5), r"no N in \[0, 1\) gives f = 0.5"),
    ],
)
def test_bad_demagnetization_input(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        call()

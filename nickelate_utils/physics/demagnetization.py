"""Demagnetizing factors of cylinders and plates in an axial field: the physics behind chapter 5.

Conventions (SI). A body of volume V in a uniform applied field H_a (along its axis z)
carries the moment m. Its demagnetizing factor N is defined through that moment,

    m = chi V H_a / (1 + N chi),

so that for a perfect diamagnet (chi = -1, the Meissner state with a London penetration depth
much smaller than the sample) ``m = -V H_a / (1 - N)`` and ``1 - N = V H_a / |m|``. This is the
*effective* demagnetizing factor of Prozorov & Kogan, Phys. Rev. Applied 10, 014030 (2018),
doi:10.1103/PhysRevApplied.10.014030, and the chi = -1 *magnetometric* factor N_m(chi = -1) of
Chen, Brug & Goldfarb, IEEE Trans. Magn. 27, 3601 (1991), doi:10.1109/20.102932. For an
ellipsoid N does not depend on chi; for a cylinder it does, and the chi = 0 factor of a
uniformly magnetized cylinder (:func:`magnetometric_cylinder`) is a different number.

Cylinder geometry: diameter d (radius R = d/2), thickness (length along the field) h, aspect
ratio ``gamma = h / d``. Chen et al. call gamma "the ratio of length to diameter", the same
ratio.

What is computed here
---------------------
* :func:`effective_demag_axisymmetric`: the chi = -1 N of any body of revolution, by an
  axisymmetric boundary-element (surface-current) solution. The superconductor carries an
  azimuthal sheet current K(s) on its surface such that the total flux through every surface
  circle vanishes (B = 0 inside, equivalently B.n = 0 on the surface: the exterior Neumann
  problem). With piecewise-constant K on straight panels of the generating curve and
  collocation at the panel midpoints this is a dense linear system whose kernel is the mutual
  inductance of two coaxial circles (Maxwell; e.g. Jackson, Classical Electrodynamics, 3rd ed.,
  Sect. 5.5),

      M(a, r, dz) = mu0 sqrt(a r) [(2/k - k) K(k^2) - (2/k) E(k^2)],  k^2 = 4 a r / ((a + r)^2 + dz^2),

  with the logarithmic singularity (K ~ ln(4/k') as k' -> 0) subtracted and integrated in
  closed form over each panel, the smooth remainder by Gauss-Legendre quadrature. The moment is
  m = sum_j K_j pi int a^2 ds. Mirror symmetry z -> -z halves the unknowns. Panels are graded
  geometrically towards the sharp edges, where K diverges.
  Validated in ``tests/test_demagnetization.py`` against the exact sphere (1/3) and oblate
  spheroids (Osborn 1945), the thin-disk moment (8/3) R^3 H_a, the long-cylinder limit and a
  convergence study. Hand-written: no maintained Python library solves this problem (bempp-cl
  solves general 3-D boundary-element problems but needs a surface mesh and numba; the
  axisymmetric formulation is exact in the angle and needs only scipy).
* :func:`magnetometric_cylinder`: the chi = 0 magnetometric N of a uniformly magnetized
  cylinder in closed form, ``N_m = 1 - k_N`` with Nagaoka's coefficient of a finite current
  sheet (the average axial B of a uniformly magnetized cylinder is that of its equivalent
  solenoid), in complete elliptic integrals (scipy.special.ellipk / ellipe).
* :func:`eq2_cylinder` (the paper's Eq. 2), :func:`thin_disk_leading` (the leading thin-disk
  term), :func:`prozorov_kogan_cuboid` (PK 2018 Eq. 22 for a rectangular plate) and
  :func:`ellipsoid_axial` (oblate/prolate spheroids, exact).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nickelate_utils.physics._checks import positive
from nickelate_utils.physics.susceptibility import _check_n

__all__ = [
    "THIN_DISK_MOMENT_COEFFICIENT",
    "DEFAULT_RESOLUTION",
    "AxisymmetricSolution",
    "aspect_ratio",
    "convergence_study",
    "cylinder_curve",
    "effective_demag_axisymmetric",
    "effective_demag_cylinder",
    "ellipsoid_axial",
    "eq2_cylinder",
    "gamma_for_effective_demag",
    "magnetometric_cylinder",
    "nagaoka_coefficient",
    "prozorov_kogan_cuboid",
    "spheroid_curve",
    "thin_disk_leading",
]

THIN_DISK_MOMENT_COEFFICIENT = 8.0 / 3.0
"""``|m| / (R^3 H_a)`` of an infinitely thin perfectly diamagnetic disk of radius R in a perpendicular
field (SI): m = (8/3) R^3 H_a (Landau & Lifshitz, Electrodynamics of Continuous Media, 2nd ed.,
Sect. 56, problem, where the Gaussian moment is (2/3 pi) R^3 H; SI moment = 4 pi x Gaussian).
With ``V = pi R^2 h``: ``1 - N = V H_a / |m| = (3 pi / 4) h / d`` to leading order in h/d."""

DEFAULT_RESOLUTION = 48
"""Default panel-resolution parameter of :func:`effective_demag_cylinder`; the convergence study
of the chapter (and the tests) show that it gives N to better than 1e-4 for 1e-3 <= h/d <= 10."""

_GAUSS_ORDER = 8


def aspect_ratio(thickness_um: float, diameter_um: float) -> float:
    """gamma = h / d, with a clear error for non-positive dimensions.

    Examples

    >>> aspect_ratio(50.0, 100.0)
    0.5
    """
    return positive("thickness_um", thickness_um) / positive("diameter_um", diameter_um)


# --------------------------------------------------------------------------- closed forms


def eq2_cylinder(gamma: float, coefficient: float) -> float:
    """Eq. 2 of Li et al. (Methods): 1/N = 1 + c h/d, i.e. N = 1 / (1 + c gamma); the paper prints
    c = 1.6 (the chapter reads it from its data table; no default here, it is the paper's choice).

    The Methods give no reference for it. It has the form of the approximate cylinder formula of
    Prozorov & Kogan (2018), doi:10.1103/PhysRevApplied.10.014030 (see the chapter for what
    could and could not be verified about their symbols).

    Examples

    >>> round(eq2_cylinder(0.625, 1.6), 3)  # 1/N = 1 + 1.6 x 0.625 = 2
    0.5
    """
    gamma = positive("gamma (h/d)", gamma)
    coefficient = positive("coefficient", coefficient)
    return 1.0 / (1.0 + coefficient * gamma)


def thin_disk_leading(gamma: float) -> float:
    """Leading term of the thin-disk limit of the chi = -1 factor: N = 1 - (3 pi / 4) h/d.

    From the moment (8/3) R^3 H_a of an infinitely thin disk (:data:`THIN_DISK_MOMENT_COEFFICIENT`).
    Only the first term of an expansion in h/d: it overstates 1 - N at finite thickness (the
    chapter quantifies by how much). ValueError where it leaves [0, 1) (h/d >= 4/(3 pi)).

    Examples

    >>> round(thin_disk_leading(0.01), 4)  # 1 - 0.0075 pi
    0.9764
    """
    gamma = positive("gamma (h/d)", gamma)
    if gamma >= 4.0 / (3.0 * math.pi):
        raise ValueError(f"thin-disk limit needs h/d < 4/(3 pi) = {4 / (3 * math.pi):.3f}, got h/d = {gamma:.3f}")
    return 1.0 - 0.75 * math.pi * gamma


def nagaoka_coefficient(gamma: float) -> float:
    """Nagaoka's coefficient k_N of a finite cylindrical current sheet of length/diameter gamma:
    L = k_N mu0 n^2 pi R^2 l. With k^2 = 1 / (1 + gamma^2) and k' = sqrt(1 - k^2),

        k_N = 4 / (3 pi k') [ (k'^2 / k^2) K(k^2) - ((1 - 2 k^2) / k^2) E(k^2) - k ].

    Nagaoka, J. Coll. Sci. Imp. Univ. Tokyo 27, 18 (1909); Rosa & Grover, Bull. Bur. Stand. 8, 1
    (1912), doi:10.6028/bulletin.169. scipy.special.ellipk / ellipe take the parameter k^2.

    Examples

    >>> round(nagaoka_coefficient(1.0), 3)  # 1 - N_m(gamma = 1) = 1 - 0.3116
    0.688
    """
    from scipy.special import ellipe, ellipk

    gamma = positive("gamma (h/d)", gamma)
    k2 = 1.0 / (1.0 + gamma * gamma)
    kp2 = gamma * gamma / (1.0 + gamma * gamma)
    k, kp = math.sqrt(k2), math.sqrt(kp2)
    bracket = (kp2 / k2) * float(ellipk(k2)) - ((1.0 - 2.0 * k2) / k2) * float(ellipe(k2)) - k
    return 4.0 / (3.0 * math.pi * kp) * bracket


def magnetometric_cylinder(gamma: float) -> float:
    """Magnetometric demagnetizing factor N_m(chi = 0) of a uniformly magnetized cylinder in an
    axial field, in closed form: N_m = 1 - k_N (:func:`nagaoka_coefficient`).

    Why: a uniform axial magnetization M is equivalent to a sheet current K = M on the side
    wall, i.e. a solenoid; the volume average of its axial B is mu0 M k_N (flux linkage of the
    solenoid), and <B> = mu0 (1 - N_m) M defines N_m. The same numbers follow from the Bessel
    integral (2/tau) int_0^inf J1(q)^2/q^2 (1 - exp(-q tau)) dq, tau = 2 gamma (checked in the
    tests). Chen, Brug & Goldfarb (1991), doi:10.1109/20.102932, tabulate N_m = 0.3116 at
    gamma = 1. Limits: thin disk 1 - N_m ~ (2 gamma / pi)(ln(4/gamma) - 1/2); long rod
    N_m ~ 4 / (3 pi gamma).

    Examples

    >>> round(magnetometric_cylinder(1.0), 4)  # Chen, Brug & Goldfarb's table
    0.3116
    """
    return 1.0 - nagaoka_coefficient(gamma)


def prozorov_kogan_cuboid(thickness: float, side_a: float, side_b: float) -> float:
    """Effective (chi = -1) N of a rectangular cuboid a x b x c in a field along c, the
    approximate formula of Prozorov & Kogan (2018), Eq. 22, doi:10.1103/PhysRevApplied.10.014030:

        N = 4 a b / (4 a b + 3 c (a + b)),   i.e. 1/N = 1 + (3/4) c (a + b) / (a b).

    Only ratios enter, so a, b, c may all be full lengths or all half-lengths (for a square plate
    1/N = 1 + 1.5 c/a). The formula as implemented in the maintained package ``hyperfine``
    (``hyperfine.demagnetization.N_cuboid``, which cites PK Eq. 22); written out here because the
    book's pinned requirements do not include that package. An approximation fitted by PK to
    their finite-element results, not an exact solution.

    Examples

    >>> round(prozorov_kogan_cuboid(2.0, 3.0, 3.0), 3)  # square plate: 1/N = 1 + 1.5 x 2/3 = 2
    0.5
    """
    c = positive("thickness", thickness)
    a = positive("side_a", side_a)
    b = positive("side_b", side_b)
    return 4.0 * a * b / (4.0 * a * b + 3.0 * c * (a + b))


def ellipsoid_axial(axis_ratio: float) -> float:
    """Exact N along the symmetry axis of a spheroid with semi-axes (a, a, c), axis_ratio = c/a
    (Osborn, Phys. Rev. 67, 351 (1945), doi:10.1103/PhysRev.67.351). For an ellipsoid N is the
    same for every chi, so this is also its chi = -1 factor (a test case of the solver).

    Oblate (c < a): e^2 = 1 - c^2/a^2, N = (1/e^2) [1 - (sqrt(1 - e^2)/e) arcsin e];
    prolate (c > a): e^2 = 1 - a^2/c^2, N = ((1 - e^2)/e^2) [artanh(e)/e - 1]; sphere 1/3.

    Examples

    >>> round(ellipsoid_axial(1.0), 4)  # sphere
    0.3333
    >>> round(ellipsoid_axial(0.5), 4)  # oblate spheroid, c/a = 1/2
    0.5272
    """
    q = positive("axis_ratio", axis_ratio)
    if abs(q - 1.0) < 1e-9:
        return 1.0 / 3.0
    if q < 1.0:
        e = math.sqrt(1.0 - q * q)
        return (1.0 - q / e * math.asin(e)) / (e * e)
    e = math.sqrt(1.0 - 1.0 / (q * q))
    return (1.0 - e * e) / (e * e) * (math.atanh(e) / e - 1.0)


# --------------------------------------------------------------------------- boundary elements


@dataclass(frozen=True)
class AxisymmetricSolution:
    """Result of :func:`effective_demag_axisymmetric` (lengths in the units of the input curve).

    ``n_demag``: effective N; ``moment``: m / H_a (negative); ``volume``: V of the body;
    ``panels``: number of panels of the upper half; ``current``: sheet current K / H_a on each
    panel; ``midpoints``: (r, z) of the collocation points.
    """

    n_demag: float
    moment: float
    volume: float
    panels: int
    current: NDArray[np.float64]
    midpoints: NDArray[np.float64]


def _mutual_over_mu0(a: NDArray[np.float64], r: NDArray[np.float64], dz: NDArray[np.float64]) -> NDArray[np.float64]:
    """Mutual inductance / mu0 of coaxial circles of radii a, r at axial distance dz."""
    from scipy.special import ellipe, ellipkm1

    s2 = (a + r) ** 2 + dz**2
    m = 4.0 * a * r / s2
    m1 = ((a - r) ** 2 + dz**2) / s2  # 1 - m without cancellation
    k = np.sqrt(m)
    out = np.empty_like(m)
    small = m < 1e-4
    big = ~small
    kb = k[big]
    out[big] = (2.0 / kb - kb) * ellipkm1(m1[big]) - (2.0 / kb) * ellipe(m[big])
    ks = k[small]
    out[small] = math.pi * ks**3 / 16.0 * (1.0 + 0.75 * m[small])  # series of the bracket
    return np.sqrt(a * r) * out


def _log_segment_integral(
    p_r: NDArray[np.float64],
    p_z: NDArray[np.float64],
    a_r: NDArray[np.float64],
    a_z: NDArray[np.float64],
    b_r: NDArray[np.float64],
    b_z: NDArray[np.float64],
) -> NDArray[np.float64]:
    """int_segment ln|x - p| ds over the straight segment A->B, for points p (closed form)."""
    length = np.hypot(b_r - a_r, b_z - a_z)
    t_r, t_z = (b_r - a_r) / length, (b_z - a_z) / length
    u0 = -((p_r - a_r) * t_r + (p_z - a_z) * t_z)  # s - s_p at s = 0
    d = np.abs((p_r - a_r) * t_z - (p_z - a_z) * t_r)
    u1 = u0 + length

    def prim(u: NDArray[np.float64]) -> NDArray[np.float64]:
        rho2 = u * u + d * d
        with np.errstate(divide="ignore", invalid="ignore"):
            log_term = np.where(rho2 > 0, 0.5 * u * np.log(np.where(rho2 > 0, rho2, 1.0)), 0.0)
            atan_term = np.where(d > 0, d * np.arctan(u / np.where(d > 0, d, 1.0)), 0.0)
        return log_term - u + atan_term

    return prim(u1) - prim(u0)


def effective_demag_axisymmetric(
    r_vertices: NDArray[np.float64], z_vertices: NDArray[np.float64]
) -> AxisymmetricSolution:
    """Effective (chi = -1) demagnetizing factor of a body of revolution symmetric about z = 0.

    ``r_vertices``, ``z_vertices``: the upper half of its generating curve as a polyline from
    the axis (r = 0, z > 0) to the mid-plane (z = 0), each panel a straight segment. Method:
    see the module docstring. Returns an :class:`AxisymmetricSolution`; ``N = 1 - V / |m/H_a|``.

    Examples

    >>> sol = effective_demag_axisymmetric(*spheroid_curve(1.0, panels=40))
    >>> round(sol.n_demag, 3)  # sphere: N = 1/3 for every chi
    0.333
    """
    from scipy.linalg import solve

    rv = np.asarray(r_vertices, dtype=float)
    zv = np.asarray(z_vertices, dtype=float)
    if rv.ndim != 1 or rv.shape != zv.shape or rv.size < 3:
        raise ValueError("the generating curve needs at least 3 vertices (r, z) of equal length")
    if abs(rv[0]) > 1e-12 or abs(zv[-1]) > 1e-12 or zv[0] <= 0 or np.any(rv < -1e-12):
        raise ValueError("the generating curve must run from the axis (r = 0, z > 0) to the mid-plane (z = 0)")
    lengths = np.hypot(np.diff(rv), np.diff(zv))
    if np.any(lengths <= 0):
        raise ValueError("the generating curve has a zero-length panel")
    n = lengths.size
    # collocation points: panel midpoints (upper half)
    pr = 0.5 * (rv[:-1] + rv[1:])
    pz = 0.5 * (zv[:-1] + zv[1:])
    # source panels: upper half and its mirror image z -> -z
    ar = np.concatenate([rv[:-1], rv[:-1]])
    az = np.concatenate([zv[:-1], -zv[:-1]])
    br = np.concatenate([rv[1:], rv[1:]])
    bz = np.concatenate([zv[1:], -zv[1:]])
    slen = np.concatenate([lengths, lengths])
    x, w = np.polynomial.legendre.leggauss(_GAUSS_ORDER)
    t = 0.5 * (x + 1.0)  # nodes on [0, 1]
    # quadrature nodes on every source panel: shape (2n, q)
    qr = ar[:, None] + (br - ar)[:, None] * t[None, :]
    qz = az[:, None] + (bz - az)[:, None] * t[None, :]
    qw = 0.5 * w[None, :] * slen[:, None]
    # closest point of each source panel to each collocation point -> weight of the log term
    P_r, P_z = pr[:, None], pz[:, None]  # (n, 1)
    dr, dzs = (br - ar)[None, :], (bz - az)[None, :]
    tau = np.clip(((P_r - ar[None, :]) * dr + (P_z - az[None, :]) * dzs) / (slen**2)[None, :], 0.0, 1.0)
    a_near = ar[None, :] + tau * dr  # radius of the nearest source point, (n, 2n)
    weight = np.sqrt(np.clip(a_near, 0.0, None) * P_r)
    # smooth remainder F + weight * ln(rho), by Gauss-Legendre
    A_r = qr[None, :, :]
    A_z = qz[None, :, :]
    Pr3, Pz3 = pr[:, None, None], pz[:, None, None]
    rho = np.hypot(A_r - Pr3, A_z - Pz3)
    kernel = _mutual_over_mu0(np.broadcast_to(A_r, rho.shape).copy(), np.broadcast_to(Pr3, rho.shape).copy(), A_z - Pz3)
    remainder = kernel + weight[:, :, None] * np.log(rho)
    matrix = np.einsum("ijq,jq->ij", remainder, qw)
    matrix -= weight * _log_segment_integral(P_r, P_z, ar[None, :], az[None, :], br[None, :], bz[None, :])
    system = matrix[:, :n] + matrix[:, n:]
    rhs = -math.pi * pr**2
    current = solve(system, rhs)
    # moment of each upper panel: K pi int a^2 ds (exact for linear a(s)); doubled for the mirror half
    a0, a1 = rv[:-1], rv[1:]
    moment = 2.0 * math.pi * float(np.sum(current * lengths * (a0**2 + a0 * a1 + a1**2) / 3.0))
    # volume of the body: 2 x (pi int r^2 dz) along the curve (Pappus), exact for straight panels
    volume = 2.0 * math.pi * float(np.sum(-(zv[1:] - zv[:-1]) * (a0**2 + a0 * a1 + a1**2) / 3.0))
    if volume <= 0 or moment >= 0:
        raise ValueError("the generating curve must enclose the body counter-clockwise (axis -> mid-plane)")
    return AxisymmetricSolution(
        n_demag=1.0 - volume / abs(moment),
        moment=moment,
        volume=volume,
        panels=n,
        current=current,
        midpoints=np.column_stack([pr, pz]),
    )


def _graded(length: float, first: float, growth: float, largest: float) -> NDArray[np.float64]:
    """Break points 0 < ... < length of panels that start at ``first`` at 0 and grow
    geometrically by ``growth`` up to ``largest`` (the last panel absorbs the remainder)."""
    edges = [0.0]
    size = min(first, largest)
    while edges[-1] + size < length * (1 - 1e-9):
        edges.append(edges[-1] + size)
        size = min(size * growth, largest)
    if len(edges) > 1 and length - edges[-1] < 0.3 * (edges[-1] - edges[-2]):
        edges.pop()
    edges.append(length)
    return np.asarray(edges)


def cylinder_curve(
    gamma: float, resolution: int = DEFAULT_RESOLUTION
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Generating curve (upper half) of a cylinder of radius 1 and half-height gamma
    (h/d = gamma), with panels graded geometrically towards the edge (r = 1, z = gamma).

    ``resolution`` sets the smallest panel (min(gamma, 1) / resolution), the growth ratio
    (1 + 8/resolution) and the largest panel (2 / resolution, relative to min(1, gamma) on the
    wall and 1 on the face).

    Examples

    >>> r, z = cylinder_curve(1.0, resolution=8)
    >>> (float(r[0]), float(z[0])), (float(r[-1]), float(z[-1]))  # from the axis to the mid-plane
    ((0.0, 1.0), (1.0, 0.0))
    """
    gamma = positive("gamma (h/d)", gamma)
    if int(resolution) < 8:
        raise ValueError(f"resolution must be at least 8, got {resolution}")
    res = int(resolution)
    small = min(gamma, 1.0) / res
    growth = 1.0 + 8.0 / res
    face = _graded(1.0, small, growth, 2.0 / res)  # from the edge towards the axis
    wall = _graded(gamma, small, growth, 2.0 * max(gamma, 1.0) / res)  # from the edge to the mid-plane
    r_face = 1.0 - face[::-1]  # axis ... edge
    z_face = np.full_like(r_face, gamma)
    r_wall = np.ones(wall.size - 1)
    z_wall = gamma - wall[1:]
    return np.concatenate([r_face, r_wall]), np.concatenate([z_face, z_wall])


def spheroid_curve(axis_ratio: float, panels: int = 200) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Generating curve (upper half) of a spheroid with semi-axes (1, 1, axis_ratio): an inscribed
    polygon, uniform in the polar angle (for the solver's tests).

    Examples

    >>> r, z = spheroid_curve(1.0, panels=2)  # quarter circle through 45 degrees
    >>> r.round(3).tolist(), z.round(3).tolist()
    ([0.0, 0.707, 1.0], [1.0, 0.707, 0.0])
    """
    q = positive("axis_ratio", axis_ratio)
    theta = np.linspace(0.0, 0.5 * math.pi, int(panels) + 1)
    r, z = np.sin(theta), q * np.cos(theta)
    r[0], z[-1] = 0.0, 0.0
    return r, z


def effective_demag_cylinder(gamma: float, resolution: int = DEFAULT_RESOLUTION) -> float:
    """Effective demagnetizing factor of a perfectly diamagnetic (chi = -1) cylinder of aspect ratio
    gamma = h/d in an axial field: the moment is m = -V H_a / (1 - N).

    Computed by :func:`effective_demag_axisymmetric` on :func:`cylinder_curve`. Accuracy: see
    :data:`DEFAULT_RESOLUTION` and :func:`convergence_study`. Limits: N -> 1 - (3 pi/4) gamma as
    gamma -> 0 (:func:`thin_disk_leading`), N -> 0 as gamma -> infinity.

    Examples

    >>> round(effective_demag_cylinder(1.0, resolution=24), 2)  # above the chi = 0 value 0.31
    0.37
    """
    return effective_demag_axisymmetric(*cylinder_curve(gamma, resolution)).n_demag


def convergence_study(
    gamma: float, resolutions: tuple[int, ...] = (16, 24, 32, 48, 64, 96)
) -> list[tuple[int, int, float]]:
    """(resolution, number of panels, N) of the chi = -1 cylinder for each resolution, for the
    chapter's convergence figure and the error estimate of :func:`effective_demag_cylinder`.

    Examples

    >>> [(res, panels, round(n, 2)) for res, panels, n in convergence_study(1.0, (8, 16))]
    [(8, 10, 0.37), (16, 18, 0.37)]
    """
    out = []
    for res in resolutions:
        r, z = cylinder_curve(gamma, res)
        sol = effective_demag_axisymmetric(r, z)
        out.append((int(res), sol.panels, sol.n_demag))
    return out


# --------------------------------------------------------------------------- susceptibilities and fractions


def gamma_for_effective_demag(n_demag: float, resolution: int = DEFAULT_RESOLUTION) -> float:
    """Aspect ratio h/d of the chi = -1 cylinder whose effective N equals ``n_demag``
    (root of :func:`effective_demag_cylinder` by scipy.optimize.brentq on 1e-4 <= h/d <= 100).

    Examples

    >>> n = effective_demag_cylinder(0.5, resolution=8)
    >>> round(gamma_for_effective_demag(n, resolution=8), 3)  # recovers h/d = 0.5
    0.5
    """
    from scipy.optimize import brentq

    target = _check_n(n_demag)
    lo, hi = 1e-4, 100.0
    if not (effective_demag_cylinder(hi, resolution) < target < effective_demag_cylinder(lo, resolution)):
        raise ValueError(f"N = {target} is outside the range of cylinders with 1e-4 <= h/d <= 100")
    return float(brentq(lambda g: effective_demag_cylinder(g, resolution) - target, lo, hi, xtol=1e-7))

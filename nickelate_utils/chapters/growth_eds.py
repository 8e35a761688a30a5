"""How precise is the EDS table of chapter 1? The paper states neither standards nor
uncertainties, so the chapter fixes one before any comparison: the assumed relative uncertainty
of an EDS concentration ratio (with the published accuracy figures it rests on), the
uncertainties it implies for x and (La+R):Ni, and the gap between two classes of contents.

Part of chapter 1 (:mod:`nickelate_utils.chapters.growth`).
"""

from __future__ import annotations

import math

import numpy as np

EDS_STANDARDLESS_BAND_REL = 0.25
"""Half-width of the relative error band (+-25 %) usually quoted for modern commercial standardless
SEM-EDS quantification, covering :data:`EDS_BAND_COVERAGE` of analyses (Newbury & Ritchie,
Scanning 35, 141 (2013), doi:10.1002/sca.21041). ASSUMPTION: quoted from secondary accounts, not
verified in that paper's text."""


EDS_BAND_COVERAGE = 0.95
"""Fraction of analyses inside :data:`EDS_STANDARDLESS_BAND_REL` (same source, same caveat)."""


EDS_FIRST_PRINCIPLES_ERROR_RANGE: tuple[float, float] = (-0.90, 1.50)
"""Range of relative errors of first-principles standardless EDS analysis, -90 % to +150 %
(Newbury, Swyt & Myklebust, Anal. Chem. 67, 1866 (1995), doi:10.1021/ac00107a017): the only
EDS accuracy figure we verified in a source."""


EDS_RATIO_REL_SIGMA = EDS_STANDARDLESS_BAND_REL / 2
"""Relative standard uncertainty of a ratio of two standardless SEM-EDS concentrations
(R/La or (La+R)/Ni), fixed before any comparison. ASSUMPTION: half of the band
:data:`EDS_STANDARDLESS_BAND_REL` (taken as a ~2 sigma band, coverage :data:`EDS_BAND_COVERAGE`),
which we could not verify in its source's text; the verified figure
:data:`EDS_FIRST_PRINCIPLES_ERROR_RANGE` is far wider. The paper states neither standards nor
uncertainties for its EDS table."""


EDS_UNCERTAINTY_SOURCE = (f"assumption: {100 * EDS_RATIO_REL_SIGMA:g} % relative (1 sigma) per EDS concentration "
                          f"ratio, half the +-{100 * EDS_STANDARDLESS_BAND_REL:g} % ({100 * EDS_BAND_COVERAGE:g} %) "
                          "band quoted for standardless SEM-EDS (Newbury & Ritchie 2013, doi:10.1002/sca.21041, "
                          "not verified in its text)")


def eds_x_uncertainty(x: float, rel_sigma: float = EDS_RATIO_REL_SIGMA) -> float:
    """Standard uncertainty of x in La(3-x)R(x) when La + R is normalised to 3 and the measured
    quantity is r = R/La with relative uncertainty ``rel_sigma``: x = 3r/(1+r), so
    sigma_x = (dx/dr) sigma_r = x (3 - x) / 3 * rel_sigma."""
    if not 0 <= x <= 3:
        raise ValueError(f"x must lie in [0, 3], got {x}")
    if rel_sigma < 0:
        raise ValueError("rel_sigma must be non-negative")
    return x * (3.0 - x) / 3.0 * rel_sigma


def eds_ratio_uncertainty(ratio: float, rel_sigma: float = EDS_RATIO_REL_SIGMA) -> float:
    """Standard uncertainty of an EDS concentration ratio such as (La+R):Ni: ratio * rel_sigma."""
    if ratio <= 0 or rel_sigma < 0:
        raise ValueError("ratio must be positive and rel_sigma non-negative")
    return ratio * rel_sigma


def class_gap(upper: np.ndarray, lower: np.ndarray,
              rel_sigma: float = EDS_RATIO_REL_SIGMA) -> tuple[float, float]:
    """Gap between two classes of EDS contents x (the smallest of ``upper`` minus the largest of
    ``lower``) and its standard uncertainty from :func:`eds_x_uncertainty` of the two boundary
    values. A split into two classes is supported when gap > 2 sigma (the register's coverage)."""
    lo_of_upper = float(np.min(upper))
    hi_of_lower = float(np.max(lower))
    sigma = math.hypot(eds_x_uncertainty(lo_of_upper, rel_sigma), eds_x_uncertainty(hi_of_lower, rel_sigma))
    return lo_of_upper - hi_of_lower, sigma

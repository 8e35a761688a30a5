"""Chapter 1 functions against Shannon's table, analytic cases and the paper's numbers."""

from __future__ import annotations

import numpy as np
import pytest

from nickelate_utils import growth
from nickelate_utils.data import load_table


@pytest.mark.parametrize(("element", "radius"), [("La", 1.216), ("Sm", 1.132), ("Er", 1.062)])
def test_shannon_radii_cn9(element: str, radius: float) -> None:
    assert growth.shannon_radius_angstrom(element) == pytest.approx(radius)


def test_missing_radius_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no Shannon radius for Pr3\\+ with coordination XII"):
        growth.shannon_radius_angstrom("Pr", 3, "XII")


def test_partition_coefficient_analytic() -> None:
    assert growth.partition_coefficient(2.0, 1.0, 2.0, 1.0) == pytest.approx(1.0)
    assert growth.partition_coefficient(2.0, 1.0, 1.0, 2.0) == pytest.approx(0.25)
    with pytest.raises(ValueError, match="undefined"):
        growth.partition_coefficient(2.0, 1.0, 2.0, 0.0)


def test_max_substitution_matches_main_text() -> None:
    best = growth.max_substitution(load_table("growth", "flux_growth")).set_index("rare_earth")
    assert best.loc[["Pr", "Nd", "Sm"], "x_max"].tolist() == [2.67, 2.13, 1.43]
    assert list(best.index) == ["Pr", "Nd", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er"]


def test_radius_trend_recovers_a_line() -> None:
    r = np.array([1.0, 1.1, 1.2, 1.3])
    trend = growth.radius_trend(r, 2.0 + 3.0 * r)
    assert trend.slope.nominal_value == pytest.approx(3.0)
    assert trend.spearman_rho == pytest.approx(1.0)
    with pytest.raises(ValueError, match="at least three"):
        growth.radius_trend(r[:2], r[:2])


def test_implied_substitution_inverts_the_formula_weight() -> None:
    from nickelate_utils.crystal import formula_weight

    m = formula_weight("La2.5Sm0.5Ni2O7")
    assert growth.implied_substitution(m, "La3Ni2O7", "Sm") == pytest.approx(0.5)


def test_chapter_claims_statuses() -> None:
    status = {c.claim_id: c.status for c in growth.claims()}
    assert status["G1"] == status["G2"] == status["G3"] == "reproduced"
    assert status["G4"] == "reproduced"  # Nd 0.85 counts as "x ~ 1" (edge case, see the note)
    assert status["G7"] == status["G8"] == "reproduced"
    assert status["G12"] == "discrepant"  # nominal vs refined Sm occupancy, explained
    assert status["G13"] == "not reproducible from public data"

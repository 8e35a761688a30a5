"""The argument checks shared by the physics modules (nickelate_utils.physics._checks)."""

from __future__ import annotations

import math

import pytest
from uncertainties import ufloat

from nickelate_utils.physics._checks import fit_ufloat, nominal, positive, ufloat_or_float


def test_positive_accepts_a_ufloat_and_returns_its_nominal_value() -> None:
    value = positive("tc_kelvin", ufloat(92.0, 1.5))
    assert value == 92.0 and type(value) is float


def test_positive_returns_plain_numbers_as_float() -> None:
    assert positive("gamma", 2) == 2.0 and type(positive("gamma", 2)) is float
    assert positive("gamma", 0.25) == 0.25


@pytest.mark.parametrize("bad", [0.0, -1.0, math.nan, math.inf, -math.inf, ufloat(0.0, 1.0), ufloat(-2.0, 0.1)])
def test_positive_rejects_zero_negative_nan_and_inf_with_the_message(bad: object) -> None:
    with pytest.raises(ValueError, match=r"^thickness_um must be a positive finite number, got "):
        positive("thickness_um", bad)


def test_the_message_shows_the_value_given() -> None:
    with pytest.raises(ValueError, match=r"^tc_kelvin must be a positive finite number, got -3.5$"):
        positive("tc_kelvin", -3.5)
    with pytest.raises(ValueError, match=r"got nan$"):
        positive("tc_kelvin", math.nan)
    with pytest.raises(ValueError, match=r"got inf$"):
        positive("tc_kelvin", math.inf)


def test_nominal_of_plain_and_uncertain_numbers() -> None:
    assert nominal(ufloat(5.43, 0.01)) == 5.43
    assert nominal(3) == 3.0 and type(nominal(3)) is float


def test_ufloat_or_float_keeps_exact_numbers_plain() -> None:
    assert type(ufloat_or_float(5.0, 0.0)) is float
    u = ufloat_or_float(5.0, 0.5)
    assert (u.nominal_value, u.std_dev) == (5.0, 0.5)


def test_fit_ufloat_allows_an_exact_zero_without_a_warning() -> None:
    exact = fit_ufloat(20.0, 0.0)  # the test configuration turns warnings into errors
    assert (exact.nominal_value, exact.std_dev) == (20.0, 0.0)

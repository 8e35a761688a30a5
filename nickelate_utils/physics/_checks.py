"""Argument checks shared by the physics modules (and the chapters that call them).

Plain numbers and ``uncertainties`` numbers are both accepted: a check looks at the nominal
value (``uncertainties.nominal_value``), so an uncertainty is never silently dropped by a
``float(value)`` (which raises ``TypeError`` on a UFloat) nor lost by the check itself.

Physics only: numbers in and out, no files, no claims, no plotting.
"""

from __future__ import annotations

import math
import warnings

from uncertainties import nominal_value, ufloat
from uncertainties.core import AffineScalarFunc

__all__ = ["positive", "nominal", "ufloat_or_float", "fit_ufloat"]


def nominal(value: float | AffineScalarFunc) -> float:
    """The nominal value of a plain or ``uncertainties`` number, as a float.

    Examples

    >>> from uncertainties import ufloat
    >>> nominal(ufloat(5.43, 0.01)), nominal(2)
    (5.43, 2.0)
    """
    return float(nominal_value(value))


def positive(name: str, value: float | AffineScalarFunc) -> float:
    """The nominal value of ``value`` as a float, after checking that it is finite and > 0.

    Raises ``ValueError("<name> must be a positive finite number, got <value>")`` otherwise
    (0, negative, NaN, inf).

    Examples

    >>> from uncertainties import ufloat
    >>> positive("tc_kelvin", ufloat(92.0, 1.0))
    92.0
    >>> positive("tc_kelvin", 0.0)
    Traceback (most recent call last):
    ...
    ValueError: tc_kelvin must be a positive finite number, got 0.0
    """
    x = nominal(value)
    if not math.isfinite(x) or x <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value}")
    return x


def ufloat_or_float(value: float, std_dev: float) -> float | AffineScalarFunc:
    """A UFloat with standard deviation ``std_dev``, or a plain float when ``std_dev`` is zero
    (an exact number stays a float).

    Examples

    >>> ufloat_or_float(5.0, 0.0), ufloat_or_float(5.0, 0.5)
    (5.0, 5.0+/-0.5)
    """
    return float(value) if std_dev == 0 else ufloat(float(value), float(std_dev))


def fit_ufloat(value: float, std_dev: float) -> AffineScalarFunc:
    """A UFloat for a fitted parameter, also when its standard error is exactly 0 (points that lie
    exactly on the model): ``uncertainties`` warns on ``std_dev == 0`` ("may give unexpected
    results"); here zero is the intended value, so that one warning is silenced.

    Examples

    >>> fit_ufloat(20.0, 0.0).std_dev, fit_ufloat(20.0, 0.1).std_dev
    (0.0, 0.1)
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using UFloat objects with std_dev==0", category=UserWarning)
        return ufloat(float(value), float(std_dev))

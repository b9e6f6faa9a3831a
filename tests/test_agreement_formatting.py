"""Agreement numbers as text: each with the precision it needs, German or English."""

from __future__ import annotations

import math

import numpy as np
import pytest

from toolkit.agreement.formatting import format_number, significant


@pytest.mark.parametrize(
    ("value", "column", "de", "en"),
    [
        (0.81234, "krippendorff_alpha", "0,812", "0.812"),
        (-0.0001, "cohen_kappa", "0,000", "0.000"),
        (0.8333, "percent_agreement", "83,3 %", "83.3%"),
        (2.26736, "observed", "2,27", "2.27"),
        (0.0123456, "observed", "0,0123", "0.0123"),
        (2.777e-4, "expected", "2,78 · 10⁻⁴", "2.78 · 10⁻⁴"),
        (1.5e-5, "observed", "1,50 · 10⁻⁵", "1.50 · 10⁻⁵"),
        (0.0, "observed", "0", "0"),
        (1234567, "units", "1.234.567", "1,234,567"),
        (np.int64(1234), "both", "1.234", "1,234"),
        (math.nan, "kappa", "n. b.", "n/a"),
        (None, "kappa", "n. b.", "n/a"),
        ("text", "notes", "text", "text"),
    ],
)
def test_format_number(value: object, column: str, de: str, en: str) -> None:
    assert format_number(value, "de", column) == de
    assert format_number(value, "en", column) == en


def _read(text: str) -> float:
    """A German number as written by :func:`significant` back to a float."""
    mantissa, _, power = text.partition(" · 10")
    exponent = int(power.translate(str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789"))) if power else 0
    return float(mantissa.replace(".", "").replace(",", ".")) * 10.0**exponent


@pytest.mark.parametrize("exponent", range(-9, 7))
def test_every_size_keeps_three_significant_digits(exponent: int) -> None:
    value = 3.14159 * 10.0**exponent
    assert _read(significant(value)) == pytest.approx(value, rel=2e-3)
    assert _read(significant(-value)) == pytest.approx(-value, rel=2e-3)

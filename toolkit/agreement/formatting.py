"""Agreement numbers as text, each with the precision it needs, in German or English.

- coefficients (kappa, alpha, pi, AC1 ...): three decimals (``0,812``);
- shares of agreement (``percent_agreement``): a percentage with one decimal (``83,3 %``);
- disagreements of u-alpha (``observed``, ``expected``), which are often 1e-5 to 1e-3: three
  significant digits, in powers of ten below 0.001 (``2,78 · 10⁻⁴``), so they never read as 0;
- counts: whole numbers with a thousands separator (``1.234``).
"""

from __future__ import annotations

import math
import numbers
from typing import Any

SIGNIFICANT = frozenset({"observed", "expected"})
PERCENT = frozenset({"percent_agreement"})
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _localise(text: str, lang: str) -> str:
    """Swap separators of an English-formatted number for German ones."""
    if lang != "de":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def significant(value: float, lang: str = "de", digits: int = 3) -> str:
    """``value`` with ``digits`` significant digits; powers of ten below 0.001 and from 10^6."""
    if value == 0:
        return "0"
    if 1e-3 <= abs(value) < 1e6:
        decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
        return _localise(f"{value:,.{decimals}f}", lang)
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    power = str(int(exponent)).translate(_SUPERSCRIPT)
    return f"{_localise(mantissa, lang)} · 10{power}"


def format_number(value: Any, lang: str = "de", column: str = "") -> str:
    """``value`` of table column ``column`` as text (see the module docstring); ``n. b.`` / ``n/a``
    for a missing or undefined value, other values unchanged as ``str``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n. b." if lang == "de" else "n/a"
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return str(value)
    if isinstance(value, numbers.Integral):
        return _localise(f"{int(value):,d}", lang)
    value = float(value)
    if column in SIGNIFICANT:
        return significant(value, lang)
    if column in PERCENT:
        text = _localise(f"{value * 100:.1f}", lang)
        return f"{text} %" if lang == "de" else f"{text}%"
    return _localise(f"{value + 0.0:.3f}", lang).replace("-0,000", "0,000").replace("-0.000", "0.000")

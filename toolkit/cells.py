"""One cell of a table file as written (CSV, XLSX): plain Python values, and texts a spreadsheet
would run as a formula made inert. Used by every writer of tables (exports, codings, the variables
table); it loads nothing but the standard library, so the CLI's light commands stay light."""

from __future__ import annotations

import math
from typing import Any

# Cells a spreadsheet reads as a formula or a command (OWASP "CSV injection"): =, +, -, @, and a
# tab or carriage return in front of one of them.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain(value: Any) -> Any:
    """A numpy scalar as a Python value, NaN as None, lists joined by ``, ``."""
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list | tuple | set):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return value


def neutralised(value: str) -> str:
    """A text cell that a spreadsheet must not run as a formula, made inert by a leading
    apostrophe (OWASP): ``=1+2`` -> ``'=1+2``. Other texts are returned as they are."""
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_cell(value: Any) -> Any:
    """A CSV cell: numbers as numbers, None as empty, texts neutralised (:func:`neutralised`)."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralised(value)
    return value

"""One style for every table the toolkit writes: headers from the catalog (:mod:`toolkit.i18n`),
numbers and dates in the reader's locale, values that a spreadsheet can never run as a formula.

A :class:`Table` (caption, columns with a kind, raw rows, a note on how it was computed) is built
once by :func:`table_of` and written by :mod:`toolkit.exports.docx_tables` (Word) or
:mod:`toolkit.exports.workbook` (Excel); CSV writers only use :func:`toolkit.cells.csv_cell`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

import pandas as pd

from toolkit.agreement.coefficients import COEFFICIENTS
from toolkit.agreement.formatting import significant
from toolkit.cells import plain
from toolkit.i18n import Language, label, long_date, number, percent, text

Kind = Literal["text", "int", "float", "coef", "pct", "sig", "date"]
NONE_LABEL = "(none)"  # toolkit.analysis.NONE_LABEL (not imported: exports must not load pandas twice)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Columns whose values are fractions shown as per cent, and their scale.
_FRACTIONS = frozenset({"percent_agreement"})
# Coefficients (every one the agreement module computes, bar the per-cent share) with 3 decimals.
_COEFFICIENTS = frozenset(COEFFICIENTS[1:]) | {"alpha_ci_low", "alpha_ci_high", "kappa", "u_alpha", "jaccard"}
_TRANSLATED_VALUES = frozenset({"valence", "scope"})


@dataclass(frozen=True)
class Column:
    """A column as written: the library's key, the header shown, how its values are formatted."""

    key: str
    header: str
    kind: Kind = "text"
    decimals: int = 2


@dataclass(frozen=True)
class Table:
    """A table ready to write: ``title`` for the caption, ``note`` on how it was computed,
    ``sheet`` a short name for a worksheet, ``rows`` of raw values (numbers stay numbers)."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    note: str = ""
    sheet: str = ""

    def shown(self, lang: Language) -> list[list[str]]:
        """The rows as text in ``lang`` (what a Word table shows)."""
        return [[display(v, c, lang) for v, c in zip(row, self.columns, strict=True)] for row in self.rows]


def missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def kind_of(key: str, values: Iterable[Any]) -> tuple[Kind, int]:
    """How a column is formatted, from its key and its values: per cent, coefficient, count…"""
    if key.endswith("_pct") or key in _FRACTIONS:
        return "pct", 2 if key.endswith("_pct") else 1
    if key in _COEFFICIENTS:
        return "coef", 3
    if key in ("observed", "expected"):
        return "sig", 3
    seen = [v for v in values if not missing(v)]
    if seen and all(isinstance(v, bool | int) for v in seen):
        return "int", 0
    if seen and all(isinstance(v, int | float) for v in seen):
        return "float", 2
    if seen and all(isinstance(v, date) for v in seen):
        return "date", 0
    return "text", 0


def value_of(value: Any, key: str, lang: Language) -> Any:
    """A raw value as it goes into a cell: valence and scope keys translated, ``(none)`` as a
    dash, fractions as per cent; numbers stay numbers."""
    value = plain(value)
    if isinstance(value, str):
        if value == NONE_LABEL:
            return text("value.none", lang)
        if key in _TRANSLATED_VALUES:
            return label("value", value, lang)
    if key in _FRACTIONS and isinstance(value, int | float) and not isinstance(value, bool):
        return value * 100
    return value


def display(value: Any, column: Column, lang: Language) -> str:
    """A cell's text in ``lang``: ``3,11 %``, ``0,812``, ``1.234``, ``1. Dezember 2026``."""
    if missing(value):
        return "" if column.kind == "text" else text("value.missing", lang)
    if isinstance(value, datetime | date):
        return long_date(value, lang)
    if isinstance(value, bool | int | float) and column.kind != "text":
        if column.kind == "pct":
            return percent(float(value), lang, decimals=column.decimals)
        if column.kind == "sig":
            return significant(float(value), lang, column.decimals)
        if column.kind == "int" and float(value).is_integer():
            return number(int(value), lang)
        decimals = column.decimals if column.kind != "int" else 0
        return number(float(value), lang, decimals=decimals)
    return xml_text(str(value))


def xml_text(value: str) -> str:
    """``value`` without the control characters that XML (DOCX, XLSX) cannot hold."""
    return _NOT_XML.sub("", value)


def header_of(key: str, lang: Language) -> str:
    """A column's header from the catalog (``col.KEY``), else the key (a name from the data)."""
    return label("col", key, lang)


def table_of(
    frame: pd.DataFrame | Sequence[Mapping[str, Any]],
    lang: Language,
    *,
    title: str,
    note: str = "",
    sheet: str = "",
    columns: Sequence[str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Table:
    """A :class:`Table` from a frame (a named index becomes the first column) or from a list of
    dicts (the agreement tables), with the given ``columns`` (default: all) in that order."""
    if isinstance(frame, pd.DataFrame):
        if frame.index.name is not None or isinstance(frame.index, pd.MultiIndex):
            frame = frame.reset_index()
        keys = [str(c) for c in (columns or frame.columns)]
        records = [
            dict(zip(keys, row, strict=True))
            for row in frame[list(columns or frame.columns)].itertuples(index=False)
        ]
    else:
        records = [dict(r) for r in frame]
        keys = list(columns or dict.fromkeys(k for r in records for k in r))
    raw = [[value_of(r.get(k), k, lang) for k in keys] for r in records]
    cols = []
    for j, key in enumerate(keys):
        kind, decimals = kind_of(key, (row[j] for row in raw))
        header = (headers or {}).get(key) or header_of(key, lang)
        cols.append(Column(key, header, kind, decimals))
    return Table(title, tuple(cols), tuple(tuple(r) for r in raw), note, sheet or title)

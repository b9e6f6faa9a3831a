"""One catalog of the words the toolkit writes for people: table headers, captions, notes and
labels of exports, in German and English, and the locale formats of numbers and dates.

A text is looked up by a stable key (``"col.codings"``) and rendered with :func:`text`; values are
filled in with ``str.format`` fields (``{n}``). Keys are grouped by a prefix: ``col.`` column
headers, ``value.`` values shown in tables (valences), ``filter.`` selection names, ``sheet.`` and
``caption.`` titles, ``note.`` how a table was computed, ``report.`` the report's running text.
The entries live in :mod:`toolkit.catalog`, one module per area (exports, errors, each page); add
keys there with the area's prefix, never a second table elsewhere.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from toolkit.catalog import CATALOG, LANGUAGES, Language, Text
from toolkit.errors import InvalidValue

__all__ = [
    "CATALOG",
    "LANGUAGES",
    "Language",
    "Text",
    "label",
    "language",
    "long_date",
    "number",
    "percent",
    "plural",
    "text",
]


MONTHS_DE = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def language(value: str | None) -> Language:
    """``value`` checked as a language of the catalog (``None``: German)."""
    if value is None:
        return "de"
    if value not in LANGUAGES:
        raise InvalidValue("language.unsupported", language=value, choices="de, en")
    return value


def text(key: str, lang: Language = "de", **values: object) -> str:
    """The catalog's wording of ``key`` in ``lang`` with ``values`` filled in."""
    try:
        entry = CATALOG[key]
    except KeyError:
        raise KeyError(f"no text {key!r} in toolkit.catalog; add it to the module of its area") from None
    wording = entry.get(lang)
    return wording.format(**values) if values else wording


def plural(key: str, n: int, lang: Language = "de", **values: object) -> str:
    """``key.one`` when ``n`` is 1, else ``key.other`` (``1 Dokument``, ``3 Dokumenten``), with
    ``n`` as a number of ``lang`` and ``values`` filled in."""
    form = "one" if n == 1 else "other"
    return text(f"{key}.{form}", lang, n=number(n, lang), **values)


def label(prefix: str, key: str, lang: Language = "de") -> str:
    """The wording of ``prefix.key`` when the catalog has it, else ``key`` itself (a name from the
    data, such as a document attribute, a document or a coder)."""
    entry = CATALOG.get(f"{prefix}.{key}")
    return entry.get(lang) if entry is not None else key


def number(value: float | int | None, lang: Language = "de", *, decimals: int = 2) -> str:
    """``3.1104`` -> ``3,11`` (German) or ``3.11``; thousands grouped (``12.345`` / ``12,345``);
    a missing value (None, NaN) -> ``n. b.`` / ``n/a``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return text("value.missing", lang)
    if isinstance(value, float) and math.isinf(value):
        return "∞" if value > 0 else "−∞"
    out = f"{int(value):,d}" if isinstance(value, bool | int) else f"{float(value):,.{decimals}f}"
    if out.startswith("-") and not out.strip("-0.,"):
        out = out[1:]  # -0.000: no sign on a value that rounds to zero
    out = out.replace("-", "−")
    if lang == "de":
        out = out.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return out


def percent(value: float | None, lang: Language = "de", *, decimals: int = 2) -> str:
    """A value already in per cent: ``3.11`` -> ``3,11 %`` (German, with a space) or ``3.11%``."""
    shown = number(value, lang, decimals=decimals)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return shown
    return f"{shown}\u00a0%" if lang == "de" else f"{shown}%"


def long_date(value: date | datetime, lang: Language = "de") -> str:
    """``2026-12-01`` -> ``1. Dezember 2026`` or ``1 December 2026``."""
    if lang == "de":
        return f"{value.day}. {MONTHS_DE[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"

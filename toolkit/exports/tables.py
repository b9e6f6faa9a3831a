"""Tables as CSV, JSON or an XLSX workbook (one sheet per table, after a sheet ``Info`` that says
what was selected and when). A table with a named index (a matrix) is written with the index as
its first column.

CSV and JSON keep the library's column names and plain numbers (for scripts); a CSV text cell
that a spreadsheet would run as a formula is neutralised (:func:`toolkit.cells.csv_cell`).
The workbook is for people: headers, values and numbers in the chosen language
(:mod:`toolkit.exports.workbook`)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import IO, Any

import pandas as pd

from toolkit.cells import csv_cell, plain
from toolkit.errors import InvalidValue
from toolkit.exports.style import Table, table_of
from toolkit.exports.workbook import sheet_name, write_workbook
from toolkit.i18n import Language, label, language, long_date, text

TABLE_FORMATS = ("csv", "xlsx", "json")
__all__ = ["TABLE_FORMATS", "flat", "sheet_name", "table_bytes", "write_csv", "write_json", "write_xlsx"]


def flat(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with a named index turned into its first column."""
    if frame.index.name is not None or isinstance(frame.index, pd.MultiIndex):
        out = frame.reset_index()
        out.columns = [str(c) for c in out.columns]
        return out
    return frame


def _rows(frame: pd.DataFrame) -> list[list[Any]]:
    return [[plain(v) for v in row] for row in frame.itertuples(index=False, name=None)]


def write_csv(frame: pd.DataFrame, out: IO[str]) -> int:
    """Write a table as CSV (comma, header row, ``\\n`` line ends; texts that a spreadsheet would
    run as a formula start with ``'``); returns the number of rows."""
    table = flat(frame)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([csv_cell(str(c)) for c in table.columns])
    writer.writerows([csv_cell(v) for v in row] for row in _rows(table))
    return len(table)


def write_json(frame: pd.DataFrame, out: IO[str]) -> int:
    """Write a table as a JSON list of objects (column: value); returns the number of rows."""
    table = flat(frame)
    columns = [str(c) for c in table.columns]
    json.dump(
        [dict(zip(columns, row, strict=True)) for row in _rows(table)], out, ensure_ascii=False, indent=2
    )
    out.write("\n")
    return len(table)


def info_rows(
    title: str,
    lang: Language,
    *,
    created: datetime | None = None,
    filters: Sequence[tuple[str, str]] = (),
    view: str = "",
) -> list[tuple[str, Any]]:
    """The first rows of an Info sheet: title, date, whose codings, filters."""
    rows: list[tuple[str, Any]] = [
        (text("info.title", lang), title),
        (text("info.created", lang), long_date(created or datetime.now(UTC), lang)),
    ]
    if view:
        rows.append((text("info.view", lang), view))
    shown = [(label("filter", k, lang), v) for k, v in filters]
    rows.extend(shown or [(text("info.filters", lang), text("filter.none", lang))])
    return rows


def write_xlsx(
    tables: Mapping[str, pd.DataFrame | Table],
    out: IO[bytes],
    *,
    filters: Sequence[tuple[str, str]] = (),
    title: str = "Coding Toolkit",
    created: datetime | None = None,
    lang: str = "de",
    view: str = "",
) -> list[str]:
    """Write ``tables`` (title -> table) to an XLSX workbook whose first sheet, ``Info``, names the
    title, the date, whose codings and the filters. Returns the sheet names used."""
    chosen = language(lang)
    if not tables:
        raise InvalidValue("export.no_tables")
    styled = [
        frame if isinstance(frame, Table) else table_of(frame, chosen, title=name, sheet=name)
        for name, frame in tables.items()
    ]
    info = info_rows(title, chosen, created=created, filters=filters, view=view)
    return write_workbook(styled, out, lang=chosen, info=info)


def table_bytes(
    frame: pd.DataFrame | Table,
    fmt: str,
    *,
    name: str = "Tabelle",
    filters: Sequence[tuple[str, str]] = (),
    title: str = "Coding Toolkit",
    bom: bool = True,
    lang: str = "de",
    view: str = "",
) -> bytes:
    """One table in ``csv`` (UTF-8, with a byte-order mark unless ``bom`` is false: Excel needs it
    to read umlauts), ``json`` or ``xlsx``, as bytes for a download or a file. ``frame`` may be a
    styled :class:`Table` (caption and note for the workbook) only for ``xlsx``."""
    if fmt == "xlsx":
        buffer = io.BytesIO()
        write_xlsx({name: frame}, buffer, filters=filters, title=title, lang=lang, view=view)
        return buffer.getvalue()
    if isinstance(frame, Table):
        raise InvalidValue("export.styled_xlsx_only")
    out = io.StringIO()
    if fmt == "csv":
        write_csv(frame, out)
        return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")
    if fmt == "json":
        write_json(frame, out)
        return out.getvalue().encode("utf-8")
    raise InvalidValue("format.unsupported", format=fmt, choices=TABLE_FORMATS)

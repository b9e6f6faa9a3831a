"""Tables as CSV, JSON or an XLSX workbook (one sheet per table, plus a sheet that says what was
selected and when). A table with a named index (a matrix) is written with the index as its first
column."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import IO, Any

import pandas as pd
from openpyxl import Workbook

from toolkit.errors import InvalidValue

TABLE_FORMATS = ("csv", "xlsx", "json")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def flat(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with a named index turned into its first column."""
    if frame.index.name is not None or isinstance(frame.index, pd.MultiIndex):
        out = frame.reset_index()
        out.columns = [str(c) for c in out.columns]
        return out
    return frame


def _cell(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def _rows(frame: pd.DataFrame) -> list[list[Any]]:
    return [[_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]


def write_csv(frame: pd.DataFrame, out: IO[str]) -> int:
    """Write a table as CSV (comma, header row, ``\\n`` line ends); returns the number of rows."""
    table = flat(frame)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([str(c) for c in table.columns])
    writer.writerows(["" if v is None else v for v in row] for row in _rows(table))
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


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique worksheet name: at most 31 characters, without ``[]:*?/\\``."""
    base = _SHEET_FORBIDDEN.sub("-", name).strip("'") or "Tabelle"
    candidate, n = base[:31], 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.casefold())
    return candidate


def write_xlsx(
    tables: Mapping[str, pd.DataFrame],
    out: IO[bytes],
    *,
    filters: Sequence[tuple[str, str]] = (),
    title: str = "Coding Toolkit",
    created: datetime | None = None,
) -> list[str]:
    """Write ``tables`` (sheet name -> table) to an XLSX workbook whose first sheet, ``Info``,
    names the title, the date and the filters. Returns the sheet names used."""
    if not tables:
        raise InvalidValue("no tables to export; choose at least one table")
    book = Workbook(write_only=True)
    taken = {"info"}
    info = book.create_sheet("Info")
    stamp = (created or datetime.now(UTC)).isoformat(timespec="seconds")
    info.append([title])
    info.append(["created", stamp])
    for key, value in filters:
        info.append([f"filter: {key}", value])
    if not filters:
        info.append(["filters", "none (all codings)"])
    names = []
    for label, frame in tables.items():
        name = sheet_name(label, taken)
        names.append(name)
        info.append(["sheet", name, f"{len(frame)} rows"])
        sheet = book.create_sheet(name)
        table = flat(frame)
        sheet.append([str(c) for c in table.columns])
        for row in _rows(table):
            sheet.append(row)
    book.save(out)
    return names


def table_bytes(
    frame: pd.DataFrame,
    fmt: str,
    *,
    name: str = "Tabelle",
    filters: Sequence[tuple[str, str]] = (),
    title: str = "Coding Toolkit",
    bom: bool = True,
) -> bytes:
    """One table in ``csv`` (UTF-8, with a byte-order mark unless ``bom`` is false: Excel needs it
    to read umlauts), ``json`` or ``xlsx``, as bytes for a download or a file."""
    if fmt == "xlsx":
        buffer = io.BytesIO()
        write_xlsx({name: frame}, buffer, filters=filters, title=title)
        return buffer.getvalue()
    text = io.StringIO()
    if fmt == "csv":
        write_csv(frame, text)
        return (("\ufeff" if bom else "") + text.getvalue()).encode("utf-8")
    if fmt == "json":
        write_json(frame, text)
        return text.getvalue().encode("utf-8")
    raise InvalidValue(f"format {fmt!r} is not supported; use one of {', '.join(TABLE_FORMATS)}")

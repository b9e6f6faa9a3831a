"""Excel workbooks in the toolkit's one style: a first sheet ``Info`` (what was selected, when, by
whom, and per sheet its title and how it was computed), then one sheet per :class:`Table` with a
bold frozen header row, an autofilter, number formats and column widths fitted to the content.

Every text goes in as a text cell: a value starting with ``=``, ``+``, ``-`` or ``@`` (a quote
that starts ``=cmd|' /C calc'!A0``, a coder named ``=1+2``) is stored as text with Excel's quote
prefix, never as a formula; numbers stay numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from toolkit.cells import FORMULA_START
from toolkit.errors import InvalidValue
from toolkit.exports.style import Column, Table, missing, xml_text
from toolkit.i18n import Language, text

SHEET_LIMIT = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_FORMATS = {"int": "#,##0", "coef": "0.000", "date": "DD.MM.YYYY"}
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_WIDEST = 60  # characters: longer texts wrap


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique worksheet name of at most 31 characters without ``[]:*?/\\``; a longer
    name is cut at a word and ends with ``…`` (never mid-word: "Häufigkeiten Handlungsfeld…")."""
    base = _SHEET_FORBIDDEN.sub("-", name).strip("'").strip() or "Tabelle"
    candidate = _shorten(base, SHEET_LIMIT)
    n = 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate, n = _shorten(base, SHEET_LIMIT - len(suffix)) + suffix, n + 1
    taken.add(candidate.casefold())
    return candidate


def _shorten(name: str, limit: int) -> str:
    if len(name) <= limit:
        return name
    cut = name[: limit - 1]
    space = cut.rstrip().rfind(" ")
    if space >= limit * 0.6:  # end on a whole word unless that loses too much
        cut = cut[:space]
    return cut.rstrip(" ×-,;") + "…"


def _number_format(column: Column) -> str:
    if column.kind == "pct":
        return "0." + "0" * column.decimals + '" %"' if column.decimals else '0" %"'
    if column.kind == "float":
        return "0." + "0" * column.decimals if column.decimals else "0"
    return _FORMATS.get(column.kind, "General")


def _cell(sheet: WriteOnlyWorksheet, value: Any, column: Column | None = None, *, bold: bool = False) -> Any:
    value = None if missing(value) else value
    if isinstance(value, str):
        value = xml_text(value)
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True
        if len(value) > _WIDEST:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    elif column is not None and value is not None:
        cell.number_format = _number_format(column)
    if bold:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _width(values: Sequence[Any], header: str) -> float:
    longest = max([len(header) * 1.1, *(len(str(v)) for v in values if not missing(v))], default=8)
    return float(min(max(longest + 2, 8), _WIDEST + 2))


def write_workbook(
    tables: Sequence[Table],
    out: IO[bytes],
    *,
    lang: Language = "de",
    info: Sequence[tuple[str, Any]] = (),
) -> list[str]:
    """Write ``tables`` to an XLSX workbook after the sheet ``Info`` (``info``: label, value pairs
    shown first). Returns the names of the table sheets."""
    if not tables:
        raise InvalidValue("export.no_tables")
    book = Workbook(write_only=True)
    info_name = text("sheet.info", lang)
    taken = {info_name.casefold()}
    names = [sheet_name(t.sheet or t.title, taken) for t in tables]
    sheet = book.create_sheet(info_name)
    info_rows: list[tuple[Any, ...]] = [*info]
    for name, table in zip(names, tables, strict=True):
        note = f"{text('note.prefix', lang)}{table.note}" if table.note else ""
        info_rows.append(
            (
                f"{text('info.sheet', lang)}: {name}",
                table.title,
                text("info.rows", lang, n=len(table.rows)),
                note,
            )
        )
    sheet.column_dimensions["A"].width = max([len(str(r[0])) + 2 for r in info_rows] + [14])
    sheet.column_dimensions["B"].width = 70
    sheet.column_dimensions["C"].width = 14
    sheet.column_dimensions["D"].width = 70
    for row in info_rows:
        cells = [_cell(sheet, row[0], bold=True), *(_cell(sheet, v) for v in row[1:])]
        for c in cells[1:]:
            c.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.append(cells)
    for name, table in zip(names, tables, strict=True):
        _table_sheet(book.create_sheet(name), table)
    book.save(out)
    return names


def _table_sheet(sheet: WriteOnlyWorksheet, table: Table) -> None:
    n = len(table.columns)
    for j, column in enumerate(table.columns):
        values = [row[j] for row in table.rows[:2000]]
        sheet.column_dimensions[get_column_letter(j + 1)].width = _width(values, column.header)
    sheet.freeze_panes = "A2"
    if n:
        sheet.auto_filter.ref = f"A1:{get_column_letter(n)}{len(table.rows) + 1}"
    sheet.append([_cell(sheet, c.header, bold=True) for c in table.columns])
    for row in table.rows:
        sheet.append([_cell(sheet, v, c) for v, c in zip(row, table.columns, strict=True)])

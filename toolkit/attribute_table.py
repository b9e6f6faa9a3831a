"""Document variables (case attributes) from and to a table, as researchers keep them in Excel:
the first column names the document, every other column is a variable.

Reading (:func:`import_attributes`): ``.xlsx`` (the first sheet) or ``.csv`` (UTF-8 or Windows-1252,
``;``, ``,`` or tab between cells). Each column is typed: ``number`` when every filled cell is a
number (``3,5`` or ``3.5``; stored as ``3.5``), ``date`` when every filled cell is a date
(``2024-05-01``, ``01.05.2024`` or an Excel date; stored as ``2024-05-01``), else ``text``. An
empty cell changes nothing (a table never blanks a value already set). Rows naming no document of
the project and columns the codebook does not define are reported; a value the codebook does not
allow, a repeated document or a repeated column refuses the whole table, naming the line and cell.
All values are set in one transaction; unchanged values write no event.
A text that starts with ``'`` before ``=``, ``+``, ``-`` or ``@`` is read without the apostrophe
(the export puts it there so that spreadsheets do not run the text as a formula).

Writing (:func:`export_attributes`): the same layout, readable again by the import: numbers as
numbers, dates as dates, texts that a spreadsheet could run as a formula made inert.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from toolkit.atomic import write_bytes
from toolkit.cells import csv_cell, neutralised
from toolkit.documents import check_attribute, list_documents, write_document_attribute
from toolkit.errors import ImportFailed, InvalidValue
from toolkit.importers.docx import check_zip
from toolkit.importers.normalize import decode
from toolkit.permissions import require_lead
from toolkit.store import Store

ValueType = Literal["text", "number", "date"]
MAX_TABLE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$|^[+-]?\d+(\.\d+)?$")
_DATE_DE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class AttributeImport:
    """What a table did (or, with ``dry_run``, would do) to the project."""

    path: str
    documents: int  # rows that name a document of the project
    values: int  # values that are new or different
    types: dict[str, ValueType]
    unmatched: tuple[tuple[int, str], ...] = ()  # (line, document name) of rows naming no document
    undefined: tuple[str, ...] = ()  # columns the codebook does not define (imported as they are)
    dry_run: bool = False
    changes: tuple[tuple[str, str, str | None, str], ...] = field(default=())  # doc, name, old, new


@dataclass(frozen=True)
class _Row:
    line: int
    cells: tuple[Any, ...]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if text.startswith("'") and text[1:2] and text[1] in "=+-@":
        return text[1:]  # a formula-looking text our export made inert: the text itself
    return text


def _read_csv(data: bytes, path: str) -> list[_Row]:
    text = decode(data, path)
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    for i, cells in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        if i > MAX_ROWS:
            raise ImportFailed("table.too_many_rows", file=path, limit=MAX_ROWS)
        rows.append(_Row(i, tuple(c.strip() for c in cells)))
    return rows


def _read_xlsx(data: bytes, path: str) -> list[_Row]:
    from openpyxl import load_workbook  # defusedxml is installed, so openpyxl parses safely

    check_zip(data, path, kind=".xlsx", app="Excel", part="xl/workbook.xml")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise ImportFailed("table.unreadable", file=path, reason=type(exc).__name__) from None
    try:
        sheet = book.worksheets[0]
        rows = []
        for i, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            if i > MAX_ROWS:
                raise ImportFailed("table.too_many_rows", file=path, limit=MAX_ROWS)
            rows.append(_Row(i, tuple(cells)))
        return rows
    finally:
        book.close()


def read_table(data: bytes, path: str) -> list[_Row]:
    """The rows of a ``.csv`` or ``.xlsx`` table (line numbers from 1), blank rows left out."""
    suffix = Path(path).suffix.lower()
    if len(data) > MAX_TABLE_BYTES:
        raise ImportFailed("table.too_large", file=path, megabytes=MAX_TABLE_BYTES // 2**20)
    if suffix == ".csv":
        rows = _read_csv(data, path)
    elif suffix == ".xlsx":
        rows = _read_xlsx(data, path)
    else:
        raise ImportFailed("table.not_a_table", file=path, suffix=suffix or "–")
    return [r for r in rows if any(_cell_text(c) for c in r.cells)]


def _number(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _cell_text(float(value))
    text = _cell_text(value)
    if not _NUMBER.match(text):
        return None
    if "," in text or re.match(r"^[+-]?\d{1,3}(\.\d{3})+$", text):  # German: 1.234,5
        text = text.replace(".", "").replace(",", ".")
    number = float(text)
    return str(int(number)) if number.is_integer() else repr(number)


def _date(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = _cell_text(value)
    for pattern, order in ((_DATE_ISO, (0, 1, 2)), (_DATE_DE, (2, 1, 0))):
        m = pattern.match(text)
        if m:
            y, mo, d = (int(m.group(k + 1)) for k in order)
            try:
                return date(y, mo, d).isoformat()
            except ValueError:
                return None
    return None


def column_type(values: Iterable[Any]) -> ValueType:
    """``number`` or ``date`` when every filled value is one, else ``text``."""
    filled = [v for v in values if _cell_text(v)]
    if filled and all(_number(v) is not None for v in filled):
        return "number"
    if filled and all(_date(v) is not None for v in filled):
        return "date"
    return "text"


def _stored(value: Any, kind: ValueType) -> str:
    if kind == "number":
        return _number(value) or ""
    if kind == "date":
        return _date(value) or ""
    return _cell_text(value)


def _header(rows: Sequence[_Row], path: str) -> list[str]:
    if not rows:
        raise ImportFailed("table.empty", file=path)
    header = [_cell_text(c) for c in rows[0].cells]
    width = max(len(r.cells) for r in rows)
    header += [""] * (width - len(header))
    seen: dict[str, int] = {}
    for j, name in enumerate(header[1:], start=2):
        filled = any(j - 1 < len(r.cells) and _cell_text(r.cells[j - 1]) for r in rows[1:])
        if not name and filled:
            raise ImportFailed("table.unnamed_column", file=path, column=j)
        if name and name in seen:
            raise ImportFailed("table.column_twice", file=path, name=name, first=seen[name], second=j)
        seen[name] = j
    return header


def import_attributes(
    store: Store, data: bytes, path: str, *, actor: str, dry_run: bool = False
) -> AttributeImport:
    """Set document variables from a table (see the module's description); ``dry_run`` only reports."""
    require_lead(store, actor, "change case attributes")
    rows = read_table(data, path)
    header = _header(rows, path)
    body = rows[1:]
    columns = [(j, name) for j, name in enumerate(header) if j > 0 and name]
    types: dict[str, ValueType] = {
        name: column_type(r.cells[j] if j < len(r.cells) else None for r in body) for j, name in columns
    }
    docs = {d.name: d for d in list_documents(store)}
    defined = {
        str(r["name"]): str(r["applies_to"])
        for r in store.query("SELECT name, applies_to FROM attribute_definitions")
    }
    for name in types:
        if defined.get(name, "document") != "document":
            raise ImportFailed("table.speaker_variable", file=path, name=name)
    unmatched: list[tuple[int, str]] = []
    first_line: dict[str, int] = {}
    changes: list[tuple[str, str, str | None, str]] = []
    matched = 0
    for row in body:
        name = _cell_text(row.cells[0]) if row.cells else ""
        if name in first_line:
            raise ImportFailed(
                "table.document_twice", file=path, line=row.line, name=name, first=first_line[name]
            )
        first_line[name] = row.line
        doc = docs.get(name)
        if doc is None:
            unmatched.append((row.line, name))
            continue
        matched += 1
        for j, column in columns:
            raw = row.cells[j] if j < len(row.cells) else None
            value = _stored(raw, types[column])
            if not value:
                continue  # an empty cell never blanks a value
            old = doc.attributes.get(column)
            if old != value:
                changes.append((name, column, old, value))
    for name, column, _old, value in changes:
        try:
            check_attribute(store, column, value, "document")
        except InvalidValue as exc:
            raise ImportFailed(
                "table.bad_value", file=path, line=first_line[name], column=column, error=exc
            ) from None
    report = AttributeImport(
        path=path,
        documents=matched,
        values=len(changes),
        types=types,
        unmatched=tuple(unmatched),
        undefined=tuple(n for n in types if n not in defined),
        dry_run=dry_run,
        changes=tuple(changes),
    )
    if not dry_run and changes:
        with store.write(actor) as w:
            for name, column, _old, value in changes:
                write_document_attribute(w, name, column, value)
    return report


def attribute_rows(store: Store) -> tuple[list[str], list[list[str]]]:
    """The variables of every document: header (``document`` and the names) and rows."""
    docs = list_documents(store)
    names = sorted({k for d in docs for k in d.attributes})
    return ["document", *names], [[d.name, *(d.attributes.get(n, "") for n in names)] for d in docs]


def _typed(value: str, kind: ValueType) -> Any:
    if not value:
        return None
    if kind == "number":
        number = float(value)
        return int(number) if number.is_integer() else number
    if kind == "date":
        return date.fromisoformat(value)
    return value


def attributes_file(store: Store, kind: str) -> bytes:
    """Every document's variables as an ``xlsx`` or ``csv`` file (see the module's description)."""
    header, rows = attribute_rows(store)
    kinds = [column_type(row[j] for row in rows) if j else "text" for j in range(len(header))]
    buffer = io.BytesIO()
    if kind == "csv":
        text = io.StringIO()
        writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
        writer.writerow([csv_cell(h) for h in header])
        for row in rows:
            writer.writerow([csv_cell(v) for v in row])
        return text.getvalue().encode("utf-8-sig")
    if kind != "xlsx":
        raise InvalidValue("table.export_format", name=kind)
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Variablen"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(
            [neutralised(v) if k == "text" and v else _typed(v, k) for v, k in zip(row, kinds, strict=True)]
        )
    for j, kind_j in enumerate(kinds, start=1):
        letter = sheet.cell(row=1, column=j).column_letter
        sheet.column_dimensions[letter].width = max(
            [len(str(header[j - 1])) + 2, *(len(str(r[j - 1])) + 2 for r in rows[:500])]
        )
        if kind_j == "date":
            for cell in sheet[letter][1:]:
                cell.number_format = "DD.MM.YYYY"
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(buffer)
    return buffer.getvalue()


def export_attributes(store: Store, path: str | Path) -> int:
    """Write the variables of every document to ``path`` (.xlsx or .csv); returns the rows written."""
    target = Path(path)
    kind = target.suffix.lower().lstrip(".")
    if kind not in ("xlsx", "csv"):
        raise InvalidValue("table.export_format", name=target.name)
    write_bytes(target, attributes_file(store, kind))
    return len(attribute_rows(store)[1])

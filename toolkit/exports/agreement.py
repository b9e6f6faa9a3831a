"""Agreement results as files: CSV (all tables in one, for scripts), XLSX and DOCX (for people, in
the toolkit's one style). Every writer takes the plain data of
:func:`toolkit.agreement.report_data` and a file object."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import IO, Any

from toolkit.cells import csv_cell
from toolkit.exports.docx_tables import add_table, new_document
from toolkit.exports.style import Table, missing, table_of
from toolkit.exports.workbook import write_workbook
from toolkit.i18n import Language, label, language, long_date, number, text

TABLE_KEYS = {"agreement": "agreement", "documents": "agreement_documents"}


def _columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(k for r in rows for k in r))


def _used_columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The columns with at least one value (a coefficient that applies to no row is left out)."""
    return [k for k in _columns(rows) if any(not missing(r.get(k)) and r.get(k) != "" for r in rows)]


def created(data: dict[str, Any]) -> datetime:
    """When the results were computed (``created_at``, an ISO time stamp), else now."""
    try:
        return datetime.fromisoformat(str(data.get("created_at")))
    except ValueError:
        return datetime.now(UTC)


def write_csv(data: dict[str, Any], out: IO[str]) -> None:
    """All tables in one CSV; the first column names the table. Keys and numbers as computed (for
    scripts); texts that a spreadsheet would run as a formula start with ``'``."""
    rows = [{"table": name, **r} for name, table in data["tables"].items() for r in table]
    rows += [
        {"table": "excluded_documents", "document": e["document"], "notes": e.get("reason", "")}
        for e in data.get("excluded_documents") or []
    ]
    columns = _columns(rows) or ["table"]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([csv_cell(r.get(c)) for c in columns] for r in rows)


def styled_tables(data: dict[str, Any], lang: Language) -> list[Table]:
    """The result tables with headers, captions and notes in ``lang``."""
    method = label("method", str(data["method"]), lang)
    out = []
    for name, rows in data["tables"].items():
        key = TABLE_KEYS.get(name, name)
        title = (
            text("agreement.table", lang, method=method)
            if name == "agreement"
            else text("agreement.documents_table", lang)
            if name == "documents"
            else name
        )
        note = text(f"note.{key}", lang) if key in TABLE_KEYS.values() else ""
        sheet = text(f"sheet.{key}", lang) if key in TABLE_KEYS.values() else name
        out.append(table_of(rows, lang, title=title, note=note, sheet=sheet, columns=_used_columns(rows)))
    return out


def _setting(value: Any, lang: Language) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return number(value, lang, decimals=2) if isinstance(value, float) else number(value, lang)
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


def settings_rows(data: dict[str, Any], lang: Language) -> list[tuple[str, str]]:
    """Settings, counts, the compared and the excluded documents, as (label, value) in ``lang``."""
    rows = [(text("setting.method", lang), label("method", str(data["method"]), lang))]
    for key, value in [*data["settings"].items(), *data["counts"].items()]:
        if value is None or value == "" or key == "method":
            continue
        rows.append((label("setting", key, lang), _setting(value, lang)))
    if data.get("documents") is not None:
        rows.append((label("setting", "documents", lang), ", ".join(map(str, data["documents"])) or "–"))
    if data.get("excluded_documents") is not None:
        rows.append((label("setting", "excluded_documents", lang), excluded(data, lang) or "–"))
    return rows


def excluded(data: dict[str, Any], lang: Language) -> str:
    """The documents left out, each with who has not coded it: ``neu (nicht kodiert von ben)``."""
    items = []
    for entry in data.get("excluded_documents") or []:
        if isinstance(entry, dict):
            who = ", ".join(map(str, entry.get("not_coded_by") or []))
            items.append(
                f"{entry['document']} ({text('agreement.not_coded_by', lang, names=who)})"
                if who
                else str(entry["document"])
            )
        else:
            items.append(str(entry))
    return "; ".join(items)


def paragraph(data: dict[str, Any], lang: Language) -> str:
    return str(data.get(f"paragraph_{lang}") or data.get("paragraph_de") or "")


def write_xlsx(data: dict[str, Any], out: IO[bytes], *, lang: str = "de") -> None:
    """An Info sheet (date, settings, counts, documents, the methods paragraph), then one sheet per
    table with headers in ``lang``."""
    chosen = language(lang)
    info: list[tuple[str, Any]] = [
        (text("info.title", chosen), text("agreement.title", chosen)),
        (text("info.created", chosen), long_date(created(data), chosen)),
        *settings_rows(data, chosen),
        (text("agreement.paragraph", chosen), paragraph(data, chosen)),
    ]
    write_workbook(styled_tables(data, chosen), out, lang=chosen, info=info)


def write_docx(data: dict[str, Any], out: IO[bytes], *, lang: str = "de") -> None:
    """A Word document: heading, date, the methods paragraph, compared and excluded documents,
    then every table (wide ones on landscape pages)."""
    chosen = language(lang)
    doc = new_document(chosen)
    doc.add_heading(text("agreement.title", chosen), level=1)
    doc.add_paragraph(text("report.created", chosen, date=long_date(created(data), chosen)))
    doc.add_paragraph(paragraph(data, chosen))
    if data.get("documents") is not None:
        doc.add_paragraph(
            text("agreement.compared", chosen, names=", ".join(map(str, data["documents"])) or "–")
        )
    if data.get("excluded_documents"):
        doc.add_paragraph(text("agreement.excluded", chosen, names=excluded(data, chosen)))
    for n, table in enumerate(styled_tables(data, chosen), start=1):
        add_table(doc, table, chosen, n)
    doc.save(out)

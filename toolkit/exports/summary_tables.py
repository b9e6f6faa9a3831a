"""Summary tables (Kuckartz): documents as rows (with chosen variables) x chosen codes as columns,
each cell the thematic summary; written as XLSX or as a landscape DOCX table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from toolkit.codes import find_code
from toolkit.documents import list_documents
from toolkit.errors import InvalidValue, NotFound
from toolkit.exports.style import Column, Table
from toolkit.i18n import Language, text
from toolkit.store import Store

FORMATS = ("xlsx", "docx")


def summary_table(
    store: Store,
    codes: Sequence[str],
    *,
    variables: Sequence[str] = (),
    coder: str | None = None,
    lang: Language = "de",
) -> Table:
    """The summary table of ``codes`` (paths, in that order) over every document, with the
    document variables ``variables`` first. With ``coder`` only that coder's summaries; else a cell
    with summaries of several coders names each coder."""
    if not codes:
        raise InvalidValue("summary.no_codes")
    chosen = [find_code(store, path) for path in codes]
    docs = list_documents(store)
    known = {k for d in docs for k in d.attributes}
    for name in variables:
        if name not in known:
            raise NotFound("variable.not_found", name=name, variables=sorted(known))
    ids = [c.id for c in chosen]
    params: list[Any] = list(ids)
    sql = (
        "SELECT d.name AS document, s.code_id, k.name AS coder, s.text FROM summaries s "
        "JOIN documents d ON d.id = s.document_id JOIN coders k ON k.id = s.coder_id "
        f"WHERE s.code_id IN ({','.join('?' for _ in ids)})"
    )
    if coder is not None:
        sql += " AND k.name = ?"
        params.append(coder)
    cells: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for r in store.query(sql + " ORDER BY k.name", tuple(params)):
        cells.setdefault((r["document"], r["code_id"]), []).append((r["coder"], r["text"]))

    def cell(document: str, code_id: int) -> str:
        found = cells.get((document, code_id), [])
        if len(found) == 1 and (coder is not None or len({c for c, _ in found}) == 1):
            return found[0][1]
        return "\n\n".join(f"{who}: {body}" for who, body in found)

    defined = {r["name"]: r for r in store.query("SELECT name, label, label_en FROM attribute_definitions")}
    labels = {
        name: (defined[name]["label_en" if lang == "en" else "label"] or defined[name]["label"] or name)
        if name in defined
        else name
        for name in variables
    }
    columns = (
        Column("document", text("qca.col.document", lang)),
        *(Column(f"var:{name}", labels[name]) for name in variables),
        *(Column(f"code:{c.path}", c.path) for c in chosen),
    )
    rows = tuple(
        (
            d.name,
            *(d.attributes.get(name, "") for name in variables),
            *(cell(d.name, c.id) for c in chosen),
        )
        for d in docs
    )
    who = (
        text("qca.summary_table.of_coder", lang, coder=coder)
        if coder is not None
        else text("qca.summary_table.all_coders", lang)
    )
    return Table(
        text("qca.summary_table.title", lang),
        columns,
        rows,
        text("qca.summary_table.note", lang, coder=who),
        text("qca.summary_table.sheet", lang),
    )


def write_summary_table(table: Table, fmt: str, out: IO[bytes], *, lang: Language = "de") -> int:
    """Write the table as ``xlsx`` or ``docx`` (landscape); returns the number of rows."""
    if fmt == "xlsx":
        from toolkit.exports.workbook import write_workbook

        write_workbook([table], out, lang=lang)
    elif fmt == "docx":
        from toolkit.exports.docx_tables import add_table, new_document

        doc = new_document(lang)
        add_table(doc, table, lang, 1, landscape_only=True)
        doc.save(out)
    else:
        raise InvalidValue("format.unsupported", format=fmt, choices=FORMATS)
    return len(table.rows)

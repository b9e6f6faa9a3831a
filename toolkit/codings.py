"""Codings: ``(document, start, end, code, coder)`` with a copy of the coded text and a memo.

Offsets are Python ``str`` indices into the stored document text. Changes are optimistic: an update
or delete names the version it saw, and a coding changed by someone else in between is refused
instead of overwritten.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from toolkit.coders import coder_id
from toolkit.codes import CodeRow, code_by_path, code_tree, find_code, list_codes
from toolkit.documents import document_row
from toolkit.errors import Conflict, InvalidValue, NotFound
from toolkit.model import Coding
from toolkit.permissions import require_coding_owner, require_user, require_writer_for
from toolkit.store import Store, Writer, new_guid, now

EXPORT_COLUMNS = ("document", "code_path", "start", "end", "text", "coder", "memo")


def add_coder(store: Store, name: str) -> str:
    """Register a coder (a no-op when the name exists); returns the name as stored."""
    require_user(store, name.strip(), "register as a coder")
    with store.write(name.strip() or "system") as w:
        coder_id(w, name)
    return name.strip()


def check_weight(weight: int) -> int:
    """A coding weight must be a whole number from 0 (none) to 100."""
    if isinstance(weight, bool) or not isinstance(weight, int) or not 0 <= weight <= 100:
        raise InvalidValue("coding.weight", weight=weight)
    return weight


def _check_span(text: str, start: int, end: int, document: str) -> None:
    if not 0 <= start < end <= len(text):
        raise InvalidValue("coding.span_outside", start=start, end=end, document=document, length=len(text))


def add_coding_in(
    w: Writer,
    document: str,
    start: int,
    end: int,
    code_path: str | CodeRow,
    coder: str,
    *,
    memo: str = "",
    origin: str = "manual",
    weight: int = 0,
) -> str:
    """Add one coding inside an open transaction; returns its GUID. ``code_path`` may be a code
    already looked up, which saves the lookup in bulk imports."""
    check_weight(weight)
    doc = document_row(w.store, document)
    _check_span(doc["text"], start, end, doc["name"])
    code = code_path if isinstance(code_path, CodeRow) else find_code(w.store, code_path)
    cid = coder_id(w, coder)
    twin = w.store.one(
        "SELECT guid FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? "
        'AND start = ? AND "end" = ?',
        (doc["id"], code.id, cid, start, end),
    )
    if twin:
        raise Conflict(
            "coding.duplicate", coder=coder, document=doc["name"], start=start, end=end, code=code.path
        )
    guid = new_guid()
    stamp = now()
    row = {
        "guid": guid,
        "document_id": doc["id"],
        "code_id": code.id,
        "coder_id": cid,
        "start": start,
        "end": end,
        "text": doc["text"][start:end],
        "memo": memo,
        "origin": origin,
        "created_at": stamp,
        "updated_at": stamp,
    }
    if weight:
        row["weight"] = weight
    w.insert("codings", row)
    w.event(
        "add",
        "coding",
        guid,
        {
            "document": doc["name"],
            "code": code.path,
            "code_guid": code.guid,
            "coder": coder,
            "start": start,
            "end": end,
            "memo": memo,
            "origin": origin,
            **({"weight": weight} if weight else {}),
        },
    )
    return guid


def add_coding(
    store: Store,
    document: str,
    start: int,
    end: int,
    code_path: str,
    *,
    coder: str,
    memo: str = "",
    origin: str = "manual",
    actor: str | None = None,
    weight: int = 0,
) -> Coding:
    """Add one coding of ``coder`` as its own transaction and return it. ``actor`` (default: the
    coder) is who acts; adding a coding for another coder is a lead's action, logged with the lead
    as actor."""
    actor = coder if actor is None else actor
    require_writer_for(store, actor, coder, "add codings")
    with store.write(actor) as w:
        guid = add_coding_in(
            w, document, start, end, code_path, coder, memo=memo, origin=origin, weight=weight
        )
        return get_coding(store, guid)  # read under the lock: another writer may delete it next


def _row(store: Store, guid: str) -> dict[str, Any]:
    row = store.one("SELECT * FROM codings WHERE guid = ?", (guid.upper(),))
    if row is None:
        raise NotFound("coding.not_found", guid=guid)
    return row


def update_coding(
    store: Store,
    guid: str,
    *,
    actor: str,
    expected_version: int,
    start: int | None = None,
    end: int | None = None,
    code_path: str | None = None,
    memo: str | None = None,
    weight: int | None = None,
) -> Coding:
    """Change span, code, memo or weight of a coding; refused if it changed since
    ``expected_version``."""
    if weight is not None:
        check_weight(weight)
    require_coding_owner(store, actor, guid, "change codings")
    with store.write(actor) as w:
        row = _row(store, guid)
        if row["version"] != expected_version:
            raise Conflict(
                "coding.changed_elsewhere_version", guid=guid, version=row["version"], seen=expected_version
            )
        doc = store.one("SELECT name, text FROM documents WHERE id = ?", (row["document_id"],)) or {}
        new_start = row["start"] if start is None else start
        new_end = row["end"] if end is None else end
        _check_span(doc["text"], new_start, new_end, doc["name"])
        new = {
            "start": new_start,
            "end": new_end,
            "code_id": row["code_id"] if code_path is None else code_by_path(store, code_path).id,
            "memo": row["memo"] if memo is None else memo,
            "text": doc["text"][new_start:new_end],
            "weight": row["weight"] if weight is None else weight,
        }
        changed = {k: v for k, v in new.items() if row[k] != v}
        twin = store.one(
            "SELECT guid FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? "
            'AND "end" = ? AND id <> ?',
            (row["document_id"], new["code_id"], row["coder_id"], new_start, new_end, row["id"]),
        )
        if twin:
            raise Conflict("coding.duplicate_same_coder", document=doc["name"], start=new_start, end=new_end)
        if changed:
            w.update("codings", row["id"], changed, bump_version=True)
            w.event(
                "update", "coding", row["guid"], {"before": {k: row[k] for k in changed}, "after": changed}
            )
        # read before the commit: once it is in, another writer may delete the coding at once, and a
        # NotFound would tell the caller that a change which is stored had failed
        return get_coding(store, guid)


def delete_coding(store: Store, guid: str, *, actor: str, expected_version: int | None = None) -> None:
    """Delete a coding (the event keeps everything needed to restore it)."""
    require_coding_owner(store, actor, guid, "delete codings")
    with store.write(actor) as w:
        row = _row(store, guid)
        if expected_version is not None and row["version"] != expected_version:
            raise Conflict("coding.changed_elsewhere", guid=guid)
        w.execute("DELETE FROM codings WHERE id = ?", (row["id"],))
        w.event("delete", "coding", row["guid"], {"before": {k: v for k, v in row.items() if k != "id"}})


_SELECT = (
    'SELECT c.guid, d.name AS document, c.code_id, c.start, c."end", c.text, k.name AS coder, '
    "c.memo, c.created_at, c.updated_at, c.version, c.weight FROM codings c "
    "JOIN documents d ON d.id = c.document_id JOIN coders k ON k.id = c.coder_id"
)


def list_codings(
    store: Store,
    *,
    document: str | None = None,
    coder: str | None = None,
    code: str | None = None,
    min_weight: int | None = None,
) -> list[Coding]:
    """Codings in document order, optionally of one document, coder or code (with subcodes), or
    with at least ``min_weight``."""
    where: list[str] = []
    params: list[Any] = []
    if min_weight is not None:
        where.append("c.weight >= ?")
        params.append(check_weight(min_weight))
    if document is not None:
        where.append("c.document_id = ?")
        params.append(document_row(store, document)["id"])
    if coder is not None:
        where.append("k.name = ?")
        params.append(coder)
    codes = list_codes(store)
    paths = {c.id: c.path for c in codes}
    if code is not None:
        root = code_by_path(store, code)
        ids = [c.id for c in codes if c.id == root.id or c.path.startswith(root.path + "/")]
        where.append(f"c.code_id IN ({','.join('?' for _ in ids)})")
        params.extend(ids)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += ' ORDER BY d.name, c.start, c."end", k.name'
    return [
        Coding(
            r["guid"],
            r["document"],
            paths[r["code_id"]],
            r["start"],
            r["end"],
            r["text"],
            r["coder"],
            r["memo"],
            r["created_at"],
            r["updated_at"],
            r["weight"],
        )
        for r in store.query(sql, tuple(params))
    ]


def get_coding(store: Store, guid: str) -> Coding:
    row = store.one(_SELECT + " WHERE c.guid = ?", (guid.upper(),))
    if row is None:
        raise NotFound("coding.not_found", guid=guid)
    path = code_path_of(store, row["code_id"])
    return Coding(
        row["guid"],
        row["document"],
        path,
        row["start"],
        row["end"],
        row["text"],
        row["coder"],
        row["memo"],
        row["created_at"],
        row["updated_at"],
        row["weight"],
    )


def code_path_of(store: Store, code_id: int) -> str:
    return next(c.path for c in code_tree(store) if c.id == code_id)


def coding_version(store: Store, guid: str) -> int:
    return int(_row(store, guid)["version"])


def codings_as_rows(codings: Iterable[Coding]) -> list[dict[str, Any]]:
    return [{k: getattr(c, k) for k in (*EXPORT_COLUMNS, "guid", "created_at", "weight")} for c in codings]


def write_codings(codings: Iterable[Coding], fmt: str, out: IO[str]) -> int:
    """Write codings as ``csv`` or ``json`` (columns document, code_path, start, end, text, coder,
    memo, guid, created_at, weight). Returns the number written."""
    rows = codings_as_rows(codings)
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        from toolkit.exports.style import csv_cell  # texts a spreadsheet would run as a formula: inert

        writer = csv.DictWriter(
            out, fieldnames=[*EXPORT_COLUMNS, "guid", "created_at", "weight"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in r.items()} for r in rows)
    else:
        raise InvalidValue("format.unsupported", format=fmt, choices="csv, json")
    return len(rows)

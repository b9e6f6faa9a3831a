"""Codings: ``(document, start, end, code, coder)`` with a copy of the coded text and a memo.

Offsets are Python ``str`` indices into the stored document text. Changes are optimistic: an update
or delete names the version it saw, and a coding changed by someone else in between is refused
instead of overwritten.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import IO, Any

from toolkit.cells import csv_cell
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
    """Add one coding inside an open transaction (:func:`insert_codings`); returns its GUID.
    ``code_path`` may be a code already looked up, which saves the lookup in bulk imports."""
    check_weight(weight)
    doc = document_row(w.store, document)
    code = code_path if isinstance(code_path, CodeRow) else find_code(w.store, code_path)
    item = NewCoding(int(doc["id"]), code, coder.strip(), start, end, memo=memo, origin=origin, weight=weight)
    return str(insert_codings(w, [item])[0])


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
        update_coding_in(
            w,
            row,
            start=start,
            end=end,
            code_id=None if code_path is None else code_by_path(store, code_path).id,
            memo=memo,
            weight=weight,
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
        delete_coding_in(w, row)


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
        writer = csv.DictWriter(
            out, fieldnames=[*EXPORT_COLUMNS, "guid", "created_at", "weight"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in r.items()} for r in rows)
    else:
        raise InvalidValue("format.unsupported", format=fmt, choices="csv, json")
    return len(rows)


# -- the one write path --------------------------------------------------------------------------
#
# Every coding that is added, changed or removed goes through insert_codings, update_coding_in or
# delete_coding_in (the workbench, suggestions, autocoding, consensus, REFI-QDA and Taguette imports,
# undo/redo, code merges and pseudonymisation), so the rules live here once: the span lies inside
# the document, the coded text is the document's text there, one coder has a code on a span once,
# the actor may write codings of that coder, every change bumps the version and is an event.


@dataclass(frozen=True)
class NewCoding:
    """A coding to add: ``guid``/``created_at``/``updated_at`` are kept when given (imports, undo)."""

    document_id: int
    code: CodeRow
    coder: str
    start: int
    end: int
    memo: str = ""
    origin: str = "manual"
    guid: str = ""
    created_at: str = ""
    updated_at: str = ""
    version: int = 1
    weight: int = 0


def _document(store: Store, document_id: int) -> dict[str, Any]:
    row = store.one("SELECT id, name, text FROM documents WHERE id = ?", (document_id,))
    if row is None:
        raise NotFound("document.gone", id=document_id)
    return row


def _twin(store: Store, row: Mapping[str, Any], not_id: int | None = None) -> dict[str, Any] | None:
    """The coding of the same coder with the same code on the same span, other than ``not_id``."""
    return store.one(
        "SELECT id, guid FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? "
        'AND "end" = ? AND id <> ?',
        (row["document_id"], row["code_id"], row["coder_id"], row["start"], row["end"], not_id or 0),
    )


_STORED = (
    'SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? AND "end" = ?'
)


def insert_codings(
    w: Writer, items: Iterable[NewCoding], *, action: str = "add", present: str = "refuse", log: bool = True
) -> list[str | None]:
    """Add codings inside an open transaction (one statement for all rows); returns their GUIDs in
    order. A coding the coder already has (same document, code and span) is refused, or with
    ``present="skip"`` left out (None in its place). ``action`` names the events (``add``,
    ``import``); ``log=False`` leaves the event to the caller (undo and redo log their own)."""
    store = w.store
    docs: dict[int, dict[str, Any]] = {}
    batch: set[tuple[int, int, int, int, int]] = set()  # the keys added by this call so far
    coders: dict[str, int] = {}
    rows: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []
    out: list[str | None] = []
    taken: set[str] = set()
    stamp = now()
    for item in items:
        if item.coder not in coders:
            coders[item.coder] = coder_id(w, item.coder)  # refuses an empty name first
            require_writer_for(store, w.actor, item.coder, "add codings")
        cid = coders[item.coder]
        if item.document_id not in docs:
            docs[item.document_id] = _document(store, item.document_id)
        doc = docs[item.document_id]
        _check_span(doc["text"], item.start, item.end, doc["name"])
        key = (item.document_id, item.code.id, cid, item.start, item.end)
        if key in batch or store.conn.execute(_STORED, key).fetchone():  # one indexed look-up each
            if present == "skip":
                out.append(None)
                continue
            raise Conflict(
                "coding.duplicate",
                coder=item.coder,
                document=doc["name"],
                start=item.start,
                end=item.end,
                code=item.code.path,
            )
        batch.add(key)
        guid = item.guid.upper() if item.guid else new_guid()
        if guid in taken or (item.guid and store.one("SELECT 1 AS x FROM codings WHERE guid = ?", (guid,))):
            guid = new_guid()  # a GUID taken by another coding: the new one gets its own
        taken.add(guid)
        created = item.created_at or stamp
        rows.append(
            (
                guid,
                item.document_id,
                item.code.id,
                cid,
                item.start,
                item.end,
                doc["text"][item.start : item.end],
                item.memo,
                item.origin,
                created,
                item.updated_at or created,
                item.version,
                check_weight(item.weight),
            )
        )
        payload = {
            "document": doc["name"],
            "code": item.code.path,
            "code_guid": item.code.guid,
            "coder": item.coder,
            "start": item.start,
            "end": item.end,
            "memo": item.memo,
            "origin": item.origin,
            **({"weight": item.weight} if item.weight else {}),
        }
        if log:
            events.append((stamp, w.actor, action, "coding", guid, json.dumps(payload, ensure_ascii=False)))
        out.append(guid)
    w.store.conn.executemany(
        'INSERT INTO codings (guid, document_id, code_id, coder_id, start, "end", text, memo, origin, '
        "created_at, updated_at, version, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    w.store.conn.executemany(
        "INSERT INTO events (at, actor, action, entity, guid, payload) VALUES (?, ?, ?, ?, ?, ?)", events
    )
    return out


def update_coding_in(
    w: Writer,
    row: Mapping[str, Any],
    *,
    start: int | None = None,
    end: int | None = None,
    code_id: int | None = None,
    memo: str | None = None,
    weight: int | None = None,
    action: str = "update",
    twin: str = "refuse",
    log: bool = True,
    before: Mapping[str, Any] | None = None,
) -> str:
    """Change span, code or memo of the coding ``row`` (as stored) inside an open transaction; the
    coded text follows the span. A change that makes it equal to another coding of the coder is
    refused, or with ``twin="merge"`` the coding is removed in favour of that one. Returns the GUID
    that holds the result. ``action`` names the event (``update``, ``pseudonymise``); its payload
    never holds the coded text or memo of a pseudonymised document (only that they were replaced).
    ``before``: the values the change is measured against when ``row`` was moved aside inside this
    transaction (pseudonymisation)."""
    doc = _document(w.store, int(row["document_id"]))
    new_start = int(row["start"]) if start is None else start
    new_end = int(row["end"]) if end is None else end
    _check_span(doc["text"], new_start, new_end, doc["name"])
    new = {
        "start": new_start,
        "end": new_end,
        "code_id": row["code_id"] if code_id is None else code_id,
        "memo": row["memo"] if memo is None else memo,
        "text": doc["text"][new_start:new_end],
        "weight": row["weight"] if weight is None else check_weight(weight),
    }
    other = _twin(w.store, {**row, **new}, not_id=int(row["id"]))
    if other is not None:
        if twin != "merge":
            raise Conflict("coding.duplicate_same_coder", document=doc["name"], start=new_start, end=new_end)
        removal = action if action == "pseudonymise" else "delete"
        delete_coding_in(w, row, action=removal, note={"merged_into": other["guid"]}, log=log)
        return str(other["guid"])
    base = before if before is not None else row
    changed = {k: v for k, v in new.items() if base[k] != v}
    written = {k: v for k, v in new.items() if row[k] != v}
    if written:
        w.update("codings", int(row["id"]), written, bump_version=bool(changed))
    if changed and log:
        hidden = {"text", "memo"} if action == "pseudonymise" else set()  # they held the real names
        shown = [k for k in changed if k not in hidden]
        payload: dict[str, Any] = {
            "before": {k: base[k] for k in shown},
            "after": {k: changed[k] for k in shown},
        }
        payload.update({f"{k}_replaced": True for k in changed if k in hidden})
        w.event(action, "coding", row["guid"], payload)
    return str(row["guid"])


def delete_coding_in(
    w: Writer,
    row: Mapping[str, Any],
    *,
    action: str = "delete",
    note: Mapping[str, Any] | None = None,
    log: bool = True,
) -> None:
    """Remove the coding ``row`` inside an open transaction; the event keeps the whole row (so undo
    can restore it), except the coded text of a pseudonymised document."""
    w.execute("DELETE FROM codings WHERE id = ?", (row["id"],))
    if log:
        hidden = {"id"} | ({"text", "memo"} if action == "pseudonymise" else set())
        before = {k: v for k, v in row.items() if k not in hidden}
        w.event(action, "coding", row["guid"], {"before": before, **(note or {})})


def set_aside_codings_in(w: Writer, document_id: int, by: int) -> None:
    """Shift every coding of a document by ``by`` inside an open transaction, without an event: the
    first half of moving many spans at once (pseudonymisation), so that no two collide on the unique
    index while :func:`update_coding_in` puts each at its new place (and logs it)."""
    w.execute(
        'UPDATE codings SET start = start + ?, "end" = "end" + ? WHERE document_id = ?', (by, by, document_id)
    )

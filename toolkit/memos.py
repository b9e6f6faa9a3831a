"""Memos: free notes of a coder on a document or on a code (codings carry their own memo), and
the overview of every memo of the project."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.coders import coder_id
from toolkit.codes import find_code, list_codes
from toolkit.documents import document_row
from toolkit.errors import InvalidValue, NotFound
from toolkit.permissions import require_user, require_writer_for
from toolkit.qca.undo import replay
from toolkit.store import Store, Writer, new_guid, now


def document_memo(store: Store, document: str, coder: str) -> str:
    """The coder's memo on a document ('' when there is none)."""
    doc = document_row(store, document)
    row = store.one(
        "SELECT m.text FROM memos m JOIN coders k ON k.id = m.coder_id "
        "WHERE m.document_id = ? AND m.code_id IS NULL AND k.name = ?",
        (doc["id"], coder),
    )
    return str(row["text"]) if row else ""


def set_document_memo(store: Store, document: str, coder: str, text: str) -> None:
    """Create, change or (with empty text) delete the coder's memo on a document."""
    require_user(store, coder, "write memos")
    doc = document_row(store, document)
    with store.write(coder) as w:
        cid = coder_id(w, coder)
        row = store.one(
            "SELECT id, guid, text FROM memos WHERE document_id = ? AND code_id IS NULL AND coder_id = ?",
            (doc["id"], cid),
        )
        if row and not text.strip():
            w.execute("DELETE FROM memos WHERE id = ?", (row["id"],))
            w.event("delete", "memo", row["guid"], {"before": row["text"], "document": doc["name"]})
        elif row:
            w.execute("UPDATE memos SET text = ?, updated_at = ? WHERE id = ?", (text, now(), row["id"]))
            w.event("update", "memo", row["guid"], {"before": row["text"], "after": text})
        elif text.strip():
            guid = new_guid()
            w.insert(
                "memos",
                {
                    "guid": guid,
                    "coder_id": cid,
                    "document_id": doc["id"],
                    "text": text,
                    "created_at": now(),
                    "updated_at": now(),
                },
            )
            w.event("add", "memo", guid, {"document": doc["name"], "text": text})


# --- code memos (issue 20): what a code means in this project, decisions, open questions ----------

CODE_MEMO = "code_memo"  # entity of their events (document memos log as "memo")
MEMO_KINDS = ("document", "code", "coding", "summary")
MAX_MEMO = 50_000


def code_memo(store: Store, code_path: str, coder: str) -> str:
    """The coder's memo on a code ('' when there is none)."""
    code = find_code(store, code_path)
    row = store.one(
        "SELECT m.text FROM memos m JOIN coders k ON k.id = m.coder_id "
        "WHERE m.code_id = ? AND m.document_id IS NULL AND k.name = ?",
        (code.id, coder),
    )
    return str(row["text"]) if row else ""


def _put_code_memo(w: Writer, code_id: int, coder_id: int, text: str) -> str | None:
    row = w.store.one(
        "SELECT id, guid FROM memos WHERE code_id = ? AND document_id IS NULL AND coder_id = ?",
        (code_id, coder_id),
    )
    if row and not text:
        w.execute("DELETE FROM memos WHERE id = ?", (row["id"],))
        return str(row["guid"])
    if row:
        w.update("memos", row["id"], {"text": text})
        return str(row["guid"])
    if not text:
        return None
    guid = new_guid()
    stamp = now()
    w.insert(
        "memos",
        {
            "guid": guid,
            "coder_id": coder_id,
            "code_id": code_id,
            "text": text,
            "created_at": stamp,
            "updated_at": stamp,
        },
    )
    return guid


def set_code_memo(store: Store, code_path: str, text: str, *, coder: str, actor: str | None = None) -> str:
    """Write (empty text: delete) ``coder``'s memo on a code as one logged, undoable change;
    returns the text as stored. Writing for another coder is a lead's action."""
    actor = coder if actor is None else actor
    require_writer_for(store, actor, coder, "write code memos")
    if len(text) > MAX_MEMO:
        raise InvalidValue("memo.too_long", length=len(text), limit=MAX_MEMO)
    text = text.strip()
    code = find_code(store, code_path)
    with store.write(actor) as w:
        cid = coder_id(w, coder)
        old = code_memo(store, code.path, coder)
        guid = _put_code_memo(w, code.id, cid, text)
        if guid is not None and old != text:
            action = "add" if not old else ("delete" if not text else "update")
            w.event(
                action,
                CODE_MEMO,
                guid,
                {"code": code.path, "code_guid": code.guid, "coder": coder, "before": old, "after": text},
            )
    return text


def _apply_code_memo(w: Writer, event: dict[str, Any], inverse: bool) -> None:
    p = event["payload"]
    code = w.store.one("SELECT id FROM codes WHERE guid = ?", (p["code_guid"],))
    coder = w.store.one("SELECT id FROM coders WHERE name = ?", (p["coder"],))
    if code is None or coder is None:
        raise NotFound("memo.code_gone")
    _put_code_memo(w, int(code["id"]), int(coder["id"]), p["before"] if inverse else p["after"])


def undo_code_memo(store: Store, actor: str) -> dict[str, Any] | None:
    """Reverse the actor's newest code memo change; its event payload, None when none is left."""
    require_user(store, actor, "undo changes")
    event = replay(store, actor, CODE_MEMO, _apply_code_memo, inverse=True)
    return None if event is None else dict(event["payload"])


@dataclass(frozen=True)
class MemoEntry:
    """One memo of the overview: a document, code or coding memo, or a summary."""

    kind: str  # one of MEMO_KINDS
    author: str
    document: str
    code_path: str
    text: str
    updated_at: str
    where: str = ""  # a coding's span, "start-end"


def list_memos(
    store: Store, *, kinds: Sequence[str] = MEMO_KINDS, author: str | None = None, search: str = ""
) -> list[MemoEntry]:
    """Every memo of the project (document, code, coding memos and summaries), newest first;
    ``kinds`` and ``author`` filter, ``search`` keeps those whose text, document or code contains
    it (case ignored)."""
    unknown = [k for k in kinds if k not in MEMO_KINDS]
    if unknown:
        raise InvalidValue("memo.type_unknown", type=unknown[0], choices=MEMO_KINDS)
    paths = {c.id: c.path for c in list_codes(store)}
    out: list[MemoEntry] = []
    if "document" in kinds or "code" in kinds:
        for r in store.query(
            "SELECT m.text, m.code_id, m.updated_at, d.name AS document, coalesce(k.name, '') AS author "
            "FROM memos m LEFT JOIN documents d ON d.id = m.document_id "
            "LEFT JOIN coders k ON k.id = m.coder_id"
        ):
            kind = "document" if r["document"] is not None else "code"
            if kind in kinds and (kind == "document" or r["code_id"] is not None):
                out.append(
                    MemoEntry(
                        kind,
                        r["author"],
                        r["document"] or "",
                        paths.get(r["code_id"], ""),
                        r["text"],
                        r["updated_at"],
                    )
                )
    if "coding" in kinds:
        for r in store.query(
            'SELECT c.memo, c.code_id, c.start, c."end", c.updated_at, d.name AS document, k.name AS author '
            "FROM codings c JOIN documents d ON d.id = c.document_id JOIN coders k ON k.id = c.coder_id "
            "WHERE c.memo <> ''"
        ):
            out.append(
                MemoEntry(
                    "coding",
                    r["author"],
                    r["document"],
                    paths.get(r["code_id"], ""),
                    r["memo"],
                    r["updated_at"],
                    f"{r['start']}-{r['end']}",
                )
            )
    if "summary" in kinds:
        for r in store.query(
            "SELECT s.text, s.code_id, s.updated_at, d.name AS document, k.name AS author FROM summaries s "
            "JOIN documents d ON d.id = s.document_id JOIN coders k ON k.id = s.coder_id"
        ):
            out.append(
                MemoEntry(
                    "summary",
                    r["author"],
                    r["document"],
                    paths.get(r["code_id"], ""),
                    r["text"],
                    r["updated_at"],
                )
            )
    if author is not None:
        out = [m for m in out if m.author == author]
    needle = search.strip().casefold()
    if needle:
        out = [m for m in out if needle in f"{m.text}\n{m.document}\n{m.code_path}".casefold()]
    out.sort(key=lambda m: m.updated_at, reverse=True)
    return out

"""Memos: free notes of a coder on a document (codings carry their own memo)."""

from __future__ import annotations

from toolkit.accounts import require_user
from toolkit.codings import coder_id
from toolkit.documents import document_row
from toolkit.store import Store, new_guid, now


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

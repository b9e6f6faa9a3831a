"""Who has coded which document: a coder's codings there, or their mark "fertig kodiert" (done).

The done mark lets a coder say "I read this document and found nothing to code" so that the
document still counts as coded by them, e.g. for the scope of an agreement run
(:func:`coded_by`). A coder marks their own documents; the consensus coder's marks are a lead's.
"""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.coders import coder_id
from toolkit.documents import document_row
from toolkit.permissions import require_coder
from toolkit.store import Store, now


def set_done(store: Store, document: str, coder: str, *, actor: str, done: bool = True) -> bool:
    """Mark (or with ``done=False`` unmark) ``document`` as done by ``coder``; True when this
    changed anything. One event per change."""
    require_coder(store, actor, coder, "mark documents as done")
    doc = document_row(store, document)
    with store.write(actor) as w:
        cid = coder_id(w, coder)
        present = w.execute(
            "SELECT 1 FROM done_marks WHERE document_id = ? AND coder_id = ?", (doc["id"], cid)
        ).fetchone()
        if bool(present) == done:
            return False
        if done:
            w.insert(
                "done_marks",
                {"document_id": doc["id"], "coder_id": cid, "marked_by": actor, "marked_at": now()},
            )
        else:
            w.execute("DELETE FROM done_marks WHERE document_id = ? AND coder_id = ?", (doc["id"], cid))
        w.event(
            "mark" if done else "unmark",
            "done_mark",
            str(doc["guid"]),
            {"document": doc["name"], "coder": coder.strip()},
        )
    return True


def done_marks(store: Store) -> dict[str, tuple[str, ...]]:
    """``{document: (coders who marked it done, sorted)}`` for documents with a mark."""
    out: dict[str, list[str]] = {}
    for doc, coder in store.conn.execute(
        "SELECT d.name, k.name FROM done_marks m JOIN documents d ON d.id = m.document_id "
        "JOIN coders k ON k.id = m.coder_id ORDER BY d.name, k.name"
    ):
        out.setdefault(doc, []).append(coder)
    return {doc: tuple(coders) for doc, coders in out.items()}


def coded_by(store: Store, coders: Sequence[str]) -> dict[str, frozenset[str]]:
    """``{document: those of coders who coded it}``: at least one coding there (any code) or a done
    mark. Documents none of them coded are absent. One indexed look-up per document and coder (it
    stops at the first coding), so that a project of a million codings is not read whole."""
    if not coders:
        return {}
    ids = {
        int(r[0]): str(r[1])
        for r in store.conn.execute(
            f"SELECT id, name FROM coders WHERE name IN ({', '.join('?' for _ in coders)})", list(coders)
        )
    }
    out: dict[str, set[str]] = {}
    for doc_id, doc in store.conn.execute("SELECT id, name FROM documents ORDER BY name").fetchall():
        for kid, coder in ids.items():
            if store.conn.execute(
                "SELECT EXISTS (SELECT 1 FROM codings WHERE document_id = ? AND coder_id = ?) "
                "OR EXISTS (SELECT 1 FROM done_marks WHERE document_id = ? AND coder_id = ?)",
                (doc_id, kid, doc_id, kid),
            ).fetchone()[0]:
                out.setdefault(doc, set()).add(coder)
    return {doc: frozenset(names) for doc, names in out.items()}

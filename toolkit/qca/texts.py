"""What coders write about documents (summaries; later paraphrases and memos) as seen by
pseudonymisation: ``pseudonyms propose`` looks for names in it, ``pseudonyms apply`` replaces them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from toolkit.codes import code_tree
from toolkit.qca.summaries import _segments, fingerprint
from toolkit.store import Store, Writer


def written_texts(store: Store, document_ids: Sequence[int] | None = None) -> list[tuple[int, str]]:
    """``(document id, text)`` of every summary (of ``document_ids``: only those documents')."""
    sql = "SELECT document_id, text FROM summaries"
    params: tuple[int, ...] = ()
    if document_ids is not None:
        sql += f" WHERE document_id IN ({','.join('?' for _ in document_ids)})"
        params = tuple(document_ids)
    return [(int(r["document_id"]), str(r["text"])) for r in store.query(sql, params)]


def pseudonymise_written(w: Writer, document_id: int, replace: Callable[[str], str]) -> int:
    """Replace names in the summaries of a document (which has just been pseudonymised) and take
    their segments as they now read, so they are not marked changed. Returns how many changed."""
    store = w.store
    codes = {c.id: c for c in code_tree(store)}
    changed = 0
    for r in store.query(
        "SELECT s.id, s.guid, s.code_id, s.text, k.name AS coder FROM summaries s "
        "JOIN coders k ON k.id = s.coder_id WHERE s.document_id = ?",
        (document_id,),
    ):
        new = replace(r["text"])
        segments = fingerprint(
            _segments(store, codes[r["code_id"]], r["coder"], document_id).get(document_id, [])
        )
        w.execute("UPDATE summaries SET text = ?, segments = ? WHERE id = ?", (new, segments, r["id"]))
        if new != r["text"]:
            changed += 1
            w.event("pseudonymise", "summary", r["guid"], {"text_replaced": True})
    return changed

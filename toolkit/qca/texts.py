"""What coders write about documents (summaries, document memos, coding memos) as seen by
pseudonymisation: ``pseudonyms propose`` looks for names in it, ``pseudonyms apply`` replaces them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from toolkit.codes import code_tree
from toolkit.qca.summaries import _segments, fingerprint
from toolkit.store import Store, Writer


def written_texts(store: Store, document_ids: Sequence[int] | None = None) -> list[tuple[int, str]]:
    """``(document id, text)`` of every summary, document memo and coding memo (of
    ``document_ids``: only those documents')."""
    out: list[tuple[int, str]] = []
    for table, column in (("summaries", "text"), ("memos", "text"), ("codings", "memo")):
        sql = (
            f"SELECT document_id, {column} AS body FROM {table} "
            f"WHERE document_id IS NOT NULL AND {column} <> ''"
        )
        params: tuple[int, ...] = ()
        if document_ids is not None:
            sql += f" AND document_id IN ({','.join('?' for _ in document_ids)})"
            params = tuple(document_ids)
        out += [(int(r["document_id"]), str(r["body"])) for r in store.query(sql, params)]
    return out


def pseudonymise_written(w: Writer, document_id: int, replace: Callable[[str], str]) -> int:
    """Replace names in the summaries, document memos and coding memos of a document (which has just
    been pseudonymised) and take the summaries' segments as they now read, so they are not marked
    changed. Returns how many texts changed."""
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
    for table, column, entity in (("memos", "text", "memo"), ("codings", "memo", "coding")):
        for r in store.query(
            f"SELECT id, guid, {column} AS body FROM {table} WHERE document_id = ? AND {column} <> ''",
            (document_id,),
        ):
            new = replace(r["body"])
            if new != r["body"]:
                bump = ", version = version + 1" if table == "codings" else ""  # others saw the old memo
                w.execute(f"UPDATE {table} SET {column} = ?{bump} WHERE id = ?", (new, r["id"]))
                w.event("pseudonymise", entity, r["guid"], {"memo_replaced": True})
                changed += 1
    return changed

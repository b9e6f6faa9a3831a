"""What coders write (summaries, paraphrases, document memos, coding memos on a document; code memos
and paraphrase group names on none) as seen by pseudonymisation: ``pseudonyms propose`` looks for
names in it, ``pseudonyms apply`` replaces them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from toolkit.codes import code_tree
from toolkit.codings import update_coding_in
from toolkit.qca.summaries import fingerprint, summary_segments
from toolkit.store import Store, Writer

_ON_DOCUMENTS = (("summaries", "text"), ("paraphrases", "text"), ("memos", "text"), ("codings", "memo"))
# texts on no document: (table, column, condition, entity of their events)
_UNATTACHED = (
    ("memos", "text", "document_id IS NULL AND code_id IS NOT NULL", "code_memo"),
    ("paraphrase_groups", "name", "1", "paraphrase_group"),
)


def written_texts(store: Store, document_ids: Sequence[int] | None = None) -> list[tuple[int, str]]:
    """``(document id, text)`` of every summary, paraphrase, document memo and coding memo (of
    ``document_ids``: only those documents')."""
    out: list[tuple[int, str]] = []
    for table, column in _ON_DOCUMENTS:
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


def unattached_texts(store: Store) -> list[tuple[str, str, str]]:
    """Texts that belong to no document, as ``(kind, where, text)``: code memos (``code_memo``, the
    code's path) and the names of paraphrase groups (``paraphrase_group``, the group's name)."""
    paths = {c.id: c.path for c in code_tree(store)}
    out: list[tuple[str, str, str]] = []
    for table, column, where, entity in _UNATTACHED:
        for r in store.query(f"SELECT * FROM {table} WHERE {where} AND {column} <> ''"):
            body = str(r[column])
            place = paths.get(r["code_id"], "") if entity == "code_memo" else body
            out.append((entity, place, body))
    return out


def pseudonymise_unattached(w: Writer, replace: Callable[[str], str]) -> int:
    """Replace names in code memos and paraphrase group names; returns how many changed."""
    changed = 0
    for table, column, where, entity in _UNATTACHED:
        for r in w.store.query(f"SELECT id, guid, {column} AS body FROM {table} WHERE {where}"):
            new = replace(r["body"])
            if new != r["body"]:
                w.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (new, r["id"]))
                w.event("pseudonymise", entity, r["guid"], {f"{column}_replaced": True})
                changed += 1
    return changed


def pseudonymise_written(w: Writer, document_id: int, replace: Callable[[str], str]) -> int:
    """Replace names in the summaries, paraphrases, document memos and coding memos of a document
    (which has just been pseudonymised) and take the summaries' segments as they now read, so they
    are not marked changed. Returns how many texts changed."""
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
            summary_segments(store, codes[r["code_id"]], r["coder"], document_id).get(document_id, [])
        )
        w.execute("UPDATE summaries SET text = ?, segments = ? WHERE id = ?", (new, segments, r["id"]))
        if new != r["text"]:
            changed += 1
            w.event("pseudonymise", "summary", r["guid"], {"text_replaced": True})
    for table, entity in (("paraphrases", "paraphrase"), ("memos", "memo")):
        for r in store.query(
            f"SELECT id, guid, text FROM {table} WHERE document_id = ? AND text <> ''", (document_id,)
        ):
            new = replace(r["text"])
            if new != r["text"]:
                w.execute(f"UPDATE {table} SET text = ? WHERE id = ?", (new, r["id"]))
                said = "memo_replaced" if table == "memos" else "text_replaced"
                w.event("pseudonymise", entity, r["guid"], {said: True})
                changed += 1
    for row in store.query("SELECT * FROM codings WHERE document_id = ? AND memo <> ''", (document_id,)):
        new = replace(row["memo"])
        if new != row["memo"]:  # through the one write path: a new version, others saw the old memo
            update_coding_in(w, row, memo=new, action="pseudonymise")
            changed += 1
    return changed

"""Rejected suggestions (table ``suggestion_feedback``) and the one filter of what a coder is offered:
never a suggestion the coder rejected, never a code the coder already has on an overlapping span."""

from __future__ import annotations

from collections.abc import Iterable

from toolkit.codings import code_path_of, list_codings
from toolkit.documents import document_row
from toolkit.store import Store
from toolkit.suggest.types import Rejection, Suggestion


def rejections(store: Store, coder: str | None = None, document: str | None = None) -> list[Rejection]:
    """The rejected suggestions, of one coder and/or document, in document order."""
    where, params = ["f.decision = 'reject'"], []
    if coder is not None:
        where.append("k.name = ?")
        params.append(coder)
    if document is not None:
        where.append("f.document_id = ?")
        params.append(document_row(store, document)["id"])
    rows = store.query(
        'SELECT d.name AS document, f.start, f."end", f.code_id, k.name AS coder FROM suggestion_feedback f '
        "JOIN documents d ON d.id = f.document_id JOIN coders k ON k.id = f.coder_id "
        f'WHERE {" AND ".join(where)} ORDER BY d.name, f.start, f."end", k.name',
        tuple(params),
    )
    return [
        Rejection(r["document"], r["start"], r["end"], code_path_of(store, r["code_id"]), r["coder"])
        for r in rows
    ]


def drop_rejected(
    store: Store, coder: str, document: str, suggestions: Iterable[Suggestion]
) -> list[Suggestion]:
    """``suggestions`` without those ``coder`` rejected (same unit and code), order kept."""
    gone = {(r.start, r.end, r.code_path) for r in rejections(store, coder=coder, document=document)}
    return [s for s in suggestions if (s.start, s.end, s.code_path) not in gone]


def unseen(store: Store, coder: str, document: str, suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """``suggestions`` without those ``coder`` rejected and without units where the coder already has
    that code on an overlapping span (accepted ones included), order kept: the one filter of what a
    coder is offered."""
    mine: dict[str, list[tuple[int, int]]] = {}
    for c in list_codings(store, document=document, coder=coder):
        mine.setdefault(c.code_path, []).append((c.start, c.end))
    return [
        s
        for s in drop_rejected(store, coder, document, suggestions)
        if not any(a < s.end and s.start < b for a, b in mine.get(s.code_path, ()))
    ]

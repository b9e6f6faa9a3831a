"""Category building from paraphrases (Mayring's reduction): a group of paraphrases becomes a code
below a chosen parent, and every paraphrased segment is coded with it by the acting coder, in one
transaction and as one undo step. Undo removes the codings of that step and the code if the step
created it; redo brings both back with their GUIDs (:mod:`toolkit.qca.category_undo`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from toolkit.codes import SEP, find_code
from toolkit.codes_edit import add_code_in
from toolkit.codings import NewCoding, insert_codings
from toolkit.errors import Conflict, NotFound
from toolkit.permissions import require_lead, require_writer_for
from toolkit.qca.paraphrases import GROUP_ENTITY, get_group, list_paraphrases
from toolkit.store import Store


@dataclass(frozen=True)
class Category:
    """What :func:`group_to_code` did: the code (``created`` when new), the codings added and the
    segments that were coded with it already."""

    group: str
    code_path: str
    created: bool
    codings: int
    already_coded: int


def _code_or_none(store: Store, path: str) -> Any:
    try:
        found = find_code(store, path)
    except NotFound:
        return None
    return found if found.path == path else None


def group_to_code(
    store: Store,
    group: str,
    *,
    parent: str | None,
    coder: str,
    actor: str | None = None,
    name: str | None = None,
) -> Category:
    """Turn ``coder``'s group ``group`` into the code ``parent/name`` (``name``: the group's name)
    and code each of its paraphrases' spans with it for ``coder``. A new code is a change of the
    codebook (a lead's action in team mode); an existing code at that path is used as it is. One
    transaction, one undo step (:func:`toolkit.qca.paraphrases.undo_paraphrase`)."""
    actor = coder if actor is None else actor
    require_writer_for(store, actor, coder, "build categories")
    found = get_group(store, group, coder)
    if not found.paraphrases:
        raise Conflict("paraphrase.group_empty", name=found.name)
    members = [p for p in list_paraphrases(store, viewer=coder, coder=coder) if p.id in found.paraphrases]
    parent_path = (parent or "").strip().strip(SEP)
    if parent_path:
        parent_path = find_code(store, parent_path).path
    path = f"{parent_path}{SEP}{name or found.name}" if parent_path else (name or found.name)
    existing = _code_or_none(store, path)
    if existing is None:
        require_lead(store, actor, "change the codebook")
    with store.write(actor) as w:
        if existing is None:
            add_code_in(w, path)
        code = find_code(store, path)
        code_row = store.one("SELECT * FROM codes WHERE id = ?", (code.id,)) if existing is None else None
        doc_ids = {r["name"]: int(r["id"]) for r in store.query("SELECT id, name FROM documents")}
        items = [
            NewCoding(doc_ids[p.document], code, coder, p.start, p.end, origin="paraphrase") for p in members
        ]
        guids = [g for g in insert_codings(w, items, action="categorise", present="skip") if g]
        already = len(items) - len(guids)
        rows = [
            {k: v for k, v in r.items() if k != "id"}
            for r in store.query(
                f"SELECT * FROM codings WHERE guid IN ({','.join('?' for _ in guids)})", tuple(guids)
            )
        ]
        w.event(
            "categorise",
            GROUP_ENTITY,
            found.guid,
            {
                "name": found.name,
                "coder": coder,
                "code": code.path,
                "code_guid": code.guid,
                "created": existing is None,
                "code_row": code_row,
                "codings": rows,
            },
        )
    return Category(found.name, path, existing is None, len(rows), already)

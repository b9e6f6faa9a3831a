"""Category building from paraphrases (Mayring's reduction): a group of paraphrases becomes a code
below a chosen parent, and every paraphrased segment is coded with it by the acting coder, in one
transaction and as one undo step. Undo removes the codings of that step and the code if the step
created it; redo brings both back with their GUIDs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from toolkit.codes import SEP, code_tree, find_code
from toolkit.codings import NewCoding, delete_coding_in, insert_codings
from toolkit.errors import Conflict, NotFound
from toolkit.permissions import require_lead, require_writer_for
from toolkit.qca.paraphrases import GROUP_ENTITY, get_group, list_paraphrases
from toolkit.store import Store, Writer, now


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
    from toolkit.codes_edit import add_code_in

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


def apply_category(w: Writer, event: dict[str, Any], inverse: bool) -> None:
    """Undo (``inverse``) or redo a category step of :func:`group_to_code`, without an event of the
    step itself (the caller logs undo/redo); the codings and the code log their own."""
    store, p = w.store, event["payload"]
    if inverse:
        for row in p["codings"]:
            current = store.one("SELECT * FROM codings WHERE guid = ?", (row["guid"],))
            if current is None:
                continue  # deleted since by its coder: nothing to take back
            delete_coding_in(w, current, action="undo", note={"event": event["id"], "row": row})
        if p["created"]:
            code = store.one("SELECT id FROM codes WHERE guid = ?", (p["code_guid"],))
            if code is None:
                return
            used = store.one(
                "SELECT (SELECT count(*) FROM codings WHERE code_id = :id) + "
                "(SELECT count(*) FROM codes WHERE parent_id = :id) AS n",
                {"id": code["id"]},
            )
            if used and used["n"]:
                raise Conflict("paraphrase.code_in_use", path=p["code"])
            w.execute("DELETE FROM codes WHERE id = ?", (code["id"],))
            w.event("delete", "code", p["code_guid"], {"path": p["code"], "undo_of": event["id"]})
        return
    if p["created"] and not store.one("SELECT 1 AS x FROM codes WHERE guid = ?", (p["code_guid"],)):
        row = {k: v for k, v in p["code_row"].items() if k != "id"}
        row["updated_at"] = now()
        w.insert("codes", row)
        w.event("add", "code", p["code_guid"], {"path": p["code"], "redo_of": event["id"]})
    code = store.one("SELECT id FROM codes WHERE guid = ?", (p["code_guid"],))
    if code is None:
        raise Conflict("paraphrase.code_gone", path=p["code"])
    target = next(c for c in code_tree(store) if c.id == code["id"])
    coder = str(p["coder"])
    docs = {int(r["id"]) for r in store.query("SELECT id FROM documents")}
    items = [
        NewCoding(
            int(row["document_id"]),
            target,
            coder,
            int(row["start"]),
            int(row["end"]),
            origin=str(row["origin"]),
            guid=str(row["guid"]),
            created_at=str(row["created_at"]),
        )
        for row in p["codings"]
        if int(row["document_id"]) in docs
        and not store.one("SELECT 1 AS x FROM codings WHERE guid = ?", (row["guid"],))
    ]
    for guid in insert_codings(w, items, present="skip", log=False):
        if guid:
            w.event("redo", "coding", guid, {"event": event["id"]})

"""Paraphrases (Mayring's summarising content analysis): a coder's short restatement of a coded
segment or of a free selection of a document, and named groups of paraphrases (the generalisation
and reduction steps) from which a category is built (:mod:`toolkit.qca.categories`).

Permissions are those of memos: in team mode a coder writes, groups and sees only their own
paraphrases; a lead sees everyone's and may write for another coder (logged with the lead as
actor). Every change is an event (``paraphrase``: add/update/delete; ``paraphrase_group``: group,
rename, delete, categorise) and the actor's newest one is undone and redone by :func:`undo_paraphrase` and
:func:`redo_paraphrase` (one stack over paraphrases, groups and categories).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.coders import coder_id
from toolkit.documents import document_row
from toolkit.errors import Conflict, InvalidValue, NotFound, PermissionDenied
from toolkit.permissions import is_lead, require_user, require_writer_for, team_mode
from toolkit.qca import undo as qca_undo
from toolkit.qca.category_undo import apply_category
from toolkit.qca.group_undo import apply_group, insert_again
from toolkit.store import Store, Writer, new_guid, now

ENTITY = "paraphrase"
GROUP_ENTITY = "paraphrase_group"
ENTITIES = (ENTITY, GROUP_ENTITY)
STEPS = ("add", "update", "delete", "group", "rename", "categorise")  # the actions undo takes back
MAX_PARAPHRASE = 5_000  # characters: a paraphrase restates a segment in a sentence or two
MAX_GROUP_NAME = 100


@dataclass(frozen=True)
class Paraphrase:
    """A stored paraphrase: where it is (``segment`` is the document's text there), what it says,
    whose it is and the group it belongs to ('' = none)."""

    id: int
    guid: str
    document: str
    start: int
    end: int
    segment: str
    text: str
    coder: str
    group: str
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class ParaphraseGroup:
    """A named group of one coder's paraphrases (a category in the making)."""

    id: int
    guid: str
    name: str
    coder: str
    paraphrases: tuple[int, ...]  # ids, in document and span order


_SELECT = (
    'SELECT p.id, p.guid, p.start, p."end", p.text, p.created_at, p.updated_at, p.document_id, '
    'd.name AS document, substr(d.text, p.start + 1, p."end" - p.start) AS segment, '
    "k.name AS coder, coalesce(g.name, '') AS grp FROM paraphrases p "
    "JOIN documents d ON d.id = p.document_id JOIN coders k ON k.id = p.coder_id "
    "LEFT JOIN paraphrase_groups g ON g.id = p.group_id"
)
_ORDER = ' ORDER BY d.name, p.start, p."end", k.name, p.id'


def _paraphrase(r: dict[str, Any]) -> Paraphrase:
    return Paraphrase(
        int(r["id"]),
        str(r["guid"]),
        str(r["document"]),
        int(r["start"]),
        int(r["end"]),
        str(r["segment"]),
        str(r["text"]),
        str(r["coder"]),
        str(r["grp"]),
        str(r["created_at"]),
        str(r["updated_at"]),
    )


def get_paraphrase(store: Store, ident: str | int) -> Paraphrase:
    """A paraphrase by its number (``id``) or GUID."""
    text = str(ident).strip()
    if text.isdigit():
        row = store.one(_SELECT + " WHERE p.id = ?", (int(text),))
    else:
        row = store.one(_SELECT + " WHERE p.guid = ?", (text.upper(),))
    if row is None:
        raise NotFound("paraphrase.not_found", id=text)
    return _paraphrase(row)


def _visible_coder(store: Store, viewer: str, coder: str | None) -> str | None:
    """Whose paraphrases ``viewer`` may list: in team mode a coder only their own, a lead anyone's."""
    if team_mode(store) and not is_lead(store, viewer):
        require_user(store, viewer, "read paraphrases")
        if coder is not None and coder != viewer:
            raise PermissionDenied(
                "permission.not_owner", actor=viewer, action="read paraphrases", owner=coder
            )
        return viewer
    return coder


def list_paraphrases(
    store: Store,
    *,
    viewer: str,
    document: str | None = None,
    coder: str | None = None,
    group: str | None = None,
) -> list[Paraphrase]:
    """Paraphrases in document and span order that ``viewer`` may see (see module doc), optionally
    of one document, coder or group (by name)."""
    coder = _visible_coder(store, viewer, coder)
    where: list[str] = []
    params: list[Any] = []
    if document is not None:
        where.append("p.document_id = ?")
        params.append(document_row(store, document)["id"])
    if coder is not None:
        where.append("k.name = ?")
        params.append(coder)
    if group is not None:
        where.append("g.name = ?")
        params.append(group)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + _ORDER
    return [_paraphrase(r) for r in store.query(sql, tuple(params))]


def paraphrase_at(store: Store, document: str, start: int, end: int, coder: str) -> Paraphrase | None:
    """``coder``'s paraphrase of exactly this span of ``document`` (as of a coding), or None."""
    doc = document_row(store, document)
    row = store.one(
        _SELECT + ' WHERE p.document_id = ? AND p.start = ? AND p."end" = ? AND k.name = ?',
        (doc["id"], start, end, coder),
    )
    return None if row is None else _paraphrase(row)


def _check_text(text: str) -> str:
    body = text.strip()
    if not body:
        raise InvalidValue("paraphrase.empty")
    if len(body) > MAX_PARAPHRASE:
        raise InvalidValue("paraphrase.too_long", length=len(body), limit=MAX_PARAPHRASE)
    return body


def _row(store: Store, guid: str) -> dict[str, Any] | None:
    return store.one("SELECT * FROM paraphrases WHERE guid = ?", (guid,))


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "row_id_"}


def add_paraphrase(
    store: Store, document: str, start: int, end: int, text: str, *, coder: str, actor: str | None = None
) -> Paraphrase:
    """Write ``coder``'s paraphrase of ``document`` from ``start`` to ``end`` (code points) as one
    logged change. One paraphrase per coder and span: a second one is refused (edit the first)."""
    actor = coder if actor is None else actor
    require_writer_for(store, actor, coder, "write paraphrases")
    body = _check_text(text)
    doc = document_row(store, document)
    if not 0 <= start < end <= len(doc["text"]):
        raise InvalidValue(
            "coding.span_outside", start=start, end=end, document=doc["name"], length=len(doc["text"])
        )
    with store.write(actor) as w:
        cid = coder_id(w, coder)
        twin = store.one(
            'SELECT id FROM paraphrases WHERE document_id = ? AND coder_id = ? AND start = ? AND "end" = ?',
            (doc["id"], cid, start, end),
        )
        if twin:
            raise Conflict("paraphrase.exists", id=twin["id"], document=doc["name"], start=start, end=end)
        stamp = now()
        row = {
            "guid": new_guid(),
            "document_id": doc["id"],
            "coder_id": cid,
            "start": start,
            "end": end,
            "text": body,
            "group_id": None,
            "created_at": stamp,
            "updated_at": stamp,
        }
        row["id"] = w.insert("paraphrases", row)
        w.event(
            "add",
            ENTITY,
            str(row["guid"]),
            {"document": doc["name"], "coder": coder, "start": start, "end": end, "text": body, "row": row},
        )
    return get_paraphrase(store, row["id"])


def _owned(store: Store, ident: str | int, actor: str, action: str) -> Paraphrase:
    found = get_paraphrase(store, ident)
    require_writer_for(store, actor, found.coder, action)
    return found


def update_paraphrase(store: Store, ident: str | int, text: str, *, actor: str) -> Paraphrase:
    """Change a paraphrase's text (the coder's own; a lead's for another coder), one logged change."""
    found = _owned(store, ident, actor, "change paraphrases")
    body = _check_text(text)
    if body == found.text:
        return found
    with store.write(actor) as w:
        w.update("paraphrases", found.id, {"text": body})
        w.event(
            "update",
            ENTITY,
            found.guid,
            {"document": found.document, "coder": found.coder, "before": found.text, "after": body},
        )
    return get_paraphrase(store, found.id)


def delete_paraphrase(store: Store, ident: str | int, *, actor: str) -> Paraphrase:
    """Delete a paraphrase (undoable); returns it as it was."""
    found = _owned(store, ident, actor, "delete paraphrases")
    with store.write(actor) as w:
        row = _row(store, found.guid) or {}
        w.execute("DELETE FROM paraphrases WHERE id = ?", (found.id,))
        w.event(
            "delete",
            ENTITY,
            found.guid,
            {"document": found.document, "coder": found.coder, "text": found.text, "row": _plain(row)},
        )
    return found


# --- groups ------------------------------------------------------------------------------------


def _check_group_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean or len(clean) > MAX_GROUP_NAME or "/" in clean:
        raise InvalidValue("paraphrase.group_name", name=name, limit=MAX_GROUP_NAME)
    return clean


def _group_row(store: Store, name: str, coder: str) -> dict[str, Any] | None:
    return store.one(
        "SELECT g.* FROM paraphrase_groups g JOIN coders k ON k.id = g.coder_id "
        "WHERE g.name = ? AND k.name = ?",
        (name, coder),
    )


def _groups(store: Store, coder: str | None) -> list[ParaphraseGroup]:
    sql = (
        "SELECT g.id, g.guid, g.name, k.name AS coder FROM paraphrase_groups g "
        "JOIN coders k ON k.id = g.coder_id"
    )
    where, params = (" WHERE k.name = ?", (coder,)) if coder else ("", ())
    rows = store.query(sql + where + " ORDER BY g.name, k.name", params)
    members: dict[int, list[int]] = {}
    for r in store.query(
        "SELECT p.id, p.group_id FROM paraphrases p JOIN documents d ON d.id = p.document_id "
        'WHERE p.group_id IS NOT NULL ORDER BY d.name, p.start, p."end", p.id'
    ):
        members.setdefault(int(r["group_id"]), []).append(int(r["id"]))
    return [
        ParaphraseGroup(
            int(r["id"]), str(r["guid"]), str(r["name"]), str(r["coder"]), tuple(members.get(r["id"], []))
        )
        for r in rows
    ]


def list_groups(store: Store, *, viewer: str, coder: str | None = None) -> list[ParaphraseGroup]:
    """Groups that ``viewer`` may see (of ``coder`` if given), by name, with their paraphrases."""
    return _groups(store, _visible_coder(store, viewer, coder))


def get_group(store: Store, name: str, coder: str) -> ParaphraseGroup:
    """``coder``'s group called ``name`` (the caller checks who may see it)."""
    groups = _groups(store, coder)
    for g in groups:
        if g.name == name:
            return g
    raise NotFound("paraphrase.group_not_found", name=name, groups=[g.name for g in groups] or ["-"])


def group_paraphrases(
    store: Store, idents: Sequence[str | int], name: str | None, *, actor: str
) -> ParaphraseGroup | None:
    """Put the paraphrases ``idents`` (of one coder) into that coder's group ``name``, made if new;
    ``name`` None takes them out of their groups. One logged, undoable step. Returns the group."""
    if not idents:
        raise InvalidValue("paraphrase.none_chosen")
    found = [get_paraphrase(store, i) for i in idents]
    coders = sorted({p.coder for p in found})
    if len(coders) > 1:
        raise Conflict("paraphrase.group_coders", coders=coders)
    owner = coders[0]
    require_writer_for(store, actor, owner, "group paraphrases")
    clean = None if name is None else _check_group_name(name)
    with store.write(actor) as w:
        cid = coder_id(w, owner)
        group = None if clean is None else _group_row(store, clean, owner)
        created = clean is not None and group is None
        if created:
            stamp = now()
            group = {
                "guid": new_guid(),
                "coder_id": cid,
                "name": clean,
                "created_at": stamp,
                "updated_at": stamp,
            }
            group["id"] = w.insert("paraphrase_groups", group)
        guids = {r["id"]: r["guid"] for r in store.query("SELECT id, guid FROM paraphrase_groups")}
        moves = []
        for p in found:
            row = _row(store, p.guid) or {}
            before = guids.get(row.get("group_id"))
            after = None if group is None else str(group["guid"])
            if before != after:
                moves.append([p.guid, before])
                gid = None if group is None else group["id"]
                w.execute("UPDATE paraphrases SET group_id = ? WHERE id = ?", (gid, p.id))
        if moves or created:
            w.event(
                "group",
                GROUP_ENTITY,
                None if group is None else str(group["guid"]),
                {
                    "name": clean,
                    "coder": owner,
                    "created": created,
                    "group_row": dict(group) if created and group else None,
                    "moves": moves,
                },
            )
    return None if clean is None else get_group(store, clean, owner)


def rename_group(
    store: Store, name: str, new_name: str, *, actor: str, coder: str | None = None
) -> ParaphraseGroup:
    """Rename ``coder``'s (default: the actor's) group ``name`` to ``new_name``, one logged, undoable
    step; refused when the name is empty or another of the coder's groups has it already."""
    owner = actor if coder is None else coder
    require_writer_for(store, actor, owner, "group paraphrases")
    group = get_group(store, name, owner)
    clean = _check_group_name(new_name)
    if clean == group.name:
        return group
    if _group_row(store, clean, owner) is not None:
        raise Conflict("paraphrase.group_exists", name=clean, coder=owner)
    with store.write(actor) as w:
        w.update("paraphrase_groups", group.id, {"name": clean})
        w.event("rename", GROUP_ENTITY, group.guid, {"coder": owner, "before": group.name, "after": clean})
    return get_group(store, clean, owner)


def delete_group(store: Store, name: str, *, actor: str, coder: str | None = None) -> ParaphraseGroup:
    """Delete ``coder``'s (default: the actor's) group ``name``; its paraphrases stay, ungrouped. One
    logged, undoable step (undo brings the group back with its paraphrases); returns it as it was."""
    owner = actor if coder is None else coder
    require_writer_for(store, actor, owner, "group paraphrases")
    group = get_group(store, name, owner)
    row = _group_row(store, group.name, owner) or {}
    members = [
        str(r["guid"]) for r in store.query("SELECT guid FROM paraphrases WHERE group_id = ?", (group.id,))
    ]
    with store.write(actor) as w:
        w.execute("UPDATE paraphrases SET group_id = NULL WHERE group_id = ?", (group.id,))
        w.execute("DELETE FROM paraphrase_groups WHERE id = ?", (group.id,))
        w.event(
            "delete",
            GROUP_ENTITY,
            group.guid,
            {"coder": owner, "name": group.name, "group_row": _plain(row), "members": members},
        )
    return group


# --- undo and redo -----------------------------------------------------------------------------


def _apply_paraphrase(w: Writer, event: dict[str, Any], inverse: bool) -> None:
    store, action, p = w.store, event["action"], event["payload"]
    current = _row(store, event["guid"])
    if action == "update":
        if current is None:
            raise Conflict("paraphrase.gone")
        w.update("paraphrases", current["id"], {"text": p["before"] if inverse else p["after"]})
        return
    creates = (action == "add") != inverse
    if not creates:
        if current is None:
            raise Conflict("paraphrase.gone")
        w.execute("DELETE FROM paraphrases WHERE id = ?", (current["id"],))
        return
    if current is not None:
        raise Conflict("paraphrase.exists_again")
    row = dict(p["row"])
    if row.get("group_id") is not None and not store.one(
        "SELECT 1 AS x FROM paraphrase_groups WHERE id = ?", (row["group_id"],)
    ):
        row["group_id"] = None
    if not store.one("SELECT 1 AS x FROM documents WHERE id = ?", (row["document_id"],)):
        raise Conflict("paraphrase.gone")
    insert_again(w, "paraphrases", row)


def _apply(w: Writer, event: dict[str, Any], inverse: bool) -> None:
    if event["action"] == "categorise":
        apply_category(w, event, inverse)
    elif event["entity"] == GROUP_ENTITY:
        apply_group(w, event, inverse)
    else:
        _apply_paraphrase(w, event, inverse)


def undo_paraphrase(store: Store, actor: str) -> dict[str, Any] | None:
    """Take back the actor's newest paraphrase step (a paraphrase written, changed or deleted, a
    grouping, a group renamed or deleted, a category built); returns ``{"action": ..., "entity": ...,
    **payload}``, None when none is left."""
    require_user(store, actor, "undo changes")
    event = qca_undo.replay(store, actor, ENTITIES, _apply, inverse=True, changes=STEPS)
    return (
        None if event is None else {"action": event["action"], "entity": event["entity"], **event["payload"]}
    )


def redo_paraphrase(store: Store, actor: str) -> dict[str, Any] | None:
    """Re-apply the actor's newest undone paraphrase step."""
    require_user(store, actor, "redo changes")
    event = qca_undo.replay(store, actor, ENTITIES, _apply, inverse=False, changes=STEPS)
    return (
        None if event is None else {"action": event["action"], "entity": event["entity"], **event["payload"]}
    )

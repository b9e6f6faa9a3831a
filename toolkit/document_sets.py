"""Document sets: named groups of documents (as in MAXQDA), e.g. "Großstädte" or "Welle 1", that
filters can use wherever documents are chosen (Auswertung, search, agreement, the CLI's ``--set``).

A document may be in several sets; deleting a document or a set removes its memberships. Every
change is in the event log; in team mode any signed-in account may change sets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.documents import document_row
from toolkit.errors import Conflict, InvalidValue, NotFound
from toolkit.permissions import require_user
from toolkit.store import Store, Writer, new_guid, now


@dataclass(frozen=True)
class DocumentSet:
    name: str
    documents: tuple[str, ...]


def list_sets(store: Store) -> list[DocumentSet]:
    """Every set with its documents (by name), sets and documents in alphabetical order."""
    members: dict[str, list[str]] = {}
    for r in store.query(
        "SELECT s.name AS s, d.name AS d FROM document_sets s "
        "LEFT JOIN document_set_members m ON m.set_id = s.id "
        "LEFT JOIN documents d ON d.id = m.document_id ORDER BY s.name, d.name"
    ):
        members.setdefault(str(r["s"]), [])
        if r["d"] is not None:
            members[str(r["s"])].append(str(r["d"]))
    return [DocumentSet(name, tuple(docs)) for name, docs in members.items()]


def _set_row(store: Store, name: str) -> dict[str, object]:
    row = store.one("SELECT id, guid, name FROM document_sets WHERE name = ?", (name,))
    if row is None:
        names = [str(r["name"]) for r in store.query("SELECT name FROM document_sets ORDER BY name")]
        raise NotFound("set.not_found", name=name, sets=names)
    return row


def _members(store: Store, set_id: object) -> tuple[str, ...]:
    """The documents of one set, alphabetically."""
    return tuple(
        str(r["name"])
        for r in store.query(
            "SELECT d.name FROM document_set_members m JOIN documents d ON d.id = m.document_id "
            "WHERE m.set_id = ? ORDER BY d.name",
            (set_id,),
        )
    )


def documents_of_sets(store: Store, names: Iterable[str]) -> list[str]:
    """The documents in any of the sets ``names`` (each set must exist), alphabetically."""
    by_name = {s.name: s for s in list_sets(store)}
    chosen: set[str] = set()
    for name in names:
        if name not in by_name:
            raise NotFound("set.not_found", name=name, sets=list(by_name))
        chosen.update(by_name[name].documents)
    return sorted(chosen)


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > 100:
        raise InvalidValue("set.name_length", name=name)
    return cleaned


def _add(w: Writer, store: Store, set_row: dict[str, object], documents: Sequence[str]) -> int:
    return _add_rows(w, set_row, [document_row(store, document) for document in documents])


def _add_rows(w: Writer, set_row: dict[str, object], docs: Sequence[dict[str, Any]]) -> int:
    added = 0
    for doc in docs:
        cursor = w.execute(
            "INSERT OR IGNORE INTO document_set_members (set_id, document_id) VALUES (?, ?)",
            (set_row["id"], doc["id"]),
        )
        if cursor.rowcount:
            added += 1
            w.event(
                "add",
                "document_set_member",
                str(set_row["guid"]),
                {"set": set_row["name"], "document": doc["name"]},
            )
    return added


def create_set(store: Store, name: str, documents: Sequence[str] = (), *, actor: str) -> DocumentSet:
    """Create the set ``name`` with ``documents``; a name already taken is refused."""
    require_user(store, actor, "create document sets")
    name = _clean_name(name)
    with store.write(actor) as w:
        if store.one("SELECT 1 AS x FROM document_sets WHERE name = ?", (name,)):
            raise Conflict("set.exists", name=name)
        guid = new_guid()
        set_id = w.insert("document_sets", {"guid": guid, "name": name, "created_at": now()})
        w.event("create", "document_set", guid, {"name": name})
        _add(w, store, {"id": set_id, "guid": guid, "name": name}, documents)
        return DocumentSet(name, _members(store, set_id))


def add_to_set(store: Store, name: str, documents: Sequence[str], *, actor: str) -> int:
    """Put ``documents`` into the set; returns how many were not in it yet."""
    require_user(store, actor, "change document sets")
    with store.write(actor) as w:
        return _add(w, store, _set_row(store, name), documents)


def remove_from_set(store: Store, name: str, documents: Sequence[str], *, actor: str) -> int:
    """Take ``documents`` out of the set; returns how many were in it."""
    require_user(store, actor, "change document sets")
    removed = 0
    with store.write(actor) as w:
        row = _set_row(store, name)
        for document in documents:
            doc = document_row(store, document)
            cursor = w.execute(
                "DELETE FROM document_set_members WHERE set_id = ? AND document_id = ?",
                (row["id"], doc["id"]),
            )
            if cursor.rowcount:
                removed += 1
                w.event(
                    "remove", "document_set_member", str(row["guid"]), {"set": name, "document": doc["name"]}
                )
    return removed


def rename_set(store: Store, name: str, new_name: str, *, actor: str) -> None:
    require_user(store, actor, "rename document sets")
    new_name = _clean_name(new_name)
    with store.write(actor) as w:
        row = _set_row(store, name)
        if new_name != name and store.one("SELECT 1 AS x FROM document_sets WHERE name = ?", (new_name,)):
            raise Conflict("set.name_taken", name=new_name)
        w.execute("UPDATE document_sets SET name = ? WHERE id = ?", (new_name, row["id"]))
        w.event("rename", "document_set", str(row["guid"]), {"before": name, "after": new_name})


def delete_set(store: Store, name: str, *, actor: str) -> None:
    """Delete the set (its documents stay in the project)."""
    require_user(store, actor, "delete document sets")
    with store.write(actor) as w:
        row = _set_row(store, name)
        members = _members(store, row["id"])
        w.execute("DELETE FROM document_sets WHERE id = ?", (row["id"],))
        w.event("delete", "document_set", str(row["guid"]), {"name": name, "documents": list(members)})


@dataclass(frozen=True)
class SetMembers:
    """A set as an exchange file carries it: its GUID, name and member documents (GUIDs)."""

    guid: str
    name: str
    documents: tuple[str, ...]


def sets_with_guids(store: Store) -> list[SetMembers]:
    """Every set with its GUID and its documents' GUIDs (documents by name), for exports."""
    members: dict[tuple[str, str], list[str]] = {}
    for r in store.query(
        "SELECT s.guid AS sg, s.name AS s, d.guid AS dg FROM document_sets s "
        "LEFT JOIN document_set_members m ON m.set_id = s.id "
        "LEFT JOIN documents d ON d.id = m.document_id ORDER BY s.name, d.name"
    ):
        key = (str(r["sg"]), str(r["s"]))
        members.setdefault(key, [])
        if r["dg"] is not None:
            members[key].append(str(r["dg"]))
    return [SetMembers(guid, name, tuple(docs)) for (guid, name), docs in members.items()]


def merge_set_in(w: Writer, guid: str, name: str, document_ids: Sequence[int]) -> tuple[bool, int]:
    """Inside an open change (an exchange import): the set found by ``guid``, else by ``name``,
    else created with both, gets ``document_ids`` as members. A set that exists keeps its name and
    every member it has: merging never takes anything away. Returns (created, members added)."""
    store = w.store
    name = _clean_name(name)
    row = store.one("SELECT id, guid, name FROM document_sets WHERE guid = ?", (guid,)) or store.one(
        "SELECT id, guid, name FROM document_sets WHERE name = ?", (name,)
    )
    created = row is None
    if row is None:
        set_id = w.insert("document_sets", {"guid": guid, "name": name, "created_at": now()})
        w.event("create", "document_set", guid, {"name": name})
        row = {"id": set_id, "guid": guid, "name": name}
    docs = [
        r
        for r in (store.one("SELECT id, name FROM documents WHERE id = ?", (i,)) for i in document_ids)
        if r is not None
    ]
    return created, _add_rows(w, row, docs)

"""Undo and redo of the steps on groups of paraphrases (:mod:`toolkit.qca.paraphrases`): a grouping
(paraphrases moved into or out of a group, the group made if new), a rename and a deletion (the
group goes, its paraphrases stay ungrouped). The caller logs the undo/redo event."""

from __future__ import annotations

from typing import Any

from toolkit.errors import Conflict
from toolkit.store import Writer


def insert_again(w: Writer, table: str, row: dict[str, Any]) -> int:
    """Put a deleted row back (a paraphrase, a group), under its old id unless that is taken."""
    values = dict(row)
    if w.store.one(f"SELECT 1 AS x FROM {table} WHERE id = ?", (values.get("id"),)):
        values.pop("id", None)
    return int(w.insert(table, values))


def _by_guid(w: Writer, guid: str | None) -> dict[str, Any] | None:
    if guid is None:
        return None
    return w.store.one("SELECT * FROM paraphrase_groups WHERE guid = ?", (guid,))


def _name_free(w: Writer, coder_id: int, name: str, guid: str) -> None:
    """Refuse to give a group a name another group of its coder has taken meanwhile."""
    taken = w.store.one(
        "SELECT 1 AS x FROM paraphrase_groups WHERE coder_id = ? AND name = ? AND guid <> ?",
        (coder_id, name, guid),
    )
    if taken:
        raise Conflict("paraphrase.group_name_taken", name=name)


def _apply_grouping(w: Writer, event: dict[str, Any], inverse: bool) -> None:
    store, p = w.store, event["payload"]
    group = _by_guid(w, event["guid"])
    if not inverse and p["created"] and group is None:
        insert_again(w, "paraphrase_groups", p["group_row"])
        group = _by_guid(w, event["guid"])
    for guid, before in p["moves"]:
        target = before if inverse else event["guid"]
        gid = None
        if target is not None:
            row = store.one("SELECT id FROM paraphrase_groups WHERE guid = ?", (target,))
            gid = None if row is None else row["id"]
        w.execute("UPDATE paraphrases SET group_id = ? WHERE guid = ?", (gid, guid))
    empty = group is not None and not store.one(
        "SELECT 1 AS x FROM paraphrases WHERE group_id = ?", (group["id"],)
    )
    if inverse and p["created"] and group is not None and empty:
        w.execute("DELETE FROM paraphrase_groups WHERE id = ?", (group["id"],))


def _apply_rename(w: Writer, event: dict[str, Any], inverse: bool) -> None:
    p = event["payload"]
    group = _by_guid(w, event["guid"])
    if group is None:
        raise Conflict("paraphrase.group_gone", name=p["after" if inverse else "before"])
    name = p["before"] if inverse else p["after"]
    _name_free(w, int(group["coder_id"]), name, str(group["guid"]))
    w.update("paraphrase_groups", int(group["id"]), {"name": name})


def _apply_delete(w: Writer, event: dict[str, Any], inverse: bool) -> None:
    p = event["payload"]
    group = _by_guid(w, event["guid"])
    if not inverse:
        if group is None:
            raise Conflict("paraphrase.group_gone", name=p["name"])
        w.execute("UPDATE paraphrases SET group_id = NULL WHERE group_id = ?", (group["id"],))
        w.execute("DELETE FROM paraphrase_groups WHERE id = ?", (group["id"],))
        return
    if group is not None:
        raise Conflict("paraphrase.group_there", name=p["name"])
    row = p["group_row"]
    _name_free(w, int(row["coder_id"]), str(row["name"]), str(row["guid"]))
    gid = insert_again(w, "paraphrase_groups", row)
    for guid in p["members"]:  # those still there and in no group since
        w.execute("UPDATE paraphrases SET group_id = ? WHERE guid = ? AND group_id IS NULL", (gid, guid))


def apply_group(w: Writer, event: dict[str, Any], inverse: bool) -> None:
    """Undo (``inverse``) or redo a step on a group of paraphrases, without an event of its own."""
    if event["action"] == "rename":
        _apply_rename(w, event, inverse)
    elif event["action"] == "delete":
        _apply_delete(w, event, inverse)
    else:
        _apply_grouping(w, event, inverse)

"""Undo and redo of a category step (:func:`toolkit.qca.categories.group_to_code`): undo removes the
codings of that step and the code if the step created it; redo brings both back with their GUIDs.
Its own module so that the paraphrases' one undo stack (:mod:`toolkit.qca.paraphrases`) can replay
it without importing the category building, which reads paraphrases."""

from __future__ import annotations

from typing import Any

from toolkit.codes import code_tree
from toolkit.codings import NewCoding, delete_coding_in, insert_codings
from toolkit.errors import Conflict
from toolkit.store import Writer, now


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

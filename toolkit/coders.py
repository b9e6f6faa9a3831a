"""Coders: the names codings belong to (table ``coders``), created on first use. The consensus coder
holds the team's agreed codings; only leads change them (:mod:`toolkit.permissions`)."""

from __future__ import annotations

from toolkit.errors import InvalidValue
from toolkit.store import Store, Writer, new_guid, now

CONSENSUS_CODER = "consensus"


def coder_id(w: Writer, name: str) -> int:
    """The id of coder ``name``, created on first use."""
    name = name.strip()
    if not name:
        raise InvalidValue("coder.name_empty")
    row = w.store.one("SELECT id FROM coders WHERE name = ?", (name,))
    if row:
        return int(row["id"])
    guid = new_guid()
    cid = w.insert("coders", {"guid": guid, "name": name, "created_at": now()})
    w.event("add", "coder", guid, {"name": name})
    return cid


def list_coders(store: Store) -> list[str]:
    return [r["name"] for r in store.query("SELECT name FROM coders ORDER BY name")]

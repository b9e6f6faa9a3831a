"""The pseudonym table: originals (names, places, organisations) and their placeholders. The mapping
reveals who was interviewed: :func:`mapping` and the changes to it are for leads only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from toolkit.errors import Conflict, InvalidValue, NotFound
from toolkit.permissions import require_lead
from toolkit.store import Store, new_guid, now

KINDS = ("person", "place", "organisation", "other")
PLACEHOLDER_WORDS = {"person": "Person", "place": "Ort", "organisation": "Organisation", "other": "Name"}


@dataclass(frozen=True)
class Pseudonym:
    """One row of the mapping: ``original`` is replaced by ``placeholder``."""

    guid: str
    original: str
    placeholder: str
    kind: str


def table_rows(store: Store) -> list[Pseudonym]:
    return [
        Pseudonym(r["guid"], r["original"], r["placeholder"], r["kind"])
        for r in store.query("SELECT guid, original, placeholder, kind FROM pseudonyms ORDER BY original")
    ]


def mapping(store: Store, actor: str) -> list[Pseudonym]:
    """The table original -> placeholder. It names the people interviewed: leads only."""
    require_lead(store, actor, "see the pseudonym table")
    return table_rows(store)


def _check(original: str, placeholder: str, kind: str) -> None:
    if not original.strip():
        raise InvalidValue("pseudonyms.original_empty")
    if not placeholder.strip():
        raise InvalidValue("pseudonyms.placeholder_empty", original=original)
    if kind not in KINDS:
        raise InvalidValue("pseudonyms.kind_unknown", kind=kind, choices=KINDS)
    if original.strip() in placeholder:
        raise InvalidValue("pseudonyms.placeholder_has_original", placeholder=placeholder, original=original)


def next_placeholder(store: Store, kind: str, taken: Iterable[str] = ()) -> str:
    """The first free ``[Person A]``, ``[Ort B]``, ... for ``kind``."""
    word = PLACEHOLDER_WORDS.get(kind, "Name")
    used = {p.placeholder for p in table_rows(store)} | set(taken)
    n = 0
    while True:
        letters, k = "", n
        while True:
            letters = chr(ord("A") + k % 26) + letters
            k = k // 26 - 1
            if k < 0:
                break
        candidate = f"[{word} {letters}]"
        if candidate not in used:
            return candidate
        n += 1


def add_pseudonym(
    store: Store, original: str, placeholder: str | None = None, kind: str = "person", *, actor: str
) -> Pseudonym:
    """Add ``original`` to the table (placeholder chosen when not given); leads only."""
    require_lead(store, actor, "change the pseudonym table")
    original = original.strip()
    placeholder = (placeholder or next_placeholder(store, kind)).strip()
    _check(original, placeholder, kind)
    if store.one("SELECT 1 AS x FROM pseudonyms WHERE original = ?", (original,)):
        raise Conflict("pseudonyms.exists", original=original)
    guid = new_guid()
    with store.write(actor) as w:
        stamp = now()
        w.insert(
            "pseudonyms",
            {
                "guid": guid,
                "original": original,
                "placeholder": placeholder,
                "kind": kind,
                "created_by": actor,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        w.event("add", "pseudonym", guid, {"placeholder": placeholder, "kind": kind})
    return Pseudonym(guid, original, placeholder, kind)


def _find(store: Store, original: str) -> dict[str, Any]:
    row = store.one("SELECT * FROM pseudonyms WHERE original = ? OR guid = ?", (original, original.upper()))
    if row is None:
        raise NotFound("pseudonyms.not_found", original=original)
    return row


def update_pseudonym(
    store: Store, original: str, *, actor: str, placeholder: str | None = None, kind: str | None = None
) -> Pseudonym:
    """Change the placeholder or kind of an entry; leads only."""
    require_lead(store, actor, "change the pseudonym table")
    row = _find(store, original)
    new = {"placeholder": (placeholder or row["placeholder"]).strip(), "kind": kind or row["kind"]}
    _check(row["original"], new["placeholder"], new["kind"])
    with store.write(actor) as w:
        w.update("pseudonyms", row["id"], new)
        w.event(
            "update",
            "pseudonym",
            row["guid"],
            {"before": {k: row[k] for k in new}, "after": new},
        )
    return Pseudonym(row["guid"], row["original"], new["placeholder"], new["kind"])


def delete_pseudonym(store: Store, original: str, *, actor: str) -> None:
    """Remove an entry (documents already pseudonymised keep their placeholder); leads only."""
    require_lead(store, actor, "change the pseudonym table")
    row = _find(store, original)
    with store.write(actor) as w:
        w.execute("DELETE FROM pseudonyms WHERE id = ?", (row["id"],))
        w.event("delete", "pseudonym", row["guid"], {"placeholder": row["placeholder"], "kind": row["kind"]})

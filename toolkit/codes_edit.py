"""The tree operations on the project's codes (add, rename, move, merge, delete) with the codings
following them; leads only."""

from __future__ import annotations

import json
from typing import Any

from toolkit.codebook import code_guid, is_colour
from toolkit.codes import SEP, CodeRow, code_by_path, list_codes, split_path
from toolkit.codings import update_coding_in
from toolkit.errors import Conflict, InvalidValue, NotFound
from toolkit.model import VALENCES
from toolkit.permissions import require_lead
from toolkit.store import Store, Writer, now


def _split(path: str) -> tuple[str | None, str]:
    parts = split_path(path)
    parent = SEP.join(parts[:-1]) or None
    return parent, parts[-1]


def _unique_slug(store: Store, name: str) -> str:
    base = "".join(ch if ch.isalnum() else "-" for ch in name.casefold()).strip("-") or "code"
    base = "-".join(filter(None, base.split("-")))
    slug, n = base, 2
    while store.one("SELECT 1 AS x FROM codes WHERE slug = ?", (slug,)):
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check_sibling_free(store: Store, parent_id: int | None, name: str, path: str) -> None:
    """Sibling names differ beyond case (compared with casefold, so Ä and ä are the same)."""
    siblings = store.query("SELECT name FROM codes WHERE coalesce(parent_id, 0) = ?", (parent_id or 0,))
    if any(s["name"].casefold() == name.casefold() for s in siblings):
        raise Conflict("code.name_taken", name=name, path=path)


def _check_colour(colour: str | None) -> None:
    """A code's colour is empty or ``#RRGGBB``; anything else is refused."""
    if colour and not is_colour(colour):
        raise InvalidValue("code.colour_invalid", colour=colour)


def add_code_in(
    w: Writer,
    path: str,
    *,
    definition: str = "",
    colour: str = "",
    valence: str | None = None,
    field_of_action: str | None = None,
) -> int:
    """Add a code (and missing parents) inside an open transaction; returns its id."""
    if valence is not None and valence not in VALENCES:
        raise InvalidValue("code.valence_invalid", valence=valence)
    _check_colour(colour)
    parent_path, name = _split(path)
    parent_id = None
    if parent_path:
        try:
            parent_id = code_by_path(w.store, parent_path).id
        except NotFound:
            parent_id = add_code_in(w, parent_path)
    return insert_code_in(
        w,
        parent_id,
        name,
        path,
        definition=definition,
        colour=colour,
        valence=valence,
        field_of_action=field_of_action,
    )


def insert_code_in(
    w: Writer,
    parent_id: int | None,
    name: str,
    path: str,
    *,
    definition: str = "",
    colour: str = "",
    valence: str | None = None,
    field_of_action: str | None = None,
    siblings_checked: bool = False,
    position: int | None = None,
) -> int:
    """Insert one code named ``name`` below ``parent_id`` (whose path + name is ``path``) inside an
    open transaction; returns its id. No lookups by path: bulk imports call this, and may check the
    sibling names and count positions themselves (``siblings_checked``, ``position``)."""
    if not siblings_checked:
        _check_sibling_free(w.store, parent_id, name, path)
    slug = _unique_slug(w.store, path)
    if position is None:
        position = (w.store.one("SELECT max(position) AS p FROM codes") or {}).get("p") or 0
    row = {
        "guid": code_guid(slug),
        "slug": slug,
        "parent_id": parent_id,
        "name": name,
        "definition": definition,
        "colour": colour,
        "valence": valence,
        "field_of_action": field_of_action,
        "position": position + 1,
        "created_at": now(),
        "updated_at": now(),
    }
    if w.store.one("SELECT 1 AS x FROM codes WHERE guid = ?", (row["guid"],)):
        row["guid"] = code_guid(f"{slug}:{now()}")
    code_id = w.insert("codes", row)
    w.event("add", "code", str(row["guid"]), {"path": path, **row})
    return code_id


def add_code(
    store: Store, path: str, *, actor: str, definition: str = "", colour: str = "", valence: str | None = None
) -> CodeRow:
    """Add a code at ``path``; missing parent codes are created too."""
    require_lead(store, actor, "change the codebook")
    with store.write(actor) as w:
        add_code_in(w, path, definition=definition, colour=colour, valence=valence)
    return code_by_path(store, path)


_EDITABLE = (
    "name_en",
    "definition",
    "anchor_example",
    "coding_rule",
    "colour",
    "valence",
    "field_of_action",
    "keywords_de",
    "keywords_en",
    "source",
)


def update_code(store: Store, path: str, *, actor: str, **fields: Any) -> CodeRow:
    """Change a code's descriptive fields (definition, anchor example, coding rule, colour, ...).
    Keywords are lists. Names change with :func:`rename_code`, places with :func:`move_code`."""
    require_lead(store, actor, "change the codebook")
    code = code_by_path(store, path)
    unknown = sorted(set(fields) - set(_EDITABLE))
    if unknown:
        raise InvalidValue("code.not_editable", fields=unknown, editable=_EDITABLE)
    _check_colour(fields.get("colour"))
    if fields.get("valence") not in (None, "", *VALENCES):
        raise InvalidValue("code.valence_invalid", valence=fields["valence"])
    values = {
        k: json.dumps(list(v), ensure_ascii=False)
        if k.startswith("keywords")
        else (v or None)
        if k in ("valence", "field_of_action")
        else v
        for k, v in fields.items()
    }
    old = store.one("SELECT * FROM codes WHERE id = ?", (code.id,)) or {}
    changed = {k: v for k, v in values.items() if old.get(k) != v}
    if changed:
        with store.write(actor) as w:
            w.update("codes", code.id, changed)
            w.event(
                "update", "code", code.guid, {"before": {k: old.get(k) for k in changed}, "after": changed}
            )
    return code_by_path(store, code.path)


def rename_code(store: Store, path: str, new_name: str, *, actor: str) -> CodeRow:
    """Give a code a new name; its codings stay with it."""
    require_lead(store, actor, "change the codebook")
    code = code_by_path(store, path)
    new_name = new_name.strip()
    if not new_name or SEP in new_name:
        raise InvalidValue("code.new_name_invalid", name=new_name)
    with store.write(actor) as w:
        if new_name.lower() != code.name.lower():
            _check_sibling_free(store, code.parent_id, new_name, new_name)
        w.execute("UPDATE codes SET name = ?, updated_at = ? WHERE id = ?", (new_name, now(), code.id))
        w.event("rename", "code", code.guid, {"before": code.name, "after": new_name})
    parent = code.path.rsplit(SEP, 1)[0] + SEP if SEP in code.path else ""
    return code_by_path(store, parent + new_name)


def move_code(store: Store, path: str, new_parent: str | None, *, actor: str) -> CodeRow:
    """Put a code (with its subtree) under another parent, or at the top when ``new_parent`` is
    None. A code cannot move below itself."""
    require_lead(store, actor, "change the codebook")
    code = code_by_path(store, path)
    target = code_by_path(store, new_parent) if new_parent else None
    if target is not None and (target.id == code.id or target.path.startswith(code.path + SEP)):
        raise Conflict("code.move_below_itself", path=code.path, target=target.path)
    if (target.id if target else None) == code.parent_id:
        return code
    with store.write(actor) as w:
        _check_sibling_free(
            store,
            target.id if target else None,
            code.name,
            f"{target.path}/{code.name}" if target else code.name,
        )
        w.execute(
            "UPDATE codes SET parent_id = ?, updated_at = ? WHERE id = ?",
            (target.id if target else None, now(), code.id),
        )
        w.event("move", "code", code.guid, {"before": code.parent_id, "after": target.id if target else None})
    return code_by_path(store, f"{target.path}{SEP}{code.name}" if target else code.name)


def affected_codings(store: Store, path: str) -> int:
    """How many codings an operation on this code (and its subtree) touches."""
    code = code_by_path(store, path)
    ids = [c.id for c in list_codes(store) if c.id == code.id or c.path.startswith(code.path + SEP)]
    marks = ",".join("?" for _ in ids)
    row = store.one(f"SELECT count(*) AS n FROM codings WHERE code_id IN ({marks})", tuple(ids))
    return int(row["n"]) if row else 0


def _move_codings(w: Writer, source_id: int, target_id: int) -> tuple[int, int]:
    """Re-point codings from one code to another through the one write path; a coding that would
    duplicate one the same coder already has on the target for the same span is dropped. Returns
    (moved, dropped)."""
    moved = dropped = 0
    for row in w.store.query("SELECT * FROM codings WHERE code_id = ?", (source_id,)):
        if update_coding_in(w, row, code_id=target_id, twin="merge") == row["guid"]:
            moved += 1
        else:
            dropped += 1
    return moved, dropped


def merge_codes(store: Store, source: str, target: str, *, actor: str) -> dict[str, int]:
    """Merge ``source`` into ``target``: its codings follow (exact duplicates of the same coder are
    dropped), its child codes move under ``target``, and ``source`` is deleted."""
    require_lead(store, actor, "change the codebook")
    src, dst = code_by_path(store, source), code_by_path(store, target)
    if src.id == dst.id or dst.path.startswith(src.path + SEP):
        raise Conflict("code.merge_into_itself", path=src.path, target=dst.path)
    with store.write(actor) as w:
        moved, dropped = _move_codings(w, src.id, dst.id)
        for child in store.query("SELECT id, guid, name FROM codes WHERE parent_id = ?", (src.id,)):
            _check_sibling_free(store, dst.id, child["name"], f"{dst.path}/{child['name']}")
            w.execute("UPDATE codes SET parent_id = ? WHERE id = ?", (dst.id, child["id"]))
            w.event("move", "code", child["guid"], {"before": src.id, "after": dst.id})
        w.execute("DELETE FROM codes WHERE id = ?", (src.id,))
        w.event(
            "merge",
            "code",
            src.guid,
            {"into": dst.guid, "path": src.path, "moved": moved, "dropped": dropped},
        )
    return {"moved": moved, "dropped": dropped}


def delete_code(store: Store, path: str, *, actor: str, move_codings_to: str | None = None) -> int:
    """Delete a code without subcodes. Refused while codings use it, unless they are moved to
    ``move_codings_to``. Returns the number of codings moved."""
    require_lead(store, actor, "change the codebook")
    code = code_by_path(store, path)
    if store.one("SELECT 1 AS x FROM codes WHERE parent_id = ?", (code.id,)):
        raise Conflict("code.has_subcodes", path=code.path)
    if code.codings and not move_codings_to:
        raise Conflict("code.in_use", path=code.path, codings=code.codings)
    moved = 0
    with store.write(actor) as w:
        if move_codings_to:
            target = code_by_path(store, move_codings_to)
            if target.id == code.id:
                raise Conflict("code.move_to_deleted")
            moved, _ = _move_codings(w, code.id, target.id)
        w.execute("DELETE FROM codes WHERE id = ?", (code.id,))
        w.event("delete", "code", code.guid, {"path": code.path, "moved_to": move_codings_to})
    return moved

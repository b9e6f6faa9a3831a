"""The project's codes as read: the tree with resolved paths, inherited field and valence and coding
counts, lookups by path, attribute definitions, the codebook as a whole, and the rule of a code path.
Changing codes: :mod:`toolkit.codes_edit`; loading a codebook: :mod:`toolkit.codes_merge`."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from toolkit.codebook import MAX_CODE_DEPTH
from toolkit.errors import InvalidValue, NotFound
from toolkit.model import AttributeDef, AttributeValue, Codebook, CodeDef, FieldOfAction
from toolkit.store import Store, cached_by_change, cached_on

SEP = "/"


@dataclass(frozen=True)
class CodeRow:
    """A code of the project with its resolved path and inherited field and valence."""

    id: int
    guid: str
    slug: str
    path: str
    name: str
    name_en: str
    parent_id: int | None
    depth: int
    field_of_action: str | None
    valence: str | None
    colour: str
    definition: str
    anchor_example: str
    coding_rule: str
    keywords_de: tuple[str, ...]
    keywords_en: tuple[str, ...]
    source: str
    codings: int


def list_codes(store: Store) -> list[CodeRow]:
    """All codes in tree order (depth first, by position), with coding counts. The list is shared
    until the project changes: do not mutate it."""
    return _list_codes(store)


@cached_by_change
def _list_codes(store: Store) -> list[CodeRow]:
    counts = dict(store.conn.execute("SELECT code_id, count(*) FROM codings GROUP BY code_id").fetchall())
    return [dataclasses.replace(c, codings=counts.get(c.id, 0)) for c in _code_tree(store)]


def codes_version(store: Store) -> tuple[Any, ...]:
    """The project's GUID and its codes revision, which triggers raise with every change of a code."""
    return tuple(
        store.conn.execute(
            "SELECT (SELECT value FROM project WHERE key = 'project_guid'), "
            "(SELECT value FROM project WHERE key = 'codes_revision')"
        ).fetchone()
    )


@cached_on(codes_version)
def _code_tree(store: Store) -> list[CodeRow]:
    """The code tree without coding counts (``codings`` is 0), cached until a code changes."""
    rows = store.query("SELECT c.*, 0 AS n FROM codes c ORDER BY position, id")
    children: dict[int | None, list[dict[str, Any]]] = {}
    for row in rows:
        children.setdefault(row["parent_id"], []).append(row)
    out: list[CodeRow] = []

    def walk(parent: int | None, prefix: str, depth: int, field: str | None, valence: str | None) -> None:
        for row in children.get(parent, []):
            path = f"{prefix}{SEP}{row['name']}" if prefix else row["name"]
            f = row["field_of_action"] or field
            v = row["valence"] or valence
            out.append(
                CodeRow(
                    id=row["id"],
                    guid=row["guid"],
                    slug=row["slug"] or "",
                    path=path,
                    name=row["name"],
                    name_en=row["name_en"],
                    parent_id=row["parent_id"],
                    depth=depth,
                    field_of_action=f,
                    valence=v,
                    colour=row["colour"],
                    definition=row["definition"],
                    anchor_example=row["anchor_example"],
                    coding_rule=row["coding_rule"],
                    keywords_de=tuple(json.loads(row["keywords_de"])),
                    keywords_en=tuple(json.loads(row["keywords_en"])),
                    source=row["source"],
                    codings=row["n"],
                )
            )
            walk(row["id"], path, depth + 1, f, v)

    walk(None, "", 0, None, None)
    return out


def code_by_path(store: Store, path: str) -> CodeRow:
    """The code at ``path`` (names joined by '/'); a unique name or slug works too."""
    return _resolve(list_codes(store), path)


def code_tree(store: Store) -> list[CodeRow]:
    """The codes in tree order without coding counts (``codings`` is 0); cheap, cached until a code
    changes. Shared: do not mutate."""
    return _code_tree(store)


def find_code(store: Store, path: str) -> CodeRow:
    """Like :func:`code_by_path`, faster, without the coding count (``codings`` is 0)."""
    return _resolve(_code_tree(store), path)


def _resolve(codes: list[CodeRow], path: str) -> CodeRow:
    wanted = path.strip().strip(SEP)
    for code in codes:
        if code.path == wanted:
            return code
    matches = [c for c in codes if c.name == wanted or c.slug == wanted]
    if len(matches) == 1:
        return matches[0]
    if matches:
        options = "; ".join(c.path for c in matches)
        raise NotFound("code.ambiguous", path=path, options=options)
    raise NotFound("code.not_found_listed", path=path)


def attribute_definitions(store: Store, applies_to: str | None = None) -> tuple[AttributeDef, ...]:
    """The project's case attributes (from its codebook), in codebook order; optionally only those
    of documents or of speakers."""
    return tuple(
        AttributeDef(
            a["name"],
            a["label"],
            a["label_en"],
            a["applies_to"],
            a["description"],
            a["source"],
            tuple(AttributeValue(**v) for v in json.loads(a["value_list"])),
        )
        for a in store.query("SELECT * FROM attribute_definitions ORDER BY rowid")
        if applies_to is None or a["applies_to"] == applies_to
    )


def export_codebook(store: Store) -> Codebook:
    """The project's codebook as a :class:`Codebook`, in tree order, ready for YAML."""
    rows = list_codes(store)
    slug_of = {r.id: r.slug or f"code-{r.id}" for r in rows}
    raw = {r["id"]: r for r in store.query("SELECT id, field_of_action, valence FROM codes")}
    codes = tuple(
        CodeDef(
            id=slug_of[r.id],
            name=r.name,
            definition=r.definition or r.name,
            parent=slug_of[r.parent_id] if r.parent_id else None,
            name_en=r.name_en,
            anchor_example=r.anchor_example,
            coding_rule=r.coding_rule,
            colour=r.colour,
            field_of_action=raw[r.id]["field_of_action"],
            valence=raw[r.id]["valence"],
            keywords_de=r.keywords_de,
            keywords_en=r.keywords_en,
            source=r.source,
            guid=r.guid,
        )
        for r in rows
    )
    fields = tuple(
        FieldOfAction(f["name"], f["name_en"], f["description"])
        for f in store.query("SELECT * FROM fields_of_action ORDER BY position, name")
    )
    attributes = attribute_definitions(store)
    return Codebook(
        title=store.setting("codebook_title", "Codebook") or "Codebook",
        codes=codes,
        title_en=store.setting("codebook_title_en", "") or "",
        language=store.setting("codebook_language", "de") or "de",
        description=store.setting("codebook_description", "") or "",
        fields_of_action=fields,
        attributes=attributes,
    )


MAX_DEPTH = MAX_CODE_DEPTH  # levels of a code path; deeper ones are refused


def split_path(path: str) -> list[str]:
    """The names of a code path (``Mensch/Treiber/Lotsen``); empty parts and more than
    :data:`MAX_DEPTH` levels are refused."""
    parts = [p.strip() for p in path.strip().strip(SEP).split(SEP)]
    shown = path if len(path) <= 60 else path[:57] + "..."
    if not parts or not all(parts):
        raise InvalidValue("code.path_empty_part", path=shown)
    if len(parts) > MAX_DEPTH:
        raise InvalidValue("code.path_too_deep", path=shown, levels=len(parts), limit=MAX_DEPTH)
    return parts

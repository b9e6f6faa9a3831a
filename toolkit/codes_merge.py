"""Merging a codebook (YAML, ``.qdc``, Taguette codebook CSV) into the project's codes.

The merge never loses what the project holds:

- a code of the file is matched to a code of the project by GUID first, then by its full path
  (the names from the top down to it); a bare name never matches a code on another level;
- a field the file leaves empty (definition, colour, anchor example, coding rule, English name,
  keywords, field of action, valence, source) keeps the project's value;
- codes the file does not list are kept (and reported);
- the whole merge is planned before anything is written, so a dry run lists, code by code and
  field by field, what would be added, changed and left alone.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from toolkit.errors import Conflict, InvalidValue
from toolkit.model import Codebook, CodeDef
from toolkit.permissions import require_lead
from toolkit.store import Store, Writer, now

# Fields a file may leave empty; the project's value then stays.
KEEP_WHEN_EMPTY = (
    "name_en",
    "definition",
    "anchor_example",
    "coding_rule",
    "colour",
    "field_of_action",
    "valence",
    "keywords_de",
    "keywords_en",
    "source",
)


@dataclass(frozen=True)
class FieldChange:
    """One field of one code: its value in the project and in the file."""

    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class CodeChange:
    """What a merge does with one code of the file: ``add``, ``change`` or ``same``."""

    action: str
    path: str
    id: str
    guid: str
    matched_by: str | None = None  # "guid" or "path"
    changes: tuple[FieldChange, ...] = ()
    kept: tuple[str, ...] = ()  # fields the file leaves empty that keep the project's value


@dataclass(frozen=True)
class LoadReport:
    """The outcome (or, with ``dry_run``, the plan) of merging a codebook into the project."""

    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: int
    not_in_file: tuple[str, ...]
    codes: tuple[CodeChange, ...] = ()
    dry_run: bool = False
    warnings: tuple[str, ...] = ()


@dataclass
class _Planned:
    code: CodeDef
    path: str
    parent_key: int | str | None  # project id of the parent, or "new:<slug>" for a parent being added
    old: dict[str, Any] | None
    matched_by: str | None
    values: dict[str, Any] = field(default_factory=dict)  # column -> value to write
    change: CodeChange | None = None


def code_row_values(code: CodeDef) -> dict[str, Any]:
    """The columns of a code row that come from a codebook entry."""
    return {
        "name": code.name,
        "name_en": code.name_en,
        "definition": code.definition,
        "anchor_example": code.anchor_example,
        "coding_rule": code.coding_rule,
        "colour": code.colour,
        "field_of_action": code.field_of_action,
        "valence": code.valence,
        "keywords_de": json.dumps(list(code.keywords_de), ensure_ascii=False),
        "keywords_en": json.dumps(list(code.keywords_en), ensure_ascii=False),
        "source": code.source,
    }


def _empty(value: Any) -> bool:
    return value in (None, "", "[]")


def _shown(column: str, value: Any) -> Any:
    """A column value as a reader sees it (keywords as lists, no nulls)."""
    if column.startswith("keywords"):
        return json.loads(value) if value else []
    return "" if value is None else value


def _parents_first(codes: tuple[CodeDef, ...]) -> list[CodeDef]:
    ids = {c.id for c in codes}
    placed: set[str] = set()
    pending = list(codes)
    ordered: list[CodeDef] = []
    while pending:
        ready = [c for c in pending if c.parent is None or c.parent in placed]
        if not ready:
            orphans = ", ".join(c.id for c in pending if c.parent not in ids)
            orphans = orphans or ", ".join(c.id for c in pending)
            raise InvalidValue("codebook.orphans", codes=orphans)
        ordered.extend(ready)
        placed.update(c.id for c in ready)
        pending = [c for c in pending if c.id not in placed]
    return ordered


def _project_paths(rows: list[dict[str, Any]]) -> dict[int, str]:
    by_id = {r["id"]: r for r in rows}
    paths: dict[int, str] = {}
    for start in by_id:
        chain = []
        node: int | None = start
        while node is not None and node not in paths:
            chain.append(node)
            node = by_id[node]["parent_id"]
        prefix = paths[node] if node is not None else ""
        for code_id in reversed(chain):
            name = by_id[code_id]["name"]
            prefix = f"{prefix}/{name}" if prefix else name
            paths[code_id] = prefix
    return paths


def plan_load(store: Store, codebook: Codebook) -> tuple[list[_Planned], list[dict[str, Any]]]:
    """Match every code of ``codebook`` to the project (GUID, then full path) and work out what
    changes; reads only. Returns the plan in parents-first order and the project's code rows."""
    rows = store.query("SELECT * FROM codes")
    path_of = _project_paths(rows)
    by_guid = {r["guid"]: r for r in rows}
    by_place = {(r["parent_id"], r["name"].casefold()): r for r in rows}
    planned: dict[str, _Planned] = {}
    claimed: dict[int, str] = {}
    taken_places: dict[tuple[int | str | None, str], str] = {}
    for code in _parents_first(codebook.codes):
        parent = planned[code.parent] if code.parent else None
        parent_key: int | str | None = None
        if parent is not None:
            parent_key = parent.old["id"] if parent.old else f"new:{parent.code.id}"
        path = f"{parent.path}/{code.name}" if parent else code.name
        place = (parent_key, code.name.casefold())
        old = by_guid.get(code.guid)
        matched_by = "guid" if old else None
        at_place = by_place.get(place) if not isinstance(parent_key, str) else None
        if old is None and at_place is not None:
            old, matched_by = at_place, "path"
        elif old is not None and at_place is not None and at_place["id"] != old["id"]:
            raise Conflict("codebook.guid_elsewhere", id=code.id, owner=path_of[old["id"]], path=path)
        if old is not None:
            if old["id"] in claimed:
                raise Conflict(
                    "codebook.both_match", first=claimed[old["id"]], second=code.id, path=path_of[old["id"]]
                )
            claimed[old["id"]] = code.id
        if place in taken_places:
            raise Conflict("codebook.same_place", first=taken_places[place], second=code.id, path=path)
        taken_places[place] = code.id
        planned[code.id] = _Planned(code, path, parent_key, old, matched_by)
    return list(planned.values()), rows


def _describe(item: _Planned, path_of: dict[int, str]) -> None:
    """Fill ``values`` (what to write) and ``change`` (what to report) of one planned code."""
    code, old = item.code, item.old
    incoming = code_row_values(code)
    if old is None:
        item.values = incoming
        item.change = CodeChange("add", item.path, code.id, code.guid)
        return
    values: dict[str, Any] = {}
    changes: list[FieldChange] = []
    kept: list[str] = []
    for column, value in incoming.items():
        if column in KEEP_WHEN_EMPTY and _empty(value):
            if not _empty(old[column]):
                kept.append(column)
            continue
        if old[column] != value:
            values[column] = value
            changes.append(FieldChange(column, _shown(column, old[column]), _shown(column, value)))
    if item.parent_key != old["parent_id"]:
        values["parent_id"] = item.parent_key
        before = path_of.get(old["parent_id"], "") if old["parent_id"] else ""
        changes.append(FieldChange("parent", before, item.path.rpartition("/")[0]))
    if (old["slug"] or "") != code.id:
        values["slug"] = code.id
        changes.append(FieldChange("id", old["slug"] or "", code.id))
    item.values = values
    item.change = CodeChange(
        "change" if changes else "same",
        item.path,
        code.id,
        old["guid"],
        item.matched_by,
        tuple(changes),
        tuple(kept),
    )


def merge_codebook(w: Writer, codebook: Codebook, *, dry_run: bool = False) -> LoadReport:
    """Merge a codebook into the project inside an open transaction (see the module docstring).
    With ``dry_run`` nothing is written and the report is the plan."""
    plan, rows = plan_load(w.store, codebook)
    path_of = _project_paths(rows)
    for item in plan:
        _describe(item, path_of)
    if not dry_run:
        _apply(w, plan, rows)
        _merge_fields_and_attributes(w, codebook)
    matched = {item.old["id"] for item in plan if item.old is not None}
    order = {c.id: i for i, c in enumerate(codebook.codes)}
    in_file_order = sorted(plan, key=lambda item: order[item.code.id])
    changes = tuple(item.change for item in in_file_order if item.change is not None)
    return LoadReport(
        added=tuple(c.id for c in changes if c.action == "add"),
        updated=tuple(c.id for c in changes if c.action == "change"),
        unchanged=sum(1 for c in changes if c.action == "same"),
        not_in_file=tuple(r["slug"] or r["name"] for r in rows if r["id"] not in matched),
        codes=changes,
        dry_run=dry_run,
    )


def _apply(w: Writer, plan: list[_Planned], rows: list[dict[str, Any]]) -> None:
    ids: dict[str, int] = {}
    position = max((r["position"] or 0 for r in rows), default=0)
    for item in plan:
        code, values = item.code, dict(item.values)
        if isinstance(item.parent_key, str) or (item.old is None and item.code.parent):
            values["parent_id"] = ids[code.parent] if code.parent else None
        if item.old is None:
            position += 1
            values.update(guid=code.guid, slug=code.id, position=position, created_at=now(), updated_at=now())
            values.setdefault("parent_id", None)
            ids[code.id] = w.insert("codes", values)
            w.event("add", "code", code.guid, {"slug": code.id, **values})
            continue
        ids[code.id] = item.old["id"]
        if values:
            w.update("codes", item.old["id"], values)
            w.event(
                "update",
                "code",
                item.old["guid"],
                {"before": {k: item.old[k] for k in values}, "after": values},
            )


def _merge_fields_and_attributes(w: Writer, codebook: Codebook) -> None:
    """Fields of action and case attributes: added or updated, never blanked by an empty value."""
    base = (w.store.one("SELECT max(position) AS p FROM fields_of_action") or {}).get("p") or 0
    for pos, f in enumerate(codebook.fields_of_action, start=base + 1):
        w.execute(
            "INSERT INTO fields_of_action (name, name_en, description, position) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET "
            "name_en = coalesce(nullif(excluded.name_en, ''), name_en), "
            "description = coalesce(nullif(excluded.description, ''), description)",
            (f.name, f.name_en, f.description, pos),
        )
    for a in codebook.attributes:
        values_json = json.dumps([asdict(v) for v in a.values], ensure_ascii=False)
        w.execute(
            "INSERT INTO attribute_definitions (name, label, label_en, applies_to, description, "
            "source, value_list) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
            "label = coalesce(nullif(excluded.label, ''), label), "
            "label_en = coalesce(nullif(excluded.label_en, ''), label_en), "
            "applies_to = excluded.applies_to, "
            "description = coalesce(nullif(excluded.description, ''), description), "
            "source = coalesce(nullif(excluded.source, ''), source), "
            "value_list = CASE WHEN excluded.value_list = '[]' THEN value_list "
            "ELSE excluded.value_list END",
            (a.name, a.label, a.label_en, a.applies_to, a.description, a.source, values_json),
        )
    for key, value in (
        ("codebook_title", codebook.title),
        ("codebook_title_en", codebook.title_en),
        ("codebook_description", codebook.description),
        ("codebook_language", codebook.language),
    ):
        if value and value != w.store.setting(key):
            w.set_setting(key, value)


def load_into(w: Writer, codebook: Codebook) -> LoadReport:
    """Merge a codebook into the project inside an open transaction."""
    return merge_codebook(w, codebook)


def load_codebook_into(store: Store, codebook: Codebook, *, actor: str, dry_run: bool = False) -> LoadReport:
    """Merge a codebook into the project in one transaction; ``dry_run`` reports the plan only."""
    require_lead(store, actor, "change the codebook")
    with store.write(actor) as w:
        return merge_codebook(w, codebook, dry_run=dry_run)

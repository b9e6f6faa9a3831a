"""Codes between REFI-QDA and the project: the ``.qdc`` codebook file, and the code part of a project.
REFI-QDA has one free-text ``Description`` per code; ours holds the definition, the anchor example and
the coding rule (:mod:`toolkit.exchange.descriptions`)."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from toolkit.codebook import is_colour
from toolkit.codes import CodeRow, code_tree
from toolkit.codes_merge import load_into
from toolkit.errors import Conflict, ImportFailed, InvalidValue
from toolkit.exchange.descriptions import compose_description, parse_description
from toolkit.exchange.refi.model import DryRun, ImportReport, RefiCodebook
from toolkit.exchange.refi.reader import read_codebook
from toolkit.exchange.refi.safety import parse_xml
from toolkit.exchange.refi.taguette import is_taguette, taguette_tree
from toolkit.model import Codebook, CodeDef
from toolkit.permissions import require_lead
from toolkit.store import Store, Writer

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = "coding-toolkit"
_COLOUR3 = re.compile(r"^#[0-9A-Fa-f]{3}$")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# "/" separates code paths here; a name with one keeps a look-alike (U+2215 DIVISION SLASH).
SLASH_STAND_IN = "\u2215"


def clean_colour(value: str) -> str:
    """``#RRGGBB`` from ``#RRGGBB`` or ``#RGB``; anything else is dropped."""
    value = value.strip()
    if is_colour(value):
        return value
    if _COLOUR3.match(value):
        return "#" + "".join(ch * 2 for ch in value[1:])
    return ""


def _slugify(text: str) -> str:
    base = "".join(ch if ch.isalnum() and ch.isascii() else "-" for ch in text.casefold())
    return "-".join(filter(None, base.split("-")))[:60].strip("-") or "code"


def to_codebook(
    store: Store, book: RefiCodebook, report: ImportReport, where: str = "<codebook>"
) -> tuple[Codebook, dict[str, str]]:
    """The codes of a REFI-QDA codebook as a :class:`Codebook` for :func:`toolkit.codes.load_into`,
    and the path of each REFI code GUID. Codes already in the project keep what REFI-QDA cannot
    carry (English name, field of action, valence, keywords, source). Taguette's ``/`` paths
    become the tree (see :mod:`toolkit.exchange.taguette_codebook`); ``where`` names the file."""
    rows = {r["guid"]: r for r in store.query("SELECT * FROM codes")}
    id_of_path = code_ids_by_path(store)
    row_of_id = {r["id"]: r for r in rows.values()}
    used_slugs = {r["slug"] for r in rows.values() if r["slug"]}
    slug_of: dict[str, str] = {}
    path_of: dict[str, str] = {}
    sibling_names: dict[str | None, set[str]] = {}
    defs: list[CodeDef] = []
    language = store.setting("codebook_language", "de") or "de"
    if is_taguette(book.origin):
        book = taguette_tree(book, where)
    for code in book.codes:
        if code.guid in path_of:
            report.warnings.append(
                f"code GUID {code.guid} appears twice; the second ({code.name!r}) is skipped"
            )
            continue
        if code.parent is not None and code.parent not in path_of:
            continue  # below a skipped code
        name = " ".join(code.name.split()) or f"Code {code.guid[:8]}"
        if code.parent is not None:  # "Treiber (Mensch)" of an export with unique names: "Treiber"
            name = strip_unique_suffix(name, path_of[code.parent].split("/")[::-1])
        if "/" in name:
            report.warnings.append(
                f"code {name!r}: '/' separates code paths here, kept as '{SLASH_STAND_IN}'"
            )
            name = name.replace("/", SLASH_STAND_IN)
        taken = sibling_names.setdefault(code.parent, set())
        unique, n = name, 2
        while unique.casefold() in taken:
            unique, n = f"{name} ({n})", n + 1
        if unique != name:
            report.warnings.append(f"code {name!r} appears twice at the same level; the second is {unique!r}")
        taken.add(unique.casefold())
        parent_path = path_of[code.parent] if code.parent else ""
        path = f"{parent_path}/{unique}" if parent_path else unique
        old: dict[str, Any] = rows.get(code.guid) or row_of_id.get(id_of_path.get(path, -1)) or {}
        slug = old.get("slug") or ""
        if not slug:
            base = _slugify(path)
            slug, n = base, 2
            while slug in used_slugs:
                slug, n = f"{base}-{n}", n + 1
        used_slugs.add(slug)
        slug_of[code.guid] = slug
        path_of[code.guid] = path
        definition, anchor, rule = parse_description(code.description)
        colour = clean_colour(code.colour)
        if code.colour and not colour:
            report.warnings.append(f"code {path!r}: colour {code.colour!r} is not #RRGGBB and was left out")
        defs.append(
            CodeDef(
                id=slug,
                name=unique,
                definition=definition,
                parent=slug_of[code.parent] if code.parent else None,
                name_en=old.get("name_en", ""),
                anchor_example=anchor,
                coding_rule=rule,
                colour=colour,
                field_of_action=old.get("field_of_action"),
                valence=old.get("valence"),
                keywords_de=tuple(json.loads(old.get("keywords_de", "[]"))),
                keywords_en=tuple(json.loads(old.get("keywords_en", "[]"))),
                source=old.get("source", ""),
                guid=code.guid,
            )
        )
    codebook = Codebook(
        title=store.setting("codebook_title", "") or "Codebook",
        codes=tuple(defs),
        title_en=store.setting("codebook_title_en", "") or "",
        language=language,
        description=store.setting("codebook_description", "") or "",
    )
    return codebook, path_of


def code_ids_by_path(store: Store) -> dict[str, int]:
    """Every code's path -> id, read inside the current transaction."""
    rows = store.query("SELECT id, parent_id, name FROM codes")
    by_id = {r["id"]: r for r in rows}
    paths: dict[int, str] = {}

    def path(code_id: int) -> str:
        if code_id not in paths:
            r = by_id[code_id]
            paths[code_id] = f"{path(r['parent_id'])}/{r['name']}" if r["parent_id"] else r["name"]
        return paths[code_id]

    return {path(i): i for i in by_id}


def load_refi_codebook(
    w: Writer, book: RefiCodebook, report: ImportReport, where: str = "<codebook>"
) -> dict[str, int]:
    """Merge REFI-QDA codes into the project inside an open transaction; returns REFI GUID -> code
    id. A code that clashes with the project is an error naming the file ``where``."""
    codebook, path_of = to_codebook(w.store, book, report, where)
    try:
        loaded = load_into(w, codebook)
    except (Conflict, InvalidValue) as exc:
        raise ImportFailed("import.rejected", file=where, cause=exc) from None
    report.codebook = dataclasses.replace(loaded, dry_run=report.dry_run)
    report.codes_added += len(loaded.added)
    report.codes_updated += len(loaded.updated)
    report.codes_unchanged += loaded.unchanged
    ids = code_ids_by_path(w.store)
    code_sets = [s.name for s in book.sets if s.codes]
    if code_sets:
        report.warnings.append(f"code sets are not kept (no such thing here): {', '.join(code_sets)}")
    return {guid: ids[path] for guid, path in path_of.items() if path in ids}


def read_qdc(data: bytes, path: str) -> RefiCodebook:
    """Parse the bytes of a ``.qdc`` file."""
    return read_codebook(parse_xml(data, path), path)


def import_codebook(
    store: Store, source: str | Path | bytes, *, actor: str, name: str = "", dry_run: bool = False
) -> ImportReport:
    """Load a ``.qdc`` codebook (a path, or bytes with their file ``name``) into the project in
    one transaction: codes are matched by GUID, then by place and name; nothing is deleted.
    ``dry_run``: report what would change and change nothing."""
    require_lead(store, actor, "load a codebook")
    if isinstance(source, bytes):
        data, path = source, name or "<codebook.qdc>"
    else:
        path = str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise ImportFailed("import.cannot_read", file=path, reason=exc.strerror) from None
    book = read_qdc(data, path)
    if not book.codes:
        raise ImportFailed("codebook.no_codes", file=path)
    report = ImportReport(origin=book.origin, dry_run=dry_run)
    try:
        with store.write(actor) as w:
            load_refi_codebook(w, book, report, path)
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    return report


def unique_code_names(codes: list[CodeRow]) -> dict[int, str]:
    """Code id -> a name no other code of the codebook has, for tools that need unique names
    (QualCoder merges codes of the same name): a name used more than once gets its nearest
    ancestors, "Treiber (Mensch)", "Offenheit (Treiber, Mensch)"; a top-level code keeps its name.
    :func:`strip_unique_suffix` undoes it on import."""
    by_id = {c.id: c for c in codes}
    counts = Counter(c.name.casefold() for c in codes)
    out: dict[int, str] = {}
    taken = {c.name.casefold() for c in codes if counts[c.name.casefold()] == 1 or c.parent_id is None}
    for code in codes:
        if counts[code.name.casefold()] == 1 or code.parent_id is None:
            out[code.id] = code.name
            continue
        ancestors: list[str] = []
        parent: int | None = code.parent_id
        while parent is not None:
            ancestors.append(by_id[parent].name)
            parent = by_id[parent].parent_id
        name, n = code.name, 2
        for depth in range(1, len(ancestors) + 1):
            name = f"{code.name} ({', '.join(ancestors[:depth])})"
            if name.casefold() not in taken:
                break
        while name.casefold() in taken:
            name, n = f"{code.name} ({', '.join(ancestors)}, {n})", n + 1
        taken.add(name.casefold())
        out[code.id] = name
    return out


def strip_unique_suffix(name: str, ancestors: list[str]) -> str:
    """``name`` without the suffix :func:`unique_code_names` adds (``ancestors`` nearest first)."""
    for depth in range(len(ancestors), 0, -1):
        suffix = f" ({', '.join(ancestors[:depth])})"
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def code_elements(
    parent: Element,
    store: Store,
    *,
    notes_of: dict[int, list[str]] | None = None,
    unique_names: bool = False,
) -> None:
    """Append the project's code tree under ``parent`` (a ``Codes`` element): GUID, name, colour,
    description, and in a project the ``NoteRef`` of each code's memos. ``unique_names``: names
    unique across the codebook (see :func:`unique_code_names`)."""
    language = store.setting("codebook_language", "de") or "de"
    element_of: dict[int, Element] = {}
    codes = code_tree(store)
    names = unique_code_names(codes) if unique_names else {c.id: c.name for c in codes}
    for code in codes:
        holder = element_of[code.parent_id] if code.parent_id else parent
        el = SubElement(holder, "Code", {"guid": code.guid, "name": names[code.id], "isCodable": "true"})
        colour = clean_colour(code.colour)
        if colour:
            el.set("color", colour)
        description = compose_description(code.definition, code.anchor_example, code.coding_rule, language)
        if description:
            SubElement(el, "Description").text = description
        for note in (notes_of or {}).get(code.id, []):
            SubElement(el, "NoteRef", {"targetGUID": note})
        element_of[code.id] = el


def export_codebook_qdc(store: Store, *, unique_names: bool = False) -> bytes:
    """The project's codebook as ``.qdc`` XML (valid against ``Codebook.xsd``)."""
    root = Element("CodeBook", {"origin": ORIGIN})
    codes = SubElement(root, "Codes")
    code_elements(codes, store, unique_names=unique_names)
    if not len(codes):
        raise InvalidValue("refi.export_no_codes")
    return xml_bytes(root, CODEBOOK_NS)


def xml_bytes(root: Element, ns: str) -> bytes:
    """Serialise with the namespace as default (no ``ns0:`` prefixes) and an XML declaration;
    characters XML 1.0 cannot hold (control characters) are left out."""
    root.set("xmlns", ns)  # elements are built without namespace; this makes it their default
    body = _NOT_XML.sub("", tostring(root, encoding="unicode"))
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")

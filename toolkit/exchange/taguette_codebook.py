"""Taguette codebooks: its CSV (``tag, description``) in and out; its flat ``.qdc``:
:mod:`toolkit.exchange.refi.taguette`.

Taguette keeps a code's levels in its name: the tag ``Mensch/Treiber/Lotsen`` is one tag, written
as one flat ``<Code name="Mensch/Treiber/Lotsen">`` into a ``.qdc`` and as one ``tag`` cell into
its codebook CSV. Here both become the same tree (Mensch > Treiber > Lotsen), the tree that the
highlights import builds. Taguette reads a codebook CSV with exactly one of the columns ``tag``,
``name`` or ``path`` and an optional ``description``; the export writes ``tag`` and
``description``. Its GUIDs are UUID5 of the tag path in Taguette's namespace; levels that are not
tags of their own get the GUID Taguette would give them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from toolkit.codes import SEP, CodeRow, code_tree, split_path
from toolkit.errors import ImportFailed, InvalidValue
from toolkit.exchange.descriptions import compose_description, parse_description
from toolkit.exchange.refi.taguette import taguette_guid
from toolkit.importers.normalize import decode
from toolkit.model import Codebook, CodeDef
from toolkit.store import Store

TAG_COLUMNS = ("tag", "name", "path")


def export_codebook_csv(store: Store) -> str:
    """The project's codebook as a Taguette codebook CSV: ``tag`` (the full path) and
    ``description`` (definition, anchor example and coding rule as in a ``.qdc``)."""
    language = store.setting("codebook_language", "de") or "de"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["tag", "description"])
    for code in code_tree(store):
        writer.writerow(
            [code.path, compose_description(code.definition, code.anchor_example, code.coding_rule, language)]
        )
    return buffer.getvalue()


def read_codebook_csv(store: Store, path: str | Path) -> tuple[Codebook, list[str]]:
    """A Taguette codebook CSV as a :class:`Codebook` to merge (paths become the tree; codes the
    project has keep their GUID and id), and warnings."""
    p = Path(path)
    try:
        text = decode(p.read_bytes(), str(p))
    except OSError as exc:
        raise ImportFailed("import.cannot_read", file=str(p), reason=exc.strerror) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip().casefold() for cell in next(reader)]
    except StopIteration:
        raise ImportFailed("taguette.codebook_empty", file=str(p)) from None
    except csv.Error as exc:
        raise ImportFailed("csv.invalid", file=str(p), line=1, reason=exc) from None
    columns = [c for c in TAG_COLUMNS if c in header]
    if len(columns) != 1:
        raise ImportFailed("taguette.codebook_columns", file=str(p), found=columns)
    col = header.index(columns[0])
    col_description = header.index("description") if "description" in header else None
    project = {c.path: c for c in code_tree(store)}
    entries: dict[str, str] = {}  # path -> description
    warnings: list[str] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            tag = row[col].strip() if col < len(row) else ""
            if not tag:
                raise ImportFailed("taguette.tag_empty", file=str(p), line=line)
            try:
                code_path = SEP.join(split_path(tag))
            except InvalidValue as exc:
                raise ImportFailed("import.line", file=str(p), line=line, cause=exc) from None
            description = ""
            if col_description is not None and col_description < len(row):
                description = row[col_description].strip()
            if code_path in entries:
                warnings.append(f"line {line}: tag {code_path!r} is listed twice; the first is used")
                continue
            entries[code_path] = description
    except csv.Error as exc:
        raise ImportFailed("csv.invalid", file=str(p), line=reader.line_num, reason=exc) from None
    if not entries:
        raise ImportFailed("taguette.no_tags", file=str(p))
    return _codebook(store, entries, project), warnings


def _slug(path: str, used: set[str]) -> str:
    base = "".join(ch if ch.isalnum() and ch.isascii() else "-" for ch in path.casefold())
    base = "-".join(filter(None, base.split("-")))[:60].strip("-") or "code"
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug


def _codebook(store: Store, entries: dict[str, str], project: dict[str, CodeRow]) -> Codebook:
    """Every tag and every level above it as a code; codes of the project keep GUID and id."""
    used = {c.slug for c in project.values() if c.slug}
    defs: dict[str, CodeDef] = {}
    for path in entries:
        parts = path.split(SEP)
        for depth in range(len(parts)):
            here = SEP.join(parts[: depth + 1])
            if here in defs:
                continue
            old = project.get(here)
            definition, anchor, rule = parse_description(entries.get(here, ""))
            defs[here] = CodeDef(
                id=(old.slug if old and old.slug else _slug(here, used)),
                name=parts[depth],
                definition=definition,
                parent=defs[SEP.join(parts[:depth])].id if depth else None,
                anchor_example=anchor,
                coding_rule=rule,
                guid=old.guid if old else taguette_guid(here),
            )
    return Codebook(
        title=store.setting("codebook_title", "") or "Codebook",
        codes=tuple(defs.values()),
        title_en=store.setting("codebook_title_en", "") or "",
        language=store.setting("codebook_language", "de") or "de",
        description=store.setting("codebook_description", "") or "",
    )

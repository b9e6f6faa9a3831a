"""Taguette highlights (CSV export with columns ``id, document, tag, content``) as codings.

``document`` is matched to an imported document by file name without extension (Taguette names the
original upload, e.g. ``P2.odt``). ``content`` is anchored in the stored text where it matches
exactly up to whitespace; the n-th highlight with the same content and tag takes the n-th place
it occurs, so repeated phrases do not collapse onto the first one. Tags the codebook lacks become
new top-level codes. Rows that cannot be anchored are reported, not guessed.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.anchoring import Folded, anchor, fold, fold_query
from toolkit.code_paths import CodePaths
from toolkit.codes import CodeRow
from toolkit.codings import add_coding_in
from toolkit.errors import Conflict, ImportFailed, InvalidValue
from toolkit.importers.normalize import decode
from toolkit.permissions import require_lead
from toolkit.store import Store, Writer

REQUIRED = ("document", "tag", "content")


@dataclass(frozen=True)
class Unanchored:
    line: int
    document: str
    tag: str
    reason: str


@dataclass
class TaguetteReport:
    imported: int = 0
    already_present: int = 0
    created_codes: list[str] = field(default_factory=list)
    unanchored: list[Unanchored] = field(default_factory=list)
    stored: bool = True  # False: rows were not anchored and nothing was stored


def read_rows(path: str | Path) -> list[tuple[int, dict[str, str]]]:
    """CSV rows with their line numbers; a file without the needed columns is an error."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ImportFailed("import.cannot_read", file=str(p), reason=exc.strerror) from None
    text = decode(data, str(p))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportFailed("taguette.columns_missing", file=str(p), columns=missing, found=reader.fieldnames)
    rows = []
    try:
        for row in reader:
            rows.append((reader.line_num, {k: (v or "") for k, v in row.items() if k}))
    except csv.Error as exc:
        raise ImportFailed("import.line", file=str(p), line=reader.line_num, cause=exc) from None
    return rows


def read_document_map(path: str | Path) -> dict[str, str]:
    """``OLD=NEW`` lines (blank lines and ``#`` comments skipped) of a ``--map-file``."""
    p = Path(path)
    try:
        text = decode(p.read_bytes(), str(p))
    except OSError as exc:
        raise ImportFailed("import.cannot_read", file=str(p), reason=exc.strerror) from None
    pairs: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            if "=" not in line:
                raise ImportFailed("taguette.map_line", file=str(p), line=number, text=line.strip())
            pairs.append(line)
    return parse_document_map(pairs)


def parse_document_map(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``OLD=NEW`` pairs (a Taguette document name, one of the project) as a dictionary."""
    out: dict[str, str] = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise InvalidValue("taguette.map_pair", pair=pair)
        out[old.strip()] = new.strip()
    return out


def _document_keys(store: Store, doc_map: dict[str, str]) -> dict[str, dict[str, Any]]:
    docs: dict[str, dict[str, Any]] = {}
    for d in store.query("SELECT name, source_name, text FROM documents"):
        for key in {d["name"], Path(d["source_name"]).stem}:
            docs.setdefault(key.casefold(), d)
    for old, new in doc_map.items():
        target = docs.get(new.casefold()) or docs.get(Path(new).stem.casefold())
        if target is None:
            raise InvalidValue("taguette.map_no_document", old=old, new=new)
        docs[old.casefold()] = target
        docs[Path(old).stem.casefold()] = target
    return docs


class _NothingStored(Exception):
    "Raised inside the import transaction to roll it back when rows were not anchored."


def import_highlights(
    store: Store,
    path: str | Path,
    *,
    coder: str,
    actor: str | None = None,
    doc_map: dict[str, str] | None = None,
    allow_unanchored: bool = True,
) -> TaguetteReport:
    """Import a Taguette highlights CSV as codings of ``coder``, in one transaction. It may create
    codes (a tag's ``/`` levels become a hierarchy), so in team mode ``actor`` (default:
    ``coder``) must be a lead. ``doc_map`` maps Taguette document names to the project's. Without
    ``allow_unanchored``, rows that cannot be anchored make the import store nothing
    (``report.stored`` is False)."""
    require_lead(store, actor or coder, "import Taguette codings")
    rows = read_rows(path)
    docs = _document_keys(store, doc_map or {})
    report = TaguetteReport()
    try:
        with store.write(actor or coder) as w:
            _import_rows(w, rows, docs, coder, report)
            if report.unanchored and not allow_unanchored:
                raise _NothingStored
    except _NothingStored:
        report.stored = False
    return report


def _import_rows(
    w: Writer,
    rows: list[tuple[int, dict[str, str]]],
    docs: dict[str, dict[str, Any]],
    coder: str,
    report: TaguetteReport,
) -> None:
    folded: dict[str, Folded] = {}
    seen: defaultdict[tuple[str, str, str], int] = defaultdict(int)
    paths = CodePaths(w)
    codes: dict[str, CodeRow | str] = {}  # tag -> code, or why it cannot be one
    for line, row in rows:
        doc = docs.get(row["document"].strip().casefold()) or docs.get(
            Path(row["document"].strip()).stem.casefold()
        )
        tag = row["tag"].strip()
        if doc is None:
            report.unanchored.append(
                Unanchored(line, row["document"], tag, "no imported document of that name")
            )
            continue
        if not tag:
            report.unanchored.append(Unanchored(line, row["document"], tag, "empty tag"))
            continue
        text_key = fold_query(row["content"])
        nth = seen[(doc["name"], text_key, tag)]
        seen[(doc["name"], text_key, tag)] += 1
        if doc["name"] not in folded:
            folded[doc["name"]] = fold(doc["text"])
        fd = folded[doc["name"]]
        span = anchor(fd, row["content"], nth) or anchor(fd, row["content"], 0)
        if span is None:
            report.unanchored.append(
                Unanchored(line, row["document"], tag, "content not found in the document text")
            )
            continue
        if tag not in codes:
            try:
                codes[tag], added = paths.ensure(tag, definition=f"Imported from Taguette tag {tag!r}.")
                report.created_codes.extend(added)
            except (InvalidValue, Conflict) as exc:
                codes[tag] = str(exc)
        code = codes[tag]
        if isinstance(code, str):
            report.unanchored.append(Unanchored(line, row["document"], tag[:60], code))
            continue
        try:
            add_coding_in(w, doc["name"], span[0], span[1], code, coder, origin="taguette")
        except Conflict:
            report.already_present += 1
            continue
        report.imported += 1

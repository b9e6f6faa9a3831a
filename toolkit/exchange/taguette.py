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

from toolkit.accounts import require_lead
from toolkit.anchoring import Folded, anchor, fold, fold_query
from toolkit.codes import CodeRow, add_code_in, code_by_path
from toolkit.codings import add_coding_in
from toolkit.errors import Conflict, ImportFailed, NotFound
from toolkit.importers.normalize import decode
from toolkit.store import Store

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


def read_rows(path: str | Path) -> list[tuple[int, dict[str, str]]]:
    """CSV rows with their line numbers; a file without the needed columns is an error."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ImportFailed(str(p), f"cannot read the file ({exc.strerror})") from None
    text = decode(data, str(p))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportFailed(
            str(p),
            f"missing column(s) {', '.join(missing)}; a Taguette highlights "
            f"export has id, document, tag, content (found: {reader.fieldnames})",
        )
    rows = []
    try:
        for row in reader:
            rows.append((reader.line_num, {k: (v or "") for k, v in row.items() if k}))
    except csv.Error as exc:
        raise ImportFailed(str(p), f"line {reader.line_num}: {exc}") from None
    return rows


def import_highlights(
    store: Store, path: str | Path, *, coder: str, actor: str | None = None
) -> TaguetteReport:
    """Import a Taguette highlights CSV as codings of ``coder``, in one transaction. It may create
    codes, so in team mode ``actor`` (default: ``coder``) must be a lead."""
    require_lead(store, actor or coder, "import Taguette codings")
    rows = read_rows(path)
    docs: dict[str, dict[str, Any]] = {}
    for d in store.query("SELECT name, source_name, text FROM documents"):
        for key in {d["name"], Path(d["source_name"]).stem}:
            docs.setdefault(key.casefold(), d)
    folded: dict[str, Folded] = {}
    seen: defaultdict[tuple[str, str, str], int] = defaultdict(int)
    report = TaguetteReport()
    codes: dict[str, CodeRow] = {}
    with store.write(actor or coder) as w:
        for line, row in rows:
            doc_key = Path(row["document"].strip()).stem.casefold()
            doc = docs.get(doc_key)
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
                    codes[tag] = code_by_path(store, tag)
                except NotFound:
                    add_code_in(w, tag, definition=f"Imported from Taguette tag {tag!r}.")
                    report.created_codes.append(tag)
                    codes[tag] = code_by_path(store, tag)
            try:
                add_coding_in(w, doc["name"], span[0], span[1], codes[tag], coder, origin="taguette")
            except Conflict:
                report.already_present += 1
                continue
            report.imported += 1
    return report

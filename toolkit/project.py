"""Creating projects: a new project with a codebook, and the demo project built from the shipped
codebook, sample transcripts and demo codings of two coders."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from toolkit.anchoring import anchor, fold
from toolkit.codebook import load_codebook
from toolkit.codes import list_codes
from toolkit.codes_merge import LoadReport, load_into
from toolkit.codings import add_coding_in
from toolkit.documents import document_row, import_parsed, set_attributes
from toolkit.errors import CodebookError, ImportFailed, StoreError
from toolkit.importers import parse_file
from toolkit.safe_yaml import safe_yaml_load
from toolkit.store import Store, create_store

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CODEBOOK = ROOT / "codebook" / "codebook.yaml"


def init_project(db: str | Path, *, codebook: Path | None, actor: str) -> LoadReport | None:
    """Create a project database, loading ``codebook`` unless it is None. Nothing is created when
    the codebook is invalid."""
    book = load_codebook(codebook) if codebook is not None else None
    store = create_store(db, actor=actor)
    try:
        if book is None:
            return None
        with store.write(actor) as w:
            return load_into(w, book)
    finally:
        store.close()


def _read_yaml(path: Path) -> Any:
    try:
        return safe_yaml_load(path.read_text(encoding="utf-8"), str(path))
    except FileNotFoundError:
        raise ImportFailed("demo.file_missing", file=str(path)) from None
    except yaml.YAMLError as exc:
        raise ImportFailed("demo.yaml_invalid", file=str(path), reason=exc) from None


def load_demo_codings(store: Store, path: Path, *, actor: str) -> int:
    """Load codings given as quotes (``document``, ``code`` id or path, ``quote``, ``coders``,
    optional ``occurrence`` and ``memo``); each quote is anchored in the stored text."""
    entries = _read_yaml(path) or {}
    slugs = {c.slug: c for c in list_codes(store)}
    count = 0
    folded: dict[str, Any] = {}
    with store.write(actor) as w:
        for i, entry in enumerate(entries.get("codings", []), start=1):
            doc = document_row(store, entry["document"])
            if doc["name"] not in folded:
                folded[doc["name"]] = fold(doc["text"])
            span = anchor(folded[doc["name"]], entry["quote"], int(entry.get("occurrence", 1)) - 1)
            if span is None:
                raise ImportFailed(
                    "demo.quote_not_found",
                    file=str(path),
                    entry=i,
                    document=doc["name"],
                    quote=entry["quote"][:60],
                )
            code = slugs.get(entry["code"]) or entry["code"]
            for coder in entry.get("coders", []):
                add_coding_in(
                    w, doc["name"], span[0], span[1], code, coder, memo=entry.get("memo", ""), origin="demo"
                )
                count += 1
    return count


def create_demo(db: str | Path, root: Path, *, actor: str) -> dict[str, Any]:
    """Build the demo project: shipped codebook, the sample transcripts listed in
    ``transcripts/metadata.yaml`` with their attributes, and ``transcripts/demo_codings.yaml``."""
    if Path(db).exists():
        raise StoreError("demo.exists", path=db)
    codebook_path = root / "codebook" / "codebook.yaml"
    if not codebook_path.exists():
        raise CodebookError("demo.codebook_missing", file=str(codebook_path))
    book = load_codebook(codebook_path)
    meta = _read_yaml(root / "transcripts" / "metadata.yaml") or {}
    parsed = [
        (entry, parse_file(root / "transcripts" / entry["file"])) for entry in meta.get("documents", [])
    ]
    tmp = Path(f"{db}.part")
    tmp.unlink(missing_ok=True)
    store = create_store(tmp, actor=actor)
    try:
        with store.write(actor) as w:
            load_into(w, book)
            for entry, doc in parsed:
                import_parsed(
                    w,
                    doc,
                    language=entry.get("language"),
                    attributes=entry.get("attributes") or {},
                    source_name=entry["file"],
                )
        for entry, doc in parsed:
            for speaker, values in (entry.get("speakers") or {}).items():
                set_attributes(store, doc.name, values, actor=actor, speaker=speaker)
        codings = load_demo_codings(store, root / "transcripts" / "demo_codings.yaml", actor=actor)
        coders = [r["name"] for r in store.query("SELECT name FROM coders ORDER BY name")]
        summary = {"documents": len(parsed), "codes": len(book.codes), "codings": codings, "coders": coders}
    except BaseException:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        raise
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    try:
        os.link(tmp, db)  # unlike a rename, never replaces a project created in the meantime
    except FileExistsError:
        raise StoreError("demo.appeared", path=db) from None
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    return summary

"""Applying the pseudonym table: :func:`apply` replaces every occurrence in the text of the chosen
documents in ONE transaction and moves the offsets of every table that points into a document's text
(found by introspection: tables with ``document_id`` or ``document`` and ``start``/``end``), clips
codings that overlapped a name to the placeholder, refreshes each coding's copy of its text and writes
events (which name placeholders and offsets, never the originals). :func:`pseudonymise_text` replaces
the originals in any text, for pseudonymised exports; :func:`import_pseudonymised` applies the table
before a transcript is ever stored."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.codings import set_aside_codings_in, update_coding_in
from toolkit.documents import document_row, import_parsed
from toolkit.errors import InvalidValue
from toolkit.importers import MAX_FILE_BYTES, parse_bytes, parse_file
from toolkit.importers.renames import renamed
from toolkit.language import count_words
from toolkit.model import Coding, ImportResult, ParsedDocument, Turn
from toolkit.permissions import require_lead
from toolkit.pseudonyms.table import table_rows
from toolkit.qca.texts import pseudonymise_written
from toolkit.store import Store, Writer

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class DocumentChange:
    """What :func:`apply` changed (or, from :func:`preview`, would change) in one document."""

    document: str
    replacements: dict[str, int]
    codings_moved: int
    codings_clipped: int

    @property
    def total(self) -> int:
        return sum(self.replacements.values())


def _pattern(store: Store) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    rows = table_rows(store)
    if not rows:
        return None, {}
    table = {p.original: p.placeholder for p in rows}
    alternatives = "|".join(re.escape(o) for o in sorted(table, key=lambda o: (-len(o), o)))
    # whole words: no letter or digit on either side; "_" separates words as in file names
    # (Kranzberger_Zwieselstadt.txt), as "-", "." and spaces do
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])"), table


def _matches(store: Store, text: str) -> list[tuple[int, int, str]]:
    """``(start, end, placeholder)`` of every occurrence of an original in ``text``, in order."""
    pattern, table = _pattern(store)
    if pattern is None:
        return []
    return [(m.start(), m.end(), table[m.group(0)]) for m in pattern.finditer(text)]


def pseudonymise_text(store: Store, text: str) -> str:
    """``text`` with every original of the table replaced by its placeholder (whole words only, where
    ``_`` separates words, the longest original first). Anyone may call it: the result reveals no
    original."""
    pattern, table = _pattern(store)
    if pattern is None or not text:
        return text
    return pattern.sub(lambda m: table[m.group(0)], text)


def pseudonymise_frame(store: Store, frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell pseudonymised (segments, quotes, speakers,
    document names), for exports. The frame given is not changed."""
    out = frame.copy()
    if _pattern(store)[0] is None:
        return out
    from pandas.api.types import is_object_dtype, is_string_dtype

    for column in out.columns:
        if is_object_dtype(out[column]) or is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: pseudonymise_text(store, v) if isinstance(v, str) else v)
    return out


def pseudonymise_codings(store: Store, codings: Sequence[Coding]) -> list[Coding]:
    """Copies of ``codings`` with document name, text and memo pseudonymised, for exports."""
    return [
        replace(
            c,
            document=pseudonymise_text(store, c.document),
            text=pseudonymise_text(store, c.text),
            memo=pseudonymise_text(store, c.memo),
        )
        for c in codings
    ]


class _OffsetMap:
    """Maps offsets of the old text to the new one. An offset strictly inside a replaced name maps
    to the placeholder's start (for a start) or end (for an end), so spans cover the placeholder."""

    def __init__(self, matches: Sequence[tuple[int, int, str]]) -> None:
        self.matches = matches
        self.starts = [s for s, _, _ in matches]
        shift, self.shifts = 0, []
        for s, e, placeholder in matches:
            self.shifts.append(shift)  # total shift before this match
            shift += len(placeholder) - (e - s)
        self.total = shift

    def _index(self, offset: int) -> int:
        """Index of the last match starting at or before ``offset`` (-1 if none)."""
        lo, hi = 0, len(self.starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.starts[mid] <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo - 1

    def map(self, offset: int, *, is_end: bool) -> tuple[int, bool]:
        """The new offset, and whether it was inside a replaced name (clipped)."""
        i = self._index(offset - 1 if is_end else offset)
        if i < 0:
            return offset, False
        s, e, placeholder = self.matches[i]
        new_s = s + self.shifts[i]
        if offset >= e:
            return offset + self.shifts[i] + len(placeholder) - (e - s), False
        if is_end:
            return new_s + len(placeholder), offset != e and offset != s
        return new_s, offset != s


def _offset_tables(store: Store) -> list[tuple[str, str]]:
    """Tables holding offsets into a document's text: ``(table, column naming the document)``."""
    out = []
    for row in store.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        columns = {c["name"] for c in store.query(f"PRAGMA table_info('{row['name']}')")}
        if {"start", "end"} <= columns:
            if "document_id" in columns:
                out.append((row["name"], "document_id"))
            elif "document" in columns:
                out.append((row["name"], "document"))
    return out


def _text_of(doc: dict[str, Any], matches: Sequence[tuple[int, int, str]]) -> str:
    parts, last = [], 0
    for s, e, placeholder in matches:
        parts.append(doc["text"][last:s])
        parts.append(placeholder)
        last = e
    parts.append(doc["text"][last:])
    return "".join(parts)


def _counts(matches: Sequence[tuple[int, int, str]]) -> dict[str, int]:
    return dict(Counter(p for _, _, p in matches))


def preview(store: Store, documents: Sequence[str]) -> list[DocumentChange]:
    """What :func:`apply` would change in each document: replacements per placeholder and codings
    that would move or be clipped. Changes nothing."""
    out = []
    for name in documents:
        doc = document_row(store, name)
        matches = _matches(store, doc["text"])
        offsets = _OffsetMap(matches)
        moved = clipped = 0
        for c in store.query('SELECT start, "end" FROM codings WHERE document_id = ?', (doc["id"],)):
            (s, cs), (e, ce) = offsets.map(c["start"], is_end=False), offsets.map(c["end"], is_end=True)
            moved += (s, e) != (c["start"], c["end"])
            clipped += cs or ce
        out.append(DocumentChange(doc["name"], _counts(matches), moved, clipped))
    return out


_FAR = 1 << 40  # moves spans out of the way while they are rewritten, so no UNIQUE index trips


def _apply_one(w: Writer, doc: dict[str, Any], tables: list[tuple[str, str]]) -> DocumentChange:
    store = w.store
    matches = _matches(store, doc["text"])
    if not matches:
        pseudonymise_written(w, doc["id"], lambda t: pseudonymise_text(store, t))
        return DocumentChange(doc["name"], {}, 0, 0)
    offsets = _OffsetMap(matches)
    text = _text_of(doc, matches)
    w.execute("UPDATE documents SET text = ? WHERE id = ?", (text, doc["id"]))
    moved = clipped = 0
    for table, column in tables:
        key = doc["id"] if column == "document_id" else doc["name"]
        rows = store.query(f'SELECT rowid AS row_id_, * FROM "{table}" WHERE "{column}" = ?', (key,))
        if table == "codings":
            set_aside_codings_in(w, doc["id"], _FAR)
        else:
            w.execute(
                f'UPDATE "{table}" SET start = start + {_FAR}, "end" = "end" + {_FAR} WHERE "{column}" = ?',
                (key,),
            )
        for row in rows:
            start, cut_start = offsets.map(row["start"], is_end=False)
            end, cut_end = offsets.map(row["end"], is_end=True)
            if table == "codings":
                moved, clipped = _move_coding(w, row, start, end, cut_start or cut_end, moved, clipped)
                continue
            changed: dict[str, Any] = {"start": start, "end": end}
            if table == "consensus_decisions":
                changed["key"] = re.sub(r"\d+-\d+$", f"{start}-{end}", row["key"])
            sets = ", ".join(f'"{k}" = ?' for k in changed)
            try:
                w.execute(f'UPDATE "{table}" SET {sets} WHERE rowid = ?', (*changed.values(), row["row_id_"]))
            except sqlite3.IntegrityError:  # equal to another row once clipped to the placeholder
                w.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (row["row_id_"],))
    spans = store.query('SELECT start, "end" FROM turns WHERE document_id = ?', (doc["id"],))
    words = sum(count_words(text[t["start"] : t["end"]]) for t in spans)
    w.execute("UPDATE documents SET words = ? WHERE id = ?", (words, doc["id"]))
    for table, column in (("turns", "speaker"), ("speaker_attributes", "speaker")):
        for row in store.query(
            f"SELECT DISTINCT {column} AS v FROM {table} WHERE document_id = ?", (doc["id"],)
        ):
            new = pseudonymise_text(store, row["v"])
            if new != row["v"]:
                w.execute(
                    f"UPDATE {table} SET {column} = ? WHERE document_id = ? AND {column} = ?",
                    (new, doc["id"], row["v"]),
                )
    pseudonymise_written(w, doc["id"], lambda t: pseudonymise_text(store, t))
    change = DocumentChange(doc["name"], _counts(matches), moved, clipped)
    w.event(
        "pseudonymise",
        "document",
        doc["guid"],
        {
            "document": doc["name"],
            "replacements": change.replacements,
            "codings_moved": moved,
            "codings_clipped": clipped,
            "length": {"before": len(doc["text"]), "after": len(text)},
        },
    )
    return change


def _move_coding(
    w: Writer,
    row: dict[str, Any],
    start: int,
    end: int,
    clipped_now: bool,
    moved: int,
    clipped: int,
) -> tuple[int, int]:
    """Move one coding (set aside at ``_FAR``) to its new span through the one write path; two
    codings that differed only inside a name become one (the first kept)."""
    shifted = {**row, "start": row["start"] + _FAR, "end": row["end"] + _FAR}
    kept = update_coding_in(w, shifted, start=start, end=end, action="pseudonymise", twin="merge", before=row)
    if kept != row["guid"]:
        return moved + 1, clipped + 1
    if (start, end) == (row["start"], row["end"]) and not clipped_now:
        return moved, clipped
    return moved + 1, clipped + int(clipped_now)


def apply(store: Store, documents: Sequence[str], *, actor: str) -> list[DocumentChange]:
    """Replace every original of the table in ``documents`` in one transaction (all or nothing);
    leads only. Offsets of turns, codings and every other table pointing into the text move with
    it; codings that overlapped a name are clipped to its placeholder. What coders wrote on these
    documents (summaries, paraphrases, memos) and on none (code memos, paraphrase group names) is
    pseudonymised too."""
    require_lead(store, actor, "pseudonymise documents")
    if not documents:
        raise InvalidValue("pseudonyms.no_documents")
    docs = [document_row(store, name) for name in documents]
    tables = _offset_tables(store)
    from toolkit.qca.texts import pseudonymise_unattached  # code memos, paraphrase groups

    with store.write(actor) as w:
        changes = [
            _apply_one(w, store.one("SELECT * FROM documents WHERE id = ?", (d["id"],)) or d, tables)
            for d in docs
        ]
        pseudonymise_unattached(w, lambda t: pseudonymise_text(store, t))
        # one event for the whole run, also over documents without a name: undo of older QCA texts
        # (which may quote a name) is refused after it (toolkit.qca.undo.check_not_pseudonymised)
        w.event("pseudonymise", "project", None, {"documents": [d["name"] for d in docs]})
        return changes


def pseudonymise_parsed(store: Store, doc: ParsedDocument) -> ParsedDocument:
    """A parsed transcript with the table applied before it is ever stored: text, turn offsets,
    speaker labels and the document name. The SHA-256 stays that of the original file, so the same
    file imported again is still recognised."""
    matches = _matches(store, doc.text)
    offsets = _OffsetMap(matches)
    turns = tuple(
        Turn(
            pseudonymise_text(store, t.speaker),
            offsets.map(t.start, is_end=False)[0],
            offsets.map(t.end, is_end=True)[0] if t.end > t.start else offsets.map(t.start, is_end=False)[0],
            t.timestamp,
        )
        for t in doc.turns
    )
    text = _text_of({"text": doc.text}, matches)
    return replace(doc, name=pseudonymise_text(store, doc.name), text=text, turns=turns)


def import_pseudonymised(
    store: Store,
    paths: Sequence[str | Path],
    *,
    actor: str,
    language: str | None = None,
    attributes: Mapping[str, str] | None = None,
    speaker_pattern: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    renames: Mapping[str, str] | None = None,
) -> list[ImportResult]:
    """Like :func:`toolkit.documents.import_files` (one transaction, all or nothing), but every
    document is pseudonymised with the table before it is stored: the originals never reach the
    project file. Speakers are renamed by ``renames`` first, so the table sees the new names
    (``B=Herr Weber`` becomes the pseudonym of Herr Weber). Leads only."""
    require_lead(store, actor, "import pseudonymised documents")
    parsed = [
        (str(p), renamed(parse_file(p, speaker_pattern=speaker_pattern, max_bytes=max_bytes), renames))
        for p in paths
    ]
    return _store_pseudonymised(store, parsed, actor=actor, language=language, attributes=attributes)


def import_upload_pseudonymised(
    store: Store,
    data: bytes,
    filename: str,
    *,
    actor: str,
    language: str | None = None,
    speaker_pattern: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    renames: Mapping[str, str] | None = None,
) -> ImportResult:
    """One uploaded file imported pseudonymised (see :func:`import_pseudonymised`), in its own
    transaction: speakers renamed first, then the table applied."""
    require_lead(store, actor, "import pseudonymised documents")
    doc = renamed(parse_bytes(data, filename, speaker_pattern=speaker_pattern, max_bytes=max_bytes), renames)
    return _store_pseudonymised(store, [(filename, doc)], actor=actor, language=language, attributes=None)[0]


def _store_pseudonymised(
    store: Store,
    parsed: Sequence[tuple[str, ParsedDocument]],
    *,
    actor: str,
    language: str | None,
    attributes: Mapping[str, str] | None,
) -> list[ImportResult]:
    with store.write(actor) as w:
        results = []
        for path, doc in parsed:
            clean = pseudonymise_parsed(store, doc)
            source = pseudonymise_text(store, path)
            result = import_parsed(w, clean, language=language, attributes=attributes, source_name=source)
            if result.imported:
                row = store.one("SELECT guid FROM documents WHERE name = ?", (result.document,)) or {}
                w.event(
                    "pseudonymise",
                    "document",
                    row.get("guid"),
                    {
                        "document": result.document,
                        "replacements": _counts(_matches(store, doc.text)),
                        "on_import": True,
                    },
                )
            results.append(result)
        return results

"""Documents of a project: importing transcripts into the store, listing them, their turns and
their case attributes."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from toolkit.errors import InvalidValue, NotFound
from toolkit.importers import MAX_FILE_BYTES, parse_bytes, parse_file
from toolkit.importers.renames import renamed
from toolkit.language import LANGUAGES, count_words, detect_language
from toolkit.model import DocumentInfo, ImportResult, ParsedDocument, Turn
from toolkit.permissions import require_lead
from toolkit.store import Store, Writer, cached_by_change, now

_DOC_NAMESPACE = uuid.UUID("0b7e4f6c-9f58-4c55-8f2f-3f7d3c3b2a41")


def _free_name(store: Store, name: str) -> str:
    candidate, n = name, 2
    while store.one("SELECT 1 AS x FROM documents WHERE name = ?", (candidate,)):
        candidate, n = f"{name} ({n})", n + 1
    return candidate


def check_attribute(store: Store, key: str, value: str, applies_to: str) -> None:
    """Refuse an attribute value that is empty, belongs to the other level (``document`` or
    ``speaker``) or is not in the variable's list of values; the one check for every writer of
    attributes (import, the variables table, REFI-QDA cases)."""
    if not key or not value:
        raise InvalidValue("attribute.incomplete", key=key, value=value)
    row = store.one("SELECT * FROM attribute_definitions WHERE name = ?", (key,))
    if row is None:
        return
    if row["applies_to"] != applies_to:
        raise InvalidValue("attribute.wrong_level", key=key, level=row["applies_to"], given=applies_to)
    allowed = [v["value"] for v in json.loads(row["value_list"])]
    if allowed and value not in allowed:
        raise InvalidValue("attribute.value_unknown", value=value, key=key, choices=allowed)


def spoken_words(doc: ParsedDocument) -> int:
    """Words said in the turns: speaker labels, timestamps and header lines do not count."""
    # one pass over the turns joined by newlines: no word runs over a newline, so the count is the
    # sum of the turns' counts
    return count_words("\n".join([doc.text[t.start : t.end] for t in doc.turns]))


def import_parsed(
    w: Writer,
    doc: ParsedDocument,
    *,
    language: str | None = None,
    attributes: Mapping[str, str] | None = None,
    source_name: str = "",
    renames: Mapping[str, str] | None = None,
) -> ImportResult:
    """Store one parsed document inside an open transaction, speakers renamed by ``renames``
    (see toolkit.importers.renames.renamed). The same bytes imported again are recognised by their
    SHA-256 and not stored twice."""
    doc = renamed(doc, renames)
    store = w.store
    source = source_name or doc.name
    dup = store.one("SELECT name FROM documents WHERE sha256 = ?", (doc.sha256,))
    if dup:
        return ImportResult(source, dup["name"], False, duplicate_of=dup["name"])
    if language is not None and language not in LANGUAGES:
        raise InvalidValue("language.unsupported", language=language, choices=LANGUAGES)
    lang = language or detect_language(doc.text)
    for key, value in (attributes or {}).items():
        check_attribute(store, key, value, "document")
    name = _free_name(store, doc.name)
    guid = str(uuid.uuid5(_DOC_NAMESPACE, doc.sha256)).upper()
    words = spoken_words(doc)
    doc_id = w.insert(
        "documents",
        {
            "guid": guid,
            "name": name,
            "text": doc.text,
            "language": lang,
            "source_format": doc.source_format,
            "source_name": source,
            "sha256": doc.sha256,
            "words": words,
            "imported_at": now(),
            "imported_by": w.actor,
        },
    )
    pages = doc.turn_pages or (None,) * len(doc.turns)
    w.store.conn.executemany(
        'INSERT INTO turns (document_id, seq, speaker, start, "end", timestamp, page) VALUES (?,?,?,?,?,?,?)',
        [
            (doc_id, i, t.speaker, t.start, t.end, t.timestamp, p)
            for i, (t, p) in enumerate(zip(doc.turns, pages, strict=True))
        ],
    )
    for key, value in (attributes or {}).items():
        w.insert("document_attributes", {"document_id": doc_id, "name": key, "value": value})
    w.event(
        "import",
        "document",
        guid,
        {
            "name": name,
            "source": source,
            "format": doc.source_format,
            "sha256": doc.sha256,
            "language": lang,
            "words": words,
            "turns": len(doc.turns),
            "attributes": dict(attributes or {}),
        },
    )
    return ImportResult(
        source, name, True, words=words, turns=len(doc.turns), skipped_labels=doc.skipped_labels
    )


def import_files(
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
    """Import several files as one transaction: every file is parsed first, and if any one fails
    nothing is stored and the error names that file."""
    require_lead(store, actor, "import documents")
    parsed = [(str(p), parse_file(p, speaker_pattern=speaker_pattern, max_bytes=max_bytes)) for p in paths]
    with store.write(actor) as w:
        return [
            import_parsed(w, doc, language=language, attributes=attributes, source_name=p, renames=renames)
            for p, doc in parsed
        ]


def import_upload(
    store: Store,
    data: bytes,
    filename: str,
    *,
    actor: str,
    language: str | None = None,
    attributes: Mapping[str, str] | None = None,
    speaker_pattern: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    renames: Mapping[str, str] | None = None,
) -> ImportResult:
    """Import one uploaded file (bytes and its name) in its own transaction."""
    require_lead(store, actor, "import documents")
    doc = parse_bytes(data, filename, speaker_pattern=speaker_pattern, max_bytes=max_bytes)
    with store.write(actor) as w:
        return import_parsed(
            w, doc, language=language, attributes=attributes, source_name=filename, renames=renames
        )


def document_row(store: Store, name: str) -> dict[str, Any]:
    """The stored row of a document, by name (or GUID)."""
    row = store.one("SELECT * FROM documents WHERE name = ? OR guid = ?", (name, name.upper()))
    if row is None:
        names = [r["name"] for r in store.query("SELECT name FROM documents ORDER BY name LIMIT 8")]
        raise (
            NotFound("document.not_found", name=name, documents=names)
            if names
            else NotFound("document.not_found_none", name=name)
        )
    return row


def document_text(store: Store, name: str) -> str:
    return str(document_row(store, name)["text"])


def document_turns(store: Store, name: str) -> list[Turn]:
    """The turns of a document in order."""
    doc = document_row(store, name)
    return [
        Turn(r["speaker"], r["start"], r["end"], r["timestamp"])
        for r in store.query(
            'SELECT speaker, start, "end", timestamp FROM turns WHERE document_id = ? ORDER BY seq',
            (doc["id"],),
        )
    ]


def document_names(store: Store) -> list[str]:
    """Every document's name, in the order of :func:`list_documents` (without its counts)."""
    return [str(r[0]) for r in store.conn.execute("SELECT name FROM documents ORDER BY name")]


def list_documents(store: Store) -> list[DocumentInfo]:
    """Every document with its word and turn counts, speakers and time range."""
    return list(_list_documents(store))


@cached_by_change
def _list_documents(store: Store) -> tuple[DocumentInfo, ...]:
    turn_stats = {
        r["document_id"]: r
        for r in store.query(
            "SELECT document_id, count(*) AS n, min(timestamp) AS first, max(timestamp) AS last "
            "FROM turns GROUP BY document_id"
        )
    }
    speakers: dict[int, list[str]] = {}
    for r in store.query(
        "SELECT document_id, speaker, min(seq) AS first_seq FROM turns "
        "WHERE speaker <> '' GROUP BY document_id, speaker ORDER BY first_seq"
    ):
        speakers.setdefault(r["document_id"], []).append(r["speaker"])
    attrs: dict[int, dict[str, str]] = {}
    for r in store.query("SELECT * FROM document_attributes ORDER BY name"):
        attrs.setdefault(r["document_id"], {})[r["name"]] = r["value"]
    out = []
    for d in store.query(
        "SELECT id, guid, name, words, language, source_format, sha256 FROM documents ORDER BY name"
    ):
        stats = turn_stats.get(d["id"], {})
        out.append(
            DocumentInfo(
                name=d["name"],
                guid=d["guid"],
                words=d["words"],
                turns=stats.get("n", 0),
                speakers=tuple(speakers.get(d["id"], [])),
                first_timestamp=stats.get("first"),
                last_timestamp=stats.get("last"),
                language=d["language"],
                source_format=d["source_format"],
                sha256=d["sha256"],
                attributes=attrs.get(d["id"], {}),
            )
        )
    return tuple(out)


def set_attributes(
    store: Store,
    document: str,
    values: Mapping[str, str],
    *,
    actor: str,
    speaker: str | None = None,
) -> None:
    """Set case attributes of a document, or of one of its speakers (e.g. the speaker role)."""
    require_lead(store, actor, "change case attributes")
    doc = document_row(store, document)
    if speaker is not None:
        known = {
            r["speaker"]
            for r in store.query("SELECT DISTINCT speaker FROM turns WHERE document_id = ?", (doc["id"],))
        }
        if speaker not in known:
            raise NotFound(
                "document.no_speaker", document=document, speaker=speaker, speakers=sorted(known) or "(none)"
            )
    with store.write(actor) as w:
        for key, value in values.items():
            _write_attribute(w, doc, key, value, speaker)


def write_document_attribute(w: Writer, document: str, key: str, value: str) -> None:
    """Set one variable of a document inside an open change (checked against the codebook)."""
    _write_attribute(w, document_row(w.store, document), key, value, None)


def _write_attribute(w: Writer, doc: dict[str, Any], key: str, value: str, speaker: str | None) -> None:
    """The one place a case attribute is written (and logged)."""
    check_attribute(w.store, key, value, "speaker" if speaker is not None else "document")
    if speaker is None:
        w.execute(
            "INSERT INTO document_attributes (document_id, name, value) VALUES (?,?,?) "
            "ON CONFLICT DO UPDATE SET value = excluded.value",
            (doc["id"], key, value),
        )
    else:
        w.execute(
            "INSERT INTO speaker_attributes (document_id, speaker, name, value) "
            "VALUES (?,?,?,?) ON CONFLICT DO UPDATE SET value = excluded.value",
            (doc["id"], speaker, key, value),
        )
    w.event(
        "set",
        "attribute",
        doc["guid"],
        {"document": doc["name"], "speaker": speaker, "name": key, "value": value},
    )


def speaker_attributes(store: Store, document: str) -> dict[str, dict[str, str]]:
    """``{speaker: {attribute: value}}`` of one document."""
    doc = document_row(store, document)
    out: dict[str, dict[str, str]] = {}
    for r in store.query(
        "SELECT speaker, name, value FROM speaker_attributes WHERE document_id = ?", (doc["id"],)
    ):
        out.setdefault(r["speaker"], {})[r["name"]] = r["value"]
    return out


def attribute_labels(store: Store) -> dict[str, str]:
    """Display labels of the defined attributes (``municipality_type`` -> ``Kommunentyp``)."""
    return {
        r["name"]: r["label"] or r["name"]
        for r in store.query("SELECT name, label FROM attribute_definitions")
    }


def parse_assignments(items: Iterable[str]) -> dict[str, str]:
    """``["KEY=VALUE", ...]`` -> dict; a malformed item is an error naming it."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise InvalidValue("attribute.not_key_value", item=item)
        out[key.strip()] = value.strip()
    return out


def speaker_role_values(store: Store) -> list[str]:
    """The speaker roles (``speaker_role``) given to any speaker of the project, sorted."""
    return sorted(
        str(r["value"])
        for r in store.query("SELECT DISTINCT value FROM speaker_attributes WHERE name = 'speaker_role'")
    )


def turn_pages(store: Store, document: str) -> list[int | None]:
    """The page each turn of ``document`` begins on (PDF transcripts; None for other formats)."""
    doc = document_row(store, document)
    return [
        r["page"]
        for r in store.query("SELECT page FROM turns WHERE document_id = ? ORDER BY seq", (doc["id"],))
    ]

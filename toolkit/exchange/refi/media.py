"""Recordings in ``.qdpx`` projects (issue 21): a document with a recording is exported as its
``TextSource`` (with the codings, as before) *and* an ``AudioSource``/``VideoSource`` whose
``Transcript`` names the same text file and carries one ``SyncPoint`` per turn with a time stamp
(``timeStamp`` in milliseconds, ``position`` the turn's start in code points). Import reads it
back: the recording is stored in the media folder and attached to the document whose text the
transcript is, and sync points give turns without a time stamp theirs (an existing stamp is kept).
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import PurePosixPath
from typing import Any, Protocol
from xml.etree.ElementTree import Element, SubElement

from toolkit.documents import document_row
from toolkit.errors import ImportFailed, InvalidValue
from toolkit.exchange.refi.model import ImportReport, RefiProject, RefiSource, RefiTranscript
from toolkit.exchange.refi.positions import PositionMap
from toolkit.exchange.refi.safety import MAX_MEMBER_BYTES, Archive
from toolkit.media import all_media, attach_in, media_folder, media_path, sniff_format
from toolkit.store import Store, Writer

MEDIA_KINDS = ("AudioSource", "VideoSource")
_COPY_CHUNK = 1 << 20


class Guid(Protocol):
    def __call__(self, kind: str, key: str) -> str: ...


def _member_name(info_sha: str, fmt_ext: str) -> str:
    return f"{info_sha}.{fmt_ext}"


def media_sources(store: Store, sources: Element, docs: list[dict[str, Any]], stable_guid: Guid) -> None:
    """Append an audio/video source per document with a recording (see the module docstring)."""
    recorded = all_media(store)
    for d in docs:
        info = recorded.get(d["name"])
        if info is None:
            continue
        path = media_path(store, info)
        tag = "VideoSource" if info.kind == "video" else "AudioSource"
        src = SubElement(
            sources,
            tag,
            {
                "guid": stable_guid("media", d["guid"]),
                "name": info.file_name,
                "path": f"internal://{path.name}",
            },
        )
        transcript = SubElement(
            src,
            "Transcript",
            {
                "guid": stable_guid("transcript", d["guid"]),
                "name": d["name"],
                "plainTextPath": f"internal://{d['guid']}.txt",
            },
        )
        for seq, start, stamp in store.conn.execute(
            "SELECT seq, start, timestamp FROM turns "
            "WHERE document_id = ? AND timestamp IS NOT NULL ORDER BY seq",
            (d["id"],),
        ):
            SubElement(
                transcript,
                "SyncPoint",
                {
                    "guid": stable_guid("sync", f"{d['guid']}:{seq}"),
                    "timeStamp": str(round(float(stamp) * 1000)),
                    "position": str(int(start)),
                },
            )


def write_media(store: Store, zf: zipfile.ZipFile, member: Any) -> list[str]:
    """Copy every attached recording into ``sources/``; returns those missing from the media folder."""
    missing = []
    for info in all_media(store).values():
        path = media_path(store, info)
        if not path.is_file():
            missing.append(info.file_name)
            continue
        target = member(f"sources/{path.name}")
        target.compress_type = zipfile.ZIP_STORED  # recordings are compressed already
        with path.open("rb") as src, zf.open(target, "w", force_zip64=True) as out:
            while chunk := src.read(_COPY_CHUNK):
                out.write(chunk)
    return missing


def _member_for(archive: Archive, ref: str) -> str | None:
    ref = ref.strip()
    if ref.lower().startswith("internal://"):
        ref = ref[len("internal://") :]
    base = PurePosixPath(ref.replace("\\", "/")).name
    return archive.find(base=base) if base else None


def _leaf(ref: str) -> str:
    return PurePosixPath(ref.split("://", 1)[-1].replace("\\", "/")).name


def _document_of(
    transcript: RefiTranscript, project: RefiProject, texts: dict[str, PositionMap], docs: dict[str, int]
) -> tuple[int, PositionMap] | None:
    """The imported document the transcript is the text of: the text source with the same file,
    else the one with the same text."""
    ref = PurePosixPath(transcript.plain_text_path.split("://", 1)[-1].replace("\\", "/")).name
    for src in project.sources:
        if src.kind != "TextSource" or src.guid not in docs or src.guid not in texts:
            continue
        same_file = (
            ref and PurePosixPath(src.plain_text_path.split("://", 1)[-1].replace("\\", "/")).name == ref
        )
        same_text = (
            transcript.content is not None and transcript.content.strip() == texts[src.guid].text.strip()
        )
        if same_file or same_text:
            return docs[src.guid], texts[src.guid]
    return None


def _sync_turns(w: Writer, doc_id: int, pmap: PositionMap, points: tuple[tuple[int, int], ...]) -> int:
    """Time stamps from sync points for turns that have none; returns how many were set."""
    turns = w.store.query(
        'SELECT id, start, "end", timestamp FROM turns WHERE document_id = ? ORDER BY seq', (doc_id,)
    )
    set_count = 0
    for ms, position in sorted(points, key=lambda p: p[1]):
        span = pmap.span(position, position + 1) if position < pmap.length else None
        offset = span[0] if span else len(pmap.text)
        turn = next((t for t in turns if t["end"] > offset), None)
        if turn is None or turn["timestamp"] is not None or ms < 0:
            continue
        turn["timestamp"] = round(ms / 1000, 1)
        w.execute("UPDATE turns SET timestamp = ? WHERE id = ?", (turn["timestamp"], turn["id"]))
        set_count += 1
    return set_count


def import_media(
    w: Writer,
    archive: Archive,
    project: RefiProject,
    texts: dict[str, PositionMap],
    docs: dict[str, int],
    report: ImportReport,
) -> None:
    """Attach the recordings of audio/video sources to the documents their transcripts are."""
    store = w.store
    for src in project.sources:
        if src.kind not in MEDIA_KINDS:
            continue
        label = src.name or src.guid
        target = next(
            (found for t in src.transcripts if (found := _document_of(t, project, texts, docs)) is not None),
            None,
        )
        if target is None:
            report.skipped_sources.append(
                f"{label} ({src.kind}: no transcript that is one of the imported text sources)"
            )
            continue
        doc_id, pmap = target
        member = _member_for(archive, src.plain_text_path)
        if member is None:
            report.missing_sources.append(f"{label} ({src.plain_text_path or 'no path'})")
            continue
        try:
            data = archive.read(member, limit=MAX_MEMBER_BYTES)
            fmt = sniff_format(data[:64], member)
        except (ImportFailed, InvalidValue) as exc:
            report.warnings.append(f"{label}: recording not attached: {exc}")
            continue
        sha = hashlib.sha256(data).hexdigest()
        if not report.dry_run:
            folder = media_folder(store)
            folder.mkdir(parents=True, exist_ok=True)
            stored = folder / _member_name(sha, fmt.ext)
            if not stored.exists():
                part = folder / f".{stored.name}.part"
                part.write_bytes(data)
                part.replace(stored)
        row = store.one("SELECT id, guid, name FROM documents WHERE id = ?", (doc_id,))
        assert row is not None
        doc = document_row(store, row["name"])
        attach_in(w, doc, fmt, sha, len(data), PurePosixPath(member).name if not src.name else src.name)
        stamps = sum(_sync_turns(w, doc_id, pmap, t.sync_points) for t in src.transcripts)
        report.media_attached += 1
        report.time_stamps_synced += stamps


def is_media(src: RefiSource) -> bool:
    return src.kind in MEDIA_KINDS

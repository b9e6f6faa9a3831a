"""Recordings (audio or video) attached to documents, so that coders can listen while they code.

- Only formats a browser plays are accepted: MP3, AAC/M4A, Ogg (Vorbis/Opus), WAV, FLAC, MP4 and
  WebM. The format is read from the file's first bytes (its magic number), never only from its
  name; anything else is refused with one line naming the format and an ffmpeg command that
  converts it.
- The files live beside the project, in a folder named after it (``study.db`` ->
  ``study.media/``), under their SHA-256 (``<sha256>.<ext>``), never inside SQLite. A file is
  written once and never changed; detaching keeps it, so undo and older backups find it again.
- Attaching, detaching and setting a turn's time stamp are events of the log, and the acting
  user can undo them (:func:`undo_media`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Sequence
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from toolkit.documents import document_row
from toolkit.errors import Conflict, InvalidValue, NotFound
from toolkit.model import ImportResult
from toolkit.permissions import require_lead, require_user
from toolkit.store import Store, Writer, cached_by_change, now

MEDIA_EXTENSIONS = (".mp3", ".m4a", ".aac", ".mp4", ".m4v", ".ogg", ".oga", ".opus", ".wav", ".webm", ".flac")
# Extensions of recordings that are looked for beside a transcript on import (refused ones
# included, so that the import can say why a recording was not attached).
RECORDING_EXTENSIONS = (
    *MEDIA_EXTENSIONS,
    ".wma",
    ".wmv",
    ".avi",
    ".mov",
    ".mkv",
    ".aif",
    ".aiff",
    ".amr",
    ".3gp",
    ".dss",
)
_ACTIONS = ("attach", "detach", "time")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class MediaFormat:
    """A playable format: its name, MIME type, kind (audio/video) and file extension."""

    name: str
    mime: str
    kind: str
    ext: str


@dataclass(frozen=True)
class MediaInfo:
    """The recording attached to a document."""

    document: str
    sha256: str
    format: str
    mime: str
    kind: str
    file_name: str
    bytes: int
    attached_at: str
    attached_by: str

    @property
    def stored_name(self) -> str:
        return f"{self.sha256}.{_EXT[self.format]}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


FORMATS = {
    f.name: f
    for f in (
        MediaFormat("mp3", "audio/mpeg", "audio", "mp3"),
        MediaFormat("aac", "audio/aac", "audio", "aac"),
        MediaFormat("m4a", "audio/mp4", "audio", "m4a"),
        MediaFormat("ogg", "audio/ogg", "audio", "ogg"),
        MediaFormat("opus", "audio/ogg", "audio", "opus"),
        MediaFormat("wav", "audio/wav", "audio", "wav"),
        MediaFormat("flac", "audio/flac", "audio", "flac"),
        MediaFormat("mp4", "video/mp4", "video", "mp4"),
        MediaFormat("webm", "video/webm", "video", "webm"),
    )
}
_EXT = {name: f.ext for name, f in FORMATS.items()}


def _refused(path: str, what: str, kind: str) -> InvalidValue:
    stem = Path(path).with_suffix("").name or "recording"
    if kind == "video":
        command = f'ffmpeg -i "{Path(path).name}" -c:v libx264 -c:a aac "{stem}.mp4"'
    else:
        command = f'ffmpeg -i "{Path(path).name}" -c:a libmp3lame -q:a 4 "{stem}.mp3"'
    return InvalidValue("media.unplayable", file=path, what=what, command=command)


def sniff_format(head: bytes, path: str = "recording") -> MediaFormat:
    """The playable format of a recording from its first bytes (at least 64 are best); a format
    the browser cannot play is refused naming it and an ffmpeg command that converts it."""
    ext = Path(path).suffix.lower()
    if len(head) < 12:
        raise InvalidValue("media.too_short", file=path, size=len(head))
    box = head[4:8]
    brand = head[8:12]
    if head.startswith(b"ID3"):
        return FORMATS["mp3"]
    if head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return FORMATS["aac"] if head[1] & 0x06 == 0 else FORMATS["mp3"]
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return FORMATS["wav"]
    if head.startswith(b"RIFF") and head[8:11] == b"AVI":
        raise _refused(path, "AVI video", "video")
    if head.startswith(b"OggS"):
        return FORMATS["opus"] if b"OpusHead" in head else FORMATS["ogg"]
    if head.startswith(b"fLaC"):
        return FORMATS["flac"]
    if box == b"ftyp":
        if brand == b"qt  ":
            raise _refused(path, "QuickTime video (.mov)", "video")
        if brand.startswith(b"3g"):
            raise _refused(path, "3GP video", "video")
        if brand in (b"M4A ", b"M4B ") or ext in (".m4a", ".aac"):
            return FORMATS["m4a"]
        return FORMATS["mp4"]
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        if b"webm" in head[:64]:
            return FORMATS["webm"]
        raise _refused(path, "Matroska video (.mkv)", "video")
    if head.startswith(b"\x30\x26\xb2\x75\x8e\x66\xcf\x11"):
        video = ext == ".wmv"
        return_kind = "video" if video else "audio"
        raise _refused(
            path, "Windows Media (WMA/WMV, ASF)" if not video else "Windows Media Video (WMV)", return_kind
        )
    if head.startswith(b"FORM") and head[8:12] in (b"AIFF", b"AIFC"):
        raise _refused(path, "AIFF audio", "audio")
    if head.startswith(b"#!AMR"):
        raise _refused(path, "AMR audio", "audio")
    if head[1:4] == b"dss" or head[1:4] == b"ds2":
        raise _refused(path, "Olympus dictation audio (DSS)", "audio")
    named = ext.lstrip(".").upper() or "without an extension"
    raise _refused(path, f"this file (not a recording format this toolkit knows; named {named})", "audio")


def media_folder(store: Store) -> Path:
    """The folder beside the project that holds its recordings: ``study.db`` -> ``study.media/``."""
    return folder_beside(store.path)


def folder_beside(project: str | Path) -> Path:
    """The media folder of the project (or backup) file ``project``."""
    p = Path(project)
    return p.with_name(f"{p.stem}.media")


def media_path(store: Store, info: MediaInfo) -> Path:
    """Where the recording of ``info`` is stored."""
    return media_folder(store) / info.stored_name


def _info(name: str, row: dict[str, Any]) -> MediaInfo:
    return MediaInfo(
        document=name,
        sha256=row["sha256"],
        format=row["format"],
        mime=row["mime"],
        kind=row["kind"],
        file_name=row["file_name"],
        bytes=row["bytes"],
        attached_at=row["attached_at"],
        attached_by=row["attached_by"],
    )


def document_media(store: Store, document: str) -> MediaInfo | None:
    """The recording attached to ``document``, or None."""
    return all_media(store).get(document_row(store, document)["name"])


def all_media(store: Store) -> dict[str, MediaInfo]:
    """``{document name: recording}`` of every document with one."""
    return dict(_all_media(store))


@cached_by_change
def _all_media(store: Store) -> tuple[tuple[str, MediaInfo], ...]:
    rows = store.query(
        "SELECT d.name, m.* FROM document_media m JOIN documents d ON d.id = m.document_id ORDER BY d.name"
    )
    return tuple((r["name"], _info(r["name"], r)) for r in rows)


def check_recording(path: str | Path) -> MediaFormat:
    """The format of the recording at ``path``, or the error that refuses it (nothing is stored)."""
    p = Path(path)
    if not p.is_file():
        raise NotFound("media.no_such_file", file=p)
    with p.open("rb") as f:
        head = f.read(64)
    return sniff_format(head, str(p))


def _store_file(store: Store, path: Path, fmt: MediaFormat) -> tuple[str, int]:
    """Copy the recording into the media folder under its SHA-256; returns (sha256, bytes)."""
    folder = media_folder(store)
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out, path.open("rb") as src:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        target = folder / f"{sha}.{fmt.ext}"
        if target.exists():
            os.unlink(tmp)
        else:
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return sha, size


def _row(w: Writer, doc_id: int) -> dict[str, Any] | None:
    return w.store.one("SELECT * FROM document_media WHERE document_id = ?", (doc_id,))


def _put(w: Writer, doc_id: int, row: dict[str, Any] | None) -> None:
    w.execute("DELETE FROM document_media WHERE document_id = ?", (doc_id,))
    if row is not None:
        w.insert(
            "document_media", {**{k: v for k, v in row.items() if k != "document_id"}, "document_id": doc_id}
        )


def _public(row: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if row is None else {k: v for k, v in row.items() if k != "document_id"}


def attach_in(
    w: Writer, doc: dict[str, Any], fmt: MediaFormat, sha: str, size: int, file_name: str
) -> MediaInfo:
    """Attach a stored recording to the document row ``doc`` inside an open transaction."""
    before = _row(w, doc["id"])
    row = {
        "sha256": sha,
        "format": fmt.name,
        "mime": fmt.mime,
        "kind": fmt.kind,
        "file_name": file_name,
        "bytes": size,
        "attached_at": now(),
        "attached_by": w.actor,
    }
    _put(w, doc["id"], row)
    w.event(
        "attach", "media", doc["guid"], {"document": doc["name"], "before": _public(before), "after": row}
    )
    return _info(doc["name"], row)


def attach_media(store: Store, document: str, path: str | Path, *, actor: str) -> MediaInfo:
    """Attach the recording at ``path`` to ``document`` (replacing one attached before)."""
    require_lead(store, actor, "attach recordings")
    doc = document_row(store, document)
    p = Path(path)
    fmt = check_recording(p)
    sha, size = _store_file(store, p, fmt)
    with store.write(actor) as w:
        return attach_in(w, doc, fmt, sha, size, p.name)


def attach_upload(store: Store, document: str, data: bytes, filename: str, *, actor: str) -> MediaInfo:
    """Attach an uploaded recording (its bytes and file name) to ``document``."""
    require_lead(store, actor, "attach recordings")
    doc = document_row(store, document)
    fmt = sniff_format(data[:64], filename)
    folder = media_folder(store)
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".upload-", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        sha, size = _store_file(store, Path(tmp), fmt)
    finally:
        Path(tmp).unlink(missing_ok=True)
    with store.write(actor) as w:
        return attach_in(w, doc, fmt, sha, size, Path(filename).name)


def store_recording(store: Store, path: str | Path) -> tuple[MediaFormat, str, int]:
    """Check and copy a recording into the media folder without attaching it: (format, sha256,
    bytes). For importers that attach inside their own transaction (:func:`attach_in`)."""
    p = Path(path)
    fmt = check_recording(p)
    sha, size = _store_file(store, p, fmt)
    return fmt, sha, size


def detach_media(store: Store, document: str, *, actor: str) -> MediaInfo:
    """Detach the recording of ``document``; its file stays in the media folder (for undo)."""
    require_lead(store, actor, "detach recordings")
    doc = document_row(store, document)
    with store.write(actor) as w:
        before = _row(w, doc["id"])
        if before is None:
            raise NotFound("media.none_attached", document=doc["name"])
        _put(w, doc["id"], None)
        w.event(
            "detach",
            "media",
            doc["guid"],
            {"document": doc["name"], "before": _public(before), "after": None},
        )
    return _info(doc["name"], before)


def set_turn_time(store: Store, document: str, turn: int, seconds: float | None, *, actor: str) -> None:
    """Set (or clear, with None) the time stamp of turn number ``turn`` (0-based) of ``document``,
    e.g. from the player's position. The stored text and every offset stay as they are."""
    require_user(store, actor, "set time stamps")
    if seconds is not None and not (0 <= seconds < 360_000):
        raise InvalidValue("media.bad_time", value=seconds)
    doc = document_row(store, document)
    row = store.one("SELECT id, timestamp FROM turns WHERE document_id = ? AND seq = ?", (doc["id"], turn))
    if row is None:
        raise NotFound("media.no_turn", document=doc["name"], turn=turn + 1)
    value = None if seconds is None else round(float(seconds), 1)
    with store.write(actor) as w:
        w.execute("UPDATE turns SET timestamp = ? WHERE id = ?", (value, row["id"]))
        w.event(
            "time",
            "turn",
            doc["guid"],
            {"document": doc["name"], "turn": turn, "before": row["timestamp"], "after": value},
        )


def _media_events(store: Store, actor: str) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT id, action, entity, guid, payload FROM events WHERE actor = ? AND "
        "((entity = 'media' AND action IN ('attach', 'detach', 'undo')) OR "
        "(entity = 'turn' AND action IN ('time', 'undo'))) ORDER BY id",
        (actor,),
    )
    stack: list[dict[str, Any]] = []
    for row in rows:
        row["payload"] = json.loads(row["payload"])
        if row["action"] == "undo":
            if stack and stack[-1]["id"] == row["payload"].get("event"):
                stack.pop()
        else:
            stack.append(row)
    return stack


def undo_media(store: Store, actor: str) -> str | None:
    """Reverse the actor's newest attach, detach or time stamp change not undone yet; returns what
    was undone (for a message) or None when there is nothing."""
    require_user(store, actor, "undo changes")
    stack = _media_events(store, actor)
    if not stack:
        return None
    event = stack[-1]
    p = event["payload"]
    doc = store.one("SELECT id, guid, name FROM documents WHERE guid = ?", (event["guid"],))
    if doc is None:
        raise Conflict("media.undo_document_gone", document=p.get("document") or "–")
    with store.write(actor) as w:
        if event["entity"] == "media":
            if event["action"] == "detach" or p.get("after"):
                require_lead(store, actor, "attach recordings")
            before = p.get("before")
            if (
                before is not None
                and not (media_folder(store) / f"{before['sha256']}.{_EXT[before['format']]}").exists()
            ):
                raise Conflict("media.file_missing", name=before["file_name"], folder=media_folder(store))
            _put(w, doc["id"], before)
            what = f"{event['action']} of the recording of {doc['name']}"
        else:
            w.execute(
                "UPDATE turns SET timestamp = ? WHERE document_id = ? AND seq = ?",
                (p["before"], doc["id"], p["turn"]),
            )
            what = f"time stamp of turn {p['turn'] + 1} of {doc['name']}"
        w.event("undo", event["entity"], event["guid"], {"event": event["id"], "document": doc["name"]})
    return what


def recording_beside(transcript: str | Path) -> Path | None:
    """A recording with the transcript's base name in its folder (``i1.docx`` -> ``i1.mp3``)."""
    p = Path(transcript)
    for ext in RECORDING_EXTENSIONS:
        for candidate in (p.with_suffix(ext), p.with_suffix(ext.upper())):
            if candidate != p and candidate.is_file():
                return candidate
    return None


def copy_media_files(source: Path, target: Path, names: list[str]) -> list[str]:
    """Copy (hard-link where possible) the named files from ``source`` into ``target``; files
    already there are kept (same name, same content). Returns the names missing in ``source``."""
    missing = []
    for name in names:
        src, dst = source / name, target / name
        if dst.exists():
            continue
        if not src.is_file():
            missing.append(name)
            continue
        target.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dst)
        except OSError:
            tmp = target / f".{name}.part"
            shutil.copyfile(src, tmp)
            os.replace(tmp, dst)
    return missing


def referenced_files(conn: sqlite3.Connection) -> list[str]:
    """The stored names of every recording attached in the project open on ``conn`` (none in a
    project from before recordings)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'document_media'").fetchone() is None:
        return []
    return sorted(
        f"{sha}.{_EXT.get(fmt, fmt)}"
        for sha, fmt in conn.execute("SELECT sha256, format FROM document_media")
    )


def carry_media(names_of: str | Path, source_db: str | Path, target_db: str | Path) -> list[str]:
    """Copy the recordings the project file ``names_of`` refers to from the media folder of
    ``source_db`` into that of ``target_db`` (backup: project -> backup; restore: backup ->
    project); returns the names found in neither folder."""
    with closing(sqlite3.connect(f"file:{names_of}?mode=ro", uri=True)) as conn:
        names = referenced_files(conn)
    return copy_media_files(folder_beside(source_db), folder_beside(target_db), names)


def attach_imported(
    store: Store,
    paths: Sequence[str | Path],
    results: Sequence[ImportResult],
    *,
    actor: str,
    explicit: str | Path | None = None,
) -> list[str]:
    """After an import: attach ``explicit`` (one transcript) or, for each imported transcript, a
    recording with its base name beside it. Returns one line per recording found: attached, or why
    not (a format the browser cannot play is reported, not attached)."""
    lines = []
    for path, result in zip(paths, results, strict=True):
        if not result.imported:
            continue
        recording = Path(explicit) if explicit is not None else recording_beside(path)
        if recording is None:
            continue
        try:
            info = attach_media(store, result.document, recording, actor=actor)
        except InvalidValue as exc:
            lines.append(f"not attached: {exc}")
            continue
        lines.append(f"attached {recording} to {info.document!r} ({info.format})")
    return lines

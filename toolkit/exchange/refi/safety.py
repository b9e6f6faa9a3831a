"""Reading untrusted exchange files: XML without DTDs or entities, zip archives with bounded members.

Nothing here extracts to disk. Member names with ``..`` or an absolute path are refused outright;
members are then looked up by their base name only, so a path inside the archive never reaches
the file system.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped]

from toolkit.errors import ImportFailed

MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_MEMBERS = 20_000
MAX_RATIO = 200  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024


def parse_xml(data: bytes, path: str) -> Element:
    """Parse XML that came from outside: any DTD, entity declaration or external reference is
    refused (billion laughs, XXE), as is XML that is not well formed."""
    try:
        root: Element = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ImportFailed("xml.dtd", file=path, reason=type(exc).__name__) from None
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise (
            ImportFailed("xml.not_well_formed_line", file=path, line=line, reason=exc)
            if line
            else ImportFailed("xml.not_well_formed", file=path, reason=exc)
        ) from None
    return root


def local(tag: str) -> str:
    """An element's name without its namespace (``{urn:QDA-XML:project:1.0}Code`` -> ``Code``)."""
    return tag.rsplit("}", 1)[-1]


@dataclass(frozen=True)
class Archive:
    """The members of a zip archive by path, read lazily through :meth:`read` with size bounds."""

    path: str
    zf: zipfile.ZipFile
    names: tuple[str, ...]

    def find(self, *, base: str | None = None, suffix: str | None = None) -> str | None:
        """The first member whose base name equals ``base`` (case-insensitive) or ends with
        ``suffix``; members in a ``sources`` folder are preferred for ``base``."""
        hits = []
        for name in self.names:
            leaf = PurePosixPath(name).name
            by_base = base is not None and leaf.casefold() == base.casefold()
            if by_base or (suffix is not None and leaf.casefold().endswith(suffix.casefold())):
                hits.append(name)
        hits.sort(key=lambda n: (PurePosixPath(n).parent.name.casefold() != "sources", n.count("/"), n))
        return hits[0] if hits else None

    def read(self, name: str, *, limit: int = MAX_MEMBER_BYTES) -> bytes:
        """The bytes of one member, refused when its declared or actual size passes ``limit``."""
        info = self.zf.getinfo(name)
        if info.file_size > limit:
            raise ImportFailed(
                "archive.member_too_large", file=self.path, member=name, size=info.file_size, limit=limit
            )
        try:
            with self.zf.open(info) as fh:
                data = fh.read(limit + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise ImportFailed("archive.member_unreadable", file=self.path, member=name, reason=exc) from None
        if len(data) > limit:
            raise ImportFailed("archive.member_over_limit", file=self.path, member=name, limit=limit)
        return data


def _check_name(path: str, name: str) -> None:
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or ".." in parts or (parts and parts[0].endswith(":")):
        raise ImportFailed("archive.member_outside", file=path, member=name)


def open_archive(data: bytes, path: str) -> Archive:
    """Open zip bytes after checking every member: names inside the archive, member count, sizes
    and compression ratio (zip bombs)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ImportFailed("archive.not_zip", file=path) from None
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ImportFailed("archive.too_many_members", file=path, members=len(infos), limit=MAX_MEMBERS)
    total = 0
    names = []
    for info in infos:
        _check_name(path, info.filename)
        if info.is_dir():
            continue
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES:
            raise ImportFailed(
                "archive.member_too_large",
                file=path,
                member=info.filename,
                size=info.file_size,
                limit=MAX_MEMBER_BYTES,
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportFailed(
                "archive.zip_bomb",
                file=path,
                member=info.filename,
                ratio=info.file_size // max(info.compress_size, 1),
            )
        names.append(info.filename)
    if total > MAX_TOTAL_BYTES:
        raise ImportFailed("archive.too_large", file=path, size=total, limit=MAX_TOTAL_BYTES)
    return Archive(path, zf, tuple(names))

"""Files that are either complete or absent: write to a temporary file beside the target, flush it
to disk, then rename it over the target in one step (``os.replace`` is atomic on one file system).
A process killed half-way leaves at most a hidden ``.<name>.*.part`` file, never a truncated target.

Files hold transcripts, names and password hashes, so a new file is private: mode 0600 (or the mode
a caller passes, such as the project file's via :func:`data_mode`), whatever the umask; a file that
is replaced keeps its mode."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

PRIVATE_MODE = 0o600


def data_mode(project: str | Path | None) -> int:
    """Permission bits for a new file holding a project's data: the read and write bits of the
    project file ``project``, or 0600 when it is unknown or missing."""
    if project is not None:
        with suppress(OSError):
            return os.stat(project).st_mode & 0o666
    return PRIVATE_MODE


def create_private(path: str | Path, mode: int = PRIVATE_MODE) -> None:
    """Create the empty file ``path`` with exactly ``mode`` (the umask cannot widen or narrow it);
    refuses an existing file (``FileExistsError``), so nobody can have opened it before."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, mode)
    finally:
        os.close(fd)


@contextmanager
def atomic_write(
    path: str | Path,
    *,
    text: bool = False,
    encoding: str = "utf-8",
    newline: str | None = None,
    mode: int | None = None,
) -> Iterator[IO[Any]]:
    """Open a temporary file for writing (binary, or text with ``text=True``); when the block ends
    without an error it replaces ``path``; on an error it is removed and ``path`` is untouched.
    A new ``path`` gets ``mode`` (default 0600); an existing one keeps its mode."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or Path("."))
    except OSError as exc:
        raise _naming(exc, target, None) from exc
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) if text else os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(
            tmp, target.stat().st_mode & 0o777 if target.exists() else PRIVATE_MODE if mode is None else mode
        )
        os.replace(tmp, target)
    except BaseException as exc:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _naming(exc, target, tmp) from exc
        raise


def _naming(exc: OSError, target: Path, tmp: str | None) -> OSError:
    """``exc`` naming the target when it named no file or the temporary one (a full disk while
    writing an export names the export, not ``.<name>.xyz.part``)."""
    if exc.filename is not None and str(exc.filename) != tmp and tmp is not None:
        return exc
    return type(exc)(exc.errno, exc.strerror or str(exc), str(target))


def write_bytes(path: str | Path, data: bytes, *, mode: int | None = None) -> None:
    """``Path.write_bytes`` that never leaves a half-written file (new files: ``mode``, default 0600)."""
    with atomic_write(path, mode=mode) as fh:
        fh.write(data)


def write_text(
    path: str | Path,
    data: str,
    *,
    encoding: str = "utf-8",
    newline: str | None = None,
    mode: int | None = None,
) -> None:
    """``Path.write_text`` that never leaves a half-written file (new files: ``mode``, default 0600)."""
    with atomic_write(path, text=True, encoding=encoding, newline=newline, mode=mode) as fh:
        fh.write(data)

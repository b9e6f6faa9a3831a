"""Files that are either complete or absent: write to a temporary file beside the target, flush it
to disk, then rename it over the target in one step (``os.replace`` is atomic on one file system).
A process killed half-way leaves at most a hidden ``.<name>.*.part`` file, never a truncated target."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any


@contextmanager
def atomic_write(
    path: str | Path, *, text: bool = False, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[Any]]:
    """Open a temporary file for writing (binary, or text with ``text=True``); when the block ends
    without an error it replaces ``path``; on an error it is removed and ``path`` is untouched."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) if text else os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)  # keep a file's mode
        os.replace(tmp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_bytes(path: str | Path, data: bytes) -> None:
    """``Path.write_bytes`` that never leaves a half-written file."""
    with atomic_write(path) as fh:
        fh.write(data)


def write_text(path: str | Path, data: str, *, encoding: str = "utf-8", newline: str | None = None) -> None:
    """``Path.write_text`` that never leaves a half-written file."""
    with atomic_write(path, text=True, encoding=encoding, newline=newline) as fh:
        fh.write(data)

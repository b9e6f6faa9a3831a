"""The project's exceptions. Every message names the file, line or value and says how to fix it."""

from __future__ import annotations


class ToolkitError(Exception):
    "Base class of every error the toolkit raises on purpose."


class ImportFailed(ToolkitError):
    "A transcript or exchange file cannot be imported."

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class CodebookError(ToolkitError):
    "A codebook file is invalid."

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}, line {line}" if line else path
        super().__init__(f"{where}: {problem}")


class NotFound(ToolkitError):
    "A document, code, coder or coding named by the user does not exist."


class Conflict(ToolkitError):
    "The change would break a rule of the project (duplicate name, code in use, ...)."


class InvalidValue(ToolkitError):
    "A value given by the user is out of range or malformed."


class StoreError(ToolkitError):
    "The project database cannot be opened or is not a project of this toolkit."


class PermissionDenied(ToolkitError):
    "The acting user's role does not allow the change (team mode)."


def _where(exc: BaseException, project: str | None) -> str:
    filename = getattr(exc, "filename", None)
    return str(filename) if filename else (project or "the project file")


def failure_message(exc: BaseException, project: str | None = None) -> str:
    """One line for any failure the CLI did not expect, naming the file and how to fix it: a full
    disk, missing permissions, a damaged project file, input nested too deeply, too little memory.
    ``project`` is the project file the command worked on (named when the error names no file)."""
    import errno
    import sqlite3

    if isinstance(exc, ToolkitError):
        return _one_line(str(exc))
    where = _where(exc, project)
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
        if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            fix = "free disk space (or choose another folder) and run the command again"
        elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            fix = "check the permissions of the file and its folder, or choose another folder"
        elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
            fix = "check the path"
        else:
            fix = "check the path, the permissions and free disk space"
        return _one_line(f"{where}: {reason}; {fix}")
    if isinstance(exc, sqlite3.DatabaseError):
        text = str(exc)
        if isinstance(exc, sqlite3.OperationalError) and ("full" in text or "I/O" in text):
            return _one_line(
                f"{where}: cannot write the project file ({text}); nothing was changed; free disk space "
                "and check that the folder is writable, then run the command again"
            )
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
            return _one_line(f"{where}: the project is busy ({text}); run the command again in a moment")
        return _one_line(
            f"{where}: the project file is damaged ({text}); restore a backup with "
            "`coding-toolkit restore BACKUP` (snapshots are in snapshots/ beside the project)"
        )
    if isinstance(exc, RecursionError):
        return _one_line(f"{where}: the input is nested too deeply to read; simplify the file")
    if isinstance(exc, MemoryError):
        return _one_line(f"{where}: not enough memory for this input; split the file or free memory")
    return _one_line(
        f"unexpected {type(exc).__name__} ({exc}) while working on {where}; this is a bug: please "
        "report the command line (set CODING_TOOLKIT_DEBUG=1 to see the traceback)"
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())

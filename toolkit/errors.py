"""The project's exceptions. Each carries a stable code and its parameters; its words come from the
message catalog, German and English.

``raise Conflict("coding.duplicate", coder=..., document=..., start=..., end=..., code=...)``: the
code names the error for programs and tests (it never changes with the wording), the parameters
name the file, line or value, and the text is ``error.<code>`` in :mod:`toolkit.catalog.errors` (or
its area's module ``errors_<area>``), where the parameters are filled in (quoted there, per
language, never with ``!r``). ``str(exc)`` is the English text (the CLI prints it);
``exc.message("de")`` is the German one (the pages show it). :class:`ImportFailed` and
:class:`CodebookError` put the file (and line) before the problem.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any

from toolkit.catalog import CATALOG, Language, Text

_CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def is_code(value: object) -> bool:
    """True for a string shaped like an error code (``coding.duplicate``)."""
    return isinstance(value, str) and _CODE.fullmatch(value) is not None


class _Values(string.Formatter):
    """Fills a catalog text: numbers in the language's format (``1.234,5`` / ``1,234.5``), lists
    joined with commas (an empty one as a dash), phrases (:class:`Text`) in the language, paths and
    names as they are (never ``repr``)."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Text):  # a phrase in both languages (see phrase())
            return format(value.get(self.lang), format_spec)
        if isinstance(value, ToolkitError):  # the error behind this one
            return format(value.message(self.lang), format_spec)
        if isinstance(value, bool) or value is None:
            return format(str(value), format_spec)
        if isinstance(value, int | float):
            out = f"{value:g}" if isinstance(value, float) and not format_spec else format(value, format_spec)
            if self.lang == "de":
                out = out.replace(",", "\0").replace(".", ",").replace("\0", ".")
            return out
        if isinstance(value, list | tuple | set | frozenset):
            items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
            return format(", ".join(str(v) for v in items) or "–", format_spec)
        # names, paths (PurePath), reasons: as they are, control characters escaped (one line)
        return format(_CONTROL.sub(lambda m: repr(m.group())[1:-1], str(value)), format_spec)


#: parameters that hold an English phrase of the library ("change the codebook"); the catalog has
#: them as ``error.<parameter>.<phrase with _ for spaces>`` (shown as they are when it has not)
PHRASES = ("action", "what")


def phrase_key(name: str, phrase: str) -> str:
    """The catalog key of ``phrase`` given as parameter ``name``: ``error.action.change_the_codebook``."""
    return f"error.{name}." + "_".join(re.findall(r"[a-z0-9]+", phrase.lower()))


def render(code: str, params: Mapping[str, object], lang: Language = "en") -> str:
    """The catalog's text of error ``code`` in ``lang`` with ``params`` filled in."""
    entry = CATALOG.get(f"error.{code}")
    if entry is None:  # a code without text is a bug; still say what is known
        return f"{code} ({', '.join(f'{k}={v}' for k, v in params.items())})"
    values = dict(params)
    for name in PHRASES:
        phrase = values.get(name)
        if isinstance(phrase, str) and (said := CATALOG.get(phrase_key(name, phrase))) is not None:
            values[name] = said.get(lang)
    return _Values(lang).vformat(entry.get(lang), (), values)


def phrase(key: str, **params: object) -> Text:
    """A phrase of the catalog (``error.<key>``) in both languages, to pass as a parameter of an
    error (``entry=phrase("entry.code", name=slug)`` reads "code 'x'" / "Code „x“")."""
    return Text(render(key, params, "de"), render(key, params, "en"))


class ToolkitError(Exception):
    "Base class of every error the toolkit raises on purpose."

    #: code used when a raise site still passes a free English sentence (its German lead-in)
    kind = "error"

    def __init__(self, code: str, /, **params: object) -> None:
        if not is_code(code):  # a sentence instead of a code: shown as it is, after a German lead-in
            code, params = self.kind, {**params, "detail": code}
        self.code = code
        self.params: dict[str, object] = params
        super().__init__(code)

    def message(self, lang: Language = "en") -> str:
        """The error's text in ``lang`` (German ``de`` or English ``en``)."""
        return render(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.message("en")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.code, self.params))


def _rebuild(cls: type[ToolkitError], code: str, params: dict[str, object]) -> ToolkitError:
    err = cls.__new__(cls)
    Exception.__init__(err, code)
    err.code, err.params = code, params
    return err


class ImportFailed(ToolkitError):
    "A transcript or exchange file cannot be imported."

    kind = "import_failed"

    def __init__(self, code: str, problem: str | None = None, /, **params: object) -> None:
        if problem is not None:  # ImportFailed(path, "sentence"): a site not yet given a code
            params = {"file": code, **params}
            code = problem
        super().__init__(code, **params)

    @property
    def path(self) -> str:
        """The file that cannot be imported."""
        return str(self.params.get("file", ""))

    @property
    def problem(self) -> str:
        """What is wrong with it, in English, without the file."""
        return self.problem_in("en")

    def problem_in(self, lang: Language) -> str:
        """What is wrong with the file, in ``lang``, without the file."""
        return render(self.code, self.params, lang)

    def at(self, path: str) -> ImportFailed:
        """The same problem, said of the file ``path``."""
        return type(self)(self.code, **{**self.params, "file": path})

    def message(self, lang: Language = "en") -> str:
        problem = self.problem_in(lang)
        if "file" not in self.params:
            return problem
        return render("where.import", {"file": self.params["file"], "problem": problem}, lang)


class CodebookError(ToolkitError):
    "A codebook file is invalid."

    kind = "codebook_invalid"

    def __init__(
        self, code: str, line: int | None = None, problem: str | None = None, /, **params: object
    ) -> None:
        if problem is not None:  # CodebookError(path, line, "sentence"): a site not yet given a code
            params = {"file": code, "line": line, **params}
            code = problem
        super().__init__(code, **params)

    @property
    def path(self) -> str:
        """The codebook file."""
        return str(self.params.get("file", ""))

    @property
    def line(self) -> int | None:
        """The line of the codebook file (None: the file as a whole)."""
        line = self.params.get("line")
        return line if isinstance(line, int) and line else None

    @property
    def problem(self) -> str:
        """What is wrong, in English, without the file and line."""
        return render(self.code, self.params, "en")

    def message(self, lang: Language = "en") -> str:
        problem = render(self.code, self.params, lang)
        if "file" not in self.params:
            return problem
        where = "where.codebook_line" if self.line else "where.codebook"
        return render(where, {"file": self.params["file"], "line": self.line, "problem": problem}, lang)


class NotFound(ToolkitError):
    "A document, code, coder or coding named by the user does not exist."

    kind = "not_found"


class Conflict(ToolkitError):
    "The change would break a rule of the project (duplicate name, code in use, ...)."

    kind = "conflict"


class InvalidValue(ToolkitError):
    "A value given by the user is out of range or malformed."

    kind = "invalid_value"


class StoreError(ToolkitError):
    "The project database cannot be opened or is not a project of this toolkit."

    kind = "store_error"


class PermissionDenied(ToolkitError):
    "The acting user's role does not allow the change (team mode)."

    kind = "permission_denied"


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

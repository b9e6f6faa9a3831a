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

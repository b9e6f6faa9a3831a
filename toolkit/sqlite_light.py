"""Import sqlite-utils without pandas and numpy.

sqlite-utils imports pandas and numpy when they are installed, only to map their scalar types to
column types (``COLUMN_TYPE_MAPPING``). That costs about a second of CPU before ``coding-toolkit
documents`` can print anything. So :func:`arm` (called by ``toolkit/__init__.py``, before any module
of the package can import sqlite-utils) puts a finder on ``sys.meta_path`` that runs the first
import of ``sqlite_utils.db`` with pandas and numpy hidden (unless they are loaded already, as in
the app), and then lets the mapping learn their types when it meets them: a numpy integer is
INTEGER, a numpy float REAL, a pandas Timestamp TEXT, as sqlite-utils would have mapped them.
Nothing is imported until someone imports sqlite-utils.
"""

from __future__ import annotations

import datetime
import importlib.abc
import importlib.machinery
import numbers
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

_TARGET = "sqlite_utils.db"
_HIDDEN = ("pandas", "numpy")


class _TypeMapping(dict[Any, str]):
    """sqlite-utils' Python type → column type table, also answering for numpy and pandas types."""

    def __missing__(self, key: Any) -> str:
        found = _foreign_type(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: Any, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default


def _foreign_type(key: Any) -> str | None:
    """The column type sqlite-utils gives a numpy or pandas scalar type, or None."""
    if not isinstance(key, type) or key.__module__.split(".")[0] not in _HIDDEN:
        return None
    if issubclass(key, numbers.Integral):
        return "INTEGER"
    if issubclass(key, numbers.Real):
        return "REAL"
    if issubclass(key, datetime.datetime):
        return "TEXT"
    return None


class _Loader(importlib.abc.Loader):
    """Runs sqlite-utils' own loader with pandas and numpy hidden, then widens the type mapping."""

    def __init__(self, inner: importlib.abc.Loader) -> None:
        self._inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        hidden = [name for name in _HIDDEN if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` raise ImportError
        try:
            self._inner.exec_module(module)
        finally:
            for name in hidden:
                if name in sys.modules and sys.modules[name] is None:
                    del sys.modules[name]
        names = vars(module)
        names["COLUMN_TYPE_MAPPING"] = _TypeMapping(names["COLUMN_TYPE_MAPPING"])

    def __getattr__(self, name: str) -> Any:  # get_source, get_filename, ... of the real loader
        return getattr(self._inner, name)


class _Finder(importlib.abc.MetaPathFinder):
    """Finds ``sqlite_utils.db`` once, through the other finders, and wraps its loader."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != _TARGET:
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec: importlib.machinery.ModuleSpec | None = find(fullname, path, target) if find else None
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _Loader(spec.loader)
                return spec
        return None


def arm() -> None:
    """Make the first import of sqlite-utils leave pandas and numpy out (no-op once it is loaded)."""
    if _TARGET not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())

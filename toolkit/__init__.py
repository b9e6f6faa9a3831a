"""Qualitative interview coding toolkit: the library. The CLI and the app only call what is here.

The names below are imported on first use (PEP 562), so that ``import toolkit.cli`` or any one
module does not load every module of the package (the CLI's start time)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from toolkit import sqlite_light

sqlite_light.arm()  # before any module imports sqlite-utils: keeps pandas and numpy out of the start

if TYPE_CHECKING:
    from toolkit.codebook import dump_codebook, load_codebook, parse_codebook
    from toolkit.codes import code_by_path, export_codebook, list_codes
    from toolkit.codes_edit import (
        add_code,
        affected_codings,
        delete_code,
        merge_codes,
        move_code,
        rename_code,
    )
    from toolkit.codes_merge import load_codebook_into
    from toolkit.codings import add_coding, delete_coding, list_codings, update_coding, write_codings
    from toolkit.documents import (
        document_text,
        document_turns,
        import_files,
        import_upload,
        list_documents,
        set_attributes,
    )
    from toolkit.errors import (
        CodebookError,
        Conflict,
        ImportFailed,
        InvalidValue,
        NotFound,
        StoreError,
        ToolkitError,
    )
    from toolkit.exchange.taguette import import_highlights
    from toolkit.importers import parse_bytes, parse_file
    from toolkit.model import Codebook, CodeDef, Coding, DocumentInfo, ParsedDocument, Turn
    from toolkit.project import create_demo, init_project
    from toolkit.store import Store, create_store, open_store

_WHERE = {
    "CodeDef": "toolkit.model",
    "Codebook": "toolkit.model",
    "CodebookError": "toolkit.errors",
    "Coding": "toolkit.model",
    "Conflict": "toolkit.errors",
    "DocumentInfo": "toolkit.model",
    "ImportFailed": "toolkit.errors",
    "InvalidValue": "toolkit.errors",
    "NotFound": "toolkit.errors",
    "ParsedDocument": "toolkit.model",
    "Store": "toolkit.store",
    "StoreError": "toolkit.errors",
    "ToolkitError": "toolkit.errors",
    "Turn": "toolkit.model",
    "add_code": "toolkit.codes_edit",
    "add_coding": "toolkit.codings",
    "affected_codings": "toolkit.codes_edit",
    "code_by_path": "toolkit.codes",
    "create_demo": "toolkit.project",
    "create_store": "toolkit.store",
    "delete_code": "toolkit.codes_edit",
    "delete_coding": "toolkit.codings",
    "document_text": "toolkit.documents",
    "document_turns": "toolkit.documents",
    "dump_codebook": "toolkit.codebook",
    "export_codebook": "toolkit.codes",
    "import_files": "toolkit.documents",
    "import_highlights": "toolkit.exchange.taguette",
    "import_upload": "toolkit.documents",
    "init_project": "toolkit.project",
    "list_codes": "toolkit.codes",
    "list_codings": "toolkit.codings",
    "list_documents": "toolkit.documents",
    "load_codebook": "toolkit.codebook",
    "load_codebook_into": "toolkit.codes_merge",
    "merge_codes": "toolkit.codes_edit",
    "move_code": "toolkit.codes_edit",
    "open_store": "toolkit.store",
    "parse_bytes": "toolkit.importers",
    "parse_codebook": "toolkit.codebook",
    "parse_file": "toolkit.importers",
    "rename_code": "toolkit.codes_edit",
    "set_attributes": "toolkit.documents",
    "update_coding": "toolkit.codings",
    "write_codings": "toolkit.codings",
}

__all__ = [
    "CodeDef",
    "Codebook",
    "CodebookError",
    "Coding",
    "Conflict",
    "DocumentInfo",
    "ImportFailed",
    "InvalidValue",
    "NotFound",
    "ParsedDocument",
    "Store",
    "StoreError",
    "ToolkitError",
    "Turn",
    "add_code",
    "add_coding",
    "affected_codings",
    "code_by_path",
    "create_demo",
    "create_store",
    "delete_code",
    "delete_coding",
    "document_text",
    "document_turns",
    "dump_codebook",
    "export_codebook",
    "import_files",
    "import_highlights",
    "import_upload",
    "init_project",
    "list_codes",
    "list_codings",
    "list_documents",
    "load_codebook",
    "load_codebook_into",
    "merge_codes",
    "move_code",
    "open_store",
    "parse_bytes",
    "parse_codebook",
    "parse_file",
    "rename_code",
    "set_attributes",
    "update_coding",
    "write_codings",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

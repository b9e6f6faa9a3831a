"""Qualitative interview coding toolkit: the library. The CLI and the app only call what is here."""

from toolkit.codebook import dump_codebook, load_codebook, parse_codebook
from toolkit.codes import (
    add_code,
    affected_codings,
    code_by_path,
    delete_code,
    export_codebook,
    list_codes,
    load_codebook_into,
    merge_codes,
    move_code,
    rename_code,
)
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

"""REFI-QDA exchange: ``.qdpx`` projects and ``.qdc`` codebooks in and out (see docs/exchange.md)."""

from toolkit.exchange.refi.codebook import export_codebook_qdc, import_codebook
from toolkit.exchange.refi.model import ImportReport
from toolkit.exchange.refi.positions import PositionMap, position_unit
from toolkit.exchange.refi.project_export import export_project, project_xml
from toolkit.exchange.refi.project_import import import_project, import_upload, read_qdpx

__all__ = [
    "ImportReport",
    "PositionMap",
    "export_codebook_qdc",
    "export_project",
    "import_codebook",
    "import_project",
    "import_upload",
    "position_unit",
    "project_xml",
    "read_qdpx",
]

"""Exports: pure functions that take data and a file object (tables as CSV, JSON or XLSX, the
results report and the codebook as a coding guide). The CLI and the app only call them."""

from toolkit.exports.codebook_docx import write_codebook_csv, write_codebook_guide
from toolkit.exports.report_docx import QUOTES_PER_CODE, Report, build_report, write_report
from toolkit.exports.tables import TABLE_FORMATS, table_bytes, write_csv, write_json, write_xlsx

__all__ = [
    "QUOTES_PER_CODE",
    "TABLE_FORMATS",
    "Report",
    "build_report",
    "table_bytes",
    "write_codebook_csv",
    "write_codebook_guide",
    "write_csv",
    "write_json",
    "write_report",
    "write_xlsx",
]

"""Analysis of codings with pandas: frequencies, matrices, co-occurrence and retrieval.

Read once with :func:`load_codings` (one SQL query), narrow with :func:`select`, then aggregate;
every function returns a DataFrame that the exports and the app show as it is.
"""

from toolkit.analysis.cache import load_codings_cached
from toolkit.analysis.coders import CoderView, choose_coders, coded_by, coder_label, default_view, view_of
from toolkit.analysis.cooccurrence import METHODS, cooccurrence, cooccurrence_matrix
from toolkit.analysis.data import (
    NONE_LABEL,
    CodingData,
    attribute_column,
    format_seconds,
    load_codings,
    select,
)
from toolkit.analysis.retrieval import SEGMENT_COLUMNS, segment_counts, segments, spread
from toolkit.analysis.tables import (
    BY_CHOICES,
    MATRIX_COLUMNS,
    MATRIX_VALUES,
    frequencies,
    matrix,
    matrix_cell,
)
from toolkit.analysis.wide import MAX_COLUMNS, DocumentMatrix, document_matrix, set_cell

__all__ = [
    "BY_CHOICES",
    "MATRIX_COLUMNS",
    "MATRIX_VALUES",
    "MAX_COLUMNS",
    "METHODS",
    "NONE_LABEL",
    "SEGMENT_COLUMNS",
    "CoderView",
    "CodingData",
    "DocumentMatrix",
    "attribute_column",
    "choose_coders",
    "coded_by",
    "coder_label",
    "cooccurrence",
    "cooccurrence_matrix",
    "default_view",
    "document_matrix",
    "format_seconds",
    "frequencies",
    "load_codings",
    "load_codings_cached",
    "matrix",
    "matrix_cell",
    "segment_counts",
    "segments",
    "select",
    "set_cell",
    "spread",
    "view_of",
]

"""The code x document matrix of a large project, readable: more than :data:`MAX_COLUMNS` documents
are either grouped (one column per value of a document attribute, or per document set, the
documents of a group summed) or shown a page of :data:`MAX_COLUMNS` documents at a time."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from toolkit.analysis.data import NONE_LABEL, CodingData, attribute_column
from toolkit.analysis.tables import MATRIX_VALUES, matrix, matrix_values
from toolkit.errors import InvalidValue, NotFound

MAX_COLUMNS = 40  # documents side by side before a matrix is grouped or paged
GROUP_PREFIX = "attribute:"
BY_SET = "set"  # group_by: one column per document set


@dataclass(frozen=True)
class DocumentMatrix:
    """One view of the code x document matrix: ``table`` and what it shows. Paged: columns of
    documents ``first`` to ``last`` (1-based) of ``documents``, page ``page`` of ``pages``. Grouped:
    one column per value of ``group_by``'s attribute, ``sizes`` documents in each."""

    table: pd.DataFrame
    documents: int
    page: int = 1
    pages: int = 1
    first: int = 1
    last: int = 0
    group_by: str | None = None
    sizes: tuple[int, ...] = ()

    @property
    def paged(self) -> bool:
        return self.pages > 1


def document_matrix(
    data: CodingData,
    *,
    values: str = "count",
    rows: str = "code",
    group_by: str | None = None,
    sets: Mapping[str, Sequence[str]] | None = None,
    page: int = 1,
    page_size: int = MAX_COLUMNS,
    all_columns: bool = False,
) -> DocumentMatrix:
    """The code (or field) x document matrix of ``data``: grouped by ``group_by``
    (``attribute:NAME``, or ``set`` for the document ``sets``, name -> documents), else every
    document when there are at most ``page_size`` of them (or ``all_columns``), else page ``page``
    (from 1, clipped to the last) of ``page_size`` documents in document order."""
    if page_size < 1:
        raise InvalidValue("analysis.page_size", size=page_size)
    documents = len(data.documents)
    if group_by == BY_SET:
        return _by_sets(data, sets or {}, values=values, rows=rows)
    if group_by is not None:
        return _grouped(data, group_by, values=values, rows=rows)
    table = matrix(data, "document", values=values, rows=rows)
    if all_columns or documents <= page_size:
        return DocumentMatrix(table, documents, last=documents)
    pages = math.ceil(documents / page_size)
    page = min(max(page, 1), pages)
    first = (page - 1) * page_size
    part = table.iloc[:, first : first + page_size]
    return DocumentMatrix(part, documents, page, pages, first + 1, first + part.shape[1])


def _grouped(data: CodingData, group_by: str, *, values: str, rows: str) -> DocumentMatrix:
    """One column per value of the attribute: codings (count, percentages) or documents with the
    code (presence) of the group's documents; the column name is the value."""
    if not group_by.startswith(GROUP_PREFIX):
        raise InvalidValue("analysis.group_documents", by=group_by)
    if values not in MATRIX_VALUES:
        raise InvalidValue("option.unsupported", option="matrix values", value=values, choices=MATRIX_VALUES)
    name = group_by.removeprefix(GROUP_PREFIX)
    column = attribute_column(data, name)  # checks the name
    groups = sorted(set(data.documents[name].astype(str)))
    sizes = data.documents[name].astype(str).value_counts()
    if values != "presence":
        table = matrix(data, group_by, values=values, rows=rows).reindex(columns=groups, fill_value=0)
    else:
        row_key = "code" if rows == "code" else "field_of_action"
        frame = data.codings.assign(_group=column)
        counts = (
            frame.groupby([row_key, "_group"], observed=False)["document_id"].nunique().unstack(fill_value=0)
        )
        order = (
            data.codes["code"].tolist()
            if rows == "code"
            else list(dict.fromkeys(data.codes["field_of_action"]))
        )
        table = counts.reindex(index=order, columns=groups, fill_value=0).astype("int64")
        table.index = table.index.astype(str)
        table.index.name = rows
        table.columns.name = name
    return DocumentMatrix(
        table,
        len(data.documents),
        last=len(data.documents),
        group_by=group_by,
        sizes=tuple(int(sizes.get(g, 0)) for g in groups),
    )


def _by_sets(
    data: CodingData, sets: Mapping[str, Sequence[str]], *, values: str, rows: str
) -> DocumentMatrix:
    """One column per document set (a document in several sets counts in each), and one
    (:data:`NONE_LABEL`) for the documents in none: codings of its documents, or (presence) how
    many of its documents have the code."""
    if values not in MATRIX_VALUES:
        raise InvalidValue("option.unsupported", option="matrix values", value=values, choices=MATRIX_VALUES)
    if not sets:
        raise InvalidValue("analysis.no_sets")
    row_key = "code" if rows == "code" else "field_of_action"
    codes = data.codes
    order = codes["code"].tolist() if rows == "code" else list(dict.fromkeys(codes["field_of_action"]))
    names = data.documents["document"].astype(str)
    groups = _set_groups(names, sets)
    frame = data.codings
    document = frame["document"].astype(str)
    columns: dict[str, pd.Series] = {}
    for name, members in groups.items():
        part = frame.loc[document.isin(members).to_numpy()]
        counted = part.groupby(row_key, observed=False)
        columns[name] = counted["document_id"].nunique() if values == "presence" else counted.size()
    table = pd.DataFrame(columns).reindex(index=order, fill_value=0).fillna(0).astype("int64")
    if values != "presence":
        table = matrix_values(table, values)
    table.index = table.index.astype(str)
    table.index.name = rows
    table.columns.name = "set"
    sizes = tuple(int(np.isin(names, sorted(m)).sum()) for m in groups.values())
    return DocumentMatrix(table, len(data.documents), last=len(data.documents), group_by=BY_SET, sizes=sizes)


def _set_groups(names: pd.Series, sets: Mapping[str, Sequence[str]]) -> dict[str, set[str]]:
    """Each set's documents, and (:data:`NONE_LABEL`) the documents of ``names`` in none."""
    in_any = set().union(*(set(d) for d in sets.values()))
    return {**{k: set(v) for k, v in sets.items()}, NONE_LABEL: set(names) - in_any}


def set_cell(
    data: CodingData, sets: Mapping[str, Sequence[str]], row: str, column: str, *, rows: str = "code"
) -> CodingData:
    """The codings behind one cell of the matrix grouped by document sets: code (or field of
    action) ``row`` in the documents of set ``column`` (:data:`NONE_LABEL`: of no set)."""
    groups = _set_groups(data.documents["document"].astype(str), sets)
    if column not in groups:
        raise NotFound("analysis.set_unknown", name=column, sets=", ".join(sorted(sets)))
    row_key = "code" if rows == "code" else "field_of_action"
    frame = data.codings
    keep = (frame[row_key].astype(str) == row) & frame["document"].astype(str).isin(groups[column])
    filters = (*data.filters, (rows, row), (BY_SET, column))
    return replace(data, codings=frame.loc[keep.to_numpy()].reset_index(drop=True), filters=filters)

"""Frequencies and matrices: code counts by code, field of action x valence, document, speaker,
speaker role, coder or document attribute, and code x document / attribute matrices."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from toolkit.analysis.data import CodingData, attribute_column
from toolkit.errors import InvalidValue

BY_CHOICES = ("code", "field", "document", "speaker", "role", "coder")
MATRIX_COLUMNS = ("document", "coder", "role", "field")
MATRIX_VALUES = ("count", "presence", "row-percent", "column-percent")
_ATTRIBUTE_PREFIX = "attribute:"


def _group_columns(data: CodingData, by: str) -> tuple[pd.DataFrame, list[str]]:
    """The codings frame (with an attribute column added if needed) and the grouping columns."""
    frame = data.codings
    if by.startswith(_ATTRIBUTE_PREFIX):
        name = by.removeprefix(_ATTRIBUTE_PREFIX)
        return frame.assign(**{name: attribute_column(data, name)}), [name]
    columns = {
        "code": [],
        "document": ["document"],
        "speaker": ["document", "speaker", "speaker_role"],
        "role": ["speaker_role"],
        "coder": ["coder"],
    }
    if by not in columns:
        raise InvalidValue("analysis.group_by", by=by, choices=[*BY_CHOICES, "attribute:NAME"])
    return frame, columns[by]


def _pct(part: pd.Series, whole: pd.Series | float) -> pd.Series:
    return (part / whole * 100).fillna(0.0).round(2)


def frequencies(data: CodingData, by: str = "code") -> pd.DataFrame:
    """Code frequencies grouped ``by`` one of ``code, field, document, speaker, role, coder`` or
    ``attribute:NAME``.

    Each row: the group, the code (or field of action and valence for ``field``), ``codings``,
    ``documents`` (documents containing it), ``words`` (coded words) and ``share_pct`` (per cent of
    the group's codings). ``by="code"`` lists every code, also those never used, plus
    ``documents_pct`` (per cent of the selected documents containing the code).
    """
    if by == "field":
        return _field_frequencies(data)
    frame, keys = _group_columns(data, by)
    grouped = frame.groupby([*keys, "code"], observed=True, sort=True)
    out = grouped.agg(
        codings=("start", "size"), documents=("document_id", "nunique"), words=("words", "sum")
    ).reset_index()
    out["code"] = out["code"].astype(str)
    labels = data.codes.set_index("code")[["field_of_action", "valence"]]
    if by == "code":
        out = (
            data.codes[["code"]]
            .merge(out, on="code", how="left")
            .fillna({"codings": 0, "documents": 0, "words": 0})
        )
        out[["codings", "documents", "words"]] = out[["codings", "documents", "words"]].astype("int64")
        out["share_pct"] = _pct(out["codings"], max(int(out["codings"].sum()), 1))
        out["documents_pct"] = _pct(out["documents"], max(len(data.documents), 1))
    else:
        totals = out.groupby(keys, observed=True)["codings"].transform("sum")
        out["share_pct"] = _pct(out["codings"], totals)
    out.insert(len(keys) + 1, "field_of_action", out["code"].map(labels["field_of_action"]))
    out.insert(len(keys) + 2, "valence", out["code"].map(labels["valence"]))
    for key in keys:
        out[key] = out[key].astype(str)
    return out.reset_index(drop=True)


def _field_frequencies(data: CodingData) -> pd.DataFrame:
    frame = data.codings
    order = list(dict.fromkeys(data.codes["field_of_action"]))
    grouped = frame.groupby(["field_of_action", "valence"], sort=False)
    out = grouped.agg(
        codings=("start", "size"),
        codes=("code_id", "nunique"),
        documents=("document_id", "nunique"),
        words=("words", "sum"),
    ).reset_index()
    out["_order"] = out["field_of_action"].map({f: i for i, f in enumerate(order)})
    out = out.sort_values(["_order", "valence"]).drop(columns="_order").reset_index(drop=True)
    out["share_pct"] = _pct(out["codings"], max(int(out["codings"].sum()), 1))
    return out


def _column_key(data: CodingData, cols: str) -> tuple[pd.DataFrame, str]:
    frame = data.codings
    if cols.startswith(_ATTRIBUTE_PREFIX):
        name = cols.removeprefix(_ATTRIBUTE_PREFIX)
        return frame.assign(**{name: attribute_column(data, name)}), name
    named = {"document": "document", "coder": "coder", "role": "speaker_role", "field": "field_of_action"}
    if cols not in named:
        raise InvalidValue("analysis.matrix_columns", columns=cols, choices=MATRIX_COLUMNS)
    return frame, named[cols]


def matrix(
    data: CodingData, cols: str = "document", *, values: str = "count", rows: str = "code"
) -> pd.DataFrame:
    """A code x ``cols`` table (every code of the codebook by every document, coder, speaker role,
    field of action or value of ``attribute:NAME``); ``rows="field"`` aggregates codes to fields of
    action. ``values``: ``count`` (codings), ``presence`` (1 if any), ``row-percent`` or
    ``column-percent`` (per cent of the row's or column's codings)."""
    if values not in MATRIX_VALUES:
        raise InvalidValue("option.unsupported", option="matrix values", value=values, choices=MATRIX_VALUES)
    if rows not in ("code", "field"):
        raise InvalidValue("analysis.matrix_rows", rows=rows)
    frame, column = _column_key(data, cols)
    row_key = "code" if rows == "code" else "field_of_action"
    counts = frame.groupby([row_key, column], observed=False).size().unstack(fill_value=0)
    if rows == "field":
        counts = counts.reindex(list(dict.fromkeys(data.codes["field_of_action"])), fill_value=0)
    else:
        counts = counts.reindex(data.codes["code"].tolist(), fill_value=0)
    if cols == "document":
        counts = counts.reindex(columns=data.documents["document"].tolist(), fill_value=0)
    counts.index = counts.index.astype(str)
    counts.columns = counts.columns.astype(str)
    counts.index.name = rows
    counts.columns.name = column
    return matrix_values(counts, values)


def matrix_values(counts: pd.DataFrame, values: str) -> pd.DataFrame:
    """A table of coding counts as ``values``: the counts, presence (1 if any) or per cent of the
    row's or column's codings."""
    if values == "presence":
        return (counts > 0).astype("int64")
    if values == "row-percent":
        return counts.div(counts.sum(axis=1).replace(0, 1), axis=0).mul(100).round(2)
    if values == "column-percent":
        return counts.div(counts.sum(axis=0).replace(0, 1), axis=1).mul(100).round(2)
    return counts.astype("int64")


def matrix_cell(data: CodingData, cols: str, row: str, column: str, *, rows: str = "code") -> CodingData:
    """The codings behind one cell of :func:`matrix`: code (or field of action) ``row`` and column
    value ``column`` (a document, coder, speaker role, field or attribute value)."""
    frame, key = _column_key(data, cols)
    row_key = "code" if rows == "code" else "field_of_action"
    keep = ((frame[row_key].astype(str) == row) & (frame[key].astype(str) == column)).to_numpy()
    filters = (*data.filters, (rows, row), (cols, column))
    return replace(data, codings=data.codings.loc[keep].reset_index(drop=True), filters=filters)

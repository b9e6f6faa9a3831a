"""Auswertung's Matrix tab: codes (or fields of action) x documents, coders, roles, fields or
attribute values; many documents grouped by an attribute or a document set, or paged; a clicked
cell lists its segments."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from app_pages.analysis_view import (
    Names,
    columns,
    downloads,
    num,
    pct,
    shown,
    spans_of,
    with_links,
    with_page,
)
from app_pages.deeplinks import segment_table
from app_pages.lang import tr
from toolkit import analysis
from toolkit.document_sets import list_sets
from toolkit.store import Store

VALUES = ("count", "presence", "row-percent", "column-percent")


def _layout(
    shown_data: analysis.CodingData, labels: Mapping[str, str], has_sets: bool
) -> tuple[str | None, int]:
    """With more documents than fit side by side: group them by an attribute or set, or pick a page."""
    if len(shown_data.documents) <= analysis.MAX_COLUMNS:
        return None, 1
    st.info(tr("ui.scale.matrix_many", documents=num(len(shown_data.documents)), most=analysis.MAX_COLUMNS))
    left, right = st.columns(2)
    choices: list[str | None] = [None, *(f"attribute:{a}" for a in shown_data.attributes)]
    if has_sets:
        choices.append("set")
    group_by = left.selectbox(
        tr("ui.scale.matrix_group_by"),
        choices,
        format_func=lambda v: (
            tr("ui.scale.matrix_no_group")
            if v is None
            else tr("ui.scale.matrix_by_set")
            if v == "set"
            else labels.get(v[10:], v[10:])
        ),
        key="analysis_matrix_group",
    )
    if group_by is not None:
        return group_by, 1
    pages = -(-len(shown_data.documents) // analysis.MAX_COLUMNS)
    page = right.number_input(
        tr("ui.scale.matrix_page", pages=pages), 1, pages, 1, key="analysis_matrix_page"
    )
    return None, int(page)


def _column_names(table: pd.DataFrame, cell_cols: str, names: Names) -> dict[str, str]:
    """A column's value -> its heading: fields and coders in the tab's language, "no value"."""
    heading: dict[str, str] = {}
    for column in table.columns:
        value = str(column)
        if value == analysis.NONE_LABEL:
            heading[value] = tr("ui.scale.no_value")
        elif cell_cols == "field":
            heading[value] = names.field(value)
        elif cell_cols == "coder":
            heading[value] = analysis.coder_label(value, names.lang)
        else:
            heading[value] = value
    return heading


def matrix_tab(
    store: Store,
    data: analysis.CodingData,
    *,
    names: Names,
    labels: Mapping[str, str],
    col_labels: Mapping[str, str],
    filters: list[tuple[str, str]],
    about: str,
) -> None:
    left, mid, right = st.columns(3)
    row_labels = {"code": tr("ui.analysis.by.code"), "field": tr("ui.analysis.by.field_only")}
    rows: str = left.selectbox(
        tr("ui.analysis.rows"), list(row_labels), format_func=row_labels.__getitem__, key="analysis_rows"
    )
    cols: str = mid.selectbox(
        tr("ui.analysis.columns"), list(col_labels), format_func=col_labels.__getitem__, key="analysis_cols"
    )
    values: str = right.selectbox(
        tr("ui.analysis.values"),
        list(VALUES),
        format_func=lambda v: tr(f"ui.analysis.value.{v}"),
        key="analysis_values",
    )
    sets: dict[str, Sequence[str]] | None = None
    cell_cols, whole = cols, None  # what a clicked cell's column means; the download when paged
    if cols == "document":
        all_sets = list_sets(store)
        group_by, page = _layout(data, labels, bool(all_sets))
        sets = {s.name: s.documents for s in all_sets} if group_by == "set" else None
        layout = analysis.document_matrix(
            data, values=values, rows=rows, group_by=group_by, sets=sets, page=page
        )
        table, cell_cols = layout.table, group_by or cols
        if layout.paged:
            whole = analysis.matrix(data, cols, values=values, rows=rows)
            st.caption(
                tr(
                    "ui.scale.matrix_paged",
                    first=num(layout.first),
                    last=num(layout.last),
                    total=num(layout.documents),
                )
            )
        elif group_by:
            heading = _column_names(table, cell_cols, names)
            st.caption(
                tr(
                    "ui.scale.matrix_grouped",
                    groups="; ".join(
                        f"{heading[str(g)]}: {num(n)}"
                        for g, n in zip(table.columns, layout.sizes, strict=True)
                    ),
                )
            )
    else:
        table = analysis.matrix(data, cols, values=values, rows=rows)
    axis_title = (  # the columns' name: documents, or the groups they were put in
        col_labels[cols]
        if cell_cols == cols
        else tr("ui.scale.matrix_by_set")
        if cell_cols == "set"
        else labels.get(cell_cols[10:], cell_cols[10:])
    )
    heading = _column_names(table, cell_cols, names)
    row_names = {str(r): names.row(rows, r) for r in table.index}
    value_title = tr(f"ui.analysis.value.{values}")
    used_rows = table[table.sum(axis=1) > 0] if values != "presence" else table[table.max(axis=1) > 0]
    if not used_rows.empty:
        long = used_rows.reset_index().melt(id_vars=[rows], var_name="column", value_name="value")
        long[rows] = long[rows].map(lambda r: row_names[str(r)])
        long["column"] = long["column"].map(lambda c: heading[str(c)])
        st.altair_chart(
            alt.Chart(long)
            .mark_rect()
            .encode(
                x=alt.X("column:N", title=axis_title, axis=alt.Axis(labelLimit=220)),
                y=alt.Y(f"{rows}:N", title=None, sort=None, axis=alt.Axis(labelLimit=360)),
                color=alt.Color("value:Q", title=value_title, scale=alt.Scale(scheme="blues")),
                tooltip=[
                    alt.Tooltip(f"{rows}:N", title=row_labels[rows]),
                    alt.Tooltip("column:N", title=axis_title),
                    alt.Tooltip("value:Q", title=value_title),
                ],
            ),
            width="stretch",
        )
    shown_matrix = table if values in ("count", "presence") else table.map(pct)
    shown_matrix = shown_matrix.rename(index=row_names, columns=heading)
    event: Any = st.dataframe(
        shown_matrix,
        width="stretch",
        on_select="rerun",
        selection_mode="single-cell",
        key="analysis_matrix_table",
        column_config={"_index": row_labels[rows]},
    )
    downloads(
        table if whole is None else whole,
        tr("ui.analysis.matrix_of", columns=col_labels[cols]),
        filters,
        f"{tr('ui.analysis.file.matrix')}-{cols.replace(':', '-')}",
        about,
    )
    cells = event.selection.cells if event is not None else []
    if not cells:
        st.caption(tr("ui.analysis.cell_hint"))
        return
    position, shown_column = cells[0]
    column = {v: k for k, v in heading.items()}.get(str(shown_column), str(shown_column))
    row = str(table.index[int(position)])
    st.subheader(f"{row_names[row]} · {heading.get(column, column)}")
    if cell_cols == "set":  # a set's documents (documents may lie in several sets)
        cell_data = analysis.set_cell(data, sets or {}, row, column, rows=rows)
    else:
        cell_data = analysis.matrix_cell(data, cell_cols, row, column, rows=rows)
    if cell_data.codings.empty:
        st.caption(tr("ui.analysis.cell_none"))
        return
    cell_seg = analysis.segments(store, cell_data, context=0)
    segment_table(
        shown(with_links(store, cell_seg), names),
        spans_of(cell_seg),
        hide_index=True,
        width="stretch",
        key="analysis_cell_segments",
        column_config=columns(names.lang),
        column_order=with_page(["link", "text", "document", "speaker", "time", "coder"], cell_seg),
    )

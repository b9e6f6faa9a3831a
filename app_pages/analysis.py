"""Auswertung: frequencies, matrices, co-occurrence and coded segments, with filters, charts and
downloads. Every number comes from toolkit.analysis; this page only arranges it."""

from __future__ import annotations

import functools
import io
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from app_pages.deeplinks import link_column, linker, segment_table
from app_pages.lang import tr, ui_language
from toolkit import analysis
from toolkit.blind import blind_coding
from toolkit.codes import list_codes
from toolkit.document_sets import documents_of_sets, list_sets
from toolkit.documents import attribute_labels
from toolkit.exports import (
    QUOTES_PER_CODE,
    build_report,
    charts,
    table_bytes,
    write_codebook_csv,
    write_codebook_guide,
    write_report,
)
from toolkit.i18n import label, number, percent
from toolkit.store import Store, project_state

store: Store = st.session_state["app_store"]
# German headings for the library's columns (the downloads keep the library's names)
COLUMNS: dict[str, Any] = {
    "code": "Code",
    "field_of_action": "Handlungsfeld",
    "valence": "Valenz",
    "codings": "Codierungen",
    "codes": "Codes",
    "documents": "Dokumente",
    "words": "Wörter",
    "document": "Dokument",
    "speaker": "Sprecher:in",
    "speaker_role": "Rolle",
    "coder": "Codierer:in",
    "time": "Zeit",
    "start": "Anfang",
    "end": "Ende",
    "before": st.column_config.TextColumn("davor", width="medium"),
    "text": st.column_config.TextColumn("Segment", width="large"),
    "after": st.column_config.TextColumn("danach", width="medium"),
    "code_a": "Code A",
    "code_b": "Code B",
    "count": "gemeinsam",
    "n_a": "Codierungen A",
    "n_b": "Codierungen B",
    "share_pct": "Anteil",
    "documents_pct": "Dokumente (%)",
    "jaccard": "Jaccard",
    "_index": "Code",
    "link": link_column(),
}
VALENCE = {"challenge": "Herausforderung", "driver": "Treiber"}
LAST = "peek(split(datum.label, '/'))"  # an axis label shows the code's name, the tooltip its path
SEGMENT_ORDER = ["link", "text", "document", "speaker", "speaker_role", "time", "coder", "before", "after"]


def with_links(frame: pd.DataFrame) -> pd.DataFrame:
    """The segments as shown: a ``link`` to each span in Kodieren (a copy; downloads stay as they are)."""
    link = linker(store)
    return frame.assign(
        link=[link(d, s, e) for d, s, e in zip(frame["document"], frame["start"], frame["end"], strict=True)]
    )


def spans_of(frame: pd.DataFrame) -> list[tuple[str, int, int] | None]:
    """Each segment's place (document, start, end), row by row."""
    return [
        (str(d), int(s), int(e))
        for d, s, e in zip(frame["document"], frame["start"], frame["end"], strict=True)
    ]


def german(frame: pd.DataFrame) -> pd.DataFrame:
    """The table as shown: valence in German, per cent and decimals with a comma (``3,11 %``),
    coders by role (a copy; the download keeps the library's values)."""
    out = frame.copy()
    if "valence" in out:
        out["valence"] = out["valence"].map(lambda v: VALENCE.get(str(v), "–"))
    if "coder" in out:
        out["coder"] = out["coder"].map(
            lambda c: ", ".join(analysis.coder_label(x) for x in str(c).split(", "))
        )
    for column in out.columns:
        if out[column].dtype.kind not in "biufcmM":  # the library's "(none)": no speaker, no role
            out[column] = out[column].map(lambda v: "–" if v == analysis.NONE_LABEL else v)
        if str(column).endswith("_pct"):
            out[column] = out[column].map(lambda v: percent(float(v), decimals=1))
        elif out[column].dtype.kind == "f":
            decimals = 3 if column == "jaccard" else 1
            out[column] = out[column].map(lambda v, d=decimals: number(float(v), decimals=d))
    return out


MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@st.cache_data(show_spinner="Codierungen werden gelesen …")
def load(_store: Store, path: str, version: tuple[object, ...]) -> analysis.CodingData:
    """All codings, read once per change of the project (``version``: its GUID and last event)."""
    return analysis.load_codings_cached(_store)


def downloads(frame: pd.DataFrame, name: str, filters: list[tuple[str, str]], key: str, view: str) -> None:
    cols = st.columns(3)
    for col, fmt in zip(cols, ("csv", "xlsx", "json"), strict=True):
        col.download_button(
            f"{fmt.upper()} herunterladen",
            functools.partial(table_bytes, frame, fmt, name=name, filters=filters, title=name, view=view),
            file_name=f"{key}.{fmt}",
            mime=MIME[fmt],
            key=f"analysis_download_{key}_{fmt}",
            on_click="ignore",
        )


def guide_docx() -> bytes:
    buffer = io.BytesIO()
    write_codebook_guide(
        list_codes(store),
        buffer,
        title=store.setting("codebook_title", "") or "",
        language=store.setting("codebook_language", "de") or "de",
    )
    return buffer.getvalue()


def codebook_csv() -> bytes:
    text = io.StringIO()
    write_codebook_csv(list_codes(store), text)
    return ("\ufeff" + text.getvalue()).encode("utf-8")


data_all = load(store, store.path, project_state(store))
labels = attribute_labels(store)

st.title("Auswertung")
if blind_coding(st.session_state["app_store"]):
    st.info(
        "Blindkodierung ist aktiv: Auswertungen zeigen die Codierungen aller und bleiben bis zum Ende der "
        "blinden Phase gesperrt (auf der Seite Konsens ausschalten)."
    )
    st.stop()
if data_all.codings.empty:
    st.info("Noch keine Codierungen. Kodieren auf der Seite **Kodieren** oder mit `coding-toolkit code …`.")
    st.stop()

coded = analysis.coded_by(data_all)
seen_project = st.session_state.get("analysis_coders_project")
if "analysis_coders" not in st.session_state or seen_project not in (None, str(store.path)):
    st.session_state["analysis_coders"] = list(analysis.default_view(data_all).coders)  # a new project
st.session_state["analysis_coders_project"] = str(store.path)
st.session_state["analysis_coders"] = [c for c in st.session_state.get("analysis_coders", []) if c in coded]
picked = st.multiselect(
    "Wessen Codierungen?",
    coded,
    key="analysis_coders",
    format_func=analysis.coder_label,
    placeholder="Codierer:in wählen",
    help="Vorgabe ist der Konsens, sobald es ihn gibt. Mehrere Personen: gepoolte Ansicht, in der ein "
    "gleich codiertes Segment einmal erscheint.",
)
if not picked:
    st.info(
        "Mehrere Personen haben codiert und es gibt noch keinen Konsens: bitte wählen, wessen Codierungen "
        "ausgewertet werden (mehrere = gepoolte Ansicht)."
    )
    st.stop()
view = analysis.CoderView(tuple(picked))

with st.expander("Filter", expanded=False):
    chosen_docs = st.multiselect(
        "Dokumente", data_all.documents["document"].tolist(), key="analysis_docs", placeholder="alle"
    )
    set_names = [s.name for s in list_sets(store)]
    chosen_sets = (
        st.multiselect("Dokumentgruppen", set_names, key="analysis_sets", placeholder="alle")
        if set_names
        else []
    )
    if chosen_sets:  # documents of the chosen sets, and of the chosen documents when both are given
        in_sets = documents_of_sets(store, chosen_sets)
        chosen_docs = [d for d in in_sets if d in chosen_docs] if chosen_docs else in_sets
        if not chosen_docs:
            st.info("Keine der gewählten Dokumente liegt in den gewählten Dokumentgruppen.")
            st.stop()
    roles_all = sorted(str(r) for r in data_all.codings["speaker_role"].unique())
    chosen_roles = st.multiselect(
        "Sprecher:innen-Rolle",
        roles_all,
        key="analysis_roles",
        placeholder="alle",
        format_func=lambda r: "ohne Rolle" if r == analysis.NONE_LABEL else r,
    )
    chosen_attrs: dict[str, list[str]] = {}
    for name in data_all.attributes:
        options = sorted(set(data_all.documents[name]))
        picked = st.multiselect(
            labels.get(name, name), options, key=f"analysis_attr_{name}", placeholder="alle"
        )
        if picked:
            chosen_attrs[name] = picked

data = analysis.select(
    analysis.view_of(data_all, view),
    documents=chosen_docs or None,
    roles=chosen_roles or None,
    attributes=chosen_attrs or None,
)
filters = [(k, v) for k, v in data.filters if k not in ("coder", "coders")]
about = view.describe()
filter_words = "; ".join(f"{label('filter', k)}: {v}" for k, v in filters) or "keine"
st.caption(
    f"{view.describe()} · {number(len(data.codings))} Codierungen in {number(len(data.documents))} "
    "Dokumenten · Filter: " + filter_words
)

BY_LABELS = {
    "code": "Code",
    "field": "Handlungsfeld × Valenz",
    "document": "Dokument",
    "speaker": "Sprecher:in",
    "role": "Sprecher:innen-Rolle",
    "coder": "Codierer:in",
    **{f"attribute:{a}": labels.get(a, a) for a in data.attributes},
}
COL_LABELS = {
    "document": "Dokument",
    "coder": "Codierer:in",
    "role": "Sprecher:innen-Rolle",
    "field": "Handlungsfeld",
    **{f"attribute:{a}": labels.get(a, a) for a in data.attributes},
}
VALUE_LABELS = {
    "count": "Anzahl",
    "presence": "vorhanden (0/1)",
    "row-percent": "Zeilenprozent",
    "column-percent": "Spaltenprozent",
}

tab_freq, tab_matrix, tab_co, tab_seg, tab_files = st.tabs(
    ["Häufigkeiten", "Matrix", "Kookkurrenz", "Segmente", "Bericht & Codebuch"]
)

with tab_freq:
    by = st.selectbox(
        "Gruppieren nach", list(BY_LABELS), format_func=BY_LABELS.__getitem__, key="analysis_by"
    )
    freq = analysis.frequencies(data, by)
    if by == "field":
        st.altair_chart(charts.field_valence_bars(freq), width="stretch")
    elif by.startswith("attribute:") or by in ("role", "coder"):
        group = freq.columns[0]
        st.altair_chart(
            alt.Chart(freq)
            .mark_bar()
            .encode(
                x=alt.X(f"{group}:N", title=BY_LABELS[by]),
                y=alt.Y("sum(codings):Q", title="Codierungen"),
                color=alt.Color("field_of_action:N", title="Handlungsfeld"),
                tooltip=[group, "field_of_action", "sum(codings)"],
            ),
            width="stretch",
        )
    elif by == "code":
        st.altair_chart(charts.code_bars(freq), width="stretch")
    st.dataframe(
        german(freq), hide_index=True, width="stretch", key="analysis_freq_table", column_config=COLUMNS
    )
    downloads(freq, f"Häufigkeiten {BY_LABELS[by]}", filters, f"haeufigkeiten-{by.replace(':', '-')}", about)


NO_VALUE = {analysis.NONE_LABEL: tr("ui.scale.no_value")}  # a group of documents without the attribute


def matrix_layout(shown: analysis.CodingData) -> tuple[str | None, int]:
    """With more documents than fit side by side: group them by an attribute, or pick a page."""
    if len(shown.documents) <= analysis.MAX_COLUMNS:
        return None, 1
    st.info(tr("ui.scale.matrix_many", documents=number(len(shown.documents)), most=analysis.MAX_COLUMNS))
    left, right = st.columns(2)
    choices: list[str | None] = [None, *(f"attribute:{a}" for a in shown.attributes)]
    if set_names:
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
    pages = -(-len(shown.documents) // analysis.MAX_COLUMNS)
    page = right.number_input(
        tr("ui.scale.matrix_page", pages=pages), 1, pages, 1, key="analysis_matrix_page"
    )
    return None, int(page)


with tab_matrix:
    left, mid, right = st.columns(3)
    row_labels = {"code": "Code", "field": "Handlungsfeld"}
    rows: str = left.selectbox(
        "Zeilen", list(row_labels), format_func=lambda v: row_labels[v], key="analysis_rows"
    )
    cols: str = mid.selectbox(
        "Spalten", list(COL_LABELS), format_func=lambda v: COL_LABELS[v], key="analysis_cols"
    )
    values: str = right.selectbox(
        "Werte", list(VALUE_LABELS), format_func=lambda v: VALUE_LABELS[v], key="analysis_values"
    )
    cell_cols, whole = cols, None  # what a clicked cell's column means; the download when paged
    if cols == "document":
        group_by, page = matrix_layout(data)
        sets = {s.name: s.documents for s in list_sets(store)} if group_by == "set" else None
        layout = analysis.document_matrix(
            data, values=values, rows=rows, group_by=group_by, sets=sets, page=page
        )
        table, cell_cols = layout.table, group_by or cols
        if layout.paged:
            whole = analysis.matrix(data, cols, values=values, rows=rows)
            st.caption(
                tr(
                    "ui.scale.matrix_paged",
                    first=number(layout.first),
                    last=number(layout.last),
                    total=number(layout.documents),
                )
            )
        elif group_by:
            st.caption(
                tr(
                    "ui.scale.matrix_grouped",
                    groups="; ".join(
                        f"{NO_VALUE.get(g, g)}: {number(n)}"
                        for g, n in zip(table.columns, layout.sizes, strict=True)
                    ),
                )
            )
    else:
        table = analysis.matrix(data, cols, values=values, rows=rows)
    axis_title = (  # the columns' name: documents, or the groups they were put in
        COL_LABELS[cols]
        if cell_cols == cols
        else tr("ui.scale.matrix_by_set")
        if cell_cols == "set"
        else labels.get(cell_cols[10:], cell_cols[10:])
    )
    used_rows = table[table.sum(axis=1) > 0] if values != "presence" else table[table.max(axis=1) > 0]
    if not used_rows.empty:
        long = used_rows.reset_index().melt(id_vars=[rows], var_name="column", value_name="value")
        st.altair_chart(
            alt.Chart(long)
            .mark_rect()
            .encode(
                x=alt.X("column:N", title=axis_title, axis=alt.Axis(labelLimit=220)),
                y=alt.Y(f"{rows}:N", title=None, sort=None, axis=alt.Axis(labelLimit=360)),
                color=alt.Color("value:Q", title=VALUE_LABELS[values], scale=alt.Scale(scheme="blues")),
                tooltip=[rows, "column", "value"],
            ),
            width="stretch",
        )
    shown_matrix = (
        table if values in ("count", "presence") else table.map(lambda v: percent(float(v), decimals=1))
    )
    event: Any = st.dataframe(
        shown_matrix.rename(columns=NO_VALUE) if cell_cols != cols else shown_matrix,
        width="stretch",
        on_select="rerun",
        selection_mode="single-cell",
        key="analysis_matrix_table",
        column_config={"_index": row_labels[rows]},
    )
    downloads(
        table if whole is None else whole,
        f"Matrix {COL_LABELS[cols]}",
        filters,
        f"matrix-{cols.replace(':', '-')}",
        about,
    )
    cells = event.selection.cells if event is not None else []
    if cells and cell_cols == "set":  # sets overlap: their segments are listed through the set filter
        st.caption(tr("ui.scale.matrix_set_cell"))
    elif cells:
        position, column = cells[0]
        if cell_cols != cols:  # a group's column: "ohne Wert" is the library's NONE_LABEL
            column = {v: k for k, v in NO_VALUE.items()}.get(column, column)
        row_label = str(table.index[int(position)])
        st.subheader(f"{row_label} · {column}")
        cell_data = analysis.matrix_cell(data, cell_cols, row_label, str(column), rows=rows)
        cell_seg = analysis.segments(store, cell_data, context=0)
        segment_table(
            german(with_links(cell_seg)),
            spans_of(cell_seg),
            hide_index=True,
            width="stretch",
            key="analysis_cell_segments",
            column_config=COLUMNS,
            column_order=["link", "text", "document", "speaker", "time", "coder"],
        )
    else:
        st.caption("Eine Zelle anklicken, um ihre Segmente zu sehen.")

with tab_co:
    method_labels = {
        "overlap": "überlappende Codierungen",
        "turn": "im selben Sprecherbeitrag",
        "sentence": "im selben Satz",
    }
    method: str = st.selectbox(
        "Gemeinsames Vorkommen",
        list(method_labels),
        format_func=lambda v: method_labels[v],
        key="analysis_method",
    )
    pairs = analysis.cooccurrence(data, method, store=store)
    if not pairs.empty:
        heat = analysis.cooccurrence_matrix(pairs, "jaccard")
        long = heat.reset_index(names="code_a").melt(
            id_vars="code_a", var_name="code_b", value_name="jaccard"
        )
        st.altair_chart(
            alt.Chart(long)
            .mark_rect()
            .encode(
                x=alt.X("code_b:N", title=None, axis=alt.Axis(labelLimit=220, labelExpr=LAST)),
                y=alt.Y("code_a:N", title=None, axis=alt.Axis(labelLimit=360, labelExpr=LAST)),
                color=alt.Color(
                    "jaccard:Q", title="Jaccard", scale=alt.Scale(scheme="oranges", domain=[0, 1])
                ),
                tooltip=["code_a", "code_b", "jaccard"],
            ),
            width="stretch",
        )
    st.dataframe(
        german(pairs), hide_index=True, width="stretch", key="analysis_co_table", column_config=COLUMNS
    )
    downloads(pairs, f"Kookkurrenz {method_labels[method]}", filters, f"kookkurrenz-{method}", about)

with tab_seg:
    used_codes = [str(c) for c in data.codings["code"].unique()]
    order = {c: i for i, c in enumerate(data.codes["code"])}
    code = st.selectbox("Code", sorted(used_codes, key=order.__getitem__), key="analysis_seg_code")
    whole_turn = st.toggle("ganzer Sprecherbeitrag als Kontext", key="analysis_seg_turn")
    chars = st.number_input(
        "Zeichen Kontext", 0, 5000, 200, step=50, key="analysis_seg_chars", disabled=whole_turn
    )
    if code:
        seg = analysis.segments(
            store, analysis.select(data, codes=[code]), context="turn" if whole_turn else int(chars)
        )
        segment_table(
            german(with_links(seg)),
            spans_of(seg),
            hide_index=True,
            width="stretch",
            key="analysis_seg_table",
            column_config=COLUMNS,
            column_order=SEGMENT_ORDER,
        )
        downloads(seg, "Segmente", filters, "segmente", about)

with tab_files:
    st.write("Ergebnisbericht mit Häufigkeiten je Handlungsfeld und Zitaten je Code (gefiltert wie oben).")
    report_quotes = st.number_input(
        tr("ui.scale.report_quotes"),
        0,
        1000,
        QUOTES_PER_CODE,
        key="analysis_report_quotes",
        help=tr("ui.scale.report_quotes_help"),
    )
    st.caption(tr("ui.scale.report_scope", filters=filter_words))
    if st.button("Bericht erstellen", key="analysis_build_report"):
        buffer = io.BytesIO()
        cap = int(report_quotes) or None
        write_report(build_report(store, data, view=view, quotes_per_code=cap, lang=ui_language()), buffer)
        st.session_state["analysis_report"] = buffer.getvalue()
    if "analysis_report" in st.session_state:
        st.download_button(
            "Bericht (DOCX) herunterladen",
            st.session_state["analysis_report"],
            file_name="auswertung.docx",
            key="analysis_report_download",
            on_click="ignore",
        )
    left, right = st.columns(2)
    left.download_button(
        "Kodierleitfaden (DOCX)", guide_docx, file_name="kodierleitfaden.docx", on_click="ignore"
    )
    right.download_button("Codebuch (CSV)", codebook_csv, file_name="codebuch.csv", on_click="ignore")

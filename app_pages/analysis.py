"""Auswertung: frequencies, matrices, co-occurrence and coded segments, with filters, charts and
downloads. Every number comes from toolkit.analysis; this page only arranges it (the Matrix tab in
app_pages/analysis_matrix.py, how tables are shown in app_pages/analysis_view.py)."""

from __future__ import annotations

import io

import altair as alt
import streamlit as st

from app_pages.analysis_matrix import matrix_tab
from app_pages.analysis_view import columns, downloads, names_of, shown, spans_of, with_links, with_page
from app_pages.deeplinks import segment_table
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
    write_codebook_csv,
    write_codebook_guide,
    write_report,
)
from toolkit.i18n import label, plural
from toolkit.store import Store, project_state

store: Store = st.session_state["app_store"]
lang = ui_language()
LAST = "peek(split(datum.label, '/'))"  # an axis label shows the code's name, the tooltip its path
SEGMENT_ORDER = [
    "link",
    "text",
    "document",
    "speaker",
    "speaker_role",
    "time",
    "coder",
    "weight",
    "before",
    "after",
]


@st.cache_data(show_spinner=False)
def load(_store: Store, path: str, version: tuple[object, ...]) -> analysis.CodingData:
    """All codings, read once per change of the project (``version``: its GUID and last event)."""
    return analysis.load_codings_cached(_store)


def guide_docx() -> bytes:
    buffer = io.BytesIO()
    write_codebook_guide(
        list_codes(store), buffer, title=store.setting("codebook_title", "") or "", language=lang
    )
    return buffer.getvalue()


def codebook_csv() -> bytes:
    text = io.StringIO()
    write_codebook_csv(list_codes(store), text)
    return ("\ufeff" + text.getvalue()).encode("utf-8")


with st.spinner(tr("ui.analysis.loading")):
    data_all = load(store, store.path, project_state(store))
labels = attribute_labels(store)
names = names_of(store)
config = columns(lang)

st.title(tr("ui.analysis.title"))
if blind_coding(store):
    st.info(tr("ui.analysis.blind"))
    st.stop()
if data_all.codings.empty:
    st.info(tr("ui.analysis.empty"))
    st.stop()

coded = analysis.coded_by(data_all)
seen_project = st.session_state.get("analysis_coders_project")
if "analysis_coders" not in st.session_state or seen_project not in (None, str(store.path)):
    st.session_state["analysis_coders"] = list(analysis.default_view(data_all).coders)  # a new project
st.session_state["analysis_coders_project"] = str(store.path)
st.session_state["analysis_coders"] = [c for c in st.session_state.get("analysis_coders", []) if c in coded]
picked = st.multiselect(
    tr("ui.analysis.coders"),
    coded,
    key="analysis_coders",
    format_func=lambda c: analysis.coder_label(c, lang),
    placeholder=tr("ui.analysis.coders_placeholder"),
    help=tr("ui.analysis.coders_help"),
)
if not picked:
    st.info(tr("ui.analysis.coders_needed"))
    st.stop()
view = analysis.CoderView(tuple(picked))

with st.expander(tr("ui.analysis.filter"), expanded=False):
    everyone = tr("ui.analysis.all")
    chosen_docs = st.multiselect(
        tr("ui.analysis.documents"),
        data_all.documents["document"].tolist(),
        key="analysis_docs",
        placeholder=everyone,
    )
    set_names = [s.name for s in list_sets(store)]
    chosen_sets = (
        st.multiselect(tr("ui.analysis.sets"), set_names, key="analysis_sets", placeholder=everyone)
        if set_names
        else []
    )
    if chosen_sets:  # documents of the chosen sets, and of the chosen documents when both are given
        in_sets = documents_of_sets(store, chosen_sets)
        chosen_docs = [d for d in in_sets if d in chosen_docs] if chosen_docs else in_sets
        if not chosen_docs:
            st.info(tr("ui.analysis.sets_empty"))
            st.stop()
    roles_all = sorted(str(r) for r in data_all.codings["speaker_role"].unique())
    chosen_roles = st.multiselect(
        tr("ui.analysis.roles"),
        roles_all,
        key="analysis_roles",
        placeholder=everyone,
        format_func=lambda r: tr("ui.analysis.no_role") if r == analysis.NONE_LABEL else r,
    )
    chosen_attrs: dict[str, list[str]] = {}
    for name in data_all.attributes:
        options = sorted(set(data_all.documents[name]))
        values = st.multiselect(
            labels.get(name, name), options, key=f"analysis_attr_{name}", placeholder=everyone
        )
        if values:
            chosen_attrs[name] = values

data = analysis.select(
    analysis.view_of(data_all, view),
    documents=chosen_docs or None,
    roles=chosen_roles or None,
    attributes=chosen_attrs or None,
)
filters = [(k, v) for k, v in data.filters if k not in ("coder", "coders")]
about = view.describe(lang)
filter_words = "; ".join(f"{label('filter', k, lang)}: {v}" for k, v in filters) or tr(
    "ui.analysis.no_filter"
)
st.caption(
    tr(
        "ui.analysis.summary",
        view=about,
        codings=plural("ui.analysis.n_codings", len(data.codings), lang),
        documents=plural("ui.analysis.in_documents", len(data.documents), lang),
        filters=filter_words,
    )
)

BY_LABELS = {
    **{by: tr(f"ui.analysis.by.{by}") for by in ("code", "field", "document", "speaker", "role", "coder")},
    **{f"attribute:{a}": labels.get(a, a) for a in data.attributes},
}
COL_LABELS = {
    **{c: BY_LABELS[c] for c in ("document", "coder", "role")},
    "field": tr("ui.analysis.by.field_only"),
    **{f"attribute:{a}": labels.get(a, a) for a in data.attributes},
}

tab_freq, tab_matrix, tab_co, tab_seg, tab_files = st.tabs(
    [tr(f"ui.analysis.tab.{t}") for t in ("frequencies", "matrix", "cooccurrence", "segments", "files")]
)

with tab_freq:
    by = st.selectbox(
        tr("ui.analysis.by"), list(BY_LABELS), format_func=BY_LABELS.__getitem__, key="analysis_by"
    )
    freq = analysis.frequencies(data, by)
    named = freq.assign(  # the chart's codes and fields in the tab's language
        **{
            c: freq[c].map(f)
            for c, f in (("code", names.code), ("field_of_action", names.field))
            if c in freq
        }
    )
    if by == "field":
        st.altair_chart(charts.field_valence_bars(named, lang), width="stretch")
    elif by.startswith("attribute:") or by in ("role", "coder"):
        group = freq.columns[0]
        if by == "coder":
            named[group] = named[group].map(lambda c: analysis.coder_label(str(c), lang))
        codings_title, field_title = tr("ui.analysis.value.count"), tr("ui.analysis.by.field_only")
        st.altair_chart(
            alt.Chart(named)
            .mark_bar()
            .encode(
                x=alt.X(f"{group}:N", title=BY_LABELS[by]),
                y=alt.Y("sum(codings):Q", title=label("col", "codings", lang)),
                color=alt.Color("field_of_action:N", title=field_title),
                tooltip=[
                    alt.Tooltip(f"{group}:N", title=BY_LABELS[by]),
                    alt.Tooltip("field_of_action:N", title=field_title),
                    alt.Tooltip("sum(codings):Q", title=codings_title),
                ],
            ),
            width="stretch",
        )
    elif by == "code":
        st.altair_chart(charts.code_bars(named, lang=lang), width="stretch")
    st.dataframe(
        shown(freq, names), hide_index=True, width="stretch", key="analysis_freq_table", column_config=config
    )
    downloads(
        freq,
        tr("ui.analysis.frequencies_of", by=BY_LABELS[by]),
        filters,
        f"{tr('ui.analysis.file.frequencies')}-{by.replace(':', '-')}",
        about,
    )

with tab_matrix:
    matrix_tab(store, data, names=names, labels=labels, col_labels=COL_LABELS, filters=filters, about=about)

with tab_co:
    methods = ("overlap", "turn", "sentence")
    method: str = st.selectbox(
        tr("ui.analysis.method"),
        methods,
        format_func=lambda v: tr(f"ui.analysis.method.{v}"),
        key="analysis_method",
    )
    pairs = analysis.cooccurrence(data, method, store=store)
    if not pairs.empty:
        heat = analysis.cooccurrence_matrix(pairs, "jaccard")
        heat = heat.rename(index=names.code, columns=names.code)
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
                tooltip=[
                    alt.Tooltip("code_a:N", title=label("col", "code_a", lang)),
                    alt.Tooltip("code_b:N", title=label("col", "code_b", lang)),
                    alt.Tooltip("jaccard:Q", title="Jaccard", format=".3f"),
                ],
            ),
            width="stretch",
        )
    st.dataframe(
        shown(pairs, names), hide_index=True, width="stretch", key="analysis_co_table", column_config=config
    )
    downloads(
        pairs,
        tr("ui.analysis.cooccurrence_of", method=tr(f"ui.analysis.method.{method}")),
        filters,
        f"{tr('ui.analysis.file.cooccurrence')}-{method}",
        about,
    )

with tab_seg:
    used_codes = [str(c) for c in data.codings["code"].unique()]
    order = {c: i for i, c in enumerate(data.codes["code"])}
    code = st.selectbox(
        tr("ui.analysis.code"),
        sorted(used_codes, key=order.__getitem__),
        format_func=names.code,
        key="analysis_seg_code",
    )
    whole_turn = st.toggle(tr("ui.analysis.whole_turn"), key="analysis_seg_turn")
    left, right = st.columns(2)
    chars = left.number_input(
        tr("ui.analysis.context_chars"), 0, 5000, 200, step=50, key="analysis_seg_chars", disabled=whole_turn
    )
    min_weight = right.number_input(  # coding weights (issue 20): only the weightier codings
        tr("ui.analysis.min_weight"),
        0,
        100,
        0,
        step=10,
        key="analysis_seg_weight",
        help=tr("ui.analysis.min_weight_help"),
    )
    if code:
        seg = analysis.segments(
            store,
            analysis.select(data, codes=[code]),
            context="turn" if whole_turn else int(chars),
            min_weight=int(min_weight),
        )
        segment_table(
            shown(with_links(store, seg), names),
            spans_of(seg),
            hide_index=True,
            width="stretch",
            key="analysis_seg_table",
            column_config=config,
            column_order=with_page(SEGMENT_ORDER, seg),
        )
        weighed = [("min_weight", str(int(min_weight)))] if min_weight else []
        downloads(seg, tr("ui.analysis.segments"), filters + weighed, tr("ui.analysis.file.segments"), about)

with tab_files:
    st.write(tr("ui.analysis.report_intro"))
    report_quotes = st.number_input(
        tr("ui.scale.report_quotes"),
        0,
        1000,
        QUOTES_PER_CODE,
        key="analysis_report_quotes",
        help=tr("ui.scale.report_quotes_help"),
    )
    st.caption(tr("ui.scale.report_scope", filters=filter_words))
    if st.button(tr("ui.analysis.report_build"), key="analysis_build_report"):
        buffer = io.BytesIO()
        cap = int(report_quotes) or None
        write_report(build_report(store, data, view=view, quotes_per_code=cap, lang=lang), buffer)
        st.session_state["analysis_report"] = buffer.getvalue()
    if "analysis_report" in st.session_state:
        st.download_button(
            tr("ui.analysis.report_download"),
            st.session_state["analysis_report"],
            file_name=tr("ui.analysis.file.report"),
            key="analysis_report_download",
            on_click="ignore",
        )
    left, right = st.columns(2)
    left.download_button(
        tr("ui.analysis.guide"), guide_docx, file_name=tr("ui.analysis.file.guide"), on_click="ignore"
    )
    right.download_button(
        tr("ui.analysis.codebook_csv"),
        codebook_csv,
        file_name=tr("ui.analysis.file.codebook"),
        on_click="ignore",
    )

"""Zusammenfassungen: the summary grid of qualitative content analysis (Kuckartz). For a chosen
code, each document's coded segments on the left and the coder's thematic summary on the right,
with navigation over documents and codes, a mark where the segments changed after the summary was
written, undo, the comparison of groups of documents (by a variable), paraphrases with grouping and
category building (Mayring) and the summary table export (XLSX, landscape DOCX)."""

from __future__ import annotations

import io

import streamlit as st

from app_pages.lang import tr, ui_language
from app_pages.paraphrase_panel import paraphrase_section
from app_pages.ui import error, md, store
from toolkit.codes import list_codes
from toolkit.document_sets import list_sets
from toolkit.documents import attribute_labels, list_documents
from toolkit.errors import ToolkitError
from toolkit.exports.compare_docx import comparison_tables, group_name, write_comparison_docx
from toolkit.exports.summary_tables import summary_table, write_summary_table
from toolkit.qca import stamp
from toolkit.qca.compare import compare_by
from toolkit.qca.summaries import GridRow, set_summary, summary_grid, undo_summary

project = store()
coder = st.session_state.get("app_coder")  # app.py's sidebar chose it (or the login)
lang = ui_language()

st.title(tr("ui.summaries.title"))
st.caption(tr("ui.summaries.intro"))
if "summaries_flash" in st.session_state:
    st.success(st.session_state.pop("summaries_flash"))

codes = [c.path for c in list_codes(project)]
if not codes:
    st.info(tr("ui.summaries.no_codes"))
    st.stop()
if not isinstance(coder, str) or not coder:
    st.info(tr("ui.summaries.no_coder"))
    st.stop()
me: str = coder

left, right = st.columns([3, 2])
code = left.selectbox(tr("ui.summaries.code"), codes, key="summaries_code")
all_documents = right.toggle(tr("ui.summaries.all_documents"), key="summaries_all")
grid = summary_grid(project, code, coder, all_documents=all_documents)


def _paraphrases(document: str | None) -> None:
    with st.expander(tr("ui.paraphrases.section"), icon=":material/format_list_bulleted:"):
        # built only when asked for (issue 20, Mayring): an expander runs its content on every rerun
        if st.toggle(tr("ui.paraphrases.show"), key="paraphrases_on"):
            paraphrase_section(project, me, document)


if not grid:
    st.info(tr("ui.summaries.no_documents"))
    _paraphrases(None)  # paraphrases do not hang on the code chosen above
    st.stop()

names = [row.document for row in grid]
by_name = {row.document: row for row in grid}
done = sum(1 for row in grid if row.summary is not None)
st.caption(tr("ui.summaries.overview", done=done, total=len(grid)))


def _state(name: str) -> str:
    row = by_name[name]
    if row.summary is None:
        return tr("ui.summaries.state_open")
    if row.summary.changed:
        return tr("ui.summaries.state_changed")
    return tr("ui.summaries.state_done")


if st.session_state.get("summaries_doc") not in names:
    st.session_state["summaries_doc"] = names[0]


def _step(delta: int) -> None:
    at = names.index(st.session_state["summaries_doc"])
    st.session_state["summaries_doc"] = names[(at + delta) % len(names)]


nav_prev, nav_pick, nav_next = st.columns([1, 4, 1], vertical_alignment="bottom")
nav_prev.button(
    tr("ui.summaries.previous"),
    key="summaries_prev",
    on_click=_step,
    args=(-1,),
    icon=":material/arrow_back:",
)
document = nav_pick.selectbox(tr("ui.summaries.document"), names, key="summaries_doc")
nav_next.button(
    tr("ui.summaries.next"), key="summaries_next", on_click=_step, args=(1,), icon=":material/arrow_forward:"
)
st.caption(tr("ui.summaries.position", n=names.index(document) + 1, total=len(names), state=_state(document)))


def _segments(row: GridRow) -> None:
    st.subheader(tr("ui.summaries.segments", n=len(row.segments)))
    if not row.segments:
        st.caption(tr("ui.summaries.no_segments"))
    for seg in row.segments:
        with st.container(border=True):
            st.caption(
                md(
                    tr(
                        "ui.summaries.segment",
                        code=seg.code_path,
                        coder=seg.coder,
                        start=seg.start,
                        end=seg.end,
                    )
                )
            )
            st.markdown(md(seg.text))


def _summary(row: GridRow) -> None:
    st.subheader(tr("ui.summaries.summary"))
    if row.summary is not None and row.summary.changed:
        st.warning(tr("ui.summaries.changed"), icon=":material/warning:")
    with st.form(f"summaries_form_{document}_{code}", border=False):
        body = st.text_area(
            tr("ui.summaries.summary"),
            value=row.summary.text if row.summary else "",
            height=320,
            label_visibility="collapsed",
            # the stored version in the key: after an undo the box shows the text restored
            key=f"summaries_text_{document}_{code}_{coder}_{row.summary.updated_at if row.summary else ''}",
        )
        saved = st.form_submit_button(tr("ui.summaries.save"), type="primary", icon=":material/save:")
    if saved:
        try:
            result = set_summary(project, document, code, body, coder=me)
        except ToolkitError as exc:
            error(exc)
        else:
            st.session_state["summaries_flash"] = tr(
                "ui.summaries.saved" if result is not None else "ui.summaries.deleted"
            )
            st.rerun()
    if row.summary is not None:
        st.caption(tr("ui.summaries.written", at=stamp(row.summary.updated_at, lang, time=True)))
    if st.button(tr("ui.summaries.undo"), key="summaries_undo", icon=":material/undo:"):
        try:
            undone = undo_summary(project, me)
        except ToolkitError as exc:
            error(exc)
        else:
            st.session_state["summaries_flash"] = tr(
                "ui.summaries.undone" if undone is not None else "ui.summaries.nothing_to_undo"
            )
            st.rerun()


seg_col, sum_col = st.columns(2, gap="large")
with seg_col:
    _segments(by_name[document])
with sum_col:
    _summary(by_name[document])

st.divider()
labels = attribute_labels(project)
variables = sorted({k for d in list_documents(project) for k in d.attributes})
with st.expander(tr("ui.compare.title"), icon=":material/compare:"):
    # the document sets are one more way to group (issue 20), after the variables
    by_options = [f"attribute:{v}" for v in variables] + (["set"] if list_sets(project) else [])
    if not by_options:
        st.caption(tr("ui.compare.no_variables"))
    # built only when asked for: an expander runs its content on every rerun, open or not
    elif st.toggle(tr("ui.compare.show"), key="compare_on"):
        variable = st.selectbox(
            tr("ui.compare.by"),
            by_options,
            format_func=lambda v: tr("ui.compare.by_sets") if v == "set" else labels.get(v[10:], v[10:]),
            key="compare_by",
        )
        try:
            comparison = compare_by(project, code, variable)
        except ToolkitError as exc:
            error(exc)
        else:
            counts, side = comparison_tables(comparison, lang)
            st.dataframe(
                {c.header: [row[j] for row in counts.rows] for j, c in enumerate(counts.columns)},
                hide_index=True,
            )
            shown = comparison.groups[:6]
            if len(comparison.groups) > 6:
                st.caption(tr("ui.compare.more_groups", n=len(comparison.groups) - 6))
            for column, group in zip(st.columns(len(shown)), shown, strict=True):
                with column:
                    st.markdown(f"**{md(group_name(group.value, lang, comparison.by))}**")
                    st.caption(
                        tr(
                            "ui.compare.group_counts",
                            segments=len(group.segments),
                            documents=group.documents_coded,
                        )
                    )
                    for seg in group.segments[:50]:
                        with st.container(border=True):
                            st.caption(md(seg.document))
                            st.markdown(md(seg.text))
            if st.button(tr("ui.compare.make"), key="compare_make", icon=":material/description:"):
                buffer = io.BytesIO()
                write_comparison_docx(comparison, buffer, lang=lang)
                st.session_state["compare_docx"] = (code, variable, buffer.getvalue())
            made = st.session_state.get("compare_docx")
            if made and made[:2] == (code, variable):  # a file made for another choice is not offered
                st.download_button(
                    tr("ui.compare.download"),
                    made[2],
                    file_name="vergleich.docx" if lang == "de" else "comparison.docx",
                    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    icon=":material/download:",
                    key="compare_download",
                )

_paraphrases(document)

with st.expander(tr("ui.summaries.export"), icon=":material/download:"):
    with st.form("summaries_export_form", border=False):
        chosen_codes = st.multiselect(tr("ui.summaries.export_codes"), codes, default=[code])
        chosen_vars = st.multiselect(
            tr("ui.summaries.export_variables"), variables, format_func=lambda v: labels.get(v, v)
        )
        fmt = st.radio(tr("ui.summaries.export_format"), ["docx", "xlsx"], horizontal=True)
        made = st.form_submit_button(tr("ui.summaries.export"), icon=":material/table:")
    if made:
        if not chosen_codes:
            st.warning(tr("ui.summaries.export_empty"))
        else:
            try:
                table = summary_table(project, chosen_codes, variables=chosen_vars, coder=coder, lang=lang)
                buffer = io.BytesIO()
                write_summary_table(table, fmt, buffer, lang=lang)
            except ToolkitError as exc:
                error(exc)
            else:
                st.session_state["summaries_export"] = (fmt, buffer.getvalue())
    if "summaries_export" in st.session_state:
        fmt_made, data = st.session_state["summaries_export"]
        mime = {
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }[fmt_made]
        st.download_button(
            tr("ui.summaries.export_button"),
            data,
            file_name=f"{tr('qca.summary_table.sheet').lower()}.{fmt_made}",
            mime=mime,
            icon=":material/download:",
        )

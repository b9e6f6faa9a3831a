"""Memos: every memo of the project in one list (document, code and coding memos, summaries), newest
first, with search, filters by author and type, the code memo editor and a Word export."""

from __future__ import annotations

import io

import streamlit as st

from app_pages.code_memo import code_memo_panel
from app_pages.lang import tr, ui_language
from app_pages.ui import error, md, store
from toolkit.codes import list_codes
from toolkit.errors import ToolkitError
from toolkit.exports.memos_docx import write_memos_docx
from toolkit.memos import MEMO_KINDS, list_memos
from toolkit.qca import stamp

project = store()
coder = st.session_state.get("app_coder")
lang = ui_language()

st.title(tr("ui.memos.title"))
st.caption(tr("ui.memos.intro"))

with st.expander(tr("ui.memos.edit_code_memo"), icon=":material/edit_note:"):
    code_memo_panel(
        project,
        [c.path for c in list_codes(project)],
        coder if isinstance(coder, str) else None,
        key="memos_cm",
    )

everything = list_memos(project)
authors = sorted({m.author for m in everything if m.author})
f1, f2, f3 = st.columns([2, 2, 1])
needle = f1.text_input(tr("ui.memos.search"), key="memos_search", placeholder=tr("ui.memos.search_hint"))
kinds = f2.multiselect(
    tr("ui.memos.kinds"),
    list(MEMO_KINDS),
    default=list(MEMO_KINDS),
    format_func=lambda k: tr(f"qca.memo_kind.{k}"),
    key="memos_kinds",
)
author = f3.selectbox(
    tr("ui.memos.author"),
    ["", *authors],
    format_func=lambda a: a or tr("ui.memos.everyone"),
    key="memos_author",
)
try:
    shown = list_memos(project, kinds=kinds, author=author or None, search=needle)
except ToolkitError as exc:
    error(exc)
    st.stop()
st.caption(tr("ui.memos.count", n=len(shown), total=len(everything)))

buffer = io.BytesIO()
write_memos_docx(shown, buffer, lang=lang)
st.download_button(
    tr("ui.memos.export"),
    buffer.getvalue(),
    file_name="memos.docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    icon=":material/download:",
    disabled=not shown,
)
if not shown:
    st.info(tr("ui.memos.none"))
for m in shown[:200]:
    with st.container(border=True):
        where = " · ".join(p for p in (m.document, m.code_path, m.where) if p)
        st.caption(
            md(f"{tr(f'qca.memo_kind.{m.kind}')} · {where} · {m.author or '–'} · {stamp(m.updated_at, lang)}")
        )
        st.markdown(md(m.text))
if len(shown) > 200:
    st.caption(tr("ui.memos.more", n=len(shown) - 200))

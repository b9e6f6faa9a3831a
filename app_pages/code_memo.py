"""The code memo panel shared by Codebuch and Kodieren: the coder's memo on a chosen code (what the
code means in this project, decisions, open questions), saved as one logged, undoable change."""

from __future__ import annotations

import streamlit as st

from app_pages.lang import code_labels, tr
from app_pages.ui import error
from toolkit.errors import ToolkitError
from toolkit.memos import code_memo, set_code_memo, undo_code_memo
from toolkit.store import Store


def code_memo_panel(
    project: Store, paths: list[str], coder: str | None, *, key: str, path: str | None = None
) -> None:
    """A code picker (unless ``path`` is given), the coder's memo on it, Speichern and Rückgängig;
    ``key`` keeps two panels on one page apart."""
    if not coder:
        st.caption(tr("ui.memos.no_coder"))
        return
    if path is None:
        if not paths:
            return
        path = st.selectbox(tr("ui.memos.code"), paths, key=f"{key}_code", format_func=code_labels(project))
    flash = st.session_state.pop(f"{key}_flash", None)
    if flash:
        st.success(flash)
    current = code_memo(project, path, coder)
    with st.form(f"{key}_form_{path}", border=False):
        body = st.text_area(
            tr("ui.memos.code_memo", code=path),
            value=current,
            height=140,
            key=f"{key}_text_{path}_{hash(current)}",  # a restored text shows after undo
            placeholder=tr("ui.memos.placeholder"),
        )
        saved = st.form_submit_button(tr("ui.memos.save"), icon=":material/save:")
    if saved:
        try:
            stored = set_code_memo(project, path, body, coder=coder)
        except ToolkitError as exc:
            error(exc)
        else:
            st.session_state[f"{key}_flash"] = tr("ui.memos.saved" if stored else "ui.memos.deleted")
            st.rerun()
    if st.button(tr("ui.memos.undo"), key=f"{key}_undo", icon=":material/undo:"):
        try:
            undone = undo_code_memo(project, coder)
        except ToolkitError as exc:
            error(exc)
        else:
            st.session_state[f"{key}_flash"] = tr("ui.memos.undone" if undone else "ui.memos.nothing_to_undo")
            st.rerun()

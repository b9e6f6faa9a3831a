"""The toggle "fertig kodiert": the signed-in coder marks a document as coded by them, also without
a coding in it, so that agreement compares it. One call from a page: ``done_toggle(store, doc)``."""

from __future__ import annotations

import streamlit as st

from app_pages.lang import tr
from app_pages.ui import error_text, md
from toolkit.errors import ToolkitError
from toolkit.progress import done_marks, set_done
from toolkit.store import Store


def _changed(project: Store, document: str, coder: str, key: str) -> None:
    done = bool(st.session_state.get(key))
    try:
        set_done(project, document, coder, actor=coder, done=done)
    except ToolkitError as exc:
        st.session_state[f"{key}_message"] = ("error", error_text(exc))
    else:
        st.session_state[f"{key}_message"] = (
            "success",
            tr("ui.app.done.marked" if done else "ui.app.done.unmarked", document=document),
        )


def done_toggle(project: Store, document: str) -> None:
    """A toggle for the coder of this tab (nothing without a chosen coder), with the result shown."""
    coder = st.session_state.get("app_coder")
    if not isinstance(coder, str) or not coder:
        st.caption(tr("ui.app.done.no_coder"))
        return
    key = f"done_toggle_{document}_{coder}"
    marked = coder in done_marks(project).get(document, ())
    st.toggle(
        tr("ui.app.done.label", coder=md(coder)),
        value=marked,
        key=key,
        on_change=_changed,
        args=(project, document, coder, key),
        help=tr("ui.app.done.help"),
    )
    message = st.session_state.pop(f"{key}_message", None)
    if message:
        (st.success if message[0] == "success" else st.error)(md(message[1]))

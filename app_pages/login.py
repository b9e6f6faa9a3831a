"""Anmelden: the only page of a team project before login. It shows the form and nothing of the
project; a successful login keeps the session token in this tab's session state and, for reloads,
in a cookie (``components/session_cookie.py``), which the form deletes once its session has ended."""

from __future__ import annotations

import streamlit as st

from app_pages.components.session_cookie import forget, remembered_token
from app_pages.lang import tr
from app_pages.ui import error_text, md, store
from toolkit.accounts import authenticate, client_source
from toolkit.errors import ToolkitError

project = store()


def _source() -> str:
    """The client's address, by which failed logins are counted (text only: tests run without one)."""
    peer, forwarded = st.context.ip_address, st.context.headers.get("X-Forwarded-For")
    return client_source(
        peer if isinstance(peer, str) else None, forwarded if isinstance(forwarded, str) else None
    )


_, middle, _ = st.columns([1, 1.2, 1])
with middle:
    st.title(tr("ui.login.title"))
    st.caption(tr("ui.login.caption"))
    with st.form("login_form"):
        name = st.text_input(tr("ui.login.name"), key="login_name", autocomplete="username")
        password = st.text_input(
            tr("ui.login.password"), type="password", key="login_password", autocomplete="current-password"
        )
        submitted = st.form_submit_button(tr("ui.login.submit"), type="primary", width="stretch")
    if submitted:
        try:
            st.session_state["app_token"] = authenticate(project, name, password, source=_source())
        except ToolkitError as exc:
            st.error(tr("ui.login.failed", error=md(error_text(exc))))
        else:
            st.session_state.pop("app_logged_out", None)
            st.rerun()
    if st.session_state.get("app_logged_out"):
        forget(project, reload=True)  # the cookie goes, and a fresh page without the sidebar comes
    elif remembered_token(project):
        forget(project)  # an ended session's cookie: the browser need not send it again

"""Anmelden: the only page of a team project before login. It shows the form and nothing of the
project; a successful login keeps the session token in this tab's session state and, for reloads,
in a cookie (``components/session_cookie.py``), which the form deletes once its session has ended."""

from __future__ import annotations

import re

import streamlit as st

from app_pages.components.session_cookie import forget, remembered_token
from app_pages.ui import md, store
from toolkit.accounts import authenticate
from toolkit.errors import ToolkitError

project = store()

# the library's English reasons, as the login form says them
_REASONS = [
    (
        re.compile(r"^wrong user name or password"),
        "Name oder Passwort falsch (oder das Konto ist deaktiviert).",
    ),
    (
        re.compile(r"^too many failed logins for .*; try again in (\d+) seconds"),
        "zu viele Fehlversuche; bitte in {0} Sekunden erneut versuchen.",
    ),
    (re.compile(r"^the project is not in team mode"), "das Projekt ist nicht im Teammodus; bitte neu laden."),
]


def _german(message: str) -> str:
    for pattern, text in _REASONS:
        found = pattern.match(message)
        if found:
            return text.format(*found.groups())
    return message


_, middle, _ = st.columns([1, 1.2, 1])
with middle:
    st.title("Anmelden")
    st.caption("Dieses Projekt wird im Team bearbeitet: bitte mit dem eigenen Konto anmelden.")
    with st.form("login_form"):
        name = st.text_input("Name", key="login_name", autocomplete="username")
        password = st.text_input(
            "Passwort", type="password", key="login_password", autocomplete="current-password"
        )
        submitted = st.form_submit_button("Anmelden", type="primary", width="stretch")
    if submitted:
        try:
            st.session_state["app_token"] = authenticate(project, name, password)
        except ToolkitError as exc:
            st.error("Anmeldung fehlgeschlagen: " + md(_german(str(exc))))
        else:
            st.session_state.pop("app_logged_out", None)
            st.rerun()
    if st.session_state.get("app_logged_out"):
        forget(project, reload=True)  # the cookie goes, and a fresh page without the sidebar comes
    elif remembered_token(project):
        forget(project)  # an ended session's cookie: the browser need not send it again

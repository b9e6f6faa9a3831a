"""A team login that survives a browser reload: the session token in a cookie of this site.

Streamlit reads the browser's cookies when a tab connects (``st.context.cookies``) but cannot write
one, so this small inline component does (JavaScript, so the cookie cannot be ``HttpOnly``; it is
``SameSite=Strict`` and, over HTTPS, ``Secure``). The cookie holds only the random session token; the
server checks it on every run like a token typed in this tab, so logout, expiry, disabling and a
password reset end it too. Its name carries the project's GUID: two projects served from one host
keep their logins apart."""

from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from toolkit.store import Store

_cookie = st.components.v2.component(
    "coding_toolkit.session_cookie",
    js=(Path(__file__).resolve().parent / "session_cookie.js").read_text(encoding="utf-8"),
    isolate_styles=False,
)


def cookie_name(project: Store) -> str:
    """``tk_session_`` and the first 12 letters or digits of the project's GUID."""
    guid = re.sub(r"[^0-9A-Za-z]", "", str(project.setting("project_guid") or ""))
    return "tk_session_" + (guid[:12] or "project")


def remembered_token(project: Store) -> str | None:
    """The token the browser sent when this tab connected (None without one)."""
    try:
        value = st.context.cookies.get(cookie_name(project))
    except Exception:  # no browser behind this run (AppTest, bare mode): nothing remembered
        return None
    return str(value) if value else None


def remember(project: Store, token: str, hours: float) -> None:
    """Write the cookie (renewed on every run; it lasts as long as an idle session does)."""
    _cookie(
        key="app_session_cookie",
        data={"name": cookie_name(project), "value": token, "maxAge": int(hours * 3600)},
    )


def forget(project: Store, *, reload: bool = False) -> None:
    """Delete the cookie (on the login form, after a logout or an ended session); with ``reload``
    the browser then loads the app afresh (after a logout: a new session without the cookie)."""
    _cookie(
        key="app_session_cookie",
        data={"name": cookie_name(project), "value": "", "maxAge": 0, "reload": reload},
    )

"""Small helpers shared by the pages: the coder gate (single-user mode), the signed-in account (team
mode), and showing user text as text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import streamlit as st

from app_pages.lang import tr, ui_language
from toolkit.accounts import User, logout, session_idle_hours, session_user
from toolkit.coders import list_coders
from toolkit.codings import add_coder
from toolkit.documents import attribute_labels
from toolkit.errors import ToolkitError
from toolkit.model import DocumentInfo
from toolkit.permissions import LEAD
from toolkit.store import Store

if TYPE_CHECKING:
    import pandas as pd  # loaded by the pages that show a table, not by every page

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: str) -> str:
    """Escape Markdown and HTML so that transcript text, memos and code names show literally in
    labels and captions (``[Link](x)`` stays ``[Link](x)``, ``<b>`` stays ``<b>``)."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


# The sidebar at 1024 x 768: the navigation, the coder, the language switch and the project box
# fit above the fold (Streamlit's spacing put the project box at 870 px).
_COMPACT_SIDEBAR = (
    "<style>"
    "[data-testid=stSidebarHeader] {height: 2.5rem; margin-bottom: 0}"
    "[data-testid=stSidebarNavLink] {height: 1.65rem; min-height: 1.65rem; margin: 1px 0}"
    "[data-testid=stSidebarNavSeparator] {padding-top: 0.5rem}"
    "[data-testid=stSidebarUserContent] {padding-top: 0.75rem}"
    "[data-testid=stSidebarUserContent] [data-testid=stVerticalBlock] {gap: 0.5rem}"
    "[data-testid=stSidebarUserContent] [data-testid=stCaptionContainer] p {margin-bottom: 0.25rem}"
    "</style>"
)


def compact_sidebar() -> None:
    """Tighter spacing of the sidebar (app.py, every run)."""
    st.html(_COMPACT_SIDEBAR)


def store() -> Store:
    """The project opened by app.py for this browser tab."""
    s: Store = st.session_state["app_store"]
    return s


def _add_coder(project: Store) -> None:
    """Create the coder typed into the popover and pick them (a callback: it runs before the picker
    is drawn, so the picker shows the new name)."""
    name = str(st.session_state.get("app_coder_new") or "")
    if not name.strip():
        return
    try:
        added = add_coder(project, name)
    except ToolkitError as exc:
        st.session_state["app_coder_error"] = error_text(exc)
    else:
        st.session_state.update(app_coder=added, app_coder_pick=added, app_coder_new="", app_coder_error=None)


def coder_gate(project: Store) -> str | None:
    """Sidebar: who is coding. The choice holds while the browser tab stays open."""
    coders = list_coders(project)
    linked = st.query_params.get("coder")  # a deep link into Kodieren names the coder, once
    if linked in coders and st.session_state.get("app_coder_linked") != linked:
        st.session_state.update(app_coder=linked, app_coder_pick=linked, app_coder_linked=linked)
    current = st.session_state.get("app_coder")
    with st.sidebar:
        st.caption(tr("ui.app.coder"))
        choice = st.selectbox(
            tr("ui.app.who_codes"),
            coders,
            index=coders.index(current) if current in coders else None,
            placeholder=tr("ui.app.pick_name"),
            label_visibility="collapsed",
            key="app_coder_pick",
        )
        with st.popover(tr("ui.app.new_coder"), width="stretch"):
            st.text_input(tr("ui.app.name"), key="app_coder_new")
            st.button(tr("ui.app.create"), key="app_coder_add", on_click=_add_coder, args=(project,))
            if st.session_state.get("app_coder_error"):
                st.error(md(st.session_state["app_coder_error"]))
    if choice and choice != current:
        st.session_state["app_coder"] = choice
        current = choice
    return current if isinstance(current, str) else None


def signed_in_user(project: Store) -> User | None:
    """Team mode: the account behind this tab's session token (checked on every run, so expiry,
    logout elsewhere and disabling take effect at once); it is also the coder. None: log in.
    After a reload the token comes from the browser's cookie (``components/session_cookie.py``)."""
    from app_pages.components.session_cookie import remembered_token

    token = st.session_state.get("app_token")
    if token is None and not st.session_state.get("app_logged_out"):
        token = remembered_token(project)
    user = session_user(project, token)
    if user is None:
        st.session_state.pop("app_token", None)
        st.session_state.pop("app_coder", None)
        return None
    st.session_state["app_token"] = token
    st.session_state["app_coder"] = user.name
    return user


def account_sidebar(project: Store, user: User) -> None:
    """Sidebar in team mode: who is signed in, and the logout button (which forgets the tab's state)."""
    from app_pages.components.session_cookie import remember

    with st.sidebar:
        st.caption(tr("ui.app.signed_in"))
        st.markdown(
            f"**{md(user.name)}** · {tr('ui.app.role.lead' if user.role == LEAD else 'ui.app.role.coder')}"
        )
        if st.button(tr("ui.app.logout"), key="app_logout", icon=":material/logout:", width="stretch"):
            logout(project, str(st.session_state.get("app_token", "")))
            for key in list(st.session_state):
                if key not in ("app_store", "app_db_path"):
                    del st.session_state[key]
            # the cookie this tab connected with must not log it in again; the login form deletes it
            st.session_state["app_logged_out"] = True
            st.rerun()
        remember(project, str(st.session_state["app_token"]), session_idle_hours(project))


def error_text(exc: BaseException) -> str:
    """A library error's text in this tab's language (from the catalog: wholly German or wholly
    English, the names in it as they are)."""
    if not isinstance(exc, ToolkitError):
        return str(exc)
    return exc.message(ui_language())


def error(exc: BaseException) -> None:
    """Show a library error as one line in this tab's language: the one way pages show errors."""
    st.error(md(error_text(exc)))


def documents_table(project: Store, docs: list[DocumentInfo]) -> pd.DataFrame:
    """One row per document: name, language, format, words, turns, speakers and case attributes."""
    import pandas as pd

    labels = attribute_labels(project)
    return pd.DataFrame(
        [
            {
                tr("ui.app.col.document"): d.name,
                tr("ui.app.col.language"): d.language,
                tr("ui.app.col.format"): d.source_format,
                tr("ui.app.col.words"): d.words,
                tr("ui.app.col.turns"): d.turns,
                tr("ui.app.col.speakers"): ", ".join(d.speakers),
                **{labels.get(k, k): v for k, v in d.attributes.items()},
            }
            for d in docs
        ]
    )

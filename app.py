"""Streamlit entry point: the project connection (the current project, or one switched to), who is
acting (a login in team mode, the coder gate otherwise) and the navigation, built by role; pages in
app_pages/."""

from __future__ import annotations

import os

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from app_pages.lang import apply_language, builtin_words, language_picker, tr
from app_pages.switcher import CARRY, FLASH, project_sidebar, same_file, switch_to
from app_pages.ui import account_sidebar, coder_gate, compact_sidebar, error, signed_in_user
from toolkit.backup import snapshot_if_due
from toolkit.coders import list_coders
from toolkit.errors import StoreError, ToolkitError
from toolkit.permissions import LEAD, team_mode
from toolkit.projects import default_db, is_recent, recent_file, remember_project
from toolkit.store import open_store

# the favicon ships with the app: a Material symbol as page_icon was fetched from fonts.gstatic.com
st.set_page_config(page_title="Coding Toolkit", page_icon="static/favicon.png", layout="wide")


@st.cache_resource
def _served(env: str, recent: str) -> dict[str, str]:
    """Per server process (and project list): once a tab opened a project in team mode, every new
    tab opens it too, whatever the recent-projects list says later: a team server serves one project."""
    return {}


def projects_page() -> StreamlitPage:
    return st.Page("app_pages/projects.py", title=tr("ui.nav.projects"), icon=":material/folder_open:")


# This tab's project: $CODING_TOOLKIT_DB, else the current project (the one opened last, shared
# with the CLI), until the tab switches to another (sidebar, page Projekte, ?project= in a link).
ENV_DB = os.environ.get("CODING_TOOLKIT_DB", "")
served = _served(ENV_DB, str(recent_file()))
if "app_db_path" not in st.session_state:
    st.session_state["app_db_path"] = served.get("team") or ENV_DB or default_db()
if (
    st.session_state.get("app_store") is None
    or st.session_state["app_store"].path != st.session_state["app_db_path"]
):
    try:
        st.session_state["app_store"] = open_store(st.session_state["app_db_path"])
    except StoreError as exc:
        st.session_state["app_store"] = None
        error(exc)
        if not ENV_DB and "team" not in served:  # not a server of one project
            st.navigation([projects_page()]).run()  # open or create another project
        st.stop()
    if team_mode(st.session_state["app_store"]):
        served.setdefault("team", st.session_state["app_db_path"])
    try:
        remember_project(st.session_state["app_db_path"])  # the app and the CLI share it
    except OSError as exc:
        st.toast(tr("ui.app.projects_not_saved", error=exc))
    carried = st.session_state.pop(CARRY, None)
    if carried and carried in list_coders(st.session_state["app_store"]):
        st.session_state["app_coder"] = carried
if FLASH in st.session_state:
    st.toast(st.session_state.pop(FLASH), icon=":material/folder_open:")

project = st.session_state["app_store"]
linked = st.query_params.get("project")  # a link to a span in another project: switch first
if linked:
    del st.query_params["project"]
    if same_file(linked, project.path):
        pass
    elif team_mode(project):
        st.warning(tr("ui.app.link_team_mode"))
    elif not is_recent(linked):
        st.warning(tr("ui.app.link_not_recent"))
    else:
        switch_to(linked)
        st.rerun()
compact_sidebar()
if team_mode(project):
    snapshot_if_due(project, every_minutes=60, keep=48)  # rotating snapshots (docs/maintenance.md)
    user = signed_in_user(project)
    apply_language(project, user.name if user else None)
    builtin_words()
    if user is None:  # nothing but the login form: no navigation, no project data
        st.navigation([st.Page("app_pages/login.py", title=tr("ui.nav.login"))], position="hidden").run()
        st.stop()
    account_sidebar(project, user)
    language_picker(project, user.name)
    lead = user.role == LEAD
else:
    # the language of the coder about to be chosen: a link's coder, else the picker's value (in the
    # state before the gate runs); no rerun after the gate, which would lose the page of a link
    linked_coder = st.query_params.get("coder")
    if not linked_coder or linked_coder == st.session_state.get("app_coder_linked"):
        linked_coder = st.session_state.get("app_coder_pick") or st.session_state.get("app_coder")
    apply_language(project, linked_coder)
    coder = coder_gate(project)
    apply_language(project, coder)
    builtin_words()
    language_picker(project, coder)
    project_sidebar(project.path)
    lead = True

# (page, lead only): in team mode coders get only the pages marked False.
PAGES = [
    (st.Page("app_pages/code.py", title=tr("ui.nav.code"), icon=":material/edit_note:", default=True), False),
    (st.Page("app_pages/documents.py", title=tr("ui.nav.documents"), icon=":material/description:"), True),
    (st.Page("app_pages/search.py", title=tr("ui.nav.search"), icon=":material/search:"), False),
    (st.Page("app_pages/codebook.py", title=tr("ui.nav.codebook"), icon=":material/account_tree:"), False),
    (
        st.Page("app_pages/agreement.py", title=tr("ui.nav.agreement"), icon=":material/compare_arrows:"),
        False,
    ),
    (st.Page("app_pages/consensus.py", title=tr("ui.nav.consensus"), icon=":material/handshake:"), True),
    (st.Page("app_pages/analysis.py", title=tr("ui.nav.analysis"), icon=":material/bar_chart:"), False),
    (
        st.Page("app_pages/summaries.py", title=tr("ui.summaries.title"), icon=":material/summarize:"),
        False,
    ),
    (st.Page("app_pages/memos.py", title=tr("ui.memos.title"), icon=":material/sticky_note_2:"), False),
    (st.Page("app_pages/overview.py", title=tr("ui.nav.overview"), icon=":material/home:"), False),
    (st.Page("app_pages/exchange.py", title=tr("ui.nav.exchange"), icon=":material/swap_horiz:"), True),
    (st.Page("app_pages/team.py", title=tr("ui.nav.team"), icon=":material/group:"), True),
    (st.Page("app_pages/pseudonyms.py", title=tr("ui.nav.pseudonyms"), icon=":material/masks:"), True),
    (projects_page(), True),
]
# every page listed: no English "View 4 more" folding the navigation
try:
    st.navigation([page for page, lead_only in PAGES if lead or not lead_only], expanded=True).run()
except ToolkitError as exc:  # what a page did not catch itself: one line in the tab's language
    error(exc)

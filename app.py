"""Streamlit entry point: the project connection, who is acting (a login in team mode, the coder
gate otherwise) and the navigation, built by role; pages in app_pages/."""

from __future__ import annotations

import os

import streamlit as st

from app_pages.messages import german
from app_pages.ui import account_sidebar, coder_gate, signed_in_user
from toolkit.accounts import LEAD, team_mode
from toolkit.backup import snapshot_if_due
from toolkit.errors import StoreError
from toolkit.store import open_store

DB_PATH = os.environ.get("CODING_TOOLKIT_DB", "data/project.db")

st.set_page_config(page_title="Coding Toolkit", page_icon=":material/label:", layout="wide")

if "app_store" not in st.session_state or st.session_state.get("app_db_path") != DB_PATH:
    try:
        st.session_state["app_store"] = open_store(DB_PATH)
        st.session_state["app_db_path"] = DB_PATH
    except StoreError as exc:
        st.error(german(exc))
        st.stop()

project = st.session_state["app_store"]
if team_mode(project):
    snapshot_if_due(project, every_minutes=60, keep=48)  # rotating snapshots (docs/maintenance.md)
    user = signed_in_user(project)
    if user is None:  # nothing but the login form: no navigation, no project data
        st.navigation([st.Page("app_pages/login.py", title="Anmelden")], position="hidden").run()
        st.stop()
    account_sidebar(project, user)
    lead = user.role == LEAD
else:
    coder_gate(project)
    lead = True

# (page, lead only): in team mode coders get only the pages marked False.
PAGES = [
    (st.Page("app_pages/code.py", title="Kodieren", icon=":material/edit_note:", default=True), False),
    (st.Page("app_pages/documents.py", title="Dokumente", icon=":material/description:"), True),
    (st.Page("app_pages/codebook.py", title="Codebuch", icon=":material/account_tree:"), False),
    (st.Page("app_pages/agreement.py", title="Übereinstimmung", icon=":material/compare_arrows:"), False),
    (st.Page("app_pages/consensus.py", title="Konsens", icon=":material/handshake:"), True),
    (st.Page("app_pages/analysis.py", title="Auswertung", icon=":material/bar_chart:"), False),
    (st.Page("app_pages/overview.py", title="Projekt", icon=":material/home:"), False),
    (st.Page("app_pages/exchange.py", title="Austausch", icon=":material/swap_horiz:"), True),
    (st.Page("app_pages/team.py", title="Team", icon=":material/group:"), True),
    (st.Page("app_pages/pseudonyms.py", title="Pseudonyme", icon=":material/masks:"), True),
]
st.navigation([page for page, lead_only in PAGES if lead or not lead_only]).run()

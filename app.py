"""Streamlit entry point: navigation, the project connection and who is coding; pages in app_pages/."""

from __future__ import annotations

import os

import streamlit as st

from app_pages.ui import coder_gate
from toolkit.errors import StoreError
from toolkit.store import open_store

DB_PATH = os.environ.get("CODING_TOOLKIT_DB", "data/project.db")

st.set_page_config(page_title="Coding Toolkit", page_icon=":material/label:", layout="wide")

if "app_store" not in st.session_state or st.session_state.get("app_db_path") != DB_PATH:
    try:
        st.session_state["app_store"] = open_store(DB_PATH)
        st.session_state["app_db_path"] = DB_PATH
    except StoreError as exc:
        st.error(str(exc))
        st.stop()

coder_gate(st.session_state["app_store"])

page = st.navigation(
    [
        st.Page("app_pages/code.py", title="Kodieren", icon=":material/edit_note:", default=True),
        st.Page("app_pages/documents.py", title="Dokumente", icon=":material/description:"),
        st.Page("app_pages/codebook.py", title="Codebuch", icon=":material/account_tree:"),
        st.Page("app_pages/agreement.py", title="Übereinstimmung", icon=":material/compare_arrows:"),
        st.Page("app_pages/consensus.py", title="Konsens", icon=":material/handshake:"),
        st.Page("app_pages/analysis.py", title="Auswertung", icon=":material/bar_chart:"),
        st.Page("app_pages/overview.py", title="Projekt", icon=":material/home:"),
    ]
)
page.run()

"""Links from lists of segments to the span in Kodieren. A link opens in a new tab (a new session),
so in single-user mode it carries this tab's project and coder, and the new tab goes on as the same
person in the same project; in team mode the server has one project and the login is the coder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from toolkit.accounts import team_mode
from toolkit.links import transcript_link
from toolkit.store import Store

LABEL = "Im Transkript öffnen"


def linker(project: Store) -> Callable[[str, int, int], str]:
    """``link(document, start, end)`` for this tab (the mode is looked up once per list)."""
    if team_mode(project):
        return lambda document, start, end: transcript_link(document, int(start), int(end))
    coder = st.session_state.get("app_coder")
    here = str(Path(project.path).absolute())
    return lambda document, start, end: transcript_link(
        document, int(start), int(end), coder=coder if isinstance(coder, str) else None, project=here
    )


def link_column(label: str = "Transkript") -> ColumnConfig:
    """The column config of a column of links, shown as "öffnen"."""
    return st.column_config.LinkColumn(label, display_text="öffnen", width="small", help=LABEL)

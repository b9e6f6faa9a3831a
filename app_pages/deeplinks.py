"""From lists of segments to the span in Kodieren, two ways:

- in this tab: a click on a row (its box on the left) or on a card's "Im Transkript öffnen" switches
  to Kodieren inside the running session (no new Streamlit session to boot, so the span shows about
  as fast as switching documents);
- in a new tab: the "öffnen" link column, an address that can also be copied. A new tab is a new
  session, so in single-user mode the address carries this tab's project and coder and the new tab
  goes on as the same person in the same project; in team mode the server has one project and the
  login is the coder."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from app_pages.lang import tr
from toolkit.links import transcript_link
from toolkit.permissions import team_mode
from toolkit.store import Store

KODIEREN = "app_pages/code.py"
Span = tuple[str, int, int]


def linker(project: Store) -> Callable[[str, int, int], str]:
    """``link(document, start, end)`` for this tab (the mode is looked up once per list)."""
    if team_mode(project):
        return lambda document, start, end: transcript_link(document, int(start), int(end))
    coder = st.session_state.get("app_coder")
    here = str(Path(project.path).absolute())
    return lambda document, start, end: transcript_link(
        document, int(start), int(end), coder=coder if isinstance(coder, str) else None, project=here
    )


def link_column(label: str | None = None) -> ColumnConfig:
    """The column config of a column of links, shown as "öffnen"."""
    return st.column_config.LinkColumn(
        label or tr("ui.app.link.column"),
        display_text=tr("ui.app.link.open"),
        width="small",
        help=tr("ui.app.link.help"),
    )


def span_params(document: str, start: int, end: int) -> dict[str, str]:
    """The query parameters of Kodieren that open ``document`` at the span (see toolkit.links)."""
    return {"doc": document, "start": str(int(start)), "end": str(int(end))}


def open_here(document: str, start: int, end: int) -> None:
    """Switch this tab to Kodieren at the span (stops this page's run)."""
    st.switch_page(KODIEREN, query_params=span_params(document, start, end))


@st.fragment
def open_button(document: str, start: int, end: int, *, key: str) -> None:
    """A button that opens the span in Kodieren in this tab (for cards). A fragment: the click
    reruns only this button, not the whole list page, before the switch."""
    if st.button(
        tr("ui.app.link.help"), key=key, icon=":material/subdirectory_arrow_right:", type="tertiary"
    ):
        open_here(document, start, end)


@st.fragment
def segment_table(frame: Any, spans: Sequence[Span | None], *, key: str, **options: Any) -> None:
    """``st.dataframe`` of segments whose rows open their span in Kodieren in this tab when picked
    (``spans[i]`` belongs to row ``i``; None for a row without a place). The table's key changes
    after each jump, so coming back shows it unpicked instead of jumping again. A fragment: picking
    a row reruns only the table, not the whole page, before the switch."""
    round_key = f"{key}_round"
    shown = st.dataframe(
        frame,
        key=f"{key}_{st.session_state.get(round_key, 0)}",
        on_select="rerun",
        selection_mode="single-row",
        **options,
    )
    rows = shown.selection.rows if shown is not None else []
    if rows and rows[0] < len(spans) and spans[rows[0]] is not None:
        document, start, end = spans[rows[0]]  # type: ignore[misc]
        st.session_state[round_key] = st.session_state.get(round_key, 0) + 1
        open_here(document, start, end)
    st.caption(tr("ui.app.link.rows"))

"""The transcript component: shows turns and codings, reports selections, clicks and shortcuts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

_HERE = Path(__file__).resolve().parent

_transcript = st.components.v2.component(
    "coding_toolkit.transcript",
    js=(_HERE / "transcript.js").read_text(encoding="utf-8"),
    css=(_HERE / "transcript.css").read_text(encoding="utf-8"),
    isolate_styles=False,
)


def _noop() -> None:
    return None


def transcript(view: dict[str, Any], *, pending: dict[str, int] | None, key: str) -> Any:
    """Mount the component; the result has ``selection``, ``click``, ``shortcut`` and ``history``
    trigger values (each set once, on the run after the browser sent it)."""
    return _transcript(
        key=key,
        data={**view, "pending": pending},
        on_selection_change=_noop,
        on_click_change=_noop,
        on_shortcut_change=_noop,
        on_history_change=_noop,
    )

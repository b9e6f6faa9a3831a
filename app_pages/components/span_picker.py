"""A small span picker: a passage with a span outlined; selecting text with the mouse proposes a new
extent (Konsens "Bearbeiten"). Offsets are code points into the document, like everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

_HERE = Path(__file__).resolve().parent

_picker = st.components.v2.component(
    "coding_toolkit.span_picker",
    js=(_HERE / "span_picker.js").read_text(encoding="utf-8"),
    css=(_HERE / "span_picker.css").read_text(encoding="utf-8"),
    isolate_styles=False,
)


def span_picker(
    window: tuple[int, str], current: tuple[int, int], *, key: str, note: str, picked: str
) -> tuple[int, int]:
    """Show ``window`` (its document offset and text) with ``current`` outlined and ``note`` below;
    returns the extent last selected with the mouse, or ``current`` while nothing has been selected.
    After a selection the note reads ``picked`` with ``{n}`` the number of characters selected (the
    words come from the page, in the tab's language)."""
    base, text = window
    result: Any = _picker(
        key=key,
        data={
            "base": base,
            "text": text,
            "start": current[0],
            "end": current[1],
            "note": note,
            "picked": picked,
        },
        on_span_change=lambda: None,
    )
    span = result.get("span") if hasattr(result, "get") else None
    if span and base <= int(span["start"]) < int(span["end"]) <= base + len(text):
        return int(span["start"]), int(span["end"])
    return current

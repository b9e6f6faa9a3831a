"""The transcript component: shows turns and codings, reports selections, clicks and shortcuts."""

from __future__ import annotations

from collections.abc import Callable
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


EVENTS = ("selection", "click", "shortcut", "history")


def event_value(key: str, event: str) -> Any:
    """The value the browser sent for ``event`` (a trigger inside its callback, or a state)."""
    getter = getattr(st.session_state.get(key), "get", None)
    return getter(event) if callable(getter) else None


def transcript(
    view: dict[str, Any],
    *,
    pending: dict[str, int] | None,
    key: str,
    callbacks: dict[str, Callable[[], None]],
) -> Any:
    """Mount the component. ``callbacks`` maps each event (selection, click, shortcut, history)
    to a function run before the script, so a change shows in the same run."""
    held = event_value(key, "held")
    return _transcript(
        key=key,
        data=compact(view, pending=pending, send_text=held != text_key(view)),
        on_selection_change=callbacks.get("selection", _noop),
        on_click_change=callbacks.get("click", _noop),
        on_shortcut_change=callbacks.get("shortcut", _noop),
        on_history_change=callbacks.get("history", _noop),
        on_held_change=_noop,
    )


def text_key(view: dict[str, Any]) -> str:
    """Names the stored text the browser holds, so the text is sent once per document."""
    return f"{view['document']}|{view['revision_text']}"


def compact(view: dict[str, Any], *, pending: dict[str, int] | None, send_text: bool) -> dict[str, Any]:
    """The view as sent to the browser: spans as rows that index into code and coder tables."""
    codes: dict[str, int] = {}
    coders: dict[str, int] = {}
    spans = []
    for s in view["spans"]:
        code = codes.setdefault(f"{s['code']}\u0000{s['colour']}", len(codes))
        coder = coders.setdefault(s["coder"], len(coders))
        spans.append([s["start"], s["end"], code, coder, int(s["mine"])])
    return {
        "document": view["document"],
        "textKey": text_key(view),
        "text": view["text"] if send_text else None,
        "turns": [[t["start"], t["end"], t["speaker"], t["time"]] for t in view["turns"]],
        "spans": spans,
        "codes": [k.split("\u0000") for k in codes],
        "coders": list(coders),
        "revision": view["revision"],
        "pending": pending,
    }


def _noop() -> None:
    return None

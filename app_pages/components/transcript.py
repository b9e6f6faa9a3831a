"""The transcript component: shows turns and codings, reports selections, clicks and shortcuts."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

if TYPE_CHECKING:  # spaCy is imported only when suggestions are on
    from toolkit.suggest.rank import Suggestion

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
    suggestions: Sequence[Suggestion] = (),
    focus: tuple[int, int] | None = None,
) -> Any:
    """Mount the component. ``callbacks`` maps each event (selection, click, shortcut, history)
    to a function run before the script, so a change shows in the same run. ``suggestions`` are
    outlined (dashed) in the text; ``focus`` is the unit picked in the side list."""
    held = event_value(key, "held")
    data = compact(view, pending=pending, send_text=held != text_key(view))
    data.update(compact_suggestions(suggestions, focus))
    return _transcript(
        key=key,
        data=data,
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


def compact_suggestions(suggestions: Sequence[Suggestion], focus: tuple[int, int] | None) -> dict[str, Any]:
    """Suggestions as sent to the browser: one row per unit ``[start, end, [[code, score, source,
    evidence], ...]]`` with codes indexed into ``sugCodes``, and ``sugKey`` naming the set."""
    codes: dict[str, int] = {}
    units: dict[tuple[int, int], list[list[Any]]] = {}
    for s in suggestions:
        code = codes.setdefault(s.code_path, len(codes))
        units.setdefault((s.start, s.end), []).append(
            [code, round(s.score, 2), s.source, ", ".join(s.evidence)]
        )
    rows = [[a, b, items] for (a, b), items in sorted(units.items())]
    digest = hashlib.sha256(json.dumps([rows, list(codes)], ensure_ascii=False).encode()).hexdigest()[:16]
    return {
        "sugs": rows,
        "sugCodes": list(codes),
        "sugFocus": list(focus) if focus else None,
        "sugKey": f"{digest}|{focus}",
    }


def _noop() -> None:
    return None

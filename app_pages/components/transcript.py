"""The Kodieren workbench component: transcript, code margin, code tree panel and the popup that
assigns codes at a selection. It reports ``ops`` (assign, in-vivo code, new code, new extent: drawn
in the browser at once, answered by the server in the next data), clicks, the selected coding and
undo/redo keys."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from app_pages.lang import tr
from toolkit.catalog import CATALOG

if TYPE_CHECKING:  # spaCy is imported only when suggestions are on
    from toolkit.suggest.types import Suggestion

_HERE = Path(__file__).resolve().parent

_transcript = st.components.v2.component(
    "coding_toolkit.transcript",
    js=(_HERE / "transcript.js").read_text(encoding="utf-8"),
    css=(_HERE / "transcript.css").read_text(encoding="utf-8"),
    isolate_styles=False,
)


EVENTS = ("ops", "click", "select", "history", "media")
WORD_KEYS = tuple(k for k in CATALOG if k.startswith("ui.transcript."))


def event_value(key: str, event: str) -> Any:
    """The value the browser sent for ``event`` (a trigger inside its callback, or a state)."""
    getter = getattr(st.session_state.get(key), "get", None)
    return getter(event) if callable(getter) else None


def transcript(
    view: dict[str, Any],
    *,
    key: str,
    callbacks: dict[str, Callable[[], None]],
    bench: dict[str, Any],
    suggestions: Sequence[Suggestion] = (),
    focus: tuple[int, int] | None = None,
    media: dict[str, Any] | None = None,
) -> Any:
    """Mount the component. ``callbacks`` maps each event (ops, click, select, history) to a
    function run before the script, so a change shows in the same run. ``bench`` is what the
    workbench around the text needs (see :func:`bench_data`). ``suggestions`` are outlined (dashed)
    in the text; ``focus`` is the unit picked in the side list. ``media`` is the document's
    recording for the player (``{url, kind, doc, words, seek}``, see app_pages/media_source.py)."""
    held = event_value(key, "held")
    data = compact(view, send_text=held != text_key(view))
    data.update(bench)
    data.update(compact_suggestions(suggestions, focus))
    data["media"] = media
    data["words"] = {key.rsplit(".", 1)[1]: tr(key) for key in WORD_KEYS}
    return _transcript(
        key=key,
        data=data,
        on_ops_change=callbacks.get("ops", _noop),
        on_click_change=callbacks.get("click", _noop),
        on_select_change=callbacks.get("select", _noop),
        on_history_change=callbacks.get("history", _noop),
        on_media_change=callbacks.get("media", _noop),
        on_held_change=_noop,
    )


def bench_data(
    *,
    me: str,
    tree: Sequence[Sequence[Any]],
    recent: Sequence[str],
    can_code: str | None,
    can_add_code: str | None,
    done: Sequence[str],
    feedback: Sequence[dict[str, Any]],
    link: dict[str, Any] | None,
    paraphrases: bool = False,
) -> dict[str, Any]:
    """The workbench's part of the data: who codes, the code tree rows ``[path, name, colour, depth,
    in document, in project, has subcodes]``, the recent code paths, the German reason why coding or
    adding codes is refused (None: allowed), the ops the server has handled with their messages, and
    the span a deep link points to (``{start, end, key}``), and whether the popup offers to write
    a paraphrase of the selection (the switch Paraphrasen, issue 20)."""
    digest = hashlib.sha256(json.dumps([list(done)[-5:], [f["id"] for f in feedback]]).encode()).hexdigest()
    return {
        "me": me,
        "tree": [list(r) for r in tree],
        "recent": list(recent),
        "canCode": can_code is None,
        "cannotCode": can_code,
        "canAddCode": can_add_code is None,
        "cannotAddCode": can_add_code,
        "done": list(done),
        "feedback": list(feedback),
        "opsKey": digest[:12],
        "focus": link,
        "paraphrases": paraphrases,
    }


def text_key(view: dict[str, Any]) -> str:
    """Names the stored text the browser holds, so the text is sent once per document."""
    return f"{view['document']}|{view['revision_text']}"


def compact(view: dict[str, Any], *, send_text: bool) -> dict[str, Any]:
    """The view as sent to the browser: spans as rows that index into code and coder tables."""
    codes: dict[str, int] = {}
    coders: dict[str, int] = {}
    spans = []
    for s in view["spans"]:
        code = codes.setdefault(f"{s['code']}\u0000{s['colour']}", len(codes))
        coder = coders.setdefault(s["coder"], len(coders))
        spans.append([s["start"], s["end"], code, coder, int(s["mine"]), s["guid"], s["version"]])
    return {
        "document": view["document"],
        "textKey": text_key(view),
        "text": view["text"] if send_text else None,
        "turns": [
            [t["start"], t["end"], t["speaker"], t["time"], t.get("seconds"), t.get("seq"), t.get("page")]
            for t in view["turns"]
        ],
        "spans": spans,
        "codes": [k.split("\u0000") for k in codes],
        "coders": list(coders),
        "revision": view["revision"],
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

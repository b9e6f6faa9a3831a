"""What Kodieren's undo and redo will do and did, in the tab's language: the buttons' tooltips and
the message after a step (an autocoding is one step of many codings)."""

from __future__ import annotations

from typing import Literal

from app_pages.lang import code_labels, tr, ui_language
from app_pages.ui import md
from toolkit.history import Step
from toolkit.i18n import number
from toolkit.store import Store

Direction = Literal["undo", "redo"]
# what an update changed, as the tooltip names it (the coded text follows the extent)
_FIELDS = {
    "start": "extent",
    "end": "extent",
    "text": "extent",
    "code_id": "code",
    "memo": "memo",
    "weight": "weight",
}


def _fields(step: Step) -> str:
    names = dict.fromkeys(_FIELDS.get(f, "") for f in step.fields)
    return ", ".join(tr(f"ui.code.field_{n}") for n in names if n)


def step_words(project: Store, step: Step, direction: Direction, *, done: bool = False) -> str:
    """The tooltip of the undo/redo button for ``step`` (``done=False``) or the message after it was
    undone or redone (``done=True``), as Markdown (the code's name escaped)."""
    if step.action == "autocode":
        n = number(step.count, ui_language())
        return (
            tr(f"ui.search.autocode_{direction}ne", n=n) if done else tr(f"ui.code.{direction}_autocode", n=n)
        )
    key = f"ui.code.{direction}ne_{step.action}" if done else f"ui.code.{direction}_{step.action}"
    return tr(key, code=md(code_labels(project)(step.code)), fields=_fields(step))

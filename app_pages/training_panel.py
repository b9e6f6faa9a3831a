"""Sidebar panel of the Kodieren page: train the suggestion model on the coder's own codings in a
background process and follow its progress; the page keeps working meanwhile."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_pages.lang import tr
from app_pages.ui import error, error_text, md
from toolkit.errors import ToolkitError
from toolkit.store import Store

STATUS = ("running", "ready", "failed")


def _latest_run(project: Store, coder: str) -> dict[str, Any] | None:
    from toolkit.suggest.registry import model_rows

    return next((r for r in model_rows(project) if r["coder"] == coder), None)


def _start(project: Store, coder: str) -> None:
    from toolkit.suggest.training import start_background

    try:
        st.session_state["code_train_run"] = start_background(project, coder, actor=coder)
    except ToolkitError as exc:
        st.session_state["code_train_error"] = error_text(exc)


@st.fragment(run_every=1.0)
def _progress(project: Store, guid: str) -> None:
    """Polls the run once a second; when it ends, reruns the page so the new model is used."""
    from toolkit.suggest.training import run_status

    status = run_status(project, guid)
    if status["status"] == "running":
        loss = tr("ui.app.train.loss", loss=f"{status['loss']:.3f}") if status["loss"] is not None else ""
        st.progress(
            status["fraction"],
            text=tr("ui.app.train.epoch", epoch=status["epoch"], epochs=status["epochs"], loss=loss),
        )
        return
    st.session_state["code_train_run"] = None
    st.rerun(scope="app")


def training_panel(project: Store, coder: str | None) -> None:
    """What the coder's model learned from and when, a button to train it anew, and the progress."""
    if not coder:
        return
    st.session_state.setdefault("code_train_run", None)
    with st.expander(tr("ui.app.train.title"), expanded=False):
        message = st.session_state.pop("code_train_error", None)
        if message:
            error(ToolkitError(message))
        run = st.session_state["code_train_run"]
        if run:
            _progress(project, run)
            return
        latest = _latest_run(project, coder)
        if latest is None:
            st.caption(tr("ui.app.train.none"))
        else:
            used = latest["metrics"].get("use_model", True) if latest["metrics"] else True
            parts = [
                tr("ui.app.train.last", when=latest["created_at"][:16].replace("T", " ")),
                tr(f"ui.app.train.{latest['status']}") if latest["status"] in STATUS else latest["status"],
                tr("ui.app.train.codings", n=latest["codings_count"] or 0),
            ]
            if latest["status"] == "ready":
                parts.append(tr("ui.app.train.used" if used else "ui.app.train.unused"))
            if latest["message"]:
                parts.append(str(latest["message"]))
            st.caption(md(" · ".join(parts)))
        st.button(
            tr("ui.app.train.start"),
            key="code_train_start",
            on_click=_start,
            args=(project, coder),
            help=tr("ui.app.train.help"),
            width="stretch",
        )

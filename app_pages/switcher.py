"""Which project this browser tab works on: switching (sidebar, Projekte page, ``?project=`` in a
link) and the sidebar switcher. Single-user mode only: in team mode the server serves one project."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import streamlit as st

from app_pages.lang import tr
from toolkit.projects import recent_projects

CARRY = "app_coder_carry"  # the coder, kept when the next project has them too
FLASH = "app_flash"  # a message shown once after the switch


def same_file(a: str | Path, b: str | Path) -> bool:
    return Path(a).expanduser().absolute() == Path(b).expanduser().absolute()


def switch_to(path: str | Path, message: str | None = None) -> None:
    """Open ``path`` in this tab on the next run: the old project's page state is dropped (its
    documents, filters and selections mean nothing in another project)."""
    old: Any = st.session_state.get("app_store")
    coder = st.session_state.get("app_coder")
    for key in list(st.session_state):
        del st.session_state[key]
    st.session_state["app_db_path"] = str(path)
    if coder:
        st.session_state[CARRY] = coder
    if message:
        st.session_state[FLASH] = message
    if old is not None:
        old.close()


def picker_key(current: str) -> str:
    """The sidebar picker's key, new for every project: a browser keeps a widget's last value and
    would send the old project back to a picker of the same key after a switch."""
    return "app_project_pick_" + hashlib.sha256(str(Path(current).absolute()).encode()).hexdigest()[:8]


def _picked(key: str) -> None:
    path = st.session_state.get(key)
    if path and not same_file(path, st.session_state.get("app_db_path", "")):
        entry = next((p for p in recent_projects() if p.path == path), None)
        switch_to(path, tr("ui.app.project_opened", name=entry.name if entry else Path(path).stem))


def _distinct(names: dict[str, str]) -> dict[str, str]:
    """Labels that tell projects of the same name apart (by folder, else by the whole path): the
    picker is matched by its label."""
    counts: dict[str, int] = {}
    for name in names.values():
        counts[name] = counts.get(name, 0) + 1
    labels = {p: n if counts[n] == 1 else f"{n} ({Path(p).parent.name})" for p, n in names.items()}
    seen = list(labels.values())
    return {p: label if seen.count(label) == 1 else p for p, label in labels.items()}


def project_sidebar(current: str) -> None:
    """Sidebar: the project of this tab, and a switch to another recent one."""
    options = [p for p in recent_projects() if p.exists]
    paths = [p.path for p in options]
    names = {p.path: p.name for p in options}
    here = next((p for p in paths if same_file(p, current)), None)
    if here is None:
        here = str(Path(current).absolute())
        paths.insert(0, here)
        names[here] = Path(current).stem
    names = _distinct(names)
    with st.sidebar:
        st.caption(tr("ui.app.project"))
        st.selectbox(
            tr("ui.app.project"),
            paths,
            index=paths.index(here),
            format_func=lambda p: names.get(p, Path(p).stem),
            key=picker_key(current),
            on_change=_picked,
            args=(picker_key(current),),
            label_visibility="collapsed",
            help=tr("ui.app.project_help"),
        )

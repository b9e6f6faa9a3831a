"""Projekte: open a recent project or a project file, create a new one (shipped codebook, empty, or
a codebook file); the project opened becomes the current one for the app and the CLI. Single-user
mode only: in team mode the server serves the one project it was started with."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from pathlib import Path

import streamlit as st

from app_pages.lang import file_uploader, tr
from app_pages.switcher import same_file, switch_to
from app_pages.ui import error, md
from toolkit.errors import ToolkitError
from toolkit.permissions import team_mode
from toolkit.projects import (
    EMPTY,
    SHIPPED,
    RecentProject,
    create_project,
    file_name,
    forget_project,
    new_project_path,
    open_project,
    recent_projects,
)
from toolkit.store import Store

project: Store | None = st.session_state.get("app_store")
actor = str(st.session_state.get("app_coder") or "app")
CODEBOOKS = {
    SHIPPED: tr("ui.projects.codebook.shipped"),
    EMPTY: tr("ui.projects.codebook.empty"),
    "file": tr("ui.projects.codebook.file"),
}

st.title(tr("ui.projects.title"))


def code(text: str) -> str:
    """A path shown as code (Markdown escapes do not work inside backticks)."""
    return "`" + text.replace("`", "'") + "`"


if project is not None and team_mode(project):
    st.info(tr("ui.projects.team_mode", path=code(project.path)))
    st.stop()


def _when(entry: RecentProject) -> str:
    try:
        opened = datetime.fromisoformat(entry.opened.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return ""
    return opened.strftime(tr("ui.projects.when"))


def _forget(path: str) -> None:
    forget_project(path)
    st.session_state["projects_message"] = tr("ui.projects.forgotten")


recent = recent_projects()
if project is not None:
    shown = next((p.name for p in recent if same_file(p.path, project.path)), Path(project.path).stem)
    st.markdown(tr("ui.projects.opened_now", name=md(shown), path=code(str(Path(project.path).absolute()))))
if "projects_message" in st.session_state:
    st.success(st.session_state.pop("projects_message"))

st.subheader(tr("ui.projects.recent"))
if not recent:
    st.caption(tr("ui.projects.none"))
for i, entry in enumerate(recent):
    here = project is not None and same_file(entry.path, project.path)
    with st.container(border=True):
        status = tr("ui.projects.is_open") if here else "" if entry.exists else tr("ui.projects.missing")
        st.markdown(f"**{md(entry.name)}**{status}")
        st.caption(tr("ui.projects.last_opened", path=md(entry.path), when=_when(entry)))
        buttons = st.container(horizontal=True)
        buttons.button(
            tr("ui.projects.open"),
            key=f"projects_open_{i}",
            icon=":material/folder_open:",
            disabled=here or not entry.exists,
            on_click=switch_to,
            args=(entry.path, tr("ui.projects.opened", name=entry.name)),
        )
        buttons.button(
            tr("ui.projects.forget"),
            key=f"projects_forget_{i}",
            disabled=here,
            on_click=_forget,
            args=(entry.path,),
        )

st.subheader(tr("ui.projects.new"))
folder_default = (
    str(Path(project.path).absolute().parent) if project is not None else str(Path("data").absolute())
)
name = st.text_input(
    tr("ui.projects.name"), key="projects_new_name", placeholder=tr("ui.projects.name_placeholder")
)
folder = st.text_input(tr("ui.projects.folder"), value=folder_default, key="projects_new_folder")
codebook = st.radio(
    tr("ui.projects.codebook"),
    list(CODEBOOKS),
    format_func=CODEBOOKS.__getitem__,
    key="projects_new_codebook",
    horizontal=True,
)
upload = None
if codebook == "file":
    upload = file_uploader(
        tr("ui.projects.codebook_file"),
        type=["yaml", "yml", "qdc"],
        key="projects_new_file",
    )
if name.strip():
    with suppress(ToolkitError):  # a name without letters: said when "Anlegen" is pressed
        st.caption(tr("ui.projects.file_name", path=code(str(Path(folder).expanduser() / file_name(name)))))
if st.button(tr("ui.projects.create"), type="primary", key="projects_create", icon=":material/add:"):
    if codebook == "file" and upload is None:
        st.error(tr("ui.projects.no_file"))
    else:
        try:
            entry = create_project(
                new_project_path(folder, name),
                name=name.strip(),
                codebook=EMPTY if codebook == EMPTY else SHIPPED,
                upload=(upload.name, upload.getvalue()) if upload is not None else None,
                actor=actor,
            )
        except (ToolkitError, OSError) as exc:
            error(exc)
        else:
            switch_to(entry.path, tr("ui.projects.created", name=entry.name))
            st.session_state["projects_new_name"] = ""  # an empty form for the next one
            st.rerun()

st.subheader(tr("ui.projects.open_file"))
path = st.text_input(
    tr("ui.projects.path"), key="projects_open_path", placeholder=tr("ui.projects.path_placeholder")
)
if st.button(tr("ui.projects.open_button"), key="projects_open_file", icon=":material/folder_open:"):
    try:
        entry = open_project(path.strip())
    except ToolkitError as exc:
        error(exc)
    else:
        switch_to(entry.path, tr("ui.projects.opened", name=entry.name))
        st.rerun()
st.caption(tr("ui.projects.cli_note"))

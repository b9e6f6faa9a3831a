"""Projekte: open a recent project or a project file, create a new one (shipped codebook, empty, or
a codebook file); the project opened becomes the current one for the app and the CLI. Single-user
mode only: in team mode the server serves the one project it was started with."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from pathlib import Path

import streamlit as st

from app_pages.messages import german
from app_pages.switcher import same_file, switch_to
from app_pages.ui import md
from toolkit.accounts import team_mode
from toolkit.errors import ToolkitError
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
    SHIPPED: "mitgeliefertes Codebuch",
    EMPTY: "leer",
    "file": "Codebuch-Datei",
}

st.title("Projekte")


def code(text: str) -> str:
    """A path shown as code (Markdown escapes do not work inside backticks)."""
    return "`" + text.replace("`", "'") + "`"


if project is not None and team_mode(project):
    st.info(
        "Im Teammodus stellt dieser Server genau ein Projekt bereit: "
        f"{code(project.path)}. Ein anderes Projekt startet die Projektleitung auf dem Server mit "
        "`make run DB=DATEI` (oder `CODING_TOOLKIT_DB=DATEI`)."
    )
    st.stop()


def _when(entry: RecentProject) -> str:
    try:
        opened = datetime.fromisoformat(entry.opened.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return ""
    return opened.strftime("%d.%m.%Y, %H:%M Uhr")


def _forget(path: str) -> None:
    forget_project(path)
    st.session_state["projects_message"] = "Aus der Liste entfernt; die Datei bleibt erhalten."


recent = recent_projects()
if project is not None:
    shown = next((p.name for p in recent if same_file(p.path, project.path)), Path(project.path).stem)
    st.markdown(f"Geöffnet: **{md(shown)}** · {code(str(Path(project.path).absolute()))}")
if "projects_message" in st.session_state:
    st.success(st.session_state.pop("projects_message"))

st.subheader("Zuletzt geöffnet")
if not recent:
    st.caption("Noch keine Projekte geöffnet.")
for i, entry in enumerate(recent):
    here = project is not None and same_file(entry.path, project.path)
    with st.container(border=True):
        status = " · **geöffnet**" if here else "" if entry.exists else " · Datei fehlt"
        st.markdown(f"**{md(entry.name)}**{status}")
        st.caption(f"{md(entry.path)} · zuletzt geöffnet {_when(entry)}")
        buttons = st.container(horizontal=True)
        buttons.button(
            "Öffnen",
            key=f"projects_open_{i}",
            icon=":material/folder_open:",
            disabled=here or not entry.exists,
            on_click=switch_to,
            args=(entry.path, f"Projekt „{entry.name}“ geöffnet"),
        )
        buttons.button(
            "Aus der Liste entfernen",
            key=f"projects_forget_{i}",
            disabled=here,
            on_click=_forget,
            args=(entry.path,),
        )

st.subheader("Neues Projekt")
folder_default = (
    str(Path(project.path).absolute().parent) if project is not None else str(Path("data").absolute())
)
name = st.text_input("Name", key="projects_new_name", placeholder="z. B. Studie Verwaltung 2027")
folder = st.text_input("Ordner", value=folder_default, key="projects_new_folder")
codebook = st.radio(
    "Codebuch",
    list(CODEBOOKS),
    format_func=CODEBOOKS.__getitem__,
    key="projects_new_codebook",
    horizontal=True,
)
upload = None
if codebook == "file":
    upload = st.file_uploader(
        "Codebuch-Datei (.yaml dieses Toolkits oder REFI-QDA .qdc)",
        type=["yaml", "yml", "qdc"],
        key="projects_new_file",
    )
if name.strip():
    with suppress(ToolkitError):  # a name without letters: said when "Anlegen" is pressed
        st.caption(f"Projektdatei: {code(str(Path(folder).expanduser() / file_name(name)))}")
if st.button("Anlegen und öffnen", type="primary", key="projects_create", icon=":material/add:"):
    if codebook == "file" and upload is None:
        st.error("Bitte eine Codebuch-Datei wählen (oder das mitgelieferte bzw. ein leeres Codebuch).")
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
            st.error(md(german(exc)))
        else:
            switch_to(entry.path, f"Projekt „{entry.name}“ angelegt und geöffnet")
            st.session_state["projects_new_name"] = ""  # an empty form for the next one
            st.rerun()

st.subheader("Projektdatei öffnen")
path = st.text_input("Pfad der Projektdatei", key="projects_open_path", placeholder="/pfad/zu/studie.db")
if st.button("Datei öffnen", key="projects_open_file", icon=":material/folder_open:"):
    try:
        entry = open_project(path.strip())
    except ToolkitError as exc:
        st.error(md(german(exc)))
    else:
        switch_to(entry.path, f"Projekt „{entry.name}“ geöffnet")
        st.rerun()
st.caption(
    "Das geöffnete Projekt gilt auch für die Kommandozeile: `coding-toolkit documents` ohne `--db` "
    "arbeitet mit ihm; `make run` öffnet es beim nächsten Start wieder."
)

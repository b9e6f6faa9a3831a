"""The Dokumente page's part for recordings (issue 21): attach one to the picked document, detach
it, undo the last change to recordings or time stamps."""

from __future__ import annotations

import streamlit as st

from app_pages.lang import file_uploader, tr
from app_pages.ui import error, md
from toolkit.errors import ToolkitError
from toolkit.media import (
    MEDIA_EXTENSIONS,
    attach_upload,
    detach_media,
    document_media,
    media_folder,
    undo_media,
)
from toolkit.store import Store


def media_panel(project: Store, document: str, actor: str) -> None:
    """Attach, detach and undo for the recording of ``document``."""
    with st.container(border=True, key="documents_media"):
        st.markdown(f"**{tr('ui.media.section')}**")
        st.caption(md(tr("ui.media.section_help", folder=media_folder(project).name)))
        info = document_media(project, document)
        if info is None:
            st.caption(tr("ui.media.none"))
        else:
            size = (
                f"{info.bytes / 1e6:.1f} MB".replace(".", ",")
                if info.bytes >= 1e6
                else f"{max(1, round(info.bytes / 1e3))} kB"
            )
            st.caption(md(tr("ui.media.current", file=info.file_name, format=info.format.upper(), size=size)))
        upload = file_uploader(
            tr("ui.media.file"),
            type=[e.lstrip(".") for e in MEDIA_EXTENSIONS],
            key=f"documents_media_upload_{document}",
        )
        with st.container(horizontal=True):
            attach = st.button(
                tr("ui.media.attach"), disabled=upload is None, type="primary", key="documents_media_attach"
            )
            detach = st.button(tr("ui.media.detach"), disabled=info is None, key="documents_media_detach")
            undo = st.button(tr("ui.media.undo"), key="documents_media_undo")
        try:
            if attach and upload is not None:
                done = attach_upload(project, document, upload.getvalue(), upload.name, actor=actor)
                st.success(
                    md(
                        tr(
                            "ui.media.attached",
                            file=upload.name,
                            document=document,
                            format=done.format.upper(),
                        )
                    )
                )
            elif detach:
                detach_media(project, document, actor=actor)
                st.success(md(tr("ui.media.detached", document=document)))
            elif undo:
                what = undo_media(project, actor)
                st.success(md(tr("ui.media.undone", what=what)) if what else tr("ui.media.nothing"))
        except ToolkitError as exc:
            error(exc)

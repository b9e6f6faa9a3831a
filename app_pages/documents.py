"""Dokumente: import transcripts (each file its own transaction, an error per failed file), and edit
case attributes of documents and speaker roles."""

from __future__ import annotations

import streamlit as st

from app_pages.done_toggle import done_toggle
from app_pages.import_preview_panel import import_preview
from app_pages.lang import file_uploader, tr
from app_pages.media_panel import media_panel
from app_pages.sets_panel import sets_panel
from app_pages.ui import documents_table, error, md, store
from app_pages.variables_panel import variables_panel
from toolkit.codes import attribute_definitions
from toolkit.documents import (
    import_upload,
    list_documents,
    set_attributes,
    speaker_attributes,
)
from toolkit.errors import ToolkitError
from toolkit.importers import FORMATS
from toolkit.pseudonyms import import_upload_pseudonymised

project = store()
actor = st.session_state.get("app_coder") or "app"

st.title(tr("ui.documents.title"))

with st.container(border=True):
    st.markdown(f"**{tr('ui.documents.import_title')}**")
    st.caption(tr("ui.documents.formats"))
    files = file_uploader(
        tr("ui.documents.files"),
        type=[s.lstrip(".") for s in FORMATS],
        accept_multiple_files=True,
        key="documents_upload",
        label_visibility="collapsed",
    )
    language = st.segmented_control(
        tr("ui.documents.language"),
        ["auto", "de", "en"],
        default="auto",
        format_func=lambda lang: tr(f"ui.documents.language.{lang}"),
        key="documents_language",
    )
    chosen_language = None if language in (None, "auto") else language
    renames, pattern, pseudonymise = import_preview(project, files or [], chosen_language, actor)
    if st.button(tr("ui.documents.import"), type="primary", disabled=not files, key="documents_import"):
        progress = st.progress(0.0)
        for i, upload in enumerate(files or [], start=1):
            try:
                result = (import_upload_pseudonymised if pseudonymise else import_upload)(
                    project,
                    upload.getvalue(),
                    upload.name,
                    actor=actor,
                    language=chosen_language,
                    speaker_pattern=pattern,
                    renames=renames.get(upload.name),
                )
            except ToolkitError as exc:
                error(exc)
            else:
                if result.imported:
                    st.success(
                        md(
                            tr(
                                "ui.documents.imported",
                                name=upload.name,
                                words=result.words,
                                turns=result.turns,
                            )
                        )
                    )
                    if result.skipped_labels:
                        lines = "\n".join(
                            tr("ui.documents.skipped_line", line=s.line, text=s.text)
                            for s in result.skipped_labels[:20]
                        )
                        st.warning(
                            md(
                                tr(
                                    "ui.documents.skipped",
                                    name=upload.name,
                                    n=len(result.skipped_labels),
                                    lines=lines,
                                )
                            )
                        )
                else:
                    st.info(md(tr("ui.documents.duplicate", name=upload.name, other=result.duplicate_of)))
            progress.progress(i / len(files or [1]), text=md(upload.name))

docs = list_documents(project)
if not docs:
    st.info(tr("ui.documents.none"))
    st.stop()

st.dataframe(  # a missing language or attribute as a dash, never "None"
    documents_table(project, docs).fillna("–").replace("", "–"), hide_index=True, width="stretch"
)

variables_panel(project, actor)
sets_panel(project, actor, [d.name for d in docs])

st.subheader(tr("ui.documents.attributes"))
name = st.selectbox(tr("ui.documents.document"), [d.name for d in docs], key="documents_pick")
doc = next(d for d in docs if d.name == name)
done_toggle(project, name)  # "fertig kodiert" by the coder of this tab (issue 14)
media_panel(project, name, actor)  # its recording (issue 21)
doc_defs = attribute_definitions(project, "document")
speaker_defs = attribute_definitions(project, "speaker")


with st.form("documents_attributes"):
    new: dict[str, str] = {}
    cols = st.columns(max(1, len(doc_defs)))
    for col, a in zip(cols, doc_defs, strict=False):
        options = [v.value for v in a.values]
        current = doc.attributes.get(a.name)
        label = a.label or a.name
        if options:
            picked = col.selectbox(
                label,
                options,
                index=options.index(current) if current in options else None,
                key=f"documents_attr_{name}_{a.name}",
                placeholder=tr("ui.documents.please_choose"),
            )
        else:
            picked = col.text_input(label, value=current or "", key=f"documents_attr_{name}_{a.name}")
        if picked and picked != current:
            new[a.name] = picked
    roles = speaker_attributes(project, name)
    speaker_new: dict[str, dict[str, str]] = {}
    for a in speaker_defs:
        options = [v.value for v in a.values]
        st.caption(md(a.label or a.name))
        cols = st.columns(min(3, max(1, len(doc.speakers))))  # long role names stay readable
        for i, speaker in enumerate(doc.speakers):
            current = roles.get(speaker, {}).get(a.name)
            picked = cols[i % len(cols)].selectbox(
                speaker,
                options,
                index=options.index(current) if current in options else None,
                key=f"documents_role_{name}_{a.name}_{speaker}",
                placeholder=tr("ui.documents.please_choose"),
            )
            if picked and picked != current:
                speaker_new.setdefault(speaker, {})[a.name] = picked
    if st.form_submit_button(tr("ui.documents.save"), type="primary"):
        try:
            if new:
                set_attributes(project, name, new, actor=actor)
            for speaker, values in speaker_new.items():
                set_attributes(project, name, values, actor=actor, speaker=speaker)
        except ToolkitError as exc:
            error(exc)
        else:
            st.success(tr("ui.documents.saved"))
            st.rerun()

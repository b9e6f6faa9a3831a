"""Dokumente: import transcripts (each file its own transaction, an error per failed file), and edit
case attributes of documents and speaker roles."""

from __future__ import annotations

import streamlit as st

from app_pages.done_toggle import done_toggle
from app_pages.import_preview_panel import import_preview
from app_pages.media_panel import media_panel
from app_pages.messages import german
from app_pages.sets_panel import sets_panel
from app_pages.ui import documents_table, md, store
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

project = store()
actor = st.session_state.get("app_coder") or "app"

st.title("Dokumente")

with st.container(border=True):
    st.markdown("**Transkripte importieren**")
    st.caption(
        "Word (.docx), LibreOffice (.odt), RTF (.rtf, f4/f5), PDF mit Text (.pdf), Text (.txt), "
        "Markdown (.md), "
        "Untertitel (.srt, .vtt) · Sprecher:innen und "
        "Zeitmarken werden erkannt · dieselbe Datei wird nicht doppelt importiert"
    )
    files = st.file_uploader(
        "Dateien",
        type=[s.lstrip(".") for s in FORMATS],
        accept_multiple_files=True,
        key="documents_upload",
        label_visibility="collapsed",
    )
    language = st.segmented_control(
        "Sprache", ["automatisch", "de", "en"], default="automatisch", key="documents_language"
    )
    renames, pattern = import_preview(project, files or [], None if language == "automatisch" else language)
    if st.button("Importieren", type="primary", disabled=not files, key="documents_import"):
        progress = st.progress(0.0)
        for i, upload in enumerate(files or [], start=1):
            try:
                result = import_upload(
                    project,
                    upload.getvalue(),
                    upload.name,
                    actor=actor,
                    language=None if language == "automatisch" else language,
                    speaker_pattern=pattern,
                    renames=renames.get(upload.name),
                )
            except ToolkitError as exc:
                st.error(md(german(exc)))
            else:
                if result.imported:
                    st.success(md(f"{upload.name}: {result.words} Wörter, {result.turns} Beiträge"))
                    if result.skipped_labels:
                        lines = "\n".join(f"Zeile {s.line}: {s.text}" for s in result.skipped_labels[:20])
                        st.warning(
                            md(
                                f"{upload.name}: {len(result.skipped_labels)} Zeilen sehen wie "
                                f"Sprecherangaben aus, wurden aber nicht übernommen:\n{lines}"
                            )
                        )
                else:
                    st.info(md(f"{upload.name}: schon vorhanden als {result.duplicate_of}"))
            progress.progress(i / len(files or [1]), text=md(upload.name))

docs = list_documents(project)
if not docs:
    st.info("Noch keine Dokumente.")
    st.stop()

st.dataframe(  # a missing language or attribute as a dash, never "None"
    documents_table(project, docs).fillna("–").replace("", "–"), hide_index=True, width="stretch"
)

variables_panel(project, actor)
sets_panel(project, actor, [d.name for d in docs])

st.subheader("Merkmale")
name = st.selectbox("Dokument", [d.name for d in docs], key="documents_pick")
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
                placeholder="bitte wählen",
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
                placeholder="bitte wählen",
            )
            if picked and picked != current:
                speaker_new.setdefault(speaker, {})[a.name] = picked
    if st.form_submit_button("Merkmale speichern", type="primary"):
        try:
            if new:
                set_attributes(project, name, new, actor=actor)
            for speaker, values in speaker_new.items():
                set_attributes(project, name, values, actor=actor, speaker=speaker)
        except ToolkitError as exc:
            st.error(md(german(exc)))
        else:
            st.success("Gespeichert")
            st.rerun()

"""Dokumente: the preview of the chosen transcripts before they are imported (speakers with their
turns and words, first turns, label-like lines not taken, duplicates), with speakers renamed and an
optional pattern for speaker labels; a lead may import pseudonymised (speakers renamed first, then the
pseudonym table applied, the first turns shown as they will be stored)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from app_pages.lang import tr
from app_pages.ui import error, md
from toolkit.errors import ToolkitError
from toolkit.import_preview import ImportPreview, preview_import
from toolkit.permissions import is_lead
from toolkit.pseudonyms.table import table_rows
from toolkit.store import Store


def _preview(
    project: Store,
    upload: Any,
    pattern: str | None,
    language: str | None,
    renames: dict[str, str] | None = None,
    pseudonymise: bool = False,
) -> ImportPreview:
    """The file's preview, kept per file, pattern, language (and renames when pseudonymised) while
    the tab is open (a rerun does not parse a long PDF again)."""
    cache: dict[tuple[object, ...], ImportPreview] = st.session_state.setdefault("documents_previews", {})
    key = (str(upload.file_id), pattern, language, tuple(sorted((renames or {}).items())), pseudonymise)
    if key not in cache:
        cache[key] = preview_import(
            project,
            upload.getvalue(),
            upload.name,
            speaker_pattern=pattern,
            language=language,
            renames=renames,
            pseudonymise=pseudonymise,
        )
    return cache[key]


def import_preview(
    project: Store, files: Sequence[Any], language: str | None, actor: str
) -> tuple[dict[str, dict[str, str]], str | None, bool]:
    """Show each file's preview; returns the speaker renames per file name, the pattern and whether
    to import pseudonymised."""
    if not files:
        return {}, None, False
    pattern = st.text_input(
        tr("ui.import.pattern"), key="documents_pattern", help=tr("ui.import.pattern_help")
    )
    pseudonymise = False
    if is_lead(project, actor) and table_rows(project):
        pseudonymise = st.checkbox(
            tr("ui.import.pseudonymise"), key="documents_pseudonymise", help=tr("ui.import.pseudonymise_help")
        )
    renames: dict[str, dict[str, str]] = {}
    for upload in files:
        try:
            p = _preview(project, upload, pattern.strip() or None, language)
        except ToolkitError as exc:
            error(exc)
            continue
        title = tr(
            "ui.import.summary",
            file=p.file,
            turns=p.turns,
            words=p.words,
            speakers=len(p.speakers),
            language=p.language,
        )
        with st.expander(title, expanded=len(files) == 1):
            if p.duplicate_of:
                st.info(md(tr("ui.import.duplicate", name=p.duplicate_of)))
            if p.skipped_labels:
                lines = "\n".join(
                    tr("ui.import.line", line=s.line, text=s.text) for s in p.skipped_labels[:20]
                )
                st.warning(md(tr("ui.import.skipped", n=len(p.skipped_labels)) + "\n" + lines))
            st.caption(tr("ui.import.rename_hint"))
            chosen: dict[str, str] = {}
            cols = st.columns(min(3, max(1, len(p.speakers))))
            for i, s in enumerate(p.speakers):
                if not s.speaker:
                    continue
                new = cols[i % len(cols)].text_input(
                    tr("ui.import.speaker", speaker=s.speaker, turns=s.turns, words=s.words),
                    value=s.speaker,
                    key=f"documents_rename_{upload.file_id}_{s.speaker}",
                )
                if new.strip() and new.strip() != s.speaker:
                    chosen[s.speaker] = new.strip()
            renames[upload.name] = chosen
            if pseudonymise:  # the first turns as they will be stored: renamed, then pseudonymised
                try:
                    stored = _preview(project, upload, pattern.strip() or None, language, chosen, True)
                except ToolkitError as exc:
                    error(exc)
                    continue
                st.caption(tr("ui.import.first_turns_pseudonymised", name=stored.name))
                for t in stored.first_turns:
                    st.text(f"{t.speaker or tr('ui.import.no_speaker')}: {t.text}")
                continue
            st.caption(tr("ui.import.first_turns"))
            for t in p.first_turns:
                who = chosen.get(t.speaker, t.speaker) or tr("ui.import.no_speaker")
                st.text(f"{who}: {t.text}")
    return renames, pattern.strip() or None, pseudonymise

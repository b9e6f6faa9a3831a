"""Paraphrases on the pages (issue 20, Mayring): on Kodieren the document's paraphrases beside the
text and the editor of the chosen coding's paraphrase; on Zusammenfassungen the list per document
with grouping, renaming and deleting groups and "Kategorie bilden". Every rule is in
:mod:`toolkit.qca.paraphrases` and :mod:`toolkit.qca.categories`; these functions only call them and
show the result."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_pages.lang import tr, tr_n
from app_pages.ui import error, md
from toolkit.codes import list_codes
from toolkit.documents import list_documents
from toolkit.errors import ToolkitError
from toolkit.permissions import is_lead, team_mode
from toolkit.qca.categories import group_to_code
from toolkit.qca.paraphrases import (
    Paraphrase,
    ParaphraseGroup,
    add_paraphrase,
    delete_group,
    delete_paraphrase,
    group_paraphrases,
    list_groups,
    list_paraphrases,
    paraphrase_at,
    rename_group,
    undo_paraphrase,
    update_paraphrase,
)
from toolkit.store import Store

FLASH = "paraphrases_flash"


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 2] + " …"


def _meta(p: Paraphrase, *, coder_shown: bool) -> str:
    line = tr("ui.paraphrases.where", id=p.id, start=p.start, end=p.end)
    if coder_shown:
        line += tr("ui.paraphrases.of_coder", coder=p.coder)
    if p.group:
        line += tr("ui.paraphrases.in_group", group=p.group)
    return line


# --- Kodieren --------------------------------------------------------------------------------


def paraphrase_margin(project: Store, document: str, coder: str, *, limit: int = 60) -> None:
    """The document's paraphrases (the coder's own; a lead sees everyone's) in span order, for the
    side column beside the transcript."""
    st.markdown(f"##### {tr('ui.paraphrases.title')}")
    found = list_paraphrases(project, viewer=coder, document=document)
    if not found:
        st.caption(tr("ui.paraphrases.none"))
        return
    several = len({p.coder for p in found}) > 1
    for p in found[:limit]:
        with st.container(border=True, key=f"code_para_{p.id}"):
            st.caption(md(_meta(p, coder_shown=several)) + "  \n" + md(_short(p.segment, 90)))
            st.markdown(md(p.text))


def coding_paraphrase(project: Store, document: str, start: int, end: int, coder: str, key: str) -> None:
    """The editor of ``coder``'s paraphrase of a coding's span: write, change or delete it."""
    current = paraphrase_at(project, document, start, end, coder)
    body = st.text_area(
        tr("ui.paraphrases.of_coding"),
        value=current.text if current else "",
        placeholder=tr("ui.paraphrases.placeholder"),
        key=f"{key}_{current.updated_at if current else ''}",  # the stored version: undo shows in it
        height=80,
    )
    with st.container(horizontal=True):
        save = st.button(tr("ui.paraphrases.save"), key=f"{key}_save", icon=":material/edit_note:")
        drop = current is not None and st.button(
            tr("ui.paraphrases.delete"), key=f"{key}_delete", type="tertiary"
        )
    try:
        if save and current is None:
            add_paraphrase(project, document, start, end, body, coder=coder)
        elif save and current is not None:
            if update_paraphrase(project, current.id, body, actor=coder).updated_at == current.updated_at:
                st.toast(tr("ui.paraphrases.unchanged"))
                return
        elif drop and current is not None:
            delete_paraphrase(project, current.id, actor=coder)
        else:
            return
    except ToolkitError as exc:
        error(exc)
        return
    st.toast(tr("ui.paraphrases.deleted" if drop else "ui.paraphrases.saved"))
    st.rerun()


# --- Zusammenfassungen -----------------------------------------------------------------------


def _table(found: list[Paraphrase], *, coder_shown: bool) -> dict[str, list[Any]]:
    columns: dict[str, list[Any]] = {
        tr("ui.paraphrases.col_id"): [p.id for p in found],
        tr("ui.paraphrases.col_document"): [p.document for p in found],
        tr("ui.paraphrases.col_where"): [f"{p.start}–{p.end}" for p in found],
        tr("ui.paraphrases.col_segment"): [_short(p.segment) for p in found],
        tr("ui.paraphrases.col_text"): [p.text for p in found],
        tr("ui.paraphrases.col_group"): [p.group for p in found],
    }
    if coder_shown:
        columns[tr("ui.paraphrases.col_coder")] = [p.coder for p in found]
    return columns


def _flash(text: str) -> None:
    st.session_state[FLASH] = text
    st.rerun()


def _step_name(payload: dict[str, Any]) -> str:
    action = str(payload.get("action"))
    if payload.get("entity") == "paraphrase_group" and action in ("rename", "delete"):
        return tr(
            f"ui.paraphrases.step.group_{action}", name=md(str(payload.get("before", payload.get("name"))))
        )
    return tr(f"ui.paraphrases.step.{action}", code=md(str(payload.get("code", ""))))


def _group_edit(project: Store, coder: str, groups: list[ParaphraseGroup]) -> None:
    """Rename or delete one of the coder's groups (a deleted group's paraphrases stay, ungrouped)."""
    with st.form("paraphrases_edit_form", border=True):
        st.markdown(f"**{tr('ui.paraphrases.edit_group')}**")
        chosen = st.selectbox(
            tr("ui.paraphrases.build_group"), [g.name for g in groups], key="paraphrases_edit"
        )
        new_name = st.text_input(tr("ui.paraphrases.new_name"), key="paraphrases_new_name")
        with st.container(horizontal=True):
            rename = st.form_submit_button(tr("ui.paraphrases.rename"), icon=":material/edit:")
            drop = st.form_submit_button(tr("ui.paraphrases.delete_group"), icon=":material/delete:")
    if not (rename or drop) or chosen is None:
        return
    try:
        if rename:
            renamed = rename_group(project, chosen, new_name, actor=coder)
        else:
            gone = delete_group(project, chosen, actor=coder)
    except ToolkitError as exc:
        error(exc)
        return
    if rename:
        _flash(tr("ui.paraphrases.renamed", old=md(chosen), new=md(renamed.name)))
    else:
        _flash(tr_n("ui.paraphrases.group_deleted", len(gone.paraphrases), name=md(gone.name)))


def _grouping(project: Store, coder: str, chosen: list[Paraphrase]) -> None:
    st.caption(tr("ui.paraphrases.chosen", n=len(chosen)) if chosen else tr("ui.paraphrases.pick_hint"))
    known = [g.name for g in list_groups(project, viewer=coder, coder=coder)]
    with st.form("paraphrases_group_form", border=False):
        name = st.text_input(
            tr("ui.paraphrases.group_name"),
            value=chosen[0].group if chosen and chosen[0].group else "",
            placeholder=", ".join(known[:3]),
            key="paraphrases_group_name",
        )
        with st.container(horizontal=True):
            put = st.form_submit_button(
                tr("ui.paraphrases.group"), disabled=not chosen, type="primary", icon=":material/folder:"
            )
            out = st.form_submit_button(tr("ui.paraphrases.ungroup"), disabled=not chosen)
    if not (put or out):
        return
    try:
        group = group_paraphrases(project, [p.id for p in chosen], name if put else None, actor=coder)
    except ToolkitError as exc:
        error(exc)
        return
    if group is None:
        _flash(tr("ui.paraphrases.ungrouped", n=len(chosen)))
    else:
        _flash(tr("ui.paraphrases.grouped", n=len(group.paraphrases), group=md(group.name)))


def _categories(project: Store, coder: str) -> None:
    st.markdown(f"**{tr('ui.paraphrases.groups')}**")
    groups = list_groups(project, viewer=coder, coder=coder)
    if not groups:
        st.caption(tr("ui.paraphrases.no_groups"))
        return
    for g in groups:
        st.caption(tr_n("ui.paraphrases.group_line", len(g.paraphrases), name=md(g.name)))
    _group_edit(project, coder, groups)
    top = tr("ui.paraphrases.top_level")
    parents = [top, *(c.path for c in list_codes(project))]
    with st.form("paraphrases_build_form", border=True):
        chosen = st.selectbox(
            tr("ui.paraphrases.build_group"), [g.name for g in groups], key="paraphrases_build"
        )
        parent = st.selectbox(
            tr("ui.paraphrases.parent"),
            parents,
            key="paraphrases_parent",
            format_func=lambda p: p.replace("/", " › "),
        )
        name = st.text_input(
            tr("ui.paraphrases.code_name"), key="paraphrases_code_name", placeholder=chosen or ""
        )
        build = st.form_submit_button(tr("ui.paraphrases.build"), type="primary", icon=":material/category:")
    if not build or chosen is None:
        return
    try:
        made = group_to_code(
            project, chosen, parent=None if parent == top else parent, coder=coder, name=name.strip() or None
        )
    except ToolkitError as exc:
        error(exc)
        return
    said = tr("ui.paraphrases.built_new" if made.created else "ui.paraphrases.built_existing",
              code=md(made.code_path), n=made.codings)  # fmt: skip
    if made.already_coded:
        said += tr("ui.paraphrases.already", n=made.already_coded)
    _flash(said)


def paraphrase_section(project: Store, coder: str, document: str | None) -> None:
    """The paraphrase list of a document (or all), grouping of chosen rows, category building and
    undo, for the page Zusammenfassungen."""
    st.caption(tr("ui.paraphrases.section_intro"))
    if FLASH in st.session_state:
        st.success(st.session_state.pop(FLASH))  # its names escaped where it was said
    every = tr("ui.paraphrases.all_documents")
    names = [every, *(d.name for d in list_documents(project))]
    default = names.index(document) if document in names else 0
    picked = st.selectbox(tr("ui.paraphrases.document"), names, index=default, key="paraphrases_doc")
    found = list_paraphrases(project, viewer=coder, document=None if picked == every else picked)
    coder_shown = team_mode(project) and is_lead(project, coder)
    st.caption(tr("ui.paraphrases.count", n=len(found)))
    chosen: list[Paraphrase] = []
    if found:
        event = st.dataframe(
            _table(found, coder_shown=coder_shown),
            hide_index=True,
            on_select="rerun",
            selection_mode="multi-row",
            key=f"paraphrases_table_{picked}",
        )
        rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
        chosen = [found[i] for i in rows if 0 <= i < len(found)]
        _grouping(project, coder, chosen)
    _categories(project, coder)
    if st.button(tr("ui.paraphrases.undo"), key="paraphrases_undo", icon=":material/undo:"):
        try:
            payload = undo_paraphrase(project, coder)
        except ToolkitError as exc:
            error(exc)
        else:
            _flash(
                tr("ui.paraphrases.undone", what=_step_name(payload))
                if payload
                else tr("ui.paraphrases.nothing_to_undo")
            )

"""Codebuch: the code tree per field of action and valence with definitions, anchor examples, coding
rules, colours and counts; add, edit, rename, move, merge and delete codes. Operations that touch
codings show how many before they are applied."""

from __future__ import annotations

import re

import streamlit as st

from app_pages.code_memo import code_memo_panel
from app_pages.lang import tr, ui_language
from app_pages.ui import error, md, store
from toolkit.blind import visible_codes
from toolkit.code_labels import code_name, field_names
from toolkit.codebook import is_colour
from toolkit.codes_edit import (
    add_code,
    affected_codings,
    delete_code,
    merge_codes,
    move_code,
    rename_code,
    update_code,
)
from toolkit.errors import ToolkitError
from toolkit.permissions import is_lead


def code_span(text: str) -> str:
    """``text`` as Markdown inline code, shown exactly: inside a code span nothing is escaped (a
    backslash would show), so the fence is one backtick longer than any run of them in the text."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


project = store()
actor = st.session_state.get("app_coder") or "app"
codes = visible_codes(project, st.session_state.get("app_coder"))  # blind coding: own counts only
paths = [c.path for c in codes]

st.title(tr("ui.codebook.title"))
lang = ui_language()
title = (project.setting("codebook_title_en", "") if lang == "en" else "") or project.setting(
    "codebook_title", ""
)
st.caption(md(title or ""))
ACTIONS = ("edit", "new", "move", "merge", "delete")

lead = is_lead(project, actor)  # team mode: coders read the codebook, leads edit it
action: str | None = None
if lead:  # above the columns: five actions do not fit into the narrow edit column
    action = st.segmented_control(
        tr("ui.codebook.edit_codebook"),
        ACTIONS,
        default="edit",
        format_func=lambda a: tr(f"ui.codebook.action.{a}"),
        key="codebook_action",
    )
tree, edit = st.columns([1.6, 1], gap="large") if lead else (st.container(), st.container())

with tree:
    if not codes:
        st.info(tr("ui.codebook.empty"))
    no_field = tr("ui.codebook.no_field")
    shown_field = field_names(project, lang)
    fields = list(dict.fromkeys(c.field_of_action or no_field for c in codes))
    tabs = st.tabs([shown_field.get(f, f) for f in fields]) if fields else []
    for tab, field in zip(tabs, fields, strict=True):
        with tab:
            for c in [c for c in codes if (c.field_of_action or no_field) == field]:
                depth = c.depth if c.field_of_action else c.depth + 1  # no field: its roots are headings
                if depth == 0:
                    continue
                indent = "\u2003" * (depth - 2)
                total = sum(x.codings for x in codes if x.path == c.path or x.path.startswith(c.path + "/"))
                if depth == 1:
                    st.markdown(f"**{md(code_name(c, lang))}** · {tr('ui.codebook.codings', n=total)}")
                    continue
                with st.expander(f"{indent}{md(code_name(c, lang))} · {total}"):
                    swatch = c.colour if is_colour(c.colour or "") else ""
                    st.markdown(
                        f"<span style='display:inline-block;width:1rem;height:1rem;"
                        f"background:{swatch};border-radius:3px'></span> "
                        f"{code_span(c.path)}"
                        if swatch  # HTML only around a checked #RRGGBB, never around other text
                        else code_span(c.path),
                        unsafe_allow_html=bool(swatch),
                    )
                    if c.name_en and c.name_en != c.name:  # the name in the other language
                        st.caption(
                            tr("ui.codebook.other_name", name=md(c.name if lang == "en" else c.name_en))
                        )
                    st.markdown(f"**{tr('ui.codebook.definition')}** " + md(c.definition))
                    if c.anchor_example:
                        st.markdown(f"**{tr('ui.codebook.anchor')}** " + md(c.anchor_example))
                    if c.coding_rule:
                        st.markdown(f"**{tr('ui.codebook.rule')}** " + md(c.coding_rule))
                    if c.keywords_de or c.keywords_en:
                        words = (
                            (*c.keywords_en, *c.keywords_de)
                            if lang == "en"
                            else (*c.keywords_de, *c.keywords_en)
                        )
                        st.caption(tr("ui.codebook.keywords", words=md(", ".join(words))))

with tree, st.expander(tr("ui.memos.edit_code_memo"), icon=":material/edit_note:"):
    code_memo_panel(project, paths, st.session_state.get("app_coder"), key="codebook_memo")

if not lead:
    st.stop()

with edit:
    st.subheader(tr("ui.codebook.edit"))
    try:
        if action == "new":
            parent = st.selectbox(
                tr("ui.codebook.under"),
                ["", *paths],
                key="codebook_new_parent",
                format_func=lambda p: p or tr("ui.codebook.top"),
            )
            name = st.text_input(tr("ui.codebook.name"), key="codebook_new_name")
            definition = st.text_area(tr("ui.codebook.definition"), key="codebook_new_definition")
            if st.button(
                tr("ui.codebook.create"), type="primary", disabled=not name.strip(), key="codebook_new_go"
            ):
                add_code(project, f"{parent}/{name}" if parent else name, actor=actor, definition=definition)
                st.rerun()
        elif not paths:
            st.caption(tr("ui.codebook.no_codes"))
        else:
            path = st.selectbox(
                tr("ui.codebook.code"),
                paths,
                key="codebook_code",
                format_func=lambda p: p.replace("/", " › "),
            )
            code = next(c for c in codes if c.path == path)
            affected = affected_codings(project, path)
            if action == "edit":
                with st.form("codebook_edit"):
                    new_name = st.text_input(tr("ui.codebook.name"), value=code.name)
                    name_en = st.text_input(tr("ui.codebook.name_en"), value=code.name_en)
                    colour = st.color_picker(tr("ui.codebook.colour"), value=code.colour or "#888888")
                    definition = st.text_area(tr("ui.codebook.definition"), value=code.definition)
                    anchor = st.text_area(tr("ui.codebook.anchor"), value=code.anchor_example)
                    rule = st.text_area(tr("ui.codebook.rule"), value=code.coding_rule)
                    kw_de = st.text_input(tr("ui.codebook.keywords_de"), ", ".join(code.keywords_de))
                    kw_en = st.text_input(tr("ui.codebook.keywords_en"), ", ".join(code.keywords_en))
                    if st.form_submit_button(tr("ui.codebook.save"), type="primary"):
                        update_code(
                            project,
                            path,
                            actor=actor,
                            name_en=name_en,
                            colour=colour.upper(),
                            definition=definition,
                            anchor_example=anchor,
                            coding_rule=rule,
                            keywords_de=[w.strip() for w in kw_de.split(",") if w.strip()],
                            keywords_en=[w.strip() for w in kw_en.split(",") if w.strip()],
                        )
                        if new_name.strip() != code.name:
                            rename_code(project, path, new_name, actor=actor)
                        st.rerun()
            elif action == "move":
                targets = [p for p in paths if p != path and not p.startswith(path + "/")]
                target = st.selectbox(
                    tr("ui.codebook.new_place"),
                    ["", *targets],
                    key="codebook_move_to",
                    format_func=lambda p: p or tr("ui.codebook.top"),
                )
                st.caption(tr("ui.codebook.stay", n=affected))
                if st.button(tr("ui.codebook.move"), type="primary", key="codebook_move_go"):
                    move_code(project, path, target or None, actor=actor)
                    st.rerun()
            elif action == "merge":
                targets = [p for p in paths if p != path and not p.startswith(path + "/")]
                target = st.selectbox(tr("ui.codebook.into"), targets, key="codebook_merge_into")
                st.warning(
                    tr("ui.codebook.merge_warning", n=affected, target=md(target or ""), name=md(code.name))
                )
                sure = st.checkbox(tr("ui.codebook.merge_sure"), key="codebook_merge_sure")
                if st.button(
                    tr("ui.codebook.merge"), type="primary", disabled=not sure, key="codebook_merge_go"
                ):
                    merge_codes(project, path, target, actor=actor)
                    st.rerun()
            elif action == "delete":
                move_to: str | None = None
                if affected:
                    st.warning(tr("ui.codebook.delete_warning", n=affected))
                    move_to = st.selectbox(
                        tr("ui.codebook.move_codings_to"),
                        [p for p in paths if p != path],
                        key="codebook_delete_move",
                    )
                else:
                    st.caption(tr("ui.codebook.none_affected"))
                sure = st.checkbox(tr("ui.codebook.delete_sure"), key="codebook_delete_sure")
                if st.button(
                    tr("ui.codebook.delete"), type="primary", disabled=not sure, key="codebook_delete_go"
                ):
                    delete_code(project, path, actor=actor, move_codings_to=move_to)
                    st.rerun()
    except ToolkitError as exc:
        error(exc)

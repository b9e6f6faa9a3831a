"""Codebuch: the code tree per field of action and valence with definitions, anchor examples, coding
rules, colours and counts; add, edit, rename, move, merge and delete codes. Operations that touch
codings show how many before they are applied."""

from __future__ import annotations

import re

import streamlit as st

from app_pages.code_memo import code_memo_panel
from app_pages.lang import tr
from app_pages.messages import german
from app_pages.ui import md, store
from toolkit.accounts import is_lead
from toolkit.blind import visible_codes
from toolkit.codebook import is_colour
from toolkit.codes import (
    add_code,
    affected_codings,
    delete_code,
    merge_codes,
    move_code,
    rename_code,
    update_code,
)
from toolkit.errors import ToolkitError


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

st.title("Codebuch")
st.caption(md(project.setting("codebook_title", "") or ""))

lead = is_lead(project, actor)  # team mode: coders read the codebook, leads edit it
action: str | None = None
if lead:  # above the columns: five actions do not fit into the narrow edit column
    action = st.segmented_control(
        "Codebuch bearbeiten",
        ["Ändern", "Neu", "Verschieben", "Zusammenführen", "Löschen"],
        default="Ändern",
        key="codebook_action",
    )
tree, edit = st.columns([1.6, 1], gap="large") if lead else (st.container(), st.container())

with tree:
    if not codes:
        st.info(
            "Das Codebuch ist leer. Codes mit „Neu“ anlegen, ein Codebuch auf der Seite Austausch "
            "importieren oder mit `coding-toolkit codebook load DATEI.yaml` laden."
        )
    fields = list(dict.fromkeys(c.field_of_action or "ohne Handlungsfeld" for c in codes))
    for tab, field in zip(st.tabs(fields) if fields else [], fields, strict=True):
        with tab:
            for c in [c for c in codes if (c.field_of_action or "ohne Handlungsfeld") == field]:
                depth = c.depth if c.field_of_action else c.depth + 1  # no field: its roots are headings
                if depth == 0:
                    continue
                indent = "\u2003" * (depth - 2)
                total = sum(x.codings for x in codes if x.path == c.path or x.path.startswith(c.path + "/"))
                if depth == 1:
                    st.markdown(f"**{md(c.name)}** · {total} Codierungen")
                    continue
                with st.expander(f"{indent}{md(c.name)} · {total}"):
                    swatch = c.colour if is_colour(c.colour or "") else ""
                    st.markdown(
                        f"<span style='display:inline-block;width:1rem;height:1rem;"
                        f"background:{swatch};border-radius:3px'></span> "
                        f"{code_span(c.path)}"
                        if swatch  # HTML only around a checked #RRGGBB, never around other text
                        else code_span(c.path),
                        unsafe_allow_html=bool(swatch),
                    )
                    if c.name_en:
                        st.caption("EN: " + md(c.name_en))
                    st.markdown("**Definition** " + md(c.definition))
                    if c.anchor_example:
                        st.markdown("**Ankerbeispiel** " + md(c.anchor_example))
                    if c.coding_rule:
                        st.markdown("**Kodierregel** " + md(c.coding_rule))
                    if c.keywords_de or c.keywords_en:
                        st.caption("Schlüsselwörter: " + md(", ".join((*c.keywords_de, *c.keywords_en))))

with tree, st.expander(tr("ui.memos.edit_code_memo"), icon=":material/edit_note:"):
    code_memo_panel(project, paths, st.session_state.get("app_coder"), key="codebook_memo")

if not lead:
    st.stop()

with edit:
    st.subheader("Bearbeiten")
    try:
        if action == "Neu":
            parent = st.selectbox(
                "Unter", ["", *paths], key="codebook_new_parent", format_func=lambda p: p or "(oberste Ebene)"
            )
            name = st.text_input("Name", key="codebook_new_name")
            definition = st.text_area("Definition", key="codebook_new_definition")
            if st.button("Anlegen", type="primary", disabled=not name.strip(), key="codebook_new_go"):
                add_code(project, f"{parent}/{name}" if parent else name, actor=actor, definition=definition)
                st.rerun()
        elif not paths:
            st.caption("Noch keine Codes: zuerst mit „Neu“ einen anlegen.")
        else:
            path = st.selectbox(
                "Code", paths, key="codebook_code", format_func=lambda p: p.replace("/", " › ")
            )
            code = next(c for c in codes if c.path == path)
            affected = affected_codings(project, path)
            if action == "Ändern":
                with st.form("codebook_edit"):
                    new_name = st.text_input("Name", value=code.name)
                    name_en = st.text_input("Name (englisch)", value=code.name_en)
                    colour = st.color_picker("Farbe", value=code.colour or "#888888")
                    definition = st.text_area("Definition", value=code.definition)
                    anchor = st.text_area("Ankerbeispiel", value=code.anchor_example)
                    rule = st.text_area("Kodierregel", value=code.coding_rule)
                    kw_de = st.text_input(
                        "Schlüsselwörter (de, durch Komma getrennt)", ", ".join(code.keywords_de)
                    )
                    kw_en = st.text_input("Schlüsselwörter (en)", ", ".join(code.keywords_en))
                    if st.form_submit_button("Speichern", type="primary"):
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
            elif action == "Verschieben":
                targets = [p for p in paths if p != path and not p.startswith(path + "/")]
                target = st.selectbox(
                    "Neuer Ort",
                    ["", *targets],
                    key="codebook_move_to",
                    format_func=lambda p: p or "(oberste Ebene)",
                )
                st.caption(f"{affected} Codierungen bleiben beim Code.")
                if st.button("Verschieben", type="primary", key="codebook_move_go"):
                    move_code(project, path, target or None, actor=actor)
                    st.rerun()
            elif action == "Zusammenführen":
                targets = [p for p in paths if p != path and not p.startswith(path + "/")]
                target = st.selectbox("In Code", targets, key="codebook_merge_into")
                st.warning(
                    f"{affected} Codierungen werden nach „{md(target or '')}“ übertragen; "
                    f"„{md(code.name)}“ wird danach gelöscht."
                )
                sure = st.checkbox("Ja, zusammenführen", key="codebook_merge_sure")
                if st.button("Zusammenführen", type="primary", disabled=not sure, key="codebook_merge_go"):
                    merge_codes(project, path, target, actor=actor)
                    st.rerun()
            elif action == "Löschen":
                move_to: str | None = None
                if affected:
                    st.warning(
                        f"{affected} Codierungen nutzen diesen Code. Sie müssen zu einem anderen Code."
                    )
                    move_to = st.selectbox(
                        "Codierungen übertragen nach",
                        [p for p in paths if p != path],
                        key="codebook_delete_move",
                    )
                else:
                    st.caption("Keine Codierungen betroffen.")
                sure = st.checkbox("Ja, löschen", key="codebook_delete_sure")
                if st.button("Löschen", type="primary", disabled=not sure, key="codebook_delete_go"):
                    delete_code(project, path, actor=actor, move_codings_to=move_to)
                    st.rerun()
    except ToolkitError as exc:
        st.error(md(german(exc)))

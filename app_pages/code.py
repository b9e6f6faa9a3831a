"""Kodieren: read a transcript, select any span, assign codes; click a highlight to change it;
undo and redo; filters; the document memo. Every rule lives in the library."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_pages.components.transcript import event_value, transcript
from app_pages.ui import error, md, store
from toolkit import history
from toolkit.blind import blind_coding
from toolkit.codes import list_codes
from toolkit.codings import add_coding, delete_coding, get_coding, list_coders, update_coding
from toolkit.documents import list_documents
from toolkit.errors import ToolkitError
from toolkit.memos import document_memo, set_document_memo
from toolkit.workbench import ViewFilter, codings_at, recent_codes, selection_text, transcript_view

project = store()
coder: str | None = st.session_state.get("app_coder")
docs = list_documents(project)

if not coder:
    st.info("Bitte links auswählen oder anlegen, wer kodiert.")
    st.stop()
if not docs:
    st.info("Noch keine Dokumente. Auf der Seite **Dokumente** Transkripte importieren.")
    st.stop()

for key in ("code_pending", "code_click", "code_message"):
    st.session_state.setdefault(key, None)

codes = list_codes(project)
paths = [c.path for c in codes]
names = {c.path: c.name for c in codes}

with st.sidebar:
    doc_name = st.selectbox("Dokument", [d.name for d in docs], key="code_doc")
    info = next(d for d in docs if d.name == doc_name)
    last_doc = st.session_state.get("code_last_doc")
    if last_doc != doc_name:
        if last_doc is not None:  # a selection belongs to the document it was made in
            st.session_state.update(code_pending=None, code_click=None)
        st.session_state["code_last_doc"] = doc_name
    st.caption("Filter")
    speakers = st.multiselect("Sprecher:innen", info.speakers, key="code_speakers", placeholder="alle")
    code_filter = st.multiselect("Codes", paths, key="code_codes", placeholder="alle Codes")
    coder_filter = st.multiselect("Kodierende", list_coders(project), key="code_coders", placeholder="alle")
    show_others = st.toggle("Codierungen anderer zeigen", value=True, key="code_show_others")
    if blind_coding(project):
        st.caption("Blindkodierung ist an: nur eigene Codierungen und die des Konsenses sind sichtbar.")

view = transcript_view(project, doc_name, ViewFilter(coder, show_others, speakers, code_filter, coder_filter))
recent = recent_codes(project, coder)


def _code_selection(start: int, end: int, chosen: list[str]) -> bool:
    try:
        for path in chosen:
            add_coding(project, doc_name, start, end, path, coder=coder or "")
    except ToolkitError as exc:
        st.session_state["code_message"] = str(exc)
        return False
    st.session_state.update(code_pending=None, code_message=None)
    return True


st.markdown(f"#### {md(doc_name)}")
st.caption(
    f"{info.words:,} Wörter · {info.turns} Beiträge · {len(view['spans'])} Codierungen sichtbar".replace(
        ",", "."
    )
)
left, right = st.columns([2.3, 1], gap="large")


def _on_selection() -> None:
    value = event_value("code_transcript", "selection")
    if value:
        st.session_state.update(
            code_pending={"start": int(value["start"]), "end": int(value["end"])}, code_click=None
        )


def _on_click() -> None:
    value = event_value("code_transcript", "click")
    if value:
        st.session_state["code_click"] = int(value["pos"])


def _on_shortcut() -> None:
    value = event_value("code_transcript", "shortcut")
    slots = recent_codes(project, coder or "")
    if value and 0 < int(value["slot"]) <= len(slots):
        _code_selection(int(value["start"]), int(value["end"]), [slots[int(value["slot"]) - 1]])


def _on_history() -> None:
    value = event_value("code_transcript", "history")
    if value == "undo":
        history.undo(project, coder or "")
    elif value == "redo":
        history.redo(project, coder or "")


with left:
    transcript(
        view,
        pending=st.session_state["code_pending"],
        key="code_transcript",
        callbacks={
            "selection": _on_selection,
            "click": _on_click,
            "shortcut": _on_shortcut,
            "history": _on_history,
        },
    )


def _recent_buttons(pending: dict[str, int] | None) -> None:
    if not recent:
        return
    st.caption("Zuletzt benutzt · Tasten 1–9")
    for i, path in enumerate(recent, start=1):
        if (
            st.button(
                f"{i} · {md(names.get(path, path))}",
                key=f"code_recent_{i}",
                help=md(path),
                disabled=pending is None,
                width="stretch",
            )
            and pending
            and _code_selection(pending["start"], pending["end"], [path])
        ):
            st.rerun()


def _edit_coding(span: dict[str, Any]) -> None:
    coding = get_coding(project, span["guid"])
    with st.container(border=True):
        st.markdown(f"**{md(names.get(coding.code_path, coding.code_path))}** · {md(coding.coder)}")
        st.text(coding.text if len(coding.text) < 400 else coding.text[:400] + " …")
        if not span["mine"]:
            if coding.memo:
                st.caption("Memo: " + md(coding.memo))
            return
        key = f"code_edit_{coding.guid}"
        new_code = st.selectbox("Code", paths, index=paths.index(coding.code_path), key=f"{key}_code")
        c1, c2 = st.columns(2)
        start = c1.number_input("Anfang", min_value=0, value=coding.start, step=1, key=f"{key}_start")
        end = c2.number_input("Ende", min_value=1, value=coding.end, step=1, key=f"{key}_end")
        memo = st.text_area("Memo", value=coding.memo, key=f"{key}_memo", height=80)
        b1, b2 = st.columns(2)
        if b1.button("Speichern", key=f"{key}_save", type="primary", width="stretch"):
            try:
                update_coding(
                    project,
                    coding.guid,
                    actor=coder or "",
                    expected_version=span["version"],
                    start=int(start),
                    end=int(end),
                    code_path=new_code,
                    memo=memo,
                )
            except ToolkitError as exc:
                error(exc)
            else:
                st.rerun()
        if b2.button("Löschen", key=f"{key}_delete", width="stretch"):
            try:
                delete_coding(project, coding.guid, actor=coder or "", expected_version=span["version"])
            except ToolkitError as exc:
                error(exc)
            else:
                st.session_state["code_click"] = None
                st.rerun()


with right:
    pending = st.session_state["code_pending"]
    if st.session_state["code_message"]:
        st.error(md(st.session_state["code_message"]))
    if pending:
        st.caption(f"Auswahl {pending['start']}–{pending['end']}")
        quote = selection_text(project, doc_name, pending["start"], pending["end"])
        st.text(quote if len(quote) < 300 else quote[:300] + " …")
        chosen = st.multiselect(
            "Codes zuweisen",
            paths,
            key="code_assign",
            placeholder="Code suchen …",
            format_func=lambda p: p.replace("/", " › "),
        )
        a1, a2 = st.columns([1, 1])
        if a1.button(
            "Codieren", type="primary", disabled=not chosen, width="stretch", key="code_apply"
        ) and _code_selection(pending["start"], pending["end"], chosen):
            st.session_state.pop("code_assign", None)
            st.rerun()
        if a2.button("Auswahl aufheben", width="stretch", key="code_clear"):
            st.session_state["code_pending"] = None
            st.rerun()
    else:
        st.caption(
            "Text markieren und Codes zuweisen · „ganzer Beitrag“ neben der Sprecher:in · "
            "Markierung anklicken zum Bearbeiten · Strg+Z / Strg+Umschalt+Z"
        )
    _recent_buttons(pending)

    clicked = st.session_state["code_click"]
    if clicked is not None:
        hits = codings_at(view, clicked)
        if hits:
            st.caption(f"Codierungen an Position {clicked}")
        for span in hits:
            _edit_coding(span)

    undo_steps = history.undo_stack(project, coder)
    redo_steps = history.redo_stack(project, coder)
    u1, u2 = st.columns(2)
    if u1.button(
        "↶ Rückgängig",
        disabled=not undo_steps,
        width="stretch",
        key="code_undo",
        help=md(undo_steps[0].summary) if undo_steps else None,
    ):
        history.undo(project, coder)
        st.rerun()
    if u2.button(
        "↷ Wiederholen",
        disabled=not redo_steps,
        width="stretch",
        key="code_redo",
        help=md(redo_steps[0].summary) if redo_steps else None,
    ):
        history.redo(project, coder)
        st.rerun()

    with st.expander("Memo zum Dokument"):
        memo_text = st.text_area(
            "Memo",
            value=document_memo(project, doc_name, coder),
            key="code_doc_memo",
            label_visibility="collapsed",
            height=120,
        )
        if st.button("Memo speichern", key="code_doc_memo_save"):
            set_document_memo(project, doc_name, coder, memo_text)
            st.toast("Memo gespeichert")

"""Kodieren: read a transcript, select any span and assign a code in the popup at the selection
(recent codes, search over full paths, in-vivo codes), see every coding in the code margin, pick a
coding there to move it to a new extent or edit it (code, memo, weight, paraphrase); the switch
"Paraphrasen" showing the document's paraphrases beside the text; the code tree panel; deep links
(``/?doc=…&start=…&end=…&coder=…``) open a span; undo and redo; filters; the document memo; code
suggestions. Every rule lives in the library."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

import streamlit as st

from app_pages.code_memo import code_memo_panel
from app_pages.components.transcript import bench_data, event_value, transcript
from app_pages.lang import tr, ui_language
from app_pages.media_source import PLAY, PLAY_ON_OPEN, play_at, player_data
from app_pages.paraphrase_panel import coding_paraphrase, paraphrase_margin
from app_pages.training_panel import training_panel
from app_pages.ui import error, error_text, md, store
from app_pages.undo_words import step_words
from toolkit import history
from toolkit.blind import blind_coding
from toolkit.code_labels import code_name, path_names
from toolkit.coders import list_coders
from toolkit.codes import list_codes
from toolkit.codings import delete_coding, get_coding, update_coding
from toolkit.documents import document_text, list_documents
from toolkit.errors import ToolkitError
from toolkit.i18n import number
from toolkit.media import document_media, set_turn_time
from toolkit.memos import document_memo, set_document_memo
from toolkit.permissions import require_coder, require_lead
from toolkit.qca.paraphrases import add_paraphrase
from toolkit.workbench import (
    OpResult,
    ViewFilter,
    codings_at,
    parse_link,
    recent_codes,
    run_op,
    transcript_view,
    tree_rows,
)

if TYPE_CHECKING:
    from streamlit.delta_generator import DeltaGenerator

    from toolkit.suggest import Suggestion

SUGGESTIONS_PAGE = 10  # side-list items shown at first and added by "Weitere anzeigen"
# keys for the first suggestion of the side list (Streamlit reserves C and R; digits pick code slots)
ACCEPT_KEY = "A"
REJECT_KEY = "N"
SOURCE_LABELS = {s: tr(f"ui.code.source.{s}") for s in ("rule", "model", "rule+model")}
SUGGESTION_UNITS = {"sentence": ("sentence",), "turn": ("turn",), "both": ("sentence", "turn")}

project = store()
coder: str | None = st.session_state.get("app_coder")
docs = list_documents(project)

if not coder:
    st.info(tr("ui.code.pick_coder"))
    st.stop()
if not docs:
    st.info(tr("ui.code.no_documents"))
    st.stop()

for key in ("code_click", "code_sel", "code_message", "code_sug_focus", "code_sug_preview", "code_focus"):
    st.session_state.setdefault(key, None)
st.session_state.setdefault("code_sug_limit", SUGGESTIONS_PAGE)
st.session_state.setdefault("code_done", [])  # ids of the browser's ops already handled
st.session_state.setdefault("code_feedback", [])  # the answers to them, newest last
FEEDBACK_KEEP = 12
DONE_KEEP = 200


def _open_link() -> None:
    """A deep link (``/?doc=…&start=…&end=…``) opens its document at the span, once per link."""
    params = {k: st.query_params.get(k) for k in ("doc", "start", "end", "coder")}
    if not params["doc"]:
        return
    sig = json.dumps(params, sort_keys=True)
    if st.session_state.get("code_link_sig") == sig:
        return
    st.session_state["code_link_sig"] = sig
    names = [d.name for d in docs]
    try:
        given = {k: v for k, v in params.items() if v is not None}
        link = parse_link(given, names)
        if link.start is not None and link.end is not None:
            parse_link(given, names, len(document_text(project, link.document)))
    except ToolkitError as exc:
        st.session_state["code_link_error"] = error_text(exc)
        return
    st.session_state.update(code_doc=link.document, code_link_error=None, code_click=None, code_sel=None)
    if link.start is not None:
        # the span must be shown: filters that could hide it are cleared
        st.session_state.update(code_speakers=[], code_codes=[], code_coders=[])
        st.session_state.pop("code_show_others", None)  # back to its default: shown
        key = hashlib.sha256(sig.encode()).hexdigest()[:8]
        st.session_state["code_focus"] = {
            "doc": link.document,
            "start": link.start,
            "end": link.end,
            "key": key,
        }
        if st.session_state.get(PLAY_ON_OPEN):  # a list's "▶ beim Öffnen abspielen" (issue 21)
            play_at(link.document, link.start)
    if link.coder and link.coder != coder:
        st.session_state["code_link_error"] = tr("ui.code.link_coder", linked=link.coder, coder=coder)


_open_link()

codes = list_codes(project)
paths = [c.path for c in codes]
names = {c.path: code_name(c, ui_language()) for c in codes}
shown_paths = path_names(project, ui_language())  # a path as shown: its parts' names in the language


def _path(path: str) -> str:
    return shown_paths.get(path, path).replace("/", " › ")


with st.sidebar:
    doc_name = st.selectbox(tr("ui.code.document"), [d.name for d in docs], key="code_doc")
    info = next(d for d in docs if d.name == doc_name)
    last_doc = st.session_state.get("code_last_doc")
    if last_doc != doc_name:
        if last_doc is not None:  # a selection belongs to the document it was made in
            st.session_state.update(
                code_click=None,
                code_sel=None,
                code_sug_focus=None,
                code_sug_preview=None,
                code_sug_limit=SUGGESTIONS_PAGE,
            )
        st.session_state["code_last_doc"] = doc_name
    st.caption(tr("ui.code.filter"))
    speakers = st.multiselect(
        tr("ui.code.speakers"), info.speakers, key="code_speakers", placeholder=tr("ui.code.all")
    )
    code_filter = st.multiselect(
        tr("ui.code.codes"), paths, key="code_codes", placeholder=tr("ui.code.all_codes"), format_func=_path
    )
    coder_filter = st.multiselect(
        tr("ui.code.coders"), list_coders(project), key="code_coders", placeholder=tr("ui.code.all")
    )
    show_others = st.toggle(tr("ui.code.show_others"), value=True, key="code_show_others")
    paraphrases_on = st.toggle(
        tr("ui.paraphrases.switch"), value=False, key="code_para_on", help=tr("ui.paraphrases.switch_help")
    )
    if blind_coding(project):
        st.caption(tr("ui.code.blind"))
    suggestions_on = st.toggle(
        tr("ui.code.suggestions"), value=False, key="code_sug_on", help=tr("ui.code.suggestions_help")
    )
    if suggestions_on:
        unit_label = st.radio(
            tr("ui.code.suggestions_for"),
            list(SUGGESTION_UNITS),
            format_func=lambda u: tr(f"ui.code.units.{u}"),
            key="code_sug_units",
            horizontal=True,
        )
        training_panel(project, coder)


@st.cache_resource(show_spinner=False)
def _suggest_pipeline(language: str, model: str | None) -> Any:
    """The spaCy pipeline of a language, loaded once per server process and shared by all sessions."""
    from toolkit.suggest import pipeline

    return pipeline(language, model)


@st.cache_data(max_entries=16, show_spinner=False)
def _all_suggestions(
    state: tuple[object, ...], document: str, model: str | None, _project: Any
) -> list[Suggestion]:
    """Every suggestion for the document, computed once per document and codebook/model revision
    (``state``) and shared by all coders; each coder's own codings and decisions are taken off on
    each run, so a coding deleted or undone brings its suggestion back."""
    from toolkit.suggest import suggest

    return suggest(_project, document, use_model=model is not None, model=model)


def _open_suggestions() -> list[Suggestion]:
    from toolkit.documents import document_row
    from toolkit.suggest.feedback import in_view, model_for, open_suggestions, suggestions_state

    language = str(document_row(project, doc_name)["language"])
    _suggest_pipeline(language, project.setting("spacy_model"))
    model = model_for(project, coder or "", language)  # own model first; blind coding: only the own
    state = suggestions_state(project, doc_name)
    with st.spinner(tr("ui.code.computing")):
        found = _all_suggestions(state, doc_name, model, project)
    units = SUGGESTION_UNITS[unit_label]
    on_screen = in_view(found, [(t["start"], t["end"]) for t in view["turns"]], code_filter)
    return open_suggestions(project, coder or "", doc_name, [s for s in on_screen if s.unit in units])


view = transcript_view(project, doc_name, ViewFilter(coder, show_others, speakers, code_filter, coder_filter))
shown: list[Suggestion] = _open_suggestions() if suggestions_on else []
recent = recent_codes(project, coder)


def _refusal(check: Any, reason: str) -> str | None:
    """``reason`` when the check refuses, None when it passes."""
    try:
        check()
    except ToolkitError:
        return reason
    return None


def _answer(op: str, ok: bool, text: str, *, show: bool = True) -> None:
    feedback = st.session_state["code_feedback"]
    feedback.append(
        {"id": f"{op}:{len(st.session_state['code_done'])}", "op": op, "ok": ok, "text": text, "show": show}
    )
    del feedback[:-FEEDBACK_KEEP]


def _name(path: str) -> str:
    """A code's own name in the tab's language (``name_en`` in English where the codebook has it)."""
    return path_names(project, ui_language()).get(path, path).rsplit("/", 1)[-1]


def _said(done: OpResult) -> tuple[str, bool]:
    """The German answer to an op and whether the browser should show it (an assignment it has
    already drawn needs no second word)."""
    name = _name(done.code_path)
    if done.kind == "assign":
        return tr("ui.code.assigned", name=name), False
    if done.kind == "invivo":
        return tr("ui.code.invivo", name=name), True
    if done.kind == "code":
        return tr("ui.code.created", name=name), True
    st.session_state["code_sel"] = done.guid
    length = (done.end or 0) - (done.start or 0)
    return tr("ui.code.extent", name=name, n=length), True


def _paraphrased(op: dict[str, Any]) -> str:
    """Save the paraphrase the popup wrote for a selection; the answer shown in the browser."""
    made = add_paraphrase(
        project, str(op.get("doc") or doc_name), int(op["start"]), int(op["end"]), str(op["text"]),
        coder=coder or "",
    )  # fmt: skip
    return tr("ui.paraphrases.saved_free", start=made.start, end=made.end)


def _on_ops() -> None:
    value = event_value("code_transcript", "ops")
    done: list[str] = st.session_state["code_done"]
    for op in (value or {}).get("ops", []):
        oid = str(op.get("op"))
        if oid in done:
            continue
        try:
            if op.get("kind") == "paraphrase":  # a free selection's paraphrase (issue 20)
                text, show = _paraphrased(op), True
            else:
                text, show = _said(run_op(project, op, coder=coder or "", document=doc_name))
        except ToolkitError as exc:
            _answer(oid, False, error_text(exc))
        else:
            _answer(oid, True, text, show=show)
        done.append(oid)
    del done[:-DONE_KEEP]


def _on_click() -> None:
    value = event_value("code_transcript", "click")
    if not value:
        return
    if value.get("pos") is not None:
        st.session_state.update(code_click=int(value["pos"]), code_sel=None)
    if value.get("sug"):  # a suggested unit: pick it in the side list
        start, end = str(value["sug"]).split("-")
        st.session_state["code_sug_focus"] = (int(start), int(end))


def _on_select() -> None:
    value = event_value("code_transcript", "select")
    if value is not None:
        st.session_state.update(code_sel=value.get("guid"), code_click=None)


def _on_media() -> None:
    """F8 in the player: the turn's time stamp from the player's position (issue 21)."""
    value = event_value("code_transcript", "media")
    if not value or value.get("doc") != doc_name:
        return
    oid = f"m{len(st.session_state['code_done'])}"
    try:
        set_turn_time(project, doc_name, int(value["seq"]), float(value["seconds"]), actor=coder or "")
    except (ToolkitError, KeyError, TypeError, ValueError) as exc:
        _answer(oid, False, error_text(exc))
    else:
        _answer(oid, True, tr("ui.media.stamp_saved", turn=int(value["seq"]) + 1), show=False)
    st.session_state["code_done"].append(oid)


def _history_done(what: str, step: history.Step | None) -> str:
    """What an undo or redo did, in words (an autocoding's codings are undone together)."""
    if step is None:
        return tr("ui.code.nothing_more")
    return step_words(project, step, "undo" if what == "undo" else "redo", done=True)


def _on_history() -> None:
    value = event_value("code_transcript", "history")
    if value not in ("undo", "redo"):
        return
    try:
        step = (history.undo if value == "undo" else history.redo)(project, coder or "")
    except ToolkitError as exc:
        _answer(f"h{len(st.session_state['code_done'])}", False, error_text(exc))
    else:
        _answer(f"h{len(st.session_state['code_done'])}", True, _history_done(value, step))
    st.session_state["code_done"].append(f"h{len(st.session_state['code_done'])}")


st.markdown(f"#### {md(doc_name)}")
st.caption(
    tr(
        "ui.code.stats",
        words=number(info.words, ui_language()),
        turns=number(info.turns, ui_language()),
        codings=number(len(view["spans"]), ui_language()),
    )
)
if st.session_state.get("code_link_error"):
    st.warning(md(st.session_state["code_link_error"]))
selected = st.session_state["code_sel"]
clicked = st.session_state["code_click"]
if selected is not None:
    hits = [s for s in view["spans"] if s["guid"] == selected]
elif clicked is not None:
    hits = codings_at(view, clicked)
else:
    hits = []
# the side column takes room only while it has something to show: the transcript keeps the width
# (at 1024 px about 60 characters a line) otherwise. The columns stay, so the transcript is not
# mounted anew (and keeps its scroll position) when the side column comes and goes.
side = bool(hits or suggestions_on or paraphrases_on or st.session_state["code_message"])
left, right_column = st.columns([3, 1] if side else [1, 0.0001], gap="small" if side else None)
right: DeltaGenerator | None = right_column if side else None


def _undo_redo(step: str) -> None:
    try:
        done = (history.undo if step == "undo" else history.redo)(project, coder or "")
    except ToolkitError as exc:
        st.session_state["code_message"] = error_text(exc)
    else:
        st.toast(_history_done(step, done))


def _toolbar() -> None:
    """Undo, redo and the document memo above the transcript."""
    undo_step = history.next_undo(project, coder or "")
    redo_step = history.next_redo(project, coder or "")
    with st.container(horizontal=True, key="code_toolbar"):
        st.button(
            tr("ui.code.undo"),
            disabled=undo_step is None,
            key="code_undo",
            help=step_words(project, undo_step, "undo") + tr("ui.code.undo_keys") if undo_step else None,
            on_click=_undo_redo,
            args=("undo",),
        )
        st.button(
            tr("ui.code.redo"),
            disabled=redo_step is None,
            key="code_redo",
            help=step_words(project, redo_step, "redo") + tr("ui.code.redo_keys") if redo_step else None,
            on_click=_undo_redo,
            args=("redo",),
        )
        with st.popover(tr("ui.code.document_memo")):
            memo_text = st.text_area(
                tr("ui.code.memo"),
                value=document_memo(project, doc_name, coder or ""),
                key="code_doc_memo",
                label_visibility="collapsed",
                height=120,
            )
            if st.button(tr("ui.code.memo_save"), key="code_doc_memo_save"):
                set_document_memo(project, doc_name, coder or "", memo_text)
                st.toast(tr("ui.code.memo_saved"))
        with st.popover(tr("ui.memos.code_memo_button")):  # issue 20: beside the code tree
            code_memo_panel(project, [c.path for c in list_codes(project)], coder, key="code_code_memo")


focus_link = st.session_state["code_focus"]
with left:
    _toolbar()
    transcript(
        view,
        key="code_transcript",
        suggestions=shown,
        focus=st.session_state["code_sug_focus"],
        bench=bench_data(
            me=coder,
            tree=tree_rows(project, doc_name, coder, ui_language()),
            recent=recent,
            can_code=_refusal(
                lambda: require_coder(project, coder or "", coder or "", "add codings"),
                tr("ui.code.consensus_lead_only"),
            ),
            can_add_code=_refusal(
                lambda: require_lead(project, coder or "", "change the codebook"),
                tr("ui.code.codes_lead_only"),
            ),
            done=st.session_state["code_done"][-20:],
            paraphrases=paraphrases_on,
            feedback=st.session_state["code_feedback"],
            link=(
                {k: focus_link[k] for k in ("start", "end", "key")}
                if focus_link and focus_link["doc"] == doc_name
                else None
            ),
        ),
        callbacks={
            "ops": _on_ops,
            "click": _on_click,
            "select": _on_select,
            "history": _on_history,
            "media": _on_media,
        },
        media=player_data(project, doc_name, st.session_state.get(PLAY)),
    )


recorded = document_media(project, doc_name) is not None


def _save_weight(guid: str, version: int, key: str) -> None:
    weight = int(st.session_state.get(key) or 0)
    try:
        update_coding(project, guid, actor=coder or "", expected_version=version, weight=weight)
    except ToolkitError as exc:
        st.session_state["code_message"] = error_text(exc)
    else:
        st.toast(tr("ui.weight.saved", weight=weight))


def _edit_coding(span: dict[str, Any]) -> None:
    coding = get_coding(project, span["guid"])
    with st.container(border=True):
        st.markdown(f"**{md(names.get(coding.code_path, coding.code_path))}** · {md(coding.coder)}")
        if recorded:
            st.button(
                tr("ui.media.play_segment"),
                key=f"code_play_{coding.guid}",
                help=tr("ui.media.play_segment_help"),
                type="tertiary",
                on_click=play_at,
                args=(doc_name, coding.start),
            )
        st.text(coding.text if len(coding.text) < 400 else coding.text[:400] + " …")
        if not span["mine"]:
            if coding.memo:
                st.caption(tr("ui.code.memo_of", memo=md(coding.memo)))
            return
        key = f"code_edit_{coding.guid}"
        st.caption(tr("ui.code.extent_help"))
        new_code = st.selectbox(
            tr("ui.code.code"),
            paths,
            index=paths.index(coding.code_path),
            key=f"{key}_code",
            format_func=_path,
        )
        memo = st.text_area(tr("ui.code.memo"), value=coding.memo, key=f"{key}_memo", height=80)
        st.number_input(  # saved as soon as it changes (issue 20), shown in the margin's tooltip
            tr("ui.weight.label"),
            min_value=0,
            max_value=100,
            step=5,
            value=coding.weight,
            key=f"code_weight_{coding.guid}_{span['version']}",  # not an offset: no "code_edit_"
            help=tr("ui.weight.help"),
            on_change=_save_weight,
            args=(coding.guid, span["version"], f"code_weight_{coding.guid}_{span['version']}"),
        )
        if paraphrases_on:
            coding_paraphrase(project, doc_name, coding.start, coding.end, coder or "", f"{key}_para")
        b1, b2 = st.columns(2)
        if b1.button(tr("ui.code.save"), key=f"{key}_save", type="primary", width="stretch"):
            try:
                update_coding(
                    project,
                    coding.guid,
                    actor=coder or "",
                    expected_version=span["version"],
                    code_path=new_code,
                    memo=memo,
                )
            except ToolkitError as exc:
                error(exc)
            else:
                st.toast(tr("ui.code.saved"))
                st.rerun()
        if b2.button(tr("ui.code.delete"), key=f"{key}_delete", width="stretch"):
            try:
                delete_coding(project, coding.guid, actor=coder or "", expected_version=span["version"])
            except ToolkitError as exc:
                error(exc)
            else:
                st.session_state.update(code_click=None, code_sel=None)
                st.toast(tr("ui.code.deleted"))
                st.rerun()


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 2] + " …"


def _accept(s: Suggestion) -> None:
    from toolkit.suggest.feedback import accept

    try:
        accept(project, coder or "", doc_name, s)
    except ToolkitError as exc:
        st.session_state["code_message"] = error_text(exc)
    else:
        st.session_state.update(code_message=None, code_sug_preview=None)


def _reject(s: Suggestion) -> None:
    from toolkit.suggest.feedback import reject

    try:
        reject(project, coder or "", doc_name, s.start, s.end, s.code_path, source=s.source, model_id=s.model)
    except ToolkitError as exc:
        st.session_state["code_message"] = error_text(exc)
    else:
        st.session_state.update(code_message=None, code_sug_preview=None)


def _accept_all(code: str, threshold: float) -> None:
    from toolkit.suggest.feedback import accept_all

    try:
        made = accept_all(project, coder or "", doc_name, code, threshold, shown)
    except ToolkitError as exc:
        st.session_state["code_message"] = error_text(exc)
    else:
        st.session_state.update(code_message=None, code_sug_preview=None)
        st.toast(tr("ui.code.made", n=len(made)))


def _suggestion_item(s: Suggestion, text: str, ids: dict[str, int]) -> None:
    sid = f"{s.start}_{s.end}_{ids.get(s.code_path, 0)}"
    focused = st.session_state["code_sug_focus"] == (s.start, s.end)
    with st.container(border=True, key=f"code_sug_item_{sid}"):
        mark = "➤ " if focused else ""
        source = SOURCE_LABELS.get(s.source, s.source)
        st.markdown(f"{mark}**{md(names.get(s.code_path, s.code_path))}** · {s.score:.2f} · {md(source)}")
        evidence = tr("ui.code.evidence", words=md(", ".join(s.evidence))) if s.evidence else ""
        st.caption(md(_path(s.code_path)) + evidence)
        st.text(_short(text[s.start : s.end]))
        with st.container(horizontal=True):  # "Ablehnen" wraps below in a narrow panel, never cut
            st.button(
                tr("ui.code.accept"), key=f"code_sug_acc_{sid}", on_click=_accept, args=(s,), type="primary"
            )
            st.button(tr("ui.code.reject"), key=f"code_sug_rej_{sid}", on_click=_reject, args=(s,))


def _accept_all_panel() -> None:
    from toolkit.suggest.feedback import preview_accept_all

    with st.expander(tr("ui.code.accept_all")):
        offered = sorted({s.code_path for s in shown}, key=paths.index)
        code = st.selectbox(tr("ui.code.code"), offered, key="code_sug_all_code", format_func=_path)
        threshold = st.slider(tr("ui.code.from_score"), 0.0, 1.0, 0.5, 0.05, key="code_sug_threshold")
        if st.button(tr("ui.code.preview"), key="code_sug_all_preview", disabled=code is None):
            st.session_state["code_sug_preview"] = (code, threshold)
        if code is None or st.session_state["code_sug_preview"] != (code, threshold):
            return
        todo = preview_accept_all(shown, code, threshold)
        st.markdown(tr("ui.code.would_make", n=len(todo), code=md(names.get(code, code))))
        for s in todo[:3]:
            st.text(f"{s.score:.2f} · {_short(view['text'][s.start : s.end], 100)}")
        c1, c2 = st.columns(2)
        c1.button(
            tr("ui.code.accept_n", n=len(todo)),
            key="code_sug_all_confirm",
            type="primary",
            disabled=not todo,
            on_click=_accept_all,
            args=(code, threshold),
            width="stretch",
        )
        if c2.button(tr("ui.code.cancel"), key="code_sug_all_cancel", width="stretch"):
            st.session_state["code_sug_preview"] = None
            st.rerun()


def _suggestion_panel() -> None:
    from toolkit.suggest.rank import ordered

    st.markdown(f"##### {tr('ui.code.suggestions')}")
    if not shown:
        st.caption(tr("ui.code.no_suggestions"))
        return
    order = st.radio(
        tr("ui.code.order"),
        ["score", "uncertainty"],
        format_func=lambda o: tr(f"ui.code.order.{o}"),
        key="code_sug_order",
        horizontal=True,
    )
    listed = ordered(shown, order)
    focus = st.session_state["code_sug_focus"]
    if focus:  # the unit clicked in the text comes first
        listed.sort(key=lambda s: (s.start, s.end) != tuple(focus))
    limit = int(st.session_state["code_sug_limit"])
    st.caption(tr("ui.code.open_suggestions", n=len(shown)))
    # one fixed pair of buttons carries the keys (a key on a list item could fire twice while the
    # list is redrawn); they act on the first suggestion as shown when the key was pressed
    st.caption(tr("ui.code.first_keys", accept=ACCEPT_KEY, reject=REJECT_KEY))
    with st.container(horizontal=True, key="code_sug_keys"):  # the second wraps below when narrow
        st.button(
            tr("ui.code.accept"),
            key="code_sug_top_accept",
            on_click=_accept,
            args=(listed[0],),
            shortcut=ACCEPT_KEY,
            help=tr("ui.code.accept_help", letter=ACCEPT_KEY),
        )
        st.button(
            tr("ui.code.reject"),
            key="code_sug_top_reject",
            on_click=_reject,
            args=(listed[0],),
            shortcut=REJECT_KEY,
            help=tr("ui.code.reject_help", letter=REJECT_KEY),
        )
    ids = {c.path: c.id for c in codes}
    for s in listed[:limit]:
        _suggestion_item(s, view["text"], ids)
    if len(listed) > limit and st.button(tr("ui.code.more"), key="code_sug_more"):
        st.session_state["code_sug_limit"] = limit + SUGGESTIONS_PAGE
        st.rerun()
    _accept_all_panel()


if right is not None:
    with right:
        if st.session_state["code_message"]:
            st.error(md(st.session_state["code_message"]))
        if hits:
            st.caption(tr("ui.code.selected" if selected else "ui.code.here"))
            st.button(
                tr("ui.code.close"),
                key="code_close",
                on_click=lambda: st.session_state.update(code_sel=None, code_click=None),
            )
        for span in hits:
            _edit_coding(span)
        if paraphrases_on:
            paraphrase_margin(project, doc_name, coder or "")
        if suggestions_on:
            _suggestion_panel()

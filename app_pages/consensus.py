"""Konsens: review every disagreement of two coders and settle it (take A, take B, both, neither, or
an edited span); the outcome becomes codings of the coder "consensus". Also the blind-coding switch."""

from __future__ import annotations

import functools

import streamlit as st

from app_pages.components.span_picker import span_picker
from app_pages.deeplinks import linker, open_button
from app_pages.lang import code_labels, tr, ui_language
from app_pages.media_source import play_button
from app_pages.ui import error, md, store
from toolkit.agreement.consensus import (
    ORDERS,
    Disagreement,
    decide,
    disagreements,
    page_of,
    progress,
    sort_disagreements,
)
from toolkit.agreement.selection import plan
from toolkit.blind import blind_coding, set_blind_coding
from toolkit.code_labels import field_names, path_names
from toolkit.coders import CONSENSUS_CODER, list_coders
from toolkit.codes import list_codes
from toolkit.context import span_context
from toolkit.documents import document_names, document_text
from toolkit.errors import ToolkitError
from toolkit.media import all_media
from toolkit.workbench import span_window

PAGE_SIZE = 15
ALL = "(alle)"  # the picker's value for every document (shown in the tab's language)
ALL_AT_ONCE = 40  # with more compared documents the page opens on the first one
ORDER_LABELS = {o: tr(f"ui.consensus.order.{o}") for o in ("document", "code", "size")}
CHOICES = {c: tr(f"ui.consensus.choice.{c}") for c in ("take_a", "take_b", "both", "neither")}
SETTLED = {**CHOICES, "edit": tr("ui.consensus.choice.edit")}

project = store()
actor = st.session_state.get("app_coder") or "app"
coders = [c for c in list_coders(project) if c != CONSENSUS_CODER]

st.title(tr("ui.consensus.title"))

blind = st.toggle(
    tr("ui.consensus.blind"),
    value=blind_coding(project),
    key="consensus_blind",
)
if blind != blind_coding(project):
    set_blind_coding(project, blind, actor=actor)
    st.rerun()

if blind:
    st.info(tr("ui.consensus.blind_on"))
    st.stop()
if len(coders) < 2:
    st.info(tr("ui.consensus.two_coders"))
    st.stop()

c1, c2, c3, c4 = st.columns(4, vertical_alignment="bottom")
coder_a = c1.selectbox(tr("ui.consensus.coder_a"), coders, index=0, key="consensus_a")
coder_b = c2.selectbox(
    tr("ui.consensus.coder_b"),
    [c for c in coders if c != coder_a],
    key="consensus_b",
    placeholder=tr("ui.consensus.pick_coder"),
)
method = c3.selectbox(
    tr("ui.consensus.method"),
    ["segment", "unit"],
    key="consensus_method",
    format_func=lambda m: tr(f"ui.consensus.method.{m}"),
)
only_open = c4.toggle(tr("ui.consensus.only_open"), value=True, key="consensus_open")
codes = list_codes(project)
f1, f2, f3 = st.columns(3)
code_label = code_labels(project)  # English tabs name codes and fields by the codebook's name_en
path_label = path_names(project, ui_language())  # tables and cards keep the path's slashes
field_label = field_names(project, ui_language())
field = f1.selectbox(
    tr("ui.consensus.field"),
    [None, *dict.fromkeys(c.field_of_action for c in codes if c.field_of_action)],
    format_func=lambda f: field_label.get(f, f) if f else tr("ui.consensus.all"),
    key="consensus_field",
)
code = f2.selectbox(
    tr("ui.consensus.code"),
    [None, *(c.path for c in codes)],
    format_func=lambda p: code_label(p) if p else tr("ui.consensus.all"),
    key="consensus_code",
)
compared = plan(project, [coder_a, coder_b or coder_a]).documents if coder_b else ()
large = len(compared) > ALL_AT_ONCE
# a large project starts on its first document (cheap); "(alle)" reads every document, with progress
names = document_names(project)
recorded = set(all_media(project))  # documents with a recording (issue 21)
picked = f3.selectbox(
    tr("ui.consensus.document"),
    [ALL, *names],
    format_func=lambda d: tr("ui.consensus.all") if d == ALL else d,
    index=1 + names.index(compared[0]) if large else 0,
    key="consensus_document",
)
document = None if picked == ALL else picked
o1, o2 = st.columns([1, 2], vertical_alignment="bottom")
order = o1.selectbox(
    tr("ui.consensus.order"), ORDERS, format_func=lambda o: ORDER_LABELS[o], key="consensus_order"
)

bar = st.empty()


def _searching(done: int, total: int) -> None:
    if total > 1:
        bar.progress(done / total, text=tr("ui.consensus.searching", done=done, total=total))


try:
    items = disagreements(
        project,
        coder_a,
        coder_b or "",
        method=method,
        code=code,
        field=field,
        document=document,
        progress=_searching,
    )
except ToolkitError as exc:
    error(exc)
    st.stop()
bar.empty()

done = progress(items)
st.progress(
    done["decided"] / done["total"] if done["total"] else 1.0,
    text=tr("ui.consensus.decided", decided=done["decided"], total=done["total"]),
)
shown = sort_disagreements([d for d in items if d.decision is None] if only_open else items, order)
if not shown:
    st.success(tr("ui.consensus.none_open"))
number = o2.number_input(tr("ui.consensus.page"), min_value=1, value=1, step=1, key="consensus_page")
page = page_of(shown, int(number), PAGE_SIZE)
if shown:
    st.caption(
        tr(
            "ui.consensus.summary_open" if only_open else "ui.consensus.summary",
            total=page.total,
            documents=tr(
                "ui.consensus.documents_one" if len(page.by_document) == 1 else "ui.consensus.documents_many",
                n=len(page.by_document),
            ),
            codes=len(page.by_code),
            page=page.number,
            pages=page.pages,
            size=PAGE_SIZE,
        )
    )
    with st.expander(tr("ui.consensus.per_code")):
        st.dataframe(
            [
                {tr("ui.consensus.col.code"): path_label.get(c, c), tr("ui.consensus.col.disagreements"): n}
                for c, n in sorted(page.by_code.items(), key=lambda x: -x[1])
            ],
            hide_index=True,
            width="stretch",
        )


@functools.cache
def _text(name: str) -> str:
    """A document's text, read once per run of the page (the cards quote it several times)."""
    return document_text(project, name)


def _quote(item: Disagreement, spans: tuple[tuple[int, int], ...]) -> str:
    text = _text(item.document)
    return " … ".join(text[s:e] for s, e in spans) or tr("ui.consensus.not_coded")


def _settle(item: Disagreement, decision: str, span: tuple[int, int] | None = None) -> None:
    try:
        decide(project, item, decision, actor=actor, span=span)
    except ToolkitError as exc:
        error(exc)
    else:
        st.rerun()


def _context(item: Disagreement) -> tuple[str, str]:
    """The card's place (speaker, time stamp, the span's address for a new tab) and the turn around
    the span with the span in bold, as Markdown."""
    ctx = span_context(project, item.document, item.start, item.end)
    who = " · ".join(md(p) for p in (ctx.speaker, ctx.time) if p)
    place = (who + " · " if who else "") + f"[{NEW_TAB}]({link(item.document, item.start, item.end)})"
    bold = "  \n".join(f"**{md(line.strip())}**" if line.strip() else "" for line in ctx.text.split("\n"))
    return place, md(ctx.before) + bold + md(ctx.after)


NEW_TAB = tr("ui.app.link.new_tab")
link = linker(project)
for item in page.items:
    place, turn = _context(item)
    with st.container(border=True):
        st.markdown(
            f"**{md(path_label.get(item.code, item.code))}** · {md(item.document)} · {place}"
            + (
                tr("ui.consensus.settled", choice=SETTLED.get(item.decision, item.decision))
                if item.decision
                else ""
            )
        )
        open_button(item.document, item.start, item.end, key=f"consensus_open_{item.key}")
        if item.document in recorded:  # issue 21: play the segment in Kodieren
            play_button(item.document, item.start, item.end, key=f"consensus_play_{item.key}")
        with st.expander(tr("ui.consensus.in_context")):
            st.markdown(turn)
        a, b = st.columns(2)
        a.caption(f"A: {md(item.coder_a)}")
        a.text(_quote(item, item.spans_a))
        b.caption(f"B: {md(item.coder_b)}")
        b.text(_quote(item, item.spans_b))
        if item.decision:
            continue
        buttons = st.container(horizontal=True)  # wraps on narrow screens instead of cutting labels
        for decision, label in CHOICES.items():
            if buttons.button(label, key=f"consensus_{decision}_{item.key}"):
                _settle(item, decision)
        with buttons.popover(tr("ui.consensus.edit")):
            window = span_window(project, item.document, item.start, item.end)
            start, end = span_picker(
                window,
                (item.start, item.end),
                key=f"consensus_pick_{item.key}",
                note=tr("ui.consensus.pick_note"),
                picked=tr("ui.consensus.picked", n="{n}", take=tr("ui.consensus.take")),
            )
            st.caption(tr("ui.consensus.taken"))
            edited = _quote(item, ((int(start), int(end)),))
            st.text(edited if len(edited) <= 300 else edited[:300] + " …")
            if st.button(tr("ui.consensus.take"), key=f"consensus_edit_{item.key}", type="primary"):
                _settle(item, "edit", (int(start), int(end)))

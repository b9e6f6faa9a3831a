"""Konsens: review every disagreement of two coders and settle it (take A, take B, both, neither, or
an edited span); the outcome becomes codings of the coder "consensus". Also the blind-coding switch."""

from __future__ import annotations

import streamlit as st

from app_pages.deeplinks import LABEL, linker
from app_pages.messages import german
from app_pages.ui import md, store
from toolkit.agreement.consensus import Disagreement, decide, disagreements, progress
from toolkit.blind import CONSENSUS_CODER, blind_coding, set_blind_coding
from toolkit.codes import list_codes
from toolkit.codings import list_coders
from toolkit.context import span_context
from toolkit.documents import document_text, list_documents
from toolkit.errors import ToolkitError

PAGE_SIZE = 15
CHOICES = {"take_a": "A übernehmen", "take_b": "B übernehmen", "both": "Beide", "neither": "Keine"}

project = store()
actor = st.session_state.get("app_coder") or "app"
coders = [c for c in list_coders(project) if c != CONSENSUS_CODER]

st.title("Konsens")

blind = st.toggle(
    "Blindkodierung: Kodierende sehen nur ihre eigenen Codierungen (und die des Konsenses)",
    value=blind_coding(project),
    key="consensus_blind",
)
if blind != blind_coding(project):
    set_blind_coding(project, blind, actor=actor)
    st.rerun()

if blind:
    st.info(
        "Während der Blindkodierung bleiben die Unstimmigkeiten verborgen: sie zeigen die Codierungen aller."
    )
    st.stop()
if len(coders) < 2:
    st.info("Für einen Abgleich braucht es mindestens zwei Kodierende.")
    st.stop()

c1, c2, c3, c4 = st.columns(4, vertical_alignment="bottom")
coder_a = c1.selectbox("Kodierer:in A", coders, index=0, key="consensus_a")
coder_b = c2.selectbox("Kodierer:in B", [c for c in coders if c != coder_a], key="consensus_b")
method = c3.selectbox(
    "Vergleich",
    ["segment", "unit"],
    key="consensus_method",
    format_func=lambda m: {"segment": "Segmente", "unit": "Sätze"}[m],
)
only_open = c4.toggle("nur offene", value=True, key="consensus_open")
codes = list_codes(project)
f1, f2, f3 = st.columns(3)
field = f1.selectbox(
    "Handlungsfeld",
    [None, *dict.fromkeys(c.field_of_action for c in codes if c.field_of_action)],
    format_func=lambda f: f or "(alle)",
    key="consensus_field",
)
code = f2.selectbox(
    "Code", [None, *(c.path for c in codes)], format_func=lambda p: p or "(alle)", key="consensus_code"
)
document = f3.selectbox(
    "Dokument",
    [None, *(d.name for d in list_documents(project))],
    format_func=lambda d: d or "(alle)",
    key="consensus_document",
)

try:
    items = disagreements(
        project, coder_a, coder_b or "", method=method, code=code, field=field, document=document
    )
except ToolkitError as exc:
    st.error(md(german(exc)))
    st.stop()

done = progress(items)
st.progress(
    done["decided"] / done["total"] if done["total"] else 1.0,
    text=f"{done['decided']} von {done['total']} Unstimmigkeiten entschieden",
)
shown = [d for d in items if d.decision is None] if only_open else items
if not shown:
    st.success("Keine offenen Unstimmigkeiten mit diesen Filtern.")


def _quote(item: Disagreement, spans: tuple[tuple[int, int], ...]) -> str:
    text = document_text(project, item.document)
    return " … ".join(text[s:e] for s, e in spans) or "— nicht codiert —"


def _settle(item: Disagreement, decision: str, span: tuple[int, int] | None = None) -> None:
    try:
        decide(project, item, decision, actor=actor, span=span)
    except ToolkitError as exc:
        st.error(md(german(exc)))
    else:
        st.rerun()


def _context(item: Disagreement) -> tuple[str, str]:
    """The card's place (speaker, time stamp, a link to the span in Kodieren) and the turn around
    the span with the span in bold, as Markdown."""
    ctx = span_context(project, item.document, item.start, item.end)
    who = " · ".join(md(p) for p in (ctx.speaker, ctx.time) if p)
    place = (who + " · " if who else "") + f"[{LABEL}]({link(item.document, item.start, item.end)})"
    bold = "  \n".join(f"**{md(line.strip())}**" if line.strip() else "" for line in ctx.text.split("\n"))
    return place, md(ctx.before) + bold + md(ctx.after)


link = linker(project)
for item in shown[:PAGE_SIZE]:
    place, turn = _context(item)
    with st.container(border=True):
        st.markdown(
            f"**{md(item.code)}** · {md(item.document)} · {place}"
            + (f" · entschieden: {CHOICES.get(item.decision, item.decision)}" if item.decision else "")
        )
        with st.expander("Beitrag im Zusammenhang"):
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
        with buttons.popover("Bearbeiten"):
            start = st.number_input("Anfang", min_value=0, value=item.start, key=f"consensus_s_{item.key}")
            end = st.number_input("Ende", min_value=1, value=item.end, key=f"consensus_e_{item.key}")
            st.caption("Zeichenpositionen im Dokument; dieser Text wird übernommen:")
            edited = _quote(item, ((int(start), int(end)),))
            st.text(edited if len(edited) <= 300 else edited[:300] + " …")
            if st.button("Übernehmen", key=f"consensus_edit_{item.key}", type="primary"):
                _settle(item, "edit", (int(start), int(end)))
if len(shown) > PAGE_SIZE:
    st.caption(
        f"Die ersten {PAGE_SIZE} von {len(shown)} werden gezeigt; nach Entscheidungen rücken weitere nach."
    )

"""Pseudonyme: proposed names, places and organisations with their counts, the table of originals and
placeholders, and applying it to selected documents after a preview. Leads only; the library checks
every read and change of the table again."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.lang import code_labels, tr
from app_pages.ui import error, md, store
from toolkit import pseudonyms as ps
from toolkit.documents import list_documents
from toolkit.errors import ToolkitError
from toolkit.media import all_media, media_folder
from toolkit.permissions import is_lead

KIND_LABELS = {k: tr(f"ui.pseudonyms.kind.{k}") for k in ("person", "place", "organisation", "other")}
RULE_LABELS = {
    r: tr(f"ui.pseudonyms.rule.{r}")
    for r in ("title", "speaker", "place", "organisation", "name", "capitalised")
}
TAKE, ORIGINAL, KIND, PLACEHOLDER, COUNT, DOCUMENTS, RULE = (
    tr(f"ui.pseudonyms.col.{c}")
    for c in ("take", "original", "kind", "placeholder", "count", "documents", "rule")
)

project = store()
actor = st.session_state.get("app_coder") or "app"

st.title(tr("ui.pseudonyms.title"))
if not is_lead(project, actor):
    st.warning(tr("ui.pseudonyms.lead_only"))
    st.stop()

if all_media(project):  # issue 21: said wherever pseudonymisation is done
    st.warning(tr("ui.media.not_pseudonymised", folder=f"`{media_folder(project).name}`"))

if "pseudonyms_done" in st.session_state:
    st.success(st.session_state.pop("pseudonyms_done"))


def done(message: str) -> None:
    st.session_state["pseudonyms_done"] = message
    st.rerun()


def found_in(candidate: ps.Candidate) -> str:
    """Where a candidate was found: its documents, then the code memos and group names."""
    label = code_labels(project)
    elsewhere = [
        tr(f"ui.pseudonyms.source.{s.kind}", where=label(s.where) if s.kind == "code_memo" else s.where)
        for s in candidate.elsewhere
    ]
    return ", ".join([*candidate.documents, *elsewhere])


names = [d.name for d in list_documents(project)]

st.subheader(tr("ui.pseudonyms.proposals"))
chosen = st.multiselect(
    tr("ui.pseudonyms.search_in"),
    names,
    default=names,
    key="pseudonyms_propose_docs",
    placeholder=tr("ui.pseudonyms.pick_documents"),
)
if st.button(tr("ui.pseudonyms.propose"), key="pseudonyms_propose", icon=":material/search:"):
    try:
        with st.spinner(tr("ui.pseudonyms.searching")):
            st.session_state["pseudonyms_candidates"] = ps.propose(project, chosen or None)
    except ToolkitError as exc:
        error(exc)
candidates: list[ps.Candidate] = st.session_state.get("pseudonyms_candidates", [])
known = {p.original for p in ps.mapping(project, actor)}
candidates = [c for c in candidates if c.original not in known]
if candidates:
    proposed = st.data_editor(
        pd.DataFrame(
            {
                TAKE: [c.rule != "capitalised" for c in candidates],
                ORIGINAL: [c.original for c in candidates],
                KIND: [KIND_LABELS[c.kind] for c in candidates],
                PLACEHOLDER: [c.placeholder for c in candidates],
                COUNT: [c.count for c in candidates],
                DOCUMENTS: [found_in(c) for c in candidates],
                RULE: [RULE_LABELS.get(c.rule, c.rule) for c in candidates],
            }
        ),
        column_config={
            KIND: st.column_config.SelectboxColumn(options=list(KIND_LABELS.values()), required=True),
        },
        disabled=[ORIGINAL, COUNT, DOCUMENTS, RULE],
        hide_index=True,
        key="pseudonyms_candidates_editor",
    )
    picked = proposed[proposed[TAKE]]
    if st.button(tr("ui.pseudonyms.accept", n=len(picked)), key="pseudonyms_accept", disabled=picked.empty):
        kinds = {label: kind for kind, label in KIND_LABELS.items()}
        try:
            for row in picked.itertuples(index=False):
                ps.add_pseudonym(project, row[1], row[3] or None, kinds[row[2]], actor=actor)
        except ToolkitError as exc:
            error(exc)
        else:
            done(tr("ui.pseudonyms.accepted", n=len(picked)))
elif "pseudonyms_candidates" in st.session_state:
    st.info(tr("ui.pseudonyms.no_proposals"))

st.subheader(tr("ui.pseudonyms.table"))
table = ps.mapping(project, actor)
if not table:
    st.info(tr("ui.pseudonyms.table_empty"))
else:
    edited = st.data_editor(
        pd.DataFrame(
            {
                ORIGINAL: [p.original for p in table],
                PLACEHOLDER: [p.placeholder for p in table],
                KIND: [KIND_LABELS[p.kind] for p in table],
            }
        ),
        column_config={
            KIND: st.column_config.SelectboxColumn(options=list(KIND_LABELS.values()), required=True),
        },
        disabled=[ORIGINAL],
        hide_index=True,
        key="pseudonyms_table_editor",
    )
    kinds = {label: kind for kind, label in KIND_LABELS.items()}
    changes = [
        (p, str(row[1]), kinds[str(row[2])])
        for p, row in zip(table, edited.itertuples(index=False), strict=True)
        if (str(row[1]), kinds[str(row[2])]) != (p.placeholder, p.kind)
    ]
    c1, c2 = st.columns(2)
    if c1.button(tr("ui.pseudonyms.save", n=len(changes)), key="pseudonyms_save", disabled=not changes):
        try:
            for p, placeholder, kind in changes:
                ps.update_pseudonym(project, p.original, actor=actor, placeholder=placeholder, kind=kind)
        except ToolkitError as exc:
            error(exc)
        else:
            done(tr("ui.pseudonyms.saved"))
    gone = c2.selectbox(
        tr("ui.pseudonyms.remove"),
        [p.original for p in table],
        index=None,
        key="pseudonyms_remove",
        placeholder=tr("ui.pseudonyms.pick_entry"),
    )
    if gone and c2.button(tr("ui.pseudonyms.remove_go"), key="pseudonyms_remove_go"):
        ps.delete_pseudonym(project, gone, actor=actor)
        done(tr("ui.pseudonyms.removed", original=gone))

with st.expander(tr("ui.pseudonyms.by_hand")):
    n1, n2, n3 = st.columns(3)
    original = n1.text_input(ORIGINAL, key="pseudonyms_new_original")
    kind_label = n2.selectbox(KIND, list(KIND_LABELS.values()), key="pseudonyms_new_kind")
    placeholder = n3.text_input(tr("ui.pseudonyms.placeholder_auto"), key="pseudonyms_new_placeholder")
    if st.button(tr("ui.pseudonyms.add"), key="pseudonyms_new_add") and original.strip():
        kinds = {label: kind for kind, label in KIND_LABELS.items()}
        try:
            p = ps.add_pseudonym(project, original, placeholder or None, kinds[kind_label], actor=actor)
        except ToolkitError as exc:
            error(exc)
        else:
            done(f"{p.original} → {p.placeholder}")

st.subheader(tr("ui.pseudonyms.apply_title"))
targets = st.multiselect(
    tr("ui.pseudonyms.documents"),
    names,
    key="pseudonyms_apply_docs",
    placeholder=tr("ui.pseudonyms.pick_documents"),
)
if targets and table:
    preview = ps.preview(project, targets)
    st.dataframe(
        pd.DataFrame(
            {
                tr("ui.pseudonyms.col.document"): [c.document for c in preview],
                tr("ui.pseudonyms.col.replacements"): [c.total for c in preview],
                tr("ui.pseudonyms.col.of_which"): [
                    ", ".join(f"{k} ×{v}" for k, v in c.replacements.items()) for c in preview
                ],
                tr("ui.pseudonyms.col.moved"): [c.codings_moved for c in preview],
                tr("ui.pseudonyms.col.clipped"): [c.codings_clipped for c in preview],
            }
        ),
        hide_index=True,
    )
    total = sum(c.total for c in preview)
    sure = st.checkbox(
        tr("ui.pseudonyms.sure"),
        key="pseudonyms_apply_sure",
    )
    if st.button(
        tr("ui.pseudonyms.apply", n=total),
        key="pseudonyms_apply",
        disabled=not (sure and total),
        type="primary",
    ):
        try:
            applied = ps.apply(project, targets, actor=actor)
        except ToolkitError as exc:
            error(exc)
        else:
            done(tr("ui.pseudonyms.applied", n=sum(c.total for c in applied), documents=len(applied)))
elif targets:
    st.caption(md(tr("ui.pseudonyms.nothing")))

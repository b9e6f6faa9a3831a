"""Dokumente: document sets (named groups of documents) made and changed in one place."""

from __future__ import annotations

import streamlit as st

from app_pages.lang import tr, tr_n
from app_pages.ui import error, md
from toolkit.document_sets import add_to_set, create_set, delete_set, list_sets, remove_from_set
from toolkit.errors import ToolkitError
from toolkit.store import Store

NEW = "\0new"


def _done(message: str) -> None:
    st.session_state["sets_done"] = message
    st.session_state["sets_round"] = st.session_state.get("sets_round", 0) + 1  # fresh widgets
    st.rerun()


def sets_panel(project: Store, actor: str, documents: list[str]) -> None:
    """The panel: pick a set (or a new one), choose its documents, save, create or delete."""
    done = st.session_state.pop("sets_done", None)
    with st.expander(tr("ui.sets.title"), expanded=done is not None):
        st.caption(tr("ui.sets.help"))
        if done:
            st.success(md(done))
        found = {s.name: s for s in list_sets(project)}
        round_ = st.session_state.get("sets_round", 0)
        pick = st.selectbox(
            tr("ui.sets.pick"),
            [*found, NEW],
            format_func=lambda n: (
                tr("ui.sets.new") if n == NEW else f"{n} · {tr_n('ui.sets.count', len(found[n].documents))}"
            ),
            key=f"sets_pick_{round_}",
        )
        try:
            if pick == NEW:
                name = st.text_input(tr("ui.sets.name"), key=f"sets_name_{round_}")
                chosen = st.multiselect(
                    tr("ui.sets.documents"),
                    documents,
                    key=f"sets_new_docs_{round_}",
                    placeholder=tr("ui.documents.pick_documents"),
                )
                if st.button(
                    tr("ui.sets.create"), type="primary", disabled=not name.strip(), key="sets_create"
                ):
                    made = create_set(project, name, chosen, actor=actor)
                    _done(tr_n("ui.sets.created", len(made.documents), name=made.name))
            else:
                current = list(found[pick].documents)
                chosen = st.multiselect(
                    tr("ui.sets.documents"),
                    documents,
                    default=current,
                    key=f"sets_docs_{pick}_{round_}",
                    placeholder=tr("ui.documents.pick_documents"),
                )
                left, right = st.columns(2)
                if left.button(tr("ui.sets.save"), type="primary", key="sets_save"):
                    added = add_to_set(project, pick, [d for d in chosen if d not in current], actor=actor)
                    removed = remove_from_set(
                        project, pick, [d for d in current if d not in chosen], actor=actor
                    )
                    _done(tr("ui.sets.saved", name=pick, added=added, removed=removed))
                if right.button(tr("ui.sets.delete"), key="sets_delete"):
                    delete_set(project, pick, actor=actor)
                    _done(tr("ui.sets.deleted", name=pick))
        except ToolkitError as exc:
            error(exc)

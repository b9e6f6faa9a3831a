"""Project overview: documents with their attributes, and the code tree per field of action."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from app_pages.deeplinks import link_column, linker, segment_table
from app_pages.lang import tr, ui_language
from app_pages.ui import documents_table
from toolkit.blind import blind_coding, visible_coders, visible_codes
from toolkit.changes import coding_changes
from toolkit.documents import list_documents
from toolkit.i18n import number
from toolkit.store import Store

store: Store = st.session_state["app_store"]
documents = list_documents(store)
viewer = st.session_state.get("app_coder")
codes = visible_codes(store, viewer)  # blind coding: only the counts of what the viewer may see
coders = visible_coders(store, viewer)

st.title(tr("ui.overview.title"))
st.caption(
    tr(
        "ui.overview.caption",
        path=store.path,
        codebook=store.setting("codebook_title", "") or tr("ui.overview.no_codebook"),
    )
)

cols = st.columns(4)
cols[0].metric(tr("ui.overview.documents"), len(documents))
cols[1].metric(tr("ui.overview.words"), number(sum(d.words for d in documents), ui_language()))
cols[2].metric(tr("ui.overview.codes"), len(codes))
cols[3].metric(tr("ui.overview.codings"), sum(c.codings for c in codes), help=", ".join(coders) or None)

st.subheader(tr("ui.overview.documents"))
if documents:
    st.dataframe(documents_table(store, documents), hide_index=True, width="stretch")
else:
    st.info(tr("ui.overview.no_documents"))

st.subheader(tr("ui.overview.codebook"))
VALENCE = {v: tr(f"ui.overview.valence.{v}") for v in ("challenge", "driver")}
NO_FIELD = tr("ui.overview.no_field")
COLOUR, CODE, DEFINITION = (
    tr("ui.overview.col.colour"),
    tr("ui.overview.col.code"),
    tr("ui.overview.col.definition"),
)
VALENCE_COL, CODINGS = tr("ui.overview.col.valence"), tr("ui.overview.col.codings")
if codes:
    fields = list(dict.fromkeys(c.field_of_action or NO_FIELD for c in codes))
    for tab, field in zip(st.tabs(fields), fields, strict=True):
        rows = [c for c in codes if (c.field_of_action or NO_FIELD) == field]
        table = pd.DataFrame(
            [
                {
                    COLOUR: c.colour,
                    CODE: ("\u2003" * c.depth) + c.name,
                    VALENCE_COL: VALENCE.get(c.valence or "", ""),
                    CODINGS: c.codings,
                    DEFINITION: c.definition,
                }
                for c in rows
            ]
        )
        swatches = table.style.map(
            lambda c: f"background-color: {c}; color: {c}" if c else "", subset=[COLOUR]
        )
        tab.dataframe(
            swatches,
            hide_index=True,
            width="stretch",
            column_config={COLOUR: st.column_config.TextColumn(COLOUR, width=48)},
        )
else:
    st.info(tr("ui.overview.empty_codebook"))

st.subheader(tr("ui.overview.changes"))
ACTIONS = {a: tr(f"ui.overview.action.{a}") for a in ("add", "update", "delete", "undo", "redo")}
COLUMNS = [tr(f"ui.overview.col.{c}") for c in ("time", "who", "change", "code", "coder", "document")]
changes = coding_changes(store, limit=30)
if blind_coding(store):  # during blind coding everyone sees only their own
    me = st.session_state.get("app_coder")
    changes = [c for c in changes if me and me in (c.coder, c.actor)]
if changes:
    link = linker(store)
    segment_table(
        pd.DataFrame(
            [
                {
                    **dict(
                        zip(
                            COLUMNS,
                            (
                                datetime.fromisoformat(c.at).astimezone().strftime(tr("ui.app.datetime")),
                                c.actor,
                                ACTIONS.get(c.action, c.action),
                                c.code,
                                c.coder,
                                c.document,
                            ),
                            strict=True,
                        )
                    ),
                    "link": link(c.document, c.start, c.end)
                    if c.document and c.start is not None and c.end is not None
                    else None,
                }
                for c in changes
            ]
        ),
        [
            (c.document, c.start, c.end) if c.document and c.start is not None and c.end is not None else None
            for c in changes
        ],
        hide_index=True,
        width="stretch",
        key="overview_changes",
        column_config={
            "link": link_column(tr("ui.overview.col.link")),
        },
        column_order=[*COLUMNS, "link"],
    )
    st.caption(tr("ui.overview.link_caption"))
else:
    st.caption(tr("ui.overview.no_changes"))

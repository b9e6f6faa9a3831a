"""Project overview: documents with their attributes, and the code tree per field of action."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from app_pages.deeplinks import link_column, linker, segment_table
from app_pages.ui import documents_table
from toolkit.blind import blind_coding, visible_coders, visible_codes
from toolkit.changes import coding_changes
from toolkit.documents import list_documents
from toolkit.store import Store

store: Store = st.session_state["app_store"]
documents = list_documents(store)
viewer = st.session_state.get("app_coder")
codes = visible_codes(store, viewer)  # blind coding: only the counts of what the viewer may see
coders = visible_coders(store, viewer)

st.title("Projekt")
st.caption(f"Datenbank: `{store.path}` · {store.setting('codebook_title', '') or 'ohne Codebuch'}")

cols = st.columns(4)
cols[0].metric("Dokumente", len(documents))
cols[1].metric("Wörter", f"{sum(d.words for d in documents):,}".replace(",", "."))
cols[2].metric("Codes", len(codes))
cols[3].metric("Codierungen", sum(c.codings for c in codes), help=", ".join(coders) or None)

st.subheader("Dokumente")
if documents:
    st.dataframe(documents_table(store, documents), hide_index=True, width="stretch")
else:
    st.info(
        "Noch keine Dokumente. Auf der Seite **Dokumente** importieren "
        "oder mit `coding-toolkit import DATEI …`."
    )

st.subheader("Codebuch")
VALENCE = {"challenge": "Herausforderung", "driver": "Treiber", None: ""}
if codes:
    fields = list(dict.fromkeys(c.field_of_action or "ohne Handlungsfeld" for c in codes))
    for tab, field in zip(st.tabs(fields), fields, strict=True):
        rows = [c for c in codes if (c.field_of_action or "ohne Handlungsfeld") == field]
        table = pd.DataFrame(
            [
                {
                    "Farbe": c.colour,
                    "Code": ("\u2003" * c.depth) + c.name,
                    "Valenz": VALENCE.get(c.valence, ""),
                    "Codierungen": c.codings,
                    "Definition": c.definition,
                }
                for c in rows
            ]
        )
        swatches = table.style.map(
            lambda c: f"background-color: {c}; color: {c}" if c else "", subset=["Farbe"]
        )
        tab.dataframe(
            swatches,
            hide_index=True,
            width="stretch",
            column_config={"Farbe": st.column_config.TextColumn("Farbe", width=48)},
        )
else:
    st.info(
        "Das Codebuch ist leer. Auf der Seite **Codebuch** Codes anlegen, auf der Seite **Austausch** ein "
        "Codebuch importieren oder mit `coding-toolkit codebook load DATEI.yaml` laden."
    )

st.subheader("Letzte Änderungen an Codierungen")
ACTIONS = {
    "add": "hinzugefügt",
    "update": "geändert",
    "delete": "gelöscht",
    "undo": "rückgängig gemacht",
    "redo": "wiederholt",
}
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
                    "Zeit": datetime.fromisoformat(c.at).astimezone().strftime("%d.%m.%Y %H:%M"),
                    "Wer": c.actor,
                    "Änderung": ACTIONS.get(c.action, c.action),
                    "Code": c.code,
                    "Kodierer:in": c.coder,
                    "Dokument": c.document,
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
            "link": link_column("Stelle"),
        },
        column_order=["Zeit", "Wer", "Änderung", "Code", "Kodierer:in", "Dokument", "link"],
    )
    st.caption("Bei gelöschten Codierungen zeigt der Link die frühere Stelle.")
else:
    st.caption("Noch keine Änderungen an Codierungen.")

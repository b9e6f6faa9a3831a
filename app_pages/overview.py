"""Project overview: documents with their attributes, and the code tree per field of action."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.ui import documents_table
from toolkit.codes import list_codes
from toolkit.codings import list_coders
from toolkit.documents import list_documents
from toolkit.store import Store

store: Store = st.session_state["app_store"]
documents = list_documents(store)
codes = list_codes(store)
coders = list_coders(store)

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

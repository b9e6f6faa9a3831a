"""Pseudonyme: proposed names, places and organisations with their counts, the table of originals and
placeholders, and applying it to selected documents after a preview. Leads only; the library checks
every read and change of the table again."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.lang import tr
from app_pages.ui import error, md, store
from toolkit import pseudonyms as ps
from toolkit.accounts import is_lead
from toolkit.documents import list_documents
from toolkit.errors import ToolkitError
from toolkit.media import all_media, media_folder

KIND_LABELS = {"person": "Person", "place": "Ort", "organisation": "Organisation", "other": "Sonstiges"}
RULE_LABELS = {
    "title": "Anrede/Titel",
    "speaker": "Sprecher:in",
    "place": "Ortsangabe",
    "organisation": "Organisation",
    "name": "Namensfolge",
    "capitalised": "Großschreibung",
}

project = store()
actor = st.session_state.get("app_coder") or "app"

st.title("Pseudonyme")
if not is_lead(project, actor):
    st.warning("Die Pseudonymtabelle nennt die Befragten: nur die Projektleitung sieht und ändert sie.")
    st.stop()

if all_media(project):  # issue 21: said wherever pseudonymisation is done
    st.warning(tr("ui.media.not_pseudonymised", folder=f"`{media_folder(project).name}`"))

if "pseudonyms_done" in st.session_state:
    st.success(st.session_state.pop("pseudonyms_done"))


def done(message: str) -> None:
    st.session_state["pseudonyms_done"] = message
    st.rerun()


names = [d.name for d in list_documents(project)]

st.subheader("Vorschläge")
chosen = st.multiselect("Dokumente durchsuchen", names, default=names, key="pseudonyms_propose_docs")
if st.button("Vorschläge suchen", key="pseudonyms_propose", icon=":material/search:"):
    try:
        with st.spinner("Suche Namen, Orte und Organisationen …"):
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
                "übernehmen": [c.rule != "capitalised" for c in candidates],
                "Original": [c.original for c in candidates],
                "Art": [KIND_LABELS[c.kind] for c in candidates],
                "Platzhalter": [c.placeholder for c in candidates],
                "Anzahl": [c.count for c in candidates],
                "Dokumente": [", ".join(c.documents) for c in candidates],
                "gefunden über": [RULE_LABELS.get(c.rule, c.rule) for c in candidates],
            }
        ),
        column_config={
            "Art": st.column_config.SelectboxColumn(options=list(KIND_LABELS.values()), required=True),
        },
        disabled=["Original", "Anzahl", "Dokumente", "gefunden über"],
        hide_index=True,
        key="pseudonyms_candidates_editor",
    )
    picked = proposed[proposed["übernehmen"]]
    if st.button(f"{len(picked)} in die Tabelle übernehmen", key="pseudonyms_accept", disabled=picked.empty):
        kinds = {label: kind for kind, label in KIND_LABELS.items()}
        try:
            for row in picked.itertuples(index=False):
                ps.add_pseudonym(project, row[1], row[3] or None, kinds[row[2]], actor=actor)
        except ToolkitError as exc:
            error(exc)
        else:
            done(f"{len(picked)} Einträge übernommen.")
elif "pseudonyms_candidates" in st.session_state:
    st.info("Keine neuen Vorschläge.")

st.subheader("Tabelle")
table = ps.mapping(project, actor)
if not table:
    st.info("Die Tabelle ist leer: Vorschläge übernehmen oder unten einen Eintrag anlegen.")
else:
    edited = st.data_editor(
        pd.DataFrame(
            {
                "Original": [p.original for p in table],
                "Platzhalter": [p.placeholder for p in table],
                "Art": [KIND_LABELS[p.kind] for p in table],
            }
        ),
        column_config={
            "Art": st.column_config.SelectboxColumn(options=list(KIND_LABELS.values()), required=True),
        },
        disabled=["Original"],
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
    if c1.button(f"{len(changes)} Änderungen speichern", key="pseudonyms_save", disabled=not changes):
        try:
            for p, placeholder, kind in changes:
                ps.update_pseudonym(project, p.original, actor=actor, placeholder=placeholder, kind=kind)
        except ToolkitError as exc:
            error(exc)
        else:
            done("Gespeichert.")
    gone = c2.selectbox("Eintrag entfernen", [p.original for p in table], index=None, key="pseudonyms_remove")
    if gone and c2.button("Entfernen", key="pseudonyms_remove_go"):
        ps.delete_pseudonym(project, gone, actor=actor)
        done(f"{gone} entfernt.")

with st.expander("Eintrag von Hand anlegen"):
    n1, n2, n3 = st.columns(3)
    original = n1.text_input("Original", key="pseudonyms_new_original")
    kind_label = n2.selectbox("Art", list(KIND_LABELS.values()), key="pseudonyms_new_kind")
    placeholder = n3.text_input("Platzhalter (leer: automatisch)", key="pseudonyms_new_placeholder")
    if st.button("Anlegen", key="pseudonyms_new_add") and original.strip():
        kinds = {label: kind for kind, label in KIND_LABELS.items()}
        try:
            p = ps.add_pseudonym(project, original, placeholder or None, kinds[kind_label], actor=actor)
        except ToolkitError as exc:
            error(exc)
        else:
            done(f"{p.original} → {p.placeholder}")

st.subheader("Auf Dokumente anwenden")
targets = st.multiselect("Dokumente", names, key="pseudonyms_apply_docs")
if targets and table:
    preview = ps.preview(project, targets)
    st.dataframe(
        pd.DataFrame(
            {
                "Dokument": [c.document for c in preview],
                "Ersetzungen": [c.total for c in preview],
                "davon": [", ".join(f"{k} ×{v}" for k, v in c.replacements.items()) for c in preview],
                "Codierungen verschoben": [c.codings_moved for c in preview],
                "davon auf Platzhalter gekürzt": [c.codings_clipped for c in preview],
            }
        ),
        hide_index=True,
    )
    total = sum(c.total for c in preview)
    sure = st.checkbox(
        "Ich habe eine Sicherung (coding-toolkit backup); die Originale verschwinden aus den Texten.",
        key="pseudonyms_apply_sure",
    )
    if st.button(
        f"{total} Ersetzungen anwenden", key="pseudonyms_apply", disabled=not (sure and total), type="primary"
    ):
        try:
            applied = ps.apply(project, targets, actor=actor)
        except ToolkitError as exc:
            error(exc)
        else:
            done(f"{sum(c.total for c in applied)} Ersetzungen in {len(applied)} Dokumenten.")
elif targets:
    st.caption(md("Die Tabelle ist leer: nichts zu ersetzen."))

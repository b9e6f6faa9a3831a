"""Suche: lexical search across all transcripts (words, phrases, wildcards, AND/ODER/NICHT, NEAR/n,
folding, regular expressions) with the hits in context, counts per document and speaker, a link
from each hit into Kodieren, export of the hit list, and autocoding of the hits after a preview."""

from __future__ import annotations

import io

import pandas as pd
import streamlit as st

from app_pages.deeplinks import link_column, linker, segment_table
from app_pages.media_source import play_on_open_toggle
from app_pages.ui import error, md, store
from toolkit import autocode
from toolkit.codes import list_codes
from toolkit.documents import list_documents
from toolkit.errors import ToolkitError
from toolkit.i18n import number
from toolkit.media import all_media
from toolkit.search import Hit, SearchOptions, counts, search

SCOPE_LABELS = {"hit": "nur der Treffer", "sentence": "der Satz", "turn": "der ganze Sprecherbeitrag"}

project = store()
coder = st.session_state.get("app_coder")  # app.py's sidebar chose it (or the login)

st.title("Suche")
if "search_done" in st.session_state:
    st.success(st.session_state.pop("search_done"))

docs = list_documents(project)
with st.form("search_form"):
    query = st.text_input(
        "Suchbegriff",
        key="search_query",
        placeholder='z. B. Medienbruch ODER "Onlinezugang*"',
        help='Wörter, Phrasen in "…", * als Platzhalter, UND / ODER / NICHT (auch AND/OR/NOT), '
        "NEAR/3 (höchstens 3 Wörter dazwischen). UND, ODER, NICHT gelten je Sprecherbeitrag.",
    )
    regex = st.toggle("Regulärer Ausdruck", key="search_regex")
    lemma = st.toggle(
        "Alle Wortformen (Lemma)",
        key="search_lemma",
        help="Ein Wort findet alle seine Formen: Antrag findet Anträge und Anträgen, ging findet gehen.",
    )
    fold = st.toggle(
        "Schreibweisen gleichsetzen", key="search_fold", help="Bürger = Buerger = burger, Straße = STRASSE"
    )
    case = st.toggle("Groß- und Kleinschreibung beachten", key="search_case")
    f1, f2 = st.columns(2)
    chosen_docs = f1.multiselect(
        "Nur in Dokumenten", [d.name for d in docs], key="search_docs", placeholder="alle"
    )
    speakers = sorted({s for d in docs for s in d.speakers})
    chosen_speakers = f2.multiselect(
        "Nur Sprecher:innen", speakers, key="search_speakers", placeholder="alle"
    )
    code_paths = [c.path for c in list_codes(project)]
    chosen_codes = st.multiselect(
        "Nur in Stellen mit dem Code", code_paths, key="search_codes", placeholder="beliebig"
    )
    submitted = st.form_submit_button("Suchen", icon=":material/search:", type="primary")

if submitted:
    options = SearchOptions(
        mode="regex" if regex else "lemma" if lemma else "words",
        fold=fold,
        case_sensitive=case,
        documents=tuple(chosen_docs),
        speakers=tuple(chosen_speakers),
        codes=tuple(chosen_codes),
    )
    try:
        with st.spinner("Suche …"):
            st.session_state["search_hits"] = search(project, query, options)
            st.session_state["search_asked"] = query
    except ToolkitError as exc:
        st.session_state.pop("search_hits", None)
        error(exc)

hits: list[Hit] = st.session_state.get("search_hits", [])
if "search_hits" in st.session_state:
    asked = st.session_state.get("search_asked", "")
    if not hits:
        st.info(f"Keine Treffer für {md(asked)}.")
    else:
        per = counts(hits)
        st.subheader(f"{number(len(hits))} Treffer in {number(len(per['documents']))} Dokumenten")
        link = linker(project)
        table = pd.DataFrame(
            {
                "Dokument": [h.document for h in hits],
                "Sprecher:in": [h.speaker for h in hits],
                "links": [h.left for h in hits],
                "Treffer": [h.text for h in hits],
                "rechts": [h.right for h in hits],
                "Transkript": [link(h.document, h.start, h.end) for h in hits],
            }
        )
        play_on_open_toggle({h.document for h in hits}, set(all_media(project)), key="search_play")
        segment_table(
            table,
            [(h.document, h.start, h.end) for h in hits],
            hide_index=True,
            width="stretch",
            column_config={
                "Transkript": link_column(),
                "Dokument": st.column_config.TextColumn(width="small"),
                "Sprecher:in": st.column_config.TextColumn(width="small"),
                "links": st.column_config.TextColumn(width="medium"),
                "rechts": st.column_config.TextColumn(width="medium"),
            },
            key="search_table",
        )
        k1, k2 = st.columns(2)
        k1.dataframe(
            pd.DataFrame({"Dokument": list(per["documents"]), "Treffer": list(per["documents"].values())}),
            hide_index=True,
        )
        k2.dataframe(
            pd.DataFrame({"Sprecher:in": list(per["speakers"]), "Treffer": list(per["speakers"].values())}),
            hide_index=True,
        )
        export = table.drop(columns=["Transkript"]).assign(
            Beitrag=[h.turn for h in hits], Start=[h.start for h in hits], Ende=[h.end for h in hits]
        )
        e1, e2 = st.columns(2)
        e1.download_button(
            "Trefferliste als CSV",
            export.to_csv(index=False).encode("utf-8-sig"),
            "treffer.csv",
            "text/csv",
            key="search_csv",
        )
        xlsx = io.BytesIO()
        export.to_excel(xlsx, index=False)
        e2.download_button(
            "Trefferliste als Excel",
            xlsx.getvalue(),
            "treffer.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="search_xlsx",
        )

        st.subheader("Automatisch kodieren")
        if not coder:
            st.info("Wählen Sie links, wer kodiert, um die Treffer zu kodieren.")
        else:
            a1, a2 = st.columns(2)
            code = a1.selectbox(
                "Code", code_paths, index=None, placeholder="Code wählen …", key="search_code"
            )
            scope = a2.radio(
                "Was kodieren?",
                list(SCOPE_LABELS),
                format_func=SCOPE_LABELS.__getitem__,
                horizontal=True,
                key="search_scope",
            )
            around = (
                a2.number_input("± Sätze davor und danach (im selben Beitrag)", 0, 20, 0, key="search_around")
                if scope == "sentence"
                else 0
            )
            if code:
                try:
                    plan = autocode.plan_autocode(project, hits, code, coder, scope, around=int(around))
                except ToolkitError as exc:
                    error(exc)
                else:
                    st.caption(
                        f"Vorschau für {md(coder)}: {number(len(plan.new))} neue Kodierungen mit "
                        f"{md(plan.code)}, {number(len(plan.already))} schon so kodiert."
                    )
                    st.dataframe(
                        pd.DataFrame(
                            {
                                "": ["schon kodiert" if p.already else "neu" for p in plan.items],
                                "Dokument": [p.document for p in plan.items],
                                "Stelle": [" ".join(p.text.split()) for p in plan.items],
                                "bereits vorhanden": ["; ".join(p.present) for p in plan.items],
                            }
                        ),
                        hide_index=True,
                        width="stretch",
                        key="search_preview",
                    )
                    if st.button(
                        f"{number(len(plan.new))} Stellen kodieren",
                        key="search_autocode",
                        type="primary",
                        disabled=not plan.new,
                        icon=":material/playlist_add_check:",
                    ):
                        try:
                            added = autocode.apply_autocode(project, plan, actor=coder)
                        except ToolkitError as exc:
                            error(exc)
                        else:
                            st.session_state["search_done"] = (
                                f"{number(len(added))} Stellen mit {plan.code} kodiert."
                            )
                            st.rerun()
            if autocode.last_autocode(project, coder) and st.button(
                "Letzte automatische Kodierung zurücknehmen", key="search_undo", icon=":material/undo:"
            ):
                try:
                    steps = autocode.undo_autocode(project, coder)
                except ToolkitError as exc:
                    error(exc)
                else:
                    st.session_state["search_done"] = (
                        f"{number(len(steps))} automatisch gesetzte Kodierungen entfernt."
                    )
                    st.rerun()

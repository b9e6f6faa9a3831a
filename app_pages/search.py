"""Suche: lexical search across all transcripts (words, phrases, wildcards, AND/ODER/NICHT, NEAR/n,
folding, regular expressions) with the hits in context page by page, counts of all hits per document
and speaker, a link from each hit into Kodieren, export of the hit list, and autocoding of all hits
after a preview, with undo right after it."""

from __future__ import annotations

import io

import pandas as pd
import streamlit as st

from app_pages.deeplinks import link_column, linker, segment_table
from app_pages.lang import code_labels, tr, tr_n, ui_language
from app_pages.media_source import play_on_open_toggle
from app_pages.ui import error, error_text, md, store
from toolkit import autocode
from toolkit.codes import list_codes
from toolkit.document_sets import list_sets
from toolkit.documents import list_documents, speaker_role_values
from toolkit.errors import ToolkitError
from toolkit.i18n import number as _number
from toolkit.media import all_media
from toolkit.search import Hit, SearchOptions, search
from toolkit.search_page import PAGE, SearchResult, search_page

SCOPE_LABELS = {s: tr(f"ui.search.scope.{s}") for s in ("hit", "sentence", "turn")}
DOCUMENT, SPEAKER, LEFT, HIT, RIGHT, LINK = (
    tr(f"ui.search.col.{c}") for c in ("document", "speaker", "left", "hit", "right", "link")
)


def number(value: int) -> str:
    return _number(value, ui_language())


project = store()
coder = st.session_state.get("app_coder")  # app.py's sidebar chose it (or the login)

st.title(tr("ui.search.title"))


def _undo_autocode() -> None:
    """Take back the coder's newest autocoding (one step), with a line saying what it removed."""
    try:
        steps = autocode.undo_autocode(project, coder or "")
    except ToolkitError as exc:
        st.session_state["search_failed"] = error_text(exc)
    else:
        st.session_state["search_done"] = tr("ui.search.undone", n=number(len(steps)))
    for stale in ("search_result", "search_all"):  # a code filter may see other hits now
        st.session_state.pop(stale, None)


if "search_failed" in st.session_state:
    st.error(st.session_state.pop("search_failed"))
if "search_done" in st.session_state:
    done_box = st.container(horizontal=True, vertical_alignment="center")
    done_message = st.session_state.pop("search_done")
    done_box.success(done_message)
    st.toast(done_message)  # seen wherever the page is scrolled to
    just = st.session_state.pop("search_just_autocoded", False)
    if just and coder and autocode.last_autocode(project, coder):
        done_box.button(
            tr("ui.search.undo_now"), key="search_undo_now", icon=":material/undo:", on_click=_undo_autocode
        )

docs = list_documents(project)
with st.form("search_form"):
    query = st.text_input(
        tr("ui.search.query"),
        key="search_query",
        placeholder=tr("ui.search.query_placeholder"),
        help=tr("ui.search.query_help"),
    )
    regex = st.toggle(tr("ui.search.regex"), key="search_regex")
    lemma = st.toggle(tr("ui.search.lemma"), key="search_lemma", help=tr("ui.search.lemma_help"))
    fold = st.toggle(tr("ui.search.fold"), key="search_fold", help=tr("ui.search.fold_help"))
    case = st.toggle(tr("ui.search.case"), key="search_case")
    f1, f2 = st.columns(2)
    chosen_docs = f1.multiselect(
        tr("ui.search.only_documents"),
        [d.name for d in docs],
        key="search_docs",
        placeholder=tr("ui.search.all"),
    )
    speakers = sorted({s for d in docs for s in d.speakers})
    chosen_speakers = f2.multiselect(
        tr("ui.search.only_speakers"), speakers, key="search_speakers", placeholder=tr("ui.search.all")
    )
    f3, f4 = st.columns(2)
    chosen_sets = f3.multiselect(
        tr("ui.searchfilter.sets"),
        [s.name for s in list_sets(project)],
        key="search_sets",
        placeholder=tr("ui.search.all"),
    )
    chosen_roles = f4.multiselect(
        tr("ui.searchfilter.roles"),
        speaker_role_values(project),
        key="search_roles",
        placeholder=tr("ui.search.all"),
    )
    code_paths = [c.path for c in list_codes(project)]
    chosen_codes = st.multiselect(
        tr("ui.search.only_codes"),
        code_paths,
        key="search_codes",
        placeholder=tr("ui.search.any"),
        format_func=code_labels(project),
    )
    submitted = st.form_submit_button(tr("ui.search.submit"), icon=":material/search:", type="primary")

if submitted:
    options = SearchOptions(
        mode="regex" if regex else "lemma" if lemma else "words",
        fold=fold,
        case_sensitive=case,
        documents=tuple(chosen_docs),
        sets=tuple(chosen_sets),
        roles=tuple(chosen_roles),
        speakers=tuple(chosen_speakers),
        codes=tuple(chosen_codes),
    )
    st.session_state["search_asked"] = (query, options)
    st.session_state["search_page"] = 0
    for stale in ("search_result", "search_all", "search_export_on"):
        st.session_state.pop(stale, None)


def _page(number_of_page: int) -> SearchResult | None:
    """The page's hits and the counts of all hits, kept until the query or the page changes."""
    query, options = st.session_state["search_asked"]
    kept = st.session_state.get("search_result")
    if kept is not None and kept[0] == number_of_page:
        return kept[1]  # type: ignore[no-any-return]
    try:
        with st.spinner(tr("ui.search.searching")):
            result = search_page(project, query, options, limit=PAGE, offset=number_of_page * PAGE)
    except ToolkitError as exc:
        error(exc)
        return None
    st.session_state["search_result"] = (number_of_page, result)
    return result


def _all_hits() -> list[Hit]:
    """Every hit (for the export and the autocoding), found once per query."""
    if "search_all" not in st.session_state:
        query, options = st.session_state["search_asked"]
        with st.spinner(tr("ui.search.searching")):
            st.session_state["search_all"] = search(project, query, options)
    return st.session_state["search_all"]  # type: ignore[no-any-return]


def _turn_page(step: int) -> None:
    st.session_state["search_page"] = st.session_state.get("search_page", 0) + step


result = _page(st.session_state.get("search_page", 0)) if "search_asked" in st.session_state else None
if result is not None:
    asked = st.session_state["search_asked"][0]
    hits = list(result.hits)
    if not result.total:
        st.info(tr("ui.search.no_hits", query=md(asked)))
    else:
        per = {"documents": result.per_document, "speakers": result.per_speaker}
        st.subheader(
            tr(
                "ui.search.hits",
                hits=tr_n("ui.search.n_hits", result.total),
                documents=tr_n("ui.search.in_documents", len(result.per_document)),
            )
        )
        pages = (result.total + PAGE - 1) // PAGE
        if pages > 1:
            p1, p2, p3 = st.columns([1, 3, 1], vertical_alignment="center")
            p1.button(
                tr("ui.search.previous"),
                key="search_previous",
                icon=":material/chevron_left:",
                disabled=result.offset == 0,
                on_click=_turn_page,
                args=(-1,),
            )
            p2.caption(
                tr(
                    "ui.search.page",
                    first=number(result.offset + 1),
                    last=number(result.offset + len(hits)),
                    total=number(result.total),
                    page=number(result.offset // PAGE + 1),
                    pages=number(pages),
                )
            )
            p3.button(
                tr("ui.search.next"),
                key="search_next",
                icon=":material/chevron_right:",
                disabled=result.offset + PAGE >= result.total,
                on_click=_turn_page,
                args=(1,),
            )
        link = linker(project)
        table = pd.DataFrame(
            {
                DOCUMENT: [h.document for h in hits],
                SPEAKER: [h.speaker for h in hits],
                LEFT: [h.left for h in hits],
                HIT: [h.text for h in hits],
                RIGHT: [h.right for h in hits],
                LINK: [link(h.document, h.start, h.end) for h in hits],
            }
        )
        play_on_open_toggle({h.document for h in hits}, set(all_media(project)), key="search_play")
        segment_table(
            table,
            [(h.document, h.start, h.end) for h in hits],
            hide_index=True,
            width="stretch",
            column_config={
                LINK: link_column(),
                DOCUMENT: st.column_config.TextColumn(width="small"),
                SPEAKER: st.column_config.TextColumn(width="small"),
                LEFT: st.column_config.TextColumn(width="medium"),
                RIGHT: st.column_config.TextColumn(width="medium"),
            },
            key="search_table",
        )
        k1, k2 = st.columns(2)
        k1.dataframe(
            pd.DataFrame({DOCUMENT: list(per["documents"]), HIT: list(per["documents"].values())}),
            hide_index=True,
        )
        k2.dataframe(
            pd.DataFrame({SPEAKER: list(per["speakers"]), HIT: list(per["speakers"].values())}),
            hide_index=True,
        )
        if len(hits) == result.total or st.session_state.get("search_export_on"):
            every = _all_hits()
            export = pd.DataFrame(
                {
                    DOCUMENT: [h.document for h in every],
                    SPEAKER: [h.speaker for h in every],
                    LEFT: [h.left for h in every],
                    HIT: [h.text for h in every],
                    RIGHT: [h.right for h in every],
                    tr("ui.search.col.turn"): [h.turn for h in every],
                    tr("ui.search.col.start"): [h.start for h in every],
                    tr("ui.search.col.end"): [h.end for h in every],
                }
            )
            e1, e2 = st.columns(2)
            e1.download_button(
                tr("ui.search.csv"),
                export.to_csv(index=False).encode("utf-8-sig"),
                f"{tr('ui.search.file')}.csv",
                "text/csv",
                key="search_csv",
            )
            xlsx = io.BytesIO()
            export.to_excel(xlsx, index=False)
            e2.download_button(
                tr("ui.search.xlsx"),
                xlsx.getvalue(),
                f"{tr('ui.search.file')}.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                key="search_xlsx",
            )
        else:
            st.button(
                tr("ui.search.export_all", n=number(result.total)),
                key="search_export",
                icon=":material/download:",
                on_click=st.session_state.__setitem__,
                args=("search_export_on", True),
            )

        st.subheader(tr("ui.search.autocode"))
        if not coder:
            st.info(tr("ui.search.pick_coder"))
        else:
            a1, a2 = st.columns(2)
            code = a1.selectbox(
                tr("ui.search.code"),
                code_paths,
                index=None,
                placeholder=tr("ui.search.pick_code"),
                key="search_code",
                format_func=code_labels(project),
            )
            scope = a2.radio(
                tr("ui.search.what"),
                list(SCOPE_LABELS),
                format_func=SCOPE_LABELS.__getitem__,
                horizontal=True,
                key="search_scope",
            )
            around = (
                a2.number_input(tr("ui.search.around"), 0, 20, 0, key="search_around")
                if scope == "sentence"
                else 0
            )
            if code:
                try:
                    plan = autocode.plan_autocode(
                        project, _all_hits(), code, coder, scope, around=int(around)
                    )
                except ToolkitError as exc:
                    error(exc)
                else:
                    st.caption(
                        tr(
                            "ui.search.preview",
                            coder=md(coder),
                            new=number(len(plan.new)),
                            code=md(plan.code),
                            already=number(len(plan.already)),
                        )
                    )
                    st.dataframe(
                        pd.DataFrame(
                            {
                                "": [
                                    tr("ui.search.already" if p.already else "ui.search.new")
                                    for p in plan.items
                                ],
                                DOCUMENT: [p.document for p in plan.items],
                                tr("ui.search.col.span"): [" ".join(p.text.split()) for p in plan.items],
                                tr("ui.search.col.present"): ["; ".join(p.present) for p in plan.items],
                            }
                        ),
                        hide_index=True,
                        width="stretch",
                        key="search_preview",
                    )
                    if st.button(
                        tr("ui.search.apply", n=number(len(plan.new))),
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
                            st.session_state["search_done"] = tr(
                                "ui.search.applied", n=number(len(added)), code=plan.code
                            )
                            st.session_state["search_just_autocoded"] = True
                            for stale in ("search_result", "search_all"):
                                st.session_state.pop(stale, None)
                            st.rerun()
            if autocode.last_autocode(project, coder):
                st.button(
                    tr("ui.search.undo"), key="search_undo", icon=":material/undo:", on_click=_undo_autocode
                )

"""Austausch: REFI-QDA projects (.qdpx) and codebooks (.qdc) of MAXQDA, ATLAS.ti, NVivo, qc in and
out, with the import report."""

from __future__ import annotations

import functools

import streamlit as st

from app_pages.lang import file_uploader, tr
from app_pages.ui import error, md, store
from toolkit.codes import code_tree
from toolkit.codes_merge import KEEP_WHEN_EMPTY, LoadReport
from toolkit.errors import ToolkitError
from toolkit.exchange.refi import ImportReport, export_codebook_qdc, export_project, import_upload
from toolkit.exchange.taguette_codebook import export_codebook_csv
from toolkit.permissions import is_lead, team_mode

project = store()
actor = st.session_state.get("app_coder") or "app"

st.title(tr("ui.exchange.title"))
st.caption(tr("ui.exchange.caption"))


# the fields a merge compares: the name, those it keeps when a file leaves them empty, the place
FIELDS = {field: tr(f"ui.exchange.field.{field}") for field in ("name", *KEEP_WHEN_EMPTY, "parent", "id")}


def _short(value: object) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return md(text if len(text) <= 60 else text[:57] + "…") or tr("ui.exchange.empty")


def show_codes(plan: LoadReport) -> None:
    """The codes of an import one by one: new, changed (field by field), kept because empty."""
    lines = []
    for code in plan.codes:
        if code.action == "add":
            lines.append(tr("ui.exchange.code_added", path=md(code.path)))
        elif code.action == "change":
            fields = "; ".join(
                tr(
                    "ui.exchange.field_change",
                    field=FIELDS.get(f.field, f.field),
                    before=_short(f.before),
                    after=_short(f.after),
                )
                for f in code.changes
            )
            lines.append(tr("ui.exchange.code_changed", path=md(code.path), fields=fields))
        if code.kept:
            kept = ", ".join(FIELDS.get(f, f) for f in code.kept)
            lines.append(tr("ui.exchange.code_kept", path=md(code.path), fields=kept))
    if lines:
        title = tr(
            "ui.exchange.code_counts",
            added=len(plan.added),
            updated=len(plan.updated),
            unchanged=plan.unchanged,
        )
        with st.expander(title, expanded=bool(plan.updated)):
            st.markdown("\n".join(lines))


def show_report(name: str, report: ImportReport) -> None:
    origin = tr("ui.exchange.origin", origin=report.origin) if report.origin else ""
    if report.dry_run:
        st.info(md(tr("ui.exchange.checked", name=name, origin=origin)))
    else:
        st.success(md(tr("ui.exchange.imported", name=name, origin=origin)))
    cols = st.columns(4)
    cols[0].metric(tr("ui.exchange.documents"), report.documents_imported)
    cols[1].metric(tr("ui.exchange.codings"), report.codings_imported)
    cols[2].metric(tr("ui.exchange.codes_new"), report.codes_added)
    cols[3].metric(tr("ui.exchange.memos"), report.memos_imported)
    details = []
    if report.codes_updated:
        details.append(tr("ui.exchange.codes_updated", n=report.codes_updated))
    if report.coders_added:
        details.append(tr("ui.exchange.coders_added", n=report.coders_added))
    if report.attributes_set:
        details.append(tr("ui.exchange.attributes_set", n=report.attributes_set))
    if report.sets_created or report.set_members_added:  # issue 19
        details.append(tr("ui.exchange.sets", sets=report.sets_created, members=report.set_members_added))
    if report.media_attached:  # issue 21
        details.append(
            tr("ui.media.refi_attached", n=report.media_attached, stamps=report.time_stamps_synced)
        )
    if report.documents_present or report.codings_present:
        details.append(
            tr("ui.exchange.present", documents=report.documents_present, codings=report.codings_present)
        )
    if details:
        st.caption(md(" · ".join(details)))
    if report.codebook is not None:
        show_codes(report.codebook)
    for kind, items in (
        ("missing_sources", report.missing_sources),
        ("skipped_sources", report.skipped_sources),
        ("warnings", report.warnings),
    ):
        if items:
            with st.expander(
                f"{tr(f'ui.exchange.{kind}')}: {len(items)}", expanded=kind == "missing_sources"
            ):
                st.markdown("\n".join(f"- {md(item)}" for item in items))


with st.container(border=True):
    st.markdown(f"**{tr('ui.exchange.import')}**")
    may_import = not team_mode(project) or is_lead(project, actor)
    if not may_import:
        st.info(tr("ui.exchange.lead_only"))
    upload = file_uploader(
        tr("ui.exchange.file"), type=["qdpx", "qdc"], key="exchange_upload", label_visibility="collapsed"
    )
    dry_run = st.checkbox(tr("ui.exchange.dry_run"), key="exchange_dry_run")
    if st.button(
        tr("ui.exchange.import"), type="primary", disabled=not upload or not may_import, key="exchange_import"
    ):
        assert upload is not None
        try:
            report = import_upload(project, upload.getvalue(), upload.name, actor=actor, dry_run=dry_run)
        except ToolkitError as exc:
            error(exc)
        else:
            st.session_state["exchange_report"] = (upload.name, report)
    if "exchange_report" in st.session_state:
        show_report(*st.session_state["exchange_report"])

with st.container(border=True):
    st.markdown(f"**{tr('ui.exchange.export')}**")
    st.caption(tr("ui.exchange.export_caption"))
    unique_names = st.checkbox(
        tr("ui.exchange.unique_names"),
        key="exchange_unique_names",
    )
    left, middle, right = st.columns(3)
    left.download_button(
        tr("ui.exchange.project_qdpx"),
        functools.partial(  # made on click
            export_project, project, actor=actor, unique_names=unique_names, case_segments=unique_names
        ),
        file_name=tr("ui.exchange.project_file"),
        mime="application/zip",
        key="exchange_download_qdpx",
        on_click="ignore",
    )
    middle.download_button(
        tr("ui.exchange.codebook_qdc"),
        functools.partial(export_codebook_qdc, project, unique_names=unique_names),
        file_name=tr("ui.exchange.codebook_file"),
        mime="application/xml",
        key="exchange_download_qdc",
        disabled=not code_tree(project),
        on_click="ignore",
    )
    right.download_button(
        "Taguette (.csv)",
        lambda: export_codebook_csv(project).encode("utf-8"),  # made on click
        file_name=tr("ui.exchange.taguette_file"),
        mime="text/csv",
        key="exchange_download_taguette",
        disabled=not code_tree(project),
        on_click="ignore",
        help=tr("ui.exchange.taguette_help"),
    )

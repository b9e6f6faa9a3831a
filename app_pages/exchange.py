"""Austausch: REFI-QDA projects (.qdpx) and codebooks (.qdc) of MAXQDA, ATLAS.ti, NVivo, qc in and
out, with the import report."""

from __future__ import annotations

import functools

import streamlit as st

from app_pages.messages import german
from app_pages.ui import md, store
from toolkit.accounts import is_lead, team_mode
from toolkit.codes import code_tree
from toolkit.codes_merge import LoadReport
from toolkit.errors import ToolkitError
from toolkit.exchange.refi import ImportReport, export_codebook_qdc, export_project, import_upload
from toolkit.exchange.taguette_codebook import export_codebook_csv

project = store()
actor = st.session_state.get("app_coder") or "app"

st.title("Austausch")
st.caption(
    "REFI-QDA: Projekte (.qdpx) und Codebücher (.qdc) mit MAXQDA, ATLAS.ti, NVivo, QualCoder, qc "
    "und Taguette austauschen"
)


FIELDS = {
    "name": "Name",
    "name_en": "Name (englisch)",
    "definition": "Definition",
    "anchor_example": "Ankerbeispiel",
    "coding_rule": "Kodierregel",
    "colour": "Farbe",
    "field_of_action": "Handlungsfeld",
    "valence": "Valenz",
    "keywords_de": "Schlüsselwörter (de)",
    "keywords_en": "Schlüsselwörter (en)",
    "source": "Quelle",
    "parent": "übergeordneter Code",
    "id": "Kennung",
}


def _short(value: object) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return md(text if len(text) <= 60 else text[:57] + "…") or "(leer)"


def show_codes(plan: LoadReport) -> None:
    """The codes of an import one by one: new, changed (field by field), kept because empty."""
    lines = []
    for code in plan.codes:
        if code.action == "add":
            lines.append(f"- neu: **{md(code.path)}**")
        elif code.action == "change":
            fields = "; ".join(
                f"{FIELDS.get(f.field, f.field)}: „{_short(f.before)}“ → „{_short(f.after)}“"
                for f in code.changes
            )
            lines.append(f"- geändert: **{md(code.path)}**: {fields}")
        if code.kept:
            kept = ", ".join(FIELDS.get(f, f) for f in code.kept)
            lines.append(f"- behalten bei **{md(code.path)}** (in der Datei leer): {kept}")
    if lines:
        counts = f"{len(plan.added)} neu, {len(plan.updated)} geändert, {plan.unchanged} gleich"
        title = f"Codes im Einzelnen: {counts}"
        with st.expander(title, expanded=bool(plan.updated)):
            st.markdown("\n".join(lines))


def show_report(name: str, report: ImportReport) -> None:
    origin = f" (aus {report.origin})" if report.origin else ""
    if report.dry_run:
        st.info(md(f"{name} geprüft{origin}: so würde der Import aussehen; nichts wurde gespeichert"))
    else:
        st.success(md(f"{name} importiert{origin}"))
    cols = st.columns(4)
    cols[0].metric("Dokumente", report.documents_imported)
    cols[1].metric("Codierungen", report.codings_imported)
    cols[2].metric("Codes neu", report.codes_added)
    cols[3].metric("Memos", report.memos_imported)
    details = []
    if report.codes_updated:
        details.append(f"{report.codes_updated} {'Code' if report.codes_updated == 1 else 'Codes'} geändert")
    if report.coders_added:
        who = "neue:r Kodierer:in" if report.coders_added == 1 else "neue Kodierer:innen"
        details.append(f"{report.coders_added} {who}")
    if report.attributes_set:
        details.append(f"{report.attributes_set} Merkmalswerte")
    if report.documents_present or report.codings_present:
        details.append(
            f"schon vorhanden: {report.documents_present} Dokumente, {report.codings_present} Codierungen"
        )
    if details:
        st.caption(md(" · ".join(details)))
    if report.codebook is not None:
        show_codes(report.codebook)
    for title, items in (
        ("Fehlende Quellen (nicht importiert)", report.missing_sources),
        ("Übersprungene Quellen (kein Text)", report.skipped_sources),
        ("Hinweise", report.warnings),
    ):
        if items:
            with st.expander(f"{title}: {len(items)}", expanded=title.startswith("Fehlende")):
                st.markdown("\n".join(f"- {md(item)}" for item in items))


with st.container(border=True):
    st.markdown("**Importieren**")
    may_import = not team_mode(project) or is_lead(project, actor)
    if not may_import:
        st.info("Nur eine Projektleitung kann Projekte und Codebücher importieren.")
    upload = st.file_uploader(
        "Datei", type=["qdpx", "qdc"], key="exchange_upload", label_visibility="collapsed"
    )
    dry_run = st.checkbox("Nur prüfen: Bericht zeigen, nichts speichern", key="exchange_dry_run")
    if st.button("Importieren", type="primary", disabled=not upload or not may_import, key="exchange_import"):
        assert upload is not None
        try:
            report = import_upload(project, upload.getvalue(), upload.name, actor=actor, dry_run=dry_run)
        except ToolkitError as exc:
            st.error(md(german(exc)))
        else:
            st.session_state["exchange_report"] = (upload.name, report)
    if "exchange_report" in st.session_state:
        show_report(*st.session_state["exchange_report"])

with st.container(border=True):
    st.markdown("**Exportieren**")
    st.caption(
        "Für andere Programme: Texte, Codes mit Definition, Ankerbeispiel und Kodierregel, Codierungen, Memos"
    )
    unique_names = st.checkbox(
        "Für QualCoder: eindeutige Codenamen wie „Treiber (Mensch)“ (QualCoder legt gleichnamige Codes "
        "zusammen) und Sprecher:innen als Fälle mit ihren Redebeiträgen",
        key="exchange_unique_names",
    )
    left, middle, right = st.columns(3)
    left.download_button(
        "Projekt (.qdpx)",
        functools.partial(  # made on click
            export_project, project, actor=actor, unique_names=unique_names, case_segments=unique_names
        ),
        file_name="projekt.qdpx",
        mime="application/zip",
        key="exchange_download_qdpx",
        on_click="ignore",
    )
    middle.download_button(
        "Codebuch (.qdc)",
        functools.partial(export_codebook_qdc, project, unique_names=unique_names),
        file_name="codebuch.qdc",
        mime="application/xml",
        key="exchange_download_qdc",
        disabled=not code_tree(project),
        on_click="ignore",
    )
    right.download_button(
        "Taguette (.csv)",
        lambda: export_codebook_csv(project).encode("utf-8"),  # made on click
        file_name="codebuch-taguette.csv",
        mime="text/csv",
        key="exchange_download_taguette",
        disabled=not code_tree(project),
        on_click="ignore",
        help="Das Codebuch für Taguette (dort: Codebuch importieren). Die Ebenen eines Codes stehen im "
        "Tag-Namen („Mensch/Treiber/Lotsen“); Taguettes Export gibt denselben Baum zurück.",
    )

"""Dokumente: document variables from an Excel/CSV table (a preview first, then one transaction)
and the variables of every document as a table to download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.lang import file_uploader, tr
from app_pages.ui import error, md
from toolkit.attribute_table import AttributeImport, attributes_file, import_attributes
from toolkit.errors import ToolkitError
from toolkit.store import Store


def _preview(report: AttributeImport) -> None:
    columns = ", ".join(f"{n} ({tr(f'ui.variables.type.{k}')})" for n, k in report.types.items())
    st.caption(md(tr("ui.variables.types", columns=columns)))
    for line, name in report.unmatched[:50]:
        st.warning(md(tr("ui.variables.unmatched", line=line, name=name)))
    if report.undefined:
        st.info(md(tr("ui.variables.undefined", names=", ".join(report.undefined))))
    if not report.changes:
        st.info(tr("ui.variables.nothing"))
        return
    st.write(tr("ui.variables.preview", values=report.values, documents=report.documents))
    st.dataframe(
        pd.DataFrame(
            [{"d": d, "n": n, "o": o or "–", "v": v} for d, n, o, v in report.changes],
        ).rename(
            columns={
                "d": tr("ui.variables.col.document"),
                "n": tr("ui.variables.col.name"),
                "o": tr("ui.variables.col.old"),
                "v": tr("ui.variables.col.new"),
            }
        ),
        hide_index=True,
        width="stretch",
        height=min(400, 40 + 35 * len(report.changes)),
    )


def variables_panel(project: Store, actor: str) -> None:
    """The panel: upload, preview, apply; downloads of the current variables."""
    with st.expander(tr("ui.variables.title"), expanded="variables_done" in st.session_state):
        st.caption(tr("ui.variables.help"))
        done_message = st.session_state.pop("variables_done", None)
        if done_message:
            st.success(done_message)
        round_ = st.session_state.setdefault("variables_round", 0)  # a new uploader after each apply
        upload = file_uploader(
            tr("ui.variables.file"), type=["xlsx", "csv"], key=f"variables_upload_{round_}"
        )
        if upload is not None:
            data = upload.getvalue()
            try:
                report = import_attributes(project, data, upload.name, actor=actor, dry_run=True)
            except ToolkitError as exc:
                error(exc)
            else:
                _preview(report)
                if report.changes and st.button(
                    tr("ui.variables.apply"), type="primary", key="variables_apply"
                ):
                    try:
                        done = import_attributes(project, data, upload.name, actor=actor)
                    except ToolkitError as exc:
                        error(exc)
                    else:
                        st.session_state["variables_done"] = tr(
                            "ui.variables.done", values=done.values, documents=done.documents
                        )
                        st.session_state["variables_round"] = round_ + 1
                        st.rerun()
        left, right = st.columns(2)
        left.download_button(
            tr("ui.variables.download_xlsx"),
            attributes_file(project, "xlsx"),
            file_name="variablen.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="variables_xlsx",
        )
        right.download_button(
            tr("ui.variables.download_csv"),
            attributes_file(project, "csv"),
            file_name="variablen.csv",
            mime="text/csv",
            key="variables_csv",
        )

"""Intercoder agreement: choose coders and a method, see the tables per code, field and overall, the
methods paragraph, and download them. Everything is computed by ``toolkit.agreement``. pandas and
the exports load only when there is a table to show (a large project's first view has none)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import streamlit as st

from app_pages.lang import code_labels, tr, ui_language
from app_pages.ui import error
from toolkit.agreement import METHODS, agreement, blind_coding, report_data
from toolkit.agreement.formatting import format_number
from toolkit.agreement.methods import DEFAULT_THRESHOLD
from toolkit.agreement.selection import plan
from toolkit.code_labels import field_names, path_names
from toolkit.coders import CONSENSUS_CODER, list_coders
from toolkit.codes import list_codes
from toolkit.documents import document_names
from toolkit.errors import ToolkitError
from toolkit.store import Store, project_state
from toolkit.units import UNIT_KINDS

if TYPE_CHECKING:
    import pandas as pd

METHOD_LABELS = {m: tr(f"ui.agreement.method.{m}") for m in METHODS}
UNIT_LABELS = {u: tr(f"ui.agreement.unit.{u}") for u in UNIT_KINDS}
ALL = "(alle)"  # the pickers' value for everything (shown in the tab's language)
AUTO_DOCUMENTS = 40  # up to this many compared documents every method runs at once
# headings for the library's table columns; coefficients with three decimals
COLUMN_LABELS = {
    c: tr(f"ui.agreement.col.{c}")
    for c in (
        *("scope", "pair", "code", "field", "document", "units", "segments_a", "segments_b"),
        *("agreements", "disagreements", "codes", "both", "only_a", "only_b", "neither", "notes"),
    )
}
COEFFICIENT_LABELS = {
    c: tr(f"ui.agreement.coef.{c}")
    for c in (
        *("percent_agreement", "cohen_kappa", "scott_pi", "fleiss_kappa", "conger_kappa"),
        *("krippendorff_alpha", "gwet_ac1", "brennan_prediger", "alpha_ci_low", "alpha_ci_high"),
        *("kappa", "observed", "expected", "u_alpha"),
    )
}
TABLE_COLUMNS: dict[str, Any] = {
    **{k: st.column_config.Column(v) for k, v in COLUMN_LABELS.items()},
    **{k: st.column_config.TextColumn(v) for k, v in COEFFICIENT_LABELS.items()},
}
COUNT_COLUMNS = (
    *("units", "segments_a", "segments_b", "agreements", "disagreements"),
    *("both", "only_a", "only_b", "neither"),
)

store: Store = st.session_state["app_store"]
viewer = st.session_state.get("app_coder")

st.title(tr("ui.agreement.title"))
lang = ui_language()
if blind_coding(store):
    st.info(tr("ui.agreement.blind"))
    st.stop()

coders = [c for c in list_coders(store) if c != CONSENSUS_CODER]
if len(coders) < 2:
    st.info(tr("ui.agreement.two_coders"))
    st.stop()

left, middle, right = st.columns(3)
default = [viewer, *(c for c in coders if c != viewer)][:2] if viewer in coders else coders[:2]
chosen = left.multiselect(
    tr("ui.agreement.coders"),
    coders,
    default=default,
    key="agreement_coders",
    placeholder=tr("ui.agreement.pick_coders"),
)
method = middle.selectbox(
    tr("ui.agreement.method"), METHODS, format_func=lambda m: METHOD_LABELS[m], key="agreement_method"
)
unit = "sentence"
threshold: float | None = None
if method == "unit":
    unit = right.selectbox(
        tr("ui.agreement.unit"), UNIT_KINDS, format_func=lambda u: UNIT_LABELS[u], key="agreement_unit"
    )
    threshold = right.slider(tr("ui.agreement.unit_threshold"), 0, 100, 0, key="agreement_unit_threshold")
elif method == "segment":
    threshold = right.slider(
        tr("ui.agreement.overlap"), 1, 100, int(DEFAULT_THRESHOLD["segment"]), key="agreement_overlap"
    )

codes = list_codes(store)
fields = sorted({c.field_of_action for c in codes if c.field_of_action})
f1, f2, f3 = st.columns(3)
shown_all = {ALL: tr("ui.agreement.all")}
code_label = code_labels(store)  # English tabs name codes and fields by the codebook's name_en
path_label = path_names(store, lang)  # tables and cards keep the path's slashes
field_label = field_names(store, lang)
code = f1.selectbox(
    tr("ui.agreement.code"),
    [ALL, *(c.path for c in codes)],
    key="agreement_code",
    format_func=lambda v: shown_all.get(v) or code_label(v),
)
document = f2.selectbox(
    tr("ui.agreement.document"),
    [ALL, *document_names(store)],
    key="agreement_document",
    format_func=lambda v: shown_all.get(v, v),
)
field = f3.selectbox(
    tr("ui.agreement.field"),
    [ALL, *fields],
    key="agreement_field",
    format_func=lambda v: shown_all.get(v) or field_label.get(v, v),
)

if len(chosen) < 2:
    st.info(tr("ui.agreement.choose_two"))
    st.stop()

try:
    scope_plan = plan(
        store, chosen, code=None if code == ALL else code, document=None if document == ALL else document
    )
except ToolkitError as exc:
    error(exc)
    st.stop()

compared, excluded = scope_plan.documents, scope_plan.excluded


def _documents(n: int) -> str:
    return tr("ui.agreement.documents_one" if n == 1 else "ui.agreement.documents_many", n=n)


st.caption(tr("ui.agreement.compared", documents=_documents(len(compared))))
if excluded:
    st.warning(tr("ui.agreement.excluded", documents=_documents(len(excluded))))
    import pandas as pd

    st.dataframe(
        pd.DataFrame(
            {
                tr("ui.agreement.col.document"): [e.document for e in excluded],
                tr("ui.agreement.col.not_coded_by"): [", ".join(e.not_coded_by) for e in excluded],
            }
        ),
        hide_index=True,
        width="stretch",
    )
if not compared:
    st.info(tr("ui.agreement.nothing"))

# results per project state and settings; small projects and the cheap document method compute at
# once, larger ones on request with a progress bar (a click on "Abbrechen" interrupts the run)
settings_key = (project_state(store), tuple(chosen), method, unit, threshold, code, document)
results: dict[tuple[object, ...], Any] = st.session_state.setdefault("agreement_results", {})
result = results.get(settings_key)
b1, b2, _ = st.columns([1, 1, 3])
start = b1.button(tr("ui.agreement.run"), type="primary", key="agreement_run", disabled=result is not None)
if b2.button(tr("ui.agreement.cancel"), key="agreement_cancel") and result is None:
    st.info(tr("ui.agreement.cancelled"))
    st.stop()
if result is None and (start or method == "document" or len(compared) <= AUTO_DOCUMENTS):
    bar = st.progress(0.0, text=tr("ui.agreement.starting"))

    def _tick(done: int, total: int) -> None:
        bar.progress(
            done / max(total, 1),
            text=tr("ui.agreement.tick", method=METHOD_LABELS[method], done=done, total=total),
        )

    try:
        result = agreement(
            store,
            chosen,
            method=method,
            unit=unit,
            threshold=threshold,
            code=None if code == ALL else code,
            document=None if document == ALL else document,
            draws=1000,
            progress=_tick,
        )
    except ToolkitError as exc:
        error(exc)
        st.stop()
    bar.progress(1.0, text=tr("ui.agreement.finished", n=len(compared)))
    results[settings_key] = result
    while len(results) > 8:
        results.pop(next(iter(results)))
if result is None:
    st.info(tr("ui.agreement.large", n=len(compared)))
    st.stop()


def _order(frame: pd.DataFrame) -> list[str]:
    """What to read first: the code or document, then the coefficients, then the counts."""
    columns = [str(c) for c in frame.columns]
    first = [c for c in ("code", "document") if c in columns]
    coefficients = [c for c in columns if c in COEFFICIENT_LABELS]
    rest = [c for c in columns if c not in (*first, *coefficients, "scope")]
    return [*first, *coefficients, *rest]


import pandas as pd  # noqa: E402  (only with results to show)

from toolkit.exports.agreement import write_csv, write_docx, write_xlsx  # noqa: E402

data = report_data(result)
st.subheader(tr("ui.agreement.paragraph"))
st.write(data[f"paragraph_{lang}"])
with st.expander(tr("ui.agreement.paragraph_other")):  # to copy into a paper in the other language
    st.code(data["paragraph_de" if lang == "en" else "paragraph_en"], language=None, wrap_lines=True)

for name, rows in data["tables"].items():
    st.subheader(
        tr("ui.agreement.table.agreement" if name == "agreement" else "ui.agreement.table.documents")
    )
    frame = pd.DataFrame(rows)
    if field != ALL and "field" in frame:
        frame = frame[frame["field"].isin([field, ""])]
    if "code" in frame and "scope" in frame:  # rows for a field or all codes say so instead of a blank
        frame = frame.assign(
            code=[
                path_label.get(c, c)
                if c
                else (
                    tr("ui.agreement.all_codes")
                    if scope == "overall"
                    else tr("ui.agreement.all_codes_in", field=field_label.get(f, f))
                )
                for c, scope, f in zip(
                    frame["code"],
                    frame["scope"],
                    frame["field"] if "field" in frame else [""] * len(frame),
                    strict=True,
                )
            ]
        )
    if "field" in frame:
        frame = frame.assign(field=[field_label.get(f, f) for f in frame["field"]])
    shown = [str(c) for c in frame.columns if c in COEFFICIENT_LABELS or c in COUNT_COLUMNS]
    # numbers in the tab's language, each with the precision it needs (u-alpha's disagreements are tiny)
    frame = frame.assign(**{c: [format_number(v, lang, c) for v in frame[c]] for c in shown})
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_config=TABLE_COLUMNS,
        column_order=_order(frame),
    )

csv_buffer = io.StringIO()
write_csv(data, csv_buffer)
xlsx_buffer, docx_buffer = io.BytesIO(), io.BytesIO()
write_xlsx(data, xlsx_buffer, lang=lang)
write_docx(data, docx_buffer, lang=lang)
d1, d2, d3 = st.columns(3)
d1.download_button(
    tr("ui.agreement.csv"),
    csv_buffer.getvalue(),
    f"{tr('ui.agreement.file')}.csv",
    "text/csv",
    key="agreement_csv",
)
d2.download_button(
    tr("ui.agreement.xlsx"),
    xlsx_buffer.getvalue(),
    f"{tr('ui.agreement.file')}.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="agreement_xlsx",
)
d3.download_button(
    tr("ui.agreement.docx"),
    docx_buffer.getvalue(),
    f"{tr('ui.agreement.file')}.docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    key="agreement_docx",
)

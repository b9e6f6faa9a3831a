"""Intercoder agreement: choose coders and a method, see the tables per code, field and overall, the
methods paragraph, and download them. Everything is computed by ``toolkit.agreement``."""

from __future__ import annotations

import io
from typing import Any

import pandas as pd
import streamlit as st

from app_pages.messages import german
from toolkit.agreement import METHODS, agreement, blind_coding, report_data
from toolkit.agreement.formatting import format_number
from toolkit.agreement.methods import DEFAULT_THRESHOLD
from toolkit.agreement.selection import plan
from toolkit.agreement.units import UNIT_KINDS
from toolkit.blind import CONSENSUS_CODER
from toolkit.codes import list_codes
from toolkit.codings import list_coders
from toolkit.documents import list_documents
from toolkit.errors import ToolkitError
from toolkit.exports.agreement import write_csv, write_docx, write_xlsx
from toolkit.store import Store, project_state

METHOD_LABELS = {
    "unit": "Einheiten (Sätze, Beiträge, Absätze)",
    "segment": "Segmente (wie MAXQDA)",
    "character": "Zeichen (wie NVivo)",
    "unitized": "Krippendorffs uα (Zeichenkontinuum)",
    "document": "Vorkommen je Dokument",
}
UNIT_LABELS = {"sentence": "Sätze", "turn": "Redebeiträge", "paragraph": "Absätze"}
ALL = "(alle)"
AUTO_DOCUMENTS = 40  # up to this many compared documents every method runs at once
# German headings for the library's table columns; coefficients with three decimals
COLUMN_LABELS = {
    "scope": "Ebene",
    "pair": "Paar",
    "code": "Code",
    "field": "Handlungsfeld",
    "document": "Dokument",
    "units": "Einheiten",
    "segments_a": "Segmente A",
    "segments_b": "Segmente B",
    "agreements": "übereinstimmend",
    "disagreements": "abweichend",
    "codes": "Codes",
    "both": "Zeichen beide",
    "only_a": "nur A",
    "only_b": "nur B",
    "neither": "keiner",
    "notes": "Hinweise",
}
COEFFICIENT_LABELS = {
    "percent_agreement": "Übereinstimmung",
    "cohen_kappa": "Cohens κ",
    "scott_pi": "Scotts π",
    "fleiss_kappa": "Fleiss' κ",
    "conger_kappa": "Congers κ",
    "krippendorff_alpha": "Krippendorffs α",
    "gwet_ac1": "Gwets AC1",
    "brennan_prediger": "Brennan-Prediger",
    "alpha_ci_low": "α KI unten",
    "alpha_ci_high": "α KI oben",
    "kappa": "κ",
    "observed": "beobachtet",
    "expected": "erwartet",
    "u_alpha": "uα",
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

st.title("Übereinstimmung")
if blind_coding(store):
    st.info(
        "Blindkodierung ist aktiv: Codierungen anderer bleiben verborgen, daher gibt es noch keinen "
        "Vergleich. Nach der blinden Phase auf der Seite Konsens ausschalten."
    )
    st.stop()

coders = [c for c in list_coders(store) if c != CONSENSUS_CODER]
if len(coders) < 2:
    st.info("Für einen Vergleich braucht es Codierungen von mindestens zwei Personen.")
    st.stop()

left, middle, right = st.columns(3)
default = [viewer, *(c for c in coders if c != viewer)][:2] if viewer in coders else coders[:2]
chosen = left.multiselect("Codierende", coders, default=default, key="agreement_coders")
method = middle.selectbox("Methode", METHODS, format_func=lambda m: METHOD_LABELS[m], key="agreement_method")
unit = "sentence"
threshold: float | None = None
if method == "unit":
    unit = right.selectbox("Einheit", UNIT_KINDS, format_func=lambda u: UNIT_LABELS[u], key="agreement_unit")
    threshold = right.slider("Mindestabdeckung der Einheit (%)", 0, 100, 0, key="agreement_unit_threshold")
elif method == "segment":
    threshold = right.slider(
        "Mindestüberlappung (%)", 1, 100, int(DEFAULT_THRESHOLD["segment"]), key="agreement_overlap"
    )

codes = list_codes(store)
fields = sorted({c.field_of_action for c in codes if c.field_of_action})
f1, f2, f3 = st.columns(3)
code = f1.selectbox("Code", [ALL, *(c.path for c in codes)], key="agreement_code")
document = f2.selectbox("Dokument", [ALL, *(d.name for d in list_documents(store))], key="agreement_document")
field = f3.selectbox("Handlungsfeld (Anzeige)", [ALL, *fields], key="agreement_field")

if len(chosen) < 2:
    st.info("Bitte mindestens zwei Codierende wählen.")
    st.stop()

try:
    scope_plan = plan(
        store, chosen, code=None if code == ALL else code, document=None if document == ALL else document
    )
except ToolkitError as exc:
    st.error(german(exc))
    st.stop()

compared, excluded = scope_plan.documents, scope_plan.excluded
st.caption(
    f"Verglichen: {len(compared)} {'Dokument' if len(compared) == 1 else 'Dokumente'}, "
    "die alle gewählten Personen kodiert haben (mindestens eine Codierung oder „fertig kodiert“)."
)
if excluded:
    st.warning(
        f"Nicht verglichen: {len(excluded)} {'Dokument' if len(excluded) == 1 else 'Dokumente'}, "
        "die nicht alle gewählten Personen kodiert haben. Wer ein Dokument ohne Codierung fertig "
        "gelesen hat, markiert es auf der Seite Dokumente als „fertig kodiert“."
    )
    st.dataframe(
        pd.DataFrame(
            {
                "Dokument": [e.document for e in excluded],
                "nicht kodiert von": [", ".join(e.not_coded_by) for e in excluded],
            }
        ),
        hide_index=True,
        width="stretch",
    )
if not compared:
    st.info("Kein Dokument haben alle gewählten Personen kodiert; es gibt nichts zu vergleichen.")

# results per project state and settings; small projects and the cheap document method compute at
# once, larger ones on request with a progress bar (a click on "Abbrechen" interrupts the run)
settings_key = (project_state(store), tuple(chosen), method, unit, threshold, code, document)
results: dict[tuple[object, ...], Any] = st.session_state.setdefault("agreement_results", {})
result = results.get(settings_key)
b1, b2, _ = st.columns([1, 1, 3])
start = b1.button("Berechnen", type="primary", key="agreement_run", disabled=result is not None)
if b2.button("Abbrechen", key="agreement_cancel") and result is None:
    st.info("Berechnung abgebrochen. „Berechnen“ startet sie neu.")
    st.stop()
if result is None and (start or method == "document" or len(compared) <= AUTO_DOCUMENTS):
    bar = st.progress(0.0, text="Berechnung startet …")

    def _tick(done: int, total: int) -> None:
        bar.progress(done / max(total, 1), text=f"{METHOD_LABELS[method]}: Dokument {done} von {total}")

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
        st.error(german(exc))
        st.stop()
    bar.progress(1.0, text=f"Fertig: {len(compared)} Dokumente verglichen")
    results[settings_key] = result
    while len(results) > 8:
        results.pop(next(iter(results)))
if result is None:
    st.info(
        f"{len(compared)} Dokumente zu vergleichen: die Berechnung dauert eine Weile. „Berechnen“ startet "
        "sie mit Fortschrittsanzeige, „Abbrechen“ hält sie an."
    )
    st.stop()


def _order(frame: pd.DataFrame) -> list[str]:
    """What to read first: the code or document, then the coefficients, then the counts."""
    columns = [str(c) for c in frame.columns]
    first = [c for c in ("code", "document") if c in columns]
    coefficients = [c for c in columns if c in COEFFICIENT_LABELS]
    rest = [c for c in columns if c not in (*first, *coefficients, "scope")]
    return [*first, *coefficients, *rest]


data = report_data(result)
st.subheader("Methodenabsatz")
st.write(data["paragraph_de"])
with st.expander("English"):
    st.write(data["paragraph_en"])

for name, rows in data["tables"].items():
    st.subheader("Übereinstimmung" if name == "agreement" else "Je Dokument")
    frame = pd.DataFrame(rows)
    if field != ALL and "field" in frame:
        frame = frame[frame["field"].isin([field, ""])]
    if "code" in frame and "scope" in frame:  # rows for a field or all codes say so instead of a blank
        frame = frame.assign(
            code=[
                c or ("alle Codes" if scope == "overall" else f"alle Codes in {f}")
                for c, scope, f in zip(
                    frame["code"],
                    frame["scope"],
                    frame["field"] if "field" in frame else [""] * len(frame),
                    strict=True,
                )
            ]
        )
    shown = [str(c) for c in frame.columns if c in COEFFICIENT_LABELS or c in COUNT_COLUMNS]
    # German numbers, each with the precision it needs (u-alpha's disagreements are tiny)
    frame = frame.assign(**{c: [format_number(v, "de", c) for v in frame[c]] for c in shown})
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
write_xlsx(data, xlsx_buffer)
write_docx(data, docx_buffer)
d1, d2, d3 = st.columns(3)
d1.download_button(
    "CSV herunterladen", csv_buffer.getvalue(), "uebereinstimmung.csv", "text/csv", key="agreement_csv"
)
d2.download_button(
    "Excel herunterladen",
    xlsx_buffer.getvalue(),
    "uebereinstimmung.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="agreement_xlsx",
)
d3.download_button(
    "Word herunterladen",
    docx_buffer.getvalue(),
    "uebereinstimmung.docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    key="agreement_docx",
)

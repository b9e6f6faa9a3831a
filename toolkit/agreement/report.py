"""Agreement reports: a methods-section paragraph (German and English) and the plain data that the
file writers of :mod:`toolkit.exports.agreement` (CSV, XLSX, DOCX) take."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any

from toolkit.agreement.methods import AgreementResult

METHOD_TEXT = {
    "unit": (
        "eine einheitenbasierte Übereinstimmungsprüfung (Code vorhanden in einer Einheit, "
        "wenn die Codierungen mindestens {threshold} % der Einheit abdecken; Einheiten: {unit_de})",
        "a unit-based agreement check (a code is present in a unit when the codings cover at least "
        "{threshold}% of it; units: {unit_en})",
    ),
    "segment": (
        "eine segmentbasierte Übereinstimmungsprüfung wie in MAXQDA (Segmente gelten als übereinstimmend "
        "bei mindestens {threshold} % Überlappung; Zufallsübereinstimmung 1/Anzahl der Codes nach "
        "Brennan & Prediger)",
        "a segment-based agreement check as in MAXQDA (segments agree when they overlap by at least "
        "{threshold}%; chance agreement 1/number of codes after Brennan & Prediger)",
    ),
    "character": (
        "eine zeichenbasierte Übereinstimmungsprüfung wie in NVivo (Prozentübereinstimmung und "
        "Cohens Kappa über alle Zeichen)",
        "a character-based agreement check as in NVivo (percent agreement and Cohen's kappa over "
        "all characters)",
    ),
    "unitized": (
        "Krippendorffs Alpha für unitisierte Daten (uα, Krippendorff 2004) über das "
        "Zeichenkontinuum der Dokumente",
        "Krippendorff's alpha for unitized data (uα, Krippendorff 2004) over the documents' "
        "character continuum",
    ),
    "document": (
        "eine Prüfung des Vorkommens jedes Codes je Dokument",
        "a check of each code's presence per document",
    ),
}
UNIT_NAMES = {
    "sentence": ("Sätze", "sentences"),
    "turn": ("Redebeiträge", "turns"),
    "paragraph": ("Absätze", "paragraphs"),
}
COUNT_NAMES = {
    "units": ("Einheiten", "units"),
    "segments": ("Segmenten", "segments"),
    "characters": ("Zeichen", "characters"),
}


def _num(value: Any, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n. b." if lang == "de" else "n/a"
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang == "de" else text


def _overall(result: AgreementResult) -> dict[str, Any]:
    rows = [r for r in result.tables.get("agreement", []) if r.get("scope") == "overall"]
    return rows[0] if rows else {}


def _coefficients_text(result: AgreementResult, lang: str) -> str:
    row = _overall(result)
    if not row:
        return "keine Werte" if lang == "de" else "no values"
    if result.method in ("unit", "document"):
        ci = (
            f" ({int(result.settings['confidence'] * 100)}-%-KI {_num(row['alpha_ci_low'], lang)}–"
            f"{_num(row['alpha_ci_high'], lang)})"
            if lang == "de"
            else f" ({int(result.settings['confidence'] * 100)}% CI {_num(row['alpha_ci_low'], lang)}–"
            f"{_num(row['alpha_ci_high'], lang)})"
        )
        kappa = row["cohen_kappa"] if row["cohen_kappa"] is not None else row["fleiss_kappa"]
        kname = (
            ("Cohens κ" if row["cohen_kappa"] is not None else "Fleiss' κ")
            if lang == "de"
            else ("Cohen's κ" if row["cohen_kappa"] is not None else "Fleiss' κ")
        )
        alpha = _num(row["krippendorff_alpha"], lang)
        ac1 = _num(row["gwet_ac1"], lang)
        pct = _num(row["percent_agreement"] * 100, lang)
        if lang == "de":
            return f"Krippendorffs α = {alpha}{ci}, {kname} = {_num(kappa, lang)}, Gwets AC1 = {ac1}, " + (
                f"Übereinstimmung {pct} %"
            )
        return f"Krippendorff's α = {alpha}{ci}, {kname} = {_num(kappa, lang)}, Gwet's AC1 = {ac1}, " + (
            f"agreement {pct}%"
        )
    if result.method == "unitized":
        return f"uα = {_num(row['u_alpha'], lang)}"
    kappa = _num(row["kappa"], lang)
    pct = _num(row["percent_agreement"] * 100, lang)
    return f"κ = {kappa}, Übereinstimmung {pct} %" if lang == "de" else f"κ = {kappa}, agreement {pct}%"


def _excluded_text(result: AgreementResult, lang: str) -> str:
    """The sentence naming the documents left out because a compared coder has not coded them."""
    if not result.excluded:
        return ""
    n = len(result.excluded)
    if lang == "de":
        items = "; ".join(
            f"{e['document']} (nicht kodiert von {', '.join(e['not_coded_by'])})" for e in result.excluded
        )
        return (
            f" Nicht verglichen {'wurde' if n == 1 else 'wurden'} {n} "
            f"{'Dokument' if n == 1 else 'Dokumente'}, {'das' if n == 1 else 'die'} nicht alle Personen "
            f"kodiert haben: {items}."
        )
    items = "; ".join(
        f"{e['document']} (not coded by {', '.join(e['not_coded_by'])})" for e in result.excluded
    )
    return (
        f" {n} {'document was' if n == 1 else 'documents were'} not compared because not every coder "
        f"had coded {'it' if n == 1 else 'them'}: {items}."
    )


def methods_paragraph(result: AgreementResult, lang: str = "de") -> str:
    """A paragraph for the methods section stating method, unit, threshold, coders, counts, the
    overall coefficients (with the bootstrap interval of alpha where computed) and the documents
    left out because not every coder had coded them (coded: a coding there or marked done)."""
    if lang not in ("de", "en"):
        raise ValueError(f"language {lang!r} is not supported; use de or en")
    s = result.settings
    unit_de, unit_en = UNIT_NAMES.get(s.get("unit") or "", ("", ""))
    threshold = _num(s.get("threshold") or 0.0, lang).rstrip("0").rstrip(",.") or "0"
    template = METHOD_TEXT[result.method][0 if lang == "de" else 1]
    method = template.format(threshold=threshold, unit_de=unit_de, unit_en=unit_en)
    if result.method == "unit" and not s.get("threshold"):
        method = method.replace(
            "wenn die Codierungen mindestens 0 % der Einheit abdecken", "wenn eine Codierung sie berührt"
        ).replace("when the codings cover at least 0% of it", "when a coding touches it")
    coders = ", ".join(s["coders"])
    count_key = next((k for k in COUNT_NAMES if k in result.counts), "units")
    count_name = COUNT_NAMES[count_key][0 if lang == "de" else 1]
    if result.method == "document":
        count_name = "Dokumenten" if lang == "de" else "documents"
    count = result.counts.get(count_key, 0)
    docs, codes = result.counts.get("documents", 0), result.counts.get("codes", 0)
    values = _coefficients_text(result, lang)
    if lang == "de":
        return (
            f"Zur Prüfung der Intercoder-Übereinstimmung codierten {len(s['coders'])} Personen ({coders}) "
            f"unabhängig voneinander {docs} {'Dokument' if docs == 1 else 'Dokumente'} mit {codes} "
            f"{'Code' if codes == 1 else 'Codes'}. Berechnet wurde {method} auf "
            f"{count} {count_name}. Über alle Codes ergab sich {values}."
            + (
                f" Das Konfidenzintervall beruht auf {s['draws']} Bootstrap-Ziehungen der Einheiten."
                if s.get("draws")
                else ""
            )
            + _excluded_text(result, lang)
        )
    return (
        f"To check intercoder agreement, {len(s['coders'])} coders ({coders}) independently coded {docs} "
        f"{'document' if docs == 1 else 'documents'} with {codes} {'code' if codes == 1 else 'codes'}. "
        f"We computed {method} on {count} {count_name}. Across all codes this "
        f"gave {values}."
        + (
            f" The confidence interval rests on {s['draws']} bootstrap draws of the units."
            if s.get("draws")
            else ""
        )
        + _excluded_text(result, lang)
    )


def report_data(result: AgreementResult) -> dict[str, Any]:
    """Everything a report shows, as plain data: settings, counts, tables, paragraphs."""
    return {
        "method": result.method,
        "settings": result.settings,
        "counts": result.counts,
        "documents": list(result.documents),
        "excluded_documents": [dict(e) for e in result.excluded],
        "tables": result.tables,
        "paragraph_de": methods_paragraph(result, "de"),
        "paragraph_en": methods_paragraph(result, "en"),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
